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


# Everything a test could change about a database's shape: its columns, indexes and migration.
_SHAPE = """
    SELECT coalesce(string_agg(x, ',' ORDER BY x), '') FROM (
        SELECT table_name || '.' || column_name || ':' || data_type AS x
        FROM information_schema.columns WHERE table_schema = 'public'
        UNION ALL SELECT indexname FROM pg_indexes WHERE schemaname = 'public'
        UNION ALL SELECT 'version:' || version_num FROM alembic_version
    ) shape
"""


class PostgresPool:
    """Migrated databases reused from test to test: at a test's end its database is emptied
    (every row deleted, sequences back to 1: ~10 ms) and handed to the next test, instead of
    dropping it and copying the template again (~0.25 s each, hundreds of times a run). A
    database whose shape changed (a test renamed or dropped a table) is dropped instead."""

    def __init__(self, server: PostgresServer, template: str) -> None:
        self.server = server
        self.template = template
        self.shape: str | None = None
        self.clean: list[str] = []

    def take(self) -> str:
        """A clean database's name: one handed back, or a new copy of the template."""
        if self.clean:
            return self.clean.pop()
        url = self.server.create_database(template=self.template)
        return make_url(url).database or ""

    def give_back(self, name: str) -> None:
        """Empty the database for the next test, or drop it when a test changed its shape."""

        async def empty() -> bool:
            admin = await asyncpg.connect(_asyncpg_dsn(self.server.admin_url), timeout=5)
            try:
                # Connections a test left open would hold locks (or rows in flight).
                await admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = $1 AND pid <> pg_backend_pid()",
                    name,
                )
            finally:
                await admin.close()
            conn = await asyncpg.connect(_asyncpg_dsn(self.server.admin_url, name), timeout=5)
            try:
                shape = await conn.fetchval(_SHAPE)
                if self.shape is None:
                    self.shape = shape
                if shape != self.shape:
                    return False
                tables = [
                    row[0]
                    for row in await conn.fetch(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                        " AND tablename <> 'alembic_version'"
                    )
                ]
                sequences = [
                    row[0]
                    for row in await conn.fetch(
                        "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'"
                    )
                ]
                async with conn.transaction():
                    # Foreign keys aren't checked for these deletes: every row goes anyway.
                    await conn.execute("SET LOCAL session_replication_role = replica")
                    for table in tables:
                        await conn.execute(f'DELETE FROM "{table}"')
                    for sequence in sequences:
                        await conn.execute(f"SELECT setval('\"{sequence}\"', 1, false)")
                return True
            finally:
                await conn.close()

        try:
            reusable = asyncio.run(empty())
        except (OSError, asyncpg.PostgresError):
            reusable = False
        if reusable:
            self.clean.append(name)
        else:
            self.server._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def postgres_pool(postgres_admin_url: str, postgres_template: str) -> Iterator[PostgresPool]:
    """Migrated databases for one test at a time (see PostgresPool)."""
    server = _reachable(postgres_admin_url)
    pool = PostgresPool(server, postgres_template)
    yield pool
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
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database URL: an empty SQLite file, then a PostgreSQL database already migrated to
    head and holding no rows (from the session's pool; the engine's upgrade finds nothing to
    do)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'bounceback.db'}"
        return
    pool: PostgresPool = request.getfixturevalue("postgres_pool")
    name = pool.take()
    yield _asyncpg_dsn(pool.server.admin_url, name)
    pool.give_back(name)


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
