"""The `bounceback` command's database subcommands and its one-line errors."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from bot.cli import main
from models.migrate import head_revision
from tests.conftest import TEST_KEY, TOKEN
from tests.support.process import free_port


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Run the CLI in an empty folder (no .env) with a valid-looking token."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("ENCRYPTION_KEY", TEST_KEY)
    return tmp_path


def test_db_upgrade_then_current(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{env / 'nested' / 'bb.db'}")

    assert main(["db", "current"]) == 0
    assert "empty" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 0
    assert f"revision {head_revision()}" in capsys.readouterr().out
    assert main(["db", "current"]) == 0
    assert "up to date" in capsys.readouterr().out


@pytest.mark.skipif(
    os.geteuid() == 0, reason="root can write anywhere; permissions can't be tested"
)
def test_unwritable_database_folder_is_one_clear_line(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = env / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{locked / 'bb.db'}")

    assert main(["db", "upgrade"]) == 2
    assert "not writable" in capsys.readouterr().err


def test_database_path_under_a_file_is_one_clear_line(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (env / "afile").write_text("not a folder")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{env / 'afile' / 'bb.db'}")

    assert main(["db", "upgrade"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("bounceback: error: cannot create the database folder")
    assert err.count("\n") == 1


def test_unreachable_postgres_is_one_clear_line(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://bb:s3cret@127.0.0.1:9/bounceback")

    assert main(["db", "upgrade"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("bounceback: error: cannot use the database postgresql+asyncpg://bb:***@")
    assert "s3cret" not in err
    assert err.count("\n") == 1


def test_unsupported_database_is_named(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", "mysql://root@127.0.0.1/x")

    assert main(["db", "upgrade"]) == 2
    assert "only SQLite and PostgreSQL" in capsys.readouterr().err


def test_check_with_unreachable_bot_api_is_one_clear_line(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{env / 'bb.db'}")

    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert "cannot reach the Bot API at http://127.0.0.1:9" in err
    assert TOKEN not in err


def test_health_without_a_running_bot_is_unhealthy(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HEALTH_PORT", str(free_port()))

    assert main(["health"]) == 1
    assert capsys.readouterr().err.startswith("unhealthy: no answer from http://127.0.0.1:")
