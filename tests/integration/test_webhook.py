"""The webhook endpoint in-process: secret, parsing, and 200 only after the update is handled."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import aiohttp.test_utils as aiohttp_test
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from telegram import Update
from telegram.ext import TypeHandler

from bot.health import HealthCheck
from bot.webhook import SECRET_HEADER, WebhookHandler, webhook_app
from models import QuarantinedUpdate
from models.db import create_sessionmaker
from models.repository import count_users, get_user
from tests.support import factories
from tests.support.checkins import rows
from tests.support.harness import BotHarness, Conversation

SECRET = "s3cret-webhook-token-0123456789"
PATH = "/telegram"
USER = 6101


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
async def telegram(chat: Conversation) -> AsyncIterator[Telegram]:
    app, handler = webhook_app(
        chat.application,
        path=PATH,
        secret=SECRET,
        health=HealthCheck.for_application(chat.application),
    )
    async with aiohttp_test.TestClient(aiohttp_test.TestServer(app)) as client:
        yield Telegram(client, chat, handler)


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
    # The greeting and the first question, in one message.
    greeting = telegram.harness.request.sent_texts(USER)[-1]
    assert greeting.startswith("Hi Alex")
    assert "\n\nGetting started\n\nWhich company was it?" in greeting


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


async def test_an_update_the_library_cannot_read_is_set_aside_and_answered_200(
    telegram: Telegram, engine: AsyncEngine
) -> None:
    # A poll_answer without option_persistent_ids: what an older Bot API server sends.
    poison = {"update_id": 9_001, "poll_answer": {"poll_id": "p", "option_ids": [0]}}

    assert await telegram.post(poison) == 200

    (row,) = await rows(engine, QuarantinedUpdate)
    assert (row.update_id, row.update_type) == (9_001, "poll_answer")


async def test_concurrent_deliveries_run_side_by_side_but_one_users_in_arrival_order(
    telegram: Telegram,
) -> None:
    running_now: dict[int, int] = {}
    started: list[tuple[int, str]] = []
    overlap = 0
    most_at_once = 0

    async def probe(update: Update, _context: object) -> None:
        nonlocal overlap, most_at_once
        assert update.effective_user is not None
        assert update.effective_message is not None
        user = update.effective_user.id
        overlap += user in running_now
        running_now[user] = update.update_id
        most_at_once = max(most_at_once, len(running_now))
        started.append((user, update.effective_message.text or ""))
        await asyncio.sleep(0.05)
        del running_now[user]

    telegram.harness.application.add_handler(TypeHandler(Update, probe), group=-100)
    posts = []
    for n in range(3):
        for user in (USER, USER + 1, USER + 2):
            body = telegram.update("/start" if n == 0 else f"/help {n}", user_id=user)
            posts.append(asyncio.create_task(telegram.post(body)))
            await asyncio.sleep(0.01)  # let this request reach the server before the next
    assert await asyncio.gather(*posts) == [200] * 9

    assert overlap == 0
    assert most_at_once > 1
    for user in (USER, USER + 1, USER + 2):
        texts = [text for who, text in started if who == user]
        assert texts == ["/start", "/help 1", "/help 2"]
