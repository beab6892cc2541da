"""Drives the real Application through `process_update` with a recording offline request."""

from __future__ import annotations

from typing import Any, Self

from sqlalchemy.ext.asyncio import AsyncEngine
from telegram import Update

from bot.app import build_application
from bot.settings import Settings
from core.clock import Clock
from handlers.context import BotApplication
from models.db import create_sessionmaker
from tests.support import factories
from tests.support.recording_request import RecordingRequest


class BotHarness:
    """A bot wired exactly as in production, minus the network."""

    def __init__(self, settings: Settings, engine: AsyncEngine, clock: Clock | None = None) -> None:
        self.request = RecordingRequest()
        self.application: BotApplication = build_application(
            settings,
            sessionmaker=create_sessionmaker(engine),
            clock=clock,
            request=self.request,
            get_updates_request=RecordingRequest(),
            rate_limit=False,
        )

    async def __aenter__(self) -> Self:
        await self.application.initialize()
        self.request.clear()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.application.bot_data.outbox.close()
        await self.application.shutdown()

    @property
    def bot(self) -> Any:
        return self.application.bot

    async def feed(self, update: Update) -> list[str]:
        """Process one update; return the texts the bot sent for it."""
        before = len(self.request.sent_texts())
        await self.application.process_update(update)
        return self.request.sent_texts()[before:]

    async def send(self, text: str, **kwargs: Any) -> list[str]:
        """The user sends a text message (or a command)."""
        return await self.feed(factories.text_update(self.bot, text, **kwargs))

    async def press(self, data: str, **kwargs: Any) -> list[str]:
        """The user presses an inline button."""
        return await self.feed(factories.callback_update(self.bot, data, **kwargs))


def last_keyboard(request: RecordingRequest) -> list[tuple[str, str]]:
    """(label, callback data) of the newest message the bot sent with buttons."""
    for call in reversed(request.calls):
        sends = ("sendMessage", "sendPhoto")
        markup = call.params.get("reply_markup") if call.method in sends else None
        if markup:
            return [
                (b["text"], b["callback_data"]) for row in markup["inline_keyboard"] for b in row
            ]
    raise AssertionError("the bot has not sent any buttons")


class Conversation(BotHarness):
    """A BotHarness that talks like a person: types text and taps buttons by their label."""

    user_id = factories.DEFAULT_USER_ID
    # What the user's Telegram app says its language is (sent with every update).
    language_code: str | None = "en"

    async def say(self, text: str) -> list[str]:
        """Type a message."""
        return await self.send(text, user_id=self.user_id, language_code=self.language_code)

    async def tap(self, label: str) -> list[str]:
        """Tap the button with this label on the newest keyboard."""
        keyboard = last_keyboard(self.request)
        matches = [data for text, data in keyboard if text == label]
        assert matches, f"no button {label!r}; buttons are {[t for t, _ in keyboard]}"
        return await self.press(matches[0], user_id=self.user_id, language_code=self.language_code)

    def buttons(self) -> list[str]:
        """Labels of the newest keyboard."""
        return [text for text, _ in last_keyboard(self.request)]

    def last(self) -> str:
        """The newest message the bot sent."""
        return self.request.last_text()
