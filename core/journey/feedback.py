"""The feedback request of step 10 (and /feedback): a short letter the user copies and sends to
the employer, in one of three tones.

Pure: text comes from the catalogue (`core.texts.feedback`), nothing is read or stored here.
Callers pass only values they have already checked as usable (a real person's name, a real
company or role, a short weak-spot phrase) or None. The composer only tidies them (spaces
collapsed, a weak spot's closing punctuation dropped) and keeps each tone within its length:
when a letter would be too long, the least important details are left out one by one (first
the line about preparing, then the weak spot, the role, the company, the interviewer's name and
the signature), so whatever the values, the letter fits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum

from core.texts.catalogue import say

# The longest letter of each tone, subject line included.
MAX_CHARS_SHORT = 350
MAX_CHARS = 700
# How the user said they prepared (the answer to step 1's "prepared" prompt).
PREPARED_VALUES = ("yes", "mostly", "not_really")


class Tone(StrEnum):
    """How the letter sounds; stored as answer "fb_tone"."""

    WARM = "warm"
    SHORT = "short"
    FORMAL = "formal"


LIMITS: dict[Tone, int] = {
    Tone.WARM: MAX_CHARS,
    Tone.SHORT: MAX_CHARS_SHORT,
    Tone.FORMAL: MAX_CHARS,
}


@dataclass(frozen=True, slots=True)
class _Details:
    """What the letter mentions; None leaves that detail out."""

    first_name: str | None
    interviewer: str | None
    company: str | None
    role: str | None
    weak_spot: str | None
    prepared: str | None


def _tidy(value: str | None) -> str | None:
    """The value on one line with single spaces, or None when nothing is left."""
    if value is None:
        return None
    return " ".join(value.split()) or None


def _phrase(value: str | None) -> str | None:
    """A phrase that goes inside a sentence: tidied, without closing punctuation."""
    tidied = _tidy(value)
    return _tidy(tidied.rstrip(".!?,;: ")) if tidied is not None else None


def _subject(details: _Details, lang: str | None) -> str:
    role, company = details.role, details.company
    if role and company:
        return say("fb.subject.role_at", lang, role=role, company=company)
    if role:
        return say("fb.subject.role", lang, role=role)
    if company:
        return say("fb.subject.company", lang, company=company)
    return say("fb.subject.plain", lang)


def _greeting(details: _Details, tone: Tone, lang: str | None) -> str:
    if details.interviewer:
        return say(f"fb.{tone}.hello", lang, name=details.interviewer)
    return say(f"fb.{tone}.hello_team", lang)


def _ask(details: _Details, tone: Tone, lang: str | None) -> str:
    if details.weak_spot:
        return say(f"fb.{tone}.ask_spot", lang, weak_spot=details.weak_spot)
    return say(f"fb.{tone}.ask", lang)


def _why(details: _Details, tone: Tone, lang: str | None) -> str:
    """Why the feedback would help, fitted to how the user prepared."""
    if details.prepared == "not_really":
        return say(f"fb.{tone}.why.not_really", lang)
    if tone == Tone.SHORT and details.prepared == "yes":
        return say("fb.short.why.yes", lang)
    return say(f"fb.{tone}.why", lang)


def _prepared(details: _Details, tone: Tone, lang: str | None) -> str:
    """The sentence after the thanks (warm and formal): how the interview felt to them."""
    kind = details.prepared if details.prepared in ("yes", "mostly") else "other"
    return say(f"fb.{tone}.prepared.{kind}", lang)


def _future(details: _Details, tone: Tone, lang: str | None) -> str:
    if details.company:
        return say(f"fb.{tone}.future_at", lang, company=details.company)
    return say(f"fb.{tone}.future", lang)


def _render(details: _Details, tone: Tone, lang: str | None) -> str:
    if tone == Tone.SHORT:
        paragraphs = [
            " ".join(
                (say("fb.short.thanks", lang), _ask(details, tone, lang), _why(details, tone, lang))
            )
        ]
    else:
        paragraphs = [
            " ".join((say(f"fb.{tone}.thanks", lang), _prepared(details, tone, lang))),
            " ".join(
                (_ask(details, tone, lang), _why(details, tone, lang), _future(details, tone, lang))
            ),
        ]
    signature = say(f"fb.{tone}.sign_off", lang)
    if details.first_name:
        signature += "\n" + details.first_name
    blocks = [_subject(details, lang), _greeting(details, tone, lang), *paragraphs, signature]
    return "\n\n".join(blocks)


# What to leave out, in this order, while a letter is longer than its tone allows.
_SIMPLER: tuple[Callable[[_Details], _Details], ...] = (
    lambda d: replace(d, prepared=None),
    lambda d: replace(d, weak_spot=None),
    lambda d: replace(d, role=None),
    lambda d: replace(d, company=None),
    lambda d: replace(d, interviewer=None),
    lambda d: replace(d, first_name=None),
)


def compose_feedback(
    *,
    lang: str | None,
    first_name: str | None,
    interviewer: str | None,
    company: str | None,
    role: str | None,
    weak_spot: str | None,
    prepared: str | None,
    tone: Tone = Tone.WARM,
) -> str:
    """The feedback request, subject line first, ready to copy.

    `interviewer` is who it is addressed to (None: the hiring team), `first_name` signs it
    (None: no name line), `weak_spot` is asked about in particular, `prepared` ("yes",
    "mostly", "not_really" or None) sets how the letter speaks about the interview. SHORT stays
    within `MAX_CHARS_SHORT` characters and leaves out the offer for future openings; WARM and
    FORMAL stay within `MAX_CHARS`.
    """
    details = _Details(
        first_name=_tidy(first_name),
        interviewer=_tidy(interviewer),
        company=_phrase(company),
        role=_phrase(role),
        weak_spot=_phrase(weak_spot),
        prepared=prepared if prepared in PREPARED_VALUES else None,
    )
    letter = _render(details, tone, lang)
    for simpler in _SIMPLER:
        if len(letter) <= LIMITS[tone]:
            break
        details = simpler(details)
        letter = _render(details, tone, lang)
    return letter
