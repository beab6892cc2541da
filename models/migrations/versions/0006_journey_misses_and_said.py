"""journey misses and said

The coach's own memory of a journey: how many times in a row the current prompt was not
understood (so the next refusal is worded differently and a skippable prompt moves on), and
which acknowledgement variants were already said (so none comes back word for word).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 11:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("journeys", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("misses", models.base.BigInt, nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("said", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("journeys", schema=None) as batch_op:
        batch_op.drop_column("said")
        batch_op.drop_column("misses")
