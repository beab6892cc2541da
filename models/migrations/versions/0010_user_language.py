"""users choose the language the bot speaks

The language comes from Telegram's language_code on first contact and can be changed with
/language; Telegram's own code stays in language_code (its country picks the helplines).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 18:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("language", sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("language")
