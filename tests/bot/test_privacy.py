"""/privacy, /export and /delete through the real Application (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.ext.asyncio import AsyncEngine

from models import Base
from models import repository as repo
from models.db import create_sessionmaker
from tests.support import factories
from tests.support.clock import NOW, FixedClock
from tests.support.harness import Conversation, last_keyboard

USER = factories.DEFAULT_USER_ID
STRANGER = 999
YES, NO = "Yes, delete everything", "Keep my data"
TABLES_WITH_USER_DATA = ("users", "journeys", "answers", "opportunities", "checkins", "walks")


async def give_everything(chat: Conversation, engine: AsyncEngine, user_id: int, word: str) -> None:
    """A user with a row in every table: answers, an opportunity, a walk, check-ins."""
    await chat.send("/start", user_id=user_id)
    await chat.send(f"{word} Corp", user_id=user_id)  # company
    await chat.send(f"{word} analyst", user_id=user_id)  # role
    async with create_sessionmaker(engine).begin() as session:
        await repo.add_opportunity(
            session,
            user_id=user_id,
            journey_id=None,
            company=f"{word} Industries",
            role=None,
            stage="screening",
            now=NOW,
        )
        await repo.record_walk(
            session, user_id=user_id, day=date(2026, 11, 24), status="walked", now=NOW
        )


Owned = dict[tuple[str, str], set[Any]]


async def owned_keys(engine: AsyncEngine, user_id: int) -> Owned:
    """Keys of every row that belongs to the user, following foreign keys from `users`.

    Read before a deletion: afterwards the parents are gone and their children couldn't be
    found through them any more.
    """
    tables = Base.metadata.sorted_tables  # parents before children
    referenced = {(fk.column.table.name, fk.column.name) for t in tables for fk in t.foreign_keys}
    owned: Owned = {("users", "telegram_id"): {user_id}}
    async with engine.connect() as conn:
        for table in tables:
            where = _belongs(table.name, owned)
            keys = [c for c in table.c if (table.name, c.name) in referenced]
            if where is None or not keys:
                continue
            for row in await conn.execute(select(*keys).where(where)):
                for column, value in zip(keys, row, strict=True):
                    owned.setdefault((table.name, column.name), set()).add(value)
    return owned


def _belongs(table_name: str, owned: Owned) -> ColumnElement[bool] | None:
    table = Base.metadata.tables[table_name]
    conditions = [
        fk.parent.in_(owned[target])
        for fk in table.foreign_keys
        if (target := (fk.column.table.name, fk.column.name)) in owned and owned[target]
    ]
    if table_name == "users":
        conditions.append(table.c.telegram_id.in_(owned[("users", "telegram_id")]))
    return or_(*conditions) if conditions else None


async def rows_per_table(engine: AsyncEngine, owned: Owned) -> dict[str, int]:
    """How many rows of each table reference any of the owned keys."""
    counts: dict[str, int] = {}
    async with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            where = _belongs(table.name, owned)
            if where is not None:
                count = await conn.scalar(select(func.count()).select_from(table).where(where))
                counts[table.name] = int(count or 0)
    return counts


def capture_documents(chat: Conversation, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Record (chat id, file name, bytes) of every sendDocument (the recording keeps no files)."""
    documents: list[Any] = []
    original = chat.request.do_request

    async def do_request(*args: Any, **kwargs: Any) -> tuple[int, bytes]:
        url = kwargs.get("url", args[0] if args else "")
        data = kwargs.get("request_data")
        if str(url).endswith("/sendDocument") and data is not None:
            name, content, _mime = data.multipart_data["document"]
            documents.append((int(data.parameters["chat_id"]), name, content))
        return await original(*args, **kwargs)

    monkeypatch.setattr(chat.request, "do_request", do_request)
    return documents


# --- /privacy --------------------------------------------------------------------------------


async def test_privacy_says_what_is_kept_why_for_how_long_and_how_to_leave(
    chat: Conversation,
) -> None:
    (text,) = await chat.say("/privacy")

    assert "your Telegram id, language, time zone and quiet hours" in text
    assert "encrypted at rest, with a key kept outside the database" in text
    assert "365 days" in text
    assert "never shared or sold" in text
    assert "/export" in text
    assert "/delete" in text


# --- /export ---------------------------------------------------------------------------------


async def test_export_sends_a_markdown_and_a_json_file_of_this_users_data_only(
    chat: Conversation, engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    await give_everything(chat, engine, USER, "Acme")
    await give_everything(chat, engine, STRANGER, "Globex")
    documents = capture_documents(chat, monkeypatch)

    (reply,) = await chat.say("/export")

    assert reply.startswith("Here's everything I keep about you")
    assert [(chat_id, name) for chat_id, name, _ in documents] == [
        (USER, "bounceback-export-2026-11-25.md"),
        (USER, "bounceback-export-2026-11-25.json"),
    ]
    markdown = documents[0][2].decode("utf-8")
    exported = json.loads(documents[1][2])
    for content in (markdown, documents[1][2].decode("utf-8")):
        assert "Globex" not in content
        assert str(STRANGER) not in content
    assert "> Acme Corp" in markdown
    assert "Acme Industries" in markdown
    assert exported["profile"]["telegram_id"] == USER
    (journey,) = exported["journeys"]
    assert journey["status"] == "active"
    answers = {a["key"]: (a["label"], a["value"]) for a in journey["answers"]}
    assert answers == {"company": ("Company", "Acme Corp"), "role": ("Role", "Acme analyst")}
    assert [o["company"] for o in exported["opportunities"]] == ["Acme Industries"]
    assert exported["walks"] == [
        {"day": "2026-11-24", "status": "walked", "recorded_at": "2026-11-25T09:00:00+00:00"}
    ]
    recap, review = exported["checkins"]  # soonest first
    assert (review["kind"], review["status"]) == ("options_review", "pending")
    assert review["due_at_utc"] == "2026-12-02T09:00:00+00:00"
    # /start planned the weekly recap too: Sunday 18:00 in the bot's default zone (UTC).
    assert (recap["kind"], recap["local_time"]) == ("weekly_recap", "18:00")
    assert recap["due_at_utc"] == "2026-11-29T18:00:00+00:00"
    assert exported["moods"] == []


async def test_export_shows_check_in_times_in_the_users_zone(
    chat: Conversation, engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    await chat.say("/start")
    async with create_sessionmaker(engine).begin() as session:
        await repo.set_timezone(session, user_id=USER, name="Europe/Berlin")
    documents = capture_documents(chat, monkeypatch)

    await chat.say("/export")

    exported = json.loads(documents[1][2])
    assert exported["profile"]["timezone"] == "Europe/Berlin"
    review = next(c for c in exported["checkins"] if c["kind"] == "options_review")
    assert review["due_at_local"] == "2026-12-02T10:00:00+01:00"
    assert "2026-12-02 10:00 (2026-12-02 09:00 UTC)" in documents[0][2].decode("utf-8")


# --- /delete ---------------------------------------------------------------------------------


async def test_delete_asks_first_and_keeping_changes_nothing(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await give_everything(chat, engine, USER, "Acme")
    owned = await owned_keys(engine, USER)
    before = await rows_per_table(engine, owned)

    (question,) = await chat.say("/delete")
    assert "It can't be undone" in question
    assert chat.buttons() == [YES, NO]
    (kept,) = await chat.tap(NO)

    assert kept == "Good, everything stays just as it was."
    assert await rows_per_table(engine, owned) == before


async def test_delete_erases_every_row_of_the_user_and_nothing_of_others(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await give_everything(chat, engine, USER, "Acme")
    await give_everything(chat, engine, STRANGER, "Globex")
    owned = await owned_keys(engine, USER)
    others = await owned_keys(engine, STRANGER)
    before = await rows_per_table(engine, owned)
    others_before = await rows_per_table(engine, others)
    assert all(before[table] > 0 for table in TABLES_WITH_USER_DATA), before
    assert all(others_before[table] > 0 for table in TABLES_WITH_USER_DATA), others_before

    await chat.say("/delete")
    (done,) = await chat.tap(YES)

    assert done.startswith("All gone.")
    assert set((await rows_per_table(engine, owned)).values()) == {0}
    assert await rows_per_table(engine, others) == others_before


async def test_after_deleting_start_begins_fresh(chat: Conversation, engine: AsyncEngine) -> None:
    await give_everything(chat, engine, USER, "Acme")
    await chat.say("/delete")
    await chat.tap(YES)

    replies = await chat.say("/start")

    assert replies[0].startswith("Hi ")
    assert "Welcome back" not in replies[0]
    async with create_sessionmaker(engine).begin() as session:
        (journey,) = await repo.user_journeys(session, USER)
        assert await repo.journey_answers(session, journey.id) == {}
        assert await repo.user_opportunities(session, USER) == []
        assert await repo.user_walks(session, USER) == []
    assert journey.prompt == "company"


async def test_someone_else_pressing_the_button_deletes_nothing(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await give_everything(chat, engine, USER, "Acme")
    owned = await owned_keys(engine, USER)
    before = await rows_per_table(engine, owned)
    await chat.say("/delete")
    yes = dict(last_keyboard(chat.request))[YES]

    (reply,) = await chat.press(yes, user_id=STRANGER)

    assert reply == "That button was meant for someone else, so nothing was deleted."
    assert await rows_per_table(engine, owned) == before


async def test_a_confirmation_left_too_long_deletes_nothing(
    chat: Conversation, engine: AsyncEngine, clock: FixedClock
) -> None:
    await give_everything(chat, engine, USER, "Acme")
    owned = await owned_keys(engine, USER)
    before = await rows_per_table(engine, owned)
    await chat.say("/delete")
    clock.current = NOW + timedelta(hours=2)

    (reply,) = await chat.tap(YES)

    assert reply.startswith("That button is too old to be safe")
    assert await rows_per_table(engine, owned) == before


async def test_forged_delete_data_deletes_nothing(chat: Conversation, engine: AsyncEngine) -> None:
    await give_everything(chat, engine, USER, "Acme")
    owned = await owned_keys(engine, USER)
    before = await rows_per_table(engine, owned)

    for data in ("del:y", f"del:y:{USER}", f"del:y:{USER}:soon", f"del:x:{USER}:1", "del:"):
        (reply,) = await chat.press(data, user_id=USER)
        assert reply.startswith("That button"), data

    assert await rows_per_table(engine, owned) == before


async def test_a_redelivered_yes_leaves_no_row_behind(
    chat: Conversation, engine: AsyncEngine, clock: FixedClock
) -> None:
    await give_everything(chat, engine, USER, "Acme")
    owned = await owned_keys(engine, USER)
    await chat.say("/delete")
    yes = dict(last_keyboard(chat.request))[YES]
    press = factories.callback_update(chat.bot, yes, user_id=USER)
    await chat.feed(press)
    clock.current = NOW + timedelta(hours=3)  # later than the confirmation window

    # Telegram delivers it again after a crash; the pipeline's touch_user re-creates the row.
    (again,) = await chat.feed(press)

    assert again.startswith("All gone.")
    assert set((await rows_per_table(engine, owned)).values()) == {0}
