"""An offline request class for `Application.process_update` tests: it answers Bot API calls
without a network and records every call the bot makes."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

from telegram.ext import Application
from telegram.request import RequestData

from bot.local_api import LocalBotApi, bot_user, sent_message
from tests.support.fake_bot_api import DEFAULT_TOKEN

BOT_ID = 7000001
BOT_USER = bot_user(BOT_ID, "bounceback_test_bot")


@dataclass(frozen=True)
class RecordedCall:
    """One Bot API call: the method name and its parameters (JSON-decoded)."""

    method: str
    params: dict[str, Any]
    # Uploaded files by parameter name (e.g. "photo", "document"): (file name, bytes).
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)


class RecordingRequest(LocalBotApi):
    """Answers like the Bot API would and keeps a list of every call.

    `fail_with` makes the next call to a method answer with a Bot API error, e.g.
    `request.fail_with("sendMessage", 403, "Forbidden: bot was blocked by the user")`.
    """

    def __init__(self) -> None:
        self.calls: list[RecordedCall] = []
        self._message_ids: dict[int, int] = {}
        self._failures: dict[str, list[tuple[int, str, dict[str, Any] | None]]] = {}

    def fail_with(
        self, method: str, code: int, description: str, parameters: dict[str, Any] | None = None
    ) -> None:
        """Make the next call to `method` fail with this Bot API error."""
        self._failures.setdefault(method, []).append((code, description, parameters))

    def respond(
        self, endpoint: str, params: dict[str, Any], data: RequestData | None
    ) -> tuple[int, bytes]:
        """Record the call and answer it (or fail it, see `fail_with`)."""
        uploads = (data.multipart_data or {}) if data is not None else {}
        files = {
            name: (str(value[0]), value[1])
            for name, value in uploads.items()
            if isinstance(value, tuple) and isinstance(value[1], bytes)
        }
        self.calls.append(RecordedCall(endpoint, params, files))
        failures = self._failures.get(endpoint)
        if failures:
            code, description, parameters = failures.pop(0)
            body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
            if parameters:
                body["parameters"] = parameters
            return code, json.dumps(body).encode()
        return super().respond(endpoint, params, data)

    def answer(self, endpoint: str, params: dict[str, Any], data: RequestData | None) -> Any:
        """What Telegram would return."""
        if endpoint == "getMe":
            return BOT_USER
        if endpoint == "getUpdates":
            return []
        if endpoint in ("sendMessage", "sendDocument", "sendPhoto", "editMessageText"):
            chat_id = int(params["chat_id"])
            if endpoint == "editMessageText":
                message_id = int(params["message_id"])
            else:
                message_id = self._message_ids.get(chat_id, 0) + 1
                self._message_ids[chat_id] = message_id
            return sent_message(message_id, chat_id, int(time.time()), BOT_USER, params)
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


def offline_application() -> Any:
    """An application with a job queue and no network."""
    return (
        Application.builder()
        .token(DEFAULT_TOKEN)
        .request(RecordingRequest())
        .get_updates_request(RecordingRequest())
        .updater(None)
        .build()
    )
