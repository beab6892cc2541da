"""/help: what the bot is for and every command (/start lives with the journey it begins)."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler

from core.commands import help_texts
from core.replies import Reply
from handlers.context import Context
from handlers.pipeline import Turn, turn_handler


async def show_help(turn: Turn) -> Sequence[Reply]:
    """Explain what the bot does and list every command."""
    return [Reply(text) for text in help_texts(turn.lang)]


def help_handlers() -> list[BaseHandler[Update, Context, None]]:
    """Handler for /help."""
    return [CommandHandler("help", turn_handler(show_help))]
