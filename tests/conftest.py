"""Shared fixtures: databases (SQLite file and PostgreSQL), settings, the bot under test with
one user talking to it, and the fake Bot API server."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.settings import Settings
from models.crypto import Cipher, keys_from
from models.db import create_engine
from models.migrate import upgrade_to_head
from tests.support.clock import NOW, FixedClock
from tests.support.fake_bot_api import DEFAULT_TOKEN, FakeBotApi
from tests.support.harness import Conversation

# python-telegram-bot 22 deprecates integer durations (RetryAfter.retry_after & co.); this opts
# into timedelta values, as the bot itself does (bot/cli.py).
os.environ["PTB_TIMEDELTA"] = "true"

TOKEN = DEFAULT_TOKEN
TEST_KEY = "x7Q2c1oY0X9sN7i0v3QmVYh8m1ZzJX6b5pC4rT2wQ0A="
TEST_CIPHER = Cipher(keys_from(TEST_KEY))
PG_REQUIRED = os.environ.get("BOUNCEBACK_REQUIRE_POSTGRES") == "1"
PG_SKIP_REASON = (
    "PostgreSQL tests need TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test)"
)


def make_settings(database_url: str, **overrides: Any) -> Settings:
    """Settings for tests: never read the developer's .env or environment token."""
    values: dict[str, Any] = {
        "telegram_bot_token": TOKEN,
        "database_url": database_url,
        "telegram_api_base_url": "http://127.0.0.1:9",
        "log_level": "INFO",
        "encryption_key": TEST_KEY,
        # Tests type faster than people; flood control has its own tests.
        "flood_max_messages": 10_000,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def _asyncpg_dsn(url: str, database: str | None = None) -> str:
    parsed = make_url(url).set(drivername="postgresql")
    if database is not None:
        parsed = parsed.set(database=database)
    return parsed.render_as_string(hide_password=False)


class PostgresServer:
    """Creates throw-away databases (empty, or copies of a migrated template)."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        self.created: list[str] = []

    def _execute(self, *statements: str) -> None:
        # Sync fixtures run outside the test's event loop, so a private loop is fine here.
        async def run() -> None:
            conn = await asyncpg.connect(_asyncpg_dsn(self.admin_url), timeout=5)
            try:
                for statement in statements:
                    await conn.execute(statement)
            finally:
                await conn.close()

        asyncio.run(run())

    def check(self) -> None:
        self._execute("SELECT 1")

    def create_database(self, template: str | None = None) -> str:
        name = f"bb_test_{uuid.uuid4().hex[:12]}"
        copy = f' TEMPLATE "{template}"' if template else ""
        self._execute(f'CREATE DATABASE "{name}"{copy}')
        self.created.append(name)
        return _asyncpg_dsn(self.admin_url, name)

    def drop_all(self) -> None:
        self._execute(*(f'DROP DATABASE IF EXISTS "{n}" WITH (FORCE)' for n in self.created))


@pytest.fixture(scope="session")
def postgres_admin_url() -> str:
    """The PostgreSQL server for tests, or a skip (a failure when CI requires PostgreSQL)."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        if PG_REQUIRED:
            pytest.fail("BOUNCEBACK_REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set")
        pytest.skip(PG_SKIP_REASON)
    return url


def _reachable(admin_url: str) -> PostgresServer:
    """The server at `admin_url`, or a skip (a failure when CI requires PostgreSQL)."""
    server = PostgresServer(admin_url)
    try:
        server.check()
    except (OSError, asyncpg.PostgresError) as exc:
        if PG_REQUIRED:
            pytest.fail(f"PostgreSQL at TEST_DATABASE_URL is unreachable: {exc}")
        pytest.skip(f"PostgreSQL at TEST_DATABASE_URL is unreachable: {exc}")
    return server


@pytest.fixture(scope="session")
def postgres_template(postgres_admin_url: str) -> Iterator[str]:
    """A database migrated to head once per session: each test's database is a copy of it
    (CREATE DATABASE … TEMPLATE), a fraction of the time running the migrations takes."""
    server = _reachable(postgres_admin_url)
    url = server.create_database()

    async def migrate() -> None:
        engine = create_engine(url, cipher=TEST_CIPHER)
        await upgrade_to_head(engine)
        await engine.dispose()  # a template must have no open connections

    asyncio.run(migrate())
    yield make_url(url).database or ""
    server.drop_all()


@pytest.fixture
def postgres_server(postgres_admin_url: str) -> Iterator[PostgresServer]:
    """A handle to create databases on the test PostgreSQL server; drops them afterwards."""
    server = _reachable(postgres_admin_url)
    yield server
    server.drop_all()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """A fresh, empty PostgreSQL database (for tests that only make sense there)."""
    return postgres_server.create_database()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database URL: an empty SQLite file, then a fresh PostgreSQL database already migrated
    to head (a copy of the session's template; the engine's upgrade then finds nothing to do)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'bounceback.db'}"
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.create_database(template=request.getfixturevalue("postgres_template"))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database URL, not migrated at all (for tests of the migrations themselves)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'bounceback.db'}"
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.create_database()


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on a database migrated to head, encrypting with the test key."""
    engine = create_engine(database_url, cipher=TEST_CIPHER)
    await upgrade_to_head(engine)
    yield engine
    await engine.dispose()


@pytest.fixture
def settings_for() -> Callable[..., Settings]:
    """Build test settings for a database URL."""
    return make_settings


@pytest.fixture
def bot_settings(database_url: str, settings_for: Callable[..., Settings]) -> Settings:
    """The settings of the bot `chat` talks to; a module overrides this to change them."""
    return settings_for(database_url)


@pytest.fixture
def clock() -> FixedClock:
    """The time the bot sees, starting at NOW; tests move it by hand."""
    return FixedClock(NOW)


@pytest.fixture
async def chat(
    engine: AsyncEngine, bot_settings: Settings, clock: FixedClock
) -> AsyncIterator[Conversation]:
    """One user talking to the bot, on SQLite and PostgreSQL."""
    async with Conversation(bot_settings, engine, clock) as conversation:
        yield conversation


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    """The fake Telegram Bot API server, listening on 127.0.0.1."""
    with FakeBotApi() as fake:
        yield fake
