"""Logging: key=value lines or JSON lines on stderr, with the bot token scrubbed.

What users write never reaches a log call in our code. Libraries that would log request
parameters or URLs (python-telegram-bot and httpx at DEBUG, SQLAlchemy's echo) are held at a
level where they don't, and every record passes a filter that masks anything token-shaped.
python-telegram-bot's request layer also logs, at ERROR, a response body it could not parse
(which for a send echoes the message): its arguments are withheld. Exception messages are not
filtered here; the code that raises them keeps user text out (handlers/sending.py strips send
errors down to their class and Telegram's short description).

At INFO the log is quiet: a line per start, stop and error, and per event worth knowing (a
user blocked the bot, a migration ran, a minute of check-in activity). What libraries say on
every scheduler run or every start-up (APScheduler's "Running job", Alembic's plugin and
"Context impl" lines, python-telegram-bot's "Application started") shows only at DEBUG.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import UTC, datetime
from typing import Any

# Anything shaped like a bot token, e.g. inside a URL ".../bot123:AA.../getMe".
_TOKEN_SHAPE = re.compile(r"\d{3,20}:[A-Za-z0-9_-]{30,}")
REDACTED = "<redacted-token>"

# Loggers that print request parameters (user text) or URLs (the token) at lower levels.
_QUIET_LOGGERS: dict[str, int] = {
    "httpx": logging.WARNING,
    "httpcore": logging.WARNING,
    "telegram": logging.INFO,
    "telegram.ext": logging.INFO,
    "sqlalchemy.engine": logging.WARNING,
    "aiosqlite": logging.WARNING,
    "asyncpg": logging.WARNING,
    "alembic": logging.INFO,
}

# Loggers that chatter at INFO (a line per job run, per plugin at start-up) and say what
# matters at WARNING: held at WARNING unless the level is DEBUG.
_CHATTY_LOGGERS: dict[str, int] = {
    "apscheduler": logging.WARNING,
    "alembic.runtime.plugins": logging.WARNING,
}

# INFO lines that repeat what our own start and stop lines say: logged as DEBUG instead.
_DEMOTED_TO_DEBUG: dict[str, tuple[str, ...]] = {
    "alembic.runtime.migration": ("Context impl", "Will assume"),
    "telegram.ext.Application": (
        "Application started",
        "Application is stopping",
        "Application.stop() complete",
    ),
}

# Loggers whose arguments can quote a request or response body: their messages keep only the
# format string, each argument replaced by WITHHELD.
_WITHHELD_ARGS_LOGGERS = ("telegram.request",)
WITHHELD = "<withheld>"

_STANDARD_ATTRS = frozenset(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {
    "message",
    "asctime",
}


def scrub(text: str, secrets: tuple[str, ...] = ()) -> str:
    """Mask the given secrets and anything that looks like a bot token."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return _TOKEN_SHAPE.sub(REDACTED, text)


def _message_of(record: logging.LogRecord) -> str:
    """The record's message, with the arguments withheld for loggers that quote bodies."""
    withheld = any(
        record.name == name or record.name.startswith(name + ".") for name in _WITHHELD_ARGS_LOGGERS
    )
    if not withheld or not record.args:
        return record.getMessage()
    count = len(record.args) if isinstance(record.args, tuple) else 1
    try:
        return str(record.msg) % ((WITHHELD,) * count)
    except (TypeError, ValueError):  # a mapping or an odd format: keep the format string only
        return str(record.msg)


class RedactingFilter(logging.Filter):
    """Rewrites each record's final message (and traceback) with secrets masked."""

    def __init__(self, secrets: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.secrets = secrets

    def filter(self, record: logging.LogRecord) -> bool:
        message = scrub(_message_of(record), self.secrets)
        record.msg, record.args = message, None
        if record.exc_info:
            record.exc_text = scrub(
                logging.Formatter().formatException(record.exc_info), self.secrets
            )
            record.exc_info = None
        return True


class DemoteToDebug(logging.Filter):
    """Turns the INFO records whose format string starts with one of `prefixes` into DEBUG
    records, dropped unless their logger is enabled for DEBUG."""

    def __init__(self, prefixes: tuple[str, ...]) -> None:
        super().__init__()
        self.prefixes = prefixes

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno != logging.INFO or not str(record.msg).startswith(self.prefixes):
            return True
        record.levelno, record.levelname = logging.DEBUG, logging.getLevelName(logging.DEBUG)
        return logging.getLogger(record.name).isEnabledFor(logging.DEBUG)


def _extras(record: logging.LogRecord) -> dict[str, Any]:
    return {k: v for k, v in record.__dict__.items() if k not in _STANDARD_ATTRS}


def _timestamp(record: logging.LogRecord) -> str:
    return datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")


class KeyValueFormatter(logging.Formatter):
    """`ts=… level=info logger=bot.polling msg="…" key=value`."""

    def format(self, record: logging.LogRecord) -> str:
        fields: dict[str, Any] = {
            "ts": _timestamp(record),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
            **_extras(record),
        }
        line = " ".join(f"{key}={_quote(value)}" for key, value in fields.items())
        if record.exc_text:
            line += "\n" + record.exc_text
        return line


class JsonFormatter(logging.Formatter):
    """One JSON object per line."""

    def format(self, record: logging.LogRecord) -> str:
        fields: dict[str, Any] = {
            "ts": _timestamp(record),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
            **_extras(record),
        }
        if record.exc_text:
            fields["exc"] = record.exc_text
        return json.dumps(fields, default=str, ensure_ascii=False)


def _quote(value: object) -> str:
    text = str(value)
    if text and not any(c in text for c in ' "=\n\t'):
        return text
    return json.dumps(text, ensure_ascii=False)


def configure_logging(
    level: str = "INFO", fmt: str = "console", secrets: tuple[str, ...] = ()
) -> None:
    """Send all logging to stderr in the chosen format, with secrets masked."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else KeyValueFormatter())
    handler.addFilter(RedactingFilter(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    numeric = logging.getLevelName(level)
    numeric = numeric if isinstance(numeric, int) else logging.NOTSET
    for name, floor in _QUIET_LOGGERS.items():
        logging.getLogger(name).setLevel(max(floor, numeric))
    for name, quiet in _CHATTY_LOGGERS.items():
        chatty_level = numeric if numeric <= logging.DEBUG else max(quiet, numeric)
        logging.getLogger(name).setLevel(chatty_level)
    for name, prefixes in _DEMOTED_TO_DEBUG.items():
        target = logging.getLogger(name)
        for old_filter in [f for f in target.filters if isinstance(f, DemoteToDebug)]:
            target.removeFilter(old_filter)
        target.addFilter(DemoteToDebug(prefixes))
