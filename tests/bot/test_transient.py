"""A busy or unreachable database delays an answer; it never loses it or apologises for it."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine

from handlers import pipeline
from models.outbox_store import Outgoing
from tests.support.checkins import stored_answers
from tests.support.harness import Conversation

UnitOfWork = Callable[..., Coroutine[Any, Any, tuple[list[Outgoing], bool]]]


def failing_first(times: int, real: UnitOfWork) -> tuple[UnitOfWork, list[int]]:
    """A unit of work whose first `times` runs fail as a locked SQLite database does."""
    calls: list[int] = []

    async def flaky(*args: Any, **kwargs: Any) -> tuple[list[Outgoing], bool]:
        calls.append(1)
        if len(calls) <= times:
            raise OperationalError("BEGIN IMMEDIATE", {}, Exception("database is locked"))
        return await real(*args, **kwargs)

    return flaky, calls


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "RETRY_FIRST_DELAY", 0.0)


async def test_a_locked_database_is_retried_and_the_answer_stored_once(
    chat: Conversation, engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    await chat.say("/start")
    flaky, calls = failing_first(3, pipeline._unit_of_work)
    monkeypatch.setattr(pipeline, "_unit_of_work", flaky)

    replies = await chat.say("Acme")

    assert len(calls) == 4
    assert "And the role" in replies[-1]
    assert not any("Sorry" in text for text in replies)
    assert (await stored_answers(engine))["company"] == "Acme"


async def test_storage_down_for_the_whole_window_leaves_the_update_unacknowledged(
    chat: Conversation, engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    await chat.say("/start")
    flaky, _ = failing_first(10_000, pipeline._unit_of_work)
    monkeypatch.setattr(pipeline, "_unit_of_work", flaky)
    monkeypatch.setattr(pipeline, "RETRY_MAX_DELAY", 0.0)
    services = chat.application.bot_data.services
    short = replace(services, settings=replace(services.settings, transient_retry_seconds=0.05))
    monkeypatch.setattr(chat.application.bot_data, "services", short)

    replies = await chat.send("Acme", update_id=777)

    assert replies == []  # no apology, nothing half-done
    assert 777 in chat.application.bot_data.unacknowledged
    assert "company" not in await stored_answers(engine)


async def test_a_bug_is_not_retried(chat: Conversation, monkeypatch: pytest.MonkeyPatch) -> None:
    await chat.say("/start")
    calls: list[int] = []

    async def broken(*args: Any, **kwargs: Any) -> tuple[list[Outgoing], bool]:
        calls.append(1)
        raise ValueError("a bug")

    monkeypatch.setattr(pipeline, "_unit_of_work", broken)
    replies = await chat.say("Acme")

    assert calls == [1]
    assert "Sorry, something went wrong" in replies[0]
