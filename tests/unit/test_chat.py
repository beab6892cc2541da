"""`bounceback chat` without a process: what a typed line becomes, how the local transport
shows the bot's messages, the chat's clock and the chat user's language."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

import pytest
from telegram import Bot, InlineKeyboardMarkup, Update

from bot.chat import (
    CHAT_TOKEN,
    ChatClock,
    ChatUser,
    Keyboard,
    Terminal,
    TerminalRequest,
    chat_language,
    keyboard_from_markup,
    parse_jump,
    update_for,
)
from core.errors import StartupError
from tests.support.clock import NOW, FixedClock

WHEN = {
    "inline_keyboard": [
        [
            {"text": "Today", "callback_data": "j:when:today"},
            {"text": "Yesterday", "callback_data": "j:when:yesterday"},
        ],
        [{"text": "Earlier", "callback_data": "j:when:earlier"}],
    ]
}
HOW_MANY = {
    "inline_keyboard": [
        [{"text": label, "callback_data": f"j:n:{label}"} for label in ("0", "1", "2", "3")]
    ]
}


def keyboard(markup: dict[str, Any], message_id: int = 7) -> Keyboard:
    found = keyboard_from_markup(message_id, "When did you hear back?", markup)
    assert found is not None
    return found


def typed(line: str, board: Keyboard | None = None) -> dict[str, Any]:
    return update_for(line, keyboard=board, user=ChatUser(), update_id=41, message_id=9, now=NOW)


def test_a_number_presses_that_button_of_the_newest_keyboard() -> None:
    update = typed("3", keyboard(WHEN))

    assert update["callback_query"]["data"] == "j:when:earlier"
    assert update["callback_query"]["message"]["message_id"] == 7


def test_a_label_presses_that_button_whatever_its_case() -> None:
    assert typed("yesterday", keyboard(WHEN))["callback_query"]["data"] == "j:when:yesterday"


def test_a_label_that_is_a_number_wins_over_the_position() -> None:
    assert typed("2", keyboard(HOW_MANY))["callback_query"]["data"] == "j:n:2"


def test_a_number_beyond_the_buttons_is_a_message() -> None:
    assert typed("36", keyboard(WHEN))["message"]["text"] == "36"


def test_other_text_is_a_private_message() -> None:
    update = typed("I froze on the system design question", keyboard(WHEN))

    assert "callback_query" not in update
    assert update["message"]["text"] == "I froze on the system design question"
    assert update["message"]["chat"] == {"id": 100001, "type": "private", "first_name": "Alex"}
    assert "entities" not in update["message"]


def test_a_command_is_marked_as_telegram_marks_it() -> None:
    update = typed("/quiet off")

    assert update["message"]["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]


def test_the_update_reads_as_a_telegram_update() -> None:
    update = Update.de_json(typed("1", keyboard(WHEN)), None)

    assert update.callback_query is not None
    assert update.callback_query.data == "j:when:today"
    assert update.callback_query.from_user.language_code == "en"


async def _sent(transport: TerminalRequest, *messages: tuple[str, dict[str, Any] | None]) -> None:
    """The bot sends `messages` (text, reply_markup) through the transport."""
    async with Bot(CHAT_TOKEN, request=transport, get_updates_request=transport) as bot:
        for text, markup in messages:
            keyboard = InlineKeyboardMarkup.de_json(markup, bot) if markup else None
            await bot.send_message(100001, text, reply_markup=keyboard)


def _transport(out: io.StringIO | None = None, *, busy: bool = True) -> TerminalRequest:
    transport = TerminalRequest(Terminal(out or io.StringIO(), interactive=False), FixedClock(NOW))
    transport.busy = busy  # busy: the answer to a typed line (no time heading)
    return transport


async def test_the_transport_prints_a_message_with_its_buttons_numbered() -> None:
    out = io.StringIO()

    await _sent(_transport(out), ("When did you hear back?", WHEN))

    assert out.getvalue() == (
        "When did you hear back?\n  1) Today   2) Yesterday\n  3) Earlier\n\n"
    )


async def test_the_newest_keyboard_is_the_one_of_the_newest_message_with_buttons() -> None:
    transport = _transport()

    await _sent(transport, ("How many?", HOW_MANY), ("When?", WHEN), ("Noted.", None))

    newest = transport.newest_keyboard()
    assert newest is not None
    assert [choice.label for choice in newest.choices] == ["Today", "Yesterday", "Earlier"]


async def test_a_message_nobody_typed_for_is_headed_with_the_chats_time() -> None:
    out = io.StringIO()

    await _sent(_transport(out, busy=False), ("Time for your walk.", None))

    assert out.getvalue() == "[Wed 25 Nov 2026, 09:00 UTC]\nTime for your walk.\n\n"


def test_a_clock_jump_moves_the_chats_time_forward() -> None:
    clock = ChatClock(real=FixedClock(NOW))

    clock.advance(timedelta(hours=26))

    assert clock.now() == NOW + timedelta(hours=26)
    assert clock.ahead() == timedelta(hours=26)


@pytest.mark.parametrize(
    ("argument", "jump"),
    [
        ("+26h", timedelta(hours=26)),
        ("+30m", timedelta(minutes=30)),
        ("+2d", timedelta(days=2)),
        (" +1h30m ", timedelta(hours=1, minutes=30)),
        ("-3h", None),
        ("+0h", None),
        ("soon", None),
        ("", None),
    ],
)
def test_clock_jumps_are_read_forward_only(argument: str, jump: timedelta | None) -> None:
    assert parse_jump(argument) == jump


@pytest.mark.parametrize(
    ("requested", "environment", "code"),
    [
        ("de", None, "de"),
        ("pt_BR", "fr_FR.UTF-8", "pt-br"),
        (None, "de_DE.UTF-8", "de"),
        (None, "pt_BR.UTF-8", "pt-br"),
        (None, "C.UTF-8", "en"),
        (None, "it_IT.UTF-8", "en"),
        (None, None, "en"),
    ],
)
def test_the_chat_users_language(requested: str | None, environment: str | None, code: str) -> None:
    assert chat_language(requested, environment) == code


def test_a_language_the_bot_does_not_speak_is_refused() -> None:
    with pytest.raises(StartupError, match="no language 'it'"):
        chat_language("it", None)
