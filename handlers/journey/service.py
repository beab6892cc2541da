"""Storage glue for the journey: load a journey's view, run the engine, store its effects.

Each function runs inside the caller's unit of work (`handlers.pipeline.respond`) and returns
the replies to send once it has committed.
"""

from __future__ import annotations

from core.journey.engine import (
    BACK_VALUE,
    SKIP_VALUE,
    advance,
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
    PlanCheckin,
    PlannedView,
    SaveAnswer,
    SetTimezone,
    Skip,
)
from core.journey.steps import (
    EXTRA_JOURNAL,
    FIRST_PROMPT,
    PROMPTS,
    STEP_TITLES,
    Ctx,
    display_answer,
    short,
)
from core.planner import format_local
from core.replies import Button, Reply
from core.rules import OPTIONS_REVIEW_EVERY
from core.texts.catalogue import say
from handlers.pipeline import Turn
from models import repository as repo
from models.journeys import Journey

JOURNAL_PAGE_SIZE = 6
JOURNAL_LABELS: dict[str, tuple[int, str]] = {
    **{key: (p.step, p.journal_label) for key, p in PROMPTS.items() if p.journal_label},
    **EXTRA_JOURNAL,
}
JOURNAL_KEYS = frozenset(JOURNAL_LABELS)
OPEN = ("active", "paused")


async def load_view(turn: Turn, journey: Journey) -> JourneyView:
    """Everything the engine needs about this journey."""
    session, user_id = turn.session, turn.user.telegram_id
    opportunities = await repo.open_opportunities(session, user_id)
    planned = await repo.pending_checkins(session, user_id)
    return JourneyView(
        journey_id=journey.id,
        status=journey.status,
        prompt=journey.prompt,
        history=journey.history.split(),
        answers=await repo.journey_answers(session, journey.id),
        opportunities=[OpportunityView(o.id, o.company, o.role, o.stage) for o in opportunities],
        planned=[PlannedView(c.kind, c.due_at) for c in planned],
        timezone=turn.user.timezone,
        first_name=turn.first_name,
        language=turn.user.language_code,
    )


async def store(
    turn: Turn, journey: Journey, outcome: Outcome, *, grief_hour_seconds: float = 3600.0
) -> None:
    """Apply the engine's effects and new position in this unit of work.

    `grief_hour_seconds` shortens grief windows for end-to-end tests (see TEST_GRIEF_HOUR_SECONDS).
    """
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
        elif isinstance(effect, PlanCheckin):
            due_at = effect.due_at
            if effect.kind == "grief_over" and grief_hour_seconds != 3600.0:
                due_at = now + (due_at - now) * (grief_hour_seconds / 3600.0)
            await repo.plan_checkin(
                session,
                user_id=user_id,
                journey_id=journey.id,
                kind=effect.kind,
                due_at=due_at,
                local_time=effect.local_time,
                now=now,
            )
    journey.prompt = outcome.prompt
    journey.history = " ".join(outcome.history)
    if outcome.status == "completed" and journey.status != "completed":
        journey.completed_at = now
    journey.status = outcome.status
    journey.updated_at = now
    journey.nudges = 0  # the user is moving again: come-back nudges start over


def _ctx(turn: Turn, view: JourneyView, zone: str) -> Ctx:
    return Ctx(view, turn.now, zone)


async def begin(turn: Turn, zone: str) -> list[Reply]:
    """Start a new journey at its first prompt."""
    journey = await repo.create_journey(
        turn.session, user_id=turn.user.telegram_id, prompt=FIRST_PROMPT, now=turn.now
    )
    await repo.plan_checkin(
        turn.session,
        user_id=turn.user.telegram_id,
        journey_id=journey.id,
        kind="options_review",
        due_at=turn.now + OPTIONS_REVIEW_EVERY,
        local_time=None,
        now=turn.now,
    )
    view = await load_view(turn, journey)
    lang = turn.user.language_code
    return [Reply(say("journey.intro", lang)), render_prompt(_ctx(turn, view, zone), FIRST_PROMPT)]


async def start(turn: Turn, zone: str) -> list[Reply]:
    """/start: greet; begin the first journey, or show where an open one stands."""
    lang = turn.user.language_code
    name = turn.first_name or say("name.fallback", lang)
    journey = await repo.latest_journey(turn.session, turn.user.telegram_id)
    if journey is None:
        return [Reply(say("start.welcome", lang, name=name)), *await begin(turn, zone)]
    greeting = Reply(say("start.welcome_back", lang, name=name))
    if journey.status in OPEN:
        journey.status = "active"
        view = await load_view(turn, journey)
        return [greeting, resume_prompt(view, turn.now, zone)]
    return [greeting, Reply(say("journey.completed", lang))]


async def new(turn: Turn, zone: str) -> list[Reply]:
    """/new: a journey for another rejection; earlier ones are kept."""
    await repo.set_flow(turn.session, user_id=turn.user.telegram_id, flow=None)
    return await begin(turn, zone)


async def _open_journey(turn: Turn) -> Journey | None:
    journey = await repo.latest_journey(turn.session, turn.user.telegram_id)
    return journey if journey is not None and journey.status in OPEN else None


async def handle(
    turn: Turn, zone: str, event: Input, *, grief_hour_seconds: float = 3600.0
) -> list[Reply]:
    """An answer, Skip or Back at the current prompt."""
    journey = await _open_journey(turn)
    if journey is None:
        return await _nothing_open(turn)
    if journey.status == "paused":
        return [Reply(say("journey.paused_hint", turn.user.language_code))]
    view = await load_view(turn, journey)
    outcome = advance(view, event, turn.now, zone)
    await store(turn, journey, outcome, grief_hour_seconds=grief_hour_seconds)
    return outcome.replies


async def press(
    turn: Turn, zone: str, data: str, *, grief_hour_seconds: float = 3600.0
) -> list[Reply]:
    """A journey button: act on it if it belongs to the current prompt, else say it's old."""
    parsed = parse_button(data)
    journey = await _open_journey(turn)
    lang = turn.user.language_code
    if parsed is None or journey is None:
        return [Reply(say("fallback.stale_button", lang))]
    journey_id, key, value = parsed
    if journey_id != journey.id or key != journey.prompt:
        journey.status = "active"
        view = await load_view(turn, journey)
        return [Reply(say("nav.stale_here", lang)), resume_prompt(view, turn.now, zone)]
    journey.status = "active"
    event: Input = (
        Skip() if value == SKIP_VALUE else Back() if value == BACK_VALUE else ButtonInput(value)
    )
    return await handle(turn, zone, event, grief_hour_seconds=grief_hour_seconds)


async def resume(turn: Turn, zone: str) -> list[Reply]:
    """/resume: the current prompt again (also un-pauses)."""
    await repo.set_flow(turn.session, user_id=turn.user.telegram_id, flow=None)
    journey = await _open_journey(turn)
    if journey is None:
        return await _nothing_open(turn)
    journey.status = "active"
    journey.updated_at = turn.now
    view = await load_view(turn, journey)
    return [resume_prompt(view, turn.now, zone)]


async def _nothing_open(turn: Turn) -> list[Reply]:
    latest = await repo.latest_journey(turn.session, turn.user.telegram_id)
    key = "journey.completed" if latest is not None else "journey.none"
    return [Reply(say(key, turn.user.language_code))]


async def pause(turn: Turn, zone: str) -> list[Reply]:
    """/pause: stop for now; everything stays."""
    journey = await _open_journey(turn)
    if journey is None:
        return await _nothing_open(turn)
    journey.status = "paused"
    journey.updated_at = turn.now
    return [Reply(say("journey.paused", turn.user.language_code))]


async def navigate(turn: Turn, zone: str, event: Input) -> list[Reply]:
    """/back and /skip typed as commands."""
    await repo.set_flow(turn.session, user_id=turn.user.telegram_id, flow=None)
    journey = await _open_journey(turn)
    if journey is None:
        return await _nothing_open(turn)
    journey.status = "active"
    return await handle(turn, zone, event)


async def steps(turn: Turn, zone: str) -> list[Reply]:
    """/steps: the ten steps, which are done, and where the user is."""
    lang = turn.user.language_code
    journey = await repo.latest_journey(turn.session, turn.user.telegram_id)
    if journey is None:
        return [Reply(say("journey.none", lang))]
    answers = await repo.journey_answers(turn.session, journey.id)
    current = PROMPTS[journey.prompt].step
    answered_steps = {PROMPTS[k].step for k in answers if k in PROMPTS}
    lines = [say("steps.title", lang), ""]
    for number, title_key in STEP_TITLES.items():
        title = say(title_key, lang)
        if number < current:
            mark = "✅" if number in answered_steps else "⏭"
        elif number == current:
            mark = "👉"
        else:
            mark = "▫️"
        lines.append(f"{mark} {number}. {title}")
    footer = "steps.footer_done" if journey.status == "completed" else "steps.footer"
    lines += ["", say(footer, lang)]
    return [Reply("\n".join(lines))]


async def journal(turn: Turn, zone: str, page: int = 0) -> list[Reply]:
    """/journal: the user's answers, newest first, a page at a time."""
    lang = turn.user.language_code
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
        return await journal(turn, zone, pages - 1)
    zone_name = turn.user.timezone or zone
    entries = []
    for answer, _journey in rows:
        step_number, label = JOURNAL_LABELS[answer.key]
        when = format_local(answer.answered_at, zone_name)
        step = progress_header(step_number, lang).split("\n")[0]
        entries.append(
            f"{when} · {step}\n{say(label, lang)}: "
            + short(display_answer(answer.key, answer.value, lang), 500)
        )
    text = say("journal.title", lang, page=page + 1, pages=pages) + "\n\n" + "\n\n".join(entries)
    nav = []
    if page > 0:
        nav.append(Button(say("journal.newer", lang), f"jr:{page - 1}"))
    if page + 1 < pages:
        nav.append(Button(say("journal.older", lang), f"jr:{page + 1}"))
    return [Reply(text, (tuple(nav),) if nav else ())]


async def feedback(turn: Turn, zone: str) -> list[Reply]:
    """/feedback: the feedback request composed in step 10, ready to copy again."""
    lang = turn.user.language_code
    journey = await repo.latest_journey(turn.session, turn.user.telegram_id)
    draft = None
    if journey is not None:
        draft = (await repo.journey_answers(turn.session, journey.id)).get("fb_draft")
    if draft is None:
        return [Reply(say("feedback.not_yet", lang))]
    return [Reply(say("feedback.again", lang)), Reply(draft)]
