"""Parsing what people type: times, zones, durations, counts, dates and lists."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest

from core.parsing import (
    CITY_ALIASES,
    COMMON_ZONES,
    ZoneMatch,
    parse_count,
    parse_hours,
    parse_target_date,
    parse_time_of_day,
    resolve_timezone,
    split_items,
    timezone_from_location,
)

# A Wednesday.
TODAY = datetime.date(2026, 6, 10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7:30", (7, 30)),
        ("07:30", (7, 30)),
        ("7.30", (7, 30)),
        ("7h30", (7, 30)),
        ("19:00", (19, 0)),
        ("19", (19, 0)),
        ("7", (7, 0)),
        ("0", (0, 0)),
        ("23", (23, 0)),
        ("7pm", (19, 0)),
        ("7 pm", (19, 0)),
        ("7 PM", (19, 0)),
        ("7.30 pm", (19, 30)),
        ("7:30PM", (19, 30)),
        ("7:30 a.m.", (7, 30)),
        ("7:30 p.m.", (19, 30)),
        ("7am", (7, 0)),
        ("12 am", (0, 0)),
        ("12am", (0, 0)),
        ("12pm", (12, 0)),
        ("12:30 am", (0, 30)),
        ("noon", (12, 0)),
        ("Noon!", (12, 0)),
        ("midnight", (0, 0)),
        ("1930", (19, 30)),
        ("0700", (7, 0)),
        ("  8:15  ", (8, 15)),
        ("8:15.", (8, 15)),
        ("19h", (19, 0)),
        ("23:59", (23, 59)),
        ("00:00", (0, 0)),
    ],
)
def test_time_of_day_accepted(text: str, expected: tuple[int, int]) -> None:
    assert parse_time_of_day(text) == datetime.time(*expected)


@pytest.mark.parametrize(
    "text",
    [
        "25:99",
        "24:00",
        "24",
        "7:60",
        "13pm",
        "0am",
        "0 pm",
        "abc",
        "",
        "   ",
        "-1",
        "7:3",
        "2400",
        "1260",
        "7:30:15",
        "seven",
        "7 30 pm extra",
    ],
)
def test_time_of_day_rejected(text: str) -> None:
    assert parse_time_of_day(text) is None


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # IANA names typed directly, in any case, with spaces or underscores.
        ("Europe/Berlin", "Europe/Berlin", "Europe/Berlin"),
        ("europe/berlin", "Europe/Berlin", "Europe/Berlin"),
        ("America/New York", "America/New_York", "America/New_York"),
        ("america/new_york", "America/New_York", "America/New_York"),
        ("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires", None),
        ("US/Eastern", "US/Eastern", "US/Eastern"),
        # Cities that are the last part of a zone name.
        ("Berlin", "Europe/Berlin", "Berlin (Europe/Berlin)"),
        ("berlin", "Europe/Berlin", "Berlin (Europe/Berlin)"),
        ("  Berlin. ", "Europe/Berlin", "Berlin (Europe/Berlin)"),
        ("new york", "America/New_York", "New York (America/New_York)"),
        ("New York", "America/New_York", "New York (America/New_York)"),
        ("Kolkata", "Asia/Kolkata", "Kolkata (Asia/Kolkata)"),
        ("sao paulo", "America/Sao_Paulo", "Sao Paulo (America/Sao_Paulo)"),
        ("São Paulo", "America/Sao_Paulo", "Sao Paulo (America/Sao_Paulo)"),
        ("Vancouver", "America/Vancouver", "Vancouver (America/Vancouver)"),
        ("Lagos", "Africa/Lagos", "Lagos (Africa/Lagos)"),
        ("Kyiv", "Europe/Kyiv", "Kyiv (Europe/Kyiv)"),
        ("Port au Prince", "America/Port-au-Prince", None),
        ("St. Johns", "America/St_Johns", None),
        ("Buenos Aires", "America/Argentina/Buenos_Aires", None),
        ("Indianapolis", "America/Indiana/Indianapolis", None),
        ("Berlin, Germany", "Europe/Berlin", "Berlin (Europe/Berlin)"),
        # Aliases.
        ("San Francisco", "America/Los_Angeles", "San Francisco (America/Los_Angeles)"),
        ("Seattle", "America/Los_Angeles", None),
        ("LA", "America/Los_Angeles", None),
        ("los angeles", "America/Los_Angeles", None),
        ("Boston", "America/New_York", None),
        ("Washington", "America/New_York", None),
        ("Miami", "America/New_York", None),
        ("Atlanta", "America/New_York", None),
        ("Philadelphia", "America/New_York", None),
        ("NYC", "America/New_York", "NYC (America/New_York)"),
        ("nyc", "America/New_York", "NYC (America/New_York)"),
        ("Dallas", "America/Chicago", None),
        ("Houston", "America/Chicago", None),
        ("Austin, TX", "America/Chicago", "Austin (America/Chicago)"),
        ("Munich", "Europe/Berlin", "Munich (Europe/Berlin)"),
        ("München", "Europe/Berlin", None),
        ("Hamburg", "Europe/Berlin", None),
        ("Frankfurt", "Europe/Berlin", None),
        ("Cologne", "Europe/Berlin", None),
        ("Germany", "Europe/Berlin", "Germany (Europe/Berlin)"),
        ("Manchester", "Europe/London", None),
        ("Edinburgh", "Europe/London", None),
        ("Glasgow", "Europe/London", None),
        ("UK", "Europe/London", None),
        ("England", "Europe/London", None),
        ("Scotland", "Europe/London", None),
        ("Barcelona", "Europe/Madrid", None),
        ("Spain", "Europe/Madrid", None),
        ("Milan", "Europe/Rome", None),
        ("Italy", "Europe/Rome", None),
        ("Mumbai", "Asia/Kolkata", "Mumbai (Asia/Kolkata)"),
        ("Delhi", "Asia/Kolkata", None),
        ("New Delhi", "Asia/Kolkata", None),
        ("Bangalore", "Asia/Kolkata", None),
        ("Bengaluru", "Asia/Kolkata", None),
        ("Hyderabad", "Asia/Kolkata", None),
        ("Chennai", "Asia/Kolkata", None),
        ("Pune", "Asia/Kolkata", None),
        ("India", "Asia/Kolkata", None),
        ("Beijing", "Asia/Shanghai", None),
        ("Shenzhen", "Asia/Shanghai", None),
        ("China", "Asia/Shanghai", None),
        ("Montreal", "America/Toronto", None),
        ("Cape Town", "Africa/Johannesburg", None),
        ("South Africa", "Africa/Johannesburg", None),
        ("Abu Dhabi", "Asia/Dubai", None),
        ("UAE", "Asia/Dubai", None),
        ("Tel Aviv", "Asia/Jerusalem", None),
        ("Kiev", "Europe/Kyiv", "Kiev (Europe/Kyiv)"),
        ("Ireland", "Europe/Dublin", None),
        ("France", "Europe/Paris", None),
        ("Netherlands", "Europe/Amsterdam", None),
        ("Amsterdam", "Europe/Amsterdam", None),
        ("Japan", "Asia/Tokyo", "Japan (Asia/Tokyo)"),
        ("Brazil", "America/Sao_Paulo", None),
        ("Istanbul", "Europe/Istanbul", None),
        ("krakow", "Europe/Warsaw", "Kraków (Europe/Warsaw)"),
        ("Koln", "Europe/Berlin", "Köln (Europe/Berlin)"),
        # UTC and fixed offsets.
        ("UTC", "UTC", "UTC"),
        ("utc", "UTC", "UTC"),
        ("GMT", "UTC", "UTC"),
        ("Z", "UTC", "UTC"),
        ("UTC+0", "UTC", "UTC"),
        ("UTC+2", "Etc/GMT-2", "UTC+02:00 (no daylight-saving changes)"),
        ("utc +2", "Etc/GMT-2", "UTC+02:00 (no daylight-saving changes)"),
        ("GMT-5", "Etc/GMT+5", "UTC-05:00 (no daylight-saving changes)"),
        ("+02:00", "Etc/GMT-2", "UTC+02:00 (no daylight-saving changes)"),
        ("-05", "Etc/GMT+5", "UTC-05:00 (no daylight-saving changes)"),
        ("UTC+14", "Etc/GMT-14", "UTC+14:00 (no daylight-saving changes)"),
        ("UTC-12", "Etc/GMT+12", "UTC-12:00 (no daylight-saving changes)"),
        ("+05:30", "Asia/Kolkata", "UTC+05:30 (Asia/Kolkata)"),
        ("UTC+5:30", "Asia/Kolkata", "UTC+05:30 (Asia/Kolkata)"),
        ("+0530", "Asia/Kolkata", "UTC+05:30 (Asia/Kolkata)"),
        ("+05:45", "Asia/Kathmandu", "UTC+05:45 (Asia/Kathmandu)"),
        ("+09:30", "Australia/Adelaide", "UTC+09:30 (Australia/Adelaide)"),
        ("+03:30", "Asia/Tehran", "UTC+03:30 (Asia/Tehran)"),
        ("-03:30", "America/St_Johns", "UTC-03:30 (America/St_Johns)"),
        ("GMT−3:30", "America/St_Johns", "UTC-03:30 (America/St_Johns)"),
    ],
)
def test_resolve_timezone_accepted(text: str, name: str, label: str | None) -> None:
    match = resolve_timezone(text)

    assert match is not None
    assert match.name == name
    if label is not None:
        assert match.label == label
    zoneinfo.ZoneInfo(match.name)


@pytest.mark.parametrize(
    "text",
    [
        "Atlantis",
        "",
        "   ",
        "Mars/Olympus",
        "Europe/Atlantis",
        "UTC+15",
        "UTC-13",
        "+04:10",
        "UTC+5:75",
        "west",
        "localtime",
        "Factory",
        "123",
    ],
)
def test_resolve_timezone_rejected(text: str) -> None:
    assert resolve_timezone(text) is None


def test_zone_match_is_a_value() -> None:
    assert ZoneMatch("UTC", "UTC") == ZoneMatch("UTC", "UTC")


@pytest.mark.parametrize(("alias", "zone"), sorted(CITY_ALIASES.items()))
def test_every_alias_loads_and_resolves(alias: str, zone: str) -> None:
    zoneinfo.ZoneInfo(zone)
    assert resolve_timezone(alias) == ZoneMatch(zone, f"{alias} ({zone})")


def test_common_zones_are_a_short_loadable_pick_list() -> None:
    assert len(COMMON_ZONES) == 8
    names = [name for name, _ in COMMON_ZONES]
    assert names == [
        "Europe/London",
        "Europe/Berlin",
        "America/New_York",
        "America/Chicago",
        "America/Los_Angeles",
        "Asia/Kolkata",
        "Asia/Singapore",
        "Australia/Sydney",
    ]
    for name, label in COMMON_ZONES:
        zoneinfo.ZoneInfo(name)
        assert 0 < len(label) <= 20


@pytest.mark.parametrize(
    ("latitude", "longitude", "expected"),
    [
        (52.52, 13.405, "Europe/Berlin"),
        (40.7128, -74.006, "America/New_York"),
        (19.076, 72.8777, "Asia/Kolkata"),
        (-33.8688, 151.2093, "Australia/Sydney"),
        (27.7172, 85.324, "Asia/Kathmandu"),
    ],
)
def test_timezone_from_location(latitude: float, longitude: float, expected: str) -> None:
    assert timezone_from_location(latitude, longitude) == expected


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [(91.0, 0.0), (-91.0, 0.0), (0.0, 181.0), (0.0, -180.5), (float("nan"), 0.0)],
)
def test_timezone_from_location_rejects_impossible_coordinates(
    latitude: float, longitude: float
) -> None:
    assert timezone_from_location(latitude, longitude) is None


def test_timezone_from_location_in_open_sea_is_the_loadable_nautical_zone() -> None:
    # Mid-Atlantic, no country: tzfpy answers with the nautical zone for 30°W, UTC-2. The
    # POSIX sign is inverted, so that is "Etc/GMT+2"; zoneinfo loads it with that offset.
    name = timezone_from_location(0.0, -30.0)

    assert name == "Etc/GMT+2"
    noon = datetime.datetime(2026, 6, 10, 12, 0, tzinfo=zoneinfo.ZoneInfo(name))
    assert noon.utcoffset() == datetime.timedelta(hours=-2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("36", 36.0),
        ("36h", 36.0),
        ("36 h", 36.0),
        ("36 hours", 36.0),
        ("36 Hours.", 36.0),
        ("1 hour", 1.0),
        ("1.5 days", 36.0),
        ("1,5 days", 36.0),
        ("2 days", 48.0),
        ("a day", 24.0),
        ("one day", 24.0),
        ("two days", 48.0),
        ("12hrs", 12.0),
        ("12 hr", 12.0),
        ("2d", 48.0),
        ("1 week", 168.0),
        ("half a day", 12.0),
        ("an hour", 1.0),
        ("90 min", 1.5),
        ("1 day 12 hours", 36.0),
        ("1 day and 6 hours", 30.0),
        ("0", 0.0),
        ("0.5", 0.5),
    ],
)
def test_hours_accepted(text: str, expected: float) -> None:
    assert parse_hours(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "-5",
        "-5 hours",
        "a",
        "half",
        "half a",
        "days",
        "5 parsecs",
        "1 2",
        "5 hours 3",
        "1e9",
        ".",
        "³ hours",
    ],
)
def test_hours_rejected(text: str) -> None:
    assert parse_hours(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3", 3),
        (" 3 ", 3),
        ("0", 0),
        ("three", 3),
        ("Three.", 3),
        ("zero", 0),
        ("twenty", 20),
        ("twelve", 12),
        ("none", 0),
        ("None", 0),
        ("no one", 0),
        ("nobody", 0),
        ("5+", 5),
        ("5 +", 5),
        ("1000", 1000),
    ],
)
def test_count_accepted(text: str, expected: int) -> None:
    assert parse_count(text) == expected


@pytest.mark.parametrize(
    "text", ["", "-1", "1001", "99999999", "3.5", "many", "twenty one", "abc", "+"]
)
def test_count_rejected(text: str) -> None:
    assert parse_count(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-10", (2026, 12, 10)),
        ("2027-01-05", (2027, 1, 5)),
        ("10.12.2026", (2026, 12, 10)),
        ("10/12/2026", (2026, 12, 10)),
        ("10-12-2026", (2026, 12, 10)),
        ("10.12.26", (2026, 12, 10)),
        ("10.12", (2026, 12, 10)),
        ("10/12", (2026, 12, 10)),
        ("10.12.", (2026, 12, 10)),
        # Already passed this year: next year.
        ("1.3", (2027, 3, 1)),
        ("9/6", (2027, 6, 9)),
        # Today itself stays this year.
        ("10.6", (2026, 6, 10)),
        ("Dec 10", (2026, 12, 10)),
        ("dec 10", (2026, 12, 10)),
        ("Dec. 10", (2026, 12, 10)),
        ("10 December", (2026, 12, 10)),
        ("10 dec", (2026, 12, 10)),
        ("December 10th 2026", (2026, 12, 10)),
        ("December 10, 2026", (2026, 12, 10)),
        ("10th of December", (2026, 12, 10)),
        ("1st March", (2027, 3, 1)),
        ("March 1 2028", (2028, 3, 1)),
        ("Sept 3", (2026, 9, 3)),
        ("today", (2026, 6, 10)),
        ("Today!", (2026, 6, 10)),
        ("tomorrow", (2026, 6, 11)),
        ("in 3 days", (2026, 6, 13)),
        ("in 1 day", (2026, 6, 11)),
        ("in 2 weeks", (2026, 6, 24)),
        ("in a week", (2026, 6, 17)),
        ("in three weeks", (2026, 7, 1)),
        ("in a month", (2026, 7, 10)),
        ("in 2 months", (2026, 8, 10)),
        ("next week", (2026, 6, 17)),
        ("friday", (2026, 6, 12)),
        ("Friday", (2026, 6, 12)),
        ("next friday", (2026, 6, 12)),
        ("on friday", (2026, 6, 12)),
        ("fri", (2026, 6, 12)),
        # The same weekday as today means next week's.
        ("wednesday", (2026, 6, 17)),
        ("monday", (2026, 6, 15)),
        ("tuesday", (2026, 6, 16)),
    ],
)
def test_target_date_accepted(text: str, expected: tuple[int, int, int]) -> None:
    assert parse_target_date(text, TODAY) == datetime.date(*expected)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        # "in a month" keeps the day, clamped to the month's end.
        ("in a month", (2026, 1, 31), (2026, 2, 28)),
        ("in a month", (2028, 1, 31), (2028, 2, 29)),
        ("in a month", (2026, 12, 15), (2027, 1, 15)),
        ("31.12", (2026, 12, 31), (2026, 12, 31)),
        ("29.02", (2027, 3, 1), (2028, 2, 29)),
        ("friday", (2026, 6, 12), (2026, 6, 19)),
        ("sunday", (2026, 6, 13), (2026, 6, 14)),
    ],
)
def test_target_date_relative_to_other_days(
    text: str, today: tuple[int, int, int], expected: tuple[int, int, int]
) -> None:
    assert parse_target_date(text, datetime.date(*today)) == datetime.date(*expected)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "31.02",
        "31.02.2026",
        "2026-13-01",
        "2026-02-30",
        "32.01",
        "0.1",
        "Foo 10",
        "10 Smarch",
        "someday",
        "in days",
        "in many weeks",
        "next",
        "December",
        "in -3 days",
    ],
)
def test_target_date_rejected(text: str) -> None:
    assert parse_target_date(text, TODAY) is None


@pytest.mark.parametrize("text", ["tomorrow", "next week", "friday", "in a month", "1.1"])
def test_target_date_past_the_calendar_end_is_none(text: str) -> None:
    assert parse_target_date(text, datetime.date(9999, 12, 31)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "patient, good listener; curious\n- organised and calm",
            ["patient", "good listener", "curious", "organised and calm"],
        ),
        ("one", ["one"]),
        ("", []),
        (" , ; \n ", []),
        ("salt and pepper", ["salt and pepper"]),
        ("- a\n- b\n- c", ["a", "b", "c"]),
        ("* a\n* b", ["a", "b"]),
        ("• a • b", ["a", "b"]),
        ("1. first\n2. second\n3) third", ["first", "second", "third"]),
        ("1.5 years of Python, SQL", ["1.5 years of Python", "SQL"]),
        ("well-organised, self-starter", ["well-organised", "self-starter"]),
        ("  lots   of   space  ,x", ["lots of space", "x"]),
        ("honest.\nkind.", ["honest", "kind"]),
        ("a\r\nb", ["a", "b"]),
    ],
)
def test_split_items(text: str, expected: list[str]) -> None:
    assert split_items(text) == expected
