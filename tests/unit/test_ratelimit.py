"""The send budget: a short burst then evenly spaced sends, replies first, a pace per chat,
shared slots, and a pause after RetryAfter.

The limiter runs on `FakeTime`: no test waits in real time, and every send time is exact.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

import pytest
from telegram.error import RetryAfter, TimedOut

from bot.ratelimit import BURST, SendBudget
from core.delivery import Urgency

# Loop turns a sleeper leaves before the clock moves on: enough for a task that was just woken
# to reach its next sleep, even through a lock hand-off.
SETTLE_TURNS = 20


class FakeTime:
    """A clock that moves only when a sleeper wakes up, and remembers every sleep.

    Sleepers wake one at a time, in order of their wake-up time (ties: first asleep, first
    awake), and the clock jumps to that time. Before each wake-up every other task gets
    `SETTLE_TURNS` turns of the event loop, so a task woken earlier books its next sleep before
    the clock passes it. `lateness` adds seconds to successive sleeps: a timer that wakes late.
    """

    def __init__(self, lateness: Iterable[float] = ()) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []
        self._lateness = iter(lateness)
        self._asleep: list[tuple[float, int]] = []
        self._order = itertools.count()
        self._wake_ups = 0

    def monotonic(self) -> float:
        """The fake time in seconds."""
        return self.now

    async def sleep(self, seconds: float) -> None:
        """Record the sleep, wait for every earlier wake-up, then move the clock on."""
        self.sleeps.append(seconds)
        wake_at = self.now + max(0.0, seconds) + next(self._lateness, 0.0)
        me = (wake_at, next(self._order))
        heapq.heappush(self._asleep, me)
        while True:
            wake_ups = self._wake_ups
            for _ in range(SETTLE_TURNS):
                await asyncio.sleep(0)
            if self._wake_ups == wake_ups and self._asleep[0] == me:
                break
        heapq.heappop(self._asleep)
        self.now = max(self.now, wake_at)
        self._wake_ups += 1


def limiter_on(clock: FakeTime, per_second: float, max_retries: int = 3) -> SendBudget:
    """A limiter that plans and waits on the fake clock."""
    return SendBudget(per_second, max_retries, monotonic=clock.monotonic, sleep=clock.sleep)


async def send_to_chats(limiter: SendBudget, clock: FakeTime, chats: int) -> list[float]:
    """Send one message to each of `chats` chats at once; the fake times the sends started."""
    moments: list[float] = []

    async def send() -> bool:
        moments.append(clock.now)
        return True

    await asyncio.gather(
        *(
            limiter.process_request(send, (), {}, "sendMessage", {"chat_id": chat}, None)
            for chat in range(chats)
        )
    )
    return moments


def most_in_one_second(moments: list[float]) -> int:
    """The most sends in any one-second window [t, t + 1) that starts at a send."""
    return max(sum(1 for m in moments if start <= m < start + 1.0) for start in moments)


async def test_a_short_burst_goes_at_once_then_sends_are_spaced_evenly() -> None:
    clock = FakeTime()
    limiter = limiter_on(clock, per_second=50)

    moments = await send_to_chats(limiter, clock, chats=BURST + 5)

    # BURST at once, every later one 1/50 s after the one before.
    assert moments[:BURST] == pytest.approx([0.0] * BURST, abs=1e-9)
    assert [b - a for a, b in itertools.pairwise(moments[BURST - 1 :])] == pytest.approx([0.02] * 5)


async def test_the_burst_comes_back_only_after_a_quiet_moment() -> None:
    clock = FakeTime()
    limiter = limiter_on(clock, per_second=50)
    await send_to_chats(limiter, clock, chats=BURST + 5)  # credit used up
    await clock.sleep(0.02 * 2)  # two slots' quiet: two may go at once, not BURST

    start = clock.now
    moments = await send_to_chats(limiter, clock, chats=4)

    assert [m - start for m in moments] == pytest.approx([0.0, 0.0, 0.02, 0.04], abs=1e-9)


async def test_a_burst_never_puts_more_than_the_rate_in_one_window() -> None:
    clock = FakeTime()
    limiter = limiter_on(clock, per_second=29)

    moments = await send_to_chats(limiter, clock, chats=100)

    assert most_in_one_second(moments) <= 29


async def test_calls_without_a_chat_are_not_held_back() -> None:
    clock = FakeTime()
    limiter = limiter_on(clock, per_second=1)
    moments: list[float] = []

    async def call() -> bool:
        moments.append(clock.now)
        return True

    for _ in range(3):
        await limiter.process_request(call, (), {}, "getMe", {}, None)

    assert moments == [0.0, 0.0, 0.0]
    assert clock.sleeps == []


async def test_retry_after_waits_then_retries() -> None:
    clock = FakeTime()
    limiter = limiter_on(clock, per_second=100)
    attempts: list[float] = []

    async def flaky() -> Any:
        attempts.append(clock.now)
        if len(attempts) == 1:
            raise RetryAfter(timedelta(seconds=0.2))
        return {"ok": True}

    result = await limiter.process_request(flaky, (), {}, "sendMessage", {"chat_id": 1}, None)

    assert result == {"ok": True}
    assert len(attempts) == 2
    assert attempts[1] - attempts[0] >= 0.2


async def test_retry_after_holds_back_later_calls_to_every_chat_until_it_is_over() -> None:
    clock = FakeTime()
    limiter = limiter_on(clock, per_second=100)
    sent: dict[int, float] = {}
    refused = False

    async def send_to(chat: int) -> Any:
        nonlocal refused
        if chat == 1 and not refused:
            refused = True
            raise RetryAfter(timedelta(seconds=1))
        sent[chat] = clock.now
        return {"ok": True}

    async def call(chat: int, at: float) -> Any:
        if at:
            await clock.sleep(at)
        return await limiter.process_request(
            send_to, (chat,), {}, "sendMessage", {"chat_id": chat}, None
        )

    # Chat 1 is refused at 0 s with "retry after 1 s"; chats 2 to 4 call half-way through.
    await asyncio.gather(call(1, at=0.0), *(call(chat, at=0.5) for chat in (2, 3, 4)))

    assert sorted(sent) == [1, 2, 3, 4]
    assert min(sent.values()) >= 1.0


async def test_retry_after_is_raised_once_the_retries_are_used_up() -> None:
    clock = FakeTime()
    limiter = limiter_on(clock, per_second=100, max_retries=2)
    attempts: list[float] = []

    async def refused() -> Any:
        attempts.append(clock.now)
        raise RetryAfter(timedelta(seconds=1))

    with pytest.raises(RetryAfter):
        await limiter.process_request(refused, (), {}, "sendMessage", {"chat_id": 1}, None)

    assert len(attempts) == 3  # the first try and two retries


async def test_a_reply_waits_at_most_one_slot_behind_ten_thousand_check_ins() -> None:
    clock = FakeTime()
    limiter = limiter_on(clock, per_second=29)
    started: list[tuple[str, float]] = []

    async def send(what: str) -> bool:
        started.append((what, clock.now))
        return True

    def request(what: str, chat: int, urgency: Urgency) -> Any:
        return limiter.process_request(
            send, (what,), {}, "sendMessage", {"chat_id": chat}, int(urgency)
        )

    checkins = [
        asyncio.ensure_future(request("check-in", chat, Urgency.CHECKIN)) for chat in range(10_000)
    ]
    await clock.sleep(2.0)  # the queue is long and draining
    asked = clock.now
    await request("reply", 99_999, Urgency.REPLY)
    for task in checkins:
        task.cancel()
    await asyncio.gather(*checkins, return_exceptions=True)

    (reply_at,) = [at for what, at in started if what == "reply"]
    # The next free slot (the window keeps a 20 ms margin, so at most the one after it).
    assert reply_at - asked <= 2 / 29
    assert 50 <= sum(what == "check-in" for what, _ in started) <= 2 * 29 + 2


async def test_one_chat_gets_a_short_burst_then_one_message_a_second() -> None:
    clock = FakeTime()
    limiter = limiter_on(clock, per_second=1000)
    moments: list[float] = []

    async def send() -> bool:
        moments.append(clock.now)
        return True

    for _ in range(6):
        await limiter.process_request(send, (), {}, "sendMessage", {"chat_id": 7}, None)

    # Three at once (CHAT_BURST), then one a second.
    assert moments[:3] == pytest.approx([0.0, 0.0, 0.0], abs=1e-6)
    assert [b - a for a, b in itertools.pairwise(moments[2:])] == pytest.approx(
        [1.0, 1.0, 1.0], abs=0.01
    )


async def test_paid_broadcasts_do_not_take_slots_of_the_free_budget() -> None:
    clock = FakeTime()
    limiter = limiter_on(clock, per_second=1)
    moments: list[float] = []

    async def send() -> bool:
        moments.append(clock.now)
        return True

    await asyncio.gather(
        *(
            limiter.process_request(
                send, (), {}, "sendMessage", {"chat_id": chat, "allow_paid_broadcast": True}, None
            )
            for chat in range(10)
        )
    )

    assert max(moments) < 0.05  # 1000 a second, not 1


class CountingSlots:
    """Shared slots as another process would see them, on a shared timeline: what
    `models.send_slots` computes in the database (tested there against PostgreSQL)."""

    def __init__(self, clock: FakeTime) -> None:
        self.clock = clock
        self.next_at = float("-inf")
        self.recent: list[float] = []
        self.reserved = 0
        self.paused_for: list[float] = []

    async def reserve(
        self, interval: float, *, burst: int = 1, per_window: int = 0, window: float = 0.0
    ) -> float:
        self.reserved += 1
        now = self.clock.now
        slot = max(self.next_at, now - (burst - 1) * interval)
        if per_window and len(self.recent) >= per_window:
            slot = max(slot, self.recent[-per_window] + window)
        self.next_at = slot + interval
        self.recent = [*self.recent, max(slot, now)][-max(1, per_window) :]
        return max(0.0, slot - now)

    async def pause(self, seconds: float) -> None:
        self.paused_for.append(seconds)
        self.next_at = max(self.next_at, self.clock.now + seconds)


async def test_replicas_sharing_slots_stay_within_one_budget_together() -> None:
    clock = FakeTime()
    slots = CountingSlots(clock)
    replicas = [
        SendBudget(10, shared=slots, monotonic=clock.monotonic, sleep=clock.sleep) for _ in range(3)
    ]
    moments: list[float] = []

    async def send() -> bool:
        moments.append(clock.now)
        return True

    await asyncio.gather(
        *(
            replica.process_request(send, (), {}, "sendMessage", {"chat_id": chat}, None)
            for chat in range(40)
            for replica in replicas
        )
    )

    assert len(moments) == 120
    assert slots.reserved == 120
    assert most_in_one_second(moments) <= 10
    assert moments[-1] >= 11.0  # 120 sends at 10 a second, not 30


async def test_retry_after_pauses_the_shared_slots_too() -> None:
    clock = FakeTime()
    slots = CountingSlots(clock)
    limiter = SendBudget(100, shared=slots, monotonic=clock.monotonic, sleep=clock.sleep)
    refused = False

    async def send() -> bool:
        nonlocal refused
        if not refused:
            refused = True
            raise RetryAfter(timedelta(seconds=2))
        return True

    assert await limiter.process_request(send, (), {}, "sendMessage", {"chat_id": 1}, None)
    assert slots.paused_for == pytest.approx([2.1])


@pytest.mark.parametrize(
    "lateness",
    [
        pytest.param(itertools.repeat(0.003), id="every-timer-3-ms-late"),
        # The timer due at 0.5 s wakes at 0.9 s: the send it held and the next one both start
        # then, and with the grid going on from there [0.9 s, 1.9 s) would hold more than 40.
        pytest.param([0.0] * 19 + [0.4], id="one-timer-400-ms-late"),
    ],
)
async def test_no_one_second_window_holds_more_than_the_limit(lateness: Iterable[float]) -> None:
    clock = FakeTime(lateness)
    limiter = limiter_on(clock, per_second=40)

    moments = await send_to_chats(limiter, clock, chats=90)

    assert len(moments) == 90
    assert most_in_one_second(moments) <= 40


async def test_timers_that_wake_late_do_not_slow_the_rate() -> None:
    clock = FakeTime(lateness=itertools.repeat(0.003))
    limiter = limiter_on(clock, per_second=40)

    moments = await send_to_chats(limiter, clock, chats=90)

    rate = (len(moments) - 1) / (moments[-1] - moments[0])
    assert rate >= 0.95 * 40


async def test_closing_fails_every_waiting_send_at_once_and_refuses_later_ones() -> None:
    clock = FakeTime()
    limiter = limiter_on(clock, per_second=1)
    sent: list[int] = []

    async def send(chat: int) -> bool:
        sent.append(chat)
        return True

    waiting = [
        asyncio.ensure_future(
            limiter.process_request(send, (chat,), {}, "sendMessage", {"chat_id": chat}, None)
        )
        for chat in range(5)
    ]
    await clock.sleep(0.5)  # the first has gone, the others wait for their slots
    limiter.close()
    outcomes = await asyncio.gather(*waiting, return_exceptions=True)

    assert sent == [0]
    assert all(isinstance(outcome, TimedOut) for outcome in outcomes[1:])
    with pytest.raises(TimedOut):
        await limiter.process_request(send, (9,), {}, "sendMessage", {"chat_id": 9}, None)
