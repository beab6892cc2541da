"""Crisis language is caught in every state, before the step logic, and answered with care."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from models import Checkin, Journey, User
from models.db import create_sessionmaker
from tests.support import factories
from tests.support.checkins import FakeDelivery, add_checkin, dispatcher, rows, stored_answers
from tests.support.clock import NOW, FixedClock
from tests.support.harness import Conversation

CRISIS = "honestly I don't want to be here anymore"


async def test_crisis_text_mid_journey_gets_help_and_keeps_the_place(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await chat.say("/start")
    await chat.say("Acme")

    (reply,) = await chat.say(CRISIS)

    assert "not a crisis service" in reply
    assert "findahelpline.com" in reply
    assert "988" in reply  # English without a region: the US line and Samaritans
    answers = await stored_answers(engine)
    (journey,) = await rows(engine, Journey)
    (user,) = await rows(engine, User)
    assert answers == {"company": "Acme"}  # the crisis message was not taken as an answer
    assert journey.prompt == "role"
    assert user.nudges_paused_until == NOW + timedelta(hours=24)


async def test_crisis_text_before_any_journey_is_caught(chat: Conversation) -> None:
    (reply,) = await chat.say("i want to kill myself")

    assert "not a crisis service" in reply


async def test_a_negation_alone_is_not_a_crisis(chat: Conversation) -> None:
    await chat.say("/start")

    replies = await chat.say("I'm not suicidal, just gutted")

    assert "not a crisis service" not in " ".join(replies)
    # Not crisis language, and not a company name either: asked once more.
    assert "company" in replies[-1]


async def test_a_caption_is_screened_too(chat: Conversation) -> None:
    update = factories.message_update(
        chat.bot,
        photo=[{"file_id": "x", "file_unique_id": "y", "width": 1, "height": 1}],
        caption="I want to end my life",
    )

    (reply,) = await chat.feed(update)

    assert "not a crisis service" in reply


async def test_sos_works_any_time(chat: Conversation) -> None:
    (reply,) = await chat.send("/sos", user_id=chat.user_id, language_code="en-GB")

    assert "116 123" in reply
    assert "findahelpline.com" in reply


async def test_check_ins_wait_a_day_after_crisis_language(
    chat: Conversation, engine: AsyncEngine, clock: FixedClock
) -> None:
    await chat.say(CRISIS)
    user_id = factories.DEFAULT_USER_ID
    await add_checkin(engine, user_id, "grief_over", NOW, now=NOW)
    delivery = FakeDelivery()
    sender = dispatcher(engine, delivery, clock)
    async with create_sessionmaker(engine).begin() as session:
        user = await session.get(User, user_id)
        assert user is not None
        user.quiet_start = user.quiet_end = None

    await sender.run_once()
    assert delivery.delivered == []
    clock.current = NOW + timedelta(hours=24, minutes=1)
    await sender.run_once()

    assert delivery.chats() == [user_id]
    (row,) = await rows(engine, Checkin)
    assert row.status == "sent"
