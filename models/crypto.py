"""Encryption at rest of everything users write (Fernet, with key rotation).

The key never lives in the database: it comes from ENCRYPTION_KEY (one or more keys separated
by commas, newest first) or from a key file (one key per line, newest first). The newest key
encrypts; every configured key can decrypt, so a new key can be put in front and
`bounceback keys rotate` re-encrypts the rows at leisure.

The cipher is attached to an engine's dialect by `models.db.create_engine`, so an
`EncryptedText` column always uses the key of the engine it is written through, and a column
written through an engine without a key fails loudly instead of storing clear text.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from sqlalchemy import Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

DIALECT_ATTRIBUTE = "bounceback_cipher"


class EncryptionKeyError(Exception):
    """A key is missing, malformed, or doesn't fit the data."""


class Cipher:
    """Encrypts with the newest key, decrypts with any configured key."""

    def __init__(self, keys: list[bytes]) -> None:
        if not keys:
            raise EncryptionKeyError("no encryption key configured")
        try:
            self._fernets = [Fernet(key) for key in keys]
        except (ValueError, TypeError) as exc:
            raise EncryptionKeyError(
                "an encryption key is malformed: keys are 44-character url-safe base64 "
                "strings as made by `bounceback keys generate`"
            ) from exc
        self._multi = MultiFernet(self._fernets)

    def encrypt(self, text: str) -> str:
        """A token (ASCII) for the text."""
        return self._multi.encrypt(text.encode("utf-8")).decode("ascii")

    def decrypt(self, token: str) -> str:
        """The text of a token made with any configured key."""
        try:
            return self._multi.decrypt(token.encode("ascii")).decode("utf-8")
        except (InvalidToken, UnicodeEncodeError) as exc:
            raise EncryptionKeyError(
                "stored data can't be decrypted with the configured ENCRYPTION_KEY"
            ) from exc

    def is_current(self, token: str) -> bool:
        """Whether a token was made with the newest key (nothing to rotate)."""
        try:
            self._fernets[0].decrypt(token.encode("ascii"))
        except InvalidToken:
            return False
        return True

    def rotate(self, token: str) -> str:
        """The same text under the newest key."""
        return self._multi.rotate(token.encode("ascii")).decode("ascii")


def generate_key() -> str:
    """A new random key."""
    return Fernet.generate_key().decode("ascii")


def keys_from(value: str) -> list[bytes]:
    """Keys from a comma- or newline-separated string, newest first."""
    parts = value.replace(",", "\n").splitlines()
    return [part.strip().encode("ascii") for part in parts if part.strip()]


# What the bot creates for itself: folders only its user can enter, files only it can read.
PRIVATE_FOLDER_MODE = stat.S_IRWXU  # 0700
PRIVATE_FILE_MODE = stat.S_IRUSR | stat.S_IWUSR  # 0600


def make_private_folder(folder: Path) -> None:
    """Create `folder` and any missing parents, each 0700 whatever the umask.

    A folder that already exists is left exactly as it is: its mode is the operator's choice
    (e.g. a Docker volume). Raises OSError when a folder can't be created.
    """
    missing: list[Path] = []
    current = folder
    while not current.exists() and current.parent != current:
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=PRIVATE_FOLDER_MODE)
        except FileExistsError:
            continue  # made by someone else in the meantime: not ours to change
        os.chmod(path, PRIVATE_FOLDER_MODE)  # mkdir's mode passes through the umask


def create_key_file(path: Path) -> bool:
    """Write a new key file readable only by its owner (0600, in a 0700 folder when the folder
    is new); False if one exists already."""
    if path.exists():
        return False
    make_private_folder(path.parent)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        os.fchmod(handle.fileno(), PRIVATE_FILE_MODE)  # exact, whatever the umask
        handle.write(generate_key() + "\n")
    return True


def attach(dialect: Dialect, cipher: Cipher | None) -> None:
    """Make `cipher` the one EncryptedText columns use through this dialect."""
    setattr(dialect, DIALECT_ATTRIBUTE, cipher)


def _cipher_of(dialect: Dialect) -> Cipher:
    cipher: Cipher | None = getattr(dialect, DIALECT_ATTRIBUTE, None)
    if cipher is None:
        raise EncryptionKeyError("this database engine has no encryption key; refusing clear text")
    return cipher


class EncryptedText(TypeDecorator[str]):
    """Text encrypted before it reaches the database and decrypted when read."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return _cipher_of(dialect).encrypt(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return _cipher_of(dialect).decrypt(str(value))
