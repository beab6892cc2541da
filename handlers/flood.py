"""Flood control: one user can't flood the bot. Past a set number of messages in a short
window, that user gets one "slow down" reply and the rest are ignored until the window clears;
nobody else is affected. Kept in memory per process (a replica counts its own share)."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ApplicationHandlerStop, BaseHandler, TypeHandler

from core.flood import FloodGate
from core.texts.catalogue import say
from handlers.context import Context

logger = logging.getLogger(__name__)


async def guard(update: Update, context: Context) -> None:
    """Stop an update from a user who is flooding; warn them once."""
    user = update.effective_user
    if user is None:
        return
    gate: FloodGate = context.bot_data.flood_gate
    verdict = gate.check(user.id)
    if verdict == "ok":
        return
    if verdict == "warn":
        logger.info("user %s is sending too fast; ignoring for a while", user.id)
        if update.callback_query is not None:
            await update.callback_query.answer()
        if update.effective_chat is not None:
            await context.bot.send_message(
                update.effective_chat.id, say("flood.slow_down", user.language_code)
            )
    elif update.callback_query is not None:
        await update.callback_query.answer()
    raise ApplicationHandlerStop


def flood_handlers() -> list[BaseHandler[Update, Context, None]]:
    """The guard; registered in a group before every other handler."""
    return [TypeHandler(Update, guard)]
