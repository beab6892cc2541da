"""The languages Bounce Back speaks, and which one a Telegram language code means."""

from __future__ import annotations

from functools import lru_cache

ENGLISH = "en"
# Catalogue code -> the language's own name, as /language shows it on its buttons.
LANGUAGES: dict[str, str] = {
    "en": "English",
    "es": "Español",
    "de": "Deutsch",
    "fr": "Français",
    "pt_BR": "Português (Brasil)",
    "ru": "Русский",
}
# Telegram codes are BCP 47 ("pt-br", "de-AT"); a language we have in one variant serves all.
_BY_BASE = {code.split("_")[0]: code for code in LANGUAGES}


@lru_cache(maxsize=256)
def language_for(code: str | None) -> str:
    """The catalogue language for a Telegram language code or a stored choice: "de-AT" → "de",
    "pt-PT" → "pt_BR", "pt_BR" → "pt_BR"; English for anything we don't speak (or nothing)."""
    if not code:
        return ENGLISH
    base = code.strip().replace("-", "_").split("_")[0].casefold()
    return _BY_BASE.get(base, ENGLISH)


def is_supported(code: str) -> bool:
    """Whether `code` is one of the catalogue codes in LANGUAGES."""
    return code in LANGUAGES
