"""The sender of the transactional outbox: every reply leaves from here.

A unit of work commits its replies as outbox rows (`models.outbox_store.enqueue`); right after
the commit `deliver` sends them in order and marks each one sent as soon as Telegram accepted
it. A failure only delays a message: `RetryAfter` waits as long as Telegram asks, server errors,
network errors and timeouts are retried with back-off for up to a day, a blocked bot or a chat
that is gone drops what was waiting for that chat and stops the user's check-ins. `flush` (a
fixed job every second) sends whatever is due: retries, and what a crash left unsent.

Every attempt is counted in `core.metrics` by message kind and result (sent, retry_later,
failed, unreachable), 429s on their own too. A delayed message is logged with its id when it
is the first of its error class; during a burst the rest are added up and logged as one line
per error class a minute at most (`DelayLog`).
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta
from functools import partial

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from core import metrics
from core.clock import Clock
from core.delivery import Urgency
from core.replies import Reply, reply_from_json, reply_to_json
from core.status import OutboxKind, OutboxStatus
from handlers.sending import chat_is_gone, send_reply
from models import dispatch
from models import outbox_store as store
from models.errors import retry_while_unavailable

logger = logging.getLogger(__name__)

# A sender holds a message this long; a crash leaves it to expire, then it is sent again.
LEASE = timedelta(seconds=60)
# Server and network errors are retried this long after the message was written.
GIVE_UP_AFTER = timedelta(hours=24)
MAX_BACKOFF = timedelta(minutes=10)
FLUSH_BATCH = 50
# How long recording a send's outcome is retried while the database is unavailable.
SETTLE_RETRY_SECONDS = 60.0
# How long shutting down waits for a flush that is sending queued messages (seconds).
FLUSH_ON_CLOSE_SECONDS = 5.0
# How often the fixed job looks for messages that are due (seconds).
OUTBOX_FLUSH_EVERY = 1.0
# Delayed messages after the first of an error class are added up over this long.
DELAY_SUMMARY_EVERY = timedelta(minutes=1)


def backoff(attempts: int) -> timedelta:
    """1 s, 2 s, 4 s … up to ten minutes between attempts."""
    return min(timedelta(seconds=2 ** min(attempts, 20)), MAX_BACKOFF)


class DelayLog:
    """Logs delayed messages: the first of an error class at once, with its id; the rest of
    that class are added up and logged as one line when its minute is over (by the next delay
    or flush after it), so a burst of 5xx or network errors writes one line a minute, not one
    per message. A minute in which nothing more was delayed ends without a line."""

    def __init__(self, every: timedelta = DELAY_SUMMARY_EVERY) -> None:
        self.every = every
        # Per error class: when its minute began, how many more were delayed, the longest delay.
        self._since: dict[str, datetime] = {}
        self._more: Counter[str] = Counter()
        self._longest: dict[str, float] = {}

    def delayed(self, message_id: int, seconds: float, error: str, now: datetime) -> None:
        """One message was put off by `seconds` because of `error` (an error class)."""
        self.log_due(now)
        if error not in self._since:
            logger.info("outbox message %s delayed %.0f s (%s)", message_id, seconds, error)
            self._since[error] = now
            return
        self._more[error] += 1
        self._longest[error] = max(self._longest.get(error, 0.0), seconds)

    def log_due(self, now: datetime) -> None:
        """Log every error class whose minute is over. One with more delays starts another
        minute (the burst goes on: its next delay is added up too); a quiet one ends."""
        for error, since in list(self._since.items()):
            if now - since >= self.every:
                if self._log(error, since, now):
                    self._since[error] = now
                else:
                    del self._since[error]

    def log_all(self, now: datetime) -> None:
        """Log what was added up so far (the bot stops) and start afresh."""
        for error, since in list(self._since.items()):
            self._log(error, since, now)
        self._since.clear()

    def _log(self, error: str, since: datetime, now: datetime) -> bool:
        more = self._more.pop(error, 0)
        longest = self._longest.pop(error, 0.0)
        if not more:
            return False
        logger.info(
            "outbox: %s more message%s delayed (%s) in the last %.0f s, by up to %.0f s",
            more,
            "" if more == 1 else "s",
            error,
            max((now - since).total_seconds(), 0.0),
            longest,
        )
        return True


class OutboxSender:
    """Delivers outbox rows through the bot (and its rate limiter)."""

    def __init__(
        self,
        bot: Bot,
        sessionmaker: async_sessionmaker[AsyncSession],
        clock: Clock,
        *,
        paid_broadcast: bool = False,
    ) -> None:
        self.bot = bot
        self.sessionmaker = sessionmaker
        self.clock = clock
        # Check-ins go as paid broadcasts (outside the free send budget): ALLOW_PAID_BROADCAST.
        self.paid_broadcast = paid_broadcast
        self._recovered = False
        self._started = clock.now()
        # Messages this process is sending right now (waiting for their slot in the send
        # budget, or on the wire): a flush that claims one again after its lease ran out,
        # say behind a long queue of check-ins, must not send it a second time.
        self._in_flight: set[int] = set()
        # Chats whose newest messages queued behind one on its way: sent as soon as it is.
        self._queued: set[int] = set()
        self._chats_sending: dict[int, int] = {}
        self._flushing: asyncio.Task[None] | None = None
        self._flush_again = False
        # Sends Telegram accepted, waiting to be marked sent: all those that arrive while one
        # batch is being written go in the next one (one transaction, not one each).
        self._sent: list[tuple[int, datetime]] = []
        self._sent_marked: asyncio.Future[None] | None = None
        self._marking: asyncio.Task[None] | None = None
        # Set by `close`: sends the budget refuses from then on wait for the next start, with
        # one line in the log instead of one each (thousands, after a burst of check-ins).
        self._stopping = False
        self._left_for_next_start = 0
        self._delays = DelayLog()

    async def deliver(self, messages: Sequence[store.Outgoing]) -> None:
        """Send the messages a unit of work just committed and claimed (`store.enqueue`), in
        order; stop at the first that can't go now (the rest wait behind it for `flush`)."""
        for index, message in enumerate(messages):
            if not await self._send(message):
                await self._release([m.id for m in messages[index + 1 :]])
                return

    def queued(self, chat_id: int) -> None:
        """Messages for `chat_id` were committed behind older ones that are still waiting:
        send them as soon as the chat's message on its way is through (or now, when none is),
        not a flush tick later."""
        if self._chats_sending.get(chat_id):
            self._queued.add(chat_id)
        else:
            self._flush_soon()

    def _flush_soon(self) -> None:
        """Run `flush` now (once more, if one is running)."""
        if self._flushing is not None and not self._flushing.done():
            self._flush_again = True
            return
        self._flushing = asyncio.ensure_future(self._flush_until_quiet())

    async def close(self) -> None:
        """Let a flush started by `queued` finish (before the bot shuts down)."""
        self._stopping = True
        self._flush_again = False
        if self._flushing is not None and not self._flushing.done():
            await asyncio.wait({self._flushing}, timeout=FLUSH_ON_CLOSE_SECONDS)
            self._flushing.cancel()
        if self._marking is not None and not self._marking.done():
            await asyncio.wait({self._marking}, timeout=SETTLE_RETRY_SECONDS)
        self._delays.log_all(self.clock.now())

    async def _flush_until_quiet(self) -> None:
        while True:
            self._flush_again = False
            try:
                await self.flush()
            except Exception as exc:  # the fixed flush job tries again in a second
                logger.warning("outbox: could not send queued messages (%s)", type(exc).__name__)
                return
            if not self._flush_again:
                return

    async def _release(self, message_ids: list[int]) -> None:
        """Give back messages that wait behind one that couldn't go."""
        await self._settle(lambda session: store.release(session, message_ids=message_ids))

    async def flush(self, _context: object = None) -> int:
        """Send every message that is due, the oldest of each chat first; how many went."""
        self._delays.log_due(self.clock.now())
        if not self._recovered:
            # One process owns SQLite: claims an earlier (crashed) process left are nobody's,
            # so send them now instead of after their lease. Ours end after started + LEASE.
            # (On PostgreSQL another replica may hold them: their lease decides.)
            async with self.sessionmaker.begin() as session:
                if session.get_bind().dialect.name == "sqlite":
                    released = await store.release_claims(
                        session, ending_before=self._started + LEASE
                    )
                    if released:
                        logger.info("sending %s messages a stopped sender left", released)
            self._recovered = True
        sent = 0
        while True:
            async with self.sessionmaker.begin() as session:
                batch = await store.claim_heads(
                    session, now=self.clock.now(), lease=LEASE, limit=FLUSH_BATCH
                )
            batch = [message for message in batch if message.id not in self._in_flight]
            if not batch:
                return sent
            results = await asyncio.gather(*(self._send(message) for message in batch))
            sent += sum(results)

    async def _send(self, message: store.Outgoing) -> bool:
        """Send one message and settle its row; True when Telegram accepted it."""
        if message.id in self._in_flight:
            return False  # already on its way from another call
        self._in_flight.add(message.id)
        chat = message.chat_id
        self._chats_sending[chat] = self._chats_sending.get(chat, 0) + 1
        try:
            return await self._send_once(message)
        finally:
            self._in_flight.discard(message.id)
            self._chats_sending[chat] -= 1
            if not self._chats_sending[chat]:
                del self._chats_sending[chat]
                if chat in self._queued:
                    self._queued.discard(chat)
                    self._flush_soon()

    async def _send_once(self, message: store.Outgoing) -> bool:
        try:
            checkin = message.kind == OutboxKind.CHECKIN
            await send_reply(
                self.bot,
                message.chat_id,
                reply_from_json(message.payload),
                # Someone waiting for an answer goes ahead of every planned check-in.
                urgency=Urgency.CHECKIN if checkin else Urgency.REPLY,
                paid_broadcast=checkin and self.paid_broadcast,
            )
        except RetryAfter as exc:
            if getattr(self.bot, "rate_limiter", None) is None:
                # Without a send budget nothing counted it on the way (bot.ratelimit does).
                metrics.RETRY_AFTER.labels(kind=message.kind).inc()
            wait = exc.retry_after
            seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
            await self._later(message, timedelta(seconds=seconds), "RetryAfter")
            return False
        except Forbidden:
            await self._unreachable(message, "Forbidden")
            return False
        except BadRequest as exc:
            if chat_is_gone(exc):
                await self._unreachable(message, "BadRequest: chat gone")
            else:
                await self._fail(message, "BadRequest")
            return False
        except NetworkError as exc:  # server errors, timeouts, connection resets
            await self._later(message, backoff(message.attempts), type(exc).__name__)
            return False
        except TelegramError as exc:
            await self._fail(message, type(exc).__name__)
            return False
        except Exception as exc:  # a bug must not stop the other messages
            logger.exception("outbox message %s could not be sent", message.id)
            await self._fail(message, type(exc).__name__)
            return False
        metrics.message_attempted(message.kind, metrics.SendResult.SENT)
        await self._mark_sent(message.id)
        return True

    async def _mark_sent(self, message_id: int) -> None:
        """Record that Telegram accepted the message; returns once that is committed."""
        self._sent.append((message_id, self.clock.now()))
        if self._sent_marked is None:
            self._sent_marked = asyncio.get_running_loop().create_future()
            # Raised to the callers; read here too, so none left unread is logged as lost.
            self._sent_marked.add_done_callback(lambda done: done.cancelled() or done.exception())
        marked = self._sent_marked
        if self._marking is None or self._marking.done():
            self._marking = asyncio.ensure_future(self._write_marks())
        await asyncio.shield(marked)

    async def _write_marks(self) -> None:
        """Mark everything accepted so far as sent, batch after batch, until none is left."""
        await asyncio.sleep(0)  # sends accepted in the same turn of the loop join this batch
        while self._sent:
            sent, marked = self._sent, self._sent_marked
            self._sent, self._sent_marked = [], None
            assert marked is not None
            try:
                await self._settle(partial(store.mark_all_sent, sent=sent))
            except Exception as exc:
                marked.set_exception(exc)
            else:
                marked.set_result(None)

    async def _later(self, message: store.Outgoing, delay: timedelta, error: str) -> None:
        now = self.clock.now()
        if now - message.created_at > GIVE_UP_AFTER:
            await self._fail(message, f"gave up: {error}")
            return
        metrics.message_attempted(message.kind, metrics.SendResult.RETRY_LATER)
        if self._stopping and error == "TimedOut":
            if not self._left_for_next_start:
                logger.info("outbox: the bot is stopping; what is still to send waits for it")
            self._left_for_next_start += 1
        else:
            self._delays.delayed(message.id, delay.total_seconds(), error, now)
        await self._settle(
            lambda session: store.retry_later(
                session, message_id=message.id, at=now + delay, error=error
            )
        )

    async def _fail(self, message: store.Outgoing, error: str) -> None:
        metrics.message_attempted(message.kind, metrics.SendResult.FAILED)
        logger.warning("outbox message %s not sent: %s", message.id, error)
        now = self.clock.now()
        await self._settle(
            lambda session: store.give_up(
                session, message_id=message.id, status=OutboxStatus.FAILED, error=error, now=now
            )
        )

    async def _unreachable(self, message: store.Outgoing, error: str) -> None:
        metrics.message_attempted(message.kind, metrics.SendResult.UNREACHABLE)
        logger.info("chat %s cannot be reached (blocked or gone)", message.chat_id)
        now = self.clock.now()

        async def stop(session: AsyncSession) -> None:
            await store.drop_chat(session, chat_id=message.chat_id, error=error)
            await dispatch.stop_user(session, user_id=message.chat_id, now=now)

        await self._settle(stop)

    async def _settle(self, change: Callable[[AsyncSession], Awaitable[object]]) -> None:
        """Record what happened to a message. A busy or unreachable database is retried for
        up to SETTLE_RETRY_SECONDS, so a sent message isn't left claimed (and sent again)."""

        async def once() -> None:
            async with self.sessionmaker.begin() as session:
                await change(session)

        await retry_while_unavailable(
            once,
            window=SETTLE_RETRY_SECONDS,
            first_delay=0.25,
            max_delay=5.0,
            on_retry=lambda error, _delay: logger.warning(
                "outbox: storage unavailable (%s); retrying", type(error).__name__
            ),
        )


class OutboxDelivery:
    """The dispatcher's `Delivery` through the outbox: a due check-in is committed as an
    outbox row and sent by the same sender as replies (in order with them, with the same
    retries; a blocked chat stops the user's check-ins there). It never raises: once the row
    is committed, the check-in can't be lost."""

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        sender: OutboxSender,
        clock: Clock,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.sender = sender
        self.clock = clock

    async def deliver(self, chat_id: int, reply: Reply) -> None:
        """Commit the check-in as an outbox row, then send it unless older messages wait."""
        async with self.sessionmaker.begin() as session:
            messages = await store.enqueue(
                session,
                chat_id=chat_id,
                kind=OutboxKind.CHECKIN,
                payloads=[reply_to_json(reply)],
                now=self.clock.now(),
                lease=LEASE,
            )
        if messages:
            await self.sender.deliver(messages)
        else:
            self.sender.queued(chat_id)
