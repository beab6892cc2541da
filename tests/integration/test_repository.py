"""Repository functions against real SQLite files and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from models.db import create_sessionmaker
from models.repository import (
    claim_update,
    count_users,
    get_user,
    prune_processed_updates,
    touch_user,
)
from tests.support.clock import NOW


async def test_touch_user_registers_then_refreshes(engine: AsyncEngine) -> None:
    sessions = create_sessionmaker(engine)
    async with sessions.begin() as session:
        first = await touch_user(session, telegram_id=2**40, language_code="en", now=NOW)
    later = NOW + timedelta(days=3)
    async with sessions.begin() as session:
        again = await touch_user(session, telegram_id=2**40, language_code=None, now=later)

    assert first.created_at == NOW
    assert again.created_at == NOW
    assert again.last_seen_at == later
    assert again.language_code == "en"  # an update without a language keeps the known one


async def test_datetimes_come_back_aware_utc(engine: AsyncEngine) -> None:
    sessions = create_sessionmaker(engine)
    berlin_noon = datetime(2026, 7, 1, 12, 0, tzinfo=UTC).astimezone()
    async with sessions.begin() as session:
        await touch_user(session, telegram_id=1, language_code=None, now=berlin_noon)
    async with sessions.begin() as session:
        user = await get_user(session, 1)

    assert user is not None
    assert user.created_at.tzinfo == UTC
    assert user.created_at == berlin_noon


async def test_naive_datetimes_are_refused(engine: AsyncEngine) -> None:
    sessions = create_sessionmaker(engine)
    with pytest.raises(Exception, match="naive datetime"):
        async with sessions.begin() as session:
            await touch_user(
                session,
                telegram_id=1,
                language_code=None,
                now=datetime(2026, 1, 1),  # noqa: DTZ001 - the point of the test
            )


async def test_an_update_is_claimed_once(engine: AsyncEngine) -> None:
    sessions = create_sessionmaker(engine)
    async with sessions.begin() as session:
        assert await claim_update(session, update_id=99, now=NOW)
    async with sessions.begin() as session:
        assert not await claim_update(session, update_id=99, now=NOW)


async def test_a_rolled_back_claim_can_be_claimed_again(engine: AsyncEngine) -> None:
    sessions = create_sessionmaker(engine)

    async def failing_unit_of_work() -> None:
        async with sessions.begin() as session:
            await claim_update(session, update_id=100, now=NOW)
            raise RuntimeError("handler failed")

    with pytest.raises(RuntimeError):
        await failing_unit_of_work()
    async with sessions.begin() as session:
        assert await claim_update(session, update_id=100, now=NOW)


async def test_old_update_ids_are_pruned(engine: AsyncEngine) -> None:
    sessions = create_sessionmaker(engine)
    async with sessions.begin() as session:
        await claim_update(session, update_id=1, now=NOW - timedelta(days=2))
        await claim_update(session, update_id=2, now=NOW)
    async with sessions.begin() as session:
        removed = await prune_processed_updates(session, before=NOW - timedelta(hours=25))
    async with sessions.begin() as session:
        assert removed == 1
        assert await claim_update(session, update_id=1, now=NOW)
        assert not await claim_update(session, update_id=2, now=NOW)


async def test_concurrent_writers_queue_instead_of_failing(engine: AsyncEngine) -> None:
    sessions = create_sessionmaker(engine)

    async def register(user_id: int) -> None:
        async with sessions.begin() as session:
            await touch_user(session, telegram_id=user_id, language_code="en", now=NOW)
            await claim_update(session, update_id=user_id, now=NOW)

    await asyncio.gather(*(register(i) for i in range(1, 41)))

    async with sessions.begin() as session:
        assert await count_users(session) == 40
