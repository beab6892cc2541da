"""The journey through the real `bounceback run` process: intake and steps 1–3 with buttons,
an old button, and crash-resume after SIGKILL on the same SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.fake_bot_api import FakeBotApi
from tests.support.process import BotProcess

pytestmark = pytest.mark.e2e

USER = 777101
STEP_4 = "Step 4 of 10 · Introspect"
STALE = "That button is from an earlier message"

Message = dict[str, Any]


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as fake:
        yield fake


def buttons(message: Message) -> list[dict[str, Any]]:
    """The inline buttons of a bot message, row after row."""
    markup = message.get("reply_markup") or {}
    return [button for row in markup.get("inline_keyboard", []) for button in row]


def labels(message: Message) -> list[str]:
    return [str(button["text"]) for button in buttons(message)]


def newest_keyboard(api: FakeBotApi, user: int) -> Message:
    """The newest message the bot sent to `user` that carries an inline keyboard."""
    message: Message
    for message in reversed(api.sent_messages(user)):
        if buttons(message):
            return message
    raise AssertionError(f"no message with buttons sent to {user}")


def _turn(api: FakeBotApi, user: int, update_id: int, before: int) -> list[Message]:
    """Wait until the bot handled `update_id` (it acknowledges the offset only after its
    replies went out) and return what it sent for it."""
    api.wait_for_message(user, after=before)
    api.wait_for_offset(update_id + 1)
    return api.sent_messages(user)[before:]


def send(api: FakeBotApi, user: int, text: str) -> list[Message]:
    """The user types `text`; returns the bot's answer (one or more messages)."""
    before = len(api.sent_messages(user))
    return _turn(api, user, api.send_text(user, text), before)


def press(
    api: FakeBotApi, user: int, label: str, *, message: Message | None = None
) -> list[Message]:
    """The user taps the button labelled `label` on `message` (default: the newest message
    with a keyboard); returns the bot's answer."""
    message = message or newest_keyboard(api, user)
    found = [b for b in buttons(message) if b["text"] == label]
    assert found, f"no button {label!r} on {message.get('text')!r}: {labels(message)}"
    before = len(api.sent_messages(user))
    update_id = api.press_button(user, found[0]["callback_data"], message_id=message["message_id"])
    return _turn(api, user, update_id, before)


def texts(messages: list[Message]) -> str:
    return "\n---\n".join(str(m.get("text", "")) for m in messages)


def test_intake_and_steps_1_to_3_with_buttons_then_resume_after_a_crash(
    api: FakeBotApi, tmp_path: Path
) -> None:
    presses = 0
    with BotProcess(api, tmp_path).start() as bot:
        bot.wait_for_log("polling for updates")

        answer = send(api, USER, "/start")
        assert "Hi Alex" in answer[0]["text"]
        assert "Which company was it?" in answer[-1]["text"]
        assert labels(answer[-1]) == ["Skip ›"]

        answer = send(api, USER, "Acme")
        assert "And the role you interviewed for?" in answer[-1]["text"]
        answer = send(api, USER, "Data analyst")
        when_prompt = answer[-1]
        assert "When did you hear back?" in when_prompt["text"]
        assert labels(when_prompt)[:3] == ["Today", "Yesterday", "Earlier"]

        answer = press(api, USER, "Today")
        presses += 1
        assert "It's fresh, then" in texts(answer)
        assert "How are you feeling right now" in answer[-1]["text"]

        answer = press(api, USER, "2 😕")
        presses += 1
        assert "That sounds heavy" in texts(answer)
        assert "Which time zone are you in?" in answer[-1]["text"]

        answer = press(api, USER, "Berlin / Paris")
        presses += 1
        assert "Got it: Europe/Berlin." in texts(answer)
        assert answer[-1]["text"].startswith("Step 1 of 10 · Don't take it personally")
        assert "What story are you telling yourself" in answer[-1]["text"]

        answer = send(api, USER, "I froze on the system design question")
        assert "Thank you for putting that into words" in texts(answer)
        assert "did you prepare and give it your best?" in answer[-1]["text"]

        answer = press(api, USER, "Mostly")
        presses += 1
        assert "Mostly is a lot" in texts(answer)
        assert answer[-1]["text"].startswith("Step 2 of 10 · Accept reality")

        answer = send(api, USER, "I didn't get this job, and I'm ready for the next one")
        assert "That's the spirit" in texts(answer)
        assert answer[-1]["text"].startswith("Step 3 of 10 · Have options")
        assert labels(answer[-1])[:6] == ["0", "1", "2", "3", "4", "5+"]

        answer = press(api, USER, "2")
        presses += 1
        assert "2 is a start" in texts(answer)
        assert "Which company?" in answer[-1]["text"]

        answer = send(api, USER, "Globex")
        assert "What's the role there?" in answer[-1]["text"]

        answer = press(api, USER, "Skip ›")
        presses += 1
        assert "Where are you with them?" in answer[-1]["text"]

        answer = press(api, USER, "Interviewing")
        presses += 1
        assert "Added: Globex (Interviewing).\nOptions: ▰▱▱▱▱ 1 of 5" in texts(answer)
        assert "Add another one?" in answer[-1]["text"]

        answer = press(api, USER, "That's all for now")
        presses += 1
        assert "Where to find the next one" in texts(answer)
        assert answer[-1]["text"].startswith(STEP_4)
        assert "What went well in the interview?" in answer[-1]["text"]

        # The "Today" button of the intake message is long gone.
        answer = press(api, USER, "Today", message=when_prompt)
        presses += 1
        assert answer[0]["text"].startswith(STALE)
        assert answer[-1]["text"].startswith(STEP_4)
        assert "What went well in the interview?" in answer[-1]["text"]

        # Every tap was acknowledged, so no client shows a spinner.
        assert len(api.calls_to("answerCallbackQuery")) == presses

        bot.kill()

    with BotProcess(api, tmp_path).start() as restarted:
        answer = send(api, USER, "/resume")
        assert answer[-1]["text"].startswith(STEP_4)
        assert "What went well in the interview?" in answer[-1]["text"]
        assert "‹ Back" in labels(answer[-1])
        restarted.stop()
