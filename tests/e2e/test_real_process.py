"""The real `bounceback run` process against the fake Bot API server on 127.0.0.1."""

from __future__ import annotations

import signal
import stat
from pathlib import Path

import pytest

from core.commands import COMMANDS
from tests.support.fake_bot_api import FakeBotApi
from tests.support.process import BotProcess

pytestmark = pytest.mark.e2e

USER = 777001
SECRET_WORDS = "I cried in the parking lot after the panel interview"


def test_answers_start_and_keeps_users_across_a_restart(api: FakeBotApi, tmp_path: Path) -> None:
    with BotProcess(api, tmp_path).start() as bot:
        bot.wait_for_log("polling for updates")
        api.send_text(USER, "/start", first_name="Robin")
        greeting = api.wait_for_message(USER, "Hi Robin")
        assert "ten short steps" in greeting["text"]
        commands = api.get_commands()
        assert [c["command"] for c in commands] == [name for name, _ in COMMANDS]
        assert bot.stop(signal.SIGTERM) == 0
    assert "stopped cleanly" in bot.log()
    assert api.pending_updates() == []  # acknowledged on the way out

    with BotProcess(api, tmp_path).start() as again:
        api.send_text(USER, "/start", first_name="Robin")
        api.wait_for_message(USER, "Welcome back, Robin", after=1)
        assert again.stop(signal.SIGINT) == 0


def test_logs_hold_neither_the_token_nor_what_users_write(api: FakeBotApi, tmp_path: Path) -> None:
    with BotProcess(api, tmp_path, LOG_FORMAT="json").start() as bot:
        bot.wait_for_log("polling for updates")
        api.send_text(USER, "/start")
        api.wait_for_message(USER, "Hi Alex")
        api.send_text(USER, SECRET_WORDS)  # a sentence where the company is asked for
        api.wait_for_message(USER, "company name", after=1)  # a sentence: asked once more
        api.send_text(USER, "/nonsense " + SECRET_WORDS)
        api.wait_for_message(USER, "/nonsense", after=1)
        bot.stop()
    log = bot.log()
    assert '"level": "debug"' in log  # the run really logged at DEBUG
    assert api.token not in log
    assert api.token.split(":", 1)[1] not in log
    assert "parking lot" not in log


def test_no_update_is_lost_when_the_process_is_killed(api: FakeBotApi, tmp_path: Path) -> None:
    users = list(range(880001, 880011))
    api.delay("sendMessage", 0.3)  # slow replies, so the kill lands mid-batch
    with BotProcess(api, tmp_path).start() as bot:
        bot.wait_for_log("polling for updates")
        for user in users:
            api.send_text(user, "/start")
        api.wait_for_message(users[0], "Hi Alex")
        bot.kill()
    pending_after_kill = api.pending_updates()
    assert pending_after_kill, "the kill was meant to leave unacknowledged updates"

    api.delay("sendMessage", 0)
    with BotProcess(api, tmp_path).start() as restarted:
        for user in users:
            api.wait_for_message(user)
        api.wait_for_offset(max(u["update_id"] for u in pending_after_kill) + 1)
        restarted.stop()
    for user in users:
        texts = [m["text"] for m in api.sent_messages(user)]
        # Each user got their greeting; a redelivered, already-committed update adds nothing
        # (its replies were committed with it) and is never applied twice.
        assert texts[0].startswith("Hi Alex"), texts
        assert all(t.startswith(("Hi Alex", "First, a few", "Getting started")) for t in texts), (
            texts
        )
        # Only a message on its way at the kill (accepted by Telegram, not yet marked sent) may
        # arrive twice; a chat's messages go one at a time, so at most one per chat.
        assert len(texts) - len(set(texts)) <= 1, texts


def test_without_a_token_it_exits_with_a_clear_message(api: FakeBotApi, tmp_path: Path) -> None:
    with BotProcess(api, tmp_path, TELEGRAM_BOT_TOKEN="").start() as bot:
        assert bot.process is not None
        assert bot.process.wait(timeout=20) == 2
    assert "get one from @BotFather, put it in .env" in bot.log()


def test_a_token_telegram_rejects_is_reported(api: FakeBotApi, tmp_path: Path) -> None:
    wrong = "999999:" + "x" * 35
    with BotProcess(api, tmp_path, TELEGRAM_BOT_TOKEN=wrong).start() as bot:
        assert bot.process is not None
        assert bot.process.wait(timeout=20) == 2
    assert "Telegram rejected TELEGRAM_BOT_TOKEN" in bot.log()
    assert wrong not in bot.log()


def test_check_prints_the_bot_username(api: FakeBotApi, tmp_path: Path) -> None:
    with BotProcess(api, tmp_path).start("check") as bot:
        assert bot.process is not None
        assert bot.process.wait(timeout=20) == 0
    assert "ok: bot @bounceback_test_bot" in bot.log()


def test_unreachable_bot_api_is_retried_with_backoff(api: FakeBotApi, tmp_path: Path) -> None:
    with BotProcess(api, tmp_path, TELEGRAM_API_BASE_URL="http://127.0.0.1:9").start() as bot:
        bot.wait_for_log("Bot API unreachable")
        bot.wait_for_log("retrying in 2 s")
        assert bot.stop() == 0


def test_sigterm_finishes_the_update_in_flight(api: FakeBotApi, tmp_path: Path) -> None:
    api.delay("sendMessage", 1.0)
    with BotProcess(api, tmp_path).start() as bot:
        bot.wait_for_log("polling for updates")
        update_id = api.send_text(USER, "/start")
        api.wait_for(lambda call: call.method == "sendMessage")  # reply is in flight
        assert bot.stop(signal.SIGTERM) == 0
    assert "stopped cleanly" in bot.log()
    assert api.confirmed_offset == update_id + 1
    assert api.pending_updates() == []


def test_the_data_folder_and_database_files_are_private(api: FakeBotApi, tmp_path: Path) -> None:
    with BotProcess(api, tmp_path).start() as bot:
        bot.wait_for_log("polling for updates")
        api.send_text(USER, "/start")
        api.wait_for_message(USER, "Hi Alex")
        data = tmp_path / "data"
        files = [data / "bounceback.db", data / "bounceback.db-wal", data / "bounceback.db-shm"]
        modes = {path.name: stat.S_IMODE(path.stat().st_mode) for path in files if path.exists()}
        assert bot.stop() == 0
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert modes["bounceback.db"] == 0o600
    assert set(modes.values()) == {0o600}, modes
