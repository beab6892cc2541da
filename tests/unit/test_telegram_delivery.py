"""Telegram's answers become what the dispatcher needs to know."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot

from core.delivery import ChatUnreachableError, DeliveryError, SlowDownError
from core.replies import Button, Reply
from handlers.sending import TelegramDelivery
from tests.conftest import TOKEN
from tests.support.recording_request import RecordingRequest


@pytest.fixture
async def bot_and_request() -> AsyncIterator[tuple[Bot, RecordingRequest]]:
    request = RecordingRequest()
    bot = Bot(TOKEN, request=request, get_updates_request=RecordingRequest())
    async with bot:
        yield bot, request


REPLY = Reply("Time for your walk.", ((Button("Walked ✅", "c:1:walked"),),))


async def test_a_check_in_is_sent_with_its_buttons(
    bot_and_request: tuple[Bot, RecordingRequest],
) -> None:
    bot, request = bot_and_request

    await TelegramDelivery(bot).deliver(42, REPLY)

    call = request.calls[-1]
    assert call.method == "sendMessage"
    assert call.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "c:1:walked"


@pytest.mark.parametrize(
    ("code", "description", "parameters", "expected"),
    [
        (403, "Forbidden: bot was blocked by the user", None, ChatUnreachableError),
        (400, "Bad Request: chat not found", None, ChatUnreachableError),
        (429, "Too Many Requests: retry after 7", {"retry_after": 7}, SlowDownError),
        (400, "Bad Request: message text is empty", None, DeliveryError),
        (502, "Bad Gateway", None, DeliveryError),
    ],
)
async def test_errors_are_mapped(
    bot_and_request: tuple[Bot, RecordingRequest],
    code: int,
    description: str,
    parameters: dict[str, int] | None,
    expected: type[Exception],
) -> None:
    bot, request = bot_and_request
    request.fail_with("sendMessage", code, description, parameters)

    with pytest.raises(expected) as caught:
        await TelegramDelivery(bot).deliver(42, REPLY)

    if isinstance(caught.value, SlowDownError):
        assert caught.value.seconds == 7
