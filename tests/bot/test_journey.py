"""The whole ten-step journey through Application.process_update, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.settings import Settings
from core.replies import MAX_COACH_CHARS
from models import Answer, Checkin, Journey, Opportunity, User
from tests.support.checkins import rows, stored_answers
from tests.support.clock import NOW, FixedClock
from tests.support.harness import Conversation


def split_at(reply: str, start: str) -> tuple[str, str]:
    """A joined message (what was said, then the next question) cut where the part beginning
    with `start` begins: (what came before it, that part)."""
    said, cut, asked = reply.partition("\n\n" + start)
    assert cut, f"no part of the message starts with {start!r}: {reply!r}"
    return said, start + asked


async def walk_to_step_one(chat: Conversation) -> None:
    await chat.say("/start")
    await chat.say("Acme")
    await chat.say("Data analyst")
    await chat.tap("Today")
    await chat.tap("2 😕")
    await chat.tap("Berlin / Paris")


async def test_the_whole_journey(chat: Conversation, engine: AsyncEngine) -> None:
    # Each answer gets one message: what the bot says about it, then the next question.
    (reply,) = await chat.say("/start")
    greeting, question = split_at(reply, "Getting started")
    assert greeting.startswith("Hi Alex")
    assert "Which company was it?" in question
    assert chat.buttons() == ["Skip ›"]

    assert "And the role" in (await chat.say("Acme"))[-1]
    assert "When did you hear back?" in (await chat.say("Data analyst"))[-1]
    (reply,) = await chat.tap("Today")
    said, question = split_at(reply, "Getting started")
    assert said == "It's fresh, then. Go easy on yourself today."
    assert "How are you feeling" in question
    assert chat.buttons()[:5] == ["1 😞", "2 😕", "3 😐", "4 🙂", "5 😊"]
    assert "Which time zone" in (await chat.tap("2 😕"))[-1]
    (reply,) = await chat.tap("Berlin / Paris")
    said, question = split_at(reply, "Step 1 of 10")
    assert said == "Got it: Europe/Berlin. It's 10:00 there now."
    assert question.startswith("Step 1 of 10 · Don't take it personally\n▰▱▱▱▱▱▱▱▱▱")
    assert "What story are you telling yourself" in question

    (reply,) = await chat.say("I froze on the case question and they saw it")
    said, question = split_at(reply, "Step 1 of 10")
    assert "rarely about one interview alone" in said
    assert "did you prepare and give it your best?" in question
    (reply,) = await chat.tap("Mostly")
    said, _ = split_at(reply, "Step 2 of 10 · Accept reality")
    assert said.startswith("Mostly is a lot.")

    (reply,) = await chat.say("I didn't get this job, and I'm ready for the next one.")
    _, question = split_at(reply, "Step 3 of 10 · Have options")
    assert "How many are you actively talking to" in question
    assert chat.buttons()[:6] == ["0", "1", "2", "3", "4", "5+"]
    await chat.tap("2")
    await chat.say("Globex")
    await chat.say("Analyst")
    (reply,) = await chat.tap("Interviewing")
    said, _ = split_at(reply, "Step 3 of 10")
    assert said == "Added: Globex (Interviewing).\nOptions: ▰▱▱▱▱ 1 of 5"
    await chat.tap("➕ Add another")
    await chat.say("Initech")
    await chat.tap("Skip ›")  # no role
    await chat.tap("Applied")
    (reply,) = await chat.tap("That's all for now")
    said, _ = split_at(reply, "Step 4 of 10 · Introspect")
    assert said.startswith("Where to find the next one")

    await chat.say("I explained my SQL project clearly")
    await chat.say("The case study")
    (reply,) = await chat.say("I ran out of time structuring it")
    said, _ = split_at(reply, "Step 4 of 10")
    assert said.startswith("Your notes from this step are in /journal")
    (reply,) = await chat.say("My friend Maria")
    split_at(reply, "Step 5 of 10 · Keep learning")

    await chat.say("Case interviews")
    await chat.say("Do two practice cases")
    assert chat.buttons()[:3] == ["In a week", "In 2 weeks", "In a month"]
    (reply,) = await chat.tap("In 2 weeks")
    said, _ = split_at(reply, "Step 6 of 10 · Consider your strengths")
    assert said == "Noted. I'll ask how it went on Wed 9 Dec, 10:00."

    (reply,) = await chat.say("patient, curious")
    said, question = split_at(reply, "Step 6 of 10")
    assert said == "Got it, that's 2 so far."
    assert "1 more to go" in question
    (reply,) = await chat.say("good with data")
    said, _ = split_at(reply, "Step 7 of 10 · A limited time to grieve")
    assert "• patient\n• curious\n• good with data" in said

    (reply,) = await chat.tap("48 hours")
    said, _ = split_at(reply, "Step 8 of 10 · Take a walk")
    assert said.startswith("Your 48-hour window ends Fri 27 Nov, 10:00 (your time).")

    (reply,) = await chat.say("7.30 pm")
    said, _ = split_at(reply, "Step 9 of 10 · Keep it moving")
    assert said == "A walk every day at 19:30. I'll remind you, starting Wed 25 Nov, 19:30."
    assert chat.buttons()[:3] == ["Globex", "Initech", "➕ A new one"]

    replies = await chat.tap("Globex")
    assert "For Globex, before you apply or interview" in replies[-1]
    assert "Lead with your strengths: patient, curious, good with data" in replies[-1]
    assert "Skip ›" not in chat.buttons()
    (reply,) = await chat.tap("✅ Got it")
    split_at(reply, "Step 10 of 10 · Ask for feedback")

    # The letter is never joined: it comes on its own, to be copied.
    intro, letter, question = await chat.say("Ms. Lee")
    assert intro == "Here's a message you can copy and send:"
    assert question.startswith("Step 10 of 10")
    assert letter.startswith("Subject: Feedback on my interview for the Data analyst role at Acme")
    assert "Hello Ms. Lee," in letter
    assert "in particular on the case study" in letter  # the weak spot from step 4
    assert letter.endswith("Alex")
    (reply,) = await chat.tap("I'll send it")
    said, summary = split_at(reply, "🎉 You've worked through all ten steps.")
    assert said == "I'll ask on Mon 30 Nov, 10:00 whether they replied."
    assert len(reply) <= MAX_COACH_CHARS
    for expected in (
        "The story you started with: “I froze on the case question and they saw it”",
        "Options: ▰▰▱▱▱ 2 of 5",
        "Your strengths: patient, curious, good with data",
        "for your walk, every day at 19:30",
        "when your grief window ends, Fri 27 Nov, 10:00",
        "about their reply to your feedback request, Mon 30 Nov, 10:00",
        "Next 24 hours: tailor your CV for Globex.",
        "/journal",
    ):
        assert expected in summary

    # Everything is stored.
    (journey,) = await rows(engine, Journey)
    assert journey.status == "completed"
    assert journey.completed_at == NOW
    answers = await stored_answers(engine)
    assert answers == {
        "company": "Acme",
        "role": "Data analyst",
        "when": "today",
        "mood": "2",
        "story": "I froze on the case question and they saw it",
        "prepared": "mostly",
        "accept": "I didn't get this job, and I'm ready for the next one.",
        "opt_count": "2",
        "went_well": "I explained my SQL project clearly",
        "went_badly": "The case study",
        "why": "I ran out of time structuring it",
        "practice": "My friend Maria",
        "skill": "Case interviews",
        "action": "Do two practice cases",
        "goal_date": "2026-12-09",
        "strengths": "patient\ncurious\ngood with data",
        "grief_hours": "48",
        "walk": "19:30",
        "next_opp": "Globex",
        "interviewer": "Ms. Lee",
        "fb_weak_spot": "the case study",
        "fb_draft": letter,
        "fb_tone": "warm",
        "fb_send": "sent",
    }
    (user,) = await rows(engine, User)
    assert user.timezone == "Europe/Berlin"
    opportunities = await rows(engine, Opportunity)
    assert [(o.company, o.role, o.stage) for o in opportunities] == [
        ("Globex", "Analyst", "interviewing"),
        ("Initech", None, "applied"),
    ]
    checkins = await rows(engine, Checkin)
    (review,) = [c for c in checkins if c.kind == "options_review"]
    assert review.status == "cancelled"  # the weekly review stops when the journey is done
    planned = {c.kind: c for c in checkins if c.kind != "options_review"}
    assert {k: (c.due_at, c.status) for k, c in planned.items()} == {
        "learning_goal": (datetime(2026, 12, 9, 9, 0, tzinfo=UTC), "pending"),
        "grief_over": (NOW + timedelta(hours=48), "pending"),
        "walk_daily": (datetime(2026, 11, 25, 18, 30, tzinfo=UTC), "pending"),
        "feedback_followup": (datetime(2026, 11, 30, 9, 0, tzinfo=UTC), "pending"),
        # Planned at /start, moved to Sunday 18:00 in Berlin when the zone was set; it goes on
        # for four weeks after the journey is done.
        "weekly_recap": (datetime(2026, 11, 29, 17, 0, tzinfo=UTC), "pending"),
    }
    assert planned["walk_daily"].local_time == "19:30"
    assert all(c.journey_id == journey.id for c in planned.values())


async def test_a_new_application_on_the_same_database_resumes_mid_journey(
    chat: Conversation,
    engine: AsyncEngine,
    bot_settings: Settings,
    clock: FixedClock,
) -> None:
    await walk_to_step_one(chat)
    await chat.say("They thought I was too junior")
    await chat.tap("Yes")

    # As after a crash: nothing survives but the database.
    async with Conversation(bot_settings, engine, clock) as restarted:
        replies = await restarted.say("/resume")
        assert replies[-1].startswith("Step 2 of 10 · Accept reality")
        (reply,) = await restarted.say("I didn't get it, and that's okay.")
        split_at(reply, "Step 3 of 10")

    answers = await stored_answers(engine)
    assert answers["story"] == "They thought I was too junior"
    assert answers["prepared"] == "yes"
    assert answers["accept"] == "I didn't get it, and that's okay."
    assert answers["company"] == "Acme"


async def test_back_changes_an_earlier_answer(chat: Conversation, engine: AsyncEngine) -> None:
    await walk_to_step_one(chat)
    await chat.say("My first story")
    replies = await chat.say("/back")
    assert replies[-1].startswith("Step 1 of 10")
    assert "Your earlier answer: “My first story”" in replies[-1]
    await chat.say("A kinder story")
    replies = await chat.tap("‹ Back")
    assert "Your earlier answer: “A kinder story”" in replies[-1]
    replies = await chat.tap("‹ Back")
    assert "Which time zone" in replies[-1]

    answers = await stored_answers(engine)
    assert answers["story"] == "A kinder story"


async def test_back_at_the_first_question_explains(chat: Conversation) -> None:
    await chat.say("/start")
    (reply,) = await chat.say("/back")

    said, question = split_at(reply, "Getting started")
    assert said == "This is the first question, so there's nothing to go back to."
    assert "Which company was it?" in question


async def test_skip_moves_on_without_storing(chat: Conversation, engine: AsyncEngine) -> None:
    await chat.say("/start")
    replies = await chat.say("/skip")
    assert "And the role" in replies[-1]
    await chat.tap("Skip ›")
    await chat.tap("Today")
    await chat.tap("4 🙂")
    (reply,) = await chat.tap("Skip ›")  # time zone: the default is used and said
    said, _ = split_at(reply, "Step 1 of 10")
    assert said == "No problem. I'll use UTC for now (it's 09:00 there)."

    answers = {a.key for a in await rows(engine, Answer)}
    assert "company" not in answers
    assert "role" not in answers


async def test_the_tailoring_checklist_cannot_be_skipped(chat: Conversation) -> None:
    await walk_to_step_one(chat)
    for _ in range(30):
        if "Keep it moving" in chat.last():
            break
        await chat.say("/skip")
    await chat.tap("➕ A new one")
    await chat.say("Hooli")
    (reply,) = await chat.say("/skip")

    said, checklist = split_at(reply, "Step 9 of 10")
    assert said == "This one can't be skipped, but it only takes a tap."
    assert "For Hooli" in checklist


async def test_pause_keeps_everything_and_resume_continues(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await walk_to_step_one(chat)
    replies = await chat.say("/pause")
    assert replies[0].startswith("Paused.")
    replies = await chat.say("some words while paused")
    assert replies == ["We're paused. Send /resume to pick up exactly where we stopped."]
    replies = await chat.say("/resume")
    assert replies[-1].startswith("Step 1 of 10")
    (journey,) = await rows(engine, Journey)
    assert journey.status == "active"


async def test_a_second_journey_keeps_the_first(chat: Conversation, engine: AsyncEngine) -> None:
    await walk_to_step_one(chat)
    await chat.say("First story")
    replies = await chat.say("/new")
    assert "Start a new journey" in replies[-1]
    replies = await chat.tap("Start a new one")
    assert "Which company was it?" in replies[-1]
    await chat.say("Hooli")

    journeys = await rows(engine, Journey)
    assert [j.status for j in journeys] == ["left", "active"]
    by_journey = {(a.journey_id, a.key): a.value for a in await rows(engine, Answer)}
    assert by_journey[(journeys[0].id, "story")] == "First story"
    assert by_journey[(journeys[1].id, "company")] == "Hooli"
    # The time zone belongs to the user, so the second journey doesn't ask again.
    await chat.say("/skip")
    await chat.tap("Earlier")
    (reply,) = await chat.tap("3 😐")
    split_at(reply, "Step 1 of 10")


async def test_old_buttons_are_answered_with_where_we_are(chat: Conversation) -> None:
    await chat.say("/start")
    await chat.say("Acme")
    await chat.say("Analyst")
    old_today = next(d for label, d in _keyboard(chat) if label == "Today")
    await chat.tap("Yesterday")

    (reply,) = await chat.press(old_today, user_id=chat.user_id)

    said, question = split_at(reply, "Getting started")
    assert said == "That button is from an earlier message. Here's where we are now:"
    assert "How are you feeling" in question
    assert chat.request.methods().count("answerCallbackQuery") == 2


async def test_forged_buttons_change_nothing(chat: Conversation, engine: AsyncEngine) -> None:
    await chat.say("/start")
    for data in ("j:999999:company:x", "j:abc", "j:1:role:anything", "o:s:12345:offer", "o:zz"):
        replies = await chat.press(data, user_id=chat.user_id)
        assert replies, data
    answers = await rows(engine, Answer)
    assert answers == []


def _keyboard(chat: Conversation) -> list[tuple[str, str]]:
    from tests.support.harness import last_keyboard

    return last_keyboard(chat.request)


async def test_a_tapped_answer_is_not_held_back_by_answering_the_button(
    chat: Conversation,
) -> None:
    # answerCallbackQuery (which stops the button's spinner) is one round trip to Telegram;
    # the reply to the tap goes out meanwhile, not after it.
    request = chat.request
    plain = request.do_request
    events: list[str] = []

    async def slow_answers(url: str, method: str, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        endpoint = url.rsplit("/", 1)[-1]
        if endpoint == "answerCallbackQuery":
            events.append("answer started")
            await asyncio.sleep(0.3)
            events.append("answer done")
        result = await plain(url, method, *args, **kwargs)
        if endpoint == "sendMessage":
            events.append("reply sent")
        return result

    await chat.say("/start")
    await chat.say("Acme")
    await chat.say("Data analyst")
    request.do_request = slow_answers  # type: ignore[method-assign]
    events.clear()

    (reply,) = await chat.tap("Today")

    assert "How are you feeling right now" in reply
    assert sorted(events) == ["answer done", "answer started", "reply sent"]
    assert events.index("reply sent") < events.index("answer done")
