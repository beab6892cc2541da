"""Callback data of every inline button: one codec, one place that checks Telegram's limit.

Data is `<route>:<field>:<field>…`. The route says which handler a press goes to; the fields
say what was pressed. The last field may itself contain ":" (a time such as "07:30"), so a
reader names how many fields it expects. Every field is checked on the way out (nothing
empty, no ":" before the last, 64 bytes in all) and on the way in (an old or forged button
decodes to None, never to an exception).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from core.replies import MAX_CALLBACK_BYTES

SEPARATOR = ":"
# Ids fit a signed 64-bit column; longer digit strings can't be ours.
_MAX_ID_DIGITS = 18


class Route(StrEnum):
    """Which conversation a button belongs to: the first field of its data."""

    JOURNEY = "j"  # j:<journey id>:<prompt key>:<value>
    JOURNAL = "jr"  # jr:<page>
    OPTIONS = "o"  # o:add | o:v:<id> | o:s:<id>:<stage> | o:c:<id>
    CHECKIN = "c"  # c:<check-in id>:<action>
    REMINDERS = "r"  # r:<p|r|s>:<check-in id>
    ZONE = "tz"  # tz:<IANA zone>
    QUIET = "q"  # q:<HHMM>-<HHMM> | q:off
    WALK = "w"  # w:<HHMM> | w:stop
    DELETE = "del"  # del:y:<user id>:<unix time asked> | del:n:<user id>
    FEEDBACK = "fb"  # fb:<journey id>:<short|warm|formal|name>
    LANGUAGE = "lang"  # lang:<catalogue code>

    @property
    def pattern(self) -> str:
        """The regular expression a CallbackQueryHandler uses to route presses here."""
        return f"^{re.escape(self.value)}{SEPARATOR}"


@dataclass(frozen=True, slots=True)
class CallbackData:
    """A decoded press: its route and fields."""

    route: Route
    fields: tuple[str, ...]

    def field(self, index: int) -> str | None:
        """The field at `index`, or None when there is none."""
        return self.fields[index] if 0 <= index < len(self.fields) else None

    def number(self, index: int) -> int | None:
        """The field at `index` as a non-negative id or count, or None if it isn't one."""
        value = self.field(index)
        if value is None or not value.isascii() or not value.isdigit():
            return None
        return int(value) if len(value) <= _MAX_ID_DIGITS else None


def encode(route: Route, *fields: str | int) -> str:
    """Callback data for a button; raises ValueError for data Telegram would refuse."""
    texts = [str(value) for value in fields]
    if not texts or any(not text for text in texts):
        raise ValueError(f"callback data of {route.name} needs non-empty fields: {texts!r}")
    if any(SEPARATOR in text for text in texts[:-1]):
        raise ValueError(f"only the last field may contain {SEPARATOR!r}: {texts!r}")
    data = SEPARATOR.join([route.value, *texts])
    if len(data.encode("utf-8")) > MAX_CALLBACK_BYTES:
        raise ValueError(f"callback data over {MAX_CALLBACK_BYTES} bytes: {data!r}")
    return data


def decode(data: str | None, route: Route, *sizes: int) -> CallbackData | None:
    """The press if `data` belongs to `route` and has one of `sizes` fields, else None.

    With several sizes, the largest decides where the last field starts.
    """
    if not data or len(data.encode("utf-8")) > MAX_CALLBACK_BYTES:
        return None
    head, separator, rest = data.partition(SEPARATOR)
    if head != route.value or not separator:
        return None
    fields = tuple(rest.split(SEPARATOR, max(sizes) - 1)) if sizes else tuple(rest.split(SEPARATOR))
    if sizes and len(fields) not in sizes:
        return None
    if any(not field for field in fields):
        return None
    return CallbackData(route, fields)
