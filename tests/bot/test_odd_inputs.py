"""Inputs real Telegram traffic sometimes carries: half an emoji in a name, ids beyond 64 bits,
and a send that fails with the outgoing text in its error message."""

from __future__ import annotations

import io
import logging
import traceback
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from telegram import Bot
from telegram.error import NetworkError, TelegramError
from telegram.ext import CallbackContext
from telegram.request import RequestData

from bot.logging_setup import KeyValueFormatter, RedactingFilter
from core.delivery import DeliveryError
from core.replies import Attachment, Button, Reply
from handlers.errors import on_error
from handlers.sending import TelegramDelivery, send_reply
from models import OutboxMessage, ProcessedUpdate, User
from tests.conftest import TOKEN
from tests.support import factories
from tests.support.checkins import rows
from tests.support.harness import Conversation
from tests.support.recording_request import RecordingRequest

HALF_AN_EMOJI = "\ud83d"  # the high half of 😀, as Telegram sends a name cut mid-pair
REPLACEMENT = "\ufffd"
SECRET_NAME = "Quillfeather"  # a name that must never show up in a log

DoRequest = Callable[..., Awaitable[tuple[int, bytes]]]


def on_the_wire(do_request: DoRequest, *, fail_quoting_text: bool = False) -> DoRequest:
    """Wrap a request's `do_request` to encode the parameters as python-telegram-bot's httpx
    request does (a form, UTF-8), so text UTF-8 can't carry fails here as it does in
    production. With `fail_quoting_text`, a sendMessage fails with an error that quotes it."""

    async def wire(
        url: str, method: str, request_data: RequestData | None = None, **timeouts: Any
    ) -> tuple[int, bytes]:
        if request_data is not None:
            urlencode(request_data.json_parameters)  # UnicodeEncodeError, like httpx's form
            if fail_quoting_text and url.endswith("/sendMessage"):
                text = request_data.parameters["text"]
                raise ConnectionResetError(f"connection reset while sending {text!r}")
        return await do_request(url, method, request_data, **timeouts)

    return wire


# Where bot/logging_setup.py holds these libraries whatever LOG_LEVEL says (at DEBUG they print
# request parameters or statements).
LIBRARY_FLOORS = {
    "telegram": logging.INFO,
    "httpx": logging.WARNING,
    "aiosqlite": logging.WARNING,
    "sqlalchemy.engine": logging.WARNING,
}


def capture_as_in_production_at_debug(caplog: pytest.LogCaptureFixture) -> None:
    """Capture everything our code logs at DEBUG, with the libraries held as in production."""
    for name, level in LIBRARY_FLOORS.items():
        caplog.set_level(level, logger=name)
    caplog.set_level(logging.DEBUG)  # last: it also sets the capturing handler's level


@pytest.fixture
async def wire_bot() -> AsyncIterator[tuple[Bot, RecordingRequest]]:
    """A bot whose requests are encoded as on the wire, and the calls it made."""
    request = RecordingRequest()
    request.do_request = on_the_wire(request.do_request)  # type: ignore[method-assign,assignment]
    bot = Bot(TOKEN, request=request, get_updates_request=RecordingRequest())
    async with bot:
        yield bot, request


# Half an emoji in a name.


async def test_a_name_with_half_an_emoji_is_greeted_with_a_replacement_character(
    chat: Conversation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chat.request, "do_request", on_the_wire(chat.request.do_request))

    replies = await chat.send("/start", first_name=f"Zo{HALF_AN_EMOJI}")

    assert replies[0].startswith(f"Hi Zo{REPLACEMENT}, I'm Bounce Back.")


async def test_replies_are_sent_with_a_replacement_character(
    wire_bot: tuple[Bot, RecordingRequest],
) -> None:
    bot, request = wire_bot
    reply = Reply(
        f"Hi Zo{HALF_AN_EMOJI} 😀",
        ((Button(f"Zo{HALF_AN_EMOJI}", "x:1"),),),
        (Attachment(f"zo{HALF_AN_EMOJI}.md", b"# notes"),),
    )

    await send_reply(bot, 42, reply)

    message, document = [call for call in request.calls if call.method != "getMe"]
    assert message.params["text"] == f"Hi Zo{REPLACEMENT} 😀"
    assert message.params["reply_markup"]["inline_keyboard"][0][0]["text"] == f"Zo{REPLACEMENT}"
    assert document.method == "sendDocument"


async def test_a_check_in_is_delivered_with_a_replacement_character(
    wire_bot: tuple[Bot, RecordingRequest],
) -> None:
    bot, request = wire_bot
    reply = Reply(f"Time for your walk, Zo{HALF_AN_EMOJI}.", ((Button("Walked ✅", "c:1:w"),),))

    await TelegramDelivery(bot).deliver(42, reply)

    assert request.last_text() == f"Time for your walk, Zo{REPLACEMENT}."


# Ids beyond 64 bits.


@pytest.mark.parametrize(
    "ids",
    [
        {"user_id": 2**63},
        {"user_id": -(2**63) - 1},
        {"user_id": 2**64 + 7},
        {"update_id": 2**63},
    ],
    ids=["user 2^63", "user below -2^63", "user 2^64+7", "update 2^63"],
)
async def test_an_id_beyond_64_bits_is_refused_cleanly(
    chat: Conversation,
    engine: AsyncEngine,
    caplog: pytest.LogCaptureFixture,
    ids: dict[str, int],
) -> None:
    update = factories.text_update(chat.bot, "/start", **ids)

    with caplog.at_level(logging.INFO):
        replies = await chat.feed(update)

    assert replies == []  # nothing could be recorded, so nothing is said
    assert chat.request.calls == []
    assert await rows(engine, User) == []
    assert await rows(engine, ProcessedUpdate) == []
    assert await rows(engine, OutboxMessage) == []
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == [
        f"update {update.update_id} carries an id beyond 64 bits; refused"
    ]


async def test_a_button_press_beyond_64_bits_is_refused_cleanly(
    chat: Conversation, engine: AsyncEngine
) -> None:
    assert await chat.press("j:1:x:y", user_id=2**63) == []
    assert chat.request.calls == []  # not even the button's spinner: no such user can exist
    assert await rows(engine, User) == []


async def test_the_largest_64_bit_id_is_served(chat: Conversation, engine: AsyncEngine) -> None:
    (greeting, *_) = await chat.send("/start", user_id=2**63 - 1)

    assert greeting.startswith("Hi Alex")
    assert [user.telegram_id for user in await rows(engine, User)] == [2**63 - 1]


# A send that fails with the outgoing text in its message.


async def test_a_failed_reply_logs_nothing_of_what_it_said(
    chat: Conversation, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    capture_as_in_production_at_debug(caplog)
    wire = on_the_wire(chat.request.do_request, fail_quoting_text=True)
    monkeypatch.setattr(chat.request, "do_request", wire)

    await chat.send("/start", first_name=SECRET_NAME)

    assert "NetworkError" in caplog.text  # the failure is logged, by its class
    assert SECRET_NAME not in caplog.text


async def test_a_send_error_reaching_the_error_handler_logs_nothing_of_what_it_said(
    chat: Conversation, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    capture_as_in_production_at_debug(caplog)
    wire = on_the_wire(chat.request.do_request, fail_quoting_text=True)
    monkeypatch.setattr(chat.request, "do_request", wire)
    update = factories.text_update(chat.bot, "/start", first_name=SECRET_NAME)

    with pytest.raises(NetworkError) as caught:
        await send_reply(chat.bot, 424242, Reply(f"Hi {SECRET_NAME}"))
    context: Any = CallbackContext.from_error(update, caught.value, chat.application)
    await on_error(update, context)

    assert f"update {update.update_id} failed with NetworkError" in caplog.text
    assert SECRET_NAME not in caplog.text
    assert SECRET_NAME not in "".join(traceback.format_exception(caught.value))


async def test_a_failed_check_in_carries_nothing_of_what_it_said(
    wire_bot: tuple[Bot, RecordingRequest], monkeypatch: pytest.MonkeyPatch
) -> None:
    bot, request = wire_bot
    monkeypatch.setattr(
        request, "do_request", on_the_wire(request.do_request, fail_quoting_text=True)
    )

    with pytest.raises(DeliveryError) as caught:
        await TelegramDelivery(bot).deliver(42, Reply(f"Time for your walk, {SECRET_NAME}."))

    # The dispatcher stores this text as last_error and may log it.
    assert str(caught.value) == "NetworkError"
    assert SECRET_NAME not in "".join(traceback.format_exception(caught.value))


async def test_a_refusal_keeps_telegrams_short_description(
    wire_bot: tuple[Bot, RecordingRequest],
) -> None:
    bot, request = wire_bot
    request.fail_with("sendMessage", 400, "Bad Request: message is too long")

    with pytest.raises(DeliveryError) as caught:
        await TelegramDelivery(bot).deliver(42, Reply(f"Hi {SECRET_NAME}"))

    assert str(caught.value) == "BadRequest: Message is too long"


async def test_a_garbled_answer_echoing_the_text_is_not_logged(
    wire_bot: tuple[Bot, RecordingRequest], monkeypatch: pytest.MonkeyPatch
) -> None:
    # python-telegram-bot logs a response body it can't parse, at ERROR; a cut-off answer to
    # sendMessage echoes the message. Our log handler withholds that logger's arguments.
    bot, request = wire_bot

    async def cut_off(url: str, method: str, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        return 200, f'{{"ok":true,"result":{{"text":"Hi {SECRET_NAME}'.encode()

    monkeypatch.setattr(request, "do_request", cut_off)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(KeyValueFormatter())
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        with pytest.raises(TelegramError):
            await bot.send_message(42, f"Hi {SECRET_NAME}")
    finally:
        root.removeHandler(handler)

    assert 'Can not load invalid JSON data: \\"<withheld>\\"' in stream.getvalue()
    assert SECRET_NAME not in stream.getvalue()
