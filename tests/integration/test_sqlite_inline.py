"""SQLite runs on the event loop's thread (models/sqlite_inline.py), yet another process's
write lock never stalls the loop: the statement waits with asyncio pauses, then goes on, or
fails as a transient "database is locked" once the busy timeout has passed."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

import models.db
from models.db import create_engine, create_sessionmaker
from models.errors import is_transient
from models.migrate import upgrade_to_head
from models.sqlite_inline import InlineConnection
from models.users import ProcessedUpdate
from tests.conftest import TEST_CIPHER
from tests.support.clock import NOW


async def _ticks_while(work: asyncio.Task[object], every: float = 0.01) -> int:
    """How many times a coroutine beside `work` got to run before `work` ended."""
    ticks = 0
    while not work.done():
        await asyncio.sleep(every)
        ticks += 1
    return ticks


async def test_a_database_file_is_opened_inline(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'bot.db'}", cipher=TEST_CIPHER)
    try:
        async with engine.connect() as connection:
            raw = await connection.get_raw_connection()
            assert isinstance(raw.driver_connection, InlineConnection)
            assert (await connection.execute(text("PRAGMA busy_timeout"))).scalar_one() == 0
            assert (await connection.execute(text("PRAGMA journal_mode"))).scalar_one() == "wal"
    finally:
        await engine.dispose()


async def test_a_held_write_lock_is_waited_for_without_blocking_the_loop(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    engine = create_engine(f"sqlite:///{path}", cipher=TEST_CIPHER)
    await upgrade_to_head(engine)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process is writing
    sessionmaker = create_sessionmaker(engine)

    async def write() -> object:
        async with sessionmaker.begin() as session:
            session.add(ProcessedUpdate(update_id=1, processed_at=NOW))
        return True

    try:
        work = asyncio.create_task(write())
        await asyncio.sleep(0.3)
        assert not work.done()  # still waiting for the lock
        ticking = asyncio.create_task(_ticks_while(work))
        await asyncio.sleep(0.2)
        other.execute("COMMIT")  # the other writer is done
        assert await asyncio.wait_for(work, 5) is True
        assert await ticking >= 5  # the loop went on while the unit of work waited
        async with sessionmaker() as session:
            assert (await session.scalars(select(ProcessedUpdate.update_id))).all() == [1]
    finally:
        other.close()
        await engine.dispose()


async def test_a_lock_held_past_the_busy_timeout_fails_as_transient(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(models.db, "SQLITE_BUSY_TIMEOUT_MS", 300)
    path = tmp_path / "bot.db"
    engine = create_engine(f"sqlite:///{path}", cipher=TEST_CIPHER)
    await upgrade_to_head(engine)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        with pytest.raises(OperationalError) as raised:
            async with create_sessionmaker(engine).begin() as session:
                await session.execute(text("SELECT 1"))
        waited = time.monotonic() - started
        assert "database is locked" in str(raised.value)
        assert is_transient(raised.value)
        assert 0.25 <= waited < 3
    finally:
        other.execute("ROLLBACK")
        other.close()
        await engine.dispose()
