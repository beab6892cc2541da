"""The fixed APScheduler jobs, run through python-telegram-bot's JobQueue: dispatch due check-ins,
plan come-back nudges, retention, housekeeping. None is per user; each gets what it needs as
arguments from the composition root and opens its own unit of work."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.events import EVENT_SCHEDULER_SHUTDOWN
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram.ext import JobQueue

from core.clock import Clock
from scheduler.dispatcher import Dispatcher
from scheduler.housekeeping import prune_handled_updates
from scheduler.nudges import plan_come_back_nudges
from scheduler.retention import apply_retention

logger = logging.getLogger(__name__)

NUDGE_INTERVAL = timedelta(minutes=10)
PRUNE_INTERVAL = timedelta(hours=1)
RETENTION_INTERVAL = timedelta(days=1)
# One run at a time per job; a tick that comes while a run is still going is skipped, not
# queued. The wrapper in `run_repeating` does the skipping (quietly): APScheduler is let start
# a second instance, which returns at once, because it logs a warning for each tick it skips
# itself at max_instances=1 (a flush sending a backlog takes longer than a second).
_JOB_OPTIONS = {"max_instances": 2, "coalesce": True, "misfire_grace_time": None}


@dataclass(frozen=True, slots=True)
class FixedJobs:
    """The jobs and what they need; `register` schedules them once at start-up."""

    dispatcher: Dispatcher
    sessionmaker: async_sessionmaker[AsyncSession]
    clock: Clock
    dispatch_every: float
    retention_days: int

    async def dispatch_checkins(self, _context: object) -> None:
        """Send every due check-in (catching up after downtime within the rules)."""
        await self.dispatcher.drain(max_seconds=max(self.dispatch_every * 5, 10.0))

    async def plan_nudges(self, _context: object) -> None:
        """Plan come-back nudges for stalled journeys."""
        async with self.sessionmaker.begin() as session:
            planned = await plan_come_back_nudges(session, now=self.clock.now())
        if planned:
            logger.info("planned %s come-back nudges", planned)

    async def retention(self, _context: object) -> None:
        """Warn users nearing RETENTION_DAYS of silence, and erase those past it."""
        await apply_retention(
            self.sessionmaker, clock=self.clock, retention_days=self.retention_days
        )

    async def prune_handled_updates(self, _context: object) -> None:
        """Forget ids of updates too old to be delivered again."""
        await prune_handled_updates(self.sessionmaker, clock=self.clock)

    def register(self, job_queue: JobQueue[Any]) -> None:
        """Schedule every fixed job (call once at start-up); the check-in activity not yet
        logged is logged when the scheduler stops."""
        job_queue.scheduler.add_listener(
            lambda _event: self.dispatcher.activity.log_now(self.clock.now()),
            EVENT_SCHEDULER_SHUTDOWN,
        )
        schedule = (
            (self.dispatch_checkins, timedelta(seconds=self.dispatch_every), timedelta(0)),
            (self.plan_nudges, NUDGE_INTERVAL, timedelta(seconds=30)),
            (self.retention, RETENTION_INTERVAL, timedelta(minutes=5)),
            (self.prune_handled_updates, PRUNE_INTERVAL, timedelta(minutes=1)),
        )
        for job, interval, first in schedule:
            run_repeating(job_queue, job, interval=interval, first=first)


def run_repeating(
    job_queue: JobQueue[Any],
    job: Callable[[Any], Coroutine[Any, Any, object]],
    *,
    interval: timedelta,
    first: timedelta,
    name: str | None = None,
) -> None:
    """Run `job` every `interval`, one run at a time, the first `first` after start-up.

    A job added before the scheduler starts with `first=0` would otherwise first run one
    whole interval later (APScheduler moves a start time that has passed on to the next
    interval), so due check-ins would wait after every restart: a first run at start-up is
    given as the job's own next run time instead. A run cancelled by the bot stopping ends
    quietly (one info line). A tick while the previous run is still going does nothing.
    """
    kwargs: dict[str, Any] = dict(_JOB_OPTIONS)
    if first <= timedelta(0):
        kwargs["next_run_time"] = datetime.now(UTC)
    title = name or getattr(job, "__name__", "job")
    running = False

    async def until_stopped(context: Any) -> None:
        nonlocal running
        if running:
            logger.debug("%s is still running; this tick is skipped", title)
            return
        running = True
        # Stopping the scheduler cancels a run in progress (a flush or a dispatch sending a
        # backlog). What it didn't finish is in the database (outbox rows, claimed
        # check-ins) and goes on after the next start: that is no error to log.
        try:
            await job(context)
        except asyncio.CancelledError:
            logger.info("%s stopped with the bot; the rest goes on after the next start", title)
        finally:
            running = False

    job_queue.run_repeating(
        until_stopped,
        interval=interval,
        first=first if first > timedelta(0) else None,
        name=title,
        job_kwargs=kwargs,
    )
