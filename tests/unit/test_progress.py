"""The progress snapshot, its words, the weekly recap's timing, and the picture itself."""

from __future__ import annotations

import io
import warnings
from datetime import UTC, date, datetime, time, timedelta

import pytest
from PIL import Image

from core.checkin_messages import CheckinContext, mood_from_action, render_checkin
from core.progress import (
    CURRENT,
    DONE,
    SKIPPED,
    TO_DO,
    ProgressSnapshot,
    caption,
    recap_lines,
    step_states,
)
from core.replies import Reply, reply_from_json, reply_to_json
from core.rules import next_occurrence, next_recap, recap_time
from core.status import CheckinKind
from handlers.pictures import (
    MOOD_COLOUR,
    SKIPPED_COLOUR,
    STAGE_COLOURS,
    TARGET_COLOUR,
    WALKED_COLOUR,
    render_png,
)

# Sunday 29 November 2026.
SUNDAY = date(2026, 11, 29)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_PICTURE_BYTES = 200 * 1024


def busy(language: str | None = "en") -> ProgressSnapshot:
    """Three weeks into a journey: moods going up, walks, three employers, step 7."""
    return ProgressSnapshot(
        language=language,
        today=SUNDAY,
        moods=((date(2026, 11, 10), 2), (date(2026, 11, 12), 3), (SUNDAY, 4)),
        walked=frozenset(SUNDAY - timedelta(days=d) for d in (0, 1, 2, 4, 9)),
        skipped=frozenset({SUNDAY - timedelta(days=3)}),
        stages=(2, 1, 0, 0, 0),
        steps="dddsddcttt",
    )


def colours(png: bytes) -> dict[tuple[int, int, int], int]:
    """Every colour in the picture, with how many pixels have it."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    found = image.getcolors(maxcolors=image.width * image.height)
    assert found is not None
    return {(int(c[0]), int(c[1]), int(c[2])): count for count, c in found}  # type: ignore[index]


# The walk legend's squares (14 × 14) are always drawn; a day's square is 36 × 36.
LEGEND_PIXELS = 14 * 14
DAY_PIXELS = 36 * 36


def rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


# --- The snapshot ------------------------------------------------------------------------------


def test_a_snapshot_survives_the_outbox_as_json() -> None:
    snapshot = busy("ru")
    assert ProgressSnapshot.from_json(snapshot.to_json()) == snapshot
    reply = Reply("caption", picture=snapshot.to_json())
    assert reply_from_json(reply_to_json(reply)).picture == snapshot.to_json()
    # Replies without a picture read as before.
    assert reply_from_json(reply_to_json(Reply("plain"))).picture is None


def test_steps_before_the_current_one_are_done_or_skipped() -> None:
    assert step_states(4, {1, 3}, completed=False) == DONE + SKIPPED + DONE + CURRENT + TO_DO * 6
    assert step_states(0, set(), completed=False) == TO_DO * 10
    assert step_states(11, set(range(1, 11)) - {8}, completed=True) == DONE * 7 + SKIPPED + DONE * 2


def test_counts_come_from_the_last_four_weeks_and_this_week() -> None:
    snapshot = busy()
    assert snapshot.calendar_start == date(2026, 11, 2)  # a Monday, four rows before
    assert snapshot.walks_in_calendar == 5
    assert snapshot.walks_this_week == 4  # Mon 23 … Sun 29: the 25th to the 29th minus the 26th
    assert snapshot.employers == 3
    assert snapshot.steps_done == 5


# --- The words -----------------------------------------------------------------------------------


def test_the_caption_says_what_the_picture_shows() -> None:
    text = caption(busy())
    assert text.splitlines() == [
        "📈 Your progress so far:",
        "",
        "Steps: 5 of 10 done.",
        "Mood: from 2 to 4 out of 5. That's movement.",
        "Walks: 5 days in the last four weeks.",
        "Employers in play: 3 of the 5 to aim for. /options adds one.",
    ]


@pytest.mark.parametrize(
    ("moods", "line"),
    [
        ((), "Mood: nothing yet. I'll ask now and then, and it shows up here."),
        (((SUNDAY, 3),), "Mood: 3 out of 5 so far."),
        (((SUNDAY, 4), (SUNDAY, 2)), "Mood: from 4 to 2 out of 5. Heavy weeks happen"),
        (((SUNDAY, 3), (SUNDAY, 5), (SUNDAY, 3)), "Mood: steady at 3 out of 5."),
    ],
)
def test_the_mood_line_follows_the_first_and_the_latest_answer(
    moods: tuple[tuple[date, int], ...], line: str
) -> None:
    snapshot = ProgressSnapshot(language="en", today=SUNDAY, moods=moods, steps=DONE + TO_DO * 9)
    assert line in caption(snapshot)


def test_five_employers_is_enough_and_none_is_said_kindly() -> None:
    enough = ProgressSnapshot(language="en", today=SUNDAY, stages=(1, 1, 1, 1, 2))
    assert "Employers in play: 6. Five or more" in caption(enough)
    walked = ProgressSnapshot(language="en", today=SUNDAY, walked=frozenset({SUNDAY}))
    assert "Employers in play: none yet. Aim for about five at once" in caption(walked)


def test_an_empty_journey_is_told_so_kindly() -> None:
    started = ProgressSnapshot(language="en", today=SUNDAY)
    assert started.empty
    assert caption(started).startswith("Your picture is still blank, and that's fine")
    never = ProgressSnapshot(language="en", today=SUNDAY, started=False)
    assert caption(never).startswith("There's nothing to draw yet, and that's fine.")
    assert "/start" in caption(never)


def test_the_caption_is_translated() -> None:
    text = caption(busy("de"))
    assert "Schritte" in text or "Schritt" in text
    assert "{" not in text


@pytest.mark.parametrize(
    ("snapshot", "nudge"),
    [
        (busy(), "add one more employer with /options"),
        (
            ProgressSnapshot(
                language="en", today=SUNDAY, stages=(5, 0, 0, 0, 0), steps="dc" + "t" * 8
            ),
            "try for three walks",
        ),
        (
            ProgressSnapshot(
                language="en",
                today=SUNDAY,
                stages=(5, 0, 0, 0, 0),
                walked=frozenset(SUNDAY - timedelta(days=d) for d in range(4)),
                steps="dc" + "t" * 8,
            ),
            "one more step. /resume",
        ),
        (
            ProgressSnapshot(
                language="en",
                today=SUNDAY,
                stages=(5, 0, 0, 0, 0),
                walked=frozenset(SUNDAY - timedelta(days=d) for d in range(4)),
                steps="d" * 10,
            ),
            "Keep it moving",
        ),
        (
            # The latest mood was low: no to-do, whatever else the week lacked.
            ProgressSnapshot(language="en", today=SUNDAY, moods=((SUNDAY, 4), (SUNDAY, 2))),
            "If this week was heavy, that's okay.",
        ),
    ],
)
def test_the_recap_is_two_lines_ending_with_one_small_thing(
    snapshot: ProgressSnapshot, nudge: str
) -> None:
    glance, following = recap_lines(snapshot).split("\n")
    assert glance.startswith("Your week at a glance: walks ")
    assert nudge in following


# --- The weekly recap check-in -------------------------------------------------------------------


def test_the_recap_comes_on_sunday_evening_in_the_users_zone() -> None:
    wednesday = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    due, at = next_recap(wednesday, "Europe/Berlin", "22:00", "08:00")
    assert (due, at) == (datetime(2026, 11, 29, 17, 0, tzinfo=UTC), "18:00")
    # Sunday 15:00 in New York: this evening's; at 18:30, next week's.
    afternoon = datetime(2026, 11, 29, 20, 0, tzinfo=UTC)
    evening = datetime(2026, 11, 29, 23, 30, tzinfo=UTC)
    assert next_recap(afternoon, "America/New_York", None, None)[0] == datetime(
        2026, 11, 29, 23, 0, tzinfo=UTC
    )
    assert next_recap(evening, "America/New_York", None, None)[0] == datetime(
        2026, 12, 6, 23, 0, tzinfo=UTC
    )


@pytest.mark.parametrize(
    ("quiet", "expected"),
    [
        (("22:00", "08:00"), time(18)),
        (("17:30", "07:00"), time(17)),
        (("12:00", "19:00"), time(19)),
        (("10:00", "23:00"), time(18)),  # covers every evening hour: it waits them out
        ((None, None), time(18)),
    ],
)
def test_the_recap_hour_avoids_quiet_hours(
    quiet: tuple[str | None, str | None], expected: time
) -> None:
    assert recap_time(*quiet) == expected


def test_the_recap_recurs_weekly_at_its_local_time_across_dst() -> None:
    # Sunday 25 October 2026 18:00 in Berlin is 17:00 UTC (after the clocks went back).
    sent = datetime(2026, 10, 18, 16, 0, tzinfo=UTC)  # 18:00 CEST
    following = next_occurrence(
        kind=CheckinKind.WEEKLY_RECAP,
        due_at=sent,
        local_time="18:00",
        zone="Europe/Berlin",
        now=sent + timedelta(minutes=1),
    )
    assert following == datetime(2026, 10, 25, 17, 0, tzinfo=UTC)


def test_the_recap_message_carries_the_picture_and_asks_the_mood() -> None:
    snapshot = busy()
    context = CheckinContext(language="en", zone="Europe/Berlin", progress=snapshot)
    reply = render_checkin(CheckinKind.WEEKLY_RECAP, 7, context)
    assert reply.picture == snapshot.to_json()
    assert reply.text.startswith(recap_lines(snapshot))
    assert reply.text.endswith("And how are you feeling now, from 1 (awful) to 5 (okay)?")
    (moods,) = reply.buttons
    assert [b.label for b in moods] == ["1 😞", "2 😕", "3 😐", "4 🙂", "5 😊"]
    assert [mood_from_action(b.data.rsplit(":", 1)[1]) for b in moods] == [1, 2, 3, 4, 5]


def test_the_grief_window_check_in_asks_the_mood_above_its_choices() -> None:
    reply = render_checkin(CheckinKind.GRIEF_OVER, 3, CheckinContext(language="en", zone="UTC"))
    assert "how are you feeling now" in reply.text
    assert len(reply.buttons) == 3
    assert reply.buttons[0][0].label == "1 😞"
    assert reply.picture is None


@pytest.mark.parametrize("action", ["m0", "m6", "m", "mx", "walked", "m10"])
def test_only_moods_one_to_five_are_moods(action: str) -> None:
    assert mood_from_action(action) is None


# --- The picture ---------------------------------------------------------------------------------


def test_the_picture_is_a_small_png_in_the_palette() -> None:
    png = render_png(busy())
    assert png.startswith(PNG_SIGNATURE)
    assert len(png) < MAX_PICTURE_BYTES
    image = Image.open(io.BytesIO(png))
    assert image.size == (800, 600)
    found = colours(png)
    for colour in (MOOD_COLOUR, TARGET_COLOUR, *STAGE_COLOURS[:2]):
        assert rgb(colour) in found, colour
    # Five walked days and five steps done (green), one skipped day: besides the legend.
    assert found[rgb(WALKED_COLOUR)] >= LEGEND_PIXELS + 5 * DAY_PIXELS
    assert found[rgb(SKIPPED_COLOUR)] == LEGEND_PIXELS + DAY_PIXELS
    # Stages with no employer aren't drawn.
    assert rgb(STAGE_COLOURS[4]) not in found


def test_an_empty_picture_draws_no_walk_mood_or_employer() -> None:
    png = render_png(ProgressSnapshot(language="en", today=SUNDAY))
    assert png.startswith(PNG_SIGNATURE)
    assert len(png) < MAX_PICTURE_BYTES
    found = colours(png)
    # Only the walk legend's squares: no day walked or skipped, no step done.
    assert found[rgb(WALKED_COLOUR)] == LEGEND_PIXELS
    assert found[rgb(SKIPPED_COLOUR)] == LEGEND_PIXELS
    assert rgb(MOOD_COLOUR) not in found
    assert not any(rgb(c) in found for c in STAGE_COLOURS)
    assert rgb(TARGET_COLOUR) in found  # the aim of five is always shown


@pytest.mark.parametrize("language", ["ru", "de", "pt_BR"])
def test_every_language_has_its_glyphs(language: str) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = render_png(busy(language))
    assert png.startswith(PNG_SIGNATURE)
    assert not [w for w in caught if "missing from font" in str(w.message)]
