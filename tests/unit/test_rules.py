"""Per-kind delivery rules, quiet hours and walk streaks: pure, with fixed times."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from core.rules import (
    Decision,
    decide,
    in_quiet_hours,
    next_occurrence,
    quiet_hours_end,
    retry_delay,
)
from core.walks import walk_streak, walks_this_week
from tests.support.clock import NOON


@pytest.mark.parametrize(
    ("at", "start", "end", "quiet"),
    [
        (time(23, 0), time(22, 0), time(8, 0), True),
        (time(3, 0), time(22, 0), time(8, 0), True),
        (time(8, 0), time(22, 0), time(8, 0), False),
        (time(21, 59), time(22, 0), time(8, 0), False),
        (time(13, 30), time(13, 0), time(14, 0), True),
        (time(14, 0), time(13, 0), time(14, 0), False),
        (time(3, 0), None, None, False),
    ],
)
def test_quiet_hours_span_midnight(
    at: time, start: time | None, end: time | None, quiet: bool
) -> None:
    assert in_quiet_hours(at, start, end) is quiet


def test_quiet_hours_end_is_the_next_local_end() -> None:
    night = datetime(2026, 11, 25, 23, 30, tzinfo=UTC)  # 05:00 in Kolkata next day
    assert quiet_hours_end(night, "Asia/Kolkata", time(8, 0)) == datetime(
        2026, 11, 26, 2, 30, tzinfo=UTC
    )


def decision(
    kind: str, late: timedelta, zone: str = "UTC", quiet: tuple[str, str] | None = None
) -> Decision:
    return decide(
        kind=kind,
        due_at=NOON - late,
        now=NOON,
        zone=zone,
        quiet_start=quiet[0] if quiet else None,
        quiet_end=quiet[1] if quiet else None,
    )


@pytest.mark.parametrize(
    ("kind", "late", "action"),
    [
        ("walk_daily", timedelta(hours=1, minutes=59), "send"),
        ("walk_daily", timedelta(hours=2, minutes=1), "drop"),
        ("grief_over", timedelta(days=5), "send"),
        ("feedback_followup", timedelta(days=2), "send"),
        ("feedback_followup", timedelta(days=4), "drop"),
        ("learning_goal", timedelta(days=3), "drop"),
        ("come_back", timedelta(hours=13), "drop"),
    ],
)
def test_each_kind_has_its_lateness_rule(kind: str, late: timedelta, action: str) -> None:
    assert decision(kind, late).action == action


def test_inside_quiet_hours_waits_until_they_end() -> None:
    # 12:00 UTC is 21:00 in Tokyo; quiet 20:00-07:00 there.
    result = decision("grief_over", timedelta(0), "Asia/Tokyo", ("20:00", "07:00"))

    assert result == Decision("defer", until=datetime(2026, 11, 25, 22, 0, tzinfo=UTC))


def test_stale_beats_quiet_hours() -> None:
    assert (
        decision("walk_daily", timedelta(hours=3), "Asia/Tokyo", ("20:00", "07:00")).action
        == "drop"
    )


def test_next_walk_follows_the_local_time_after_a_zone_change() -> None:
    following = next_occurrence(
        kind="walk_daily", due_at=NOON, local_time="07:30", zone="America/New_York", now=NOON
    )
    assert following == datetime(2026, 11, 25, 12, 30, tzinfo=UTC)  # 07:30 in New York


def test_options_review_repeats_weekly_and_skips_missed_weeks() -> None:
    following = next_occurrence(
        kind="options_review",
        due_at=NOON - timedelta(days=15),
        local_time=None,
        zone="UTC",
        now=NOON,
    )
    assert following == NOON + timedelta(days=6)


def test_one_offs_do_not_repeat() -> None:
    assert (
        next_occurrence(kind="grief_over", due_at=NOON, local_time=None, zone="UTC", now=NOON)
        is None
    )


def test_retry_delay_doubles_and_caps() -> None:
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 10)] == [30, 60, 120, 1800]


SUNDAY = date(2026, 11, 29)


def days_before(*offsets: int) -> set[date]:
    return {SUNDAY - timedelta(days=o) for o in offsets}


@pytest.mark.parametrize(
    ("walked", "streak"),
    [
        (days_before(0, 1, 2), 3),
        (days_before(0, 2, 3), 3),  # one missed day is forgiven
        (days_before(0, 3, 4), 1),  # two in a row end it
        (days_before(1, 2), 2),  # today not walked yet
        (set(), 0),
    ],
)
def test_walk_streak_forgives_one_missed_day(walked: set[date], streak: int) -> None:
    assert walk_streak(walked, SUNDAY) == streak


def test_walks_this_week_count_from_monday() -> None:
    assert walks_this_week(days_before(0, 2, 6, 7), SUNDAY) == 3
