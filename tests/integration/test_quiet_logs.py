"""Quiet logs at INFO: no line per scheduler run, none of Alembic's plugin chatter, and one
summary line per minute of check-in activity."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.logging_setup import configure_logging
from core.delivery import ChatUnreachableError
from models.db import create_engine, create_sessionmaker
from models.migrate import upgrade_to_head
from scheduler.dispatcher import Dispatcher, DispatchReport
from scheduler.jobs import FixedJobs, run_repeating
from tests.conftest import TEST_CIPHER
from tests.support.checkins import FakeDelivery, add_checkin, add_user, dispatcher
from tests.support.clock import NOON, FixedClock
from tests.support.recording_request import offline_application

SUMMARIES = "scheduler.dispatcher"


@pytest.fixture
def info_log(capsys: pytest.CaptureFixture[str]) -> Iterator[Callable[[], str]]:
    """A function that sets the bot's own logging up at INFO, as `bounceback run` does (the
    first time it is called), and returns what it printed since. Every logger's level and
    filters are put back afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    saved = {
        name: (logger.level, list(logger.filters))
        for name, logger in logging.root.manager.loggerDict.items()
        if isinstance(logger, logging.Logger)
    }
    configured = False

    def printed() -> str:
        # Set up in the test's own phase: pytest gives each phase its own captured stderr.
        nonlocal configured
        if not configured:
            configure_logging("INFO")
            configured = True
        return capsys.readouterr().err

    yield printed
    root.handlers[:] = handlers
    root.setLevel(level)
    for name, logger in logging.root.manager.loggerDict.items():
        if isinstance(logger, logging.Logger):
            old_level, filters = saved.get(name, (logging.NOTSET, []))
            logger.setLevel(old_level)
            logger.filters[:] = filters


class CountingDispatcher(Dispatcher):
    """A dispatcher that tells the test when it has run `enough` times."""

    def __init__(self, *, enough: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.runs = 0
        self.enough = enough
        self.done = asyncio.Event()

    async def run_once(self) -> DispatchReport:
        """Run, and count the run."""
        report = await super().run_once()
        self.runs += 1
        if self.runs >= self.enough:
            self.done.set()
        return report


def fixed_jobs(engine: AsyncEngine, sender: Dispatcher, clock: FixedClock) -> FixedJobs:
    """The bot's fixed jobs, dispatching every 50 ms."""
    return FixedJobs(
        dispatcher=sender,
        sessionmaker=create_sessionmaker(engine),
        clock=clock,
        dispatch_every=0.05,
        retention_days=365,
    )


async def test_scheduler_runs_log_nothing_at_info(
    engine: AsyncEngine, info_log: Callable[[], str]
) -> None:
    clock = FixedClock(NOON)
    sender = CountingDispatcher(
        enough=4,
        sessionmaker=create_sessionmaker(engine),
        delivery=FakeDelivery(),
        clock=clock,
        default_zone="UTC",
    )
    application = offline_application()
    fixed_jobs(engine, sender, clock).register(application.job_queue)
    info_log()
    async with application:
        await application.start()
        try:
            await asyncio.wait_for(sender.done.wait(), 10)
        finally:
            await application.stop()

    assert sender.runs >= 4
    assert info_log() == ""


async def test_a_minute_of_check_ins_is_one_summary_line(
    engine: AsyncEngine, caplog: pytest.LogCaptureFixture
) -> None:
    clock = FixedClock(NOON)
    delivery = FakeDelivery()
    sender = dispatcher(engine, delivery, clock)
    caplog.set_level(logging.INFO, logger=SUMMARIES)
    for user in (1, 3):
        await add_user(engine, user, now=NOON)
    await add_user(engine, 2, now=NOON, timezone="Europe/Berlin")
    await add_checkin(engine, 1, "grief_over", NOON - timedelta(minutes=1), now=NOON)
    # A 10:00 walk three hours late: too late to be useful, dropped.
    await add_checkin(
        engine, 2, "walk_daily", NOON - timedelta(hours=3), now=NOON, local_time="10:00"
    )

    await sender.run_once()
    for seconds in (20, 40):
        clock.current = NOON + timedelta(seconds=seconds)
        await add_checkin(engine, 3, "learning_goal", clock.current, now=clock.current)
        await sender.run_once()
    assert caplog.records == []  # nothing yet: the minute isn't over
    clock.current = NOON + timedelta(seconds=60)
    await sender.run_once()
    clock.current = NOON + timedelta(seconds=65)
    await sender.run_once()

    assert [r.getMessage() for r in caplog.records] == [
        "check-ins: 3 sent (grief_over 1, learning_goal 2), 1 dropped (walk_daily 1), "
        "0 failed, 0 later in the last 60 s"
    ]


async def test_a_blocked_user_gets_a_line_of_its_own_at_once(
    engine: AsyncEngine, caplog: pytest.LogCaptureFixture
) -> None:
    clock = FixedClock(NOON)
    await add_user(engine, 1, now=NOON)
    await add_checkin(engine, 1, "grief_over", NOON - timedelta(minutes=1), now=NOON)
    delivery = FakeDelivery(failures={1: [ChatUnreachableError("blocked")]})
    caplog.set_level(logging.INFO, logger=SUMMARIES)

    await dispatcher(engine, delivery, clock).run_once()

    assert [r.getMessage() for r in caplog.records] == [
        "user 1 blocked the bot; their check-ins stop"
    ]


async def test_activity_not_yet_summed_up_is_logged_when_the_scheduler_stops(
    engine: AsyncEngine, caplog: pytest.LogCaptureFixture
) -> None:
    clock = FixedClock(NOON)
    await add_user(engine, 1, now=NOON)
    await add_checkin(engine, 1, "grief_over", NOON - timedelta(minutes=1), now=NOON)
    sender = CountingDispatcher(
        enough=2,
        sessionmaker=create_sessionmaker(engine),
        delivery=FakeDelivery(),
        clock=clock,
        default_zone="UTC",
    )
    caplog.set_level(logging.INFO, logger=SUMMARIES)
    application = offline_application()
    fixed_jobs(engine, sender, clock).register(application.job_queue)
    async with application:
        await application.start()
        try:
            await asyncio.wait_for(sender.done.wait(), 10)
            clock.current = NOON + timedelta(seconds=10)
            assert caplog.records == []
        finally:
            await application.stop()

    assert [r.getMessage() for r in caplog.records] == [
        "check-ins: 1 sent (grief_over 1), 0 dropped, 0 failed, 0 later in the last 10 s"
    ]


async def test_a_tick_during_a_slow_run_is_skipped_without_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    application = offline_application()
    release = asyncio.Event()
    overlapped = asyncio.Event()
    running = 0
    most_at_once = 0
    runs = 0

    async def sending_a_backlog(_context: object) -> None:
        nonlocal running, most_at_once, runs
        running += 1
        runs += 1
        most_at_once = max(most_at_once, running)
        try:
            await release.wait()
        finally:
            running -= 1

    def skipped(record: logging.LogRecord) -> bool:
        if "still running" in record.getMessage():
            overlapped.set()
        return True

    jobs_logger = logging.getLogger("scheduler.jobs")
    jobs_logger.addFilter(skipped)
    caplog.set_level(logging.DEBUG)
    try:
        run_repeating(
            application.job_queue,
            sending_a_backlog,
            interval=timedelta(seconds=0.05),
            first=timedelta(0),
            name="flush_outbox",
        )
        async with application:
            await application.start()
            try:
                await asyncio.wait_for(overlapped.wait(), 10)  # a tick came mid-run
            finally:
                release.set()
                await application.stop()
    finally:
        jobs_logger.removeFilter(skipped)

    assert most_at_once == 1
    assert runs >= 1
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []


async def test_migrating_at_start_logs_only_the_upgrades_at_info(
    tmp_path: Path, info_log: Callable[[], str]
) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'bounceback.db'}", cipher=TEST_CIPHER)
    info_log()
    try:
        await upgrade_to_head(engine)
    finally:
        await engine.dispose()

    lines = info_log().splitlines()
    assert lines
    assert all("logger=alembic.runtime.migration" in line for line in lines), lines
    assert all("Running upgrade" in line for line in lines), lines
