"""How a check-in message leaves: the interface the dispatcher sends through, and the failures
it tells apart. Implemented over Telegram by `handlers.sending.TelegramDelivery`."""

from __future__ import annotations

from typing import Protocol

from core.replies import Reply


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
