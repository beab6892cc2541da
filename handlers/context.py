"""Typed access to the bot's services from handler callbacks (no `bot_data["x"]`)."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Update
from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

from bot.settings import Settings
from core.clock import Clock

if TYPE_CHECKING:
    from handlers.flood import FloodGate
    from scheduler.dispatcher import Dispatcher


@dataclass(frozen=True, slots=True)
class Services:
    """What handlers and jobs need, built once by the composition root."""

    settings: Settings
    sessionmaker: async_sessionmaker[AsyncSession]
    clock: Clock


class BotData:
    """`context.bot_data`: holds the services; set by `build_application` before start."""

    services: Services
    dispatcher: Dispatcher
    flood_gate: FloodGate
    # Updates whose failure the user was already told about (a webhook redelivers them).
    apologized: set[int]


Context = CallbackContext[ExtBot[Any], dict[object, object], dict[object, object], BotData]
HandlerCallback = Callable[[Update, Context], Coroutine[Any, Any, None]]
BotApplication = Application[
    ExtBot[Any], Context, dict[object, object], dict[object, object], BotData, JobQueue[Context]
]


def services_of(context: Context) -> Services:
    """The services registered on the application this callback runs in."""
    return context.bot_data.services
