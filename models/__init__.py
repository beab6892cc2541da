"""Storage: typed SQLAlchemy models, the engine and session factory, and repositories."""

from models.base import Base
from models.journeys import Answer, Checkin, Journey, Mood, Opportunity, Walk
from models.outbox import OutboxMessage, QuarantinedUpdate, SendSlot
from models.users import ProcessedUpdate, User

__all__ = [
    "Answer",
    "Base",
    "Checkin",
    "Journey",
    "Mood",
    "Opportunity",
    "OutboxMessage",
    "ProcessedUpdate",
    "QuarantinedUpdate",
    "SendSlot",
    "User",
    "Walk",
]
