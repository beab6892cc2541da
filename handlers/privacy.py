"""/privacy, /export and /delete: what the bot keeps about a user, a copy of it, and erasing it.

Everything runs in the update's unit of work (`handlers.pipeline.respond`). /export builds its
files inside that unit of work and sends them only after it committed, like replies; /delete
erases the user's rows in the same unit of work that upserted their row (`touch_user`), and its
confirmation is sent after the commit without writing anything, so nothing re-creates the row.

Button data (always under 64 bytes):
- "del:y:<user id>:<unix time asked>" — yes, delete. Only that user may press it, and only
  within `CONFIRM_WINDOW` of being asked, so an old message can't erase anything by accident.
- "del:n:<user id>" — keep my data.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Bot, InputFile, Update
from telegram.error import Forbidden
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, filters

from core.journey.steps import INTAKE, PROMPTS, STEP_TITLES, display_answer
from core.planner import local_now
from core.replies import Button, Reply
from core.texts.catalogue import say
from handlers.context import Context, services_of
from handlers.journey.service import JOURNAL_LABELS
from handlers.pipeline import Turn, respond
from handlers.reminders import kind_name
from models import repository as repo
from models.journeys import Answer, Checkin, Journey, Opportunity, Walk
from models.users import User

logger = logging.getLogger(__name__)

PREFIX_DELETE = "del"
YES, NO = "y", "n"
CONFIRM_WINDOW = timedelta(hours=1)
EXPORT_FORMAT = "bounceback-export/1"


# --- /privacy --------------------------------------------------------------------------------


async def show_privacy(turn: Turn, retention_days: int) -> list[Reply]:
    """/privacy: what is kept, why, how, for how long, who sees it, and the user's choices."""
    return [Reply(say("privacy.text", turn.user.language_code, days=retention_days))]


# --- /delete ---------------------------------------------------------------------------------


async def delete_user_data(session: AsyncSession, *, user_id: int) -> None:
    """Erase the user's row and every row that belongs to them, check-ins included."""
    await repo.delete_users(session, user_ids=[user_id])


async def ask_delete(turn: Turn) -> list[Reply]:
    """/delete: say what goes and ask to confirm (nothing is deleted yet)."""
    lang = turn.user.language_code
    user_id = turn.user.telegram_id
    asked = int(turn.now.timestamp())
    buttons = (
        (Button(say("delete.btn.yes", lang), f"{PREFIX_DELETE}:{YES}:{user_id}:{asked}"),),
        (Button(say("delete.btn.no", lang), f"{PREFIX_DELETE}:{NO}:{user_id}"),),
    )
    return [Reply(say("delete.confirm", lang), buttons)]


def _asked_at(value: str) -> datetime | None:
    if not value.isdigit() or len(value) > 11:
        return None
    return datetime.fromtimestamp(int(value), UTC)


async def press_delete(turn: Turn, data: str, *, pressed_at: datetime) -> list[Reply]:
    """A /delete button: erase everything if the presser is the user asked, in time."""
    lang = turn.user.language_code
    parts = data.split(":")
    if len(parts) < 3 or parts[0] != PREFIX_DELETE or not parts[2].isdigit():
        return [Reply(say("fallback.stale_button", lang))]
    if int(parts[2]) != turn.user.telegram_id:
        return [Reply(say("delete.not_yours", lang))]
    if parts[1] == NO and len(parts) == 3:
        return [Reply(say("delete.kept", lang))]
    asked = _asked_at(parts[3]) if parts[1] == YES and len(parts) == 4 else None
    if asked is None:
        return [Reply(say("fallback.stale_button", lang))]
    if pressed_at - asked > CONFIRM_WINDOW:
        return [Reply(say("delete.expired", lang))]
    await delete_user_data(turn.session, user_id=turn.user.telegram_id)
    return [Reply(say("delete.done", lang))]


# --- /export ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportFile:
    """A file to send: its name and contents."""

    name: str
    data: bytes


@dataclass(frozen=True, slots=True)
class UserData:
    """Every row the bot keeps about one user."""

    user: User
    journeys: list[Journey]
    answers: list[Answer]
    opportunities: list[Opportunity]
    checkins: list[Checkin]
    walks: list[Walk]


async def collect(turn: Turn) -> UserData:
    """Read every row of the turn's user."""
    session, user_id = turn.session, turn.user.telegram_id
    return UserData(
        user=turn.user,
        journeys=await repo.user_journeys(session, user_id),
        answers=await repo.user_answers(session, user_id),
        opportunities=await repo.user_opportunities(session, user_id),
        checkins=await repo.user_checkins(session, user_id),
        walks=await repo.user_walks(session, user_id),
    )


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
    user, lang = data.user, data.user.language_code
    by_journey: dict[int, list[Answer]] = {}
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
    }


def _quoted(text: str) -> list[str]:
    """A user's words as a Markdown block quote (every line, so none escapes it)."""
    return [f"> {line}".rstrip() for line in text.splitlines() or [""]]


def export_markdown(data: UserData, *, zone: str, now: datetime) -> str:
    """Everything about the user as a Markdown file people can read."""
    user, lang = data.user, data.user.language_code

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
        f"- {t('export.md.language')}: {user.language_code or not_set}",
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
    by_journey: dict[int, list[Answer]] = {}
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
    return "\n".join(lines) + "\n"


async def build_export(turn: Turn, zone: str) -> list[ExportFile]:
    """/export's files: a Markdown file to read and a JSON file for other apps."""
    user_zone = turn.user.timezone or zone
    data = await collect(turn)
    stem = f"bounceback-export-{local_now(turn.now, user_zone):%Y-%m-%d}"
    document = export_document(data, zone=user_zone, now=turn.now)
    return [
        ExportFile(
            f"{stem}.md", export_markdown(data, zone=user_zone, now=turn.now).encode("utf-8")
        ),
        ExportFile(
            f"{stem}.json", json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
        ),
    ]


async def send_files(bot: Bot, chat_id: int, files: Sequence[ExportFile]) -> bool:
    """Send files as documents, in order; False when the user has blocked the bot."""
    for file in files:
        try:
            await bot.send_document(chat_id=chat_id, document=InputFile(file.data, file.name))
        except Forbidden:
            logger.info("chat %s cannot be reached (blocked or gone)", chat_id)
            return False
    return True


# --- Telegram --------------------------------------------------------------------------------


async def on_privacy(update: Update, context: Context) -> None:
    """Explain what is kept about the user, and how to export or delete it."""
    retention_days = services_of(context).settings.retention_days

    async def run(turn: Turn) -> Sequence[Reply]:
        return await show_privacy(turn, retention_days)

    await respond(update, context, run)


async def on_export(update: Update, context: Context) -> None:
    """Send the user every row kept about them, as a Markdown and a JSON file."""
    zone = services_of(context).settings.default_timezone
    files: list[ExportFile] = []

    async def run(turn: Turn) -> Sequence[Reply]:
        # Read-only, so a redelivered /export simply runs again (no `replay`).
        files[:] = await build_export(turn, zone)
        return [Reply(say("export.ready", turn.user.language_code))]

    await respond(update, context, run)
    chat = update.effective_chat
    if files and chat is not None:
        await send_files(context.bot, chat.id, files)


async def on_delete(update: Update, context: Context) -> None:
    """Ask the user to confirm deleting everything."""
    await respond(update, context, ask_delete)


async def on_delete_button(update: Update, context: Context) -> None:
    """Delete everything, or keep it, as the user chose."""
    data = (update.callback_query.data if update.callback_query else None) or ""
    update_id = update.update_id

    async def run(turn: Turn) -> Sequence[Reply]:
        return await press_delete(turn, data, pressed_at=turn.now)

    async def again(turn: Turn) -> Sequence[Reply]:
        # Decide as the first run did, at the time it ran. A committed deletion is redone,
        # which also erases the row this run's `touch_user` just re-created.
        first_run = await repo.update_handled_at(turn.session, update_id)
        return await press_delete(turn, data, pressed_at=first_run or turn.now)

    await respond(update, context, run, replay=again)


def privacy_handlers() -> list[BaseHandler[Update, Context, None]]:
    """/privacy, /export, /delete and the /delete buttons.

    Register them before the fallbacks (which answer any command and any button).
    """
    private_message = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    return [
        CommandHandler("privacy", on_privacy, filters=private_message),
        CommandHandler("export", on_export, filters=private_message),
        CommandHandler("delete", on_delete, filters=private_message),
        CallbackQueryHandler(on_delete_button, pattern=rf"^{PREFIX_DELETE}:"),
    ]
