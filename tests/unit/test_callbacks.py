"""The callback-data codec: what goes out fits Telegram, what comes in is ours or None."""

from __future__ import annotations

import re

import pytest

from core.callbacks import Route, decode, encode


def test_fields_are_joined_after_the_route() -> None:
    assert encode(Route.CHECKIN, 42, "walked") == "c:42:walked"


def test_the_last_field_may_hold_the_separator() -> None:
    data = encode(Route.JOURNEY, 7, "walk", "07:30")
    pressed = decode(data, Route.JOURNEY, 3)
    assert pressed is not None
    assert pressed.fields == ("7", "walk", "07:30")


def test_data_over_64_bytes_is_refused_on_the_way_out() -> None:
    with pytest.raises(ValueError, match="64 bytes"):
        encode(Route.ZONE, "ü" * 40)


def test_an_empty_field_is_refused_on_the_way_out() -> None:
    with pytest.raises(ValueError, match="non-empty"):
        encode(Route.OPTIONS, "")


def test_a_separator_before_the_last_field_is_refused() -> None:
    with pytest.raises(ValueError, match="only the last field"):
        encode(Route.REMINDERS, "p:x", 3)


@pytest.mark.parametrize(
    "data",
    [None, "", "c", "c:", "x:1:walked", "c:1", "c::walked", "cc:1:walked", "c:1:" + "x" * 70],
)
def test_data_that_is_not_ours_decodes_to_none(data: str | None) -> None:
    assert decode(data, Route.CHECKIN, 2) is None


def test_several_sizes_accept_each_of_them() -> None:
    assert decode("del:n:5", Route.DELETE, 2, 3) is not None
    assert decode("del:y:5:1700000000", Route.DELETE, 2, 3) is not None
    assert decode("del:y", Route.DELETE, 2, 3) is None


@pytest.mark.parametrize(
    ("field", "number"), [("12", 12), ("0", 0), ("-1", None), ("1a", None), ("١٢", None)]
)
def test_number_reads_only_plain_ascii_digits(field: str, number: int | None) -> None:
    pressed = decode(f"jr:{field}", Route.JOURNAL, 1)
    assert pressed is not None
    assert pressed.number(0) == number


def test_an_id_longer_than_a_bigint_is_not_a_number() -> None:
    pressed = decode("c:" + "9" * 19 + ":walked", Route.CHECKIN, 2)
    assert pressed is not None
    assert pressed.number(0) is None


def test_a_route_pattern_matches_only_its_own_data() -> None:
    assert re.match(Route.JOURNEY.pattern, "j:1:x:y")
    assert not re.match(Route.JOURNEY.pattern, "jr:1")
