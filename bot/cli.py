"""The `bounceback` command: run, check, health, db upgrade/current/backup/restore, keys."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.logging_setup import configure_logging
from bot.settings import Settings, load_settings
from core.errors import StartupError
from models.crypto import create_key_file, generate_key


def _run(settings: Settings) -> int:
    from bot.runner import run_bot  # imported here: `bounceback health` stays light

    asyncio.run(run_bot(settings))
    return 0


def _check(settings: Settings) -> int:
    from bot.runner import (
        database_status,
        fetch_bot_username,
    )  # imported here: `bounceback health` stays light

    username = asyncio.run(fetch_bot_username(settings))
    current, head = asyncio.run(database_status(settings))
    state = "up to date" if current == head else f"at {current or 'empty'}, newest is {head}"
    print(f"ok: bot @{username} via {settings.telegram_api_base_url}; database {state}")
    return 0


def _db_upgrade(settings: Settings) -> int:
    from bot.runner import migrate  # imported here: `bounceback health` stays light

    revision = asyncio.run(migrate(settings))
    print(f"database upgraded to revision {revision}")
    return 0


def _db_current(settings: Settings) -> int:
    from bot.runner import database_status  # imported here: `bounceback health` stays light

    current, head = asyncio.run(database_status(settings))
    note = "up to date" if current == head else f"newest is {head}: run `bounceback db upgrade`"
    print(f"{current or 'empty (no migrations applied)'} ({note})")
    return 0


def _sqlite_database(settings: Settings, action: str) -> Path | None:
    """The SQLite file to back up or restore; None for PostgreSQL (pg_dump's job)."""
    from models.backup import BackupError
    from models.db import async_url, sqlite_file_of

    if async_url(settings.database_url).get_backend_name() == "postgresql":
        return None
    database = sqlite_file_of(settings.database_url)
    if database is None:
        raise BackupError(f"an in-memory database has nothing to {action}")
    return database


def _db_backup(settings: Settings, path: Path | None) -> int:
    from models.backup import backup_sqlite, postgres_advice

    database = _sqlite_database(settings, "back up")
    if database is None:
        print(postgres_advice(settings.database_url))
        return 0
    target = backup_sqlite(database, path)
    print(f"backed up {database} to {target} (the encryption key is not in it: keep it safe too)")
    return 0


def _db_restore(settings: Settings, path: Path | None) -> int:
    from models.backup import postgres_advice, restore_sqlite

    database = _sqlite_database(settings, "restore")
    if database is None:
        print(postgres_advice(settings.database_url), file=sys.stderr)
        return 1  # nothing restored: pg_restore does that
    assert path is not None  # PATH is required
    kept = restore_sqlite(path, database)
    aside = f"; the previous one is kept as {kept}" if kept else ""
    print(f"restored {database} from {path}{aside}")
    return 0


def _keys_init(settings: Settings) -> int:
    if settings.encryption_key is not None and settings.encryption_key.get_secret_value():
        return 0  # keys come from the environment; nothing to create
    if create_key_file(settings.encryption_key_file):
        print(
            f"created the encryption key {settings.encryption_key_file} (owner-only). "
            "Back it up: without it, stored answers can't be read."
        )
    return 0


def _keys_generate(settings: Settings) -> int:
    print(generate_key())
    return 0


def _keys_rotate(settings: Settings) -> int:
    from bot.runner import rotate_keys  # imported here: `bounceback health` stays light

    changed = asyncio.run(rotate_keys(settings))
    print(f"re-encrypted {changed} stored values with the newest key")
    return 0


def _health(settings: Settings) -> int:
    # Imported here: it pulls in the whole bot, which the light commands (db backup, keys,
    # health itself is run by Docker every 30 s) shouldn't pay for at every start.
    from bot.health import probe, probe_url

    url = probe_url(settings)
    if url is None:
        print("unhealthy: the health endpoint is off (HEALTH_PORT=0)", file=sys.stderr)
        return 1
    healthy, reason = probe(url)
    if not healthy:
        print(f"unhealthy: {reason}", file=sys.stderr)
        return 1
    print(f"healthy: {reason}")
    return 0


def _chat(
    settings: Settings,
    *,
    database: Path | None = None,
    speed: float | None = None,
    language: str | None = None,
) -> int:
    import logging

    from bot.chat import DEFAULT_DATABASE, ChatOptions, chat_language, run_chat

    if settings.log_level != "DEBUG":
        logging.disable(logging.INFO)  # the terminal is the chat: only warnings besides it
    options = ChatOptions(
        database=database or DEFAULT_DATABASE,
        speed=speed or settings.clock_speed,
        language=chat_language(language, os.environ.get("LC_ALL") or os.environ.get("LANG")),
    )
    return asyncio.run(run_chat(settings, options))


def _chat_speed(text: str) -> float:
    try:
        speed = float(text)
    except ValueError:
        speed = 0.0
    if not 0 < speed <= 1_000_000:
        raise argparse.ArgumentTypeError("a number above 0, e.g. 3600 (an hour a second)")
    return speed


# What the parser records about which command was chosen, rather than the command's arguments.
_PARSER_FIELDS = frozenset({"func", "command", "db_command", "keys_command"})


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bounceback", description="Bounce Back, a Telegram coach after a rejected interview."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser(
        "run", help="migrate the database, then poll Telegram for updates"
    ).set_defaults(func=_run)
    commands.add_parser(
        "check", help="validate settings, call getMe, check the database"
    ).set_defaults(func=_check)
    commands.add_parser(
        "health", help="exit 0 if the running bot's /healthz answers 200 (Docker HEALTHCHECK)"
    ).set_defaults(func=_health)
    db = commands.add_parser("db", help="database schema").add_subparsers(
        dest="db_command", required=True, metavar="ACTION"
    )
    db.add_parser("upgrade", help="apply pending migrations").set_defaults(func=_db_upgrade)
    db.add_parser("current", help="show the schema revision").set_defaults(func=_db_current)
    backup = db.add_parser(
        "backup", help="copy the SQLite database safely, even while the bot runs"
    )
    backup.set_defaults(func=_db_backup)
    backup.add_argument(
        "path",
        nargs="?",
        type=Path,
        metavar="PATH",
        help="file or folder for the copy (default: backups/ beside the database)",
    )
    restore = db.add_parser(
        "restore", help="replace the SQLite database with a backup (the bot must be stopped)"
    )
    restore.set_defaults(func=_db_restore)
    restore.add_argument("path", type=Path, metavar="PATH")
    keys = commands.add_parser("keys", help="encryption keys").add_subparsers(
        dest="keys_command", required=True, metavar="ACTION"
    )
    keys.add_parser("init", help="create the key file if there is no key").set_defaults(
        func=_keys_init
    )
    keys.add_parser("generate", help="print a new key").set_defaults(func=_keys_generate)
    keys.add_parser(
        "rotate", help="re-encrypt everything with the newest key (resumable)"
    ).set_defaults(func=_keys_rotate)
    chat = commands.add_parser(
        "chat", help="talk to the coach in this terminal: no token, no network (own database)"
    )
    chat.set_defaults(func=_chat)
    chat.add_argument(
        "--speed",
        type=_chat_speed,
        metavar="N",
        help="time runs N times faster (default 1; /clock +26h also moves it)",
    )
    chat.add_argument(
        "--language",
        metavar="CODE",
        help="en, es, de, fr, pt_BR or ru (default: from LANG, else en)",
    )
    chat.add_argument(
        "--database",
        type=Path,
        metavar="PATH",
        help="the chat's SQLite file (default: data/chat.db; its key sits beside it)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `bounceback` console script."""
    # python-telegram-bot 22 deprecates integer durations; opt into timedelta values now.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    args = _parser().parse_args(argv)
    # The command's own arguments ("db backup PATH", "chat --speed N") reach it as keywords.
    options = {k: v for k, v in vars(args).items() if k not in _PARSER_FIELDS}
    command: Callable[..., int] = args.func
    try:
        settings = load_settings()
        token = (
            settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
        )
        configure_logging(settings.log_level, settings.log_format, secrets=(token,))
        return command(settings, **options)
    except StartupError as exc:
        print(f"bounceback: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
