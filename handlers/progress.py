"""/progress: the journey as a picture (mood, walks, employers, steps) with the same in words;
and the planning of the weekly recap check-in that sends the same picture on Sunday evenings.

Read-only: the snapshot is taken in this unit of work and the picture is drawn when the
message is sent (`handlers.sending`), off the event loop.
"""

from __future__ import annotations

from collections.abc import Sequence

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, filters

from core.progress import caption
from core.replies import Reply
from core.rules import next_recap
from core.status import CheckinKind, CheckinStatus
from handlers.context import Context
from handlers.pipeline import Turn, turn_handler
from models import repository as repo
from models.progress import progress_snapshot


async def show_progress(turn: Turn) -> Sequence[Reply]:
    """/progress: a picture of the journey so far, its caption saying the same in words."""
    snapshot = await progress_snapshot(
        turn.session,
        user_id=turn.user.telegram_id,
        language=turn.lang,
        zone=turn.zone,
        now=turn.now,
    )
    return [Reply(caption(snapshot), picture=snapshot.to_json())]


async def plan_recap(turn: Turn, journey_id: int) -> None:
    """Plan the journey's weekly recap: next Sunday evening, outside the user's quiet hours."""
    user = turn.user
    due, at = next_recap(turn.now, turn.zone, user.quiet_start, user.quiet_end)
    await repo.plan_checkin(
        turn.session,
        user_id=user.telegram_id,
        journey_id=journey_id,
        kind=CheckinKind.WEEKLY_RECAP,
        due_at=due,
        local_time=at,
        now=turn.now,
    )


async def move_recap(turn: Turn) -> None:
    """The user's zone or quiet hours changed: their pending recap moves to Sunday evening
    in the zone, outside the quiet hours, as they are now (a paused one stays paused)."""
    user = turn.user
    due, at = next_recap(turn.now, turn.zone, user.quiet_start, user.quiet_end)
    for checkin in await repo.upcoming_checkins(turn.session, user.telegram_id):
        if checkin.kind == CheckinKind.WEEKLY_RECAP and checkin.status == CheckinStatus.PENDING:
            checkin.due_at, checkin.local_time, checkin.updated_at = due, at, turn.now


def progress_handlers() -> list[BaseHandler[Update, Context, None]]:
    """/progress in private chats."""
    private_message = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    return [CommandHandler("progress", turn_handler(show_progress), filters=private_message)]
