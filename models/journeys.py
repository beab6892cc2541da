"""A journey through the ten steps (one per rejection), its answers, the user's
opportunities, and the check-ins it plans."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.status import CheckinStatus
from models.base import Base
from models.crypto import EncryptedText


class Journey(Base):
    """One rejection worked through: where the user is and how they got there."""

    __tablename__ = "journeys"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), index=True
    )
    # active, paused, completed, or left (the user began another with /new).
    status: Mapped[str] = mapped_column(String(16))
    # Key of the prompt the user is answering now (see core/journey/steps.py).
    prompt: Mapped[str] = mapped_column(String(32))
    # Space-separated prompt keys answered before this one, for Back.
    history: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    completed_at: Mapped[datetime | None]
    # "Come back" nudges sent since the user last answered (0, 1 or 2; then silence).
    nudges: Mapped[int] = mapped_column(default=0)
    # Times in a row the current prompt was not understood (the next refusal reads differently).
    misses: Mapped[int] = mapped_column(default=0, server_default="0")
    # Acknowledgement variants already said in this journey, oldest first, space-separated.
    said: Mapped[str] = mapped_column(Text, default="", server_default="")


class Answer(Base):
    """What the user answered to one prompt of a journey (the newest answer wins)."""

    __tablename__ = "answers"

    journey_id: Mapped[int] = mapped_column(
        ForeignKey("journeys.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(EncryptedText)
    answered_at: Mapped[datetime]


class Opportunity(Base):
    """An employer the user is talking to (step 3, /options)."""

    __tablename__ = "opportunities"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), index=True
    )
    journey_id: Mapped[int | None] = mapped_column(ForeignKey("journeys.id", ondelete="SET NULL"))
    company: Mapped[str] = mapped_column(EncryptedText)
    role: Mapped[str | None] = mapped_column(EncryptedText)
    # applied, screening, interviewing, final, offer
    stage: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]


class Checkin(Base):
    """A timed message to send: the source of truth for every check-in (no in-memory jobs)."""

    __tablename__ = "checkins"
    __table_args__ = (Index("ix_checkins_status_due_at", "status", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), index=True
    )
    journey_id: Mapped[int | None] = mapped_column(ForeignKey("journeys.id", ondelete="CASCADE"))
    # grief_over, walk_daily, feedback_followup, learning_goal, come_back, options_review
    kind: Mapped[str] = mapped_column(String(24))
    due_at: Mapped[datetime]
    # pending, paused (by the user), claimed, sent, failed, dropped, cancelled
    status: Mapped[str] = mapped_column(String(12), default=CheckinStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    # For daily check-ins: the user's chosen local wall-clock time, "HH:MM".
    local_time: Mapped[str | None] = mapped_column(String(5))
    claimed_until: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Walk(Base):
    """What the user did about their walk on one local day: walked or skipped."""

    __tablename__ = "walks"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    status: Mapped[str] = mapped_column(String(12))  # walked, skipped
    recorded_at: Mapped[datetime]


class Mood(Base):
    """How the user felt, 1–5, as answered to a check-in (the intake mood is an answer)."""

    __tablename__ = "moods"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), index=True
    )
    journey_id: Mapped[int | None] = mapped_column(ForeignKey("journeys.id", ondelete="SET NULL"))
    # The check-in that asked: one mood per check-in (pressing another button changes it).
    # No foreign key: check-ins are pruned, the mood stays.
    checkin_id: Mapped[int | None] = mapped_column(index=True)
    # "1" to "5", encrypted like everything else a person tells us about themselves.
    value: Mapped[str] = mapped_column(EncryptedText)
    # The check-in kind that asked (grief_over, weekly_recap).
    source: Mapped[str] = mapped_column(String(24))
    recorded_at: Mapped[datetime]
