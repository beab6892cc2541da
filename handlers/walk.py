"""/walk: the daily walk reminder's time (pick a preset, type a time, or stop it).

Button data "w:<HHMM>" or "w:stop" (`core.callbacks`). A typed answer comes through the side
flow "walk_time".
"""

from __future__ import annotations

from datetime import time

from telegram import Update
from telegram.ext import BaseHandler

from core.callbacks import Route, decode, encode
from core.journey.steps import short
from core.parsing import button_hhmm, parse_time_of_day, time_from_button
from core.planner import format_local, next_daily
from core.replies import Button, Reply
from core.rules import in_quiet_hours, parse_hhmm
from core.status import CheckinKind, CheckinStatus
from core.texts.catalogue import say
from handlers.context import Context
from handlers.flows import SideFlow, end_flow, leave_as_is, start_flow
from handlers.pipeline import Turn, command_with_buttons
from models import repository as repo
from models.journeys import Checkin

FLOW_WALK = "walk_time"
WALK_PRESETS: tuple[str, ...] = ("07:30", "12:30", "18:00")
WALK_STOP = "stop"


async def _walks(turn: Turn) -> list[Checkin]:
    """The user's upcoming daily walks (normally at most one), pending before paused."""
    rows = await repo.upcoming_checkins(turn.session, turn.user.telegram_id)
    walks = [c for c in rows if c.kind == CheckinKind.WALK_DAILY]
    return sorted(walks, key=lambda c: (c.status != CheckinStatus.PENDING, -c.id))


def _walk_status(turn: Turn, walk: Checkin | None) -> str:
    lang, zone = turn.lang, turn.zone
    if walk is None or walk.local_time is None:
        return say("walkcmd.none", lang)
    if walk.status == CheckinStatus.PAUSED:
        return say("walkcmd.current_paused", lang, time=walk.local_time)
    return say(
        "walkcmd.current", lang, time=walk.local_time, when=format_local(walk.due_at, zone, lang)
    )


def _walk_buttons(lang: str | None, *, can_stop: bool) -> tuple[tuple[Button, ...], ...]:
    presets = tuple(Button(t, encode(Route.WALK, button_hhmm(t))) for t in WALK_PRESETS)
    if not can_stop:
        return (presets,)
    return (presets, (Button(say("walkcmd.stop", lang), encode(Route.WALK, WALK_STOP)),))


async def ask_walk(turn: Turn) -> list[Reply]:
    """/walk: the daily walk reminder's time; pick or type a new one, or stop it."""
    await start_flow(turn, FLOW_WALK)
    walks = await _walks(turn)
    status = _walk_status(turn, walks[0] if walks else None)
    question = say("walkcmd.ask", turn.lang, zone=turn.zone)
    return [Reply(f"{status}\n\n{question}", _walk_buttons(turn.lang, can_stop=bool(walks)))]


async def show_walk(turn: Turn) -> list[Reply]:
    """The walk reminder as it stands (a redelivered button press)."""
    walks = await _walks(turn)
    return [Reply(_walk_status(turn, walks[0] if walks else None))]


async def _set_walk(turn: Turn, at: time) -> list[Reply]:
    user_id = turn.user.telegram_id
    journey = await repo.latest_journey(turn.session, user_id)
    due = next_daily(at, turn.zone, turn.now)
    hhmm = at.strftime("%H:%M")
    # Replaces the pending or paused walk, whichever there is.
    await repo.plan_checkin(
        turn.session,
        user_id=user_id,
        journey_id=journey.id if journey is not None else None,
        kind=CheckinKind.WALK_DAILY,
        due_at=due,
        local_time=hhmm,
        now=turn.now,
    )
    if journey is not None:  # the journey's summary and /journal show the walk time too
        await repo.save_answer(
            turn.session, journey_id=journey.id, key="walk", value=hhmm, now=turn.now
        )
    await end_flow(turn, FLOW_WALK)
    text = say("walkcmd.set", turn.lang, time=hhmm, when=format_local(due, turn.zone, turn.lang))
    quiet_start, quiet_end = turn.user.quiet_start, turn.user.quiet_end
    if in_quiet_hours(at, parse_hhmm(quiet_start), parse_hhmm(quiet_end)):
        text += "\n" + say("walkcmd.in_quiet", turn.lang, start=quiet_start, end=quiet_end)
    return [Reply(text)]


async def _stop_walk(turn: Turn) -> list[Reply]:
    await end_flow(turn, FLOW_WALK)
    if not await _walks(turn):
        return [Reply(say("walkcmd.nothing_to_stop", turn.lang))]
    await repo.cancel_checkins(
        turn.session,
        user_id=turn.user.telegram_id,
        journey_id=None,
        kind=CheckinKind.WALK_DAILY,
        now=turn.now,
    )
    return [Reply(say("walkcmd.stopped", turn.lang))]


async def press_walk(turn: Turn) -> list[Reply]:
    """A /walk button: a preset time, or stop."""
    pressed = decode(turn.data, Route.WALK, 1)
    if pressed is not None:
        if pressed.fields[0] == WALK_STOP:
            return await _stop_walk(turn)
        at = time_from_button(pressed.fields[0])
        if at is not None:
            return await _set_walk(turn, at)
    return [Reply(say("fallback.stale_button", turn.lang))]


async def _walk_typed(turn: Turn, text: str, _argument: str) -> list[Reply]:
    cleaned = text.strip()
    at = parse_time_of_day(cleaned) if cleaned else None
    if at is None:
        invalid = Reply(say("walkcmd.invalid", turn.lang, text=short(cleaned, 20)))
        can_stop = bool(await _walks(turn))
        question = say("walkcmd.ask", turn.lang, zone=turn.zone)
        return [invalid, Reply(question, _walk_buttons(turn.lang, can_stop=can_stop))]
    return await _set_walk(turn, at)


FLOWS = (SideFlow(FLOW_WALK, answer=_walk_typed, skip=leave_as_is("walkcmd.kept")),)


def walk_handlers() -> list[BaseHandler[Update, Context, None]]:
    """/walk and its buttons; typed answers reach FLOWS through the text handler."""
    return command_with_buttons(
        "walk", ask=ask_walk, press=press_walk, route=Route.WALK, show=show_walk
    )
