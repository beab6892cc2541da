"""/reminders, /timezone, /quiet and /walk through the real Application (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncEngine

from models import Checkin, User
from models import repository as repo
from models.db import create_sessionmaker
from tests.support import factories
from tests.support.checkins import rows, stored_answers
from tests.support.clock import NOW, FixedClock
from tests.support.harness import Conversation
from tests.support.recording_request import RecordedCall

USER = factories.DEFAULT_USER_ID
STRANGER = 999


Plan = tuple[str, datetime, str | None, str]  # kind, due (UTC), local time, status


async def seed(engine: AsyncEngine, *plans: Plan, zone: str | None = "Europe/Berlin") -> list[int]:
    """Register the user with a time zone and the given check-ins; return their ids."""
    ids = []
    async with create_sessionmaker(engine).begin() as session:
        await repo.touch_user(session, telegram_id=USER, language_code="en", now=NOW)
        if zone is not None:
            await repo.set_timezone(session, user_id=USER, name=zone)
        for kind, due_at, local_time, status in plans:
            checkin = await repo.plan_checkin(
                session,
                user_id=USER,
                journey_id=None,
                kind=kind,
                due_at=due_at,
                local_time=local_time,
                now=NOW,
            )
            checkin.status = status
            ids.append(checkin.id)
    return ids


def one_message(replies: list[str]) -> tuple[str, str]:
    """The one message the bot answered with, as what it says first (e.g. "Paused: …") and
    what follows in the same message (e.g. the list of reminders, or the question again)."""
    (reply,) = replies
    said, _, rest = reply.partition("\n\n")
    assert rest, f"only one part in {reply!r}"
    return said, rest


async def checkins(engine: AsyncEngine) -> dict[int, Checkin]:
    return {c.id: c for c in await rows(engine, Checkin)}


async def upcoming(engine: AsyncEngine, kind: str) -> list[Checkin]:
    rows = (await checkins(engine)).values()
    return [c for c in rows if c.kind == kind and c.status in ("pending", "paused")]


async def user_row(engine: AsyncEngine, user_id: int = USER) -> User:
    async with create_sessionmaker(engine).begin() as session:
        user = await session.get(User, user_id)
    assert user is not None
    return user


WALK_1930 = ("walk_daily", datetime(2026, 11, 25, 18, 30, tzinfo=UTC), "19:30", "pending")
GRIEF = ("grief_over", datetime(2026, 11, 27, 9, 0, tzinfo=UTC), None, "pending")
GOAL_PAUSED = ("learning_goal", datetime(2026, 12, 1, 8, 0, tzinfo=UTC), "09:00", "paused")


# --- /reminders ------------------------------------------------------------------------------


async def test_reminders_lists_upcoming_check_ins_in_local_time(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await seed(engine, WALK_1930, GRIEF, GOAL_PAUSED)

    (listing,) = await chat.say("/reminders")

    assert listing.splitlines() == [
        "⏰ Your upcoming reminders (your time, Europe/Berlin):",
        "• Daily walk — every day at 19:30, next Wed 25 Nov, 19:30",
        "• Grief window over — Fri 27 Nov, 10:00",
        "• How your learning goal went — Tue 1 Dec, 09:00 (paused)",
    ]
    assert chat.buttons() == [
        "⏸ Pause walk",
        "✖ Stop walk",
        "⏸ Pause grief check-in",
        "✖ Stop grief check-in",
        "▶️ Resume goal check",
        "✖ Stop goal check",
    ]


async def test_reminders_without_any(chat: Conversation) -> None:
    (reply,) = await chat.say("/reminders")

    assert reply.startswith("You have no reminders planned right now.")


async def test_pause_resume_and_stop(chat: Conversation, engine: AsyncEngine) -> None:
    walk_id, grief_id = await seed(engine, WALK_1930, GRIEF)
    await chat.say("/reminders")

    confirmation, listing = one_message(await chat.tap("⏸ Pause walk"))
    assert confirmation == "Paused: Daily walk. It waits until you resume it."
    assert "• Daily walk — every day at 19:30 (paused)" in listing
    assert (await checkins(engine))[walk_id].status == "paused"
    assert (await checkins(engine))[grief_id].status == "pending"

    confirmation, listing = one_message(await chat.tap("▶️ Resume walk"))
    assert confirmation == "Back on: Daily walk."
    assert "• Daily walk — every day at 19:30, next Wed 25 Nov, 19:30" in listing
    resumed = (await checkins(engine))[walk_id]
    assert (resumed.status, resumed.due_at) == ("pending", WALK_1930[1])

    confirmation, listing = one_message(await chat.tap("✖ Stop grief check-in"))
    assert confirmation == "Stopped: Grief window over. You won't hear about it again."
    assert "Grief" not in listing
    assert (await checkins(engine))[grief_id].status == "cancelled"

    confirmation, listing = one_message(await chat.tap("✖ Stop walk"))
    assert confirmation.startswith("Stopped: Daily walk.")
    assert listing.startswith("You have no reminders planned right now.")
    assert {c.status for c in (await checkins(engine)).values()} == {"cancelled"}


async def test_stopping_a_paused_kind_cancels_it(chat: Conversation, engine: AsyncEngine) -> None:
    (goal_id,) = await seed(engine, GOAL_PAUSED)
    await chat.say("/reminders")

    await chat.tap("✖ Stop goal check")

    assert (await checkins(engine))[goal_id].status == "cancelled"


async def test_resuming_a_walk_whose_time_passed_moves_it_to_the_next_one(
    chat: Conversation, engine: AsyncEngine, clock: FixedClock
) -> None:
    paused_walk = ("walk_daily", WALK_1930[1], "19:30", "paused")
    paused_grief = ("grief_over", GRIEF[1], None, "paused")
    walk_id, grief_id = await seed(engine, paused_walk, paused_grief)
    clock.current = datetime(2026, 11, 27, 20, 0, tzinfo=UTC)  # Fri, 21:00 in Berlin
    await chat.say("/reminders")

    await chat.tap("▶️ Resume walk")
    _, listing = one_message(await chat.tap("▶️ Resume grief check-in"))

    rows = await checkins(engine)
    assert rows[walk_id].status == "pending"
    assert rows[walk_id].due_at == datetime(2026, 11, 28, 18, 30, tzinfo=UTC)  # Sat 19:30
    # Other kinds keep their time: the dispatcher's lateness rules decide what to do with it.
    assert (rows[grief_id].status, rows[grief_id].due_at) == ("pending", GRIEF[1])
    assert "• Daily walk — every day at 19:30, next Sat 28 Nov, 19:30" in listing


async def test_a_pressed_button_that_changes_nothing_says_so(
    chat: Conversation, engine: AsyncEngine
) -> None:
    (walk_id,) = await seed(engine, WALK_1930)
    await chat.say("/reminders")
    await chat.tap("⏸ Pause walk")

    said, _ = one_message(await chat.press(f"r:p:{walk_id}"))  # the old "Pause" again

    assert said == "That one has already gone out or changed, so there was nothing to do."
    assert (await checkins(engine))[walk_id].status == "paused"


async def test_a_forged_button_for_someone_elses_check_ins_changes_nothing(
    chat: Conversation, engine: AsyncEngine
) -> None:
    walk_id, grief_id = await seed(engine, WALK_1930, GRIEF)

    for action in ("p", "r", "s"):
        (reply,) = await chat.press(f"r:{action}:{walk_id}", user_id=STRANGER)
        assert reply.startswith("That button doesn't belong to any of your reminders")
    (reply,) = await chat.press("r:x:1", user_id=STRANGER)
    assert reply.startswith("That button belongs to an older message")

    rows = await checkins(engine)
    assert (rows[walk_id].status, rows[grief_id].status) == ("pending", "pending")
    assert rows[walk_id].due_at == WALK_1930[1]


# --- /timezone -------------------------------------------------------------------------------


async def test_changing_the_time_zone_moves_check_ins_to_the_same_local_times(
    chat: Conversation, engine: AsyncEngine
) -> None:
    # Mon 30 Nov, 00:30 in Berlin: still Sunday in New York, but it keeps its Berlin date.
    feedback_paused = (
        "feedback_followup",
        datetime(2026, 11, 29, 23, 30, tzinfo=UTC),
        "00:30",
        "paused",
    )
    goal = ("learning_goal", GOAL_PAUSED[1], "09:00", "pending")
    walk_id, grief_id, goal_id, feedback_id = await seed(
        engine, WALK_1930, GRIEF, goal, feedback_paused
    )

    (shown,) = await chat.say("/timezone")
    assert shown.startswith("Your time zone is Europe/Berlin; it's Wed 25 Nov, 10:00 there now.")
    assert "New York" in chat.buttons()
    assert len(chat.buttons()) == 8

    (reply,) = await chat.tap("New York")

    assert reply == (
        "Done: your time zone is now New York (America/New_York). It's Wed 25 Nov, 04:00 there.\n"
        "Your reminders moved with you and keep their local times."
    )
    rows = await checkins(engine)
    # 19:30 in New York is 00:30 UTC the next day.
    assert rows[walk_id].due_at == datetime(2026, 11, 26, 0, 30, tzinfo=UTC)
    # One-offs planned at a local hour keep their local date and hour.
    assert rows[goal_id].due_at == datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
    assert (rows[feedback_id].status, rows[feedback_id].due_at) == (
        "paused",
        datetime(2026, 11, 30, 5, 30, tzinfo=UTC),
    )
    # A duration (the grief window) ends when it ends, wherever the user is.
    assert rows[grief_id].due_at == GRIEF[1]
    assert (await user_row(engine)).timezone == "America/New_York"
    assert (await user_row(engine)).flow is None

    (listing,) = await chat.say("/reminders")
    assert "• Daily walk — every day at 19:30, next Wed 25 Nov, 19:30" in listing
    assert "• Grief window over — Fri 27 Nov, 04:00" in listing


async def test_a_typed_time_zone_unknown_then_found_then_skipped(
    chat: Conversation, engine: AsyncEngine
) -> None:
    (shown,) = await chat.say("/timezone")
    assert shown.startswith("I don't know your time zone yet, so I'm using UTC;")

    unknown, again = one_message(await chat.say("Atlantis"))
    assert unknown.startswith("I couldn't find a time zone for “Atlantis”.")
    assert again.startswith("Pick yours below")
    assert len(chat.buttons()) == 8
    assert (await user_row(engine)).flow == "tz"

    (reply,) = await chat.say("Tokyo")
    assert reply.startswith(
        "Done: your time zone is now Tokyo (Asia/Tokyo). It's Wed 25 Nov, 18:00"
    )

    await chat.say("/timezone")
    (kept,) = await chat.say("/skip")
    assert kept == "Okay, your time zone stays Asia/Tokyo."
    user = await user_row(engine)
    assert (user.timezone, user.flow) == ("Asia/Tokyo", None)


async def test_an_offset_is_understood(chat: Conversation, engine: AsyncEngine) -> None:
    await chat.say("/timezone")

    (reply,) = await chat.say("UTC+2")

    assert reply.startswith("Done: your time zone is now UTC+02:00")
    assert (await user_row(engine)).timezone == "Etc/GMT-2"


# --- /quiet ----------------------------------------------------------------------------------


async def test_quiet_hours_presets_typed_and_off(chat: Conversation, engine: AsyncEngine) -> None:
    (shown,) = await chat.say("/quiet")
    assert shown.startswith("Quiet hours: 22:00–08:00 (your time).")
    assert chat.buttons() == ["22:00–08:00", "21:00–07:00", "23:00–09:00", "Off"]

    (reply,) = await chat.tap("21:00–07:00")
    assert reply == "Done: quiet hours are now 21:00–07:00 (your time)."
    user = await user_row(engine)
    assert (user.quiet_start, user.quiet_end, user.flow) == ("21:00", "07:00", None)

    for typed, expected in [
        ("22-7", ("22:00", "07:00")),
        ("22:30-08:15", ("22:30", "08:15")),
        ("10pm-6am", ("22:00", "06:00")),
    ]:
        await chat.say("/quiet")
        (reply,) = await chat.say(typed)
        assert reply == f"Done: quiet hours are now {expected[0]}–{expected[1]} (your time)."
        user = await user_row(engine)
        assert (user.quiet_start, user.quiet_end) == expected

    await chat.say("/quiet")
    (reply,) = await chat.say("Off")
    assert reply.startswith("Done: quiet hours are off.")
    user = await user_row(engine)
    assert (user.quiet_start, user.quiet_end) == (None, None)
    (shown,) = await chat.say("/quiet")
    assert shown.startswith("Quiet hours are off")

    (reply,) = await chat.tap("23:00–09:00")
    user = await user_row(engine)
    assert (user.quiet_start, user.quiet_end) == ("23:00", "09:00")
    await chat.say("/quiet")
    await chat.tap("Off")
    user = await user_row(engine)
    assert (user.quiet_start, user.quiet_end) == (None, None)


async def test_quiet_hours_invalid_then_skipped(chat: Conversation, engine: AsyncEngine) -> None:
    await chat.say("/quiet")

    invalid, again = one_message(await chat.say("whenever"))
    assert invalid.startswith("I couldn't read “whenever” as quiet hours.")
    assert again.startswith("Pick new quiet hours")
    assert (await user_row(engine)).flow == "quiet"

    (reply,) = await chat.say("/skip")
    assert reply == "Okay, your quiet hours stay as they are."
    user = await user_row(engine)
    assert (user.quiet_start, user.quiet_end, user.flow) == ("22:00", "08:00", None)


# --- /walk -----------------------------------------------------------------------------------


async def test_walk_set_change_and_stop(chat: Conversation, engine: AsyncEngine) -> None:
    await seed(engine)  # a user in Berlin, no check-ins
    await chat.say("/start")  # a journey the walk belongs to
    async with create_sessionmaker(engine).begin() as session:
        journey = await repo.latest_journey(session, USER)
    assert journey is not None

    (shown,) = await chat.say("/walk")
    assert shown.startswith("You don't have a walk reminder yet.")
    assert chat.buttons() == ["07:30", "12:30", "18:00"]

    (reply,) = await chat.tap("18:00")
    assert reply == "A walk every day at 18:00. 🚶 The first reminder comes Wed 25 Nov, 18:00."
    assert "quiet hours" not in reply
    (walk,) = await upcoming(engine, "walk_daily")
    assert (walk.local_time, walk.due_at, walk.journey_id) == (
        "18:00",
        datetime(2026, 11, 25, 17, 0, tzinfo=UTC),
        journey.id,
    )

    (shown,) = await chat.say("/walk")
    assert shown.startswith("Your walk reminder comes every day at 18:00, next Wed 25 Nov, 18:00.")
    assert chat.buttons() == ["07:30", "12:30", "18:00", "Stop reminders"]
    invalid, again = one_message(await chat.say("banana"))
    assert invalid.startswith("I couldn't read “banana” as a time of day.")
    assert again.startswith("Pick a time")
    (reply,) = await chat.say("7.15 pm")
    assert reply.startswith("A walk every day at 19:15.")
    (walk,) = await upcoming(engine, "walk_daily")
    assert (walk.local_time, walk.due_at) == ("19:15", datetime(2026, 11, 25, 18, 15, tzinfo=UTC))

    # Back in the journey: typed text answers its question again.
    replies = await chat.say("Acme")
    assert "And the role" in replies[-1]

    await chat.say("/walk")
    (reply,) = await chat.tap("Stop reminders")
    assert reply.startswith("Walk reminders stopped.")
    assert await upcoming(engine, "walk_daily") == []
    (shown,) = await chat.say("/walk")
    assert shown.startswith("You don't have a walk reminder yet.")
    assert "Stop reminders" not in chat.buttons()


async def test_setting_a_walk_replaces_a_paused_one(
    chat: Conversation, engine: AsyncEngine
) -> None:
    (old_id,) = await seed(engine, ("walk_daily", WALK_1930[1], "19:30", "paused"))

    (shown,) = await chat.say("/walk")
    assert shown.startswith("Your walk reminder is set for 19:30 every day, but it's paused.")
    (reply,) = await chat.tap("07:30")

    assert reply.endswith(
        "That's inside your quiet hours (22:00–08:00), so each reminder will wait until 08:00. "
        "/quiet changes them."
    )
    (walk,) = await upcoming(engine, "walk_daily")
    assert (walk.local_time, walk.status, walk.journey_id) == ("07:30", "pending", None)
    assert walk.due_at == datetime(2026, 11, 26, 6, 30, tzinfo=UTC)  # 07:30 Berlin has passed
    assert (await checkins(engine))[old_id].status == "cancelled"


async def test_walk_skip_leaves_it_alone(chat: Conversation, engine: AsyncEngine) -> None:
    await seed(engine, WALK_1930)
    await chat.say("/walk")

    (reply,) = await chat.say("/skip")

    assert reply == "Okay, nothing changed."
    (walk,) = await upcoming(engine, "walk_daily")
    assert walk.local_time == "19:30"


async def test_a_new_walk_replaces_a_paused_one(chat: Conversation, engine: AsyncEngine) -> None:
    # A walk planned (e.g. by the journey) while another was paused replaces it.
    paused = ("walk_daily", WALK_1930[1], "19:30", "paused")
    newer = ("walk_daily", datetime(2026, 11, 25, 17, 0, tzinfo=UTC), "18:00", "pending")
    old_id, new_id = await seed(engine, paused, newer)
    await chat.say("/reminders")

    said, _ = one_message(await chat.press(f"r:r:{old_id}"))

    assert said == "That one has already gone out or changed, so there was nothing to do."
    rows = await checkins(engine)
    assert (rows[old_id].status, rows[new_id].status) == ("cancelled", "pending")


def callback_data(calls: list[RecordedCall]) -> list[str]:
    """Callback data of every button on the messages sent in these calls, in order."""
    return [
        button["callback_data"]
        for call in calls
        if call.method == "sendMessage"
        for row in (call.params.get("reply_markup") or {}).get("inline_keyboard", [])
        for button in row
    ]


async def reply_keyboard(chat: Conversation, text: str) -> list[str]:
    """Say `text`; return the callback data of the one message the bot sends back."""
    before = len(chat.request.calls)
    (_,) = await chat.say(text)
    return callback_data(chat.request.calls[before:])


async def test_buttons_stay_within_telegram_limits_and_prefixes(chat: Conversation) -> None:
    quiet = await reply_keyboard(chat, "/quiet")
    await chat.say("/skip")
    walk = await reply_keyboard(chat, "/walk")
    await chat.say("/skip")
    timezone = await reply_keyboard(chat, "/timezone")

    # Each command's own reply carries buttons, all with that command's prefix ...
    prefixes = [{data.split(":")[0] for data in keyboard} for keyboard in (quiet, walk, timezone)]
    assert prefixes == [{"q"}, {"w"}, {"tz"}]
    # ... and no button sent anywhere in the conversation is too long or foreign.
    for data in callback_data(chat.request.calls):
        assert len(data.encode()) <= 64
        assert data.split(":")[0] in ("tz", "q", "w")


async def test_walk_updates_the_journeys_walk_answer(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await chat.say("/start")
    await chat.say("/walk")

    await chat.tap("07:30")

    assert (await stored_answers(engine))["walk"] == "07:30"
