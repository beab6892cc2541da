"""Our own getUpdates loop: an update is acknowledged only after it was handled.

python-telegram-bot's Updater confirms a whole fetched batch (by asking for the next offset)
before its updates are processed, so a crash mid-batch loses them. Here the offset moves past
an update only once `Application.process_update` has returned for it and for every update
before it, i.e. their units of work are committed (with their replies, as outbox rows). A
crash makes Telegram deliver the rest again; updates whose unit of work had already committed
are recognised by `processed_updates`.

Updates of different users are handled concurrently (CONCURRENT_UPDATES at most), each user's
strictly in order (`bot.lanes`).

The batch is fetched as raw JSON and each entry is read into an `Update` on its own. An entry
python-telegram-bot cannot read (say a field a newer library requires and an older Bot API
server doesn't send) is set aside in `quarantined_updates` (its id, kind and error class, never
its content) and acknowledged like a handled one, so it can't stop the updates behind it.

Each handled update is counted in `core.metrics` by kind and result (ok, error, retry,
redelivered, quarantined), with the time from taking it to its end.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
import re
from collections.abc import Awaitable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from telegram import Update
from telegram.error import Conflict, InvalidToken, NetworkError, TelegramError, TimedOut
from telegram.ext import ExtBot

from bot.lanes import (
    DEFAULT_CONCURRENCY,
    SHUTDOWN_GRACE_SECONDS,
    Lanes,
    count_failures,
    lane_of,
    update_kind,
)
from core import metrics
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
    metrics.update_quarantined(unreadable.update_type)
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


# While updates are being handled, getUpdates answers at once (they are not acknowledged yet),
# so the next fetch waits for the oldest of them to finish, or until this long after the
# previous fetch began: an update that arrives meanwhile waits no longer than that (plus the
# round trip). The pause doubles (up to PACE_MAX_SECONDS) only while a user's update waits for
# storage and fetches bring nothing new; a slow update (say one waiting out Telegram's
# RetryAfter) must not keep everyone else's from being fetched.
PACE_SECONDS = 0.05
PACE_MAX_SECONDS = 1.0


class _State(enum.Enum):
    RUNNING = enum.auto()
    DONE = enum.auto()
    AGAIN = enum.auto()  # not handled: taken again when the next fetch brings it back


class Poller:
    """Fetches updates and hands them to per-user lanes; acknowledges only a handled prefix.

    `window` holds every fetched update the offset has not passed yet, in id order. The offset
    moves past the longest prefix of handled ones, so an update that is still running (or
    waits for storage to come back) is fetched again after a crash, with all behind it. An
    update left unacknowledged because storage stayed unavailable is taken again from the next
    fetch; its user's later updates are not handled before it (they go back to waiting), while
    other users go on.
    """

    def __init__(
        self,
        application: BotApplication,
        stop: asyncio.Event,
        *,
        long_poll_seconds: int,
        concurrency: int = DEFAULT_CONCURRENCY,
    ) -> None:
        self.application = application
        self.stop = stop
        self.long_poll_seconds = long_poll_seconds
        self.lanes = Lanes(concurrency)
        count_failures(application)
        self.offset: int | None = None
        self.window: dict[int, _State] = {}
        self._progress = asyncio.Event()
        self._tasks: set[asyncio.Task[None]] = set()
        # A lane whose update waits for storage: its id, and when to try it again.
        self._held: dict[Hashable, int] = {}
        self._retry_at: dict[Hashable, float] = {}
        self._retry_backoff: dict[Hashable, Backoff] = {}

    async def run(self) -> None:
        """Fetch and hand out updates until `stop` is set, then finish what is running."""
        backoff = Backoff()
        pace = PACE_SECONDS
        logger.info("polling for updates")
        try:
            loop = asyncio.get_running_loop()
            while not self.stop.is_set():
                fetched_at = loop.time()
                entries = await self._fetch(backoff)
                if entries is None:
                    continue
                offset = self.offset
                taken = await self._take(entries)
                self._advance()
                if entries and not taken and not self.window and self.offset == offset:
                    # Nothing in the batch had an id to acknowledge: the same batch would come
                    # back at once, so wait as after an error instead of spinning.
                    await sleep_unless_stopped(backoff.next_delay(), self.stop)
                    continue
                backoff.reset()
                held = bool(self._held)
                pace = min(pace * 2, PACE_MAX_SECONDS) if held and not taken else PACE_SECONDS
                if self.window:
                    # The pause counts from the start of the fetch: its round trip is part of it.
                    await self._wait_for_progress(pace - (loop.time() - fetched_at))
        finally:
            await self._finish()
        logger.info("polling stopped")

    async def _fetch(self, backoff: Backoff) -> list[object] | None:
        """The next batch from the offset, or None after an error (already waited for)."""
        try:
            entries = await _until_stopped(
                fetch_raw_updates(
                    self.application.bot,
                    offset=self.offset,
                    # Updates in the window come back at once: no long poll while they run.
                    long_poll_seconds=0 if self.window else self.long_poll_seconds,
                    allowed_updates=Update.ALL_TYPES,
                ),
                self.stop,
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
            await sleep_unless_stopped(delay, self.stop)
            return None
        except (NetworkError, OSError) as exc:
            delay = backoff.next_delay()
            logger.warning(
                "Bot API unreachable (%s); retrying in %.0f s", type(exc).__name__, delay
            )
            await sleep_unless_stopped(delay, self.stop)
            return None
        except TelegramError as exc:
            delay = backoff.next_delay()
            logger.warning("getUpdates failed (%s); retrying in %.0f s", type(exc).__name__, delay)
            await sleep_unless_stopped(delay, self.stop)
            return None
        return entries

    async def _take(self, entries: list[object]) -> int:
        """Hand out the entries not yet running or handled; how many were taken."""
        taken = 0
        bot = self.application.bot
        for entry in entries:
            if self.stop.is_set():
                break
            update_id = entry.get("update_id") if isinstance(entry, dict) else None
            if isinstance(update_id, int) and not isinstance(update_id, bool):
                if self.offset is not None and update_id < self.offset:
                    continue
                if self.window.get(update_id, _State.AGAIN) is not _State.AGAIN:
                    continue
            item = read_update(entry, bot)
            if isinstance(item, Unreadable):
                await set_aside(self.application, item)
                if item.update_id is not None:
                    self.window[item.update_id] = _State.DONE
                    taken += 1
                continue
            key = lane_of(item)
            if self._held.get(key) == item.update_id:
                del self._held[key]  # its turn again: the user's later updates follow it
            self.window[item.update_id] = _State.RUNNING
            task = asyncio.create_task(self._handle(item, key))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            taken += 1
        return taken

    async def _handle(self, update: Update, key: Hashable) -> None:
        """Handle one update in its user's lane and record how it ended."""
        state = _State.AGAIN
        record = metrics.UpdateRecord()  # the clock starts when the update is taken
        try:
            async with self.lanes.lane(key):
                if self.stop.is_set() or key in self._held:
                    return  # an earlier update of this user waits: this one comes again too
                delay = self._retry_at.get(key, 0.0) - asyncio.get_running_loop().time()
                if delay > 0:
                    await sleep_unless_stopped(delay, self.stop)
                    if self.stop.is_set():
                        return
                async with self.lanes.place():
                    with metrics.handling(record):
                        try:
                            await self.application.process_update(update)
                        except Exception:
                            # process_update hands handler errors to the error handler;
                            # reaching here is a bug in the framework glue. Move on rather
                            # than block.
                            logger.exception("update %s could not be processed", update.update_id)
                            record.failed = True
                unacknowledged = self.application.bot_data.unacknowledged
                left = update.update_id in unacknowledged
                metrics.update_handled(update_kind(update), record, unacknowledged=left)
                if left:
                    # Storage stayed unavailable: fetched again after a pause, and nothing of
                    # this user's goes before it.
                    unacknowledged.discard(update.update_id)
                    self._held[key] = update.update_id
                    pause = self._retry_backoff.setdefault(key, Backoff()).next_delay()
                    self._retry_at[key] = asyncio.get_running_loop().time() + pause
                    return
                self._retry_at.pop(key, None)
                self._retry_backoff.pop(key, None)
                state = _State.DONE
        finally:
            if update.update_id in self.window:
                self.window[update.update_id] = state
            self._progress.set()

    def _unfinished(self) -> int:
        """Fetched updates still running or waiting for their turn."""
        return sum(1 for state in self.window.values() if state is _State.RUNNING)

    def _advance(self) -> None:
        """Move the offset past the handled prefix of the window."""
        while self.window:
            update_id, state = next(iter(self.window.items()))
            if state is not _State.DONE:
                break
            del self.window[update_id]
            self.offset = update_id + 1

    async def _wait_for_progress(self, pace: float) -> None:
        """Until the offset moves (the oldest running update finished) while there are free
        places for new updates, or `pace` seconds pass. A fetch before that would only bring
        back updates that are still running or waiting for a place (and cost a round trip and
        their JSON), so other finishing updates don't trigger one."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + pace
        offset = self.offset
        while self.window and (self.offset == offset or self._unfinished() >= self.lanes.limit):
            remaining = deadline - loop.time()
            if remaining <= 0:
                break
            if not self._progress.is_set():
                try:
                    await asyncio.wait_for(self._progress.wait(), timeout=remaining)
                except TimeoutError:
                    break
            self._progress.clear()
            self._advance()

    async def _finish(self) -> None:
        """Let running updates finish (for a while), then acknowledge the handled prefix."""
        if self._tasks:
            logger.info("finishing %s update(s) in flight", len(self._tasks))
            _done, pending = await asyncio.wait(set(self._tasks), timeout=SHUTDOWN_GRACE_SECONDS)
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.wait(pending)
        self._advance()
        if self.offset is not None:
            await _acknowledge(self.application, self.offset)


async def poll(
    application: BotApplication,
    stop: asyncio.Event,
    *,
    long_poll_seconds: int,
    concurrency: int = DEFAULT_CONCURRENCY,
) -> None:
    """Fetch and handle updates until `stop` is set (see `Poller`)."""
    poller = Poller(application, stop, long_poll_seconds=long_poll_seconds, concurrency=concurrency)
    await poller.run()


# The final acknowledgement at a stop: tries, and the pause between them (seconds).
ACKNOWLEDGE_ATTEMPTS = 3
ACKNOWLEDGE_RETRY_SECONDS = 0.2


async def _acknowledge(application: BotApplication, offset: int) -> None:
    """Tell Telegram every update below `offset` is handled, so a restart won't see them.

    The answer is not read: an unreadable update waiting there must not fail the shutdown.
    A timeout is tried again a few times: the long poll the stop cut short can hold the
    getUpdates connection for a moment (its pool has one), and an acknowledgement lost here
    only means Telegram delivers those updates again after the restart.
    """
    for attempt in range(ACKNOWLEDGE_ATTEMPTS):
        try:
            await fetch_raw_updates(application.bot, offset=offset, limit=1, long_poll_seconds=0)
            return
        except (TimedOut, OSError) as exc:
            if attempt + 1 == ACKNOWLEDGE_ATTEMPTS:
                logger.warning("could not acknowledge handled updates (%s)", type(exc).__name__)
                return
            await asyncio.sleep(ACKNOWLEDGE_RETRY_SECONDS)
        except TelegramError as exc:
            logger.warning("could not acknowledge handled updates (%s)", type(exc).__name__)
            return
