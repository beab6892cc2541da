"""Runs the real `bounceback` command as a child process for end-to-end tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import TEST_KEY
from tests.support.fake_bot_api import FakeBotApi

BOUNCEBACK = Path(sys.executable).with_name("bounceback")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class BotProcess:
    """`bounceback run` against a fake Bot API, with its log written to a file."""

    def __init__(self, api: FakeBotApi, workdir: Path, **env: str) -> None:
        self.api = api
        self.workdir = workdir
        self.log_path = workdir / f"bot-{time.monotonic_ns()}.log"
        self.env = {
            # Only what the bot needs: no developer .env (cwd is a temp folder) or token leaks.
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(workdir),
            "TELEGRAM_BOT_TOKEN": api.token,
            "TELEGRAM_API_BASE_URL": api.base_url,
            "DATABASE_URL": f"sqlite:///{workdir / 'data' / 'bounceback.db'}",
            "POLLING_TIMEOUT": "1",
            "LOG_LEVEL": "DEBUG",
            # A free port each, so processes running side by side don't clash.
            "WEBHOOK_LISTEN": "127.0.0.1",
            "HEALTH_PORT": str(free_port()),
            "ENCRYPTION_KEY": TEST_KEY,
            "FLOOD_MAX_MESSAGES": "10000",
            # The test users answer the instant a reply arrives; Telegram's pace of about one
            # message a second per chat (tests/unit/test_ratelimit.py, bench/) would only make
            # these tests wait.
            "CHAT_MESSAGES_PER_SECOND": "1000",
            **env,
        }
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def health_url(self) -> str:
        """Where this process answers GET /healthz."""
        port = self.env["WEBHOOK_PORT"] if self.env.get("WEBHOOK_URL") else self.env["HEALTH_PORT"]
        return f"http://127.0.0.1:{port}/healthz"

    def start(self, *args: str) -> BotProcess:
        """Start `bounceback run` (or the given subcommand)."""
        self._log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [str(BOUNCEBACK), *(args or ("run",))],
            cwd=self.workdir,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        return self

    def wait_for_log(self, fragment: str, timeout: float = 20.0) -> None:
        """Wait until the log contains `fragment` (fail fast if the process died)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if fragment in self.log():
                return
            if self.process is not None and self.process.poll() is not None:
                raise AssertionError(f"bot exited ({self.process.returncode}):\n{self.log()}")
            time.sleep(0.05)
        raise AssertionError(f"{fragment!r} not logged within {timeout} s:\n{self.log()}")

    def log(self) -> str:
        """Everything the process printed so far, in every run that shared this object."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self, sig: signal.Signals = signal.SIGTERM, timeout: float = 20.0) -> int:
        """Send `sig` and wait for the process to exit; return its exit code."""
        assert self.process is not None
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            code = self.process.wait(timeout=timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            self._log.close()
        return code

    def kill(self) -> None:
        """SIGKILL: the process gets no chance to clean up."""
        self.stop(signal.SIGKILL)

    def __enter__(self) -> BotProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.stop(signal.SIGKILL)
        self._log.close()
        if os.environ.get("BOUNCEBACK_SHOW_BOT_LOG") == "1":
            sys.stderr.write(self.log())
