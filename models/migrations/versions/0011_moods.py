"""moods answered to check-ins, for /progress

The grief-window check-in and the weekly recap ask how the user feels (1–5); each answer is a
row, its value encrypted like answers.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 22:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "moods",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "journey_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column(
            "checkin_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=24), nullable=False),
        sa.Column("recorded_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.telegram_id"],
            name=op.f("fk_moods_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["journey_id"],
            ["journeys.id"],
            name=op.f("fk_moods_journey_id_journeys"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moods")),
    )
    op.create_index(op.f("ix_moods_user_id"), "moods", ["user_id"], unique=False)
    op.create_index(op.f("ix_moods_checkin_id"), "moods", ["checkin_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_moods_checkin_id"), table_name="moods")
    op.drop_index(op.f("ix_moods_user_id"), table_name="moods")
    op.drop_table("moods")
