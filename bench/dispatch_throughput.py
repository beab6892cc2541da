"""Check-in dispatch throughput: the real Dispatcher + TelegramDelivery, offline Bot API.

N users each have one due check-in (half `walk_daily`, half `grief_over`, no quiet hours, due a
little in the past). The real `Dispatcher` claims, renders, sends (through a python-telegram-bot
`Bot` whose request is the tests' offline `RecordingRequest`: no network, no rate limiter) and
settles them, on SQLite (a file in a temp dir) and on PostgreSQL (a fresh `bench_*` database,
dropped afterwards). So the bot library and the database are the only costs.

Baseline in the same run: the same `Bot` + offline request sending N messages of the same shape
(same text, same inline keyboard, same batches of 500 with at most 16 in flight) with no database.

Afterwards every original row must be `sent` with exactly one attempt, and the request must have
recorded exactly one sendMessage per check-in.

    .venv/bin/python bench/dispatch_throughput.py                  # 100,000 check-ins
    .venv/bin/python bench/dispatch_throughput.py --checkins 10000 --skip-postgres
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("PTB_TIMEDELTA", "true")

import argparse
import asyncio
import cProfile
import io
import pstats
import re
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup

from bench._common import (
    DEFAULT_POSTGRES_URL,
    FIRST_USER_ID,
    GcTimer,
    PostgresDatabase,
    bench_cipher,
    checkin_kind,
    header,
    insert_due_checkins,
    insert_users,
    max_checkin_id,
    pending_due,
    require_loopback,
    sqlite_url,
    status_counts,
    table,
    utc_now,
)
from core.checkin_messages import CheckinContext, render_checkin
from core.clock import SystemClock
from core.replies import Reply
from handlers.sending import TelegramDelivery
from models.db import create_engine, create_sessionmaker
from models.dispatch import Claimed
from models.journeys import Checkin
from models.migrate import upgrade_to_head
from scheduler.dispatcher import Dispatcher, DispatchReport, _Settlement
from tests.support.fake_bot_api import DEFAULT_TOKEN
from tests.support.recording_request import RecordingRequest

TARGET_PER_SECOND = 1_000.0
DUE_AGO = timedelta(seconds=30)
_BUTTON_DATA = re.compile(r"^c:(\d+):")


class TimedDispatcher(Dispatcher):
    """The real Dispatcher, with wall-clock time split into its phases (a few perf_counter calls
    a batch): claim + contexts + decide + render / sending / settling."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.run_seconds = 0.0
        self.send_seconds = 0.0
        self.settle_seconds = 0.0
        self.runs = 0
        # Per run: (rows claimed, seconds outside sending and settling = claim + render).
        self.claim_per_run: list[tuple[int, float]] = []

    async def run_once(self) -> DispatchReport:
        """Time one run."""
        started = time.perf_counter()
        send_before, settle_before = self.send_seconds, self.settle_seconds
        claimed = 0
        try:
            report = await super().run_once()
            claimed = report.claimed
            return report
        finally:
            seconds = time.perf_counter() - started
            self.run_seconds += seconds
            self.runs += 1
            inner = (self.send_seconds - send_before) + (self.settle_seconds - settle_before)
            self.claim_per_run.append((claimed, seconds - inner))

    async def _send_all(
        self, to_send: list[tuple[Claimed, Reply]], settlement: _Settlement, now: datetime
    ) -> None:
        started = time.perf_counter()
        try:
            await super()._send_all(to_send, settlement, now)
        finally:
            self.send_seconds += time.perf_counter() - started

    async def _settle(self, session: AsyncSession, settlement: _Settlement, now: datetime) -> None:
        started = time.perf_counter()
        try:
            await super()._settle(session, settlement, now)
        finally:
            self.settle_seconds += time.perf_counter() - started


@dataclass
class Result:
    """One backend's figures."""

    backend: str
    checkins: int
    insert_seconds: float = 0.0
    seconds: float = 0.0
    completed: bool = False
    report: DispatchReport = field(default_factory=DispatchReport)
    statuses: dict[str, int] = field(default_factory=dict)
    wrong_attempts: int = 0
    follow_ups: dict[str, int] = field(default_factory=dict)
    send_calls: int = 0
    distinct_chats: int = 0
    distinct_checkins: int = 0
    ids_match: bool = False
    left_due: int = 0
    phases: dict[str, float] = field(default_factory=dict)
    runs: int = 0
    claim_per_run: list[tuple[int, float]] = field(default_factory=list)
    gc_seconds: float = 0.0
    gc_collections: list[int] = field(default_factory=list)

    @property
    def per_second(self) -> float:
        """Check-ins sent a second."""
        return self.report.sent / self.seconds if self.seconds else 0.0

    @property
    def verified(self) -> bool:
        """Every row sent exactly once, one sendMessage each, nothing else."""
        n = self.checkins
        return (
            self.completed
            and self.statuses == {"sent": n}
            and self.wrong_attempts == 0
            and self.send_calls == n
            and self.distinct_chats == n
            and self.distinct_checkins == n
            and self.ids_match
            and self.left_due == 0
            and self.report.sent == n
        )


async def _count_wrong_attempts(engine: AsyncEngine, max_id: int) -> int:
    async with engine.connect() as conn:
        value = (
            await conn.execute(
                select(func.count()).where(Checkin.id <= max_id, Checkin.attempts != 1)
            )
        ).scalar()
    return int(value or 0)


async def _original_ids(engine: AsyncEngine, max_id: int) -> set[int]:
    async with engine.connect() as conn:
        rows = await conn.execute(select(Checkin.id).where(Checkin.id <= max_id))
        return {int(r) for (r,) in rows}


async def dispatch_on(
    backend: str,
    database_url: str,
    checkins: int,
    *,
    max_seconds: float,
    batch_size: int,
    concurrency: int,
    profile: cProfile.Profile | None = None,
) -> Result:
    """Fill a migrated database with due check-ins, dispatch them all, verify."""
    result = Result(backend=backend, checkins=checkins)
    engine = create_engine(database_url, cipher=bench_cipher())
    try:
        await upgrade_to_head(engine)
        now = utc_now()
        started = time.perf_counter()
        await insert_users(engine, checkins, now=now)
        await insert_due_checkins(engine, checkins, due_at=now - DUE_AGO, now=now)
        result.insert_seconds = time.perf_counter() - started
        max_id = await max_checkin_id(engine)

        request = RecordingRequest()
        bot = Bot(DEFAULT_TOKEN, request=request)
        await bot.initialize()  # getMe, answered offline
        request.clear()
        dispatcher = TimedDispatcher(
            sessionmaker=create_sessionmaker(engine),
            delivery=TelegramDelivery(bot),
            clock=SystemClock(),
            default_zone="UTC",
            batch_size=batch_size,
            concurrency=concurrency,
        )
        if profile is not None:
            profile.enable()
        with GcTimer().measuring() as gc_timer:
            started = time.perf_counter()
            result.report = await dispatcher.drain(max_seconds=max_seconds)
            result.seconds = time.perf_counter() - started
        if profile is not None:
            profile.disable()
        result.gc_seconds, result.gc_collections = gc_timer.seconds, gc_timer.collections
        result.claim_per_run = dispatcher.claim_per_run
        result.completed = result.seconds < max_seconds
        result.runs = dispatcher.runs
        other = dispatcher.run_seconds - dispatcher.send_seconds - dispatcher.settle_seconds
        result.phases = {
            "claim+contexts+decide+render": other,
            "send (PTB + offline request)": dispatcher.send_seconds,
            "settle (mark sent + plan next walks)": dispatcher.settle_seconds,
        }
        await bot.shutdown()

        result.left_due = await pending_due(engine, now=utc_now())
        result.statuses = await status_counts(engine, max_id=max_id)
        result.wrong_attempts = await _count_wrong_attempts(engine, max_id)
        all_statuses = await status_counts(engine)
        result.follow_ups = {
            status: all_statuses.get(status, 0) - result.statuses.get(status, 0)
            for status in all_statuses
            if all_statuses.get(status, 0) - result.statuses.get(status, 0)
        }
        sends = [call for call in request.calls if call.method == "sendMessage"]
        result.send_calls = len(sends)
        result.distinct_chats = len({int(call.params["chat_id"]) for call in sends})
        sent_ids: Counter[int] = Counter()
        for call in sends:
            markup = call.params.get("reply_markup")
            data = markup["inline_keyboard"][0][0]["callback_data"] if markup else ""
            match = _BUTTON_DATA.match(str(data))
            if match:
                sent_ids[int(match.group(1))] += 1
        result.distinct_checkins = len(sent_ids)
        result.ids_match = set(sent_ids) == await _original_ids(engine, max_id) and all(
            count == 1 for count in sent_ids.values()
        )
    finally:
        await engine.dispose()
    return result


async def bare_ptb(messages: int, *, batch_size: int, concurrency: int) -> tuple[float, int, float]:
    """The same Bot + offline request sending `messages` messages, no database."""
    request = RecordingRequest()
    bot = Bot(DEFAULT_TOKEN, request=request)
    await bot.initialize()
    request.clear()
    context = CheckinContext(language="en", zone="UTC")
    shapes = {kind: render_checkin(kind, 0, context) for kind in ("walk_daily", "grief_over")}
    semaphore = asyncio.Semaphore(concurrency)

    async def one(i: int) -> None:
        shape = shapes[checkin_kind(i)]
        markup = InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(b.label, callback_data=f"c:{i + 1}:{b.data.split(':')[2]}")
                    for b in row
                ]
                for row in shape.buttons
            ]
        )
        async with semaphore:
            await bot.send_message(chat_id=FIRST_USER_ID + i, text=shape.text, reply_markup=markup)

    with GcTimer().measuring() as gc_timer:
        started = time.perf_counter()
        for start in range(0, messages, batch_size):
            await asyncio.gather(*(one(i) for i in range(start, min(start + batch_size, messages))))
        seconds = time.perf_counter() - started
    await bot.shutdown()
    sent = sum(1 for call in request.calls if call.method == "sendMessage")
    return seconds, sent, gc_timer.seconds


def _area(filename: str, name: str) -> str:
    """Which library a profiled function belongs to."""
    if name.startswith("<method 'poll' of 'select.epoll'") or "selectors.py" in filename:
        return "event loop idle (waiting for the aiosqlite thread)"
    parts = {
        "sqlalchemy": "SQLAlchemy",
        "aiosqlite": "aiosqlite (main-thread side)",
        "asyncpg": "asyncpg",
        "telegram": "python-telegram-bot",
        "asyncio": "asyncio",
        "/json/": "json",
        "zoneinfo": "zoneinfo",
        "threading.py": "threading",
        "queue.py": "threading",
    }
    for marker, area in parts.items():
        if marker in filename:
            return area
    for package in ("/scheduler/", "/handlers/", "/models/", "/bot/"):
        if package in filename and ".venv" not in filename:
            return "Bounce Back code"
    if filename == "~":
        return f"builtins ({name[:40]})" if "sqlite" in name or "json" in name else "builtins"
    return "other"


def print_profile(profile: cProfile.Profile, seconds: float, top: int) -> None:
    """Where the main thread's time went: by library, then the heaviest functions."""
    stats = pstats.Stats(profile, stream=io.StringIO())
    by_area: dict[str, float] = {}
    raw: dict[tuple[str, int, str], tuple[int, int, float, float, object]] = stats.stats  # type: ignore[attr-defined]
    for (filename, _line, name), (_cc, _nc, tottime, _ct, _callers) in raw.items():
        area = _area(filename, name)
        by_area[area] = by_area.get(area, 0.0) + tottime
    total = sum(by_area.values()) or 1.0
    heaviest = sorted(by_area.items(), key=lambda item: item[1], reverse=True)[:12]
    print(f"\nmain-thread self time by library (profiled run: {seconds:.2f} s wall):")
    table(
        [(area, f"{t:.2f}", f"{100 * t / total:.0f}%") for area, t in heaviest],
        ("area", "self s", "share"),
    )
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(top)
    print(f"\ntop {top} functions by self time:")
    lines = out.getvalue().splitlines()
    start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
    print("\n".join(line[:160] for line in lines[start:] if line.strip()))
    out = io.StringIO()
    # Only plain functions: cProfile's cumulative time of a coroutine counts each resumption
    # separately, so it says little about the async steps.
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(
        r"\((de_json|to_dict|_insert_defaults|from_input|render_checkin|keyboard_of|decide|"
        r"next_occurrence|iterencode|raw_decode|_get_attrs)\)"
    )
    print("\ncumulative time of the main synchronous steps:")
    lines = out.getvalue().splitlines()
    start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
    print("\n".join(line[:160] for line in lines[start : start + 16] if line.strip()))


def print_result(result: Result) -> None:
    """The verification and phase split of one backend."""
    print(
        f"\n[{result.backend}] dispatched {result.report.sent:,} of {result.checkins:,} "
        f"in {result.seconds:.2f} s ({result.runs} runs of the dispatcher)"
    )
    print(
        f"  report: claimed={result.report.claimed} sent={result.report.sent} "
        f"dropped={result.report.dropped} deferred={result.report.deferred} "
        f"retried={result.report.retried} failed={result.report.failed}"
    )
    print(
        f"  original rows by status: {result.statuses}; rows with attempts != 1: "
        f"{result.wrong_attempts}; still due: {result.left_due}"
    )
    print(f"  rows added by the dispatcher (next daily walks): {result.follow_ups}")
    print(
        f"  sendMessage calls recorded: {result.send_calls:,}; distinct chats: "
        f"{result.distinct_chats:,}; distinct check-in ids in buttons: "
        f"{result.distinct_checkins:,}; each original id exactly once: {result.ids_match}"
    )
    print(f"  CHECK every row sent exactly once: {'PASS' if result.verified else 'FAIL'}")
    total = sum(result.phases.values()) or 1.0
    for phase, seconds in result.phases.items():
        print(f"  phase {phase:<40} {seconds:7.2f} s  {100 * seconds / total:3.0f}%")
    print(
        f"  garbage collection inside those phases: {result.gc_seconds:.2f} s "
        f"(collections by generation: {result.gc_collections})"
    )
    full = [seconds for claimed, seconds in result.claim_per_run if claimed]
    if len(full) >= 10:
        points = []
        for share in (0.0, 0.25, 0.5, 0.75, 1.0):
            at = min(int(share * (len(full) - 1)), len(full) - 5)
            window = sorted(full[at : at + 5])
            backlog = result.checkins - at * result.claim_per_run[0][0]
            points.append(f"{backlog:,} due: {1000 * window[2]:.0f} ms")
        print(
            f"  claim+render per run (median of 5 runs) as the backlog shrinks: {'; '.join(points)}"
        )


async def main_async(args: argparse.Namespace) -> int:
    """Run the baseline and each backend; print the figures."""
    header(
        f"Check-in dispatch throughput: {args.checkins:,} due check-ins for "
        f"{args.checkins:,} users (batch {args.batch_size}, concurrency {args.concurrency})"
    )
    results: list[Result] = []
    rows: list[tuple[object, ...]] = []

    base_seconds, base_sent, base_gc = await bare_ptb(
        args.checkins, batch_size=args.batch_size, concurrency=args.concurrency
    )
    base_rate = base_sent / base_seconds
    print(
        f"\n[baseline] bare python-telegram-bot, no database: {base_sent:,} messages in "
        f"{base_seconds:.2f} s (garbage collection inside: {base_gc:.2f} s)",
        flush=True,
    )

    with tempfile.TemporaryDirectory(prefix="bench_dispatch_") as folder:
        result = await dispatch_on(
            "SQLite",
            sqlite_url(Path(folder) / "bench.db"),
            args.checkins,
            max_seconds=args.max_seconds,
            batch_size=args.batch_size,
            concurrency=args.concurrency,
        )
    results.append(result)
    print_result(result)

    if not args.skip_postgres:
        require_loopback(args.postgres_url)
        database = await PostgresDatabase.create(args.postgres_url)
        try:
            result = await dispatch_on(
                "PostgreSQL",
                database.url,
                args.checkins,
                max_seconds=args.max_seconds,
                batch_size=args.batch_size,
                concurrency=args.concurrency,
            )
        finally:
            await database.drop()
        results.append(result)
        print_result(result)

    rows.append(
        (
            "bare PTB, no database (baseline)",
            f"{base_sent:,}",
            f"{base_seconds:.2f}",
            f"{base_rate:,.0f}",
            "100%",
            "-",
            "-",
        )
    )
    for result in results:
        rows.append(
            (
                f"Dispatcher on {result.backend}",
                f"{result.report.sent:,}",
                f"{result.seconds:.2f}",
                f"{result.per_second:,.0f}",
                f"{100 * result.per_second / base_rate:.0f}%",
                f"{result.insert_seconds:.1f}",
                "PASS" if result.verified else "FAIL",
            )
        )
    print("\nSummary")
    table(rows, ("run", "sent", "seconds", "per second", "of baseline", "insert s", "verified"))
    sqlite = results[0]
    met = sqlite.per_second >= TARGET_PER_SECOND
    print(
        f"\nTarget >= {TARGET_PER_SECOND:,.0f} check-ins/s on SQLite: "
        f"{'MET' if met else 'NOT MET'} ({sqlite.per_second:,.0f}/s)"
    )

    if args.profile == "always" or (args.profile == "auto" and not met):
        n = min(args.profile_checkins, args.checkins)
        print(
            f"\nProfiling a {n:,}-check-in SQLite run with cProfile (main thread only; "
            "SQLite itself runs in aiosqlite's thread and shows up as event-loop idle)..."
        )
        profile = cProfile.Profile()
        with tempfile.TemporaryDirectory(prefix="bench_dispatch_prof_") as folder:
            profiled = await dispatch_on(
                "SQLite (profiled)",
                sqlite_url(Path(folder) / "bench.db"),
                n,
                max_seconds=args.max_seconds,
                batch_size=args.batch_size,
                concurrency=args.concurrency,
                profile=profile,
            )
        print_result(profiled)
        print_profile(profile, profiled.seconds, args.profile_top)
    return 0 if all(r.verified for r in results) else 1


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--checkins", type=int, default=100_000, help="due check-ins (= users)")
    parser.add_argument("--batch-size", type=int, default=500, help="Dispatcher batch_size")
    parser.add_argument("--concurrency", type=int, default=16, help="Dispatcher concurrency")
    parser.add_argument(
        "--max-seconds", type=float, default=150.0, help="time bound of each dispatch run"
    )
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES_URL, help="admin URL")
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument(
        "--profile",
        choices=("auto", "always", "never"),
        default="auto",
        help="cProfile a SQLite run (auto: only when below the target)",
    )
    parser.add_argument("--profile-checkins", type=int, default=5_000)
    parser.add_argument("--profile-top", type=int, default=25)
    args = parser.parse_args(argv)
    if args.checkins < 1:
        parser.error("--checkins must be at least 1")
    return args


def main() -> int:
    """Entry point."""
    return asyncio.run(main_async(parse_args()))


if __name__ == "__main__":
    raise SystemExit(main())
