"""The `bounceback` command: run, check, health, db upgrade, db current."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Callable, Sequence

from bot.health import probe, probe_url
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `bounceback` console script."""
    # python-telegram-bot 22 deprecates integer durations; opt into timedelta values now.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    args = _parser().parse_args(argv)
    command: Callable[[Settings], int] = args.func
    try:
        settings = load_settings()
        token = (
            settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
        )
        configure_logging(settings.log_level, settings.log_format, secrets=(token,))
        return command(settings)
    except StartupError as exc:
        print(f"bounceback: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
