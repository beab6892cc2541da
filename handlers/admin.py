"""/stats for ADMIN_USER_IDS: counts only, never what anyone wrote. Anyone else gets the
ordinary unknown-command reply, with no hint that the command exists."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, filters

from core.journey.steps import PROMPTS, STEP_TITLES
from core.replies import Reply
from core.status import OPEN_JOURNEY, CheckinStatus, JourneyStatus, OutboxStatus
from core.texts.catalogue import say
from handlers.context import Context
from handlers.pipeline import Turn, turn_handler
from models import outbox_store
from models import repository as repo

STATS_WINDOW = timedelta(hours=24)


async def stats_text(turn: Turn) -> str:
    """Users, active journeys, the ten-step funnel, check-ins of the last 24 hours."""
    lang = turn.lang
    numbers = await repo.bot_numbers(turn.session, since=turn.now - STATS_WINDOW)
    outbox = await outbox_store.counts(turn.session)
    active = 0
    reached = dict.fromkeys(STEP_TITLES, 0)
    for (prompt, status), count in numbers.journeys.items():
        if status in OPEN_JOURNEY:
            active += count
        step = (
            10
            if status == JourneyStatus.COMPLETED
            else PROMPTS[prompt].step
            if prompt in PROMPTS
            else 0
        )
        for number in STEP_TITLES:
            if number <= step:
                reached[number] += count
    users, checkins = numbers.users, numbers.checkins
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
            sent=checkins.get(CheckinStatus.SENT, 0),
            failed=checkins.get(CheckinStatus.FAILED, 0),
            dropped=checkins.get(CheckinStatus.DROPPED, 0),
        ),
        say("stats.quarantined", lang, count=await repo.count_quarantined(turn.session)),
        say(
            "stats.outbox",
            lang,
            pending=outbox.get(OutboxStatus.PENDING, 0),
            failed=outbox.get(OutboxStatus.FAILED, 0),
            twice=await outbox_store.maybe_twice(turn.session),
        ),
    ]
    return "\n".join(lines)


async def stats(turn: Turn) -> Sequence[Reply]:
    """/stats: the numbers to an admin; to anyone else it looks like an unknown command."""
    if turn.user.telegram_id not in turn.settings.admin_user_ids:
        return [Reply(say("fallback.unknown_command", turn.lang, command="/stats"))]
    return [Reply(await stats_text(turn))]


def admin_handlers() -> list[BaseHandler[Update, Context, None]]:
    """/stats (in private chats)."""
    return [
        CommandHandler(
            "stats",
            turn_handler(stats),
            filters=filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE,
        )
    ]
