"""The journey engine: given a journey's stored state and one input, return the new state,
the replies to send and the effects to store. Pure: no Telegram, no database, no clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

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
    PauseCheckins,
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
    Prompt,
    Reaction,
    display_answer,
    meter,
    short,
)
from core.listening import AnswerKind, EntryKind, check_entry, classify_answer, short_at_word
from core.parsing import match_choice, timezone_from_location
from core.planner import format_day, format_local
from core.replies import Button, Reply, alone
from core.safety import (
    CRISIS_PAUSE_HOURS,
    crisis_reply,
    detect_distress,
    detect_reassurance,
    with_country,
)
from core.status import CheckinKind, JourneyStatus
from core.texts.catalogue import EN, say

# Button data: "j:<journey id>:<prompt key>:<value>"; "~s" and "~b" are Skip and Back.
SKIP_VALUE, BACK_VALUE = "~s", "~b"
# Care after soft distress: about the job search, more widely, keep going, pause for today.
CARE_JOB, CARE_WIDE, CARE_GO, CARE_PAUSE = "~cj", "~cw", "~go", "~pz"
CARE_VALUES = frozenset({CARE_JOB, CARE_WIDE, CARE_GO, CARE_PAUSE})
# /new in the middle of a journey: start the new one, or keep going (the service does both).
NEW_CONFIRM, KEEP_GOING = "~new", "~kg"
# Misunderstandings in a row at one prompt before a skippable prompt moves on by itself.
MAX_MISSES = 3
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
        shown = display_answer(key, previous, ctx.lang)
        parts.append(ctx.t("nav.previous_answer", answer=short(shown)))
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


def _keyboard(ctx: Ctx, *pairs: tuple[str, str]) -> tuple[tuple[Button, ...], ...]:
    """One row of buttons on the current prompt: (value, catalogue key of the label)."""
    jid, key = ctx.view.journey_id, ctx.view.prompt
    return (tuple(Button(ctx.t(label), button_data(jid, key, value)) for value, label in pairs),)


def _go_or_pause(ctx: Ctx) -> tuple[tuple[Button, ...], ...]:
    return _keyboard(ctx, (CARE_GO, "care.btn.go"), (CARE_PAUSE, "care.btn.pause"))


def _outcome(
    ctx: Ctx,
    replies: list[Reply],
    effects: list[Effect] | None = None,
    *,
    status: str = JourneyStatus.ACTIVE,
    misses: int = 0,
) -> Outcome:
    """The outcome at the view's current prompt, with the variants said so far."""
    view = ctx.view
    return Outcome(
        replies, effects or [], view.prompt, view.history, status, misses, list(view.said)
    )


def _hold(ctx: Ctx, replies: list[Reply], effects: list[Effect] | None = None) -> Outcome:
    """Answer without moving and without storing an answer."""
    return _outcome(ctx, replies, effects, misses=ctx.view.misses)


def _check_in_gently(ctx: Ctx) -> Outcome:
    """Soft distress: never an answer. Ask whether it is about the job search or wider."""
    buttons = _keyboard(ctx, (CARE_JOB, "care.btn.job"), (CARE_WIDE, "care.btn.wide"))
    return _hold(ctx, [Reply(ctx.variant("care.check"), buttons)])


def _care(ctx: Ctx, value: str) -> Outcome:
    """The buttons of the gentle check-in: job search, more widely, keep going, pause."""
    view = ctx.view
    if value == CARE_JOB:
        return _hold(ctx, [Reply(ctx.t("care.job"), _go_or_pause(ctx))])
    if value == CARE_WIDE:
        until = ctx.now + timedelta(hours=CRISIS_PAUSE_HOURS)
        replies = [
            # Helplines stand on their own: never joined to the job-search follow-up.
            *alone(crisis_reply(with_country(ctx.view.language_code, ctx.view.timezone), ctx.lang)),
            Reply(ctx.t("care.after_help"), _go_or_pause(ctx)),
        ]
        return _hold(ctx, replies, [PauseCheckins(until)])
    if value == CARE_GO:
        return _hold(ctx, [Reply(ctx.t("care.go")), render_prompt(ctx, view.prompt)])
    return _outcome(ctx, [Reply(ctx.t("journey.paused"))], status=JourneyStatus.PAUSED)


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
    choices = prompt.choices(ctx)
    matched = match_choice(text, [(c.value, c.label) for c in choices]) if choices else None
    if matched is None and prompt.understand is not None:
        matched = prompt.understand(ctx, text)
    if matched is not None:
        return matched, notes
    if prompt.parse is None:
        return Invalid("miss.choice", (("options", _labels(ctx, choices)),))
    parsed = prompt.parse(ctx, text)
    if isinstance(parsed, Invalid):
        return parsed
    return parsed, notes


def _labels(ctx: Ctx, choices: list[Choice]) -> str:
    return ", ".join(ctx.t("quote.label", label=c.label) for c in choices)


@dataclass(frozen=True, slots=True)
class _Unheard:
    """An answer that can't be used as it stands: what to say, and the catalogue key (or the
    key of its variants) to say when moving on instead (None: keep asking, more clearly)."""

    say: str
    move_on: str | None = None


def _listen(ctx: Ctx, prompt: Prompt, value: Parsed) -> Parsed | _Unheard:
    """Check a typed answer before it is used: names must be names; reflective answers that
    are non-answers or anger are met in kind and never stored."""
    if not isinstance(value, str):
        return value
    if prompt.entry is not None:
        cleaned = check_entry(value, prompt.entry)
        if cleaned is not None:
            return cleaned
        fallback = "entry.fallback.person" if prompt.entry is EntryKind.PERSON else "entry.fallback"
        return _Unheard(ctx.t(f"entry.{prompt.entry.value}"), fallback)
    if prompt.listens:
        kind = classify_answer(value)
        if kind is AnswerKind.NON_ANSWER:
            example_key = f"example.{prompt.key}"
            example = ctx.t(example_key) if example_key in EN else ""
            said = ctx.variant("nonanswer", example=example) + " " + ctx.variant("nonanswer.skip")
            return _Unheard(said.strip(), "nonanswer.move_on")
        if kind is AnswerKind.DISMISSIVE:
            said = ctx.variant("anger") + " " + ctx.t("anger.retry")
            return _Unheard(said, "nonanswer.move_on")
    return value


def _expected(ctx: Ctx) -> str:
    prompt = PROMPTS[ctx.view.prompt]
    choices = prompt.choices(ctx)
    if prompt.expects is Expect.CHOICE or (choices and prompt.parse is None):
        return ctx.t("miss.choice", options=_labels(ctx, choices))
    return ctx.t(f"miss.{prompt.expects.value}")


def _missed(ctx: Ctx, unheard: _Unheard, *, first_in_full: bool) -> Outcome:
    """Not understood (or not usable): explain, with clearer words each time; after enough
    misses a skippable prompt moves on by itself. Nothing is stored but the count."""
    view = ctx.view
    prompt = PROMPTS[view.prompt]
    misses = view.misses + 1
    if unheard.move_on is not None and misses >= 2 and prompt.skippable:
        key = unheard.move_on
        said = ctx.variant(key) if f"{key}.1" in EN else ctx.t(key)
        return _move(ctx, prompt.react(ctx, None), [Reply(said)])
    if misses >= MAX_MISSES + 1 and prompt.skippable:
        return _move(ctx, prompt.react(ctx, None), [Reply(ctx.variant("nonanswer.move_on"))])
    keyboard = render_prompt(ctx, view.prompt).buttons
    if misses == 1 and first_in_full:
        replies = [Reply(unheard.say), render_prompt(ctx, view.prompt)]
    elif misses == 1:
        replies = [Reply(unheard.say, keyboard)]
    else:
        key = "miss.second" if misses == 2 else "miss.third"
        replies = [Reply(ctx.t(key, expected=_expected(ctx)), keyboard)]
    return _outcome(ctx, replies, misses=misses)


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
        return _after_journey(ctx, event)
    if isinstance(event, ButtonInput) and event.value in CARE_VALUES:
        return _care(ctx, event.value)
    if isinstance(event, TextInput):
        if detect_distress(event.text):
            return _check_in_gently(ctx)
        cared_for = view.care_until is not None and view.care_until > now
        if cared_for and detect_reassurance(event.text):
            return _hold(ctx, [Reply(ctx.t("care.reassured"), _go_or_pause(ctx))])

    if isinstance(event, Back):
        if not view.history:
            return _stay(ctx, [Reply(ctx.t("nav.no_back"))])
        previous = view.history[-1]
        view.history = view.history[:-1]
        view.prompt = previous
        reply = render_prompt(ctx, previous, show_previous=True)
        return _outcome(ctx, [reply])

    notes: list[Reply] = []
    if isinstance(event, TextInput) and _says_skip(event.text):
        event = Skip()
    if isinstance(event, Skip):
        if not prompt.skippable:
            return _stay(ctx, [Reply(ctx.t("nav.cannot_skip"))])
        value: Parsed | None = None
    else:
        read = _read_input(ctx, event)
        if isinstance(read, Invalid):
            said = ctx.t(read.key, **dict(read.values))
            return _missed(ctx, _Unheard(said), first_in_full=True)
        value, notes = read
        heard = _listen(ctx, prompt, value)
        if isinstance(heard, _Unheard):
            return _missed(ctx, heard, first_in_full=False)
        value = heard
    return _move(ctx, prompt.react(ctx, value), notes)


_SKIP_WORDS = frozenset(
    {
        "skip", "pass", "next", "skip it", "skip this", "skip this one",
        "saltar", "sáltala", "siguiente", "paso", "omitir",
        "überspringen", "ueberspringen", "weiter", "nächste", "überspring",
        "passer", "suivant", "sauter", "je passe",
        "pular", "próxima", "proxima", "passo",
        "пропустить", "пропусти", "дальше", "следующий", "пас",
    }
)  # fmt: skip


def _says_skip(text: str) -> bool:
    """A typed "skip" (or "pass", "next", in any of the bot's languages: "saltar",
    "überspringen", "passer", "pular", "пропустить") works like the Skip button."""
    return " ".join(text.casefold().strip(" .!?/").split()) in _SKIP_WORDS


def _stay(ctx: Ctx, replies: list[Reply]) -> Outcome:
    """Explain, then ask the same prompt again: nothing is stored, nothing is lost."""
    replies.append(render_prompt(ctx, ctx.view.prompt))
    return _hold(ctx, replies)


def _move(ctx: Ctx, reaction: Reaction, notes: list[Reply]) -> Outcome:
    view = ctx.view
    _apply_to_view(view, reaction.effects)
    replies = [*notes, *(Reply(text) for text in reaction.say)]
    if reaction.standalone:
        replies.append(Reply(reaction.standalone, alone=True))
    if not reaction.again and reaction.next != view.prompt:
        view.history = [*view.history, view.prompt][-MAX_HISTORY:]
        view.prompt = reaction.next
    effects = list(reaction.effects)
    if reaction.pause:
        replies.append(Reply(ctx.t("journey.paused")))
        return _outcome(ctx, replies, effects, status=JourneyStatus.PAUSED)
    status: str = JourneyStatus.ACTIVE
    if view.prompt == "done":
        status = JourneyStatus.COMPLETED
        # The weekly options review runs while a journey is active.
        effects.append(CancelCheckins(CheckinKind.OPTIONS_REVIEW))
        replies.append(Reply(wrap_up(ctx, effects)))
    else:
        replies.append(render_prompt(ctx, view.prompt))
    return _outcome(ctx, replies, effects, status=status)


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


WRAP_UP_LIMIT = 700


def next_24_hours(ctx: Ctx) -> str:
    """One concrete action for the next day, from what the journey planned."""
    a = ctx.view.answers
    if a.get("fb_draft") and a.get("fb_send") != "sent":
        return ctx.t("wrap.next_24h.feedback")
    if a.get("next_opp"):
        return ctx.t("wrap.next_24h.tailor", company=short_at_word(a["next_opp"], 40))
    if len(ctx.view.opportunities) < 5:
        return ctx.t("wrap.next_24h.option")
    if a.get("walk"):
        return ctx.t("wrap.next_24h.walk", time=a["walk"])
    return ctx.t("wrap.next_24h.feedback")


def wrap_up(ctx: Ctx, effects: list[Effect] | None = None) -> str:
    """The close: a few lines in their words (cut at word boundaries), the check-ins, and one
    concrete action for the next 24 hours, within 700 characters; /journal has the rest."""
    a = ctx.view.answers
    head = [ctx.t("wrap.title.short"), ""]
    # Most important first; lines are dropped from the end of this list until it fits.
    optional: list[str] = []
    if a.get("story"):
        optional.append(ctx.t("wrap.story.start", story=short_at_word(a["story"], 60)))
    optional.append(meter(len(ctx.view.opportunities), ctx.lang))
    if a.get("strengths"):
        items = [short_at_word(s, 30) for s in a["strengths"].split("\n") if s]
        optional.append(ctx.t("wrap.strengths", strengths=", ".join(items[:3])))
    if a.get("skill"):
        when = (
            format_day(date.fromisoformat(a["goal_date"]), ctx.lang) if a.get("goal_date") else "—"
        )
        optional.append(
            ctx.t(
                "wrap.learning",
                skill=short_at_word(a["skill"], 40),
                action=short_at_word(a.get("action", "—"), 40),
                date=when,
            )
        )
    checkins: list[str] = []
    for item in upcoming(ctx.view, effects or []):
        if item.kind == CheckinKind.WEEKLY_RECAP:
            continue  # not planned by the steps: /reminders and /progress show it
        when = format_local(item.due_at, ctx.zone, ctx.lang)
        if item.kind == CheckinKind.WALK_DAILY:
            when = ctx.t("wrap.daily_at", time=a.get("walk", when))
        checkins.append("• " + ctx.t(f"checkin.{item.kind}", when=when))
    tail = ["", ctx.t("wrap.details")]
    action = ["", next_24_hours(ctx)]

    def render(lines: list[str], planned: list[str]) -> str:
        body = [*head, *("• " + line for line in lines)]
        if planned:
            body += ["", ctx.t("wrap.checkins"), *planned]
        return "\n".join([*body, *action, *tail])

    text = render(optional, checkins)
    while len(text) > WRAP_UP_LIMIT and (optional or checkins):
        if optional:
            optional.pop()
        else:
            checkins.pop()
        text = render(optional, checkins)
    return text


def _after_journey(ctx: Ctx, event: Input) -> Outcome:
    """After the last step: an answer that fits what was written, not one canned line."""
    view = ctx.view
    key = "journey.completed"
    if isinstance(event, TextInput):
        text = event.text.casefold()
        kind = classify_answer(event.text)
        if any(word in text for word in _THANKS):
            key = "after.thanks"
        elif any(word in text for word in _ABOUT_THE_LETTER):
            key = "after.feedback"
        elif kind in (AnswerKind.DISMISSIVE, AnswerKind.BLAMING) or any(
            word in text for word in _FRUSTRATION
        ):
            key = "after.frustrated"
    return _outcome(ctx, [Reply(ctx.t(key))], status=view.status, misses=view.misses)


_THANKS = ("thank", "thx", "cheers", "gracias", "danke", "merci", "obrigad")
_ABOUT_THE_LETTER = ("email", "e-mail", "letter", "feedback", "message", "rewrite", "mail")
_FRUSTRATION = ("useless", "doesn't help", "doesnt help", "not helping", "pointless", "waste")
