"""Crisis language is answered before anything else, in every state, on every free text:
with care and pointers to real help, and coaching check-ins pause for a day. /sos shows the
same help at any time. Both are counted in `bounceback_crisis_replies_total` (no user id)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import timedelta

from telegram import Update
from telegram.ext import (
    ApplicationHandlerStop,
    BaseHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from core import metrics
from core.replies import Reply, alone
from core.safety import CRISIS_PAUSE_HOURS, crisis_reply, detect_crisis, sos_reply, with_country
from handlers.context import Context
from handlers.pipeline import Turn, respond
from models import repository as repo

logger = logging.getLogger(__name__)


async def care(turn: Turn) -> Sequence[Reply]:
    """Pause coaching check-ins and answer with help."""
    until = turn.now + timedelta(hours=CRISIS_PAUSE_HOURS)
    await repo.pause_nudges(turn.session, user_id=turn.user.telegram_id, until=until)
    return alone(crisis_reply(with_country(turn.user.language_code, turn.user.timezone), turn.lang))


async def screen(update: Update, context: Context) -> None:
    """Check free text for crisis language before any step logic sees it."""
    message = update.effective_message
    text = (message.text or message.caption) if message is not None else None
    if not text or not detect_crisis(text):
        return
    # Logged without the text, so the operator can see the safety net working.
    logger.info(
        "crisis language from user %s: help sent, check-ins paused",
        update.effective_user.id if update.effective_user else None,
    )
    if await respond(update, context, care):  # not again for a redelivery
        metrics.CRISIS_REPLIES.labels(source=metrics.CrisisSource.MESSAGE).inc()
    raise ApplicationHandlerStop


async def sos(turn: Turn) -> Sequence[Reply]:
    """/sos: where to find help right now."""
    return alone(sos_reply(with_country(turn.user.language_code, turn.user.timezone), turn.lang))


async def sos_command(update: Update, context: Context) -> None:
    """/sos in one unit of work (see `respond`), counted once per update."""
    if await respond(update, context, sos):
        metrics.CRISIS_REPLIES.labels(source=metrics.CrisisSource.SOS).inc()


def crisis_handlers() -> list[BaseHandler[Update, Context, None]]:
    """The screen (own group, before everything) for messages and edits with text or a caption."""
    text = (filters.TEXT | filters.CAPTION) & ~filters.COMMAND & filters.ChatType.PRIVATE
    return [MessageHandler(text, screen)]


def sos_handlers() -> list[BaseHandler[Update, Context, None]]:
    """/sos in a private chat."""
    return [
        CommandHandler(
            "sos",
            sos_command,
            filters=filters.ChatType.PRIVATE & filters.UpdateType.MESSAGES,
        )
    ]
