"""GET /metrics: the counts of `core.metrics` in Prometheus text format, served beside /healthz
and the webhook, and each metric moving where the bot does what it counts.

The registry is process-wide (other tests move it too), so every check reads the metrics
before and after and compares the two.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from typing import Any

import aiohttp.test_utils as aiohttp_test
import pytest
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy.ext.asyncio import AsyncEngine
from telegram import Update
from telegram.ext import TypeHandler

from bot.app import build_application
from bot.health import METRICS_PATH, HealthCheck
from bot.polling import poll
from bot.settings import Settings
from bot.webhook import SECRET_HEADER, webhook_app
from core import metrics
from handlers.outbox import OutboxSender
from models.db import create_sessionmaker
from tests.support import factories
from tests.support.checkins import FakeDelivery, add_checkin, add_user, dispatcher
from tests.support.clock import NOON, NOW, FixedClock
from tests.support.fake_bot_api import FakeBotApi
from tests.support.harness import Conversation

SECRET = "s3cret-webhook-token-0123456789"
PATH = "/telegram"
USER = 6201
CRISIS = "honestly I don't want to be here anymore"
# A poll_answer without option_persistent_ids (an older Bot API server): unreadable.
POISON = {"poll_answer": {"poll_id": "p", "option_ids": [0]}}


class Scrape:
    """One reading of the metrics: a sample's value by name and labels (0 when absent)."""

    def __init__(self, text: str) -> None:
        self.families = {family.name: family for family in text_string_to_metric_families(text)}
        self.samples = {
            (sample.name, frozenset(sample.labels.items())): sample.value
            for family in self.families.values()
            for sample in family.samples
        }

    def __call__(self, name: str, **labels: str) -> float:
        return self.samples.get((name, frozenset(labels.items())), 0.0)

    def total(self, name: str) -> float:
        """The sum over every label set of `name`."""
        return sum(value for (sample, _), value in self.samples.items() if sample == name)


def read_registry() -> Scrape:
    """The metrics as /metrics renders them, without a server."""
    return Scrape(generate_latest(metrics.REGISTRY).decode())


class Served:
    """The bot's webhook server: POST updates as Telegram does, GET /metrics as Prometheus."""

    def __init__(self, client: aiohttp_test.TestClient[Any, Any], chat: Conversation) -> None:
        self.client = client
        self.chat = chat

    async def post(self, update: Update | dict[str, Any]) -> int:
        body = update.to_dict() if isinstance(update, Update) else update
        response = await self.client.post(PATH, json=body, headers={SECRET_HEADER: SECRET})
        async with response:
            await response.read()
            return response.status

    async def say(self, text: str, *, user_id: int = USER, **kwargs: Any) -> int:
        return await self.post(
            factories.text_update(self.chat.bot, text, user_id=user_id, **kwargs)
        )

    async def metrics(self) -> Scrape:
        response = await self.client.get(METRICS_PATH)
        async with response:
            assert response.status == 200
            assert response.headers["Content-Type"] == CONTENT_TYPE_LATEST
            return Scrape(await response.text())


@pytest.fixture
async def served(chat: Conversation) -> AsyncIterator[Served]:
    app, _ = webhook_app(
        chat.application,
        path=PATH,
        secret=SECRET,
        health=HealthCheck.for_application(chat.application),
    )
    async with aiohttp_test.TestClient(aiohttp_test.TestServer(app)) as client:
        yield Served(client, chat)


def delta(before: Scrape, after: Scrape) -> Callable[..., float]:
    """How much a sample moved between two readings."""

    def moved(name: str, **labels: str) -> float:
        return after(name, **labels) - before(name, **labels)

    return moved


async def test_every_metric_is_served_beside_the_webhook(served: Served) -> None:
    scrape = await served.metrics()

    assert {
        "bounceback_updates",
        "bounceback_update_handling_seconds",
        "bounceback_updates_quarantined",
        "bounceback_messages",
        "bounceback_telegram_retry_after",
        "bounceback_outbox_pending_messages",
        "bounceback_outbox_oldest_pending_age_seconds",
        "bounceback_outbox_query_ok",
        "bounceback_checkin_lag_seconds",
        "bounceback_crisis_replies",
    } <= set(scrape.families)
    assert scrape("bounceback_outbox_pending_messages") == 0
    assert scrape("bounceback_outbox_oldest_pending_age_seconds") == 0
    assert scrape("bounceback_outbox_query_ok") == 1
    # Labels are kinds and results, never ids or text.
    labels = {key for _, labels in scrape.samples for key, _ in labels}
    assert labels <= {"kind", "result", "source", "le"}


async def test_handled_updates_are_counted_by_kind_and_result(served: Served) -> None:
    bot = served.chat.bot
    failing = factories.text_update(bot, "/help", user_id=USER + 1)

    async def fail(update: Update, _context: object) -> None:
        if update.update_id == failing.update_id:
            raise RuntimeError("a bug")

    served.chat.application.add_handler(TypeHandler(Update, fail), group=-100)
    start = factories.text_update(bot, "/start", user_id=USER)
    before = await served.metrics()

    assert await served.post(start) == 200
    assert await served.post(start) == 200  # Telegram delivers it again: replayed, not redone
    assert await served.say("/help") == 200
    assert await served.post(factories.callback_update(bot, "forged", user_id=USER)) == 200
    assert await served.post(failing) == 500
    assert await served.post({"update_id": 9_101, **POISON}) == 200

    after = await served.metrics()
    moved = delta(before, after)
    assert moved("bounceback_updates_total", kind="message", result="ok") == 2
    assert moved("bounceback_updates_total", kind="message", result="redelivered") == 1
    assert moved("bounceback_updates_total", kind="callback_query", result="ok") == 1
    assert moved("bounceback_updates_total", kind="message", result="error") == 1
    assert moved("bounceback_updates_total", kind="poll_answer", result="quarantined") == 1
    assert moved("bounceback_updates_quarantined_total", kind="poll_answer") == 1
    assert after.total("bounceback_updates_total") - before.total("bounceback_updates_total") == 6
    # Every update that was handled (not the one set aside) was timed.
    assert moved("bounceback_update_handling_seconds_count") == 5


async def test_sends_429s_and_the_outbox_backlog_are_counted(
    served: Served, clock: FixedClock
) -> None:
    request = served.chat.request
    before = await served.metrics()

    assert await served.say("/start", user_id=USER) == 200
    request.fail_with("sendMessage", 429, "Too Many Requests: retry after 7", {"retry_after": 7})
    assert await served.say("/start", user_id=USER + 1) == 200
    request.fail_with("sendMessage", 403, "Forbidden: bot was blocked by the user")
    assert await served.say("/start", user_id=USER + 2) == 200
    clock.current += timedelta(seconds=90)

    after = await served.metrics()
    moved = delta(before, after)
    assert moved("bounceback_messages_total", kind="reply", result="sent") == 1
    assert moved("bounceback_messages_total", kind="reply", result="retry_later") == 1
    assert moved("bounceback_messages_total", kind="reply", result="unreachable") == 1
    assert moved("bounceback_messages_total", kind="reply", result="failed") == 0
    assert moved("bounceback_telegram_retry_after_total", kind="reply") == 1
    # The reply that met the 429 waits, written 90 s ago.
    assert after("bounceback_outbox_pending_messages") == 1
    assert after("bounceback_outbox_oldest_pending_age_seconds") == 90
    assert after("bounceback_outbox_query_ok") == 1


async def test_crisis_replies_are_counted_once_per_update(served: Served) -> None:
    crisis = factories.text_update(served.chat.bot, CRISIS, user_id=USER)
    before = await served.metrics()

    assert await served.post(crisis) == 200
    assert await served.post(crisis) == 200  # delivered again: no second reply, no second count
    assert await served.say("/sos", user_id=USER + 1) == 200

    moved = delta(before, await served.metrics())
    assert moved("bounceback_crisis_replies_total", source="message") == 1
    assert moved("bounceback_crisis_replies_total", source="sos") == 1


async def test_updates_taken_by_polling_are_counted(
    api: FakeBotApi, engine: AsyncEngine, database_url: str, settings_for: Callable[..., Settings]
) -> None:
    settings = settings_for(database_url, telegram_api_base_url=api.base_url)
    api.send_text(USER, "/start")
    api.push_update(POISON)
    last = api.send_text(USER, "/help")
    application = build_application(
        settings, sessionmaker=create_sessionmaker(engine), clock=FixedClock(NOW), rate_limit=False
    )
    await application.initialize()
    before = read_registry()
    stop = asyncio.Event()
    task = asyncio.create_task(poll(application, stop, long_poll_seconds=1))
    try:
        await asyncio.to_thread(api.wait_for_offset, last + 1, 15.0)
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=15)
        await application.shutdown()

    moved = delta(before, read_registry())
    assert moved("bounceback_updates_total", kind="message", result="ok") == 2
    assert moved("bounceback_updates_total", kind="poll_answer", result="quarantined") == 1
    assert moved("bounceback_update_handling_seconds_count") == 2


async def test_check_in_lag_is_observed_by_kind_when_delivered(engine: AsyncEngine) -> None:
    await add_user(engine, 1, now=NOON)
    await add_checkin(engine, 1, "grief_over", NOON - timedelta(seconds=90), now=NOON)
    before = read_registry()

    report = await dispatcher(engine, FakeDelivery(), FixedClock(NOON)).run_once()

    assert report.sent == 1
    moved = delta(before, read_registry())
    assert moved("bounceback_checkin_lag_seconds_count", kind="grief_over") == 1
    assert moved("bounceback_checkin_lag_seconds_sum", kind="grief_over") == 90
    assert moved("bounceback_checkin_lag_seconds_bucket", kind="grief_over", le="60.0") == 0
    assert moved("bounceback_checkin_lag_seconds_bucket", kind="grief_over", le="120.0") == 1


async def test_a_burst_of_send_errors_is_counted_per_message_and_logged_once_a_minute(
    chat: Conversation, clock: FixedClock, caplog: pytest.LogCaptureFixture
) -> None:
    for _ in range(5):
        chat.request.fail_with("sendMessage", 502, "Bad Gateway")
    before = read_registry()

    with caplog.at_level(logging.INFO, logger="handlers.outbox"):
        for user in range(5):
            await chat.send("/start", user_id=USER + user)
        burst = [r.getMessage() for r in caplog.records]
        caplog.clear()
        clock.current += timedelta(seconds=61)
        outbox: OutboxSender = chat.application.bot_data.outbox
        assert await outbox.flush() == 5  # the retries go through
        later = [r.getMessage() for r in caplog.records]

    moved = delta(before, read_registry())
    assert moved("bounceback_messages_total", kind="reply", result="retry_later") == 5
    assert moved("bounceback_messages_total", kind="reply", result="sent") == 5
    (first,) = burst
    assert re.fullmatch(r"outbox message \d+ delayed 1 s \(NetworkError\)", first)
    assert later == [
        "outbox: 4 more messages delayed (NetworkError) in the last 61 s, by up to 1 s"
    ]
