"""The real `bounceback run` process gets an update python-telegram-bot cannot read: it sets
it aside, answers the next user, and a restart doesn't see it again."""

from __future__ import annotations

import contextlib
import signal
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.support.fake_bot_api import FakeBotApi
from tests.support.process import BotProcess

pytestmark = pytest.mark.e2e

USER = 777101
SECRET_POLL = "poll-Quenby-interview-5521"
SECRET_NAME = "Quenby"
SET_ASIDE = "could not be read (TypeError); set aside and acknowledged"


def poison_poll_answer() -> dict[str, Any]:
    """A poll_answer from a Bot API server older than 9.6: no option_persistent_ids."""
    return {
        "poll_answer": {
            "poll_id": SECRET_POLL,
            "user": {"id": 616262, "is_bot": False, "first_name": SECRET_NAME},
            "option_ids": [1],
        }
    }


def test_a_poison_update_neither_stops_the_bot_nor_comes_back(
    api: FakeBotApi, tmp_path: Path
) -> None:
    with BotProcess(api, tmp_path).start() as bot:
        bot.wait_for_log("polling for updates")
        poison = api.push_update(poison_poll_answer())
        start = api.send_text(USER, "/start", first_name="Robin")
        api.wait_for_message(USER, "Hi Robin")
        api.wait_for_offset(start + 1)
        assert bot.process is not None
        assert bot.process.poll() is None  # still running
        assert api.pending_updates() == []  # the poison update was acknowledged too
        assert bot.stop(signal.SIGTERM) == 0
    first_run = bot.log()
    assert f"update {poison} (poll_answer) {SET_ASIDE}" in first_run
    assert "stopped cleanly" in first_run

    with BotProcess(api, tmp_path).start() as again:
        again.wait_for_log("polling for updates")
        after = len(api.sent_messages(USER))
        second = api.send_text(USER, "/start", first_name="Robin")
        api.wait_for_message(USER, "Welcome back, Robin", after=after)
        api.wait_for_offset(second + 1)
        assert again.stop(signal.SIGTERM) == 0
    second_run = again.log()
    assert SET_ASIDE not in second_run  # not delivered again: no restart loop
    assert "stopped cleanly" in second_run

    with contextlib.closing(sqlite3.connect(tmp_path / "data" / "bounceback.db")) as db:
        stored = db.execute("SELECT update_id, update_type, error FROM quarantined_updates")
        assert stored.fetchall() == [(poison, "poll_answer", "TypeError")]
    for log in (first_run, second_run):
        assert SECRET_POLL not in log
        assert SECRET_NAME not in log
        assert "Traceback" not in log
