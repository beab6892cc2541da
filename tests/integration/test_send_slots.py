"""Replicas on PostgreSQL reserve their send slots from one row (`models.send_slots`): however
many reserve at once, the slots they get are one interval apart."""

from __future__ import annotations

import asyncio
import itertools

import pytest
from sqlalchemy import select

from models.db import create_engine, create_sessionmaker
from models.migrate import upgrade_to_head
from models.outbox import SendSlot
from models.send_slots import BUDGET, SharedSlots
from tests.conftest import TEST_CIPHER

INTERVAL = 0.05


async def test_three_replicas_reserving_at_once_get_slots_one_interval_apart(
    postgres_url: str,
) -> None:
    engines = [create_engine(postgres_url, cipher=TEST_CIPHER) for _ in range(3)]
    try:
        await upgrade_to_head(engines[0])
        replicas = [SharedSlots(engine) for engine in engines]
        starts: list[float] = []

        async def reserve(slots: SharedSlots) -> None:
            for _ in range(20):
                slot, _now = await slots.reserve_at(INTERVAL)
                starts.append(slot)

        await asyncio.gather(*(reserve(slots) for slots in replicas))

        starts.sort()
        gaps = [b - a for a, b in itertools.pairwise(starts)]
        # On the database's clock: every slot one interval (or more) after the one before.
        assert len(starts) == 60
        assert min(gaps) >= INTERVAL - 1e-6
        assert starts[-1] - starts[0] == pytest.approx(59 * INTERVAL, abs=0.05)

        await replicas[0].pause(5.0)
        assert await replicas[1].reserve(INTERVAL) >= 4.9
        async with create_sessionmaker(engines[0])() as session:
            assert await session.scalar(select(SendSlot.name)) == BUDGET
    finally:
        for engine in engines:
            await engine.dispose()
