"""Key rotation: re-encrypt stored texts with the newest key, in small committed batches, so
an interrupted rotation simply continues where it stopped when run again (rows already under
the newest key are skipped)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, Text, literal, select, tuple_, type_coerce, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models.crypto import Cipher
from models.journeys import Answer, Mood, Opportunity
from models.outbox import OutboxMessage

BATCH = 500


async def _rotate_table(
    sessionmaker: async_sessionmaker[AsyncSession],
    cipher: Cipher,
    table: Table,
    keys: tuple[str, ...],
    columns: tuple[str, ...],
) -> int:
    key_columns = [table.c[name] for name in keys]
    # The stored tokens as they are, not decrypted by EncryptedText.
    raw_columns = [type_coerce(table.c[name], Text).label(name) for name in columns]
    changed = 0
    last: tuple[Any, ...] | None = None
    while True:
        query = select(*key_columns, *raw_columns).order_by(*key_columns).limit(BATCH)
        if last is not None:
            query = query.where(tuple_(*key_columns) > tuple_(*last))
        async with sessionmaker.begin() as session:
            rows = (await session.execute(query)).all()
            for row in rows:
                values = row._mapping
                new = {
                    name: literal(cipher.rotate(values[name]), Text)
                    for name in columns
                    if values[name] is not None and not cipher.is_current(values[name])
                }
                if new:
                    where = [table.c[name] == values[name] for name in keys]
                    await session.execute(update(table).where(*where).values(new))
                    changed += len(new)
        if len(rows) < BATCH:
            return changed
        last = tuple(rows[-1]._mapping[name] for name in keys)


async def rotate_all(sessionmaker: async_sessionmaker[AsyncSession], cipher: Cipher) -> int:
    """Rotate answers, moods, opportunities and unsent messages; how many values were
    re-encrypted."""
    answers: Table = Answer.__table__  # type: ignore[assignment]
    opportunities: Table = Opportunity.__table__  # type: ignore[assignment]
    outbox: Table = OutboxMessage.__table__  # type: ignore[assignment]
    moods: Table = Mood.__table__  # type: ignore[assignment]
    changed = await _rotate_table(sessionmaker, cipher, answers, ("journey_id", "key"), ("value",))
    changed += await _rotate_table(
        sessionmaker, cipher, opportunities, ("id",), ("company", "role")
    )
    changed += await _rotate_table(sessionmaker, cipher, moods, ("id",), ("value",))
    changed += await _rotate_table(sessionmaker, cipher, outbox, ("id",), ("payload",))
    return changed
