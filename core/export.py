"""/export's files, rendered from the user's rows: a Markdown file people can read and a JSON
file for other apps. Pure: the rows are read through the small protocols below, so any object
with those attributes (the ORM rows, a test's dataclass) will do."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Protocol

from core.checkin_messages import kind_name
from core.journey.steps import INTAKE, JOURNAL_LABELS, PROMPTS, STEP_TITLES, display_answer
from core.planner import local_now
from core.replies import Attachment
from core.texts.catalogue import say
from core.texts.languages import LANGUAGES

EXPORT_FORMAT = "bounceback-export/1"


class ProfileRow(Protocol):
    """What the export reads of the user."""

    telegram_id: int
    language_code: str | None
    language: str | None
    timezone: str | None
    quiet_start: str | None
    quiet_end: str | None
    nudges_paused_until: datetime | None
    created_at: datetime
    last_seen_at: datetime


class JourneyRow(Protocol):
    """What the export reads of a journey."""

    id: int
    status: str
    prompt: str
    started_at: datetime
    updated_at: datetime
    completed_at: datetime | None


class AnswerRow(Protocol):
    """What the export reads of an answer."""

    journey_id: int
    key: str
    value: str
    answered_at: datetime


class OpportunityRow(Protocol):
    """What the export reads of an opportunity."""

    id: int
    journey_id: int | None
    company: str
    role: str | None
    stage: str
    created_at: datetime
    updated_at: datetime
    closed_at: datetime | None


class CheckinRow(Protocol):
    """What the export reads of a check-in."""

    id: int
    journey_id: int | None
    kind: str
    status: str
    due_at: datetime
    local_time: str | None
    sent_at: datetime | None


class WalkRow(Protocol):
    """What the export reads of a recorded walk."""

    day: date
    status: str
    recorded_at: datetime


class MoodRow(Protocol):
    """What the export reads of a mood answered to a check-in."""

    value: str
    source: str
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class UserData:
    """Every row the bot keeps about one user."""

    user: ProfileRow
    journeys: Sequence[JourneyRow]
    answers: Sequence[AnswerRow]
    opportunities: Sequence[OpportunityRow]
    checkins: Sequence[CheckinRow]
    walks: Sequence[WalkRow]
    moods: Sequence[MoodRow] = ()


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat() if moment is not None else None


def _local(moment: datetime, zone: str) -> str:
    return f"{local_now(moment, zone):%Y-%m-%d %H:%M}"


def _answer_step(key: str) -> int | None:
    if key in PROMPTS:
        return PROMPTS[key].step
    return JOURNAL_LABELS[key][0] if key in JOURNAL_LABELS else None


def _answer_label(key: str, lang: str | None) -> str | None:
    """The label /journal shows beside this answer, if it has one."""
    return say(JOURNAL_LABELS[key][1], lang) if key in JOURNAL_LABELS else None


def _shown(key: str, value: str, lang: str | None) -> str:
    """The answer as /journal shows it; the stored value if that can't be read."""
    try:
        return display_answer(key, value, lang)
    except (KeyError, ValueError):
        return value


def _step_name(step: int | None, lang: str | None) -> str:
    if step == INTAKE:
        return say("header.intake", lang)
    if step in STEP_TITLES:
        return say("export.md.step", lang, step=step, title=say(STEP_TITLES[step], lang))
    return say("export.md.wrap_up", lang)


def _text_or_key(prefix: str, value: str, lang: str | None) -> str:
    """A status in words when the catalogue has them, else the stored word."""
    try:
        return say(f"{prefix}.{value}", lang)
    except KeyError:
        return value


def export_document(data: UserData, *, zone: str, now: datetime) -> dict[str, Any]:
    """Everything about the user as JSON-ready data (times in UTC ISO 8601)."""
    user, lang = data.user, data.user.language or data.user.language_code
    by_journey: dict[int, list[AnswerRow]] = {}
    for answer in data.answers:
        by_journey.setdefault(answer.journey_id, []).append(answer)
    quiet = (
        {"start": user.quiet_start, "end": user.quiet_end}
        if user.quiet_start is not None and user.quiet_end is not None
        else None
    )
    return {
        "format": EXPORT_FORMAT,
        "exported_at": _iso(now),
        "profile": {
            "telegram_id": user.telegram_id,
            "language_code": user.language_code,
            "language": user.language,
            "timezone": user.timezone,
            "timezone_for_local_times": zone,
            "quiet_hours": quiet,
            "check_ins_paused_until": _iso(user.nudges_paused_until)
            if user.nudges_paused_until
            else None,
            "created_at": _iso(user.created_at),
            "last_seen_at": _iso(user.last_seen_at),
        },
        "journeys": [
            {
                "id": journey.id,
                "status": journey.status,
                "current_prompt": journey.prompt,
                "started_at": _iso(journey.started_at),
                "updated_at": _iso(journey.updated_at),
                "completed_at": _iso(journey.completed_at),
                "answers": [
                    {
                        "key": answer.key,
                        "label": _answer_label(answer.key, lang),
                        "step": _answer_step(answer.key),
                        "value": answer.value,
                        "display": _shown(answer.key, answer.value, lang),
                        "answered_at": _iso(answer.answered_at),
                    }
                    for answer in by_journey.get(journey.id, [])
                ],
            }
            for journey in data.journeys
        ],
        "opportunities": [
            {
                "id": o.id,
                "journey_id": o.journey_id,
                "company": o.company,
                "role": o.role,
                "stage": o.stage,
                "created_at": _iso(o.created_at),
                "updated_at": _iso(o.updated_at),
                "closed_at": _iso(o.closed_at),
            }
            for o in data.opportunities
        ],
        "checkins": [
            {
                "id": c.id,
                "journey_id": c.journey_id,
                "kind": c.kind,
                "status": c.status,
                "due_at_utc": _iso(c.due_at),
                "due_at_local": local_now(c.due_at, zone).isoformat(),
                "local_time": c.local_time,
                "sent_at": _iso(c.sent_at),
            }
            for c in data.checkins
        ],
        "walks": [
            {"day": w.day.isoformat(), "status": w.status, "recorded_at": _iso(w.recorded_at)}
            for w in data.walks
        ],
        "moods": [
            {"value": m.value, "asked_by": m.source, "recorded_at": _iso(m.recorded_at)}
            for m in data.moods
        ],
    }


def _quoted(text: str) -> list[str]:
    """A user's words as a Markdown block quote (every line, so none escapes it)."""
    return [f"> {line}".rstrip() for line in text.splitlines() or [""]]


def export_markdown(data: UserData, *, zone: str, now: datetime) -> str:
    """Everything about the user as a Markdown file people can read."""
    user, lang = data.user, data.user.language or data.user.language_code

    def t(key: str, **values: object) -> str:
        return say(key, lang, **values)

    not_set = t("export.md.not_set")
    quiet = (
        f"{user.quiet_start}–{user.quiet_end}"
        if user.quiet_start is not None and user.quiet_end is not None
        else t("export.md.quiet_off")
    )
    lines = [
        t("export.md.title"),
        "",
        t("export.md.intro", when=_local(now, zone), zone=zone),
        "",
        t("export.md.profile"),
        "",
        f"- {t('export.md.telegram_id')}: {user.telegram_id}",
        f"- {t('export.md.language')}: {LANGUAGES.get(user.language or '', not_set)}",
        f"- {t('export.md.timezone')}: {user.timezone or not_set}",
        f"- {t('export.md.quiet')}: {quiet}",
        f"- {t('export.md.created')}: {_local(user.created_at, zone)}",
        f"- {t('export.md.last_seen')}: {_local(user.last_seen_at, zone)}",
        "",
        t("export.md.journeys"),
        "",
    ]
    if not data.journeys:
        lines += [t("export.md.none"), ""]
    by_journey: dict[int, list[AnswerRow]] = {}
    for answer in data.answers:
        by_journey.setdefault(answer.journey_id, []).append(answer)
    for number, journey in enumerate(data.journeys, start=1):
        status = _text_or_key("export.journey_status", journey.status, lang)
        dates = t(
            "export.md.journey_dates",
            started=_local(journey.started_at, zone),
            updated=_local(journey.updated_at, zone),
        )
        if journey.completed_at is not None:
            dates += t("export.md.journey_completed", completed=_local(journey.completed_at, zone))
        lines += [t("export.md.journey", number=number, status=status), "", dates, ""]
        answers = by_journey.get(journey.id, [])
        if not answers:
            lines += [t("export.md.no_answers"), ""]
        for answer in answers:
            label = _answer_label(answer.key, lang) or answer.key.replace("_", " ").capitalize()
            step = _step_name(_answer_step(answer.key), lang)
            when = _local(answer.answered_at, zone)
            lines += [f"**{label}** · {step} · {when}", ""]
            lines += [*_quoted(_shown(answer.key, answer.value, lang)), ""]
    lines += [t("export.md.opportunities"), ""]
    for o in data.opportunities:
        role = f" — {o.role}" if o.role else ""
        stage = _text_or_key("stage", o.stage, lang)
        added = t("export.md.added", when=_local(o.created_at, zone))
        line = f"- {o.company}{role} · {stage} · {added}"
        if o.closed_at is not None:
            line += f" · {t('export.md.closed', when=_local(o.closed_at, zone))}"
        lines.append(line)
    lines += [t("export.md.none")] if not data.opportunities else []
    lines += ["", t("export.md.checkins"), ""]
    for c in data.checkins:
        status = _text_or_key("export.checkin_status", c.status, lang)
        utc = f"{c.due_at.astimezone(UTC):%Y-%m-%d %H:%M} UTC"
        lines.append(f"- {kind_name(c.kind, lang)} · {status} · {_local(c.due_at, zone)} ({utc})")
    lines += [t("export.md.none")] if not data.checkins else []
    lines += ["", t("export.md.walks"), ""]
    for w in data.walks:
        lines.append(f"- {w.day.isoformat()}: {_text_or_key('export.walk', w.status, lang)}")
    lines += [t("export.md.none")] if not data.walks else []
    lines += ["", t("export.md.moods"), ""]
    for m in data.moods:
        lines.append(f"- {_local(m.recorded_at, zone)}: {t('export.mood', mood=m.value)}")
    lines += [t("export.md.none")] if not data.moods else []
    return "\n".join(lines) + "\n"


def export_files(data: UserData, *, zone: str, now: datetime) -> tuple[Attachment, Attachment]:
    """/export's files: a Markdown file to read and a JSON file for other apps."""
    stem = f"bounceback-export-{local_now(now, zone):%Y-%m-%d}"
    document = export_document(data, zone=zone, now=now)
    markdown = export_markdown(data, zone=zone, now=now)
    return (
        Attachment(f"{stem}.md", markdown.encode("utf-8")),
        Attachment(f"{stem}.json", json.dumps(document, ensure_ascii=False, indent=2).encode()),
    )
