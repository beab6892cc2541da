"""The journey engine, pure: every kind of input at every kind of prompt."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.journey.engine import advance, render_prompt, wrap_up
from core.journey.model import (
    Back,
    ButtonInput,
    JourneyView,
    LocationInput,
    OpportunityView,
    PlanCheckin,
    SaveAnswer,
    SetTimezone,
    Skip,
    TextInput,
)
from core.journey.steps import MAX_ANSWER_CHARS, PROMPTS, Ctx
from core.replies import MAX_CALLBACK_BYTES, MAX_COACH_CHARS
from tests.support.clock import NOW


def view(prompt: str, **changes: object) -> JourneyView:
    base = JourneyView(
        journey_id=1,
        status="active",
        prompt=prompt,
        history=["company", "role"],
        answers={},
        opportunities=[],
        planned=[],
        timezone="Europe/Berlin",
        first_name="Alex",
    )
    for key, value in changes.items():
        setattr(base, key, value)
    return base


def test_empty_text_is_asked_again_without_storing() -> None:
    outcome = advance(view("story"), TextInput("   \n "), NOW, "UTC")

    assert outcome.replies[0].text == "That message looks empty. Could you write a few words?"
    assert outcome.prompt == "story"
    assert outcome.effects == []
    assert "What story" in outcome.replies[-1].text


def test_very_long_text_keeps_the_first_part_and_says_so() -> None:
    outcome = advance(view("story"), TextInput("x" * 5000), NOW, "UTC")

    assert f"I kept the first {MAX_ANSWER_CHARS} characters" in outcome.replies[0].text
    assert SaveAnswer("story", "x" * MAX_ANSWER_CHARS) in outcome.effects
    assert outcome.prompt == "prepared"


@pytest.mark.parametrize("text", ["25:99", "lunchtime", "7:60", "13pm"])
def test_a_time_that_isnt_one_is_explained(text: str) -> None:
    outcome = advance(view("walk"), TextInput(text), NOW, "UTC")

    assert outcome.replies[0].text.startswith(f"I couldn't read “{text}” as a time of day.")
    assert outcome.prompt == "walk"
    assert outcome.effects == []


def test_a_typed_time_plans_the_daily_walk_in_local_time() -> None:
    outcome = advance(view("walk"), TextInput("7.30 pm"), NOW, "UTC")

    plan = next(e for e in outcome.effects if isinstance(e, PlanCheckin))
    assert plan == PlanCheckin("walk_daily", datetime(2026, 11, 25, 18, 30, tzinfo=UTC), "19:30")
    assert outcome.prompt == "next_opp"


def test_an_unknown_time_zone_offers_the_list() -> None:
    outcome = advance(view("tz", timezone=None), TextInput("Atlantis"), NOW, "UTC")

    assert "I don't know the place or time zone “Atlantis”" in outcome.replies[0].text
    assert outcome.prompt == "tz"
    labels = [b.label for row in outcome.replies[-1].buttons for b in row]
    assert "London" in labels


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Europe/Lisbon", "Europe/Lisbon"),
        ("new york", "America/New_York"),
        ("Munich", "Europe/Berlin"),
    ],
)
def test_a_typed_zone_or_city_is_confirmed(typed: str, zone: str) -> None:
    outcome = advance(view("tz", timezone=None), TextInput(typed), NOW, "UTC")

    assert SetTimezone(zone) in outcome.effects
    assert outcome.replies[0].text.startswith(f"Got it: {zone}. It's ")
    assert outcome.prompt == "story"


def test_a_shared_location_sets_the_zone() -> None:
    outcome = advance(view("tz", timezone=None), LocationInput(40.71, -74.0), NOW, "UTC")

    assert SetTimezone("America/New_York") in outcome.effects


def test_a_location_elsewhere_is_not_kept() -> None:
    outcome = advance(view("story"), LocationInput(40.71, -74.0), NOW, "UTC")

    assert "I didn't keep it" in outcome.replies[0].text
    assert outcome.effects == []


@pytest.mark.parametrize("text", ["lots", "-3", "a million"])
def test_a_count_must_be_a_number(text: str) -> None:
    outcome = advance(view("opt_count"), TextInput(text), NOW, "UTC")

    assert outcome.replies[0].text == "I need a number there, like 0, 2 or 5."


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("someday", "I couldn't read that as a date."),
        ("2026-11-01", "Pick a day after today and within a year."),
        ("2030-01-01", "Pick a day after today and within a year."),
    ],
)
def test_goal_dates_are_checked(text: str, message: str) -> None:
    outcome = advance(view("goal_date"), TextInput(text), NOW, "UTC")

    assert outcome.replies[0].text.startswith(message)
    assert outcome.prompt == "goal_date"


@pytest.mark.parametrize("text", ["5", "100", "soon"])
def test_custom_grief_windows_stay_between_12_and_72_hours(text: str) -> None:
    outcome = advance(view("grief_hours"), TextInput(text), NOW, "UTC")

    assert outcome.prompt == "grief_hours"
    assert outcome.effects == []


def test_a_choice_can_be_typed_by_its_label() -> None:
    outcome = advance(view("prepared"), TextInput("mostly"), NOW, "UTC")

    assert SaveAnswer("prepared", "mostly") in outcome.effects


def test_free_text_at_a_choice_names_the_buttons() -> None:
    outcome = advance(view("prepared"), TextInput("I guess so?"), NOW, "UTC")

    assert outcome.replies[0].text.startswith("Tap one of the buttons, or type one of them")
    assert "“Mostly”" in outcome.replies[0].text
    assert outcome.prompt == "prepared"
    assert outcome.misses == 1


def test_a_second_misunderstanding_says_what_is_expected_differently() -> None:
    first = advance(view("prepared"), TextInput("banana"), NOW, "UTC")
    again = view("prepared")
    again.misses = first.misses
    second = advance(again, TextInput("banana"), NOW, "UTC")

    assert second.replies[0].text != first.replies[0].text
    assert second.replies[0].text.startswith("Let me be clearer")
    assert second.misses == 2


def test_a_button_value_the_prompt_does_not_offer_is_refused() -> None:
    outcome = advance(view("prepared"), ButtonInput("definitely"), NOW, "UTC")

    assert outcome.effects == []
    assert outcome.prompt == "prepared"


def test_blaming_is_steered_once_then_accepted() -> None:
    first = advance(
        view("accept"), TextInput("It was rigged for an internal candidate"), NOW, "UTC"
    )
    assert first.prompt == "accept"
    assert "You may be right" in first.replies[0].text
    assert all(not (isinstance(e, SaveAnswer) and e.key == "accept") for e in first.effects)

    second_view = view("accept", answers={"accept_steered": "1"})
    second = advance(second_view, TextInput("Still unfair, but I'm moving on"), NOW, "UTC")
    assert second.prompt == "opt_count"
    assert SaveAnswer("accept", "Still unfair, but I'm moving on") in second.effects


def test_strengths_arrive_one_at_a_time() -> None:
    outcome = advance(view("strengths"), TextInput("patient"), NOW, "UTC")

    assert outcome.prompt == "strengths"
    assert "2 more to go" in outcome.replies[-1].text


def test_back_returns_to_the_previous_prompt_showing_the_answer() -> None:
    outcome = advance(view("when", answers={"role": "Analyst"}), Back(), NOW, "UTC")

    assert outcome.prompt == "role"
    assert outcome.history == ["company"]
    assert "Your earlier answer: “Analyst”" in outcome.replies[0].text


def test_skip_plans_nothing() -> None:
    outcome = advance(view("grief"), Skip(), NOW, "UTC")

    assert outcome.prompt == "walk"
    assert outcome.effects == []


def test_every_prompt_fits_telegrams_limits() -> None:
    long = "y" * MAX_ANSWER_CHARS
    opportunities = [OpportunityView(10**12 + i, long, long, "applied") for i in range(8)]
    answers = {key: long for key in PROMPTS}
    answers.update(goal_date="2026-12-09", strengths="\n".join([long] * 5), walk="07:30")
    big = view("company", journey_id=10**15, answers=answers, opportunities=opportunities)
    for key in PROMPTS.keys() - {"done"}:
        reply = render_prompt(Ctx(big, NOW, "UTC"), key, show_previous=True)
        assert len(reply.text) <= 4096, key
        for row in reply.buttons:
            for button in row:
                assert len(button.data.encode()) <= MAX_CALLBACK_BYTES
    assert len(wrap_up(Ctx(big, NOW, "UTC"))) <= 4096


def test_the_close_fits_700_characters_whatever_was_written() -> None:
    long = "word " * 300
    answers = {
        "story": long,
        "skill": long,
        "action": long,
        "goal_date": "2026-12-09",
        "strengths": "\n".join([long] * 5),
        "next_opp": long,
        "walk": "07:30",
    }
    closing = advance(view("fb_send", answers=answers), ButtonInput("later"), NOW, "UTC")

    close = closing.replies[-1].text
    assert len(close) <= MAX_COACH_CHARS
    assert "The story you started with" in close
    assert "word wor" not in close.replace("word word", "")  # cut between words, never inside
    assert close.rstrip().endswith("/steps shows the overview.")


def test_soft_distress_is_never_an_answer_at_any_text_prompt() -> None:
    for prompt in ("story", "accept", "went_well", "skill", "goal_date", "walk", "interviewer"):
        outcome = advance(view(prompt), TextInput("I can't do this anymore"), NOW, "UTC")
        assert outcome.effects == [], prompt
        assert outcome.prompt == prompt
