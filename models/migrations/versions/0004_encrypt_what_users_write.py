"""encrypt what users write

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 22:35:00

Answers and opportunities written before encryption existed are encrypted in place with the
newest configured key (models/crypto.py). The schema itself doesn't change: the columns stay
TEXT and now hold Fernet tokens.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context, op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, key columns, encrypted columns)
ENCRYPTED = (
    ("answers", ("journey_id", "key"), ("value",)),
    ("opportunities", ("id",), ("company", "role")),
)


def _transform(convert_name: str, missing: str) -> None:
    """Apply the cipher's `convert_name` (encrypt or decrypt) to every stored text."""
    connection = op.get_bind()
    cipher = context.config.attributes.get("cipher")
    for table, keys, columns in ENCRYPTED:
        rows = connection.execute(
            sa.text(f"SELECT {', '.join(keys + columns)} FROM {table}")
        ).fetchall()
        if not rows:
            continue
        if cipher is None:
            raise RuntimeError(f"{table} {missing}: run the migration with ENCRYPTION_KEY set")
        convert = getattr(cipher, convert_name)
        where = " AND ".join(f"{k} = :{k}" for k in keys)
        assignments = ", ".join(f"{c} = :{c}" for c in columns)
        statement = sa.text(f"UPDATE {table} SET {assignments} WHERE {where}")
        for row in rows:
            values = row._mapping
            params = {k: values[k] for k in keys}
            for column in columns:
                params[column] = None if values[column] is None else convert(values[column])
            connection.execute(statement, params)


def upgrade() -> None:
    _transform("encrypt", "holds data to encrypt")


def downgrade() -> None:
    _transform("decrypt", "holds encrypted data to decrypt")
