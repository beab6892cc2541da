"""Parsing what people type: times, zones, durations, counts, dates, lists and short answers."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest

from core.parsing import (
    CITY_ALIASES,
    COMMON_ZONES,
    ZoneMatch,
    match_choice,
    parse_count,
    parse_hours,
    parse_mood,
    parse_number_word,
    parse_relative_day,
    parse_target_date,
    parse_time_of_day,
    parse_yes_no,
    resolve_timezone,
    split_items,
    timezone_from_location,
)

# A Wednesday.
TODAY = datetime.date(2026, 6, 10)
# Noon UTC that Wednesday: 14:00 in Berlin, 08:00 in New York.
NOW = datetime.datetime(2026, 6, 10, 12, 0, tzinfo=datetime.UTC)


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
        ("seven", (7, 0)),
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
        "7 30 pm extra",
    ],
)
def test_time_of_day_rejected(text: str) -> None:
    assert parse_time_of_day(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("half past seven", (7, 30), id="half-past"),
        pytest.param("quarter to 8", (7, 45), id="quarter-to"),
        pytest.param("quarter past 7", (7, 15), id="quarter-past"),
        pytest.param("a quarter past seven", (7, 15), id="a-quarter-past"),
        pytest.param("ten to nine", (8, 50), id="ten-to"),
        pytest.param("twenty past six", (6, 20), id="twenty-past"),
        pytest.param("twenty-five to six", (5, 35), id="hyphenated-offset"),
        pytest.param("10 minutes past 9", (9, 10), id="digit-minutes-past"),
        pytest.param("quarter to 8 pm", (19, 45), id="offset-to-pm-hour"),
        pytest.param("quarter to midnight", (23, 45), id="to-midnight-wraps"),
        pytest.param("half past noon", (12, 30), id="past-noon"),
        pytest.param("half seven", (7, 30), id="british-half"),
        pytest.param("half 7", (7, 30), id="british-half-digit"),
        pytest.param("seven", (7, 0), id="word-hour"),
        pytest.param("seven thirty", (7, 30), id="word-hour-minute"),
        pytest.param("seven oh five", (7, 5), id="oh-minute"),
        pytest.param("seven forty-five pm", (19, 45), id="word-minute-pm"),
        pytest.param("nineteen hundred", (19, 0), id="military-words"),
        pytest.param("7 thirty", (7, 30), id="digit-hour-word-minute"),
        pytest.param("7 30", (7, 30), id="space-separated"),
        pytest.param("seven o'clock", (7, 0), id="oclock-word"),
        pytest.param("7 o’clock", (7, 0), id="oclock-curly"),
        pytest.param("midday", (12, 0), id="midday"),
        pytest.param("12 noon", (12, 0), id="twelve-noon"),
        pytest.param("7 p.m.", (19, 0), id="pm-dotted"),
        pytest.param("19h30", (19, 30), id="french-h"),
    ],
)
def test_time_of_day_in_words(text: str, expected: tuple[int, int]) -> None:
    assert parse_time_of_day(text) == datetime.time(*expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("7 in the evening", (19, 0), id="evening"),
        pytest.param("7 in the morning", (7, 0), id="morning"),
        pytest.param("3 in the afternoon", (15, 0), id="afternoon"),
        pytest.param("in the evening at 7", (19, 0), id="period-first"),
        pytest.param("every evening at 7:30", (19, 30), id="every-evening"),
        pytest.param("7 tonight", (19, 0), id="tonight"),
        pytest.param("11 at night", (23, 0), id="late-night"),
        pytest.param("2 at night", (2, 0), id="small-hours"),
        pytest.param("twelve at night", (0, 0), id="twelve-at-night"),
        pytest.param("half past seven in the evening", (19, 30), id="phrase-and-period"),
        pytest.param("7pm in the evening", (19, 0), id="consistent-pm"),
        pytest.param("19 in the evening", (19, 0), id="24h-hour-in-period"),
    ],
)
def test_time_of_day_with_a_part_of_the_day(text: str, expected: tuple[int, int]) -> None:
    assert parse_time_of_day(text) == datetime.time(*expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("at 6", (6, 0), id="at"),
        pytest.param("around 6:30", (6, 30), id="around"),
        pytest.param("about 7pm", (19, 0), id="about"),
        pytest.param("6ish", (6, 0), id="ish"),
        pytest.param("6-ish", (6, 0), id="hyphen-ish"),
        pytest.param("sevenish", (7, 0), id="word-ish"),
        pytest.param("7 or so", (7, 0), id="or-so"),
        pytest.param("at around 8:15", (8, 15), id="stacked-fillers"),
        pytest.param("every day at 7", (7, 0), id="every-day"),
        pytest.param("at noon", (12, 0), id="at-noon"),
        pytest.param("@ 9", (9, 0), id="at-sign"),
    ],
)
def test_time_of_day_ignores_fillers(text: str, expected: tuple[int, int]) -> None:
    assert parse_time_of_day(text) == datetime.time(*expected)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("walking won't fix a rigged hiring market", id="sentence"),
        pytest.param("3 in the evening", id="hour-outside-period"),
        pytest.param("7am in the evening", id="am-contradicts-period"),
        pytest.param("noon in the evening", id="noon-contradicts-period"),
        pytest.param("noon thirty", id="minutes-after-noon"),
        pytest.param("in the evening", id="period-alone"),
        pytest.param("at", id="filler-alone"),
        pytest.param("half", id="half-alone"),
        pytest.param("half past", id="no-hour"),
        pytest.param("quarter to", id="no-hour-to"),
        pytest.param("31 past 7", id="offset-over-half"),
        pytest.param("quarter to 25", id="hour-too-big"),
        pytest.param("seven sixty", id="minute-word-too-big"),
        pytest.param("twenty five", id="minutes-without-hour"),
        pytest.param("lunchtime", id="vague"),
        pytest.param("ish", id="ish-alone"),
    ],
)
def test_time_of_day_phrases_rejected(text: str) -> None:
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
        ("UTC+2", "Etc/GMT-2", "UTC+02:00"),
        ("utc +2", "Etc/GMT-2", "UTC+02:00"),
        ("GMT-5", "Etc/GMT+5", "UTC-05:00"),
        ("+02:00", "Etc/GMT-2", "UTC+02:00"),
        ("-05", "Etc/GMT+5", "UTC-05:00"),
        ("UTC+14", "Etc/GMT-14", "UTC+14:00"),
        ("UTC-12", "Etc/GMT+12", "UTC-12:00"),
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
        pytest.param("a day and a half", 36.0, id="day-and-a-half"),
        pytest.param("one and a half days", 36.0, id="one-and-a-half-days"),
        pytest.param("1 and a half days", 36.0, id="digit-and-a-half"),
        pytest.param("two and a half hours", 2.5, id="hours-and-a-half"),
        pytest.param("a half day", 12.0, id="a-half-day"),
        pytest.param("a weekend", 48.0, id="weekend"),
        pytest.param("one weekend", 48.0, id="one-weekend"),
        pytest.param("a couple of days", 48.0, id="couple-of-days"),
        pytest.param("a couple days", 48.0, id="couple-days"),
        pytest.param("a few hours", 3.0, id="few-hours"),
        pytest.param("a fortnight", 336.0, id="fortnight"),
        pytest.param("36hrs", 36.0, id="hrs"),
    ],
)
def test_hours_in_words(text: str, expected: float) -> None:
    assert parse_hours(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "zone", "expected"),
    [
        # Friday 09:00 in Berlin (UTC+2) is 07:00 UTC, 43 hours after Wednesday noon UTC.
        pytest.param("until Friday", "Europe/Berlin", 43.0, id="until"),
        pytest.param("till friday", "Europe/Berlin", 43.0, id="till"),
        pytest.param("'til friday", "Europe/Berlin", 43.0, id="apostrophe-til"),
        pytest.param("through Friday", "Europe/Berlin", 43.0, id="through"),
        pytest.param("until next friday", "Europe/Berlin", 43.0, id="next-weekday"),
        pytest.param("until fri", "Europe/Berlin", 43.0, id="abbreviated"),
        pytest.param("until tomorrow", "Europe/Berlin", 19.0, id="tomorrow"),
        pytest.param("until Monday morning", "Europe/Berlin", 115.0, id="weekday-morning"),
        pytest.param("until monday in the morning", "Europe/Berlin", 115.0, id="in-the-morning"),
        pytest.param("until friday 6pm", "Europe/Berlin", 52.0, id="weekday-time"),
        pytest.param("until tomorrow at noon", "Europe/Berlin", 22.0, id="tomorrow-at-noon"),
        # Said on a Wednesday: the next Wednesday, a week later.
        pytest.param("until wednesday", "Europe/Berlin", 163.0, id="same-weekday-next-week"),
        # Friday 09:00 in New York (UTC-4) is 13:00 UTC.
        pytest.param("until friday", "America/New_York", 49.0, id="other-zone"),
        pytest.param("until tomorrow", "UTC", 21.0, id="utc"),
        pytest.param("until tomorrow", None, 21.0, id="no-zone-uses-now-zone"),
    ],
)
def test_hours_until_a_day(text: str, zone: str | None, expected: float) -> None:
    assert parse_hours(text, now=NOW, zone=zone) == pytest.approx(expected)


def test_hours_until_tomorrow_follows_the_local_date() -> None:
    # 23:30 UTC on Wednesday is already Thursday 08:30 in Tokyo: "tomorrow" is Friday there.
    late = datetime.datetime(2026, 6, 10, 23, 30, tzinfo=datetime.UTC)

    assert parse_hours("until tomorrow", now=late, zone="Asia/Tokyo") == pytest.approx(24.5)


def test_hours_until_counts_real_hours_across_a_clock_change() -> None:
    # Friday 27 March 2026, 13:00 in Berlin; clocks go forward on Sunday the 29th.
    friday = datetime.datetime(2026, 3, 27, 12, 0, tzinfo=datetime.UTC)

    assert parse_hours("until monday", now=friday, zone="Europe/Berlin") == pytest.approx(67.0)


def test_hours_until_the_same_weekday_is_a_week_away() -> None:
    friday_morning = datetime.datetime(2026, 6, 12, 6, 0, tzinfo=datetime.UTC)

    assert parse_hours("until friday", now=friday_morning, zone="Europe/Berlin") == 169.0


def test_hours_until_treats_a_naive_now_as_utc() -> None:
    naive = NOW.replace(tzinfo=None)

    assert parse_hours("until tomorrow", now=naive, zone="UTC") == pytest.approx(21.0)


@pytest.mark.parametrize(
    ("text", "now", "zone"),
    [
        pytest.param("until friday", None, "Europe/Berlin", id="no-now"),
        pytest.param("until friday", NOW, "Mars/Olympus", id="unknown-zone"),
        pytest.param("until friday evening", NOW, "Europe/Berlin", id="vague-time"),
        pytest.param("until the weekend", NOW, "Europe/Berlin", id="not-a-day"),
        pytest.param("until banana", NOW, "Europe/Berlin", id="nonsense"),
        pytest.param("until", NOW, "Europe/Berlin", id="nothing-after"),
        pytest.param("until friday at 25:00", NOW, "Europe/Berlin", id="bad-time"),
    ],
)
def test_hours_until_rejected(text: str, now: datetime.datetime | None, zone: str | None) -> None:
    assert parse_hours(text, now=now, zone=zone) is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("one and a half", id="fraction-without-unit"),
        pytest.param("a couple", id="couple-without-unit"),
        pytest.param("weekend", id="unit-alone"),
        pytest.param("the weekend", id="the-weekend"),
        pytest.param("for a while", id="vague"),
    ],
)
def test_hours_in_words_rejected(text: str) -> None:
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
        pytest.param("a couple", 2, id="count-couple"),
        pytest.param("five or six", 5, id="count-range"),
        pytest.param("drei", 3, id="count-german"),
        pytest.param("about 5", 5, id="count-about"),
    ],
)
def test_count_accepts_what_number_words_accept(text: str, expected: int) -> None:
    assert parse_count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("zero", 0, id="zero"),
        pytest.param("one", 1, id="one"),
        pytest.param("seven", 7, id="seven"),
        pytest.param("Twenty!", 20, id="twenty"),
        pytest.param("12", 12, id="digits"),
        pytest.param("1500", 1500, id="large-digits"),
        pytest.param("5+", 5, id="plus"),
        pytest.param("a couple", 2, id="a-couple"),
        pytest.param("a couple of", 2, id="a-couple-of"),
        pytest.param("couple", 2, id="couple"),
        pytest.param("a few", 3, id="a-few"),
        pytest.param("five or six", 5, id="words-range-lower"),
        pytest.param("six or five", 5, id="range-reversed"),
        pytest.param("5 or 6", 5, id="digits-range"),
        pytest.param("5-6", 5, id="dash-range"),
        pytest.param("2 to 3", 2, id="to-range"),
        pytest.param("about 4", 4, id="about"),
        pytest.param("~4", 4, id="tilde"),
        pytest.param("4ish", 4, id="ish"),
        pytest.param("4 or so", 4, id="or-so"),
        pytest.param("at least 4", 4, id="at-least"),
        pytest.param("uno", 1, id="es-uno"),
        pytest.param("dos", 2, id="es-dos"),
        pytest.param("tres", 3, id="es-tres"),
        pytest.param("diez", 10, id="es-diez"),
        pytest.param("eins", 1, id="de-eins"),
        pytest.param("zwei", 2, id="de-zwei"),
        pytest.param("fünf", 5, id="de-funf-accent"),
        pytest.param("funf", 5, id="de-funf-plain"),
        pytest.param("zehn", 10, id="de-zehn"),
        pytest.param("un", 1, id="fr-un"),
        pytest.param("deux", 2, id="fr-deux"),
        pytest.param("trois", 3, id="fr-trois"),
        pytest.param("dix", 10, id="fr-dix"),
        pytest.param("um", 1, id="pt-um"),
        pytest.param("dois", 2, id="pt-dois"),
        pytest.param("três", 3, id="pt-tres"),
        pytest.param("dez", 10, id="pt-dez"),
        pytest.param("dos o tres", 2, id="es-range"),
        pytest.param("zwei oder drei", 2, id="de-range"),
        pytest.param("deux ou trois", 2, id="fr-range"),
        pytest.param("dois ou três", 2, id="pt-range"),
    ],
)
def test_number_word_accepted(text: str, expected: int) -> None:
    assert parse_number_word(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("many", id="vague"),
        pytest.param("a million", id="big-word"),
        pytest.param("twenty one", id="compound"),
        pytest.param("-1", id="negative"),
        pytest.param("3.5", id="fraction"),
        pytest.param("+", id="plus-alone"),
        pytest.param("a", id="article"),
        pytest.param("five or", id="half-range"),
        pytest.param("or six", id="range-no-start"),
        pytest.param("zwanzig", id="foreign-over-ten"),
        pytest.param("99999999", id="too-many-digits"),
        pytest.param("none", id="none-is-not-a-number-word"),
    ],
)
def test_number_word_rejected(text: str) -> None:
    assert parse_number_word(text) is None


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


@pytest.mark.parametrize(
    "text",
    [
        "tomorrow",
        "next week",
        "friday",
        "in a month",
        "1.1",
        "end of the month",
        "end of the year",
        "the 15th",
        "two weeks",
        "mid-month",
        "end of december",
    ],
)
def test_target_date_past_the_calendar_end_is_none(text: str) -> None:
    assert parse_target_date(text, datetime.date(9999, 12, 31)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("end of the month", (2026, 6, 30), id="end-of-the-month"),
        pytest.param("end of month", (2026, 6, 30), id="end-of-month"),
        pytest.param("by the end of the month", (2026, 6, 30), id="by-the-end"),
        pytest.param("end of this month", (2026, 6, 30), id="end-of-this-month"),
        pytest.param("month end", (2026, 6, 30), id="month-end"),
        pytest.param("end of next month", (2026, 7, 31), id="end-of-next-month"),
        pytest.param("end of July", (2026, 7, 31), id="end-of-named-month"),
        pytest.param("end of the year", (2026, 12, 31), id="end-of-the-year"),
        pytest.param("two weeks", (2026, 6, 24), id="two-weeks"),
        pytest.param("2 weeks", (2026, 6, 24), id="2-weeks"),
        pytest.param("in two weeks", (2026, 6, 24), id="in-two-weeks"),
        pytest.param("two weeks from now", (2026, 6, 24), id="from-now"),
        pytest.param("in two weeks' time", (2026, 6, 24), id="weeks-time"),
        pytest.param("a couple of weeks", (2026, 6, 24), id="couple-of-weeks"),
        pytest.param("in a fortnight", (2026, 6, 24), id="fortnight"),
        pytest.param("in a few days", (2026, 6, 13), id="few-days"),
        pytest.param("in 10 days", (2026, 6, 20), id="in-10-days"),
        pytest.param("a month", (2026, 7, 10), id="a-month"),
        pytest.param("the 15th", (2026, 6, 15), id="the-15th"),
        pytest.param("on the 15th", (2026, 6, 15), id="on-the-15th"),
        pytest.param("15th", (2026, 6, 15), id="15th"),
        pytest.param("the 15", (2026, 6, 15), id="the-15"),
        pytest.param("the 1st", (2026, 7, 1), id="the-1st-next-month"),
        pytest.param("the 10th", (2026, 7, 10), id="today-is-the-10th"),
        pytest.param("the 31st", (2026, 7, 31), id="june-has-no-31st"),
        pytest.param("this Friday", (2026, 6, 12), id="this-friday"),
        pytest.param("this coming friday", (2026, 6, 12), id="this-coming-friday"),
        pytest.param("by Friday", (2026, 6, 12), id="by-friday"),
        pytest.param("mid-month", (2026, 6, 15), id="mid-month"),
        pytest.param("middle of the month", (2026, 6, 15), id="middle-of-the-month"),
        pytest.param("middle of next month", (2026, 7, 15), id="mid-next-month"),
        pytest.param("mid July", (2026, 7, 15), id="mid-named-month"),
    ],
)
def test_target_date_in_words(text: str, expected: tuple[int, int, int]) -> None:
    assert parse_target_date(text, TODAY) == datetime.date(*expected)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        # On the last day of a month, "end of the month" is the end of the next one.
        pytest.param("end of the month", (2026, 6, 30), (2026, 7, 31), id="eom-on-last-day"),
        pytest.param("end of the month", (2026, 2, 1), (2026, 2, 28), id="eom-february"),
        pytest.param("end of the month", (2026, 1, 31), (2026, 2, 28), id="eom-jan-31"),
        pytest.param("end of next month", (2026, 1, 31), (2026, 2, 28), id="next-eom-clamped"),
        pytest.param("end of next month", (2026, 12, 5), (2027, 1, 31), id="next-eom-new-year"),
        pytest.param("end of the year", (2026, 12, 31), (2027, 12, 31), id="eoy-on-dec-31"),
        pytest.param("end of june", (2026, 6, 30), (2027, 6, 30), id="named-month-ending-today"),
        pytest.param("the 15th", (2026, 6, 15), (2026, 7, 15), id="15th-on-the-15th"),
        pytest.param("the 15th", (2026, 6, 14), (2026, 6, 15), id="15th-tomorrow"),
        pytest.param("the 15th", (2026, 12, 20), (2027, 1, 15), id="15th-next-year"),
        pytest.param("the 31st", (2026, 1, 31), (2026, 3, 31), id="31st-skips-february"),
        pytest.param("the 29th", (2027, 1, 30), (2027, 3, 29), id="29th-no-leap-day"),
        pytest.param("mid-month", (2026, 6, 15), (2026, 7, 15), id="mid-month-on-the-15th"),
        pytest.param("two weeks", (2026, 12, 25), (2027, 1, 8), id="two-weeks-new-year"),
    ],
)
def test_target_date_in_words_relative_to_other_days(
    text: str, today: tuple[int, int, int], expected: tuple[int, int, int]
) -> None:
    assert parse_target_date(text, datetime.date(*today)) == datetime.date(*expected)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("I just want to disappear for a while", id="sentence"),
        pytest.param("15", id="bare-number"),
        pytest.param("the 32nd", id="no-such-day"),
        pytest.param("the 0th", id="day-zero"),
        pytest.param("end of the week", id="unclear-week-end"),
        pytest.param("end of smarch", id="unknown-month"),
        pytest.param("mid", id="mid-alone"),
        pytest.param("in a bit", id="vague"),
        pytest.param("two", id="amount-without-unit"),
    ],
)
def test_target_date_in_words_rejected(text: str) -> None:
    assert parse_target_date(text, TODAY) is None


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


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("yes", id="yes"),
        pytest.param("Yes!", id="yes-punctuated"),
        pytest.param("yeah", id="yeah"),
        pytest.param("yep", id="yep"),
        pytest.param("yup", id="yup"),
        pytest.param("y", id="y"),
        pytest.param("sure", id="sure"),
        pytest.param("ok", id="ok"),
        pytest.param("Okay.", id="okay"),
        pytest.param("of course", id="of-course"),
        pytest.param("definitely", id="definitely"),
        pytest.param("yesss", id="stretched"),
        pytest.param("yes 🙂", id="word-and-emoji"),
        pytest.param("👍", id="thumbs-up"),
        pytest.param("👍🏽", id="thumbs-up-skin-tone"),
        pytest.param("sí", id="es-si-accent"),
        pytest.param("si", id="es-si"),
        pytest.param("claro", id="es-pt-claro"),
        pytest.param("ja", id="de-ja"),
        pytest.param("jep", id="de-jep"),
        pytest.param("klar", id="de-klar"),
        pytest.param("oui", id="fr-oui"),
        pytest.param("ouais", id="fr-ouais"),
        pytest.param("d'accord", id="fr-daccord"),
        pytest.param("sim", id="pt-sim"),
    ],
)
def test_yes(text: str) -> None:
    assert parse_yes_no(text) is True


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("no", id="no"),
        pytest.param("No.", id="no-punctuated"),
        pytest.param("nope", id="nope"),
        pytest.param("nah", id="nah"),
        pytest.param("n", id="n"),
        pytest.param("not really", id="not-really"),
        pytest.param("no thanks", id="no-thanks"),
        pytest.param("noooo", id="stretched"),
        pytest.param("👎", id="thumbs-down"),
        pytest.param("nein", id="de-nein"),
        pytest.param("non", id="fr-non"),
        pytest.param("não", id="pt-nao-accent"),
        pytest.param("nao", id="pt-nao"),
    ],
)
def test_no(text: str) -> None:
    assert parse_yes_no(text) is False


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("no idea what to say", id="sentence-starting-with-no"),
        pytest.param("yes but no", id="both"),
        pytest.param("I guess so?", id="hedge"),
        pytest.param("maybe", id="maybe"),
        pytest.param("yes 👎", id="emoji-contradicts"),
        pytest.param("👍👎", id="mixed-emoji"),
        pytest.param("🙂", id="other-emoji"),
        pytest.param("", id="empty"),
        pytest.param("!!!", id="punctuation"),
    ],
)
def test_yes_no_unclear(text: str) -> None:
    assert parse_yes_no(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("today", 0, id="today"),
        pytest.param("This morning.", 0, id="this-morning"),
        pytest.param("just now", 0, id="just-now"),
        pytest.param("earlier today", 0, id="earlier-today"),
        pytest.param("yesterday", 1, id="yesterday"),
        pytest.param("last night", 1, id="last-night"),
        pytest.param("yesterday afternoon", 1, id="yesterday-afternoon"),
        pytest.param("2 days ago", 2, id="2-days-ago"),
        pytest.param("two days ago", 2, id="two-days-ago"),
        pytest.param("the day before yesterday", 2, id="day-before-yesterday"),
        pytest.param("a couple of days ago", 2, id="couple-of-days"),
        pytest.param("a few days ago", 3, id="few-days"),
        pytest.param("last week", 7, id="last-week"),
        pytest.param("a week ago", 7, id="a-week-ago"),
        pytest.param("3 weeks ago", 21, id="weeks-ago"),
        pytest.param("hoy", 0, id="es-hoy"),
        pytest.param("ayer", 1, id="es-ayer"),
        pytest.param("hace 3 días", 3, id="es-hace"),
        pytest.param("heute", 0, id="de-heute"),
        pytest.param("gestern", 1, id="de-gestern"),
        pytest.param("vor 3 Tagen", 3, id="de-vor"),
        pytest.param("vor einem Tag", 1, id="de-vor-einem"),
        pytest.param("aujourd'hui", 0, id="fr-aujourdhui"),
        pytest.param("hier", 1, id="fr-hier"),
        pytest.param("il y a deux jours", 2, id="fr-il-y-a"),
        pytest.param("hoje", 0, id="pt-hoje"),
        pytest.param("ontem", 1, id="pt-ontem"),
        pytest.param("há 3 dias", 3, id="pt-ha"),
    ],
)
def test_relative_day(text: str, expected: int) -> None:
    assert parse_relative_day(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("tomorrow", id="future"),
        pytest.param("earlier", id="earlier-alone"),
        pytest.param("some days ago", id="vague-count"),
        pytest.param("1000 days ago", id="too-long-ago"),
        pytest.param("it happened yesterday I think", id="sentence"),
        pytest.param("", id="empty"),
    ],
)
def test_relative_day_rejected(text: str) -> None:
    assert parse_relative_day(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("awful", 1, id="awful"),
        pytest.param("terrible", 1, id="terrible"),
        pytest.param("crushed", 1, id="crushed"),
        pytest.param("devastated", 1, id="devastated"),
        pytest.param("miserable", 1, id="miserable"),
        pytest.param("bad", 2, id="bad"),
        pytest.param("down", 2, id="down"),
        pytest.param("sad", 2, id="sad"),
        pytest.param("low", 2, id="low"),
        pytest.param("Gutted.", 2, id="gutted"),
        pytest.param("meh", 3, id="meh"),
        pytest.param("okay-ish", 3, id="okay-ish"),
        pytest.param("so-so", 3, id="so-so"),
        pytest.param("mixed", 3, id="mixed"),
        pytest.param("numb", 3, id="numb"),
        pytest.param("ok", 3, id="ok"),
        pytest.param("okay", 3, id="okay"),
        pytest.param("fine", 3, id="fine"),
        pytest.param("alright", 3, id="alright"),
        pytest.param("good", 4, id="good"),
        pytest.param("better", 4, id="better"),
        pytest.param("not bad", 4, id="not-bad"),
        pytest.param("great", 5, id="great"),
        pytest.param("fine actually", 5, id="fine-actually"),
        pytest.param("relieved", 5, id="relieved"),
        pytest.param("optimistic", 5, id="optimistic"),
    ],
)
def test_mood_words(text: str, expected: int) -> None:
    assert parse_mood(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("not good", 2, id="not-good"),
        pytest.param("not great", 2, id="not-great"),
        pytest.param("not ok", 2, id="not-ok"),
        pytest.param("not terrible", 3, id="not-terrible"),
        pytest.param("not too bad", 4, id="not-too-bad"),
        pytest.param("not very good", 2, id="not-very-good"),
        pytest.param("not feeling good", 2, id="not-feeling-good"),
        pytest.param("really bad", 1, id="really-bad"),
        pytest.param("very good", 5, id="very-good"),
        pytest.param("pretty good", 4, id="softener"),
        pytest.param("I'm feeling really low", 1, id="sentence-fillers"),
        pytest.param("I'm fine actually", 5, id="fine-actually-filler"),
        pytest.param("a bit down today", 2, id="trailing-filler"),
    ],
)
def test_mood_negation_and_intensity(text: str, expected: int) -> None:
    assert parse_mood(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("1", 1, id="digit-1"),
        pytest.param("5", 5, id="digit-5"),
        pytest.param("3/5", 3, id="slash"),
        pytest.param("2 out of 5", 2, id="out-of"),
        pytest.param("4 of 5", 4, id="of"),
        pytest.param("1 😞", 1, id="button-label"),
        pytest.param("😞", 1, id="disappointed"),
        pytest.param("😢", 1, id="crying"),
        pytest.param("😕", 2, id="confused"),
        pytest.param("😐", 3, id="neutral"),
        pytest.param("🙂", 4, id="slight-smile"),
        pytest.param("😀", 5, id="grin"),
        pytest.param("😊", 5, id="smile"),
        pytest.param("🙂🙂", 4, id="repeated-emoji"),
        pytest.param("good 😞", 4, id="words-win-over-emoji"),
    ],
)
def test_mood_digits_and_emoji(text: str, expected: int) -> None:
    assert parse_mood(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("fatal", 1, id="es-fatal"),
        pytest.param("mal", 2, id="es-fr-pt-mal"),
        pytest.param("bien", 4, id="es-fr-bien"),
        pytest.param("genial", 5, id="es-genial"),
        pytest.param("muy bien", 5, id="es-muy-bien"),
        pytest.param("schlecht", 2, id="de-schlecht"),
        pytest.param("gut", 4, id="de-gut"),
        pytest.param("nicht gut", 2, id="de-nicht-gut"),
        pytest.param("super", 5, id="de-fr-super"),
        pytest.param("pas mal", 4, id="fr-pas-mal"),
        pytest.param("très bien", 5, id="fr-tres-bien"),
        pytest.param("bem", 4, id="pt-bem"),
        pytest.param("ótimo", 5, id="pt-otimo"),
        pytest.param("não muito bem", 2, id="pt-nao-muito-bem"),
    ],
)
def test_mood_in_other_languages(text: str, expected: int) -> None:
    assert parse_mood(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("0", id="zero"),
        pytest.param("6", id="six"),
        pytest.param("3.5", id="fraction"),
        pytest.param("6/10", id="other-scale"),
        pytest.param("😞🙂", id="mixed-emoji"),
        pytest.param("no idea", id="no-idea"),
        pytest.param("walking won't fix a rigged hiring market", id="sentence"),
    ],
)
def test_mood_rejected(text: str) -> None:
    assert parse_mood(text) is None


# The journey's buttons as (value, label), as core/journey/steps.py offers them.
PREPARED = (("yes", "Yes"), ("mostly", "Mostly"), ("not_really", "Not really"))
WHEN = (("today", "Today"), ("yesterday", "Yesterday"), ("earlier", "Earlier"))
MOODS = (("1", "1 😞"), ("2", "2 😕"), ("3", "3 😐"), ("4", "4 🙂"), ("5", "5 😊"))
COUNTS = tuple((str(n), "5+" if n == 5 else str(n)) for n in range(6))
WALKS = (("07:30", "07:30"), ("12:30", "12:30"), ("18:00", "18:00"))
GRIEF = (("24", "24 hours"), ("48", "48 hours"), ("custom", "Other…"))
STAGES = (
    ("applied", "Applied"),
    ("screening", "Screening"),
    ("interviewing", "Interviewing"),
    ("final", "Final round"),
    ("offer", "Offer"),
)
MORE = (("add", "➕ Add another"), ("done", "That's all for now"))
GOT_IT = (("ok", "✅ Got it"),)
ACCENTED = (("cafe", "☕ Café"), ("tea", "Tea"))


@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [
        pytest.param("Yes!", PREPARED, "yes", id="label-punctuated"),
        pytest.param("NOT REALLY", PREPARED, "not_really", id="label-case"),
        pytest.param("not_really", PREPARED, "not_really", id="value"),
        pytest.param("cafe", ACCENTED, "cafe", id="label-accent-and-emoji"),
        pytest.param("got it", GOT_IT, "ok", id="label-without-emoji"),
        pytest.param("😞", MOODS, "1", id="emoji-of-a-label"),
        pytest.param("mos", PREPARED, "mostly", id="prefix"),
        pytest.param("int", STAGES, "interviewing", id="prefix-short"),
        pytest.param("final", STAGES, "final", id="prefix-word"),
        pytest.param("Lond", tuple(COMMON_ZONES), "Europe/London", id="prefix-zone"),
        pytest.param("2", PREPARED, "mostly", id="position-digit"),
        pytest.param("two", PREPARED, "mostly", id="position-word"),
        pytest.param("second", PREPARED, "mostly", id="ordinal"),
        pytest.param("the first one", PREPARED, "yes", id="the-first-one"),
        pytest.param("3rd", PREPARED, "not_really", id="ordinal-digits"),
        pytest.param("option 3", PREPARED, "not_really", id="option-n"),
        pytest.param("the last one", PREPARED, "not_really", id="last"),
        pytest.param("second", WALKS, "12:30", id="ordinal-among-times"),
        pytest.param("5", COUNTS, "5", id="numeric-value"),
        pytest.param("five", COUNTS, "5", id="numeric-word"),
        pytest.param("5+", COUNTS, "5", id="plus-label"),
        pytest.param("a couple", COUNTS, "2", id="numeric-vague"),
        pytest.param("two", MOODS, "2", id="numeric-label-digit"),
        pytest.param("yeah", PREPARED, "yes", id="yes-word"),
        pytest.param("nope", PREPARED, "not_really", id="no-word"),
        pytest.param("👍", GOT_IT, "ok", id="yes-emoji-ok-value"),
        pytest.param("last night", WHEN, "yesterday", id="relative-day"),
        pytest.param("ayer", WHEN, "yesterday", id="relative-day-spanish"),
        pytest.param("earlier today", WHEN, "today", id="relative-day-today"),
        pytest.param("3 days ago", WHEN, "earlier", id="relative-day-earlier"),
        pytest.param("that", MORE, "done", id="prefix-with-apostrophe-label"),
        pytest.param("yes", (("a", "Yes"), ("b", "Yes please")), "a", id="exact-decides-first"),
    ],
)
def test_match_choice(text: str, options: tuple[tuple[str, str], ...], expected: str) -> None:
    assert match_choice(text, options) == expected


@pytest.mark.parametrize(
    ("text", "options"),
    [
        pytest.param("I guess so?", PREPARED, id="free-text"),
        pytest.param("4", PREPARED, id="position-out-of-range"),
        pytest.param("4th", PREPARED, id="ordinal-out-of-range"),
        pytest.param("ye", PREPARED, id="prefix-too-short"),
        pytest.param("7", WALKS, id="hour-is-not-a-position"),
        pytest.param("2", WALKS, id="digit-among-times"),
        pytest.param("7", COUNTS, id="number-without-button"),
        pytest.param("36", GRIEF, id="hours-without-button"),
        pytest.param("two days", GRIEF, id="duration-not-a-label"),
        pytest.param("+2", tuple(COMMON_ZONES), id="offset-is-not-a-position"),
        pytest.param("-5", MOODS, id="signed-number"),
        pytest.param("Asia", tuple(COMMON_ZONES), id="value-prefix-not-used"),
        pytest.param("in a", (("w", "In a week"), ("m", "In a month")), id="ambiguous-prefix"),
        pytest.param("yes", MORE, id="yes-without-yes-option"),
        pytest.param("yeah", (("a", "Yes"), ("b", "Yes please")), id="ambiguous-yes"),
        pytest.param("tomorrow", WHEN, id="future-day"),
        pytest.param("", PREPARED, id="empty"),
        pytest.param("yes", (), id="no-options"),
    ],
)
def test_match_choice_none(text: str, options: tuple[tuple[str, str], ...]) -> None:
    assert match_choice(text, options) is None
