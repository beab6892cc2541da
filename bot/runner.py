"""The life of a running bot: migrate, connect, poll or serve the webhook, and shut down cleanly
on a signal."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import AsyncIterator

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine
from telegram import Bot
from telegram.error import InvalidToken, NetworkError, TelegramError

from bot.app import app_data, build_application, publish_commands
from bot.health import HEALTH_PATH, HealthCheck, health_app, serving
from bot.polling import initialize_with_retry, poll
from bot.ratelimit import SendBudget
from bot.settings import Settings
from bot.webhook import serve_webhook, webhook_endpoint
from core.errors import StartupError
from models.backup import running_bot_lock
from models.db import create_engine, create_sessionmaker, describe
from models.keys import rotate_all
from models.migrate import current_revision, head_revision, upgrade_to_head

logger = logging.getLogger(__name__)

# Any fixed number works: it names the lock replicas take around migrations (PostgreSQL).
MIGRATION_LOCK_KEY = 0x626F756E63656261  # "bounceba"


def _reason(exc: BaseException) -> str:
    original = getattr(exc, "orig", None) or exc
    text = str(original).strip().splitlines()
    return text[0] if text else type(original).__name__


@contextlib.asynccontextmanager
async def open_database(settings: Settings) -> AsyncIterator[AsyncEngine]:
    """An engine for DATABASE_URL; connection problems become one clear StartupError."""
    engine = create_engine(settings.database_url, cipher=settings.cipher())
    try:
        yield engine
    except (SQLAlchemyError, OSError) as exc:
        raise StartupError(
            f"cannot use the database {describe(settings.database_url)}: {_reason(exc)}"
        ) from None
    finally:
        await engine.dispose()


async def migrate_exclusively(engine: AsyncEngine) -> None:
    """Migrate to head, one process at a time: replicas starting together queue here.

    On PostgreSQL a transaction-scoped advisory lock, held on its own connection while the
    migration runs, makes the second replica wait and then find nothing to do (instead of
    failing on "relation already exists"). On SQLite, BEGIN IMMEDIATE already serialises.
    """
    if engine.dialect.name != "postgresql":
        await upgrade_to_head(engine)
        return
    async with engine.connect() as lock:
        await lock.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        await upgrade_to_head(engine)
    # Leaving the block rolls back the lock's transaction, which releases the lock.


async def migrate(settings: Settings) -> str | None:
    """Bring the database schema to the newest revision; return that revision."""
    async with open_database(settings) as engine:
        await migrate_exclusively(engine)
        return await current_revision(engine)


async def database_status(settings: Settings) -> tuple[str | None, str | None]:
    """(revision the database is at, newest revision the code knows)."""
    async with open_database(settings) as engine:
        return await current_revision(engine), head_revision()


async def fetch_bot_username(settings: Settings) -> str:
    """Call getMe once and return the bot's @username."""
    bot = Bot(
        settings.require_token(),
        base_url=settings.bot_api_url,
        base_file_url=settings.bot_file_url,
    )
    try:
        async with bot:
            return bot.username
    except InvalidToken:
        raise StartupError(
            "Telegram rejected TELEGRAM_BOT_TOKEN (revoked or mistyped?): check it with @BotFather"
        ) from None
    except (NetworkError, OSError) as exc:
        raise StartupError(
            f"cannot reach the Bot API at {settings.telegram_api_base_url} ({type(exc).__name__}); "
            "check the network or TELEGRAM_API_BASE_URL"
        ) from None
    except TelegramError as exc:
        raise StartupError(f"the Bot API refused getMe: {exc.message}") from None


def _install_signal_handlers(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError):  # not on Windows
            loop.add_signal_handler(signum, stop.set)


async def run_bot(settings: Settings, stop: asyncio.Event | None = None) -> None:
    """Migrate, then poll (or serve the webhook) until SIGTERM/SIGINT; close cleanly.

    With WEBHOOK_URL set, Telegram POSTs updates to us (`bot.webhook`); otherwise we poll
    (`bot.polling`). Either way an update is acknowledged only after it was handled, and
    GET /healthz reports on the database and the check-in dispatcher.
    """
    settings.require_token()
    settings.cipher()  # a missing key stops us before anything starts
    if settings.webhook_url is not None:
        settings.require_webhook_secret()  # no webhook without a secret
        webhook_endpoint(settings.webhook_url)
    stop = stop or asyncio.Event()
    _install_signal_handlers(stop)
    # A SQLite file is locked for the bot's whole life: `bounceback db restore` refuses then.
    async with open_database(settings) as engine, running_bot_lock(settings.database_url):
        await migrate_exclusively(engine)
        logger.info(
            "database ready at revision %s (%s)",
            await current_revision(engine),
            describe(settings.database_url),
        )
        application = build_application(settings, sessionmaker=create_sessionmaker(engine))
        if not await initialize_with_retry(application, stop):
            return
        try:
            logger.info("connected to the Bot API as @%s", application.bot.username)
            try:
                if settings.webhook_url is None:
                    # Polling and a webhook exclude each other.
                    await application.bot.delete_webhook()
                await publish_commands(application)
            except (TelegramError, OSError) as exc:
                logger.warning("could not set up the command menu (%s)", type(exc).__name__)
            await application.start()
            # Whatever a stopped process left unsent goes out now, not a job interval later
            # (errors go to the error handler like a job's).
            application.create_task(app_data(application).outbox.flush())
            try:
                health = HealthCheck.for_application(application)
                if settings.webhook_url is not None:
                    await serve_webhook(application, settings, stop, health=health)
                else:
                    async with _health_server(settings, health):
                        await poll(
                            application,
                            stop,
                            long_poll_seconds=settings.polling_timeout,
                            concurrency=settings.concurrent_updates,
                        )
            finally:
                # Sends still waiting for the budget (check-ins) stay in the outbox for the
                # next start instead of holding the shutdown back.
                limiter = application.bot.rate_limiter
                if isinstance(limiter, SendBudget):
                    limiter.close()
                await app_data(application).outbox.close()
                await application.stop()  # also stops the scheduler
        finally:
            await application.shutdown()
    logger.info("stopped cleanly")


@contextlib.asynccontextmanager
async def _health_server(settings: Settings, health: HealthCheck) -> AsyncIterator[None]:
    """Polling mode: /healthz on HEALTH_PORT (none when it is 0)."""
    if settings.health_port == 0:
        yield
        return
    host, port = settings.webhook_listen, settings.health_port
    async with serving(health_app(health), host, port, what="the health check"):
        logger.info("health check on http://%s:%s%s", host, port, HEALTH_PATH)
        yield


async def rotate_keys(settings: Settings) -> int:
    """Re-encrypt every stored text with the newest key; return how many values changed."""
    async with open_database(settings) as engine:
        return await rotate_all(create_sessionmaker(engine), settings.cipher())
