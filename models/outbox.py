"""Outgoing messages as rows: the transactional outbox, and updates set aside as unreadable.

A unit of work writes its replies here in the same transaction as the state they belong to, so
a reply that was committed is never lost: a send that fails (429, 5xx, a timeout, a crash) only
delays it. What users wrote is encrypted at rest here like everywhere else.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Double, Index, String, Text
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Mapped, mapped_column

from core.status import OutboxStatus
from models.base import Base
from models.crypto import EncryptedText


class OutboxMessage(Base):
    """One message to send to a chat, in order of `id` per chat."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_status_next_attempt_at", "status", "next_attempt_at"),
        Index("ix_outbox_chat_id_id", "chat_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Private chats only: the chat id is the user's Telegram id (no foreign key: the reply to
    # /delete is written after the user's rows are gone).
    chat_id: Mapped[int]
    # "reply" (an answer to an update) or "checkin".
    kind: Mapped[str] = mapped_column(String(12))
    # The update a reply answers: a redelivered update whose replies are already here adds none.
    update_id: Mapped[int | None] = mapped_column(index=True)
    # The message as JSON (text, buttons, files), encrypted.
    payload: Mapped[str] = mapped_column(EncryptedText)
    status: Mapped[str] = mapped_column(String(12), default=OutboxStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime]
    # A sender holds the row until then; after a crash the lease runs out and it is sent again.
    claimed_until: Mapped[datetime | None]
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    # Why the last attempt failed: an error class or Telegram's short description, never text.
    last_error: Mapped[str | None] = mapped_column(String(200))


class QuarantinedUpdate(Base):
    """An update python-telegram-bot could not read: set aside (no content kept) and
    acknowledged, so it can't stop the others."""

    __tablename__ = "quarantined_updates"

    update_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    # The update's kind ("message", "poll_answer", …) and the error class; never its content.
    update_type: Mapped[str] = mapped_column(String(40))
    error: Mapped[str] = mapped_column(String(80))
    received_at: Mapped[datetime]


class SendSlot(Base):
    """A send budget shared by every replica: when its next free slot starts (seconds since
    the epoch on the database's clock). See `models.send_slots`."""

    __tablename__ = "send_slots"

    name: Mapped[str] = mapped_column(String(20), primary_key=True)
    next_at: Mapped[float] = mapped_column(Double)
    # The starts of the latest sends (at most one budget's worth, oldest first): no slot
    # starts while a whole budget has started within the sliding window before it.
    recent: Mapped[list[float] | None] = mapped_column(
        postgresql.ARRAY(Double).with_variant(Text(), "sqlite")
    )
