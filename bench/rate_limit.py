"""Rate-limit saturation: how close to Telegram's 30 messages/s the real bot sends, without 429s.

Starts the tests' `FakeBotApi(max_messages_per_second=30)` on 127.0.0.1 (a sliding one-second
window; one message over it is answered 429 with retry_after), creates a SQLite database with
`--checkins` users each with one due check-in (no quiet hours), builds the real application
(`bot.app.build_application`: real HTTP request, `SendBudget` at the default
`max_messages_per_second`), initialises it and runs the application's dispatcher
(`drain(...)`) until no check-in is left pending, bounded by `--max-seconds`.

    .venv/bin/python bench/rate_limit.py                     # 3,000 check-ins, ~2 minutes
    .venv/bin/python bench/rate_limit.py --checkins 300
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("PTB_TIMEDELTA", "true")

import argparse
import asyncio
import itertools
import logging
import statistics
import tempfile
from collections import Counter
from datetime import timedelta

from pydantic import SecretStr
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bench._common import (
    bench_key,
    header,
    insert_due_checkins,
    insert_users,
    max_checkin_id,
    sqlite_url,
    status_counts,
    table,
    utc_now,
)
from bot.app import app_data, build_application
from bot.settings import Settings
from models.db import create_engine, create_sessionmaker
from models.journeys import Checkin
from models.migrate import upgrade_to_head
from scheduler.dispatcher import DispatchReport
from tests.support.fake_bot_api import FakeBotApi

ALLOWED_PER_SECOND = 30.0
TARGET_SHARE = 0.95
DUE_AGO = timedelta(seconds=30)


async def saturate(args: argparse.Namespace, folder: Path) -> int:
    """Fill the database, drain it through the fake API, print the figures."""
    api = FakeBotApi(max_messages_per_second=ALLOWED_PER_SECOND).start()
    engine = None
    try:
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            telegram_bot_token=SecretStr(api.token),
            telegram_api_base_url=api.base_url,
            database_url=sqlite_url(folder / "bench.db"),
            heartbeat_file=folder / "heartbeat",
            encryption_key=SecretStr(bench_key()),
        )
        engine = create_engine(settings.database_url, cipher=settings.cipher())
        await upgrade_to_head(engine)
        now = utc_now()
        await insert_users(engine, args.checkins, now=now)
        await insert_due_checkins(engine, args.checkins, due_at=now - DUE_AGO, now=now)
        max_id = await max_checkin_id(engine)

        application = build_application(settings, sessionmaker=create_sessionmaker(engine))
        await application.initialize()  # getMe through the real HTTP request
        dispatcher = app_data(application).dispatcher
        default_rate = Settings.model_fields["max_messages_per_second"].default
        origin = (
            "the default"
            if settings.max_messages_per_second == default_rate
            else f"NOT the default {default_rate:g}: MAX_MESSAGES_PER_SECOND is set"
        )
        print(
            f"fake Bot API at {api.base_url} allows {ALLOWED_PER_SECOND:.0f} messages/s; the bot's "
            f"max_messages_per_second = {settings.max_messages_per_second:g} ({origin}); "
            f"dispatcher batch {dispatcher.batch_size}, concurrency {dispatcher.concurrency}",
            flush=True,
        )

        total = DispatchReport()
        loop = asyncio.get_running_loop()
        started = loop.time()
        deadline = started + args.max_seconds
        left = args.checkins
        drains = 0
        next_progress = started + 15
        try:
            while left and loop.time() < deadline:
                remaining = deadline - loop.time()
                # drain() checks its own deadline between runs; a run of 500 takes ~17 s.
                report = await asyncio.wait_for(
                    dispatcher.drain(max_seconds=remaining), timeout=remaining + 30
                )
                drains += 1
                total.add(report)
                left = await _unsettled(engine, max_id)
                if left and report.claimed == 0:
                    await asyncio.sleep(0.5)  # rows put back for later (retry after) not due yet
                if loop.time() >= next_progress:
                    next_progress = loop.time() + 15
                    print(f"  ... {args.checkins - left:,} settled, {left:,} left", flush=True)
        except TimeoutError:
            print("  (stopped: time bound reached in the middle of a run)")
        elapsed = loop.time() - started
        await application.shutdown()

        sends = api.calls_to("sendMessage")
        delivered = api.sent_messages()
        per_chat = Counter(int(message["chat"]["id"]) for message in delivered)
        duplicates = sum(count - 1 for count in per_chat.values() if count > 1)
        statuses = await status_counts(engine, max_id=max_id)
        lost = args.checkins - statuses.get("sent", 0)
        ok_times = sorted(
            call.at for call in sends if int(call.params.get("chat_id", 0)) in per_chat
        )
        rate = len(delivered) / elapsed if elapsed else 0.0
        share = rate / ALLOWED_PER_SECOND
        wire = (
            (len(ok_times) - 1) / (ok_times[-1] - ok_times[0])
            if len(ok_times) > 1 and ok_times[-1] > ok_times[0]
            else 0.0
        )
        max_window = _max_in_one_second(ok_times)

        print(
            f"\ndispatcher report: claimed={total.claimed} sent={total.sent} "
            f"retried={total.retried} deferred={total.deferred} failed={total.failed} "
            f"dropped={total.dropped} ({drains} drain calls)"
        )
        print(f"original rows by status: {statuses}")
        print(f"sendMessage requests received by the fake: {len(sends):,}")
        print()
        table(
            [
                ("check-ins", f"{args.checkins:,}", ""),
                ("delivered (accepted by the fake API)", f"{len(delivered):,}", ""),
                ("elapsed (first claim to last settle)", f"{elapsed:.1f} s", ""),
                (
                    "achieved rate, end to end",
                    f"{rate:.2f} msg/s = {100 * share:.1f}% of 30/s",
                    "MET" if share >= TARGET_SHARE else "NOT MET",
                ),
                (
                    "rate on the wire (first to last accepted send)",
                    f"{wire:.2f} msg/s = {100 * wire / ALLOWED_PER_SECOND:.1f}% of 30/s",
                    "",
                ),
                ("most sends in any 1 s window", f"{max_window}", ""),
                ("gaps between accepted sends", _gaps(ok_times), ""),
                (
                    "429 responses (api.rejected_429)",
                    f"{api.rejected_429}",
                    "MET" if api.rejected_429 == 0 else "NOT MET",
                ),
                ("lost check-ins (rows not sent)", f"{lost}", "MET" if lost == 0 else "NOT MET"),
                ("duplicate deliveries", f"{duplicates}", ""),
            ],
            ("figure", "value", "target"),
        )
        met = share >= TARGET_SHARE and api.rejected_429 == 0 and lost == 0
        return 0 if met else 1
    finally:
        if engine is not None:
            await engine.dispose()
        api.stop()


async def _unsettled(engine: AsyncEngine, max_id: int) -> int:
    """Original rows not yet settled (pending or claimed)."""
    async with engine.connect() as conn:
        value = (
            await conn.execute(
                select(func.count()).where(
                    Checkin.id <= max_id, Checkin.status.in_(("pending", "claimed"))
                )
            )
        ).scalar()
    return int(value or 0)


def _gaps(times: list[float]) -> str:
    """Median, 95th percentile and largest gap between consecutive sends, in ms."""
    gaps = sorted(1000 * (b - a) for a, b in itertools.pairwise(times))
    if not gaps:
        return "-"
    p95 = gaps[min(len(gaps) - 1, int(0.95 * len(gaps)))]
    return f"median {statistics.median(gaps):.1f} ms, p95 {p95:.1f} ms, max {gaps[-1]:.0f} ms"


def _max_in_one_second(times: list[float]) -> int:
    """The most timestamps inside any one-second window (sorted input)."""
    best = 0
    start = 0
    for end, at in enumerate(times):
        while at - times[start] >= 1.0:
            start += 1
        best = max(best, end - start + 1)
    return best


def main() -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--checkins", type=int, default=3_000, help="due check-ins (= users)")
    parser.add_argument(
        "--max-seconds", type=float, default=210.0, help="stop draining after this long"
    )
    args = parser.parse_args()
    if args.checkins < 1:
        parser.error("--checkins must be at least 1")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    header(
        f"Rate-limit saturation: {args.checkins:,} due check-ins through the real application "
        f"against a fake Bot API allowing {ALLOWED_PER_SECOND:.0f} messages/s"
    )
    with tempfile.TemporaryDirectory(prefix="bench_ratelimit_") as folder:
        return asyncio.run(saturate(args, Path(folder)))


if __name__ == "__main__":
    raise SystemExit(main())
