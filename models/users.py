"""The people who talk to the bot, and the updates already handled for them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class User(Base):
    """One Telegram user: only what the bot needs to talk to them at the right time."""

    __tablename__ = "users"

    telegram_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    # Telegram's language code as the client last sent it ("de", "pt-br"): its country, if any,
    # picks the helplines.
    language_code: Mapped[str | None] = mapped_column(String(16))
    # The language the bot speaks with them, a catalogue code ("de", "pt_BR"): from
    # language_code on first contact, then whatever they choose with /language.
    language: Mapped[str | None] = mapped_column(String(8))
    # IANA zone name such as "Europe/Berlin"; None until the user tells us.
    timezone: Mapped[str | None] = mapped_column(String(64))
    # A short side conversation outside the journey, e.g. adding an opportunity from /options:
    # "opt_company" or "opt_role:<opportunity id>". None when there is none.
    flow: Mapped[str | None] = mapped_column(String(32))
    # Quiet hours as local "HH:MM"; both None means no quiet hours.
    quiet_start: Mapped[str | None] = mapped_column(String(5), default="22:00")
    quiet_end: Mapped[str | None] = mapped_column(String(5), default="08:00")
    # Set when Telegram says the user blocked the bot; cleared when they write again.
    blocked_at: Mapped[datetime | None]
    # After crisis language, coaching check-ins wait until this moment.
    nudges_paused_until: Mapped[datetime | None]
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]


class ProcessedUpdate(Base):
    """An update whose effects are committed: a redelivered update is recognised, not redone."""

    __tablename__ = "processed_updates"

    update_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    processed_at: Mapped[datetime] = mapped_column(index=True)
