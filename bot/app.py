"""Composition root: builds the python-telegram-bot Application with every handler and job."""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram import BotCommand
from telegram.ext import ApplicationBuilder, CallbackContext, ContextTypes
from telegram.request import BaseRequest

from bot.ratelimit import SendBudget
from bot.settings import Settings
from core.clock import Clock, clock_at_speed
from core.commands import command_menu
from core.flood import FloodGate
from core.texts.languages import ENGLISH, LANGUAGES
from handlers.admin import admin_handlers
from handlers.checkins import checkin_handlers
from handlers.context import BotApplication, BotData, ConversationSettings, Services
from handlers.crisis import crisis_handlers, sos_handlers
from handlers.errors import on_error
from handlers.fallback import fallback_handlers
from handlers.feedback import feedback_handlers
from handlers.flood import flood_handlers
from handlers.help import help_handlers
from handlers.id_range import id_range_guard
from handlers.journey.telegram_glue import journey_handlers
from handlers.language import language_handlers
from handlers.options import options_handlers
from handlers.outbox import OUTBOX_FLUSH_EVERY, OutboxDelivery, OutboxSender
from handlers.privacy import privacy_handlers
from handlers.progress import progress_handlers
from handlers.quiet import quiet_handlers
from handlers.reminders import reminder_handlers
from handlers.timezone import timezone_handlers
from handlers.walk import walk_handlers
from models.send_slots import SharedSlots
from scheduler.dispatcher import Dispatcher
from scheduler.jobs import FixedJobs, run_repeating

logger = logging.getLogger(__name__)

# Handler groups: python-telegram-bot runs at most one handler per group, lowest group first.
# A guard that raises ApplicationHandlerStop keeps an update from every later group.
SAFETY_GROUP = -2  # crisis language is answered first, even from someone sending fast
FLOOD_GROUP = -1  # then a flood is dropped before anything else reads it
CONVERSATION_GROUP = 0
# Fallbacks must see an update only when no conversation handler took it, so they share the
# conversation's group and are registered after every other handler of it.


class AppData(BotData):
    """`bot_data` of the composed application: the handlers' part plus what the runner needs."""

    settings: Settings
    dispatcher: Dispatcher


def app_data(application: BotApplication) -> AppData:
    """The composition root's view of `bot_data` (settings, dispatcher)."""
    data = application.bot_data
    if not isinstance(data, AppData):
        raise TypeError("the application was not built by build_application")
    return data


def conversation_settings(settings: Settings) -> ConversationSettings:
    """The settings the conversation reads, taken from the bot's settings."""
    return ConversationSettings(
        default_timezone=settings.default_timezone,
        quiet_hours=settings.quiet_hours,
        retention_days=settings.retention_days,
        admin_user_ids=settings.admin_user_ids,
        transient_retry_seconds=settings.transient_retry_seconds,
    )


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
    context_types = ContextTypes(context=CallbackContext, bot_data=AppData)
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
        # Every send waits for its slot in the budget (replies first) and retries after
        # RetryAfter; webhook replicas on PostgreSQL share one budget. A polling bot is the
        # only process sending (Telegram serves getUpdates to one), so its own pace is the
        # budget: no round trip per send, and no margin for other processes' jitter.
        engine = sessionmaker.kw.get("bind")
        shared = (
            SharedSlots(engine)
            if isinstance(engine, AsyncEngine)
            and engine.dialect.name == "postgresql"
            and settings.webhook_url is not None
            else None
        )
        limiter = SendBudget(
            settings.max_messages_per_second,
            chat_per_second=settings.chat_messages_per_second,
            shared=shared,
        )
        builder = builder.rate_limiter(limiter)  # type: ignore[arg-type]
    application: BotApplication = builder.build()  # type: ignore[assignment]
    clock = clock or clock_at_speed(settings.clock_speed)
    data = app_data(application)
    data.settings = settings
    data.services = Services(
        settings=conversation_settings(settings), sessionmaker=sessionmaker, clock=clock
    )

    # Ids beyond 64 bits can't be stored: refused before anything reads the update.
    application.add_handler(id_range_guard(), group=SAFETY_GROUP - 1)
    for handler in crisis_handlers():
        application.add_handler(handler, group=SAFETY_GROUP)
    data.flood_gate = FloodGate(settings.flood_max_messages, settings.flood_window_seconds)
    data.apologized = set()
    data.unacknowledged = set()
    data.outbox = OutboxSender(
        application.bot, sessionmaker, clock, paid_broadcast=settings.allow_paid_broadcast
    )
    data.dispatcher = Dispatcher(
        sessionmaker=sessionmaker,
        # Check-ins leave through the same outbox and sender as replies.
        delivery=OutboxDelivery(sessionmaker, data.outbox, clock),
        clock=clock,
        default_zone=settings.default_timezone,
    )
    for handler in flood_handlers():
        application.add_handler(handler, group=FLOOD_GROUP)
    for handler in [
        *help_handlers(),
        *sos_handlers(),
        *admin_handlers(),
        *privacy_handlers(),
        *reminder_handlers(),
        *timezone_handlers(),
        *quiet_handlers(),
        *language_handlers(),
        *walk_handlers(),
        *progress_handlers(),
        *feedback_handlers(),
        *options_handlers(),
        *checkin_handlers(),
        *journey_handlers(),
    ]:
        application.add_handler(handler, group=CONVERSATION_GROUP)
    # Registered last in their group: they answer only what nothing above took.
    for handler in fallback_handlers():
        application.add_handler(handler, group=CONVERSATION_GROUP)
    application.add_error_handler(on_error)

    if application.job_queue is not None:
        FixedJobs(
            dispatcher=data.dispatcher,
            sessionmaker=sessionmaker,
            clock=clock,
            dispatch_every=settings.dispatch_interval_seconds,
            retention_days=settings.retention_days,
        ).register(application.job_queue)
        # Retries and whatever a crash left unsent; replies normally leave right after commit.
        run_repeating(
            application.job_queue,
            data.outbox.flush,
            interval=timedelta(seconds=OUTBOX_FLUSH_EVERY),
            first=timedelta(0),
            name="flush_outbox",
        )
    return application


async def publish_commands(application: BotApplication) -> None:
    """Register the command menu Telegram shows next to the text field: the English one for
    everyone, and each language's descriptions for clients set to that language."""
    await application.bot.set_my_commands(
        [BotCommand(name, description) for name, description in command_menu()]
    )
    for code in LANGUAGES:
        if code == ENGLISH:
            continue
        await application.bot.set_my_commands(
            [BotCommand(name, description) for name, description in command_menu(code)],
            language_code=code.split("_")[0],
        )
