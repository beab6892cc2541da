"""Check-ins from the real `bounceback run` process through the fake Bot API: a shortened
grief window arrives with its re-entry buttons, and a walk reminder's buttons work."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from models import Checkin
from models.db import create_engine, create_sessionmaker
from tests.support.e2e_chat import labels, press, send
from tests.support.fake_bot_api import FakeBotApi
from tests.support.process import BotProcess

pytestmark = pytest.mark.e2e

USER = 777202
FAST = {
    # One grief-window hour lasts 0.05 s: "24 hours" ends 1.2 s later.
    "TEST_GRIEF_HOUR_SECONDS": "0.05",
    "DISPATCH_INTERVAL_SECONDS": "0.2",
    "DEFAULT_QUIET_HOURS": "off",
}


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as fake:
        yield fake


def skip_to(api: FakeBotApi, text: str) -> None:
    """Skip prompts until the bot asks the one containing `text`."""
    for _ in range(40):
        if text in str(api.sent_messages(USER)[-1].get("text", "")):
            return
        send(api, USER, "/skip")
    raise AssertionError(f"never reached {text!r}")


async def _walk_due_now(database_url: str) -> int:
    """Make the user's planned daily walk due now (as if the clock had reached it)."""
    engine = create_engine(database_url)
    try:
        async with create_sessionmaker(engine).begin() as session:
            walk = (
                await session.scalars(
                    select(Checkin).where(Checkin.kind == "walk_daily", Checkin.status == "pending")
                )
            ).one()
            walk.due_at = datetime.now(UTC)
            return walk.id
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
        assert labels(over) == [
            "Ask for feedback",
            "Tailor my CV",
            "➕ Add an opportunity",
            "Take a walk",
        ]
        answer = press(api, USER, "Take a walk", message=over)
        assert "Ten minutes outside" in answer[-1]["text"]

        # The journey had moved on to step 8 meanwhile: choose a walk time.
        assert "What time each day suits a walk?" in send(api, USER, "/resume")[-1]["text"]
        send(api, USER, "7:30")
        walk_id = asyncio.run(_walk_due_now(bot.env["DATABASE_URL"]))
        reminder = api.wait_for_message(USER, "Time for your walk", timeout=15)
        assert labels(reminder) == ["Walked ✅", "In an hour ⏰", "Skip today"]
        assert f"c:{walk_id}:walked" in str(reminder["reply_markup"])

        answer = press(api, USER, "Walked ✅", message=reminder)
        assert "first walk on record" in answer[-1]["text"]
        answer = press(api, USER, "In an hour ⏰", message=reminder)
        assert answer[-1]["text"].startswith("I'll remind you again at ")
        assert bot.stop() == 0
