"""One send budget for every replica: slots reserved from one database row.

Each send reserves the next free slot in one atomic statement that locks the budget's row,
and the sender waits until its slot starts. The row holds when the next evenly spaced slot
starts (the generic cell rate algorithm, with a short burst allowed after a quiet moment) and
the starts of the latest sends, so that however many replicas send, no more than the budget
start in any sliding window. Every time comes from the database server's clock (replicas'
clocks may differ). PostgreSQL only; a SQLite file has one process, whose own pace is the
budget.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

# The row of the bot's budget.
BUDGET = "telegram"

_NOW = "extract(epoch from clock_timestamp())"

# The next slot: one interval after the last (or, after a quiet moment, as far back as the
# burst's credit, so up to a burst go at once), and never while `per_window` sends started
# within the `window` before it. The row keeps the latest starts (the later of slot and now:
# a send starts no earlier than now) to check that window across every replica.
_RESERVE = text(
    f"""
    WITH clock AS (SELECT {_NOW} AS now),
    plan AS (
        SELECT GREATEST(
                   s.next_at,
                   clock.now - :credit,
                   COALESCE(
                       s.recent[cardinality(s.recent) - :per_window + 1] + :window,
                       '-Infinity'::double precision
                   )
               ) AS slot,
               COALESCE(s.recent, '{{}}'::double precision[]) AS recent,
               clock.now
        FROM send_slots AS s, clock
        WHERE s.name = :name
        FOR UPDATE OF s
    )
    UPDATE send_slots
    SET next_at = plan.slot + :interval,
        recent = (plan.recent || GREATEST(plan.slot, plan.now))[
            GREATEST(1, cardinality(plan.recent) + 2 - :per_window):
        ]
    FROM plan
    WHERE send_slots.name = :name
    RETURNING plan.slot AS slot, plan.now AS now
    """
)

# A new budget has had a quiet moment: its first burst may go at once.
_CREATE = text(
    """
    INSERT INTO send_slots (name, next_at) VALUES (:name, '-Infinity'::double precision)
    ON CONFLICT (name) DO NOTHING
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

    async def reserve(
        self, interval: float, *, burst: int = 1, per_window: int = 0, window: float = 0.0
    ) -> float:
        """Reserve the next free slot; seconds until it starts (0 when it already has)."""
        slot, now = await self.reserve_at(
            interval, burst=burst, per_window=per_window, window=window
        )
        return max(0.0, slot - now)

    async def reserve_at(
        self, interval: float, *, burst: int = 1, per_window: int = 0, window: float = 0.0
    ) -> tuple[float, float]:
        """Reserve the next free slot: when it starts and the time now, on the database's
        clock (seconds since the epoch). Slots are `interval` apart after a burst of up to
        `burst`; with `per_window`, no more than that many start in any `window` seconds."""
        values = {
            "name": self.name,
            "interval": interval,
            "credit": max(0, burst - 1) * interval,
            # Without a window: only the newest start is kept, and it never holds a slot back.
            "per_window": max(1, per_window),
            "window": window if per_window > 0 else float("-inf"),
        }
        async with self.engine.connect() as connection:
            row = (await connection.execute(_RESERVE, values)).one_or_none()
            if row is None:  # the budget's first send: its row doesn't exist yet
                await connection.execute(_CREATE, {"name": self.name})
                row = (await connection.execute(_RESERVE, values)).one()
            await connection.commit()
        return float(row.slot), float(row.now)

    async def pause(self, seconds: float) -> None:
        """No slot starts before `seconds` from now (Telegram asked every sender to wait)."""
        async with self.engine.connect() as connection:
            await connection.execute(_PAUSE, {"name": self.name, "seconds": seconds})
            await connection.commit()
