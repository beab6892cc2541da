"""Time arithmetic for check-ins: local wall-clock times in a person's zone, as UTC instants.

Pure functions. Inputs that mean an instant must be aware; results are aware and in UTC. Local
times that don't exist (the spring-forward gap) move forward by the gap's length, and ambiguous
ones (fall back) take their first occurrence, so every local day has exactly one occurrence.
"""

from __future__ import annotations

import datetime
import zoneinfo
from functools import lru_cache

from babel.dates import format_skeleton

from core.texts.languages import ENGLISH, language_for

ZoneName = str

_UTC = datetime.UTC
# Fixed English names: check-in texts must not depend on the server's locale.
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SATURDAY = 5


@lru_cache(maxsize=256)
def _zone(name: ZoneName) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


def _require_aware(moment: datetime.datetime, what: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware: {moment!r}")


def to_utc(local: datetime.datetime, zone: ZoneName) -> datetime.datetime:
    """Interpret a naive local wall-clock time in `zone` and return the UTC instant."""
    if local.tzinfo is not None:
        raise ValueError(f"expected a naive local datetime, got {local!r}")
    # PEP 495: fold=0 reads the wall time with the offset in force before a transition. In a
    # gap that is the smaller offset, so 02:30 lands at 03:30 after the jump; in an overlap it
    # is the first occurrence.
    return local.replace(tzinfo=_zone(zone), fold=0).astimezone(_UTC)


def at_local_date(day: datetime.date, at: datetime.time, zone: ZoneName) -> datetime.datetime:
    """Return local time `at` on local date `day` in `zone`, as UTC."""
    return to_utc(datetime.datetime.combine(day, at.replace(tzinfo=None, fold=0)), zone)


def next_daily(at: datetime.time, zone: ZoneName, after: datetime.datetime) -> datetime.datetime:
    """Return the first occurrence of local time `at` strictly after `after`, as UTC."""
    _require_aware(after, "after")
    today = after.astimezone(_zone(zone)).date()
    # Start a day early: a gap shift can push yesterday's occurrence past midnight into today.
    # One occurrence per local day, in increasing order, so the first one after `after` wins.
    for offset in range(-1, 4):
        candidate = at_local_date(today + datetime.timedelta(days=offset), at, zone)
        if candidate > after:
            return candidate
    raise AssertionError("a daily time always recurs within three days")  # pragma: no cover


def next_weekly(
    weekday: int, at: datetime.time, zone: ZoneName, after: datetime.datetime
) -> datetime.datetime:
    """Return the first local `weekday` (Monday 0) at local time `at` strictly after `after`,
    as UTC."""
    _require_aware(after, "after")
    today = after.astimezone(_zone(zone)).date()
    day = today + datetime.timedelta(days=(weekday - today.weekday()) % 7)
    candidate = at_local_date(day, at, zone)
    if candidate <= after:
        candidate = at_local_date(day + datetime.timedelta(days=7), at, zone)
    return candidate


def add_working_days(
    start: datetime.datetime, days: int, zone: ZoneName, at: datetime.time
) -> datetime.datetime:
    """Return local time `at` on the date `days` working days (Mon–Fri) after `start`, as UTC."""
    _require_aware(start, "start")
    if days < 0:
        raise ValueError(f"days must not be negative: {days}")
    day = start.astimezone(_zone(zone)).date()
    remaining = days
    while remaining > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < _SATURDAY:
            remaining -= 1
    return at_local_date(day, at, zone)


def local_now(now: datetime.datetime, zone: ZoneName) -> datetime.datetime:
    """Return the aware instant `now` as wall-clock time in `zone`."""
    _require_aware(now, "now")
    return now.astimezone(_zone(zone))


def format_day(day: datetime.date, language: str | None = None) -> str:
    """Format a calendar day for people in their language: "Thu 26 Nov", "Do., 26. Nov.",
    "jeu. 26 nov.", "чт, 26 нояб." (Babel's abbreviated weekday-day-month for the locale)."""
    locale = language_for(language)
    if locale == ENGLISH:
        return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"
    return str(format_skeleton("MMMEd", day, locale=locale))


def format_local(moment: datetime.datetime, zone: ZoneName, language: str | None = None) -> str:
    """Format an instant for people in `zone`, like "Thu 26 Nov, 14:05" (the day in their
    language; every supported language writes times on the 24-hour clock)."""
    local = local_now(moment, zone)
    return f"{format_day(local.date(), language)}, {local:%H:%M}"


def format_local_time(moment: datetime.datetime, zone: ZoneName) -> str:
    """Format an instant's wall-clock time in `zone`, like "14:05"."""
    return f"{local_now(moment, zone):%H:%M}"
