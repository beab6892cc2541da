"""What happens when a check-in's button is pressed, and the "what did they reply?" side
conversation. Runs inside the update's unit of work like everything else."""

from __future__ import annotations

from datetime import timedelta

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from core.callbacks import Route, decode
from core.checkin_messages import ASKS_MOOD, mood_from_action
from core.journey.steps import (
    FEEDBACK_FOLLOWUP_WORKING_DAYS,
    MAX_ANSWER_CHARS,
    MORNING,
    PROMPTS,
    Ctx,
)
from core.planner import add_working_days, format_local, format_local_time, local_now
from core.progress import MOOD_LOWEST
from core.replies import Reply
from core.status import CheckinKind, WalkStatus
from core.texts.catalogue import say
from core.walks import walk_streak, walks_this_week
from handlers import feedback, options
from handlers.context import Context
from handlers.flows import SideFlow, end_flow, start_flow
from handlers.journey import service
from handlers.pipeline import Turn, turn_handler
from models import repository as repo
from models.journeys import Checkin, Journey

FLOW_FEEDBACK_REPLY = "fb_reply"
SNOOZE = timedelta(hours=1)
GOAL_OUTCOMES = ("done", "partly", "missed")


async def press(turn: Turn) -> list[Reply]:
    """A check-in button. Only the user the check-in was for can answer it."""
    lang = turn.lang
    pressed = decode(turn.data, Route.CHECKIN, 2)
    checkin_id = pressed.number(0) if pressed is not None else None
    if pressed is None or checkin_id is None:
        return [Reply(say("fallback.stale_button", lang))]
    checkin = await turn.session.get(Checkin, checkin_id)
    if checkin is None or checkin.user_id != turn.user.telegram_id:
        return [Reply(say("fallback.stale_button", lang))]
    action = pressed.fields[1]
    mood = mood_from_action(action) if checkin.kind in ASKS_MOOD else None
    if mood is not None:
        return await _mood(turn, checkin, mood)
    if checkin.kind in (CheckinKind.WALK_DAILY, CheckinKind.WALK_SNOOZE):
        return await _walk(turn, checkin, action)
    if checkin.kind == CheckinKind.GRIEF_OVER:
        return await _reentry(turn, action)
    if checkin.kind == CheckinKind.FEEDBACK_FOLLOWUP:
        return await _feedback(turn, checkin, action)
    if checkin.kind == CheckinKind.LEARNING_GOAL and action in GOAL_OUTCOMES:
        if checkin.journey_id is not None:
            await repo.save_answer(
                turn.session,
                journey_id=checkin.journey_id,
                key="goal_outcome",
                value=action,
                now=turn.now,
            )
        return [Reply(say(f"ci.goal_{action}", lang))]
    if checkin.kind == CheckinKind.COME_BACK:
        if action == "resume":
            return await service.resume(turn)
        await service.pause(turn)
        return [Reply(say("ci.paused_nudges", lang))]
    if checkin.kind == CheckinKind.OPTIONS_REVIEW:
        if action == "addopt":
            return await options.ask_company(turn)
        return await options.overview(turn)
    return [Reply(say("fallback.stale_button", lang))]


async def _mood(turn: Turn, checkin: Checkin, mood: int) -> list[Reply]:
    """A mood answered to a check-in: kept for /progress's mood line."""
    await repo.record_mood(
        turn.session,
        user_id=turn.user.telegram_id,
        journey_id=checkin.journey_id,
        checkin_id=checkin.id,
        value=mood,
        source=checkin.kind,
        now=turn.now,
    )
    text = say("ci.mood_saved", turn.lang, mood=mood)
    if mood == MOOD_LOWEST:
        text += "\n\n" + say("ci.mood_low", turn.lang)
    return [Reply(text)]


async def _walk(turn: Turn, checkin: Checkin, action: str) -> list[Reply]:
    lang, zone = turn.lang, turn.zone
    day = local_now(checkin.due_at, zone).date()
    if action == "snooze":
        due = turn.now + SNOOZE
        await repo.plan_checkin(
            turn.session,
            user_id=turn.user.telegram_id,
            journey_id=checkin.journey_id,
            kind=CheckinKind.WALK_SNOOZE,
            due_at=due,
            local_time=None,
            now=turn.now,
        )
        return [Reply(say("ci.snoozed", lang, time=format_local_time(due, zone)))]
    if action not in ("walked", "skip"):
        return [Reply(say("fallback.stale_button", lang))]
    status = WalkStatus.WALKED if action == "walked" else WalkStatus.SKIPPED
    await repo.record_walk(
        turn.session, user_id=turn.user.telegram_id, day=day, status=status, now=turn.now
    )
    if status == WalkStatus.SKIPPED:
        return [Reply(say("ci.walk_skipped", lang))]
    walked = set(
        await repo.walked_days(
            turn.session, user_id=turn.user.telegram_id, since=day - timedelta(days=60)
        )
    )
    streak = walk_streak(walked, day)
    text = say("ci.walked", lang, streak=streak) if streak > 1 else say("ci.walked_first", lang)
    if day.weekday() == 6:  # Sunday: the week in one line
        text += "\n" + say("ci.week_summary", lang, count=walks_this_week(walked, day))
    return [Reply(text)]


async def _reentry(turn: Turn, action: str) -> list[Reply]:
    lang = turn.lang
    if action == "feedback":
        return await feedback.show_feedback(turn)
    if action == "tailor":
        journey = await repo.latest_journey(turn.session, turn.user.telegram_id)
        if journey is None:
            return [Reply(say("journey.none", lang))]
        view = await service.load_view(turn, journey)
        return [Reply(PROMPTS["tailor"].question(Ctx(view, turn.now, turn.default_zone)))]
    if action == "addopt":
        return await options.ask_company(turn)
    if action == "walk":
        return [Reply(say("ci.walk_now", lang))]
    return [Reply(say("fallback.stale_button", lang))]


async def _feedback(turn: Turn, checkin: Checkin, action: str) -> list[Reply]:
    lang = turn.lang
    if action == "replied" and checkin.journey_id is not None:
        await start_flow(turn, FLOW_FEEDBACK_REPLY, checkin.journey_id)
        return [Reply(say("ci.ask_reply", lang))]
    if action == "notyet" and checkin.journey_id is not None:
        answers = await repo.journey_answers(turn.session, checkin.journey_id)
        if answers.get("fb_followups"):
            return [Reply(say("ci.stop_asking", lang))]
        due = add_working_days(turn.now, FEEDBACK_FOLLOWUP_WORKING_DAYS, turn.zone, MORNING)
        await repo.save_answer(
            turn.session, journey_id=checkin.journey_id, key="fb_followups", value="1", now=turn.now
        )
        await repo.plan_checkin(
            turn.session,
            user_id=turn.user.telegram_id,
            journey_id=checkin.journey_id,
            kind=CheckinKind.FEEDBACK_FOLLOWUP,
            due_at=due,
            local_time=MORNING.strftime("%H:%M"),
            now=turn.now,
        )
        return [Reply(say("ci.ask_again", lang, when=format_local(due, turn.zone, lang)))]
    if action == "noreply":
        return [Reply(say("ci.no_reply", lang))]
    return [Reply(say("fallback.stale_button", lang))]


async def _reply_typed(turn: Turn, text: str, journey_id: str) -> list[Reply]:
    """Store what the employer replied as a reflection."""
    lang = turn.lang
    await end_flow(turn)
    cleaned = text.strip()[:MAX_ANSWER_CHARS]
    journey = await turn.session.get(Journey, int(journey_id)) if journey_id.isdigit() else None
    if not cleaned or journey is None or journey.user_id != turn.user.telegram_id:
        return [Reply(say("ci.reply_skipped", lang))]
    await repo.save_answer(
        turn.session, journey_id=journey.id, key="fb_reply", value=cleaned, now=turn.now
    )
    return [Reply(say("ci.reply_saved", lang))]


async def _reply_skipped(turn: Turn, _journey_id: str) -> list[Reply]:
    await end_flow(turn)
    return [Reply(say("ci.reply_skipped", turn.lang))]


FLOWS = (SideFlow(FLOW_FEEDBACK_REPLY, answer=_reply_typed, skip=_reply_skipped),)


def checkin_handlers() -> list[BaseHandler[Update, Context, None]]:
    """The buttons of check-in messages; a redelivered press shows the current prompt."""
    return [
        CallbackQueryHandler(
            turn_handler(press, replay=service.resume), pattern=Route.CHECKIN.pattern
        )
    ]
