"""Fixtures for conversations through Application.process_update."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.settings import Settings
from tests.support.harness import Conversation, FixedClock

# Wednesday 25 November 2026, 09:00 UTC (10:00 in Berlin, 04:00 in New York).
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FixedClock:
    """The time the bot sees; tests move it by hand."""
    return FixedClock(NOW)


@pytest.fixture
async def chat(
    engine: AsyncEngine,
    database_url: str,
    settings_for: Callable[..., Settings],
    clock: FixedClock,
) -> AsyncIterator[Conversation]:
    """One user talking to the bot, on SQLite and PostgreSQL."""
    async with Conversation(settings_for(database_url), engine, clock) as conversation:
        yield conversation
