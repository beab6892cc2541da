"""Tests for the fake Telegram Bot API server, driven by the real python-telegram-bot client."""

from __future__ import annotations

import asyncio
import datetime as dtm
import http.client
import json
import threading
import time
from collections.abc import AsyncIterator, Callable

import pytest
from telegram import Bot, BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.error import Forbidden, InvalidToken, NetworkError, RetryAfter

from tests.support.fake_bot_api import ApiCall, FakeBotApi


def make_bot(api: FakeBotApi, token: str | None = None) -> Bot:
    return Bot(
        token or api.token,
        base_url=f"{api.base_url}/bot",
        base_file_url=f"{api.base_url}/file/bot",
    )


@pytest.fixture
async def bot(api: FakeBotApi) -> AsyncIterator[Bot]:
    async with make_bot(api) as client:
        yield client


@pytest.fixture
def ptb_timedelta(monkeypatch: pytest.MonkeyPatch) -> None:
    # Without this, constructing telegram.error.RetryAfter emits a PTBDeprecationWarning
    # (retry_after as int is deprecated since v22.2), which filterwarnings=error turns into
    # an exception raised instead of RetryAfter.
    monkeypatch.setenv("PTB_TIMEDELTA", "true")


def is_method(name: str) -> Callable[[ApiCall], bool]:
    return lambda call: call.method == name


async def test_get_me_returns_configured_username(api: FakeBotApi, bot: Bot) -> None:
    me = await bot.get_me()

    assert me.username == "bounceback_test_bot"
    assert me.is_bot
    assert me.id == 123456
    assert api.calls[0].method == "getMe"


async def test_send_message_records_decoded_reply_markup(api: FakeBotApi, bot: Bot) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Next step", callback_data="step:2")]])

    first = await bot.send_message(chat_id=42, text="Hello [there]", reply_markup=markup)
    second = await bot.send_message(chat_id=42, text="Again")

    assert isinstance(first, Message)
    assert first.text == "Hello [there]"
    assert first.chat_id == 42
    assert first.reply_markup == markup
    assert second.message_id == first.message_id + 1
    call = api.wait_for(lambda c: c.method == "sendMessage")
    assert call.params["chat_id"] == 42
    assert call.params["text"] == "Hello [there]"
    assert call.params["reply_markup"] == {
        "inline_keyboard": [[{"text": "Next step", "callback_data": "step:2"}]]
    }
    assert [m["text"] for m in api.sent_messages(42)] == ["Hello [there]", "Again"]
    assert api.sent_messages(7) == []
    assert api.wait_for_message(42, "Again", timeout=0.1)["message_id"] == second.message_id


async def test_get_updates_long_polls_and_offset_confirms(api: FakeBotApi, bot: Bot) -> None:
    pushed: list[int] = []
    pusher = threading.Timer(0.15, lambda: pushed.append(api.send_text(42, "/start hello")))
    pusher.start()
    started = time.monotonic()
    try:
        updates = await bot.get_updates(timeout=3)
    finally:
        pusher.join()
    elapsed = time.monotonic() - started

    assert 0.1 <= elapsed < 2.0
    assert [u.update_id for u in updates] == pushed == [1000]
    message = updates[0].message
    assert message is not None
    assert message.text == "/start hello"
    assert message.from_user is not None
    assert message.from_user.first_name == "Alex"
    assert message.entities[0].type == "bot_command"
    assert message.entities[0].length == len("/start")
    # Not confirmed yet: Telegram re-delivers until the client asks for a higher offset.
    assert api.confirmed_offset == 0
    assert len(api.pending_updates()) == 1

    again = await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)

    assert again == ()
    assert api.confirmed_offset == 1001
    assert api.pending_updates() == []
    api.wait_for_offset(1001, timeout=0.1)


async def test_press_button_refers_to_last_bot_message(api: FakeBotApi, bot: Bot) -> None:
    sent = await bot.send_message(chat_id=42, text="Pick one")
    api.press_button(42, "choice:a")

    (update,) = await bot.get_updates(timeout=0)

    query = update.callback_query
    assert query is not None
    assert query.data == "choice:a"
    assert query.message is not None
    assert query.message.message_id == sent.message_id
    assert await bot.answer_callback_query(query.id)
    edited = await bot.edit_message_text("Picked a", chat_id=42, message_id=sent.message_id)
    assert isinstance(edited, Message)
    assert edited.text == "Picked a"


async def test_wrong_token_raises_invalid_token(api: FakeBotApi) -> None:
    with pytest.raises(InvalidToken):
        async with make_bot(api, token="999999:WRONG-token-abcdefghijklmnopqrstuvwxy"):
            pass  # pragma: no cover - initialize() already calls getMe

    assert api.calls == []


@pytest.mark.usefixtures("ptb_timedelta")
async def test_fail_next_429_raises_retry_after(api: FakeBotApi, bot: Bot) -> None:
    api.fail_next("sendMessage", error_code=429, retry_after=7)

    with pytest.raises(RetryAfter) as excinfo:
        await bot.send_message(chat_id=42, text="too fast")
    # The fault is consumed: the next call goes through.
    await bot.send_message(chat_id=42, text="fine now")

    assert excinfo.value.retry_after == dtm.timedelta(seconds=7)
    assert [m["text"] for m in api.sent_messages(42)] == ["fine now"]


async def test_fail_next_500_raises_network_error(api: FakeBotApi, bot: Bot) -> None:
    api.fail_next("sendchataction", times=2)

    for _ in range(2):
        with pytest.raises(NetworkError, match="Internal Server Error"):
            await bot.send_chat_action(chat_id=42, action="typing")
    assert await bot.send_chat_action(chat_id=42, action="typing")


async def test_block_chat_raises_forbidden(api: FakeBotApi, bot: Bot) -> None:
    api.block_chat(42)

    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(chat_id=42, text="are you there?")
    with pytest.raises(Forbidden):
        await bot.edit_message_text("edited", chat_id=42, message_id=1)
    await bot.send_message(chat_id=43, text="other chats still work")

    assert api.sent_messages(42) == []
    assert len(api.sent_messages(43)) == 1


async def test_set_and_get_my_commands_round_trip(api: FakeBotApi, bot: Bot) -> None:
    commands = [BotCommand("start", "Begin"), BotCommand("step", "Show the current step")]

    assert await bot.get_my_commands() == ()
    assert await bot.set_my_commands(commands)

    assert await bot.get_my_commands() == tuple(commands)
    assert api.get_commands() == [
        {"command": "start", "description": "Begin"},
        {"command": "step", "description": "Show the current step"},
    ]
    assert await bot.delete_my_commands()
    assert await bot.get_my_commands() == ()


@pytest.mark.usefixtures("ptb_timedelta")
async def test_rate_limit_rejects_excess_messages() -> None:
    with FakeBotApi(max_messages_per_second=3) as api:
        async with make_bot(api) as bot:
            for i in range(3):
                await bot.send_message(chat_id=42, text=f"msg {i}")
            with pytest.raises(RetryAfter):
                await bot.send_message(chat_id=42, text="one too many")
            with pytest.raises(RetryAfter):
                await bot.send_message(chat_id=43, text="the limit is global")

        assert api.rejected_429 == 2
        assert [m["text"] for m in api.sent_messages()] == ["msg 0", "msg 1", "msg 2"]


async def test_stop_returns_fast_during_long_poll() -> None:
    api = FakeBotApi().start()
    try:
        async with make_bot(api) as bot:
            poll = asyncio.create_task(bot.get_updates(timeout=30))
            await asyncio.to_thread(api.wait_for, is_method("getUpdates"), 2.0)

            started = time.monotonic()
            await asyncio.to_thread(api.stop)
            elapsed = time.monotonic() - started

            assert elapsed < 1.0
            try:
                result = await asyncio.wait_for(poll, timeout=2.0)
            except NetworkError:
                pass  # the connection may be cut instead of answered; both are fine
            else:
                assert result == ()
    finally:
        api.stop()


def test_wait_for_times_out_with_helpful_message(api: FakeBotApi) -> None:
    api._handle("getMe", {})
    with pytest.raises(TimeoutError, match=r"1 calls recorded: \['getMe'\]"):
        api.wait_for(lambda c: c.method == "sendMessage", timeout=0.05)


def test_raw_http_unknown_method_query_params_and_keep_alive(api: FakeBotApi) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", api.port, timeout=2)
    try:
        conn.request("GET", f"/bot{api.token}/noSuchMethod")
        response = conn.getresponse()
        assert response.status == 404
        assert json.loads(response.read()) == {
            "ok": False,
            "error_code": 404,
            "description": "Not Found: method not found",
        }
        # Same connection (keep-alive); method names are case-insensitive; query string counts.
        conn.request(
            "POST",
            f"/bot{api.token}/SENDMESSAGE?chat_id=-100",
            body=json.dumps({"text": "json body"}),
            headers={"Content-Type": "application/json"},
        )
        response = conn.getresponse()
        assert response.status == 200
        assert response.getheader("Content-Type") == "application/json"
        body = json.loads(response.read())
        assert body["result"]["chat"]["id"] == -100
        assert body["result"]["text"] == "json body"
    finally:
        conn.close()

    call = api.wait_for(lambda c: c.method == "sendMessage", timeout=0.1)
    assert isinstance(call, ApiCall)
    assert call.params == {"chat_id": -100, "text": "json body"}


async def test_send_document_records_multipart_file(api: FakeBotApi, bot: Bot) -> None:
    sent = await bot.send_document(
        chat_id=42, document=b"step notes", filename="notes.txt", caption="[your notes]"
    )

    assert sent.document is not None
    assert sent.document.file_name == "notes.txt"
    assert sent.caption == "[your notes]"
    call = api.wait_for(is_method("sendDocument"), timeout=0.1)
    assert call.params["document"] == {"filename": "notes.txt", "content": b"step notes"}
    assert call.params["caption"] == "[your notes]"  # free text is never JSON-decoded
    assert api.sent_messages(42)[0]["document"]["file_name"] == "notes.txt"
