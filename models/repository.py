"""Repository functions. They take the caller's session and never commit: the caller owns
the unit of work (`async with sessionmaker.begin() as session:`)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from core.status import (
    OPEN_JOURNEY,
    SETTLED_STATUSES,
    UPCOMING_STATUSES,
    CheckinKind,
    CheckinStatus,
    JourneyStatus,
)
from core.texts.languages import language_for
from models.journeys import Answer, Checkin, Journey, Mood, Opportunity, Walk
from models.outbox import OutboxMessage
from models.users import ProcessedUpdate, User


def _dialect_insert(dialect: str) -> Any:
    """The dialect's `insert`, which knows ON CONFLICT (both SQLite and PostgreSQL have it)."""
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


def _insert_for(session: AsyncSession, table: Any) -> Any:
    """The dialect's INSERT into `table`."""
    return _dialect_insert(session.get_bind().dialect.name)(table)


# The statements run on every update, built once per dialect and run with parameters:
# building a statement costs more CPU than SQLAlchemy's compiled cache then saves.
_PREPARED: dict[tuple[str, Hashable], Any] = {}


def _prepared(session: AsyncSession, key: Hashable, build: Callable[[Any], Any]) -> Any:
    """The statement `build(insert)` for this session's dialect, built on first use (`insert`
    is the dialect's INSERT construct, for ON CONFLICT)."""
    dialect = session.get_bind().dialect.name
    statement = _PREPARED.get((dialect, key))
    if statement is None:
        statement = _PREPARED[(dialect, key)] = build(_dialect_insert(dialect))
    return statement


async def _upsert(
    session: AsyncSession, model: Any, values: dict[str, Any], *, keys: tuple[str, ...]
) -> None:
    """Insert a row, or overwrite the other columns of the row with the same `keys`."""

    def build(insert: Any) -> Any:
        statement = insert(model.__table__)
        replaced = {name: statement.excluded[name] for name in values if name not in keys}
        return statement.on_conflict_do_update(index_elements=list(keys), set_=replaced)

    statement = _prepared(session, ("upsert", model, tuple(values), keys), build)
    await session.execute(statement, values)


def _build_claim(insert: Any) -> Any:
    table = ProcessedUpdate.__table__
    return (
        insert(table)
        .on_conflict_do_nothing(index_elements=[table.c.update_id])
        .returning(table.c.update_id)
    )


async def claim_update(session: AsyncSession, *, update_id: int, now: datetime) -> bool:
    """Record that this update is being handled in this unit of work.

    Returns False when an earlier, committed unit of work already handled it (Telegram
    delivers an update again when the bot died before acknowledging it).
    """
    statement = _prepared(session, "claim_update", _build_claim)
    result = await session.execute(statement, {"update_id": update_id, "processed_at": now})
    return result.scalar_one_or_none() is not None


async def prune_processed_updates(session: AsyncSession, *, before: datetime) -> int:
    """Forget handled update ids older than `before` (Telegram redelivers for 24 h at most)."""
    result = await session.execute(
        delete(ProcessedUpdate).where(ProcessedUpdate.processed_at < before)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def _build_touch(insert: Any) -> Any:
    table = User.__table__
    statement = insert(table)
    return statement.on_conflict_do_update(
        index_elements=[table.c.telegram_id],
        set_={
            "last_seen_at": statement.excluded.last_seen_at,
            "language_code": func.coalesce(statement.excluded.language_code, table.c.language_code),
            # Chosen once (then only by /language); rows older than the column get it now.
            "language": func.coalesce(table.c.language, statement.excluded.language),
            "blocked_at": None,
        },
    ).returning(*table.c)


async def touch_user(
    session: AsyncSession,
    *,
    telegram_id: int,
    language_code: str | None,
    now: datetime,
    quiet_hours: tuple[str, str] | None = ("22:00", "08:00"),
) -> User:
    """Register the user on first contact, else refresh last-seen; one statement either way.

    A user who writes again is no longer blocked. New users get `quiet_hours` (None: off).
    The User is not attached to the session: a change to it is written with its own UPDATE.
    """
    quiet_start, quiet_end = quiet_hours or (None, None)
    statement = _prepared(session, "touch_user", _build_touch)
    row = (
        await session.execute(
            statement,
            {
                "telegram_id": telegram_id,
                "language_code": language_code,
                "language": language_for(language_code),
                "created_at": now,
                "last_seen_at": now,
                "quiet_start": quiet_start,
                "quiet_end": quiet_end,
            },
        )
    ).one()
    return User(**row._asdict())


async def get_user(session: AsyncSession, telegram_id: int) -> User | None:
    """The user with this Telegram id, if registered."""
    return await session.get(User, telegram_id)


async def count_users(session: AsyncSession) -> int:
    """How many users are registered."""
    return int((await session.execute(select(func.count()).select_from(User))).scalar_one())


# --- Journeys ------------------------------------------------------------------------------


_LATEST_JOURNEY = (
    select(Journey)
    .where(Journey.user_id == bindparam("user_id"))
    .order_by(Journey.id.desc())
    .limit(1)
)


async def latest_journey(session: AsyncSession, user_id: int) -> Journey | None:
    """The user's newest journey, if any."""
    return (await session.scalars(_LATEST_JOURNEY, {"user_id": user_id})).first()


async def create_journey(
    session: AsyncSession, *, user_id: int, prompt: str, now: datetime
) -> Journey:
    """Start a journey; an unfinished earlier one is kept, marked as left."""
    await session.execute(
        update(Journey)
        .where(Journey.user_id == user_id, Journey.status.in_(OPEN_JOURNEY))
        .values(status=JourneyStatus.LEFT, updated_at=now)
    )
    journey = Journey(
        user_id=user_id,
        status=JourneyStatus.ACTIVE,
        prompt=prompt,
        history="",
        started_at=now,
        updated_at=now,
    )
    session.add(journey)
    await session.flush()
    return journey


_JOURNEY_TABLE = cast(Table, Journey.__table__)
# The columns a step changes; each run writes all of them (one statement, built once).
JOURNEY_POSITION = (
    "status",
    "prompt",
    "history",
    "misses",
    "said",
    "nudges",
    "completed_at",
    "updated_at",
)
_SAVE_POSITION = (
    update(_JOURNEY_TABLE)
    .where(_JOURNEY_TABLE.c.id == bindparam("journey_id"))
    .values({name: bindparam(name) for name in JOURNEY_POSITION})
)


async def save_position(session: AsyncSession, journey: Journey, values: dict[str, Any]) -> None:
    """Write where the journey stands now (`JOURNEY_POSITION`, all of them) with one UPDATE,
    and show the loaded `journey` as written, so the session doesn't write it again."""
    await session.execute(_SAVE_POSITION, {"journey_id": journey.id, **values})
    for name, value in values.items():
        set_committed_value(journey, name, value)


_JOURNEY_ANSWERS = select(Answer.key, Answer.value).where(
    Answer.journey_id == bindparam("journey_id")
)


async def journey_answers(session: AsyncSession, journey_id: int) -> dict[str, str]:
    """Every stored answer of a journey, by prompt key."""
    rows = await session.execute(_JOURNEY_ANSWERS, {"journey_id": journey_id})
    return {key: value for key, value in rows}


async def journey_answers_with_times(
    session: AsyncSession, journey_id: int
) -> dict[str, tuple[str, datetime]]:
    """Every stored answer of a journey with when it was given, by prompt key."""
    rows = await session.execute(
        select(Answer.key, Answer.value, Answer.answered_at).where(Answer.journey_id == journey_id)
    )
    return {key: (value, when) for key, value, when in rows}


async def save_answer(
    session: AsyncSession, *, journey_id: int, key: str, value: str, now: datetime
) -> None:
    """Store an answer, replacing an earlier answer to the same prompt."""
    await _upsert(
        session,
        Answer,
        {"journey_id": journey_id, "key": key, "value": value, "answered_at": now},
        keys=("journey_id", "key"),
    )


async def forget_answer(session: AsyncSession, *, journey_id: int, key: str) -> None:
    """Remove a stored answer."""
    await session.execute(delete(Answer).where(Answer.journey_id == journey_id, Answer.key == key))


async def journal_page(
    session: AsyncSession, *, user_id: int, keys: Collection[str], offset: int, limit: int
) -> tuple[list[tuple[Answer, Journey]], int]:
    """Answers to the given prompts across the user's journeys, newest first, and their count."""
    where = (Journey.user_id == user_id, Answer.key.in_(keys))
    rows = await session.execute(
        select(Answer, Journey)
        .join(Journey, Answer.journey_id == Journey.id)
        .where(*where)
        .order_by(Answer.answered_at.desc(), Journey.id.desc(), Answer.key)
        .offset(offset)
        .limit(limit)
    )
    total = await session.execute(
        select(func.count()).select_from(Answer).join(Journey).where(*where)
    )
    return [(answer, journey) for answer, journey in rows], int(total.scalar_one())


async def set_timezone(session: AsyncSession, *, user_id: int, name: str) -> None:
    """Remember the user's IANA time zone."""
    await session.execute(update(User).where(User.telegram_id == user_id).values(timezone=name))


async def set_language(session: AsyncSession, *, user_id: int, language: str) -> None:
    """Remember the language the user chose with /language (a catalogue code)."""
    await session.execute(update(User).where(User.telegram_id == user_id).values(language=language))


async def pause_nudges(session: AsyncSession, *, user_id: int, until: datetime) -> None:
    """Hold every check-in of the user until `until` (after crisis language)."""
    await session.execute(
        update(User).where(User.telegram_id == user_id).values(nudges_paused_until=until)
    )


async def set_flow(session: AsyncSession, *, user_id: int, flow: str | None) -> None:
    """Start, move or end the user's side conversation (see User.flow)."""
    await session.execute(update(User).where(User.telegram_id == user_id).values(flow=flow))


# --- Opportunities -----------------------------------------------------------------------


_OPEN_OPPORTUNITIES = (
    select(Opportunity)
    .where(Opportunity.user_id == bindparam("user_id"), Opportunity.closed_at.is_(None))
    .order_by(Opportunity.id)
)


async def open_opportunities(session: AsyncSession, user_id: int) -> list[Opportunity]:
    """Employers the user is still talking to, oldest first."""
    return list((await session.scalars(_OPEN_OPPORTUNITIES, {"user_id": user_id})).all())


# The same rows as columns (no objects to build), for the journey's view on every update.
_OPEN_OPPORTUNITY_FIELDS = _OPEN_OPPORTUNITIES.with_only_columns(
    Opportunity.id, Opportunity.company, Opportunity.role, Opportunity.stage
)


async def open_opportunity_fields(
    session: AsyncSession, user_id: int
) -> list[tuple[int, str, str | None, str]]:
    """(id, company, role, stage) of each employer the user is still talking to, oldest first:
    `open_opportunities` without loading the rows as objects."""
    rows = await session.execute(_OPEN_OPPORTUNITY_FIELDS, {"user_id": user_id})
    return [(row[0], row[1], row[2], row[3]) for row in rows]


async def add_opportunity(
    session: AsyncSession,
    *,
    user_id: int,
    journey_id: int | None,
    company: str,
    role: str | None,
    stage: str,
    now: datetime,
) -> Opportunity:
    """Record a new employer the user is talking to."""
    opportunity = Opportunity(
        user_id=user_id,
        journey_id=journey_id,
        company=company,
        role=role,
        stage=stage,
        created_at=now,
        updated_at=now,
    )
    session.add(opportunity)
    await session.flush()
    return opportunity


async def get_opportunity(
    session: AsyncSession, *, user_id: int, opportunity_id: int
) -> Opportunity | None:
    """One of this user's opportunities (None if it belongs to someone else or is gone)."""
    opportunity = await session.get(Opportunity, opportunity_id)
    if opportunity is None or opportunity.user_id != user_id:
        return None
    return opportunity


# --- Check-ins -------------------------------------------------------------------------------

# Kinds that belong to the user rather than one journey: a new plan replaces the old one.
USER_WIDE_CHECKINS = frozenset({CheckinKind.WALK_DAILY})


async def plan_checkin(
    session: AsyncSession,
    *,
    user_id: int,
    journey_id: int | None,
    kind: str,
    due_at: datetime,
    local_time: str | None,
    now: datetime,
) -> Checkin:
    """Plan a check-in, cancelling a pending (or paused) one of the same kind it replaces."""
    await cancel_checkins(
        session,
        user_id=user_id,
        journey_id=None if kind in USER_WIDE_CHECKINS else journey_id,
        kind=kind,
        now=now,
    )
    checkin = Checkin(
        user_id=user_id,
        journey_id=journey_id,
        kind=kind,
        due_at=due_at,
        status=CheckinStatus.PENDING,
        attempts=0,
        local_time=local_time,
        created_at=now,
        updated_at=now,
    )
    session.add(checkin)
    await session.flush()
    return checkin


async def cancel_checkins(
    session: AsyncSession, *, user_id: int, journey_id: int | None, kind: str, now: datetime
) -> None:
    """Cancel pending (or paused) check-ins of a kind: the journey's, or the user's if None."""
    scope = Checkin.user_id == user_id
    if journey_id is not None:
        scope = scope & (Checkin.journey_id == journey_id)
    await session.execute(
        update(Checkin)
        .where(scope, Checkin.kind == kind, Checkin.status.in_(UPCOMING_STATUSES))
        .values(status=CheckinStatus.CANCELLED, updated_at=now)
    )


_PENDING_CHECKIN_TIMES = (
    select(Checkin.kind, Checkin.due_at)
    .where(Checkin.user_id == bindparam("user_id"), Checkin.status == CheckinStatus.PENDING)
    .order_by(Checkin.due_at)
)


async def pending_checkin_times(session: AsyncSession, user_id: int) -> list[tuple[str, datetime]]:
    """(kind, due_at) of the user's upcoming check-ins, soonest first."""
    rows = await session.execute(_PENDING_CHECKIN_TIMES, {"user_id": user_id})
    return [(row[0], row[1]) for row in rows]


# --- Walks -----------------------------------------------------------------------------------


async def record_walk(
    session: AsyncSession, *, user_id: int, day: date, status: str, now: datetime
) -> None:
    """Record that the user walked (or skipped) on a local day; the newest answer wins."""
    await _upsert(
        session,
        Walk,
        {"user_id": user_id, "day": day, "status": status, "recorded_at": now},
        keys=("user_id", "day"),
    )


async def walked_days(session: AsyncSession, *, user_id: int, since: date) -> list[date]:
    """Local days since `since` on which the user walked."""
    rows = await session.scalars(
        select(Walk.day).where(Walk.user_id == user_id, Walk.day >= since, Walk.status == "walked")
    )
    return list(rows.all())


async def walk_days(session: AsyncSession, *, user_id: int, since: date) -> list[tuple[date, str]]:
    """(local day, walked or skipped) since `since`."""
    rows = await session.execute(
        select(Walk.day, Walk.status).where(Walk.user_id == user_id, Walk.day >= since)
    )
    return [(day, status) for day, status in rows]


# --- Moods -----------------------------------------------------------------------------------


async def record_mood(
    session: AsyncSession,
    *,
    user_id: int,
    journey_id: int | None,
    checkin_id: int | None,
    value: int,
    source: str,
    now: datetime,
) -> None:
    """Record how the user feels now (1–5), as answered to a check-in; an earlier answer to
    the same check-in is replaced."""
    if checkin_id is not None:
        await session.execute(
            delete(Mood).where(Mood.user_id == user_id, Mood.checkin_id == checkin_id)
        )
    session.add(
        Mood(
            user_id=user_id,
            journey_id=journey_id,
            checkin_id=checkin_id,
            value=str(value),
            source=source,
            recorded_at=now,
        )
    )


async def moods_since(
    session: AsyncSession, *, user_id: int, since: datetime
) -> list[tuple[datetime, str]]:
    """(when, value) of the user's check-in moods since `since`, oldest first."""
    rows = await session.execute(
        select(Mood.recorded_at, Mood.value)
        .where(Mood.user_id == user_id, Mood.recorded_at >= since)
        .order_by(Mood.recorded_at, Mood.id)
    )
    return [(when, value) for when, value in rows]


async def user_moods(session: AsyncSession, user_id: int) -> list[Mood]:
    """Every mood the user answered to a check-in (for /export), oldest first."""
    rows = await session.scalars(
        select(Mood).where(Mood.user_id == user_id).order_by(Mood.recorded_at, Mood.id)
    )
    return list(rows.all())


# --- Reminders (/reminders, /timezone, /quiet, /walk) --------------------------------------


async def upcoming_checkins(session: AsyncSession, user_id: int) -> list[Checkin]:
    """The user's check-ins still to come, pending or paused, soonest first."""
    stmt = (
        select(Checkin)
        .where(Checkin.user_id == user_id, Checkin.status.in_(UPCOMING_STATUSES))
        .order_by(Checkin.due_at, Checkin.id)
    )
    return list((await session.scalars(stmt)).all())


async def change_checkin_status(
    session: AsyncSession, *, user_id: int, kind: str, old: str, new: str, now: datetime
) -> int:
    """Move the user's check-ins of a kind from status `old` to `new`; how many moved."""
    result = await session.execute(
        update(Checkin)
        .where(Checkin.user_id == user_id, Checkin.kind == kind, Checkin.status == old)
        .values(status=new, updated_at=now)
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def set_quiet_hours(
    session: AsyncSession, *, user_id: int, start: str | None, end: str | None
) -> None:
    """Store the user's quiet hours as local "HH:MM" (both None: no quiet hours)."""
    await session.execute(
        update(User).where(User.telegram_id == user_id).values(quiet_start=start, quiet_end=end)
    )


# --- Privacy (/export, /delete, retention) ---------------------------------------------------


async def user_journeys(session: AsyncSession, user_id: int) -> list[Journey]:
    """Every journey of the user, oldest first."""
    stmt = select(Journey).where(Journey.user_id == user_id).order_by(Journey.id)
    return list((await session.scalars(stmt)).all())


async def user_answers(session: AsyncSession, user_id: int) -> list[Answer]:
    """Every answer the user gave, in any journey: by journey, then in the order given."""
    stmt = (
        select(Answer)
        .join(Journey, Answer.journey_id == Journey.id)
        .where(Journey.user_id == user_id)
        .order_by(Answer.journey_id, Answer.answered_at, Answer.key)
    )
    return list((await session.scalars(stmt)).all())


async def user_opportunities(session: AsyncSession, user_id: int) -> list[Opportunity]:
    """Every opportunity of the user, closed ones included, oldest first."""
    stmt = select(Opportunity).where(Opportunity.user_id == user_id).order_by(Opportunity.id)
    return list((await session.scalars(stmt)).all())


async def user_checkins(session: AsyncSession, user_id: int) -> list[Checkin]:
    """Every check-in planned for the user, whatever its status, by due time."""
    stmt = select(Checkin).where(Checkin.user_id == user_id).order_by(Checkin.due_at, Checkin.id)
    return list((await session.scalars(stmt)).all())


async def user_walks(session: AsyncSession, user_id: int) -> list[Walk]:
    """The user's walk log, oldest day first."""
    stmt = select(Walk).where(Walk.user_id == user_id).order_by(Walk.day)
    return list((await session.scalars(stmt)).all())


async def update_handled_at(session: AsyncSession, update_id: int) -> datetime | None:
    """When a unit of work first handled this update (None once pruned or never)."""
    stmt = select(ProcessedUpdate.processed_at).where(ProcessedUpdate.update_id == update_id)
    return (await session.execute(stmt)).scalar_one_or_none()


async def delete_users(session: AsyncSession, *, user_ids: Collection[int]) -> int:
    """Erase these users and every row that belongs to them; how many users were erased.

    Each table is emptied explicitly rather than trusting ON DELETE CASCADE alone; the final
    DELETE of the users rows still cascades to any table added later. `processed_updates` holds
    no user reference and is left alone. The session's identity map is not synchronised: don't
    use the deleted objects afterwards.
    """
    ids = list(user_ids)
    if not ids:
        return 0
    journeys = select(Journey.id).where(Journey.user_id.in_(ids))
    unsynced = {"synchronize_session": False}
    await session.execute(
        delete(Answer).where(Answer.journey_id.in_(journeys)), execution_options=unsynced
    )
    await session.execute(
        delete(Checkin).where(Checkin.user_id.in_(ids)), execution_options=unsynced
    )
    await session.execute(
        delete(Opportunity).where(Opportunity.user_id.in_(ids)), execution_options=unsynced
    )
    await session.execute(delete(Walk).where(Walk.user_id.in_(ids)), execution_options=unsynced)
    await session.execute(delete(Mood).where(Mood.user_id.in_(ids)), execution_options=unsynced)
    await session.execute(
        delete(OutboxMessage).where(OutboxMessage.chat_id.in_(ids)), execution_options=unsynced
    )
    await session.execute(
        delete(Journey).where(Journey.user_id.in_(ids)), execution_options=unsynced
    )
    result = await session.execute(
        delete(User).where(User.telegram_id.in_(ids)), execution_options=unsynced
    )
    return int(getattr(result, "rowcount", 0) or 0)


@dataclass(frozen=True, slots=True)
class BotNumbers:
    """Counts for /stats: users, journeys by (prompt, status), check-ins settled by status."""

    users: int
    journeys: dict[tuple[str, str], int]
    checkins: dict[str, int]


async def bot_numbers(session: AsyncSession, *, since: datetime) -> BotNumbers:
    """Counts only, never content: users, journeys by position, check-ins settled since."""
    users = (await session.execute(select(func.count()).select_from(User))).scalar_one()
    by_prompt = await session.execute(
        select(Journey.prompt, Journey.status, func.count()).group_by(
            Journey.prompt, Journey.status
        )
    )
    settled = await session.execute(
        select(Checkin.status, func.count())
        .where(Checkin.updated_at >= since, Checkin.status.in_(SETTLED_STATUSES))
        .group_by(Checkin.status)
    )
    return BotNumbers(
        users=users,
        journeys={(prompt, status): count for prompt, status, count in by_prompt},
        checkins={status: count for status, count in settled},
    )


async def quarantine_update(
    session: AsyncSession, *, update_id: int, update_type: str, error: str, now: datetime
) -> bool:
    """Set aside an update that could not be read: its id, kind and error class, no content.

    Returns False when it was already set aside (Telegram delivered it again).
    """
    from models.outbox import QuarantinedUpdate

    stmt = (
        _insert_for(session, QuarantinedUpdate)
        .values(
            update_id=update_id,
            update_type=update_type[:40],
            error=error[:80],
            received_at=now,
        )
        .on_conflict_do_nothing(index_elements=[QuarantinedUpdate.update_id])
        .returning(QuarantinedUpdate.update_id)
    )
    return (await session.execute(stmt)).scalar_one_or_none() is not None


async def count_quarantined(session: AsyncSession) -> int:
    """How many updates were set aside as unreadable (for /stats)."""
    from models.outbox import QuarantinedUpdate

    stmt = select(func.count()).select_from(QuarantinedUpdate)
    return int((await session.execute(stmt)).scalar_one())
