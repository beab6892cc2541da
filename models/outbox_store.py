"""Queries of the outbox: write a unit of work's messages, claim the next one per chat, settle.

Order per chat: only the oldest pending message of a chat (its head) can be claimed, so a chat's
messages leave one after the other even across restarts and replicas. A claim is a lease
(`claimed_until`): a process that dies mid-send leaves it to expire and the row is sent again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import Table, bindparam, case, exists, func, insert, null, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from core.status import OutboxStatus
from models.outbox import OutboxMessage


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A claimed message: where it goes, what it says (JSON) and its history."""

    id: int
    chat_id: int
    payload: str
    attempts: int
    created_at: datetime
    # OutboxKind: a reply goes ahead of check-ins in the send budget.
    kind: str


_OUTBOX = cast(Table, OutboxMessage.__table__)
# Built once: these run on every update.
_CHAT_WAITING = select(
    exists().where(
        _OUTBOX.c.chat_id == bindparam("chat_id"), _OUTBOX.c.status == OutboxStatus.PENDING
    )
)
_INSERT_MANY = insert(OutboxMessage).returning(OutboxMessage.id, sort_by_parameter_order=True)
# One message (the common case: `core.replies.combine` makes one per answer) in one statement:
# it is claimed (claimed_until set) only when nothing older of the chat is waiting.
_ONE_COLUMNS = (
    "chat_id",
    "kind",
    "update_id",
    "payload",
    "status",
    "attempts",
    "next_attempt_at",
    "claimed_until",
    "created_at",
)
_INSERT_ONE = (
    insert(_OUTBOX)
    .from_select(
        list(_ONE_COLUMNS),
        select(
            *(
                case(
                    (_CHAT_WAITING.scalar_subquery(), null()),
                    else_=bindparam("claimed_until", type_=_OUTBOX.c.claimed_until.type),
                )
                if name == "claimed_until"
                else bindparam(name, type_=_OUTBOX.c[name].type)
                for name in _ONE_COLUMNS
            )
        ),
    )
    .returning(_OUTBOX.c.id, _OUTBOX.c.claimed_until)
)
_MARK_SENT = (
    update(_OUTBOX)
    .where(_OUTBOX.c.id == bindparam("message_id"))
    .values(status=OutboxStatus.SENT, sent_at=bindparam("sent_at"), claimed_until=None)
)


async def enqueue(
    session: AsyncSession,
    *,
    chat_id: int,
    kind: str,
    payloads: Sequence[str],
    now: datetime,
    lease: timedelta,
    update_id: int | None = None,
) -> list[Outgoing]:
    """Store messages for a chat in this unit of work. When nothing older is waiting for the
    chat, they are claimed for this process (returned in order, to send right after commit);
    otherwise they queue behind the older ones and [] is returned."""
    if not payloads:
        return []

    def row(payload: str, claimed_until: datetime | None) -> dict[str, object]:
        return {
            "chat_id": chat_id,
            "kind": kind,
            "update_id": update_id,
            "payload": payload,
            "status": OutboxStatus.PENDING,
            "attempts": 0,
            "next_attempt_at": now,
            "claimed_until": claimed_until,
            "created_at": now,
        }

    if len(payloads) == 1:
        # Claimed in the same statement unless an older message of the chat waits.
        result = await session.execute(_INSERT_ONE, row(payloads[0], now + lease))
        message_id, claimed = result.one()
        if claimed is None:
            return []
        return [Outgoing(message_id, chat_id, payloads[0], 0, now, kind)]
    waiting = await session.scalar(_CHAT_WAITING, {"chat_id": chat_id})
    claimed_until = None if waiting else now + lease
    rows = [row(payload, claimed_until) for payload in payloads]
    ids = list(await session.scalars(_INSERT_MANY, rows))
    if waiting:
        return []
    return [
        Outgoing(
            id=message_id,
            chat_id=chat_id,
            payload=payload,
            attempts=0,
            created_at=now,
            kind=kind,
        )
        for message_id, payload in zip(ids, payloads, strict=True)
    ]


async def answered(session: AsyncSession, update_id: int) -> bool:
    """Whether the replies to this update are already in the outbox (sent or not)."""
    found = await session.scalar(select(exists().where(OutboxMessage.update_id == update_id)))
    return bool(found)


async def load(session: AsyncSession, ids: Sequence[int]) -> list[Outgoing]:
    """Messages by id, in order."""
    if not ids:
        return []
    rows = await session.execute(
        select(
            OutboxMessage.id,
            OutboxMessage.chat_id,
            OutboxMessage.payload,
            OutboxMessage.attempts,
            OutboxMessage.created_at,
            OutboxMessage.kind,
        )
        .where(OutboxMessage.id.in_(ids))
        .order_by(OutboxMessage.id)
    )
    return [Outgoing(*row) for row in rows]


async def claim_heads(
    session: AsyncSession, *, now: datetime, lease: timedelta, limit: int
) -> list[Outgoing]:
    """Claim the oldest pending, due, unclaimed message of each chat (at most `limit`)."""
    older = aliased(OutboxMessage)
    head = ~exists().where(
        older.chat_id == OutboxMessage.chat_id,
        older.status == OutboxStatus.PENDING,
        older.id < OutboxMessage.id,
    )
    candidates = (
        select(OutboxMessage.id)
        .where(
            OutboxMessage.status == OutboxStatus.PENDING,
            OutboxMessage.next_attempt_at <= now,
            or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until < now),
            head,
        )
        .order_by(OutboxMessage.id)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        candidates = candidates.with_for_update(skip_locked=True)
    claimed = await session.scalars(
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(candidates.scalar_subquery()))
        .values(claimed_until=now + lease)
        .returning(OutboxMessage.id)
        .execution_options(synchronize_session=False)
    )
    return await load(session, sorted(claimed.all()))


async def mark_sent(session: AsyncSession, *, message_id: int, now: datetime) -> None:
    """Telegram accepted it."""
    await mark_all_sent(session, [(message_id, now)])


async def mark_all_sent(session: AsyncSession, sent: Sequence[tuple[int, datetime]]) -> None:
    """Telegram accepted these (message id, when)."""
    rows = [{"message_id": message_id, "sent_at": when} for message_id, when in sent]
    await session.execute(_MARK_SENT, rows[0] if len(rows) == 1 else rows)


async def retry_later(
    session: AsyncSession, *, message_id: int, at: datetime, error: str, attempted: bool = True
) -> None:
    """Try this one again at `at` (and release it)."""
    values: dict[str, object] = {
        "next_attempt_at": at,
        "claimed_until": None,
        "last_error": error[:200],
    }
    if attempted:
        values["attempts"] = OutboxMessage.attempts + 1
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id)
        .values(**values)
        .execution_options(synchronize_session=False)
    )


async def release(session: AsyncSession, *, message_ids: Sequence[int]) -> None:
    """Give claimed messages back without an attempt (they wait behind an earlier one)."""
    if message_ids:
        await session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(message_ids))
            .values(claimed_until=None)
            .execution_options(synchronize_session=False)
        )


# Set on a message a crashed sender held: it may have reached Telegram just before the crash,
# so sending it again may show it twice. Counted in /stats.
MAYBE_TWICE = "claimed when a sender stopped"


async def release_claims(session: AsyncSession, *, ending_before: datetime) -> int:
    """Release claims whose lease ends before `ending_before` (those of a crashed process,
    when this process is the only sender); how many."""
    result = await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.claimed_until < ending_before,
            OutboxMessage.status == OutboxStatus.PENDING,
        )
        .values(claimed_until=None, last_error=MAYBE_TWICE)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def maybe_twice(session: AsyncSession) -> int:
    """Messages sent again after a crash that may have reached Telegram before it."""
    found = await session.scalar(
        select(func.count()).where(
            OutboxMessage.last_error == MAYBE_TWICE, OutboxMessage.status == OutboxStatus.SENT
        )
    )
    return int(found or 0)


async def give_up(
    session: AsyncSession, *, message_id: int, status: str, error: str, now: datetime
) -> None:
    """Stop trying: failed (a permanent error, or retried long enough) or dropped."""
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id)
        .values(status=status, claimed_until=None, last_error=error[:200], sent_at=None)
        .execution_options(synchronize_session=False)
    )


async def drop_chat(session: AsyncSession, *, chat_id: int, error: str) -> int:
    """The chat can't be reached any more: drop everything still waiting for it."""
    result = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.chat_id == chat_id, OutboxMessage.status == OutboxStatus.PENDING)
        .values(status=OutboxStatus.DROPPED, claimed_until=None, last_error=error[:200])
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def backlog(session: AsyncSession) -> tuple[int, datetime | None]:
    """How many messages wait to be sent, and when the oldest of them was written (None when
    none waits): one query, for /metrics."""
    row = (
        await session.execute(
            select(func.count(), func.min(OutboxMessage.created_at)).where(
                OutboxMessage.status == OutboxStatus.PENDING
            )
        )
    ).one()
    return int(row[0] or 0), row[1]


async def counts(session: AsyncSession) -> dict[str, int]:
    """Messages by status (for /stats and the health of the sender)."""
    rows = await session.execute(
        select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
    )
    return {status: count for status, count in rows}
