"""Flood control: one user can't flood the bot. Past a set number of messages in a short
window, that user gets one "slow down" reply and the rest are ignored until the window clears;
nobody else is affected. Kept in memory per process (a replica counts its own share)."""

from __future__ import annotations

import logging
import time
from collections import OrderedDict, deque
from collections.abc import Callable

from telegram import Update
from telegram.ext import ApplicationHandlerStop, BaseHandler, TypeHandler

from bot.settings import Settings
from core.texts.catalogue import say
from handlers.context import Context

logger = logging.getLogger(__name__)

MAX_TRACKED_USERS = 50_000


class FloodGate:
    """Sliding-window counter per user."""

    def __init__(
        self,
        max_messages: int,
        window_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_messages = max_messages
        self.window = window_seconds
        self.clock = clock
        self._seen: OrderedDict[int, deque[float]] = OrderedDict()
        self._warned: set[int] = set()

    def check(self, user_id: int) -> str:
        """ "ok", "warn" (the first message over the limit) or "drop"."""
        now = self.clock()
        times = self._seen.pop(user_id, None) or deque()
        while times and now - times[0] >= self.window:
            times.popleft()
        times.append(now)
        self._seen[user_id] = times  # most recent last, for eviction
        while len(self._seen) > MAX_TRACKED_USERS:
            evicted, _ = self._seen.popitem(last=False)
            self._warned.discard(evicted)
        if len(times) <= self.max_messages:
            self._warned.discard(user_id)
            return "ok"
        if user_id in self._warned:
            return "drop"
        self._warned.add(user_id)
        return "warn"


async def guard(update: Update, context: Context) -> None:
    """Stop an update from a user who is flooding; warn them once."""
    user = update.effective_user
    if user is None:
        return
    gate: FloodGate = context.bot_data.flood_gate
    verdict = gate.check(user.id)
    if verdict == "ok":
        return
    if verdict == "warn":
        logger.info("user %s is sending too fast; ignoring for a while", user.id)
        if update.callback_query is not None:
            await update.callback_query.answer()
        if update.effective_chat is not None:
            await context.bot.send_message(
                update.effective_chat.id, say("flood.slow_down", user.language_code)
            )
    elif update.callback_query is not None:
        await update.callback_query.answer()
    raise ApplicationHandlerStop


def flood_handlers() -> list[BaseHandler[Update, Context, None]]:
    """The guard; registered in a group before every other handler."""
    return [TypeHandler(Update, guard)]


def make_flood_gate(settings: Settings) -> FloodGate:
    """A gate from settings (FLOOD_MAX_MESSAGES within FLOOD_WINDOW_SECONDS)."""
    return FloodGate(settings.flood_max_messages, settings.flood_window_seconds)
