"""Understanding what people type: times, time zones, durations, counts, dates and lists.

Pure functions, no Telegram and no database. Every parser is forgiving about case, surrounding
whitespace and common punctuation, and returns None (never raises) for input it can't read.
"""

from __future__ import annotations

import calendar
import datetime
import math
import re
import unicodedata
import zoneinfo
from dataclasses import dataclass
from functools import lru_cache

import tzfpy

NUMBER_WORDS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
}

# Punctuation people add around an answer ("7pm!", "“Berlin”.") that never changes its meaning.
_EDGE_PUNCTUATION = " \t\r\n.,;:!?\"'“”‘’«»()[]"


def _clean(text: str) -> str:
    """Lower-case, trim edge punctuation and collapse inner whitespace."""
    return " ".join(text.casefold().strip(_EDGE_PUNCTUATION).split())


def _fold_accents(text: str) -> str:
    """Drop combining marks so "São Paulo" and "Sao Paulo" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# --- Time of day -----------------------------------------------------------------------------

_TIME_WORDS: dict[str, datetime.time] = {
    "noon": datetime.time(12, 0),
    "midday": datetime.time(12, 0),
    "midnight": datetime.time(0, 0),
}
_CLOCK = re.compile(
    r"(?P<hour>\d{1,2})(?:\s*(?:[:.h]|hr)\s*(?P<minute>\d{2}))?\s*h?"
    r"(?:\s*(?P<half>am|pm|a|p))?(?:\s*o'?clock)?"
)
_COMPACT = re.compile(r"(?P<hour>\d{1,2})(?P<minute>\d{2})\s*(?P<half>am|pm|a|p)?")


def parse_time_of_day(text: str) -> datetime.time | None:
    """Read a wall-clock time such as "7:30", "19", "7.30 pm", "1930" or "noon"."""
    cleaned = _clean(text).replace("a.m", "am").replace("p.m", "pm").rstrip(".")
    if cleaned in _TIME_WORDS:
        return _TIME_WORDS[cleaned]
    match = _CLOCK.fullmatch(cleaned) or _COMPACT.fullmatch(cleaned)
    if match is None:
        return None
    hour = int(match["hour"])
    minute = int(match["minute"] or 0)
    half = match["half"]
    if half is not None:
        # A 12-hour clock has no 0 or 13: "12 am" is midnight, "12 pm" is noon.
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.startswith("p") else 0)
    if hour > 23 or minute > 59:
        return None
    return datetime.time(hour, minute)


# --- Time zones ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ZoneMatch:
    """A time zone someone named: the IANA name to store and a label to show them."""

    name: str
    label: str


# Cities, countries and regions people type that are not the last part of an IANA zone name.
# A country is listed only when (nearly) all its people live in one zone. Accents are folded
# when matching, so "Kraków" also answers "krakow".
CITY_ALIASES: dict[str, str] = {
    # United States and Canada
    "San Francisco": "America/Los_Angeles",
    "Seattle": "America/Los_Angeles",
    "Los Angeles": "America/Los_Angeles",
    "LA": "America/Los_Angeles",
    "San Diego": "America/Los_Angeles",
    "San Jose": "America/Los_Angeles",
    "Portland": "America/Los_Angeles",
    "Las Vegas": "America/Los_Angeles",
    "Silicon Valley": "America/Los_Angeles",
    "California": "America/Los_Angeles",
    "Pacific Time": "America/Los_Angeles",
    "NYC": "America/New_York",
    "Boston": "America/New_York",
    "Washington": "America/New_York",
    "Washington DC": "America/New_York",
    "DC": "America/New_York",
    "Miami": "America/New_York",
    "Atlanta": "America/New_York",
    "Philadelphia": "America/New_York",
    "Pittsburgh": "America/New_York",
    "Baltimore": "America/New_York",
    "Charlotte": "America/New_York",
    "Orlando": "America/New_York",
    "Brooklyn": "America/New_York",
    "Manhattan": "America/New_York",
    "Eastern Time": "America/New_York",
    "Dallas": "America/Chicago",
    "Houston": "America/Chicago",
    "Austin": "America/Chicago",
    "San Antonio": "America/Chicago",
    "Minneapolis": "America/Chicago",
    "St Louis": "America/Chicago",
    "Saint Louis": "America/Chicago",
    "Kansas City": "America/Chicago",
    "Nashville": "America/Chicago",
    "New Orleans": "America/Chicago",
    "Central Time": "America/Chicago",
    "Salt Lake City": "America/Denver",
    "Mountain Time": "America/Denver",
    "Montreal": "America/Toronto",
    "Ottawa": "America/Toronto",
    "Quebec": "America/Toronto",
    "Calgary": "America/Edmonton",
    "Hawaii": "Pacific/Honolulu",
    # Europe
    "UK": "Europe/London",
    "United Kingdom": "Europe/London",
    "Great Britain": "Europe/London",
    "Britain": "Europe/London",
    "England": "Europe/London",
    "Scotland": "Europe/London",
    "Wales": "Europe/London",
    "Manchester": "Europe/London",
    "Birmingham": "Europe/London",
    "Liverpool": "Europe/London",
    "Leeds": "Europe/London",
    "Bristol": "Europe/London",
    "Edinburgh": "Europe/London",
    "Glasgow": "Europe/London",
    "Cardiff": "Europe/London",
    "Oxford": "Europe/London",
    "Ireland": "Europe/Dublin",
    "Cork": "Europe/Dublin",
    "Portugal": "Europe/Lisbon",
    "Porto": "Europe/Lisbon",
    "Spain": "Europe/Madrid",
    "Barcelona": "Europe/Madrid",
    "Valencia": "Europe/Madrid",
    "Seville": "Europe/Madrid",
    "France": "Europe/Paris",
    "Lyon": "Europe/Paris",
    "Marseille": "Europe/Paris",
    "Toulouse": "Europe/Paris",
    "Nice": "Europe/Paris",
    "Belgium": "Europe/Brussels",
    "Antwerp": "Europe/Brussels",
    "Netherlands": "Europe/Amsterdam",
    "Holland": "Europe/Amsterdam",
    "Rotterdam": "Europe/Amsterdam",
    "The Hague": "Europe/Amsterdam",
    "Utrecht": "Europe/Amsterdam",
    "Eindhoven": "Europe/Amsterdam",
    "Germany": "Europe/Berlin",
    "Munich": "Europe/Berlin",
    "München": "Europe/Berlin",
    "Hamburg": "Europe/Berlin",
    "Frankfurt": "Europe/Berlin",
    "Cologne": "Europe/Berlin",
    "Köln": "Europe/Berlin",
    "Stuttgart": "Europe/Berlin",
    "Düsseldorf": "Europe/Berlin",
    "Leipzig": "Europe/Berlin",
    "Dresden": "Europe/Berlin",
    "Hanover": "Europe/Berlin",
    "Hannover": "Europe/Berlin",
    "Nuremberg": "Europe/Berlin",
    "Bonn": "Europe/Berlin",
    "Switzerland": "Europe/Zurich",
    "Geneva": "Europe/Zurich",
    "Basel": "Europe/Zurich",
    "Bern": "Europe/Zurich",
    "Austria": "Europe/Vienna",
    "Salzburg": "Europe/Vienna",
    "Italy": "Europe/Rome",
    "Milan": "Europe/Rome",
    "Milano": "Europe/Rome",
    "Naples": "Europe/Rome",
    "Turin": "Europe/Rome",
    "Florence": "Europe/Rome",
    "Venice": "Europe/Rome",
    "Denmark": "Europe/Copenhagen",
    "Norway": "Europe/Oslo",
    "Sweden": "Europe/Stockholm",
    "Gothenburg": "Europe/Stockholm",
    "Finland": "Europe/Helsinki",
    "Poland": "Europe/Warsaw",
    "Kraków": "Europe/Warsaw",
    "Wroclaw": "Europe/Warsaw",
    "Czechia": "Europe/Prague",
    "Czech Republic": "Europe/Prague",
    "Brno": "Europe/Prague",
    "Hungary": "Europe/Budapest",
    "Greece": "Europe/Athens",
    "Romania": "Europe/Bucharest",
    "Bulgaria": "Europe/Sofia",
    "Serbia": "Europe/Belgrade",
    "Croatia": "Europe/Zagreb",
    "Ukraine": "Europe/Kyiv",
    "Kiev": "Europe/Kyiv",
    "Kharkiv": "Europe/Kyiv",
    "Lviv": "Europe/Kyiv",
    "Odesa": "Europe/Kyiv",
    "Odessa": "Europe/Kyiv",
    "Turkey": "Europe/Istanbul",
    "Türkiye": "Europe/Istanbul",
    "Ankara": "Europe/Istanbul",
    # Zone cities with two names in tzdata (a zone and a link): pin the canonical one.
    "Istanbul": "Europe/Istanbul",
    "Nicosia": "Asia/Nicosia",
    "Saint Petersburg": "Europe/Moscow",
    "St Petersburg": "Europe/Moscow",
    # Middle East and Africa
    "Israel": "Asia/Jerusalem",
    "Tel Aviv": "Asia/Jerusalem",
    "UAE": "Asia/Dubai",
    "United Arab Emirates": "Asia/Dubai",
    "Abu Dhabi": "Asia/Dubai",
    "Sharjah": "Asia/Dubai",
    "Saudi Arabia": "Asia/Riyadh",
    "Jeddah": "Asia/Riyadh",
    "Doha": "Asia/Qatar",
    "Iran": "Asia/Tehran",
    "Egypt": "Africa/Cairo",
    "Alexandria": "Africa/Cairo",
    "Nigeria": "Africa/Lagos",
    "Abuja": "Africa/Lagos",
    "Kenya": "Africa/Nairobi",
    "South Africa": "Africa/Johannesburg",
    "Cape Town": "Africa/Johannesburg",
    "Durban": "Africa/Johannesburg",
    "Pretoria": "Africa/Johannesburg",
    "Ghana": "Africa/Accra",
    "Morocco": "Africa/Casablanca",
    "Ethiopia": "Africa/Addis_Ababa",
    # Asia and Oceania
    "India": "Asia/Kolkata",
    "Mumbai": "Asia/Kolkata",
    "Bombay": "Asia/Kolkata",
    "Delhi": "Asia/Kolkata",
    "New Delhi": "Asia/Kolkata",
    "Bangalore": "Asia/Kolkata",
    "Bengaluru": "Asia/Kolkata",
    "Hyderabad": "Asia/Kolkata",
    "Chennai": "Asia/Kolkata",
    "Madras": "Asia/Kolkata",
    "Pune": "Asia/Kolkata",
    "Ahmedabad": "Asia/Kolkata",
    "Gurgaon": "Asia/Kolkata",
    "Gurugram": "Asia/Kolkata",
    "Noida": "Asia/Kolkata",
    "Pakistan": "Asia/Karachi",
    "Lahore": "Asia/Karachi",
    "Islamabad": "Asia/Karachi",
    "Bangladesh": "Asia/Dhaka",
    "Sri Lanka": "Asia/Colombo",
    "Nepal": "Asia/Kathmandu",
    "China": "Asia/Shanghai",
    "Beijing": "Asia/Shanghai",
    "Shenzhen": "Asia/Shanghai",
    "Guangzhou": "Asia/Shanghai",
    "Hangzhou": "Asia/Shanghai",
    "Chengdu": "Asia/Shanghai",
    "Hong Kong": "Asia/Hong_Kong",
    "Taiwan": "Asia/Taipei",
    "Japan": "Asia/Tokyo",
    "Osaka": "Asia/Tokyo",
    "Kyoto": "Asia/Tokyo",
    "South Korea": "Asia/Seoul",
    "Korea": "Asia/Seoul",
    "Busan": "Asia/Seoul",
    "Philippines": "Asia/Manila",
    "Vietnam": "Asia/Ho_Chi_Minh",
    "Saigon": "Asia/Ho_Chi_Minh",
    "Hanoi": "Asia/Bangkok",
    "Thailand": "Asia/Bangkok",
    "Malaysia": "Asia/Kuala_Lumpur",
    "Jakarta": "Asia/Jakarta",
    "Canberra": "Australia/Sydney",
    "New Zealand": "Pacific/Auckland",
    "Wellington": "Pacific/Auckland",
    "Christchurch": "Pacific/Auckland",
    # Latin America
    "Brazil": "America/Sao_Paulo",
    "Rio": "America/Sao_Paulo",
    "Rio de Janeiro": "America/Sao_Paulo",
    "Brasília": "America/Sao_Paulo",
    "Argentina": "America/Argentina/Buenos_Aires",
    "Chile": "America/Santiago",
    "Colombia": "America/Bogota",
    "Medellín": "America/Bogota",
    "Peru": "America/Lima",
    "Guadalajara": "America/Mexico_City",
}

COMMON_ZONES: tuple[tuple[str, str], ...] = (
    ("Europe/London", "London"),
    ("Europe/Berlin", "Berlin / Paris"),
    ("America/New_York", "New York"),
    ("America/Chicago", "Chicago"),
    ("America/Los_Angeles", "Los Angeles"),
    ("Asia/Kolkata", "India"),
    ("Asia/Singapore", "Singapore"),
    ("Australia/Sydney", "Sydney"),
)

# Zone names whose last part is a place people live in (not "Etc/GMT+3" or "US/Pacific").
_CITY_REGIONS = frozenset(
    {
        "Africa",
        "America",
        "Antarctica",
        "Arctic",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
    }
)
# Last parts that are directions, not places ("Australia/West"): too easy to hit by accident.
_NOT_CITIES = frozenset({"north", "south", "west", "east"})
# Present in available_timezones() on some systems but not zones anyone lives in.
_NOT_ZONES = frozenset({"factory", "localtime", "posixrules", "posix", "right"})

# Offsets that are not whole hours belong to a few well-known places; use their real zone.
_PARTIAL_OFFSET_ZONES: dict[int, str] = {
    -(9 * 60 + 30): "Pacific/Marquesas",
    -(3 * 60 + 30): "America/St_Johns",
    3 * 60 + 30: "Asia/Tehran",
    4 * 60 + 30: "Asia/Kabul",
    5 * 60 + 30: "Asia/Kolkata",
    5 * 60 + 45: "Asia/Kathmandu",
    6 * 60 + 30: "Asia/Yangon",
    8 * 60 + 45: "Australia/Eucla",
    9 * 60 + 30: "Australia/Adelaide",
    10 * 60 + 30: "Australia/Lord_Howe",
    12 * 60 + 45: "Pacific/Chatham",
}
_UTC_WORDS = frozenset({"utc", "gmt", "z", "zulu", "utc+0", "gmt+0", "utc-0", "gmt-0", "ut"})
_OFFSET = re.compile(
    r"(?:utc|gmt|ut)?\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?:\s*:?\s*(?P<minutes>\d{2}))?(?:\s*h)?"
)


def _zone_key(text: str) -> str:
    """The form names are compared in: folded, lower-case, spaces for "_" and "-"."""
    folded = _fold_accents(text).casefold().replace(".", " ").replace("'", "")
    folded = re.sub(r"\s*/\s*", "/", folded)
    return " ".join(re.sub(r"[_\-\s]+", " ", folded).split())


def _loads(name: str) -> bool:
    """Whether zoneinfo can load the zone, so nothing we hand out fails later."""
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


@lru_cache(maxsize=1)
def _zone_indexes() -> tuple[dict[str, str], dict[str, str], dict[str, tuple[str, str]]]:
    """Build lookups keyed by _zone_key: full IANA names, city last parts, (alias, zone)."""
    names = sorted(
        name
        for name in zoneinfo.available_timezones()
        if name.split("/")[0].casefold() not in _NOT_ZONES
    )
    full = {_zone_key(name): name for name in names}
    cities: dict[str, str] = {}
    # Deeper names first: "America/Argentina/Buenos_Aires" is canonical, the short one a link.
    for name in sorted(names, key=lambda n: (-n.count("/"), n)):
        parts = name.split("/")
        if len(parts) < 2 or parts[0] not in _CITY_REGIONS:
            continue
        key = _zone_key(parts[-1])
        if key not in _NOT_CITIES:
            cities.setdefault(key, name)
    aliases = {_zone_key(alias): (alias, zone) for alias, zone in CITY_ALIASES.items()}
    return full, cities, aliases


def _city_label(place: str, zone: str) -> str:
    return f"{place} ({zone})"


def _offset_match(minutes: int) -> ZoneMatch | None:
    """Map a fixed UTC offset to a zone: Etc/GMT∓N for whole hours, a real place otherwise."""
    if minutes == 0:
        return ZoneMatch("UTC", "UTC")
    if minutes % 60 == 0:
        hours = minutes // 60
        if not -12 <= hours <= 14:
            return None
        # POSIX-style Etc names invert the sign: UTC+2 is "Etc/GMT-2".
        name = f"Etc/GMT{-hours:+d}"
        sign = "+" if hours > 0 else "-"
        return ZoneMatch(name, f"UTC{sign}{abs(hours):02d}:00 (no daylight-saving changes)")
    zone = _PARTIAL_OFFSET_ZONES.get(minutes)
    if zone is None:
        return None
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return ZoneMatch(zone, f"UTC{sign}{hours:02d}:{rest:02d} ({zone})")


def _resolve(text: str) -> ZoneMatch | None:
    cleaned = _clean(text).replace("−", "-")
    if not cleaned:
        return None
    compact = cleaned.replace(" ", "")
    if compact in _UTC_WORDS:
        return ZoneMatch("UTC", "UTC")
    offset = _OFFSET.fullmatch(cleaned)
    if offset is not None:
        minutes = int(offset["hours"]) * 60 + int(offset["minutes"] or 0)
        if int(offset["minutes"] or 0) > 59:
            return None
        return _offset_match(-minutes if offset["sign"] == "-" else minutes)

    full, cities, aliases = _zone_indexes()
    key = _zone_key(cleaned)
    # A full "Region/City" name first; legacy bare names ("Japan", "GB") only after aliases,
    # so "Japan" resolves to Asia/Tokyo rather than its old link.
    if "/" in key and key in full:
        return ZoneMatch(full[key], full[key])
    if key in aliases:
        place, zone = aliases[key]
        return ZoneMatch(zone, _city_label(place, zone))
    if key in cities:
        zone = cities[key]
        return ZoneMatch(zone, _city_label(zone.rsplit("/", 1)[-1].replace("_", " "), zone))
    if key in full:
        return ZoneMatch(full[key], full[key])
    return None


def resolve_timezone(text: str) -> ZoneMatch | None:
    """Find the IANA zone for a zone name, city, country, or UTC offset someone typed."""
    match = _resolve(text)
    if match is None and "," in text:
        # "Berlin, Germany" or "Austin, TX": the place before the comma is the useful part.
        match = _resolve(text.split(",", 1)[0])
    if match is None or not _loads(match.name):
        return None
    return match


def timezone_from_location(latitude: float, longitude: float) -> str | None:
    """Return the IANA zone covering a shared location, or None if there is none."""
    if not (math.isfinite(latitude) and math.isfinite(longitude)):
        return None
    if not (-90.0 <= latitude <= 90.0 and -180.0 <= longitude <= 180.0):
        return None
    try:
        name = tzfpy.get_tz(longitude, latitude)  # longitude first
    except (ValueError, RuntimeError):
        return None
    if not name or not _loads(name):
        return None
    return name


# --- Durations and counts --------------------------------------------------------------------

_HOURS_PER_UNIT: dict[str, float] = {
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), 1 / 60),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), 1.0),
    **dict.fromkeys(("d", "day", "days"), 24.0),
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks"), 168.0),
}
_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+")
_DURATION_TOKEN = re.compile(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+|[a-z]+|\S")


def _amount(token: str) -> float | None:
    if _DECIMAL.fullmatch(token):
        return float(token)
    if token in ("a", "an"):
        return 1.0
    if token == "half":
        return 0.5
    value = NUMBER_WORDS.get(token)
    return None if value is None else float(value)


def parse_hours(text: str) -> float | None:
    """Read a duration in hours: "36", "36h", "1.5 days", "a day", "1 day 12 hours"."""
    cleaned = re.sub(r"(?<=\d),(?=\d)", ".", _clean(text))
    tokens = [t for t in _DURATION_TOKEN.findall(cleaned) if t not in ("and", ",")]
    if not tokens:
        return None
    total = 0.0
    segments = 0
    unitless = False
    i = 0
    while i < len(tokens):
        amount = _amount(tokens[i])
        if amount is None:
            return None
        i += 1
        # "half a day", "half an hour"
        if tokens[i - 1] == "half" and i < len(tokens) and tokens[i] in ("a", "an"):
            i += 1
        if i < len(tokens) and tokens[i] in _HOURS_PER_UNIT:
            total += amount * _HOURS_PER_UNIT[tokens[i]]
            i += 1
        elif not _DECIMAL.fullmatch(tokens[i - 1]) and tokens[i - 1] not in NUMBER_WORDS:
            return None  # "a" or "half" on its own says nothing
        else:
            # A bare number means hours, but only when it is the whole answer.
            unitless = True
            total += amount
        segments += 1
    if unitless and segments > 1:
        return None
    if not math.isfinite(total):
        return None
    return total


_NOBODY = frozenset({"none", "no one", "noone", "no-one", "nobody", "zero", "nil", "not one"})
MAX_COUNT = 1000


def parse_count(text: str) -> int | None:
    """Read a small whole number: "3", "three", "5+", "none"."""
    cleaned = _clean(text)
    if cleaned in _NOBODY:
        return 0
    if cleaned in NUMBER_WORDS:
        return NUMBER_WORDS[cleaned]
    match = re.fullmatch(r"(\d{1,7})\s*\+?", cleaned)
    if match is None:
        return None
    value = int(match[1])
    return value if value <= MAX_COUNT else None


# --- Dates -----------------------------------------------------------------------------------

_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(
    (
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ),
    start=1,
):
    _MONTHS[_name] = _number
    _MONTHS[_name[:3]] = _number
_MONTHS["sept"] = 9

_WEEKDAYS: dict[str, int] = {}
for _number, _name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
):
    _WEEKDAYS[_name] = _number
    _WEEKDAYS[_name[:3]] = _number
_WEEKDAYS.update({"tues": 1, "thur": 3, "thurs": 3})

_UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
_ORDINAL = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_MONTH_WORD = r"(?P<month>[a-z]+)"
_YEAR = r"(?:\s(?P<year>\d{4}))?"
_DAY_MONTH = re.compile(rf"{_ORDINAL}\s(?:of\s)?{_MONTH_WORD}{_YEAR}")
_MONTH_DAY = re.compile(rf"{_MONTH_WORD}\s{_ORDINAL}{_YEAR}")
_ISO = re.compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})")
_NUMERIC = re.compile(r"(?P<day>\d{1,2})[./-](?P<month>\d{1,2})(?:[./-](?P<year>\d{4}|\d{2}))?")
_IN_AMOUNT = re.compile(r"in\s(?P<amount>\d+|[a-z]+)\s(?P<unit>days?|weeks?|months?|years?)")


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _add_months(day: datetime.date, months: int) -> datetime.date | None:
    """Same day of month `months` later, clamped to the month's end (Jan 31 + 1 → Feb 28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        return None
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _upcoming(day: int, month: int, today: datetime.date) -> datetime.date | None:
    """A day and month without a year: this year, or next year once it has passed."""
    this_year = _safe_date(today.year, month, day)
    if this_year is not None and this_year >= today:
        return this_year
    # Also covers 29 February in a year that has none.
    return _safe_date(today.year + 1, month, day)


def _with_year(
    day: int, month: int, year: str | None, today: datetime.date
) -> datetime.date | None:
    if year is None:
        return _upcoming(day, month, today)
    full_year = int(year) + (2000 if len(year) == 2 else 0)
    return _safe_date(full_year, month, day)


def _relative(cleaned: str, today: datetime.date) -> datetime.date | None:
    if cleaned in ("today", "tonight"):
        return today
    if cleaned in ("tomorrow", "tmrw", "tmr"):
        return today + datetime.timedelta(days=1)
    if cleaned in ("day after tomorrow", "the day after tomorrow"):
        return today + datetime.timedelta(days=2)
    if cleaned == "next week":
        return today + datetime.timedelta(days=7)
    if cleaned == "next month":
        return _add_months(today, 1)
    match = _IN_AMOUNT.fullmatch(cleaned)
    if match is not None:
        amount_text = match["amount"]
        if amount_text.isdigit():
            amount = int(amount_text)
        elif amount_text in ("a", "an"):
            amount = 1
        elif amount_text in NUMBER_WORDS:
            amount = NUMBER_WORDS[amount_text]
        else:
            return None
        unit = match["unit"].rstrip("s")
        if unit == "month":
            return _add_months(today, amount)
        if unit == "year":
            return _add_months(today, amount * 12)
        return today + datetime.timedelta(days=amount * _UNIT_DAYS[unit])
    weekday = re.fullmatch(r"(?:next\s|this\s|on\s)?([a-z]+)", cleaned)
    if weekday is not None and weekday[1] in _WEEKDAYS:
        # Strictly after today: "friday" said on a Friday means the next one.
        ahead = (_WEEKDAYS[weekday[1]] - today.weekday() - 1) % 7 + 1
        return today + datetime.timedelta(days=ahead)
    return None


def parse_target_date(text: str, today: datetime.date) -> datetime.date | None:
    """Read a calendar date: "2026-12-10", "10.12", "Dec 10", "in 2 weeks", "next friday"."""
    # "Dec. 10, 2026" → "dec 10 2026"
    cleaned = re.sub(r"(?<=[a-z])\.", "", _clean(text)).replace(",", " ")
    cleaned = " ".join(cleaned.split())
    cleaned = re.sub(r"^(?:on|by|until|till)\s", "", cleaned)
    cleaned = re.sub(r"^the\s", "", cleaned)
    if not cleaned:
        return None
    try:
        relative = _relative(cleaned, today)
    except OverflowError:  # past year 9999
        return None
    if relative is not None:
        return relative
    if match := _ISO.fullmatch(cleaned):
        return _safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
    if match := _NUMERIC.fullmatch(cleaned):
        return _with_year(int(match["day"]), int(match["month"]), match["year"], today)
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        match = pattern.fullmatch(cleaned)
        if match is not None and match["month"] in _MONTHS:
            return _with_year(int(match["day"]), _MONTHS[match["month"]], match["year"], today)
    return None


# --- Lists -----------------------------------------------------------------------------------

_ITEM_SEPARATORS = re.compile(r"[,;\n\r•·]+")
# A bullet or number at the start of an item: "- ", "* ", "1. ", "2) ". Numbers need a space
# after them so "1.5 years" stays whole.
_ITEM_MARKER = re.compile(r"^(?:[-*–—]+\s*|\d{1,3}[.)](?:\s+|$))+")


def split_items(text: str) -> list[str]:
    """Split a typed list on commas, semicolons, line breaks and bullets; keep "and" inside."""
    items: list[str] = []
    for piece in _ITEM_SEPARATORS.split(text):
        item = _ITEM_MARKER.sub("", piece.strip()).strip().rstrip(".").strip()
        if item:
            items.append(" ".join(item.split()))
    return items


def parse_quiet_hours(text: str) -> tuple[datetime.time, datetime.time] | None:
    """Quiet hours typed as "22:00-08:00", "22-7", "10pm to 7am"; None if not understood."""
    cleaned = text.strip().lower().replace("–", "-").replace("—", "-").replace(" to ", "-")
    parts = [part.strip() for part in cleaned.split("-")]
    if len(parts) != 2:
        return None
    start, end = parse_time_of_day(parts[0]), parse_time_of_day(parts[1])
    if start is None or end is None or start == end:
        return None
    return start, end


_BUTTON_HHMM = re.compile(r"([01]\d|2[0-3])([0-5]\d)")


def time_from_button(value: str) -> datetime.time | None:
    """A time carried in button data as "HHMM" (e.g. "0730"), or None."""
    match = _BUTTON_HHMM.fullmatch(value)
    return datetime.time(int(match[1]), int(match[2])) if match else None


def button_hhmm(value: datetime.time | str) -> str:
    """A time as button data carries it: "07:30" or time(7, 30) -> "0730"."""
    text = value if isinstance(value, str) else value.strftime("%H:%M")
    return text.replace(":", "")
