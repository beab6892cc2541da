"""The translation catalogues: complete, faithful to the English source's placeholders, with
every plural form, and the template in the repository matching the English texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from core.commands import command_menu
from core.texts.catalogue import EN, LOCALE_DIR, say
from core.texts.extract import extract_texts
from core.texts.languages import ENGLISH, LANGUAGES
from core.texts.plural import Plural

TRANSLATED = [code for code in LANGUAGES if code != ENGLISH]
PLACEHOLDER = re.compile(r"\{(\w+)\}")
MAX_MESSAGE_CHARS = 700
MAX_COMMAND_DESCRIPTION = 256  # Bot API: BotCommand.description, 1-256 characters


def _read(path: Path) -> Catalog:
    with path.open("rb") as po_file:
        return read_po(po_file)


def _entries(catalog: Catalog) -> dict[str, Message]:
    return {str(message.context): message for message in catalog if message.id}


def _extracted() -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for module in sorted((LOCALE_DIR.parent / "texts").glob("*.py")):
        with module.open("rb") as source:
            for _line, _function, messages, _comments in extract_texts(source, {}, [], {}):
                found[messages[0]] = messages[1:]
    return found


def _forms(message: Message) -> tuple[str, ...]:
    """A translation's forms: one, or one per plural form of the language."""
    value = message.string
    return tuple(value) if isinstance(value, tuple | list) else (str(value or ""),)


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def _english_forms(key: str) -> tuple[str, ...]:
    entry = EN[key]
    return (entry.one, entry.other) if isinstance(entry, Plural) else (entry,)


def test_every_english_text_is_extracted() -> None:
    assert set(_extracted()) == set(EN)


def test_template_matches_the_english_texts() -> None:
    """`make extract-messages` was run after the last change to an English text."""
    template = _entries(_read(LOCALE_DIR / "bounceback.pot"))
    in_template = {key: m.id if isinstance(m.id, tuple) else (m.id,) for key, m in template.items()}
    assert in_template == _extracted()


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_has_every_text(language: str) -> None:
    entries = _entries(_read(LOCALE_DIR / language / "LC_MESSAGES" / "bounceback.po"))
    missing = sorted(set(EN) - set(entries))
    untranslated = sorted(
        key
        for key, message in entries.items()
        if key in EN and ("fuzzy" in message.flags or not all(_forms(message)))
    )
    assert (missing, untranslated) == ([], [])


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_keeps_the_english_placeholders(language: str) -> None:
    catalog = _read(LOCALE_DIR / language / "LC_MESSAGES" / "bounceback.po")
    differing = []
    for key, message in _entries(catalog).items():
        if key not in EN:
            continue
        wanted = set().union(*(_placeholders(form) for form in _english_forms(key)))
        differing += [
            (key, form) for form in _forms(message) if form and _placeholders(form) != wanted
        ]
    assert differing == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_plural_texts_have_every_form_of_the_language(language: str) -> None:
    catalog = _read(LOCALE_DIR / language / "LC_MESSAGES" / "bounceback.po")
    for key, message in _entries(catalog).items():
        if isinstance(EN.get(key), Plural):
            assert isinstance(message.string, tuple), key
            assert len(message.string) == catalog.num_plurals, key


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_catalogue_text_is_longer_than_a_message_may_be(language: str) -> None:
    catalog = _read(LOCALE_DIR / language / "LC_MESSAGES" / "bounceback.po")
    too_long = [
        key
        for key, message in _entries(catalog).items()
        for form in _forms(message)
        if len(form) > MAX_MESSAGE_CHARS
    ]
    assert too_long == []


def test_russian_counts_pick_one_of_three_forms() -> None:
    forms = {n: say("ci.walked", "ru", streak=n) for n in (2, 5, 21)}
    assert len(set(forms.values())) == 3
    assert all(str(n) in text for n, text in forms.items())


@pytest.mark.parametrize("code", ["de", "de-AT", "pt-br", "pt", "ru", "es-MX", "fr-CA"])
def test_telegram_codes_get_their_language(code: str) -> None:
    assert say("command.help", code) != say("command.help", "en")


@pytest.mark.parametrize("code", [None, "", "en", "en-GB", "zh-hans", "it"])
def test_other_languages_get_english(code: str | None) -> None:
    assert say("command.help", code) == EN["command.help"]


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_command_descriptions_fit_telegrams_menu(language: str) -> None:
    for name, description in command_menu(language):
        assert 1 <= len(description) <= MAX_COMMAND_DESCRIPTION, name
        assert "\n" not in description, name
