"""Scale of the schedule: start-up time and memory with a million planned check-ins.

Check-ins are rows, not in-memory jobs, so the size of the schedule should not change how fast
the bot starts or how much memory it holds. This benchmark builds two SQLite databases, one
empty (migrated) and one with `--users` users each with a daily walk check-in (due tomorrow,
spread over the day), then measures in a fresh subprocess each (clean resident memory):

(a) the real application's start-up path: migrations check (`upgrade_to_head`, a no-op at
    head), `bot.app.build_application` (offline recording request), `initialize()`, `start()`
    (starts the JobQueue with the fixed jobs, whose dispatcher runs at once), one
    `Dispatcher.run_once()` with a clock set so that nothing is due, then `stop()` and
    `shutdown()` — on the empty and on the full database, side by side;
(b) the per-user alternative: the same application (empty database), then one
    `JobQueue.run_daily` job per user for `--jobs` users.

    .venv/bin/python bench/schedule_scale.py                       # 1,000,000 rows, 100,000 jobs
    .venv/bin/python bench/schedule_scale.py --users 100000 --jobs 10000 --repeat 1
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("PTB_TIMEDELTA", "true")

import argparse
import asyncio
import json
import sqlite3
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from datetime import time as dtime
from typing import Any

from pydantic import SecretStr
from sqlalchemy import event

from bench._common import (
    FIRST_USER_ID,
    FixedClock,
    bench_cipher,
    bench_key,
    current_rss_mb,
    header,
    peak_rss_mb,
    seconds_since_process_start,
    sqlite_url,
    table,
    utc_now,
)
from tests.support.fake_bot_api import DEFAULT_TOKEN

TOKEN = DEFAULT_TOKEN
CHILD_TIMEOUT = 240.0
SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S"


def schedule_day() -> datetime:
    """Tomorrow 00:00 UTC: every planned walk is due during that day."""
    today = utc_now().replace(hour=0, minute=0, second=0, microsecond=0)
    return today + timedelta(days=1)


# ---------------------------------------------------------------- building the databases


async def migrate(path: Path) -> None:
    """Create a SQLite file migrated to head, exactly as `bounceback db upgrade` does."""
    from models.db import create_engine
    from models.migrate import upgrade_to_head

    engine = create_engine(sqlite_url(path), cipher=bench_cipher())
    try:
        await upgrade_to_head(engine)
    finally:
        await engine.dispose()


def fill(path: Path, users: int, day: datetime) -> None:
    """`users` users (default quiet hours) each with one pending daily walk, due during `day`.

    One `INSERT … SELECT` over a recursive CTE per table, in one transaction. Datetimes are
    written in SQLAlchemy's SQLite format ("YYYY-MM-DD HH:MM:SS.ffffff", naive UTC).
    """
    created = (day - timedelta(days=2)).strftime(SQLITE_DATETIME) + ".000000"
    base = day.strftime(SQLITE_DATETIME)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA cache_size=-200000")
        conn.execute("BEGIN")
        conn.execute(
            """
            INSERT INTO users (telegram_id, language_code, timezone, flow, quiet_start, quiet_end,
                               blocked_at, created_at, last_seen_at)
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
            SELECT ? + i, 'en', NULL, NULL, '22:00', '08:00', NULL, ?, ? FROM n
            """,
            (users, FIRST_USER_ID, created, created),
        )
        conn.execute(
            """
            INSERT INTO checkins (user_id, journey_id, kind, due_at, status, attempts, local_time,
                                  claimed_until, sent_at, last_error, created_at, updated_at)
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
            SELECT ? + i, NULL, 'walk_daily',
                   strftime('%Y-%m-%d %H:%M:%S', ?, '+' || (i % 1440) || ' minutes') || '.000000',
                   'pending', 0, printf('%02d:%02d', (i % 1440) / 60, i % 60),
                   NULL, NULL, NULL, ?, ?
            FROM n
            """,
            (users, FIRST_USER_ID, base, created, created),
        )
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


async def check_fill(path: Path, users: int, day: datetime) -> tuple[int, int, int]:
    """Through the models: (users, pending check-ins, check-ins due before `day`) — the last
    must be 0 and proves the datetime format matches what SQLAlchemy compares against."""
    from sqlalchemy import func, select

    from models.db import create_engine
    from models.journeys import Checkin
    from models.users import User

    engine = create_engine(sqlite_url(path), cipher=bench_cipher())
    try:
        async with engine.connect() as conn:
            n_users = (await conn.execute(select(func.count()).select_from(User))).scalar_one()
            pending = (
                await conn.execute(select(func.count()).where(Checkin.status == "pending"))
            ).scalar_one()
            early = (
                await conn.execute(select(func.count()).where(Checkin.due_at < day))
            ).scalar_one()
            last = (
                await conn.execute(
                    select(func.count()).where(Checkin.due_at <= day + timedelta(minutes=1439))
                )
            ).scalar_one()
    finally:
        await engine.dispose()
    if last != pending:
        raise SystemExit(
            f"bulk-inserted due times do not compare as expected ({last} != {pending})"
        )
    return int(n_users), int(pending), int(early)


# ---------------------------------------------------------------- the measured children


class StatementTimer:
    """Times every SQL statement whose text starts with one of `prefixes` (per engine)."""

    def __init__(self, prefixes: tuple[str, ...]) -> None:
        self.prefixes = prefixes
        self.seconds: dict[str, float] = {}
        self.last_sql: dict[str, tuple[str, Any]] = {}
        self._started: dict[int, float] = {}

    def attach(self, sync_engine: Any) -> None:
        """Listen on a (sync) engine."""

        @event.listens_for(sync_engine, "before_cursor_execute")
        def _before(
            conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool
        ) -> None:
            self._started[id(cursor)] = time.perf_counter()

        @event.listens_for(sync_engine, "after_cursor_execute")
        def _after(
            conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool
        ) -> None:
            started = self._started.pop(id(cursor), None)
            text = " ".join(statement.split())
            for prefix in self.prefixes:
                if started is not None and text.upper().startswith(prefix):
                    self.seconds[prefix] = self.seconds.get(prefix, 0.0) + (
                        time.perf_counter() - started
                    )
                    self.last_sql[prefix] = (statement, params)


async def child_app(database: Path, jobs: int, day: datetime) -> dict[str, Any]:
    """Start the real application once (and optionally add per-user jobs); report figures."""
    from telegram.ext import CallbackContext

    from bot.app import app_data, build_application
    from bot.settings import Settings
    from models.db import create_engine, create_sessionmaker
    from models.migrate import upgrade_to_head
    from tests.support.recording_request import RecordingRequest

    figures: dict[str, Any] = {"rss_after_imports_mb": current_rss_mb()}
    phases: dict[str, float] = {}

    def mark(name: str, since: float) -> float:
        now = time.perf_counter()
        phases[name] = now - since
        return now

    started = time.perf_counter()
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_bot_token=SecretStr(TOKEN),
        database_url=sqlite_url(database),
        telegram_api_base_url="http://127.0.0.1:9",
        heartbeat_file=database.with_suffix(".heartbeat"),
        encryption_key=SecretStr(bench_key()),
    )
    engine = create_engine(settings.database_url, cipher=settings.cipher())
    timer = StatementTimer(("UPDATE CHECKINS SET STATUS",))
    timer.attach(engine.sync_engine)
    t = mark("settings+engine", started)
    await upgrade_to_head(engine)
    t = mark("upgrade_to_head (no-op)", t)
    clock = FixedClock(day - timedelta(minutes=1))  # nothing is due yet
    application = build_application(
        settings,
        sessionmaker=create_sessionmaker(engine),
        clock=clock,
        request=RecordingRequest(),
        get_updates_request=RecordingRequest(),
    )
    t = mark("build_application", t)
    await application.initialize()
    t = mark("initialize", t)
    await application.start()
    t = mark("start (JobQueue)", t)
    report = await app_data(application).dispatcher.run_once()
    t = mark("run_once", t)
    figures["startup_s"] = t - started
    figures["claimed"] = report.claimed
    figures["rss_after_start_mb"] = current_rss_mb()

    if jobs:
        job_queue = application.job_queue
        assert job_queue is not None

        async def walk(context: CallbackContext[Any, Any, Any, Any]) -> None:
            """Never runs here: the jobs are due tomorrow."""

        for i in range(jobs):
            minute = i % 1440
            job_queue.run_daily(
                walk,
                time=dtime(minute // 60, minute % 60, tzinfo=UTC),
                name=f"walk:{FIRST_USER_ID + i}",
                chat_id=FIRST_USER_ID + i,
                user_id=FIRST_USER_ID + i,
            )
        t = mark("add per-user jobs (run_daily calls)", t)
        # Each add woke the running scheduler (call_soon_threadsafe): let those wake-ups run.
        await asyncio.sleep(0.1)
        t = mark("scheduler wake-ups after adding", t)
        figures["jobs_in_scheduler"] = len(job_queue.jobs())
        figures["rss_after_jobs_mb"] = current_rss_mb()
        figures["jobs_total_s"] = t - started

    await asyncio.sleep(0.2)  # the dispatcher job started by start() finishes its run
    t = time.perf_counter()
    await application.stop()
    await application.shutdown()
    await engine.dispose()
    mark("stop+shutdown", t)
    figures["phases"] = phases
    figures["claim_statement_s"] = timer.seconds.get("UPDATE CHECKINS SET STATUS", 0.0)
    figures["claim_statements_timed"] = bool(timer.last_sql)
    figures["peak_rss_mb"] = peak_rss_mb()
    if timer.last_sql:
        statement, params = timer.last_sql["UPDATE CHECKINS SET STATUS"]
        figures["claim_plan"] = explain(database, statement, params)
    return figures


def explain(database: Path, statement: str, params: Any) -> list[str]:
    """SQLite's plan for the dispatcher's claim statement (read-only connection)."""
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        rows = conn.execute(f"EXPLAIN QUERY PLAN {statement}", params).fetchall()
        return [str(row[-1]) for row in rows]
    except sqlite3.Error as exc:
        return [f"(no plan: {exc})"]
    finally:
        conn.close()


def run_child(kind: str, database: Path, jobs: int, day: datetime) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter; return its figures plus its wall time."""
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        kind,
        "--database",
        str(database),
        "--jobs",
        str(jobs),
        "--day",
        day.isoformat(),
    ]
    started = time.perf_counter()
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=CHILD_TIMEOUT, check=False
    )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"child {kind} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    figures["process_wall_s"] = wall
    return figures


# ---------------------------------------------------------------- report


@dataclass
class Summary:
    """Median figures of the repeated children of one variant."""

    name: str
    runs: list[dict[str, Any]]

    def median(self, key: str) -> float:
        """Median of a figure over the runs."""
        return statistics.median(float(run[key]) for run in self.runs)

    def phase(self, name: str) -> float:
        """Median of one phase over the runs."""
        return statistics.median(float(run["phases"].get(name, 0.0)) for run in self.runs)


def within(value: float, reference: float, tolerance: float = 0.10) -> str:
    """ "yes (+3.1%)" when value is at most 10% above reference."""
    change = (value - reference) / reference if reference else 0.0
    return f"{'yes' if change <= tolerance else 'NO'} ({100 * change:+.1f}%)"


def spread(summary: Summary, key: str, scale: float = 1.0, digits: int = 2) -> str:
    """ "median (min–max)" of a figure."""
    values = [scale * float(run[key]) for run in summary.runs]
    median = statistics.median(values)
    if len(values) == 1:
        return f"{median:.{digits}f}"
    return f"{median:.{digits}f} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def main_parent(args: argparse.Namespace) -> int:
    """Build the databases, run the children, print the comparison."""
    header(
        f"Scale of the schedule: start-up with {args.users:,} planned daily walks vs an empty "
        f"database ({args.repeat} fresh processes each, interleaved); {args.jobs:,} per-user "
        f"JobQueue jobs for comparison ({args.jobs_repeat} process)"
    )
    day = schedule_day()
    with tempfile.TemporaryDirectory(prefix="bench_scale_") as folder:
        empty = Path(folder) / "empty.db"
        full = Path(folder) / "full.db"
        asyncio.run(migrate(empty))
        asyncio.run(migrate(full))
        started = time.perf_counter()
        fill(full, args.users, day)
        fill_s = time.perf_counter() - started
        n_users, n_pending, n_early = asyncio.run(check_fill(full, args.users, day))
        size_mb = full.stat().st_size / 1024 / 1024
        print(
            f"\nbulk insert: {n_users:,} users + {n_pending:,} pending walk_daily rows in "
            f"{fill_s:.1f} s (database file {size_mb:.0f} MB); due before the clock: {n_early}",
            flush=True,
        )

        # One discarded start per database first (first open after the bulk load, page cache),
        # then the two alternate so that background load hits both alike.
        for database in (empty, full):
            run_child("app", database, 0, day)
        empty_runs: list[dict[str, Any]] = []
        full_runs: list[dict[str, Any]] = []
        for _ in range(args.repeat):
            empty_runs.append(run_child("app", empty, 0, day))
            full_runs.append(run_child("app", full, 0, day))
        print("  measured (a)", flush=True)
        jobs_runs = [run_child("app", empty, args.jobs, day) for _ in range(args.jobs_repeat)]
        print("  measured (b)", flush=True)

    summaries = [
        Summary("(a) app start, empty database", empty_runs),
        Summary(f"(a) app start, {args.users:,} check-ins", full_runs),
        Summary(f"(b) app start + {args.jobs:,} run_daily jobs", jobs_runs),
    ]
    print("\nmedian (min-max) over the fresh processes:")
    rows = []
    for summary in summaries:
        jobs_s = summary.phase("add per-user jobs (run_daily calls)") + summary.phase(
            "scheduler wake-ups after adding"
        )
        rows.append(
            (
                summary.name,
                spread(summary, "process_wall_s"),
                spread(summary, "imports_s"),
                spread(summary, "main_s"),
                spread(summary, "startup_s", 1000, 0),
                spread(summary, "claim_statement_s", 1000, 1),
                f"{jobs_s:.1f}" if jobs_s else "-",
                f"{summary.median('rss_after_imports_mb'):.0f}",
                spread(summary, "peak_rss_mb", 1, 0),
            )
        )
    table(
        rows,
        (
            "variant",
            "process s",
            "to main() s",
            "main() s",
            "start-up path ms",
            "claim SQL ms",
            "add jobs s",
            "RSS imports MB",
            "peak RSS MB",
        ),
    )
    print(
        "\nprocess s: wall time of the whole fresh process; to main() s: interpreter start and "
        "imports;\nmain() s: everything the child does (start-up path, stop, shutdown, "
        "measuring);\nstart-up path: upgrade_to_head + build_application + initialize + start + "
        "run_once (nothing due)."
    )
    print("\nstart-up phases (median ms):")
    phase_names = list(summaries[2].runs[0]["phases"])
    table(
        [
            (name, *(f"{1000 * summary.phase(name):.1f}" for summary in summaries))
            for name in phase_names
        ],
        ("phase", *(s.name for s in summaries)),
    )
    jobs_run = summaries[2].runs[0]
    add_s = summaries[2].phase("add per-user jobs (run_daily calls)")
    wake_s = summaries[2].phase("scheduler wake-ups after adding")
    extra_mb = summaries[2].median("rss_after_jobs_mb") - summaries[0].median("rss_after_start_mb")
    print(
        f"\n(b) jobs held by the scheduler: {jobs_run.get('jobs_in_scheduler', 0):,}; "
        f"RSS after adding them {summaries[2].median('rss_after_jobs_mb'):.0f} MB "
        f"(+{extra_mb:.0f} MB over (a) empty after start, {1024 * extra_mb / args.jobs:.1f} KB "
        f"a job); time {add_s:.1f} s in run_daily calls + {wake_s:.1f} s of scheduler wake-ups "
        f"= {1e6 * (add_s + wake_s) / args.jobs:.0f} µs a job"
    )
    full_run = summaries[1].runs[-1]
    print(f"\nSQLite plan of the dispatcher's claim statement ({args.users:,} rows):")
    for line in full_run.get("claim_plan", []):
        print(f"  {line}")

    empty_s, full_s = summaries[0], summaries[1]
    print(f"\n(a) with {args.users:,} rows within 10% of (a) empty (at most 10% above it)?")
    for label, key in (
        ("process start-up (wall)", "process_wall_s"),
        ("main() of the child", "main_s"),
        ("start-up path", "startup_s"),
        ("peak RSS", "peak_rss_mb"),
    ):
        low = min(float(run[key]) for run in empty_s.runs)
        high = max(float(run[key]) for run in empty_s.runs)
        noise = (high - low) / empty_s.median(key) if empty_s.median(key) else 0.0
        full_low = min(float(run[key]) for run in full_s.runs)
        print(
            f"  {label:<24} median {within(full_s.median(key), empty_s.median(key))}; "
            f"fastest run {within(full_low, low)}   (spread of the empty runs themselves: "
            f"{100 * noise:.0f}% of their median)"
        )
    return 0


def main() -> int:
    """Entry point (parent, or one measured child)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--users", type=int, default=1_000_000, help="users = planned walks")
    parser.add_argument("--jobs", type=int, default=100_000, help="per-user jobs in (b)")
    parser.add_argument("--repeat", type=int, default=5, help="fresh processes per (a) variant")
    parser.add_argument("--jobs-repeat", type=int, default=1, help="fresh processes for (b)")
    parser.add_argument("--child", choices=("app",), help=argparse.SUPPRESS)
    parser.add_argument("--database", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--day", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        before_main = seconds_since_process_start()  # interpreter start + imports
        started = time.perf_counter()
        day = datetime.fromisoformat(args.day)
        figures = asyncio.run(child_app(args.database, args.jobs, day))
        figures["imports_s"] = before_main
        figures["main_s"] = time.perf_counter() - started
        print(json.dumps(figures), flush=True)
        return 0
    if min(args.users, args.jobs, args.repeat, args.jobs_repeat) < 1:
        parser.error("--users, --jobs, --repeat and --jobs-repeat must be at least 1")
    return main_parent(args)


if __name__ == "__main__":
    raise SystemExit(main())
