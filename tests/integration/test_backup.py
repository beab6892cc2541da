"""Backups of the SQLite database: consistent while the bot writes, private, restorable only
while the bot is stopped; PostgreSQL gets pg_dump advice instead."""

from __future__ import annotations

import fcntl
import os
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.cli import main
from core.errors import StartupError
from models.backup import (
    BackupError,
    DatabaseInUseError,
    backup_sqlite,
    lock_file_of,
    postgres_advice,
    restore_sqlite,
    running_bot_lock,
)
from models.db import create_engine
from models.migrate import upgrade_to_head
from tests.conftest import TEST_CIPHER, TEST_KEY, TOKEN

MOMENT = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
LATER = datetime(2025, 3, 1, 10, 0, tzinfo=UTC)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def add_update(database: Path, update_id: int) -> None:
    """Commit one row, the way the bot would (a processed update)."""
    with sqlite3.connect(database) as connection:
        connection.execute(
            "INSERT INTO processed_updates (update_id, processed_at) VALUES (?, ?)",
            (update_id, MOMENT.isoformat()),
        )
    connection.close()


def update_ids(database: Path) -> list[int]:
    connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT update_id FROM processed_updates ORDER BY 1")
        return [row[0] for row in rows]
    finally:
        connection.close()


@pytest.fixture
async def database(tmp_path: Path) -> Path:
    """A SQLite file migrated to head by the bot's own engine (WAL mode), holding update 1."""
    path = tmp_path / "data" / "bounceback.db"
    engine = create_engine(f"sqlite:///{path}", cipher=TEST_CIPHER)
    await upgrade_to_head(engine)
    await engine.dispose()
    add_update(path, 1)
    return path


@pytest.fixture
def open_umask() -> Iterator[None]:
    """Nothing taken away by the umask: the modes seen are the ones the code set."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def test_a_backup_taken_during_a_write_holds_what_was_committed(database: Path) -> None:
    writer = sqlite3.connect(database, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute(
            "INSERT INTO processed_updates (update_id, processed_at) VALUES (2, '2025-03-01')"
        )

        backup = backup_sqlite(database, now=MOMENT)

        assert update_ids(backup) == [1]
        with sqlite3.connect(backup) as check:
            assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        check.close()
    finally:
        writer.close()


def test_a_backup_stands_alone_without_a_wal_file(database: Path) -> None:
    backup = backup_sqlite(database, now=MOMENT)

    with sqlite3.connect(backup) as check:
        assert check.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    check.close()


def test_a_backup_goes_beside_the_database_named_by_its_utc_time(database: Path) -> None:
    backup = backup_sqlite(database, now=MOMENT)

    assert backup == database.parent / "backups" / "bounceback-20250301T093000Z.db"


def test_a_backup_is_private(database: Path, open_umask: None) -> None:
    backup = backup_sqlite(database, now=MOMENT)

    assert mode(backup) == 0o600
    assert mode(backup.parent) == 0o700


def test_a_backup_into_a_folder_takes_the_timestamped_name(database: Path, tmp_path: Path) -> None:
    folder = tmp_path / "elsewhere"
    folder.mkdir()

    backup = backup_sqlite(database, folder, now=MOMENT)

    assert backup == folder / "bounceback-20250301T093000Z.db"
    assert update_ids(backup) == [1]


def test_a_backup_never_overwrites_a_file(database: Path, tmp_path: Path) -> None:
    existing = tmp_path / "precious.db"
    existing.write_text("keep me")

    with pytest.raises(BackupError, match="exists already"):
        backup_sqlite(database, existing)

    assert existing.read_text() == "keep me"


def test_restore_brings_the_data_back_and_keeps_the_previous_database_aside(
    database: Path, open_umask: None
) -> None:
    backup = backup_sqlite(database, now=MOMENT)
    add_update(database, 2)

    kept = restore_sqlite(backup, database, now=LATER)

    assert update_ids(database) == [1]
    assert kept == database.with_name("bounceback.db.before-restore-20250301T100000Z")
    assert update_ids(kept) == [1, 2]
    assert mode(kept) == 0o600


def test_restore_into_a_missing_database_creates_it(database: Path, tmp_path: Path) -> None:
    backup = backup_sqlite(database, now=MOMENT)
    fresh = tmp_path / "new" / "bounceback.db"

    assert restore_sqlite(backup, fresh) is None
    assert update_ids(fresh) == [1]


def test_a_log_left_by_a_killed_bot_is_not_replayed_over_the_restore(
    database: Path, tmp_path: Path
) -> None:
    backup = backup_sqlite(database, now=MOMENT)
    # What kill -9 leaves: the database and a -wal holding a commit not yet folded in.
    killed = tmp_path / "killed" / "bounceback.db"
    killed.parent.mkdir()
    writer = sqlite3.connect(database, isolation_level=None)
    try:
        writer.execute("PRAGMA wal_autocheckpoint=0")
        writer.execute(
            "INSERT INTO processed_updates (update_id, processed_at) VALUES (2, '2025-03-01')"
        )
        for suffix in ("", "-wal"):
            shutil.copy(f"{database}{suffix}", f"{killed}{suffix}")
    finally:
        writer.close()

    restore_sqlite(backup, killed, now=LATER)

    assert not Path(f"{killed}-wal").exists()
    assert update_ids(killed) == [1]


def test_restore_refuses_while_the_bot_holds_the_lock(database: Path) -> None:
    backup = backup_sqlite(database, now=MOMENT)
    add_update(database, 2)
    # Another open file description, as the running bot's process has.
    descriptor = os.open(lock_file_of(database), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)

        with pytest.raises(DatabaseInUseError, match="stop it, then restore") as refused:
            restore_sqlite(backup, database)
    finally:
        os.close(descriptor)

    assert refused.value.exit_code == 1
    assert update_ids(database) == [1, 2]


def test_restore_refuses_while_another_program_has_the_database_open(database: Path) -> None:
    backup = backup_sqlite(database, now=MOMENT)
    reader = sqlite3.connect(database)
    try:
        reader.execute("SELECT count(*) FROM processed_updates").fetchone()

        with pytest.raises(BackupError, match="another program has the database open"):
            restore_sqlite(backup, database)
    finally:
        reader.close()


def test_restore_refuses_a_sqlite_file_that_is_not_a_bounce_back_database(
    database: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    connection.close()

    with pytest.raises(BackupError, match="not a Bounce Back database"):
        restore_sqlite(other, database)

    assert update_ids(database) == [1]


def test_restore_refuses_a_file_that_is_not_a_database(database: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")

    with pytest.raises(BackupError, match="not a SQLite database"):
        restore_sqlite(notes, database)


async def test_a_second_bot_on_the_same_database_is_refused(database: Path) -> None:
    url = f"sqlite:///{database}"
    async with running_bot_lock(url):
        with pytest.raises(StartupError, match="only one process may run on it"):
            async with running_bot_lock(url):
                pass


def test_the_postgres_advice_names_pg_dump_and_hides_the_password() -> None:
    advice = postgres_advice("postgresql+asyncpg://bounce:s3cret@db.internal:5432/bounceback")

    assert "pg_dump --format=custom --file=bounceback.dump" in advice
    assert "postgresql://bounce@db.internal:5432/bounceback" in advice
    assert "pg_restore --clean" in advice
    assert "s3cret" not in advice


@pytest.fixture
def postgres_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The CLI in an empty folder with a PostgreSQL URL (never connected to)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("ENCRYPTION_KEY", TEST_KEY)
    monkeypatch.setenv("DATABASE_URL", "postgresql://bounce:s3cret@127.0.0.1:9/bounceback")


def test_db_backup_on_postgres_prints_the_advice(
    postgres_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "backup"]) == 0
    assert "pg_dump" in capsys.readouterr().out


def test_db_restore_on_postgres_restores_nothing(
    postgres_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "restore", "bounceback.dump"]) == 1
    assert "pg_restore" in capsys.readouterr().err
