"""/stats for ADMIN_USER_IDS: counts only, never what anyone wrote. Anyone else gets the
ordinary unknown-command reply, with no hint that the command exists."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import func, select
from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, filters

from core.journey.steps import PROMPTS, STEP_TITLES
from core.replies import Reply
from core.texts.catalogue import say
from handlers.context import Context, services_of
from handlers.pipeline import Turn, respond
from models.journeys import Checkin, Journey
from models.users import User

STATS_WINDOW = timedelta(hours=24)


async def stats_text(turn: Turn) -> str:
    """Users, active journeys, the ten-step funnel, check-ins of the last 24 hours."""
    session, lang = turn.session, turn.user.language_code
    users = (await session.execute(select(func.count()).select_from(User))).scalar_one()
    by_prompt = await session.execute(
        select(Journey.prompt, Journey.status, func.count()).group_by(
            Journey.prompt, Journey.status
        )
    )
    active = 0
    reached = dict.fromkeys(STEP_TITLES, 0)
    for prompt, status, count in by_prompt:
        if status in ("active", "paused"):
            active += count
        step = 10 if status == "completed" else PROMPTS[prompt].step if prompt in PROMPTS else 0
        for number in STEP_TITLES:
            if number <= step:
                reached[number] += count
    since = turn.now - STATS_WINDOW
    rows = await session.execute(
        select(Checkin.status, func.count())
        .where(Checkin.updated_at >= since, Checkin.status.in_(("sent", "failed", "dropped")))
        .group_by(Checkin.status)
    )
    checkins = {status: count for status, count in rows}
    lines = [
        say("stats.title", lang),
        say("stats.users", lang, users=users, active=active),
        "",
        say("stats.funnel", lang),
        *(f"{n:>2}. {say(STEP_TITLES[n], lang)}: {reached[n]}" for n in STEP_TITLES),
        "",
        say(
            "stats.checkins",
            lang,
            sent=checkins.get("sent", 0),
            failed=checkins.get("failed", 0),
            dropped=checkins.get("dropped", 0),
        ),
    ]
    return "\n".join(lines)


async def stats(update: Update, context: Context) -> None:
    """Show the numbers to an admin; look like an unknown command to anyone else."""
    admins = services_of(context).settings.admin_user_ids
    user = update.effective_user
    is_admin = user is not None and user.id in admins

    async def run(turn: Turn) -> Sequence[Reply]:
        if not is_admin:
            return [
                Reply(say("fallback.unknown_command", turn.user.language_code, command="/stats"))
            ]
        return [Reply(await stats_text(turn))]

    await respond(update, context, run)


def admin_handlers() -> list[BaseHandler[Update, Context, None]]:
    """/stats (in private chats)."""
    return [
        CommandHandler(
            "stats", stats, filters=filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
        )
    ]
