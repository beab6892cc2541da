"""Which storage failures are worth retrying: the database was busy or out of reach, not wrong."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

from sqlalchemy import exc as sa_exc

T = TypeVar("T")

# Words of SQLAlchemy's OperationalError that mean the schema or the query is wrong: a bug, not a
# passing condition, so retrying would only delay the apology.
_PERMANENT = ("no such table", "no such column", "syntax error", "does not exist")


def is_transient(error: BaseException) -> bool:
    """True for a locked or unreachable database, a dropped connection or a timeout."""
    if isinstance(error, sa_exc.DBAPIError) and error.connection_invalidated:
        return True
    if isinstance(error, sa_exc.OperationalError | sa_exc.InterfaceError):
        text = str(error.orig).lower() if error.orig is not None else ""
        return not any(marker in text for marker in _PERMANENT)
    if isinstance(error, sa_exc.TimeoutError | TimeoutError | ConnectionError | OSError):
        return True
    cause = error.__cause__ or error.__context__
    return cause is not None and cause is not error and is_transient(cause)


async def retry_while_unavailable(
    operation: Callable[[], Awaitable[T]],
    *,
    window: float,
    first_delay: float,
    max_delay: float,
    on_retry: Callable[[BaseException, float], None],
) -> T:
    """Run `operation`; while it fails for a transient reason (`is_transient`), pause (first
    `first_delay`, doubling up to `max_delay`; `on_retry` is told the error and the pause) and
    run it again, for up to `window` seconds. Then, or for any other error, the error is raised.
    """
    started = time.monotonic()
    attempt = 0
    while True:
        try:
            return await operation()
        except Exception as exc:
            if not is_transient(exc) or time.monotonic() - started >= window:
                raise
            delay = min(first_delay * 2 ** min(attempt, 16), max_delay)
            attempt += 1
            on_retry(exc, delay)
            await asyncio.sleep(delay)
