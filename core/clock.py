"""The current time, injected so tests can travel instead of waiting."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Tells the current time as an aware UTC datetime."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        """Return the current time in UTC."""
        return datetime.now(UTC)


class ScaledClock:
    """A clock that runs `speed` times faster than the real one, from the moment it is made.

    For end-to-end tests and demos (CLOCK_SPEED): a grief window of 24 hours passes in seconds
    while everything else in the process behaves as in production.
    """

    def __init__(
        self,
        speed: float,
        *,
        real: Clock | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.speed = speed
        self._monotonic = monotonic
        self._start = (real or SystemClock()).now()
        self._started = monotonic()

    def now(self) -> datetime:
        """The start time plus the real time elapsed since, `speed` times over."""
        elapsed = self._monotonic() - self._started
        return self._start + timedelta(seconds=elapsed * self.speed)


def clock_at_speed(speed: float) -> Clock:
    """The real clock at speed 1, else a scaled one."""
    return SystemClock() if speed == 1 else ScaledClock(speed)
