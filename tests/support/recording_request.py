"""An offline request class for `Application.process_update` tests: it answers Bot API calls
without a network and records every call the bot makes."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from telegram.request import BaseRequest, RequestData

BOT_ID = 7000001
BOT_USER = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "Bounce Back",
    "username": "bounceback_test_bot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}


@dataclass(frozen=True)
class RecordedCall:
    """One Bot API call: the method name and its parameters (JSON-decoded)."""

    method: str
    params: dict[str, Any]


class RecordingRequest(BaseRequest):
    """Answers like the Bot API would and keeps a list of every call.

    `fail_with` makes the next call to a method answer with a Bot API error, e.g.
    `request.fail_with("sendMessage", 403, "Forbidden: bot was blocked by the user")`.
    """

    def __init__(self) -> None:
        self.calls: list[RecordedCall] = []
        self._message_ids: dict[int, int] = {}
        self._failures: dict[str, list[tuple[int, str, dict[str, Any] | None]]] = {}

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""

    @property
    def read_timeout(self) -> float | None:
        """No network, no timeout."""
        return None

    def fail_with(
        self, method: str, code: int, description: str, parameters: dict[str, Any] | None = None
    ) -> None:
        """Make the next call to `method` fail with this Bot API error."""
        self._failures.setdefault(method, []).append((code, description, parameters))

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        """Record the call and answer it."""
        endpoint = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        self.calls.append(RecordedCall(endpoint, params))
        failures = self._failures.get(endpoint)
        if failures:
            code, description, parameters = failures.pop(0)
            body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
            if parameters:
                body["parameters"] = parameters
            return code, json.dumps(body).encode()
        return 200, json.dumps({"ok": True, "result": self._result(endpoint, params)}).encode()

    def _result(self, endpoint: str, params: dict[str, Any]) -> Any:
        if endpoint == "getMe":
            return BOT_USER
        if endpoint == "getUpdates":
            return []
        if endpoint in ("sendMessage", "sendDocument", "editMessageText"):
            chat_id = int(params["chat_id"])
            if endpoint == "editMessageText":
                message_id = int(params["message_id"])
            else:
                message_id = self._message_ids.get(chat_id, 0) + 1
                self._message_ids[chat_id] = message_id
            message: dict[str, Any] = {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private"},
                "from": BOT_USER,
            }
            for key in ("text", "reply_markup"):
                if key in params:
                    message[key] = params[key]
            return message
        if endpoint == "getMyCommands":
            return []
        return True

    # Convenience views for assertions.

    def methods(self) -> list[str]:
        """Names of the methods called, in order."""
        return [call.method for call in self.calls]

    def sent_texts(self, chat_id: int | None = None) -> list[str]:
        """Texts of every sendMessage (optionally to one chat), in order."""
        return [
            str(call.params["text"])
            for call in self.calls
            if call.method == "sendMessage"
            and (chat_id is None or int(call.params["chat_id"]) == chat_id)
        ]

    def last_text(self, chat_id: int | None = None) -> str:
        """The text of the newest sendMessage."""
        texts = self.sent_texts(chat_id)
        assert texts, f"no sendMessage recorded; calls were {self.methods()}"
        return texts[-1]

    def clear(self) -> None:
        """Forget the calls recorded so far."""
        self.calls.clear()
