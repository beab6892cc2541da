"""Factories for Telegram updates as they arrive from the Bot API."""

from __future__ import annotations

import itertools
import time
from typing import Any

from telegram import Bot, Update

_update_ids = itertools.count(10_000)
_message_ids = itertools.count(1)

DEFAULT_USER_ID = 424242


def _user(user_id: int, first_name: str, language_code: str | None) -> dict[str, Any]:
    user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
    if language_code:
        user["language_code"] = language_code
    return user


def _message(
    user_id: int, first_name: str, language_code: str | None, **content: Any
) -> dict[str, Any]:
    return {
        "message_id": next(_message_ids),
        "date": int(time.time()),
        "chat": {"id": user_id, "type": "private", "first_name": first_name},
        "from": _user(user_id, first_name, language_code),
        **content,
    }


def message_update(
    bot: Bot,
    *,
    user_id: int = DEFAULT_USER_ID,
    first_name: str = "Alex",
    language_code: str | None = "en",
    update_id: int | None = None,
    edited: bool = False,
    **content: Any,
) -> Update:
    """An update carrying a private message with the given content (text=, sticker=, …)."""
    key = "edited_message" if edited else "message"
    data = {
        "update_id": update_id if update_id is not None else next(_update_ids),
        key: _message(user_id, first_name, language_code, **content),
    }
    update = Update.de_json(data, bot)
    assert update is not None
    return update


def text_update(bot: Bot, text: str, **kwargs: Any) -> Update:
    """A private text message; a leading "/" makes it a command, as Telegram marks it."""
    content: dict[str, Any] = {"text": text}
    if text.startswith("/"):
        content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return message_update(bot, **content, **kwargs)


def sticker_update(bot: Bot, **kwargs: Any) -> Update:
    """A private sticker message."""
    sticker = {
        "file_id": "CAACAgIAAxkBAAEB",
        "file_unique_id": "AgADsticker",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
    }
    return message_update(bot, sticker=sticker, **kwargs)


def photo_update(bot: Bot, **kwargs: Any) -> Update:
    """A private photo message."""
    photo = [
        {"file_id": "AgACAgIAAxkBAAEB", "file_unique_id": "AQADphoto", "width": 90, "height": 90}
    ]
    return message_update(bot, photo=photo, **kwargs)


def voice_update(bot: Bot, **kwargs: Any) -> Update:
    """A private voice message."""
    voice = {"file_id": "AwACAgIAAxkBAAEB", "file_unique_id": "AgADvoice", "duration": 3}
    return message_update(bot, voice=voice, **kwargs)


def document_update(bot: Bot, **kwargs: Any) -> Update:
    """A private document message."""
    document = {"file_id": "BQACAgIAAxkBAAEB", "file_unique_id": "AgADdoc", "file_name": "cv.pdf"}
    return message_update(bot, document=document, **kwargs)


def callback_update(
    bot: Bot,
    data: str,
    *,
    user_id: int = DEFAULT_USER_ID,
    first_name: str = "Alex",
    language_code: str | None = "en",
    message_id: int = 1,
) -> Update:
    """A button press on a message the bot sent earlier."""
    message = {
        "message_id": message_id,
        "date": int(time.time()),
        "chat": {"id": user_id, "type": "private", "first_name": first_name},
        "from": {"id": 7000001, "is_bot": True, "first_name": "Bounce Back"},
        "text": "…",
    }
    data_dict = {
        "update_id": next(_update_ids),
        "callback_query": {
            "id": str(next(_update_ids)),
            "from": _user(user_id, first_name, language_code),
            "chat_instance": "ci-1",
            "data": data,
            "message": message,
        },
    }
    update = Update.de_json(data_dict, bot)
    assert update is not None
    return update
