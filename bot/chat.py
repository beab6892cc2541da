"""`bounceback chat`: talk to the coach in a terminal, with no token and no network.

The real application (`build_application`: every handler, the pipeline, the outbox, the
check-in dispatcher) runs against its own SQLite database, with a local transport in place of
the Bot API: `TerminalRequest` prints what the bot sends and answers like Telegram would.
Each line typed becomes an update: the number or the label of a button on the newest keyboard
presses that button, anything else is a message. Check-ins are printed when they fall due;
`/clock +26h` (chat mode only) and `--speed` move the chat's clock forward.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import re
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from pydantic import SecretStr
from telegram import Update
from telegram.request import RequestData

from bot.app import app_data, build_application
from bot.local_api import LocalBotApi, bot_user, sent_message
from bot.runner import migrate_exclusively, open_database
from bot.settings import Settings
from core.clock import Clock, ScaledClock, SystemClock
from core.errors import StartupError
from core.texts.languages import ENGLISH, LANGUAGES, language_for
from handlers.context import BotApplication
from models.crypto import create_key_file
from models.db import create_sessionmaker
from scheduler.nudges import plan_come_back_nudges

logger = logging.getLogger(__name__)

DEFAULT_DATABASE = Path("data/chat.db")
# Never sent anywhere: python-telegram-bot wants a well-formed token, the transport is local.
CHAT_TOKEN = "1000000001:local-chat-no-telegram-token-needed"
BOT_USER = bot_user(1000000001, "bounceback_chat_bot")
CHAT_USER_ID = 100001
CHAT_FIRST_NAME = "Alex"
# Due check-ins are looked for this often (real seconds) at most; faster when time runs fast,
# so a walk reminder (two hours' grace) is never missed between two looks.
CHAT_DISPATCH_SECONDS = 1.0
QUIT_COMMANDS = frozenset({"/quit", "/exit"})
_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]+)?")
_JUMP = re.compile(r"\+?\s*(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?", re.IGNORECASE)

BANNER = """\
Bounce Back, in your terminal: the real coach, no Telegram and no token.
Type your answers. Numbered choices are buttons: type the number or the label.
/clock +26h moves time forward (check-ins are printed when they fall due).
Ctrl-D or /quit ends the chat; {database} keeps it for next time.
"""


# --- Buttons and updates -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Choice:
    """One button as the terminal shows it: its label and the callback data it sends."""

    label: str
    data: str


@dataclass(frozen=True, slots=True)
class Keyboard:
    """The buttons under one bot message, row after row, numbered from 1 across the rows."""

    message_id: int
    text: str
    rows: tuple[tuple[Choice, ...], ...]

    @property
    def choices(self) -> tuple[Choice, ...]:
        return tuple(choice for row in self.rows for choice in row)


@dataclass(frozen=True, slots=True)
class ChatUser:
    """The person at the terminal, as Telegram would describe them."""

    id: int = CHAT_USER_ID
    first_name: str = CHAT_FIRST_NAME
    language_code: str = ENGLISH


def keyboard_from_markup(message_id: int, text: str, markup: object) -> Keyboard | None:
    """The callback buttons of a sent message's `reply_markup` (None when it has none)."""
    if isinstance(markup, str):
        markup = json.loads(markup)
    if not isinstance(markup, dict):
        return None
    rows = tuple(
        tuple(
            Choice(str(button["text"]), str(button["callback_data"]))
            for button in row
            if isinstance(button, dict) and "callback_data" in button
        )
        for row in markup.get("inline_keyboard", [])
    )
    rows = tuple(row for row in rows if row)
    return Keyboard(message_id, text, rows) if rows else None


def pick(line: str, keyboard: Keyboard | None) -> Choice | None:
    """The button a typed line means: a label of the keyboard (exactly, ignoring case), else
    its number. A label wins: on the "0 1 2 3 4 5+" keyboard, "2" is the button "2"."""
    if keyboard is None:
        return None
    wanted = line.strip().casefold()
    choices = keyboard.choices
    for choice in choices:
        if choice.label.strip().casefold() == wanted:
            return choice
    if wanted.isdigit() and 1 <= int(wanted) <= len(choices):
        return choices[int(wanted) - 1]
    return None


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def update_for(
    line: str,
    *,
    keyboard: Keyboard | None,
    user: ChatUser,
    update_id: int,
    message_id: int,
    now: datetime,
) -> dict[str, Any]:
    """The Bot API update a typed line becomes: a button press when it names a button of the
    newest keyboard, else a private text message (a leading command marked as Telegram does)."""
    sender: dict[str, Any] = {
        "id": user.id,
        "is_bot": False,
        "first_name": user.first_name,
        "language_code": user.language_code,
    }
    chat = {"id": user.id, "type": "private", "first_name": user.first_name}
    date = int(now.timestamp())
    choice = pick(line, keyboard)
    if choice is not None and keyboard is not None:
        return {
            "update_id": update_id,
            "callback_query": {
                "id": str(update_id),
                "from": sender,
                "chat_instance": f"chat-{user.id}",
                "data": choice.data,
                "message": {
                    "message_id": keyboard.message_id,
                    "date": date,
                    "chat": chat,
                    "from": BOT_USER,
                    "text": keyboard.text,
                },
            },
        }
    message: dict[str, Any] = {
        "message_id": message_id,
        "date": date,
        "chat": chat,
        "from": sender,
        "text": line,
    }
    command = _COMMAND.match(line)
    if command is not None:
        message["entities"] = [
            {"type": "bot_command", "offset": 0, "length": _utf16_length(command.group())}
        ]
    return {"update_id": update_id, "message": message}


# --- Time ---------------------------------------------------------------------------------


class ChatClock:
    """The chat's clock: real time (or `speed` times faster), plus every /clock jump."""

    def __init__(
        self,
        speed: float = 1.0,
        *,
        ahead: timedelta = timedelta(0),
        real: Clock | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.real: Clock = real or SystemClock()
        self._base: Clock = (
            self.real if speed == 1 else ScaledClock(speed, real=self.real, monotonic=monotonic)
        )
        self._offset = ahead

    def now(self) -> datetime:
        """The chat's time, as an aware UTC datetime."""
        return self._base.now() + self._offset

    def advance(self, by: timedelta) -> None:
        """Move the clock forward by `by` from now on."""
        self._offset += by

    def ahead(self) -> timedelta:
        """How far the chat's clock is ahead of the real one (kept for the next chat)."""
        return self.now() - self.real.now()


def parse_jump(argument: str) -> timedelta | None:
    """ "+26h", "+30m", "+2d", "+1h30m" as a time to move forward; None for anything else."""
    match = _JUMP.fullmatch(argument.strip())
    if match is None or not any(match.groups()):
        return None
    days, hours, minutes = (int(part or 0) for part in match.groups())
    jump = timedelta(days=days, hours=hours, minutes=minutes)
    return jump if jump > timedelta(0) else None


def _clock_file(database: Path) -> Path:
    return database.with_suffix(".clock")


def load_ahead(database: Path) -> timedelta:
    """How far ahead an earlier chat on this database left the clock (never back in time)."""
    try:
        seconds = float(_clock_file(database).read_text(encoding="ascii"))
    except (OSError, ValueError):
        return timedelta(0)
    return timedelta(seconds=max(seconds, 0.0))


def save_ahead(database: Path, ahead: timedelta) -> None:
    """Remember how far ahead the clock is, so the next chat on this database goes on from
    there (what was stored and planned never lies in the past of a later chat)."""
    with contextlib.suppress(OSError):
        _clock_file(database).write_text(f"{max(ahead.total_seconds(), 0.0):.0f}\n", "ascii")


# --- Language and settings ----------------------------------------------------------------


def chat_language(requested: str | None, environment: str | None) -> str:
    """The Telegram language code the chat user has: `--language` if given (one of the bot's
    languages, or StartupError), else the environment's LANG when the bot speaks it, else
    English. "pt_BR" becomes "pt-br", as Telegram writes it."""
    if requested:
        base = requested.strip().replace("-", "_").split("_")[0].casefold()
        language = language_for(requested)
        if language == ENGLISH and base != ENGLISH:
            names = ", ".join(LANGUAGES)
            raise StartupError(f"no language {requested!r}; choose one of {names}")
    else:
        locale_name = (environment or "").split(".")[0].split("@")[0]
        language = language_for(locale_name)
    return language.replace("_", "-").lower()


def chat_settings(settings: Settings, database: Path, speed: float) -> Settings:
    """The bot's settings for a chat: its own SQLite file and key beside it, the local token,
    no webhook or health port, a dispatcher that looks often enough for `speed`, and no flood
    limit (a pasted script of answers is one person trying the coach, not a flood)."""
    dispatch_every = max(0.05, min(CHAT_DISPATCH_SECONDS, 1800.0 / speed))
    return settings.model_copy(
        update={
            "telegram_bot_token": SecretStr(CHAT_TOKEN),
            "database_url": f"sqlite:///{database.resolve()}",
            "encryption_key": None,
            "encryption_key_file": database.with_suffix(".key"),
            "webhook_url": None,
            "health_port": 0,
            "clock_speed": speed,
            "dispatch_interval_seconds": dispatch_every,
            "flood_max_messages": 1_000_000,
        }
    )


# --- The terminal and the local transport -------------------------------------------------


class Terminal:
    """Where the chat is shown: bot messages, the user's lines, notes; one prompt at a time."""

    def __init__(self, out: TextIO, *, interactive: bool) -> None:
        self.out = out
        self.interactive = interactive
        self.at_prompt = False

    def _write(self, text: str) -> None:
        if self.at_prompt:
            self.out.write("\n")  # a message arriving while the user is at the prompt
        self.out.write(text)
        self.out.flush()
        if self.at_prompt:
            self.out.write("> ")
            self.out.flush()

    def show(self, block: str) -> None:
        """Print a block of lines, then a blank line."""
        self._write(block.rstrip("\n") + "\n\n")

    def prompt(self) -> None:
        """Ask for the next line (in a terminal; piped input has no prompt)."""
        if self.interactive:
            self.out.write("> ")
            self.out.flush()
            self.at_prompt = True

    def typed(self, line: str) -> None:
        """What the user typed: echoed when it came from a pipe, so the output reads whole."""
        self.at_prompt = False
        if not self.interactive:
            self.out.write(f"> {line}\n")
            self.out.flush()


def render(text: str, keyboard: Keyboard | None) -> str:
    """A bot message as plain text, its buttons numbered on the lines below it."""
    lines = [text]
    number = itertools.count(1)
    for row in keyboard.rows if keyboard is not None else ():
        lines.append("  " + "   ".join(f"{next(number)}) {choice.label}" for choice in row))
    return "\n".join(lines)


class TerminalRequest(LocalBotApi):
    """A local Bot API: prints what the bot sends and answers every call as Telegram would.

    Messages sent while no typed line is being handled (check-ins, and anything the outbox
    sends later) are headed with the chat's time.
    """

    def __init__(self, terminal: Terminal, clock: Clock, pictures: Path | None = None) -> None:
        self.terminal = terminal
        self.clock = clock
        # Where pictures the bot sends are saved (the terminal can't show them).
        self.pictures = pictures
        self.busy = False  # a typed line is being handled
        self._message_ids = itertools.count(1)
        self._keyboards: dict[int, Keyboard] = {}

    def newest_keyboard(self) -> Keyboard | None:
        """The buttons of the newest message that has any."""
        return self._keyboards[max(self._keyboards)] if self._keyboards else None

    def next_message_id(self) -> int:
        """A message id not used yet in this chat (bot and user share them, as in Telegram)."""
        return next(self._message_ids)

    def answer(self, endpoint: str, params: dict[str, Any], data: RequestData | None) -> Any:
        """What Telegram would return, after showing what the bot sent."""
        if endpoint == "getMe":
            return BOT_USER
        if endpoint in ("getUpdates", "getMyCommands"):
            return []
        if endpoint == "sendMessage":
            message_id = self.next_message_id()
            self._show(message_id, str(params.get("text", "")), params.get("reply_markup"))
            return self._message(message_id, params)
        if endpoint == "editMessageText":
            message_id = int(params["message_id"])
            self._show(message_id, str(params.get("text", "")), params.get("reply_markup"))
            return self._message(message_id, params)
        if endpoint == "editMessageReplyMarkup":
            message_id = int(params["message_id"])
            old = self._keyboards.pop(message_id, None)
            self._show(message_id, old.text if old else "", params.get("reply_markup"))
            return True
        if endpoint == "sendDocument":
            message_id = self.next_message_id()
            name = self._file_name(data)
            self._print(f"[file: {name}]")
            message = self._message(message_id, params)
            message["document"] = {
                "file_id": f"chat-file-{message_id}",
                "file_unique_id": f"chat-{message_id}",
                "file_name": name,
            }
            return message
        if endpoint == "sendPhoto":
            message_id = self.next_message_id()
            self._print(f"[picture: {self._save_picture(message_id, data)}]")
            caption = str(params.get("caption", ""))
            if caption:
                self._show(message_id, caption, params.get("reply_markup"))
            message = self._message(message_id, params)
            message["photo"] = [
                {
                    "file_id": f"chat-photo-{message_id}",
                    "file_unique_id": f"chat-{message_id}",
                    "width": 800,
                    "height": 600,
                }
            ]
            return message
        return True  # answerCallbackQuery, setMyCommands, deleteWebhook, sendChatAction, …

    def _save_picture(self, message_id: int, data: RequestData | None) -> str:
        """Save a sent picture as a PNG file; where it went (or why it wasn't saved)."""
        files = (data.multipart_data or {}) if data is not None else {}
        content = next(
            (v[1] for v in files.values() if isinstance(v, tuple) and isinstance(v[1], bytes)),
            None,
        )
        if content is None or self.pictures is None:
            return "not saved"
        self.pictures.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = self.pictures / f"progress-{self.clock.now():%Y%m%d-%H%M%S}-{message_id}.png"
        path.write_bytes(content)
        return f"saved as {path}"

    @staticmethod
    def _file_name(data: RequestData | None) -> str:
        files = (data.multipart_data or {}) if data is not None else {}
        for value in files.values():
            if isinstance(value, tuple) and value and value[0]:
                return str(value[0])
        return "file"

    def _show(self, message_id: int, text: str, markup: object) -> None:
        keyboard = keyboard_from_markup(message_id, text, markup)
        if keyboard is not None:
            self._keyboards[message_id] = keyboard
        else:
            self._keyboards.pop(message_id, None)
        self._print(render(text, keyboard))

    def _print(self, block: str) -> None:
        if not self.busy:
            block = f"[{self.clock.now():%a %d %b %Y, %H:%M} UTC]\n{block}"
        self.terminal.show(block)

    def _message(self, message_id: int, params: dict[str, Any]) -> dict[str, Any]:
        chat_id, date = int(params.get("chat_id", 0)), int(self.clock.now().timestamp())
        return sent_message(message_id, chat_id, date, BOT_USER, params)


# --- The chat -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChatOptions:
    """What `bounceback chat` was asked for."""

    database: Path = DEFAULT_DATABASE
    speed: float = 1.0
    language: str = ENGLISH  # a Telegram language code


class Chat:
    """One terminal conversation with a running application."""

    def __init__(
        self,
        application: BotApplication,
        transport: TerminalRequest,
        clock: ChatClock,
        terminal: Terminal,
        user: ChatUser,
    ) -> None:
        self.application = application
        self.transport = transport
        self.clock = clock
        self.terminal = terminal
        self.user = user
        # Unique across chats on one database: handled update ids are remembered.
        self._update_ids = itertools.count(int(time.time() * 1000))

    async def handle(self, line: str) -> bool:
        """Act on one typed line; False when it ends the chat."""
        text = line.strip()
        if not text:
            return True
        self.terminal.typed(text)
        if text.casefold() in QUIT_COMMANDS:
            return False
        if text.split()[0].casefold() == "/clock":
            await self._move_clock(text.removeprefix(text.split()[0]))
            return True
        update = Update.de_json(
            update_for(
                text,
                keyboard=self.transport.newest_keyboard(),
                user=self.user,
                update_id=next(self._update_ids),
                message_id=self.transport.next_message_id(),
                now=self.clock.now(),
            ),
            self.application.bot,
        )
        self.transport.busy = True
        try:
            await self.application.process_update(update)
        finally:
            self.transport.busy = False
        return True

    async def _move_clock(self, argument: str) -> None:
        if not argument.strip():
            self.terminal.show(f"(It's {self._time()} UTC here.)")
            return
        jump = parse_jump(argument)
        if jump is None:
            self.terminal.show("(Try /clock +26h, /clock +30m or /clock +2d.)")
            return
        self.clock.advance(jump)
        self.terminal.show(
            f"(The clock moved forward {argument.strip()}: it's {self._time()} UTC.)"
        )
        await self.catch_up()

    def _time(self) -> str:
        return f"{self.clock.now():%a %d %b %Y, %H:%M}"

    async def catch_up(self) -> None:
        """Plan what the new time calls for and send the check-ins now due, right away rather
        than at the jobs' next turn."""
        data = app_data(self.application)
        sessionmaker = data.services.sessionmaker
        async with sessionmaker.begin() as session:
            await plan_come_back_nudges(session, now=self.clock.now())
        await data.dispatcher.drain()


async def _lines_from(stream: TextIO) -> asyncio.Queue[str | None]:
    """Lines of `stream` as they are typed (None at the end), read on a daemon thread: a
    terminal, a pipe and a file all work, and a blocked read never holds the exit back."""
    loop = asyncio.get_running_loop()
    lines: asyncio.Queue[str | None] = asyncio.Queue()

    def read() -> None:
        try:
            for line in stream:
                loop.call_soon_threadsafe(lines.put_nowait, line.rstrip("\r\n"))
        except (OSError, ValueError, RuntimeError):
            pass
        with contextlib.suppress(RuntimeError):  # the loop may be closed already
            loop.call_soon_threadsafe(lines.put_nowait, None)

    threading.Thread(target=read, name="chat-stdin", daemon=True).start()
    return lines


async def run_chat(
    settings: Settings,
    options: ChatOptions,
    *,
    stdin: TextIO | None = None,
    out: TextIO | None = None,
) -> int:
    """Run a terminal chat until the input ends or /quit; return the exit code."""
    stdin = stdin or sys.stdin
    out = out or sys.stdout
    database = options.database
    settings = chat_settings(settings, database, options.speed)
    create_key_file(settings.encryption_key_file)
    clock = ChatClock(options.speed, ahead=load_ahead(database))
    interactive = stdin.isatty()
    terminal = Terminal(out, interactive=interactive)
    transport = TerminalRequest(terminal, clock, pictures=database.parent / "pictures")
    terminal.show(BANNER.format(database=database).rstrip())
    async with open_database(settings) as engine:
        await migrate_exclusively(engine)
        application = build_application(
            settings,
            sessionmaker=create_sessionmaker(engine),
            clock=clock,
            request=transport,
            get_updates_request=TerminalRequest(terminal, clock),
            rate_limit=False,
        )
        await application.initialize()
        try:
            await application.start()
            data = app_data(application)
            chat = Chat(
                application, transport, clock, terminal, ChatUser(language_code=options.language)
            )
            lines = await _lines_from(stdin)
            # Whatever an earlier chat left unsent (and check-ins due meanwhile) comes first.
            await data.outbox.flush()
            await chat.catch_up()
            while True:
                terminal.prompt()
                line = await lines.get()
                if line is None or not await chat.handle(line):
                    break
            terminal.at_prompt = False
        finally:
            save_ahead(database, clock.ahead())
            await app_data(application).outbox.close()
            if application.running:
                await application.stop()
            await application.shutdown()
    if interactive:
        out.write("\n")  # leave the shell's prompt on a line of its own after Ctrl-D
    return 0
