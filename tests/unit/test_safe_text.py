"""`safe_text`: what UTF-8 can't carry becomes U+FFFD; everything else is left exactly as is."""

from __future__ import annotations

import pytest

from core.replies import safe_text

REPLACEMENT = "\ufffd"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zo\ud83d", f"Zo{REPLACEMENT}"),  # the high half of 😀, cut off at the end of a name
        ("\ude00 Ana", f"{REPLACEMENT} Ana"),  # a low half alone
        ("a\ud83d\ud83d b", f"a{REPLACEMENT}{REPLACEMENT} b"),  # each lone half on its own
        ("\ude00\ud83d", REPLACEMENT * 2),  # halves in the wrong order are no pair
        ("\ud800 first", f"{REPLACEMENT} first"),  # the first and last surrogates
        ("last \udfff", f"last {REPLACEMENT}"),
    ],
)
def test_lone_surrogates_become_the_replacement_character(text: str, expected: str) -> None:
    assert safe_text(text) == expected
    safe_text(text).encode("utf-8")  # sendable


def test_a_pair_that_arrived_as_two_code_points_is_joined() -> None:
    assert safe_text("Hi \ud83d\ude00") == "Hi 😀"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Alex",
        "😀 Zoë 👩‍💻 🇩🇪 👍🏽",  # emoji, joiners, flags, skin tones
        "שלום Acme",  # right-to-left
        "\u202eemcA\u202c",  # right-to-left override
        "Acme\u200bCorp\u200d\ufeff",  # zero-width space, joiner, no-break
        "\U0010ffff\x00\ufffd",  # the last code point, NUL, a replacement character already
    ],
)
def test_text_utf8_can_carry_is_untouched(text: str) -> None:
    assert safe_text(text) == text
    assert safe_text(text) is text  # nothing copied on the common path
