"""/help (and the help text); /start lives with the journey it begins."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler

from core.commands import help_text
from core.replies import Reply
from handlers.context import Context
from handlers.pipeline import Turn, respond


async def show_help(turn: Turn) -> Sequence[Reply]:
    """Explain what the bot does and list every command."""
    return [Reply(help_text(turn.user.language_code))]


async def help_command(update: Update, context: Context) -> None:
    """List what the bot can do."""
    await respond(update, context, show_help)


def start_handlers() -> list[BaseHandler[Update, Context, None]]:
    """Handler for /help."""
    return [CommandHandler("help", help_command)]
