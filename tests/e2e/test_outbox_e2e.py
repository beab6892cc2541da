"""Committed replies are delivered whatever the sends go through: the real `bounceback run`
process against the fake Bot API, with 429s, server errors and a SIGKILL between a commit and
its replies."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from tests.support.fake_bot_api import FakeBotApi
from tests.support.process import BotProcess

pytestmark = pytest.mark.e2e

USER = 777301
# /start is answered with one message: the greeting, the intro and the first question.
START_PARTS = ("Hi Alex", "First, a few quick questions", "Which company was it?")


def texts(api: FakeBotApi) -> list[str]:
    return [str(m.get("text", "")) for m in api.sent_messages(USER)]


def wait_for_texts(api: FakeBotApi, count: int, timeout: float = 20.0) -> list[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        sent = texts(api)
        if len(sent) >= count:
            return sent
        time.sleep(0.05)
    raise AssertionError(f"expected {count} messages, got {texts(api)}")


def assert_start_reply(sent: list[str]) -> None:
    """`sent` is the /start message and nothing else (no duplicate, no apology), its parts in
    order."""
    assert len(sent) == 1, sent
    (text,) = sent
    positions = [text.find(part) for part in START_PARTS]
    assert -1 not in positions, text
    assert positions == sorted(positions), text


def test_six_429s_in_a_row_delay_the_replies_but_lose_none(api: FakeBotApi, tmp_path: Path) -> None:
    api.fail_next("sendMessage", error_code=429, retry_after=1, times=6)
    with BotProcess(api, tmp_path).start() as bot:
        bot.wait_for_log("polling for updates")
        api.send_text(USER, "/start")
        sent = wait_for_texts(api, 1, timeout=30)
        time.sleep(1.5)  # nothing more (no duplicate, no apology) arrives afterwards
        assert_start_reply(texts(api))
        assert bot.stop() == 0
    assert "Sorry" not in " ".join(sent)


def test_a_500_and_two_502s_delay_the_replies_but_lose_none(
    api: FakeBotApi, tmp_path: Path
) -> None:
    api.fail_next("sendMessage", error_code=500)
    api.fail_next("sendMessage", error_code=502, times=2)
    with BotProcess(api, tmp_path).start() as bot:
        bot.wait_for_log("polling for updates")
        api.send_text(USER, "/start")
        wait_for_texts(api, 1, timeout=30)
        time.sleep(1.5)
        assert_start_reply(texts(api))
        assert bot.stop() == 0


def pending_outbox_rows(database: Path) -> int:
    with sqlite3.connect(database) as connection:
        (count,) = connection.execute(
            "SELECT count(*) FROM outbox WHERE status = 'pending'"
        ).fetchone()
    return int(count)


def test_replies_committed_before_a_sigkill_arrive_after_the_restart(
    api: FakeBotApi, tmp_path: Path
) -> None:
    with BotProcess(api, tmp_path).start() as bot:
        bot.wait_for_log("polling for updates")
        api.send_text(USER, "/start")
        wait_for_texts(api, 1)
        database = Path(bot.env["DATABASE_URL"].removeprefix("sqlite:///"))
        deadline = time.monotonic() + 10
        while pending_outbox_rows(database) and time.monotonic() < deadline:
            time.sleep(0.05)  # the greeting is marked sent
        # Sends now hang: the answer commits, then the process dies before its reply goes.
        api.delay("sendMessage", 30)
        api.send_text(USER, "Acme")
        deadline = time.monotonic() + 10
        while pending_outbox_rows(database) == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert pending_outbox_rows(database) == 1
        bot.kill()
    api.delay("sendMessage", 0)

    with BotProcess(api, tmp_path).start() as again:
        again.wait_for_log("polling for updates")
        sent = wait_for_texts(api, 2)
        time.sleep(1.5)  # the redelivered update adds nothing: its reply was committed
        assert "And the role" in sent[1]
        assert sum("And the role" in text for text in texts(api)) == 1
        assert pending_outbox_rows(database) == 0
        assert again.stop() == 0
