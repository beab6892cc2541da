"""The webhook endpoint in-process: secret, parsing, and 200 only after the update is handled."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any, cast

import aiohttp.test_utils as aiohttp_test
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from telegram import Update
from telegram.error import BadRequest, NetworkError, TimedOut

from bot import webhook
from bot.health import HealthCheck
from bot.polling import Backoff
from bot.settings import Settings
from bot.webhook import SECRET_HEADER, WebhookHandler, webhook_app, webhook_endpoint
from core.errors import StartupError
from models.db import create_sessionmaker
from models.repository import count_users, get_user
from tests.support import factories
from tests.support.harness import BotHarness

SECRET = "s3cret-webhook-token-0123456789"
PATH = "/telegram"
USER = 6101
URL = "https://bot.example.org/telegram"


class Telegram:
    """Plays Telegram: POSTs updates to the webhook, with or without the secret."""

    def __init__(
        self,
        client: aiohttp_test.TestClient[Any, Any],
        harness: BotHarness,
        handler: WebhookHandler,
    ) -> None:
        self.client = client
        self.harness = harness
        self.handler = handler

    def update(self, text: str, *, user_id: int = USER) -> dict[str, Any]:
        """A text message update as Telegram would send it (JSON-ready)."""
        return factories.text_update(self.harness.bot, text, user_id=user_id).to_dict()

    async def post(self, body: object, *, secret: str | None = SECRET) -> int:
        """POST `body` (JSON, or raw bytes) and return the status."""
        headers = {SECRET_HEADER: secret} if secret is not None else {}
        if isinstance(body, bytes):
            headers["Content-Type"] = "application/json"
            response = await self.client.post(PATH, data=body, headers=headers)
        else:
            response = await self.client.post(PATH, json=body, headers=headers)
        async with response:
            await response.read()
            return response.status


@pytest.fixture
async def telegram(
    engine: AsyncEngine, database_url: str, settings_for: Callable[..., Settings]
) -> AsyncIterator[Telegram]:
    async with BotHarness(settings_for(database_url), engine) as harness:
        app, handler = webhook_app(
            harness.application,
            path=PATH,
            secret=SECRET,
            health=HealthCheck.for_application(harness.application),
        )
        async with aiohttp_test.TestClient(aiohttp_test.TestServer(app)) as client:
            yield Telegram(client, harness, handler)


async def users(engine: AsyncEngine) -> int:
    async with create_sessionmaker(engine).begin() as session:
        return await count_users(session)


@pytest.mark.parametrize("secret", [None, "", "wrong-secret-0123456789", SECRET[:-1]])
async def test_without_the_right_secret_the_update_is_refused_unprocessed(
    telegram: Telegram, engine: AsyncEngine, secret: str | None
) -> None:
    status = await telegram.post(telegram.update("/start"), secret=secret)

    assert status == 403
    assert await users(engine) == 0
    assert "sendMessage" not in telegram.harness.request.methods()


async def test_with_the_secret_the_update_is_handled_before_the_answer(
    telegram: Telegram, engine: AsyncEngine
) -> None:
    status = await telegram.post(telegram.update("/start"))

    assert status == 200
    assert telegram.harness.request.sent_texts(USER)[0].startswith("Hi Alex")
    async with create_sessionmaker(engine).begin() as session:
        assert await get_user(session, USER) is not None


async def test_a_redelivered_update_is_answered_200_and_applied_once(
    telegram: Telegram, engine: AsyncEngine
) -> None:
    update = telegram.update("/start")

    assert await telegram.post(update) == 200
    assert await telegram.post(update) == 200

    assert await users(engine) == 1
    texts = telegram.harness.request.sent_texts(USER)
    assert sum(text.startswith("Hi Alex") for text in texts) == 1


@pytest.mark.parametrize(
    "body",
    [b"{not json", b"\xff\xfe", b"[1, 2]", b'{"message": {}}', b'{"update_id": "7"}'],
)
async def test_what_is_not_an_update_is_a_bad_request(
    telegram: Telegram, engine: AsyncEngine, body: bytes
) -> None:
    assert await telegram.post(body) == 400
    assert await users(engine) == 0


async def test_a_failed_update_is_answered_500_so_telegram_delivers_it_again(
    telegram: Telegram, engine: AsyncEngine
) -> None:
    update = telegram.update("/start")
    await engine.dispose()
    async with engine.begin() as connection:
        await connection.exec_driver_sql("ALTER TABLE users RENAME TO users_gone")

    assert await telegram.post(update) == 500

    async with engine.begin() as connection:
        await connection.exec_driver_sql("ALTER TABLE users_gone RENAME TO users")
    # Telegram's next delivery of the same update succeeds and is applied.
    assert await telegram.post(update) == 200
    assert await users(engine) == 1
    assert telegram.harness.request.sent_texts(USER)[-3].startswith("Hi Alex")


async def test_updates_of_different_users_are_handled_side_by_side(
    telegram: Telegram, engine: AsyncEngine
) -> None:
    updates = [telegram.update("/start", user_id=USER + n) for n in range(5)]

    statuses = await asyncio.gather(*(telegram.post(update) for update in updates))

    assert statuses == [200] * 5
    assert await users(engine) == 5


async def test_while_stopping_new_deliveries_are_turned_away(
    telegram: Telegram, engine: AsyncEngine
) -> None:
    telegram.handler.closing = True

    assert await telegram.post(telegram.update("/start")) == 503
    assert await users(engine) == 0


@pytest.mark.parametrize(
    ("url", "told", "path"),
    [
        (
            "https://bot.example.org/telegram/abc",
            "https://bot.example.org/telegram/abc",
            "/telegram/abc",
        ),
        ("https://bot.example.org/hook/", "https://bot.example.org/hook/", "/hook/"),
        ("https://bot.example.org", "https://bot.example.org/telegram", "/telegram"),
        ("https://bot.example.org/", "https://bot.example.org/telegram", "/telegram"),
        ("http://127.0.0.1:8443/x?y=1", "http://127.0.0.1:8443/x?y=1", "/x"),
    ],
)
def test_the_path_comes_from_the_webhook_url(url: str, told: str, path: str) -> None:
    endpoint = webhook_endpoint(url)

    assert (endpoint.url, endpoint.path) == (told, path)


def test_the_health_path_cannot_be_the_webhook() -> None:
    with pytest.raises(StartupError, match="must not end in /healthz"):
        webhook_endpoint("https://bot.example.org/healthz")


class FlakyBot:
    """A bot whose setWebhook fails with the given errors first, then succeeds."""

    def __init__(self, *errors: Exception) -> None:
        self.errors = list(errors)
        self.calls: list[dict[str, Any]] = []

    async def set_webhook(self, **params: Any) -> bool:
        self.calls.append(params)
        if self.errors:
            raise self.errors.pop(0)
        return True


class FakeApplication:
    def __init__(self, bot: FlakyBot) -> None:
        self.bot = bot


@pytest.fixture
def quick_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(webhook, "Backoff", lambda: Backoff(first=0.01))


async def test_set_webhook_is_retried_while_the_bot_api_is_unreachable(
    quick_backoff: None, caplog: pytest.LogCaptureFixture
) -> None:
    bot = FlakyBot(NetworkError("connection refused"), TimedOut())

    done = await webhook.set_webhook_with_retry(
        cast(Any, FakeApplication(bot)), url=URL, secret=SECRET, stop=asyncio.Event()
    )

    assert done
    assert len(bot.calls) == 3
    assert bot.calls[-1] == {
        "url": URL,
        "secret_token": SECRET,
        "allowed_updates": Update.ALL_TYPES,
        "drop_pending_updates": False,
    }
    assert caplog.text.count("Bot API unreachable") == 2


async def test_a_webhook_telegram_refuses_is_one_clear_error(quick_backoff: None) -> None:
    bot = FlakyBot(BadRequest("Bad webhook: HTTPS url must be provided for webhook"))

    with pytest.raises(StartupError, match=r"Telegram refused the webhook https://bot\.example"):
        await webhook.set_webhook_with_retry(
            cast(Any, FakeApplication(bot)), url=URL, secret=SECRET, stop=asyncio.Event()
        )


async def test_a_stop_ends_the_retries(quick_backoff: None) -> None:
    stop = asyncio.Event()
    stop.set()

    done = await webhook.set_webhook_with_retry(
        cast(Any, FakeApplication(FlakyBot())), url=URL, secret=SECRET, stop=stop
    )

    assert not done
