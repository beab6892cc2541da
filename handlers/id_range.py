"""Ids the database can't hold: an update whose update, user or chat id falls outside a signed
64-bit integer (the BIGINT columns) is refused before any handler reads it.

Telegram's ids fit in 52 bits, so such an update doesn't come from a real client: it is
dropped silently (not stored, no reply, one warning with the update id), and acknowledged like
a handled one so it isn't delivered again. No reply is sent because nothing about it could be
recorded: a redelivery would be answered again and again, to a chat we can't keep track of.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ApplicationHandlerStop, BaseHandler, TypeHandler

from handlers.context import Context

logger = logging.getLogger(__name__)

# What a BIGINT (PostgreSQL) or INTEGER (SQLite) column holds.
MIN_ID = -(2**63)
MAX_ID = 2**63 - 1


def storable(value: int) -> bool:
    """Whether an id fits a signed 64-bit column."""
    return MIN_ID <= value <= MAX_ID


def ids_of(update: Update) -> list[int]:
    """The ids of an update that the bot would store or send to."""
    ids = [update.update_id]
    if update.effective_user is not None:
        ids.append(update.effective_user.id)
    if update.effective_chat is not None:
        ids.append(update.effective_chat.id)
    return ids


async def refuse_unstorable(update: Update, _context: Context) -> None:
    """Stop an update carrying an id no column can hold; let every other one through."""
    if all(storable(value) for value in ids_of(update)):
        return
    # The update id alone: it is what an operator can look up, and it is never user text.
    logger.warning("update %s carries an id beyond 64 bits; refused", update.update_id)
    raise ApplicationHandlerStop


def id_range_guard() -> BaseHandler[Update, Context, None]:
    """The guard; registered in a group before every other handler, the crisis screen too."""
    return TypeHandler(Update, refuse_unstorable)
