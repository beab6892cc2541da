"""Which storage failures are worth retrying: the database was busy or out of reach, not wrong."""

from __future__ import annotations

from sqlalchemy import exc as sa_exc

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
