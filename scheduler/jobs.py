"""The fixed APScheduler jobs (through python-telegram-bot's JobQueue): dispatch due check-ins,
plan come-back nudges. None is per user."""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram.ext import JobQueue

from handlers.context import Context, services_of
from scheduler.nudges import plan_come_back_nudges

logger = logging.getLogger(__name__)

NUDGE_INTERVAL = timedelta(minutes=10)
# One run at a time per job; a run that overlaps the next tick is skipped, not queued.
_ONE_AT_A_TIME = {"max_instances": 1, "coalesce": True, "misfire_grace_time": None}


async def dispatch_checkins(context: Context) -> None:
    """Send every due check-in (catching up after downtime within the rules)."""
    dispatcher = context.bot_data.dispatcher
    interval = services_of(context).settings.dispatch_interval_seconds
    await dispatcher.drain(max_seconds=max(interval * 5, 10.0))


async def plan_nudges(context: Context) -> None:
    """Plan come-back nudges for stalled journeys."""
    services = services_of(context)
    async with services.sessionmaker.begin() as session:
        planned = await plan_come_back_nudges(session, now=services.clock.now())
    if planned:
        logger.info("planned %s come-back nudges", planned)


def register_checkin_jobs(job_queue: JobQueue[Context], dispatch_every: float) -> None:
    """Schedule the dispatcher and the nudge planner (call once at start-up)."""
    job_queue.run_repeating(
        dispatch_checkins,
        interval=dispatch_every,
        first=0,
        name="dispatch_checkins",
        job_kwargs=_ONE_AT_A_TIME,
    )
    job_queue.run_repeating(
        plan_nudges,
        interval=NUDGE_INTERVAL,
        first=timedelta(seconds=30),
        name="plan_nudges",
        job_kwargs=_ONE_AT_A_TIME,
    )
