"""Webhook mode: Telegram POSTs each update to us; we answer 200 only once it is handled.

python-telegram-bot's own webhook server answers as soon as it has queued an update, so a
crash loses it. Here the request waits for `Application.process_update`: the unit of work is
committed and the replies are sent before Telegram hears 200. A failed update is answered
500, a crash answers nothing, and either way Telegram delivers it again; an update whose unit
of work had already committed is recognised by `processed_updates` (see handlers/pipeline.py).

Updates of different users are handled side by side (CONCURRENT_UPDATES at most, also told
to Telegram as `max_connections`), one user's one after another in the order they arrived
(`bot.lanes`). Several replicas may serve one URL: they share the database, which serialises
one user's updates (the user row is locked until commit) and hands each due check-in to one
dispatcher.

Each handled update is counted in `core.metrics` (kind, result, time from receiving it to
its answer); GET /metrics is served beside /healthz.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from aiohttp import web
from telegram import Update
from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError

from bot.health import HEALTH_PATH, METRICS_PATH, HealthCheck, health_routes, serving
from bot.lanes import (
    DEFAULT_CONCURRENCY,
    SHUTDOWN_GRACE_SECONDS,
    Lanes,
    count_failures,
    lane_of,
    update_kind,
)
from bot.polling import (
    Backoff,
    Unreadable,
    read_update,
    rejected_token,
    set_aside,
    sleep_unless_stopped,
)
from bot.settings import Settings
from core import metrics
from core.errors import StartupError
from handlers.context import BotApplication, Context

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
DEFAULT_PATH = "/telegram"


@dataclass(frozen=True, slots=True)
class WebhookEndpoint:
    """Where Telegram sends updates (`url`) and the path this process serves them on."""

    url: str
    path: str


def webhook_endpoint(webhook_url: str) -> WebhookEndpoint:
    """The path of WEBHOOK_URL; a URL without one gets "/telegram" (told to Telegram too)."""
    parts = urlsplit(webhook_url)
    path = parts.path
    if path in ("", "/"):
        path = DEFAULT_PATH
        webhook_url = urlunsplit(parts._replace(path=path))
    if path == HEALTH_PATH:
        raise StartupError(
            f"WEBHOOK_URL must not end in {HEALTH_PATH}: that path is the health check"
        )
    if path == METRICS_PATH:
        raise StartupError(f"WEBHOOK_URL must not end in {METRICS_PATH}: that path is the metrics")
    return WebhookEndpoint(url=webhook_url, path=path)


class FailedUpdates:
    """An error handler that remembers which updates failed, so the webhook can answer 500.

    python-telegram-bot hands a handler's exception to the error handlers and then returns
    normally from `process_update`; this is how the webhook learns that it failed.
    """

    def __init__(self) -> None:
        self._ids: set[int] = set()

    async def record(self, update: object, context: Context) -> None:
        """Error handler: note the update's id (job errors have no update and are ignored)."""
        if isinstance(update, Update):
            self._ids.add(update.update_id)

    def pop(self, update_id: int) -> bool:
        """Whether handling this update failed (and forget it)."""
        if update_id in self._ids:
            self._ids.discard(update_id)
            return True
        return False


# An update python-telegram-bot could not read, recorded in `quarantined_updates`.
SET_ASIDE = Update(update_id=0)


class WebhookHandler:
    """The POST handler: check the secret, parse, handle, and only then answer."""

    def __init__(
        self,
        application: BotApplication,
        *,
        secret: str,
        concurrency: int = DEFAULT_CONCURRENCY,
    ) -> None:
        self.application = application
        self.lanes = Lanes(concurrency)
        self._secret = secret.encode()
        self.failures = FailedUpdates()
        application.add_error_handler(self.failures.record)
        count_failures(application)
        self.closing = False
        self._in_flight: set[asyncio.Task[bool]] = set()

    async def handle(self, request: web.Request) -> web.Response:
        """Answer 403 (wrong secret), 400 (not an update), 503 (stopping), 500 or 200."""
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self._secret):
            logger.warning(
                "refused a webhook request without the right secret from %s", request.remote
            )
            return web.Response(status=403, text="forbidden")
        if self.closing:
            return web.Response(status=503, text="stopping", headers={"Retry-After": "5"})
        update = await self._parse(request)
        if update is None:
            return web.Response(status=400, text="not a Telegram update")
        if update is SET_ASIDE:
            return web.Response(status=200, text="set aside")
        # Shielded: if the request is cancelled, the unit of work still runs to its end.
        task = asyncio.ensure_future(self._process(update))
        self._in_flight.add(task)
        task.add_done_callback(self._in_flight.discard)
        if await asyncio.shield(task):
            return web.Response(status=200, text="ok")
        return web.Response(status=500, text="failed; deliver again")

    async def _parse(self, request: web.Request) -> Update | None:
        """The update, None when the body is no update at all, or SET_ASIDE."""
        try:
            data = await request.json()
        except ValueError:  # not JSON, or not UTF-8
            logger.warning("refused a webhook request whose body is not JSON")
            return None
        if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
            logger.warning("refused a webhook request without an update_id")
            return None
        # Read as polling reads it: an update python-telegram-bot can't read is set aside
        # (id, kind and error class only) and acknowledged, so Telegram doesn't resend it.
        item = read_update(data, self.application.bot)
        if isinstance(item, Unreadable):
            await set_aside(self.application, item)
            return SET_ASIDE
        return item

    async def _process(self, update: Update) -> bool:
        record = metrics.UpdateRecord()  # the clock starts when the update was received
        try:
            async with self.lanes.turn(lane_of(update)):
                with metrics.handling(record):
                    await self.application.process_update(update)
        except Exception:
            logger.exception("update %s could not be processed", update.update_id)
            self.failures.pop(update.update_id)
            record.failed = True
            metrics.update_handled(update_kind(update), record)
            return False
        # Storage stayed unavailable (the error handler noted it): answered 500 like a failure,
        # and forgotten here, as polling does once it has taken note.
        unacknowledged = self.application.bot_data.unacknowledged
        left = update.update_id in unacknowledged
        unacknowledged.discard(update.update_id)
        metrics.update_handled(update_kind(update), record, unacknowledged=left)
        if self.failures.pop(update.update_id):
            logger.warning("update %s failed; Telegram will deliver it again", update.update_id)
            return False
        logger.debug("update %s handled", update.update_id)
        return True

    async def finish(self, grace_seconds: float) -> None:
        """Wait (up to `grace_seconds`) for updates still being handled."""
        if self._in_flight:
            logger.info("finishing %s update(s) in flight", len(self._in_flight))
            await asyncio.wait(set(self._in_flight), timeout=grace_seconds)


def webhook_app(
    application: BotApplication,
    *,
    path: str,
    secret: str,
    health: HealthCheck,
    concurrency: int = DEFAULT_CONCURRENCY,
) -> tuple[web.Application, WebhookHandler]:
    """The aiohttp application of webhook mode: POST `path`, GET /healthz and GET /metrics."""
    handler = WebhookHandler(application, secret=secret, concurrency=concurrency)
    app = web.Application()
    app.add_routes([web.post(path, handler.handle), *health_routes(health)])
    return app, handler


async def set_webhook_with_retry(
    application: BotApplication,
    *,
    url: str,
    secret: str,
    stop: asyncio.Event,
    max_connections: int = DEFAULT_CONCURRENCY,
) -> bool:
    """Tell Telegram where to deliver, retrying while the Bot API is unreachable.

    Returns False when a stop was requested before it succeeded.
    """
    backoff = Backoff()
    while not stop.is_set():
        try:
            await application.bot.set_webhook(
                url=url,
                secret_token=secret,
                allowed_updates=Update.ALL_TYPES,
                drop_pending_updates=False,
                max_connections=max(1, min(max_connections, 100)),  # Telegram allows 1-100
            )
            return True
        except InvalidToken:
            raise rejected_token() from None
        except BadRequest as exc:  # before NetworkError: it is a subclass of it
            raise StartupError(f"Telegram refused the webhook {url}: {exc.message}") from None
        except (NetworkError, OSError) as exc:
            delay = backoff.next_delay()
            logger.warning(
                "Bot API unreachable (%s); retrying in %.0f s", type(exc).__name__, delay
            )
        except TelegramError as exc:
            delay = backoff.next_delay()
            logger.warning("setWebhook failed (%s); retrying in %.0f s", type(exc).__name__, delay)
        await sleep_unless_stopped(delay, stop)
    return False


async def serve_webhook(
    application: BotApplication, settings: Settings, stop: asyncio.Event, *, health: HealthCheck
) -> None:
    """Serve the webhook and /healthz until `stop` is set, then finish the updates in flight."""
    assert settings.webhook_url is not None
    secret = settings.require_webhook_secret()
    endpoint = webhook_endpoint(settings.webhook_url)
    app, handler = webhook_app(
        application,
        path=endpoint.path,
        secret=secret,
        health=health,
        concurrency=settings.concurrent_updates,
    )
    host, port = settings.webhook_listen, settings.webhook_port
    async with serving(
        app, host, port, what="the webhook", shutdown_timeout=SHUTDOWN_GRACE_SECONDS
    ):
        # Listening before Telegram is told, so its first delivery finds us.
        logger.info("webhook listening on %s:%s%s", host, port, endpoint.path)
        if await set_webhook_with_retry(
            application,
            url=endpoint.url,
            secret=secret,
            stop=stop,
            max_connections=settings.concurrent_updates,
        ):
            logger.info("webhook set; Telegram delivers to %s", endpoint.url)
            await stop.wait()
        # New deliveries now get 503 (Telegram retries them, maybe at another replica); the
        # listening socket closes when this block ends and requests in flight may finish.
        handler.closing = True
    await handler.finish(SHUTDOWN_GRACE_SECONDS)
    logger.info("webhook stopped")
