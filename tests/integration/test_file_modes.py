"""What the bot creates on disk is private: the data folder 0700, the SQLite database and its
-wal/-shm files 0600, the key file 0600; whatever the umask. What the operator made is theirs."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.cli import main
from models.crypto import create_key_file
from models.db import create_engine
from tests.conftest import TEST_CIPHER


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(params=[0o022, 0o000, 0o277], ids=["umask022", "umask000", "umask277"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """Run the test under this umask (process-wide), then restore the previous one."""
    previous = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(previous)


async def test_a_new_database_is_private(tmp_path: Path, umask: int) -> None:
    folder = tmp_path / "new" / "data"
    database_url = f"sqlite:///{folder / 'bounceback.db'}"
    engine = create_engine(database_url, cipher=TEST_CIPHER)
    try:
        async with engine.begin() as connection:
            await connection.execute(text("CREATE TABLE t (x INTEGER)"))
            await connection.execute(text("INSERT INTO t VALUES (1)"))
        database = folder / "bounceback.db"
        # WAL mode: while the pooled connection is open, SQLite keeps both files beside it.
        wal, shm = Path(f"{database}-wal"), Path(f"{database}-shm")
        assert {mode(wal), mode(shm)} == {0o600}
        assert mode(database) == 0o600
    finally:
        await engine.dispose()
    assert mode(folder) == 0o700
    assert mode(tmp_path / "new") == 0o700  # every folder the bot made


async def test_an_existing_folder_keeps_its_mode(tmp_path: Path, umask: int) -> None:
    folder = tmp_path / "volume"
    folder.mkdir()
    folder.chmod(0o755)

    engine = create_engine(f"sqlite:///{folder / 'bounceback.db'}", cipher=TEST_CIPHER)
    try:
        async with engine.begin() as connection:
            await connection.execute(text("CREATE TABLE t (x INTEGER)"))
    finally:
        await engine.dispose()

    assert mode(folder) == 0o755
    assert mode(folder / "bounceback.db") == 0o600  # the file is still the bot's own


async def test_an_existing_database_keeps_its_mode_and_is_named_in_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    database = tmp_path / "bounceback.db"
    database.touch()
    database.chmod(0o644)

    with caplog.at_level(logging.WARNING, logger="models.db"):
        engine = create_engine(f"sqlite:///{database}", cipher=TEST_CIPHER)
        await engine.dispose()

    assert mode(database) == 0o644
    assert f"the database file {database} is readable by other users" in caplog.text


async def test_a_private_existing_database_raises_no_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    database = tmp_path / "bounceback.db"
    with caplog.at_level(logging.WARNING, logger="models.db"):
        for _ in range(2):  # created, then found
            engine = create_engine(f"sqlite:///{database}", cipher=TEST_CIPHER)
            await engine.dispose()

    assert mode(database) == 0o600
    assert caplog.text == ""


def test_a_new_key_file_is_private(tmp_path: Path, umask: int) -> None:
    key_file = tmp_path / "new" / "data" / "bounceback.key"

    assert create_key_file(key_file)

    assert mode(key_file) == 0o600
    assert mode(key_file.parent) == 0o700
    assert mode(tmp_path / "new") == 0o700


def test_a_key_file_in_an_existing_folder_leaves_the_folder_alone(tmp_path: Path) -> None:
    tmp_path.chmod(0o751)

    assert create_key_file(tmp_path / "bounceback.key")

    assert mode(tmp_path / "bounceback.key") == 0o600
    assert mode(tmp_path) == 0o751


def test_keys_init_makes_a_private_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ENCRYPTION_KEY", raising=False)
    monkeypatch.delenv("ENCRYPTION_KEY_FILE", raising=False)

    assert main(["keys", "init"]) == 0

    assert mode(tmp_path / "data") == 0o700
    assert mode(tmp_path / "data" / "bounceback.key") == 0o600
    assert "created the encryption key" in capsys.readouterr().out
