"""Kind answers for everything the conversation can't use: registered last (see bot/app.py)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, MessageHandler, filters

from core.replies import Reply
from core.status import OPEN_JOURNEY
from core.texts.catalogue import say
from handlers.context import Context, HandlerCallback
from handlers.pipeline import Turn, turn_handler
from models.repository import latest_journey

# Message kinds and the catalogue key of the answer each gets, checked in this order.
_KINDS: tuple[tuple[filters.BaseFilter, str], ...] = (
    (filters.Sticker.ALL, "fallback.sticker"),
    (filters.PHOTO, "fallback.photo"),
    (filters.VOICE | filters.AUDIO | filters.VIDEO | filters.VIDEO_NOTE, "fallback.voice"),
    (filters.Document.ALL, "fallback.document"),
)


async def answer_with(key: str, turn: Turn) -> Sequence[Reply]:
    """The catalogue text `key`, and a pointer back to an open journey."""
    text = say(key, turn.lang)
    journey = await latest_journey(turn.session, turn.user.telegram_id)
    if journey is not None and journey.status in OPEN_JOURNEY:
        text += "\n\n" + say("fallback.resume_hint", turn.lang)
    return [Reply(text)]


def _answer_with(key: str) -> HandlerCallback:
    return turn_handler(partial(answer_with, key))


async def unknown_command(turn: Turn) -> Sequence[Reply]:
    """Say the command is unknown and point to /help."""
    command = (turn.text or "/").split()[0].split("@")[0]
    return [Reply(say("fallback.unknown_command", turn.lang, command=command))]


def fallback_handlers() -> list[BaseHandler[Update, Context, None]]:
    """Handlers for inputs nothing else took; they must be registered after all others."""
    private = filters.ChatType.PRIVATE
    handlers: list[BaseHandler[Update, Context, None]] = [
        MessageHandler(filters.UpdateType.EDITED & private, _answer_with("fallback.edited")),
        MessageHandler(filters.COMMAND & private, turn_handler(unknown_command)),
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
