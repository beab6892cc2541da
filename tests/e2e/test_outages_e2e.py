"""Outages against the real `bounceback run` process: a database that another writer holds or
that is out of reach delays the answers (retried, without apology) and loses none; a Bot API
that answers a send only after the client gave up gets every reply, in order; a database that
turns busy just after a reply was accepted is no reason to apologise.

Each test prints what it measured (run pytest with -rP or -s to see it).
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from core.replies import reply_from_json
from models.db import create_engine, create_sessionmaker, sqlite_file_of
from models.journeys import Answer, Journey
from models.outbox import OutboxMessage
from tests.conftest import TEST_CIPHER
from tests.support.e2e_chat import send
from tests.support.fake_bot_api import FakeBotApi
from tests.support.process import BotProcess
from tests.support.tcp_proxy import TcpProxy

pytestmark = pytest.mark.e2e

USER = 777401
# Four answers in a row after /start; each is valid for the prompt it will meet.
ANSWERS = ("Acme", "Data analyst", "Today", "2")
# What the bot asks after each of them.
NEXT_QUESTIONS = (
    "And the role you interviewed for?",
    "When did you hear back?",
    "How are you feeling right now",
    "Which time zone are you in?",
)
# How the four answers are stored (prompt key, value), in the order they were given.
STORED = [("company", "Acme"), ("role", "Data analyst"), ("when", "today"), ("mood", "2")]
APOLOGY = "Sorry, something went wrong"
RETRIED = "storage unavailable"

OUTAGE_SECONDS = 10.0
# python-telegram-bot's HTTPXRequest gives up reading an answer after 5 s (its default).
CLIENT_READ_TIMEOUT = 5.0
# Longer than that, but shorter than the timeout plus the outbox's first back-off (1 s), so the
# answer to the timed-out request lands before the retry is made.
SLOW_SEND = CLIENT_READ_TIMEOUT + 0.5


# --- Reading back what the bot stored --------------------------------------------------------


@dataclass(frozen=True)
class Stored:
    """What the database holds after the run: the answers and the committed replies."""

    # (prompt key, value) in the order they were answered.
    answers: list[tuple[str, str]]
    # (text, status) of every reply committed to the outbox for USER, in order.
    outbox: list[tuple[str, str]]


async def _read_back(database_url: str) -> Stored:
    # The app's own engine with the BotProcess's key: answers and outbox rows are encrypted.
    engine = create_engine(database_url, cipher=TEST_CIPHER)
    try:
        async with create_sessionmaker(engine)() as session:
            answers = await session.execute(
                select(Answer.key, Answer.value)
                .join(Journey, Journey.id == Answer.journey_id)
                .where(Journey.user_id == USER)
                .order_by(Answer.answered_at)
            )
            outbox = await session.execute(
                select(OutboxMessage.payload, OutboxMessage.status)
                .where(OutboxMessage.chat_id == USER)
                .order_by(OutboxMessage.id)
            )
            return Stored(
                answers=[(key, value) for key, value in answers],
                outbox=[(reply_from_json(payload).text, status) for payload, status in outbox],
            )
    finally:
        await engine.dispose()


def read_back(database_url: str) -> Stored:
    """The answers and outbox rows of USER, decrypted by the app's own code."""
    return asyncio.run(_read_back(database_url))


def assert_running(bot: BotProcess) -> None:
    """The bot process is still up."""
    assert bot.process is not None
    assert bot.process.poll() is None, f"the bot exited:\n{bot.log()}"


def sent_texts(api: FakeBotApi) -> list[str]:
    return [str(message.get("text", "")) for message in api.sent_messages(USER)]


def duplicates_against(sent: list[str], committed: list[str]) -> int:
    """How many messages arrived twice; fails if one is missing, unknown or out of order.

    A duplicate is a message equal to one already delivered (wherever the second copy lands);
    everything else must follow the committed order exactly.
    """
    delivered = 0
    duplicates = 0
    for text in sent:
        if delivered < len(committed) and text == committed[delivered]:
            delivered += 1
        elif text in committed[:delivered]:
            duplicates += 1
        else:
            raise AssertionError(
                f"unexpected or out-of-order message {text!r}\nsent: {sent}\ncommitted: {committed}"
            )
    assert delivered == len(committed), f"not delivered: {committed[delivered:]}"
    return duplicates


# --- One user answering through an outage ----------------------------------------------------


@dataclass(frozen=True)
class Timing:
    """When an answer was sent and when its reply reached the Bot API (monotonic seconds)."""

    answer: str
    sent_at: float
    replied_at: float


def first_send_of(api: FakeBotApi, fragment: str, since: float) -> float:
    """When the first sendMessage to USER containing `fragment` reached the fake Bot API."""
    for call in api.calls_to("sendMessage"):
        if (
            call.at >= since
            and call.params.get("chat_id") == USER
            and fragment in str(call.params.get("text", ""))
        ):
            return call.at
    raise AssertionError(f"no sendMessage with {fragment!r}")


def answer_through_an_outage(
    api: FakeBotApi, bot: BotProcess, *, cut: Callable[[], None], restore: Callable[[], None]
) -> list[Timing]:
    """/start, then the outage begins and the user sends the four answers in a row; after
    OUTAGE_SECONDS it ends and every answer must be handled. Returns when each reply came."""
    bot.wait_for_log("polling for updates")
    greeting = send(api, USER, "/start")  # returns once its replies are sent and acknowledged
    assert "Which company was it?" in greeting[-1]["text"]
    before = len(api.sent_messages(USER))

    cut()
    cut_at = time.monotonic()
    sent: list[tuple[str, int, float]] = []
    for answer in ANSWERS:
        update_id = api.send_text(USER, answer)
        sent.append((answer, update_id, time.monotonic()))
    # The outage itself: nothing can be stored, so nothing may be answered meanwhile.
    time.sleep(max(0.0, cut_at + OUTAGE_SECONDS - time.monotonic()))
    assert api.sent_messages(USER)[before:] == [], "answered while storage was down"
    assert_running(bot)
    restore()
    restored_at = time.monotonic()

    api.wait_for_offset(sent[-1][1] + 1, timeout=30)
    timings = [
        Timing(answer, sent_at, first_send_of(api, question, cut_at))
        for (answer, _, sent_at), question in zip(sent, NEXT_QUESTIONS, strict=True)
    ]
    for timing in timings:
        print(
            f"answer {timing.answer!r}: sent {timing.sent_at - cut_at:4.1f} s into the outage, "
            f"reply after {timing.replied_at - timing.sent_at:4.1f} s "
            f"({timing.replied_at - restored_at:+4.1f} s from the restore)"
        )
    return timings


def assert_answered_once_each(api: FakeBotApi, bot: BotProcess, database_url: str) -> None:
    """The run is over (the bot stopped): every answer stored once, in order; every committed
    reply sent exactly once, in order; no apology; the retries really happened."""
    texts = sent_texts(api)
    assert not any(APOLOGY in text for text in texts), texts
    for question in NEXT_QUESTIONS:
        assert sum(question in text for text in texts) == 1, (question, texts)
    stored = read_back(database_url)
    assert stored.answers == STORED
    assert [status for _, status in stored.outbox] == ["sent"] * len(stored.outbox)
    assert duplicates_against(texts, [text for text, _ in stored.outbox]) == 0
    assert RETRIED in bot.log()


# --- 1. SQLite held by another writer --------------------------------------------------------


class SqliteWriter:
    """Another process's writer on the bot's SQLite file: BEGIN IMMEDIATE takes the write lock
    (readers go on, in WAL mode) until `release`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.connection: sqlite3.Connection | None = None

    def hold(self) -> None:
        # The bot may be writing right now (its outbox job runs every second): queue for it.
        self.connection = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        self.connection.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        if self.connection is not None:
            self.connection.execute("ROLLBACK")
            self.connection.close()
            self.connection = None


@contextlib.contextmanager
def writer_on(path: Path) -> Iterator[SqliteWriter]:
    writer = SqliteWriter(path)
    try:
        yield writer
    finally:
        writer.release()


def test_sqlite_held_by_another_writer_delays_four_answers_and_loses_none(
    api: FakeBotApi, tmp_path: Path
) -> None:
    with BotProcess(api, tmp_path).start() as bot:
        database_url = bot.env["DATABASE_URL"]
        path = sqlite_file_of(database_url)
        assert path is not None
        with writer_on(path) as writer:
            timings = answer_through_an_outage(api, bot, cut=writer.hold, restore=writer.release)
        # The first answer waited out the lock; the others queued behind it, in order.
        assert timings[0].replied_at - timings[0].sent_at >= OUTAGE_SECONDS - 0.5
        assert [t.replied_at for t in timings] == sorted(t.replied_at for t in timings)
        assert_running(bot)
        assert bot.stop() == 0
    # Each unit of work waited SQLite's 5 s busy timeout, failed, and was tried again.
    assert "storage unavailable (OperationalError)" in bot.log()
    assert_answered_once_each(api, bot, database_url)


# --- 2. PostgreSQL out of reach --------------------------------------------------------------


@pytest.mark.postgres
def test_postgres_unreachable_delays_four_answers_and_loses_none(
    api: FakeBotApi, tmp_path: Path, postgres_url: str
) -> None:
    # `postgres_url` is a fresh database (dropped afterwards); a skip without
    # TEST_DATABASE_URL, a failure when BOUNCEBACK_REQUIRE_POSTGRES=1.
    direct = make_url(postgres_url)
    with TcpProxy(direct.host or "127.0.0.1", direct.port or 5432) as proxy:
        through_proxy = direct.set(port=proxy.port).render_as_string(hide_password=False)
        with BotProcess(api, tmp_path, DATABASE_URL=through_proxy).start() as bot:
            reset: list[int] = []
            timings = answer_through_an_outage(
                api, bot, cut=lambda: reset.append(proxy.cut()), restore=proxy.restore
            )
            assert reset[0] >= 1, "the bot held no connection to cut"
            assert [t.replied_at for t in timings] == sorted(t.replied_at for t in timings)
            assert_running(bot)
            assert bot.stop() == 0
        print(f"connections reset by the cut: {reset[0]}; accepted in all: {proxy.accepted}")
    assert_answered_once_each(api, bot, postgres_url)


# --- 3. A send slower than the client's timeout ----------------------------------------------


def pending_outbox_rows(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        (count,) = connection.execute(
            "SELECT count(*) FROM outbox WHERE status = 'pending'"
        ).fetchone()
    return int(count)


def test_a_send_slower_than_the_client_timeout_is_retried_and_every_reply_arrives_in_order(
    api: FakeBotApi, tmp_path: Path
) -> None:
    with BotProcess(api, tmp_path).start() as bot:
        database_url = bot.env["DATABASE_URL"]
        path = sqlite_file_of(database_url)
        assert path is not None
        bot.wait_for_log("polling for updates")
        send(api, USER, "/start")

        api.delay("sendMessage", SLOW_SEND)
        started = time.monotonic()
        update_ids = [api.send_text(USER, ANSWERS[0])]
        slow = api.wait_for(lambda call: call.method == "sendMessage" and call.at >= started)
        api.delay("sendMessage", 0)  # only the reply already on its way is slow
        sent_at = [started]
        for answer in ANSWERS[1:]:
            update_ids.append(api.send_text(USER, answer))
            sent_at.append(time.monotonic())

        api.wait_for_offset(update_ids[-1] + 1, timeout=30)
        deadline = time.monotonic() + 20
        while pending_outbox_rows(path) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert pending_outbox_rows(path) == 0
        # The slow request is answered SLOW_SEND after it arrived (the fake accepts it even
        # though the client has gone): wait until then, so its copy is counted.
        time.sleep(max(0.0, slow.at + SLOW_SEND + 0.3 - time.monotonic()))
        assert_running(bot)
        assert bot.stop() == 0

    log = bot.log()
    assert "(TimedOut)" in log  # the client really gave up on the slow send, then retried it
    texts = sent_texts(api)
    assert not any(APOLOGY in text for text in texts), texts
    stored = read_back(database_url)
    assert stored.answers == STORED
    assert [status for _, status in stored.outbox] == ["sent"] * len(stored.outbox)
    duplicates = duplicates_against(texts, [text for text, _ in stored.outbox])

    attempts = [
        [c.at for c in api.calls_to("sendMessage") if question in str(c.params.get("text", ""))]
        for question in NEXT_QUESTIONS
    ]
    for answer, at, tries in zip(ANSWERS, sent_at, attempts, strict=True):
        print(
            f"answer {answer!r}: reply first sent after {tries[0] - at:4.1f} s, "
            f"{len(tries)} attempt(s), last after {tries[-1] - at:4.1f} s"
        )
    print(f"duplicates delivered: {duplicates} (of {len(texts)} messages)")
    assert len(attempts[0]) == 2  # the slow one, then its retry
    assert all(len(tries) == 1 for tries in attempts[1:])
    # A send the server accepted after the client timed out shows twice; that is at-least-once
    # delivery (Telegram has no idempotency key), and it may happen once here, not more.
    assert duplicates <= 1


# --- 4. Storage busy right after Telegram accepted a reply ------------------------------------

# Long enough for the test to take the write lock while the reply is on its way, shorter than
# the client's timeout (so Telegram accepts it and the bot then tries to mark it sent).
IN_FLIGHT = 2.0
# How long the other writer holds the lock once the reply is on its way (past the 5 s busy
# timeout, so recording the send is retried).
HELD = 9.0


def test_storage_busy_right_after_a_reply_was_accepted_is_no_reason_to_apologise(
    api: FakeBotApi, tmp_path: Path
) -> None:
    with BotProcess(api, tmp_path).start() as bot:
        database_url = bot.env["DATABASE_URL"]
        path = sqlite_file_of(database_url)
        assert path is not None
        bot.wait_for_log("polling for updates")
        send(api, USER, "/start")

        api.delay("sendMessage", IN_FLIGHT)
        started = time.monotonic()
        update_id = api.send_text(USER, ANSWERS[0])  # committed, then its reply goes out
        api.wait_for(lambda call: call.method == "sendMessage" and call.at >= started)
        api.delay("sendMessage", 0)
        with writer_on(path) as writer:
            writer.hold()  # before the reply is accepted: it can't be marked sent for a while
            time.sleep(HELD)
        api.wait_for_offset(update_id + 1, timeout=20)  # the update is done with
        handled_after = time.monotonic() - started
        assert_running(bot)
        assert bot.stop() == 0

    print(f"update handled (acknowledged) after {handled_after:.1f} s")
    # Marking the reply sent waited for the lock (for SQLite's busy timeout and the turn of
    # the one connection): the update was done with only after the writer let go.
    assert handled_after >= HELD, handled_after
    texts = sent_texts(api)
    assert not any(APOLOGY in text for text in texts), texts
    assert sum(NEXT_QUESTIONS[0] in text for text in texts) == 1, texts
    stored = read_back(database_url)
    assert stored.answers == STORED[:1]
    # Marking it sent waited for the database: nothing is left to send again.
    assert [status for _, status in stored.outbox] == ["sent"] * len(stored.outbox)
