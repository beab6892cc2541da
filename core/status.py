"""The words stored in status and kind columns, as enums (they compare equal to the stored text)."""

from __future__ import annotations

from enum import StrEnum


class JourneyStatus(StrEnum):
    """Where a journey stands."""

    ACTIVE = "active"
    PAUSED = "paused"
    COMPLETED = "completed"
    LEFT = "left"  # the user began another with /new


OPEN_JOURNEY = frozenset({JourneyStatus.ACTIVE, JourneyStatus.PAUSED})


class CheckinStatus(StrEnum):
    """A check-in's life: pending → claimed (leased) → sent / failed / dropped; paused and
    cancelled come from the user."""

    PENDING = "pending"
    CLAIMED = "claimed"
    SENT = "sent"
    FAILED = "failed"
    DROPPED = "dropped"
    PAUSED = "paused"
    CANCELLED = "cancelled"


# Still to come (the user can pause, resume or stop them); settled by the dispatcher.
UPCOMING_STATUSES = (CheckinStatus.PENDING, CheckinStatus.PAUSED)
SETTLED_STATUSES = (CheckinStatus.SENT, CheckinStatus.FAILED, CheckinStatus.DROPPED)


class CheckinKind(StrEnum):
    """What a check-in is for."""

    GRIEF_OVER = "grief_over"
    WALK_DAILY = "walk_daily"
    WALK_SNOOZE = "walk_snooze"
    FEEDBACK_FOLLOWUP = "feedback_followup"
    LEARNING_GOAL = "learning_goal"
    COME_BACK = "come_back"
    OPTIONS_REVIEW = "options_review"
    RETENTION_WARNING = "retention_warning"
    WEEKLY_RECAP = "weekly_recap"


class WalkStatus(StrEnum):
    """A day's walk as the user reported it."""

    WALKED = "walked"
    SKIPPED = "skipped"


class OutboxStatus(StrEnum):
    """An outgoing message: pending → sent, or failed (gave up) / dropped (chat unreachable)."""

    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"
    DROPPED = "dropped"


class OutboxKind(StrEnum):
    """Why a message is sent: an answer to an update, or a check-in."""

    REPLY = "reply"
    CHECKIN = "checkin"
