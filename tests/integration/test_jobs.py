"""The fixed jobs: one registered to run at start-up runs at start-up, not an interval later
(APScheduler moves a start time that passed while it wasn't running to the next interval)."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from telegram.ext import Application

from scheduler.jobs import run_repeating
from tests.support.fake_bot_api import DEFAULT_TOKEN
from tests.support.recording_request import RecordingRequest


async def test_a_job_due_at_start_runs_at_once_and_a_later_one_waits() -> None:
    application: Any = (
        Application.builder()
        .token(DEFAULT_TOKEN)
        .request(RecordingRequest())
        .get_updates_request(RecordingRequest())
        .updater(None)
        .build()
    )
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
