"""What the bot counts for GET /metrics (Prometheus text format): counts and timings only.

Every metric lives in `REGISTRY` (this process's own registry, not prometheus_client's global
one) and is served by `bot.health`. Labels take values from small fixed sets (an update's kind,
a message's kind, a result word): never a user id, a chat id or anything a user wrote.
docs/metrics.md describes each metric and a dashboard built on them.

prometheus_client is a small pure-Python library: creating and moving a metric does no I/O.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from contextvars import ContextVar
from enum import StrEnum

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from core.status import CheckinKind, OutboxKind

REGISTRY = CollectorRegistry()


class UpdateResult(StrEnum):
    """How the handling of one update ended (`bounceback_updates_total{result}`)."""

    OK = "ok"
    # A handler failed (the user was told sorry); a webhook answered 500, so it comes again.
    ERROR = "error"
    # Storage stayed unavailable: left unacknowledged, Telegram delivers it again.
    RETRY = "retry"
    # Delivered again after its unit of work had committed: its answer was replayed, not redone.
    REDELIVERED = "redelivered"
    # Unreadable: set aside in `quarantined_updates` and acknowledged.
    QUARANTINED = "quarantined"


class SendResult(StrEnum):
    """What became of one attempt to send an outbox message (`bounceback_messages_total`)."""

    SENT = "sent"
    # RetryAfter, a server or network error, a timeout: the message waits and goes again.
    RETRY_LATER = "retry_later"
    # A permanent error (or retried for a day): the message is given up.
    FAILED = "failed"
    # The user blocked the bot or the chat is gone: dropped with what else waited for the chat.
    UNREACHABLE = "unreachable"


class CrisisSource(StrEnum):
    """Where crisis care was asked for (`bounceback_crisis_replies_total{source}`)."""

    MESSAGE = "message"  # crisis language in a message (or an edit, or a caption)
    SOS = "sos"  # the /sos command


UPDATES = Counter(
    "bounceback_updates",
    "Updates handled, by kind (message, callback_query, ...) and result.",
    ["kind", "result"],
    registry=REGISTRY,
)
UPDATE_SECONDS = Histogram(
    "bounceback_update_handling_seconds",
    "From taking an update (polling) or receiving it (webhook) until it was handled: its unit "
    "of work committed and its replies handed to the outbox; includes waiting behind the same "
    "user's earlier updates and for a free place.",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0),
    registry=REGISTRY,
)
QUARANTINED = Counter(
    "bounceback_updates_quarantined",
    "Updates that could not be read, set aside (quarantined_updates) and acknowledged.",
    ["kind"],
    registry=REGISTRY,
)
MESSAGES = Counter(
    "bounceback_messages",
    "Attempts to send an outbox message, by kind (reply, checkin) and result.",
    ["kind", "result"],
    registry=REGISTRY,
)
RETRY_AFTER = Counter(
    "bounceback_telegram_retry_after",
    "429 answers (RetryAfter) from Telegram, by message kind (the send budget waits and retries).",
    ["kind"],
    registry=REGISTRY,
)
OUTBOX_PENDING = Gauge(
    "bounceback_outbox_pending_messages",
    "Outbox messages waiting to be sent (all replicas; read from the database at scrape time).",
    registry=REGISTRY,
)
OUTBOX_OLDEST_AGE = Gauge(
    "bounceback_outbox_oldest_pending_age_seconds",
    "Age of the oldest outbox message still waiting (0 when none waits; NaN when the "
    "database did not answer).",
    registry=REGISTRY,
)
OUTBOX_QUERY_OK = Gauge(
    "bounceback_outbox_query_ok",
    "1 when the outbox figures were read from the database at this scrape, 0 when it did not "
    "answer in time (the outbox gauges are NaN then).",
    registry=REGISTRY,
)
CHECKIN_LAG = Histogram(
    "bounceback_checkin_lag_seconds",
    "From a check-in's due time until the dispatcher handed it to delivery, by kind.",
    ["kind"],
    buckets=(1, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 4 * 3600, 12 * 3600, 24 * 3600),
    registry=REGISTRY,
)
CRISIS_REPLIES = Counter(
    "bounceback_crisis_replies",
    "Crisis care answered (help and helplines), by source (message, sos).",
    ["source"],
    registry=REGISTRY,
)

# Check-in kinds are a fixed set: their label values are too.
CHECKIN_KINDS = frozenset(CheckinKind)


def _start_at_zero() -> None:
    """Series that exist from the start (at 0), so rates and alerts see them before the
    first event."""
    for kind in OutboxKind:
        RETRY_AFTER.labels(kind=kind)
        for result in SendResult:
            MESSAGES.labels(kind=kind, result=result)
    for source in CrisisSource:
        CRISIS_REPLIES.labels(source=source)


_start_at_zero()


class UpdateRecord:
    """What the layers learn about the update being handled, for its result label."""

    __slots__ = ("failed", "redelivered", "started")

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.failed = False
        self.redelivered = False

    def result(self, *, unacknowledged: bool = False) -> UpdateResult:
        """The result word: left unacknowledged, failed, a redelivery, or ok."""
        if unacknowledged:
            return UpdateResult.RETRY
        if self.failed:
            return UpdateResult.ERROR
        if self.redelivered:
            return UpdateResult.REDELIVERED
        return UpdateResult.OK


_CURRENT: ContextVar[UpdateRecord | None] = ContextVar("bounceback_update", default=None)


@contextlib.contextmanager
def handling(record: UpdateRecord) -> Iterator[UpdateRecord]:
    """Make `record` the current update's while the block runs (a transport wraps
    `process_update` in this; the error handler and the pipeline note what they learn)."""
    token = _CURRENT.set(record)
    try:
        yield record
    finally:
        _CURRENT.reset(token)


def note_failed() -> None:
    """The update being handled failed (called by an error handler)."""
    record = _CURRENT.get()
    if record is not None:
        record.failed = True


def note_redelivered() -> None:
    """The update being handled had already been handled (its unit of work committed)."""
    record = _CURRENT.get()
    if record is not None:
        record.redelivered = True


def update_handled(kind: str, record: UpdateRecord, *, unacknowledged: bool = False) -> None:
    """Count one handled update and observe how long it took since `record` was made."""
    UPDATES.labels(kind=kind, result=record.result(unacknowledged=unacknowledged)).inc()
    UPDATE_SECONDS.observe(time.perf_counter() - record.started)


def update_quarantined(kind: str) -> None:
    """Count an update set aside as unreadable."""
    UPDATES.labels(kind=kind, result=UpdateResult.QUARANTINED).inc()
    QUARANTINED.labels(kind=kind).inc()


def message_attempted(kind: str, result: SendResult) -> None:
    """Count one attempt to send an outbox message."""
    MESSAGES.labels(kind=kind, result=result).inc()


def checkin_delivered(kind: str, lag_seconds: float) -> None:
    """Observe a check-in handed to delivery `lag_seconds` after it was due."""
    CHECKIN_LAG.labels(kind=kind if kind in CHECKIN_KINDS else "other").observe(
        max(lag_seconds, 0.0)
    )


def outbox_backlog(pending: int, oldest_age_seconds: float) -> None:
    """Set the outbox gauges from the database's answer."""
    OUTBOX_PENDING.set(pending)
    OUTBOX_OLDEST_AGE.set(max(oldest_age_seconds, 0.0))
    OUTBOX_QUERY_OK.set(1)


def outbox_unknown() -> None:
    """The database did not answer: the outbox gauges say so instead of showing stale values."""
    OUTBOX_PENDING.set(float("nan"))
    OUTBOX_OLDEST_AGE.set(float("nan"))
    OUTBOX_QUERY_OK.set(0)
