"""/reminders: every upcoming check-in in the user's local time, with pause, resume and stop
buttons per kind.

Button data "r:<action>:<check-in id>" (`core.callbacks`) — action p (pause), r (resume) or
s (stop) for every upcoming check-in of that row's kind. The id lets us check that the row
belongs to whoever pressed.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler

from core.callbacks import Route, decode, encode
from core.checkin_messages import kind_name, kind_text
from core.planner import format_local, next_daily
from core.replies import Button, Reply
from core.rules import parse_hhmm
from core.status import CheckinKind, CheckinStatus
from core.texts.catalogue import say
from handlers.context import Context
from handlers.pipeline import Turn, command_with_buttons
from models import repository as repo
from models.journeys import Checkin

PAUSE, RESUME, STOP = "p", "r", "s"


def _line(turn: Turn, checkin: Checkin) -> str:
    lang, zone = turn.lang, turn.zone
    name = kind_name(checkin.kind, lang)
    paused = checkin.status == CheckinStatus.PAUSED
    if checkin.kind == CheckinKind.WALK_DAILY and checkin.local_time:
        if paused:
            text = say("rem.line_daily_paused", lang, kind=name, time=checkin.local_time)
        else:
            when = format_local(checkin.due_at, zone, lang)
            text = say("rem.line_daily", lang, kind=name, time=checkin.local_time, when=when)
    else:
        text = say("rem.line", lang, kind=name, when=format_local(checkin.due_at, zone, lang))
    return text + (say("rem.paused_mark", lang) if paused else "")


def _kind_buttons(kind: str, checkins: list[Checkin], lang: str | None) -> tuple[Button, ...]:
    what = kind_text("rem.short", kind, lang)
    anchor = checkins[0].id
    all_paused = all(c.status == CheckinStatus.PAUSED for c in checkins)
    toggle = (
        Button(say("rem.btn.resume", lang, what=what), encode(Route.REMINDERS, RESUME, anchor))
        if all_paused
        else Button(say("rem.btn.pause", lang, what=what), encode(Route.REMINDERS, PAUSE, anchor))
    )
    stop = Button(say("rem.btn.stop", lang, what=what), encode(Route.REMINDERS, STOP, anchor))
    return (toggle, stop)


async def show_reminders(turn: Turn) -> list[Reply]:
    """/reminders: every upcoming check-in in the user's local time, with buttons per kind."""
    lang = turn.lang
    checkins = await repo.upcoming_checkins(turn.session, turn.user.telegram_id)
    if not checkins:
        return [Reply(say("rem.empty", lang))]
    lines = [say("rem.title", lang, zone=turn.zone)]
    by_kind: dict[str, list[Checkin]] = {}
    for checkin in checkins:
        lines.append("• " + _line(turn, checkin))
        by_kind.setdefault(checkin.kind, []).append(checkin)
    buttons = tuple(_kind_buttons(kind, rows, lang) for kind, rows in by_kind.items())
    return [Reply("\n".join(lines), buttons)]


async def _resume(turn: Turn, kind: str) -> int:
    """Paused → pending. A daily walk whose time has passed moves to its next occurrence;
    other kinds keep their due time (the dispatcher's lateness rules decide)."""
    user_id = turn.user.telegram_id
    rows = [c for c in await repo.upcoming_checkins(turn.session, user_id) if c.kind == kind]
    resumed = 0
    for checkin in rows:
        if checkin.status != CheckinStatus.PAUSED:
            continue
        checkin.status = CheckinStatus.PENDING
        checkin.updated_at = turn.now
        at = parse_hhmm(checkin.local_time)
        if kind == CheckinKind.WALK_DAILY and at is not None and checkin.due_at < turn.now:
            checkin.due_at = next_daily(at, turn.zone, turn.now)
        resumed += 1
    if resumed and kind in repo.USER_WIDE_CHECKINS:
        # One walk per user: a walk planned while this one was paused is the newer choice.
        pending = [c for c in rows if c.status == CheckinStatus.PENDING]
        newest = max(c.id for c in pending)
        for checkin in pending:
            if checkin.id != newest:
                checkin.status = CheckinStatus.CANCELLED
    await turn.session.flush()
    return resumed


async def press_reminder(turn: Turn) -> list[Reply]:
    """A /reminders button: pause, resume or stop one kind of the presser's own check-ins."""
    lang = turn.lang
    user_id = turn.user.telegram_id
    pressed = decode(turn.data, Route.REMINDERS, 2)
    anchor_id = pressed.number(1) if pressed is not None else None
    if pressed is None or anchor_id is None or pressed.fields[0] not in (PAUSE, RESUME, STOP):
        return [Reply(say("fallback.stale_button", lang))]
    anchor = await turn.session.get(Checkin, anchor_id)
    if anchor is None or anchor.user_id != user_id:
        return [Reply(say("rem.not_yours", lang))]
    kind = anchor.kind
    name = kind_name(kind, lang)
    action = pressed.fields[0]
    if action == PAUSE:
        changed = await repo.change_checkin_status(
            turn.session,
            user_id=user_id,
            kind=kind,
            old=CheckinStatus.PENDING,
            new=CheckinStatus.PAUSED,
            now=turn.now,
        )
        said = say("rem.paused", lang, kind=name)
    elif action == RESUME:
        changed = await _resume(turn, kind)
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
    return [Reply(said), *await show_reminders(turn)]


def reminder_handlers() -> list[BaseHandler[Update, Context, None]]:
    """/reminders and its buttons; a redelivered press only shows where things stand."""
    return command_with_buttons(
        "reminders",
        ask=show_reminders,
        press=press_reminder,
        route=Route.REMINDERS,
        show=show_reminders,
    )
