"""Kind answers for everything the conversation can't use: registered last (see bot/app.py)."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, MessageHandler, filters

from core.replies import Reply
from core.texts.catalogue import say
from handlers.context import Context, HandlerCallback
from handlers.pipeline import Turn, respond
from models.repository import latest_journey

# Message kinds and the catalogue key of the answer each gets, checked in this order.
_KINDS: tuple[tuple[filters.BaseFilter, str], ...] = (
    (filters.Sticker.ALL, "fallback.sticker"),
    (filters.PHOTO, "fallback.photo"),
    (filters.VOICE | filters.AUDIO | filters.VIDEO | filters.VIDEO_NOTE, "fallback.voice"),
    (filters.Document.ALL, "fallback.document"),
)


def _answer_with(key: str) -> HandlerCallback:
    async def answer(turn: Turn) -> Sequence[Reply]:
        text = say(key, turn.user.language_code)
        journey = await latest_journey(turn.session, turn.user.telegram_id)
        if journey is not None and journey.status in ("active", "paused"):
            text += "\n\n" + say("fallback.resume_hint", turn.user.language_code)
        return [Reply(text)]

    async def callback(update: Update, context: Context) -> None:
        await respond(update, context, answer)

    callback.__doc__ = f"Answer with the catalogue text {key!r}."
    return callback


async def unknown_command(update: Update, context: Context) -> None:
    """Say the command is unknown and point to /help."""
    text = update.effective_message.text if update.effective_message else None
    command = (text or "/").split()[0].split("@")[0]

    async def answer(turn: Turn) -> Sequence[Reply]:
        return [Reply(say("fallback.unknown_command", turn.user.language_code, command=command))]

    await respond(update, context, answer)


def fallback_handlers() -> list[BaseHandler[Update, Context, None]]:
    """Handlers for inputs nothing else took; they must be registered after all others."""
    private = filters.ChatType.PRIVATE
    handlers: list[BaseHandler[Update, Context, None]] = [
        MessageHandler(filters.UpdateType.EDITED & private, _answer_with("fallback.edited")),
        MessageHandler(filters.COMMAND & private, unknown_command),
    ]
    handlers += [
        MessageHandler(kind & private & filters.UpdateType.MESSAGE, _answer_with(key))
        for kind, key in _KINDS
    ]
    handlers += [
        MessageHandler(private & filters.UpdateType.MESSAGE, _answer_with("fallback.other")),
        CallbackQueryHandler(_answer_with("fallback.stale_button")),
    ]
    return handlers
