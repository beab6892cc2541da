"""The send budget: every Bot API call that sends to a chat waits here for its turn.

- **Evenly spaced, with a short burst.** At most `per_second` sends a second: after a quiet
  moment up to BURST go at once, then one every 1/per_second seconds, and never more than
  `per_second` starts in any sliding window of WINDOW_SECONDS (python-telegram-bot's
  AIORateLimiter lets a whole second's budget go at once, which a sliding-window server
  answers with 429). The burst keeps replies from queueing behind each other when they
  arrive close together below the rate (at 25 a second against 29, strict spacing alone made
  the average reply wait about 100 ms for its slot).
- **Replies first.** Each send says how urgent it is (`rate_limit_args`, a `core.delivery.
  Urgency`): when a slot comes up it goes to the most urgent waiter, first come first served
  among equals. Someone who just answered waits at most one slot behind a queue of thousands
  of due check-ins.
- **One message a second per chat, sustained**, with a short burst allowed (CHAT_BURST).
- **One budget for all replicas.** With `SharedSlots` (PostgreSQL) every replica reserves its
  slot from one row in the database, so three replicas together stay within the budget.
- `RetryAfter` pauses every send for the time Telegram asks (and, shared, every replica), then
  the request is retried.
- Paid broadcast: a send with `allow_paid_broadcast` (check-ins, when ALLOW_PAID_BROADCAST is
  on) doesn't take a slot of the free budget; it is paced at `paid_per_second` instead.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine, Hashable
from datetime import timedelta
from typing import Any, Protocol

from telegram.error import RetryAfter, TimedOut
from telegram.ext import BaseRateLimiter

from core import metrics
from core.delivery import Urgency
from core.status import OutboxKind

logger = logging.getLogger(__name__)

JSON = bool | dict[str, Any] | list[dict[str, Any]]

# Telegram: about one message a second in one chat; a few in a row are fine.
CHAT_PER_SECOND = 1.0
CHAT_BURST = 3
# Sends that may start at once after a quiet moment (then the even spacing takes over).
BURST = 5
# Telegram's ceiling for paid broadcasts (messages a second).
PAID_PER_SECOND = 1000.0
# Per-chat buckets are forgotten once full, when there are more than this many.
_CHATS_KEPT = 10_000


class Slots(Protocol):
    """Send slots shared with other processes (see `models.send_slots.SharedSlots`)."""

    async def reserve(
        self, interval: float, *, burst: int = 1, per_window: int = 0, window: float = 0.0
    ) -> float:
        """Reserve the next free slot (`interval` apart after a burst of up to `burst`, and
        at most `per_window` starts in any `window` seconds); seconds until it starts."""
        ...

    async def pause(self, seconds: float) -> None:
        """Hold every slot back for `seconds` (Telegram asked to wait)."""
        ...


# The sliding window is a little longer than a second: a send's request reaches Telegram some
# milliseconds after its slot (the task wakes, the request is built and written), and that
# jitter must not bunch more than the budget into a second there. 20 ms proved too little
# with bursts on a busy machine (31 arrivals in one second, a 429 and a second's pause).
WINDOW_SECONDS = 1.05
# Replicas' sends reach Telegram with more jitter between them (each wakes on its own loop,
# on a busy machine, from a slot on the database's clock): their shared window keeps 150 ms.
SHARED_WINDOW_SECONDS = 1.15


class _Pace:
    """Evenly spaced starts after a burst of up to `burst`, and never more than `per_window`
    in a sliding WINDOW_SECONDS."""

    def __init__(self, per_second: float, burst: int = 1) -> None:
        self.interval = 1.0 / per_second
        self.per_window = max(1, int(per_second))
        # How far the grid may lag behind the clock: that many slots are free at once.
        self.burst = max(1, burst)
        self.credit = (self.burst - 1) * self.interval
        self.next_slot = float("-inf")
        self.recent: deque[float] = deque()

    def plan(self, now: float, resume_at: float) -> float:
        """When the next start may be (slots are planned on an even grid, so a timer that
        wakes late doesn't slow the ones after it; the window keeps a late one from bunching).
        A slot in the past is free now: the grid lags behind by at most the burst's credit."""
        slot = max(self.next_slot, now - self.credit)
        if resume_at > now:  # Telegram asked to wait: nothing before then, no burst saved up
            slot = max(slot, resume_at)
        while self.recent and self.recent[0] <= slot - WINDOW_SECONDS:
            self.recent.popleft()
        if len(self.recent) >= self.per_window:
            slot = max(slot, self.recent[-self.per_window] + WINDOW_SECONDS)
        return slot

    def started(self, slot: float, at: float) -> None:
        """A send started at `at` in the slot planned for `slot`."""
        self.recent.append(at)
        while self.recent and self.recent[0] <= at - WINDOW_SECONDS:
            self.recent.popleft()
        self.next_slot = slot + self.interval


class SendBudget(BaseRateLimiter[int]):
    """The process's send budget (see the module's docstring).

    `monotonic` gives the current time in seconds (default: the running event loop's clock) and
    `sleep` waits that many seconds (default: `asyncio.sleep`); both are for tests.
    """

    def __init__(
        self,
        per_second: float = 29.0,
        max_retries: int = 3,
        *,
        chat_per_second: float = CHAT_PER_SECOND,
        chat_burst: int = CHAT_BURST,
        burst: int = BURST,
        paid_per_second: float = PAID_PER_SECOND,
        shared: Slots | None = None,
        monotonic: Callable[[], float] | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.per_second = per_second
        self.max_retries = max_retries
        self.chat_per_second = chat_per_second
        self.chat_burst = chat_burst
        self.shared = shared
        self._pace = _Pace(per_second, burst)
        self._paid = _Pace(paid_per_second)
        self._paid_lock = asyncio.Lock()
        self._resume_at = 0.0
        self._waiting: list[tuple[int, int, asyncio.Future[None]]] = []
        self._order = itertools.count()
        self._granter: asyncio.Task[None] | None = None
        self._chats: dict[Hashable, tuple[float, float]] = {}
        self._monotonic = monotonic
        self._sleep = sleep
        self._closed = False

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Stop handing out slots."""
        self.close()
        if self._granter is not None:
            self._granter.cancel()
            self._granter = None

    def close(self) -> None:
        """The process is stopping: every send still waiting for a slot (and any later one)
        fails at once with `TimedOut`, so no job waits minutes behind a queue of check-ins.
        The outbox keeps those messages; they are sent after the restart."""
        self._closed = True
        while self._waiting:
            _, _, waiter = heapq.heappop(self._waiting)
            if not waiter.done():
                waiter.set_exception(TimedOut("the bot is stopping"))

    def _now(self) -> float:
        """The time sends are planned on: the given clock, else the running loop's."""
        if self._monotonic is not None:
            return self._monotonic()
        return asyncio.get_running_loop().time()

    def _chat_delay(self, chat_id: Hashable) -> float:
        """Take the chat's next turn; seconds until it comes (a bucket of `chat_burst`)."""
        now = self._now()
        tokens, at = self._chats.get(chat_id, (float(self.chat_burst), now))
        tokens = min(float(self.chat_burst), tokens + (now - at) * self.chat_per_second) - 1.0
        self._chats[chat_id] = (tokens, now)
        if len(self._chats) > _CHATS_KEPT:
            full = self.chat_burst - 1.0
            self._chats = {
                chat: (left, when)
                for chat, (left, when) in self._chats.items()
                if left + (now - when) * self.chat_per_second < full
            }
        return max(0.0, -tokens / self.chat_per_second)

    async def _wait_for_slot(self, chat_id: Hashable, urgency: int) -> None:
        if self._closed:
            raise TimedOut("the bot is stopping")
        delay = self._chat_delay(chat_id)
        if delay > 0:
            await self._sleep(delay)
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiting, (urgency, next(self._order), waiter))
        if self._granter is None or self._granter.done():
            self._granter = asyncio.create_task(self._grant())
        await waiter

    async def _grant(self) -> None:
        """While anyone waits: wait for the next slot, then give it to the most urgent."""
        while self._waiting:
            slot = await self._next_slot()
            while self._waiting:
                _, _, waiter = heapq.heappop(self._waiting)
                if not waiter.done():  # a cancelled send gave its place up
                    waiter.set_result(None)
                    break
            self._pace.started(slot, self._now())

    async def _next_slot(self) -> float:
        """Sleep until this process may start a send; the slot it was planned for."""
        if self.shared is not None:
            try:
                # The same pace, burst and sliding window as this process's own, for all
                # replicas together.
                wait = await self.shared.reserve(
                    self._pace.interval,
                    burst=self._pace.burst,
                    per_window=self._pace.per_window,
                    window=SHARED_WINDOW_SECONDS,
                )
            except Exception as exc:  # the database is unavailable: keep to our own spacing
                logger.warning("shared send budget unavailable (%s)", type(exc).__name__)
            else:
                # The shared slot is the pace: waiting for our own as well would start this
                # send later than its slot, next to another replica's.
                if wait > 0:
                    await self._sleep(wait)
                now = self._now()
                if self._resume_at > now:
                    await self._sleep(self._resume_at - now)
                return self._now()
        now = self._now()
        slot = self._pace.plan(now, self._resume_at)
        if slot > now:
            await self._sleep(slot - now)
        return slot

    async def _wait_for_paid_slot(self, chat_id: Hashable) -> None:
        delay = self._chat_delay(chat_id)
        if delay > 0:
            await self._sleep(delay)
        async with self._paid_lock:
            now = self._now()
            slot = self._paid.plan(now, self._resume_at)
            if slot > now:
                await self._sleep(slot - now)
            self._paid.started(slot, self._now())

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSON]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSON:
        """Wait for a send slot when the call targets a chat; retry after RetryAfter."""
        chat_id = data.get("chat_id")
        urgency = Urgency.REPLY if rate_limit_args is None else rate_limit_args
        paid = bool(data.get("allow_paid_broadcast"))
        for attempt in range(self.max_retries + 1):
            if chat_id is not None:
                if paid:
                    await self._wait_for_paid_slot(chat_id)
                else:
                    await self._wait_for_slot(chat_id, urgency)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                kind = OutboxKind.CHECKIN if urgency == Urgency.CHECKIN else OutboxKind.REPLY
                metrics.RETRY_AFTER.labels(kind=kind).inc()
                if attempt == self.max_retries:
                    raise
                wait = exc.retry_after
                seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
                logger.info("Telegram asked to wait %.1f s before %s", seconds, endpoint)
                self._resume_at = max(self._resume_at, self._now() + seconds + 0.1)
                if self.shared is not None:
                    try:
                        await self.shared.pause(seconds + 0.1)
                    except Exception as pause_error:
                        logger.warning(
                            "could not pause the shared send budget (%s)",
                            type(pause_error).__name__,
                        )
                await self._sleep(seconds + 0.1)
        raise AssertionError("unreachable")
