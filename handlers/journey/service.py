"""Storage glue for the journey: load a journey's view, run the engine, store its effects.

Each function runs inside the caller's unit of work (`handlers.pipeline.respond`) and returns
the replies to send once it has committed.
"""

from __future__ import annotations

from core.callbacks import Route, decode, encode
from core.journey.engine import (
    BACK_VALUE,
    KEEP_GOING,
    NEW_CONFIRM,
    SKIP_VALUE,
    advance,
    button_data,
    parse_button,
    progress_header,
    render_prompt,
    resume_prompt,
)
from core.journey.model import (
    AddOpportunity,
    Back,
    ButtonInput,
    CancelCheckins,
    ForgetAnswer,
    Input,
    JourneyView,
    OpportunityView,
    Outcome,
    PauseCheckins,
    PlanCheckin,
    PlannedView,
    SaveAnswer,
    SetTimezone,
    Skip,
)
from core.journey.steps import (
    FIRST_PROMPT,
    JOURNAL_KEYS,
    JOURNAL_LABELS,
    PROMPTS,
    STEP_TITLES,
    Ctx,
    display_answer,
    short,
)
from core.planner import format_local
from core.progress import CURRENT, DONE, SKIPPED, TO_DO, step_states
from core.replies import Button, Reply
from core.rules import OPTIONS_REVIEW_EVERY
from core.status import OPEN_JOURNEY, CheckinKind, JourneyStatus
from core.texts.catalogue import say
from handlers import progress
from handlers.pipeline import Turn
from models import repository as repo
from models.journeys import Journey

JOURNAL_PAGE_SIZE = 6


async def load_view(turn: Turn, journey: Journey) -> JourneyView:
    """Everything the engine needs about this journey."""
    session, user_id = turn.session, turn.user.telegram_id
    opportunities = await repo.open_opportunity_fields(session, user_id)
    planned = await repo.pending_checkin_times(session, user_id)
    return JourneyView(
        journey_id=journey.id,
        status=journey.status,
        prompt=journey.prompt,
        history=journey.history.split(),
        answers=await repo.journey_answers(session, journey.id),
        opportunities=[OpportunityView(*fields) for fields in opportunities],
        planned=[PlannedView(*fields) for fields in planned],
        timezone=turn.user.timezone,
        first_name=turn.first_name,
        language=turn.lang,
        language_code=turn.user.language_code,
        care_until=turn.user.nudges_paused_until,
        misses=journey.misses,
        said=journey.said.split(),
    )


async def store(turn: Turn, journey: Journey, outcome: Outcome) -> None:
    """Apply the engine's effects and new position in this unit of work."""
    session, user_id, now = turn.session, turn.user.telegram_id, turn.now
    for effect in outcome.effects:
        if isinstance(effect, SaveAnswer):
            await repo.save_answer(
                session, journey_id=journey.id, key=effect.key, value=effect.value, now=now
            )
        elif isinstance(effect, ForgetAnswer):
            await repo.forget_answer(session, journey_id=journey.id, key=effect.key)
        elif isinstance(effect, SetTimezone):
            await repo.set_timezone(session, user_id=user_id, name=effect.name)
            turn.user.timezone = effect.name
            await progress.move_recap(turn)
        elif isinstance(effect, AddOpportunity):
            await repo.add_opportunity(
                session,
                user_id=user_id,
                journey_id=journey.id,
                company=effect.company,
                role=effect.role,
                stage=effect.stage,
                now=now,
            )
        elif isinstance(effect, CancelCheckins):
            await repo.cancel_checkins(
                session, user_id=user_id, journey_id=journey.id, kind=effect.kind, now=now
            )
        elif isinstance(effect, PauseCheckins):
            await repo.pause_nudges(session, user_id=user_id, until=effect.until)
            turn.user.nudges_paused_until = effect.until
        elif isinstance(effect, PlanCheckin):
            await repo.plan_checkin(
                session,
                user_id=user_id,
                journey_id=journey.id,
                kind=effect.kind,
                due_at=effect.due_at,
                local_time=effect.local_time,
                now=now,
            )
    completing = (
        outcome.status == JourneyStatus.COMPLETED and journey.status != JourneyStatus.COMPLETED
    )
    await repo.save_position(
        session,
        journey,
        {
            "status": outcome.status,
            "prompt": outcome.prompt,
            "history": " ".join(outcome.history),
            "misses": outcome.misses,
            "said": journey.said if outcome.said is None else " ".join(outcome.said),
            "nudges": 0,  # the user is moving again: come-back nudges start over
            "completed_at": now if completing else journey.completed_at,
            "updated_at": now,
        },
    )


def _ctx(turn: Turn, view: JourneyView) -> Ctx:
    return Ctx(view, turn.now, turn.default_zone)


async def begin(turn: Turn) -> list[Reply]:
    """Start a new journey at its first prompt."""
    journey = await repo.create_journey(
        turn.session, user_id=turn.user.telegram_id, prompt=FIRST_PROMPT, now=turn.now
    )
    await repo.plan_checkin(
        turn.session,
        user_id=turn.user.telegram_id,
        journey_id=journey.id,
        kind=CheckinKind.OPTIONS_REVIEW,
        due_at=turn.now + OPTIONS_REVIEW_EVERY,
        local_time=None,
        now=turn.now,
    )
    await progress.plan_recap(turn, journey.id)
    view = await load_view(turn, journey)
    lang = turn.lang
    return [Reply(say("journey.intro", lang)), render_prompt(_ctx(turn, view), FIRST_PROMPT)]


async def start(turn: Turn) -> list[Reply]:
    """/start: greet; begin the first journey, or show where an open one stands."""
    lang = turn.lang
    name = turn.first_name or say("name.fallback", lang)
    journey = await repo.latest_journey(turn.session, turn.user.telegram_id)
    if journey is None:
        return [Reply(say("start.welcome", lang, name=name)), *await begin(turn)]
    greeting = Reply(say("start.welcome_back", lang, name=name))
    if journey.status in OPEN_JOURNEY:
        journey.status = JourneyStatus.ACTIVE
        view = await load_view(turn, journey)
        return [greeting, resume_prompt(view, turn.now, turn.default_zone)]
    return [greeting, Reply(say("journey.completed", lang))]


async def new(turn: Turn) -> list[Reply]:
    """/new: a journey for another rejection; earlier ones are kept. In the middle of one,
    ask first."""
    journey = await _open_journey(turn)
    if journey is not None:
        lang = turn.lang
        where = progress_header(PROMPTS[journey.prompt].step, lang).split("\n")[0]
        buttons = (
            (
                Button(
                    say("new.btn.yes", lang), button_data(journey.id, journey.prompt, NEW_CONFIRM)
                ),
                Button(
                    say("new.btn.no", lang), button_data(journey.id, journey.prompt, KEEP_GOING)
                ),
            ),
        )
        return [Reply(say("new.confirm", lang, where=where), buttons)]
    return await start_over(turn)


async def start_over(turn: Turn) -> list[Reply]:
    """Begin a new journey (the earlier one is kept, marked as left)."""
    await repo.set_flow(turn.session, user_id=turn.user.telegram_id, flow=None)
    return await begin(turn)


async def _open_journey(turn: Turn) -> Journey | None:
    journey = await repo.latest_journey(turn.session, turn.user.telegram_id)
    return journey if journey is not None and journey.status in OPEN_JOURNEY else None


async def handle(turn: Turn, event: Input) -> list[Reply]:
    """An answer, Skip or Back at the current prompt (after the journey: a fitting answer)."""
    journey = await _open_journey(turn)
    if journey is None:
        latest = await repo.latest_journey(turn.session, turn.user.telegram_id)
        if latest is not None and latest.status == JourneyStatus.COMPLETED:
            view = await load_view(turn, latest)
            return advance(view, event, turn.now, turn.default_zone).replies
        return await _nothing_open(turn)
    if journey.status == JourneyStatus.PAUSED:
        return [Reply(say("journey.paused_hint", turn.lang))]
    view = await load_view(turn, journey)
    outcome = advance(view, event, turn.now, turn.default_zone)
    await store(turn, journey, outcome)
    return outcome.replies


async def press(turn: Turn) -> list[Reply]:
    """A journey button: act on it if it belongs to the current prompt, else say it's old."""
    parsed = parse_button(turn.data)
    journey = await _open_journey(turn)
    lang = turn.lang
    if parsed is None or journey is None:
        return [Reply(say("fallback.stale_button", lang))]
    journey_id, key, value = parsed
    if journey_id != journey.id or key != journey.prompt:
        journey.status = JourneyStatus.ACTIVE
        view = await load_view(turn, journey)
        return [
            Reply(say("nav.stale_here", lang)),
            resume_prompt(view, turn.now, turn.default_zone),
        ]
    if value == NEW_CONFIRM:
        return await start_over(turn)
    journey.status = JourneyStatus.ACTIVE
    if value == KEEP_GOING:
        view = await load_view(turn, journey)
        return [resume_prompt(view, turn.now, turn.default_zone)]
    event: Input = (
        Skip() if value == SKIP_VALUE else Back() if value == BACK_VALUE else ButtonInput(value)
    )
    return await handle(turn, event)


async def resume(turn: Turn) -> list[Reply]:
    """/resume: the current prompt again (also un-pauses)."""
    await repo.set_flow(turn.session, user_id=turn.user.telegram_id, flow=None)
    journey = await _open_journey(turn)
    if journey is None:
        return await _nothing_open(turn)
    journey.status = JourneyStatus.ACTIVE
    journey.updated_at = turn.now
    view = await load_view(turn, journey)
    return [resume_prompt(view, turn.now, turn.default_zone)]


async def _nothing_open(turn: Turn) -> list[Reply]:
    latest = await repo.latest_journey(turn.session, turn.user.telegram_id)
    key = "journey.completed" if latest is not None else "journey.none"
    return [Reply(say(key, turn.lang))]


async def pause(turn: Turn) -> list[Reply]:
    """/pause: stop for now; everything stays."""
    journey = await _open_journey(turn)
    if journey is None:
        return await _nothing_open(turn)
    journey.status = JourneyStatus.PAUSED
    journey.updated_at = turn.now
    return [Reply(say("journey.paused", turn.lang))]


async def navigate(turn: Turn, event: Input) -> list[Reply]:
    """/back and /skip typed as commands."""
    await repo.set_flow(turn.session, user_id=turn.user.telegram_id, flow=None)
    journey = await _open_journey(turn)
    if journey is None:
        return await _nothing_open(turn)
    journey.status = JourneyStatus.ACTIVE
    return await handle(turn, event)


# How /steps marks each state of a step.
STEP_MARKS = {DONE: "✅", SKIPPED: "⏭", CURRENT: "👉", TO_DO: "▫️"}


async def steps(turn: Turn) -> list[Reply]:
    """/steps: the ten steps, which are done, and where the user is."""
    lang = turn.lang
    journey = await repo.latest_journey(turn.session, turn.user.telegram_id)
    if journey is None:
        return [Reply(say("journey.none", lang))]
    answers = await repo.journey_answers(turn.session, journey.id)
    answered_steps = {PROMPTS[k].step for k in answers if k in PROMPTS}
    # The same states /progress draws (the wrap-up's step is past the tenth: all are behind).
    states = step_states(PROMPTS[journey.prompt].step, answered_steps, completed=False)
    lines = [say("steps.title", lang), ""]
    for (number, title_key), state in zip(STEP_TITLES.items(), states, strict=True):
        lines.append(f"{STEP_MARKS[state]} {number}. {say(title_key, lang)}")
    footer = "steps.footer_done" if journey.status == JourneyStatus.COMPLETED else "steps.footer"
    lines += ["", say(footer, lang)]
    return [Reply("\n".join(lines))]


async def journal(turn: Turn) -> list[Reply]:
    """/journal: the user's answers, newest first, a page at a time."""
    return await journal_page(turn, 0)


async def next_journal_page(turn: Turn) -> list[Reply]:
    """Another page of /journal (its Newer / Older buttons)."""
    pressed = decode(turn.data, Route.JOURNAL, 1)
    page = pressed.number(0) if pressed is not None else None
    return await journal_page(turn, page or 0)


async def journal_page(turn: Turn, page: int) -> list[Reply]:
    """One page of the user's answers, newest first."""
    lang = turn.lang
    page = max(page, 0)
    rows, total = await repo.journal_page(
        turn.session,
        user_id=turn.user.telegram_id,
        keys=JOURNAL_KEYS,
        offset=page * JOURNAL_PAGE_SIZE,
        limit=JOURNAL_PAGE_SIZE,
    )
    if total == 0:
        return [Reply(say("journal.empty", lang))]
    pages = (total + JOURNAL_PAGE_SIZE - 1) // JOURNAL_PAGE_SIZE
    if not rows:
        return await journal_page(turn, pages - 1)
    entries = []
    for answer, _journey in rows:
        step_number, label = JOURNAL_LABELS[answer.key]
        when = format_local(answer.answered_at, turn.zone, turn.lang)
        step = progress_header(step_number, lang).split("\n")[0]
        entries.append(
            f"{when} · {step}\n{say(label, lang)}: "
            + short(display_answer(answer.key, answer.value, lang), 500)
        )
    text = say("journal.title", lang, page=page + 1, pages=pages) + "\n\n" + "\n\n".join(entries)
    nav = []
    if page > 0:
        nav.append(Button(say("journal.newer", lang), encode(Route.JOURNAL, page - 1)))
    if page + 1 < pages:
        nav.append(Button(say("journal.older", lang), encode(Route.JOURNAL, page + 1)))
    return [Reply(text, (tuple(nav),) if nav else ())]
