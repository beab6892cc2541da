"""The journey through the real `bounceback run` process: intake and steps 1–3 with buttons,
an old button, and crash-resume after SIGKILL on the same SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.e2e_chat import labels, press, send, texts
from tests.support.fake_bot_api import FakeBotApi
from tests.support.process import BotProcess

pytestmark = pytest.mark.e2e

USER = 777101
STEP_4 = "Step 4 of 10 · Introspect"
STALE = "That button is from an earlier message"


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
