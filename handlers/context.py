"""Typed access to the bot's services from handler callbacks (no `bot_data["x"]`)."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Update
from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

from core.clock import Clock
from core.flood import FloodGate

if TYPE_CHECKING:
    from handlers.outbox import OutboxSender


@dataclass(frozen=True, slots=True)
class ConversationSettings:
    """The few settings the conversation reads; the composition root takes them from its own."""

    # The zone of users who haven't told us theirs.
    default_timezone: str = "UTC"
    # Quiet hours new users get, ("HH:MM", "HH:MM") local, or None for none.
    quiet_hours: tuple[str, str] | None = ("22:00", "08:00")
    # Data of users inactive this many days is erased (after a warning); /privacy says so.
    retention_days: int = 365
    # Who may see /stats.
    admin_user_ids: frozenset[int] = frozenset()
    # How long a unit of work is retried while the database is busy or unreachable (seconds).
    transient_retry_seconds: float = 600.0


@dataclass(frozen=True, slots=True)
class Services:
    """What handlers need, built once by the composition root."""

    settings: ConversationSettings
    sessionmaker: async_sessionmaker[AsyncSession]
    clock: Clock


class BotData:
    """`context.bot_data`: holds the services; set by `build_application` before start."""

    services: Services
    flood_gate: FloodGate
    # Delivers committed replies (the transactional outbox).
    outbox: OutboxSender
    # Updates whose failure the user was already told about (a webhook redelivers them).
    apologized: set[int]
    # Updates that failed only because storage was unavailable: polling must not acknowledge
    # them (it fetches them again).
    unacknowledged: set[int]


Context = CallbackContext[ExtBot[Any], dict[object, object], dict[object, object], BotData]
HandlerCallback = Callable[[Update, Context], Coroutine[Any, Any, None]]
BotApplication = Application[
    ExtBot[Any], Context, dict[object, object], dict[object, object], BotData, JobQueue[Context]
]


def services_of(context: Context) -> Services:
    """The services registered on the application this callback runs in."""
    return context.bot_data.services
