"""The journey through the real `bounceback run` process: intake and steps 1–3 with buttons,
an old button, and crash-resume after SIGKILL on the same SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.e2e_chat import Message, labels, press, send
from tests.support.fake_bot_api import FakeBotApi
from tests.support.process import BotProcess

pytestmark = pytest.mark.e2e

USER = 777101
STEP_4 = "Step 4 of 10 · Introspect"
STALE = "That button is from an earlier message"


def split_at(answer: list[Message], start: str) -> tuple[str, str]:
    """The bot's answer is one message (what it says, then the next question, joined): cut it
    where the part beginning with `start` begins: (what came before it, that part)."""
    (message,) = answer
    said, cut, asked = str(message["text"]).partition("\n\n" + start)
    assert cut, f"no part of the message starts with {start!r}: {message['text']!r}"
    return said, start + asked


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

        # From here on, each answer is one message: what the bot says, then the question.
        said, question = split_at(press(api, USER, "Today"), "Getting started")
        presses += 1
        assert "It's fresh, then" in said
        assert "How are you feeling right now" in question

        said, question = split_at(press(api, USER, "2 😕"), "Getting started")
        presses += 1
        assert "That sounds heavy" in said
        assert "Which time zone are you in?" in question

        answer = press(api, USER, "Berlin / Paris")
        presses += 1
        said, question = split_at(answer, "Step 1 of 10 · Don't take it personally")
        assert "Got it: Europe/Berlin." in said
        assert "What story are you telling yourself" in question

        answer = send(api, USER, "I froze on the system design question")
        said, question = split_at(answer, "Step 1 of 10")
        assert "Thank you for putting that into words" in said
        assert "did you prepare and give it your best?" in question

        said, _ = split_at(press(api, USER, "Mostly"), "Step 2 of 10 · Accept reality")
        presses += 1
        assert "Mostly is a lot" in said

        answer = send(api, USER, "I didn't get this job, and I'm ready for the next one")
        said, _ = split_at(answer, "Step 3 of 10 · Have options")
        assert "That's the spirit" in said
        assert labels(answer[-1])[:6] == ["0", "1", "2", "3", "4", "5+"]

        said, question = split_at(press(api, USER, "2"), "Step 3 of 10")
        presses += 1
        assert "2 is a start" in said
        assert "Which company?" in question

        answer = send(api, USER, "Globex")
        assert "What's the role there?" in answer[-1]["text"]

        answer = press(api, USER, "Skip ›")
        presses += 1
        assert "Where are you with them?" in answer[-1]["text"]

        said, question = split_at(press(api, USER, "Interviewing"), "Step 3 of 10")
        presses += 1
        assert said == "Added: Globex (Interviewing).\nOptions: ▰▱▱▱▱ 1 of 5"
        assert "Add another one?" in question

        said, question = split_at(press(api, USER, "That's all for now"), STEP_4)
        presses += 1
        assert "Where to find the next one" in said
        assert "What went well in the interview?" in question

        # The "Today" button of the intake message is long gone.
        said, question = split_at(press(api, USER, "Today", message=when_prompt), STEP_4)
        presses += 1
        assert said.startswith(STALE)
        assert "What went well in the interview?" in question

        # Every tap was acknowledged, so no client shows a spinner.
        assert len(api.calls_to("answerCallbackQuery")) == presses

        bot.kill()

    with BotProcess(api, tmp_path).start() as restarted:
        answer = send(api, USER, "/resume")
        assert answer[-1]["text"].startswith(STEP_4)
        assert "What went well in the interview?" in answer[-1]["text"]
        assert "‹ Back" in labels(answer[-1])
        restarted.stop()
