"""Replicas on PostgreSQL reserve their send slots from one row (`models.send_slots`): however
many reserve at once, the slots they get are one interval apart."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable

import pytest
from sqlalchemy import select

from bot.app import build_application
from bot.ratelimit import SendBudget
from bot.settings import Settings
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


async def test_a_burst_goes_at_once_but_no_window_holds_more_than_the_budget(
    postgres_url: str,
) -> None:
    engines = [create_engine(postgres_url, cipher=TEST_CIPHER) for _ in range(3)]
    try:
        await upgrade_to_head(engines[0])
        replicas = [SharedSlots(engine) for engine in engines]
        starts: list[float] = []
        first_now: list[float] = []

        async def reserve(slots: SharedSlots) -> None:
            for _ in range(15):
                slot, now = await slots.reserve_at(INTERVAL, burst=5, per_window=10, window=0.6)
                first_now.append(now)
                starts.append(max(slot, now))

        await asyncio.gather(*(reserve(slots) for slots in replicas))

        starts.sort()
        assert len(starts) == 45
        # After the quiet start, five at once (as fast as the reservations come).
        assert starts[4] - min(first_now) < INTERVAL
        # Never more than 10 starts in any 0.6 s, however the replicas interleave.
        most = max(sum(1 for s in starts if begin <= s < begin + 0.6 - 1e-9) for begin in starts)
        assert most <= 10
        async with create_sessionmaker(engines[0])() as session:
            row = await session.get(SendSlot, BUDGET)
            assert row is not None
            assert row.recent is not None
            assert len(row.recent) == 10  # one window's worth is kept
            assert row.recent == sorted(row.recent)
    finally:
        for engine in engines:
            await engine.dispose()


@pytest.mark.parametrize(
    ("webhook", "shared"),
    [
        pytest.param(False, False, id="polling: the only sender, its own pace"),
        pytest.param(True, True, id="webhook: replicas share the budget"),
    ],
)
async def test_only_webhook_replicas_share_the_budget(
    postgres_url: str, settings_for: Callable[..., Settings], webhook: bool, shared: bool
) -> None:
    extra = (
        {"webhook_url": "https://bot.example.org/telegram", "webhook_secret": "s" * 32}
        if webhook
        else {}
    )
    engine = create_engine(postgres_url, cipher=TEST_CIPHER)
    try:
        application = build_application(
            settings_for(postgres_url, **extra), sessionmaker=create_sessionmaker(engine)
        )
        limiter = application.bot.rate_limiter
        assert isinstance(limiter, SendBudget)
        assert isinstance(limiter.shared, SharedSlots) is shared
    finally:
        await engine.dispose()
