"""Updates of different users side by side, each user's strictly one after another.

Polling and the webhook both hand updates to `Lanes`: a lane per user (a FIFO lock, so the
user's updates run in the order they asked for their turn), and one bound on how many updates
are handled at once across all lanes. A user who waits for their own earlier update does not
hold one of the shared places.

Both also report what became of each update they handle to `core.metrics` (its kind, its
result and how long it took), through `update_kind` and `count_failures`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Hashable

from telegram import Update

from core import metrics
from handlers.context import BotApplication

# How many updates are handled at once when CONCURRENT_UPDATES is not set.
DEFAULT_CONCURRENCY = 32
# How long stopping waits for updates in flight (polling and webhook); the rest are not
# acknowledged, so Telegram delivers them again after the restart.
SHUTDOWN_GRACE_SECONDS = 25.0


def lane_of(update: Update) -> Hashable:
    """Whose turn an update waits for: its user, else its chat, else nobody (its own lane)."""
    if update.effective_user is not None:
        return ("user", update.effective_user.id)
    if update.effective_chat is not None:
        return ("chat", update.effective_chat.id)
    return ("update", update.update_id)


def update_kind(update: Update) -> str:
    """The update's kind ("message", "callback_query", …): a metrics label, never content."""
    for kind in Update.ALL_TYPES:
        if getattr(update, kind, None) is not None:
            return str(kind)
    return "unknown"


async def _note_failure(update: object, context: object) -> None:
    """Error handler: the update being handled failed (its result in the metrics is "error")."""
    metrics.note_failed()


def count_failures(application: BotApplication) -> None:
    """Let the metrics learn which updates failed (python-telegram-bot hands a handler's
    exception to the error handlers and returns normally). Registered once per application."""
    if _note_failure not in application.error_handlers:
        application.add_error_handler(_note_failure)


class Lanes:
    """A FIFO lane per key and at most `limit` holders of a place at any one time."""

    def __init__(self, limit: int = DEFAULT_CONCURRENCY) -> None:
        self.limit = limit
        self._places = asyncio.Semaphore(limit)
        self._locks: dict[Hashable, asyncio.Lock] = {}
        self._queued: dict[Hashable, int] = {}

    @contextlib.asynccontextmanager
    async def lane(self, key: Hashable) -> AsyncIterator[None]:
        """Hold `key`'s lane: callers with the same key get it in the order they asked."""
        lock = self._locks.get(key)
        if lock is None:
            lock = self._locks[key] = asyncio.Lock()
        self._queued[key] = self._queued.get(key, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._queued[key] -= 1
            if not self._queued[key]:
                del self._queued[key]
                del self._locks[key]

    @contextlib.asynccontextmanager
    async def place(self) -> AsyncIterator[None]:
        """Hold one of the `limit` places for the handling itself."""
        async with self._places:
            yield

    @contextlib.asynccontextmanager
    async def turn(self, key: Hashable) -> AsyncIterator[None]:
        """`key`'s lane, then a place: the whole turn of one update."""
        async with self.lane(key), self.place():
            yield
