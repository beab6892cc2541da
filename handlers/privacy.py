"""/privacy, /export and /delete: what the bot keeps about a user, a copy of it, and erasing it.

Everything runs in the update's unit of work (`handlers.pipeline.respond`). /export renders its
files (`core.export`) inside that unit of work and they are sent after it committed, with the
reply; /delete
erases the user's rows in the same unit of work that upserted their row (`touch_user`), and its
confirmation is sent after the commit without writing anything, so nothing re-creates the row.

Button data (`core.callbacks`, always under 64 bytes):
- "del:y:<user id>:<unix time asked>" — yes, delete. Only that user may press it, and only
  within `CONFIRM_WINDOW` of being asked, so an old message can't erase anything by accident.
- "del:n:<user id>" — keep my data.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, filters

from core.callbacks import Route, decode, encode
from core.export import UserData, export_files
from core.replies import Button, Reply
from core.texts.catalogue import say
from handlers.context import Context
from handlers.pipeline import Turn, turn_handler
from models import repository as repo

YES, NO = "y", "n"
CONFIRM_WINDOW = timedelta(hours=1)


# --- /privacy --------------------------------------------------------------------------------


async def show_privacy(turn: Turn) -> list[Reply]:
    """/privacy: what is kept, why, how, for how long, who sees it, and the user's choices."""
    return [
        Reply(
            say(
                "privacy.text",
                turn.lang,
                period=say("privacy.days", turn.lang, days=turn.settings.retention_days),
            )
        )
    ]


# --- /delete ---------------------------------------------------------------------------------


async def delete_user_data(session: AsyncSession, *, user_id: int) -> None:
    """Erase the user's row and every row that belongs to them, check-ins included."""
    await repo.delete_users(session, user_ids=[user_id])


async def ask_delete(turn: Turn) -> list[Reply]:
    """/delete: say what goes and ask to confirm (nothing is deleted yet)."""
    lang = turn.lang
    user_id = turn.user.telegram_id
    asked = int(turn.now.timestamp())
    buttons = (
        (Button(say("delete.btn.yes", lang), encode(Route.DELETE, YES, user_id, asked)),),
        (Button(say("delete.btn.no", lang), encode(Route.DELETE, NO, user_id)),),
    )
    return [Reply(say("delete.confirm", lang), buttons)]


def _asked_at(value: str) -> datetime | None:
    if not value.isdigit() or len(value) > 11:
        return None
    return datetime.fromtimestamp(int(value), UTC)


async def press_delete(turn: Turn, *, pressed_at: datetime) -> list[Reply]:
    """A /delete button: erase everything if the presser is the user asked, in time."""
    lang = turn.lang
    pressed = decode(turn.data, Route.DELETE, 2, 3)
    owner = pressed.number(1) if pressed is not None else None
    if pressed is None or owner is None:
        return [Reply(say("fallback.stale_button", lang))]
    if owner != turn.user.telegram_id:
        return [Reply(say("delete.not_yours", lang))]
    answer, asked_field = pressed.fields[0], pressed.field(2)
    if answer == NO and asked_field is None:
        return [Reply(say("delete.kept", lang))]
    asked = _asked_at(asked_field) if answer == YES and asked_field is not None else None
    if asked is None:
        return [Reply(say("fallback.stale_button", lang))]
    if pressed_at - asked > CONFIRM_WINDOW:
        return [Reply(say("delete.expired", lang))]
    await delete_user_data(turn.session, user_id=turn.user.telegram_id)
    return [Reply(say("delete.done", lang))]


# --- /export ---------------------------------------------------------------------------------


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
        moods=await repo.user_moods(session, user_id),
    )


async def export(turn: Turn) -> Sequence[Reply]:
    """/export: every row kept about the user, as a Markdown and a JSON file.

    Read-only, so a redelivered /export simply runs again (no `replay`).
    """
    files = export_files(await collect(turn), zone=turn.zone, now=turn.now)
    return [Reply(say("export.ready", turn.lang), files=files)]


# --- Telegram --------------------------------------------------------------------------------


async def confirm_delete(turn: Turn) -> Sequence[Reply]:
    """A /delete button: delete everything, or keep it, as the user chose."""
    return await press_delete(turn, pressed_at=turn.now)


async def confirm_delete_again(turn: Turn) -> Sequence[Reply]:
    """A redelivered /delete button: decide as the first run did, at the time it ran.

    A committed deletion is redone, which also erases the row this run's `touch_user` just
    re-created.
    """
    first_run = await repo.update_handled_at(turn.session, turn.update_id)
    return await press_delete(turn, pressed_at=first_run or turn.now)


def privacy_handlers() -> list[BaseHandler[Update, Context, None]]:
    """/privacy, /export, /delete and the /delete buttons.

    Register them before the fallbacks (which answer any command and any button).
    """
    private_message = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    return [
        CommandHandler("privacy", turn_handler(show_privacy), filters=private_message),
        CommandHandler("export", turn_handler(export), filters=private_message),
        CommandHandler("delete", turn_handler(ask_delete), filters=private_message),
        CallbackQueryHandler(
            turn_handler(confirm_delete, replay=confirm_delete_again), pattern=Route.DELETE.pattern
        ),
    ]
