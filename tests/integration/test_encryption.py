"""What users write is encrypted at rest, with keys kept outside the database."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import SecretStr
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cli import main
from bot.settings import Settings
from core.errors import StartupError
from models import Answer, Opportunity
from models.crypto import Cipher, generate_key, keys_from
from models.db import create_engine, create_sessionmaker
from models.keys import rotate_all
from models.migrate import alembic_config
from tests.conftest import TEST_KEY
from tests.support.clock import NOW
from tests.support.harness import Conversation

DAY = "'2026-01-01'"
# Rows as revision 0003 stored them: in clear.
LEGACY_ROWS = (
    f"INSERT INTO users (telegram_id, created_at, last_seen_at) VALUES (1, {DAY}, {DAY})",
    "INSERT INTO journeys (id, user_id, status, prompt, history, started_at, updated_at) "
    f"VALUES (1, 1, 'active', 'story', '', {DAY}, {DAY})",
    "INSERT INTO answers (journey_id, key, value, answered_at) "
    f"VALUES (1, 'story', 'old words', {DAY})",
    "INSERT INTO opportunities (id, user_id, company, stage, created_at, updated_at) "
    f"VALUES (1, 1, 'Old Corp', 'applied', {DAY}, {DAY})",
)
SECRETS = ("Initech Corporation", "I froze when they asked about salary", "Ms. Bluthe")


def sqlite_bytes(path: Path) -> bytes:
    """The database file and its write-ahead log, byte for byte."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


async def raw_dump(engine: AsyncEngine) -> str:
    """Every value of every table, as the database stores it."""
    async with engine.connect() as connection:
        tables = ("users", "journeys", "answers", "opportunities", "checkins", "walks")
        dump = []
        for table in tables:
            rows = await connection.execute(text(f"SELECT * FROM {table}"))
            dump += [repr(tuple(row)) for row in rows]
    return "\n".join(dump)


async def test_the_raw_database_holds_no_user_text(
    chat: Conversation, engine: AsyncEngine, database_url: str
) -> None:
    await chat.say("/start")
    await chat.say(SECRETS[0])
    await chat.say("Analyst")
    await chat.tap("Today")
    await chat.tap("3 😐")
    await chat.tap("London")
    await chat.say(SECRETS[1])
    await chat.say("/options")
    await chat.tap("➕ Add one")
    await chat.say(SECRETS[2])

    dump = await raw_dump(engine)
    for secret in SECRETS:
        assert secret not in dump
    assert "gAAAAA" in dump  # Fernet tokens are there instead
    if database_url.startswith("sqlite"):
        await engine.dispose()  # checkpoint the WAL into the file
        raw = sqlite_bytes(Path(database_url.removeprefix("sqlite:///")))
        for secret in SECRETS:
            assert secret.encode() not in raw
    # And the bot still reads it back.
    replies = await chat.say("/journal")
    assert SECRETS[1] in replies[0]


async def test_an_engine_without_a_key_refuses_clear_text(
    database_url: str, engine: AsyncEngine
) -> None:
    keyless = create_engine(database_url)
    try:
        with pytest.raises(Exception, match="refusing clear text") as caught:
            async with create_sessionmaker(keyless).begin() as session:
                session.add(Answer(journey_id=1, key="story", value="secret", answered_at=NOW))
        assert "secret" not in str(caught.value)  # parameters are hidden from errors
    finally:
        await keyless.dispose()


async def test_rotation_re_encrypts_with_the_newest_key(
    engine: AsyncEngine, database_url: str, chat: Conversation
) -> None:
    await chat.say("/start")
    await chat.say("Globex")
    new_key = generate_key()
    both = Cipher(keys_from(f"{new_key},{TEST_KEY}"))
    rotated_engine = create_engine(database_url, cipher=both)
    try:
        changed = await rotate_all(create_sessionmaker(rotated_engine), both)
        again = await rotate_all(create_sessionmaker(rotated_engine), both)
    finally:
        await rotated_engine.dispose()

    assert changed >= 1
    assert again == 0  # resumable: nothing left to do
    only_new = create_engine(database_url, cipher=Cipher(keys_from(new_key)))
    try:
        async with create_sessionmaker(only_new).begin() as session:
            (answer,) = (await session.scalars(select(Answer))).all()
        assert answer.value == "Globex"
    finally:
        await only_new.dispose()


def test_keys_init_creates_an_owner_only_key_file_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ENCRYPTION_KEY", raising=False)

    assert main(["keys", "init"]) == 0
    assert "created the encryption key" in capsys.readouterr().out
    key_file = tmp_path / "data" / "bounceback.key"
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert main(["keys", "init"]) == 0
    assert capsys.readouterr().out == ""  # says so once


def test_a_missing_key_is_one_clear_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = Settings(_env_file=None, encryption_key=None)  # type: ignore[call-arg]

    with pytest.raises(StartupError, match="bounceback keys init"):
        settings.cipher()


def test_a_malformed_key_is_refused() -> None:
    settings = Settings(_env_file=None, encryption_key=SecretStr("not-a-key"))  # type: ignore[call-arg]

    with pytest.raises(StartupError, match="malformed"):
        settings.cipher()


async def test_the_migration_encrypts_rows_written_before_encryption(
    empty_database_url: str,
) -> None:
    from alembic import command

    engine = create_engine(empty_database_url, cipher=Cipher(keys_from(TEST_KEY)))
    try:

        def to(revision: str) -> Callable[..., None]:
            def run(connection: object) -> None:
                config = alembic_config()
                config.attributes["connection"] = connection
                config.attributes["cipher"] = Cipher(keys_from(TEST_KEY))
                command.upgrade(config, revision)

            return run

        async with engine.begin() as connection:
            await connection.run_sync(to("0003"))
            for statement in LEGACY_ROWS:
                await connection.execute(text(statement))
        async with engine.begin() as connection:
            await connection.run_sync(to("head"))

        dump = await raw_dump(engine)
        assert "old words" not in dump
        assert "Old Corp" not in dump
        async with create_sessionmaker(engine).begin() as session:
            assert (await session.scalars(select(Answer.value))).one() == "old words"
            assert (await session.scalars(select(Opportunity.company))).one() == "Old Corp"
    finally:
        await engine.dispose()
