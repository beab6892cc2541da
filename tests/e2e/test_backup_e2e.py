"""`bounceback db backup` and `db restore` next to the real `bounceback run` process: a backup
while it runs, a restore only once it has stopped."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.support.fake_bot_api import FakeBotApi
from tests.support.process import BOUNCEBACK, BotProcess

pytestmark = pytest.mark.e2e

USER = 777501


def bounceback(bot: BotProcess, *args: str) -> subprocess.CompletedProcess[str]:
    """The `bounceback` command in the bot's folder, with the bot's own environment."""
    return subprocess.run(
        [str(BOUNCEBACK), *args],
        cwd=bot.workdir,
        env=bot.env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def processed_updates(database: Path) -> int:
    connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        (count,) = connection.execute("SELECT count(*) FROM processed_updates").fetchone()
        return int(count)
    finally:
        connection.close()


def test_backup_while_running_restore_only_once_stopped(api: FakeBotApi, tmp_path: Path) -> None:
    database = tmp_path / "data" / "bounceback.db"
    with BotProcess(api, tmp_path).start() as bot:
        bot.wait_for_log("polling for updates")
        api.send_text(USER, "/start", first_name="Robin")
        api.wait_for_message(USER, "Hi Robin")

        backed_up = bounceback(bot, "db", "backup", "before.db")
        assert backed_up.returncode == 0, backed_up.stderr
        assert "backed up" in backed_up.stdout

        refused = bounceback(bot, "db", "restore", "before.db")
        assert refused.returncode == 1
        assert "stop it, then restore" in refused.stderr

        api.send_text(USER, "Acme Corp")  # an answer the backup doesn't hold
        api.wait_for_message(USER, after=1)
        assert bot.stop() == 0
    assert processed_updates(database) == processed_updates(tmp_path / "before.db") + 1

    restored = bounceback(bot, "db", "restore", "before.db")
    assert restored.returncode == 0, restored.stderr
    assert "the previous one is kept as" in restored.stdout
    assert processed_updates(database) == processed_updates(tmp_path / "before.db")

    with BotProcess(api, tmp_path).start() as again:
        api.send_text(USER, "/start", first_name="Robin")
        api.wait_for_message(USER, "Welcome back, Robin", after=2)
        assert again.stop() == 0
