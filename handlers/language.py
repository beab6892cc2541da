"""/language: the language the bot speaks (buttons with each language's own name, or typed).

Button data "lang:<code>" (`core.callbacks`); a typed answer comes through the side flow
"language". The choice is stored per user (`users.language`) and used from the next reply on.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler

from core.callbacks import Route, decode, encode
from core.parsing import match_choice
from core.replies import Button, Reply
from core.texts.catalogue import say
from core.texts.languages import LANGUAGES, is_supported, language_for
from handlers.context import Context
from handlers.flows import SideFlow, end_flow, leave_as_is, start_flow
from handlers.pipeline import Turn, command_with_buttons
from models import repository as repo

FLOW_LANGUAGE = "language"
BUTTONS_PER_ROW = 2


def _language_buttons() -> tuple[tuple[Button, ...], ...]:
    buttons = [Button(name, encode(Route.LANGUAGE, code)) for code, name in LANGUAGES.items()]
    return tuple(
        tuple(buttons[i : i + BUTTONS_PER_ROW]) for i in range(0, len(buttons), BUTTONS_PER_ROW)
    )


async def ask_language(turn: Turn) -> list[Reply]:
    """/language: which language the bot should speak."""
    await start_flow(turn, FLOW_LANGUAGE)
    return [Reply(say("language.ask", turn.lang), _language_buttons())]


async def show_language(turn: Turn) -> list[Reply]:
    """The language as it stands (a redelivered button press)."""
    return [Reply(say("language.set", turn.lang))]


async def _set_language(turn: Turn, code: str) -> list[Reply]:
    await repo.set_language(turn.session, user_id=turn.user.telegram_id, language=code)
    turn.user.language = code
    await end_flow(turn, FLOW_LANGUAGE)
    return [Reply(say("language.set", code))]


async def press_language(turn: Turn) -> list[Reply]:
    """A /language button."""
    pressed = decode(turn.data, Route.LANGUAGE, 1)
    if pressed is not None and is_supported(pressed.fields[0]):
        return await _set_language(turn, pressed.fields[0])
    return [Reply(say("fallback.stale_button", turn.lang))]


# Typed answers: a language's own name, its code, or its English name.
_TYPED: tuple[tuple[str, str], ...] = (
    *LANGUAGES.items(),
    *((code, code.split("_")[0]) for code in LANGUAGES),
    ("en", "english"),
    ("es", "spanish"),
    ("de", "german"),
    ("fr", "french"),
    ("pt_BR", "portuguese"),
    ("pt_BR", "português"),
    ("ru", "russian"),
    ("ru", "russkiy"),
)


async def _language_typed(turn: Turn, text: str, _argument: str) -> list[Reply]:
    code = match_choice(text, _TYPED)
    if code is None:
        guess = language_for(text)
        code = guess if text.strip().casefold()[:2] == guess[:2].casefold() else None
    if code is None:
        return [Reply(say("language.ask", turn.lang), _language_buttons())]
    return await _set_language(turn, code)


FLOWS = (SideFlow(FLOW_LANGUAGE, answer=_language_typed, skip=leave_as_is("language.kept")),)


def language_handlers() -> list[BaseHandler[Update, Context, None]]:
    """/language and its buttons; typed answers reach FLOWS through the text handler."""
    return command_with_buttons(
        "language", ask=ask_language, press=press_language, route=Route.LANGUAGE, show=show_language
    )
