"""Telegram handlers for the journey and /options: parse the update, call the service inside
one unit of work (`respond`), and let the pipeline send what it returned."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from core.journey.model import Back, LocationInput, Skip, TextInput
from core.replies import Reply
from handlers import checkins, options, reminders
from handlers.context import Context, HandlerCallback, services_of
from handlers.journey import service
from handlers.pipeline import Action, Turn, respond

ZoneAction = Callable[[Turn, str], Awaitable[Sequence[Reply]]]


def _zone(context: Context) -> str:
    return services_of(context).settings.default_timezone


def _grief_hour(context: Context) -> float:
    return services_of(context).settings.test_grief_hour_seconds


def _resume_in(zone: str) -> Action:
    """Replay for a redelivered update that changes state: show the current prompt again."""

    async def again(turn: Turn) -> Sequence[Reply]:
        return await service.resume(turn, zone)

    return again


async def _side_flow(turn: Turn, text: str | None, zone: str) -> Sequence[Reply] | None:
    """Give text (None: /skip) to the side conversation waiting for it, if there is one."""
    flow = turn.user.flow
    if options.in_flow(flow):
        return await options.continue_flow(turn, text)
    if checkins.in_flow(flow):
        return await checkins.continue_flow(turn, text)
    if reminders.in_flow(flow):
        return await reminders.continue_flow(turn, text, zone)
    return None


def _command(action: ZoneAction, *, idempotent: bool = True) -> HandlerCallback:
    """A command handler running `action` in one unit of work."""

    async def callback(update: Update, context: Context) -> None:
        zone = _zone(context)

        async def run(turn: Turn) -> Sequence[Reply]:
            return await action(turn, zone)

        await respond(update, context, run, replay=None if idempotent else _resume_in(zone))

    callback.__doc__ = action.__doc__
    return callback


async def _navigate_back(turn: Turn, zone: str) -> Sequence[Reply]:
    """/back: the previous prompt, to change that answer."""
    return await service.navigate(turn, zone, Back())


async def _navigate_skip(turn: Turn, zone: str) -> Sequence[Reply]:
    """/skip: leave this prompt unanswered and go on (or cancel a side conversation)."""
    side = await _side_flow(turn, None, zone)
    if side is not None:
        return side
    return await service.navigate(turn, zone, Skip())


async def _options(turn: Turn, zone: str) -> Sequence[Reply]:
    """/options: the employers you're talking to."""
    return await options.overview(turn)


async def on_text(update: Update, context: Context) -> None:
    """A text answer: to the /options side conversation if one waits, else to the journey."""
    message = update.effective_message
    text = message.text if message is not None and message.text is not None else ""
    zone = _zone(context)

    async def run(turn: Turn) -> Sequence[Reply]:
        side = await _side_flow(turn, text, zone)
        if side is not None:
            return side
        return await service.handle(
            turn, zone, TextInput(text), grief_hour_seconds=_grief_hour(context)
        )

    await respond(update, context, run, replay=_resume_in(zone))


async def on_location(update: Update, context: Context) -> None:
    """A shared location: used to find the user's time zone."""
    message = update.effective_message
    if message is None or message.location is None:
        return
    event = LocationInput(message.location.latitude, message.location.longitude)
    zone = _zone(context)

    async def run(turn: Turn) -> Sequence[Reply]:
        return await service.handle(turn, zone, event)

    await respond(update, context, run, replay=_resume_in(zone))


async def on_journey_button(update: Update, context: Context) -> None:
    """A button of a journey prompt (or an old one)."""
    data = update.callback_query.data if update.callback_query else None
    zone = _zone(context)

    async def run(turn: Turn) -> Sequence[Reply]:
        return await service.press(turn, zone, data or "", grief_hour_seconds=_grief_hour(context))

    await respond(update, context, run, replay=_resume_in(zone))


async def on_journal_button(update: Update, context: Context) -> None:
    """Another page of /journal."""
    data = update.callback_query.data if update.callback_query else None
    page = int((data or "jr:0").split(":")[1])
    zone = _zone(context)

    async def run(turn: Turn) -> Sequence[Reply]:
        return await service.journal(turn, zone, page)

    await respond(update, context, run)


async def on_checkin_button(update: Update, context: Context) -> None:
    """A button of a check-in message."""
    data = update.callback_query.data if update.callback_query else ""
    zone = _zone(context)

    async def run(turn: Turn) -> Sequence[Reply]:
        return await checkins.press(turn, zone, data or "")

    await respond(update, context, run, replay=_resume_in(zone))


async def on_options_button(update: Update, context: Context) -> None:
    """A button of /options."""
    data = update.callback_query.data if update.callback_query else ""

    async def run(turn: Turn) -> Sequence[Reply]:
        return await options.press(turn, data or "")

    async def again(turn: Turn) -> Sequence[Reply]:
        return await options.overview(turn)

    await respond(update, context, run, replay=again)


def journey_handlers() -> list[BaseHandler[Update, Context, None]]:
    """Commands, buttons and answers of the journey and /options."""
    private = filters.ChatType.PRIVATE
    message = filters.UpdateType.MESSAGE
    commands: list[tuple[str, HandlerCallback]] = [
        ("start", _command(service.start)),
        ("new", _command(service.new, idempotent=False)),
        ("resume", _command(service.resume)),
        ("back", _command(_navigate_back, idempotent=False)),
        ("skip", _command(_navigate_skip, idempotent=False)),
        ("pause", _command(service.pause)),
        ("steps", _command(service.steps)),
        ("journal", _command(service.journal)),
        ("options", _command(_options)),
        ("feedback", _command(service.feedback)),
    ]
    handlers: list[BaseHandler[Update, Context, None]] = [
        CommandHandler(name, callback, filters=private & message) for name, callback in commands
    ]
    handlers += [
        CallbackQueryHandler(on_journey_button, pattern=r"^j:"),
        CallbackQueryHandler(on_journal_button, pattern=r"^jr:\d{1,4}$"),
        CallbackQueryHandler(on_options_button, pattern=r"^o:"),
        CallbackQueryHandler(on_checkin_button, pattern=r"^c:"),
        MessageHandler(filters.TEXT & ~filters.COMMAND & private & message, on_text),
        MessageHandler(filters.LOCATION & private & message, on_location),
    ]
    return handlers
