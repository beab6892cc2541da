"""`bounceback chat`: a whole journey typed into the real command's stdin, with no token and
no network, then a jump of the chat's clock that brings the grief window's check-in, and
/progress, whose picture the chat saves as a file."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from core.texts.catalogue import say
from tests.support.process import BOUNCEBACK

pytestmark = pytest.mark.e2e

# What the person types, one line each: answers, button numbers ("1" is the first choice
# shown under the newest message) and button labels.
JOURNEY = """\
/start
Acme
Data analyst
1
2
Lisbon
I was too nervous and they noticed
Mostly
I didn't get this job, and I'm ready for the next one
2
Globex
Analyst
Interviewing
That's all for now
I explained my SQL project clearly
The case study: I lost the thread halfway
I ran out of time structuring it
My friend Maria
Case interviews
Do two practice cases
In 2 weeks
patient, curious, good with data
2
7.30 pm
Globex
✅ Got it
Ms. Lee
I'll send it
/clock +49h
/progress
/quit
"""


@pytest.fixture(scope="module")
def chat_output(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Everything `bounceback chat` printed for the journey (it must end cleanly); one run
    for every test of this module."""
    tmp_path = tmp_path_factory.mktemp("chat")
    env = {
        # No TELEGRAM_BOT_TOKEN and no .env (the folder is empty): the chat needs neither.
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
        # Check-ins wait for neither the test's hour of the day nor a pause after fast typing.
        "DEFAULT_QUIET_HOURS": "off",
        "FLOOD_MAX_MESSAGES": "10000",
    }
    finished = subprocess.run(
        [str(BOUNCEBACK), "chat", "--database", str(tmp_path / "chat.db")],
        input=JOURNEY,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env=env,
        timeout=60,
        check=False,
    )
    assert finished.returncode == 0, finished.stdout + finished.stderr
    assert (tmp_path / "chat.key").exists()
    return finished.stdout


def test_the_chat_shows_the_steps_with_their_progress_bar(chat_output: str) -> None:
    assert "Step 1 of 10 · Don't take it personally\n▰▱▱▱▱▱▱▱▱▱" in chat_output
    assert "Step 10 of 10" in chat_output


def test_buttons_are_numbered_choices(chat_output: str) -> None:
    assert "When did you hear back?\n  1) Today   2) Yesterday" in chat_output
    # "2" pressed the second mood button.
    assert "That sounds heavy" in chat_output


def test_the_journey_reaches_the_wrap_up(chat_output: str) -> None:
    assert say("wrap.title.short") in chat_output


def test_a_clock_jump_brings_the_grief_window_check_in(chat_output: str) -> None:
    jump = chat_output.index("> /clock +49h")
    assert say("ci.grief_over") in chat_output[jump:]


def test_progress_saves_its_picture_and_prints_the_caption(chat_output: str) -> None:
    after = chat_output[chat_output.index("> /progress") :]
    saved = re.search(r"\[picture: saved as (\S+\.png)\]", after)
    assert saved, after
    png = Path(saved.group(1)).read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(png) < 200 * 1024
    assert say("progress.title") in after
    assert "Steps: 10 of 10 done." in after
