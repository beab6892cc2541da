"""/start, /help and kind answers to everything else, through Application.process_update."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from telegram.ext import CommandHandler

from core.replies import MAX_COACH_CHARS
from models.db import create_sessionmaker
from models.repository import count_users, get_user
from tests.support import factories
from tests.support.harness import Conversation


async def test_start_registers_the_user_and_greets_them(
    chat: Conversation, engine: AsyncEngine
) -> None:
    # The greeting, the intro and the first question arrive as one message.
    (reply,) = await chat.send("/start", user_id=5001, first_name="Sam", language_code="en-GB")

    assert reply.startswith("Hi Sam")
    assert "ten short steps" in reply
    assert reply.rsplit("\n\n", 1)[-1].startswith("Which company was it?")
    assert chat.buttons() == ["Skip ›"]  # the question's button, under the joined message
    async with create_sessionmaker(engine).begin() as session:
        user = await get_user(session, 5001)
    assert user is not None
    assert (user.language_code, user.language) == ("en-GB", "en")
    assert user.created_at.tzinfo is not None
    assert user.created_at == user.last_seen_at


async def test_second_start_welcomes_back_without_a_second_user(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await chat.send("/start", user_id=5002)
    replies = await chat.send("/start", user_id=5002)

    assert replies[0].startswith("Welcome back")
    async with create_sessionmaker(engine).begin() as session:
        assert await count_users(session) == 1


# /stats is for ADMIN_USER_IDS only and answers anyone else like an unknown command, "with no
# hint that the command exists" (handlers/admin.py, README), so /help must not list it.
HIDDEN_FROM_HELP = frozenset({"stats"})


async def test_help_lists_exactly_the_registered_commands(chat: Conversation) -> None:
    registered = {
        command
        for group in chat.application.handlers.values()
        for handler in group
        if isinstance(handler, CommandHandler)
        for command in handler.commands
    }

    replies = await chat.send("/help")

    assert all(len(reply) <= MAX_COACH_CHARS for reply in replies)
    listed = re.findall(r"^/(\w+) — ", "\n".join(replies), flags=re.MULTILINE)
    assert registered >= HIDDEN_FROM_HELP, "a command hidden from /help is not registered any more"
    assert set(listed) == registered - HIDDEN_FROM_HELP


async def test_unknown_command_names_it_and_points_to_help(chat: Conversation) -> None:
    (reply,) = await chat.send("/frobnicate now")

    assert "/frobnicate" in reply
    assert "/help" in reply


@pytest.mark.parametrize(
    ("factory", "expected"),
    [
        (factories.sticker_update, "sticker"),
        (factories.photo_update, "picture"),
        (factories.voice_update, "voice"),
        (factories.document_update, "files"),
    ],
)
async def test_non_text_messages_get_a_kind_reply(
    chat: Conversation, factory: Callable[..., object], expected: str
) -> None:
    replies = await chat.feed(factory(chat.bot))  # type: ignore[arg-type]

    assert len(replies) == 1
    assert expected in replies[0]
    assert "/help" in replies[0] or "type" in replies[0]


async def test_edited_message_gets_a_reply(chat: Conversation) -> None:
    update = factories.text_update(chat.bot, "changed my mind", edited=True)

    (reply,) = await chat.feed(update)

    assert "edited" in reply


async def test_plain_text_before_anything_points_to_start(chat: Conversation) -> None:
    (reply,) = await chat.send("hello?")

    assert "Send /start" in reply


async def test_old_button_is_answered(chat: Conversation) -> None:
    (reply,) = await chat.press("gone:1")

    assert "older message" in reply
    assert "answerCallbackQuery" in chat.request.methods()


async def test_a_redelivered_update_is_not_applied_twice(
    chat: Conversation, engine: AsyncEngine
) -> None:
    update = factories.text_update(chat.bot, "/start", user_id=5003)
    await chat.feed(update)

    replies = await chat.feed(update)

    # The replay is harmless: its replies were committed with it (the outbox), so nothing is
    # said twice, and the user still exists once.
    assert replies == []
    async with create_sessionmaker(engine).begin() as session:
        assert await count_users(session) == 1


async def test_database_failure_tells_the_user_and_logs_no_text(
    chat: Conversation, engine: AsyncEngine, caplog: pytest.LogCaptureFixture
) -> None:
    await engine.dispose()
    async with engine.begin() as connection:
        await connection.exec_driver_sql("ALTER TABLE users RENAME TO users_gone")

    replies = await chat.send("my secret words", user_id=5004)

    assert replies == [
        "Sorry, something went wrong on my side. Nothing you told me before is lost; "
        "please try that again in a moment."
    ]
    assert "my secret words" not in caplog.text
    assert "failed with" in caplog.text
