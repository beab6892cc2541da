"""Come-back nudges: one after 24 hours of silence, one more after 3 days, then none."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from models import Checkin
from models.db import create_sessionmaker
from scheduler.nudges import plan_come_back_nudges
from tests.support.checkins import add_journey, add_user, rows
from tests.support.clock import NOW


async def nudges_at(engine: AsyncEngine, now: datetime) -> int:
    async with create_sessionmaker(engine).begin() as session:
        return await plan_come_back_nudges(session, now=now)


async def test_two_nudges_then_silence(engine: AsyncEngine) -> None:
    await add_user(engine, 1, now=NOW)
    await add_journey(engine, 1, now=NOW)
    await add_user(engine, 2, now=NOW)
    await add_journey(engine, 2, now=NOW, status="paused")  # paused on purpose: no nudge

    assert await nudges_at(engine, NOW + timedelta(hours=23)) == 0
    assert await nudges_at(engine, NOW + timedelta(hours=25)) == 1
    assert await nudges_at(engine, NOW + timedelta(hours=26)) == 0
    assert await nudges_at(engine, NOW + timedelta(days=3, hours=1)) == 1
    assert await nudges_at(engine, NOW + timedelta(days=30)) == 0

    checkins = await rows(engine, Checkin)
    assert [(c.user_id, c.kind) for c in checkins] == [(1, "come_back"), (1, "come_back")]
