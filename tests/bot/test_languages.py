"""The bot in the user's language: picked from Telegram's language code, changed with
/language, stored per user, and the command menu registered per language."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import publish_commands
from core.commands import command_menu
from core.texts.catalogue import say
from core.texts.languages import LANGUAGES
from models import Journey, User
from tests.support.checkins import rows
from tests.support.harness import Conversation
from tests.support.language_walks import PROMPT_ORDER, WALKS, LanguageWalk


async def test_the_first_message_comes_in_the_language_of_the_telegram_app(
    chat: Conversation,
) -> None:
    chat.language_code = "de"
    (reply,) = await chat.say("/start")
    assert reply.startswith(say("start.welcome", "de", name="Alex").split("\n")[0])
    assert say("start.welcome", "de", name="Alex") != say("start.welcome", "en", name="Alex")


async def test_the_language_is_stored_on_first_contact(
    chat: Conversation, engine: AsyncEngine
) -> None:
    chat.language_code = "pt-br"
    await chat.say("/help")
    (user,) = await rows(engine, User)
    assert (user.language_code, user.language) == ("pt-br", "pt_BR")


async def test_language_offers_each_language_by_its_own_name(chat: Conversation) -> None:
    (reply,) = await chat.say("/language")
    assert reply == say("language.ask", "en")
    assert chat.buttons() == list(LANGUAGES.values())


async def test_a_chosen_language_is_spoken_from_then_on(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await chat.say("/language")
    (reply,) = await chat.tap("Русский")
    assert reply == say("language.set", "ru")
    (first, _second) = await chat.say("/help")
    assert first.startswith(say("help.intro", "ru"))
    (user,) = await rows(engine, User)
    assert user.language == "ru"


async def test_the_choice_outlasts_the_telegram_apps_language(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await chat.say("/language")
    await chat.tap("Français")
    chat.language_code = "en"
    (first, _second) = await chat.say("/help")
    assert first.startswith(say("help.intro", "fr"))
    (user,) = await rows(engine, User)
    assert (user.language_code, user.language) == ("en", "fr")


async def test_a_typed_language_name_works_too(chat: Conversation, engine: AsyncEngine) -> None:
    await chat.say("/language")
    (reply,) = await chat.say("deutsch")
    assert reply == say("language.set", "de")
    (user,) = await rows(engine, User)
    assert user.language == "de"


async def test_an_unknown_language_asks_again_with_the_buttons(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await chat.say("/language")
    (reply,) = await chat.say("Klingon")
    assert reply == say("language.ask", "en")
    assert chat.buttons() == list(LANGUAGES.values())
    (user,) = await rows(engine, User)
    assert user.language == "en"


async def test_skip_keeps_the_language(chat: Conversation, engine: AsyncEngine) -> None:
    await chat.say("/language")
    (reply,) = await chat.say("/skip")
    assert reply == say("language.kept", "en")
    (user,) = await rows(engine, User)
    assert user.language == "en"


async def test_a_forged_language_button_changes_nothing(
    chat: Conversation, engine: AsyncEngine
) -> None:
    await chat.say("/language")
    (reply,) = await chat.press("lang:xx", user_id=chat.user_id)
    assert reply == say("fallback.stale_button", "en")
    (user,) = await rows(engine, User)
    assert user.language == "en"


async def test_the_command_menu_is_registered_for_every_language(chat: Conversation) -> None:
    chat.request.clear()
    await publish_commands(chat.application)
    calls = [call.params for call in chat.request.calls if call.method == "setMyCommands"]
    by_language = {params.get("language_code"): params["commands"] for params in calls}
    assert set(by_language) == {None, "es", "de", "fr", "pt", "ru"}
    for code, commands in by_language.items():
        expected = command_menu({None: "en", "pt": "pt_BR"}.get(code, code))
        assert [(c["command"], c["description"]) for c in commands] == expected


async def _prompt_and_status(engine: AsyncEngine) -> tuple[str, str]:
    journeys = await rows(engine, Journey)
    return journeys[-1].prompt, journeys[-1].status


@pytest.mark.parametrize("walk", WALKS, ids=[walk.language for walk in WALKS])
async def test_the_whole_journey_typed_in_each_language(
    chat: Conversation, engine: AsyncEngine, walk: LanguageWalk
) -> None:
    """Every question answered by typing, in the person's language: each answer moves the
    journey on (none is misunderstood), and the wrap-up comes in that language."""
    chat.language_code = walk.telegram_code
    (welcome,) = await chat.say("/start")
    assert welcome.startswith(say("start.welcome", walk.language, name="Alex")[:20])
    replies: list[str] = []
    for _ in range(len(PROMPT_ORDER) + 5):
        prompt, status = await _prompt_and_status(engine)
        if status == "completed":
            break
        assert prompt in walk.answers, f"the bot asked {prompt!r}: {replies[-1:]}"
        replies = await chat.say(walk.answers[prompt])
        moved_to, _ = await _prompt_and_status(engine)
        assert moved_to != prompt, f"{walk.answers[prompt]!r} at {prompt!r} got {replies}"
    assert status == "completed"
    wrap_up = "\n".join(replies)
    assert say("wrap.title.short", walk.language)[:25] in wrap_up or (
        say("wrap.title", walk.language)[:25] in wrap_up
    )
    (user,) = await rows(engine, User)
    assert (user.language, user.timezone) == (walk.language, walk.zone)


async def test_the_time_zone_buttons_are_where_the_language_is_spoken(
    chat: Conversation, engine: AsyncEngine
) -> None:
    chat.language_code = "ru"
    for answer in ("/start", "Яндекс", "аналитик", "вчера", "3"):
        await chat.say(answer)
    assert chat.buttons()[:3] == ["Москва / Петербург", "Калининград", "Самара"]
    await chat.tap("Москва / Петербург")
    (user,) = await rows(engine, User)
    assert user.timezone == "Europe/Moscow"


async def test_timezone_offers_the_languages_zones_and_any_button_still_works(
    chat: Conversation, engine: AsyncEngine
) -> None:
    chat.language_code = "de"
    await chat.say("/timezone")
    assert chat.buttons()[0] == "Berlin / Wien / Zürich"
    (reply,) = await chat.press("tz:America/Sao_Paulo", user_id=chat.user_id)  # an older button
    assert "Brasília / São Paulo / Rio (America/Sao_Paulo)" in reply
    (user,) = await rows(engine, User)
    assert user.timezone == "America/Sao_Paulo"
