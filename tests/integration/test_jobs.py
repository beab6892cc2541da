"""The fixed jobs: one registered to run at start-up runs at start-up, not an interval later
(APScheduler moves a start time that passed while it wasn't running to the next interval)."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

import pytest

from scheduler.jobs import run_repeating
from tests.support.recording_request import offline_application


async def test_a_job_due_at_start_runs_at_once_and_a_later_one_waits() -> None:
    application = offline_application()
    runs: list[float] = []
    loop = asyncio.get_running_loop()

    async def job(_context: object) -> None:
        runs.append(loop.time())

    # Registered before the application (and its scheduler) starts, as at start-up.
    run_repeating(application.job_queue, job, interval=timedelta(hours=1), first=timedelta(0))
    run_repeating(application.job_queue, job, interval=timedelta(hours=1), first=timedelta(hours=2))
    await asyncio.sleep(0.3)  # start-up takes a moment after the jobs are registered
    async with application:
        started = loop.time()
        await application.start()
        try:
            for _ in range(100):
                if runs:
                    break
                await asyncio.sleep(0.02)
            await asyncio.sleep(0.1)
        finally:
            await application.stop()

    assert len(runs) == 1  # the one due at start, once; the other waits its two hours
    assert runs[0] - started < 1.0


async def test_a_run_cancelled_by_stopping_the_bot_ends_quietly(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # The scheduler cancels a run that started after python-telegram-bot stopped waiting for
    # the running ones (a flush ticks every second): what it didn't send stays in the outbox.
    application = offline_application()
    started = asyncio.Event()

    async def sending_a_backlog(_context: object) -> None:
        started.set()
        await asyncio.sleep(3600)

    run_repeating(
        application.job_queue,
        sending_a_backlog,
        interval=timedelta(hours=1),
        first=timedelta(0),
        name="flush_outbox",
    )
    (job,) = application.job_queue.jobs()
    with caplog.at_level(logging.INFO):
        run = asyncio.create_task(job.callback(None))
        await asyncio.wait_for(started.wait(), 5)
        run.cancel()
        await run  # ends without raising

    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert "flush_outbox stopped with the bot" in caplog.text
