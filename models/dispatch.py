"""Queries of the check-in dispatcher: claim due rows, read what rendering needs, settle them.

Claims are leases: a row is `claimed` until `claimed_until`; a process that dies leaves the
lease to expire, and the row is claimed again. On PostgreSQL the claim skips rows another
dispatcher holds (`FOR UPDATE SKIP LOCKED`), so two processes never claim the same row; on
SQLite the single writer (BEGIN IMMEDIATE) gives the same guarantee.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import String, Table, bindparam, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.status import UPCOMING_STATUSES, CheckinStatus
from models.journeys import Answer, Checkin, Journey, Opportunity
from models.users import User


@dataclass(frozen=True, slots=True)
class Claimed:
    """A claimed check-in with what the rules need about its user."""

    id: int
    user_id: int
    journey_id: int | None
    kind: str
    due_at: datetime
    local_time: str | None
    attempts: int
    timezone: str | None
    quiet_start: str | None
    quiet_end: str | None
    language_code: str | None
    nudges_paused_until: datetime | None = None


async def _claim(session: AsyncSession, *, due: Any, now: datetime, lease: timedelta) -> list[Any]:
    claimed = await session.execute(
        update(Checkin)
        .where(Checkin.id.in_(due))
        .values(
            status=CheckinStatus.CLAIMED,
            claimed_until=now + lease,
            attempts=Checkin.attempts + 1,
            updated_at=now,
        )
        .returning(
            Checkin.id,
            Checkin.user_id,
            Checkin.journey_id,
            Checkin.kind,
            Checkin.due_at,
            Checkin.local_time,
            Checkin.attempts,
        )
        .execution_options(synchronize_session=False)
    )
    return list(claimed.all())


async def claim_due(
    session: AsyncSession, *, now: datetime, lease: timedelta, limit: int
) -> list[Claimed]:
    """Claim up to `limit` rows whose lease expired, then due rows, soonest first.

    Two plain range scans of the (status, due_at) index instead of one OR: the cost of a batch
    stays flat however large the backlog after downtime.
    """
    expired = (
        select(Checkin.id)
        .where(Checkin.status == CheckinStatus.CLAIMED, Checkin.claimed_until < now)
        .limit(limit)
        .with_for_update(skip_locked=True)
        .scalar_subquery()
    )
    rows = await _claim(session, due=expired, now=now, lease=lease)
    if len(rows) < limit:
        pending = (
            select(Checkin.id)
            .where(Checkin.status == CheckinStatus.PENDING, Checkin.due_at <= now)
            .order_by(Checkin.due_at)
            .limit(limit - len(rows))
            .with_for_update(skip_locked=True)
            .scalar_subquery()
        )
        rows += await _claim(session, due=pending, now=now, lease=lease)
    if not rows:
        return []
    users = {
        user.telegram_id: user
        for user in await session.execute(
            select(
                User.telegram_id,
                User.timezone,
                User.quiet_start,
                User.quiet_end,
                func.coalesce(User.language, User.language_code).label("language_code"),
                User.nudges_paused_until,
            ).where(User.telegram_id.in_({row.user_id for row in rows}))
        )
    }
    result = []
    for row in sorted(rows, key=lambda r: (r.due_at, r.id)):
        user = users[row.user_id]
        result.append(
            Claimed(
                id=row.id,
                user_id=row.user_id,
                journey_id=row.journey_id,
                kind=row.kind,
                due_at=row.due_at,
                local_time=row.local_time,
                attempts=row.attempts,
                timezone=user.timezone,
                quiet_start=user.quiet_start,
                quiet_end=user.quiet_end,
                language_code=user.language_code,
                nudges_paused_until=user.nudges_paused_until,
            )
        )
    return result


async def answers_for(
    session: AsyncSession, journey_ids: Collection[int], keys: Collection[str]
) -> dict[int, dict[str, str]]:
    """Selected answers of several journeys: {journey id: {key: value}}."""
    found: dict[int, dict[str, str]] = {}
    if not journey_ids:
        return found
    rows = await session.execute(
        select(Answer.journey_id, Answer.key, Answer.value).where(
            Answer.journey_id.in_(journey_ids), Answer.key.in_(keys)
        )
    )
    for journey_id, key, value in rows:
        found.setdefault(journey_id, {})[key] = value
    return found


async def journeys_by_id(session: AsyncSession, journey_ids: Collection[int]) -> dict[int, Journey]:
    """Journeys by id."""
    if not journey_ids:
        return {}
    rows = await session.scalars(select(Journey).where(Journey.id.in_(journey_ids)))
    return {journey.id: journey for journey in rows}


async def open_opportunity_counts(
    session: AsyncSession, user_ids: Collection[int]
) -> dict[int, int]:
    """How many open opportunities each user has."""
    if not user_ids:
        return {}
    rows = await session.execute(
        select(Opportunity.user_id, func.count())
        .where(Opportunity.user_id.in_(user_ids), Opportunity.closed_at.is_(None))
        .group_by(Opportunity.user_id)
    )
    return {user_id: int(count) for user_id, count in rows}


async def mark(
    session: AsyncSession,
    ids: Collection[int],
    *,
    status: str,
    now: datetime,
    reason: str | None = None,
) -> None:
    """Settle claimed rows: sent, dropped or failed (with a reason)."""
    if not ids:
        return
    values: dict[str, object] = {"status": status, "updated_at": now, "claimed_until": None}
    if status == CheckinStatus.SENT:
        values["sent_at"] = now
    if reason is not None:
        values["last_error"] = reason[:200]
    await session.execute(
        update(Checkin)
        .where(Checkin.id.in_(ids))
        .values(**values)
        .execution_options(synchronize_session=False)
    )


async def reschedule(
    session: AsyncSession,
    items: Iterable[tuple[int, datetime, str | None, bool]],
    *,
    now: datetime,
) -> None:
    """Put claimed rows back to pending at new due times, in one executemany.

    Each item: (check-in id, new due time, reason or None, whether to refund the attempt).
    """
    table: Table = Checkin.__table__  # type: ignore[assignment]
    params = [
        {"b_id": checkin_id, "b_due": due_at, "b_reason": reason, "b_refund": int(refund)}
        for checkin_id, due_at, reason, refund in items
    ]
    if not params:
        return
    await session.execute(
        update(table)
        .where(table.c.id == bindparam("b_id"))
        .values(
            status=CheckinStatus.PENDING,
            due_at=bindparam("b_due", type_=Checkin.due_at.type),
            claimed_until=None,
            updated_at=now,
            attempts=table.c.attempts - bindparam("b_refund"),
            last_error=func.coalesce(bindparam("b_reason", type_=String()), table.c.last_error),
        ),
        params,
    )


def pending_row(
    *,
    user_id: int,
    journey_id: int | None,
    kind: str,
    due_at: datetime,
    local_time: str | None,
    now: datetime,
) -> dict[str, object]:
    """The values of a new pending check-in, for `plan_many`."""
    return {
        "user_id": user_id,
        "journey_id": journey_id,
        "kind": kind,
        "due_at": due_at,
        "status": CheckinStatus.PENDING,
        "attempts": 0,
        "local_time": local_time,
        "created_at": now,
        "updated_at": now,
    }


async def plan_many(session: AsyncSession, rows: list[dict[str, object]]) -> None:
    """Insert the next occurrences of recurring check-ins in one statement."""
    if rows:
        await session.execute(insert(Checkin), rows)


async def stop_user(session: AsyncSession, *, user_id: int, now: datetime) -> None:
    """The user blocked the bot: mark them and drop every check-in still planned for them."""
    await session.execute(update(User).where(User.telegram_id == user_id).values(blocked_at=now))
    await session.execute(
        update(Checkin)
        .where(Checkin.user_id == user_id, Checkin.status.in_(UPCOMING_STATUSES))
        .values(status=CheckinStatus.DROPPED, last_error="blocked", updated_at=now)
        .execution_options(synchronize_session=False)
    )


async def existing_users(session: AsyncSession, user_ids: Collection[int]) -> set[int]:
    """Which of these users still exist (locked against deletion until commit)."""
    if not user_ids:
        return set()
    rows = await session.scalars(
        select(User.telegram_id)
        .where(User.telegram_id.in_(user_ids))
        .with_for_update(key_share=True)
    )
    return set(rows.all())
