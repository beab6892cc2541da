"""How a check-in message leaves: the interface the dispatcher sends through, and the failures
it tells apart. Implemented over Telegram by `handlers.sending.TelegramDelivery`."""

from __future__ import annotations

from enum import IntEnum
from typing import Protocol

from core.replies import Reply


class Urgency(IntEnum):
    """How soon a message must leave: the send budget serves the lowest value first."""

    # Someone just wrote and is waiting for the answer.
    REPLY = 1
    # Planned (check-ins): may wait behind replies.
    CHECKIN = 2


class ChatUnreachableError(Exception):
    """The user blocked the bot, or the chat is gone: stop writing to them."""


class SlowDownError(Exception):
    """Telegram asked us to slow down for `seconds`."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds} s")
        self.seconds = seconds


class DeliveryError(Exception):
    """A failure worth retrying later (network, server error)."""


class Delivery(Protocol):
    """Sends one check-in message; raises ChatUnreachableError, SlowDownError or DeliveryError."""

    async def deliver(self, chat_id: int, reply: Reply) -> None: ...
