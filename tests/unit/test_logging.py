"""Log lines: formats, and the token masked wherever it appears."""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta

import pytest

from bot.logging_setup import (
    DemoteToDebug,
    JsonFormatter,
    KeyValueFormatter,
    RedactingFilter,
    scrub,
)
from scheduler.dispatcher import CheckinActivity, DispatchReport
from tests.support.clock import NOON

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def record(msg: str, *args: object, name: str = "bot.test", **extra: object) -> logging.LogRecord:
    rec = logging.LogRecord(name, logging.INFO, __file__, 1, msg, args, None)
    rec.__dict__.update(extra)
    return rec


def test_scrub_masks_token_shapes_even_when_not_configured() -> None:
    url = f"https://api.telegram.org/bot{TOKEN}/getMe"

    assert TOKEN not in scrub(url)
    assert "getMe" in scrub(url)


def test_filter_masks_token_in_arguments_and_tracebacks() -> None:
    rec = record("calling %s", f"/bot{TOKEN}/sendMessage")
    try:
        raise RuntimeError(f"boom {TOKEN}")
    except RuntimeError:
        import sys

        rec.exc_info = sys.exc_info()

    RedactingFilter((TOKEN,)).filter(rec)

    assert TOKEN not in rec.getMessage()
    assert rec.exc_text is not None
    assert TOKEN not in rec.exc_text


def test_key_value_lines_quote_spaces() -> None:
    line = KeyValueFormatter().format(record("chat %s reached", 42, update_id=7))

    assert "level=info" in line
    assert 'msg="chat 42 reached"' in line
    assert "update_id=7" in line


def test_json_lines_parse() -> None:
    line = JsonFormatter().format(record("done", update_id=7))

    assert json.loads(line)["update_id"] == 7


@pytest.fixture
def library_logger() -> Iterator[logging.Logger]:
    """A logger standing in for a library's, at INFO."""
    logger = logging.getLogger("tests.a_library")
    logger.setLevel(logging.INFO)
    yield logger
    logger.setLevel(logging.NOTSET)


def test_a_library_start_up_line_is_dropped_at_info(library_logger: logging.Logger) -> None:
    rec = record("Context impl %s.", "SQLiteImpl", name=library_logger.name)

    assert not DemoteToDebug(("Context impl",)).filter(rec)


def test_a_library_start_up_line_shows_as_debug_at_debug(library_logger: logging.Logger) -> None:
    library_logger.setLevel(logging.DEBUG)
    rec = record("Context impl %s.", "SQLiteImpl", name=library_logger.name)

    assert DemoteToDebug(("Context impl",)).filter(rec)
    assert rec.levelname == "DEBUG"


def test_other_library_lines_pass_unchanged(library_logger: logging.Logger) -> None:
    rec = record("Running upgrade %s -> %s", "0009", "0010", name=library_logger.name)

    assert DemoteToDebug(("Context impl",)).filter(rec)
    assert rec.levelno == logging.INFO


def sent(count: int, kind: str = "grief_over") -> DispatchReport:
    """One dispatcher run that sent `count` check-ins of one kind."""
    return DispatchReport(claimed=count, sent=count, sent_kinds=Counter({kind: count}))


def test_runs_that_did_nothing_log_nothing(caplog: pytest.LogCaptureFixture) -> None:
    activity = CheckinActivity()
    caplog.set_level(logging.INFO)

    for seconds in range(0, 300, 5):
        activity.record(DispatchReport(), NOON + timedelta(seconds=seconds))

    assert caplog.records == []


def test_a_minute_of_activity_is_one_line(caplog: pytest.LogCaptureFixture) -> None:
    activity = CheckinActivity()
    caplog.set_level(logging.INFO)

    for seconds in range(0, 60, 5):
        activity.record(sent(1), NOON + timedelta(seconds=seconds))
    assert caplog.records == []
    activity.record(DispatchReport(), NOON + timedelta(seconds=60))
    activity.record(DispatchReport(), NOON + timedelta(seconds=65))

    assert [r.getMessage() for r in caplog.records] == [
        "check-ins: 12 sent (grief_over 12), 0 dropped, 0 failed, 0 later in the last 60 s"
    ]


def test_a_long_list_of_kinds_is_left_out(caplog: pytest.LogCaptureFixture) -> None:
    activity = CheckinActivity()
    caplog.set_level(logging.INFO)
    kinds = ("grief_over", "walk_daily", "learning_goal", "come_back", "options_review")

    for kind in kinds:
        activity.record(sent(1, kind), NOON)
    activity.log_now(NOON + timedelta(seconds=30))

    assert [r.getMessage() for r in caplog.records] == [
        "check-ins: 5 sent, 0 dropped, 0 failed, 0 later in the last 30 s"
    ]
