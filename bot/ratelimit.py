"""A steady rate limiter for every Bot API call that sends to a chat.

python-telegram-bot's AIORateLimiter uses a token bucket, which allows a burst of a whole
second's budget at once; a server that counts messages in a sliding one-second window then sees
up to twice the rate and answers 429. This limiter spaces sends evenly instead (one every
1/rate seconds), honours RetryAfter by pausing every send for the time Telegram asks, then
retries the request.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

logger = logging.getLogger(__name__)

JSON = bool | dict[str, Any] | list[dict[str, Any]]


class SteadyRateLimiter(BaseRateLimiter[int]):
    """At most `per_second` chat-bound calls a second, evenly spaced; retries after 429.

    `monotonic` gives the current time in seconds (default: the running event loop's clock) and
    `sleep` waits that many seconds (default: `asyncio.sleep`); both are for tests.
    """

    def __init__(
        self,
        per_second: float = 29.0,
        max_retries: int = 3,
        *,
        monotonic: Callable[[], float] | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.interval = 1.0 / per_second
        # Never more than this many starts in any one-second window, however timers wake.
        self.per_window = max(1, int(per_second))
        self.max_retries = max_retries
        self._lock = asyncio.Lock()
        self._next_slot = 0.0
        self._resume_at = 0.0
        self._recent: deque[float] = deque()
        self._monotonic = monotonic
        self._sleep = sleep

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""

    def _now(self) -> float:
        """The time sends are planned on: the given clock, else the running loop's."""
        if self._monotonic is not None:
            return self._monotonic()
        return asyncio.get_running_loop().time()

    async def _wait_for_slot(self) -> None:
        # Slots are planned on an even grid (a timer that wakes late doesn't slow the ones
        # after it), and a sliding one-second window over the real start times guarantees that
        # a late wake-up can't bunch sends past the limit. Waiting inside the lock keeps order.
        async with self._lock:
            now = self._now()
            slot = max(self._next_slot, self._resume_at, now)
            while self._recent and self._recent[0] <= slot - 1.0:
                self._recent.popleft()
            if len(self._recent) >= self.per_window:
                slot = max(slot, self._recent[-self.per_window] + 1.0)
            if slot > now:
                await self._sleep(slot - now)
            started = max(self._now(), slot)
            self._recent.append(started)
            while self._recent and self._recent[0] <= started - 1.0:
                self._recent.popleft()
            self._next_slot = slot + self.interval

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
        retries = rate_limit_args if rate_limit_args is not None else self.max_retries
        limited = data.get("chat_id") is not None
        for attempt in range(retries + 1):
            if limited:
                await self._wait_for_slot()
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                if attempt == retries:
                    raise
                wait = exc.retry_after
                seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
                logger.info("Telegram asked to wait %.1f s before %s", seconds, endpoint)
                self._resume_at = max(self._resume_at, self._now() + seconds + 0.1)
                await self._sleep(seconds + 0.1)
        raise AssertionError("unreachable")
