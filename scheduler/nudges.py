"""Plans the "come back" nudges for journeys that stalled mid-way: one after 24 hours without
an answer, one more after 3 days, then silence. Runs as a fixed job over the journeys table."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.status import CheckinKind, JourneyStatus
from models.dispatch import pending_row, plan_many
from models.journeys import Journey

FIRST_NUDGE_AFTER = timedelta(hours=24)
SECOND_NUDGE_AFTER = timedelta(days=3)
BATCH = 1000


async def plan_come_back_nudges(session: AsyncSession, *, now: datetime) -> int:
    """Plan a nudge for every active journey that is due one; return how many."""
    stalled = await session.execute(
        select(Journey.id, Journey.user_id)
        .where(
            Journey.status == JourneyStatus.ACTIVE,
            Journey.prompt != "done",
            or_(
                and_(Journey.nudges == 0, Journey.updated_at <= now - FIRST_NUDGE_AFTER),
                and_(Journey.nudges == 1, Journey.updated_at <= now - SECOND_NUDGE_AFTER),
            ),
        )
        .limit(BATCH)
        .with_for_update(skip_locked=True)
    )
    rows = stalled.all()
    if not rows:
        return 0
    await session.execute(
        update(Journey)
        .where(Journey.id.in_([row.id for row in rows]))
        .values(nudges=Journey.nudges + 1)
        .execution_options(synchronize_session=False)
    )
    await plan_many(
        session,
        [
            pending_row(
                user_id=row.user_id,
                journey_id=row.id,
                kind=CheckinKind.COME_BACK,
                due_at=now,
                local_time=None,
                now=now,
            )
            for row in rows
        ],
    )
    return len(rows)
