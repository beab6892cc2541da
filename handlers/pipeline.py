"""One update, one unit of work: record it, run the step logic, commit, then reply.

Every handler goes through `respond` (usually built with `turn_handler`), which is what makes
"nothing is lost on a crash" hold: the answer and the state it changes are committed together
before any reply is sent, and an update Telegram delivers again after a crash is recognised by
its id.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram import User as TelegramUser
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, filters

from core import metrics
from core.callbacks import Route
from core.replies import Reply, combine, reply_to_json, safe_text
from core.status import OutboxKind
from handlers.context import (
    Context,
    ConversationSettings,
    HandlerCallback,
    Services,
    services_of,
)
from handlers.outbox import LEASE
from models import outbox_store
from models.errors import is_transient, retry_while_unavailable
from models.repository import claim_update, touch_user
from models.users import User

logger = logging.getLogger(__name__)

# A busy or unreachable database is retried with growing pauses (up to TRANSIENT_RETRY_SECONDS).
RETRY_FIRST_DELAY = 0.25
RETRY_MAX_DELAY = 15.0


class StorageUnavailableError(Exception):
    """The database stayed unavailable for the whole retry window: the update is left
    unacknowledged (polling fetches it again, a webhook answers 500) and nobody is told sorry."""


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
        """The language the bot speaks with the user (their /language choice, else Telegram's)."""
        return self.user.language or self.user.language_code


Action = Callable[[Turn], Awaitable[Sequence[Reply]]]


async def respond(
    update: Update, context: Context, action: Action, *, replay: Action | None = None
) -> bool:
    """Run `action` in one transaction with the user's row locked, then send its replies.

    When Telegram delivers an update that an earlier run already committed (the process died
    before acknowledging it), `replay` runs instead, so nothing is applied twice; without a
    `replay`, the action is taken to be idempotent and runs again.

    Returns True when this was the update's first handling (its answer is new); False for a
    redelivery whose answer was already committed, or an update without a user or chat.
    """
    user = update.effective_user
    chat = update.effective_chat
    if user is None or chat is None:
        return False
    services = services_of(context)
    redelivered = False

    def already_handled() -> None:
        nonlocal redelivered
        redelivered = True

    def retrying(error: BaseException, delay: float) -> None:
        # Not acknowledged, no apology: the same update is tried again, in order.
        logger.warning(
            "update %s: storage unavailable (%s); retrying in %.1f s",
            update.update_id,
            type(error).__name__,
            delay,
        )

    try:
        outgoing, queued = await retry_while_unavailable(
            lambda: _unit_of_work(update, user, chat.id, services, action, replay, already_handled),
            window=services.settings.transient_retry_seconds,
            first_delay=RETRY_FIRST_DELAY,
            max_delay=RETRY_MAX_DELAY,
            on_retry=retrying,
        )
    except Exception as exc:
        if is_transient(exc):
            raise StorageUnavailableError from exc
        raise
    if redelivered:
        metrics.note_redelivered()
    # The button's spinner stops while the reply is on its way (one round trip, not two).
    answering = (
        asyncio.ensure_future(update.callback_query.answer())
        if update.callback_query is not None
        else None
    )
    try:
        await _send_replies(context, chat.id, update.update_id, outgoing, queued)
    finally:
        if answering is not None:
            await answering
    return not redelivered


async def _send_replies(
    context: Context,
    chat_id: int,
    update_id: int,
    outgoing: list[outbox_store.Outgoing],
    queued: bool,
) -> None:
    if queued:
        # The replies queued behind older messages of the chat still on their way: they
        # follow as soon as those are through.
        context.bot_data.outbox.queued(chat_id)
        return
    try:
        await context.bot_data.outbox.deliver(outgoing)
    except Exception as exc:
        if not is_transient(exc):
            raise
        # The unit of work is committed and its replies are outbox rows: storage that became
        # busy or unreachable after the commit (say while a sent reply is being marked sent)
        # only delays what is left, which the flush job sends. No apology: its "please try
        # that again" would make the user repeat an answer that was already taken, and the
        # repeat would be read as the answer to the next question.
        logger.warning(
            "update %s: handled, but its replies could not be settled (%s); left to the outbox",
            update_id,
            type(exc).__name__,
        )


async def _unit_of_work(
    update: Update,
    user: TelegramUser,
    chat_id: int,
    services: Services,
    action: Action,
    replay: Action | None,
    redelivered: Callable[[], None] = lambda: None,
) -> tuple[list[outbox_store.Outgoing], bool]:
    """Record the update, lock the user, run the step logic and store its replies, in one
    transaction. Returns the outbox rows it claimed, to send right after it committed, and
    whether replies were stored but queued behind older messages of the chat instead.
    `redelivered` is called when an earlier run had already committed the update."""
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
            first_name=safe_text(user.first_name) if user.first_name else None,
            settings=services.settings,
            update_id=update.update_id,
            text=safe_text(message.text or message.caption or "") or None
            if message is not None
            else None,
            data=update.callback_query.data if update.callback_query is not None else None,
            location=(location.latitude, location.longitude) if location is not None else None,
        )
        if first_delivery:
            replies = await action(turn)
        else:
            logger.info("update %s was already handled; replaying its answer", update.update_id)
            redelivered()
            replies = await (replay or action)(turn)
            if await outbox_store.answered(session, update.update_id):
                replies = []  # its replies were committed with it: they are sent, or will be
        # The replies are committed with the state they belong to: a failed send (or a crash
        # right after the commit) only delays them. Sent right away unless older ones wait.
        outgoing = await outbox_store.enqueue(
            session,
            chat_id=chat_id,
            kind=OutboxKind.REPLY,
            # An acknowledgement and the next question go as one message where they fit.
            payloads=[reply_to_json(reply) for reply in combine(replies)],
            now=now,
            lease=LEASE,
            update_id=update.update_id,
        )
    return outgoing, bool(replies) and not outgoing


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
