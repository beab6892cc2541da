"""The instants tests run at, and a clock the test moves by hand."""

from __future__ import annotations

from datetime import UTC, datetime

# Wednesday 25 November 2026, 09:00 UTC: 10:00 in Berlin, 04:00 in New York, 18:00 in Tokyo.
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)

# The same Wednesday at noon UTC: 13:00 in Berlin (a 10:00 walk is three hours late), 07:00 in
# New York (its 07:30 is still ahead), 21:00 in Tokyo (inside 20:00-07:00 quiet hours).
NOON = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


class FixedClock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.current = now

    def now(self) -> datetime:
        """The time the test set."""
        return self.current
