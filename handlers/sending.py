"""Turns replies into Bot API calls: the only place that talks to Telegram's send methods.
Replies go out from here; check-ins through `TelegramDelivery`, which maps Telegram's errors to
what the dispatcher needs to know."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import timedelta

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from core.delivery import ChatUnreachableError, DeliveryError, SlowDownError
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
    """Send replies in order, each one's files after its text; texts over Telegram's limit go
    as several messages.

    Returns False when the user has blocked the bot (nothing more can reach them).
    """
    try:
        for reply in replies:
            pieces = split_text(reply.text)
            for index, piece in enumerate(pieces):
                markup = keyboard_of(reply) if index == len(pieces) - 1 else None
                await bot.send_message(chat_id=chat_id, text=piece, reply_markup=markup)
            for file in reply.files:
                await bot.send_document(chat_id=chat_id, document=InputFile(file.data, file.name))
    except Forbidden:
        logger.info("chat %s cannot be reached (blocked or gone)", chat_id)
        return False
    return True


# BadRequest descriptions that mean the chat can never be reached again.
_GONE = ("chat not found", "user is deactivated", "bot was blocked", "peer_id_invalid")


class TelegramDelivery:
    """Sends a check-in as one message (check-in texts are short)."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def deliver(self, chat_id: int, reply: Reply) -> None:
        """Send, translating Telegram's errors."""
        try:
            await self.bot.send_message(
                chat_id=chat_id, text=reply.text, reply_markup=keyboard_of(reply)
            )
        except Forbidden as exc:
            raise ChatUnreachableError(str(exc)) from exc
        except RetryAfter as exc:
            wait = exc.retry_after
            seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
            raise SlowDownError(seconds) from exc
        except BadRequest as exc:
            if any(marker in exc.message.lower() for marker in _GONE):
                raise ChatUnreachableError(exc.message) from exc
            raise DeliveryError(f"BadRequest: {exc.message}") from exc
        except NetworkError as exc:  # includes TimedOut
            raise DeliveryError(type(exc).__name__) from exc
        except TelegramError as exc:
            raise DeliveryError(type(exc).__name__) from exc
