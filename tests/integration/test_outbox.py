"""The outbox sender on SQLite and PostgreSQL: a committed message is delayed by failures,
never lost, and a chat's messages leave in order."""

from __future__ import annotations

import asyncio
from collections import deque
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from telegram.error import Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import ExtBot

from bot.ratelimit import SendBudget
from core.delivery import Urgency
from core.replies import Reply, reply_to_json
from handlers.outbox import GIVE_UP_AFTER, LEASE, OutboxDelivery, OutboxSender
from models import Checkin, OutboxMessage, User
from models import outbox_store as store
from models.db import create_sessionmaker
from tests.support.checkins import add_checkin, add_user, rows
from tests.support.clock import NOW, FixedClock
from tests.support.fake_bot_api import DEFAULT_TOKEN
from tests.support.recording_request import RecordingRequest

CHAT = 4242


class ScriptedBot:
    """Answers send_message with the scripted outcomes (an exception, or None: accepted)."""

    def __init__(self, *outcomes: Exception | None) -> None:
        self.outcomes: deque[Exception | None] = deque(outcomes)
        self.sent: list[str] = []

    async def send_message(self, *, chat_id: int, text: str, reply_markup: Any = None) -> None:
        outcome = self.outcomes.popleft() if self.outcomes else None
        if outcome is not None:
            raise outcome
        self.sent.append(text)

    async def send_document(self, *, chat_id: int, document: Any) -> None:
        self.sent.append(f"document {document.filename}")


class HeldBot(ScriptedBot):
    """Accepts every message, but holds the first on its way (as if waiting in the send budget
    behind a long queue) until `release` is set."""

    def __init__(self) -> None:
        super().__init__()
        self.release = asyncio.Event()

    async def send_message(self, *, chat_id: int, text: str, reply_markup: Any = None) -> None:
        if not self.sent:
            await self.release.wait()
        self.sent.append(text)


async def enqueue(
    engine: AsyncEngine, clock: FixedClock, *texts: str, chat: int = CHAT, kind: str = "reply"
) -> list[store.Outgoing]:
    async with create_sessionmaker(engine).begin() as session:
        return await store.enqueue(
            session,
            chat_id=chat,
            kind=kind,
            payloads=[reply_to_json(Reply(text)) for text in texts],
            now=clock.now(),
            lease=timedelta(seconds=60),
        )


def sender(engine: AsyncEngine, bot: ScriptedBot, clock: FixedClock) -> OutboxSender:
    return OutboxSender(bot, create_sessionmaker(engine), clock)  # type: ignore[arg-type]


async def statuses(engine: AsyncEngine) -> list[str]:
    return [m.status for m in await rows(engine, OutboxMessage)]


async def test_replies_are_sent_in_order_and_marked_sent(engine: AsyncEngine) -> None:
    clock, bot = FixedClock(NOW), ScriptedBot()
    messages = await enqueue(engine, clock, "one", "two")

    await sender(engine, bot, clock).deliver(messages)

    assert bot.sent == ["one", "two"]
    assert await statuses(engine) == ["sent", "sent"]


async def test_a_server_error_delays_a_message_and_the_ones_behind_it(
    engine: AsyncEngine,
) -> None:
    clock, bot = FixedClock(NOW), ScriptedBot(NetworkError("Bad Gateway"))
    outbox = sender(engine, bot, clock)
    await outbox.deliver(await enqueue(engine, clock, "one", "two"))
    assert bot.sent == []
    assert await enqueue(engine, clock, "three") == []  # queues behind the waiting ones

    assert await outbox.flush() == 0  # not due yet
    clock.current += timedelta(seconds=5)
    assert await outbox.flush() == 3

    assert bot.sent == ["one", "two", "three"]
    assert await statuses(engine) == ["sent", "sent", "sent"]


async def test_retry_after_waits_as_long_as_telegram_asks(engine: AsyncEngine) -> None:
    clock = FixedClock(NOW)
    bot = ScriptedBot(RetryAfter(timedelta(seconds=30)))
    outbox = sender(engine, bot, clock)
    await outbox.deliver(await enqueue(engine, clock, "one"))

    clock.current += timedelta(seconds=29)
    assert await outbox.flush() == 0
    clock.current += timedelta(seconds=2)
    assert await outbox.flush() == 1
    assert bot.sent == ["one"]


async def test_a_blocked_chat_drops_its_messages_and_stops_its_check_ins(
    engine: AsyncEngine,
) -> None:
    clock, bot = FixedClock(NOW), ScriptedBot(Forbidden("Forbidden: bot was blocked by the user"))
    await add_user(engine, CHAT, now=NOW)
    await add_checkin(engine, CHAT, "walk_daily", NOW + timedelta(days=1), now=NOW)

    await sender(engine, bot, clock).deliver(await enqueue(engine, clock, "one", "two"))

    assert await statuses(engine) == ["dropped", "dropped"]
    (user,) = await rows(engine, User)
    assert user.blocked_at == NOW
    assert [c.status for c in await rows(engine, Checkin)] == ["dropped"]


async def test_a_message_is_given_up_only_after_a_day_of_failures(engine: AsyncEngine) -> None:
    clock = FixedClock(NOW)
    bot = ScriptedBot(*[NetworkError("timed out")] * 200)
    outbox = sender(engine, bot, clock)
    await outbox.deliver(await enqueue(engine, clock, "one"))
    while clock.current - NOW <= GIVE_UP_AFTER:
        clock.current += timedelta(minutes=10)
        await outbox.flush()
        if (await statuses(engine)) != ["pending"]:
            break

    assert await statuses(engine) == ["failed"]
    assert clock.current - NOW > GIVE_UP_AFTER


async def test_a_claim_left_by_a_crashed_process_is_sent_by_the_next_one(
    engine: AsyncEngine,
) -> None:
    clock = FixedClock(NOW)
    await enqueue(engine, clock, "one")  # claimed by a process that then died
    clock.current += timedelta(seconds=5)
    bot = ScriptedBot()
    outbox = sender(engine, bot, clock)

    await outbox.flush()

    if engine.dialect.name == "sqlite":  # the only sender: sent at once, counted as maybe twice
        assert bot.sent == ["one"]
        async with create_sessionmaker(engine).begin() as session:
            assert await store.maybe_twice(session) == 1
    else:  # another replica may hold it: sent when its lease runs out
        assert bot.sent == []
        clock.current += timedelta(seconds=60)
        await outbox.flush()
        assert bot.sent == ["one"]


async def test_a_check_in_goes_through_the_outbox(engine: AsyncEngine) -> None:
    clock, bot = FixedClock(NOW), ScriptedBot()
    sessionmaker = create_sessionmaker(engine)
    outbox = sender(engine, bot, clock)

    await OutboxDelivery(sessionmaker, outbox, clock).deliver(CHAT, Reply("Time for your walk"))

    assert bot.sent == ["Time for your walk"]
    (message,) = await rows(engine, OutboxMessage)
    assert (message.kind, message.status) == ("checkin", "sent")


class SeenBudget(SendBudget):
    """The real send budget, remembering what each send told it."""

    def __init__(self) -> None:
        super().__init__(1000)
        self.seen: list[tuple[object, object, object]] = []

    async def process_request(
        self, callback: Any, args: Any, kwargs: Any, endpoint: str, data: Any, rate_limit_args: Any
    ) -> Any:
        self.seen.append((endpoint, rate_limit_args, data.get("allow_paid_broadcast")))
        return await super().process_request(
            callback, args, kwargs, endpoint, data, rate_limit_args
        )


@pytest.mark.parametrize("paid", [False, True])
async def test_replies_go_to_the_budget_as_urgent_and_check_ins_as_planned(
    engine: AsyncEngine, paid: bool
) -> None:
    clock, budget = FixedClock(NOW), SeenBudget()
    bot = ExtBot(DEFAULT_TOKEN, request=RecordingRequest(), rate_limiter=budget)
    await bot.initialize()
    outbox = OutboxSender(bot, create_sessionmaker(engine), clock, paid_broadcast=paid)
    await outbox.deliver(await enqueue(engine, clock, "an answer"))
    await OutboxDelivery(create_sessionmaker(engine), outbox, clock).deliver(
        CHAT, Reply("time for a walk")
    )
    await bot.shutdown()

    assert budget.seen[1:] == [  # after initialize()'s getMe
        ("sendMessage", Urgency.REPLY, None),
        # Only check-ins may go as paid broadcasts, and only when that is switched on.
        ("sendMessage", Urgency.CHECKIN, True if paid else None),
    ]
    assert await statuses(engine) == ["sent", "sent"]


async def test_a_message_waiting_for_its_slot_past_its_lease_is_not_sent_twice(
    engine: AsyncEngine,
) -> None:
    clock, bot = FixedClock(NOW), HeldBot()
    sent, release = bot.sent, bot.release

    outbox = sender(engine, bot, clock)
    delivering = asyncio.create_task(outbox.deliver(await enqueue(engine, clock, "one")))
    await asyncio.sleep(0.05)
    clock.current = NOW + LEASE + timedelta(seconds=1)  # the claim has run out meanwhile

    assert await outbox.flush() == 0  # claimed again, but it is already on its way
    release.set()
    await delivering

    assert sent == ["one"]
    assert await statuses(engine) == ["sent"]


async def test_a_message_queued_behind_one_on_its_way_follows_it_at_once(
    engine: AsyncEngine,
) -> None:
    clock, bot = FixedClock(NOW), HeldBot()
    sent, release = bot.sent, bot.release

    outbox = sender(engine, bot, clock)
    delivering = asyncio.create_task(outbox.deliver(await enqueue(engine, clock, "one")))
    await asyncio.sleep(0.05)
    # A check-in falls due meanwhile: committed behind "one", not claimed.
    await OutboxDelivery(create_sessionmaker(engine), outbox, clock).deliver(CHAT, Reply("two"))
    assert sent == []
    release.set()
    await delivering
    # No flush tick is run here: the sender goes on by itself. Telegram accepts "two" a
    # moment before its row is marked sent, so wait for the row, not the send.
    for _ in range(100):
        if len(sent) == 2 and await statuses(engine) == ["sent", "sent"]:
            break
        await asyncio.sleep(0.02)

    assert sent == ["one", "two"]
    assert await statuses(engine) == ["sent", "sent"]


class GateBot(ScriptedBot):
    """Accepts every message once `gate` opens, so many sends are accepted at once."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = asyncio.Event()

    async def send_message(self, *, chat_id: int, text: str, reply_markup: Any = None) -> None:
        await self.gate.wait()
        self.sent.append(text)


async def test_sends_accepted_together_are_marked_sent_in_one_transaction(
    engine: AsyncEngine,
) -> None:
    clock, bot = FixedClock(NOW), GateBot()
    sessionmaker = create_sessionmaker(engine)
    batches: list[list[tuple[int, object]]] = []
    mark_all_sent = store.mark_all_sent

    async def counting(session: Any, sent: Any) -> None:
        batches.append(list(sent))
        await mark_all_sent(session, sent)

    outbox = OutboxSender(bot, sessionmaker, clock)  # type: ignore[arg-type]
    claimed = []
    for chat in range(10):
        claimed += await enqueue(engine, clock, f"to {chat + 1}", chat=chat + 1)
    assert len(claimed) == 10  # nothing older waited for these chats: each is claimed
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(store, "mark_all_sent", counting)
        delivering = [asyncio.create_task(outbox.deliver([message])) for message in claimed]
        await asyncio.sleep(0.05)
        bot.gate.set()
        await asyncio.gather(*delivering)  # each returns once its row is marked

    assert sorted(bot.sent) == sorted(f"to {chat + 1}" for chat in range(10))
    assert await statuses(engine) == ["sent"] * 10
    assert sum(len(batch) for batch in batches) == 10
    assert len(batches) <= 2  # not one transaction per message


async def test_a_failure_to_mark_reaches_every_sender_waiting_on_that_batch(
    engine: AsyncEngine,
) -> None:
    clock, bot = FixedClock(NOW), GateBot()
    sessionmaker = create_sessionmaker(engine)
    outbox = OutboxSender(bot, sessionmaker, clock)  # type: ignore[arg-type]
    claimed = []
    for chat in (1, 2):
        claimed += await enqueue(engine, clock, "hi", chat=chat)

    async def broken(session: Any, sent: Any) -> None:
        raise ValueError("a bug while marking")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(store, "mark_all_sent", broken)
        delivering = [asyncio.create_task(outbox.deliver([message])) for message in claimed]
        bot.gate.set()
        results = await asyncio.gather(*delivering, return_exceptions=True)

    assert [type(result) for result in results] == [ValueError, ValueError]
    # Still claimed, not marked: the next sender after the lease sends them again.
    assert await statuses(engine) == ["pending", "pending"]


async def test_a_single_message_is_claimed_unless_an_older_one_of_the_chat_waits(
    engine: AsyncEngine,
) -> None:
    clock = FixedClock(NOW)
    first = await enqueue(engine, clock, "one")
    assert [m.payload for m in first] == [reply_to_json(Reply("one"))]
    assert await enqueue(engine, clock, "two") == []  # "one" is still pending
    async with create_sessionmaker(engine).begin() as session:
        await store.mark_sent(session, message_id=first[0].id, now=clock.now())
    # "two" still waits (unclaimed), so "three" queues behind it.
    assert await enqueue(engine, clock, "three") == []
    claims = [m.claimed_until for m in await rows(engine, OutboxMessage)]
    assert claims == [None, None, None]  # "one" sent; "two" and "three" for the flush
    async with create_sessionmaker(engine).begin() as session:
        await store.mark_sent(session, message_id=first[0].id + 1, now=clock.now())
        await store.mark_sent(session, message_id=first[0].id + 2, now=clock.now())
    assert len(await enqueue(engine, clock, "four")) == 1  # nothing waits any more


async def test_sends_refused_while_the_bot_stops_wait_with_one_line_in_the_log(
    engine: AsyncEngine, caplog: pytest.LogCaptureFixture
) -> None:
    clock = FixedClock(NOW)
    bot = ScriptedBot(*(TimedOut("the bot is stopping") for _ in range(5)))
    sessionmaker = create_sessionmaker(engine)
    outbox = OutboxSender(bot, sessionmaker, clock)  # type: ignore[arg-type]
    claimed = []
    for chat in range(1, 6):
        claimed += await enqueue(engine, clock, "walk?", chat=chat, kind="check-in")
    assert len(claimed) == 5
    await outbox.close()  # the budget refuses every send waiting for a slot from now on

    with caplog.at_level("INFO", logger="handlers.outbox"):
        await asyncio.gather(*(outbox.deliver([message]) for message in claimed))

    assert [r.getMessage() for r in caplog.records] == [
        "outbox: the bot is stopping; what is still to send waits for it"
    ]
    assert await statuses(engine) == ["pending"] * 5  # sent after the next start
