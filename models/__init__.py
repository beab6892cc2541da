"""Storage: typed SQLAlchemy models, the engine and session factory, and repositories."""

from models.base import Base
from models.users import ProcessedUpdate, User

__all__ = ["Base", "ProcessedUpdate", "User"]
