"""Flood control's counter: a sliding window of message times per user, kept in memory."""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable

MAX_TRACKED_USERS = 50_000


class FloodGate:
    """Sliding-window counter per user."""

    def __init__(
        self,
        max_messages: int,
        window_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_messages = max_messages
        self.window = window_seconds
        self.clock = clock
        self._seen: OrderedDict[int, deque[float]] = OrderedDict()
        self._warned: set[int] = set()

    def check(self, user_id: int) -> str:
        """ "ok", "warn" (the first message over the limit) or "drop"."""
        now = self.clock()
        times = self._seen.pop(user_id, None) or deque()
        while times and now - times[0] >= self.window:
            times.popleft()
        times.append(now)
        self._seen[user_id] = times  # most recent last, for eviction
        while len(self._seen) > MAX_TRACKED_USERS:
            evicted, _ = self._seen.popitem(last=False)
            self._warned.discard(evicted)
        if len(times) <= self.max_messages:
            self._warned.discard(user_id)
            return "ok"
        if user_id in self._warned:
            return "drop"
        self._warned.add(user_id)
        return "warn"
