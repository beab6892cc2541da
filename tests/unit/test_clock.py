"""The injected clocks: a scaled clock runs faster than real time from where it started."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core.clock import ScaledClock, SystemClock, clock_at_speed
from tests.support.clock import FixedClock

START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


class Ticks:
    """A monotonic source the test advances by hand."""

    def __init__(self) -> None:
        self.value = 100.0

    def __call__(self) -> float:
        return self.value


def test_a_scaled_clock_starts_at_the_real_time() -> None:
    clock = ScaledClock(3600, real=FixedClock(START), monotonic=Ticks())
    assert clock.now() == START


def test_a_scaled_clock_runs_speed_times_faster() -> None:
    ticks = Ticks()
    clock = ScaledClock(36_000, real=FixedClock(START), monotonic=ticks)
    ticks.value += 0.1
    assert clock.now() == START + timedelta(hours=1)


def test_a_scaled_clock_refuses_a_speed_that_is_not_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        ScaledClock(0)


def test_speed_one_is_the_real_clock() -> None:
    assert isinstance(clock_at_speed(1), SystemClock)
    assert isinstance(clock_at_speed(2), ScaledClock)
