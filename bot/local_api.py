"""A Bot API answered inside this process, without a network: the transport of `bounceback
chat` and of the tests' offline request. Subclasses say what each call returns (`answer`)."""

from __future__ import annotations

import json
from typing import Any

from telegram.request import BaseRequest, RequestData


def bot_user(user_id: int, username: str) -> dict[str, Any]:
    """The bot as getMe describes it."""
    return {
        "id": user_id,
        "is_bot": True,
        "first_name": "Bounce Back",
        "username": username,
        "can_join_groups": False,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
    }


class LocalBotApi(BaseRequest):
    """Every Bot API call answered locally with `{"ok": true, "result": answer(...)}`."""

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""

    @property
    def read_timeout(self) -> float | None:
        """No network, no timeout."""
        return None

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
        """Answer one Bot API call (`respond`)."""
        endpoint = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        return self.respond(endpoint, params, request_data)

    def respond(
        self, endpoint: str, params: dict[str, Any], data: RequestData | None
    ) -> tuple[int, bytes]:
        """The HTTP status and body for one call: a success carrying `answer`'s result."""
        return 200, json.dumps({"ok": True, "result": self.answer(endpoint, params, data)}).encode()

    def answer(self, endpoint: str, params: dict[str, Any], data: RequestData | None) -> Any:
        """The result of one call."""
        raise NotImplementedError


def sent_message(
    message_id: int, chat_id: int, date: int, sender: dict[str, Any], params: dict[str, Any]
) -> dict[str, Any]:
    """The Message a send or an edit returns: its text and buttons as they were sent."""
    message: dict[str, Any] = {
        "message_id": message_id,
        "date": date,
        "chat": {"id": chat_id, "type": "private"},
        "from": sender,
    }
    for key in ("text", "caption", "reply_markup"):
        if key in params:
            message[key] = params[key]
    return message
