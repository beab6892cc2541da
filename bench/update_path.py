"""The update path as a new user sees it: the real `bounceback run` process against a fake Bot API
whose every method answers after a set latency, with a bare python-telegram-bot echo bot as the
baseline in the same run.

Scenarios (SQLite, then PostgreSQL unless --skip-postgres; each on a fresh database; the bot runs
with production settings unless a scenario names one):

1. Open loop. `--users` new users each send one update every `--interval` seconds from a random
   phase, for `--seconds` (default 250 users / 10 s = 25 updates/s offered, 60 s). Each update is
   the user's next journey answer (the tests' scripted ten-step walk, from /start): a tap on the
   question's button when it has one and a coin (`--tap-share`) says so, typed otherwise. A user
   whose previous reply hasn't arrived still sends on schedule and types the next answer ahead
   (the bot handles a user's updates in order, so the walk stays valid); the table says how
   often that happened. Reply latency = from pushing an update to the moment the fake answered
   the first sendMessage/editMessageText to that chat after it (after the latency, so the
   message exists); replies are matched to answers in order. The fake allows the bot's budget + 1
   messages in any sliding second, as Telegram allows about 30.
2. Messages per answered prompt. `--journey-users` new users walk one whole journey, from /start
   to the wrap-up, each answering `--think` s after its question arrived. Every sendMessage the
   fake accepted for those chats, divided by the answers they gave (/start counts as one answer).
   Flood control is raised for this one (people don't answer every second).
3. Drain. Latency 0, the send limit lifted (MAX_MESSAGES_PER_SECOND and CHAT_MESSAGES_PER_SECOND
   1000), no limit in the fake. `--drain-users` users' first `--drain-per-user` journey answers
   (/start first, interleaved across users) are queued before the process starts;
   updates/s = updates handled / (first getUpdates -> last reply).
4. Check-in burst. `--burst-checkins` users, each with a check-in due 30 s ago (half walk_daily,
   half grief_over, no quiet hours), are in the database before the process starts; while they
   go out at the budget (fake allowing budget + 1), `--burst-users` new users chat (open loop,
   one update every `--burst-interval` s, for `--burst-seconds`).
5. Webhook replicas (PostgreSQL). `--replicas` processes in webhook mode share one database;
   this script plays Telegram: it POSTs updates round-robin to the replicas with the secret
   header, at most `max_connections` (what the replicas told setWebhook) at once, a user's next
   update only after their previous POST was answered. `--webhook-users` users are scheduled at
   `--webhook-rate` updates/s for `--webhook-seconds`, with `--webhook-checkins` check-ins due.
   Reported: the most sendMessage calls the fake accepted in any sliding second, against the
   budget (MAX_MESSAGES_PER_SECOND, default), and the fake's 429 count.
6. Baseline: an echo bot (`Application.run_polling`, a MessageHandler that sends the text back
   and a CallbackQueryHandler that answers the query and sends its data back; no database, no
   rate limiter), sequential and with `concurrent_updates`, in a subprocess against the same
   fake with the same latency: the same open loop (replaying exactly the texts and taps Bounce
   Back's users sent on SQLite, at the same moments; no send limit in the fake) and the same
   drain (the same texts). Bounce Back's drain is compared with the faster echo variant.

Every Bot API method answers after `--latency-ms`. getUpdates too (`--getupdates-latency-ms`,
default the same): the fake sleeps before it starts the long poll, so each call costs one round
trip, while an update that arrives during a long poll is returned at once. The long poll itself
never adds latency and the round trip is paid once per call, by both bots alike.

The fake runs in this process (threads). Its send limit counts sends by arrival, not after the
latency sleep (see `RecordingApi`), and this process switches threads every 0.5 ms, so that its
own busy moments don't bunch the timestamps. CPU use of the bot and of this process is printed.

Everything printed is measured in this run. All traffic stays on 127.0.0.1. Exit status: 0 when
every target that was measured is met, 1 when one is missed, 2 when a scenario failed to run.

    .venv/bin/python bench/update_path.py                      # ~13 minutes
    .venv/bin/python bench/update_path.py --quick              # ~3 minutes, smaller everything
    .venv/bin/python bench/update_path.py --quick --skip-postgres --only open,echo
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("PTB_TIMEDELTA", "true")

import argparse
import asyncio
import contextlib
import functools
import itertools
import logging
import math
import random
import re
import signal
import subprocess
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from importlib.metadata import version
from typing import Any

import asyncpg
import httpx

from bench._common import (
    DEFAULT_POSTGRES_URL,
    FIRST_USER_ID,
    PostgresDatabase,
    bench_key,
    header,
    insert_due_checkins,
    insert_users,
    require_loopback,
    sqlite_url,
    table,
)
from bench._update_path_support import (
    REPLY_METHODS,
    Chatter,
    CpuMeter,
    Event,
    Feed,
    LoadResult,
    RecordingApi,
    busiest_window,
    closed_loop,
    collect,
    max_in_window,
    open_loop,
    over_limit,
    percentile,
    wait_for_replies,
    wrap_up_index,
)
from bot.settings import Settings
from bot.webhook import SECRET_HEADER
from models.crypto import Cipher, keys_from
from models.db import create_engine
from models.migrate import upgrade_to_head
from tests.support.chaos import walk_time_far_from_now
from tests.support.process import BotProcess, free_port

REPO_ROOT = Path(__file__).resolve().parents[1]

# Targets.
OPEN_LOOP_RATE = 25.0
OPEN_LOOP_LATENCY_MS = 50.0
OPEN_LOOP_P99_MS = 300.0
DRAIN_SHARE = 0.40
BURST_P99_MS = 500.0
BURST_CHECKINS = 10_000
MESSAGES_PER_PROMPT = 1.15

# Production defaults, read from the settings (not repeated here).
DEFAULTS = {name: info.default for name, info in Settings.model_fields.items()}
BUDGET = float(DEFAULTS["max_messages_per_second"])
CONCURRENCY = int(DEFAULTS["concurrent_updates"])

# User ids of each scenario's chatting users (check-in users start at FIRST_USER_ID).
OPEN_USERS = 500_000_000
JOURNEY_USERS = 510_000_000
DRAIN_USERS = 520_000_000
BURST_USERS = 530_000_000
WEBHOOK_USERS = 540_000_000
WEBHOOK_SECRET = "bench-webhook-secret-0123456789abcdef"
DUE_AGO = timedelta(seconds=30)
READY_TIMEOUT = 60.0
SWITCH_INTERVAL = 0.0005
# Timestamps may be off by this much (see scenario 5).
WINDOW_JITTER = 0.005
# Scripted users answer a question every second or so: more than flood control lets through.
JOURNEY_FLOOD_MAX = 10_000


# --------------------------------------------------------------------------- processes


def production_env(key: str, **extra: str) -> dict[str, str]:
    """Environment of `bounceback run`: production defaults except what a scenario sets (the
    tests' BotProcess would otherwise log at DEBUG, poll for 1 s, switch off flood control and
    lift the per-chat pace)."""
    return {
        "ENCRYPTION_KEY": key,
        "LOG_LEVEL": str(DEFAULTS["log_level"]),
        "POLLING_TIMEOUT": str(DEFAULTS["polling_timeout"]),
        "FLOOD_MAX_MESSAGES": str(DEFAULTS["flood_max_messages"]),
        "CHAT_MESSAGES_PER_SECOND": str(DEFAULTS["chat_messages_per_second"]),
        **extra,
    }


def alive_check(*processes: subprocess.Popen[bytes] | None) -> Callable[[], None]:
    """A callable that raises when one of the processes has exited."""

    def check() -> None:
        for process in processes:
            if process is not None and process.poll() is not None:
                raise RuntimeError(f"the process under test exited ({process.returncode})")

    return check


def wait_for_first_poll(api: RecordingApi, check: Callable[[], None], timeout: float) -> float:
    """Until the process under test called getUpdates; when it did."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        first = api.first_poll
        if first is not None:
            return first
        check()
        time.sleep(0.02)
    raise RuntimeError(f"no getUpdates within {timeout:.0f} s")


def start_bounceback(
    api: RecordingApi, workdir: Path, *, database_url: str, key: str, ready: str, **env: str
) -> BotProcess:
    """`bounceback run` against the fake, once it logged `ready`."""
    workdir.mkdir(parents=True, exist_ok=True)
    bot = BotProcess(api, workdir, **production_env(key, DATABASE_URL=database_url, **env))
    bot.start()
    try:
        bot.wait_for_log(ready, timeout=READY_TIMEOUT)
    except BaseException:
        bot.kill()
        raise
    return bot


@dataclass
class Stopped:
    """How a process under test ended."""

    seconds: float
    code: int | None  # None: it did not stop within the timeout and was killed
    warnings: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """One line for the report."""
        how = f"exit {self.code}" if self.code is not None else "did not stop: SIGKILL"
        return f"SIGTERM -> {how} after {self.seconds:.1f} s"


_LOG_LEVEL = re.compile(r"level=(warning|error|critical) .*?msg=(.{0,90})")


def read_log(text: str, stopped: Stopped) -> None:
    """Count the warnings (by message start) and keep the first error lines of a process log,
    with the last line of each traceback (the exception)."""
    traceback_end = ""

    def close_traceback() -> None:
        if traceback_end and len(stopped.errors) < 6:
            stopped.errors.append("  " + traceback_end.strip()[:200])

    for line in text.splitlines():
        if not line.startswith("ts="):  # a traceback's lines follow their log line
            if line.startswith("Traceback") and len(stopped.errors) < 3:
                stopped.errors.append(line[:200])
            if line.strip():
                traceback_end = line
            continue
        close_traceback()
        traceback_end = ""
        match = _LOG_LEVEL.search(line)
        if match is None:
            continue
        level, message = match.groups()
        if level == "warning":
            stopped.warnings[re.sub(r"\d+", "N", message.replace('\\"', '"'))] += 1
        elif len(stopped.errors) < 3:
            stopped.errors.append(line[:240])
    close_traceback()


def stop_bounceback(bots: Sequence[BotProcess], timeout: float) -> list[Stopped]:
    """SIGTERM every process at once, then wait for each (SIGKILL after `timeout`)."""
    began = time.monotonic()
    for bot in bots:
        if bot.process is not None and bot.process.poll() is None:
            bot.process.send_signal(signal.SIGTERM)
    results = []
    for bot in bots:
        remaining = max(0.5, timeout - (time.monotonic() - began))
        code: int | None
        try:
            code = bot.stop(signal.SIGTERM, timeout=remaining)
        except subprocess.TimeoutExpired:
            code = None
        stopped = Stopped(time.monotonic() - began, code)
        read_log(bot.log(), stopped)
        results.append(stopped)
    return results


class EchoBot:
    """The baseline: `python -m bench._update_path_support echo` against the fake."""

    def __init__(self, api: RecordingApi, workdir: Path, concurrent: int) -> None:
        workdir.mkdir(parents=True, exist_ok=True)
        self.log_path = workdir / f"echo-{concurrent}-{time.monotonic_ns()}.log"
        self._log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bench._update_path_support",
                "echo",
                "--base-url",
                api.base_url,
                "--token",
                api.token,
                "--concurrent",
                str(concurrent),
                "--poll-timeout",
                str(DEFAULTS["polling_timeout"]),
            ],
            cwd=REPO_ROOT,
            env={
                "PATH": os.environ.get("PATH", ""),
                "HOME": str(workdir),
                "PTB_TIMEDELTA": "true",
            },
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def stop(self, timeout: float) -> Stopped:
        """SIGTERM, wait, SIGKILL after `timeout`."""
        began = time.monotonic()
        code: int | None = None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        finally:
            self._log.close()
        stopped = Stopped(time.monotonic() - began, code)
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        stopped.errors = [line[:200] for line in text.splitlines() if "Error" in line][:3]
        return stopped


# --------------------------------------------------------------------------- databases


@contextlib.contextmanager
def fresh_database(backend: str, workdir: Path, admin_url: str) -> Iterator[str]:
    """DATABASE_URL of a new SQLite file, or of a new `bench_*` PostgreSQL database (dropped
    afterwards)."""
    if backend == "SQLite":
        yield sqlite_url(workdir / "data" / "bounceback.db")
        return
    database = asyncio.run(PostgresDatabase.create(admin_url))
    try:
        yield database.url
    finally:
        asyncio.run(database.drop())


def preload_checkins(database_url: str, key: str, count: int) -> float:
    """Migrate, then `count` users each with one check-in due 30 s ago; seconds it took."""

    async def load() -> None:
        engine = create_engine(database_url, cipher=Cipher(keys_from(key)))
        try:
            await upgrade_to_head(engine)
            now = datetime.now(UTC)
            await insert_users(engine, count, now=now)
            await insert_due_checkins(engine, count, due_at=now - DUE_AGO, now=now)
        finally:
            await engine.dispose()

    began = time.monotonic()
    asyncio.run(load())
    return time.monotonic() - began


async def _postgres_version(admin_url: str) -> str:
    parsed = admin_url.replace("postgresql+asyncpg://", "postgresql://")
    conn = await asyncpg.connect(parsed, timeout=5)
    try:
        return str(await conn.fetchval("SHOW server_version"))
    finally:
        await conn.close()


# --------------------------------------------------------------------------- results


@dataclass
class Target:
    """One row of the summary."""

    what: str
    where: str
    measured: str
    met: bool | None  # None: could not be measured


@dataclass
class Report:
    """Everything the run collected, for the summary."""

    targets: list[Target] = field(default_factory=list)
    timings: list[tuple[str, float]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    drains: dict[str, float] = field(default_factory=dict)
    # What each open-loop user of the SQLite run sent, for the echo bot to replay.
    scripts: dict[int, list[tuple[str, str]]] = field(default_factory=dict)


def fmt_ms(milliseconds: float) -> str:
    """A number of milliseconds, or '-'."""
    return "-" if math.isnan(milliseconds) else f"{milliseconds:,.0f}"


def latency_row(name: str, result: LoadResult) -> tuple[str, ...]:
    """One row of a latency table."""
    return (
        name,
        f"{result.pushed:,}",
        f"{result.offered_rate:.1f}",
        f"{result.handled_rate:.1f}",
        fmt_ms(result.ms(0.50)),
        fmt_ms(result.ms(0.99)),
        fmt_ms(1000 * max(result.latencies, default=math.nan)),
        f"{result.missing}",
        f"{result.typed_ahead}",
        f"{result.taps}",
        f"{result.bot_cores:.2f} / {result.harness_cores:.2f}",
    )


LATENCY_HEADINGS = (
    "run",
    "updates",
    "offered/s",
    "handled/s",
    "p50 ms",
    "p99 ms",
    "max ms",
    "no reply",
    "typed ahead",
    "taps",
    "CPU cores bot / harness",
)


def print_shape(result: LoadResult, parts: int = 5) -> None:
    """Latency by period of the run and by typed / tapped."""
    periods = "; ".join(
        f"{at:.0f}s+ {fmt_ms(p50)}/{fmt_ms(p99)} ({n})"
        for at, n, p50, p99 in result.by_period(parts)
    )
    print(f"  p50/p99 ms (updates) by when they were sent: {periods}")
    kinds = []
    for kind, label in (("text", "typed"), ("tap", "tapped")):
        n, p50, p99 = result.by_kind(kind)
        if n:
            kinds.append(f"{label} {fmt_ms(p50)}/{fmt_ms(p99)} ({n})")
    print(f"  p50/p99 ms (updates): {'; '.join(kinds)}")


def sends_per_second(sends: Sequence[Event]) -> str:
    """The most sendMessage calls arriving in one sliding second: accepted ones (what the fake's
    limit counts) and every attempt (429s included)."""
    accepted = max_in_window(e.arrived for e in sends if e.ok)
    arrived = max_in_window(e.arrived for e in sends)
    return f"most arriving in one sliding second: {accepted} accepted, {arrived} attempts"


def print_stuck(result: LoadResult) -> None:
    """Users still waiting for a reply at the end."""
    for user_id, waiting, last in result.stuck:
        print(f"    user {user_id} still waits for {waiting!r}; last message: {last!r}")


def print_stopped(name: str, stopped: Sequence[Stopped]) -> None:
    """How the processes ended, and what they logged at warning or above."""
    for n, item in enumerate(stopped):
        label = name if len(stopped) == 1 else f"{name} #{n + 1}"
        warnings = ", ".join(f"{count} x {msg!r}" for msg, count in item.warnings.most_common(3))
        print(f"  {label}: {item.describe()}" + (f"; warnings: {warnings}" if warnings else ""))
        for line in item.errors:
            print(f"    error: {line}")


# --------------------------------------------------------------------------- scenarios


@dataclass
class Run:
    """Options shared by the scenarios."""

    args: argparse.Namespace
    folder: Path
    report: Report
    key: str = field(default_factory=bench_key)
    counter: Iterator[int] = field(default_factory=itertools.count)

    def workdir(self, name: str) -> Path:
        """A fresh folder for one process's files."""
        path = self.folder / f"{next(self.counter):02d}-{name}"
        path.mkdir(parents=True)
        return path

    def api(self, *, latency: bool, limit: bool) -> RecordingApi:
        """A started fake: every method after the latency (or none), Telegram's limit or none."""
        api = RecordingApi(max_messages_per_second=BUDGET + 1 if limit else None).start()
        if latency:
            seconds = self.args.latency_ms / 1000
            poll = self.args.getupdates_latency_ms
            api.delay_every_method(seconds, get_updates=None if poll is None else poll / 1000)
        return api


def scenario_open_loop(run: Run, backend: str) -> None:
    """1: the open loop against Bounce Back on one backend."""
    args = run.args
    workdir = run.workdir(f"open-{backend}")
    with fresh_database(backend, workdir, args.postgres_url) as url:
        api = run.api(latency=True, limit=True)
        bot: BotProcess | None = None
        try:
            bot = start_bounceback(
                api, workdir, database_url=url, key=run.key, ready="polling for updates"
            )
            check = alive_check(bot.process)
            wait_for_first_poll(api, check, READY_TIMEOUT)
            walk_time = walk_time_far_from_now(datetime.now(UTC))
            users = [
                Chatter(OPEN_USERS + n, n, walk_time, tap_share=args.tap_share, seed=args.seed)
                for n in range(args.users)
            ]
            assert bot.process is not None
            result = open_loop(
                api,
                users,
                seconds=args.seconds,
                interval=args.interval,
                seed=args.seed,
                grace=args.grace,
                pids=[bot.process.pid],
                alive=check,
            )
            sends = api.events("sendMessage")
            rejected = api.rejected_429
        finally:
            stopped = stop_bounceback([bot], args.stop_timeout) if bot is not None else []
            api.stop()
    if backend == "SQLite":
        run.report.scripts = {u.user_no: [(s.kind, s.value) for s in u.sent] for u in users}
    print(
        f"\n[1. open loop, {backend}] {args.users} users x 1 update / {args.interval:g} s, "
        f"{args.seconds:g} s; every Bot API call answered after {args.latency_ms:g} ms"
    )
    table([latency_row(f"Bounce Back, {backend}", result)], LATENCY_HEADINGS)
    accepted = [e.answered for e in sends if e.ok]
    print_shape(result)
    print(
        f"  sendMessage accepted {len(accepted):,}; {sends_per_second(sends)}; "
        f"429 answers: {rejected}"
    )
    print_stuck(result)
    print_stopped("bounceback", stopped)
    met = result.ms(0.99) <= OPEN_LOOP_P99_MS and result.offered_rate >= 0.95 * OPEN_LOOP_RATE
    run.report.targets.append(
        Target(
            f"open loop {OPEN_LOOP_RATE:g} updates/s at {OPEN_LOOP_LATENCY_MS:g} ms a call: "
            f"reply p99 <= {OPEN_LOOP_P99_MS:g} ms",
            backend,
            f"p99 {fmt_ms(result.ms(0.99))} ms at {result.offered_rate:.1f} updates/s, "
            f"{args.latency_ms:g} ms a call ({result.missing} without reply)",
            met if _at_target_load(args) else None,
        )
    )


def _at_target_load(args: argparse.Namespace) -> bool:
    """Whether the open loop ran at the load and latency the target is about."""
    rate = float(args.users) / float(args.interval)
    return rate >= 0.95 * OPEN_LOOP_RATE and float(args.latency_ms) >= OPEN_LOOP_LATENCY_MS


def scenario_journeys(run: Run, backend: str) -> None:
    """2: whole journeys, closed loop; sendMessage per answer."""
    args = run.args
    workdir = run.workdir(f"journey-{backend}")
    with fresh_database(backend, workdir, args.postgres_url) as url:
        api = run.api(latency=True, limit=True)
        bot: BotProcess | None = None
        try:
            bot = start_bounceback(
                api,
                workdir,
                database_url=url,
                key=run.key,
                ready="polling for updates",
                FLOOD_MAX_MESSAGES=str(JOURNEY_FLOOD_MAX),
            )
            check = alive_check(bot.process)
            wait_for_first_poll(api, check, READY_TIMEOUT)
            walk_time = walk_time_far_from_now(datetime.now(UTC))
            users = [
                Chatter(JOURNEY_USERS + n, n, walk_time, tap_share=args.tap_share, seed=args.seed)
                for n in range(args.journey_users)
            ]
            result, done = closed_loop(
                api,
                users,
                answers=wrap_up_index,
                think=args.think,
                timeout=args.journey_timeout,
                settle=1.5,
                alive=check,
            )
            chats = {u.user_id for u in users}
            sends = [e for e in api.events("sendMessage") if e.chat_id in chats]
            edits = [e for e in api.events("editMessageText") if e.chat_id in chats]
        finally:
            stopped = stop_bounceback([bot], args.stop_timeout) if bot is not None else []
            api.stop()
    answers = sum(len(u.sent) for u in users)
    accepted = sum(1 for e in sends if e.ok)
    ratio = accepted / answers if answers else math.nan
    print(
        f"\n[2. whole journeys, {backend}] {len(users)} new users, /start to the wrap-up, each "
        f"answering {args.think:g} s after the question arrived ({args.latency_ms:g} ms a "
        f"call; FLOOD_MAX_MESSAGES={JOURNEY_FLOOD_MAX}: they answer faster than people, and "
        f"flood control would pause them)"
    )
    print(
        f"  answers given (with /start): {answers:,} ({wrap_up_index(users[0])} each); "
        f"all reached the wrap-up: {done}; taps {result.taps}"
    )
    print(
        f"  sendMessage accepted: {accepted:,} (attempts {len(sends):,}); editMessageText: "
        f"{len(edits)}; messages per answered prompt: {ratio:.3f}"
    )
    print(
        f"  reply latency (closed loop): p50 {fmt_ms(result.ms(0.5))} ms, p99 "
        f"{fmt_ms(result.ms(0.99))} ms, max {fmt_ms(1000 * max(result.latencies, default=0))} ms"
    )
    extra: Counter[int] = Counter()
    samples: dict[int, str] = {}
    for user in users:
        for index, count in user.per_answer.items():
            if count > 1:
                extra[index] += 1
                texts = user.texts_per_answer.get(index, [])
                samples.setdefault(index, " | ".join(t[:40].replace("\n", " ") for t in texts))
    if extra:
        print("  answers that got more than one message (answer #: users; what was sent):")
        for index, count in sorted(extra.items()):
            question = users[0].step(index - 1).expect if index else "(none)"
            print(f"    #{index} (to {question[:40]!r}): {count} of {len(users)}; {samples[index]}")
    if any(u.before_first or u.unsolicited for u in users):
        print(f"  messages not matched to an answer: {sum(u.unsolicited for u in users)}")
    print_stuck(result)
    print_stopped("bounceback", stopped)
    run.report.targets.append(
        Target(
            f"messages per answered prompt <= {MESSAGES_PER_PROMPT:g}",
            backend,
            f"{ratio:.3f} ({accepted:,} sendMessage / {answers:,} answers)",
            (ratio <= MESSAGES_PER_PROMPT) if done else None,
        )
    )


@dataclass
class Drained:
    """What a drain measured."""

    name: str
    updates: int
    handled: int
    complete: bool
    first_poll: float
    first_reply: float
    last_reply: float
    cores: float

    @property
    def rate(self) -> float:
        """Updates handled a second, first getUpdates to last reply."""
        span = self.last_reply - self.first_poll
        return self.handled / span if span > 0 else math.nan

    @property
    def reply_rate(self) -> float:
        """The same, first reply to last reply."""
        span = self.last_reply - self.first_reply
        return (self.handled - 1) / span if span > 0 else math.nan


def drain_users(run: Run, *, echo: bool) -> list[Chatter]:
    """The drain's users: their first journey answers (typed), or the same texts to echo."""
    users = [Chatter(DRAIN_USERS + n, n) for n in range(run.args.drain_users)]
    if echo:
        for user in users:
            user.script = [("text", user.step(i).answer) for i in range(run.args.drain_per_user)]
    return users


def _drain(
    run: Run,
    name: str,
    users: list[Chatter],
    start: Callable[[RecordingApi], tuple[subprocess.Popen[bytes] | None, Callable[[], Any]]],
) -> Drained:
    """Queue the backlog, start the process, wait until it is drained."""
    args = run.args
    api = run.api(latency=False, limit=False)
    stop: Callable[[], Any] | None = None
    try:
        for _ in range(args.drain_per_user):
            for user in users:
                user.push(api)
        last_update_id = max(s.update_id for u in users for s in u.sent)
        process, stop = start(api)
        check = alive_check(process)
        assert process is not None
        meter = CpuMeter([process.pid])
        complete = wait_for_replies(
            api,
            users,
            timeout=args.drain_timeout,
            quiet=3.0,
            last_update_id=last_update_id,
            alive=check,
        )
        cores, _ = meter.read()
        chats = {u.user_id for u in users}
        replies = sorted(
            e.answered
            for e in api.events()
            if e.method in REPLY_METHODS and e.ok and e.chat_id in chats
        )
        first_poll = api.first_poll
    finally:
        if stop is not None:
            stopped = stop()
            print_stopped(name, stopped if isinstance(stopped, list) else [stopped])
        api.stop()
    total = len(users) * args.drain_per_user
    return Drained(
        name=name,
        updates=total,
        handled=sum(u.confirmed for u in users),
        complete=complete,
        first_poll=math.nan if first_poll is None else first_poll,
        first_reply=replies[0] if replies else math.nan,
        last_reply=replies[-1] if replies else math.nan,
        cores=cores,
    )


def print_drain(result: Drained) -> None:
    """One drain's line."""
    print(
        f"  {result.name}: {result.handled:,} of {result.updates:,} updates handled"
        f"{'' if result.complete else ' (NOT all)'}; first getUpdates -> last reply "
        f"{result.last_reply - result.first_poll:.2f} s = {result.rate:,.1f} updates/s "
        f"(first -> last reply: {result.reply_rate:,.1f}/s); bot CPU {result.cores:.2f} cores"
    )


def scenario_drain(run: Run, backend: str) -> None:
    """3: the queued backlog through Bounce Back."""
    args = run.args
    workdir = run.workdir(f"drain-{backend}")
    print(
        f"\n[3. drain, {backend}] {args.drain_users} users x {args.drain_per_user} journey "
        "answers queued before start; latency 0, send limits lifted (1000/s overall and per chat)"
    )
    with fresh_database(backend, workdir, args.postgres_url) as url:

        def start(api: RecordingApi) -> tuple[subprocess.Popen[bytes] | None, Callable[[], Any]]:
            bot = start_bounceback(
                api,
                workdir,
                database_url=url,
                key=run.key,
                ready="polling for updates",
                # The send limit lifted: overall and per chat.
                MAX_MESSAGES_PER_SECOND="1000",
                CHAT_MESSAGES_PER_SECOND="1000",
            )
            return bot.process, lambda: stop_bounceback([bot], args.stop_timeout)

        result = _drain(run, "bounceback", drain_users(run, echo=False), start)
    print_drain(result)
    run.report.drains[backend] = result.rate if result.complete else math.nan


def scenario_burst(run: Run, backend: str) -> None:
    """4: chatting while a backlog of due check-ins goes out at the budget."""
    args = run.args
    workdir = run.workdir(f"burst-{backend}")
    count = args.burst_checkins
    with fresh_database(backend, workdir, args.postgres_url) as url:
        load_seconds = preload_checkins(url, run.key, count)
        api = run.api(latency=True, limit=True)
        bot: BotProcess | None = None
        try:
            started = time.monotonic()
            bot = start_bounceback(
                api, workdir, database_url=url, key=run.key, ready="polling for updates"
            )
            check = alive_check(bot.process)
            wait_for_first_poll(api, check, READY_TIMEOUT)
            users = [
                Chatter(BURST_USERS + n, n, tap_share=args.tap_share, seed=args.seed)
                for n in range(args.burst_users)
            ]
            assert bot.process is not None
            result = open_loop(
                api,
                users,
                seconds=args.burst_seconds,
                interval=args.burst_interval,
                seed=args.seed + 1,
                grace=args.grace,
                pids=[bot.process.pid],
                alive=check,
            )
            sends = api.events("sendMessage")
            rejected = api.rejected_429
        finally:
            stopped = stop_bounceback([bot], args.stop_timeout) if bot is not None else []
            api.stop()
    checkin_chats = range(FIRST_USER_ID, FIRST_USER_ID + count)
    checkins = [e.answered for e in sends if e.ok and e.chat_id in checkin_chats]
    before = sum(1 for t in checkins if t < result.start)
    during = sum(1 for t in checkins if result.start <= t <= result.end)
    left = count - before - during
    accepted = [e.answered for e in sends if e.ok]
    print(
        f"\n[4. check-in burst, {backend}] {count:,} check-ins due at start (inserted in "
        f"{load_seconds:.1f} s); {args.burst_users} users chat, 1 update / "
        f"{args.burst_interval:g} s each, for {args.burst_seconds:g} s; budget {BUDGET:g}/s, "
        f"fake allows {BUDGET + 1:g}/s; {args.latency_ms:g} ms a call"
    )
    table([latency_row(f"chatting users, {backend}", result)], LATENCY_HEADINGS)
    print(
        f"  check-ins sent: {before:,} from start until the users began "
        f"({result.start - started:.1f} s), {during:,} while they chatted "
        f"({during / result.seconds:.1f}/s), still due at the end of the window: {left:,}"
    )
    print_shape(result)
    print(
        f"  all sendMessage accepted {len(accepted):,}; {sends_per_second(sends)}; "
        f"429 answers: {rejected}"
    )
    if left <= 0:
        print("  NOTE: the backlog ran out before the window ended; latency not all under load")
    print_stuck(result)
    print_stopped("bounceback", stopped)
    at_target = count >= BURST_CHECKINS and args.latency_ms >= OPEN_LOOP_LATENCY_MS
    run.report.targets.append(
        Target(
            f"reply p99 <= {BURST_P99_MS:g} ms while {BURST_CHECKINS:,} check-ins are due",
            backend,
            f"p99 {fmt_ms(result.ms(0.99))} ms with {count:,} due, {during:,} sent meanwhile, "
            f"{rejected} x 429",
            (result.ms(0.99) <= BURST_P99_MS and left > 0) if at_target else None,
        )
    )


def scenario_echo(run: Run) -> None:
    """6: the echo bot, sequential and concurrent: open loop and drain."""
    args = run.args
    variants = [
        ("echo bot, sequential", 1),
        (f"echo bot, concurrent_updates={args.echo_concurrency}", args.echo_concurrency),
    ]
    rows = []
    if "open" in args.only:
        replayed = bool(run.report.scripts)
        for name, concurrent in variants:
            workdir = run.workdir("echo-open")
            api = run.api(latency=True, limit=False)
            echo: EchoBot | None = None
            try:
                echo = EchoBot(api, workdir, concurrent)
                check = alive_check(echo.process)
                wait_for_first_poll(api, check, READY_TIMEOUT)
                users = [
                    Chatter(OPEN_USERS + n, n, script=run.report.scripts.get(n, []))
                    for n in range(args.users)
                ]
                result = open_loop(
                    api,
                    users,
                    seconds=args.seconds,
                    interval=args.interval,
                    seed=args.seed,
                    grace=args.grace,
                    pids=[echo.process.pid],
                    alive=check,
                )
            finally:
                stopped = echo.stop(args.stop_timeout) if echo is not None else None
                api.stop()
            rows.append(latency_row(name, result))
            if stopped is not None and stopped.errors:
                print_stopped(name, [stopped])
        print(
            f"\n[6a. baseline open loop] the same schedule, {args.latency_ms:g} ms a call, "
            + (
                "replaying the texts and taps of the SQLite run"
                if replayed
                else "typed journey answers (no SQLite run to replay)"
            )
            + "; the fake enforces no send limit (the echo bot has no rate limiter)"
        )
        table(rows, LATENCY_HEADINGS)
    if "drain" in args.only:
        print(
            f"\n[6b. baseline drain] the same {args.drain_users} x {args.drain_per_user} texts, "
            "latency 0"
        )
        for name, concurrent in variants:
            workdir = run.workdir("echo-drain")

            def start(
                api: RecordingApi, workdir: Path = workdir, concurrent: int = concurrent
            ) -> tuple[subprocess.Popen[bytes] | None, Callable[[], Any]]:
                echo = EchoBot(api, workdir, concurrent)
                return echo.process, lambda: echo.stop(args.stop_timeout)

            drained = _drain(run, name, drain_users(run, echo=True), start)
            print_drain(drained)
            run.report.drains[name] = drained.rate if drained.complete else math.nan


@dataclass
class Posted:
    """What the webhook driver saw."""

    scheduled: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    post_seconds: list[float] = field(default_factory=list)
    late: int = 0
    not_posted: int = 0


async def post_updates(
    api: RecordingApi,
    ports: Sequence[int],
    users: Sequence[Chatter],
    *,
    seconds: float,
    interval: float,
    seed: int,
    grace: float,
    max_connections: int,
) -> tuple[Posted, LoadResult]:
    """Play Telegram: each user's updates POSTed round-robin to the replicas on schedule (a
    user's next only once the previous was answered: then it goes at once, late), at most
    `max_connections` at once. No POST starts after `seconds` + `grace`; those left are counted
    as not posted. POSTs in flight are let finish."""
    rng = random.Random(seed)
    posted = Posted()
    feed = Feed(api, users)
    semaphore = asyncio.Semaphore(max_connections)
    replica = itertools.count()
    update_ids = itertools.count(700_000_000)
    start = time.monotonic() + 0.1
    end = start + seconds
    cutoff = end + grace
    finished = asyncio.Event()

    async def pump() -> None:
        while not finished.is_set():
            feed.pump()
            await asyncio.sleep(0.005)

    async def walk(client: httpx.AsyncClient, user: Chatter, phase: float) -> None:
        dues = [start + phase + k * interval for k in range(math.ceil(seconds / interval) + 1)]
        dues = [due for due in dues if due < end]
        posted.scheduled += len(dues)
        for n, due in enumerate(dues):
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            async with semaphore:
                if time.monotonic() > cutoff:
                    posted.not_posted += len(dues) - n
                    return
                if time.monotonic() - due > 0.5:
                    posted.late += 1
                update, kind, value = user.compose(api)
                update["update_id"] = next(update_ids)
                port = ports[next(replica) % len(ports)]
                pushed = time.monotonic()
                user.record(update["update_id"], pushed, kind, value)
                try:
                    response = await client.post(
                        f"http://127.0.0.1:{port}/telegram",
                        json=update,
                        headers={SECRET_HEADER: WEBHOOK_SECRET},
                    )
                    posted.statuses[str(response.status_code)] += 1
                except httpx.HTTPError as exc:
                    posted.statuses[type(exc).__name__] += 1
                posted.post_seconds.append(time.monotonic() - pushed)

    limits = httpx.Limits(
        max_connections=max_connections, max_keepalive_connections=max_connections
    )
    pumping = asyncio.create_task(pump())
    async with httpx.AsyncClient(timeout=120, limits=limits) as client:
        await asyncio.gather(*(walk(client, user, rng.uniform(0, interval)) for user in users))
    await asyncio.sleep(0.5)  # the last replies are answered before their POST: a margin
    finished.set()
    await pumping
    feed.pump()
    result = LoadResult(seconds=seconds, start=start, end=end)
    return posted, collect(users, result, until=time.monotonic())


def scenario_webhook(run: Run) -> None:
    """5: replicas in webhook mode sharing PostgreSQL, against the budget."""
    args = run.args
    workdir = run.workdir("webhook")
    interval = args.webhook_users / args.webhook_rate
    with fresh_database("PostgreSQL", workdir, args.postgres_url) as url:
        load_seconds = preload_checkins(url, run.key, args.webhook_checkins)
        api = run.api(latency=True, limit=True)
        bots: list[BotProcess] = []
        try:
            ports = [free_port() for _ in range(args.replicas)]
            for n, port in enumerate(ports):
                env = {
                    "WEBHOOK_URL": f"http://127.0.0.1:{ports[0]}/telegram",
                    "WEBHOOK_SECRET": WEBHOOK_SECRET,
                    "WEBHOOK_PORT": str(port),
                }
                bot = BotProcess(
                    api,
                    run.workdir(f"replica-{n + 1}"),
                    **production_env(run.key, DATABASE_URL=url, **env),
                )
                bots.append(bot.start())
            for bot in bots:
                bot.wait_for_log("webhook set", timeout=READY_TIMEOUT)
            set_calls = api.events("setWebhook")
            max_connections = min(
                int(e.params.get("max_connections") or 40) for e in set_calls if e.ok
            )
            users = [
                Chatter(WEBHOOK_USERS + n, n, tap_share=args.tap_share, seed=args.seed)
                for n in range(args.webhook_users)
            ]
            meter = CpuMeter([b.process.pid for b in bots if b.process is not None])
            posted, result = asyncio.run(
                post_updates(
                    api,
                    ports,
                    users,
                    seconds=args.webhook_seconds,
                    interval=interval,
                    seed=args.seed + 2,
                    grace=args.grace,
                    max_connections=max_connections,
                )
            )
            bot_cores, harness_cores = meter.read()
            result.bot_cores, result.harness_cores = bot_cores, harness_cores
        finally:
            stop_at = time.monotonic()
            stopped = stop_bounceback(bots, args.stop_timeout)
            sends = api.events("sendMessage")
            rejected = api.rejected_429
            api.stop()
    accepted = [e.arrived for e in sends if e.ok]
    attempts = [e.arrived for e in sends]
    checkin_chats = range(FIRST_USER_ID, FIRST_USER_ID + args.webhook_checkins)
    checkins = sum(1 for e in sends if e.ok and e.chat_id in checkin_chats)
    strict = max_in_window(accepted)
    # A sender paced exactly at the budget puts its (budget+1)th send exactly 1 s after its
    # first: a millisecond of jitter on the way decides whether one window holds one too many.
    most = max_in_window(accepted, 1.0 - WINDOW_JITTER)
    span = (max(accepted) - min(accepted)) if len(accepted) > 1 else math.nan
    print(
        f"\n[5. webhook replicas, PostgreSQL] {args.replicas} `bounceback run` in webhook mode, "
        f"one database; {args.webhook_users} users offer {args.webhook_rate:g} updates/s for "
        f"{args.webhook_seconds:g} s, {args.webhook_checkins:,} check-ins due (inserted in "
        f"{load_seconds:.1f} s); POSTs round-robin, at most {max_connections} at once; "
        f"{args.latency_ms:g} ms a call"
    )
    table([latency_row("replies (from the POST)", result)], LATENCY_HEADINGS)
    print(
        f"  updates scheduled {posted.scheduled:,} ({posted.scheduled / args.webhook_seconds:.1f}"
        f"/s), POSTed {sum(posted.statuses.values()):,} ({posted.late:,} of them > 0.5 s late: "
        f"the user's previous POST was still open, or all {max_connections} connections busy), "
        f"not POSTed by the cut-off {args.grace:g} s after the load: {posted.not_posted:,}"
    )
    print(
        f"  POST answers: {dict(posted.statuses)}; POST round trip p50 "
        f"{fmt_ms(1000 * percentile(posted.post_seconds, 0.5))} ms, p99 "
        f"{fmt_ms(1000 * percentile(posted.post_seconds, 0.99))} ms"
    )
    print(
        f"  sendMessage accepted {len(accepted):,} in {span:.1f} s ({checkins:,} check-ins); "
        f"most accepted arriving in one sliding second: {strict} (in any "
        f"{1000 * (1 - WINDOW_JITTER):.0f} ms: {most}; attempts incl. refused: "
        f"{max_in_window(attempts)}); budget {BUDGET:g}/s (MAX_MESSAGES_PER_SECOND default, set "
        f"per process); fake allows {BUDGET + 1:g}/s; 429 answers: {rejected}"
    )
    chatters = {u.user_id for u in users}
    during = [e for e in sends if e.ok and result.start <= e.arrived <= result.end]
    print(
        f"  during the {args.webhook_seconds:g} s of load: {len(during):,} sends accepted "
        f"({len(during) / args.webhook_seconds:.1f}/s), "
        f"{sum(1 for e in during if e.chat_id in chatters):,} replies to the users and "
        f"{sum(1 for e in during if e.chat_id in checkin_chats):,} check-ins"
    )
    busiest, busiest_at = busiest_window(accepted)
    over = over_limit(accepted, BUDGET)
    over_during = over_limit([t for t in accepted if result.start <= t <= result.end], BUDGET)
    print(
        f"  accepted sends with {BUDGET:g} or more others in the second before them: {over} "
        f"({over_during} counting only sends during the load); the busiest second ({busiest}) "
        f"began {busiest_at - result.start:+.1f} s from the start of the load (SIGTERM at "
        f"{stop_at - result.start:+.1f} s); overall rate "
        f"first to last send {(len(accepted) - 1) / span if span > 0 else math.nan:.1f}/s"
    )
    print_stopped("replica", stopped)
    run.report.targets.append(
        Target(
            f"{args.replicas} webhook replicas: max send rate <= budget, 0 x 429",
            "PostgreSQL",
            f"max {most} in any {1000 * (1 - WINDOW_JITTER):.0f} ms ({strict} in 1 s; budget "
            f"{BUDGET:g}/s), {rejected} x 429",
            most <= BUDGET and rejected == 0,
        )
    )


# --------------------------------------------------------------------------- main


SCENARIOS = ("open", "journey", "drain", "burst", "webhook", "echo")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="shrink everything (~3 minutes)")
    parser.add_argument("--latency-ms", type=float, default=OPEN_LOOP_LATENCY_MS)
    parser.add_argument(
        "--getupdates-latency-ms",
        type=float,
        default=None,
        help="latency of getUpdates (default: --latency-ms)",
    )
    parser.add_argument("--users", type=int, default=None, help="open-loop users")
    parser.add_argument(
        "--interval", type=float, default=None, help="s between an open-loop user's updates"
    )
    parser.add_argument("--seconds", type=float, default=None, help="open-loop duration")
    parser.add_argument("--tap-share", type=float, default=0.5, help="answers given by tapping")
    parser.add_argument("--grace", type=float, default=None, help="s to wait for late replies")
    parser.add_argument("--journey-users", type=int, default=None)
    parser.add_argument(
        "--think", type=float, default=None, help="s a journey user takes to answer"
    )
    parser.add_argument("--journey-timeout", type=float, default=180.0)
    parser.add_argument("--drain-users", type=int, default=None)
    parser.add_argument("--drain-per-user", type=int, default=None)
    parser.add_argument("--drain-timeout", type=float, default=180.0)
    parser.add_argument("--burst-checkins", type=int, default=None)
    parser.add_argument("--burst-users", type=int, default=10)
    parser.add_argument("--burst-interval", type=float, default=3.0)
    parser.add_argument("--burst-seconds", type=float, default=None)
    parser.add_argument("--replicas", type=int, default=3)
    parser.add_argument("--webhook-rate", type=float, default=60.0, help="updates/s offered")
    parser.add_argument("--webhook-seconds", type=float, default=None)
    parser.add_argument("--webhook-users", type=int, default=None)
    parser.add_argument("--webhook-checkins", type=int, default=None)
    parser.add_argument("--echo-concurrency", type=int, default=CONCURRENCY)
    parser.add_argument(
        "--stop-timeout", type=float, default=None, help="s from SIGTERM to SIGKILL"
    )
    parser.add_argument("--seed", type=int, default=20261126)
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES_URL, help="admin URL")
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument(
        "--only",
        default=",".join(SCENARIOS),
        help=f"comma-separated subset of {','.join(SCENARIOS)}",
    )
    args = parser.parse_args(argv)
    quick = args.quick
    fill = {
        "seconds": (8.0, 60.0),
        "users": (100, 250),
        "interval": (4.0, 10.0),
        "think": (0.0, 1.0),
        "journey_users": (3, 10),
        "drain_users": (60, 200),
        "drain_per_user": (5, 10),
        "burst_checkins": (2_000, BURST_CHECKINS),
        "burst_seconds": (8.0, 40.0),
        "webhook_seconds": (6.0, 20.0),
        "webhook_users": (120, 300),
        "webhook_checkins": (300, 1_000),
        "grace": (3.0, 10.0),
        "stop_timeout": (3.0, 30.0),
    }
    for name, (small, full) in fill.items():
        if getattr(args, name) is None:
            setattr(args, name, small if quick else full)
    args.only = {part.strip() for part in args.only.split(",") if part.strip()}
    unknown = args.only - set(SCENARIOS)
    if unknown:
        parser.error(f"unknown scenarios {sorted(unknown)}; choose from {SCENARIOS}")
    if min(args.users, args.journey_users, args.drain_users, args.burst_users) < 1:
        parser.error("user counts must be at least 1")
    if args.webhook_users < 1 or args.webhook_rate <= 0 or args.replicas < 1:
        parser.error("--webhook-users, --webhook-rate and --replicas must be positive")
    return args


def timed(run: Run, name: str, scenario: Callable[[], None]) -> None:
    """Run one scenario; note how long it took, or that it failed (and go on)."""
    began = time.monotonic()
    try:
        scenario()
    except Exception as exc:
        detail = "".join(traceback.format_exception_only(exc)).strip()
        run.report.failures.append(f"{name}: {detail[:2000]}")
        print(f"\n[{name}] FAILED: {detail[:2000]}", flush=True)
    finally:
        run.report.timings.append((name, time.monotonic() - began))


def main_with(args: argparse.Namespace) -> int:
    """Run the chosen scenarios and print the summary."""
    backends = ["SQLite"] if args.skip_postgres else ["SQLite", "PostgreSQL"]
    if not args.skip_postgres:
        require_loopback(args.postgres_url)
    header(
        "Update path of the real `bounceback run` against a fake Bot API "
        f"({'quick' if args.quick else 'full'} run)"
    )
    versions = ", ".join(
        f"{name} {version(name)}"
        for name in ("python-telegram-bot", "SQLAlchemy", "aiosqlite", "asyncpg")
    )
    pg = (
        ""
        if args.skip_postgres
        else f", PostgreSQL {asyncio.run(_postgres_version(args.postgres_url))}"
    )
    print(f"versions: {versions}{pg}")
    poll_ms = args.latency_ms if args.getupdates_latency_ms is None else args.getupdates_latency_ms
    print(
        f"fake Bot API latency: {args.latency_ms:g} ms on every method, getUpdates {poll_ms:g} ms "
        f"(before its long poll); bot settings: production defaults (budget "
        f"{BUDGET:g} messages/s, CONCURRENT_UPDATES {CONCURRENCY}, POLLING_TIMEOUT "
        f"{DEFAULTS['polling_timeout']}, FLOOD_MAX_MESSAGES {DEFAULTS['flood_max_messages']}, "
        f"LOG_LEVEL {DEFAULTS['log_level']}) unless a scenario says otherwise; the fake's "
        f"send limit (budget + 1 = {BUDGET + 1:g} in any sliding second, where a scenario has "
        f"one) counts sends by arrival"
    )
    print(
        "latency = update pushed (or POSTed) -> the fake answered the first sendMessage/"
        "editMessageText to that chat after it (the message exists); an update without a reply "
        "counts with its wait until the end; CPU = cores used on average during the offered "
        "period by the bot process(es) / by this process (fake API + users)",
        flush=True,
    )
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # The fake's threads stamp requests as they arrive: let them have the GIL sooner than the
    # default 5 ms, so a busy moment in this process doesn't bunch their timestamps.
    sys.setswitchinterval(SWITCH_INTERVAL)
    report = Report()
    with tempfile.TemporaryDirectory(prefix="bench_update_path_") as folder:
        run = Run(args=args, folder=Path(folder), report=report)
        for backend in backends:
            for key, name, scenario in (
                ("open", "open loop", scenario_open_loop),
                ("journey", "journeys", scenario_journeys),
                ("drain", "drain", scenario_drain),
                ("burst", "check-in burst", scenario_burst),
            ):
                if key not in args.only:
                    continue
                if key == "journey" and args.quick and backend != "SQLite":
                    print(f"\n[2. whole journeys, {backend}] skipped in a quick run")
                else:
                    timed(run, f"{name}, {backend}", functools.partial(scenario, run, backend))
        if "echo" in args.only:
            timed(run, "echo bot baseline", lambda: scenario_echo(run))
        if "webhook" in args.only and args.skip_postgres:
            print("\n[5. webhook replicas] skipped: they share a PostgreSQL database")
        elif "webhook" in args.only:
            timed(run, "webhook replicas", lambda: scenario_webhook(run))
    echo_rates = {k: v for k, v in report.drains.items() if k.startswith("echo")}
    best_echo = max(echo_rates.items(), key=lambda kv: kv[1], default=None)
    for backend in backends:
        if backend not in report.drains:
            continue
        rate = report.drains[backend]
        if best_echo is None or math.isnan(best_echo[1]):
            measured, met = f"{rate:,.1f} updates/s (no echo baseline)", None
        else:
            share = rate / best_echo[1]
            parts = [f"{100 * rate / v:.0f}% of {k}" for k, v in echo_rates.items()]
            measured = f"{rate:,.1f} updates/s = {'; '.join(parts)}"
            met = None if math.isnan(share) else share >= DRAIN_SHARE
        report.targets.append(
            Target(
                f"drain >= {100 * DRAIN_SHARE:.0f}% of the echo bot's (the faster variant)",
                backend,
                measured,
                met,
            )
        )

    print("\nSummary")
    table(
        [
            (t.what, t.where, t.measured, {True: "met", False: "missed", None: "n/a"}[t.met])
            for t in report.targets
        ],
        ("target", "database", "measured", ""),
    )
    if any(t.met is None for t in report.targets):
        print(
            "(n/a: not run at the target's size or not measured: see above; --quick runs "
            "fewer check-ins than the burst target names)"
        )
    print("\nwall time per scenario: " + "; ".join(f"{n} {s:.0f} s" for n, s in report.timings))
    for failure in report.failures:
        print(f"FAILED: {failure.splitlines()[0][:300]}")
    if report.failures:
        return 2
    return 1 if any(t.met is False for t in report.targets) else 0


def main() -> int:
    """Entry point."""
    return main_with(parse_args())


if __name__ == "__main__":
    raise SystemExit(main())
