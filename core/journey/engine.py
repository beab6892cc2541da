"""The journey engine: given a journey's stored state and one input, return the new state,
the replies to send and the effects to store. Pure: no Telegram, no database, no clock."""

from __future__ import annotations

from datetime import date, datetime

from core.callbacks import Route, decode, encode
from core.journey.model import (
    Back,
    ButtonInput,
    CancelCheckins,
    Effect,
    ForgetAnswer,
    Input,
    JourneyView,
    LocationInput,
    Outcome,
    PlanCheckin,
    PlannedView,
    SaveAnswer,
    Skip,
    TextInput,
)
from core.journey.steps import (
    INTAKE,
    MAX_ANSWER_CHARS,
    PROMPTS,
    STEP_TITLES,
    Choice,
    Ctx,
    Expect,
    Invalid,
    Parsed,
    Reaction,
    meter,
    short,
)
from core.parsing import timezone_from_location
from core.planner import format_day, format_local
from core.replies import Button, Reply
from core.status import CheckinKind, JourneyStatus
from core.texts.catalogue import say

# Button data: "j:<journey id>:<prompt key>:<value>"; "~s" and "~b" are Skip and Back.
SKIP_VALUE, BACK_VALUE = "~s", "~b"
MAX_HISTORY = 60
BUTTONS_PER_ROW = 3


def button_data(journey_id: int, prompt_key: str, value: str) -> str:
    """Callback data for a journey button."""
    return encode(Route.JOURNEY, journey_id, prompt_key, value)


def parse_button(data: str | None) -> tuple[int, str, str] | None:
    """(journey id, prompt key, value) from callback data, or None if it isn't ours."""
    pressed = decode(data, Route.JOURNEY, 3)
    journey_id = pressed.number(0) if pressed is not None else None
    if pressed is None or journey_id is None:
        return None
    return journey_id, pressed.fields[1], pressed.fields[2]


def progress_header(step: int, lang: str | None) -> str:
    """The header of a prompt: "Step 4 of 10 · Introspect" and a ten-cell bar."""
    if step == INTAKE:
        return say("header.intake", lang)
    bar = "▰" * step + "▱" * (10 - step)
    return say("header.step", lang, step=step, title=say(STEP_TITLES[step], lang), bar=bar)


def _rows(buttons: list[Button]) -> list[tuple[Button, ...]]:
    per_row = BUTTONS_PER_ROW if all(len(b.label) <= 8 for b in buttons) else 1
    if per_row == 1 and all(len(b.label) <= 16 for b in buttons):
        per_row = 2
    return [tuple(buttons[i : i + per_row]) for i in range(0, len(buttons), per_row)]


def render_prompt(ctx: Ctx, key: str, *, show_previous: bool = False) -> Reply:
    """The message that asks prompt `key`: header, question, buttons (choices, Skip, Back)."""
    prompt = PROMPTS[key]
    parts = [progress_header(prompt.step, ctx.lang), prompt.question(ctx)]
    previous = ctx.answer(key)
    if show_previous and previous and prompt.expects is not Expect.CHOICE:
        parts.append(ctx.t("nav.previous_answer", answer=short(previous)))
    jid = ctx.view.journey_id
    choices = [Button(c.label, button_data(jid, key, c.value)) for c in prompt.choices(ctx)]
    rows = _rows(choices)
    nav: list[Button] = []
    if ctx.view.history:
        nav.append(Button(ctx.t("nav.back_button"), button_data(jid, key, BACK_VALUE)))
    if prompt.skippable:
        nav.append(Button(ctx.t("nav.skip_button"), button_data(jid, key, SKIP_VALUE)))
    if nav:
        rows.append(tuple(nav))
    return Reply("\n\n".join(p for p in parts if p), tuple(rows))


def _match_choice(choices: list[Choice], text: str) -> str | None:
    wanted = text.strip().casefold()
    for choice in choices:
        if wanted in (choice.value.casefold(), choice.label.casefold()):
            return choice.value
    # A label with an emoji or a number prefix: accept its words alone ("mostly" for "🙂 Mostly").
    for choice in choices:
        words = "".join(ch for ch in choice.label.casefold() if ch.isalnum() or ch == " ").strip()
        if words and wanted == words:
            return choice.value
    return None


def _read_input(ctx: Ctx, event: Input) -> tuple[Parsed | None, list[Reply]] | Invalid:
    """Turn an input into the prompt's value; Invalid explains a value that can't be used."""
    prompt = PROMPTS[ctx.view.prompt]
    notes: list[Reply] = []
    if isinstance(event, ButtonInput):
        values = {c.value for c in prompt.choices(ctx)}
        if event.value not in values:
            return Invalid("invalid.stale_choice")
        return event.value, notes
    if isinstance(event, LocationInput):
        if prompt.expects is not Expect.ZONE:
            return Invalid("invalid.location_here")
        zone = timezone_from_location(event.latitude, event.longitude)
        return (zone, notes) if zone else Invalid("invalid.location")
    assert isinstance(event, TextInput)
    text = event.text.strip()
    if not text:
        return Invalid("invalid.empty")
    if len(text) > MAX_ANSWER_CHARS:
        text = text[:MAX_ANSWER_CHARS].rstrip()
        notes.append(Reply(ctx.t("invalid.too_long", limit=MAX_ANSWER_CHARS)))
    matched = _match_choice(prompt.choices(ctx), text)
    if matched is not None:
        return matched, notes
    if prompt.parse is None:
        return Invalid("invalid.choose")
    parsed = prompt.parse(ctx, text)
    if isinstance(parsed, Invalid):
        return parsed
    return parsed, notes


def _apply_to_view(view: JourneyView, effects: list[Effect]) -> None:
    """Reflect stored answers in the view so the next prompt renders with them."""
    for effect in effects:
        if isinstance(effect, SaveAnswer):
            view.answers[effect.key] = effect.value
        elif isinstance(effect, ForgetAnswer):
            view.answers.pop(effect.key, None)


def advance(view: JourneyView, event: Input, now: datetime, default_zone: str) -> Outcome:
    """Handle one input at the journey's current prompt."""
    ctx = Ctx(view, now, default_zone)
    prompt = PROMPTS[view.prompt]
    if view.status == JourneyStatus.COMPLETED:
        return Outcome(
            [Reply(ctx.t("journey.completed"))], [], view.prompt, view.history, view.status
        )

    if isinstance(event, Back):
        if not view.history:
            return _stay(ctx, [Reply(ctx.t("nav.no_back"))])
        previous = view.history[-1]
        view.history = view.history[:-1]
        view.prompt = previous
        reply = render_prompt(ctx, previous, show_previous=True)
        return Outcome([reply], [], previous, view.history, JourneyStatus.ACTIVE)

    notes: list[Reply] = []
    if isinstance(event, Skip):
        if not prompt.skippable:
            return _stay(ctx, [Reply(ctx.t("nav.cannot_skip"))])
        value: Parsed | None = None
    else:
        read = _read_input(ctx, event)
        if isinstance(read, Invalid):
            return _stay(ctx, [Reply(ctx.t(read.key, **dict(read.values)))])
        value, notes = read
    return _move(ctx, prompt.react(ctx, value), notes)


def _stay(ctx: Ctx, replies: list[Reply]) -> Outcome:
    """Explain, then ask the same prompt again: nothing is stored, nothing is lost."""
    view = ctx.view
    replies.append(render_prompt(ctx, view.prompt))
    return Outcome(replies, [], view.prompt, view.history, JourneyStatus.ACTIVE)


def _move(ctx: Ctx, reaction: Reaction, notes: list[Reply]) -> Outcome:
    view = ctx.view
    _apply_to_view(view, reaction.effects)
    replies = [*notes, *(Reply(text) for text in reaction.say)]
    if reaction.standalone:
        replies.append(Reply(reaction.standalone))
    if not reaction.again and reaction.next != view.prompt:
        view.history = [*view.history, view.prompt][-MAX_HISTORY:]
        view.prompt = reaction.next
    status: str = JourneyStatus.ACTIVE
    effects = list(reaction.effects)
    if view.prompt == "done":
        status = JourneyStatus.COMPLETED
        # The weekly options review runs while a journey is active.
        effects.append(CancelCheckins(CheckinKind.OPTIONS_REVIEW))
        replies.append(Reply(wrap_up(ctx, effects)))
    else:
        replies.append(render_prompt(ctx, view.prompt))
    return Outcome(replies, effects, view.prompt, view.history, status)


def resume_prompt(view: JourneyView, now: datetime, default_zone: str) -> Reply:
    """The current prompt again (for /resume, a stale button, a replayed update)."""
    ctx = Ctx(view, now, default_zone)
    if view.prompt == "done":
        return Reply(ctx.t("journey.completed"))
    return render_prompt(ctx, view.prompt, show_previous=True)


def upcoming(view: JourneyView, effects: list[Effect]) -> list[PlannedView]:
    """Check-ins already planned plus those planned by these effects (same kind replaced)."""
    planned = {p.kind: p for p in view.planned}
    for effect in effects:
        if isinstance(effect, PlanCheckin):
            planned[effect.kind] = PlannedView(effect.kind, effect.due_at)
        elif isinstance(effect, CancelCheckins):
            planned.pop(effect.kind, None)
    return sorted(planned.values(), key=lambda p: p.due_at)


def wrap_up(ctx: Ctx, effects: list[Effect] | None = None) -> str:
    """The journey's summary: their words in brief, their plans, check-ins, commands."""
    a = ctx.view.answers
    lines = [ctx.t("wrap.title"), ""]

    def line(key: str, **values: object) -> None:
        lines.append("• " + ctx.t(key, **values))

    interview = " — ".join(short(a[k], 40) for k in ("company", "role") if a.get(k))
    if interview:
        line("wrap.interview", interview=interview)
    if a.get("story"):
        line("wrap.story", story=short(a["story"]))
    if a.get("accept"):
        line("wrap.accept", accept=short(a["accept"]))
    lines.append("• " + meter(len(ctx.view.opportunities), ctx.lang))
    if a.get("went_well") or a.get("went_badly"):
        line(
            "wrap.introspect",
            well=short(a.get("went_well", "—"), 60),
            badly=short(a.get("went_badly", "—"), 60),
        )
    if a.get("skill"):
        line(
            "wrap.learning",
            skill=short(a["skill"], 60),
            action=short(a.get("action", "—"), 60),
            date=format_day(date.fromisoformat(a["goal_date"])) if a.get("goal_date") else "—",
        )
    if a.get("strengths"):
        line(
            "wrap.strengths", strengths=", ".join(short(s, 40) for s in a["strengths"].split("\n"))
        )
    if a.get("next_opp"):
        line("wrap.next", company=short(a["next_opp"], 40))
    line("wrap.feedback_sent" if a.get("fb_send") == "sent" else "wrap.feedback_later")
    planned = upcoming(ctx.view, effects or [])
    if planned:
        lines += ["", ctx.t("wrap.checkins")]
        for item in planned:
            when = format_local(item.due_at, ctx.zone)
            if item.kind == CheckinKind.WALK_DAILY:
                when = ctx.t("wrap.daily_at", time=a.get("walk", when))
            lines.append("• " + ctx.t(f"checkin.{item.kind}", when=when))
    lines += ["", ctx.t("wrap.commands")]
    return "\n".join(lines)
