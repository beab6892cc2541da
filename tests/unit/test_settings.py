"""Settings: defaults, parsing and the one-line errors people see."""

from __future__ import annotations

import pytest

from bot.settings import DEFAULT_DATABASE_URL, Settings, load_settings
from core.errors import StartupError

GOOD_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def settings(**values: object) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[arg-type,call-arg]


def test_defaults_run_on_one_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DATABASE_URL", "TELEGRAM_API_BASE_URL", "LOG_LEVEL", "DEFAULT_TIMEZONE"):
        monkeypatch.delenv(name, raising=False)
    loaded = settings()

    assert loaded.database_url == DEFAULT_DATABASE_URL
    assert loaded.bot_api_url == "https://api.telegram.org/bot"
    assert loaded.default_timezone == "UTC"


def test_missing_token_says_where_to_get_one() -> None:
    with pytest.raises(StartupError, match=r"get one from @BotFather, put it in \.env"):
        settings().require_token()


@pytest.mark.parametrize(
    "token", ["abc", "123:short", "12345678:has spaces in it xxxxxxxxxxxxxxxxxx"]
)
def test_malformed_token_is_refused(token: str) -> None:
    with pytest.raises(StartupError, match="malformed"):
        settings(telegram_bot_token=token).require_token()


def test_token_is_secret_in_repr() -> None:
    loaded = settings(telegram_bot_token=GOOD_TOKEN)

    assert GOOD_TOKEN not in repr(loaded)
    assert loaded.require_token() == GOOD_TOKEN


@pytest.mark.parametrize(
    ("given", "api"),
    [
        ("http://127.0.0.1:8081", "http://127.0.0.1:8081/bot"),
        ("http://127.0.0.1:8081/bot/", "http://127.0.0.1:8081/bot"),
    ],
)
def test_api_base_url_accepts_root_or_bot_path(given: str, api: str) -> None:
    assert settings(telegram_api_base_url=given).bot_api_url == api


def test_admin_ids_are_split(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_USER_IDS", "12, 34 56")

    assert settings().admin_user_ids == frozenset({12, 34, 56})


def test_bad_values_become_one_line_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEFAULT_TIMEZONE", "Mars/Olympus")
    monkeypatch.setenv("LOG_FORMAT", "xml")

    with pytest.raises(StartupError) as caught:
        load_settings(_env_file=None)

    message = str(caught.value)
    assert "\n" not in message
    assert "DEFAULT_TIMEZONE" in message
    assert "LOG_FORMAT" in message
