"""Retention: a warning a week before, then every row of a silent user is erased."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from models import Answer, Checkin, Journey, Opportunity, User, Walk
from models import repository as repo
from models.db import create_sessionmaker
from scheduler.retention import WARNING_KIND, apply_retention, warn_and_delete_inactive
from tests.support.checkins import add_checkin, add_journey, add_user
from tests.support.clock import NOW, FixedClock

DAYS = 365
SILENT, ACTIVE = 1, 2


async def run(engine: AsyncEngine, now: datetime, days: int = DAYS) -> tuple[list[int], list[int]]:
    async with create_sessionmaker(engine).begin() as session:
        return await warn_and_delete_inactive(session, now=now, retention_days=days)


async def user_with_data(engine: AsyncEngine, user_id: int, *, last_seen: datetime) -> None:
    """A user last seen at `last_seen`, with a journey, an answer, an opportunity, a walk and
    a check-in."""
    await add_user(engine, user_id, now=last_seen)
    journey_id = await add_journey(engine, user_id, now=last_seen)
    await add_checkin(engine, user_id, "walk_daily", last_seen, now=last_seen, local_time="08:00")
    async with create_sessionmaker(engine).begin() as session:
        await repo.save_answer(
            session, journey_id=journey_id, key="company", value="Acme", now=last_seen
        )
        await repo.add_opportunity(
            session,
            user_id=user_id,
            journey_id=journey_id,
            company="Umbrella",
            role=None,
            stage="applied",
            now=last_seen,
        )
        await repo.record_walk(
            session, user_id=user_id, day=date(2025, 1, 1), status="walked", now=last_seen
        )


async def rows_of(engine: AsyncEngine, user_id: int) -> dict[str, int]:
    """How many rows of each table belong to the user."""
    async with create_sessionmaker(engine).begin() as session:
        journeys = select(Journey.id).where(Journey.user_id == user_id)
        counts = {
            "users": select(func.count()).where(User.telegram_id == user_id),
            "journeys": select(func.count()).where(Journey.user_id == user_id),
            "answers": select(func.count()).where(Answer.journey_id.in_(journeys)),
            "opportunities": select(func.count()).where(Opportunity.user_id == user_id),
            "checkins": select(func.count()).where(Checkin.user_id == user_id),
            "walks": select(func.count()).where(Walk.user_id == user_id),
        }
        return {name: int(await session.scalar(stmt) or 0) for name, stmt in counts.items()}


async def warnings_of(engine: AsyncEngine, user_id: int) -> list[Checkin]:
    async with create_sessionmaker(engine).begin() as session:
        rows = await session.scalars(
            select(Checkin).where(Checkin.user_id == user_id, Checkin.kind == WARNING_KIND)
        )
        return list(rows.all())


async def test_a_user_nearing_the_limit_is_warned_once(engine: AsyncEngine) -> None:
    await user_with_data(engine, SILENT, last_seen=NOW - timedelta(days=359))
    await user_with_data(engine, ACTIVE, last_seen=NOW - timedelta(days=30))

    assert await run(engine, NOW) == ([SILENT], [])
    assert await run(engine, NOW + timedelta(days=1)) == ([], [])

    (warning,) = await warnings_of(engine, SILENT)
    assert (warning.status, warning.due_at, warning.journey_id) == ("pending", NOW, None)
    assert await warnings_of(engine, ACTIVE) == []


async def test_a_warned_user_is_erased_a_week_later_and_no_one_else(engine: AsyncEngine) -> None:
    await user_with_data(engine, SILENT, last_seen=NOW - timedelta(days=359))
    await user_with_data(engine, ACTIVE, last_seen=NOW - timedelta(days=30))
    active_rows = await rows_of(engine, ACTIVE)
    assert await run(engine, NOW) == ([SILENT], [])

    assert await run(engine, NOW + timedelta(days=6)) == ([], [])
    assert await run(engine, NOW + timedelta(days=7)) == ([], [SILENT])

    assert set((await rows_of(engine, SILENT)).values()) == {0}
    assert await rows_of(engine, ACTIVE) == active_rows
    assert min(active_rows.values()) > 0


async def test_a_user_silent_too_long_but_never_warned_gets_a_week(engine: AsyncEngine) -> None:
    await user_with_data(engine, SILENT, last_seen=NOW - timedelta(days=500))

    assert await run(engine, NOW) == ([SILENT], [])
    assert await run(engine, NOW + timedelta(days=6, hours=23)) == ([], [])
    assert await run(engine, NOW + timedelta(days=7)) == ([], [SILENT])


async def test_writing_after_the_warning_starts_the_count_again(engine: AsyncEngine) -> None:
    await user_with_data(engine, SILENT, last_seen=NOW - timedelta(days=359))
    assert await run(engine, NOW) == ([SILENT], [])
    came_back = NOW + timedelta(days=3)
    async with create_sessionmaker(engine).begin() as session:
        await repo.touch_user(session, telegram_id=SILENT, language_code="en", now=came_back)

    assert await run(engine, NOW + timedelta(days=8)) == ([], [])
    # Silent again for long enough: a new warning, since the old one came before the message.
    assert await run(engine, came_back + timedelta(days=359)) == ([SILENT], [])
    assert len(await warnings_of(engine, SILENT)) == 2


async def test_a_warning_that_could_not_be_delivered_still_counts(engine: AsyncEngine) -> None:
    await user_with_data(engine, SILENT, last_seen=NOW - timedelta(days=359))
    await run(engine, NOW)
    async with create_sessionmaker(engine).begin() as session:
        (warning,) = await session.scalars(select(Checkin).where(Checkin.kind == WARNING_KIND))
        warning.status = "dropped"  # the user blocked the bot

    assert await run(engine, NOW + timedelta(days=1)) == ([], [])
    assert await run(engine, NOW + timedelta(days=7)) == ([], [SILENT])


async def test_the_week_counts_from_when_the_warning_went_out(engine: AsyncEngine) -> None:
    await user_with_data(engine, SILENT, last_seen=NOW - timedelta(days=359))
    await run(engine, NOW)
    async with create_sessionmaker(engine).begin() as session:
        (warning,) = await session.scalars(select(Checkin).where(Checkin.kind == WARNING_KIND))
        # The dispatcher held it back (a pause), then sent it three days late.
        warning.due_at = NOW + timedelta(days=3)
        warning.status, warning.sent_at = "sent", NOW + timedelta(days=3)

    assert await run(engine, NOW + timedelta(days=7)) == ([], [])
    assert await run(engine, NOW + timedelta(days=10)) == ([], [SILENT])


async def test_a_retention_period_within_the_notice_is_refused(engine: AsyncEngine) -> None:
    with pytest.raises(ValueError, match="retention_days"):
        await run(engine, NOW, days=7)


async def test_the_daily_job_warns_and_erases(engine: AsyncEngine) -> None:
    await user_with_data(engine, SILENT, last_seen=NOW - timedelta(days=400))
    await user_with_data(engine, ACTIVE, last_seen=NOW - timedelta(days=300))
    active_rows = await rows_of(engine, ACTIVE)
    clock = FixedClock(NOW)
    sessionmaker = create_sessionmaker(engine)
    assert await apply_retention(sessionmaker, clock=clock, retention_days=365) == (1, 0)
    assert len(await warnings_of(engine, SILENT)) == 1

    clock.current = NOW + timedelta(days=7)
    assert await apply_retention(sessionmaker, clock=clock, retention_days=365) == (0, 1)

    assert set((await rows_of(engine, SILENT)).values()) == {0}
    assert await rows_of(engine, ACTIVE) == active_rows
