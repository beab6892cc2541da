"""Data retention: erase users who stopped writing, after a warning a week before.

A daily fixed job. Nothing in the schema records that a warning went out, so the warning is
itself the record: a check-in row of kind "retention_warning" due at once, which the dispatcher
delivers like any other. A warning counts for the inactivity that follows the user's last
message (`checkins.created_at > users.last_seen_at`); a user who writes again moves
`last_seen_at` past it, and a later silence earns a new one.

A user is erased only once the warning went out at least `WARNING_NOTICE` earlier, so nobody
loses their data without a week's notice: not when the job didn't run for a while or
RETENTION_DAYS was shortened (they are warned on the next run, erased a week later), nor when
the dispatcher held the warning back (quiet hours, a pause after crisis language).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import Exists, exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.clock import Clock
from core.status import CheckinKind
from models import repository as repo
from models.dispatch import pending_row, plan_many
from models.journeys import Checkin
from models.users import User

logger = logging.getLogger(__name__)

WARNING_KIND = CheckinKind.RETENTION_WARNING
WARNING_NOTICE = timedelta(days=7)
# Users handled per transaction; the job repeats until a run finds fewer.
BATCH = 500


def _warned_since_last_seen(*, notice_given_by: datetime | None = None) -> Exists:
    """A retention warning planned after the user's last message.

    With `notice_given_by`: one that went out by then. Its time is `sent_at` once sent, else
    `due_at`, which the dispatcher moves when it defers the warning (quiet hours, a pause) and
    leaves at the last attempt when the warning can't be delivered (the user blocked the bot).
    """
    conditions = [
        Checkin.user_id == User.telegram_id,
        Checkin.kind == WARNING_KIND,
        Checkin.created_at > User.last_seen_at,
    ]
    if notice_given_by is not None:
        conditions.append(func.coalesce(Checkin.sent_at, Checkin.due_at) <= notice_given_by)
    return exists().where(*conditions)


async def warn_and_delete_inactive(
    session: AsyncSession, *, now: datetime, retention_days: int, limit: int = BATCH
) -> tuple[list[int], list[int]]:
    """Warn users about to be erased and erase those warned a week ago; (warned, erased) ids.

    Warned: silent for more than `retention_days` - 7 days and not yet warned since their last
    message. Erased: silent for more than `retention_days`, and the warning went out (or
    couldn't be delivered) at least 7 days ago.
    Rows another transaction holds (a user writing right now) are skipped on PostgreSQL.
    """
    retention = timedelta(days=retention_days)
    if retention <= WARNING_NOTICE:
        raise ValueError(f"retention_days must exceed {WARNING_NOTICE.days} (the notice period)")
    expired = await session.scalars(
        select(User.telegram_id)
        .where(
            User.last_seen_at < now - retention,
            _warned_since_last_seen(notice_given_by=now - WARNING_NOTICE),
        )
        .order_by(User.last_seen_at, User.telegram_id)
        .limit(limit)
        .with_for_update(of=User, skip_locked=True)
    )
    erased = list(expired.all())
    await repo.delete_users(session, user_ids=erased)

    due_warning = await session.scalars(
        select(User.telegram_id)
        .where(
            User.last_seen_at < now - (retention - WARNING_NOTICE),
            ~_warned_since_last_seen(),
        )
        .order_by(User.last_seen_at, User.telegram_id)
        .limit(limit)
        .with_for_update(of=User, skip_locked=True)
    )
    warned = list(due_warning.all())
    await plan_many(
        session,
        [
            pending_row(
                user_id=user_id,
                journey_id=None,
                kind=WARNING_KIND,
                due_at=now,
                local_time=None,
                now=now,
            )
            for user_id in warned
        ],
    )
    return warned, erased


async def apply_retention(
    sessionmaker: async_sessionmaker[AsyncSession], *, clock: Clock, retention_days: int
) -> tuple[int, int]:
    """Warn users nearing RETENTION_DAYS of silence and erase those past it; (warned, erased)."""
    warned_total = erased_total = 0
    while True:
        now = clock.now()
        async with sessionmaker.begin() as session:
            warned, erased = await warn_and_delete_inactive(
                session, now=now, retention_days=retention_days
            )
        warned_total += len(warned)
        erased_total += len(erased)
        if len(warned) < BATCH and len(erased) < BATCH:
            break
    if warned_total or erased_total:
        logger.info("retention: warned %s users, erased %s users", warned_total, erased_total)
    return warned_total, erased_total
