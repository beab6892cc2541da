"""Understanding what people type: times, time zones, durations, counts, dates and lists.

Pure functions, no Telegram and no database. Every parser is forgiving about case, surrounding
whitespace, accents and common punctuation, and returns None (never raises) for input it can't
read. Every parser reads all the bot's languages at once (English, Spanish, German, French,
Brazilian Portuguese and Russian), since people mix them: no language is passed in.
"""

from __future__ import annotations

import calendar
import datetime
import math
import re
import unicodedata
import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

import tzfpy

from core.texts.languages import language_for

NUMBER_WORDS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
}

# Punctuation people add around an answer ("7pm!", "“Berlin”.") that never changes its meaning.
_EDGE_PUNCTUATION = " \t\r\n.,;:!?\"'“”‘’«»()[]"


def _clean(text: str) -> str:
    """Lower-case, trim edge punctuation and collapse inner whitespace."""
    return " ".join(text.casefold().strip(_EDGE_PUNCTUATION).split())


def _fold_accents(text: str) -> str:
    """Drop combining marks so "São Paulo" and "Sao Paulo" compare equal.

    Cyrillic keeps its letters: "ё" reads "е" and "й" reads "и" (core.listening relies on
    that), so tables and typed text meet in the same folded form.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Letters joined by a hyphen are one phrase: "twenty-five", "après-midi", "sexta-feira".
_LETTER_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def _key(phrase: str) -> str:
    """A phrase as the word tables compare it: lower case, accents folded, apostrophes and
    hyphens between letters read as spaces ("De l'après-midi" → "de l apres midi").

    Only accents go: "³" stays "³" rather than becoming a "3" nobody typed.
    """
    decomposed = unicodedata.normalize("NFD", phrase.casefold())
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = folded.replace("’", "'").replace("'", " ")
    return " ".join(_LETTER_HYPHEN.sub(" ", folded).split())


_V = TypeVar("_V")


def _keyed(table: dict[str, _V]) -> dict[str, _V]:
    """A word table written naturally ("mañana", "следующий"), keyed by _key."""
    keyed: dict[str, _V] = {}
    for phrase, value in table.items():
        if keyed.setdefault(_key(phrase), value) != value:
            raise ValueError(f"{phrase!r} means two things")
    return keyed


def _folded_pattern(pattern: str) -> re.Pattern[str]:
    """Compile a pattern written with its accents ("следующий"), matching folded text."""
    return re.compile(_fold_accents(pattern))


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so "twenty one" beats "twenty"."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=lambda w: (-len(w), w)))


# Skin tones, variation selectors and joiners that ride along with an emoji.
_EMOJI_MODIFIERS = re.compile("[\U0001f3fb-\U0001f3ff\ufe0e\ufe0f\u200d]")
_NOT_WORD = re.compile(r"[\W_]+")
_REPEATS = re.compile(r"(\w)\1{2,}")


def _plain(text: str) -> str:
    """Words only, for comparing phrases: accents folded, lower-case, apostrophes dropped,
    punctuation and emoji turned into spaces ("Sí!" → "si", "D'accord 👍" → "daccord",
    "Нет, спасибо" → "нет спасибо")."""
    folded = _fold_accents(text.casefold()).replace("’", "'").replace("'", "")
    return " ".join(_NOT_WORD.sub(" ", folded).split())


def _symbols(text: str) -> str:
    """The emoji and other symbols in `text`, in order, without skin tones ("👍🏽" → "👍")."""
    return "".join(ch for ch in _EMOJI_MODIFIERS.sub("", text) if unicodedata.category(ch) == "So")


def _phrases(*phrases: str) -> frozenset[str]:
    """A set of phrases in _plain form, so tables can be written with accents and capitals."""
    return frozenset(_plain(phrase) for phrase in phrases)


def _scored(table: dict[int, tuple[str, ...]]) -> dict[str, int]:
    """Phrase → score, in _plain form; a phrase listed under two scores is a mistake."""
    scores: dict[str, int] = {}
    for score, phrases in table.items():
        for phrase in phrases:
            key = _plain(phrase)
            if scores.setdefault(key, score) != score:
                raise ValueError(f"{phrase!r} has two scores")
    return scores


# Russian numbers in the genitive ("около двух", "без пяти") and dative ("к трём").
_RU_GENITIVE: dict[str, int] = _keyed(
    {
        "одного": 1, "одной": 1, "двух": 2, "трёх": 3, "четырёх": 4, "пяти": 5, "шести": 6,
        "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10, "одиннадцати": 11,
        "двенадцати": 12, "тринадцати": 13, "четырнадцати": 14, "пятнадцати": 15,
        "шестнадцати": 16, "семнадцати": 17, "восемнадцати": 18, "девятнадцати": 19,
        "двадцати": 20,
    }
)  # fmt: skip
_RU_DATIVE: dict[str, int] = _keyed({"одному": 1, "двум": 2, "трём": 3, "четырём": 4})
# Number words in the bot's other languages, accents folded. Spanish, German, French and
# Portuguese go from zero to ten (Spanish "once" is eleven, and would misread English "once");
# Russian to twenty, with the case forms people type ("двух", "трёх", "двое").
_FOREIGN_NUMBER_WORDS: dict[str, int] = {
    **_keyed(
        {
            # es
            "cero": 0, "uno": 1, "una": 1, "un": 1, "dos": 2, "tres": 3, "cuatro": 4,
            "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
            # de
            "null": 0, "eins": 1, "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1,
            "zwei": 2, "zwo": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
            "acht": 8, "neun": 9, "zehn": 10,
            # fr ("un", "six" as above)
            "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8,
            "neuf": 9, "dix": 10,
            # pt ("três", "cinco", "seis" as above)
            "um": 1, "uma": 1, "dois": 2, "duas": 2, "quatro": 4, "sete": 7, "oito": 8,
            "nove": 9, "dez": 10,
            # ru, and the collective numbers ("двое суток", "нас было трое")
            "ноль": 0, "нуль": 0, "один": 1, "одна": 1, "одно": 1, "одну": 1, "два": 2,
            "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
            "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
            "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16,
            "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20,
            "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7,
        }
    ),
    **_RU_GENITIVE,
    **_RU_DATIVE,
}  # fmt: skip


def _clock_numbers() -> dict[str, int]:
    """Foreign number words from one to fifty-nine, as hours and minutes are said ("siete",
    "dix-neuf", "fünfundzwanzig", "vinte e cinco", "двадцать три"), keyed by _key."""
    words: dict[str, int] = {}
    # Per language: units, the words from ten to twenty, the tens above, and how a unit
    # joins a ten.
    languages: tuple[tuple[dict[str, int], dict[str, int], dict[str, int], str], ...] = (
        (
            {"uno": 1, "una": 1, "un": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
             "seis": 6, "siete": 7, "ocho": 8, "nueve": 9},
            {"diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
             "dieciséis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19,
             "veinte": 20, "veintiuno": 21, "veintiuna": 21, "veintiún": 21, "veintidós": 22,
             "veintitrés": 23, "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26,
             "veintisiete": 27, "veintiocho": 28, "veintinueve": 29},
            {"treinta": 30, "cuarenta": 40, "cincuenta": 50},
            "{ten} y {unit}",
        ),
        (
            {"eins": 1, "ein": 1, "eine": 1, "zwei": 2, "zwo": 2, "drei": 3, "vier": 4,
             "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9},
            {"zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
             "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19},
            {"zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50},
            "{unit}und{ten}",
        ),
        (
            {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
             "sept": 7, "huit": 8, "neuf": 9},
            {"dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
             "seize": 16, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19},
            {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50},
            "{ten}{et} {unit}",
        ),
        (
            {"um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5,
             "seis": 6, "sete": 7, "oito": 8, "nove": 9},
            {"dez": 10, "onze": 11, "doze": 12, "treze": 13, "catorze": 14, "quatorze": 14,
             "quinze": 15, "dezesseis": 16, "dezasseis": 16, "dezessete": 17,
             "dezassete": 17, "dezoito": 18, "dezenove": 19, "dezanove": 19},
            {"vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50},
            "{ten} e {unit}",
        ),
        (
            {"один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5,
             "шесть": 6, "семь": 7, "восемь": 8, "девять": 9},
            {"десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
             "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17,
             "восемнадцать": 18, "девятнадцать": 19},
            {"двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50},
            "{ten} {unit}",
        ),
    )  # fmt: skip
    for units, teens, tens, joined in languages:
        table = {**units, **teens, **tens}
        for ten, t in tens.items():
            for unit, u in units.items():
                # French says "vingt et un" but "vingt-deux".
                table[joined.format(ten=ten, unit=unit, et=" et" if u == 1 else "")] = t + u
        for word, n in _keyed(table).items():
            if words.setdefault(word, n) != n:
                raise ValueError(f"{word!r} means two numbers")
    return words


# "um" is Portuguese for one but German for "at" ("um 7"): only "uma" says one o'clock.
_CLOCK_NUMBERS = {word: n for word, n in _clock_numbers().items() if word != "um"}

# --- Time of day -----------------------------------------------------------------------------

_TIME_WORDS: dict[str, datetime.time] = {
    "noon": datetime.time(12, 0),
    "midday": datetime.time(12, 0),
    "midnight": datetime.time(0, 0),
    **_keyed(
        {
            **dict.fromkeys(
                ("mediodía", "Mittag", "midi", "meio-dia", "полдень"), datetime.time(12, 0)
            ),
            **dict.fromkeys(
                ("medianoche", "Mitternacht", "minuit", "meia-noite", "полночь"),
                datetime.time(0, 0),
            ),
        }
    ),
}
_CLOCK = re.compile(
    r"(?P<hour>\d{1,2})(?:\s*(?:[:.h]|hr)\s*(?P<minute>\d{2}))?\s*h?"
    r"(?:\s*(?P<half>am|pm|a|p))?(?:\s*o'?clock)?"
)
_COMPACT = re.compile(r"(?P<hour>\d{1,2})(?P<minute>\d{2})\s*(?P<half>am|pm|a|p)?")


_UNIT_WORDS = {word: n for word, n in NUMBER_WORDS.items() if 1 <= n <= 9}
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50}
# "seven": hours said as words, on the 24-hour clock too ("nineteen hundred"); in the other
# languages too ("siete", "neunzehn", "dix-neuf", "в девятнадцать"), and Russian "в час" (1).
_HOUR_WORDS: dict[str, int] = {word: n for word, n in NUMBER_WORDS.items() if 1 <= n <= 20}
_HOUR_WORDS.update({f"twenty {word}": 20 + n for word, n in _UNIT_WORDS.items() if n <= 3})
_HOUR_WORDS.update({word: n for word, n in _CLOCK_NUMBERS.items() if n <= 23})
# Russian "около семи", "к двум": an hour in the genitive or dative.
_HOUR_WORDS.update({**_RU_GENITIVE, **_RU_DATIVE})
_HOUR_WORDS["час"] = 1
# "seven thirty", "seven oh five", "nineteen hundred": minutes said after the hour; in the
# other languages any number word ("sept heures dix", "sieben Uhr dreißig").
_MINUTE_WORDS: dict[str, int] = {"hundred": 0}
for _word, _n in _UNIT_WORDS.items():
    _MINUTE_WORDS[f"oh {_word}"] = _n
    _MINUTE_WORDS[f"o {_word}"] = _n
_MINUTE_WORDS.update({word: n for word, n in NUMBER_WORDS.items() if 10 <= n <= 19})
for _tens, _t in _TENS_WORDS.items():
    _MINUTE_WORDS[_tens] = _t
    _MINUTE_WORDS.update({f"{_tens} {word}": _t + n for word, n in _UNIT_WORDS.items()})
_MINUTE_WORDS.update(_CLOCK_NUMBERS)
# "ten to nine", "quarter past 7", "twenty-five past six": minutes before or after an hour.
_OFFSET_WORDS: dict[str, int] = {"quarter": 15, "a quarter": 15, "half": 30}
_OFFSET_WORDS.update({word: n for word, n in NUMBER_WORDS.items() if 1 <= n <= 20})
_OFFSET_WORDS.update({f"twenty {word}": 20 + n for word, n in _UNIT_WORDS.items()})
# The same in the other languages: "y cuarto", "et demie", "e meia", "viertel nach",
# "без четверти", "без пяти" (Russian counts minutes before the hour in the genitive).
_FOREIGN_OFFSETS: dict[str, int] = {
    **_CLOCK_NUMBERS,
    **_RU_GENITIVE,
    **{f"двадцати {word}": 20 + n for word, n in _RU_GENITIVE.items() if n <= 9},
    **_keyed(
        {
            "cuarto": 15, "un cuarto": 15, "media": 30,
            "viertel": 15,
            "quart": 15, "le quart": 15, "un quart": 15, "demie": 30, "demi": 30,
            "quarto": 15, "um quarto": 15, "meia": 30,
            "четверть": 15, "четверти": 15,
        }
    ),
}  # fmt: skip
# Russian "половина восьмого": the half hour *of* the eighth hour, 7:30; the hour as an
# ordinal in the genitive.
_RU_ORDINAL_HOURS: dict[str, int] = _keyed(
    {
        word: n
        for n, word in enumerate(
            (
                "первого", "второго", "третьего", "четвёртого", "пятого", "шестого",
                "седьмого", "восьмого", "девятого", "десятого", "одиннадцатого",
                "двенадцатого",
            ),
            start=1,
        )
    }
)  # fmt: skip

_HOUR_TOKEN = rf"\d{{1,2}}|{_alternation((*_HOUR_WORDS, *_TIME_WORDS))}"
_HALF = r"(?:\s*(?P<half>am|pm|a|p))?"
# An hour on its own, as the target of "past"/"to" or after British "half": "7", "nine pm".
_TARGET_HOUR = re.compile(rf"(?P<hour>{_HOUR_TOKEN}){_HALF}")
# "seven", "seven thirty", "7 thirty", "seven 30 pm", "nineteen hundred".
_SPOKEN = re.compile(
    rf"(?P<hour>{_HOUR_TOKEN})(?:\s+(?P<minute>{_alternation(_MINUTE_WORDS)}|\d{{2}}))?{_HALF}"
)
_RELATIVE_TIME = re.compile(
    rf"(?P<offset>{_alternation(_OFFSET_WORDS)}|\d{{1,2}})(?:\s+(?:minutes?|mins?))?"
    r"\s+(?P<direction>past|after|to|before|till|til)\s+(?P<target>.+)"
)
_BRITISH_HALF = re.compile(r"half\s+(?P<target>(?!past\b).+)")
# "7h et quart": a digit hour with the French "h" as the target of a phrase.
_H_SUFFIX = re.compile(r"(?<=\d)\s?h$")


@dataclass(frozen=True, slots=True)
class _ClockPhrase:
    """A way of saying minutes around an hour in another language.

    The time is the target hour, plus `base` minutes, plus `sign` times the offset (at most
    `most`): "halb acht" is eight minus 30, "без пяти восемь" eight minus five. `ordinal`
    targets are Russian ordinals ("восьмого"), the rest hours as _TARGET_HOUR reads them.
    """

    pattern: re.Pattern[str]
    base: int = 0
    sign: int = 0
    most: int = 30
    ordinal: bool = False


_OFF = rf"(?P<offset>{_alternation(_FOREIGN_OFFSETS)}|\d{{1,2}})"
_MINUTES = _fold_accents(r"(?:\s(?:minutos?|minuten?|minutes?|минуты?|минуту))?")
_CLOCK_PHRASES: tuple[_ClockPhrase, ...] = (
    # es "siete y media", pt "sete e quinze", fr "sept heures et quart": after the hour.
    _ClockPhrase(re.compile(rf"(?P<target>.+?)\s(?:y|e|et)\s{_OFF}{_MINUTES}"), sign=1, most=59),
    # es "ocho menos cuarto", fr "huit heures moins le quart", pt "oito menos um quarto".
    _ClockPhrase(
        re.compile(rf"(?P<target>.+?)\s(?:menos|moins)\s(?:le\s)?{_OFF}{_MINUTES}"), sign=-1
    ),
    # pt "quinze para as oito", es "un cuarto para las ocho".
    _ClockPhrase(
        re.compile(rf"{_OFF}{_MINUTES}\s(?:para|pra|pras)\s(?:(?:las|la|as|a|o)\s)?(?P<target>.+)"),
        sign=-1,
    ),
    # de "fünf vor halb acht" 7:25, "fünf nach halb acht" 7:35.
    _ClockPhrase(re.compile(rf"{_OFF}\svor\shalb\s(?P<target>.+)"), base=-30, sign=-1, most=29),
    _ClockPhrase(re.compile(rf"{_OFF}\snach\shalb\s(?P<target>.+)"), base=-30, sign=1, most=29),
    # de "viertel nach sieben", "zehn vor acht".
    _ClockPhrase(re.compile(rf"{_OFF}{_MINUTES}\snach\s(?P<target>.+)"), sign=1),
    _ClockPhrase(re.compile(rf"{_OFF}{_MINUTES}\svor\s(?P<target>.+)"), sign=-1),
    # de "halb acht" is 7:30, half way *to* eight; "dreiviertel acht" 7:45, "viertel acht" 7:15.
    _ClockPhrase(re.compile(r"halb\s(?P<target>.+)"), base=-30),
    _ClockPhrase(re.compile(r"(?:dreiviertel|drei\sviertel)\s(?P<target>.+)"), base=-15),
    _ClockPhrase(re.compile(r"viertel\s(?P<target>.+)"), base=-45),
    # ru "без четверти восемь" 7:45, "без пяти восемь" 7:55.
    _ClockPhrase(_folded_pattern(rf"без\s{_OFF}{_MINUTES}\s(?P<target>.+)"), sign=-1),
    # ru "половина восьмого", "в половине восьмого", "полвосьмого": 7:30.
    _ClockPhrase(
        _folded_pattern(r"(?:половине|половина|пол)\s?(?P<target>.+)"), base=-30, ordinal=True
    ),
    # ru "четверть восьмого" 7:15, "десять минут восьмого" 7:10.
    _ClockPhrase(_folded_pattern(r"четверть\s(?P<target>.+)"), base=-45, ordinal=True),
    _ClockPhrase(
        _folded_pattern(rf"{_OFF}\sминут[уы]?\s(?P<target>.+)"),
        base=-60,
        sign=1,
        most=59,
        ordinal=True,
    ),
)

# Parts of the day in the other languages, and the English part each is read as. Spanish
# and Portuguese "tarde" runs from noon into the evening ("7 de la tarde" is 19:00).
_FOREIGN_PERIODS: dict[str, str] = _keyed(
    {
        # es
        "de la mañana": "morning", "por la mañana": "morning", "en la mañana": "morning",
        "esta mañana": "morning", "de la madrugada": "morning", "de madrugada": "morning",
        "de la tarde": "tarde", "por la tarde": "tarde", "en la tarde": "tarde",
        "esta tarde": "tarde",
        "de la noche": "night", "por la noche": "night", "en la noche": "night",
        "esta noche": "night",
        # de
        "morgens": "morning", "am Morgen": "morning", "früh": "morning", "in der Früh": "morning",
        "vormittags": "morning", "am Vormittag": "morning", "heute Morgen": "morning",
        "heute früh": "morning",
        "mittags": "afternoon", "am Mittag": "afternoon", "nachmittags": "afternoon",
        "am Nachmittag": "afternoon", "heute Nachmittag": "afternoon",
        "abends": "evening", "am Abend": "evening", "heute Abend": "evening",
        "nachts": "night", "in der Nacht": "night", "heute Nacht": "night",
        # fr
        "du matin": "morning", "le matin": "morning", "ce matin": "morning",
        "de l'après-midi": "afternoon", "l'après-midi": "afternoon",
        "cet après-midi": "afternoon", "dans l'après-midi": "afternoon",
        "du soir": "evening", "le soir": "evening", "ce soir": "evening",
        "de la nuit": "night", "la nuit": "night", "cette nuit": "night",
        # pt
        "da manhã": "morning", "de manhã": "morning", "pela manhã": "morning",
        "na manhã": "morning", "hoje de manhã": "morning", "da madrugada": "morning",
        "da tarde": "tarde", "de tarde": "tarde", "à tarde": "tarde", "pela tarde": "tarde",
        "na tarde": "tarde", "hoje à tarde": "tarde",
        "da noite": "night", "de noite": "night", "à noite": "night", "pela noite": "night",
        "na noite": "night", "hoje à noite": "night",
        # ru
        "утра": "morning", "утром": "morning", "с утра": "morning",
        "дня": "afternoon", "днём": "afternoon",
        "вечера": "evening", "вечером": "evening", "сегодня вечером": "evening",
        "ночи": "night", "ночью": "night",
    }
)  # fmt: skip
_PERIOD = (
    r"(?:(?:(?:(?:in|during)\s+the|this|every|each|at|in)\s+)?"
    r"(?P<period>morning|afternoon|evening|night|tonight)s?"
    rf"|(?P<foreign>{_alternation(_FOREIGN_PERIODS)}))"
)
_PERIOD_FIRST = re.compile(rf"{_PERIOD}\b[\s,]*")
_PERIOD_LAST = re.compile(rf"[\s,]*\b{_PERIOD}$")
# How far from the end a part of the day can start ("during the afternoons"), so a long
# message isn't searched from its first letter.
_PERIOD_TAIL = 2 + max(len(phrase) for phrase in (*_FOREIGN_PERIODS, "during the afternoons"))
# Words around a time that don't change it: "at 6", "around 6:30", "6ish", "7 sharp"; and
# "a las 7", "um 7", "à 19 heures", "às 7", "в 7", "около семи".
_TIME_LEAD = _folded_pattern(
    r"^(?:(?:at|around|about|approx|approximately|roughly|by|say|maybe|circa|ca|like"
    r"|every\s+day|everyday|each\s+day|daily"
    r"|a|las|la(?=\s+una\b)|sobre|hacia|eso\s+de|alrededor\s+de|como|todos\s+los\s+días"
    r"|cada\s+día|um|gegen|so\s+um|etwa|ungefähr|jeden\s+tag|täglich|punkt"
    r"|vers|environ|aux\s+alentours\s+de|tous\s+les\s+jours|chaque\s+jour"
    r"|as|por\s+volta\s+das?|lá\s+pelas?|todos\s+os\s+dias|todo\s+dia"
    r"|в|во|к|около|примерно|где\s+то|каждый\s+день|ежедневно|ровно)\s+|[~@]\s*)+"
)
_TIME_TRAIL = _folded_pattern(
    r"(?:\s*-?\s*ish|\s+(?:or\s+so|sharp|at\s+the\s+latest"
    r"|en\s+punto|más\s+o\s+menos|oder\s+so|pile|précises?|environ"
    r"|em\s+ponto|mais\s+ou\s+menos|ровно|примерно))+$"
)
_OCLOCK = re.compile(r"\s*\bo\s?'?\s?clock\b")
# "19 Uhr 30", "sept heures", "a las 19 horas", "в 7 часов": the word for "o'clock" (between
# hour and minutes, or after the hour) says nothing more. Russian "час" is also the hour one
# ("в час дня"), so it is only a marker after digits.
_HOUR_MARK = _folded_pattern(
    r"(?:\b|(?<=\d))(?:uhr|heures?|horas?|часов|часа)(?![^\W\d_])|(?<=\d)\s*час(?![^\W\d_])"
)
# Hours in other languages that are also English words ("once" is Spanish eleven): on their
# own they are read as English, so not as a time; "a las once" still is 11:00.
_ENGLISH_LOOKALIKES = frozenset(("once", "doze", "seize", "elf"))
# The longest a typed time can be ("every day at around a quarter past seven in the evening").
MAX_TIME_CHARS = 80
_TWELVE_NAMED = re.compile(r"^(?:12|twelve)\s+(?=(?:noon|midday|midnight)$)")
# Which 24-hour clock hours each part of the day covers, to check "7 in the evening" and to
# refuse "3 in the evening" or "7am in the evening".
_PERIOD_HOURS: dict[str, frozenset[int]] = {
    "morning": frozenset(range(0, 12)),
    "afternoon": frozenset(range(12, 20)),
    "evening": frozenset(range(16, 24)),
    "night": frozenset((*range(18, 24), *range(0, 6))),
    "tarde": frozenset(range(12, 22)),
}


def _to_24h(hour: int, half: str | None, period: str | None, *, fixed: bool = False) -> int | None:
    """The 24-hour clock hour for an hour as typed, its am/pm and its part of the day.

    `fixed` marks hours that are already unambiguous ("noon", "midnight"). Without am/pm, an
    hour from 1 to 12 takes the part of the day: "7 in the evening" is 19, "12 at night" is 0,
    "2 at night" is 2. A part of the day that contradicts the hour gives None.
    """
    if half is not None:
        # A 12-hour clock has no 0 or 13: "12 am" is midnight, "12 pm" is noon.
        if fixed or not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.startswith("p") else 0)
        fixed = True
    if hour > 23:
        return None
    if period is None:
        return hour
    if period == "tonight":
        period = "night"
    if not fixed and 1 <= hour <= 12:
        if period == "morning":
            hour %= 12
        elif period == "night":
            hour = hour % 12 + (12 if hour % 12 >= 6 else 0)
        else:
            hour = hour % 12 + 12
    return hour if hour in _PERIOD_HOURS[period] else None


def _hour_of(match: re.Match[str], period: str | None) -> int | None:
    """The 24-hour clock hour named by a _TARGET_HOUR or _SPOKEN match."""
    token = match["hour"]
    if token in _TIME_WORDS:
        return _to_24h(_TIME_WORDS[token].hour, match["half"], period, fixed=True)
    hour = int(token) if token.isdigit() else _HOUR_WORDS[token]
    return _to_24h(hour, match["half"], period)


def _target_hour(target: str, period: str | None, *, ordinal: bool = False) -> int | None:
    """The 24-hour clock hour a clock phrase counts from: "8", "eight", "acht", "восьмого"."""
    if ordinal:
        hour = _RU_ORDINAL_HOURS.get(target)
        return None if hour is None else _to_24h(hour, None, period)
    match = _TARGET_HOUR.fullmatch(_H_SUFFIX.sub("", target))
    return None if match is None else _hour_of(match, period)


def _foreign_relative_time(cleaned: str, period: str | None) -> datetime.time | None:
    """ "siete y media", "halb acht", "quinze para as oito", "без четверти восемь"."""
    for phrase in _CLOCK_PHRASES:
        match = phrase.pattern.fullmatch(cleaned)
        if match is None:
            continue
        offset = 0
        if phrase.sign:
            text = match["offset"]
            offset = int(text) if text.isdigit() else _FOREIGN_OFFSETS[text]
            if not 1 <= offset <= phrase.most:
                continue
        hour = _target_hour(match["target"], period, ordinal=phrase.ordinal)
        if hour is None:
            continue
        minutes = (hour * 60 + phrase.base + phrase.sign * offset) % (24 * 60)
        return datetime.time(minutes // 60, minutes % 60)
    return None


def _relative_time(cleaned: str, period: str | None) -> datetime.time | None:
    """ "quarter to 8", "ten past nine pm", "half seven": minutes before or after an hour;
    and the same in the other languages (_foreign_relative_time)."""
    offset = 30
    relative = _RELATIVE_TIME.fullmatch(cleaned)
    if relative is not None:
        offset_text, target = relative["offset"], relative["target"]
        offset = int(offset_text) if offset_text.isdigit() else _OFFSET_WORDS[offset_text]
        if not 1 <= offset <= 30:
            return None
        if relative["direction"] in ("to", "before", "till", "til"):
            offset = -offset
    elif (british := _BRITISH_HALF.fullmatch(cleaned)) is not None:
        target = british["target"]  # "half seven" is half past seven
    else:
        return _foreign_relative_time(cleaned, period)
    hour_match = _TARGET_HOUR.fullmatch(target)
    if hour_match is None:
        return None
    hour = _hour_of(hour_match, period)
    if hour is None:
        return None
    minutes = (hour * 60 + offset) % (24 * 60)
    return datetime.time(minutes // 60, minutes % 60)


def _period_of(match: re.Match[str]) -> str:
    """The English part of the day a _PERIOD match names ("de la tarde" → "tarde")."""
    return match["period"] or _FOREIGN_PERIODS[match["foreign"]]


def _strip_time_words(cleaned: str) -> tuple[str, str | None]:
    """Remove fillers and a part of the day: "in the evening at 7" → ("7", "evening")."""
    first = _PERIOD_FIRST.match(cleaned)
    if first is None or first.end() == len(cleaned):
        # A part of the day may itself start like a filler: "à noite às 8".
        cleaned = _TIME_LEAD.sub("", cleaned)
        first = _PERIOD_FIRST.match(cleaned)
    period = None
    if first is not None and first.end() < len(cleaned):
        period, cleaned = _period_of(first), cleaned[first.end() :]
    elif (
        last := _PERIOD_LAST.search(cleaned, max(0, len(cleaned) - _PERIOD_TAIL))
    ) is not None and last.start() > 0:
        period, cleaned = _period_of(last), cleaned[: last.start()]
    cleaned = _TIME_TRAIL.sub("", _TIME_LEAD.sub("", cleaned)).strip(" ,")
    return cleaned, period


def parse_time_of_day(text: str) -> datetime.time | None:
    """Read a wall-clock time the way people type it, in any of the bot's languages.

    Digits ("7:30", "19", "7.30 pm", "1930", "19h30", "7 p.m.", "19 Uhr 30", "19 horas"),
    words ("seven", "seven thirty", "noon", "midnight", "sept heures", "полдень"), clock
    phrases ("half past seven", "quarter to 8", "ten to nine", British "half seven" = 07:30;
    "siete y media", "huit heures moins le quart", "quinze para as oito", German "halb acht"
    = 07:30, "viertel vor acht", "dreiviertel acht"; Russian "полвосьмого" = 07:30, "без
    четверти восемь") and a part of the day ("7 in the evening", "in the evening at 7", "7
    tonight", "7 de la tarde", "sieben Uhr abends", "7h du soir", "8 da manhã", "в семь
    вечера"). Fillers are ignored: "at 6", "around 6:30", "6ish", "a las 7", "um 7", "в 7".

    A bare hour without am/pm or a part of the day is read on the 24-hour clock, so "7",
    "seven" and "sept heures" are 07:00. Anything else, including a sentence that merely
    contains a number or anything longer than MAX_TIME_CHARS, is None.
    """
    cleaned = _clean(text.replace("’", "'")).replace("a.m", "am").replace("p.m", "pm")
    if len(cleaned) > MAX_TIME_CHARS:
        return None  # a sentence, not a time; and not worth a dozen scans of a long message
    cleaned = _OCLOCK.sub("", cleaned.rstrip("."))
    cleaned = _key(cleaned)  # "twenty-five" → "twenty five", "às" → "as", "l'après" → "l apres"
    if cleaned in _ENGLISH_LOOKALIKES:
        return None
    cleaned = " ".join(_HOUR_MARK.sub(" ", cleaned).split())
    cleaned, period = _strip_time_words(cleaned)
    cleaned = _TWELVE_NAMED.sub("", cleaned)  # "12 noon" → "noon"
    if cleaned in _TIME_WORDS:
        fixed_hour = _to_24h(_TIME_WORDS[cleaned].hour, None, period, fixed=True)
        return None if fixed_hour is None else _TIME_WORDS[cleaned]
    match = _CLOCK.fullmatch(cleaned) or _COMPACT.fullmatch(cleaned)
    if match is not None:
        minute = int(match["minute"] or 0)
        hour = _to_24h(int(match["hour"]), match["half"], period)
    elif (spoken := _SPOKEN.fullmatch(cleaned)) is not None:
        minute_text = spoken["minute"]
        if minute_text is None:
            minute = 0
        else:
            minute = int(minute_text) if minute_text.isdigit() else _MINUTE_WORDS[minute_text]
        hour = _hour_of(spoken, period)
        if minute_text is not None and spoken["hour"] in _TIME_WORDS:
            return None  # "noon thirty"
    else:
        return _relative_time(cleaned, period)
    if hour is None or minute > 59:
        return None
    return datetime.time(hour, minute)


# --- Time zones ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ZoneMatch:
    """A time zone someone named: the IANA name to store and a label to show them."""

    name: str
    label: str


# Cities, countries and regions people type that are not the last part of an IANA zone name.
# A country is listed only when (nearly) all its people live in one zone. Accents are folded
# when matching, so "Kraków" also answers "krakow".
CITY_ALIASES: dict[str, str] = {
    # United States and Canada
    "San Francisco": "America/Los_Angeles",
    "Seattle": "America/Los_Angeles",
    "Los Angeles": "America/Los_Angeles",
    "LA": "America/Los_Angeles",
    "San Diego": "America/Los_Angeles",
    "San Jose": "America/Los_Angeles",
    "Portland": "America/Los_Angeles",
    "Las Vegas": "America/Los_Angeles",
    "Silicon Valley": "America/Los_Angeles",
    "California": "America/Los_Angeles",
    "Pacific Time": "America/Los_Angeles",
    "NYC": "America/New_York",
    "Boston": "America/New_York",
    "Washington": "America/New_York",
    "Washington DC": "America/New_York",
    "DC": "America/New_York",
    "Miami": "America/New_York",
    "Atlanta": "America/New_York",
    "Philadelphia": "America/New_York",
    "Pittsburgh": "America/New_York",
    "Baltimore": "America/New_York",
    "Charlotte": "America/New_York",
    "Orlando": "America/New_York",
    "Brooklyn": "America/New_York",
    "Manhattan": "America/New_York",
    "Eastern Time": "America/New_York",
    "Dallas": "America/Chicago",
    "Houston": "America/Chicago",
    "Austin": "America/Chicago",
    "San Antonio": "America/Chicago",
    "Minneapolis": "America/Chicago",
    "St Louis": "America/Chicago",
    "Saint Louis": "America/Chicago",
    "Kansas City": "America/Chicago",
    "Nashville": "America/Chicago",
    "New Orleans": "America/Chicago",
    "Central Time": "America/Chicago",
    "Salt Lake City": "America/Denver",
    "Mountain Time": "America/Denver",
    "Montreal": "America/Toronto",
    "Ottawa": "America/Toronto",
    "Quebec": "America/Toronto",
    "Calgary": "America/Edmonton",
    "Hawaii": "Pacific/Honolulu",
    # Europe
    "UK": "Europe/London",
    "United Kingdom": "Europe/London",
    "Great Britain": "Europe/London",
    "Britain": "Europe/London",
    "England": "Europe/London",
    "Scotland": "Europe/London",
    "Wales": "Europe/London",
    "Manchester": "Europe/London",
    "Birmingham": "Europe/London",
    "Liverpool": "Europe/London",
    "Leeds": "Europe/London",
    "Bristol": "Europe/London",
    "Edinburgh": "Europe/London",
    "Glasgow": "Europe/London",
    "Cardiff": "Europe/London",
    "Oxford": "Europe/London",
    "Ireland": "Europe/Dublin",
    "Cork": "Europe/Dublin",
    "Portugal": "Europe/Lisbon",
    "Porto": "Europe/Lisbon",
    "Spain": "Europe/Madrid",
    "Barcelona": "Europe/Madrid",
    "Valencia": "Europe/Madrid",
    "Seville": "Europe/Madrid",
    "France": "Europe/Paris",
    "Lyon": "Europe/Paris",
    "Marseille": "Europe/Paris",
    "Toulouse": "Europe/Paris",
    "Nice": "Europe/Paris",
    "Belgium": "Europe/Brussels",
    "Antwerp": "Europe/Brussels",
    "Netherlands": "Europe/Amsterdam",
    "Holland": "Europe/Amsterdam",
    "Rotterdam": "Europe/Amsterdam",
    "The Hague": "Europe/Amsterdam",
    "Utrecht": "Europe/Amsterdam",
    "Eindhoven": "Europe/Amsterdam",
    "Germany": "Europe/Berlin",
    "Munich": "Europe/Berlin",
    "München": "Europe/Berlin",
    "Hamburg": "Europe/Berlin",
    "Frankfurt": "Europe/Berlin",
    "Cologne": "Europe/Berlin",
    "Köln": "Europe/Berlin",
    "Stuttgart": "Europe/Berlin",
    "Düsseldorf": "Europe/Berlin",
    "Leipzig": "Europe/Berlin",
    "Dresden": "Europe/Berlin",
    "Hanover": "Europe/Berlin",
    "Hannover": "Europe/Berlin",
    "Nuremberg": "Europe/Berlin",
    "Bonn": "Europe/Berlin",
    "Switzerland": "Europe/Zurich",
    "Geneva": "Europe/Zurich",
    "Basel": "Europe/Zurich",
    "Bern": "Europe/Zurich",
    "Austria": "Europe/Vienna",
    "Salzburg": "Europe/Vienna",
    "Italy": "Europe/Rome",
    "Milan": "Europe/Rome",
    "Milano": "Europe/Rome",
    "Naples": "Europe/Rome",
    "Turin": "Europe/Rome",
    "Florence": "Europe/Rome",
    "Venice": "Europe/Rome",
    "Denmark": "Europe/Copenhagen",
    "Norway": "Europe/Oslo",
    "Sweden": "Europe/Stockholm",
    "Gothenburg": "Europe/Stockholm",
    "Finland": "Europe/Helsinki",
    "Poland": "Europe/Warsaw",
    "Kraków": "Europe/Warsaw",
    "Wroclaw": "Europe/Warsaw",
    "Czechia": "Europe/Prague",
    "Czech Republic": "Europe/Prague",
    "Brno": "Europe/Prague",
    "Hungary": "Europe/Budapest",
    "Greece": "Europe/Athens",
    "Romania": "Europe/Bucharest",
    "Bulgaria": "Europe/Sofia",
    "Serbia": "Europe/Belgrade",
    "Croatia": "Europe/Zagreb",
    "Ukraine": "Europe/Kyiv",
    "Kiev": "Europe/Kyiv",
    "Kharkiv": "Europe/Kyiv",
    "Lviv": "Europe/Kyiv",
    "Odesa": "Europe/Kyiv",
    "Odessa": "Europe/Kyiv",
    "Turkey": "Europe/Istanbul",
    "Türkiye": "Europe/Istanbul",
    "Ankara": "Europe/Istanbul",
    # Zone cities with two names in tzdata (a zone and a link): pin the canonical one.
    "Istanbul": "Europe/Istanbul",
    "Nicosia": "Asia/Nicosia",
    "Saint Petersburg": "Europe/Moscow",
    "St Petersburg": "Europe/Moscow",
    # Middle East and Africa
    "Israel": "Asia/Jerusalem",
    "Tel Aviv": "Asia/Jerusalem",
    "UAE": "Asia/Dubai",
    "United Arab Emirates": "Asia/Dubai",
    "Abu Dhabi": "Asia/Dubai",
    "Sharjah": "Asia/Dubai",
    "Saudi Arabia": "Asia/Riyadh",
    "Jeddah": "Asia/Riyadh",
    "Doha": "Asia/Qatar",
    "Iran": "Asia/Tehran",
    "Egypt": "Africa/Cairo",
    "Alexandria": "Africa/Cairo",
    "Nigeria": "Africa/Lagos",
    "Abuja": "Africa/Lagos",
    "Kenya": "Africa/Nairobi",
    "South Africa": "Africa/Johannesburg",
    "Cape Town": "Africa/Johannesburg",
    "Durban": "Africa/Johannesburg",
    "Pretoria": "Africa/Johannesburg",
    "Ghana": "Africa/Accra",
    "Morocco": "Africa/Casablanca",
    "Ethiopia": "Africa/Addis_Ababa",
    # Asia and Oceania
    "India": "Asia/Kolkata",
    "Mumbai": "Asia/Kolkata",
    "Bombay": "Asia/Kolkata",
    "Delhi": "Asia/Kolkata",
    "New Delhi": "Asia/Kolkata",
    "Bangalore": "Asia/Kolkata",
    "Bengaluru": "Asia/Kolkata",
    "Hyderabad": "Asia/Kolkata",
    "Chennai": "Asia/Kolkata",
    "Madras": "Asia/Kolkata",
    "Pune": "Asia/Kolkata",
    "Ahmedabad": "Asia/Kolkata",
    "Gurgaon": "Asia/Kolkata",
    "Gurugram": "Asia/Kolkata",
    "Noida": "Asia/Kolkata",
    "Pakistan": "Asia/Karachi",
    "Lahore": "Asia/Karachi",
    "Islamabad": "Asia/Karachi",
    "Bangladesh": "Asia/Dhaka",
    "Sri Lanka": "Asia/Colombo",
    "Nepal": "Asia/Kathmandu",
    "China": "Asia/Shanghai",
    "Beijing": "Asia/Shanghai",
    "Shenzhen": "Asia/Shanghai",
    "Guangzhou": "Asia/Shanghai",
    "Hangzhou": "Asia/Shanghai",
    "Chengdu": "Asia/Shanghai",
    "Hong Kong": "Asia/Hong_Kong",
    "Taiwan": "Asia/Taipei",
    "Japan": "Asia/Tokyo",
    "Osaka": "Asia/Tokyo",
    "Kyoto": "Asia/Tokyo",
    "South Korea": "Asia/Seoul",
    "Korea": "Asia/Seoul",
    "Busan": "Asia/Seoul",
    "Philippines": "Asia/Manila",
    "Vietnam": "Asia/Ho_Chi_Minh",
    "Saigon": "Asia/Ho_Chi_Minh",
    "Hanoi": "Asia/Bangkok",
    "Thailand": "Asia/Bangkok",
    "Malaysia": "Asia/Kuala_Lumpur",
    "Jakarta": "Asia/Jakarta",
    "Canberra": "Australia/Sydney",
    "New Zealand": "Pacific/Auckland",
    "Wellington": "Pacific/Auckland",
    "Christchurch": "Pacific/Auckland",
    # Latin America
    "Brazil": "America/Sao_Paulo",
    "Rio": "America/Sao_Paulo",
    "Rio de Janeiro": "America/Sao_Paulo",
    "Brasília": "America/Sao_Paulo",
    "Argentina": "America/Argentina/Buenos_Aires",
    "Chile": "America/Santiago",
    "Colombia": "America/Bogota",
    "Medellín": "America/Bogota",
    "Peru": "America/Lima",
    "Guadalajara": "America/Mexico_City",
    # Names in the bot's other languages (Spanish, German, French, Portuguese, Russian).
    "Londres": "Europe/London",
    "Nueva York": "America/New_York",
    "Nova York": "America/New_York",
    "Ciudad de México": "America/Mexico_City",
    "CDMX": "America/Mexico_City",
    "México": "America/Mexico_City",
    "Mexiko": "America/Mexico_City",
    "Mexique": "America/Mexico_City",
    "España": "Europe/Madrid",
    "Spanien": "Europe/Madrid",
    "Espagne": "Europe/Madrid",
    "Espanha": "Europe/Madrid",
    "Sevilla": "Europe/Madrid",
    "Zaragoza": "Europe/Madrid",
    "Bilbao": "Europe/Madrid",
    "Málaga": "Europe/Madrid",
    "Deutschland": "Europe/Berlin",
    "Allemagne": "Europe/Berlin",
    "Alemania": "Europe/Berlin",
    "Alemanha": "Europe/Berlin",
    "Munique": "Europe/Berlin",
    "Colonia": "Europe/Berlin",
    "Fráncfort": "Europe/Berlin",
    "Österreich": "Europe/Vienna",
    "Wien": "Europe/Vienna",
    "Vienne": "Europe/Vienna",
    "Viena": "Europe/Vienna",
    "Schweiz": "Europe/Zurich",
    "Suisse": "Europe/Zurich",
    "Suiza": "Europe/Zurich",
    "Genf": "Europe/Zurich",
    "Genève": "Europe/Zurich",
    "Ginebra": "Europe/Zurich",
    "Zürich": "Europe/Zurich",
    "Frankreich": "Europe/Paris",
    "Francia": "Europe/Paris",
    "França": "Europe/Paris",
    "Belgique": "Europe/Brussels",
    "Bruxelles": "Europe/Brussels",
    "Brüssel": "Europe/Brussels",
    "Bruselas": "Europe/Brussels",
    "Lisboa": "Europe/Lisbon",
    "Lissabon": "Europe/Lisbon",
    "Lisbonne": "Europe/Lisbon",
    "Brasil": "America/Sao_Paulo",
    "Brasilien": "America/Sao_Paulo",
    "Brésil": "America/Sao_Paulo",
    "Belo Horizonte": "America/Sao_Paulo",
    "Curitiba": "America/Sao_Paulo",
    "Porto Alegre": "America/Sao_Paulo",
    "Salvador": "America/Bahia",
    "Recife": "America/Recife",
    "Fortaleza": "America/Fortaleza",
    "Manaus": "America/Manaus",
    "Bogotá": "America/Bogota",
    "Buenos Aires": "America/Argentina/Buenos_Aires",
    "Россия": "Europe/Moscow",
    "Москва": "Europe/Moscow",
    "Мск": "Europe/Moscow",
    "Moskau": "Europe/Moscow",
    "Moscou": "Europe/Moscow",
    "Moscú": "Europe/Moscow",
    "Санкт-Петербург": "Europe/Moscow",
    "Петербург": "Europe/Moscow",
    "Питер": "Europe/Moscow",
    "СПб": "Europe/Moscow",
    "Казань": "Europe/Moscow",
    "Нижний Новгород": "Europe/Moscow",
    "Ростов-на-Дону": "Europe/Moscow",
    "Краснодар": "Europe/Moscow",
    "Воронеж": "Europe/Moscow",
    "Калининград": "Europe/Kaliningrad",
    "Самара": "Europe/Samara",
    "Екатеринбург": "Asia/Yekaterinburg",
    "Челябинск": "Asia/Yekaterinburg",
    "Пермь": "Asia/Yekaterinburg",
    "Уфа": "Asia/Yekaterinburg",
    "Тюмень": "Asia/Yekaterinburg",
    "Омск": "Asia/Omsk",
    "Новосибирск": "Asia/Novosibirsk",
    "Красноярск": "Asia/Krasnoyarsk",
    "Иркутск": "Asia/Irkutsk",
    "Владивосток": "Asia/Vladivostok",
    "Хабаровск": "Asia/Vladivostok",
    "Минск": "Europe/Minsk",
    "Беларусь": "Europe/Minsk",
    "Киев": "Europe/Kyiv",
    "Київ": "Europe/Kyiv",
    "Харьков": "Europe/Kyiv",
    "Одесса": "Europe/Kyiv",
    "Алматы": "Asia/Almaty",
    "Астана": "Asia/Almaty",
    "Ташкент": "Asia/Tashkent",
    "Тбилиси": "Asia/Tbilisi",
    "Ереван": "Asia/Yerevan",
    "Баку": "Asia/Baku",
    "Рига": "Europe/Riga",
    "Таллин": "Europe/Tallinn",
    "Вильнюс": "Europe/Vilnius",
    "Берлин": "Europe/Berlin",
    "Лондон": "Europe/London",
    "Париж": "Europe/Paris",
    "Прага": "Europe/Prague",
    "Варшава": "Europe/Warsaw",
    "Тель-Авив": "Asia/Jerusalem",
    "Израиль": "Asia/Jerusalem",
    "Дубай": "Asia/Dubai",
    "Стамбул": "Europe/Istanbul",
    "Нью-Йорк": "America/New_York",
    "Белград": "Europe/Belgrade",
    "Лиссабон": "Europe/Lisbon",
    "Бишкек": "Asia/Bishkek",
}

COMMON_ZONES: tuple[tuple[str, str], ...] = (
    ("Europe/London", "London"),
    ("Europe/Berlin", "Berlin / Paris"),
    ("America/New_York", "New York"),
    ("America/Chicago", "Chicago"),
    ("America/Los_Angeles", "Los Angeles"),
    ("Asia/Kolkata", "India"),
    ("Asia/Singapore", "Singapore"),
    ("Australia/Sydney", "Sydney"),
)

# The zones offered as buttons in each language: where most of its speakers live (a typed city,
# zone or offset works anywhere). Labels are how people there name the place.
COMMON_ZONES_BY_LANGUAGE: dict[str, tuple[tuple[str, str], ...]] = {
    "es": (
        ("Europe/Madrid", "Madrid"),
        ("America/Mexico_City", "Ciudad de México"),
        ("America/Bogota", "Bogotá / Lima"),
        ("America/Argentina/Buenos_Aires", "Buenos Aires"),
        ("America/Santiago", "Santiago de Chile"),
        ("America/Caracas", "Caracas"),
        ("America/New_York", "Nueva York / Miami"),
        ("America/Los_Angeles", "Los Ángeles"),
    ),
    "de": (
        ("Europe/Berlin", "Berlin / Wien / Zürich"),
        ("Europe/London", "London"),
        ("Europe/Lisbon", "Lissabon"),
        ("Europe/Istanbul", "Istanbul"),
        ("America/New_York", "New York"),
        ("America/Los_Angeles", "Los Angeles"),
        ("Asia/Dubai", "Dubai"),
        ("Asia/Singapore", "Singapur"),
    ),
    "fr": (
        ("Europe/Paris", "Paris / Bruxelles / Genève"),
        ("America/Toronto", "Montréal"),
        ("Africa/Casablanca", "Casablanca"),
        ("Africa/Algiers", "Alger / Tunis"),
        ("Africa/Abidjan", "Dakar / Abidjan"),
        ("Africa/Kinshasa", "Kinshasa"),
        ("Indian/Reunion", "La Réunion"),
        ("Europe/London", "Londres"),
    ),
    "pt_BR": (
        ("America/Sao_Paulo", "Brasília / São Paulo / Rio"),
        ("America/Manaus", "Manaus"),
        ("America/Cuiaba", "Cuiabá"),
        ("America/Rio_Branco", "Rio Branco"),
        ("America/Noronha", "Fernando de Noronha"),
        ("Europe/Lisbon", "Lisboa"),
        ("Africa/Luanda", "Luanda"),
        ("America/New_York", "Nova York"),
    ),
    "ru": (
        ("Europe/Moscow", "Москва / Петербург"),
        ("Europe/Kaliningrad", "Калининград"),
        ("Europe/Samara", "Самара"),
        ("Asia/Yekaterinburg", "Екатеринбург"),
        ("Asia/Novosibirsk", "Новосибирск"),
        ("Asia/Vladivostok", "Владивосток"),
        ("Europe/Minsk", "Минск"),
        ("Asia/Almaty", "Алматы"),
    ),
}


def common_zones(language: str | None = None) -> tuple[tuple[str, str], ...]:
    """The zone buttons for a language (a catalogue code); the English list otherwise."""
    return COMMON_ZONES_BY_LANGUAGE.get(language_for(language), COMMON_ZONES)


# Every zone a button may carry, whatever the language it was offered in.
BUTTON_ZONES: dict[str, str] = {
    zone: label
    for zones in (COMMON_ZONES, *COMMON_ZONES_BY_LANGUAGE.values())
    for zone, label in zones
}

# Zone names whose last part is a place people live in (not "Etc/GMT+3" or "US/Pacific").
_CITY_REGIONS = frozenset(
    {
        "Africa",
        "America",
        "Antarctica",
        "Arctic",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
    }
)
# Last parts that are directions, not places ("Australia/West"): too easy to hit by accident.
_NOT_CITIES = frozenset({"north", "south", "west", "east"})
# Present in available_timezones() on some systems but not zones anyone lives in.
_NOT_ZONES = frozenset({"factory", "localtime", "posixrules", "posix", "right"})

# Offsets that are not whole hours belong to a few well-known places; use their real zone.
_PARTIAL_OFFSET_ZONES: dict[int, str] = {
    -(9 * 60 + 30): "Pacific/Marquesas",
    -(3 * 60 + 30): "America/St_Johns",
    3 * 60 + 30: "Asia/Tehran",
    4 * 60 + 30: "Asia/Kabul",
    5 * 60 + 30: "Asia/Kolkata",
    5 * 60 + 45: "Asia/Kathmandu",
    6 * 60 + 30: "Asia/Yangon",
    8 * 60 + 45: "Australia/Eucla",
    9 * 60 + 30: "Australia/Adelaide",
    10 * 60 + 30: "Australia/Lord_Howe",
    12 * 60 + 45: "Pacific/Chatham",
}
_UTC_WORDS = frozenset({"utc", "gmt", "z", "zulu", "utc+0", "gmt+0", "utc-0", "gmt-0", "ut"})
_OFFSET = re.compile(
    r"(?:utc|gmt|ut)?\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?:\s*:?\s*(?P<minutes>\d{2}))?(?:\s*h)?"
)


def _zone_key(text: str) -> str:
    """The form names are compared in: folded, lower-case, spaces for "_" and "-"."""
    folded = _fold_accents(text).casefold().replace(".", " ").replace("'", "")
    folded = re.sub(r"\s*/\s*", "/", folded)
    return " ".join(re.sub(r"[_\-\s]+", " ", folded).split())


def _loads(name: str) -> bool:
    """Whether zoneinfo can load the zone, so nothing we hand out fails later."""
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


@lru_cache(maxsize=1)
def _zone_indexes() -> tuple[dict[str, str], dict[str, str], dict[str, tuple[str, str]]]:
    """Build lookups keyed by _zone_key: full IANA names, city last parts, (alias, zone)."""
    names = sorted(
        name
        for name in zoneinfo.available_timezones()
        if name.split("/")[0].casefold() not in _NOT_ZONES
    )
    full = {_zone_key(name): name for name in names}
    cities: dict[str, str] = {}
    # Deeper names first: "America/Argentina/Buenos_Aires" is canonical, the short one a link.
    for name in sorted(names, key=lambda n: (-n.count("/"), n)):
        parts = name.split("/")
        if len(parts) < 2 or parts[0] not in _CITY_REGIONS:
            continue
        key = _zone_key(parts[-1])
        if key not in _NOT_CITIES:
            cities.setdefault(key, name)
    aliases = {_zone_key(alias): (alias, zone) for alias, zone in CITY_ALIASES.items()}
    return full, cities, aliases


def _city_label(place: str, zone: str) -> str:
    return f"{place} ({zone})"


def _offset_match(minutes: int) -> ZoneMatch | None:
    """Map a fixed UTC offset to a zone: Etc/GMT∓N for whole hours, a real place otherwise."""
    if minutes == 0:
        return ZoneMatch("UTC", "UTC")
    if minutes % 60 == 0:
        hours = minutes // 60
        if not -12 <= hours <= 14:
            return None
        # POSIX-style Etc names invert the sign: UTC+2 is "Etc/GMT-2".
        name = f"Etc/GMT{-hours:+d}"
        sign = "+" if hours > 0 else "-"
        # The caller says it has no daylight-saving changes (`Etc/` zones), in the user's words.
        return ZoneMatch(name, f"UTC{sign}{abs(hours):02d}:00")
    zone = _PARTIAL_OFFSET_ZONES.get(minutes)
    if zone is None:
        return None
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return ZoneMatch(zone, f"UTC{sign}{hours:02d}:{rest:02d} ({zone})")


def _resolve(text: str) -> ZoneMatch | None:
    cleaned = _clean(text).replace("−", "-")
    if not cleaned:
        return None
    compact = cleaned.replace(" ", "")
    if compact in _UTC_WORDS:
        return ZoneMatch("UTC", "UTC")
    offset = _OFFSET.fullmatch(cleaned)
    if offset is not None:
        minutes = int(offset["hours"]) * 60 + int(offset["minutes"] or 0)
        if int(offset["minutes"] or 0) > 59:
            return None
        return _offset_match(-minutes if offset["sign"] == "-" else minutes)

    full, cities, aliases = _zone_indexes()
    key = _zone_key(cleaned)
    # A full "Region/City" name first; legacy bare names ("Japan", "GB") only after aliases,
    # so "Japan" resolves to Asia/Tokyo rather than its old link.
    if "/" in key and key in full:
        return ZoneMatch(full[key], full[key])
    if key in aliases:
        place, zone = aliases[key]
        return ZoneMatch(zone, _city_label(place, zone))
    if key in cities:
        zone = cities[key]
        return ZoneMatch(zone, _city_label(zone.rsplit("/", 1)[-1].replace("_", " "), zone))
    if key in full:
        return ZoneMatch(full[key], full[key])
    return None


def resolve_timezone(text: str) -> ZoneMatch | None:
    """Find the IANA zone for a zone name, city, country, or UTC offset someone typed."""
    match = _resolve(text)
    if match is None and "," in text:
        # "Berlin, Germany" or "Austin, TX": the place before the comma is the useful part.
        match = _resolve(text.split(",", 1)[0])
    if match is None or not _loads(match.name):
        return None
    return match


def timezone_from_location(latitude: float, longitude: float) -> str | None:
    """Return the IANA zone covering a shared location, or None if there is none."""
    if not (math.isfinite(latitude) and math.isfinite(longitude)):
        return None
    if not (-90.0 <= latitude <= 90.0 and -180.0 <= longitude <= 180.0):
        return None
    try:
        name = tzfpy.get_tz(longitude, latitude)  # longitude first
    except (ValueError, RuntimeError):
        return None
    if not name or not _loads(name):
        return None
    return name


# --- Durations and counts --------------------------------------------------------------------

# Every number as a single word, in any of the bot's languages.
_ANY_NUMBER_WORDS: dict[str, int] = {**NUMBER_WORDS, **_FOREIGN_NUMBER_WORDS}
_HOURS_PER_UNIT: dict[str, float] = {
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), 1 / 60),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), 1.0),
    **dict.fromkeys(("d", "day", "days"), 24.0),
    **dict.fromkeys(("weekend", "weekends"), 48.0),
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks"), 168.0),
    **dict.fromkeys(("fortnight", "fortnights"), 336.0),
    **_keyed(
        {
            **dict.fromkeys(
                ("minuto", "minutos", "Minuten", "минута", "минуту", "минуты", "минут", "мин"),
                1 / 60,
            ),
            **dict.fromkeys(
                ("hora", "horas", "Stunde", "Stunden", "Std", "heure", "heures", "час", "часа",
                 "часов", "ч"),
                1.0,
            ),
            **dict.fromkeys(
                ("día", "días", "Tag", "Tage", "Tagen", "jour", "jours", "journée", "journées",
                 "dia", "dias", "день", "дня", "дней", "сутки", "суток"),
                24.0,
            ),
            **dict.fromkeys(("Wochenende", "Wochenenden", "выходные"), 48.0),
            **dict.fromkeys(
                ("semana", "semanas", "Woche", "Wochen", "semaine", "semaines", "неделя",
                 "неделю", "недели", "недель", "нед"),
                168.0,
            ),
        }
    ),
}  # fmt: skip
# Russian has no article: "сутки", "день", "неделю" on their own are one of them, and
# "полдня" is half of one.
_WHOLE_UNITS: dict[str, float] = _keyed(
    {
        "час": 1.0, "день": 24.0, "сутки": 24.0, "неделю": 168.0, "неделя": 168.0,
        "минуту": 1 / 60, "полчаса": 0.5, "полдня": 12.0, "полсуток": 12.0, "полнедели": 84.0,
    }
)  # fmt: skip
# "half a day", "medio día", "ein halber Tag", "une demi-journée", "meio dia".
_HALF_WORDS = frozenset(
    _keyed(
        dict.fromkeys(
            ("half", "medio", "media", "halb", "halbe", "halben", "halber", "halbes", "demi",
             "demie", "meio", "meia", "пол", "половина"),
            0.5,
        )
    )
)  # fmt: skip
# "anderthalb Tage", "полтора дня": one and a half in a word.
_FRACTION_WORDS: dict[str, float] = _keyed(
    {"anderthalb": 1.5, "eineinhalb": 1.5, "zweieinhalb": 2.5, "dreieinhalb": 3.5,
     "полтора": 1.5, "полторы": 1.5}
)  # fmt: skip
# Words for "one" that also say "a": "a half day", "einen halben Tag", "une demi-heure".
_ONE_WORDS = frozenset(
    ("a", "an", "un", "una", "une", "ein", "eine", "einen", "einem", "einer", "um", "uma")
)
_FOREIGN_HALF_WORDS = _HALF_WORDS - {"half"}
_AND_WORDS = frozenset(("and", ",", "y", "e", "et", "und", "и"))
_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+")
_DURATION_TOKEN = re.compile(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+|[^\W\d_]+|\S")
# "a couple of days", "a few hours": vague amounts read as their smallest sensible number.
_VAGUE_AMOUNTS = (
    (re.compile(r"\b(?:a\s)?couple(?:\sof)?(?=\s[a-z])"), "2"),
    (re.compile(r"\ba\sfew(?=\s[a-z])"), "3"),
    (re.compile(r"\b(?:(?:un|um)\spar(?:\sde)?|ein\spaar|пар[уа])(?=\s[^\W\d_])"), "2"),
    (
        re.compile(
            r"\b(?:unos|unas|algunos|algunas|quelques|alguns|algumas|uns|umas|einige"
            r"|несколько)(?=\s[^\W\d_])"
        ),
        "3",
    ),
)
_UNTIL = _folded_pattern(
    r"(?:until|untill|till|til|through|thru|up\s(?:to|until)"
    r"|bis(?:\s(?:zum|zur|am))?|hasta(?:\s(?:el|la))?|jusqu\s?(?:a|au)|até(?:\s(?:a|o))?"
    r"|до)\s(?P<rest>.+)"
)
_TOMORROW = _keyed(
    dict.fromkeys(("tomorrow", "tmrw", "tmr", "mañana", "morgen", "demain", "amanhã", "завтра"), 1)
)
_MORNING = _folded_pattern(
    r"(?:in\sthe\s)?morning|früh|morgens?|am\smorgen|(?:por|en|de)\sla\smañana"
    r"|(?:du|le|au)\smatin|matin|(?:de|pela|na)\smanhã|утром|утра|с\sутра"
)
# "until friday" runs to this local time that day (and "until monday morning" too).
UNTIL_DAY_AT = datetime.time(9, 0)


def _amount(token: str) -> float | None:
    if _DECIMAL.fullmatch(token):
        return float(token)
    if token in ("a", "an"):
        return 1.0
    if token in _HALF_WORDS:
        return 0.5
    if token in _FRACTION_WORDS:
        return _FRACTION_WORDS[token]
    value = _ANY_NUMBER_WORDS.get(token)
    return None if value is None else float(value)


def _hours_until(rest: str, now: datetime.datetime | None, zone: str | None) -> float | None:
    """Hours from `now` until a day named after "until": "friday", "tomorrow", "monday 6pm";
    also "viernes", "morgen", "vendredi", "sexta-feira", "пятницы".

    The window ends at UNTIL_DAY_AT (09:00) local time that day, also for "monday morning",
    unless a time is given ("until friday 6pm").
    Weekdays are the next one strictly after today, so "until friday" said on a Friday means
    a week. `zone` is the IANA zone of "local"; without it, `now`'s own zone (UTC if naive).
    """
    if now is None:
        return None
    match = _UNTIL_DAY.fullmatch(rest)
    if match is None:
        return None
    try:
        tz: datetime.tzinfo = zoneinfo.ZoneInfo(zone) if zone else (now.tzinfo or datetime.UTC)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return None
    if now.tzinfo is None:
        now = now.replace(tzinfo=datetime.UTC)
    local = now.astimezone(tz)
    day = match["day"]
    if day in _TOMORROW:
        ahead = 1
    elif day in _WEEKDAYS:
        ahead = (_WEEKDAYS[day] - local.weekday() - 1) % 7 + 1
    else:
        return None
    at_text = match["at"]
    at = UNTIL_DAY_AT
    if at_text is not None and not _MORNING.fullmatch(at_text):
        typed = parse_time_of_day(at_text)
        if typed is None:
            return None  # "until friday evening": say a time instead
        at = typed
    try:
        target = datetime.datetime.combine(
            local.date() + datetime.timedelta(days=ahead), at, tzinfo=tz
        )
    except OverflowError:
        return None
    # Subtract in UTC: the same tzinfo on both sides would give wall-clock hours across DST.
    seconds = (target.astimezone(datetime.UTC) - now.astimezone(datetime.UTC)).total_seconds()
    return seconds / 3600 if seconds > 0 else None


def parse_hours(
    text: str, *, now: datetime.datetime | None = None, zone: str | None = None
) -> float | None:
    """Read a duration in hours, in any of the bot's languages.

    Amounts with units: "36", "36h", "1.5 days", "a day", "1 day 12 hours", "a day and a
    half", "one and a half days", "half a day", "a weekend" (48), "a couple of days" (48);
    "24 horas", "dos días", "un día y medio", "48 Stunden", "anderthalb Tage", "deux jours",
    "un jour et demi", "um dia e meio", "48 часов", "сутки" (24), "двое суток", "полтора
    дня" (36). A bare number is hours. With `now` (and the person's `zone`), also the time
    left until a day: "until friday", "till tomorrow", "through Monday morning", "bis
    Freitag", "hasta el viernes", "jusqu'à vendredi", "até sexta", "до пятницы" run to 09:00
    local time that day (see _hours_until); without `now` those are None.
    """
    cleaned = _key(re.sub(r"(?<=\d),(?=\d)", ".", _clean(text)))
    if (until := _UNTIL.fullmatch(cleaned)) is not None:
        return _hours_until(until["rest"], now, zone)
    for pattern, number in _VAGUE_AMOUNTS:
        cleaned = pattern.sub(number, cleaned)
    tokens = [t for t in _DURATION_TOKEN.findall(cleaned) if t not in _AND_WORDS]
    if not tokens:
        return None
    total = 0.0
    segments = 0
    unitless = False
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token in _WHOLE_UNITS:  # "сутки", "полдня": the unit counts itself
            total += _WHOLE_UNITS[token]
            segments += 1
            i += 1
            continue
        amount = _amount(token)
        if amount is None:
            return None
        i += 1
        bare_number = bool(_DECIMAL.fullmatch(token)) or token in _ANY_NUMBER_WORDS
        following = tokens[i : i + 2]
        if token == "half" and following[:1] in (["a"], ["an"]):
            i += 1  # "half a day", "half an hour"
        elif token in _ONE_WORDS and following[:1] and following[0] in _HALF_WORDS:
            amount, bare_number = 0.5, False  # "a half day", "einen halben Tag"
            i += 1
        elif bare_number and following == ["a", "half"]:
            amount, bare_number = amount + 0.5, False  # "one and a half days"
            i += 2
        if i < len(tokens) and tokens[i] in _HOURS_PER_UNIT:
            unit = _HOURS_PER_UNIT[tokens[i]]
            total += amount * unit
            i += 1
            # "a day and a half", "un día y medio", "ein Tag und ein halber", unless the half
            # has its own unit ("… and a half hour").
            after = tokens[i : i + 2]
            half = 0
            if len(after) == 2 and after[0] in _ONE_WORDS and after[1] in _HALF_WORDS:
                half = 2
            elif after[:1] and after[0] in _FOREIGN_HALF_WORDS:
                half = 1
            if half and (i + half == len(tokens) or tokens[i + half] not in _HOURS_PER_UNIT):
                total += unit / 2
                i += half
        elif not bare_number:
            return None  # "a" or "half" on its own says nothing
        else:
            # A bare number means hours, but only when it is the whole answer.
            unitless = True
            total += amount
        segments += 1
    if unitless and segments > 1:
        return None
    if not math.isfinite(total):
        return None
    return total


_VAGUE_NUMBERS: dict[str, int] = {
    **dict.fromkeys(("a couple", "couple", "a couple of", "a pair", "a pair of"), 2),
    **dict.fromkeys(("a few", "few"), 3),
    **_keyed(
        {
            **dict.fromkeys(
                ("un par", "un par de", "ein paar", "um par", "um par de", "пару", "пара",
                 "парочку", "парочка"),
                2,
            ),
            **dict.fromkeys(
                ("unos", "unas", "unos cuantos", "unas cuantas", "algunos", "algunas",
                 "einige", "einigen", "quelques", "alguns", "algumas", "uns", "umas",
                 "несколько"),
                3,
            ),
        }
    ),
}  # fmt: skip
_NUMBER_LEAD = _folded_pattern(
    r"^(?:(?:about|around|roughly|approximately|approx|maybe|like|at\sleast|circa|ca"
    r"|como|unos|unas|cerca\sde|alrededor\sde|al\smenos|etwa|ungefähr|mindestens"
    r"|environ|à\speu\sprès|au\smoins|uns|umas|pelo\smenos|mais\sde"
    r"|около|примерно|где[\s-]то|почти|как\sминимум)\s+|~\s*)+"
)
_NUMBER_TRAIL = _folded_pattern(
    r"(?:\s*-?\s*ish|\s+or\s+so|\s+or\s+more|\s*\+|\s+o\smás|\s+oder\smehr|\s+ou\splus"
    r"|\s+ou\smais|\s+или\sбольше|\s+с\sлишним)$"
)
# "five or six", "5-6", "dos o tres", "zwei oder drei", "deux ou trois", "dois a três",
# "два или три".
_NUMBER_RANGE = re.compile(
    r"(?P<low>.+?)(?:\s+(?:or|to|o|a|oder|bis|ou|или)\s+|\s*[-–—]\s*)(?P<high>.+)"
)
_DIGITS = re.compile(r"\d{1,7}", re.ASCII)


def _single_number(text: str) -> int | None:
    """One number as digits or a single number word in any of the bot's languages."""
    if _DIGITS.fullmatch(text):
        return int(text)
    return _ANY_NUMBER_WORDS.get(text)


def parse_number_word(text: str) -> int | None:
    """Read a whole number people typed: "3", "three", "drei", "trois", "три", "5+", "a
    couple" (2), "a few" (3), "ein paar" (2), "несколько" (3), "about 5", "etwa 5", "около
    пяти", "5ish", and a range as its lower end ("five or six", "два или три" → the lower).

    Number words go from zero to twenty in English and Russian (with the case forms people
    type: "двух", "трёх", "двое") and zero to ten in Spanish, German, French and Portuguese
    (accents optional). None for anything else, including negatives and fractions.
    """
    cleaned = _fold_accents(_clean(text))
    if cleaned in _VAGUE_NUMBERS:  # before the leads: "unos cuantos" is not "unos 5"
        return _VAGUE_NUMBERS[cleaned]
    cleaned = _NUMBER_TRAIL.sub("", _NUMBER_LEAD.sub("", cleaned)).strip()
    if cleaned in _VAGUE_NUMBERS:
        return _VAGUE_NUMBERS[cleaned]
    single = _single_number(cleaned)
    if single is not None:
        return single
    spread = _NUMBER_RANGE.fullmatch(cleaned)
    if spread is None:
        return None
    low, high = _single_number(spread["low"]), _single_number(spread["high"])
    return None if low is None or high is None else min(low, high)


# core.listening counts these English words among its non-answers.
_NOBODY = frozenset({"none", "no one", "noone", "no-one", "nobody", "zero", "nil", "not one"})
_NOBODY_WORDS = _phrases(
    *_NOBODY,
    # es
    "nadie", "ninguno", "ninguna", "ningún", "ni uno", "ni una", "nada",
    # de
    "niemand", "keiner", "keine", "keins", "kein", "gar keine", "nichts",
    # fr
    "personne", "aucun", "aucune", "pas un", "pas une", "rien",
    # pt
    "ninguém", "nenhum", "nenhuma", "nem um", "nem uma",
    # ru
    "никого", "никто", "ни одного", "ни одной", "ни один", "ни одна", "нисколько",
)  # fmt: skip
MAX_COUNT = 1000


def parse_count(text: str) -> int | None:
    """Read a small whole number: "3", "three", "5+", "none", "a couple"; see parse_number_word.
    "Nobody" in every language is 0: "nadie", "keine", "personne", "nenhum", "никого".

    At most MAX_COUNT.
    """
    if _plain(text) in _NOBODY_WORDS:
        return 0
    value = parse_number_word(text)
    return value if value is not None and value <= MAX_COUNT else None


# --- Dates -----------------------------------------------------------------------------------

_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(
    (
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ),
    start=1,
):
    _MONTHS[_name] = _number
    _MONTHS[_name[:3]] = _number
_MONTHS["sept"] = 9
# The other languages, with their usual abbreviations and the Russian case forms ("15
# марта", "в конце марта", "в марте").
_MONTHS.update(
    _keyed(
        {
            # es
            "enero": 1, "ene": 1, "febrero": 2, "marzo": 3, "abril": 4, "abr": 4, "mayo": 5,
            "junio": 6, "julio": 7, "agosto": 8, "ago": 8, "septiembre": 9, "setiembre": 9,
            "octubre": 10, "noviembre": 11, "diciembre": 12, "dic": 12,
            # de
            "Januar": 1, "Jänner": 1, "Februar": 2, "März": 3, "Mai": 5, "Juni": 6, "Juli": 7,
            "Oktober": 10, "Okt": 10, "Dezember": 12, "Dez": 12,
            # fr
            "janvier": 1, "janv": 1, "février": 2, "févr": 2, "fév": 2, "mars": 3, "avril": 4,
            "avr": 4, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "septembre": 9,
            "octobre": 10, "novembre": 11, "décembre": 12,
            # pt
            "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7,
            "setembro": 9, "set": 9, "outubro": 10, "out": 10, "novembro": 11, "dezembro": 12,
            # ru
            "январь": 1, "января": 1, "январе": 1, "янв": 1,
            "февраль": 2, "февраля": 2, "феврале": 2, "фев": 2,
            "март": 3, "марта": 3, "марте": 3, "мар": 3,
            "апрель": 4, "апреля": 4, "апреле": 4, "апр": 4,
            "май": 5, "мая": 5, "мае": 5,
            "июнь": 6, "июня": 6, "июне": 6, "июн": 6,
            "июль": 7, "июля": 7, "июле": 7, "июл": 7,
            "август": 8, "августа": 8, "августе": 8, "авг": 8,
            "сентябрь": 9, "сентября": 9, "сентябре": 9, "сен": 9, "сент": 9,
            "октябрь": 10, "октября": 10, "октябре": 10, "окт": 10,
            "ноябрь": 11, "ноября": 11, "ноябре": 11, "ноя": 11, "нояб": 11,
            "декабрь": 12, "декабря": 12, "декабре": 12, "дек": 12,
        }
    )
)  # fmt: skip

_WEEKDAYS: dict[str, int] = {}
for _number, _name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
):
    _WEEKDAYS[_name] = _number
    _WEEKDAYS[_name[:3]] = _number
_WEEKDAYS.update({"tues": 1, "thur": 3, "thurs": 3})
# The other languages, with abbreviations that aren't also common words (no German "Do",
# "So", no Spanish "mar" for March's sake), and the Russian case forms ("в пятницу", "до
# пятницы", "к пятнице").
_WEEKDAYS.update(
    _keyed(
        {
            # es
            "lunes": 0, "lun": 0, "martes": 1, "miércoles": 2, "mié": 2, "jueves": 3, "jue": 3,
            "viernes": 4, "vie": 4, "sábado": 5, "sáb": 5, "domingo": 6, "dom": 6,
            # de
            "Montag": 0, "Dienstag": 1, "Mittwoch": 2, "Donnerstag": 3, "Freitag": 4,
            "Samstag": 5, "Sonnabend": 5, "Sonntag": 6,
            # fr ("lun" as above)
            "lundi": 0, "mardi": 1, "mercredi": 2, "mer": 2, "jeudi": 3, "jeu": 3,
            "vendredi": 4, "ven": 4, "samedi": 5, "dimanche": 6,
            # pt ("sábado", "domingo" as above)
            "segunda": 0, "segunda-feira": 0, "seg": 0, "terça": 1, "terça-feira": 1, "ter": 1,
            "quarta": 2, "quarta-feira": 2, "quinta": 3, "quinta-feira": 3, "sexta": 4,
            "sexta-feira": 4,
            # ru
            "понедельник": 0, "понедельника": 0, "понедельнику": 0, "пн": 0,
            "вторник": 1, "вторника": 1, "вторнику": 1, "вт": 1,
            "среда": 2, "среду": 2, "среды": 2, "среде": 2, "ср": 2,
            "четверг": 3, "четверга": 3, "четвергу": 3, "чт": 3,
            "пятница": 4, "пятницу": 4, "пятницы": 4, "пятнице": 4, "пт": 4,
            "суббота": 5, "субботу": 5, "субботы": 5, "субботе": 5, "сб": 5,
            "воскресенье": 6, "воскресенья": 6, "воскресенью": 6, "вс": 6,
        }
    )
)  # fmt: skip
_WEEKDAY = _alternation(_WEEKDAYS)

# "until friday 6pm", "bis morgen früh", "hasta el viernes", "до следующей пятницы".
_UNTIL_DAY = _folded_pattern(
    r"(?:(?:next|this|on|the|el|la|le|o|a|am|zum|nächsten|próximo|próxima|ce|следующей"
    r"|следующего)\s)?"
    rf"(?P<day>{_alternation((*_TOMORROW, *_WEEKDAYS))})(?:\s(?P<at>.+))?"
)

# Words counted in "in 2 weeks", "next month", "end of the year", by what they count.
_DATE_UNITS: dict[str, str] = {
    **dict.fromkeys(("day", "days"), "day"),
    **dict.fromkeys(("week", "weeks"), "week"),
    **dict.fromkeys(("fortnight", "fortnights"), "fortnight"),
    **dict.fromkeys(("month", "months"), "month"),
    **dict.fromkeys(("year", "years"), "year"),
    **_keyed(
        {
            **dict.fromkeys(
                ("día", "días", "Tag", "Tage", "Tagen", "jour", "jours", "dia", "dias",
                 "день", "дня", "дней"),
                "day",
            ),
            **dict.fromkeys(
                ("semana", "semanas", "Woche", "Wochen", "semaine", "semaines", "неделя",
                 "неделю", "недели", "недель", "неделе"),
                "week",
            ),
            **dict.fromkeys(
                ("mes", "meses", "Monat", "Monate", "Monaten", "Monats", "mois", "месяц",
                 "месяца", "месяцев", "месяце"),
                "month",
            ),
            **dict.fromkeys(
                ("año", "años", "Jahr", "Jahre", "Jahren", "Jahres", "an", "ans", "année",
                 "années", "ano", "anos", "год", "года", "году", "лет"),
                "year",
            ),
        }
    ),
}  # fmt: skip
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}


def _unit_words(kind: str) -> str:
    return _alternation(word for word, unit in _DATE_UNITS.items() if unit == kind)


_MONTH_UNIT = _unit_words("month")
_YEAR_UNIT = _unit_words("year")
_WEEK_UNIT = _unit_words("week")
# "next week", "nächste Woche", "el mes que viene", "la semaine prochaine", "на следующей
# неделе": "next" before the unit, or after it.
_NEXT_BEFORE = (
    r"next|próximo|próxima|nächste|nächsten|nächster|nächstes|kommende|kommenden|prochain"
    r"|prochaine|следующий|следующую|следующая|следующее|следующей|следующем|следующего"
)
_NEXT_AFTER = r"que\sviene|que\svem|prochain|prochaine|próximo|próxima|qui\svient"
_NEXT_UNIT = _folded_pattern(
    rf"(?:{_NEXT_BEFORE})\s(?P<unit>{_WEEK_UNIT}|{_MONTH_UNIT})"
    rf"|(?P<after>{_WEEK_UNIT}|{_MONTH_UNIT})\s(?:{_NEXT_AFTER})"
)
# The words people put before a date that don't change it: "on", "by", "el", "am", "le",
# "na", "в", "до"… Peeled one at a time until the rest reads as a date.
_DATE_LEAD = _folded_pattern(
    r"^(?:on|by|until|till|before|the"
    r"|el|la|los|las|a|al|en|para|hasta|antes\sdel?"
    # Not German "vor": "vor 3 Tagen" is three days ago.
    r"|am|im|an|zum|zur|bis|spätestens"
    r"|le|les|au|pour|avant|avant\sle|d\sici|jusqu\sa|jusqu\sau"
    r"|o|os|as|ao|em|no|na|até|dia"
    r"|в|во|на|к|ко|до|не\sпозже)\s"
)
_ORDINAL = _fold_accents(r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|\.|-?го)?")
_MONTH_WORD = r"(?P<month>[^\W\d_]+)"
_YEAR = _fold_accents(r"(?:\s(?:de\s)?(?P<year>\d{4}))?(?:\s(?:г|года))?")
# "10 December", "15 de marzo", "15. März", "le 15 mars", "15 марта".
_DAY_MONTH = re.compile(rf"{_ORDINAL}(?:\s|(?<=\.))(?:(?:of|de)\s)?{_MONTH_WORD}{_YEAR}")
_MONTH_DAY = re.compile(rf"{_MONTH_WORD}\s{_ORDINAL}{_YEAR}")
_ISO = re.compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})")
_NUMERIC = re.compile(r"(?P<day>\d{1,2})[./-](?P<month>\d{1,2})(?:[./-](?P<year>\d{4}|\d{2}))?")
# "in 2 weeks", "two weeks", "a couple of weeks", "in a fortnight", "3 days from now",
# "en dos semanas", "in zwei Wochen", "dans deux semaines", "daqui a duas semanas", "через
# две недели".
_IN_AMOUNT = _folded_pattern(
    r"(?:(?:in|en|dentro\sde|dans|em|daqui\sa|через)\s)?"
    r"(?P<amount>\d+|a\scouple(?:\sof)?|couple\sof|a\sfew|(?:un|um)\spar\sde|ein\spaar"
    r"|[^\W\d_]+)"
    rf"\s(?P<unit>{_alternation(_DATE_UNITS)})"
    r"(?:\s(?:from\s(?:now|today)|time|later))?"
)
# Russian has no article: "через неделю" is in a week.
_IN_ONE = _folded_pattern(rf"через\s(?P<unit>{_alternation(_DATE_UNITS)})")
# "the 15th", "15th", "the 15": a day of the month, the next one after today; also "el 15",
# "am 15.", "le 15", "dia 15", "1er", "15-го", "15 числа".
_DAY_OF_MONTH = _folded_pattern(
    r"(?:the\s)?(?P<day>\d{1,2})(?:st|nd|rd|th|er|-?го(?:\sчисла)?|\sчисла)"
    r"|(?:the|el|le|am|den|dia)\s(?P<bare>\d{1,2})"
)
_THIS = r"(?:(?:the|this|el|este|des|dieses|du|ce|do|deste|desse|l|этого|текущего)\s)?"
# "end of", "fin de", "finales de", "Ende", "fin du", "fim do", "конец", "в конце".
_END = (
    r"(?:(?:the\s)?end\sof|fin(?:ales|al)?\s(?:de|del|du|d)|fin|ende|fim\s(?:de|do|da)"
    r"|final\s(?:do|da)|конец|конце|концу|конца)"
)
_MID = (
    r"(?:mid|the\smiddle\sof|middle\sof|mitad\sdel?|mediados\sdel?|mitte|mi"
    r"|milieu\s(?:du|de|d)|meados\s(?:de|do|da)|meio\s(?:do|de|da)|середине|середина|середину)"
)
_NEXT_MONTH = rf"(?:(?:{_NEXT_BEFORE})\s(?:{_MONTH_UNIT})|(?:{_MONTH_UNIT})\s(?:{_NEXT_AFTER}))"
_END_OF_MONTH = _folded_pattern(
    rf"{_END}\s{_THIS}(?:{_MONTH_UNIT})|(?:this\s)?month\send|eom|monatsende"
)
_END_OF_NEXT_MONTH = _folded_pattern(rf"{_END}\s{_THIS}{_NEXT_MONTH}")
_END_OF_YEAR = _folded_pattern(
    rf"{_END}\s{_THIS}(?:{_YEAR_UNIT})|(?:this\s)?year\send|eoy|jahresende"
)
_END_OF_NAMED_MONTH = _folded_pattern(rf"{_END}\s(?P<month>[^\W\d_]+)")
_MID_MONTH = _folded_pattern(rf"{_MID}\s{_THIS}(?:{_MONTH_UNIT})|monatsmitte")
_MID_NEXT_MONTH = _folded_pattern(rf"{_MID}\s{_THIS}{_NEXT_MONTH}")
_MID_NAMED_MONTH = _folded_pattern(rf"{_MID}\s(?P<month>[^\W\d_]+)")
# "friday", "next friday", "this coming friday", "el próximo viernes", "nächsten Freitag",
# "vendredi prochain", "na próxima sexta-feira", "в следующую пятницу": the coming one.
_WEEKDAY_DATE = _folded_pattern(
    rf"(?:(?:{_NEXT_BEFORE}|this(?:\scoming)?|coming|on|este|esta|diesen|dieser|kommenden"
    r"|ce|cette|nesta|neste|essa|esse|эту|этот|это|ближайшую|ближайший|ближайшее)\s)?"
    rf"(?P<day>{_WEEKDAY})(?:\s(?:{_NEXT_AFTER}|kommenden))?"
)
# "tomorrow" and friends, as days after today.
_DAYS_AHEAD: dict[str, int] = {
    **dict.fromkeys(("today", "tonight"), 0),
    **dict.fromkeys(("tomorrow", "tmrw", "tmr"), 1),
    **dict.fromkeys(("day after tomorrow", "the day after tomorrow"), 2),
    **_keyed(
        {
            **dict.fromkeys(
                ("hoy", "esta noche", "heute", "heute Abend", "aujourd'hui", "ce soir", "hoje",
                 "hoje à noite", "сегодня", "сегодня вечером"),
                0,
            ),
            **_TOMORROW,
            **dict.fromkeys(
                ("pasado mañana", "übermorgen", "après-demain", "depois de amanhã",
                 "послезавтра"),
                2,
            ),
        }
    ),
}  # fmt: skip
MID_MONTH_DAY = 15


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _add_months(day: datetime.date, months: int) -> datetime.date | None:
    """Same day of month `months` later, clamped to the month's end (Jan 31 + 1 → Feb 28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        return None
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _month_end(day: datetime.date | None) -> datetime.date | None:
    """The last day of `day`'s month."""
    if day is None:
        return None
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _upcoming(day: int, month: int, today: datetime.date) -> datetime.date | None:
    """A day and month without a year: this year, or next year once it has passed."""
    this_year = _safe_date(today.year, month, day)
    if this_year is not None and this_year >= today:
        return this_year
    # Also covers 29 February in a year that has none.
    return _safe_date(today.year + 1, month, day)


def _next_day_of_month(day: int, today: datetime.date) -> datetime.date | None:
    """The first date after today that falls on this day of the month ("the 31st" skips
    months without one)."""
    if not 1 <= day <= 31:
        return None
    start = today + datetime.timedelta(days=1)
    for months in range(13):
        first = _add_months(start.replace(day=1), months)
        if first is None:
            return None
        candidate = _safe_date(first.year, first.month, day)
        if candidate is not None and candidate >= start:
            return candidate
    return None


def _with_year(
    day: int, month: int, year: str | None, today: datetime.date
) -> datetime.date | None:
    if year is None:
        return _upcoming(day, month, today)
    full_year = int(year) + (2000 if len(year) == 2 else 0)
    return _safe_date(full_year, month, day)


def _amount_of(text: str) -> int | None:
    """The count in "in <amount> weeks": digits, "a", "two", "a couple of", "a few"."""
    if text in ("a", "an"):
        return 1
    return parse_number_word(text)


def _period_end_or_middle(cleaned: str, today: datetime.date) -> datetime.date | None:
    """ "end of the month", "end of next month", "end of the year", "end of june", "mid-month";
    "fin de mes", "Monatsende", "fin du mois", "fim do mês", "в конце месяца", "mitad de
    mes", "Mitte des Monats", "mi-mars", "meados do mês", "в середине месяца"…

    "End of the month" said on its last day means the end of next month, and "end of the
    year" on 31 December the end of next year: a target should lie ahead. Named months
    and mid-month are likewise the next one after today. "Mid-month" is the 15th.
    """
    if _END_OF_MONTH.fullmatch(cleaned):
        end = _month_end(today)
        return _month_end(_add_months(today.replace(day=1), 1)) if end == today else end
    if _END_OF_NEXT_MONTH.fullmatch(cleaned):
        return _month_end(_add_months(today.replace(day=1), 1))
    if _END_OF_YEAR.fullmatch(cleaned):
        year = today.year + (1 if (today.month, today.day) == (12, 31) else 0)
        return _safe_date(year, 12, 31)
    if _MID_MONTH.fullmatch(cleaned):
        return _next_day_of_month(MID_MONTH_DAY, today)
    if _MID_NEXT_MONTH.fullmatch(cleaned):
        next_month = _add_months(today.replace(day=1), 1)
        return None if next_month is None else next_month.replace(day=MID_MONTH_DAY)
    tomorrow = today + datetime.timedelta(days=1)
    for pattern in (_END_OF_NAMED_MONTH, _MID_NAMED_MONTH):
        match = pattern.fullmatch(cleaned)
        if match is not None and match["month"] in _MONTHS:
            month = _MONTHS[match["month"]]
            if pattern is _MID_NAMED_MONTH:
                return _upcoming(MID_MONTH_DAY, month, tomorrow)
            this_year = _month_end(datetime.date(today.year, month, 1))
            if this_year is not None and this_year > today:
                return this_year
            return _month_end(_safe_date(today.year + 1, month, 1))
    return None


def _relative(cleaned: str, today: datetime.date) -> datetime.date | None:
    if cleaned in _DAYS_AHEAD:
        return today + datetime.timedelta(days=_DAYS_AHEAD[cleaned])
    if (next_unit := _NEXT_UNIT.fullmatch(cleaned)) is not None:
        # "Next week" is seven days on, "next month" the same day next month.
        if _DATE_UNITS[next_unit["unit"] or next_unit["after"]] == "week":
            return today + datetime.timedelta(days=7)
        return _add_months(today, 1)
    match = _IN_AMOUNT.fullmatch(cleaned)
    amount = None if match is None else _amount_of(match["amount"])
    if match is None or amount is None:  # not "mid month"
        match, amount = _IN_ONE.fullmatch(cleaned), 1
    if match is not None:
        unit = _DATE_UNITS[match["unit"]]
        if unit == "month":
            return _add_months(today, amount)
        if unit == "year":
            return _add_months(today, amount * 12)
        return today + datetime.timedelta(days=amount * _UNIT_DAYS[unit])
    weekday = _WEEKDAY_DATE.fullmatch(cleaned)
    if weekday is not None:
        # Strictly after today: "friday" said on a Friday means the next one. "Next friday"
        # and "this friday" are the same coming Friday.
        ahead = (_WEEKDAYS[weekday["day"]] - today.weekday() - 1) % 7 + 1
        return today + datetime.timedelta(days=ahead)
    return _period_end_or_middle(cleaned, today)


def _date_of(cleaned: str, today: datetime.date) -> datetime.date | None:
    """The date a cleaned answer names, or None; see parse_target_date."""
    if match := _DAY_OF_MONTH.fullmatch(cleaned):
        return _next_day_of_month(int(match["day"] or match["bare"]), today)
    relative = _relative(cleaned, today)
    if relative is not None:
        return relative
    if match := _ISO.fullmatch(cleaned):
        return _safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
    if match := _NUMERIC.fullmatch(cleaned):
        return _with_year(int(match["day"]), int(match["month"]), match["year"], today)
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        match = pattern.fullmatch(cleaned)
        if match is not None and match["month"] in _MONTHS:
            return _with_year(int(match["day"]), _MONTHS[match["month"]], match["year"], today)
    return None


def parse_target_date(text: str, today: datetime.date) -> datetime.date | None:
    """Read a calendar date on or after `today`, the person's local date, in any of the
    bot's languages.

    Dates: "2026-12-10", "10.12", "Dec 10", "the 15th" (the next 15th after today), "el 15
    de marzo", "am 15. März", "le 15 mars", "15 de março", "15 марта". A day and month
    without a year are the next ones on or after today; with a year, that very date.
    Relative: "tomorrow" (+1), "in 2 weeks", "two weeks", "in a month" (same day, clamped to
    the month's end), "next week" (+7), "next friday"/"this friday"/"friday" (the coming
    one, strictly after today), "end of the month", "end of next month", "mid-month"; and
    "mañana", "übermorgen", "en dos semanas", "nächste Woche", "el próximo viernes",
    "vendredi prochain", "na próxima sexta-feira", "в следующую пятницу", "fin de mes",
    "Monatsende", "fin du mois", "fim do mês", "в конце месяца", "mi-mars"…
    """
    # "Dec. 10, 2026" → "dec 10 2026"; "two weeks' time" → "two weeks time"
    cleaned = re.sub(r"(?<=[^\W\d_])\.", "", _clean(text)).replace(",", " ")
    candidate = _key(cleaned)
    try:
        while candidate:
            found = _date_of(candidate, today)
            if found is not None:
                return found
            lead = _DATE_LEAD.match(candidate)
            if lead is None:
                return None
            candidate = candidate[lead.end() :]
    except OverflowError:  # past year 9999
        return None
    return None


# --- Short answers: yes/no, days ago, moods, typed choices -----------------------------------

_YES = _phrases(
    "yes", "yes please", "yeah", "yea", "yah", "ya", "yep", "yup", "y", "sure", "sure thing",
    "ok", "okay", "okey", "okie", "alright", "all right", "of course", "ofc", "definitely",
    "absolutely", "certainly", "yes definitely", "yes of course", "sounds good",
    # es
    "sí", "claro", "vale", "por supuesto", "claro que sí", "sí claro",
    # de
    "ja", "jep", "jo", "klar", "na klar", "ja klar", "genau", "natürlich", "jawohl", "gerne",
    # fr
    "oui", "ouais", "bien sûr", "d'accord", "carrément", "oui bien sûr",
    # es, de, fr, pt: the rest
    "sí por favor", "desde luego", "dale", "ja bitte", "ja gerne", "gern", "auf jeden fall",
    "sicher", "oui merci", "évidemment", "volontiers", "d'acc", "pode ser", "sim por favor",
    "tá bom", "ta bom", "beleza",
    # pt
    "sim", "com certeza", "claro que sim", "sim claro",
    # ru
    "да", "ага", "угу", "конечно", "да конечно", "конечно да", "ок", "окей", "хорошо",
    "ладно", "давай", "да да", "ну да", "разумеется", "именно", "точно", "да пожалуйста",
    "да спасибо",
)  # fmt: skip
_NO = _phrases(
    "no", "nope", "nah", "n", "not really", "no thanks", "no thank you", "not at all",
    "no way", "never", "no no",
    # es
    "no gracias", "para nada",
    # de
    "nein", "nö", "ne", "nee", "nein danke", "gar nicht",
    # fr
    "non", "non merci", "pas vraiment", "pas du tout",
    # pt
    "não", "nao", "não obrigado", "não obrigada", "de jeito nenhum", "nem pensar", "não valeu",
    # es, de, fr, pt: the rest
    "nunca", "de ninguna manera", "claro que no", "nee danke", "auf keinen Fall",
    "nicht wirklich", "eher nicht", "lieber nicht", "jamais", "pas question", "surtout pas",
    # ru
    "нет", "не", "неа", "нет спасибо", "не надо", "нет нет", "ни за что", "не совсем",
    "никогда", "конечно нет", "да нет",
)  # fmt: skip
_YES_SYMBOLS = frozenset("👍👌✅✔☑🙆")
_NO_SYMBOLS = frozenset("👎❌✖🙅⛔🚫")


def parse_yes_no(text: str) -> bool | None:
    """Read a whole message as yes (True) or no (False), in English, Spanish, German,
    French, Portuguese or Russian: "yep", "sure!", "Sí", "ja", "ouais", "sim", "да", "👍";
    "nope", "no thanks", "nein", "non", "não", "нет", "👎".

    The whole message must be the answer: "no idea what to say" is None, not False. Case,
    accents, punctuation and stretched letters ("yesss") don't matter; an emoji next to a
    word must not contradict it ("yes 👎" is None).
    """
    words = _REPEATS.sub(r"\1", _plain(text))
    symbols = set(_symbols(text))
    if not words:
        if symbols and symbols <= _YES_SYMBOLS:
            return True
        if symbols and symbols <= _NO_SYMBOLS:
            return False
        return None
    if words in _YES:
        return None if symbols & _NO_SYMBOLS else True
    if words in _NO:
        return None if symbols & _YES_SYMBOLS else False
    return None


_DAYS_AGO: dict[str, int] = _scored(
    {
        0: (
            "today", "this morning", "this afternoon", "this evening", "tonight", "just now",
            "earlier today", "a moment ago", "moments ago", "a few minutes ago",
            "hoy", "esta mañana", "esta tarde", "esta noche", "hoy mismo",
            "heute", "heute morgen", "heute früh", "heute nachmittag", "heute abend",
            "aujourd'hui", "ce matin", "cet après-midi", "ce soir", "tout à l'heure",
            "hoje", "hoje de manhã", "esta manhã", "hoje à tarde", "hoje cedo",
            "ahora mismo", "hace un rato", "vorhin", "gerade eben", "eben", "à l'instant",
            "agora mesmo", "hoje à noite",
            "сегодня", "сегодня утром", "сегодня днём", "сегодня вечером", "этим утром",
            "утром", "днём", "вечером", "только что", "сейчас",
        ),
        1: (
            "yesterday", "last night", "yesterday morning", "yesterday afternoon",
            "yesterday evening", "yesterday night", "late last night",
            "ayer", "anoche", "ayer por la mañana", "ayer por la tarde", "ayer por la noche",
            "gestern", "gestern morgen", "gestern nachmittag", "gestern abend",
            "hier", "hier matin", "hier après-midi", "hier soir",
            "ontem", "ontem de manhã", "ontem à tarde", "ontem à noite", "ontem de noite",
            "ayer por la mañana", "ayer en la noche", "gestern früh", "gestern Nacht",
            "letzte Nacht", "la nuit dernière", "hier dans la nuit",
            "вчера", "вчера утром", "вчера днём", "вчера вечером", "вчера ночью",
            "прошлой ночью", "вчера поздно вечером",
        ),
        2: (
            "the day before yesterday", "day before yesterday",
            "anteayer", "antier", "antes de ayer", "vorgestern", "avant-hier",
            "anteontem", "antes de ontem", "позавчера",
        ),
        3: ("a few days ago", "few days ago", "на днях", "l'autre jour", "el otro día"),
        7: (
            "last week", "la semana pasada", "semana pasada", "letzte woche", "vorige woche",
            "la semaine dernière", "semaine dernière", "la semaine passée", "semana passada",
            "a semana passada", "na semana passada",
            "на прошлой неделе", "прошлая неделя", "на той неделе",
        ),
    }
)  # fmt: skip
# "<n> days ago" in each language; <n> is digits or a number word (without one, one: Russian
# "неделю назад").
_AGO_PATTERNS = tuple(
    _folded_pattern(pattern)
    for pattern in (
        r"(?:about\s|around\s|maybe\s)?(?P<n>.+?)(?:\sof)?\s(?P<unit>days?|weeks?)\sago",
        r"hace\s(?P<n>.+?)\s(?P<unit>dias?|semanas?)",
        r"vor\s(?P<n>.+?)\s(?P<unit>tagen?|tag|wochen?)",
        r"il\sy\sa\s(?P<n>.+?)\s(?P<unit>jours?|semaines?)",
        r"(?:ha|faz)\s(?P<n>.+?)\s(?P<unit>dias?|semanas?)",
        r"(?P<n>.+?)\s(?P<unit>день|дня|дней|сутки|суток|неделю|недели|недель)\sназад",
        r"(?P<unit>день|сутки|неделю)\sназад",
    )
)
_WEEKS_AGO = _folded_pattern(r"weeks?|semanas?|wochen?|semaines?|неделю|недели|недель")
_ONE = frozenset({"a", "an", "one", "einem", "einer"})
MAX_DAYS_AGO = 366


def parse_relative_day(text: str) -> int | None:
    """How many days ago a message says something happened: "today"/"this morning" 0,
    "yesterday"/"last night" 1, "the day before yesterday"/"2 days ago" 2, "a few days ago"
    3, "last week"/"a week ago" 7, "3 weeks ago" 21; also "hoy/ayer", "heute/gestern",
    "aujourd'hui/hier", "hoje/ontem", "сегодня/вчера/позавчера", "на прошлой неделе" and
    "hace 3 días", "vor 3 Tagen", "il y a 3 jours", "há 3 dias", "3 дня назад", "неделю
    назад". At most MAX_DAYS_AGO; None for anything else, including the future.
    """
    words = _plain(text)
    if words in _DAYS_AGO:
        return _DAYS_AGO[words]
    for pattern in _AGO_PATTERNS:
        match = pattern.fullmatch(words)
        if match is None:
            continue
        n = match.groupdict().get("n")
        count = 1 if n is None or n in _ONE else parse_number_word(n)
        if count is None:
            return None
        days = count * (7 if _WEEKS_AGO.fullmatch(match["unit"]) else 1)
        return days if days <= MAX_DAYS_AGO else None
    return None


# 1 is the worst, 5 the best. "ok"/"fine"/"alright" are 3, the middle: after a rejection
# they usually mean "coping", and "good" (4) or "great" (5) are there for better days.
_MOOD_WORDS: dict[str, int] = _scored(
    {
        1: (
            "awful", "terrible", "horrible", "horrendous", "crushed", "devastated", "miserable",
            "dreadful", "wrecked", "destroyed", "broken", "heartbroken", "hopeless",
            "the worst", "worst", "shit", "shitty", "like shit", "crap", "crappy",
            "fatal", "destrozado", "destrozada",
            "schrecklich", "furchtbar", "beschissen", "am boden",
            "nul", "catastrophique", "effondré", "effondrée",
            "péssimo", "péssima", "horrível", "terrível", "arrasado", "arrasada",
            "hecho polvo", "hecha polvo", "de pena", "katastrophal", "grauenhaft", "scheiße",
            "am Boden zerstört", "affreux", "dévasté", "dévastée", "anéanti", "anéantie",
            "au fond du trou", "destruído", "destruída", "acabado", "acabada", "um lixo",
            "ужасно", "ужас", "кошмар", "кошмарно", "отвратительно", "хреново", "хуже некуда",
            "раздавлен", "раздавлена", "разбит", "разбита", "убит", "убита",
        ),
        2: (
            "bad", "down", "sad", "low", "gutted", "upset", "disappointed", "rough", "blue",
            "hurt", "frustrated", "angry", "unhappy", "rubbish", "lousy", "poor", "not great",
            "not good", "not well",
            "mal", "triste", "decepcionado", "decepcionada",
            "schlecht", "traurig", "mies", "enttäuscht",
            "pas bien", "déçu", "déçue",
            "chateado", "chateada",
            "deprimido", "deprimida", "bajoneado", "bajoneada", "niedergeschlagen", "bedrückt",
            "pas terrible", "déprimé", "déprimée", "abattu", "abattue", "ruim", "desanimado",
            "desanimada",
            "плохо", "грустно", "паршиво", "фигово", "печально", "тоскливо", "не очень",
            "неважно", "нехорошо", "расстроен", "расстроена", "ничего хорошего",
        ),
        3: (
            "meh", "okayish", "okay-ish", "ok-ish", "okish", "so-so", "so so", "mixed", "numb",
            "neutral", "not sure", "unsure", "up and down", "could be better", "could be worse",
            "average", "ok", "okay", "fine", "alright", "all right", "i dont know", "dunno",
            "regular", "más o menos", "así así", "normal",
            "geht so", "so lala", "naja", "mittel",
            "bof", "comme ci comme ça", "moyen", "ça va",
            "mais ou menos", "assim assim", "razoável",
            "ahí vamos", "tirando", "voy tirando", "no sé", "es geht", "passt schon",
            "durchwachsen", "weiß nicht", "couci-couça", "ça peut aller", "correct",
            "je sais pas", "je ne sais pas", "sais pas", "sei lá", "não sei", "levando",
            "так себе", "нормально", "норм", "ничего", "средне", "более менее", "сойдёт",
            "пойдёт", "терпимо", "ни то ни сё", "в порядке", "не знаю", "ок", "окей",
        ),
        4: (
            "good", "better", "not bad", "decent", "well", "hopeful", "calm", "positive",
            "solid", "a bit better", "not too bad",
            "bien", "mejor", "gut", "besser", "ganz gut", "mieux", "ça va bien", "pas mal",
            "bem", "melhor",
            "tranquilo", "tranquila", "contento", "contenta", "ruhig", "zuversichtlich",
            "calme", "serein", "sereine", "content", "contente", "bom", "calmo", "calma",
            "хорошо", "неплохо", "лучше", "получше", "спокойно",
        ),
        5: (
            "great", "fine actually", "relieved", "optimistic", "amazing", "awesome",
            "fantastic", "excellent", "wonderful", "brilliant", "happy", "very good",
            "really good", "much better", "never better",
            "genial", "muy bien", "excelente", "estupendo", "fenomenal",
            "super", "sehr gut", "toll", "großartig", "prima", "klasse",
            "génial", "très bien", "top",
            "ótimo", "óptimo", "muito bem", "maravilhoso",
            "feliz", "de maravilla", "increíble", "perfecto", "aliviado", "aliviada",
            "glücklich", "ausgezeichnet", "fantastisch", "wunderbar", "hervorragend",
            "erleichtert", "parfait", "heureux", "heureuse", "soulagé", "soulagée",
            "ça va très bien", "incrível", "perfeito",
            "отлично", "прекрасно", "замечательно", "великолепно", "классно", "круто",
            "здорово", "супер", "гораздо лучше", "намного лучше",
        ),
    }
)  # fmt: skip
# The intake's mood buttons are "1 😞", "2 😕", "3 😐", "4 🙂", "5 😊"; the rest follow them.
_MOOD_SYMBOLS: dict[str, int] = {
    **dict.fromkeys("😞😢😭😫😩💔", 1),
    **dict.fromkeys("😕🙁☹😔😟😣😖👎", 2),
    **dict.fromkeys("😐😑😶🤷", 3),
    **dict.fromkeys("🙂😌👍", 4),
    **dict.fromkeys("😊😀😃😄😁🥳🤩😍💪", 5),
}
_MOOD_DIGIT = re.compile(r"(?P<score>[1-5])(?:\s*(?:/|out\sof|of)\s*5)?")
_MOOD_FILLER_FIRST = _folded_pattern(
    r"(?:i\sfeel|i\sam\sfeeling|im\sfeeling|feeling|i\sam|im|doing|honestly|tbh|to\sbe\shonest"
    r"|just|still|pretty|quite|fairly|kinda|kind\sof|sort\sof|a\sbit|a\slittle|somewhat|rather"
    r"|overall|estoy|me\ssiento|ando|un\spoco|bastante|algo|mir\sgehts|mir\sgeht\ses"
    r"|es\sgeht\smir|ich\sbin|ich\sfühle\smich|ziemlich|etwas|ein\sbisschen|eher|je\ssuis"
    r"|je\sme\ssens|je\svais|ça\sva|plutôt|assez|un\speu|estou|eu\sestou|me\ssinto"
    r"|eu\sme\ssinto|um\spouco|meio|to"
    r"|я|мне|я\sчувствую\sсебя|чувствую\sсебя|себя\sчувствую|у\sменя|всё|в\sцелом|вроде"
    r"|вроде\sбы|довольно|немного|немножко|чуть|слегка|как\sто|честно|если\sчестно|всё\sещё"
    r"|пока)\s(?P<rest>.+)"
)
_MOOD_FILLER_LAST = _folded_pattern(
    r"(?P<rest>.+?)\s(?:today|right\snow|now|honestly|tbh|i\sguess|i\sthink|overall"
    r"|actually|thanks|thank\syou|heute|hoy|aujourdhui|hoje|ahora|gracias|la\sverdad|creo"
    r"|gerade|jetzt|danke|eigentlich|en\sce\smoment|merci|je\scrois|agora|obrigado|obrigada"
    r"|acho|сегодня|сейчас|спасибо|наверное|пожалуй|в\sцелом|вроде)"
)
_MOOD_NEGATION = _folded_pattern(
    r"(?:not\stoo|not\sso|not\sthat|not|no|nicht\sso|nicht|pas\strop|pas\ssi|pas|nao"
    r"|не\sтак|не\sслишком|не\sособо|не\sсильно|не)\s(?P<rest>.+)"
)
_MOOD_INTENSIFIER = _folded_pattern(
    r"(?:very|really|so|too|extremely|incredibly|totally|absolutely|completely|super"
    r"|muy|realmente|tan|sehr|wirklich|echt|total|tres|vraiment|trop|tellement|muito|bem"
    r"|очень|совсем|реально|так|слишком|крайне|вообще)\s(?P<rest>.+)"
)


def _mood_of_words(words: str) -> int | None:
    """The mood of a phrase in _plain form, peeling fillers, negation and intensifiers."""
    if words in _MOOD_WORDS:
        return _MOOD_WORDS[words]
    for filler in (_MOOD_FILLER_FIRST, _MOOD_FILLER_LAST):
        if (match := filler.fullmatch(words)) is not None:
            return _mood_of_words(match["rest"])
    if (match := _MOOD_NEGATION.fullmatch(words)) is not None:
        inner = _mood_of_words(match["rest"])
        # "not good" 2, "not bad" 4, "not terrible" 3.
        return None if inner is None else {1: 3, 2: 4}.get(inner, 2)
    if (match := _MOOD_INTENSIFIER.fullmatch(words)) is not None:
        inner = _mood_of_words(match["rest"])
        return None if inner is None else {2: 1, 4: 5}.get(inner, inner)
    return None


def parse_mood(text: str) -> int | None:
    """Read how someone feels on a 1–5 scale (1 worst, 5 best).

    A digit ("3", "3/5", "2 out of 5"), a mood word or short phrase ("gutted", "meh", "not
    bad", "pretty good", "I'm feeling really low"), an emoji alone ("😞" 1, "😐" 3, "🙂"
    4), or the basics in Spanish, German, French, Portuguese and Russian ("fatal",
    "schlecht", "bien", "ótimo", "так себе", "отлично"). "ok", "okay", "fine", "alright" are
    3; "fine actually" is 5.
    Negation flips around the middle ("not good" 2, "not bad" 4) and "very"/"really" push
    to the ends ("really bad" 1). None when the words aren't understood.
    """
    words = _plain(text)
    symbols = _symbols(text)
    without_symbols = "".join(ch for ch in _EMOJI_MODIFIERS.sub("", text) if ch not in symbols)
    if digit := _MOOD_DIGIT.fullmatch(_clean(without_symbols)):
        return int(digit["score"])
    if words:
        return _mood_of_words(words)
    scores = {_MOOD_SYMBOLS[ch] for ch in symbols if ch in _MOOD_SYMBOLS}
    return scores.pop() if len(scores) == 1 else None


_ORDINAL_WORDS: dict[str, int] = {
    word: n
    for n, word in enumerate(
        ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"),
        start=1,
    )
}
_ORDINAL_WORDS["tenth"] = 10
_POSITION = re.compile(
    r"(?:the\s)?(?:(?P<kind>option|button|choice|number)\s)?(?P<n>[a-z0-9]+)"
    r"(?:\s(?:one|option|button|choice))?"
)
_ORDINAL_DIGITS = re.compile(r"(?P<n>\d{1,2})(?:st|nd|rd|th)")
_SIGNED_NUMBER = re.compile(r"[+\-−]\s*\d")
_PLUS_LABEL = re.compile(r"\s*(?P<n>\d{1,7})\s*\+\s*")
_ASCII_DIGIT = re.compile(r"[0-9]")
# Options that stand for "before the days the other options name" (the intake's "Earlier").
_EARLIER = _phrases("earlier", "before that", "longer ago", "a while ago", "older")
MIN_PREFIX_LETTERS = 3


def _position(text: str, count: int) -> int | None:
    """A 0-based option index from "the first one", "2nd", "option 2", "last" (bare numbers
    are _number_matches' call). None if out of range."""
    match = _POSITION.fullmatch(_plain(text))
    if match is None:
        return None
    token = match["n"]
    if token == "last":
        return count - 1
    if token in _ORDINAL_WORDS:
        number: int | None = _ORDINAL_WORDS[token]
    elif ordinal := _ORDINAL_DIGITS.fullmatch(token):
        number = int(ordinal["n"])
    elif match["kind"] is not None:
        number = _single_number(token)
    else:
        return None
    return number - 1 if number is not None and 1 <= number <= count else None


def _option_number(value: str, label: str) -> int | None:
    """The number an option stands for: a numeric value, or a label that is one ("5+")."""
    if _DIGITS.fullmatch(value):
        return int(value)
    plus = _PLUS_LABEL.fullmatch(label)
    if plus is not None:
        return int(plus["n"])
    return _single_number(_plain(label))


def _option_polarity(value: str, label: str) -> bool | None:
    """Whether an option means yes or no: by its value, its label or the label's first word
    ("Yes, add another")."""
    for candidate in (value, label, *_plain(label).split()[:1]):
        answer = parse_yes_no(candidate)
        if answer is not None:
            return answer
    return None


def _exact_matches(text: str, options: Sequence[tuple[str, str]]) -> list[str]:
    key = _plain(text)
    signed = bool(_SIGNED_NUMBER.search(text))
    if key:
        return [
            value
            for value, label in options
            if any(
                key == _plain(side) and signed == bool(_SIGNED_NUMBER.search(side))
                for side in (value, label)
            )
        ]
    symbols = _symbols(text)  # an emoji alone: the option whose label has just that emoji
    return [value for value, label in options if symbols and _symbols(label) == symbols]


def _number_matches(text: str, options: Sequence[tuple[str, str]]) -> list[str]:
    index = _position(text, len(options))
    if index is not None:
        return [options[index][0]]
    numbers = [_option_number(value, label) for value, label in options]
    numeric = any(n is not None for n in numbers) or any(
        _ASCII_DIGIT.search(label) for _, label in options
    )
    if numeric:
        wanted = parse_number_word(text)
        if wanted is None:
            return []
        return [value for (value, _), n in zip(options, numbers, strict=True) if n == wanted]
    bare = _single_number(_fold_accents(_clean(text)))
    if bare is None or not 1 <= bare <= len(options):
        return []
    return [options[bare - 1][0]]


def _yes_no_matches(text: str, options: Sequence[tuple[str, str]]) -> list[str]:
    answer = parse_yes_no(text)
    if answer is None:
        return []
    return [value for value, label in options if _option_polarity(value, label) is answer]


def _day_matches(text: str, options: Sequence[tuple[str, str]]) -> list[str]:
    days = parse_relative_day(text)
    if days is None:
        return []
    same = [
        value
        for value, label in options
        if days in (parse_relative_day(value), parse_relative_day(label))
    ]
    if same or days < 2:
        return same
    return [value for value, label in options if {_plain(value), _plain(label)} & _EARLIER]


def _prefix_matches(text: str, options: Sequence[tuple[str, str]]) -> list[str]:
    key = _plain(text)
    if sum(ch.isalpha() for ch in key) < MIN_PREFIX_LETTERS:
        return []
    return [value for value, label in options if _plain(label).startswith(key)]


_CHOICE_STAGES = (_exact_matches, _number_matches, _yes_no_matches, _day_matches, _prefix_matches)


def match_choice(text: str, options: Sequence[tuple[str, str]]) -> str | None:
    """The value of the button someone meant when they typed instead of tapping.

    `options` are the prompt's buttons as (value, label) pairs. Tried in order, and the
    first rule that matches anything decides; it must match exactly one option:

    1. the label or value itself, ignoring case, accents, emoji and punctuation (an emoji
       alone matches the label with that emoji: "😞" for "1 😞");
    2. a position ("second", "the first one", "2nd", "option 2", "last") or a number:
       when any option is numeric (a number value, or a digit in a label) a number picks
       the option with that number ("5", "five", "5+"); otherwise it is the 1-based
       position ("2"). So a typed "7" never becomes a button at "07:30 / 12:30 / 18:00";
    3. yes/no words, for options whose value, label or label's first word is yes/no-like;
    4. days ago, for today/yesterday-like options; 2 days or more picks an "Earlier" option;
    5. a prefix of a label with at least MIN_PREFIX_LETTERS letters ("mos" for "Mostly").

    None when nothing matches or the deciding rule matches more than one option.
    """
    for stage in _CHOICE_STAGES:
        found = list(dict.fromkeys(stage(text, options)))
        if found:
            return found[0] if len(found) == 1 else None
    return None


# --- Lists -----------------------------------------------------------------------------------

_ITEM_SEPARATORS = re.compile(r"[,;\n\r•·]+")
# A bullet or number at the start of an item: "- ", "* ", "1. ", "2) ". Numbers need a space
# after them so "1.5 years" stays whole.
_ITEM_MARKER = re.compile(r"^(?:[-*–—]+\s*|\d{1,3}[.)](?:\s+|$))+")


def split_items(text: str) -> list[str]:
    """Split a typed list on commas, semicolons, line breaks and bullets; keep "and" inside."""
    items: list[str] = []
    for piece in _ITEM_SEPARATORS.split(text):
        item = _ITEM_MARKER.sub("", piece.strip()).strip().rstrip(".").strip()
        if item:
            items.append(" ".join(item.split()))
    return items


def parse_quiet_hours(text: str) -> tuple[datetime.time, datetime.time] | None:
    """Quiet hours typed as "22:00-08:00", "22-7", "10pm to 7am"; None if not understood."""
    cleaned = text.strip().lower().replace("–", "-").replace("—", "-").replace(" to ", "-")
    parts = [part.strip() for part in cleaned.split("-")]
    if len(parts) != 2:
        return None
    start, end = parse_time_of_day(parts[0]), parse_time_of_day(parts[1])
    if start is None or end is None or start == end:
        return None
    return start, end


_BUTTON_HHMM = re.compile(r"([01]\d|2[0-3])([0-5]\d)")


def time_from_button(value: str) -> datetime.time | None:
    """A time carried in button data as "HHMM" (e.g. "0730"), or None."""
    match = _BUTTON_HHMM.fullmatch(value)
    return datetime.time(int(match[1]), int(match[2])) if match else None


def button_hhmm(value: datetime.time | str) -> str:
    """A time as button data carries it: "07:30" or time(7, 30) -> "0730"."""
    text = value if isinstance(value, str) else value.strftime("%H:%M")
    return text.replace(":", "")
