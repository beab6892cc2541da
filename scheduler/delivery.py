"""Check-in delivery through the bot (and its rate limiter), with Telegram's errors mapped to
what the dispatcher needs to know."""

from __future__ import annotations

from datetime import timedelta

from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from core.replies import Reply
from handlers.sending import keyboard_of
from scheduler.dispatcher import ChatUnreachableError, DeliveryError, SlowDownError

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
