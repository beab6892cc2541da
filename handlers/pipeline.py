"""One update, one unit of work: record it, run the step logic, commit, then reply.

Every handler goes through `respond`, which is what makes "nothing is lost on a crash" hold:
the answer and the state it changes are committed together before any reply is sent, and an
update Telegram delivers again after a crash is recognised by its id.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update

from core.replies import Reply
from handlers.context import Context, services_of
from handlers.sending import send_replies
from models.repository import claim_update, touch_user
from models.users import User

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Turn:
    """What step logic gets for one update: the open session, the user and the time."""

    session: AsyncSession
    user: User
    now: datetime
    first_name: str | None


Action = Callable[[Turn], Awaitable[Sequence[Reply]]]


async def respond(
    update: Update, context: Context, action: Action, *, replay: Action | None = None
) -> None:
    """Run `action` in one transaction with the user's row locked, then send its replies.

    When Telegram delivers an update that an earlier run already committed (the process died
    before acknowledging it), `replay` runs instead, so nothing is applied twice; without a
    `replay`, the action is taken to be idempotent and runs again.
    """
    user = update.effective_user
    chat = update.effective_chat
    if user is None or chat is None:
        return
    services = services_of(context)
    now = services.clock.now()
    async with services.sessionmaker.begin() as session:
        first_delivery = await claim_update(session, update_id=update.update_id, now=now)
        # The upsert locks the user's row until commit: two updates of one user never
        # interleave their writes, even on two replicas.
        stored_user = await touch_user(
            session,
            telegram_id=user.id,
            language_code=user.language_code,
            now=now,
            quiet_hours=services.settings.quiet_hours,
        )
        turn = Turn(session=session, user=stored_user, now=now, first_name=user.first_name)
        if first_delivery:
            replies = await action(turn)
        else:
            logger.info("update %s was already handled; replaying its answer", update.update_id)
            replies = await (replay or action)(turn)
    if update.callback_query is not None:
        await update.callback_query.answer()
    await send_replies(context.bot, chat.id, replies)
