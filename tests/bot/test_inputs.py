"""Every input mid-journey gets an answer and loses nothing; /steps, /journal, /options."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from models import Journey, Opportunity
from tests.support import factories
from tests.support.checkins import rows, stored_answers
from tests.support.clock import NOW, FixedClock
from tests.support.harness import Conversation


async def test_a_command_mid_prompt_keeps_the_place(chat: Conversation) -> None:
    await chat.say("/start")
    await chat.say("Acme")
    help_reply = await chat.say("/help")
    assert "/journal — " in help_reply[0]

    replies = await chat.say("Analyst")

    assert "When did you hear back?" in replies[-1]


@pytest.mark.parametrize(
    "factory",
    [factories.sticker_update, factories.photo_update, factories.voice_update],
)
async def test_non_text_where_text_is_expected_points_back(
    chat: Conversation, factory: Callable[..., object], engine: AsyncEngine
) -> None:
    await chat.say("/start")

    (reply,) = await chat.feed(factory(chat.bot))  # type: ignore[arg-type]

    assert reply.endswith("Send /resume to see the question we're on.")
    assert await stored_answers(engine) == {}


async def test_two_quick_messages_are_handled_one_after_the_other(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await chat.say("/start")

    await asyncio.gather(chat.say("Acme"), chat.say("Analyst"))

    stored = await stored_answers(engine)
    assert sorted([stored["company"], stored["role"]]) == ["Acme", "Analyst"]
    (journey,) = await rows(engine, Journey)
    assert journey.prompt == "when"


async def test_a_replayed_answer_is_not_stored_twice(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await chat.say("/start")
    update = factories.text_update(chat.bot, "Acme")
    await chat.feed(update)

    replies = await chat.feed(update)  # Telegram delivers it again after a crash

    # Its replies were committed with it (the outbox): nothing is said twice.
    assert replies == []
    assert await stored_answers(engine) == {"company": "Acme"}


async def test_steps_shows_done_skipped_and_current(chat: Conversation) -> None:
    await chat.say("/start")
    for _ in range(5):
        await chat.say("/skip")  # intake
    await chat.say("A story")
    await chat.tap("Yes")
    await chat.say("/skip")  # step 2

    (overview,) = await chat.say("/steps")

    assert "✅ 1. Don't take it personally" in overview
    assert "⏭ 2. Accept reality" in overview
    assert "👉 3. Have options" in overview
    assert "▫️ 10. Ask for feedback" in overview


async def test_journal_pages_newest_first(chat: Conversation, clock: FixedClock) -> None:
    await chat.say("/start")
    for index, text in enumerate(["Acme", "Analyst"]):
        clock.current = NOW + timedelta(minutes=index)
        await chat.say(text)
    for _ in range(3):
        await chat.say("/skip")
    for index in range(8):
        clock.current = NOW + timedelta(hours=1, minutes=index)
        await chat.say("/back" if index % 2 else f"story {index}")

    (page,) = await chat.say("/journal")
    assert page.startswith("📓 Your journal (page 1 of 1, newest first)")
    assert page.index("story 6") < page.index("Company: Acme")
    assert "Role: Analyst" in page


async def test_journal_paging_buttons(chat: Conversation, engine: AsyncEngine) -> None:
    await chat.say("/start")
    await chat.say("Acme")
    await chat.say("Analyst")
    for journey in range(6):
        await chat.say("/new")
        await chat.tap("Start a new one")
        await chat.say(f"Company {journey}")
        await chat.say(f"Role {journey}")

    (first,) = await chat.say("/journal")
    assert "page 1 of 3" in first
    assert chat.buttons() == ["Older ›"]
    (second,) = await chat.tap("Older ›")
    assert "page 2 of 3" in second
    assert chat.buttons() == ["‹ Newer", "Older ›"]


async def test_feedback_before_step_ten_says_when(chat: Conversation) -> None:
    await chat.say("/start")

    (reply,) = await chat.say("/feedback")

    assert "step 10" in reply


async def test_options_add_change_stage_and_close(chat: Conversation, engine: AsyncEngine) -> None:
    await chat.say("/start")
    (overview,) = await chat.say("/options")
    assert "None yet" in overview
    assert "0 of 5" in overview

    await chat.tap("➕ Add one")
    assert "Which company?" in chat.last()
    await chat.say("Umbrella")
    assert "what's the role?" in chat.last()
    await chat.say("Analyst")
    assert "Where are you with Umbrella?" in chat.last()
    (reply,) = await chat.tap("Screening")  # the update, then the list, in one message
    updated, overview = reply.split("\n\n", 1)
    assert updated == "Updated: Umbrella is now at “Screening”."
    assert "1. Umbrella — Analyst · Screening" in overview

    await chat.tap("✏️ Umbrella")
    (reply,) = await chat.tap("Close it")
    closed, overview = reply.split("\n\n", 1)
    assert closed.startswith("Closed Umbrella.")
    assert "None yet" in overview
    (opportunity,) = await rows(engine, Opportunity)
    assert opportunity.closed_at == NOW
    # The journey's place is untouched by the side conversation.
    replies = await chat.say("/resume")
    assert "Which company was it?" in replies[-1]


async def test_options_add_can_be_cancelled(chat: Conversation, engine: AsyncEngine) -> None:
    await chat.say("/start")
    await chat.say("/options")
    await chat.tap("➕ Add one")

    (reply,) = await chat.say("/skip")

    assert reply == "Okay, nothing added."
    replies = await chat.say("Acme")
    assert "And the role" in replies[-1]  # back in the journey


async def test_someone_elses_opportunity_cannot_be_touched(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await chat.say("/start")
    await chat.say("/options")
    await chat.tap("➕ Add one")
    await chat.say("Umbrella")
    await chat.say("/skip")
    (opportunity,) = await rows(engine, Opportunity)

    (reply,) = await chat.press(f"o:c:{opportunity.id}", user_id=999)

    assert reply.startswith("That one isn't on your list any more.\n\n")
    assert "Umbrella" not in reply  # followed by the stranger's own (empty) list
    (still,) = await rows(engine, Opportunity)
    assert still.closed_at is None


async def test_a_10000_character_message_gets_a_clear_reply(chat: Conversation) -> None:
    await chat.say("/start")
    for _ in range(4):  # company, role, when, mood: to the first free-text answer
        await chat.say("/skip")
    await chat.tap("Berlin / Paris")

    (reply,) = await chat.say("x" * 10_000)

    assert reply.startswith(
        "That's a lot, thank you for sharing it. I kept the first 1500 characters.\n\n"
    )
    assert reply.endswith("Honestly: did you prepare and give it your best?")  # on to the next
