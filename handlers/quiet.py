"""/quiet: the hours check-ins wait out (pick a preset, type "22:00-08:00", or switch off).

Button data "q:<HHMM>-<HHMM>" or "q:off" (`core.callbacks`). A typed answer comes through the
side flow "quiet".
"""

from __future__ import annotations

from datetime import time

from telegram import Update
from telegram.ext import BaseHandler

from core.callbacks import Route, decode, encode
from core.journey.steps import short
from core.parsing import button_hhmm, parse_quiet_hours, time_from_button
from core.replies import Button, Reply
from core.texts.catalogue import say
from handlers.context import Context
from handlers.flows import SideFlow, end_flow, leave_as_is, start_flow
from handlers.pipeline import Turn, command_with_buttons
from handlers.progress import move_recap
from models import repository as repo

FLOW_QUIET = "quiet"
QUIET_PRESETS: tuple[tuple[str, str], ...] = (
    ("22:00", "08:00"),
    ("21:00", "07:00"),
    ("23:00", "09:00"),
)
QUIET_OFF = "off"
# Typed words that switch quiet hours off, in the bot's languages.
_OFF_WORDS = frozenset(
    {
        "off", "none", "no", "never", "no quiet hours",
        "desactivar", "ninguna", "nunca", "apagar",
        "aus", "ausschalten", "keine", "nein", "nie",
        "désactiver", "desactiver", "aucune", "non", "jamais",
        "desligar", "desativar", "nenhuma", "não", "nao",
        "выключить", "отключить", "нет", "никогда", "не надо",
    }
)  # fmt: skip


def _quiet_status(turn: Turn) -> str:
    start, end = turn.user.quiet_start, turn.user.quiet_end
    if start is None or end is None:
        return say("quiet.current_off", turn.lang)
    return say("quiet.current", turn.lang, start=start, end=end)


def _quiet_buttons(lang: str | None) -> tuple[tuple[Button, ...], ...]:
    presets = [
        Button(f"{start}–{end}", encode(Route.QUIET, f"{button_hhmm(start)}-{button_hhmm(end)}"))
        for start, end in QUIET_PRESETS
    ]
    off = Button(say("quiet.btn.off", lang), encode(Route.QUIET, QUIET_OFF))
    return (tuple(presets[:2]), (presets[2], off))


async def ask_quiet(turn: Turn) -> list[Reply]:
    """/quiet: the current quiet hours; pick or type others, or switch them off."""
    await start_flow(turn, FLOW_QUIET)
    text = _quiet_status(turn) + "\n\n" + say("quiet.ask", turn.lang)
    return [Reply(text, _quiet_buttons(turn.lang))]


async def show_quiet(turn: Turn) -> list[Reply]:
    """The quiet hours as they stand (a redelivered button press)."""
    return [Reply(_quiet_status(turn))]


async def _set_quiet(turn: Turn, hours: tuple[time, time] | None) -> list[Reply]:
    start: str | None = None
    end: str | None = None
    if hours is not None:
        start, end = hours[0].strftime("%H:%M"), hours[1].strftime("%H:%M")
    await repo.set_quiet_hours(turn.session, user_id=turn.user.telegram_id, start=start, end=end)
    turn.user.quiet_start, turn.user.quiet_end = start, end
    await move_recap(turn)
    await end_flow(turn, FLOW_QUIET)
    if start is None or end is None:
        return [Reply(say("quiet.set_off", turn.lang))]
    return [Reply(say("quiet.set", turn.lang, start=start, end=end))]


async def press_quiet(turn: Turn) -> list[Reply]:
    """A /quiet button: a preset or off."""
    pressed = decode(turn.data, Route.QUIET, 1)
    if pressed is not None:
        value = pressed.fields[0]
        if value == QUIET_OFF:
            return await _set_quiet(turn, None)
        first, _, second = value.partition("-")
        start, end = time_from_button(first), time_from_button(second)
        if start is not None and end is not None and start != end:
            return await _set_quiet(turn, (start, end))
    return [Reply(say("fallback.stale_button", turn.lang))]


async def _quiet_typed(turn: Turn, text: str, _argument: str) -> list[Reply]:
    cleaned = text.strip()
    if " ".join(cleaned.casefold().strip(" .!").split()) in _OFF_WORDS:
        return await _set_quiet(turn, None)
    hours = parse_quiet_hours(cleaned)
    if hours is None:
        invalid = Reply(say("quiet.invalid", turn.lang, text=short(cleaned, 40)))
        return [invalid, Reply(say("quiet.ask", turn.lang), _quiet_buttons(turn.lang))]
    return await _set_quiet(turn, hours)


FLOWS = (SideFlow(FLOW_QUIET, answer=_quiet_typed, skip=leave_as_is("quiet.kept")),)


def quiet_handlers() -> list[BaseHandler[Update, Context, None]]:
    """/quiet and its buttons; typed answers reach FLOWS through the text handler."""
    return command_with_buttons(
        "quiet", ask=ask_quiet, press=press_quiet, route=Route.QUIET, show=show_quiet
    )
