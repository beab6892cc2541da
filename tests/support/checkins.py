"""Helpers for tests on a database: row factories and readers, a recording delivery, and the
check-in dispatcher wired to them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import inspect, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from core.clock import Clock
from core.replies import Reply
from models import Base
from models.db import create_sessionmaker
from models.journeys import Answer, Checkin, Journey
from models.users import User
from scheduler.dispatcher import Dispatcher

Row = TypeVar("Row", bound=Base)


@dataclass
class FakeDelivery:
    """Records every delivered check-in; `failures[chat_id]` raises those errors first."""

    delivered: list[tuple[int, Reply]] = field(default_factory=list)
    failures: dict[int, list[Exception]] = field(default_factory=dict)

    async def deliver(self, chat_id: int, reply: Reply) -> None:
        """Deliver, or raise the next planned failure for this chat."""
        planned = self.failures.get(chat_id)
        if planned:
            raise planned.pop(0)
        self.delivered.append((chat_id, reply))

    def chats(self) -> list[int]:
        """Chat ids in delivery order."""
        return [chat_id for chat_id, _ in self.delivered]


async def add_user(
    engine: AsyncEngine,
    user_id: int,
    *,
    now: datetime,
    timezone: str | None = "UTC",
    quiet: tuple[str, str] | None = None,
) -> None:
    """A registered user (no quiet hours unless given)."""
    async with create_sessionmaker(engine).begin() as session:
        session.add(
            User(
                telegram_id=user_id,
                language_code="en",
                timezone=timezone,
                created_at=now,
                last_seen_at=now,
            )
        )
        await session.flush()
        # Set explicitly: the ORM would fill None with the column default (22:00-08:00).
        await session.execute(
            update(User)
            .where(User.telegram_id == user_id)
            .values(
                quiet_start=quiet[0] if quiet else None,
                quiet_end=quiet[1] if quiet else None,
            )
        )


async def add_journey(engine: AsyncEngine, user_id: int, *, now: datetime, **values: object) -> int:
    """A journey for the user; returns its id."""
    async with create_sessionmaker(engine).begin() as session:
        journey = Journey(
            user_id=user_id,
            status=str(values.get("status", "active")),
            prompt=str(values.get("prompt", "went_well")),
            history="",
            started_at=now,
            updated_at=values.get("updated_at", now),
            nudges=int(str(values.get("nudges", 0))),
        )
        session.add(journey)
        await session.flush()
        return journey.id


async def add_checkin(
    engine: AsyncEngine,
    user_id: int,
    kind: str,
    due_at: datetime,
    *,
    now: datetime,
    local_time: str | None = None,
    journey_id: int | None = None,
    status: str = "pending",
) -> int:
    """A planned check-in; returns its id."""
    async with create_sessionmaker(engine).begin() as session:
        checkin = Checkin(
            user_id=user_id,
            journey_id=journey_id,
            kind=kind,
            due_at=due_at,
            status=status,
            attempts=0,
            local_time=local_time,
            created_at=now,
            updated_at=now,
        )
        session.add(checkin)
        await session.flush()
        return checkin.id


async def rows(engine: AsyncEngine, model: type[Row]) -> list[Row]:
    """Every row of the model's table, in primary-key order."""
    async with create_sessionmaker(engine).begin() as session:
        query = select(model).order_by(*inspect(model).primary_key)
        return list((await session.scalars(query)).all())


async def stored_answers(engine: AsyncEngine) -> dict[str, str]:
    """Every stored answer as key -> value (a newer journey's answer wins a shared key)."""
    return {answer.key: answer.value for answer in await rows(engine, Answer)}


def dispatcher(
    engine: AsyncEngine, delivery: FakeDelivery, clock: Clock, **options: Any
) -> Dispatcher:
    """The check-in dispatcher on this database; users without a time zone count as UTC."""
    return Dispatcher(
        sessionmaker=create_sessionmaker(engine),
        delivery=delivery,
        clock=clock,
        default_zone="UTC",
        **options,
    )
