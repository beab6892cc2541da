"""Log lines: formats, and the token masked wherever it appears."""

from __future__ import annotations

import json
import logging

from bot.logging_setup import JsonFormatter, KeyValueFormatter, RedactingFilter, scrub

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def record(msg: str, *args: object, **extra: object) -> logging.LogRecord:
    rec = logging.LogRecord("bot.test", logging.INFO, __file__, 1, msg, args, None)
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
