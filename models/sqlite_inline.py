"""SQLite on the event loop's own thread, behind the aiosqlite interface SQLAlchemy expects.

aiosqlite runs every call (open a cursor, execute, fetch, close) on a worker thread and hands
the result back through the event loop: four thread hops per statement, about 110 µs of CPU
for a `SELECT 1` that SQLite itself answers in about 1 µs, and the worker competing with the
event loop for the GIL. A unit of work here is a dozen short statements on a local file, so
that hand-off was the largest single cost of handling an update (see docs/benchmarks.md).

This module runs the statements inline instead. What could block the loop for long is
handled without blocking it:

- waiting for another process's write lock: the connection's own busy timeout is 0, and a
  statement that finds the database locked is retried with `asyncio.sleep` pauses until the
  configured timeout has passed, then fails with SQLite's own "database is locked" error;
- commits: the database runs in WAL mode with `synchronous=NORMAL`, where a commit appends
  to the log without waiting for the disk.

Only the parts of aiosqlite's interface that SQLAlchemy's aiosqlite dialect uses are here.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

# The pauses between tries while another process holds the write lock.
BUSY_FIRST_PAUSE = 0.001
BUSY_MAX_PAUSE = 0.05


def _is_busy(error: sqlite3.OperationalError) -> bool:
    code: int | None = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) == sqlite3.SQLITE_BUSY
    return "database is locked" in str(error)


class InlineCursor:
    """An aiosqlite-style cursor over a sqlite3 cursor; its coroutines never suspend unless
    the database is locked by someone else."""

    def __init__(self, connection: InlineConnection) -> None:
        self._connection = connection
        self._cursor = connection._conn.cursor()

    async def __aenter__(self) -> InlineCursor:
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._cursor.close()

    def __await__(self) -> Any:
        yield from ()
        return self

    async def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> InlineCursor:
        await self._connection._run(self._cursor.execute, sql, parameters or ())
        return self

    async def executemany(self, sql: str, parameters: Iterable[Sequence[Any]]) -> InlineCursor:
        rows = list(parameters)
        await self._connection._run(self._cursor.executemany, sql, rows)
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(size if size is not None else self._cursor.arraysize)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value


class _Immediate:
    """Stands in for aiosqlite's queue to its worker thread: SQLAlchemy puts
    `(future, function)` pairs there (to set the isolation level); they run at once."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn = connection

    def put_nowait(self, item: tuple[asyncio.Future[Any], Callable[[], Any]]) -> None:
        future, function = item
        try:
            result = function()
        except Exception as exc:  # handed to whoever awaits the future
            future.set_exception(exc)
        else:
            future.set_result(result)


class InlineConnection:
    """An aiosqlite-style connection running sqlite3 on the calling (event loop) thread."""

    def __init__(self, conn: sqlite3.Connection, busy_timeout: float) -> None:
        self._conn = conn
        self._connection: sqlite3.Connection | None = conn
        self._tx = _Immediate(conn)
        self._busy_timeout = busy_timeout

    async def _run(self, function: Callable[..., Any], *args: Any) -> Any:
        """Run one sqlite3 call; while another process holds the lock, try again after
        growing pauses (the loop goes on meanwhile) until the busy timeout has passed."""
        deadline: float | None = None
        pause = BUSY_FIRST_PAUSE
        while True:
            try:
                return function(*args)
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc):
                    raise
                now = time.monotonic()
                if deadline is None:
                    deadline = now + self._busy_timeout
                if now >= deadline:
                    raise
                await asyncio.sleep(min(pause, deadline - now))
                pause = min(pause * 2, BUSY_MAX_PAUSE)

    def cursor(self) -> InlineCursor:
        return InlineCursor(self)

    async def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> InlineCursor:
        cursor = InlineCursor(self)
        return await cursor.execute(sql, parameters)

    async def commit(self) -> None:
        await self._run(self._conn.commit)

    async def rollback(self) -> None:
        self._conn.rollback()

    async def close(self) -> None:
        if self._connection is not None:
            self._connection = None
            self._conn.close()

    def stop(self) -> None:
        """Force-close (SQLAlchemy's terminate)."""
        if self._connection is not None:
            self._connection = None
            self._conn.close()

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        self._conn.create_function(*args, **kwargs)

    @property
    def isolation_level(self) -> str | None:
        return self._conn.isolation_level

    @property
    def in_transaction(self) -> bool:
        return self._conn.in_transaction


def inline_connector(path: str, *, busy_timeout: float, uri: bool = False) -> Callable[[], Any]:
    """An `async_creator` for SQLAlchemy's aiosqlite dialect that opens `path` inline."""

    async def connect() -> InlineConnection:
        # The lock wait is ours (in `_run`), so SQLite's own busy handler never sleeps.
        conn = sqlite3.connect(path, timeout=0, uri=uri, check_same_thread=False)
        return InlineConnection(conn, busy_timeout)

    return connect
