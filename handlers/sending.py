"""Turns replies into Bot API calls. The only place handlers talk to Telegram's send methods."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import Forbidden

from core.replies import Reply, split_text

logger = logging.getLogger(__name__)


def keyboard_of(reply: Reply) -> InlineKeyboardMarkup | None:
    """The inline keyboard for a reply's buttons, or None when it has none."""
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b.label, callback_data=b.data) for b in row]
            for row in reply.buttons
        ]
    )


async def send_replies(bot: Bot, chat_id: int, replies: Sequence[Reply]) -> bool:
    """Send replies in order; texts over Telegram's limit go as several messages.

    Returns False when the user has blocked the bot (nothing more can reach them).
    """
    for reply in replies:
        pieces = split_text(reply.text)
        for index, piece in enumerate(pieces):
            markup = keyboard_of(reply) if index == len(pieces) - 1 else None
            try:
                await bot.send_message(chat_id=chat_id, text=piece, reply_markup=markup)
            except Forbidden:
                logger.info("chat %s cannot be reached (blocked or gone)", chat_id)
                return False
    return True
