"""Backups of the SQLite database (`bounceback db backup` / `db restore`), and the lock that
tells a restore the bot is running.

A backup goes through SQLite's online backup API: it reads one consistent snapshot (WAL mode
lets the bot keep writing meanwhile) and never copies a half-written page the way `cp` can.
Backups hold what users wrote, encrypted with the key that is not in the database: they are
created private (0600, in a 0700 folder when the folder is new) and are unreadable without it.

A running bot holds an exclusive `flock` on `<database>.lock` for its whole life; a restore
takes the same lock without waiting and refuses when it can't. The kernel drops the lock when
the process ends, however it ends (kill -9 included), so a stale lock file means nothing.

PostgreSQL has its own tools (pg_dump, pg_restore): for it there is advice, not a copy.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shlex
import sqlite3
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from core.errors import StartupError
from models.crypto import PRIVATE_FILE_MODE, make_private_folder
from models.db import prepare_sqlite_file, sqlite_file_of

logger = logging.getLogger(__name__)

BACKUP_FOLDER = "backups"
SQLITE_HEADER = b"SQLite format 3\x00"


class BackupError(StartupError):
    """A backup or restore that can't be done; the message says why."""

    exit_code = 1


class DatabaseInUseError(BackupError):
    """The bot (or another restore) holds the database's lock."""


def lock_file_of(db_path: Path) -> Path:
    """The file whose lock says "a bot is running on this database"."""
    return db_path.with_name(db_path.name + ".lock")


@contextlib.contextmanager
def database_lock(db_path: Path) -> Iterator[None]:
    """Hold the database's exclusive lock, or raise DatabaseInUseError at once if someone has it."""
    lock_path = lock_file_of(db_path)
    try:
        descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
    except OSError as exc:
        raise StartupError(f"cannot open the lock file {lock_path}: {exc.strerror}") from None
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DatabaseInUseError(
                f"the bot is running on this database ({db_path}); stop it, then restore"
            ) from None
        yield
    finally:
        os.close(descriptor)  # closing also releases the lock


@contextlib.asynccontextmanager
async def running_bot_lock(database_url: str) -> AsyncIterator[None]:
    """For `bounceback run`: hold the lock of a SQLite database file while the bot runs
    (nothing for PostgreSQL or an in-memory database)."""
    path = sqlite_file_of(database_url)
    if path is None:
        yield
        return
    with contextlib.ExitStack() as held:
        try:
            held.enter_context(database_lock(path))
        except DatabaseInUseError:
            raise StartupError(
                f"another bot or a restore is using the database {path}; "
                "with SQLite only one process may run on it"
            ) from None
        yield


def _timestamp(now: datetime) -> str:
    return now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def default_backup_path(db_path: Path, now: datetime) -> Path:
    """`<database folder>/backups/bounceback-<UTC timestamp>.db`."""
    return db_path.parent / BACKUP_FOLDER / f"bounceback-{_timestamp(now)}.db"


def _create_private(path: Path) -> None:
    """Create `path` empty, 0600 whatever the umask; refuse to overwrite anything."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        raise BackupError(f"{path} exists already; choose another name") from None
    except OSError as exc:
        raise BackupError(f"cannot create {path}: {exc.strerror}") from None
    try:
        os.fchmod(descriptor, PRIVATE_FILE_MODE)  # the umask may have taken more away
    finally:
        os.close(descriptor)


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """Copy the database behind `source` into the new private file `target`, as one
    self-contained file (rollback journal mode: no -wal beside it to lose)."""
    _create_private(target)
    try:
        destination = sqlite3.connect(target, isolation_level=None)
        try:
            source.backup(destination)
            _leave_wal_mode(destination)
        finally:
            destination.close()
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def _leave_wal_mode(connection: sqlite3.Connection) -> None:
    """Fold any -wal into the file and switch to a rollback journal: the file stands alone.

    SQLite keeps WAL mode, silently, while another connection uses the file; then nothing
    beside it may be removed.
    """
    try:
        (mode,) = connection.execute("PRAGMA journal_mode=DELETE").fetchone()
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc):
            raise
        mode = "locked"
    if str(mode).lower() != "delete":
        raise BackupError("another program has the database open; close it and try again")


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)


def backup_sqlite(
    db_path: Path, target: Path | None = None, *, now: datetime | None = None
) -> Path:
    """Copy the SQLite database at `db_path` consistently, even while the bot writes to it;
    return where the copy went.

    `target` may be a file to create or an existing folder; by default the copy goes to
    `<database folder>/backups/bounceback-<UTC timestamp>.db`.
    """
    if not db_path.is_file():
        raise BackupError(f"there is no database at {db_path}")
    moment = now or datetime.now(UTC)
    if target is None:
        target = default_backup_path(db_path, moment)
        try:
            make_private_folder(target.parent)
        except OSError as exc:
            raise BackupError(f"cannot create {target.parent}: {exc.strerror}") from None
    elif target.is_dir():
        target = target / default_backup_path(db_path, moment).name
    try:
        source = _read_only(db_path)
        try:
            _copy(source, target)
        finally:
            source.close()
    except sqlite3.Error as exc:
        raise BackupError(f"cannot back up {db_path}: {exc}") from None
    logger.debug("backed up %s to %s", db_path, target)
    return target


def _check_backup(backup: Path) -> None:
    """Refuse anything but an intact SQLite file holding a Bounce Back schema."""
    if not backup.is_file():
        raise BackupError(f"there is no file at {backup}")
    with backup.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise BackupError(f"{backup} is not a SQLite database")
    try:
        connection = _read_only(backup)
        try:
            (integrity,) = connection.execute("PRAGMA quick_check").fetchone()
            has_schema = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).fetchone()
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise BackupError(f"{backup} can't be read as a SQLite database: {exc}") from None
    if integrity != "ok":
        raise BackupError(f"{backup} is damaged (SQLite's quick_check failed)")
    if has_schema is None:
        raise BackupError(f"{backup} is not a Bounce Back database (it has no alembic_version)")


def restore_sqlite(backup: Path, db_path: Path, *, now: datetime | None = None) -> Path | None:
    """Replace the database at `db_path` with `backup`; refuse while the bot runs.

    The current database is kept aside first as `<database>.before-restore-<UTC timestamp>`
    (0600); that path is returned (None when there was no database to keep).
    """
    _check_backup(backup)
    prepare_sqlite_file(db_path)  # the folder may be new; the file is made 0600
    with database_lock(db_path):
        kept: Path | None = None
        try:
            # No waiting: with the lock held, only another program can be in the way.
            current = sqlite3.connect(db_path, isolation_level=None, timeout=0)
            try:
                # Out of WAL mode: a -wal a killed bot left behind is folded into the file
                # first, and the restored file stands alone (the bot turns WAL on again).
                _leave_wal_mode(current)
                if current.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                    kept = db_path.with_name(
                        f"{db_path.name}.before-restore-{_timestamp(now or datetime.now(UTC))}"
                    )
                    _copy(current, kept)
                source = _read_only(backup)
                try:
                    source.backup(current)
                finally:
                    source.close()
                _leave_wal_mode(current)
            finally:
                current.close()
        except sqlite3.Error as exc:
            raise BackupError(f"cannot restore into {db_path}: {exc}") from None
        for suffix in ("-wal", "-shm"):
            # The file is self-contained now; a stale log beside it must never be replayed.
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    logger.debug("restored %s from %s", db_path, backup)
    return kept


def postgres_advice(database_url: str) -> str:
    """How to back up and restore a PostgreSQL database (the URL without its password)."""
    url = make_url(database_url)
    # The libpq spelling (no +driver) and no password: this text is printed on a terminal.
    target = URL.create(
        "postgresql",
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        # asyncpg's `ssl=` is libpq's `sslmode=`
        query={("sslmode" if key == "ssl" else key): value for key, value in url.query.items()},
    ).render_as_string(hide_password=False)
    return (
        "DATABASE_URL is PostgreSQL: back it up with pg_dump, for example\n"
        f"  pg_dump --format=custom --file=bounceback.dump {shlex.quote(target)}\n"
        "and restore it, with the bot stopped, with\n"
        f"  pg_restore --clean --if-exists --dbname={shlex.quote(target)} bounceback.dump\n"
        "Both ask for the password when one is needed (or read PGPASSWORD or ~/.pgpass).\n"
        "The encryption key is not in the dump: keep a copy of ENCRYPTION_KEY or the key file."
    )
