"""Engine and session factory for SQLite (embedded default) and PostgreSQL (scale-out)."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from core.errors import StartupError
from models.crypto import PRIVATE_FILE_MODE, Cipher, attach, make_private_folder
from models.sqlite_inline import inline_connector

logger = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 5000
# How long a unit of work waits for the one SQLite connection before that counts as a
# (transient) timeout.
SQLITE_POOL_TIMEOUT_SECONDS = 30.0

_ASYNC_DRIVERS = {
    "sqlite": "sqlite+aiosqlite",
    "sqlite+pysqlite": "sqlite+aiosqlite",
    "postgres": "postgresql+asyncpg",
    "postgresql": "postgresql+asyncpg",
    "postgresql+psycopg2": "postgresql+asyncpg",
    "postgresql+psycopg": "postgresql+asyncpg",
}


def async_url(database_url: str) -> URL:
    """Parse DATABASE_URL and pick the async driver the bot uses for it."""
    try:
        url = make_url(database_url)
    except ArgumentError:
        raise StartupError(
            "DATABASE_URL is not a database URL: use e.g. sqlite:///./data/bounceback.db "
            "or postgresql://user:password@host/dbname"
        ) from None
    driver = _ASYNC_DRIVERS.get(url.drivername, url.drivername)
    if driver not in ("sqlite+aiosqlite", "postgresql+asyncpg"):
        raise StartupError(
            f"DATABASE_URL uses {url.drivername!r}: only SQLite and PostgreSQL are supported"
        )
    return url.set(drivername=driver)


def sqlite_file_of(database_url: str) -> Path | None:
    """The file behind a SQLite URL (None for PostgreSQL or an in-memory database)."""
    url = async_url(database_url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def prepare_sqlite_file(path: Path) -> None:
    """Create the folder of a SQLite file and the (empty) file itself, private to this user,
    and make sure the bot may write there.

    What the bot creates is private whatever the umask: missing folders 0700, the database
    file 0600. SQLite gives the `-wal` and `-shm` files it makes beside the database the
    database file's own permissions, so they are 0600 too. A folder or database file that
    already exists is left as it is (the operator's choice), with a warning when other users
    may read the database.
    """
    folder = path.parent if str(path.parent) else Path()
    try:
        make_private_folder(folder)
    except OSError as exc:
        raise StartupError(f"cannot create the database folder {folder}: {exc.strerror}") from None
    if not folder.is_dir():
        raise StartupError(f"cannot create the database folder {folder}: it is not a folder")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise StartupError(f"the database file {path} is not writable by this user")
    try:
        created = _create_private_file(path)
    except OSError as exc:
        raise StartupError(f"cannot create the database file {path}: {exc.strerror}") from None
    if not created and path.is_file():
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            logger.warning(
                "the database file %s is readable by other users (mode %o); "
                "`chmod 600` it and its -wal and -shm files",
                path,
                mode,
            )


def _create_private_file(path: Path) -> bool:
    """Create `path` empty with mode 0600 (an empty file is an empty SQLite database); False
    if it exists already."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        return False
    try:
        os.fchmod(descriptor, PRIVATE_FILE_MODE)  # the umask may have taken more away
    finally:
        os.close(descriptor)
    return True


def _configure_sqlite(engine: AsyncEngine, *, inline: bool) -> None:
    """WAL, foreign keys, a busy timeout, and BEGIN IMMEDIATE for every transaction.

    An `inline` connection (models/sqlite_inline.py) waits for locks itself, without blocking
    the event loop, so SQLite's own busy handler stays off there.

    pysqlite's own transaction handling begins lazily with a deferred BEGIN, so two writers can
    both read and then fail with "database is locked" on upgrade. Taking the write lock at BEGIN
    makes them queue on the busy timeout instead (see SQLAlchemy's "Serializable isolation /
    Savepoints / Transactional DDL" recipe for pysqlite).
    """

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        if not inline:
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def create_engine(
    database_url: str, *, cipher: Cipher | None = None, echo: bool = False
) -> AsyncEngine:
    """Create the async engine for DATABASE_URL, with SQLite tuned for one writer.

    `cipher` encrypts what users write (see models/crypto.py); without one, reading or writing
    an encrypted column raises instead of touching clear text. Statement parameters are hidden
    from error messages, so a failing INSERT can't carry a user's words into a log.
    """
    url = async_url(database_url)
    if url.get_backend_name() == "sqlite":
        path = sqlite_file_of(database_url)
        if path is not None:
            prepare_sqlite_file(path)
        # One connection: SQLite has one writer at a time anyway, and units of work waiting
        # for the connection in the pool's queue take turns at once, in order, where several
        # connections would poll SQLite's busy handler (sleeping up to 100 ms between tries)
        # and time out under load. No transaction waits for the network while it holds it.
        # A database file runs inline on the event loop's thread (see models/sqlite_inline.py);
        # an in-memory one, or one opened with URL options, through aiosqlite's thread.
        inline = path is not None and not url.query
        extra: dict[str, Any] = (
            {
                "async_creator": inline_connector(
                    str(path), busy_timeout=SQLITE_BUSY_TIMEOUT_MS / 1000
                )
            }
            if inline
            else {"connect_args": {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}}
        )
        engine = create_async_engine(
            url,
            echo=echo,
            hide_parameters=True,
            **extra,
            pool_size=1,
            max_overflow=0,
            pool_timeout=SQLITE_POOL_TIMEOUT_SECONDS,
        )
        _configure_sqlite(engine, inline=inline)
    else:
        # No ping before every checkout: it was a round trip per transaction (three per
        # update), and the drain went from 94 to 130 updates/s without it. A connection that
        # died (the server restarted, the network dropped) fails on its first statement as
        # "invalidated", which is transient: the unit of work is retried on a new connection.
        engine = create_async_engine(
            url,
            echo=echo,
            hide_parameters=True,
            pool_size=5,
            max_overflow=5,
        )
    attach(engine.sync_engine.dialect, cipher)
    return engine


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """One session per unit of work: `async with sessionmaker.begin() as session:`."""
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


def describe(database_url: str) -> str:
    """The URL without its password, for messages and logs."""
    return async_url(database_url).render_as_string(hide_password=True)
