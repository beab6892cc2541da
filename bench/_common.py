"""Helpers shared by the benchmark scripts: databases, bulk inserts, memory, printing."""

from __future__ import annotations

import gc
import os
import platform
import resource
import sys
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
from sqlalchemy import func, insert, select
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from models.crypto import Cipher, generate_key, keys_from
from models.journeys import Checkin
from models.users import User

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/test"
FIRST_USER_ID = 10_000_000
INSERT_CHUNK = 5_000


class FixedClock:
    """A clock that tells whatever time the benchmark set."""

    def __init__(self, now: datetime) -> None:
        self.current = now

    def now(self) -> datetime:
        """The time set by the benchmark."""
        return self.current


def utc_now() -> datetime:
    """Now, aware UTC."""
    return datetime.now(UTC)


def bench_key() -> str:
    """A fresh encryption key (production refuses to start without one)."""
    return generate_key()


def bench_cipher() -> Cipher:
    """A cipher on a fresh key, as `bounceback run` passes to create_engine."""
    return Cipher(keys_from(bench_key()))


def sqlite_url(path: Path) -> str:
    """DATABASE_URL of a SQLite file."""
    return f"sqlite:///{path}"


def require_loopback(url: str) -> None:
    """Refuse any database host other than 127.0.0.1 / localhost / a local socket."""
    host = make_url(url).host
    if host not in (None, "", "127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"benchmarks only use 127.0.0.1, not {host!r}")


def _asyncpg_dsn(url: str, database: str | None = None) -> str:
    parsed = make_url(url).set(drivername="postgresql")
    if database is not None:
        parsed = parsed.set(database=database)
    return parsed.render_as_string(hide_password=False)


async def _admin(admin_url: str, statement: str) -> None:
    conn = await asyncpg.connect(_asyncpg_dsn(admin_url), timeout=5)
    try:
        await conn.execute(statement)
    finally:
        await conn.close()


@dataclass
class PostgresDatabase:
    """A throw-away `bench_*` database on the local PostgreSQL server."""

    admin_url: str
    name: str

    @property
    def url(self) -> str:
        """DATABASE_URL of this database."""
        return _asyncpg_dsn(self.admin_url, self.name)

    @classmethod
    async def create(cls, admin_url: str) -> PostgresDatabase:
        """CREATE DATABASE bench_<random>."""
        require_loopback(admin_url)
        name = f"bench_{uuid.uuid4().hex[:12]}"
        await _admin(admin_url, f'CREATE DATABASE "{name}"')
        return cls(admin_url, name)

    async def drop(self) -> None:
        """DROP it (forcing other sessions off)."""
        await _admin(self.admin_url, f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def _chunks(total: int, size: int) -> Iterator[range]:
    for start in range(0, total, size):
        yield range(start, min(start + size, total))


async def insert_users(engine: AsyncEngine, count: int, *, now: datetime) -> None:
    """`count` users with ids FIRST_USER_ID.., no time zone and no quiet hours."""
    async with engine.begin() as conn:
        for chunk in _chunks(count, INSERT_CHUNK):
            await conn.execute(
                insert(User),
                [
                    {
                        "telegram_id": FIRST_USER_ID + i,
                        "language_code": "en",
                        "timezone": None,
                        "flow": None,
                        "quiet_start": None,
                        "quiet_end": None,
                        "blocked_at": None,
                        "created_at": now,
                        "last_seen_at": now,
                    }
                    for i in chunk
                ],
            )


def checkin_kind(i: int) -> str:
    """Half the check-ins are daily walks (recurring), half end of a grief window."""
    return "walk_daily" if i % 2 == 0 else "grief_over"


async def insert_due_checkins(
    engine: AsyncEngine, count: int, *, due_at: datetime, now: datetime, kinds: bool = True
) -> None:
    """One pending check-in per user (user i gets check-in i), all due at `due_at`."""
    local_time = f"{due_at:%H:%M}"
    async with engine.begin() as conn:
        for chunk in _chunks(count, INSERT_CHUNK):
            rows: list[dict[str, Any]] = []
            for i in chunk:
                kind = checkin_kind(i) if kinds else "grief_over"
                rows.append(
                    {
                        "user_id": FIRST_USER_ID + i,
                        "journey_id": None,
                        "kind": kind,
                        "due_at": due_at,
                        "status": "pending",
                        "attempts": 0,
                        "local_time": local_time if kind == "walk_daily" else None,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
            await conn.execute(insert(Checkin), rows)


async def status_counts(engine: AsyncEngine, *, max_id: int | None = None) -> dict[str, int]:
    """How many check-ins are in each status (only ids <= max_id when given)."""
    query = select(Checkin.status, func.count()).group_by(Checkin.status)
    if max_id is not None:
        query = query.where(Checkin.id <= max_id)
    async with engine.connect() as conn:
        rows = (await conn.execute(query)).all()
    return {str(status): int(count) for status, count in rows}


async def max_checkin_id(engine: AsyncEngine) -> int:
    """The highest check-in id (0 when empty)."""
    async with engine.connect() as conn:
        value = (await conn.execute(select(func.max(Checkin.id)))).scalar()
    return int(value or 0)


async def pending_due(engine: AsyncEngine, *, now: datetime) -> int:
    """Rows the dispatcher would still claim at `now` (pending and due, or lease expired)."""
    async with engine.connect() as conn:
        value = (
            await conn.execute(
                select(func.count()).where(
                    ((Checkin.status == "pending") & (Checkin.due_at <= now))
                    | ((Checkin.status == "claimed") & (Checkin.claimed_until < now))
                )
            )
        ).scalar()
    return int(value or 0)


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB (VmHWM; ru_maxrss as fallback)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def seconds_since_process_start() -> float:
    """How long this process has existed (Linux /proc, 10 ms resolution; NaN elsewhere)."""
    try:
        ticks = os.sysconf("SC_CLK_TCK")
        started = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - started / ticks
    except (OSError, ValueError, IndexError):
        return float("nan")


def current_rss_mb() -> float:
    """Resident set size now, in MiB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def machine_line() -> str:
    """One line describing where the figures come from."""
    return (
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}, {utc_now():%Y-%m-%d %H:%M} UTC"
    )


def header(title: str) -> None:
    """Print a benchmark header."""
    line = "=" * max(len(title), 60)
    print(line)
    print(title)
    print(f"machine: {machine_line()}")
    print(line, flush=True)


def table(rows: Sequence[Sequence[object]], headings: Sequence[str]) -> None:
    """Print a plain aligned table."""
    cells = [[str(h) for h in headings], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headings))]
    for n, row in enumerate(cells):
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    sys.stdout.flush()


class GcTimer:
    """Wall time the garbage collector spends while measuring (it lands inside other phases)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.collections = [0, 0, 0]
        self._started = 0.0

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._started
            self.collections[info["generation"]] += 1

    @contextmanager
    def measuring(self) -> Iterator[GcTimer]:
        """Count collections and their time inside the block."""
        gc.callbacks.append(self._callback)
        try:
            yield self
        finally:
            gc.callbacks.remove(self._callback)
