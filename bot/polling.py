"""Our own getUpdates loop: an update is acknowledged only after it was handled.

python-telegram-bot's Updater confirms a whole fetched batch (by asking for the next offset)
before its updates are processed, so a crash mid-batch loses them. Here the offset moves past
an update only once `Application.process_update` has returned, i.e. its unit of work is
committed and its replies are sent. A crash makes Telegram deliver the rest again; updates
whose unit of work had already committed are recognised by `processed_updates`.

The batch is fetched as raw JSON and each entry is read into an `Update` on its own. An entry
python-telegram-bot cannot read (say a field a newer library requires and an older Bot API
server doesn't send) is set aside in `quarantined_updates` (its id, kind and error class, never
its content) and acknowledged like a handled one, so it can't stop the updates behind it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from telegram import Update
from telegram.error import Conflict, InvalidToken, NetworkError, TelegramError
from telegram.ext import ExtBot

from core.errors import StartupError
from handlers.context import BotApplication
from models import repository as repo

logger = logging.getLogger(__name__)

T = TypeVar("T")

MAX_BACKOFF_SECONDS = 60.0

# What an update's kind may look like in logs and in `quarantined_updates.update_type`.
_UPDATE_TYPE = re.compile(r"[a-z][a-z0-9_]{0,39}")


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


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A getUpdates entry that is not a readable update: what may be logged about it."""

    # None when the entry carries no usable update_id (then it can't be recorded).
    update_id: int | None
    # The entry's kind ("poll_answer", …) or "unknown".
    update_type: str
    # The exception class, or why the entry is not an update at all.
    error: str


def update_type_of(entry: dict[Any, Any]) -> str:
    """The first key other than "update_id" (the update's kind), or "unknown"."""
    for key in entry:
        if key != "update_id":
            if isinstance(key, str) and _UPDATE_TYPE.fullmatch(key):
                return key
            break
    return "unknown"


def read_update(entry: object, bot: ExtBot[Any]) -> Update | Unreadable:
    """One raw getUpdates entry as an `Update`, or what can be said about it without content."""
    if not isinstance(entry, dict):
        return Unreadable(None, "unknown", "not a JSON object")
    update_type = update_type_of(entry)
    update_id = entry.get("update_id")
    if not isinstance(update_id, int) or isinstance(update_id, bool):
        return Unreadable(None, update_type, "no update_id")
    try:
        update = Update.de_json(entry, bot)
        bot.insert_callback_data(update)  # as ExtBot.get_updates does
    except Exception as exc:  # a missing or malformed field surfaces as many exception types
        return Unreadable(update_id, update_type, type(exc).__name__[:80])
    return update


async def fetch_raw_updates(
    bot: ExtBot[Any],
    *,
    offset: int | None,
    long_poll_seconds: int,
    limit: int | None = None,
    allowed_updates: Sequence[str] | None = None,
) -> list[object]:
    """Call getUpdates and return its result as JSON, without turning it into `Update`s.

    `Bot.get_updates` reads the whole batch at once, so one unreadable entry fails all of them
    (and python-telegram-bot then logs the raw batch, content included, at CRITICAL).
    `Bot.do_api_request("getUpdates")` warns that `get_updates` exists and reports a rejected
    token as `EndPointNotFound`. So this makes the call `get_updates` itself makes
    (`Bot._post`), with the same read timeout: the long poll plus the request's own.
    """
    request_read_timeout = bot._request[0].read_timeout or 0
    data: dict[str, Any] = {
        "timeout": long_poll_seconds,
        "offset": offset,
        "limit": limit,
        "allowed_updates": allowed_updates,
    }
    result = await bot._post(
        "getUpdates", data, read_timeout=request_read_timeout + long_poll_seconds
    )
    if not isinstance(result, list):
        raise TelegramError("getUpdates did not return a list")
    return list(result)


async def set_aside(application: BotApplication, unreadable: Unreadable) -> None:
    """Log an unreadable update (id, kind and error only) and record it in
    `quarantined_updates`; a failure to record is logged too, never raised."""
    if unreadable.update_id is None:
        logger.warning(
            "skipped a getUpdates entry without a usable update_id (%s, %s)",
            unreadable.update_type,
            unreadable.error,
        )
        return
    logger.warning(
        "update %s (%s) could not be read (%s); set aside and acknowledged",
        unreadable.update_id,
        unreadable.update_type,
        unreadable.error,
    )
    try:
        services = application.bot_data.services
        async with services.sessionmaker.begin() as session:
            await repo.quarantine_update(
                session,
                update_id=unreadable.update_id,
                update_type=unreadable.update_type,
                error=unreadable.error,
                now=services.clock.now(),
            )
    except Exception as exc:  # the database is down, say: the update is still acknowledged
        logger.warning(
            "could not record unreadable update %s (%s)",
            unreadable.update_id,
            type(exc).__name__,
        )


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
            entries = await _until_stopped(
                fetch_raw_updates(
                    bot,
                    offset=offset,
                    long_poll_seconds=long_poll_seconds,
                    allowed_updates=Update.ALL_TYPES,
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
        if entries is None:
            break
        offset_before = offset
        storage_down = False
        for entry in entries:
            if stop.is_set():
                break
            item = read_update(entry, bot)
            if isinstance(item, Unreadable):
                await set_aside(application, item)
                if item.update_id is not None:
                    offset = max(offset or 0, item.update_id + 1)
                continue
            try:
                await application.process_update(item)
            except Exception:
                # process_update hands handler errors to the error handler; reaching here is a
                # bug in the framework glue. Move on rather than block every later update.
                logger.exception("update %s could not be processed", item.update_id)
            if item.update_id in application.bot_data.unacknowledged:
                # Storage stayed unavailable: not acknowledged, fetched again after a pause,
                # and nothing behind it goes first (order is kept).
                application.bot_data.unacknowledged.discard(item.update_id)
                storage_down = True
                break
            offset = max(offset or 0, item.update_id + 1)
        if storage_down and not stop.is_set():
            await sleep_unless_stopped(backoff.next_delay(), stop)
            continue
        if entries and offset == offset_before and not stop.is_set():
            # Nothing in the batch had an id to acknowledge: the same batch would come back
            # at once, so wait as after an error instead of spinning.
            await sleep_unless_stopped(backoff.next_delay(), stop)
            continue
        backoff.reset()
    if offset is not None:
        await _acknowledge(application, offset)
    logger.info("polling stopped")


async def _acknowledge(application: BotApplication, offset: int) -> None:
    """Tell Telegram every update below `offset` is handled, so a restart won't see them.

    The answer is not read: an unreadable update waiting there must not fail the shutdown.
    """
    try:
        await fetch_raw_updates(application.bot, offset=offset, limit=1, long_poll_seconds=0)
    except (TelegramError, OSError) as exc:
        logger.warning("could not acknowledge handled updates (%s)", type(exc).__name__)
