"""/progress, the weekly recap and the mood question, through the real Application (SQLite and
PostgreSQL): the picture is sent as a photo whose caption says the same in words."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta

from PIL import Image
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import app_data
from handlers.pictures import MOOD_COLOUR, WALKED_COLOUR
from models import Checkin, Mood
from tests.bot.test_journey import walk_to_step_one
from tests.support.checkins import rows
from tests.support.clock import FixedClock
from tests.support.harness import Conversation
from tests.support.recording_request import RecordedCall

# walk_to_step_one sets Europe/Berlin on Wednesday 25 November: the first recap is Sunday
# 29 November, 18:00 in Berlin.
FIRST_RECAP = datetime(2026, 11, 29, 17, 0, tzinfo=UTC)


def photos(chat: Conversation) -> list[RecordedCall]:
    return [call for call in chat.request.calls if call.method == "sendPhoto"]


def picture_of(call: RecordedCall) -> bytes:
    name, png = call.files["photo"]
    assert name == "progress.png"
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(png) < 200 * 1024
    return png


def pixels(png: bytes, hex_colour: str) -> int:
    """How many pixels of the picture have exactly this colour."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    wanted = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    found = image.getcolors(maxcolors=image.width * image.height) or []
    return sum(count for count, rgb in found if rgb == wanted)


# The walk legend's square (14 × 14) is always there; a walked day's square is 36 × 36.
LEGEND_PIXELS = 14 * 14


def mood_buttons(call: RecordedCall) -> list[str]:
    markup = call.params["reply_markup"]
    if isinstance(markup, str):
        markup = json.loads(markup)
    return [button["text"] for button in markup["inline_keyboard"][0]]


async def recaps(engine: AsyncEngine) -> list[Checkin]:
    return [c for c in await rows(engine, Checkin) if c.kind == "weekly_recap"]


async def test_progress_before_any_journey_says_so_kindly(chat: Conversation) -> None:
    texts = await chat.say("/progress")

    assert texts == []  # no text message: one photo with its caption
    (call,) = photos(chat)
    assert call.params["caption"].startswith("There's nothing to draw yet, and that's fine.")
    png = picture_of(call)
    assert Image.open(io.BytesIO(png)).size == (800, 600)
    assert pixels(png, MOOD_COLOUR) == 0


async def test_progress_draws_the_journey_so_far(chat: Conversation) -> None:
    await walk_to_step_one(chat)  # intake mood 2

    await chat.say("/progress")

    (call,) = photos(chat)
    caption = call.params["caption"]
    assert "Steps: 0 of 10 done." in caption
    assert "Mood: 2 out of 5 so far." in caption
    assert "Walks: none logged in the last four weeks yet. Ten minutes outside counts." in caption
    png = picture_of(call)
    assert pixels(png, MOOD_COLOUR) > 0  # the mood point (and step 1, the current one)
    assert pixels(png, WALKED_COLOUR) == LEGEND_PIXELS  # no day walked, no step done


async def test_the_weekly_recap_sends_the_picture_and_asks_the_mood(
    chat: Conversation, engine: AsyncEngine, clock: FixedClock
) -> None:
    await walk_to_step_one(chat)
    (planned,) = await recaps(engine)
    assert (planned.due_at, planned.local_time, planned.status) == (FIRST_RECAP, "18:00", "pending")

    clock.current = FIRST_RECAP + timedelta(minutes=1)
    report = await app_data(chat.application).dispatcher.run_once()

    assert report.sent_kinds["weekly_recap"] == 1
    (call,) = photos(chat)
    caption = call.params["caption"]
    assert caption.startswith("Your week at a glance: walks 0, employers in play 0 of 5, ")
    # The latest mood (2, at the intake) was low: a gentle line, no to-do.
    assert "If this week was heavy, that's okay." in caption
    assert "/options" not in caption
    assert caption.endswith("And how are you feeling now, from 1 (awful) to 5 (okay)?")
    assert mood_buttons(call) == ["1 😞", "2 😕", "3 😐", "4 🙂", "5 😊"]
    picture_of(call)
    # Next Sunday's is planned.
    upcoming = [c for c in await recaps(engine) if c.status == "pending"]
    assert [c.due_at for c in upcoming] == [FIRST_RECAP + timedelta(days=7)]

    (thanks,) = await chat.tap("4 🙂")
    assert thanks == "Noted: 4 out of 5. /progress shows how it moves."
    # A second press on the same check-in changes the answer, not adds one.
    await chat.tap("5 😊")
    (mood,) = await rows(engine, Mood)
    assert (mood.value, mood.source, mood.checkin_id) == ("5", "weekly_recap", planned.id)

    await chat.say("/progress")
    assert "Mood: from 2 to 5 out of 5. That's movement." in photos(chat)[-1].params["caption"]


async def test_the_lowest_mood_gets_a_gentle_word_and_sos(
    chat: Conversation, engine: AsyncEngine, clock: FixedClock
) -> None:
    await walk_to_step_one(chat)
    clock.current = FIRST_RECAP + timedelta(minutes=1)
    await app_data(chat.application).dispatcher.run_once()

    (reply,) = await chat.tap("1 😞")

    assert reply.startswith("Noted: 1 out of 5.")
    assert "/sos" in reply


async def test_the_recap_can_be_stopped_with_reminders(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await walk_to_step_one(chat)

    (listing,) = await chat.say("/reminders")
    assert "• Weekly recap (Sunday evening) — Sun 29 Nov, 18:00" in listing
    await chat.tap("✖ Stop weekly recap")

    assert [c.status for c in await recaps(engine)] == ["cancelled"]


async def test_quiet_hours_over_the_evening_move_the_recap_earlier(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await walk_to_step_one(chat)

    await chat.say("/quiet")
    await chat.say("17-9")

    (planned,) = [c for c in await recaps(engine) if c.status == "pending"]
    assert planned.local_time == "16:00"
    assert planned.due_at == datetime(2026, 11, 29, 15, 0, tzinfo=UTC)


async def test_a_recap_for_a_journey_left_behind_is_not_sent(
    chat: Conversation, engine: AsyncEngine, clock: FixedClock
) -> None:
    await walk_to_step_one(chat)
    await chat.say("/new")
    await chat.tap("Start a new one")
    clock.current = FIRST_RECAP + timedelta(minutes=1)

    report = await app_data(chat.application).dispatcher.run_once()

    # The new journey's recap goes; the old one's is dropped, and not planned again.
    assert report.sent_kinds["weekly_recap"] == 1
    assert len(photos(chat)) == 1
    statuses = sorted(c.status for c in await recaps(engine))
    assert statuses == ["dropped", "pending", "sent"]


async def test_moods_are_exported_and_deleted(
    chat: Conversation, engine: AsyncEngine, clock: FixedClock
) -> None:
    await walk_to_step_one(chat)
    clock.current = FIRST_RECAP + timedelta(minutes=1)
    await app_data(chat.application).dispatcher.run_once()
    await chat.tap("3 😐")

    await chat.say("/export")
    documents = [c for c in chat.request.calls if c.method == "sendDocument"]
    exported = {name: data for c in documents for name, data in c.files.values()}
    (json_name,) = [name for name in exported if name.endswith(".json")]
    assert json.loads(exported[json_name])["moods"] == [
        {"value": "3", "asked_by": "weekly_recap", "recorded_at": "2026-11-29T17:01:00+00:00"}
    ]
    (md_name,) = [name for name in exported if name.endswith(".md")]
    assert "## Moods you gave in check-ins" in exported[md_name].decode()
