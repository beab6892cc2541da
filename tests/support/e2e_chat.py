"""Talking to the real bot process through the fake Bot API, as a person would."""

from __future__ import annotations

from typing import Any

from tests.support.fake_bot_api import FakeBotApi

Message = dict[str, Any]


def buttons(message: Message) -> list[dict[str, Any]]:
    """The inline buttons of a bot message, row after row."""
    markup = message.get("reply_markup") or {}
    return [button for row in markup.get("inline_keyboard", []) for button in row]


def labels(message: Message) -> list[str]:
    return [str(button["text"]) for button in buttons(message)]


def newest_keyboard(api: FakeBotApi, user: int) -> Message:
    """The newest message the bot sent to `user` that carries an inline keyboard."""
    message: Message
    for message in reversed(api.sent_messages(user)):
        if buttons(message):
            return message
    raise AssertionError(f"no message with buttons sent to {user}")


def _turn(api: FakeBotApi, user: int, update_id: int, before: int) -> list[Message]:
    """Wait until the bot handled `update_id` (it acknowledges the offset only after its
    replies went out) and return what it sent for it."""
    api.wait_for_message(user, after=before)
    api.wait_for_offset(update_id + 1)
    return api.sent_messages(user)[before:]


def send(api: FakeBotApi, user: int, text: str) -> list[Message]:
    """The user types `text`; returns the bot's answer (one or more messages)."""
    before = len(api.sent_messages(user))
    return _turn(api, user, api.send_text(user, text), before)


def press(
    api: FakeBotApi, user: int, label: str, *, message: Message | None = None
) -> list[Message]:
    """The user taps the button labelled `label` on `message` (default: the newest message
    with a keyboard); returns the bot's answer."""
    message = message or newest_keyboard(api, user)
    found = [b for b in buttons(message) if b["text"] == label]
    assert found, f"no button {label!r} on {message.get('text')!r}: {labels(message)}"
    before = len(api.sent_messages(user))
    update_id = api.press_button(user, found[0]["callback_data"], message_id=message["message_id"])
    return _turn(api, user, update_id, before)


def texts(messages: list[Message]) -> str:
    return "\n---\n".join(str(m.get("text", "")) for m in messages)
