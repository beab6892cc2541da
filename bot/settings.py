"""Settings read from the environment and `.env`, built by a function (never at import)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from core.errors import StartupError
from models.crypto import Cipher, EncryptionKeyError, keys_from

DEFAULT_API_BASE_URL = "https://api.telegram.org"
DEFAULT_DATABASE_URL = "sqlite:///./data/bounceback.db"

# BotFather tokens look like "123456789:AAH...": a numeric bot id, a colon, 30+ URL-safe chars.
_TOKEN_PATTERN = re.compile(r"^\d{3,20}:[A-Za-z0-9_-]{30,}$")


class Settings(BaseSettings):
    """Everything the bot reads from its environment; see `.env.example` for each setting."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", frozen=True
    )

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = DEFAULT_API_BASE_URL
    database_url: str = DEFAULT_DATABASE_URL
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["console", "json"] = "console"
    default_timezone: str = "UTC"
    admin_user_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    # Long-polling timeout for getUpdates, in seconds. Tests shorten it.
    polling_timeout: int = Field(default=30, ge=0, le=50)
    # How often the dispatcher looks for due check-ins, in seconds.
    dispatch_interval_seconds: float = Field(default=5.0, gt=0, le=300)
    # Telegram allows about 30 messages a second overall; stay just under it.
    max_messages_per_second: float = Field(default=29.0, gt=0, le=1000)
    # How many updates are handled at once (different users' side by side, each user's in order).
    concurrent_updates: int = Field(default=32, ge=1, le=1024)
    # Telegram's guidance for one chat: about one message a second (a short burst is fine).
    chat_messages_per_second: float = Field(default=1.0, gt=0, le=1000)
    # Send check-ins as paid broadcasts (Telegram Stars; beyond the free ~30 messages a second).
    allow_paid_broadcast: bool = False
    # Quiet hours new users get, "HH:MM-HH:MM" in their local time, or "off".
    default_quiet_hours: str = "22:00-08:00"
    # How long an update is retried while the database is busy or unreachable (seconds).
    transient_retry_seconds: float = Field(default=600.0, gt=0, le=86_400)
    # For tests and demos only: the bot's clock runs this many times faster than real time.
    clock_speed: float = Field(default=1.0, gt=0, le=1_000_000)
    # Encryption of what users write: keys (newest first, comma-separated), or a key file.
    encryption_key: SecretStr | None = None
    encryption_key_file: Path = Path("data/bounceback.key")
    # Webhook mode (several replicas behind one URL): set WEBHOOK_URL to switch from polling.
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = Field(default=8080, ge=1, le=65535)
    # Health endpoint (GET /healthz) in polling mode; in webhook mode it shares WEBHOOK_PORT.
    health_port: int = Field(default=8090, ge=0, le=65535)
    # Flood control: more than this many messages from one user in the window are ignored.
    flood_max_messages: int = Field(default=20, ge=1)
    flood_window_seconds: float = Field(default=30.0, gt=0)
    # Data of users inactive this long is deleted (after a warning a week before).
    retention_days: int = Field(default=365, ge=8)

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_level(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("log_format", mode="before")
    @classmethod
    def _lower_format(cls, value: object) -> object:
        return value.lower() if isinstance(value, str) else value

    @field_validator("default_timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown IANA time zone {value!r} (try e.g. Europe/Berlin)") from exc
        return value

    @field_validator("default_quiet_hours")
    @classmethod
    def _quiet_hours(cls, value: str) -> str:
        from core.parsing import parse_quiet_hours

        if value.strip().lower() == "off":
            return "off"
        parsed = parse_quiet_hours(value)
        if parsed is None:
            raise ValueError("use HH:MM-HH:MM, e.g. 22:00-08:00, or off")
        return f"{parsed[0]:%H:%M}-{parsed[1]:%H:%M}"

    @property
    def quiet_hours(self) -> tuple[str, str] | None:
        """The default quiet hours as ("HH:MM", "HH:MM"), or None when off."""
        if self.default_quiet_hours == "off":
            return None
        start, end = self.default_quiet_hours.split("-")
        return start, end

    @field_validator("webhook_url")
    @classmethod
    def _webhook_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        if not value.startswith("https://") and not value.startswith("http://127.0.0.1"):
            raise ValueError("must be an https:// URL Telegram can reach")
        return value.strip()

    @field_validator("admin_user_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [part for part in re.split(r"[,\s]+", value.strip()) if part]
            try:
                return frozenset(int(part) for part in parts)
            except ValueError as exc:
                raise ValueError("must be Telegram user ids separated by commas") from exc
        return value

    @field_validator("telegram_api_base_url")
    @classmethod
    def _api_root(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        # Accept python-telegram-bot's style ("…/bot") as well as the plain server root.
        return value.removesuffix("/bot")

    @property
    def bot_api_url(self) -> str:
        """Base URL python-telegram-bot expects for Bot API methods."""
        return f"{self.telegram_api_base_url}/bot"

    @property
    def bot_file_url(self) -> str:
        """Base URL python-telegram-bot expects for file downloads."""
        return f"{self.telegram_api_base_url}/file/bot"

    def require_token(self) -> str:
        """Return the bot token, or explain in one line how to get a valid one."""
        if self.telegram_bot_token is None or not self.telegram_bot_token.get_secret_value():
            raise StartupError(
                "TELEGRAM_BOT_TOKEN is not set: get one from @BotFather, put it in .env "
                "(see .env.example)"
            )
        token = self.telegram_bot_token.get_secret_value().strip()
        if not _TOKEN_PATTERN.match(token):
            raise StartupError(
                "TELEGRAM_BOT_TOKEN looks malformed: it should look like "
                "'123456789:AA…' exactly as @BotFather gave it"
            )
        return token

    def cipher(self) -> Cipher:
        """The cipher for what users write, from ENCRYPTION_KEY or the key file."""
        if self.encryption_key is not None and self.encryption_key.get_secret_value().strip():
            source, value = "ENCRYPTION_KEY", self.encryption_key.get_secret_value()
        else:
            try:
                value = self.encryption_key_file.read_text(encoding="ascii")
            except FileNotFoundError:
                raise StartupError(
                    f"no encryption key: set ENCRYPTION_KEY or run `bounceback keys init` to "
                    f"create {self.encryption_key_file} (`make run` does this for you)"
                ) from None
            except (OSError, UnicodeDecodeError) as exc:
                raise StartupError(
                    f"cannot read the key file {self.encryption_key_file}: {exc}"
                ) from None
            source = str(self.encryption_key_file)
        try:
            return Cipher(keys_from(value))
        except EncryptionKeyError as exc:
            raise StartupError(f"{source}: {exc}") from None

    def require_webhook_secret(self) -> str:
        """The webhook secret; webhook mode refuses to start without one."""
        secret = self.webhook_secret.get_secret_value() if self.webhook_secret else ""
        if not re.fullmatch(r"[A-Za-z0-9_-]{16,256}", secret):
            raise StartupError(
                "WEBHOOK_SECRET is required in webhook mode: 16-256 characters of A-Z, a-z, 0-9, "
                "_ and - (e.g. `python -c 'import secrets; print(secrets.token_urlsafe(32))'`)"
            )
        return secret

    def sqlite_path(self) -> Path | None:
        """The database file when DATABASE_URL points at SQLite, else None."""
        from models.db import sqlite_file_of

        return sqlite_file_of(self.database_url)


def load_settings(**overrides: object) -> Settings:
    """Build settings from the environment and `.env`; raise StartupError on bad values."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']).upper() or 'settings'}: {err['msg']}"
            for err in exc.errors()
        )
        raise StartupError(f"invalid settings: {problems}") from None
