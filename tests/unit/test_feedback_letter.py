"""The feedback request's composer (`core.journey.feedback`), table-tested: every tone with and
without each detail stays within its length, starts with its subject line and reads cleanly."""

from __future__ import annotations

import itertools

import pytest

from core.journey.feedback import (
    LIMITS,
    MAX_CHARS,
    MAX_CHARS_SHORT,
    Tone,
    compose_feedback,
)

FULL = {
    "first_name": "Alex",
    "interviewer": "Ms. Lee",
    "company": "Acme",
    "role": "Data analyst",
    "weak_spot": "the case study",
}
# Long but real values: the composer must still fit every tone's limit.
LONG = {
    "first_name": "Maximiliane-Charlotte",
    "interviewer": "Dr. Anna-Katharina von Hohenberg",
    "company": "International Business Machines Corporation",
    "role": "Senior Principal Data Platform Engineering Manager",
    "weak_spot": "structuring my answer to the system design question under time pressure",
}
PREPARED = ("yes", "mostly", "not_really", None)


def _cases() -> list[tuple[Tone, str | None, dict[str, str | None]]]:
    """Every tone × every prepared answer × each detail given or left out, short and long."""
    cases = []
    for values in (FULL, LONG):
        for present in itertools.product((True, False), repeat=len(values)):
            details = {
                key: (value if given else None)
                for (key, value), given in zip(values.items(), present, strict=True)
            }
            for tone, prepared in itertools.product(Tone, PREPARED):
                cases.append((tone, prepared, details))
    return cases


CASES = _cases()


def _letter(tone: Tone, prepared: str | None = None, **details: str | None) -> str:
    values: dict[str, str | None] = {**dict.fromkeys(FULL), **details}
    return compose_feedback(lang="en", prepared=prepared, tone=tone, **values)


@pytest.mark.parametrize(("tone", "prepared", "details"), CASES)
def test_every_letter_fits_and_reads_cleanly(
    tone: Tone, prepared: str | None, details: dict[str, str | None]
) -> None:
    letter = _letter(tone, prepared, **details)

    assert len(letter) <= LIMITS[tone]
    assert letter.startswith("Subject: Feedback on my ")
    assert letter.split("\n")[1] == ""  # the subject line is a line of its own
    assert "None" not in letter
    assert "{" not in letter
    assert "}" not in letter
    assert "  " not in letter
    assert "\n\n\n" not in letter
    assert letter == letter.strip()
    for clumsy in (" ,", " .", "..", ",,"):
        assert clumsy not in letter


def test_the_limits() -> None:
    assert (
        (LIMITS[Tone.SHORT], LIMITS[Tone.WARM], LIMITS[Tone.FORMAL])
        == (
            MAX_CHARS_SHORT,
            MAX_CHARS,
            MAX_CHARS,
        )
        == (350, 700, 700)
    )


def test_warm_is_the_default_tone() -> None:
    assert compose_feedback(
        lang="en",
        prepared="yes",
        **FULL,  # type: ignore[arg-type]
    ) == _letter(Tone.WARM, "yes", **FULL)


@pytest.mark.parametrize(
    ("role", "company", "subject"),
    [
        (
            "Data analyst",
            "Acme",
            "Subject: Feedback on my interview for the Data analyst role at Acme",
        ),
        ("Data analyst", None, "Subject: Feedback on my interview for the Data analyst role"),
        (None, "Acme", "Subject: Feedback on my interview at Acme"),
        (None, None, "Subject: Feedback on my recent interview"),
    ],
)
def test_the_subject_line(role: str | None, company: str | None, subject: str) -> None:
    for tone in Tone:
        assert _letter(tone, role=role, company=company).split("\n")[0] == subject


@pytest.mark.parametrize(
    ("tone", "named", "anonymous"),
    [
        (Tone.WARM, "Hello Brad,", "Hello,"),
        (Tone.SHORT, "Hi Brad,", "Hello,"),
        (Tone.FORMAL, "Dear Brad,", "Dear hiring team,"),
    ],
)
def test_the_greeting(tone: Tone, named: str, anonymous: str) -> None:
    assert _letter(tone, interviewer="Brad").split("\n")[2] == named
    assert _letter(tone).split("\n")[2] == anonymous


def test_the_three_tones_read_differently() -> None:
    for prepared in PREPARED:
        for details in (FULL, dict.fromkeys(FULL)):
            letters = {tone: _letter(tone, prepared, **details) for tone in Tone}
            assert len(set(letters.values())) == 3
            bodies = [set(letter.split("\n")[2:]) for letter in letters.values()]
            for one, other in itertools.combinations(bodies, 2):
                assert not (one & other) - {"", "Hello,", "Alex"}, "tones share a sentence"
            assert len(letters[Tone.SHORT]) < len(letters[Tone.WARM])
            assert "'" in letters[Tone.WARM]  # warm and short speak with contractions …
            assert "I'd" not in letters[Tone.FORMAL]  # … formal does not


def test_the_weak_spot_is_asked_about_in_particular() -> None:
    for tone in Tone:
        assert "in particular on the case study" in _letter(tone, **FULL)
        assert "in particular" not in _letter(tone, **{**FULL, "weak_spot": None})


def test_future_openings_are_offered_except_in_the_short_tone() -> None:
    assert "future openings at Acme" in _letter(Tone.WARM, **FULL)
    assert "future positions at Acme" in _letter(Tone.FORMAL, **FULL)
    assert "future openings." in _letter(Tone.WARM)
    assert "future" not in _letter(Tone.SHORT, **FULL)


def test_it_is_signed_with_the_first_name_or_ends_with_the_sign_off() -> None:
    assert _letter(Tone.WARM, first_name="Alex").endswith("Thanks again, and warm regards,\nAlex")
    assert _letter(Tone.WARM).endswith("Thanks again, and warm regards,")
    assert _letter(Tone.SHORT, first_name="Alex").endswith("Best,\nAlex")
    assert _letter(Tone.FORMAL).endswith("Kind regards,")


@pytest.mark.parametrize(
    ("tone", "prepared", "expected"),
    [
        (Tone.WARM, "yes", "I really enjoyed our conversation and gave it my best."),
        (Tone.WARM, "mostly", "learned a lot preparing for it."),
        (Tone.WARM, "not_really", "I'd love to learn what to work on before my next interview."),
        (Tone.SHORT, "yes", "I gave it my best, so any pointers would help a lot."),
        (Tone.SHORT, "not_really", "It would help me know what to work on next."),
        (Tone.FORMAL, "yes", "prepared for it with care."),
        (Tone.FORMAL, "not_really", "which areas to strengthen ahead of future interviews."),
    ],
)
def test_how_they_prepared_shapes_the_letter(tone: Tone, prepared: str, expected: str) -> None:
    assert expected in _letter(tone, prepared, **FULL)


def test_not_really_prepared_is_never_self_deprecating() -> None:
    for tone in Tone:
        letter = _letter(tone, "not_really", **FULL).lower()
        for phrase in ("prepare", "my best", "sorry", "should have", "didn't", "not ready"):
            assert phrase not in letter, (tone, phrase)


def test_an_unknown_prepared_answer_is_ignored() -> None:
    for tone in Tone:
        assert _letter(tone, "maybe", **FULL) == _letter(tone, None, **FULL)


def test_values_are_tidied_into_one_line() -> None:
    letter = _letter(
        Tone.WARM, interviewer=" Ms.  Lee ", company="Acme\nCorp", weak_spot="the case study. "
    )
    assert "Hello Ms. Lee," in letter
    assert "at Acme Corp" in letter
    assert "in particular on the case study." in letter


def test_too_long_details_are_left_out_rather_than_overflow() -> None:
    huge = {key: "x" * 300 for key in FULL}
    for tone in Tone:
        letter = _letter(tone, "yes", **huge)
        assert len(letter) <= LIMITS[tone]
        assert letter.startswith("Subject: Feedback on my recent interview")
