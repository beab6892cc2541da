"""What happens when a check-in's button is pressed, and the "what did they reply?" side
conversation. Runs inside the update's unit of work like everything else."""

from __future__ import annotations

from datetime import timedelta

from core.checkin_messages import PREFIX
from core.journey.steps import (
    FEEDBACK_FOLLOWUP_WORKING_DAYS,
    MAX_ANSWER_CHARS,
    MORNING,
    PROMPTS,
    Ctx,
)
from core.planner import add_working_days, format_local, format_local_time, local_now
from core.replies import Reply
from core.texts.catalogue import say
from core.walks import walk_streak, walks_this_week
from handlers import options
from handlers.journey import service
from handlers.pipeline import Turn
from models import repository as repo
from models.journeys import Checkin, Journey

FLOW_FEEDBACK_REPLY = "fb_reply:"
SNOOZE = timedelta(hours=1)


async def press(turn: Turn, zone: str, data: str) -> list[Reply]:
    """A check-in button. Only the user the check-in was for can answer it."""
    lang = turn.user.language_code
    parts = data.split(":")
    if len(parts) != 3 or parts[0] != PREFIX or not parts[1].isdigit():
        return [Reply(say("fallback.stale_button", lang))]
    checkin = await turn.session.get(Checkin, int(parts[1]))
    if checkin is None or checkin.user_id != turn.user.telegram_id:
        return [Reply(say("fallback.stale_button", lang))]
    action = parts[2]
    user_zone = turn.user.timezone or zone
    if checkin.kind in ("walk_daily", "walk_snooze"):
        return await _walk(turn, checkin, action, user_zone)
    if checkin.kind == "grief_over":
        return await _reentry(turn, checkin, action, zone)
    if checkin.kind == "feedback_followup":
        return await _feedback(turn, checkin, action, user_zone)
    if checkin.kind == "learning_goal" and action in ("done", "partly", "missed"):
        if checkin.journey_id is not None:
            await repo.save_answer(
                turn.session,
                journey_id=checkin.journey_id,
                key="goal_outcome",
                value=action,
                now=turn.now,
            )
        return [Reply(say(f"ci.goal_{action}", lang))]
    if checkin.kind == "come_back":
        if action == "resume":
            return await service.resume(turn, zone)
        await service.pause(turn, zone)
        return [Reply(say("ci.paused_nudges", lang))]
    if checkin.kind == "options_review":
        if action == "addopt":
            return await options.press(turn, "o:add")
        return await options.overview(turn)
    return [Reply(say("fallback.stale_button", lang))]


async def _walk(turn: Turn, checkin: Checkin, action: str, zone: str) -> list[Reply]:
    lang = turn.user.language_code
    day = local_now(checkin.due_at, zone).date()
    if action == "snooze":
        due = turn.now + SNOOZE
        await repo.plan_checkin(
            turn.session,
            user_id=turn.user.telegram_id,
            journey_id=checkin.journey_id,
            kind="walk_snooze",
            due_at=due,
            local_time=None,
            now=turn.now,
        )
        return [Reply(say("ci.snoozed", lang, time=format_local_time(due, zone)))]
    if action not in ("walked", "skip"):
        return [Reply(say("fallback.stale_button", lang))]
    status = "walked" if action == "walked" else "skipped"
    await repo.record_walk(
        turn.session, user_id=turn.user.telegram_id, day=day, status=status, now=turn.now
    )
    if status == "skipped":
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


async def _reentry(turn: Turn, checkin: Checkin, action: str, zone: str) -> list[Reply]:
    lang = turn.user.language_code
    if action == "feedback":
        return await service.feedback(turn, zone)
    if action == "tailor":
        journey = await repo.latest_journey(turn.session, turn.user.telegram_id)
        if journey is None:
            return [Reply(say("journey.none", lang))]
        view = await service.load_view(turn, journey)
        return [Reply(_checklist(Ctx(view, turn.now, zone)))]
    if action == "addopt":
        return await options.press(turn, "o:add")
    if action == "walk":
        return [Reply(say("ci.walk_now", lang))]
    return [Reply(say("fallback.stale_button", lang))]


def _checklist(ctx: Ctx) -> str:
    return PROMPTS["tailor"].question(ctx)


async def _feedback(turn: Turn, checkin: Checkin, action: str, zone: str) -> list[Reply]:
    lang = turn.user.language_code
    if action == "replied" and checkin.journey_id is not None:
        await repo.set_flow(
            turn.session,
            user_id=turn.user.telegram_id,
            flow=f"{FLOW_FEEDBACK_REPLY}{checkin.journey_id}",
        )
        return [Reply(say("ci.ask_reply", lang))]
    if action == "notyet" and checkin.journey_id is not None:
        answers = await repo.journey_answers(turn.session, checkin.journey_id)
        if answers.get("fb_followups"):
            return [Reply(say("ci.stop_asking", lang))]
        due = add_working_days(turn.now, FEEDBACK_FOLLOWUP_WORKING_DAYS, zone, MORNING)
        await repo.save_answer(
            turn.session, journey_id=checkin.journey_id, key="fb_followups", value="1", now=turn.now
        )
        await repo.plan_checkin(
            turn.session,
            user_id=turn.user.telegram_id,
            journey_id=checkin.journey_id,
            kind="feedback_followup",
            due_at=due,
            local_time=MORNING.strftime("%H:%M"),
            now=turn.now,
        )
        return [Reply(say("ci.ask_again", lang, when=format_local(due, zone)))]
    if action == "noreply":
        return [Reply(say("ci.no_reply", lang))]
    return [Reply(say("fallback.stale_button", lang))]


def in_flow(flow: str | None) -> bool:
    """Whether the "what did they reply?" conversation waits for text."""
    return flow is not None and flow.startswith(FLOW_FEEDBACK_REPLY)


async def continue_flow(turn: Turn, text: str | None) -> list[Reply]:
    """Store what the employer replied as a reflection (None means /skip)."""
    lang = turn.user.language_code
    flow = turn.user.flow or ""
    await repo.set_flow(turn.session, user_id=turn.user.telegram_id, flow=None)
    cleaned = (text or "").strip()[:MAX_ANSWER_CHARS]
    if not cleaned:
        return [Reply(say("ci.reply_skipped", lang))]
    journey_id = int(flow.removeprefix(FLOW_FEEDBACK_REPLY))
    journey = await turn.session.get(Journey, journey_id)
    if journey is None or journey.user_id != turn.user.telegram_id:
        return [Reply(say("ci.reply_skipped", lang))]
    await repo.save_answer(
        turn.session, journey_id=journey_id, key="fb_reply", value=cleaned, now=turn.now
    )
    return [Reply(say("ci.reply_saved", lang))]
