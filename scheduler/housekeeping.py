"""Housekeeping: forget ids of handled updates once Telegram can no longer redeliver them."""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.clock import Clock
from models.repository import prune_processed_updates

logger = logging.getLogger(__name__)

# Telegram keeps an unacknowledged update for 24 hours; after that it can't come again.
PROCESSED_UPDATE_RETENTION = timedelta(hours=25)


async def prune_handled_updates(
    sessionmaker: async_sessionmaker[AsyncSession], *, clock: Clock
) -> int:
    """Forget ids of updates too old to be delivered again; how many were forgotten."""
    cutoff = clock.now() - PROCESSED_UPDATE_RETENTION
    async with sessionmaker.begin() as session:
        removed = await prune_processed_updates(session, before=cutoff)
    if removed:
        logger.info("pruned %s handled update ids", removed)
    return removed
