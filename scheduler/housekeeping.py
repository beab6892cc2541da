"""Fixed housekeeping jobs. Each opens its own unit of work; none is per user."""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram.ext import JobQueue

from handlers.context import Context, services_of
from models.repository import prune_processed_updates

logger = logging.getLogger(__name__)

# Telegram keeps an unacknowledged update for 24 hours; after that it can't come again.
PROCESSED_UPDATE_RETENTION = timedelta(hours=25)
PRUNE_INTERVAL = timedelta(hours=1)


async def prune_handled_updates(context: Context) -> None:
    """Forget ids of updates too old to be delivered again."""
    services = services_of(context)
    cutoff = services.clock.now() - PROCESSED_UPDATE_RETENTION
    async with services.sessionmaker.begin() as session:
        removed = await prune_processed_updates(session, before=cutoff)
    if removed:
        logger.info("pruned %s handled update ids", removed)


def register_housekeeping(job_queue: JobQueue[Context]) -> None:
    """Schedule the housekeeping jobs (call once at start-up)."""
    job_queue.run_repeating(
        prune_handled_updates,
        interval=PRUNE_INTERVAL,
        first=timedelta(minutes=1),
        name="prune_handled_updates",
    )
