"""Turns replies into Bot API calls: the only place that talks to Telegram's send methods.
Replies go out from here; check-ins through `TelegramDelivery`, which maps Telegram's errors to
what the dispatcher needs to know.

Two rules hold for everything sent from here:

- Every text, button label and file name passes `core.replies.safe_text` first. A name Telegram
  gave us with half a surrogate pair in it can't be encoded as UTF-8, so the whole message
  would fail; it goes out with U+FFFD in place of the broken character instead.
- No send error leaves this module with text that could quote the request. python-telegram-bot
  wraps an unexpected failure as `NetworkError("Unknown error in HTTP implementation: <repr>")`,
  and that repr can hold the outgoing text (a user's name, their answers), which the error
  handler's traceback would then print. So a failure is raised again as the same class with
  only Telegram's short description (BadRequest, Forbidden: we send plain text without
  parse_mode, so Telegram's description never echoes the message) or only the class name
  (every other error), without its chained cause.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import ExtBot

from core.delivery import ChatUnreachableError, DeliveryError, SlowDownError, Urgency
from core.progress import ProgressSnapshot
from core.replies import Reply, safe_text, split_text
from handlers.pictures import draw

# Telegram's limit on a photo's caption.
MAX_CAPTION_CHARS = 1024

logger = logging.getLogger(__name__)

# Telegram's descriptions are short; anything longer isn't one of them.
_MAX_DESCRIPTION = 200


def keyboard_of(reply: Reply) -> InlineKeyboardMarkup | None:
    """The inline keyboard for a reply's buttons, or None when it has none."""
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(safe_text(b.label), callback_data=b.data) for b in row]
            for row in reply.buttons
        ]
    )


def describe_error(exc: TelegramError) -> str:
    """A send error in words that can't quote the request: "BadRequest: chat not found" for
    Telegram's own refusals (BadRequest, Forbidden), the class name for everything else."""
    name = type(exc).__name__
    if isinstance(exc, BadRequest | Forbidden):
        return f"{name}: {exc.message[:_MAX_DESCRIPTION]}"
    return name


def without_request_text(exc: TelegramError) -> TelegramError:
    """The same failure (same class, so callers still tell them apart) with a message that
    can't quote the request; raise it `from None` so the original isn't chained either."""
    if isinstance(exc, RetryAfter | ChatMigrated):
        return exc  # numbers Telegram sent, nothing of ours
    if isinstance(exc, BadRequest | Forbidden):
        return type(exc)(exc.message[:_MAX_DESCRIPTION])
    try:
        return type(exc)(type(exc).__name__)
    except TypeError:  # a subclass with another constructor
        return NetworkError(type(exc).__name__)


async def send_reply(
    bot: Bot,
    chat_id: int,
    reply: Reply,
    *,
    urgency: Urgency = Urgency.REPLY,
    paid_broadcast: bool = False,
) -> None:
    """One reply as Bot API calls: its text (split at Telegram's limit), then its files. A
    reply with a picture goes as a photo, its text as the caption (or after it, when longer
    than a caption may be).

    `urgency` tells the send budget how soon it must leave; `paid_broadcast` sends it as a paid
    broadcast (outside the free budget). Raises Telegram's errors, stripped of anything that
    could quote the request.
    """
    # Only an ExtBot with a rate limiter reads `rate_limit_args`; any other bot refuses them.
    limited = isinstance(bot, ExtBot) and bot.rate_limiter is not None
    budget: dict[str, Any] = {"rate_limit_args": int(urgency)} if limited else {}
    paid: dict[str, Any] = {"allow_paid_broadcast": True} if paid_broadcast else {}
    try:
        text = safe_text(reply.text)
        png = await _drawn(reply.picture) if reply.picture is not None else None
        if png is not None:
            caption = text if len(text) <= MAX_CAPTION_CHARS else None
            await bot.send_photo(
                chat_id=chat_id,
                photo=InputFile(png, "progress.png"),
                caption=caption,
                reply_markup=keyboard_of(reply) if caption is not None else None,
                **paid,
                **budget,
            )
        # Text left to send: all of it, unless it went as the photo's caption.
        sent_as_caption = png is not None and len(text) <= MAX_CAPTION_CHARS
        pieces = [] if sent_as_caption else split_text(text)
        for index, piece in enumerate(pieces):
            markup = keyboard_of(reply) if index == len(pieces) - 1 else None
            await bot.send_message(
                chat_id=chat_id, text=piece, reply_markup=markup, **paid, **budget
            )
        for file in reply.files:
            document = InputFile(file.data, safe_text(file.name))
            await bot.send_document(chat_id=chat_id, document=document, **paid, **budget)
    except TelegramError as exc:
        raise without_request_text(exc) from None


async def _drawn(picture: str) -> bytes | None:
    """The picture as a PNG; None when it can't be drawn (the words go without it)."""
    try:
        return await draw(ProgressSnapshot.from_json(picture))
    except Exception as exc:  # a drawing bug must not cost the user the message
        logger.warning(
            "progress picture not drawn (%s); sending its words alone", type(exc).__name__
        )
        return None


# BadRequest descriptions that mean the chat can never be reached again.
_GONE = ("chat not found", "user is deactivated", "bot was blocked", "peer_id_invalid")


def chat_is_gone(exc: BadRequest) -> bool:
    """Whether Telegram's refusal means the chat can never be reached again."""
    return any(marker in exc.message.lower() for marker in _GONE)


class TelegramDelivery:
    """Sends a check-in as one message (check-in texts are short).

    The errors it raises carry `describe_error`'s words only (the dispatcher stores them as
    `last_error` and may log them), never the exception's own message.
    """

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def deliver(self, chat_id: int, reply: Reply) -> None:
        """Send, translating Telegram's errors."""
        try:
            if reply.picture is not None:
                await send_reply(self.bot, chat_id, reply)
            else:
                await self.bot.send_message(
                    chat_id=chat_id, text=safe_text(reply.text), reply_markup=keyboard_of(reply)
                )
        except Forbidden as exc:
            raise ChatUnreachableError(describe_error(exc)) from None
        except RetryAfter as exc:
            wait = exc.retry_after
            seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
            raise SlowDownError(seconds) from None
        except BadRequest as exc:
            if chat_is_gone(exc):
                raise ChatUnreachableError(describe_error(exc)) from None
            raise DeliveryError(describe_error(exc)) from None
        except TelegramError as exc:  # NetworkError (and TimedOut), server errors, the rest
            raise DeliveryError(describe_error(exc)) from None
