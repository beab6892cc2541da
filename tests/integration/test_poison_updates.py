"""An update python-telegram-bot cannot read is set aside and acknowledged: it never stops the
updates behind it (`bot/polling.py`), on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections import deque
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from telegram.ext import ExtBot
from telegram.request import RequestData

from bot.app import build_application
from bot.polling import Unreadable, poll, read_update, update_type_of
from bot.settings import Settings
from handlers.context import BotApplication
from models import repository as repo
from models.db import create_sessionmaker
from models.outbox import QuarantinedUpdate
from tests.support.checkins import rows
from tests.support.clock import NOW, FixedClock
from tests.support.fake_bot_api import FakeBotApi
from tests.support.harness import Conversation
from tests.support.recording_request import RecordingRequest

USER = 515151
ADMIN = 4242
# Content of the unreadable update that must never reach a log or a table.
SECRET_POLL = "poll-Zephyrine-4711"
SECRET_NAME = "Zephyrine"


def poison_poll_answer(update_id: int | None = None) -> dict[str, Any]:
    """A poll_answer as a Bot API server older than 9.6 sends it: no option_persistent_ids,
    which python-telegram-bot 22 requires (Update.de_json raises TypeError)."""
    update: dict[str, Any] = {
        "poll_answer": {
            "poll_id": SECRET_POLL,
            "user": {"id": 616161, "is_bot": False, "first_name": SECRET_NAME},
            "option_ids": [0],
        }
    }
    if update_id is not None:
        update["update_id"] = update_id
    return update


def start_entry(update_id: int, user_id: int = USER) -> dict[str, Any]:
    """A raw /start as getUpdates returns it."""
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 1_790_000_000,
            "chat": {"id": user_id, "type": "private", "first_name": "Alex"},
            "from": {"id": user_id, "is_bot": False, "first_name": "Alex", "language_code": "en"},
            "text": "/start",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        },
    }


@pytest.fixture
def bot_settings(database_url: str, settings_for: Callable[..., Settings]) -> Settings:
    """`chat`'s bot: ADMIN may see /stats."""
    return settings_for(database_url, admin_user_ids=frozenset({ADMIN}))


@contextlib.asynccontextmanager
async def application_for(
    settings: Settings, engine: AsyncEngine, **requests: Any
) -> AsyncIterator[BotApplication]:
    """The production application (no rate limiter) on `engine`, initialised."""
    application = build_application(
        settings,
        sessionmaker=create_sessionmaker(engine),
        clock=FixedClock(NOW),
        rate_limit=False,
        **requests,
    )
    await application.initialize()
    try:
        yield application
    finally:
        await application.shutdown()


@contextlib.asynccontextmanager
async def polling(application: BotApplication) -> AsyncIterator[asyncio.Task[None]]:
    """`poll()` running in a task; on exit it is stopped and must end without an error."""
    stop = asyncio.Event()
    task = asyncio.create_task(poll(application, stop, long_poll_seconds=1))
    try:
        yield task
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=15)


async def confirmed(api: FakeBotApi, offset: int) -> None:
    """Wait (off the event loop) until the poller has confirmed `offset`."""
    await asyncio.to_thread(api.wait_for_offset, offset, 15.0)


def set_aside_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if "set aside" in r.getMessage()]


async def test_a_poison_update_is_set_aside_and_the_rest_of_the_batch_is_handled(
    api: FakeBotApi,
    engine: AsyncEngine,
    database_url: str,
    settings_for: Callable[..., Settings],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    settings = settings_for(database_url, telegram_api_base_url=api.base_url)
    start = api.send_text(USER, "/start")
    poison = api.push_update(poison_poll_answer())
    words = api.send_text(USER, "hello there")
    assert start < poison < words  # one batch, the bad one in the middle

    async with application_for(settings, engine) as application, polling(application):
        await confirmed(api, words + 1)
        await asyncio.to_thread(api.wait_for_message, USER, None, timeout=10, after=1)

    texts = [m["text"] for m in api.sent_messages(USER)]
    assert texts[0].startswith("Hi Alex"), texts
    assert len(texts) >= 2, texts  # the text after the poison update was answered too
    assert api.confirmed_offset == words + 1
    assert api.pending_updates() == []

    (row,) = await rows(engine, QuarantinedUpdate)
    assert (row.update_id, row.update_type, row.error) == (poison, "poll_answer", "TypeError")
    assert row.received_at == NOW
    # Nothing else is kept: no column could hold the update's content.
    assert {c.name for c in QuarantinedUpdate.__table__.columns} == {
        "update_id",
        "update_type",
        "error",
        "received_at",
    }

    (record,) = set_aside_records(caplog)
    assert record.levelno == logging.WARNING
    assert record.getMessage() == (
        f"update {poison} (poll_answer) could not be read (TypeError); set aside and acknowledged"
    )
    assert record.exc_info is None
    assert SECRET_POLL not in caplog.text
    assert SECRET_NAME not in caplog.text


async def test_the_same_poison_update_delivered_again_is_recorded_once(
    api: FakeBotApi,
    engine: AsyncEngine,
    database_url: str,
    settings_for: Callable[..., Settings],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    settings = settings_for(database_url, telegram_api_base_url=api.base_url)
    poison = api.push_update(poison_poll_answer())
    async with application_for(settings, engine) as application:
        async with polling(application):
            await confirmed(api, poison + 1)
        # Telegram delivers it again (say the acknowledgement was lost), then a /start.
        api.push_update(poison_poll_answer(poison))
        start = api.send_text(USER, "/start")
        async with polling(application):
            await confirmed(api, start + 1)
            await asyncio.to_thread(api.wait_for_message, USER, "Hi Alex", timeout=10)

    assert [r.update_id for r in await rows(engine, QuarantinedUpdate)] == [poison]
    assert len(set_aside_records(caplog)) == 2
    assert "could not record" not in caplog.text
    assert api.pending_updates() == []


async def test_quarantine_update_ignores_a_known_id(engine: AsyncEngine) -> None:
    sessionmaker = create_sessionmaker(engine)
    async with sessionmaker.begin() as session:
        first = await repo.quarantine_update(
            session, update_id=77, update_type="poll_answer", error="TypeError", now=NOW
        )
        again = await repo.quarantine_update(
            session, update_id=77, update_type="poll_answer", error="KeyError", now=NOW
        )
        assert (first, again) == (True, False)
        assert await repo.count_quarantined(session) == 1
    (row,) = await rows(engine, QuarantinedUpdate)
    assert row.error == "TypeError"


class ScriptedUpdates(RecordingRequest):
    """A getUpdates request that answers with the given batches, then with empty ones; with
    `forever`, the last batch is answered again and again (as Telegram does with updates that
    are never acknowledged)."""

    def __init__(self, *batches: list[Any], forever: bool = False) -> None:
        super().__init__()
        self.batches = deque(batches)
        self.forever = forever

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        """Serve the next batch; an empty answer comes after a short long-poll."""
        if not url.endswith("/getUpdates"):
            return await super().do_request(url, method, request_data)
        await super().do_request(url, method, request_data)  # recorded
        if self.forever and len(self.batches) == 1:
            batch = self.batches[0]
        elif self.batches:
            batch = self.batches.popleft()
        else:
            await asyncio.sleep(0.05)
            batch = []
        return 200, json.dumps({"ok": True, "result": batch}).encode()

    def offsets(self) -> list[int | None]:
        """The offset of every getUpdates call, in order."""
        return [call.params.get("offset") for call in self.calls]


async def test_entries_without_an_update_id_are_skipped_and_the_offset_still_moves(
    engine: AsyncEngine, bot_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    batch: list[Any] = [
        start_entry(100),
        "not an update",
        {"message": {"text": SECRET_NAME}},  # no update_id
        {"update_id": "101", "message": {"text": SECRET_NAME}},  # not an integer
        poison_poll_answer(102),
        {"update_id": 103, "message": SECRET_NAME},  # a message that isn't an object
    ]
    updates = ScriptedUpdates(batch)
    sends = RecordingRequest()
    async with (
        application_for(
            bot_settings, engine, request=sends, get_updates_request=updates
        ) as application,
        polling(application),
    ):
        for _ in range(200):
            if 104 in updates.offsets():
                break
            await asyncio.sleep(0.02)

    assert updates.offsets()[0] is None
    assert 104 in updates.offsets()  # past the highest id, the unreadable ones included
    assert updates.offsets()[-1] == 104  # the acknowledgement on stop
    assert sends.sent_texts(USER)[0].startswith("Hi Alex")
    quarantined = await rows(engine, QuarantinedUpdate)
    assert [(r.update_id, r.update_type, r.error) for r in quarantined] == [
        (102, "poll_answer", "TypeError"),
        (103, "message", "AttributeError"),
    ]
    skipped = [r.getMessage() for r in caplog.records if "without a usable update_id" in r.msg]
    assert skipped == [
        "skipped a getUpdates entry without a usable update_id (unknown, not a JSON object)",
        "skipped a getUpdates entry without a usable update_id (message, no update_id)",
        "skipped a getUpdates entry without a usable update_id (message, no update_id)",
    ]
    assert SECRET_NAME not in caplog.text
    assert SECRET_POLL not in caplog.text


async def test_a_batch_with_nothing_to_acknowledge_is_not_fetched_in_a_tight_loop(
    engine: AsyncEngine, bot_settings: Settings
) -> None:
    updates = ScriptedUpdates(["not an update"], forever=True)
    async with (
        application_for(
            bot_settings, engine, request=RecordingRequest(), get_updates_request=updates
        ) as application,
        polling(application),
    ):
        await asyncio.sleep(0.5)
    # The first fetch, then a back-off of 1 s that the stop cut short; no acknowledgement.
    assert updates.offsets() == [None]


async def test_when_the_quarantine_cannot_be_written_the_updates_still_move_on(
    api: FakeBotApi,
    engine: AsyncEngine,
    database_url: str,
    settings_for: Callable[..., Settings],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    async with engine.begin() as connection:
        await connection.execute(text("DROP TABLE quarantined_updates"))
    settings = settings_for(database_url, telegram_api_base_url=api.base_url)
    poison = api.push_update(poison_poll_answer())
    start = api.send_text(USER, "/start")

    async with application_for(settings, engine) as application, polling(application):
        await confirmed(api, start + 1)
        await asyncio.to_thread(api.wait_for_message, USER, "Hi Alex", timeout=10)

    assert api.pending_updates() == []
    (failure,) = [r for r in caplog.records if "could not record" in r.getMessage()]
    assert failure.getMessage().startswith(f"could not record unreadable update {poison} (")
    assert failure.levelno == logging.WARNING
    assert SECRET_POLL not in caplog.text


async def test_stopping_with_a_poison_update_waiting_finishes_cleanly(
    api: FakeBotApi, engine: AsyncEngine, database_url: str, settings_for: Callable[..., Settings]
) -> None:
    settings = settings_for(database_url, telegram_api_base_url=api.base_url)
    api.delay("sendMessage", 0.5)
    async with application_for(settings, engine) as application:
        stop = asyncio.Event()
        task = asyncio.create_task(poll(application, stop, long_poll_seconds=1))
        start = api.send_text(USER, "/start")
        await asyncio.to_thread(api.wait_for, lambda call: call.method == "sendMessage", 10.0)
        # The reply is in flight; an unreadable update arrives and a stop is requested.
        api.push_update(poison_poll_answer())
        stop.set()
        await asyncio.wait_for(task, timeout=15)  # the final acknowledgement doesn't read it

    assert api.confirmed_offset == start + 1
    (waiting,) = api.pending_updates()
    assert "poll_answer" in waiting  # set aside at the next start, not lost


async def test_stats_counts_the_updates_set_aside(chat: Conversation, engine: AsyncEngine) -> None:
    async with create_sessionmaker(engine).begin() as session:
        for update_id in (5, 6):
            await repo.quarantine_update(
                session, update_id=update_id, update_type="poll_answer", error="TypeError", now=NOW
            )

    (reply,) = await chat.send("/stats", user_id=ADMIN)

    assert "Updates set aside as unreadable: 2" in reply


def test_reading_one_entry() -> None:
    bot: ExtBot[Any] = ExtBot("123456:TEST-read-one-entry")
    update = read_update(start_entry(9), bot)
    assert not isinstance(update, Unreadable)
    assert update.update_id == 9
    assert read_update(poison_poll_answer(10), bot) == Unreadable(10, "poll_answer", "TypeError")
    assert read_update([1, 2], bot) == Unreadable(None, "unknown", "not a JSON object")
    assert read_update({"update_id": True}, bot) == Unreadable(None, "unknown", "no update_id")
    # The kind is the first key after update_id, and only when it looks like a field name.
    assert update_type_of({"poll_answer": {}, "update_id": 1}) == "poll_answer"
    assert update_type_of({"update_id": 1, "Weird Key!": {}, "message": {}}) == "unknown"
    assert update_type_of({"update_id": 1, "x" * 41: {}}) == "unknown"
