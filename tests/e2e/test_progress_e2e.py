"""/progress and the weekly recap from the real `bounceback run` process through the fake Bot
API: each arrives as a photo (a PNG under 200 KB) with its caption, and the recap's mood
buttons work."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from tests.support.e2e_chat import labels, press, send
from tests.support.fake_bot_api import FakeBotApi
from tests.support.process import BotProcess

pytestmark = pytest.mark.e2e

USER = 777303
FAST = {
    # An hour of the bot's time passes in 0.01 s: the next Sunday evening within about 2 s.
    "CLOCK_SPEED": "360000",
    "DISPATCH_INTERVAL_SECONDS": "0.05",
    "DEFAULT_QUIET_HOURS": "off",
}


def check_png(png: bytes) -> None:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(png) < 200 * 1024
    assert Image.open(io.BytesIO(png)).size == (800, 600)


def test_progress_and_the_weekly_recap_arrive_as_pictures(api: FakeBotApi, tmp_path: Path) -> None:
    with BotProcess(api, tmp_path, **FAST).start() as bot:
        bot.wait_for_log("polling for updates")
        send(api, USER, "/start")

        # A reply can queue behind a check-in sent a moment earlier: wait for it by its words.
        send(api, USER, "/progress")
        api.wait_for_message(USER, "Your picture is still blank, and that's fine")
        recap = api.wait_for_message(USER, "Your week at a glance", timeout=30)
        assert "photo" in recap
        assert labels(recap)[:5] == ["1 😞", "2 😕", "3 😐", "4 🙂", "5 😊"]

        press(api, USER, "4 🙂", message=recap)
        api.wait_for_message(USER, "Noted: 4 out of 5. /progress shows how it moves.")
        send(api, USER, "/progress")
        again = api.wait_for_message(USER, "Mood: 4 out of 5 so far.")
        assert "photo" in again
        assert bot.stop() == 0
    # /progress twice and one recap (the clock may bring another Sunday: at least one).
    pictures = api.sent_photos(USER)
    assert len(pictures) >= 3
    for png in pictures:
        check_png(png)
