"""Polling handles different users side by side and each user's updates in order
(`bot/polling.py`, `bot/lanes.py`); the offset only passes a handled prefix."""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections.abc import AsyncIterator, Callable

from sqlalchemy.ext.asyncio import AsyncEngine
from telegram import Update
from telegram.ext import ApplicationHandlerStop, TypeHandler

from bot.app import build_application
from bot.polling import poll
from bot.settings import Settings
from handlers.context import BotApplication, Context
from models.db import create_sessionmaker
from tests.support.clock import NOW, FixedClock
from tests.support.fake_bot_api import FakeBotApi

SLOW_USER = 7001
OTHER_USER = 7002
# Before every other handler group of the application.
PROBE_GROUP = -100


@contextlib.asynccontextmanager
async def running(
    settings: Settings,
    engine: AsyncEngine,
    probe: Callable[[Update, Context], object],
    *,
    concurrency: int = 8,
) -> AsyncIterator[BotApplication]:
    """The production application (no rate limiter) polling, with `probe` run first for
    every update; stopped on exit, which must end without an error."""
    application = build_application(
        settings,
        sessionmaker=create_sessionmaker(engine),
        clock=FixedClock(NOW),
        rate_limit=False,
    )
    application.add_handler(TypeHandler(Update, probe), group=PROBE_GROUP)  # type: ignore[arg-type]
    await application.initialize()
    stop = asyncio.Event()
    task = asyncio.create_task(
        poll(application, stop, long_poll_seconds=1, concurrency=concurrency)
    )
    try:
        yield application
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=30)
        await application.shutdown()


async def until(condition: Callable[[], bool], within: float = 15.0) -> None:
    """Wait until `condition()` holds."""
    deadline = asyncio.get_running_loop().time() + within
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.01)


def user_of(update: Update) -> int:
    assert update.effective_user is not None
    return update.effective_user.id


async def test_another_user_is_answered_while_one_update_is_still_running(
    api: FakeBotApi, engine: AsyncEngine, database_url: str, settings_for: Callable[..., Settings]
) -> None:
    settings = settings_for(database_url, telegram_api_base_url=api.base_url)
    release = asyncio.Event()

    async def probe(update: Update, _context: Context) -> None:
        if user_of(update) == SLOW_USER:
            await release.wait()

    slow = api.send_text(SLOW_USER, "/start")
    other = api.send_text(OTHER_USER, "/start")
    async with running(settings, engine, probe):
        await asyncio.to_thread(api.wait_for_message, OTHER_USER, "Hi Alex", timeout=10)
        # Handled, but not acknowledged: the slow update before it is still running, and a
        # crash now must bring both back.
        assert api.confirmed_offset <= slow
        assert api.sent_messages(SLOW_USER) == []
        release.set()
        await asyncio.to_thread(api.wait_for_message, SLOW_USER, "Hi Alex", timeout=10)
        await asyncio.to_thread(api.wait_for_offset, other + 1, 10.0)
    assert api.pending_updates() == []


async def test_an_update_arriving_while_a_slow_one_runs_on_is_fetched_at_once(
    api: FakeBotApi, engine: AsyncEngine, database_url: str, settings_for: Callable[..., Settings]
) -> None:
    # Say a reply waiting out Telegram's RetryAfter: the window isn't empty for seconds, and
    # every fetch meanwhile brings nothing new. A user who writes then isn't kept waiting.
    settings = settings_for(database_url, telegram_api_base_url=api.base_url)
    release = asyncio.Event()
    handled_at: dict[int, float] = {}
    loop = asyncio.get_running_loop()

    async def probe(update: Update, _context: Context) -> None:
        handled_at[user_of(update)] = loop.time()
        if user_of(update) == SLOW_USER:
            await release.wait()

    others = [OTHER_USER + n for n in range(3)]
    pushed: dict[int, float] = {}
    api.send_text(SLOW_USER, "/start")
    async with running(settings, engine, probe):
        await until(lambda: SLOW_USER in handled_at)
        await asyncio.sleep(2.5)  # long enough for a doubling pause to have reached 1 s
        for user in others:
            pushed[user] = loop.time()
            api.send_text(user, "/start")
            await until(lambda user=user: user in handled_at)  # type: ignore[misc]
            await asyncio.sleep(0.7)
        release.set()

    waits = [handled_at[user] - pushed[user] for user in others]
    assert max(waits) < 0.35, waits


async def test_storage_unavailable_for_one_update_holds_back_only_that_users_later_updates(
    api: FakeBotApi, engine: AsyncEngine, database_url: str, settings_for: Callable[..., Settings]
) -> None:
    settings = settings_for(database_url, telegram_api_base_url=api.base_url)
    handled: list[tuple[int, int]] = []
    failed_once: set[int] = set()

    first = api.send_text(SLOW_USER, "/start")
    second = api.send_text(SLOW_USER, "/help")
    other = api.send_text(OTHER_USER, "/start")

    async def probe(update: Update, context: Context) -> None:
        if update.update_id == first and first not in failed_once:
            failed_once.add(first)
            # What the error handler does when the pipeline raised StorageUnavailableError
            # (storage stayed unavailable for the whole retry window): not acknowledged.
            context.bot_data.unacknowledged.add(update.update_id)
            raise ApplicationHandlerStop
        handled.append((user_of(update), update.update_id))

    async with running(settings, engine, probe):
        await until(lambda: (SLOW_USER, second) in handled)
        await asyncio.to_thread(api.wait_for_offset, other + 1, 10.0)

    assert failed_once == {first}
    # The other user went on while the first update waited to be fetched again ...
    assert handled.index((OTHER_USER, other)) < handled.index((SLOW_USER, first))
    # ... and the waiting user's later update came only after it.
    assert [u for user, u in handled if user == SLOW_USER] == [first, second]
    assert api.pending_updates() == []
    texts = [m["text"] for m in api.sent_messages(SLOW_USER)]
    assert texts[0].startswith("Hi Alex"), texts
    assert not any("Sorry" in text for text in texts), texts


async def test_each_users_updates_run_one_at_a_time_in_order_while_users_overlap(
    api: FakeBotApi, engine: AsyncEngine, database_url: str, settings_for: Callable[..., Settings]
) -> None:
    settings = settings_for(database_url, telegram_api_base_url=api.base_url)
    rng = random.Random(11)
    users = list(range(7100, 7110))
    sent: dict[int, list[int]] = {user: [] for user in users}
    for _ in range(4):
        for user in users:
            text = "/start" if not sent[user] else "/help"
            sent[user].append(api.send_text(user, text))
    running_now: dict[int, int] = {}
    started: dict[int, list[int]] = {user: [] for user in users}
    overlap = 0
    most_at_once = 0

    async def probe(update: Update, _context: Context) -> None:
        nonlocal overlap, most_at_once
        user = user_of(update)
        if user in running_now:
            overlap += 1
        running_now[user] = update.update_id
        most_at_once = max(most_at_once, len(running_now))
        started[user].append(update.update_id)
        await asyncio.sleep(rng.uniform(0.0, 0.03))
        del running_now[user]

    async with running(settings, engine, probe, concurrency=4):
        last = max(max(ids) for ids in sent.values())
        await asyncio.to_thread(api.wait_for_offset, last + 1, 20.0)

    assert overlap == 0
    assert started == sent
    # Users did overlap, within the bound.
    assert 1 < most_at_once <= 4
