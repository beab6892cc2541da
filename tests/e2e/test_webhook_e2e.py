"""The real `bounceback run` in webhook mode; the test plays Telegram and POSTs the updates.

Covers the secret, "200 only after the update is handled" across a SIGKILL, and two replicas
behind one URL sharing PostgreSQL (one user's concurrent answers, check-ins sent once).
"""

from __future__ import annotations

import asyncio
import itertools
import re
import signal
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import insert, select
from telegram import Update

from bot.webhook import SECRET_HEADER
from models.db import create_engine, create_sessionmaker
from models.journeys import Answer, Checkin, Journey
from models.users import User
from tests.conftest import TEST_CIPHER
from tests.support.fake_bot_api import FakeBotApi
from tests.support.process import BotProcess, free_port

pytestmark = pytest.mark.e2e

SECRET = "e2e-webhook-secret-0123456789abcdef"
USER = 778001
GRIEF_OVER = "Your grief window is over"
_update_ids = itertools.count(910_000)
_message_ids = itertools.count(1)


def webhook_env(port: int, *, public_port: int | None = None, **extra: str) -> dict[str, str]:
    """Webhook mode on `port`; Telegram is told http://127.0.0.1:<public_port>/telegram."""
    return {
        "WEBHOOK_URL": f"http://127.0.0.1:{public_port or port}/telegram",
        "WEBHOOK_SECRET": SECRET,
        "WEBHOOK_PORT": str(port),
        **extra,
    }


def text_update(user_id: int, text: str, *, first_name: str = "Robin") -> dict[str, Any]:
    """A private text message as Telegram POSTs it."""
    message: dict[str, Any] = {
        "message_id": next(_message_ids),
        "date": int(time.time()),
        "chat": {"id": user_id, "type": "private", "first_name": first_name},
        "from": {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "en"},
        "text": text,
    }
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text)}]
    return {"update_id": next(_update_ids), "message": message}


def post(port: int, update: dict[str, Any], *, secret: str | None = SECRET) -> int:
    """Deliver `update` the way Telegram does; return the HTTP status."""
    headers = {SECRET_HEADER: secret} if secret is not None else {}
    response = httpx.post(
        f"http://127.0.0.1:{port}/telegram", json=update, headers=headers, timeout=15
    )
    return response.status_code


def journey_state(database_url: str, user_id: int) -> tuple[str, dict[str, str]]:
    """(the prompt the user's journey is on, its answers)."""

    async def read() -> tuple[str, dict[str, str]]:
        engine = create_engine(database_url, cipher=TEST_CIPHER)
        try:
            async with create_sessionmaker(engine).begin() as session:
                journey = (
                    await session.scalars(select(Journey).where(Journey.user_id == user_id))
                ).one()
                answers = await session.scalars(
                    select(Answer).where(Answer.journey_id == journey.id)
                )
                return journey.prompt, {answer.key: answer.value for answer in answers}
        finally:
            await engine.dispose()

    return asyncio.run(read())


def test_refuses_to_start_without_a_secret(api: FakeBotApi, tmp_path: Path) -> None:
    env = webhook_env(free_port(), WEBHOOK_SECRET="")
    with BotProcess(api, tmp_path, **env).start() as bot:
        assert bot.process is not None
        assert bot.process.wait(timeout=20) == 2
    (error,) = [line for line in bot.log().splitlines() if "error" in line]
    assert error.startswith("bounceback: error: WEBHOOK_SECRET is required in webhook mode")
    assert api.calls == []  # refused before talking to Telegram


def test_only_requests_with_the_secret_are_handled_and_answered_after_that(
    api: FakeBotApi, tmp_path: Path
) -> None:
    port = free_port()
    with BotProcess(api, tmp_path, **webhook_env(port)).start() as bot:
        bot.wait_for_log("webhook set")
        assert api.webhook == {
            "url": f"http://127.0.0.1:{port}/telegram",
            "secret_token": SECRET,
            "allowed_updates": list(Update.ALL_TYPES),
        }
        assert not api.calls_to("deleteWebhook")

        start = text_update(USER, "/start")
        assert post(port, start, secret=None) == 403
        assert post(port, start, secret="not-the-secret-0123456789") == 403
        assert api.sent_messages(USER) == []

        assert post(port, start) == 200
        # The reply went out before Telegram heard 200.
        assert api.sent_messages(USER)[0]["text"].startswith("Hi Robin")
        assert httpx.get(bot.health_url, timeout=5).json() == {
            "status": "ok",
            "database": "ok",
            "dispatcher": "ok",
        }

        # SIGTERM while an update is being handled: it is finished and answered first.
        api.delay("sendMessage", 1.0)
        statuses: list[int] = []
        sent_before = time.monotonic()
        delivery = threading.Thread(
            target=lambda: statuses.append(post(port, text_update(USER, "Acme Corp")))
        )
        delivery.start()
        api.wait_for(lambda call: call.method == "sendMessage" and call.at > sent_before)
        assert bot.stop(signal.SIGTERM) == 0
        delivery.join(timeout=10)
    assert statuses == [200]
    assert "And the role" in api.sent_messages(USER)[-1]["text"]
    assert "stopped cleanly" in bot.log()
    assert SECRET not in bot.log()


def test_an_update_cut_off_by_a_crash_is_applied_once_when_delivered_again(
    api: FakeBotApi, tmp_path: Path
) -> None:
    port = free_port()
    env = webhook_env(port)
    database_url = f"sqlite:///{tmp_path / 'data' / 'bounceback.db'}"
    answer = text_update(USER, "Acme Corp")
    outcome: list[object] = []

    def deliver() -> None:
        try:
            outcome.append(post(port, answer))
        except httpx.HTTPError as exc:
            outcome.append(exc)

    with BotProcess(api, tmp_path, **env).start() as bot:
        bot.wait_for_log("webhook set")
        assert post(port, text_update(USER, "/start")) == 200
        api.delay("sendMessage", 2.0)
        sent_before = time.monotonic()
        delivery = threading.Thread(target=deliver)
        delivery.start()
        # The answer is committed and its reply is on its way: now the process dies.
        api.wait_for(lambda call: call.method == "sendMessage" and call.at > sent_before)
        bot.kill()
        delivery.join(timeout=10)
        before = len(api.sent_messages(USER))
    assert len(outcome) == 1
    assert outcome[0] != 200, outcome  # Telegram never heard 200 …
    api.delay("sendMessage", 0)

    with BotProcess(api, tmp_path, **env).start() as restarted:
        restarted.wait_for_log("webhook set")
        assert post(port, answer) == 200  # … so it delivers the update again
        # The reply was committed with the answer (the outbox): the restarted sender sends it
        # (maybe as soon as it starts), unless Telegram had accepted it just before the kill.
        api.wait_for_message(USER, "And the role", after=before)
        assert restarted.stop() == 0

    # Applied once: "Acme Corp" is the company, not also the answer to the next prompt.
    assert journey_state(database_url, USER) == ("role", {"company": "Acme Corp"})


async def _plan_due_grief_checkins(
    database_url: str, users: range, *, batches: int, pause: float
) -> None:
    """Users without quiet hours, each with a grief-window check-in due now, committed in
    `batches` spaced by `pause` seconds so that both dispatchers get some to claim.

    A Core INSERT: an ORM object would turn quiet_start=None into the column default "22:00"."""
    engine = create_engine(database_url, cipher=TEST_CIPHER)
    size = -(-len(users) // batches)
    try:
        for start in range(0, len(users), size):
            batch = users[start : start + size]
            now = datetime.now(UTC)
            async with engine.begin() as connection:
                await connection.execute(
                    insert(User),
                    [
                        {
                            "telegram_id": user_id,
                            "language_code": "en",
                            "timezone": "UTC",
                            "quiet_start": None,
                            "quiet_end": None,
                            "created_at": now,
                            "last_seen_at": now,
                        }
                        for user_id in batch
                    ],
                )
                await connection.execute(
                    insert(Checkin),
                    [
                        {
                            "user_id": user_id,
                            "kind": "grief_over",
                            "due_at": now,
                            "status": "pending",
                            "attempts": 0,
                            "created_at": now,
                            "updated_at": now,
                        }
                        for user_id in batch
                    ],
                )
            await asyncio.sleep(pause)
    finally:
        await engine.dispose()


async def _checkin_statuses(database_url: str, users: range) -> Counter[str]:
    engine = create_engine(database_url, cipher=TEST_CIPHER)
    try:
        async with create_sessionmaker(engine).begin() as session:
            statuses = await session.scalars(
                select(Checkin.status).where(Checkin.user_id.in_(users))
            )
            return Counter(statuses.all())
    finally:
        await engine.dispose()


def _grief_messages(api: FakeBotApi) -> Counter[int]:
    return Counter(
        int(m["chat"]["id"]) for m in api.sent_messages() if GRIEF_OVER in str(m.get("text"))
    )


@pytest.mark.postgres
def test_two_replicas_behind_one_url_behave_as_one_bot(
    api: FakeBotApi, tmp_path: Path, postgres_url: str
) -> None:
    port_a, port_b = free_port(), free_port()
    shared = {
        "DATABASE_URL": postgres_url,
        "DISPATCH_INTERVAL_SECONDS": "0.2",
        "MAX_MESSAGES_PER_SECOND": "500",
    }
    # Both start at once on an empty database: their migrations must queue, not collide.
    with (
        BotProcess(api, tmp_path, **webhook_env(port_a), **shared).start() as a,
        BotProcess(api, tmp_path, **webhook_env(port_b, public_port=port_a), **shared).start() as b,
    ):
        a.wait_for_log("webhook set")
        b.wait_for_log("webhook set")
        assert post(port_a, text_update(USER, "/start")) == 200

        # One user's two answers reach the two replicas at the same moment.
        answers = {port_a: "Acme Corp", port_b: "Staff Engineer"}
        statuses: dict[int, int] = {}
        barrier = threading.Barrier(len(answers))

        def deliver(port: int) -> None:
            update = text_update(USER, answers[port])
            barrier.wait()
            statuses[port] = post(port, update)

        threads = [threading.Thread(target=deliver, args=(port,)) for port in answers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=20)
        assert statuses == {port_a: 200, port_b: 200}
        prompt, stored = journey_state(postgres_url, USER)
        # Both answers are kept, one per prompt (in whichever order they were handled), and
        # the journey moved two steps on: no update was lost or applied over the other.
        assert prompt == "when"
        assert sorted(stored) == ["company", "role"]
        assert sorted(stored.values()) == sorted(answers.values())

        # 200 due check-ins, two dispatchers polling every 0.2 s: each is sent once.
        users = range(990_001, 990_201)
        asyncio.run(_plan_due_grief_checkins(postgres_url, users, batches=8, pause=0.15))
        deadline = time.monotonic() + 20
        while sum(_grief_messages(api).values()) < len(users) and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.0)  # five more dispatch runs each: a duplicate would show up now
        assert _grief_messages(api) == Counter({user: 1 for user in users})
        assert asyncio.run(_checkin_statuses(postgres_url, users)) == Counter({"sent": len(users)})
        for replica in (a, b):
            assert httpx.get(replica.health_url, timeout=5).status_code == 200

        assert a.stop() == 0
        assert b.stop() == 0
    sent_by = [
        sum(int(n) for n in re.findall(r"check-ins: (\d+) sent", replica.log()))
        for replica in (a, b)
    ]
    assert sum(sent_by) == len(users), sent_by
    print(f"check-ins sent by replica A, B: {sent_by}")
