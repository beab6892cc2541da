"""The commands users can send, in the order /help and Telegram's menu show them."""

from __future__ import annotations

from core.texts.catalogue import say

# (command, catalogue key of its one-line description)
COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "command.start"),
    ("resume", "command.resume"),
    ("steps", "command.steps"),
    ("back", "command.back"),
    ("skip", "command.skip"),
    ("pause", "command.pause"),
    ("journal", "command.journal"),
    ("progress", "command.progress"),
    ("options", "command.options"),
    ("feedback", "command.feedback"),
    ("reminders", "command.reminders"),
    ("walk", "command.walk"),
    ("quiet", "command.quiet"),
    ("timezone", "command.timezone"),
    ("language", "command.language"),
    ("new", "command.new"),
    ("sos", "command.sos"),
    ("privacy", "command.privacy"),
    ("export", "command.export"),
    ("delete", "command.delete"),
    ("help", "command.help"),
)


def command_menu(language: str | None = None) -> list[tuple[str, str]]:
    """(command, description) pairs for setMyCommands and /help."""
    return [(name, say(key, language)) for name, key in COMMANDS]


# /help comes in two messages, each within the 700 characters a message may have: the journey,
# then reminders, safety and privacy (this command starts the second).
SECOND_HELP_GROUP = "reminders"


def help_texts(language: str | None = None) -> list[str]:
    """The /help messages: what the bot is for and every command, in two groups."""
    lines = [f"/{name} — {description}" for name, description in command_menu(language)]
    split = [name for name, _ in COMMANDS].index(SECOND_HELP_GROUP)
    first = [say("help.intro", language), "", say("help.commands_title", language), *lines[:split]]
    second = [say("help.more_title", language), *lines[split:]]
    return ["\n".join(first), "\n".join(second)]
