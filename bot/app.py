"""Composition root: builds the python-telegram-bot Application with every handler and job."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import BotCommand
from telegram.ext import ApplicationBuilder, CallbackContext, ContextTypes
from telegram.request import BaseRequest

from bot.ratelimit import SteadyRateLimiter
from bot.settings import Settings
from core.clock import Clock, SystemClock
from core.commands import command_menu
from handlers.admin import admin_handlers
from handlers.context import BotApplication, BotData, Services
from handlers.crisis import crisis_handlers, sos_handlers
from handlers.errors import on_error
from handlers.fallback import fallback_handlers
from handlers.flood import flood_handlers, make_flood_gate
from handlers.journey.telegram_glue import journey_handlers
from handlers.privacy import privacy_handlers
from handlers.reminders import reminder_handlers
from handlers.start import start_handlers
from scheduler.delivery import TelegramDelivery
from scheduler.dispatcher import Dispatcher
from scheduler.housekeeping import register_housekeeping
from scheduler.jobs import register_checkin_jobs
from scheduler.retention import register_retention

logger = logging.getLogger(__name__)

# Handler groups: python-telegram-bot runs at most one handler per group, lowest group first.
# A guard that raises ApplicationHandlerStop keeps an update from every later group.
SAFETY_GROUP = -2  # crisis language is answered first, even from someone sending fast
FLOOD_GROUP = -1  # then a flood is dropped before anything else reads it
CONVERSATION_GROUP = 0
# Fallbacks must see an update only when no conversation handler took it, so they share the
# conversation's group and are registered after every other handler of it.


def build_application(
    settings: Settings,
    *,
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: Clock | None = None,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
    rate_limit: bool = True,
) -> BotApplication:
    """Wire settings, storage, handlers and jobs into an Application (not yet initialised).

    There is no python-telegram-bot Updater: `bot.polling` fetches updates itself so that an
    update is acknowledged only after it was handled (see docs/architecture.md).
    """
    context_types = ContextTypes(context=CallbackContext, bot_data=BotData)
    builder = (
        ApplicationBuilder()
        .token(settings.require_token())
        .base_url(settings.bot_api_url)
        .base_file_url(settings.bot_file_url)
        .context_types(context_types)
        .updater(None)
    )
    if request is not None:
        builder = builder.request(request)
    if get_updates_request is not None:
        builder = builder.get_updates_request(get_updates_request)
    if rate_limit:
        # Every send waits for an evenly spaced slot and retries after RetryAfter.
        limiter = SteadyRateLimiter(settings.max_messages_per_second)
        builder = builder.rate_limiter(limiter)  # type: ignore[arg-type]
    application: BotApplication = builder.build()  # type: ignore[assignment]
    services = Services(settings=settings, sessionmaker=sessionmaker, clock=clock or SystemClock())
    application.bot_data.services = services
    application.bot_data.dispatcher = Dispatcher(
        sessionmaker=sessionmaker,
        delivery=TelegramDelivery(application.bot),
        clock=services.clock,
        default_zone=settings.default_timezone,
    )

    for handler in crisis_handlers():
        application.add_handler(handler, group=SAFETY_GROUP)
    application.bot_data.flood_gate = make_flood_gate(settings)
    application.bot_data.apologized = set()
    for handler in flood_handlers():
        application.add_handler(handler, group=FLOOD_GROUP)
    for handler in [
        *start_handlers(),
        *sos_handlers(),
        *admin_handlers(),
        *privacy_handlers(),
        *reminder_handlers(),
        *journey_handlers(),
    ]:
        application.add_handler(handler, group=CONVERSATION_GROUP)
    # Registered last in their group: they answer only what nothing above took.
    for handler in fallback_handlers():
        application.add_handler(handler, group=CONVERSATION_GROUP)
    application.add_error_handler(on_error)

    if application.job_queue is not None:
        register_housekeeping(application.job_queue)
        register_checkin_jobs(application.job_queue, settings.dispatch_interval_seconds)
        register_retention(application.job_queue)
    return application


async def publish_commands(application: BotApplication) -> None:
    """Register the command menu Telegram shows next to the text field."""
    await application.bot.set_my_commands(
        [BotCommand(name, description) for name, description in command_menu()]
    )
