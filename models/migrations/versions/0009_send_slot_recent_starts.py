"""send slots remember their recent starts

The shared send budget keeps the starts of its last sends (one budget's worth), so replicas
together can allow a short burst yet never start more than the budget in any sliding window.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 16:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("send_slots") as batch:
        batch.add_column(
            sa.Column(
                "recent",
                postgresql.ARRAY(sa.Double()).with_variant(sa.Text(), "sqlite"),
                nullable=True,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("send_slots") as batch:
        batch.drop_column("recent")
