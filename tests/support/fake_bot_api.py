"""A small in-process fake of the Telegram Bot API HTTP server, for tests.

Point python-telegram-bot at it with::

    with FakeBotApi() as api:
        bot = Bot(api.token, base_url=f"{api.base_url}/bot",
                  base_file_url=f"{api.base_url}/file/bot")

The fake speaks just enough of the Bot API for the Bounce Back bot: it records every call,
answers with realistic ``Message`` dicts, serves ``getUpdates`` with real long-polling and
offset-confirmation semantics, and lets a test inject faults (errors, 429 flood control,
blocked users).  Only the standard library is used.
"""

from __future__ import annotations

import contextlib
import copy
import itertools
import json
import logging
import re
import socket
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.message import Message as EmailMessage
from email.parser import BytesParser
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self, cast
from urllib.parse import parse_qsl, urlsplit

__all__ = ["DEFAULT_TOKEN", "ApiCall", "FakeBotApi"]

logger = logging.getLogger(__name__)

DEFAULT_TOKEN = "123456:TEST-fake-token-abcdefghijklmnopqrstuvwxyz"
FIRST_UPDATE_ID = 1000
BLOCKED_DESCRIPTION = "Forbidden: bot was blocked by the user"

# Fields whose (form-encoded) string values are converted to int when they look like one.
_INT_FIELDS = frozenset(
    {
        "chat_id",
        "from_chat_id",
        "user_id",
        "offset",
        "limit",
        "timeout",
        "message_id",
        "message_thread_id",
        "reply_to_message_id",
        "update_id",
        "cache_time",
        "max_connections",
    }
)
# Fields whose "true"/"false" string values are converted to bool.
_BOOL_FIELDS = frozenset(
    {
        "disable_notification",
        "protect_content",
        "allow_sending_without_reply",
        "disable_web_page_preview",
        "disable_content_type_detection",
        "drop_pending_updates",
        "show_alert",
        "allow_paid_broadcast",
    }
)
# Free-text fields that are never JSON-decoded, even if they start with "{" or "[".
_TEXT_FIELDS = frozenset(
    {"text", "caption", "data", "description", "short_description", "url", "query", "name"}
)
_INT_RE = re.compile(r"-?\d+")
_FLOAT_RE = re.compile(r"-?\d+\.\d*")

# Methods that address a chat and fail with 403 when the user has blocked the bot.
_CHAT_METHOD_PREFIXES = ("send", "edit", "copymessage", "forwardmessage")

_KNOWN_METHODS = (
    "getMe",
    "setWebhook",
    "deleteWebhook",
    "getWebhookInfo",
    "logOut",
    "close",
    "getUpdates",
    "sendMessage",
    "editMessageText",
    "editMessageReplyMarkup",
    "answerCallbackQuery",
    "setMyCommands",
    "getMyCommands",
    "deleteMyCommands",
    "sendDocument",
    "sendPhoto",
    "sendChatAction",
)
_CANONICAL = {name.lower(): name for name in _KNOWN_METHODS}


@dataclass(frozen=True)
class ApiCall:
    """One Bot API request as received by the fake (after parameter decoding)."""

    method: str
    params: dict[str, Any]
    at: float  # time.monotonic() when the request arrived


@dataclass
class _Fault:
    error_code: int
    description: str
    retry_after: int | None


@dataclass
class _ApiError(Exception):
    error_code: int
    description: str
    retry_after: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _decode_value(name: str, value: Any) -> Any:
    """Turn a form-encoded string back into the value the client meant."""
    if not isinstance(value, str):
        return value
    if name in _INT_FIELDS:
        if _INT_RE.fullmatch(value):
            return int(value)
        if _FLOAT_RE.fullmatch(value):
            return float(value)
        return value
    if name in _BOOL_FIELDS and value in ("true", "false"):
        return value == "true"
    if name not in _TEXT_FIELDS and value[:1] in ("{", "["):
        with contextlib.suppress(ValueError):
            return json.loads(value)
    return value


def _parse_multipart(content_type: str, body: bytes) -> dict[str, Any]:
    raw = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode() + body
    msg = BytesParser().parsebytes(raw)
    result: dict[str, Any] = {}
    if not msg.is_multipart():
        return result
    for part in cast(list[EmailMessage], msg.get_payload()):
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        payload = part.get_payload(decode=True)
        content = payload if isinstance(payload, bytes) else b""
        filename = part.get_filename()
        if filename is not None:
            result[name] = {"filename": filename, "content": content}
        else:
            charset = part.get_content_charset() or "utf-8"
            result[name] = content.decode(charset)
    return result


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # we join our own handler threads (with a timeout) in stop()

    def __init__(self, api: FakeBotApi) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.api = api
        self._conn_lock = threading.Lock()
        self._connections: set[socket.socket] = set()
        self._handler_threads: list[threading.Thread] = []
        self._busy = 0
        self._idle = threading.Condition(self._conn_lock)

    @contextlib.contextmanager
    def busy(self) -> Iterator[None]:
        """Mark a request as in flight, so stop() lets its response go out first."""
        with self._conn_lock:
            self._busy += 1
        try:
            yield
        finally:
            with self._conn_lock:
                self._busy -= 1
                self._idle.notify_all()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._conn_lock:
            self._connections.add(request)
            self._handler_threads = [t for t in self._handler_threads if t.is_alive()]
            thread = threading.Thread(
                target=self.process_request_thread,
                args=(request, client_address),
                name="fake-bot-api-conn",
                daemon=True,
            )
            self._handler_threads.append(thread)
        thread.start()

    def shutdown_request(self, request: Any) -> None:
        with self._conn_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Connection resets etc. are expected when clients or stop() drop sockets.
        logger.debug("fake Bot API: error while handling a request: %r", sys.exc_info()[1])

    def drop_connections(self, join_timeout: float) -> None:
        deadline = time.monotonic() + join_timeout
        with self._conn_lock:
            # Let in-flight requests (e.g. a woken long-poll) finish writing their response.
            self._idle.wait_for(lambda: self._busy == 0, timeout=join_timeout / 2)
            connections = list(self._connections)
            threads = list(self._handler_threads)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # header and body are separate writes; avoid 40 ms stalls
    server_version = "FakeBotApi/1.0"

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks: list[bytes] = []
            while True:
                size_line = self.rfile.readline()
                size = int(size_line.split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    # Skip trailers up to the terminating blank line.
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _params(self, query: str, body: bytes) -> dict[str, Any]:
        raw: dict[str, Any] = dict(parse_qsl(query, keep_blank_values=True))
        content_type = self.headers.get("Content-Type", "")
        mime = content_type.split(";", 1)[0].strip().lower()
        if body:
            if mime == "application/json":
                decoded = json.loads(body.decode("utf-8"))
                if isinstance(decoded, dict):
                    raw.update(decoded)
            elif mime == "multipart/form-data":
                raw.update(_parse_multipart(content_type, body))
            else:
                raw.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
        return {name: _decode_value(name, value) for name, value in raw.items()}

    def _dispatch(self) -> None:
        with cast(_Server, self.server).busy():
            self._dispatch_request()

    def _dispatch_request(self) -> None:
        api = cast(_Server, self.server).api
        body = self._read_body()
        url = urlsplit(self.path)
        match = re.fullmatch(r"/bot([^/]+)/([A-Za-z0-9_]+)/?", url.path)
        if match is None:
            self._send(404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return
        token, method = match.groups()
        if token != api.token:
            self._send(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
            return
        try:
            params = self._params(url.query, body)
        except (ValueError, UnicodeDecodeError) as exc:
            self._send(
                400,
                {"ok": False, "error_code": 400, "description": f"Bad Request: {exc}"},
            )
            return
        status, payload = api._handle(method, params)
        if api.stopping:
            self.close_connection = True
        self._send(status, payload)

    def _send(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()


class FakeBotApi:
    """A fake Telegram Bot API server running on 127.0.0.1 in a background thread."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        bot_username: str = "bounceback_test_bot",
        *,
        max_messages_per_second: float | None = None,
    ) -> None:
        self.token = token
        self.bot_username = bot_username
        self.max_messages_per_second = max_messages_per_second
        prefix = token.split(":", 1)[0]
        self.bot_id = int(prefix) if prefix.isdigit() else 123456

        self._lock = threading.RLock()
        self._cond = threading.Condition(self._lock)
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._stopping = False

        self._calls: list[ApiCall] = []
        self._sent: list[dict[str, Any]] = []
        self._messages: dict[tuple[int | str, int], dict[str, Any]] = {}
        self._last_bot_message: dict[int | str, int] = {}
        self._message_ids: dict[int | str, itertools.count[int]] = {}
        self._updates: list[dict[str, Any]] = []
        self._next_update_id = FIRST_UPDATE_ID
        self._confirmed_offset = 0
        self._faults: dict[str, deque[_Fault]] = {}
        self._blocked: set[int | str] = set()
        self._commands: dict[str, list[Any]] = {}
        self._send_times: deque[float] = deque()
        self._rejected_429 = 0
        self._delays: dict[str, float] = {}
        self._callback_ids = itertools.count(1)
        self._file_ids = itertools.count(1)
        # (chat id, PNG bytes) of every sendPhoto, in order.
        self._photos: list[tuple[Any, bytes]] = []
        self._webhook: dict[str, Any] | None = None

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> Self:
        """Start serving in a daemon thread; returns ``self``."""
        with self._lock:
            if self._server is not None:
                raise RuntimeError("FakeBotApi is already running")
            self._stopping = False
            server = _Server(self)
            self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="fake-bot-api",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self, timeout: float = 2.0) -> None:
        """Stop the server promptly, waking any blocked ``getUpdates`` long-poll."""
        with self._cond:
            server = self._server
            if server is None:
                return
            self._stopping = True
            self._cond.notify_all()
        server.shutdown()
        server.drop_connections(join_timeout=timeout)
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout)
        with self._lock:
            self._server = None
            self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def stopping(self) -> bool:
        return self._stopping

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("FakeBotApi is not running")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """The server root, e.g. ``http://127.0.0.1:54321`` (the bot uses ``{base_url}/bot``)."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def bot_user(self) -> dict[str, Any]:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "Bounce Back",
            "username": self.bot_username,
        }

    # ------------------------------------------------------------------ inspection

    @property
    def calls(self) -> list[ApiCall]:
        with self._lock:
            return list(self._calls)

    def calls_to(self, method: str) -> list[ApiCall]:
        """Recorded calls of one method (name compared case-insensitively)."""
        wanted = method.lower()
        with self._lock:
            return [c for c in self._calls if c.method.lower() == wanted]

    def sent_messages(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        """Messages sent via sendMessage/sendDocument, as they were sent, in order."""
        with self._lock:
            return [
                copy.deepcopy(m)
                for m in self._sent
                if chat_id is None or m["chat"]["id"] == chat_id
            ]

    def message(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        """The current state (after edits) of a message in a chat, if the fake knows it."""
        with self._lock:
            found = self._messages.get((chat_id, message_id))
            return copy.deepcopy(found) if found is not None else None

    @property
    def webhook(self) -> dict[str, Any] | None:
        """The last setWebhook's ``url``, ``secret_token`` and ``allowed_updates`` (or None)."""
        with self._lock:
            return copy.deepcopy(self._webhook)

    @property
    def confirmed_offset(self) -> int:
        with self._lock:
            return self._confirmed_offset

    def pending_updates(self) -> list[dict[str, Any]]:
        with self._lock:
            return copy.deepcopy(self._updates)

    @property
    def rejected_429(self) -> int:
        with self._lock:
            return self._rejected_429

    def get_commands(
        self, scope: dict[str, Any] | None = None, language_code: str = ""
    ) -> list[Any]:
        with self._lock:
            return copy.deepcopy(self._commands.get(self._commands_key(scope, language_code), []))

    # ------------------------------------------------------------------ waiting

    def _wait(self, ready: Callable[[], bool], timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self._cond:
            while not ready():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._cond.wait(remaining)
            return True

    def wait_for(self, predicate: Callable[[ApiCall], bool], timeout: float = 10.0) -> ApiCall:
        """Block until a recorded call (past or future) satisfies ``predicate``."""
        found: list[ApiCall] = []

        def ready() -> bool:
            for call in self._calls:
                if predicate(call):
                    found.append(call)
                    return True
            return False

        if not self._wait(ready, timeout):
            methods = [c.method for c in self.calls]
            raise TimeoutError(
                f"no matching Bot API call within {timeout}s; "
                f"{len(methods)} calls recorded: {methods}"
            )
        return found[0]

    def wait_for_message(
        self,
        chat_id: int,
        contains: str | None = None,
        *,
        timeout: float = 10.0,
        after: int = 0,
    ) -> dict[str, Any]:
        """Wait for a text message to ``chat_id`` whose text contains ``contains``.

        Only messages at index ``after`` or later of ``sent_messages(chat_id)`` are considered,
        so ``after=len(api.sent_messages(chat_id))`` waits for a new one.
        """
        found: list[dict[str, Any]] = []

        def ready() -> bool:
            to_chat = [m for m in self._sent if m["chat"]["id"] == chat_id]
            for msg in to_chat[after:]:
                text = msg.get("text", msg.get("caption"))
                if text is None:
                    continue
                if contains is None or contains in text:
                    found.append(copy.deepcopy(msg))
                    return True
            return False

        if not self._wait(ready, timeout):
            texts = [m.get("text") for m in self.sent_messages(chat_id)]
            raise TimeoutError(
                f"no message to chat {chat_id} containing {contains!r} (after index {after}) "
                f"within {timeout}s; messages to that chat: {texts}; "
                f"methods called: {[c.method for c in self.calls]}"
            )
        return found[0]

    def wait_for_offset(self, offset: int, timeout: float = 10.0) -> None:
        """Wait until the client has confirmed updates up to ``offset`` (exclusive)."""
        if not self._wait(lambda: self._confirmed_offset >= offset, timeout):
            raise TimeoutError(
                f"client did not confirm offset {offset} within {timeout}s "
                f"(confirmed_offset={self.confirmed_offset})"
            )

    # ------------------------------------------------------------------ fault injection

    def fail_next(
        self,
        method: str,
        *,
        error_code: int = 500,
        description: str = "Internal Server Error",
        retry_after: int | None = None,
        times: int = 1,
    ) -> None:
        """Make the next ``times`` calls of ``method`` fail with the given error.

        For 429 a ``retry_after`` (default 1) is always included; when ``description`` is
        left at its default for a non-500 code, a Telegram-like one is chosen.
        """
        if error_code == 429 and retry_after is None:
            retry_after = 1
        if description == "Internal Server Error" and error_code != 500:
            description = {
                400: "Bad Request",
                403: BLOCKED_DESCRIPTION,
                429: f"Too Many Requests: retry after {retry_after}",
            }.get(error_code, self._phrase(error_code))
        fault = _Fault(error_code, description, retry_after)
        with self._lock:
            queue = self._faults.setdefault(method.lower(), deque())
            queue.extend(fault for _ in range(times))

    def delay(self, method: str, seconds: float) -> None:
        """Answer every later call to `method` only after `seconds` (0 turns it off)."""
        with self._lock:
            self._delays[method.lower()] = seconds

    def block_chat(self, chat_id: int) -> None:
        """Every send*/edit* call to ``chat_id`` answers 403 'bot was blocked by the user'."""
        with self._lock:
            self._blocked.add(chat_id)

    def unblock_chat(self, chat_id: int) -> None:
        with self._lock:
            self._blocked.discard(chat_id)

    # ------------------------------------------------------------------ pushing updates

    def push_update(self, update: dict[str, Any]) -> int:
        """Queue an update for getUpdates; assigns ``update_id`` if missing and returns it."""
        with self._cond:
            update = copy.deepcopy(update)
            if "update_id" not in update:
                update["update_id"] = self._next_update_id
            update_id = int(update["update_id"])
            self._next_update_id = max(self._next_update_id, update_id + 1)
            self._updates.append(update)
            self._updates.sort(key=lambda u: int(u["update_id"]))
            self._cond.notify_all()
            return update_id

    @staticmethod
    def _user(user_id: int, first_name: str, language_code: str) -> dict[str, Any]:
        return {
            "id": user_id,
            "is_bot": False,
            "first_name": first_name,
            "language_code": language_code,
        }

    @staticmethod
    def _private_chat(user_id: int, first_name: str) -> dict[str, Any]:
        return {"id": user_id, "type": "private", "first_name": first_name}

    def _incoming_message(
        self, user_id: int, first_name: str, language_code: str, **content: Any
    ) -> dict[str, Any]:
        with self._lock:
            message = {
                "message_id": self._new_message_id(user_id),
                "date": int(time.time()),
                "chat": self._private_chat(user_id, first_name),
                "from": self._user(user_id, first_name, language_code),
                **content,
            }
            self._messages[(user_id, message["message_id"])] = copy.deepcopy(message)
            return message

    def send_text(
        self, user_id: int, text: str, *, first_name: str = "Alex", language_code: str = "en"
    ) -> int:
        """A user sends ``text`` to the bot in a private chat. Returns the update_id."""
        content: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            content["entities"] = [
                {"type": "bot_command", "offset": 0, "length": _utf16_len(command)}
            ]
        message = self._incoming_message(user_id, first_name, language_code, **content)
        return self.push_update({"message": message})

    def send_sticker(self, user_id: int, *, first_name: str = "Alex") -> int:
        file_no = next(self._file_ids)
        sticker = {
            "file_id": f"CAACAgIAAxkBAAI-sticker-{file_no}",
            "file_unique_id": f"AgAD-sticker-{file_no}",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": "👍",
        }
        message = self._incoming_message(user_id, first_name, "en", sticker=sticker)
        return self.push_update({"message": message})

    def send_photo(self, user_id: int, *, first_name: str = "Alex") -> int:
        file_no = next(self._file_ids)
        photo = [
            {
                "file_id": f"AgACAgIAAxkBAAI-photo-{file_no}-{size}",
                "file_unique_id": f"AQAD-photo-{file_no}-{size}",
                "width": size,
                "height": size,
                "file_size": size * 40,
            }
            for size in (90, 320, 800)
        ]
        message = self._incoming_message(user_id, first_name, "en", photo=photo)
        return self.push_update({"message": message})

    def edit_text(
        self, user_id: int, message_id: int, text: str, *, first_name: str = "Alex"
    ) -> int:
        """The user edits one of their earlier messages (an ``edited_message`` update)."""
        now = int(time.time())
        with self._lock:
            original = self._messages.get((user_id, message_id))
            message: dict[str, Any] = {
                "message_id": message_id,
                "date": original["date"] if original else now,
                "edit_date": now,
                "chat": self._private_chat(user_id, first_name),
                "from": self._user(user_id, first_name, "en"),
                "text": text,
            }
            self._messages[(user_id, message_id)] = copy.deepcopy(message)
        return self.push_update({"edited_message": message})

    def press_button(
        self,
        user_id: int,
        data: str,
        *,
        message_id: int | None = None,
        first_name: str = "Alex",
        language_code: str = "en",
    ) -> int:
        """The user presses an inline button with callback ``data``.

        The query's message is the last message the bot sent to that chat (or the one with
        ``message_id``), in its current (possibly edited) state.
        """
        with self._lock:
            if message_id is None:
                message_id = self._last_bot_message.get(user_id)
            message = None
            if message_id is not None:
                message = copy.deepcopy(self._messages.get((user_id, message_id)))
            if message is None:
                message = {
                    "message_id": message_id if message_id is not None else 1,
                    "date": int(time.time()),
                    "chat": self._private_chat(user_id, first_name),
                    "from": self.bot_user,
                    "text": "…",
                }
            query = {
                "id": f"{user_id}{next(self._callback_ids):06d}",
                "from": self._user(user_id, first_name, language_code),
                "chat_instance": f"-{abs(user_id) * 7919 % 10**18}",
                "data": data,
                "message": message,
            }
        return self.push_update({"callback_query": query})

    # ------------------------------------------------------------------ request handling

    @staticmethod
    def _phrase(code: int) -> str:
        try:
            return HTTPStatus(code).phrase
        except ValueError:
            return "Error"

    @staticmethod
    def _commands_key(scope: Any, language_code: Any) -> str:
        scope_obj = scope if scope else {"type": "default"}
        return json.dumps([scope_obj, language_code or ""], sort_keys=True)

    def _new_message_id(self, chat_id: int | str) -> int:
        counter = self._message_ids.setdefault(chat_id, itertools.count(1))
        return next(counter)

    def _handle(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Process one authorized request; returns (HTTP status, JSON payload)."""
        canonical = _CANONICAL.get(method.lower(), method)
        with self._cond:
            self._calls.append(ApiCall(canonical, params, time.monotonic()))
            self._cond.notify_all()
            delay = self._delays.get(canonical.lower(), 0.0)
        if delay:
            time.sleep(delay)
        try:
            result = self._route(canonical, params)
        except _ApiError as err:
            payload: dict[str, Any] = {
                "ok": False,
                "error_code": err.error_code,
                "description": err.description,
            }
            parameters = dict(err.extra)
            if err.retry_after is not None:
                parameters["retry_after"] = err.retry_after
            if parameters:
                payload["parameters"] = parameters
            return err.error_code, payload
        return 200, {"ok": True, "result": result}

    def _route(self, method: str, params: dict[str, Any]) -> Any:
        key = method.lower()
        if key not in _CANONICAL:
            raise _ApiError(404, "Not Found: method not found")
        with self._lock:
            faults = self._faults.get(key)
            if faults:
                fault = faults.popleft()
                raise _ApiError(fault.error_code, fault.description, fault.retry_after)
            chat_id = params.get("chat_id")
            if (
                key.startswith(_CHAT_METHOD_PREFIXES)
                and isinstance(chat_id, int | str)
                and chat_id in self._blocked
            ):
                raise _ApiError(403, BLOCKED_DESCRIPTION)
        if key == "getupdates":
            return self._get_updates(params)
        handler = getattr(self, f"_api_{key}")
        return handler(params)

    def _require(self, params: dict[str, Any], *names: str) -> None:
        for name in names:
            if params.get(name) in (None, ""):
                raise _ApiError(400, f"Bad Request: {name} is empty")

    def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = params.get("offset")
        limit = params.get("limit")
        limit = 100 if not isinstance(limit, int) or not 1 <= limit <= 100 else limit
        timeout = params.get("timeout")
        wait = float(timeout) if isinstance(timeout, int | float) and timeout > 0 else 0.0
        deadline = time.monotonic() + wait
        with self._cond:
            if isinstance(offset, int) and offset > 0:
                self._updates = [u for u in self._updates if int(u["update_id"]) >= offset]
                if offset > self._confirmed_offset:
                    self._confirmed_offset = offset
                    self._cond.notify_all()
            elif isinstance(offset, int) and offset < 0:
                # Telegram: start -offset updates from the end and forget all earlier ones.
                dropped = self._updates[:offset]
                self._updates = self._updates[offset:]
                if dropped:
                    self._confirmed_offset = max(
                        self._confirmed_offset, int(dropped[-1]["update_id"]) + 1
                    )
                    self._cond.notify_all()
            while not self._updates and not self._stopping:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._cond.wait(remaining)
            if self._stopping:
                return []
            return copy.deepcopy(self._updates[:limit])

    def _api_getme(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    def _api_setwebhook(self, params: dict[str, Any]) -> bool:
        self._require(params, "url")
        with self._lock:
            self._webhook = {
                "url": params["url"],
                "secret_token": params.get("secret_token"),
                "allowed_updates": params.get("allowed_updates"),
            }
        return True

    def _api_deletewebhook(self, params: dict[str, Any]) -> bool:
        with self._lock:
            self._webhook = None
        if params.get("drop_pending_updates") is True:
            with self._cond:
                if self._updates:
                    last = int(self._updates[-1]["update_id"])
                    self._confirmed_offset = max(self._confirmed_offset, last + 1)
                self._updates.clear()
                self._cond.notify_all()
        return True

    def _api_getwebhookinfo(self, params: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            pending = len(self._updates)
            url = self._webhook["url"] if self._webhook else ""
        return {"url": url, "has_custom_certificate": False, "pending_update_count": pending}

    def _api_logout(self, params: dict[str, Any]) -> bool:
        return True

    def _api_close(self, params: dict[str, Any]) -> bool:
        return True

    def _check_rate(self) -> None:
        if self.max_messages_per_second is None:
            return
        now = time.monotonic()
        with self._lock:
            while self._send_times and now - self._send_times[0] >= 1.0:
                self._send_times.popleft()
            if len(self._send_times) >= self.max_messages_per_second:
                self._rejected_429 += 1
                raise _ApiError(429, "Too Many Requests: retry after 1", retry_after=1)
            self._send_times.append(now)

    def _outgoing(self, chat_id: Any, **content: Any) -> dict[str, Any]:
        with self._cond:
            message = {
                "message_id": self._new_message_id(chat_id),
                "from": self.bot_user,
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private", "first_name": "Test"},
                **content,
            }
            self._messages[(chat_id, message["message_id"])] = copy.deepcopy(message)
            self._last_bot_message[chat_id] = message["message_id"]
            self._sent.append(copy.deepcopy(message))
            self._cond.notify_all()
            return message

    @staticmethod
    def _inline_markup(params: dict[str, Any]) -> dict[str, Any]:
        # Telegram only echoes inline keyboards back in the Message object.
        markup = params.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            return {"reply_markup": markup}
        return {}

    def _api_sendmessage(self, params: dict[str, Any]) -> dict[str, Any]:
        self._require(params, "chat_id", "text")
        self._check_rate()
        content: dict[str, Any] = {"text": params["text"]}
        if isinstance(params.get("entities"), list):
            content["entities"] = params["entities"]
        return self._outgoing(params["chat_id"], **content, **self._inline_markup(params))

    def _api_senddocument(self, params: dict[str, Any]) -> dict[str, Any]:
        self._require(params, "chat_id", "document")
        doc = params["document"]
        file_no = next(self._file_ids)
        document: dict[str, Any] = {
            "file_id": f"BQACAgIAAxkBAAI-doc-{file_no}",
            "file_unique_id": f"AgAD-doc-{file_no}",
        }
        if isinstance(doc, dict):
            document["file_name"] = doc.get("filename") or "document"
            content = doc.get("content")
            if isinstance(content, bytes):
                document["file_size"] = len(content)
        else:
            document["file_name"] = str(doc).rsplit("/", 1)[-1] or "document"
        extra: dict[str, Any] = {}
        if params.get("caption"):
            extra["caption"] = params["caption"]
        return self._outgoing(
            params["chat_id"], document=document, **extra, **self._inline_markup(params)
        )

    def _api_sendphoto(self, params: dict[str, Any]) -> dict[str, Any]:
        self._require(params, "chat_id", "photo")
        self._check_rate()
        upload = params["photo"]
        content = upload.get("content") if isinstance(upload, dict) else None
        if not isinstance(content, bytes):
            raise _ApiError(400, "Bad Request: photo must be uploaded")
        if len(str(params.get("caption") or "")) > 1024:
            raise _ApiError(400, "Bad Request: message caption is too long")
        file_no = next(self._file_ids)
        with self._lock:
            self._photos.append((int(params["chat_id"]), content))
        photo = [
            {
                "file_id": f"AgACAgIAAxkBAAI-sent-photo-{file_no}",
                "file_unique_id": f"AQAD-sent-photo-{file_no}",
                "width": 800,
                "height": 600,
                "file_size": len(content),
            }
        ]
        extra: dict[str, Any] = {}
        if params.get("caption"):
            extra["caption"] = params["caption"]
        return self._outgoing(
            params["chat_id"], photo=photo, **extra, **self._inline_markup(params)
        )

    def sent_photos(self, chat_id: int | None = None) -> list[bytes]:
        """The PNG bytes of every sendPhoto (optionally to one chat), in order."""
        with self._lock:
            return [png for chat, png in self._photos if chat_id is None or chat == chat_id]

    def _edit(self, params: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any] | bool:
        if params.get("inline_message_id"):
            return True
        self._require(params, "chat_id", "message_id")
        chat_id, message_id = params["chat_id"], params["message_id"]
        with self._lock:
            message = self._messages.get((chat_id, message_id))
            if message is None:
                # Lenient: synthesize the message rather than answering 400 "not found".
                message = {
                    "message_id": message_id,
                    "from": self.bot_user,
                    "date": int(time.time()),
                    "chat": {"id": chat_id, "type": "private", "first_name": "Test"},
                }
            message = copy.deepcopy(message)
            message.update(changes)
            message.pop("reply_markup", None)
            message.update(self._inline_markup(params))
            message["edit_date"] = int(time.time())
            self._messages[(chat_id, message_id)] = copy.deepcopy(message)
            return message

    def _api_editmessagetext(self, params: dict[str, Any]) -> dict[str, Any] | bool:
        self._require(params, "text")
        return self._edit(params, {"text": params["text"]})

    def _api_editmessagereplymarkup(self, params: dict[str, Any]) -> dict[str, Any] | bool:
        return self._edit(params, {})

    def _api_answercallbackquery(self, params: dict[str, Any]) -> bool:
        self._require(params, "callback_query_id")
        return True

    def _api_setmycommands(self, params: dict[str, Any]) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise _ApiError(400, "Bad Request: can't parse commands JSON object")
        key = self._commands_key(params.get("scope"), params.get("language_code"))
        with self._lock:
            self._commands[key] = copy.deepcopy(commands)
        return True

    def _api_getmycommands(self, params: dict[str, Any]) -> list[Any]:
        return self.get_commands(params.get("scope"), params.get("language_code") or "")

    def _api_deletemycommands(self, params: dict[str, Any]) -> bool:
        key = self._commands_key(params.get("scope"), params.get("language_code"))
        with self._lock:
            self._commands.pop(key, None)
        return True

    def _api_sendchataction(self, params: dict[str, Any]) -> bool:
        self._require(params, "chat_id", "action")
        return True
