"""GET /healthz (database and dispatcher) and `bounceback health`, which asks it over HTTP;
GET /metrics on the same server (its counts: tests/integration/test_metrics.py)."""

from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp.test_utils as aiohttp_test
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import app_data
from bot.cli import main
from bot.health import METRICS_PATH, HealthCheck, health_app, probe_url, serving
from bot.settings import Settings
from bot.webhook import webhook_app
from core.errors import StartupError
from models.db import create_engine, create_sessionmaker
from tests.conftest import TEST_KEY, TOKEN, make_settings
from tests.support.clock import FixedClock
from tests.support.harness import BotHarness
from tests.support.process import free_port

START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
INTERVAL = 5.0  # seconds: the dispatcher may be silent 3 × 5 + 30 = 45 s


class Dispatcher:
    """Stands in for the check-in dispatcher: only its last run matters here."""

    def __init__(self, last_run: datetime | None = None) -> None:
        self.last_run = last_run


def health_check(engine: AsyncEngine, clock: FixedClock, dispatcher: Dispatcher) -> HealthCheck:
    return HealthCheck(
        sessionmaker=create_sessionmaker(engine),
        dispatcher=dispatcher,
        clock=clock,
        dispatch_interval_seconds=INTERVAL,
    )


async def get(app_or_health: Any) -> tuple[int, dict[str, str]]:
    app = health_app(app_or_health) if isinstance(app_or_health, HealthCheck) else app_or_health
    async with aiohttp_test.TestClient(aiohttp_test.TestServer(app)) as client:
        response = await client.get("/healthz")
        async with response:
            return response.status, await response.json()


@pytest.fixture
async def broken_engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """An engine whose database can't be opened (the "file" is a folder)."""
    folder = tmp_path / "not-a-file"
    folder.mkdir()
    engine = create_engine(f"sqlite:///{folder}")
    yield engine
    await engine.dispose()


async def test_healthy_when_the_database_answers_and_the_dispatcher_ran(
    engine: AsyncEngine,
) -> None:
    clock = FixedClock(START)
    health = health_check(engine, clock, Dispatcher(last_run=START))
    clock.current = START + timedelta(seconds=44)

    assert await get(health) == (200, {"status": "ok", "database": "ok", "dispatcher": "ok"})


async def test_unhealthy_when_the_database_is_unreachable(broken_engine: AsyncEngine) -> None:
    health = health_check(broken_engine, FixedClock(START), Dispatcher(last_run=START))

    status, body = await get(health)

    assert status == 503
    assert body == {
        "status": "unhealthy",
        "database": "unreachable (OperationalError)",
        "dispatcher": "ok",
    }


async def test_unhealthy_when_the_database_does_not_answer_in_time(engine: AsyncEngine) -> None:
    health = health_check(engine, FixedClock(START), Dispatcher(last_run=START))
    health.database_timeout = 0.0

    status, body = await get(health)

    assert status == 503
    assert body["database"] == "no answer within 0 s"


async def test_unhealthy_when_the_dispatcher_has_not_run_for_too_long(
    engine: AsyncEngine,
) -> None:
    clock = FixedClock(START)
    health = health_check(engine, clock, Dispatcher(last_run=START))
    clock.current = START + timedelta(seconds=46)

    status, body = await get(health)

    assert status == 503
    assert body == {"status": "unhealthy", "database": "ok", "dispatcher": "last ran 46 s ago"}


async def test_a_just_started_bot_gets_a_grace_period(engine: AsyncEngine) -> None:
    clock = FixedClock(START)
    health = health_check(engine, clock, Dispatcher(last_run=None))

    clock.current = START + timedelta(seconds=40)
    assert (await get(health))[0] == 200
    clock.current = START + timedelta(seconds=60)
    status, body = await get(health)
    assert status == 503
    assert body["dispatcher"] == "has not run since the start 60 s ago"


async def test_metrics_are_served_beside_healthz_and_say_when_the_database_is_down(
    broken_engine: AsyncEngine,
) -> None:
    health = health_check(broken_engine, FixedClock(START), Dispatcher(last_run=START))
    async with aiohttp_test.TestClient(aiohttp_test.TestServer(health_app(health))) as client:
        response = await client.get(METRICS_PATH)
        async with response:
            status, body = response.status, await response.text()

    assert status == 200  # the counts are still worth reading
    samples = {
        sample.name: sample.value
        for family in text_string_to_metric_families(body)
        for sample in family.samples
    }
    assert samples["bounceback_outbox_query_ok"] == 0
    assert math.isnan(samples["bounceback_outbox_pending_messages"])
    assert math.isnan(samples["bounceback_outbox_oldest_pending_age_seconds"])


async def test_served_beside_the_webhook_from_the_real_dispatcher(
    engine: AsyncEngine, database_url: str, settings_for: Callable[..., Settings]
) -> None:
    clock = FixedClock(START)
    settings = settings_for(database_url, dispatch_interval_seconds=INTERVAL)
    async with BotHarness(settings, engine, clock=clock) as harness:
        app, _ = webhook_app(
            harness.application,
            path="/telegram",
            secret="s3cret-webhook-token-0123456789",
            health=HealthCheck.for_application(harness.application),
        )
        await app_data(harness.application).dispatcher.run_once()  # sets last_run
        clock.current = START + timedelta(seconds=30)
        assert (await get(app))[0] == 200
        clock.current = START + timedelta(minutes=5)
        assert await get(app) == (
            503,
            {"status": "unhealthy", "database": "ok", "dispatcher": "last ran 300 s ago"},
        )


# --- `bounceback health` ---------------------------------------------------------------------


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> int:
    """Run the CLI in an empty folder; returns the HEALTH_PORT it will ask."""
    port = free_port()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("ENCRYPTION_KEY", TEST_KEY)
    monkeypatch.setenv("HEALTH_PORT", str(port))
    monkeypatch.delenv("WEBHOOK_URL", raising=False)
    return port


async def bounceback_health() -> int:
    # urllib blocks; the server under test needs this loop free to answer.
    return await asyncio.to_thread(main, ["health"])


async def test_cli_health_is_0_when_the_endpoint_answers_200(
    cli_env: int, engine: AsyncEngine, capsys: pytest.CaptureFixture[str]
) -> None:
    health = health_check(engine, FixedClock(START), Dispatcher(last_run=START))
    async with serving(health_app(health), "127.0.0.1", cli_env, what="the test"):
        assert await bounceback_health() == 0
    assert capsys.readouterr().out.startswith(f"healthy: http://127.0.0.1:{cli_env}/healthz")


async def test_cli_health_is_1_with_the_reason_on_503(
    cli_env: int, broken_engine: AsyncEngine, capsys: pytest.CaptureFixture[str]
) -> None:
    health = health_check(broken_engine, FixedClock(START), Dispatcher(last_run=START))
    async with serving(health_app(health), "127.0.0.1", cli_env, what="the test"):
        assert await bounceback_health() == 1
    # (the server's own warning, logged in this process, comes first)
    last_line = capsys.readouterr().err.splitlines()[-1]
    assert last_line == (
        f"unhealthy: http://127.0.0.1:{cli_env}/healthz answered 503: "
        "database unreachable (OperationalError)"
    )


async def test_cli_health_is_1_when_nothing_answers(
    cli_env: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert await bounceback_health() == 1
    err = capsys.readouterr().err
    assert err.startswith(f"unhealthy: no answer from http://127.0.0.1:{cli_env}/healthz (")
    assert err.count("\n") == 1


async def test_cli_health_asks_the_webhook_port_in_webhook_mode(
    cli_env: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    webhook_port = free_port()
    monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.org/telegram")
    monkeypatch.setenv("WEBHOOK_PORT", str(webhook_port))

    assert await bounceback_health() == 1
    assert f"http://127.0.0.1:{webhook_port}/healthz" in capsys.readouterr().err


def test_cli_health_with_the_endpoint_off_is_unhealthy(
    cli_env: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HEALTH_PORT", "0")

    assert main(["health"]) == 1
    assert capsys.readouterr().err == "unhealthy: the health endpoint is off (HEALTH_PORT=0)\n"


async def test_a_taken_port_is_one_clear_startup_error(engine: AsyncEngine) -> None:
    health = health_check(engine, FixedClock(START), Dispatcher(last_run=START))
    port = free_port()
    async with serving(health_app(health), "127.0.0.1", port, what="the first"):
        with pytest.raises(StartupError, match=rf"127\.0\.0\.1:{port} for the health check: Add"):
            async with serving(health_app(health), "127.0.0.1", port, what="the health check"):
                pass


@pytest.mark.parametrize(
    ("values", "url"),
    [
        ({}, "http://127.0.0.1:8090/healthz"),
        ({"health_port": 9100, "webhook_listen": "::"}, "http://127.0.0.1:9100/healthz"),
        ({"health_port": 0}, None),
        ({"webhook_listen": "10.0.0.7"}, "http://10.0.0.7:8090/healthz"),
        ({"webhook_listen": "fd00::7"}, "http://[fd00::7]:8090/healthz"),
        (
            {"webhook_url": "https://bot.example.org/t", "webhook_port": 8443, "health_port": 0},
            "http://127.0.0.1:8443/healthz",
        ),
    ],
)
def test_the_probe_asks_where_the_bot_listens(values: dict[str, Any], url: str | None) -> None:
    assert probe_url(make_settings("sqlite:///unused.db", **values)) == url
