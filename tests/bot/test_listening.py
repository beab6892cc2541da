"""A coach that listens: each situation seen with real users, through Application.process_update.

Soft distress is never an answer; non-answers, anger and blame are met in kind; names are
checked before they are used; typed equivalents of buttons work; the close is short.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy.ext.asyncio import AsyncEngine

from core.replies import MAX_COACH_CHARS
from models import Opportunity, User
from tests.support.checkins import rows, stored_answers
from tests.support.harness import Conversation


async def to_step_one(chat: Conversation) -> None:
    await chat.say("/start")
    await chat.say("Acme")
    await chat.say("Data analyst")
    await chat.tap("Today")
    await chat.tap("2 😕")
    await chat.tap("Berlin / Paris")


async def to_step_four(chat: Conversation) -> None:
    await to_step_one(chat)
    await chat.say("I froze on the case question and they saw it")
    await chat.tap("Mostly")
    await chat.say("I didn't get this job, and I'm ready for the next one.")
    await chat.tap("0")
    await chat.tap("Skip ›")  # no company now: on to step 4


async def to_step_five_date(chat: Conversation) -> None:
    await to_step_four(chat)
    for answer in ("I explained my SQL project clearly", "The case study", "Time pressure"):
        await chat.say(answer)
    await chat.say("My friend Maria")
    await chat.say("Case interviews")
    await chat.say("Do two practice cases")


# --- Soft distress --------------------------------------------------------------------------------


async def test_soft_distress_is_not_stored_and_asks_gently(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await to_step_four(chat)
    replies = await chat.say("honestly I feel like there's no point anymore")

    assert len(replies) == 1
    assert "job search, or about how things are more widely" in replies[0]
    assert chat.buttons() == ["The job search", "More widely"]
    assert "went_well" not in await stored_answers(engine)


async def test_more_widely_gives_crisis_care_and_pauses_check_ins(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await to_step_four(chat)
    await chat.say("I can't do this anymore")
    crisis, follow_up = await chat.tap("More widely")

    # The helplines stand on their own message, never joined to the job-search buttons.
    assert "not a crisis service" in crisis
    assert "pause my reminders for a day" in crisis
    assert "job search" not in crisis
    assert follow_up.startswith("Whenever you want, we can carry on with the job search")
    assert chat.buttons() == ["Keep going gently", "Pause for today"]
    (user,) = await rows(engine, User)
    assert user.nudges_paused_until is not None


async def test_about_the_job_search_offers_to_continue_or_pause(chat: Conversation) -> None:
    await to_step_four(chat)
    await chat.say("what's the point")
    replies = await chat.tap("The job search")
    assert "wears anyone down" in replies[0]

    replies = await chat.tap("Keep going gently")
    assert "What went well in the interview?" in replies[-1]


async def test_pausing_from_the_gentle_check_in_keeps_the_place(chat: Conversation) -> None:
    await to_step_four(chat)
    await chat.say("I'm worthless")
    await chat.tap("The job search")
    replies = await chat.tap("Pause for today")
    assert "Paused" in replies[-1]
    assert "What went well" in (await chat.say("/resume"))[-1]


async def test_distress_at_a_date_prompt_is_not_called_an_unreadable_date(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await to_step_five_date(chat)
    replies = await chat.say("I just want to disappear for a while")
    assert "couldn't read" not in " ".join(replies)
    assert chat.buttons() == ["The job search", "More widely"]
    assert "goal_date" not in await stored_answers(engine)


async def test_reassurance_after_a_crisis_reply_is_acknowledged_not_stored(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await to_step_four(chat)
    await chat.say("I want to kill myself")
    replies = await chat.say("I'm not suicidal, just tired")

    assert "relieved you're safe" in replies[0]
    assert chat.buttons() == ["Keep going gently", "Pause for today"]
    assert "went_well" not in await stored_answers(engine)


async def test_spanish_crisis_language_gets_crisis_care(chat: Conversation) -> None:
    await to_step_four(chat)
    replies = await chat.say("ya no quiero vivir así")
    assert "not a crisis service" in replies[0]


async def test_the_lowest_mood_offers_a_gentler_pace(chat: Conversation) -> None:
    await chat.say("/start")
    await chat.say("Acme")
    await chat.say("Data analyst")
    await chat.tap("Today")
    replies = await chat.tap("1 😞")
    assert "at your pace" in replies[-1]
    assert chat.buttons()[:2] == ["Keep going gently", "Stop for today"]
    replies = await chat.tap("Stop for today")
    assert "Paused" in replies[-1]


# --- Replies that fit -----------------------------------------------------------------------------


async def test_a_non_answer_gets_an_example_then_moves_on_without_storing(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await to_step_one(chat)
    replies = await chat.say("idk")
    assert (
        "For example" in replies[0]
        or "kind of thing people write" in replies[0]
        or ("as simple as this" in replies[0])
    )
    assert "skip" in replies[0].lower()
    assert "Skip ›" in chat.buttons()

    replies = await chat.say("dunno")
    assert "leave that one" in replies[0]
    assert "did you prepare" in replies[-1]
    assert "story" not in await stored_answers(engine)


async def test_anger_is_validated_and_never_called_the_spirit(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await to_step_one(chat)
    await chat.say("I froze on the case question and they saw it")
    await chat.tap("Mostly")
    replies = await chat.say("fuck this, it's all bullshit, whatever")

    assert "That's the spirit" not in " ".join(replies)
    assert "angry" in replies[0] or "furious" in replies[0] or "fed up" in replies[0]
    assert "accept" not in await stored_answers(engine)


async def test_blaming_an_internal_candidate_is_not_contradicted_in_step_two(
    chat: Conversation,
) -> None:
    await to_step_one(chat)
    replies = await chat.say("they had an internal guy lined up")
    assert "out of your hands" in replies[0]
    await chat.tap("Mostly")
    replies = await chat.say("it was rigged, they had an internal guy lined up all along")
    assert "keeps your energy stuck" not in " ".join(replies)
    assert "You may be right" in replies[0]


async def test_self_blame_is_answered_with_its_own_words(chat: Conversation) -> None:
    await to_step_one(chat)
    replies = await chat.say("I'm unemployable")
    assert "hurt talking" in replies[0]


async def test_five_or_more_is_not_called_a_start(chat: Conversation) -> None:
    await to_step_one(chat)
    await chat.say("I froze on the case question and they saw it")
    await chat.tap("Mostly")
    await chat.say("I didn't get this job, and I'm ready for the next one.")
    replies = await chat.tap("5+")
    assert "is a start" not in replies[0]
    assert "Five or more" in replies[0]


async def test_no_one_to_practise_with_is_not_a_good_choice(chat: Conversation) -> None:
    await to_step_four(chat)
    for answer in ("I explained my SQL project clearly", "The case study", "Time pressure"):
        await chat.say(answer)
    replies = await chat.say("no one")
    assert "Good idea" not in replies[0]
    assert "Good choice" not in replies[0]
    assert "practise alone" in replies[0]


async def test_skipping_all_of_step_four_claims_nothing_was_saved(chat: Conversation) -> None:
    await to_step_four(chat)
    await chat.tap("Skip ›")
    await chat.tap("Skip ›")
    replies = await chat.tap("Skip ›")
    assert "notes from this step" not in " ".join(replies)


# --- Clean results --------------------------------------------------------------------------------


async def test_a_sentence_is_not_a_company(chat: Conversation, engine: AsyncEngine) -> None:
    await chat.say("/start")
    replies = await chat.say("Ich habe mich bei Siemens beworben und wurde abgelehnt")
    assert "company" in replies[0]
    assert "company" not in await stored_answers(engine)


async def test_non_answers_are_not_stored_as_employers(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await to_step_one(chat)
    await chat.say("I froze on the case question and they saw it")
    await chat.tap("Mostly")
    await chat.say("I didn't get this job, and I'm ready for the next one.")
    await chat.tap("2")
    await chat.say("none")
    await chat.say("idk")
    assert await rows(engine, Opportunity) == []


# --- Forgiving input ------------------------------------------------------------------------------


async def test_typed_equivalents_of_buttons_work(chat: Conversation, engine: AsyncEngine) -> None:
    await chat.say("/start")
    await chat.say("Acme")
    await chat.say("Data analyst")
    assert "How are you feeling" in (await chat.say("yesterday"))[-1]
    assert "time zone" in (await chat.say("pretty bad"))[-1]
    await chat.tap("Berlin / Paris")
    await chat.say("I froze on the case question and they saw it")
    assert "Step 2 of 10" in (await chat.say("yes"))[-1]
    answers = await stored_answers(engine)
    assert (answers["when"], answers["mood"], answers["prepared"]) == ("yesterday", "2", "yes")


async def test_refusals_get_clearer_and_never_repeat_a_third_time(chat: Conversation) -> None:
    await chat.say("/start")
    await chat.say("Acme")
    await chat.say("Data analyst")
    said = [" ".join(await chat.say("banana")) for _ in range(3)]
    assert len(set(said)) == 3
    assert "Today" in said[1]


async def test_a_walk_time_as_people_type_it(chat: Conversation, engine: AsyncEngine) -> None:
    await to_step_five_date(chat)
    await chat.say("two weeks")
    await chat.say("patient, curious, good with data")
    await chat.tap("Other…")
    await chat.say("a day and a half")
    await chat.say("half past seven")
    answers = await stored_answers(engine)
    assert (answers["grief_hours"], answers["walk"]) == ("36", "07:30")


async def test_refusing_the_walk_is_opting_out(chat: Conversation, engine: AsyncEngine) -> None:
    await to_step_five_date(chat)
    await chat.say("two weeks")
    await chat.say("patient, curious, good with data")
    await chat.tap("24 hours")
    replies = await chat.say("walking won't fix a rigged hiring market")
    assert "couldn't read" not in " ".join(replies)
    assert "five minutes" in replies[0]
    assert "walk" not in await stored_answers(engine)


async def test_back_shows_a_date_as_people_read_it(chat: Conversation) -> None:
    await to_step_five_date(chat)
    await chat.tap("In 2 weeks")
    replies = await chat.tap("‹ Back")
    assert "2026-" not in replies[-1]
    assert "Wed 9 Dec" in replies[-1]


# --- The close and after --------------------------------------------------------------------------


async def walk_everything(chat: Conversation) -> list[str]:
    said: list[str] = []
    await to_step_one(chat)
    for step in (
        chat.say("I froze on the case question and they saw it"),
        chat.tap("Mostly"),
        chat.say("I didn't get this job, and I'm ready for the next one."),
        chat.tap("1"),
        chat.say("Globex"),
        chat.say("Analyst"),
        chat.tap("Interviewing"),
        chat.tap("That's all for now"),
        chat.say("I explained my SQL project clearly"),
        chat.say("The case study: I lost the thread halfway"),
        chat.say("I ran out of time structuring it"),
        chat.say("My friend Maria"),
        chat.say("Case interviews"),
        chat.say("Do two practice cases"),
        chat.tap("In 2 weeks"),
        chat.say("patient, curious, good with data"),
        chat.tap("24 hours"),
        chat.say("7:30"),
        chat.tap("Globex"),
        chat.tap("✅ Got it"),
        chat.say("Ms. Lee"),
        chat.tap("Not now"),
    ):
        said += await step
    return said


async def test_the_close_is_short_and_ends_with_one_action(chat: Conversation) -> None:
    said = await walk_everything(chat)
    close = said[-1]
    assert len(close) <= MAX_COACH_CHARS
    assert "The story you started with" in close
    assert "Next 24 hours: send your feedback request" in close
    assert "/journal" in close


async def test_every_message_is_short_and_none_is_sent_three_times(chat: Conversation) -> None:
    said = await walk_everything(chat)
    assert all(len(text) <= MAX_COACH_CHARS for text in said)
    assert max(Counter(said).values()) <= 2


async def test_after_the_journey_free_text_gets_a_fitting_answer(chat: Conversation) -> None:
    await walk_everything(chat)
    about_email = await chat.say("Can I rewrite the feedback email?")
    frustrated = await chat.say("this bot is useless")
    thanks = await chat.say("thanks!")
    assert "/feedback" in about_email[0]
    assert "sorry" in frustrated[0].lower()
    assert "welcome" in thanks[0]
    assert len({about_email[0], frustrated[0], thanks[0]}) == 3


async def test_new_in_the_middle_asks_first(chat: Conversation, engine: AsyncEngine) -> None:
    await to_step_one(chat)
    replies = await chat.say("/new")
    assert "Start a new journey" in replies[0]
    assert chat.buttons() == ["Start a new one", "Keep going"]
    replies = await chat.tap("Keep going")
    assert "What story are you telling yourself" in replies[-1]
    await chat.say("/new")
    replies = await chat.tap("Start a new one")
    assert "Which company was it?" in replies[-1]


async def test_typing_skip_works_like_the_button(chat: Conversation, engine: AsyncEngine) -> None:
    await to_step_one(chat)
    replies = await chat.say("skip")
    assert "did you prepare" in replies[-1]
    assert "story" not in await stored_answers(engine)


async def test_no_strengths_today_is_met_kindly(chat: Conversation, engine: AsyncEngine) -> None:
    await to_step_five_date(chat)
    await chat.say("two weeks")
    replies = await chat.say("none")
    assert "hard to see on a day like this" in replies[0]
    assert "strengths" not in await stored_answers(engine)


async def test_a_vague_or_self_critical_weak_spot_stays_out_of_the_letter(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await to_step_four(chat)
    await chat.say("I explained my SQL project clearly")
    await chat.say("everything")
    assert "fb_weak_spot" not in await stored_answers(engine)


async def test_three_kinds_of_story_get_three_different_answers(chat: Conversation) -> None:
    answers: list[str] = []
    for story in ("idk", "I'm unemployable", "the interviewer was an idiot"):
        if answers:
            await chat.say("/new")
            await chat.tap("Start a new one")
        else:
            await chat.say("/start")
        await chat.say("Acme")
        await chat.say("Data analyst")
        await chat.tap("Today")
        await chat.tap("2 😕")
        if not answers:
            await chat.tap("Berlin / Paris")
        answers.append((await chat.say(story))[0])
    assert len(set(answers)) == 3


async def test_an_insult_for_a_name_becomes_the_name_or_the_hiring_team(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await chat.say("/start")
    for _ in range(4):
        await chat.say("skip")
    await chat.tap("Berlin / Paris")
    for _ in range(20):  # skip to step 10
        replies = await chat.say("skip")
        if "Who interviewed you?" in replies[-1]:
            break
    replies = await chat.say("the idiot's name was Brad")
    letter = next(text for text in replies if text.startswith("Subject:"))
    assert "idiot" not in letter
    assert "Hello Brad," in letter
