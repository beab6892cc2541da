"""Telegram handlers for the journey: commands, prompt buttons, typed answers and shared
locations. Each runs a service function in one unit of work (`turn_handler`); typed text and
/skip go first to a side conversation if one waits (`SIDE_FLOWS`)."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from core.callbacks import Route
from core.journey.model import Back, LocationInput, Skip, TextInput
from core.replies import Reply
from handlers import checkins, feedback, language, options, quiet, timezone, walk
from handlers.context import Context
from handlers.flows import SideFlow, route_to_flow
from handlers.journey import service
from handlers.pipeline import Turn, turn_handler

# Every side conversation that waits for typed text, whichever command started it.
SIDE_FLOWS: tuple[SideFlow, ...] = (
    *options.FLOWS,
    *checkins.FLOWS,
    *timezone.FLOWS,
    *quiet.FLOWS,
    *language.FLOWS,
    *walk.FLOWS,
    *feedback.FLOWS,
)


async def go_back(turn: Turn) -> Sequence[Reply]:
    """/back: the previous prompt, to change that answer."""
    return await service.navigate(turn, Back())


async def skip(turn: Turn) -> Sequence[Reply]:
    """/skip: leave this prompt unanswered and go on (or leave a side conversation)."""
    side = await route_to_flow(turn, SIDE_FLOWS, None)
    if side is not None:
        return side
    return await service.navigate(turn, Skip())


async def answer_text(turn: Turn) -> Sequence[Reply]:
    """A typed answer: to the side conversation if one waits, else to the journey's prompt."""
    text = turn.text or ""
    side = await route_to_flow(turn, SIDE_FLOWS, text)
    if side is not None:
        return side
    return await service.handle(turn, TextInput(text))


async def answer_location(turn: Turn) -> Sequence[Reply]:
    """A shared location: used to find the user's time zone."""
    if turn.location is None:
        return []
    return await service.handle(turn, LocationInput(*turn.location))


def journey_handlers() -> list[BaseHandler[Update, Context, None]]:
    """Commands, buttons and answers of the journey.

    A redelivered update that changes state shows the current prompt again (`replay`).
    """
    private = filters.ChatType.PRIVATE
    message = filters.UpdateType.MESSAGE
    resume = service.resume
    commands = [
        ("start", turn_handler(service.start)),
        ("new", turn_handler(service.new, replay=resume)),
        ("resume", turn_handler(resume)),
        ("back", turn_handler(go_back, replay=resume)),
        ("skip", turn_handler(skip, replay=resume)),
        ("pause", turn_handler(service.pause)),
        ("steps", turn_handler(service.steps)),
        ("journal", turn_handler(service.journal)),
    ]
    handlers: list[BaseHandler[Update, Context, None]] = [
        CommandHandler(name, callback, filters=private & message) for name, callback in commands
    ]
    handlers += [
        CallbackQueryHandler(
            turn_handler(service.press, replay=resume), pattern=Route.JOURNEY.pattern
        ),
        CallbackQueryHandler(
            turn_handler(service.next_journal_page), pattern=rf"{Route.JOURNAL.pattern}\d{{1,4}}$"
        ),
        MessageHandler(
            filters.TEXT & ~filters.COMMAND & private & message,
            turn_handler(answer_text, replay=resume),
        ),
        MessageHandler(
            filters.LOCATION & private & message, turn_handler(answer_location, replay=resume)
        ),
    ]
    return handlers
