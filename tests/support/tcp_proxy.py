"""A small threaded TCP proxy on 127.0.0.1 that a test can cut and restore.

Put it between the bot and a server (say PostgreSQL) to make the server unreachable for a
while without touching the server itself::

    with TcpProxy("127.0.0.1", 5432) as proxy:
        url = f"postgresql://postgres@127.0.0.1:{proxy.port}/db"
        ...
        proxy.cut()  # open connections are reset, new ones refused
        ...
        proxy.restore()  # the same port accepts and forwards again

Only the standard library is used; one thread accepts, two threads per connection copy bytes.
"""

from __future__ import annotations

import contextlib
import select
import socket
import struct
import threading
from types import TracebackType
from typing import Self

__all__ = ["TcpProxy"]

_CHUNK = 65536
# How often the accepting thread looks whether it should stop (seconds).
_ACCEPT_POLL = 0.05


def _reset(sock: socket.socket) -> None:
    """Close `sock` with a TCP RST (SO_LINGER 0), as a dropped link or a killed peer does."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)  # wakes a thread blocked in recv() on it
    with contextlib.suppress(OSError):
        sock.close()


class _Link:
    """One client connection and its upstream connection."""

    def __init__(self, client: socket.socket, upstream: socket.socket) -> None:
        self.client = client
        self.upstream = upstream
        self._closed = threading.Event()
        self._lock = threading.Lock()

    def start(self) -> None:
        for source, target in ((self.client, self.upstream), (self.upstream, self.client)):
            threading.Thread(
                target=self._pump, args=(source, target), name="tcp-proxy-pump", daemon=True
            ).start()

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        try:
            while not self._closed.is_set():
                data = source.recv(_CHUNK)
                if not data:
                    break
                target.sendall(data)
        except OSError:
            pass
        self.close()

    def close(self) -> None:
        """Reset both sides (idempotent)."""
        with self._lock:
            if self._closed.is_set():
                return
            self._closed.set()
        _reset(self.client)
        _reset(self.upstream)

    @property
    def closed(self) -> bool:
        return self._closed.is_set()


class TcpProxy:
    """Forwards connections made to 127.0.0.1:`port` to `target_host`:`target_port`."""

    def __init__(self, target_host: str, target_port: int, *, port: int = 0) -> None:
        self.target = (target_host, target_port)
        self._requested_port = port
        self._port: int | None = None
        self._lock = threading.Lock()
        self._links: list[_Link] = []
        self._listener: socket.socket | None = None
        self._acceptor: threading.Thread | None = None
        self._stop_accepting = threading.Event()
        # How many connections were accepted, and how many a cut reset.
        self.accepted = 0
        self.reset_by_cut = 0

    @property
    def port(self) -> int:
        """The port the proxy listens on (the same one after a restore)."""
        if self._port is None:
            raise RuntimeError("the proxy was not started")
        return self._port

    @property
    def is_cut(self) -> bool:
        """True while new connections are refused."""
        return self._listener is None

    def start(self) -> Self:
        """Listen and forward."""
        self._listen(self._port if self._port is not None else self._requested_port)
        return self

    def _listen(self, port: int) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", port))
        listener.listen(64)
        self._port = int(listener.getsockname()[1])
        self._stop_accepting = threading.Event()
        self._listener = listener
        self._acceptor = threading.Thread(
            target=self._accept_loop,
            args=(listener, self._stop_accepting),
            name="tcp-proxy-accept",
            daemon=True,
        )
        self._acceptor.start()

    def _accept_loop(self, listener: socket.socket, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                ready, _, _ = select.select([listener], [], [], _ACCEPT_POLL)
                if not ready:
                    continue
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                _reset(client)
                continue
            for sock in (client, upstream):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            link = _Link(client, upstream)
            with self._lock:
                if stop.is_set():  # cut while this one was being connected
                    link.close()
                    return
                self._links = [known for known in self._links if not known.closed]
                self._links.append(link)
                self.accepted += 1
            link.start()

    def cut(self) -> int:
        """Refuse new connections and reset the open ones; how many were reset."""
        self._stop_accepting.set()
        if self._acceptor is not None:
            self._acceptor.join(timeout=5)
            self._acceptor = None
        with self._lock:
            listener, self._listener = self._listener, None
            links, self._links = self._links, []
        if listener is not None:
            # From now on connecting is refused (nothing listens on the port); connections
            # waiting in the backlog are reset.
            with contextlib.suppress(OSError):
                listener.close()
        open_links = [link for link in links if not link.closed]
        for link in open_links:
            link.close()
        with self._lock:
            self.reset_by_cut += len(open_links)
        return len(open_links)

    def restore(self) -> None:
        """Accept and forward again, on the same port."""
        if self._listener is not None:
            return
        self._listen(self.port)

    def close(self) -> None:
        """Stop for good."""
        self.cut()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
