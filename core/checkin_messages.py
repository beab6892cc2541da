"""What each check-in says, and its buttons. Pure: rendered by the dispatcher.

Button data: "c:<check-in id>:<action>" — short, and the check-in id lets the button handler
check that the row belongs to the user who pressed it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.journey.steps import PROMPTS, STEP_TITLES, short
from core.replies import Button, Reply
from core.texts.catalogue import say

PREFIX = "c"

# kind -> rows of (action, catalogue key of the label)
BUTTONS: dict[str, tuple[tuple[tuple[str, str], ...], ...]] = {
    "grief_over": (
        (("feedback", "ci.btn.feedback"), ("tailor", "ci.btn.tailor")),
        (("addopt", "ci.btn.addopt"), ("walk", "ci.btn.walk")),
    ),
    "walk_daily": (
        (("walked", "ci.btn.walked"), ("snooze", "ci.btn.snooze"), ("skip", "ci.btn.skip")),
    ),
    "walk_snooze": ((("walked", "ci.btn.walked"), ("skip", "ci.btn.skip")),),
    "feedback_followup": (
        (("replied", "ci.btn.replied"), ("notyet", "ci.btn.notyet"), ("noreply", "ci.btn.noreply")),
    ),
    "learning_goal": (
        (
            ("done", "ci.btn.goal_done"),
            ("partly", "ci.btn.goal_partly"),
            ("missed", "ci.btn.goal_missed"),
        ),
    ),
    "come_back": ((("resume", "ci.btn.resume"), ("pause", "ci.btn.pause")),),
    "options_review": ((("options", "ci.btn.options"), ("addopt", "ci.btn.addopt")),),
}


@dataclass(frozen=True, slots=True)
class CheckinContext:
    """What a check-in's text may mention."""

    language: str | None
    zone: str
    local_time: str | None = None
    answers: dict[str, str] = field(default_factory=dict)
    prompt: str | None = None
    open_options: int = 0
    # The reason it was planned has gone (the user answered, paused, finished).
    obsolete: bool = False


def button_data(checkin_id: int, action: str) -> str:
    """Callback data of a check-in button."""
    return f"{PREFIX}:{checkin_id}:{action}"


def render_checkin(kind: str, checkin_id: int, context: CheckinContext) -> Reply:
    """The message for a due check-in."""
    lang = context.language
    if kind == "learning_goal":
        text = say(
            "ci.learning_goal",
            lang,
            skill=short(context.answers.get("skill", ""), 60) or say("ci.your_goal", lang),
        )
    elif kind == "come_back":
        step = PROMPTS[context.prompt].step if context.prompt in PROMPTS else 0
        where = say(STEP_TITLES[step], lang) if step in STEP_TITLES else say("header.intake", lang)
        text = say("ci.come_back", lang, where=where)
    elif kind == "options_review":
        text = say("ci.options_review", lang, count=context.open_options)
        if context.open_options < 5:
            text += "\n\n" + say("ci.options_review.more", lang)
    elif kind == "retention_warning":
        text = say("retention.warning", lang)
    else:
        text = say(f"ci.{kind}", lang)
    rows = tuple(
        tuple(Button(say(label, lang), button_data(checkin_id, action)) for action, label in row)
        for row in BUTTONS.get(kind, ())
    )
    return Reply(text, rows)
