"""The one error handler: log what failed (never what the user wrote) and reassure them."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError

from core.texts.catalogue import say
from handlers.context import Context
from handlers.pipeline import StorageUnavailableError
from models.errors import is_transient

logger = logging.getLogger(__name__)

MAX_REMEMBERED = 10_000


async def on_error(update: object, context: Context) -> None:
    """Log the failure without user text and tell the user their place is kept."""
    error = context.error
    update_id = update.update_id if isinstance(update, Update) else None
    if not isinstance(update, Update) and error is not None and is_transient(error):
        # A fixed job (outbox flush, dispatcher) met an unavailable database: it runs again
        # in a moment. A warning, not a traceback every second during an outage.
        logger.warning("a job found storage unavailable (%s)", type(error).__name__)
        return
    # The traceback names code, not the update's content; the exception's own message can
    # quote a request, so only its type is written.
    logger.error(
        "update %s failed with %s",
        update_id,
        type(error).__name__,
        exc_info=(type(error), error, error.__traceback__) if error else None,
    )
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    if isinstance(error, StorageUnavailableError):
        # Not the user's fault and not a bug: the update stays unacknowledged and is handled
        # again (polling fetches it anew, a webhook answers 500). No apology.
        context.bot_data.unacknowledged.add(update.update_id)
        return
    # Telegram redelivers a webhook update that failed; say sorry once, not on every retry.
    apologized = context.bot_data.apologized
    if update.update_id in apologized:
        return
    if len(apologized) > MAX_REMEMBERED:
        apologized.clear()
    apologized.add(update.update_id)
    language = update.effective_user.language_code if update.effective_user else None
    try:
        if update.callback_query is not None:
            await update.callback_query.answer()
        await context.bot.send_message(update.effective_chat.id, say("error.generic", language))
    except TelegramError as exc:
        logger.warning(
            "could not tell chat %s about the error: %s",
            update.effective_chat.id,
            type(exc).__name__,
        )
