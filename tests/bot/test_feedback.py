"""/feedback through Application.process_update: the letter again, its tone buttons, changing
who it is addressed to, and old or forged buttons; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from core.callbacks import Route, encode
from models import Journey, User
from models.db import create_sessionmaker
from models.repository import save_answer
from tests.support import factories
from tests.support.checkins import add_checkin, add_journey, add_user, rows, stored_answers
from tests.support.clock import NOW
from tests.support.harness import Conversation

AGAIN = "Here's your feedback request again. Want it different?"
BUTTONS = ["Shorter", "Warmer", "More formal", "✏️ Change the name"]
OLD_LETTER = "Hello no,\n\nThank you for letting me know your decision.\n\nAlex"
ANSWERS = {
    "company": "Acme",
    "role": "Data analyst",
    "interviewer": "Ms. Lee",
    "prepared": "yes",
    "went_badly": "The case study, honestly I was awful",
    "fb_draft": OLD_LETTER,
}


async def seed(engine: AsyncEngine, user_id: int, **answers: str) -> int:
    """A user whose finished journey holds these answers; returns the journey's id."""
    await add_user(engine, user_id, now=NOW)
    return await another_journey(engine, user_id, **answers)


async def another_journey(engine: AsyncEngine, user_id: int, **answers: str) -> int:
    """A newer finished journey of the user, holding these answers; returns its id."""
    journey_id = await add_journey(engine, user_id, now=NOW, status="completed", prompt="done")
    await add_answers(engine, journey_id, **answers)
    return journey_id


async def add_answers(engine: AsyncEngine, journey_id: int, **answers: str) -> None:
    async with create_sessionmaker(engine).begin() as session:
        for key, value in answers.items():
            await save_answer(session, journey_id=journey_id, key=key, value=value, now=NOW)


async def waiting_flow(engine: AsyncEngine) -> str | None:
    (user,) = await rows(engine, User)
    return user.flow


async def test_feedback_before_there_is_a_letter(chat: Conversation, engine: AsyncEngine) -> None:
    not_yet = (
        "We'll write your feedback request together in step 10. /resume continues the journey."
    )
    assert await chat.say("/feedback") == [not_yet]  # no journey at all

    await another_journey(engine, chat.user_id, company="Acme")
    assert await chat.say("/feedback") == [not_yet]


async def test_feedback_shows_the_stored_letter_with_its_buttons(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await seed(engine, chat.user_id, **ANSWERS)

    replies = await chat.say("/feedback")

    assert replies == [AGAIN, OLD_LETTER]
    assert chat.buttons() == BUTTONS
    assert await stored_answers(engine) == ANSWERS  # showing changes nothing


async def test_each_tone_button_rewrites_and_stores_the_letter(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await seed(engine, chat.user_id, **ANSWERS)
    await chat.say("/feedback")

    shorter = await chat.tap("Shorter")
    assert shorter[0] == "Here's a shorter version:"
    short = shorter[1]
    assert short.startswith(
        "Subject: Feedback on my interview for the Data analyst role at Acme\n\nHi Ms. Lee,\n\n"
    )
    assert "I gave it my best" in short  # prepared: yes
    assert "in particular" not in short  # no checked weak spot stored
    assert "awful" not in short  # the raw "went badly" answer is never used
    assert short.endswith("Best,\nAlex")
    assert len(short) <= 350
    assert chat.buttons() == BUTTONS
    answers = await stored_answers(engine)
    assert (answers["fb_draft"], answers["fb_tone"]) == (short, "short")

    formal = await chat.tap("More formal")
    assert formal[0] == "Here's a more formal version:"
    assert "\n\nDear Ms. Lee,\n\n" in formal[1]
    assert "future positions at Acme" in formal[1]
    answers = await stored_answers(engine)
    assert (answers["fb_draft"], answers["fb_tone"]) == (formal[1], "formal")

    warm = await chat.tap("Warmer")
    assert warm[0] == "Here's a warmer version:"
    assert "\n\nHello Ms. Lee,\n\n" in warm[1]
    assert "future openings at Acme" in warm[1]
    answers = await stored_answers(engine)
    assert (answers["fb_draft"], answers["fb_tone"]) == (warm[1], "warm")

    assert len({OLD_LETTER, short, formal[1], warm[1]}) == 4
    assert all(len(letter) <= 700 for letter in (formal[1], warm[1]))
    assert await chat.say("/feedback") == [AGAIN, warm[1]]


async def test_the_letter_asks_about_the_checked_weak_spot(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await seed(engine, chat.user_id, **ANSWERS, fb_weak_spot="the case study")
    await chat.say("/feedback")

    (_, letter) = await chat.tap("Warmer")

    assert "in particular on the case study." in letter


async def test_a_stored_answer_that_is_no_name_is_not_used_as_one(
    chat: Conversation, engine: AsyncEngine
) -> None:
    """The letters users saw: "Hello no," and "Hello the idiot's name was Brad,".

    Whether a name can be read out of a sentence is `core.listening.check_entry`'s call;
    either way the insult never reaches the letter.
    """
    await add_user(engine, chat.user_id, now=NOW)
    for interviewer, greetings in (
        ("no", {"Hello,"}),
        ("the idiot's name was Brad", {"Hello,", "Hello Brad,"}),
    ):
        await another_journey(engine, chat.user_id, **{**ANSWERS, "interviewer": interviewer})
        await chat.say("/feedback")

        (_, letter) = await chat.tap("Warmer")

        assert letter.split("\n")[2] in greetings
        assert "idiot" not in letter


async def chat_journeys(engine: AsyncEngine) -> list[Journey]:
    return await rows(engine, Journey)


async def test_change_the_name(chat: Conversation, engine: AsyncEngine) -> None:
    await seed(engine, chat.user_id, **ANSWERS, fb_tone="formal")
    await chat.say("/feedback")

    replies = await chat.tap("✏️ Change the name")
    assert replies == [
        "Who should I address it to? Send just their name, like Ms. Lee or Sam. "
        "(/skip keeps the letter as it is.)"
    ]
    assert await waiting_flow(engine) == f"fb_name:{(await chat_journeys(engine))[0].id}"

    replies = await chat.say("Brad")

    assert replies[0] == "Done. It's addressed to Brad now:"
    assert "\n\nDear Brad,\n\n" in replies[1]  # in the tone the letter had
    assert chat.buttons() == BUTTONS
    answers = await stored_answers(engine)
    assert (answers["interviewer"], answers["fb_draft"]) == ("Brad", replies[1])
    assert await waiting_flow(engine) is None


async def test_a_typed_answer_that_is_no_name_is_asked_again(
    chat: Conversation, engine: AsyncEngine
) -> None:
    """Our choice: the letter is left as it was and the question asked again (/skip leaves)."""
    await seed(engine, chat.user_id, **ANSWERS)
    await chat.say("/feedback")
    await chat.tap("✏️ Change the name")
    unclear = (
        "That doesn't look like a name to me, so I haven't used it. Send just the person's "
        "name, like Ms. Lee or Sam, or /skip to keep the letter as it is."
    )

    for answer in ("no", "none", "idk", "Brad the jerk", "42"):
        assert await chat.say(answer) == [unclear], answer

    assert await stored_answers(engine) == ANSWERS
    assert (await waiting_flow(engine) or "").startswith("fb_name:")
    replies = await chat.say("brad o'neil")
    assert "\n\nHello Brad O'neil,\n\n" in replies[1]


async def test_skip_keeps_the_letter(chat: Conversation, engine: AsyncEngine) -> None:
    await seed(engine, chat.user_id, **ANSWERS)
    await chat.say("/feedback")
    await chat.tap("✏️ Change the name")

    replies = await chat.say("/skip")

    assert replies == ["Okay, the letter stays as it is. /feedback brings it back any time."]
    assert await stored_answers(engine) == ANSWERS
    assert await waiting_flow(engine) is None
    assert await chat.say("/feedback") == [AGAIN, OLD_LETTER]


async def test_old_and_forged_buttons_are_answered_kindly(
    chat: Conversation, engine: AsyncEngine
) -> None:
    journey_id = await seed(engine, chat.user_id, **ANSWERS)
    stale = "That button belongs to an older message. Here's your feedback request as it is now:"
    forged = (
        "fb:abc:short",
        "fb:999999:short",
        f"fb:{journey_id}:louder",
        f"fb:{journey_id}",
        "fb:",
        f"fb:{journey_id}:short:x",
    )
    for data in forged:
        replies = await chat.press(data, user_id=chat.user_id)
        assert replies == [stale, OLD_LETTER], data
    assert await stored_answers(engine) == ANSWERS

    # A button of an earlier journey's letter, once there is a newer journey.
    old_button = encode(Route.FEEDBACK, journey_id, "short")
    await another_journey(engine, chat.user_id, fb_draft="The new letter")
    assert await chat.press(old_button, user_id=chat.user_id) == [stale, "The new letter"]

    # Someone without any letter.
    replies = await chat.press(old_button, user_id=777)
    assert replies == [
        "That button belongs to an older message and no longer does anything. "
        "Send /help to see what I can do."
    ]
    assert chat.request.methods().count("answerCallbackQuery") == len(forged) + 2


async def test_a_redelivered_press_shows_the_current_letter(
    chat: Conversation, engine: AsyncEngine
) -> None:
    journey_id = await seed(engine, chat.user_id, **ANSWERS)
    press = factories.callback_update(
        chat.bot, encode(Route.FEEDBACK, journey_id, "short"), user_id=chat.user_id
    )
    assert len(await chat.feed(press)) == 2

    # Its replies were committed with it (the outbox): the letter isn't sent twice.
    assert await chat.feed(press) == []
    assert (await stored_answers(engine))["fb_tone"] == "short"


async def test_the_grief_check_in_shows_the_letter_with_its_buttons(
    chat: Conversation, engine: AsyncEngine
) -> None:
    journey_id = await seed(engine, chat.user_id, **ANSWERS)
    checkin_id = await add_checkin(
        engine, chat.user_id, "grief_over", NOW - timedelta(hours=1), now=NOW, journey_id=journey_id
    )

    replies = await chat.press(encode(Route.CHECKIN, checkin_id, "feedback"), user_id=chat.user_id)

    assert replies == [AGAIN, OLD_LETTER]
    assert chat.buttons() == BUTTONS
