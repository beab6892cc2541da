"""What each check-in says, and its buttons. Pure: rendered by the dispatcher.

Button data: "c:<check-in id>:<action>" (`core.callbacks`) — short, and the check-in id lets
the button handler check that the row belongs to the user who pressed it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.callbacks import Route, encode
from core.journey.steps import PROMPTS, STEP_TITLES, short
from core.progress import MOOD_HIGHEST, MOOD_LOWEST, ProgressSnapshot, recap_lines
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
# Check-ins that also ask how the user feels (a row of 1–5 under the message): the answers
# draw the mood line of /progress.
ASKS_MOOD = frozenset({CheckinKind.GRIEF_OVER, CheckinKind.WEEKLY_RECAP})
MOOD_ACTION = "m"


def mood_action(mood: int) -> str:
    """The button action of a mood answer: "m1" … "m5"."""
    return f"{MOOD_ACTION}{mood}"


def mood_from_action(action: str) -> int | None:
    """The mood a button action answers, or None when it isn't a mood answer."""
    digits = action.removeprefix(MOOD_ACTION)
    if action == digits or not digits.isdigit():
        return None
    mood = int(digits)
    return mood if MOOD_LOWEST <= mood <= MOOD_HIGHEST else None


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
    # The journey's progress, for the weekly recap's picture.
    progress: ProgressSnapshot | None = None


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
    elif kind == CheckinKind.WEEKLY_RECAP and context.progress is not None:
        text = recap_lines(context.progress)
    else:
        text = say(f"ci.{kind}", lang)
    rows = tuple(
        tuple(Button(say(label, lang), button_data(checkin_id, action)) for action, label in row)
        for row in BUTTONS.get(kind, ())
    )
    if kind in ASKS_MOOD:
        text += "\n\n" + say("ci.mood_question", lang)
        moods = tuple(
            Button(say(f"intake.mood.label.{n}", lang), button_data(checkin_id, mood_action(n)))
            for n in range(MOOD_LOWEST, MOOD_HIGHEST + 1)
        )
        rows = (moods, *rows)
    picture = context.progress.to_json() if context.progress is not None else None
    return Reply(text, rows, picture=picture)


def kind_text(prefix: str, kind: str, lang: str | None) -> str:
    """The catalogue text `<prefix>.<kind>`, or `<prefix>.other` for a kind it doesn't name."""
    key = f"{prefix}.{kind}"
    return say(key if key in EN else f"{prefix}.other", lang)


def kind_name(kind: str, lang: str | None) -> str:
    """A check-in kind in plain words, e.g. "Daily walk"."""
    return kind_text("rem.kind", kind, lang)
