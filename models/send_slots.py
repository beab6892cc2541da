"""One send budget for every replica: evenly spaced slots reserved from one database row.

Each send reserves the next free slot: the row's `next_at` moves on by one interval (from now,
if it lies in the past) in a single atomic UPSERT, and the sender waits until its slot starts.
That is the generic cell rate algorithm with the database as the shared clock: however many
replicas send, the starts are at least one interval apart, and the times all come from the
database server's clock (replicas' clocks may differ). PostgreSQL only; a SQLite file has one
process, whose own spacing is the budget.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

# The row of the bot's budget.
BUDGET = "telegram"

_NOW = "extract(epoch from clock_timestamp())"

_RESERVE = text(
    f"""
    INSERT INTO send_slots (name, next_at) VALUES (:name, {_NOW} + :interval)
    ON CONFLICT (name) DO UPDATE
        SET next_at = GREATEST(send_slots.next_at, {_NOW}) + :interval
    RETURNING next_at - :interval AS slot, {_NOW} AS now
    """
)

_PAUSE = text(
    f"""
    INSERT INTO send_slots (name, next_at) VALUES (:name, {_NOW} + :seconds)
    ON CONFLICT (name) DO UPDATE
        SET next_at = GREATEST(send_slots.next_at, {_NOW} + :seconds)
    """
)


class SharedSlots:
    """The budget's slots in PostgreSQL (see the module's docstring)."""

    def __init__(self, engine: AsyncEngine, name: str = BUDGET) -> None:
        self.engine = engine
        self.name = name

    async def reserve(self, interval: float) -> float:
        """Reserve the next free slot; seconds until it starts (0 when it already has)."""
        slot, now = await self.reserve_at(interval)
        return max(0.0, slot - now)

    async def reserve_at(self, interval: float) -> tuple[float, float]:
        """Reserve the next free slot: when it starts and the time now, on the database's
        clock (seconds since the epoch)."""
        async with self.engine.connect() as connection:
            row = (
                await connection.execute(_RESERVE, {"name": self.name, "interval": interval})
            ).one()
            await connection.commit()
        return float(row.slot), float(row.now)

    async def pause(self, seconds: float) -> None:
        """No slot starts before `seconds` from now (Telegram asked every sender to wait)."""
        async with self.engine.connect() as connection:
            await connection.execute(_PAUSE, {"name": self.name, "seconds": seconds})
            await connection.commit()
