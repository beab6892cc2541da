"""What to do with a due check-in: send it, wait out quiet hours, or drop it as stale — and
when a recurring one comes next. Pure functions of times and settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Literal

from core.planner import local_now, next_daily, next_weekly, to_utc
from core.status import CheckinKind

# How late each kind may still arrive. None: always worth sending, however late.
STALE_AFTER: dict[str, timedelta | None] = {
    CheckinKind.WALK_DAILY: timedelta(hours=2),
    CheckinKind.WALK_SNOOZE: timedelta(hours=2),
    CheckinKind.GRIEF_OVER: None,
    CheckinKind.FEEDBACK_FOLLOWUP: timedelta(days=3),
    CheckinKind.LEARNING_GOAL: timedelta(days=2),
    CheckinKind.COME_BACK: timedelta(hours=12),
    CheckinKind.OPTIONS_REVIEW: timedelta(days=1),
    # A recap that missed its evening waits for next week's.
    CheckinKind.WEEKLY_RECAP: timedelta(hours=12),
}
KINDS = tuple(STALE_AFTER)
# Kinds that plan their next occurrence once this one is sent or dropped.
RECURRING = frozenset(
    {CheckinKind.WALK_DAILY, CheckinKind.OPTIONS_REVIEW, CheckinKind.WEEKLY_RECAP}
)
OPTIONS_REVIEW_EVERY = timedelta(days=7)
# The weekly recap: Sunday evening, local time.
RECAP_WEEKDAY = 6
RECAP_AT = time(18, 0)
# When 18:00 is inside the user's quiet hours: the latest earlier hour that isn't (not before
# noon), else the earliest later one (not after 21:00).
_RECAP_FALLBACK_HOURS = (17, 16, 15, 14, 13, 12, 19, 20, 21)
# How long after the ten steps are done the weekly recap keeps coming.
RECAP_AFTER_COMPLETION = timedelta(weeks=4)


def parse_hhmm(value: str | None) -> time | None:
    """ "HH:MM" as a time (None stays None)."""
    if not value:
        return None
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def in_quiet_hours(at: time, start: time | None, end: time | None) -> bool:
    """Whether a local wall-clock time falls inside quiet hours (which may span midnight)."""
    if start is None or end is None or start == end:
        return False
    if start < end:
        return start <= at < end
    return at >= start or at < end


def recap_time(quiet_start: str | None, quiet_end: str | None) -> time:
    """The local time of the Sunday recap: 18:00, or the nearest evening hour outside quiet
    hours (18:00 anyway when they cover the whole afternoon and evening: it waits them out)."""
    start, end = parse_hhmm(quiet_start), parse_hhmm(quiet_end)
    if not in_quiet_hours(RECAP_AT, start, end):
        return RECAP_AT
    for hour in _RECAP_FALLBACK_HOURS:
        if not in_quiet_hours(time(hour), start, end):
            return time(hour)
    return RECAP_AT


def next_recap(
    after: datetime, zone: str, quiet_start: str | None, quiet_end: str | None
) -> tuple[datetime, str]:
    """The next weekly recap after `after`: when (UTC) and its local time ("HH:MM")."""
    at = recap_time(quiet_start, quiet_end)
    return next_weekly(RECAP_WEEKDAY, at, zone, after), at.strftime("%H:%M")


def quiet_hours_end(now: datetime, zone: str, end: time) -> datetime:
    """The next moment quiet hours end (local `end`), in UTC."""
    local = local_now(now, zone)
    candidate = to_utc(datetime.combine(local.date(), end), zone)
    return candidate if candidate > now else next_daily(end, zone, now)


@dataclass(frozen=True, slots=True)
class Decision:
    """Send now, wait until `until`, or drop with a reason."""

    action: Literal["send", "defer", "drop"]
    until: datetime | None = None
    reason: str | None = None


def decide(
    *,
    kind: str,
    due_at: datetime,
    now: datetime,
    zone: str,
    quiet_start: str | None,
    quiet_end: str | None,
    paused_until: datetime | None = None,
) -> Decision:
    """Apply the per-kind lateness rule, a crisis pause, then quiet hours."""
    limit = STALE_AFTER.get(kind)
    if limit is not None and now - due_at > limit:
        return Decision("drop", reason="stale")
    if paused_until is not None and now < paused_until:
        return Decision("defer", until=paused_until)
    start, end = parse_hhmm(quiet_start), parse_hhmm(quiet_end)
    if end is not None and in_quiet_hours(local_now(now, zone).time(), start, end):
        return Decision("defer", until=quiet_hours_end(now, zone, end))
    return Decision("send")


def next_occurrence(
    *, kind: str, due_at: datetime, local_time: str | None, zone: str, now: datetime
) -> datetime | None:
    """When a recurring check-in comes next (strictly after now and after this one)."""
    after = max(now, due_at)
    if kind == CheckinKind.WALK_DAILY and local_time:
        at = parse_hhmm(local_time)
        assert at is not None
        return next_daily(at, zone, after)
    if kind == CheckinKind.WEEKLY_RECAP:
        return next_weekly(RECAP_WEEKDAY, parse_hhmm(local_time) or RECAP_AT, zone, after)
    if kind == CheckinKind.OPTIONS_REVIEW:
        following = due_at + OPTIONS_REVIEW_EVERY
        while following <= now:
            following += OPTIONS_REVIEW_EVERY
        return following
    return None


def retry_delay(attempts: int) -> timedelta:
    """Back-off after a network failure: 30 s, 1 min, 2 min … capped at 30 min."""
    return timedelta(seconds=min(30 * 2 ** max(attempts - 1, 0), 1800))
