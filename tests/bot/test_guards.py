"""Flood control, /stats for admins only, and unusual text that must round-trip intact."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.settings import Settings
from core.flood import FloodGate
from models import Answer
from tests.support.checkins import rows
from tests.support.harness import Conversation

ADMIN = 4242


@pytest.fixture
def bot_settings(database_url: str, settings_for: Callable[..., Settings]) -> Settings:
    """The bot `chat` talks to: ADMIN is an admin, and over five messages a minute is a flood."""
    return settings_for(
        database_url,
        admin_user_ids=frozenset({ADMIN}),
        flood_max_messages=5,
        flood_window_seconds=60,
    )


def test_the_gate_warns_once_then_drops_until_the_window_clears() -> None:
    now = [0.0]
    gate = FloodGate(3, 10.0, clock=lambda: now[0])

    verdicts = [gate.check(1) for _ in range(6)]
    assert verdicts == ["ok", "ok", "ok", "warn", "drop", "drop"]
    assert gate.check(2) == "ok"  # someone else is unaffected
    now[0] = 11.0
    assert gate.check(1) == "ok"


async def test_a_flooding_user_gets_one_slow_down_and_others_are_served(
    chat: Conversation,
) -> None:
    for _ in range(5):
        await chat.say("/help")
    replies = await chat.say("/help")
    assert replies == [
        "That's a lot of messages at once. I'll take a short breather; give it half a minute, "
        "then carry on. Nothing you sent before is lost."
    ]
    assert await chat.say("/help") == []  # ignored, silently
    other = await chat.send("/help", user_id=777)
    assert "Commands:" in other[0]


async def test_stats_for_an_admin(chat: Conversation) -> None:
    await chat.say("/start")
    await chat.send("/start", user_id=ADMIN)

    (reply,) = await chat.send("/stats", user_id=ADMIN)

    assert reply.startswith("📊 Bounce Back right now")
    assert "Users: 2 · journeys in progress: 2" in reply
    assert " 1. Don't take it personally: 0" in reply
    assert "Check-ins in the last 24 h: 0 sent, 0 failed, 0 dropped" in reply


async def test_stats_looks_unknown_to_everyone_else(chat: Conversation) -> None:
    (reply,) = await chat.say("/stats")

    assert reply == "I don't know the command /stats. Send /help to see the ones I understand."


@pytest.mark.parametrize(
    "text",
    [
        "Acme\u200bCorp",  # zero-width space
        "שלום Acme",  # right-to-left
        "\u202eemcA\u202c",  # right-to-left override
        "🚀 Rocket 👩‍💻 Co. 🇩🇪",  # emoji with joiners and flags
    ],
)
async def test_unusual_text_round_trips_intact(
    chat: Conversation, engine: AsyncEngine, text: str
) -> None:
    await chat.say("/start")
    await chat.say(text)

    (answer,) = await rows(engine, Answer)
    assert answer.value == text
