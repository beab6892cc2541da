"""Repository functions. They take the caller's session and never commit: the caller owns
the unit of work (`async with sessionmaker.begin() as session:`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from models.users import ProcessedUpdate, User


def _insert_for(session: AsyncSession, table: Any) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT (both SQLite and PostgreSQL have it)."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


async def claim_update(session: AsyncSession, *, update_id: int, now: datetime) -> bool:
    """Record that this update is being handled in this unit of work.

    Returns False when an earlier, committed unit of work already handled it (Telegram
    delivers an update again when the bot died before acknowledging it).
    """
    stmt = (
        _insert_for(session, ProcessedUpdate)
        .values(update_id=update_id, processed_at=now)
        .on_conflict_do_nothing(index_elements=[ProcessedUpdate.update_id])
        .returning(ProcessedUpdate.update_id)
    )
    return (await session.execute(stmt)).scalar_one_or_none() is not None


async def prune_processed_updates(session: AsyncSession, *, before: datetime) -> int:
    """Forget handled update ids older than `before` (Telegram redelivers for 24 h at most)."""
    result = await session.execute(
        delete(ProcessedUpdate).where(ProcessedUpdate.processed_at < before)
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def touch_user(
    session: AsyncSession, *, telegram_id: int, language_code: str | None, now: datetime
) -> User:
    """Register the user on first contact, else refresh last-seen; one statement either way."""
    insert = _insert_for(session, User)
    stmt = (
        insert.values(
            telegram_id=telegram_id,
            language_code=language_code,
            created_at=now,
            last_seen_at=now,
        )
        .on_conflict_do_update(
            index_elements=[User.telegram_id],
            set_={
                "last_seen_at": now,
                "language_code": func.coalesce(insert.excluded.language_code, User.language_code),
            },
        )
        .returning(User)
    )
    user: User = (await session.scalars(stmt, execution_options={"populate_existing": True})).one()
    return user


async def get_user(session: AsyncSession, telegram_id: int) -> User | None:
    """The user with this Telegram id, if registered."""
    return await session.get(User, telegram_id)


async def count_users(session: AsyncSession) -> int:
    """How many users are registered."""
    return int((await session.execute(select(func.count()).select_from(User))).scalar_one())
