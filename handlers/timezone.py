"""/timezone: the user's zone and local time; pick a common zone or type a city, zone or
offset. Every upcoming check-in keeps its local time in the new zone.

Button data "tz:<IANA zone>" (`core.callbacks`), one of `core.parsing.BUTTON_ZONES` (the
buttons offered depend on the user's language). A typed answer comes through the side flow "tz".
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler

from core.callbacks import Route, decode, encode
from core.journey.steps import short
from core.parsing import BUTTON_ZONES, common_zones, resolve_timezone
from core.planner import at_local_date, format_local, local_now, next_daily
from core.replies import Button, Reply
from core.rules import parse_hhmm
from core.status import CheckinKind
from core.texts.catalogue import say
from handlers.context import Context
from handlers.flows import SideFlow, end_flow, start_flow
from handlers.pipeline import Turn, command_with_buttons
from models import repository as repo

FLOW_ZONE = "tz"


def _zone_status(turn: Turn) -> str:
    key = "tz.current" if turn.user.timezone else "tz.unset"
    return say(key, turn.lang, zone=turn.zone, now=format_local(turn.now, turn.zone, turn.lang))


def _zone_buttons(lang: str | None) -> tuple[tuple[Button, ...], ...]:
    buttons = [Button(label, encode(Route.ZONE, name)) for name, label in common_zones(lang)]
    return tuple(tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2))


async def ask_timezone(turn: Turn) -> list[Reply]:
    """/timezone: the current zone and local time; pick or type another."""
    await start_flow(turn, FLOW_ZONE)
    return [Reply(_zone_status(turn) + "\n\n" + say("tz.ask", turn.lang), _zone_buttons(turn.lang))]


async def show_timezone(turn: Turn) -> list[Reply]:
    """The zone as it stands (a redelivered button press)."""
    return [Reply(_zone_status(turn))]


async def _move_checkins(turn: Turn, old_zone: str, new_zone: str) -> int:
    """Keep every upcoming check-in's local time in the new zone; how many moved.

    A daily walk comes next at its local time in the new zone; a one-off planned at a local
    hour keeps its local date and hour; one without a local time (a duration) stays put.
    """
    moved = 0
    for checkin in await repo.upcoming_checkins(turn.session, turn.user.telegram_id):
        at = parse_hhmm(checkin.local_time)
        if at is None:
            continue
        if checkin.kind == CheckinKind.WALK_DAILY:
            due = next_daily(at, new_zone, turn.now)
        else:
            day = local_now(checkin.due_at, old_zone).date()
            due = at_local_date(day, at, new_zone)
        if due != checkin.due_at:
            checkin.due_at = due
            checkin.updated_at = turn.now
            moved += 1
    await turn.session.flush()
    return moved


async def _change_timezone(turn: Turn, new_zone: str, label: str) -> list[Reply]:
    old_zone = turn.zone
    moved = await _move_checkins(turn, old_zone, new_zone) if new_zone != old_zone else 0
    await repo.set_timezone(turn.session, user_id=turn.user.telegram_id, name=new_zone)
    turn.user.timezone = new_zone
    await end_flow(turn, FLOW_ZONE)
    text = say(
        "tz.changed", turn.lang, label=label, now=format_local(turn.now, new_zone, turn.lang)
    )
    if moved:
        text += "\n" + say("tz.moved", turn.lang)
    return [Reply(text)]


async def press_timezone(turn: Turn) -> list[Reply]:
    """A /timezone button: one of the common zones."""
    pressed = decode(turn.data, Route.ZONE, 1)
    name = pressed.fields[0] if pressed is not None else ""
    if name not in BUTTON_ZONES:
        return [Reply(say("fallback.stale_button", turn.lang))]
    label = dict(common_zones(turn.lang)).get(name, BUTTON_ZONES[name])
    return await _change_timezone(turn, name, f"{label} ({name})")


async def _zone_typed(turn: Turn, text: str, _argument: str) -> list[Reply]:
    cleaned = text.strip()
    match = resolve_timezone(cleaned) if cleaned else None
    if match is None:
        unknown = Reply(say("tz.unknown", turn.lang, text=short(cleaned, 40)))
        return [unknown, Reply(say("tz.ask", turn.lang), _zone_buttons(turn.lang))]
    label = match.label
    if match.name.startswith("Etc/"):  # a fixed offset: "UTC+02:00 (no daylight-saving changes)"
        label = f"{label} ({say('tz.fixed_offset', turn.lang)})"
    return await _change_timezone(turn, match.name, label)


async def _zone_kept(turn: Turn, _argument: str) -> list[Reply]:
    await end_flow(turn)
    return [Reply(say("tz.kept", turn.lang, zone=turn.zone))]


FLOWS = (SideFlow(FLOW_ZONE, answer=_zone_typed, skip=_zone_kept),)


def timezone_handlers() -> list[BaseHandler[Update, Context, None]]:
    """/timezone and its buttons; typed answers reach FLOWS through the text handler."""
    return command_with_buttons(
        "timezone", ask=ask_timezone, press=press_timezone, route=Route.ZONE, show=show_timezone
    )
