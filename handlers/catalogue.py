"""Every sentence the bot says, keyed, so it can be reviewed and translated without touching
logic. Use `say(key, **values)`; values are inserted with str.format."""

from __future__ import annotations

EN: dict[str, str] = {
    # Commands, shown by /help and in Telegram's command menu.
    "command.start": "Begin, or see where you are",
    "command.help": "What I can do and every command",
    # First contact.
    "start.welcome": (
        "Hi {name}, I'm Bounce Back. 💛\n\n"
        "Hearing “no” after an interview hurts, and it says less about you than it feels like "
        "right now. I'll walk with you through ten short steps to recover and get moving "
        "again: a few questions at a time, at your pace, and I'll remember what you tell me.\n\n"
        "Send /help any time to see everything I can do."
    ),
    "start.welcome_back": (
        "Welcome back, {name}. 💛 I still have everything you told me.\n\n"
        "Send /help to see what I can do."
    ),
    "help.intro": (
        "I'm Bounce Back, a coach for the days after a job interview didn't work out. "
        "I guide you through ten recovery steps and check in with you at the times you choose."
    ),
    "help.commands_title": "Commands:",
    # Inputs the bot can't use.
    "fallback.unknown_command": (
        "I don't know the command {command}. Send /help to see the ones I understand."
    ),
    "fallback.sticker": (
        "Nice sticker! 🙂 I can only read words, though. Send /help to see what I can do."
    ),
    "fallback.photo": (
        "Thanks for the picture. I can't look at images, so tell me in words, or send /help."
    ),
    "fallback.voice": (
        "I can't listen to voice or video messages yet. Could you type it instead? "
        "A few words are plenty."
    ),
    "fallback.document": (
        "I can't open files, but I'd love to hear it in a message. Send /help to see what I can do."
    ),
    "fallback.edited": (
        "I noticed you edited a message. I keep what you sent first, so if something changed, "
        "just send it again."
    ),
    "fallback.other": (
        "I can only work with text messages and buttons. Send /help to see what I can do."
    ),
    "fallback.text": "I'm here. Send /start to begin, or /help to see everything I can do.",
    "fallback.stale_button": (
        "That button belongs to an older message and no longer does anything. "
        "Send /help to see what I can do."
    ),
    # Something broke on our side.
    "error.generic": (
        "Sorry, something went wrong on my side. Nothing you told me before is lost; "
        "please try that again in a moment."
    ),
    "name.fallback": "there",
}

CATALOGUES: dict[str, dict[str, str]] = {"en": EN}


def say(key: str, /, language: str | None = None, **values: object) -> str:
    """The text for `key` in `language` (falling back to English), with values filled in."""
    catalogue = CATALOGUES.get((language or "en")[:2], EN)
    template = catalogue.get(key, EN[key])
    return template.format(**values) if values else template
