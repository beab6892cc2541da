"""Check-in time arithmetic: local wall-clock times as UTC instants, across DST changes."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest

from core.planner import (
    add_working_days,
    at_local_date,
    format_local,
    format_local_time,
    local_now,
    next_daily,
    to_utc,
)

UTC = datetime.UTC
HOUR = datetime.timedelta(hours=1)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=UTC)


def naive(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, fold: int = 0
) -> datetime.datetime:
    """A wall-clock time with no zone, the input to_utc expects."""
    return datetime.datetime(year, month, day, hour, minute, fold=fold)  # noqa: DTZ001


def walk(
    at: datetime.time, zone: str, after: datetime.datetime, count: int
) -> list[datetime.datetime]:
    """Fire `count` times in a row, each time asking for the next one after the last."""
    fired: list[datetime.datetime] = []
    for _ in range(count):
        after = next_daily(at, zone, after)
        fired.append(after)
    return fired


# (zone, local time, start, expected UTC instants, one per local day from the start's day).
DST_WALKS = [
    pytest.param(
        "Europe/Berlin",
        datetime.time(9, 0),
        utc(2026, 3, 27, 12),
        [utc(2026, 3, 28, 8), utc(2026, 3, 29, 7), utc(2026, 3, 30, 7), utc(2026, 3, 31, 7)],
        id="berlin-spring-0900",
    ),
    pytest.param(
        "Europe/Berlin",
        datetime.time(2, 30),
        utc(2026, 3, 27, 12),
        # 02:30 doesn't exist on 29 March: it fires at 03:30 CEST, 01:30 UTC.
        [utc(2026, 3, 28, 1, 30), utc(2026, 3, 29, 1, 30), utc(2026, 3, 30, 0, 30)],
        id="berlin-spring-0230-gap",
    ),
    pytest.param(
        "Europe/Berlin",
        datetime.time(9, 0),
        utc(2026, 10, 23, 12),
        [utc(2026, 10, 24, 7), utc(2026, 10, 25, 8), utc(2026, 10, 26, 8)],
        id="berlin-autumn-0900",
    ),
    pytest.param(
        "Europe/Berlin",
        datetime.time(2, 30),
        utc(2026, 10, 23, 12),
        # 02:30 happens twice on 25 October: only the first (CEST, 00:30 UTC) counts.
        [utc(2026, 10, 24, 0, 30), utc(2026, 10, 25, 0, 30), utc(2026, 10, 26, 1, 30)],
        id="berlin-autumn-0230-overlap",
    ),
    pytest.param(
        "America/New_York",
        datetime.time(8, 0),
        utc(2026, 3, 6, 18),
        [utc(2026, 3, 7, 13), utc(2026, 3, 8, 12), utc(2026, 3, 9, 12)],
        id="new-york-spring-0800",
    ),
    pytest.param(
        "America/New_York",
        datetime.time(2, 30),
        utc(2026, 3, 6, 18),
        # 02:30 doesn't exist on 8 March: 03:30 EDT, 07:30 UTC.
        [utc(2026, 3, 7, 7, 30), utc(2026, 3, 8, 7, 30), utc(2026, 3, 9, 6, 30)],
        id="new-york-spring-0230-gap",
    ),
    pytest.param(
        "America/New_York",
        datetime.time(8, 0),
        utc(2026, 10, 30, 18),
        [utc(2026, 10, 31, 12), utc(2026, 11, 1, 13), utc(2026, 11, 2, 13)],
        id="new-york-autumn-0800",
    ),
    pytest.param(
        "America/New_York",
        datetime.time(1, 30),
        utc(2026, 10, 30, 18),
        # 01:30 happens twice on 1 November: the first is EDT, 05:30 UTC.
        [utc(2026, 10, 31, 5, 30), utc(2026, 11, 1, 5, 30), utc(2026, 11, 2, 6, 30)],
        id="new-york-autumn-0130-overlap",
    ),
]


@pytest.mark.parametrize(("zone", "at", "start", "expected"), DST_WALKS)
def test_next_daily_walks_through_dst_changes(
    zone: str, at: datetime.time, start: datetime.datetime, expected: list[datetime.datetime]
) -> None:
    fired = walk(at, zone, start, len(expected))

    assert fired == expected
    assert all(moment.tzinfo is UTC for moment in fired)
    local_days = [moment.astimezone(zoneinfo.ZoneInfo(zone)).date() for moment in fired]
    first = local_days[0]
    assert local_days == [first + datetime.timedelta(days=i) for i in range(len(fired))]


@pytest.mark.parametrize(
    ("zone", "at", "first_day"),
    [
        ("Europe/Berlin", datetime.time(2, 30), datetime.date(2026, 3, 27)),
        ("Europe/Berlin", datetime.time(2, 30), datetime.date(2026, 10, 23)),
        ("Europe/Berlin", datetime.time(0, 0), datetime.date(2026, 3, 27)),
        ("Europe/Berlin", datetime.time(23, 59), datetime.date(2026, 10, 23)),
        ("America/New_York", datetime.time(2, 30), datetime.date(2026, 3, 6)),
        ("America/New_York", datetime.time(1, 30), datetime.date(2026, 10, 30)),
        ("America/New_York", datetime.time(12, 0), datetime.date(2026, 10, 30)),
    ],
)
def test_next_daily_from_any_moment_gives_one_occurrence_per_local_day(
    zone: str, at: datetime.time, first_day: datetime.date
) -> None:
    # Ask every 15 minutes over four days around the change; collect every answer.
    tz = zoneinfo.ZoneInfo(zone)
    start = datetime.datetime.combine(first_day, datetime.time(0, 0), tzinfo=tz)
    answers: set[datetime.datetime] = set()
    moment = start
    while moment < start + 4 * 24 * HOUR:
        answer = next_daily(at, zone, moment)
        assert answer > moment
        assert answer - moment <= 25 * HOUR
        answers.add(answer)
        moment += datetime.timedelta(minutes=15)

    ordered = sorted(answers)
    local_days = [answer.astimezone(tz).date() for answer in ordered]
    assert len(set(local_days)) == len(local_days)
    assert local_days == [local_days[0] + datetime.timedelta(days=i) for i in range(len(ordered))]
    shifted = (datetime.datetime.combine(first_day, at) + HOUR).time()
    for answer in ordered:
        # The wall-clock time itself, or in a gap that time moved forward by the gap (an hour).
        assert answer.astimezone(tz).time() in (at, shifted)


def test_next_daily_is_strictly_after() -> None:
    fire = utc(2026, 6, 10, 7)
    assert next_daily(datetime.time(9, 0), "Europe/Berlin", fire) == utc(2026, 6, 11, 7)
    assert next_daily(datetime.time(9, 0), "Europe/Berlin", fire - HOUR / 60) == fire


def test_gap_walk_fires_at_0330_local_on_berlin_spring_forward_day() -> None:
    fire = next_daily(datetime.time(2, 30), "Europe/Berlin", utc(2026, 3, 28, 12))

    local = fire.astimezone(zoneinfo.ZoneInfo("Europe/Berlin"))
    assert (local.date(), local.hour, local.minute) == (datetime.date(2026, 3, 29), 3, 30)
    assert fire == utc(2026, 3, 29, 1, 30)


@pytest.mark.parametrize(
    ("zone", "after", "expected"),
    [
        ("Asia/Kolkata", utc(2026, 6, 10, 0), utc(2026, 6, 10, 3, 30)),
        ("Asia/Kolkata", utc(2026, 6, 10, 3, 30), utc(2026, 6, 11, 3, 30)),
        ("Asia/Kolkata", utc(2026, 12, 31, 20), utc(2027, 1, 1, 3, 30)),
        ("Asia/Kathmandu", utc(2026, 6, 10, 0), utc(2026, 6, 10, 3, 15)),
        ("Asia/Kathmandu", utc(2026, 6, 10, 4), utc(2026, 6, 11, 3, 15)),
        ("Etc/GMT-2", utc(2026, 6, 10, 0), utc(2026, 6, 10, 7)),
        ("UTC", utc(2026, 6, 10, 9), utc(2026, 6, 11, 9)),
    ],
)
def test_next_daily_with_partial_hour_and_fixed_offsets(
    zone: str, after: datetime.datetime, expected: datetime.datetime
) -> None:
    assert next_daily(datetime.time(9, 0), zone, after) == expected


def test_next_occurrence_follows_a_new_time_zone() -> None:
    at = datetime.time(8, 0)
    fired_in_berlin = next_daily(at, "Europe/Berlin", utc(2026, 6, 9, 12))
    assert fired_in_berlin == utc(2026, 6, 10, 6)

    # They move to New York: 08:00 there on the same calendar day is still ahead.
    assert next_daily(at, "America/New_York", fired_in_berlin) == utc(2026, 6, 10, 12)
    # And back: the next Berlin 08:00 after that is the following day's.
    assert next_daily(at, "Europe/Berlin", utc(2026, 6, 10, 12)) == utc(2026, 6, 11, 6)


def test_next_daily_accepts_non_utc_aware_input() -> None:
    after = datetime.datetime(2026, 6, 10, 10, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Tokyo"))
    result = next_daily(datetime.time(9, 0), "Europe/Berlin", after)
    assert result == utc(2026, 6, 10, 7)
    assert result.tzinfo is UTC


def test_next_daily_rejects_naive_after() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        next_daily(datetime.time(9, 0), "Europe/Berlin", naive(2026, 6, 10))


@pytest.mark.parametrize(
    ("local", "zone", "expected"),
    [
        (naive(2026, 6, 10, 9, 0), "Europe/Berlin", utc(2026, 6, 10, 7)),
        (naive(2026, 1, 10, 9, 0), "Europe/Berlin", utc(2026, 1, 10, 8)),
        # Gap: 02:30 → 03:30 CEST.
        (naive(2026, 3, 29, 2, 30), "Europe/Berlin", utc(2026, 3, 29, 1, 30)),
        # Overlap: the first 02:30 (CEST).
        (naive(2026, 10, 25, 2, 30), "Europe/Berlin", utc(2026, 10, 25, 0, 30)),
        (naive(2026, 3, 8, 2, 30), "America/New_York", utc(2026, 3, 8, 7, 30)),
        (naive(2026, 11, 1, 1, 30), "America/New_York", utc(2026, 11, 1, 5, 30)),
        (naive(2026, 6, 10, 9, 0), "Asia/Kolkata", utc(2026, 6, 10, 3, 30)),
    ],
)
def test_to_utc(local: datetime.datetime, zone: str, expected: datetime.datetime) -> None:
    result = to_utc(local, zone)
    assert result == expected
    assert result.tzinfo is UTC


def test_to_utc_ignores_fold_on_input() -> None:
    second = naive(2026, 10, 25, 2, 30, fold=1)
    assert to_utc(second, "Europe/Berlin") == utc(2026, 10, 25, 0, 30)


def test_to_utc_rejects_aware_input() -> None:
    with pytest.raises(ValueError, match="naive"):
        to_utc(utc(2026, 6, 10, 9), "Europe/Berlin")


def test_unknown_zone_fails_loudly() -> None:
    with pytest.raises(zoneinfo.ZoneInfoNotFoundError):
        to_utc(naive(2026, 6, 10, 9), "Mars/Olympus")


def test_at_local_date() -> None:
    day = datetime.date(2026, 3, 29)
    assert at_local_date(day, datetime.time(9, 0), "Europe/Berlin") == utc(2026, 3, 29, 7)
    assert at_local_date(day, datetime.time(2, 30), "Europe/Berlin") == utc(2026, 3, 29, 1, 30)


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        # Thursday + 3 working days = Tuesday.
        (utc(2026, 6, 11, 10), 3, utc(2026, 6, 16, 7)),
        # Friday + 1 = Monday.
        (utc(2026, 6, 12, 10), 1, utc(2026, 6, 15, 7)),
        # Saturday and Sunday + 1 = Monday.
        (utc(2026, 6, 13, 10), 1, utc(2026, 6, 15, 7)),
        (utc(2026, 6, 14, 10), 1, utc(2026, 6, 15, 7)),
        # Monday + 5 = next Monday; + 10 = the Monday after.
        (utc(2026, 6, 8, 10), 5, utc(2026, 6, 15, 7)),
        (utc(2026, 6, 8, 10), 10, utc(2026, 6, 22, 7)),
        (utc(2026, 6, 11, 10), 0, utc(2026, 6, 11, 7)),
        # 23:30 UTC Thursday is already Friday in Berlin: Friday + 1 = Monday.
        (utc(2026, 6, 11, 23, 30), 1, utc(2026, 6, 15, 7)),
        # Over the spring-forward weekend the local time is kept.
        (utc(2026, 3, 27, 10), 1, utc(2026, 3, 30, 7)),
    ],
)
def test_add_working_days(start: datetime.datetime, days: int, expected: datetime.datetime) -> None:
    assert add_working_days(start, days, "Europe/Berlin", datetime.time(9, 0)) == expected


def test_add_working_days_rejects_negative_and_naive() -> None:
    with pytest.raises(ValueError, match="negative"):
        add_working_days(utc(2026, 6, 11), -1, "UTC", datetime.time(9, 0))
    with pytest.raises(ValueError, match="timezone-aware"):
        add_working_days(naive(2026, 6, 11), 1, "UTC", datetime.time(9, 0))


def test_local_now() -> None:
    local = local_now(utc(2026, 6, 10, 22, 30), "Asia/Kolkata")
    assert (local.date(), local.hour, local.minute) == (datetime.date(2026, 6, 11), 4, 0)
    assert local.utcoffset() == datetime.timedelta(hours=5, minutes=30)
    with pytest.raises(ValueError, match="timezone-aware"):
        local_now(naive(2026, 6, 10), "UTC")


@pytest.mark.parametrize(
    ("moment", "zone", "expected"),
    [
        (utc(2026, 11, 26, 13, 5), "Europe/Berlin", "Thu 26 Nov, 14:05"),
        (utc(2026, 4, 1, 7, 0), "Europe/Berlin", "Wed 1 Apr, 09:00"),
        (utc(2026, 6, 10, 22, 30), "Asia/Kolkata", "Thu 11 Jun, 04:00"),
        (utc(2026, 1, 1, 3, 0), "America/New_York", "Wed 31 Dec, 22:00"),
        (utc(2026, 3, 29, 1, 30), "Europe/Berlin", "Sun 29 Mar, 03:30"),
    ],
)
def test_format_local(moment: datetime.datetime, zone: str, expected: str) -> None:
    assert format_local(moment, zone) == expected


def test_format_local_time() -> None:
    assert format_local_time(utc(2026, 11, 26, 13, 5), "Europe/Berlin") == "14:05"
    assert format_local_time(utc(2026, 6, 10, 0, 0), "Asia/Kathmandu") == "05:45"
