"""Webhook set-up without a server: the path taken from WEBHOOK_URL, and setWebhook retries."""

from __future__ import annotations

import asyncio
from typing import Any, cast

import pytest
from telegram import Update
from telegram.error import BadRequest, NetworkError, TimedOut

from bot import webhook
from bot.polling import Backoff
from bot.webhook import webhook_endpoint
from core.errors import StartupError

SECRET = "s3cret-webhook-token-0123456789"
URL = "https://bot.example.org/telegram"


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
        "max_connections": 32,  # CONCURRENT_UPDATES' default
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
