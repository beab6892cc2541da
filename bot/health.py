"""GET /healthz: is the database reachable and is the check-in dispatcher still running?
GET /metrics: counts and timings in Prometheus text format (`core.metrics`, docs/metrics.md).

Served beside the webhook in webhook mode (WEBHOOK_PORT) and on HEALTH_PORT in polling mode.
`bounceback health` (the Docker HEALTHCHECK) asks it over HTTP; see `probe`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import urllib.error
import urllib.request
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import app_data
from bot.settings import Settings
from core import metrics
from core.clock import Clock
from core.errors import StartupError
from handlers.context import BotApplication
from models import outbox_store

logger = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"
METRICS_PATH = "/metrics"
DATABASE_TIMEOUT_SECONDS = 2.0
PROBE_TIMEOUT_SECONDS = 5.0
# Slack on top of three dispatch intervals: one run may take a while (a full batch is sent at
# the rate limit), and the job is skipped, not queued, while a run overlaps the next tick.
DISPATCHER_SLACK = timedelta(seconds=30)
# Hosts that mean "every interface": the local probe reaches them through the loopback.
_ANY_HOST = frozenset({"", "0.0.0.0", "::", "[::]", "localhost", "127.0.0.1"})


class HasLastRun(Protocol):
    """What the health check reads of the dispatcher."""

    @property
    def last_run(self) -> datetime | None: ...


@dataclass(frozen=True, slots=True)
class HealthReport:
    """The state of each part: "ok" or a short reason (never a secret, never user data)."""

    database: str
    dispatcher: str

    @property
    def ok(self) -> bool:
        """Every part is fine."""
        return self.database == "ok" and self.dispatcher == "ok"

    def body(self) -> dict[str, str]:
        """The JSON body of /healthz."""
        return {
            "status": "ok" if self.ok else "unhealthy",
            "database": self.database,
            "dispatcher": self.dispatcher,
        }


class HealthCheck:
    """Checks the database (SELECT 1 within 2 s) and the dispatcher's last run."""

    def __init__(
        self,
        *,
        sessionmaker: async_sessionmaker[AsyncSession],
        dispatcher: HasLastRun,
        clock: Clock,
        dispatch_interval_seconds: float,
        database_timeout: float = DATABASE_TIMEOUT_SECONDS,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.dispatcher = dispatcher
        self.clock = clock
        self.database_timeout = database_timeout
        self.max_silence = timedelta(seconds=3 * dispatch_interval_seconds) + DISPATCHER_SLACK
        # Until the dispatcher's first run, its silence counts from here (the grace period).
        self.started_at = clock.now()

    @classmethod
    def for_application(cls, application: BotApplication) -> HealthCheck:
        """The health check of a bot built by `build_application`."""
        data = app_data(application)
        return cls(
            sessionmaker=data.services.sessionmaker,
            dispatcher=data.dispatcher,
            clock=data.services.clock,
            dispatch_interval_seconds=data.settings.dispatch_interval_seconds,
        )

    async def database_status(self) -> str:
        """ "ok", or why the database did not answer SELECT 1 in time."""
        try:
            async with asyncio.timeout(self.database_timeout), self.sessionmaker() as session:
                await session.execute(text("SELECT 1"))
        except TimeoutError:
            return f"no answer within {self.database_timeout:g} s"
        except Exception as exc:  # any failure means unhealthy; the message may hold a URL
            return f"unreachable ({type(exc).__name__})"
        return "ok"

    async def read_outbox(self) -> None:
        """Set the outbox gauges from one query (within the database timeout); when the
        database doesn't answer they become NaN and `bounceback_outbox_query_ok` 0."""
        try:
            async with asyncio.timeout(self.database_timeout), self.sessionmaker() as session:
                pending, oldest = await outbox_store.backlog(session)
        except Exception as exc:  # /healthz says why; a scrape every few seconds stays quiet
            logger.debug("metrics: outbox figures unavailable (%s)", type(exc).__name__)
            metrics.outbox_unknown()
            return
        age = (self.clock.now() - oldest).total_seconds() if oldest is not None else 0.0
        metrics.outbox_backlog(pending, age)

    def dispatcher_status(self) -> str:
        """ "ok", or how long the dispatcher has been silent."""
        last_run = self.dispatcher.last_run
        silent = self.clock.now() - (last_run or self.started_at)
        if silent <= self.max_silence:
            return "ok"
        if last_run is None:
            return f"has not run since the start {silent.total_seconds():.0f} s ago"
        return f"last ran {silent.total_seconds():.0f} s ago"

    async def check(self) -> HealthReport:
        """Check every part."""
        report = HealthReport(
            database=await self.database_status(), dispatcher=self.dispatcher_status()
        )
        if not report.ok:
            logger.warning(
                "unhealthy: database %s, dispatcher %s", report.database, report.dispatcher
            )
        return report


def health_routes(health: HealthCheck) -> list[web.RouteDef]:
    """GET (and HEAD) /healthz: 200 when every part is fine, else 503 naming what failed;
    GET /metrics: every metric of `core.metrics.REGISTRY`, the outbox's read at the scrape."""

    async def healthz(request: web.Request) -> web.Response:
        report = await health.check()
        return web.json_response(report.body(), status=200 if report.ok else 503)

    async def metrics_text(request: web.Request) -> web.Response:
        await health.read_outbox()
        return web.Response(
            body=generate_latest(metrics.REGISTRY), headers={"Content-Type": CONTENT_TYPE_LATEST}
        )

    return [web.get(HEALTH_PATH, healthz), web.get(METRICS_PATH, metrics_text)]


def health_app(health: HealthCheck) -> web.Application:
    """The aiohttp application of polling mode: /healthz and /metrics."""
    app = web.Application()
    app.add_routes(health_routes(health))
    return app


@contextlib.asynccontextmanager
async def serving(
    app: web.Application, host: str, port: int, *, what: str, shutdown_timeout: float = 25.0
) -> AsyncIterator[None]:
    """Serve `app` on host:port until the block ends.

    On the way out, the listening socket closes first, then requests in flight get up to
    `shutdown_timeout` seconds to finish.
    """
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=shutdown_timeout)
    await runner.setup()
    try:
        try:
            await web.TCPSite(runner, host, port).start()
        except OSError as exc:
            reason = os.strerror(exc.errno) if exc.errno else str(exc)
            raise StartupError(f"cannot listen on {host}:{port} for {what}: {reason}") from None
        yield
    finally:
        await runner.cleanup()


def probe_url(settings: Settings) -> str | None:
    """Where the running bot answers /healthz (None when HEALTH_PORT=0 in polling mode)."""
    port = settings.webhook_port if settings.webhook_url else settings.health_port
    if port == 0:
        return None
    host = settings.webhook_listen.strip()
    if host in _ANY_HOST:
        host = "127.0.0.1"
    elif ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}{HEALTH_PATH}"


def probe(url: str, timeout: float = PROBE_TIMEOUT_SECONDS) -> tuple[bool, str]:
    """GET /healthz once: (healthy?, a one-line explanation)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return True, f"{url} answered {response.status}"
    except urllib.error.HTTPError as exc:
        with exc:
            detail = _failed_parts(exc.read())
        return False, f"{url} answered {exc.code}" + (f": {detail}" if detail else "")
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        return False, f"no answer from {url} ({reason})"


def _failed_parts(body: bytes) -> str:
    try:
        parts = json.loads(body)
    except ValueError:
        return ""
    if not isinstance(parts, dict):
        return ""
    return "; ".join(
        f"{name} {state}"
        for name, state in parts.items()
        if name != "status" and isinstance(state, str) and state != "ok"
    )
