"""/reminders, /timezone, /quiet and /walk: the user's check-ins and the settings that time them.

Each command shows where things stand and offers buttons; /timezone, /quiet and /walk also
accept a typed answer through a side conversation kept in `users.flow` ("tz", "quiet",
"walk_time"), so it survives a restart like everything else. Everything runs inside the
update's unit of work (`handlers.pipeline.respond`).

Button data (always under 64 bytes):
- "r:<action>:<check-in id>" — action p (pause), r (resume) or s (stop) for every upcoming
  check-in of that row's kind. The id lets us check that the row belongs to whoever pressed.
- "tz:<IANA zone>" — one of `COMMON_ZONES`.
- "q:<HHMM>-<HHMM>" or "q:off" — quiet hours.
- "w:<HHMM>" or "w:stop" — the daily walk.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from datetime import time

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, filters

from core.journey.steps import short
from core.parsing import COMMON_ZONES, parse_quiet_hours, parse_time_of_day, resolve_timezone
from core.planner import at_local_date, format_local, local_now, next_daily
from core.replies import Button, Reply
from core.rules import in_quiet_hours, parse_hhmm
from core.texts.catalogue import EN, say
from handlers.context import Context, HandlerCallback, services_of
from handlers.pipeline import Turn, respond
from models import repository as repo
from models.journeys import Checkin

PREFIX_REMINDERS = "r"
PREFIX_ZONE = "tz"
PREFIX_QUIET = "q"
PREFIX_WALK = "w"

FLOW_ZONE = "tz"
FLOW_QUIET = "quiet"
FLOW_WALK = "walk_time"
FLOWS = frozenset({FLOW_ZONE, FLOW_QUIET, FLOW_WALK})

PAUSE, RESUME, STOP = "p", "r", "s"
QUIET_PRESETS: tuple[tuple[str, str], ...] = (
    ("22:00", "08:00"),
    ("21:00", "07:00"),
    ("23:00", "09:00"),
)
QUIET_OFF = "off"
WALK_PRESETS: tuple[str, ...] = ("07:30", "12:30", "18:00")
WALK_STOP = "stop"
WALK_KIND = "walk_daily"

_HHMM = re.compile(r"([01]\d|2[0-3])([0-5]\d)")
# Typed words that switch quiet hours off.
_OFF_WORDS = frozenset({"off", "none", "no", "never", "no quiet hours"})

ZoneAction = Callable[[Turn, str], Awaitable[Sequence[Reply]]]
ButtonAction = Callable[[Turn, str, str], Awaitable[Sequence[Reply]]]


def _zone_of(turn: Turn, zone: str) -> str:
    """The user's own zone, or the bot's default until they tell us."""
    return turn.user.timezone or zone


async def _end_flow(turn: Turn, flow: str) -> None:
    """Finish the side conversation `flow` if it is the one waiting (leave any other alone)."""
    if turn.user.flow == flow:
        await repo.set_flow(turn.session, user_id=turn.user.telegram_id, flow=None)
        turn.user.flow = None


# --- /reminders ------------------------------------------------------------------------------


def _kind_text(prefix: str, kind: str, lang: str | None) -> str:
    key = f"{prefix}.{kind}"
    return say(key if key in EN else f"{prefix}.other", lang)


def kind_name(kind: str, lang: str | None) -> str:
    """A check-in kind in plain words, e.g. "Daily walk"."""
    return _kind_text("rem.kind", kind, lang)


def _line(checkin: Checkin, zone: str, lang: str | None) -> str:
    name = kind_name(checkin.kind, lang)
    paused = checkin.status == "paused"
    if checkin.kind == WALK_KIND and checkin.local_time:
        if paused:
            text = say("rem.line_daily_paused", lang, kind=name, time=checkin.local_time)
        else:
            when = format_local(checkin.due_at, zone)
            text = say("rem.line_daily", lang, kind=name, time=checkin.local_time, when=when)
    else:
        text = say("rem.line", lang, kind=name, when=format_local(checkin.due_at, zone))
    return text + (say("rem.paused_mark", lang) if paused else "")


def _kind_buttons(kind: str, checkins: list[Checkin], lang: str | None) -> tuple[Button, ...]:
    what = _kind_text("rem.short", kind, lang)
    anchor = checkins[0].id
    all_paused = all(c.status == "paused" for c in checkins)
    toggle = (
        Button(say("rem.btn.resume", lang, what=what), f"{PREFIX_REMINDERS}:{RESUME}:{anchor}")
        if all_paused
        else Button(say("rem.btn.pause", lang, what=what), f"{PREFIX_REMINDERS}:{PAUSE}:{anchor}")
    )
    stop = Button(say("rem.btn.stop", lang, what=what), f"{PREFIX_REMINDERS}:{STOP}:{anchor}")
    return (toggle, stop)


async def show_reminders(turn: Turn, zone: str) -> list[Reply]:
    """/reminders: every upcoming check-in in the user's local time, with buttons per kind."""
    lang = turn.user.language_code
    user_zone = _zone_of(turn, zone)
    checkins = await repo.upcoming_checkins(turn.session, turn.user.telegram_id)
    if not checkins:
        return [Reply(say("rem.empty", lang))]
    lines = [say("rem.title", lang, zone=user_zone)]
    by_kind: dict[str, list[Checkin]] = {}
    for checkin in checkins:
        lines.append("• " + _line(checkin, user_zone, lang))
        by_kind.setdefault(checkin.kind, []).append(checkin)
    buttons = tuple(_kind_buttons(kind, rows, lang) for kind, rows in by_kind.items())
    return [Reply("\n".join(lines), buttons)]


async def _resume(turn: Turn, kind: str, zone: str) -> int:
    """Paused → pending. A daily walk whose time has passed moves to its next occurrence;
    other kinds keep their due time (the dispatcher's lateness rules decide)."""
    user_id = turn.user.telegram_id
    rows = [c for c in await repo.upcoming_checkins(turn.session, user_id) if c.kind == kind]
    resumed = 0
    for checkin in rows:
        if checkin.status != "paused":
            continue
        checkin.status = "pending"
        checkin.updated_at = turn.now
        at = parse_hhmm(checkin.local_time)
        if kind == WALK_KIND and at is not None and checkin.due_at < turn.now:
            checkin.due_at = next_daily(at, zone, turn.now)
        resumed += 1
    if resumed and kind in repo.USER_WIDE_CHECKINS:
        # One walk per user: a walk planned while this one was paused is the newer choice.
        pending = [c for c in rows if c.status == "pending"]
        newest = max(c.id for c in pending)
        for checkin in pending:
            if checkin.id != newest:
                checkin.status = "cancelled"
    await turn.session.flush()
    return resumed


async def press_reminder(turn: Turn, zone: str, data: str) -> list[Reply]:
    """A /reminders button: pause, resume or stop one kind of the presser's own check-ins."""
    lang = turn.user.language_code
    user_id = turn.user.telegram_id
    parts = data.split(":")
    if (
        len(parts) != 3
        or parts[0] != PREFIX_REMINDERS
        or parts[1] not in (PAUSE, RESUME, STOP)
        or not parts[2].isdigit()
    ):
        return [Reply(say("fallback.stale_button", lang))]
    anchor = await turn.session.get(Checkin, int(parts[2]))
    if anchor is None or anchor.user_id != user_id:
        return [Reply(say("rem.not_yours", lang))]
    kind = anchor.kind
    name = kind_name(kind, lang)
    action = parts[1]
    if action == PAUSE:
        changed = await repo.change_checkin_status(
            turn.session, user_id=user_id, kind=kind, old="pending", new="paused", now=turn.now
        )
        said = say("rem.paused", lang, kind=name)
    elif action == RESUME:
        changed = await _resume(turn, kind, _zone_of(turn, zone))
        said = say("rem.resumed", lang, kind=name)
    else:
        upcoming = await repo.upcoming_checkins(turn.session, user_id)
        changed = sum(1 for c in upcoming if c.kind == kind)
        if changed:
            await repo.cancel_checkins(
                turn.session, user_id=user_id, journey_id=None, kind=kind, now=turn.now
            )
        said = say("rem.stopped", lang, kind=name)
    if not changed:
        said = say("rem.unchanged", lang)
    return [Reply(said), *await show_reminders(turn, zone)]


# --- /timezone -------------------------------------------------------------------------------


def _zone_status(turn: Turn, zone: str) -> str:
    lang = turn.user.language_code
    current = _zone_of(turn, zone)
    key = "tz.current" if turn.user.timezone else "tz.unset"
    return say(key, lang, zone=current, now=format_local(turn.now, current))


def _zone_buttons() -> tuple[tuple[Button, ...], ...]:
    buttons = [Button(label, f"{PREFIX_ZONE}:{name}") for name, label in COMMON_ZONES]
    return tuple(tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2))


def _zone_question(lang: str | None) -> Reply:
    return Reply(say("tz.ask", lang), _zone_buttons())


async def ask_timezone(turn: Turn, zone: str) -> list[Reply]:
    """/timezone: the current zone and local time; pick or type another."""
    await repo.set_flow(turn.session, user_id=turn.user.telegram_id, flow=FLOW_ZONE)
    lang = turn.user.language_code
    return [Reply(_zone_status(turn, zone) + "\n\n" + say("tz.ask", lang), _zone_buttons())]


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
        if checkin.kind == WALK_KIND:
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


async def _change_timezone(turn: Turn, zone: str, new_zone: str, label: str) -> list[Reply]:
    lang = turn.user.language_code
    old_zone = _zone_of(turn, zone)
    moved = await _move_checkins(turn, old_zone, new_zone) if new_zone != old_zone else 0
    await repo.set_timezone(turn.session, user_id=turn.user.telegram_id, name=new_zone)
    turn.user.timezone = new_zone
    await _end_flow(turn, FLOW_ZONE)
    text = say("tz.changed", lang, label=label, now=format_local(turn.now, new_zone))
    if moved:
        text += "\n" + say("tz.moved", lang)
    return [Reply(text)]


async def press_timezone(turn: Turn, zone: str, data: str) -> list[Reply]:
    """A /timezone button: one of the common zones."""
    labels = dict(COMMON_ZONES)
    name = data.removeprefix(f"{PREFIX_ZONE}:")
    if not data.startswith(f"{PREFIX_ZONE}:") or name not in labels:
        return [Reply(say("fallback.stale_button", turn.user.language_code))]
    return await _change_timezone(turn, zone, name, f"{labels[name]} ({name})")


async def _zone_typed(turn: Turn, zone: str, text: str) -> list[Reply]:
    lang = turn.user.language_code
    match = resolve_timezone(text) if text else None
    if match is None:
        return [Reply(say("tz.unknown", lang, text=short(text, 40))), _zone_question(lang)]
    return await _change_timezone(turn, zone, match.name, match.label)


# --- /quiet ----------------------------------------------------------------------------------


def _quiet_status(turn: Turn) -> str:
    lang = turn.user.language_code
    start, end = turn.user.quiet_start, turn.user.quiet_end
    if start is None or end is None:
        return say("quiet.current_off", lang)
    return say("quiet.current", lang, start=start, end=end)


def _quiet_buttons(lang: str | None) -> tuple[tuple[Button, ...], ...]:
    presets = [
        Button(f"{start}–{end}", f"{PREFIX_QUIET}:{start.replace(':', '')}-{end.replace(':', '')}")
        for start, end in QUIET_PRESETS
    ]
    off = Button(say("quiet.btn.off", lang), f"{PREFIX_QUIET}:{QUIET_OFF}")
    return (tuple(presets[:2]), (presets[2], off))


def _quiet_question(lang: str | None) -> Reply:
    return Reply(say("quiet.ask", lang), _quiet_buttons(lang))


async def ask_quiet(turn: Turn, zone: str) -> list[Reply]:
    """/quiet: the current quiet hours; pick or type others, or switch them off."""
    await repo.set_flow(turn.session, user_id=turn.user.telegram_id, flow=FLOW_QUIET)
    lang = turn.user.language_code
    return [Reply(_quiet_status(turn) + "\n\n" + say("quiet.ask", lang), _quiet_buttons(lang))]


async def _set_quiet(turn: Turn, hours: tuple[time, time] | None) -> list[Reply]:
    lang = turn.user.language_code
    start: str | None = None
    end: str | None = None
    if hours is not None:
        start, end = hours[0].strftime("%H:%M"), hours[1].strftime("%H:%M")
    await repo.set_quiet_hours(turn.session, user_id=turn.user.telegram_id, start=start, end=end)
    turn.user.quiet_start, turn.user.quiet_end = start, end
    await _end_flow(turn, FLOW_QUIET)
    if start is None or end is None:
        return [Reply(say("quiet.set_off", lang))]
    return [Reply(say("quiet.set", lang, start=start, end=end))]


def _hhmm(value: str) -> time | None:
    match = _HHMM.fullmatch(value)
    return time(int(match[1]), int(match[2])) if match else None


async def press_quiet(turn: Turn, zone: str, data: str) -> list[Reply]:
    """A /quiet button: a preset or off."""
    value = data.removeprefix(f"{PREFIX_QUIET}:")
    if data.startswith(f"{PREFIX_QUIET}:"):
        if value == QUIET_OFF:
            return await _set_quiet(turn, None)
        start, _, end = value.partition("-")
        hours = _hhmm(start), _hhmm(end)
        if hours[0] is not None and hours[1] is not None and hours[0] != hours[1]:
            return await _set_quiet(turn, (hours[0], hours[1]))
    return [Reply(say("fallback.stale_button", turn.user.language_code))]


async def _quiet_typed(turn: Turn, text: str) -> list[Reply]:
    lang = turn.user.language_code
    if " ".join(text.casefold().strip(" .!").split()) in _OFF_WORDS:
        return await _set_quiet(turn, None)
    hours = parse_quiet_hours(text)
    if hours is None:
        return [Reply(say("quiet.invalid", lang, text=short(text, 40))), _quiet_question(lang)]
    return await _set_quiet(turn, hours)


# --- /walk -----------------------------------------------------------------------------------


async def _walks(turn: Turn) -> list[Checkin]:
    """The user's upcoming daily walks (normally at most one), pending before paused."""
    rows = await repo.upcoming_checkins(turn.session, turn.user.telegram_id)
    walks = [c for c in rows if c.kind == WALK_KIND]
    return sorted(walks, key=lambda c: (c.status != "pending", -c.id))


def _walk_status(walk: Checkin | None, zone: str, lang: str | None) -> str:
    if walk is None or walk.local_time is None:
        return say("walkcmd.none", lang)
    if walk.status == "paused":
        return say("walkcmd.current_paused", lang, time=walk.local_time)
    return say("walkcmd.current", lang, time=walk.local_time, when=format_local(walk.due_at, zone))


def _walk_buttons(lang: str | None, *, can_stop: bool) -> tuple[tuple[Button, ...], ...]:
    presets = tuple(Button(t, f"{PREFIX_WALK}:{t.replace(':', '')}") for t in WALK_PRESETS)
    if not can_stop:
        return (presets,)
    return (presets, (Button(say("walkcmd.stop", lang), f"{PREFIX_WALK}:{WALK_STOP}"),))


async def _walk_question(turn: Turn, zone: str) -> Reply:
    lang = turn.user.language_code
    can_stop = bool(await _walks(turn))
    return Reply(say("walkcmd.ask", lang, zone=zone), _walk_buttons(lang, can_stop=can_stop))


async def ask_walk(turn: Turn, zone: str) -> list[Reply]:
    """/walk: the daily walk reminder's time; pick or type a new one, or stop it."""
    await repo.set_flow(turn.session, user_id=turn.user.telegram_id, flow=FLOW_WALK)
    lang = turn.user.language_code
    user_zone = _zone_of(turn, zone)
    walks = await _walks(turn)
    status = _walk_status(walks[0] if walks else None, user_zone, lang)
    question = say("walkcmd.ask", lang, zone=user_zone)
    return [Reply(f"{status}\n\n{question}", _walk_buttons(lang, can_stop=bool(walks)))]


async def _set_walk(turn: Turn, zone: str, at: time) -> list[Reply]:
    lang = turn.user.language_code
    user_id = turn.user.telegram_id
    user_zone = _zone_of(turn, zone)
    journey = await repo.latest_journey(turn.session, user_id)
    due = next_daily(at, user_zone, turn.now)
    hhmm = at.strftime("%H:%M")
    # Replaces the pending or paused walk, whichever there is.
    await repo.plan_checkin(
        turn.session,
        user_id=user_id,
        journey_id=journey.id if journey is not None else None,
        kind=WALK_KIND,
        due_at=due,
        local_time=hhmm,
        now=turn.now,
    )
    if journey is not None:  # the journey's summary and /journal show the walk time too
        await repo.save_answer(
            turn.session, journey_id=journey.id, key="walk", value=hhmm, now=turn.now
        )
    await _end_flow(turn, FLOW_WALK)
    text = say("walkcmd.set", lang, time=hhmm, when=format_local(due, user_zone))
    quiet_start, quiet_end = turn.user.quiet_start, turn.user.quiet_end
    if in_quiet_hours(at, parse_hhmm(quiet_start), parse_hhmm(quiet_end)):
        text += "\n" + say("walkcmd.in_quiet", lang, start=quiet_start, end=quiet_end)
    return [Reply(text)]


async def _stop_walk(turn: Turn) -> list[Reply]:
    lang = turn.user.language_code
    await _end_flow(turn, FLOW_WALK)
    if not await _walks(turn):
        return [Reply(say("walkcmd.nothing_to_stop", lang))]
    await repo.cancel_checkins(
        turn.session, user_id=turn.user.telegram_id, journey_id=None, kind=WALK_KIND, now=turn.now
    )
    return [Reply(say("walkcmd.stopped", lang))]


async def press_walk(turn: Turn, zone: str, data: str) -> list[Reply]:
    """A /walk button: a preset time, or stop."""
    value = data.removeprefix(f"{PREFIX_WALK}:")
    if data.startswith(f"{PREFIX_WALK}:"):
        if value == WALK_STOP:
            return await _stop_walk(turn)
        at = _hhmm(value)
        if at is not None:
            return await _set_walk(turn, zone, at)
    return [Reply(say("fallback.stale_button", turn.user.language_code))]


async def _walk_typed(turn: Turn, zone: str, text: str) -> list[Reply]:
    at = parse_time_of_day(text) if text else None
    if at is None:
        lang = turn.user.language_code
        invalid = Reply(say("walkcmd.invalid", lang, text=short(text, 20)))
        return [invalid, await _walk_question(turn, _zone_of(turn, zone))]
    return await _set_walk(turn, zone, at)


# --- Side conversations ----------------------------------------------------------------------


def in_flow(flow: str | None) -> bool:
    """Whether /timezone, /quiet or /walk waits for a typed answer."""
    return flow in FLOWS


async def continue_flow(turn: Turn, text: str | None, zone: str) -> list[Reply]:
    """A typed answer to /timezone, /quiet or /walk (None means /skip: leave things as they are).

    `zone` is the bot's default zone, used while the user hasn't set their own.
    """
    lang = turn.user.language_code
    flow = turn.user.flow
    if text is None or flow not in FLOWS:
        await repo.set_flow(turn.session, user_id=turn.user.telegram_id, flow=None)
        turn.user.flow = None
        if flow == FLOW_ZONE:
            return [Reply(say("tz.kept", lang, zone=_zone_of(turn, zone)))]
        if flow == FLOW_QUIET:
            return [Reply(say("quiet.kept", lang))]
        return [Reply(say("walkcmd.kept", lang))]
    cleaned = text.strip()
    if flow == FLOW_ZONE:
        return await _zone_typed(turn, zone, cleaned)
    if flow == FLOW_QUIET:
        return await _quiet_typed(turn, cleaned)
    return await _walk_typed(turn, zone, cleaned)


# --- Telegram --------------------------------------------------------------------------------


def _default_zone(context: Context) -> str:
    return services_of(context).settings.default_timezone


def _command(action: ZoneAction) -> HandlerCallback:
    """A command running `action` in one unit of work (showing and asking is idempotent)."""

    async def callback(update: Update, context: Context) -> None:
        zone = _default_zone(context)

        async def run(turn: Turn) -> Sequence[Reply]:
            return await action(turn, zone)

        await respond(update, context, run)

    callback.__doc__ = action.__doc__
    return callback


def _button(action: ButtonAction, replay: ZoneAction) -> HandlerCallback:
    """A button running `action`; a redelivered press only shows where things stand."""

    async def callback(update: Update, context: Context) -> None:
        data = update.callback_query.data if update.callback_query else None
        zone = _default_zone(context)

        async def run(turn: Turn) -> Sequence[Reply]:
            return await action(turn, zone, data or "")

        async def again(turn: Turn) -> Sequence[Reply]:
            return await replay(turn, zone)

        await respond(update, context, run, replay=again)

    callback.__doc__ = action.__doc__
    return callback


async def _zone_now(turn: Turn, zone: str) -> list[Reply]:
    return [Reply(_zone_status(turn, zone))]


async def _quiet_now(turn: Turn, zone: str) -> list[Reply]:
    return [Reply(_quiet_status(turn))]


async def _walk_now(turn: Turn, zone: str) -> list[Reply]:
    walks = await _walks(turn)
    lang = turn.user.language_code
    return [Reply(_walk_status(walks[0] if walks else None, _zone_of(turn, zone), lang))]


def reminder_handlers() -> list[BaseHandler[Update, Context, None]]:
    """/reminders, /timezone, /quiet, /walk and their buttons.

    Register them before the fallbacks (which answer any command and any button); typed
    answers reach `continue_flow` through the journey's text and /skip handlers.
    """
    private_message = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    commands: list[tuple[str, ZoneAction]] = [
        ("reminders", show_reminders),
        ("timezone", ask_timezone),
        ("quiet", ask_quiet),
        ("walk", ask_walk),
    ]
    handlers: list[BaseHandler[Update, Context, None]] = [
        CommandHandler(name, _command(action), filters=private_message) for name, action in commands
    ]
    handlers += [
        CallbackQueryHandler(
            _button(press_reminder, show_reminders), pattern=rf"^{PREFIX_REMINDERS}:"
        ),
        CallbackQueryHandler(_button(press_timezone, _zone_now), pattern=rf"^{PREFIX_ZONE}:"),
        CallbackQueryHandler(_button(press_quiet, _quiet_now), pattern=rf"^{PREFIX_QUIET}:"),
        CallbackQueryHandler(_button(press_walk, _walk_now), pattern=rf"^{PREFIX_WALK}:"),
    ]
    return handlers
