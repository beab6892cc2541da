"""outbox and quarantined updates

Replies (and later check-ins) are committed as outbox rows in the unit of work that makes
them, and a sender delivers them; updates python-telegram-bot cannot read are set aside.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 11:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "outbox",
        sa.Column("id", models.base.BigInt, nullable=False),
        sa.Column("chat_id", models.base.BigInt, nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("update_id", models.base.BigInt, nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("attempts", models.base.BigInt, nullable=False),
        sa.Column("next_attempt_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("claimed_until", models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("sent_at", models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_status_next_attempt_at", ["status", "next_attempt_at"])
        batch_op.create_index("ix_outbox_chat_id_id", ["chat_id", "id"])
        batch_op.create_index(batch_op.f("ix_outbox_update_id"), ["update_id"], unique=False)
    op.create_table(
        "quarantined_updates",
        sa.Column("update_id", models.base.BigInt, nullable=False),
        sa.Column("update_type", sa.String(length=40), nullable=False),
        sa.Column("error", sa.String(length=80), nullable=False),
        sa.Column("received_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("update_id", name=op.f("pk_quarantined_updates")),
    )


def downgrade() -> None:
    op.drop_table("quarantined_updates")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_update_id"))
        batch_op.drop_index("ix_outbox_chat_id_id")
        batch_op.drop_index("ix_outbox_status_next_attempt_at")
    op.drop_table("outbox")
