"""/start and /help."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler

from handlers.catalogue import say
from handlers.commands import help_text
from handlers.context import Context
from handlers.pipeline import Turn, respond
from handlers.replies import Reply


def _name(turn: Turn) -> str:
    return turn.first_name or say("name.fallback", turn.user.language_code)


async def greet(turn: Turn) -> Sequence[Reply]:
    """Welcome a new user, or welcome back one we know."""
    language = turn.user.language_code
    key = "start.welcome" if turn.user.created_at == turn.now else "start.welcome_back"
    return [Reply(say(key, language, name=_name(turn)))]


async def show_help(turn: Turn) -> Sequence[Reply]:
    """Explain what the bot does and list every command."""
    return [Reply(help_text(turn.user.language_code))]


async def start(update: Update, context: Context) -> None:
    """Register the user and greet them."""
    await respond(update, context, greet)


async def help_command(update: Update, context: Context) -> None:
    """List what the bot can do."""
    await respond(update, context, show_help)


def start_handlers() -> list[BaseHandler[Update, Context, None]]:
    """Handlers for /start and /help."""
    return [CommandHandler("start", start), CommandHandler("help", help_command)]
