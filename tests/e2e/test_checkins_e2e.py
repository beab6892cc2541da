"""Check-ins from the real `bounceback run` process through the fake Bot API: a shortened
grief window arrives with its re-entry buttons, and a walk reminder's buttons work."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import select

from models import Checkin
from models.db import create_engine, create_sessionmaker
from tests.support.e2e_chat import labels, press, send, texts
from tests.support.fake_bot_api import FakeBotApi
from tests.support.process import BotProcess

pytestmark = pytest.mark.e2e

USER = 777202
FAST = {
    # The bot's clock runs 36,000 times faster: an hour passes in 0.1 s, "24 hours" in 2.4 s.
    "CLOCK_SPEED": "36000",
    # Every 0.05 s (half an hour of the bot's time), well inside a walk's two-hour grace.
    "DISPATCH_INTERVAL_SECONDS": "0.05",
    "DEFAULT_QUIET_HOURS": "off",
}


def skip_to(api: FakeBotApi, text: str) -> None:
    """Skip prompts until the bot asks the one containing `text`."""
    for _ in range(40):
        if text in str(api.sent_messages(USER)[-1].get("text", "")):
            return
        send(api, USER, "/skip")
    raise AssertionError(f"never reached {text!r}")


async def _sent_walk_id(database_url: str) -> int:
    """The id of the daily walk reminder the bot has sent. The dispatcher records a check-in
    as sent after its message went out, so the message can be seen a moment before that."""
    engine = create_engine(database_url)
    try:
        for _ in range(100):
            async with create_sessionmaker(engine).begin() as session:
                walk = await session.scalars(
                    select(Checkin.id).where(Checkin.kind == "walk_daily", Checkin.status == "sent")
                )
                found = walk.all()
            if found:
                assert len(found) == 1, found
                return found[0]
            await asyncio.sleep(0.05)
        raise AssertionError("the walk reminder was never recorded as sent")
    finally:
        await engine.dispose()


def test_grief_window_and_walk_reminder_arrive_and_their_buttons_work(
    api: FakeBotApi, tmp_path: Path
) -> None:
    with BotProcess(api, tmp_path, **FAST).start() as bot:
        bot.wait_for_log("polling for updates")
        send(api, USER, "/start")
        skip_to(api, "How long do you need?")
        press(api, USER, "24 hours")

        over = api.wait_for_message(USER, "Your grief window is over", timeout=15)
        assert "how are you feeling now, from 1 (awful) to 5 (okay)?" in over["text"]
        assert labels(over) == [
            *("1 😞", "2 😕", "3 😐", "4 🙂", "5 😊"),
            "Ask for feedback",
            "Tailor my CV",
            "➕ Add an opportunity",
            "Take a walk",
        ]
        answer = press(api, USER, "3 😐", message=over)
        assert "Noted: 3 out of 5. /progress shows how it moves." in texts(answer)
        answer = press(api, USER, "Take a walk", message=over)
        assert "Ten minutes outside" in texts(answer)

        # The journey had moved on to step 8 meanwhile: choose a walk time. The bot's clock
        # reaches the next 07:30 within a day of its time (2.4 s).
        assert "What time each day suits a walk?" in texts(send(api, USER, "/resume"))
        send(api, USER, "7:30")
        reminder = api.wait_for_message(USER, "Time for your walk", timeout=15)
        assert labels(reminder) == ["Walked ✅", "In an hour ⏰", "Skip today"]
        walk_id = asyncio.run(_sent_walk_id(bot.env["DATABASE_URL"]))
        assert f"c:{walk_id}:walked" in str(reminder["reply_markup"])

        answer = press(api, USER, "Walked ✅", message=reminder)
        assert "first walk on record" in texts(answer)
        answer = press(api, USER, "In an hour ⏰", message=reminder)
        assert "I'll remind you again at " in texts(answer)
        assert bot.stop() == 0
