"""What each check-in says, and its buttons. Pure: rendered by the dispatcher.

Button data: "c:<check-in id>:<action>" (`core.callbacks`) — short, and the check-in id lets
the button handler check that the row belongs to the user who pressed it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.callbacks import Route, encode
from core.journey.steps import PROMPTS, STEP_TITLES, short
from core.replies import Button, Reply
from core.status import CheckinKind
from core.texts.catalogue import EN, say

# kind -> rows of (action, catalogue key of the label)
BUTTONS: dict[str, tuple[tuple[tuple[str, str], ...], ...]] = {
    CheckinKind.GRIEF_OVER: (
        (("feedback", "ci.btn.feedback"), ("tailor", "ci.btn.tailor")),
        (("addopt", "ci.btn.addopt"), ("walk", "ci.btn.walk")),
    ),
    CheckinKind.WALK_DAILY: (
        (("walked", "ci.btn.walked"), ("snooze", "ci.btn.snooze"), ("skip", "ci.btn.skip")),
    ),
    CheckinKind.WALK_SNOOZE: ((("walked", "ci.btn.walked"), ("skip", "ci.btn.skip")),),
    CheckinKind.FEEDBACK_FOLLOWUP: (
        (("replied", "ci.btn.replied"), ("notyet", "ci.btn.notyet"), ("noreply", "ci.btn.noreply")),
    ),
    CheckinKind.LEARNING_GOAL: (
        (
            ("done", "ci.btn.goal_done"),
            ("partly", "ci.btn.goal_partly"),
            ("missed", "ci.btn.goal_missed"),
        ),
    ),
    CheckinKind.COME_BACK: ((("resume", "ci.btn.resume"), ("pause", "ci.btn.pause")),),
    CheckinKind.OPTIONS_REVIEW: ((("options", "ci.btn.options"), ("addopt", "ci.btn.addopt")),),
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
    return encode(Route.CHECKIN, checkin_id, action)


def render_checkin(kind: str, checkin_id: int, context: CheckinContext) -> Reply:
    """The message for a due check-in."""
    lang = context.language
    if kind == CheckinKind.LEARNING_GOAL:
        text = say(
            "ci.learning_goal",
            lang,
            skill=short(context.answers.get("skill", ""), 60) or say("ci.your_goal", lang),
        )
    elif kind == CheckinKind.COME_BACK:
        step = PROMPTS[context.prompt].step if context.prompt in PROMPTS else 0
        where = say(STEP_TITLES[step], lang) if step in STEP_TITLES else say("header.intake", lang)
        text = say("ci.come_back", lang, where=where)
    elif kind == CheckinKind.OPTIONS_REVIEW:
        text = say("ci.options_review", lang, count=context.open_options)
        if context.open_options < 5:
            text += "\n\n" + say("ci.options_review.more", lang)
    elif kind == CheckinKind.RETENTION_WARNING:
        text = say("retention.warning", lang)
    else:
        text = say(f"ci.{kind}", lang)
    rows = tuple(
        tuple(Button(say(label, lang), button_data(checkin_id, action)) for action, label in row)
        for row in BUTTONS.get(kind, ())
    )
    return Reply(text, rows)


def kind_text(prefix: str, kind: str, lang: str | None) -> str:
    """The catalogue text `<prefix>.<kind>`, or `<prefix>.other` for a kind it doesn't name."""
    key = f"{prefix}.{kind}"
    return say(key if key in EN else f"{prefix}.other", lang)


def kind_name(kind: str, lang: str | None) -> str:
    """A check-in kind in plain words, e.g. "Daily walk"."""
    return kind_text("rem.kind", kind, lang)
