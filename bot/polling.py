"""Our own getUpdates loop: an update is acknowledged only after it was handled.

python-telegram-bot's Updater confirms a whole fetched batch (by asking for the next offset)
before its updates are processed, so a crash mid-batch loses them. Here the offset moves past
an update only once `Application.process_update` has returned, i.e. its unit of work is
committed and its replies are sent. A crash makes Telegram deliver the rest again; updates
whose unit of work had already committed are recognised by `processed_updates`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable
from typing import TypeVar

from telegram import Update
from telegram.error import Conflict, InvalidToken, NetworkError, TelegramError

from core.errors import StartupError
from handlers.context import BotApplication

logger = logging.getLogger(__name__)

T = TypeVar("T")

MAX_BACKOFF_SECONDS = 60.0


class Backoff:
    """Exponential back-off: 1, 2, 4 … up to a ceiling, reset after a success."""

    def __init__(self, first: float = 1.0, ceiling: float = MAX_BACKOFF_SECONDS) -> None:
        self.first = first
        self.ceiling = ceiling
        self.current = first

    def next_delay(self) -> float:
        """The delay to wait now; the following one doubles."""
        delay = self.current
        self.current = min(self.current * 2, self.ceiling)
        return delay

    def reset(self) -> None:
        """Start again from the first delay."""
        self.current = self.first


async def _until_stopped(awaitable: Awaitable[T], stop: asyncio.Event) -> T | None:
    """Await `awaitable` unless `stop` is set first (then cancel it and return None)."""
    task = asyncio.ensure_future(awaitable)
    stopper = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({task, stopper}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopper.cancel()
    if task.done():
        return task.result()
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError, Exception):
        await task
    return None


async def sleep_unless_stopped(seconds: float, stop: asyncio.Event) -> None:
    """Sleep for `seconds`, or less when `stop` is set meanwhile."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)


def rejected_token() -> StartupError:
    """The one-line error for a token Telegram refuses."""
    return StartupError(
        "Telegram rejected TELEGRAM_BOT_TOKEN (revoked or mistyped?): "
        "check it with @BotFather and update .env"
    )


async def initialize_with_retry(application: BotApplication, stop: asyncio.Event) -> bool:
    """Initialise the application (this calls getMe), retrying while the Bot API is unreachable.

    Returns False when a stop was requested before it succeeded.
    """
    backoff = Backoff()
    while not stop.is_set():
        try:
            await application.initialize()
            return True
        except InvalidToken:
            raise rejected_token() from None
        except (NetworkError, OSError) as exc:
            delay = backoff.next_delay()
            logger.warning(
                "Bot API unreachable (%s); retrying in %.0f s", type(exc).__name__, delay
            )
            await sleep_unless_stopped(delay, stop)
    return False


async def poll(
    application: BotApplication,
    stop: asyncio.Event,
    *,
    long_poll_seconds: int,
) -> None:
    """Fetch and handle updates until `stop` is set; the update in flight is finished first."""
    bot = application.bot
    offset: int | None = None
    backoff = Backoff()
    logger.info("polling for updates")
    while not stop.is_set():
        try:
            updates = await _until_stopped(
                bot.get_updates(
                    offset=offset, timeout=long_poll_seconds, allowed_updates=Update.ALL_TYPES
                ),
                stop,
            )
        except InvalidToken:
            raise rejected_token() from None
        except Conflict:
            delay = backoff.next_delay()
            logger.error(
                "another process is polling with this token, or a webhook is set; "
                "retrying in %.0f s",
                delay,
            )
            await sleep_unless_stopped(delay, stop)
            continue
        except (NetworkError, OSError) as exc:
            delay = backoff.next_delay()
            logger.warning(
                "Bot API unreachable (%s); retrying in %.0f s", type(exc).__name__, delay
            )
            await sleep_unless_stopped(delay, stop)
            continue
        except TelegramError as exc:
            delay = backoff.next_delay()
            logger.warning("getUpdates failed (%s); retrying in %.0f s", type(exc).__name__, delay)
            await sleep_unless_stopped(delay, stop)
            continue
        if updates is None:
            break
        backoff.reset()
        for update in updates:
            if stop.is_set():
                break
            try:
                await application.process_update(update)
            except Exception:
                # process_update hands handler errors to the error handler; reaching here is a
                # bug in the framework glue. Move on rather than block every later update.
                logger.exception("update %s could not be processed", update.update_id)
            offset = update.update_id + 1
    if offset is not None:
        await _acknowledge(application, offset)
    logger.info("polling stopped")


async def _acknowledge(application: BotApplication, offset: int) -> None:
    """Tell Telegram every update below `offset` is handled, so a restart won't see them."""
    try:
        await application.bot.get_updates(offset=offset, limit=1, timeout=0)
    except (TelegramError, OSError) as exc:
        logger.warning("could not acknowledge handled updates (%s)", type(exc).__name__)
