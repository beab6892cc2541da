"""The check-in dispatcher against real SQLite files and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from core.delivery import ChatUnreachableError, DeliveryError, SlowDownError
from models import Checkin, User
from models.db import create_engine, create_sessionmaker
from models.dispatch import claim_due
from models.migrate import upgrade_to_head
from models.repository import delete_users
from scheduler.dispatcher import MAX_ATTEMPTS
from tests.support.checkins import (
    FakeDelivery,
    add_checkin,
    add_journey,
    add_user,
    dispatcher,
    rows,
)
from tests.support.clock import NOON, FixedClock


async def test_due_check_ins_are_sent_once(engine: AsyncEngine) -> None:
    clock = FixedClock(NOON)
    for user in (1, 2, 3):
        await add_user(engine, user, now=NOON)
        await add_checkin(engine, user, "grief_over", NOON - timedelta(minutes=1), now=NOON)
    await add_checkin(engine, 1, "learning_goal", NOON + timedelta(hours=1), now=NOON)
    delivery = FakeDelivery()

    report = await dispatcher(engine, delivery, clock).run_once()
    again = await dispatcher(engine, delivery, clock).run_once()

    assert report.sent == 3
    assert again.claimed == 0
    assert sorted(delivery.chats()) == [1, 2, 3]
    assert "Your grief window is over" in delivery.delivered[0][1].text
    statuses = [(c.kind, c.status) for c in await rows(engine, Checkin)]
    assert statuses.count(("grief_over", "sent")) == 3
    assert ("learning_goal", "pending") in statuses


async def test_one_message_per_user_per_run(engine: AsyncEngine) -> None:
    clock = FixedClock(NOON)
    await add_user(engine, 1, now=NOON)
    await add_checkin(engine, 1, "grief_over", NOON - timedelta(minutes=2), now=NOON)
    await add_checkin(engine, 1, "learning_goal", NOON - timedelta(minutes=1), now=NOON)
    delivery = FakeDelivery()
    sender = dispatcher(engine, delivery, clock)

    await sender.run_once()
    assert len(delivery.delivered) == 1
    clock.current = NOON + timedelta(seconds=3)
    await sender.run_once()

    assert len(delivery.delivered) == 2


async def test_quiet_hours_hold_a_check_in_until_they_end(engine: AsyncEngine) -> None:
    late_evening = datetime(2026, 11, 25, 22, 30, tzinfo=UTC)  # 23:30 in Berlin
    clock = FixedClock(late_evening)
    await add_user(engine, 1, now=NOON, timezone="Europe/Berlin", quiet=("22:00", "08:00"))
    await add_checkin(engine, 1, "grief_over", late_evening - timedelta(minutes=5), now=NOON)
    delivery = FakeDelivery()

    report = await dispatcher(engine, delivery, clock).run_once()

    assert report.deferred == 1
    assert delivery.delivered == []
    (row,) = await rows(engine, Checkin)
    assert row.status == "pending"
    assert row.due_at == datetime(2026, 11, 26, 7, 0, tzinfo=UTC)  # 08:00 Berlin


async def test_a_stale_walk_is_dropped_and_the_next_one_planned(engine: AsyncEngine) -> None:
    clock = FixedClock(NOON)
    await add_user(engine, 1, now=NOON, timezone="Europe/Berlin")
    walk_due = NOON - timedelta(hours=3)
    await add_checkin(engine, 1, "walk_daily", walk_due, now=NOON, local_time="10:00")
    await add_user(engine, 2, now=NOON)
    await add_checkin(engine, 2, "grief_over", NOON - timedelta(days=2), now=NOON)
    delivery = FakeDelivery()

    report = await dispatcher(engine, delivery, clock).run_once()

    assert report.dropped == 1
    assert delivery.chats() == [2]  # a late grief-window message is still worth sending
    checkins = await rows(engine, Checkin)
    assert [(r.kind, r.status, r.last_error) for r in checkins[:2]] == [
        ("walk_daily", "dropped", "stale"),
        ("grief_over", "sent", None),
    ]
    (next_walk,) = [r for r in checkins if r.status == "pending"]
    assert next_walk.due_at == datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # 10:00 Berlin
    assert next_walk.local_time == "10:00"


async def test_a_walk_sent_before_the_dst_change_comes_back_at_the_same_local_time(
    engine: AsyncEngine,
) -> None:
    before_change = datetime(2026, 3, 28, 18, 30, tzinfo=UTC)  # 19:30 CET
    clock = FixedClock(before_change)
    await add_user(engine, 1, now=before_change, timezone="Europe/Berlin")
    await add_checkin(engine, 1, "walk_daily", before_change, now=before_change, local_time="19:30")

    await dispatcher(engine, FakeDelivery(), clock).run_once()

    (_, following) = await rows(engine, Checkin)
    assert following.due_at == datetime(2026, 3, 29, 17, 30, tzinfo=UTC)  # 19:30 CEST


async def test_an_expired_lease_is_picked_up_again(engine: AsyncEngine) -> None:
    clock = FixedClock(NOON)
    await add_user(engine, 1, now=NOON)
    await add_checkin(engine, 1, "grief_over", NOON, now=NOON)

    # The process "dies": the claim is committed, the settle never happens.
    async with create_sessionmaker(engine).begin() as session:
        claimed = await claim_due(session, now=NOON, lease=timedelta(minutes=5), limit=10)
    assert len(claimed) == 1

    delivery = FakeDelivery()
    restarted = dispatcher(engine, delivery, clock)
    assert (await restarted.run_once()).claimed == 0  # still leased
    clock.current = NOON + timedelta(minutes=6)
    assert (await restarted.run_once()).sent == 1
    (row,) = await rows(engine, Checkin)
    assert row.status == "sent"
    assert row.attempts == 2


async def test_a_restart_mid_batch_loses_none(engine: AsyncEngine) -> None:
    clock = FixedClock(NOON)
    for user in range(1, 21):
        await add_user(engine, user, now=NOON)
        await add_checkin(engine, user, "grief_over", NOON, now=NOON)

    class DiesAfterFive(FakeDelivery):
        async def deliver(self, chat_id: int, reply: object) -> None:
            if len(self.delivered) >= 5:
                raise asyncio.CancelledError  # the process is killed mid-batch
            await super().deliver(chat_id, reply)  # type: ignore[arg-type]

    first = DiesAfterFive()
    with pytest.raises(asyncio.CancelledError):
        await dispatcher(engine, first, clock, concurrency=1).run_once()

    second = FakeDelivery()
    clock.current = NOON + timedelta(minutes=6)  # the lease of the dead process expired
    await dispatcher(engine, second, clock).drain()

    assert set(first.chats()) | set(second.chats()) == set(range(1, 21))
    assert all(row.status == "sent" for row in await rows(engine, Checkin))


async def test_a_blocked_user_has_their_check_ins_stopped(engine: AsyncEngine) -> None:
    clock = FixedClock(NOON)
    await add_user(engine, 1, now=NOON)
    await add_checkin(engine, 1, "walk_daily", NOON, now=NOON, local_time="12:00")
    await add_checkin(engine, 1, "learning_goal", NOON + timedelta(days=3), now=NOON)
    delivery = FakeDelivery(failures={1: [ChatUnreachableError("Forbidden: bot was blocked")]})

    report = await dispatcher(engine, delivery, clock).run_once()

    assert report.blocked == 1
    checkins = await rows(engine, Checkin)
    assert [(r.kind, r.status) for r in checkins] == [
        ("walk_daily", "failed"),
        ("learning_goal", "dropped"),
    ]  # and no next walk is planned
    async with create_sessionmaker(engine).begin() as session:
        user = await session.get(User, 1)
    assert user is not None
    assert user.blocked_at == NOON


async def test_retry_after_is_honoured(engine: AsyncEngine) -> None:
    clock = FixedClock(NOON)
    await add_user(engine, 1, now=NOON)
    await add_checkin(engine, 1, "grief_over", NOON, now=NOON)
    delivery = FakeDelivery(failures={1: [SlowDownError(30)]})
    sender = dispatcher(engine, delivery, clock)

    await sender.run_once()
    (row,) = await rows(engine, Checkin)
    assert (row.status, row.due_at, row.attempts) == ("pending", NOON + timedelta(seconds=30), 0)
    clock.current = NOON + timedelta(seconds=10)
    assert (await sender.run_once()).claimed == 0
    clock.current = NOON + timedelta(seconds=30)
    assert (await sender.run_once()).sent == 1


async def test_network_errors_back_off_then_give_up(engine: AsyncEngine) -> None:
    clock = FixedClock(NOON)
    await add_user(engine, 1, now=NOON)
    await add_checkin(engine, 1, "grief_over", NOON, now=NOON)
    delivery = FakeDelivery(failures={1: [DeliveryError("TimedOut")] * MAX_ATTEMPTS})
    sender = dispatcher(engine, delivery, clock)

    delays = []
    for _ in range(MAX_ATTEMPTS):
        await sender.run_once()
        (row,) = await rows(engine, Checkin)
        if row.status != "pending":
            break
        delays.append(row.due_at - clock.current)
        clock.current = row.due_at

    assert delays == [timedelta(seconds=s) for s in (30, 60, 120, 240)]
    (row,) = await rows(engine, Checkin)
    assert (row.status, row.last_error) == ("failed", "TimedOut")
    assert delivery.delivered == []


async def test_come_back_nudge_is_dropped_once_the_user_answers(engine: AsyncEngine) -> None:
    clock = FixedClock(NOON)
    await add_user(engine, 1, now=NOON)
    journey_id = await add_journey(engine, 1, now=NOON, nudges=0)  # answered since: reset
    await add_checkin(engine, 1, "come_back", NOON, now=NOON, journey_id=journey_id)

    report = await dispatcher(engine, FakeDelivery(), clock).run_once()

    assert report.dropped == 1


@pytest.mark.postgres
async def test_two_dispatchers_on_postgres_send_each_check_in_once(postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    await upgrade_to_head(engine)
    try:
        sessions = create_sessionmaker(engine)
        async with sessions.begin() as session:
            session.add_all(
                User(telegram_id=u, created_at=NOON, last_seen_at=NOON, timezone="UTC")
                for u in range(1, 1001)
            )
        async with sessions.begin() as session:
            session.add_all(
                Checkin(
                    user_id=u,
                    kind="grief_over",
                    due_at=NOON,
                    status="pending",
                    attempts=0,
                    created_at=NOON,
                    updated_at=NOON,
                )
                for u in range(1, 1001)
            )
        clock = FixedClock(NOON)
        first, second = FakeDelivery(), FakeDelivery()
        await asyncio.gather(
            dispatcher(engine, first, clock, batch_size=50).drain(),
            dispatcher(engine, second, clock, batch_size=50).drain(),
        )

        chats = first.chats() + second.chats()
        assert len(chats) == 1000
        assert len(set(chats)) == 1000
        assert first.delivered
        assert second.delivered  # both really worked
    finally:
        await engine.dispose()


async def test_a_user_deleted_mid_batch_does_not_break_the_batch(engine: AsyncEngine) -> None:
    clock = FixedClock(NOON)
    for user in (1, 2):
        await add_user(engine, user, now=NOON)
        await add_checkin(engine, user, "walk_daily", NOON, now=NOON, local_time="12:00")

    class DeletesUserOne(FakeDelivery):
        async def deliver(self, chat_id: int, reply: object) -> None:
            if chat_id == 1:  # /delete lands while the batch is being sent
                async with create_sessionmaker(engine).begin() as session:
                    await delete_users(session, user_ids=[1])
            await super().deliver(chat_id, reply)  # type: ignore[arg-type]

    report = await dispatcher(engine, DeletesUserOne(), clock, concurrency=1).run_once()

    assert report.sent == 2
    checkins = await rows(engine, Checkin)
    assert [(r.user_id, r.status) for r in checkins] == [(2, "sent"), (2, "pending")]
