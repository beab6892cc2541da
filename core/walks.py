"""Walk streaks and weekly counts: pure functions over the local days a user walked."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta


def walk_streak(walked: Collection[date], today: date) -> int:
    """Days walked in the current streak; one missed day in between is forgiven, two end it.

    Counting starts today, or yesterday if today has no walk yet.
    """
    day = today if today in walked else today - timedelta(days=1)
    streak = 0
    missed_in_a_row = 0
    while missed_in_a_row < 2:
        if day in walked:
            streak += 1
            missed_in_a_row = 0
        else:
            missed_in_a_row += 1
        day -= timedelta(days=1)
    return streak


def walks_this_week(walked: Collection[date], today: date) -> int:
    """Days walked from Monday of this week up to today."""
    monday = today - timedelta(days=today.weekday())
    return sum(
        1
        for offset in range((today - monday).days + 1)
        if monday + timedelta(days=offset) in walked
    )
