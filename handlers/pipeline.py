"""One update, one unit of work: record it, run the step logic, commit, then reply.

Every handler goes through `respond` (usually built with `turn_handler`), which is what makes
"nothing is lost on a crash" hold: the answer and the state it changes are committed together
before any reply is sent, and an update Telegram delivers again after a crash is recognised by
its id.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, filters

from core.callbacks import Route
from core.replies import Reply
from handlers.context import Context, ConversationSettings, HandlerCallback, services_of
from handlers.sending import send_replies
from models.repository import claim_update, touch_user
from models.users import User

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Turn:
    """What step logic gets for one update: the open session, the user, the time and the input."""

    session: AsyncSession
    user: User
    now: datetime
    first_name: str | None
    settings: ConversationSettings
    update_id: int
    # The input: a message's text (or a caption), a pressed button's data, a shared location.
    text: str | None = None
    data: str | None = None
    location: tuple[float, float] | None = None

    @property
    def zone(self) -> str:
        """The user's own time zone, or the bot's default until they tell us theirs."""
        return self.user.timezone or self.settings.default_timezone

    @property
    def default_zone(self) -> str:
        """The bot's default time zone (for the engine, which resolves the user's itself)."""
        return self.settings.default_timezone

    @property
    def lang(self) -> str | None:
        """The user's language code."""
        return self.user.language_code


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
    message = update.effective_message
    location = message.location if message is not None else None
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
        turn = Turn(
            session=session,
            user=stored_user,
            now=now,
            first_name=user.first_name,
            settings=services.settings,
            update_id=update.update_id,
            text=(message.text or message.caption) if message is not None else None,
            data=update.callback_query.data if update.callback_query is not None else None,
            location=(location.latitude, location.longitude) if location is not None else None,
        )
        if first_delivery:
            replies = await action(turn)
        else:
            logger.info("update %s was already handled; replaying its answer", update.update_id)
            replies = await (replay or action)(turn)
    if update.callback_query is not None:
        await update.callback_query.answer()
    await send_replies(context.bot, chat.id, replies)


def turn_handler(action: Action, *, replay: Action | None = None) -> HandlerCallback:
    """A Telegram callback that runs `action` in one unit of work (see `respond`).

    Give `replay` for an action that changes state: a redelivered update runs it instead.
    """

    async def callback(update: Update, context: Context) -> None:
        await respond(update, context, action, replay=replay)

    callback.__doc__ = action.__doc__
    return callback


def command_with_buttons(
    command: str, *, ask: Action, press: Action, route: Route, show: Action
) -> list[BaseHandler[Update, Context, None]]:
    """A command in private chats that shows or asks something, and the buttons it offers.

    `press` handles the buttons (data routed by `route`); a redelivered press only `show`s
    where things stand, so nothing is applied twice.
    """
    private_message = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    return [
        CommandHandler(command, turn_handler(ask), filters=private_message),
        CallbackQueryHandler(turn_handler(press, replay=show), pattern=route.pattern),
    ]
