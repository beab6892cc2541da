"""Parsing what people type in the bot's other languages: es, de, fr, pt and ru.

Every parser reads every language at once (people mix them), so each table below mixes them
too; English behaviour is covered by test_parsing.py.
"""

from __future__ import annotations

import datetime

import pytest

from core.parsing import (
    _fold_accents,
    _plain,
    match_choice,
    parse_count,
    parse_hours,
    parse_mood,
    parse_number_word,
    parse_relative_day,
    parse_target_date,
    parse_time_of_day,
    parse_yes_no,
)
from tests.unit.test_parsing import NOW, TODAY

# --- Folding ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Всё ХОРОШО!", "все хорошо", id="yo-folds-to-ye"),
        pytest.param("Нет, спасибо.", "нет спасибо", id="punctuation"),
        pytest.param("да 👍", "да", id="emoji"),
        pytest.param("Полвосьмого", "полвосьмого", id="capital"),
        pytest.param("Sí, claro", "si claro", id="latin-accents"),
    ],
)
def test_plain_keeps_cyrillic_letters(text: str, expected: str) -> None:
    assert _plain(text) == expected


def test_fold_accents_keeps_every_cyrillic_letter() -> None:
    # "ё" reads "е" and "й" reads "и"; no letter is dropped.
    folded = _fold_accents("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")

    assert folded == "абвгдеежзииклмнопрстуфхцчшщъыьэюя"
    assert len(folded) == 33


# --- Yes and no ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("да", id="ru-da"),
        pytest.param("Да!", id="ru-da-capital"),
        pytest.param("дааа", id="ru-da-stretched"),
        pytest.param("ага", id="ru-aga"),
        pytest.param("угу", id="ru-ugu"),
        pytest.param("конечно", id="ru-konechno"),
        pytest.param("Да, конечно.", id="ru-da-konechno"),
        pytest.param("ок", id="ru-ok"),
        pytest.param("ладно", id="ru-ladno"),
        pytest.param("да 👍", id="ru-with-emoji"),
        pytest.param("desde luego", id="es-desde-luego"),
        pytest.param("Sí, por favor", id="es-si-por-favor"),
        pytest.param("auf jeden Fall", id="de-auf-jeden-fall"),
        pytest.param("ja gerne", id="de-ja-gerne"),
        pytest.param("évidemment", id="fr-evidemment"),
        pytest.param("evidemment", id="fr-without-accent"),
        pytest.param("tá bom", id="pt-ta-bom"),
        pytest.param("pode ser", id="pt-pode-ser"),
    ],
)
def test_yes_in_other_languages(text: str) -> None:
    assert parse_yes_no(text) is True


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("нет", id="ru-net"),
        pytest.param("Нет.", id="ru-net-capital"),
        pytest.param("нееет", id="ru-net-stretched"),
        pytest.param("не", id="ru-ne"),
        pytest.param("неа", id="ru-nea"),
        pytest.param("нет спасибо", id="ru-net-spasibo"),
        pytest.param("Нет, спасибо!", id="ru-net-spasibo-punctuated"),
        pytest.param("не совсем", id="ru-ne-sovsem"),
        pytest.param("да нет", id="ru-da-net-means-no"),
        pytest.param("nunca", id="es-pt-nunca"),
        pytest.param("eher nicht", id="de-eher-nicht"),
        pytest.param("auf keinen Fall", id="de-auf-keinen-fall"),
        pytest.param("pas question", id="fr-pas-question"),
        pytest.param("nem pensar", id="pt-nem-pensar"),
    ],
)
def test_no_in_other_languages(text: str) -> None:
    assert parse_yes_no(text) is False


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("не знаю", id="ru-dont-know"),
        pytest.param("может быть", id="ru-maybe"),
        pytest.param("да, но нет", id="ru-both"),
        pytest.param("да 👎", id="ru-emoji-contradicts"),
        pytest.param("нет 👍", id="ru-no-emoji-contradicts"),
        pytest.param("нет идей", id="ru-sentence-starting-with-no"),
        pytest.param("quizás", id="es-maybe"),
        pytest.param("vielleicht", id="de-maybe"),
        pytest.param("peut-être", id="fr-maybe"),
        pytest.param("talvez", id="pt-maybe"),
    ],
)
def test_yes_no_stays_unclear_in_other_languages(text: str) -> None:
    assert parse_yes_no(text) is None


# --- Days ago --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("сегодня", 0, id="ru-today"),
        pytest.param("Сегодня утром", 0, id="ru-this-morning"),
        pytest.param("только что", 0, id="ru-just-now"),
        pytest.param("вчера", 1, id="ru-yesterday"),
        pytest.param("Вчера вечером.", 1, id="ru-yesterday-evening"),
        pytest.param("прошлой ночью", 1, id="ru-last-night"),
        pytest.param("позавчера", 2, id="ru-day-before-yesterday"),
        pytest.param("два дня назад", 2, id="ru-two-days-ago"),
        pytest.param("3 дня назад", 3, id="ru-digit-days-ago"),
        pytest.param("пять дней назад", 5, id="ru-five-days-ago"),
        pytest.param("пару дней назад", 2, id="ru-couple-of-days"),
        pytest.param("несколько дней назад", 3, id="ru-few-days"),
        pytest.param("на днях", 3, id="ru-the-other-day"),
        pytest.param("на прошлой неделе", 7, id="ru-last-week"),
        pytest.param("неделю назад", 7, id="ru-a-week-ago"),
        pytest.param("две недели назад", 14, id="ru-two-weeks-ago"),
        pytest.param("hace unos días", 3, id="es-a-few-days"),
        pytest.param("hace dos semanas", 14, id="es-two-weeks"),
        pytest.param("vor ein paar Tagen", 2, id="de-a-couple-of-days"),
        pytest.param("vor einer Woche", 7, id="de-a-week"),
        pytest.param("letzte Nacht", 1, id="de-last-night"),
        pytest.param("la nuit dernière", 1, id="fr-last-night"),
        pytest.param("il y a quelques jours", 3, id="fr-a-few-days"),
        pytest.param("la semaine passée", 7, id="fr-last-week"),
        pytest.param("há uns dias", 3, id="pt-a-few-days"),
        pytest.param("na semana passada", 7, id="pt-last-week"),
    ],
)
def test_relative_day_in_other_languages(text: str, expected: int) -> None:
    assert parse_relative_day(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("завтра", id="ru-tomorrow"),
        pytest.param("через 3 дня", id="ru-in-three-days"),
        pytest.param("дня назад", id="ru-no-count"),
        pytest.param("назад", id="ru-ago-alone"),
        pytest.param("вчера я плакал", id="ru-sentence"),
        pytest.param("mañana", id="es-tomorrow"),
        pytest.param("morgen", id="de-tomorrow"),
        pytest.param("demain", id="fr-tomorrow"),
        pytest.param("amanhã", id="pt-tomorrow"),
        pytest.param("vor tausend Tagen", id="de-unknown-count"),
    ],
)
def test_relative_day_rejected_in_other_languages(text: str) -> None:
    assert parse_relative_day(text) is None


# --- Moods -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("ужасно", 1, id="ru-awful"),
        pytest.param("Ужасно!", 1, id="ru-awful-capital"),
        pytest.param("хреново", 1, id="ru-crap"),
        pytest.param("плохо", 2, id="ru-bad"),
        pytest.param("грустно", 2, id="ru-sad"),
        pytest.param("не очень", 2, id="ru-not-great"),
        pytest.param("так себе", 3, id="ru-so-so"),
        pytest.param("Так себе...", 3, id="ru-so-so-punctuated"),
        pytest.param("нормально", 3, id="ru-ok"),
        pytest.param("норм", 3, id="ru-ok-short"),
        pytest.param("ничего", 3, id="ru-alright"),
        pytest.param("хорошо", 4, id="ru-good"),
        pytest.param("неплохо", 4, id="ru-not-bad"),
        pytest.param("лучше", 4, id="ru-better"),
        pytest.param("отлично", 5, id="ru-great"),
        pytest.param("супер", 5, id="ru-super"),
        pytest.param("hecho polvo", 1, id="es-wrecked"),
        pytest.param("deprimido", 2, id="es-depressed"),
        pytest.param("tirando", 3, id="es-getting-by"),
        pytest.param("tranquila", 4, id="es-calm"),
        pytest.param("feliz", 5, id="es-pt-happy"),
        pytest.param("Scheiße", 1, id="de-shit"),
        pytest.param("niedergeschlagen", 2, id="de-dejected"),
        pytest.param("es geht", 3, id="de-es-geht"),
        pytest.param("zuversichtlich", 4, id="de-hopeful"),
        pytest.param("glücklich", 5, id="de-happy"),
        pytest.param("gluecklich", None, id="de-ue-spelling-unknown"),
        pytest.param("affreux", 1, id="fr-awful"),
        pytest.param("pas terrible", 2, id="fr-pas-terrible-is-not-great"),
        pytest.param("couci-couça", 3, id="fr-so-so"),
        pytest.param("content", 4, id="fr-content"),
        pytest.param("soulagée", 5, id="fr-relieved"),
        pytest.param("um lixo", 1, id="pt-rubbish"),
        pytest.param("ruim", 2, id="pt-bad"),
        pytest.param("sei lá", 3, id="pt-dunno"),
        pytest.param("bom", 4, id="pt-good"),
        pytest.param("aliviado", 5, id="pt-relieved"),
    ],
)
def test_mood_words_in_other_languages(text: str, expected: int | None) -> None:
    assert parse_mood(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("очень плохо", 1, id="ru-very-bad"),
        pytest.param("совсем плохо", 1, id="ru-really-bad"),
        pytest.param("очень хорошо", 5, id="ru-very-good"),
        pytest.param("не очень хорошо", 2, id="ru-not-very-good"),
        pytest.param("не плохо", 4, id="ru-not-bad-two-words"),
        pytest.param("не так плохо", 4, id="ru-not-so-bad"),
        pytest.param("мне плохо", 2, id="ru-i-feel-bad"),
        pytest.param("Мне очень плохо", 1, id="ru-i-feel-very-bad"),
        pytest.param("всё хорошо", 4, id="ru-all-good"),
        pytest.param("у меня всё отлично", 5, id="ru-all-great"),
        pytest.param("я в порядке", 3, id="ru-im-fine"),
        pytest.param("немного грустно", 2, id="ru-a-bit-sad"),
        pytest.param("хорошо, спасибо", 4, id="ru-good-thanks"),
        pytest.param("no muy bien", 2, id="es-not-very-well"),
        pytest.param("un poco triste", 2, id="es-a-bit-sad"),
        pytest.param("ziemlich gut", 4, id="de-pretty-good"),
        pytest.param("echt mies", 1, id="de-really-lousy"),
        pytest.param("je vais bien", 4, id="fr-im-well"),
        pytest.param("ça va mal", 2, id="fr-ca-va-mal"),
        pytest.param("meio triste", 2, id="pt-kind-of-sad"),
        pytest.param("muito bom", 5, id="pt-very-good"),
    ],
)
def test_mood_negation_intensity_and_fillers_in_other_languages(text: str, expected: int) -> None:
    assert parse_mood(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("собака", id="ru-dog"),
        pytest.param("не знаю что сказать", id="ru-sentence"),
        pytest.param("очень", id="ru-intensifier-alone"),
        pytest.param("мне", id="ru-filler-alone"),
        pytest.param("der Hund", id="de-noun"),
        pytest.param("le chien", id="fr-noun"),
    ],
)
def test_mood_rejected_in_other_languages(text: str) -> None:
    assert parse_mood(text) is None


# --- Numbers and counts ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("ноль", 0, id="ru-zero"),
        pytest.param("один", 1, id="ru-one"),
        pytest.param("одна", 1, id="ru-one-feminine"),
        pytest.param("одно", 1, id="ru-one-neuter"),
        pytest.param("два", 2, id="ru-two"),
        pytest.param("две", 2, id="ru-two-feminine"),
        pytest.param("Три!", 3, id="ru-three-capital"),
        pytest.param("десять", 10, id="ru-ten"),
        pytest.param("пятнадцать", 15, id="ru-fifteen"),
        pytest.param("двадцать", 20, id="ru-twenty"),
        pytest.param("двух", 2, id="ru-genitive-two"),
        pytest.param("трёх", 3, id="ru-genitive-three"),
        pytest.param("трех", 3, id="ru-genitive-three-without-yo"),
        pytest.param("пяти", 5, id="ru-genitive-five"),
        pytest.param("двое", 2, id="ru-collective-two"),
        pytest.param("трое", 3, id="ru-collective-three"),
        pytest.param("два или три", 2, id="ru-range"),
        pytest.param("2-3", 2, id="digits-range"),
        pytest.param("около пяти", 5, id="ru-about"),
        pytest.param("примерно 4", 4, id="ru-about-digits"),
        pytest.param("пару", 2, id="ru-a-couple"),
        pytest.param("несколько", 3, id="ru-a-few"),
        pytest.param("unos 5", 5, id="es-about"),
        pytest.param("unos cuantos", 3, id="es-a-few"),
        pytest.param("un par", 2, id="es-a-couple"),
        pytest.param("etwa 5", 5, id="de-about"),
        pytest.param("ein paar", 2, id="de-a-couple"),
        pytest.param("einen", 1, id="de-einen"),
        pytest.param("environ 5", 5, id="fr-about"),
        pytest.param("quelques", 3, id="fr-a-few"),
        pytest.param("uns 5", 5, id="pt-about"),
        pytest.param("alguns", 3, id="pt-a-few"),
    ],
)
def test_number_words_in_other_languages(text: str, expected: int) -> None:
    assert parse_number_word(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("двадцать один", id="ru-compound"),
        pytest.param("много", id="ru-many"),
        pytest.param("once", id="es-eleven-is-english-once"),
        pytest.param("zwölf", id="de-over-ten"),
        pytest.param("douze", id="fr-over-ten"),
        pytest.param("viele", id="de-many"),
        pytest.param("muchos", id="es-many"),
        pytest.param("никого", id="nobody-is-not-a-number-word"),
    ],
)
def test_number_words_rejected_in_other_languages(text: str) -> None:
    assert parse_number_word(text) is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("никого", id="ru-nobody"),
        pytest.param("Никого.", id="ru-nobody-capital"),
        pytest.param("ни одного", id="ru-not-one"),
        pytest.param("ни одной", id="ru-not-one-feminine"),
        pytest.param("никто", id="ru-no-one"),
        pytest.param("ноль", id="ru-zero"),
        pytest.param("nadie", id="es-nobody"),
        pytest.param("ninguno", id="es-none"),
        pytest.param("ningún", id="es-none-accent"),
        pytest.param("niemand", id="de-nobody"),
        pytest.param("keine", id="de-none"),
        pytest.param("Keiner!", id="de-none-masculine"),
        pytest.param("aucun", id="fr-none"),
        pytest.param("personne", id="fr-nobody"),
        pytest.param("nenhum", id="pt-none"),
        pytest.param("ninguém", id="pt-nobody"),
        pytest.param("ninguem", id="pt-nobody-without-accent"),
    ],
)
def test_count_nobody_in_other_languages(text: str) -> None:
    assert parse_count(text) == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("три", 3, id="ru-three"),
        pytest.param("двенадцать", 12, id="ru-twelve"),
        pytest.param("трое", 3, id="ru-collective"),
        pytest.param("5+", 5, id="plus"),
        pytest.param("dos o tres", 2, id="es-range"),
        pytest.param("zwei oder drei", 2, id="de-range"),
        pytest.param("deux ou trois", 2, id="fr-range"),
        pytest.param("dois ou três", 2, id="pt-range"),
    ],
)
def test_count_in_other_languages(text: str, expected: int) -> None:
    assert parse_count(text) == expected


# --- Times of day ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("19h30", (19, 30), id="fr-h"),
        pytest.param("19 h 30", (19, 30), id="fr-h-spaced"),
        pytest.param("19h", (19, 0), id="fr-h-alone"),
        pytest.param("à 19 heures", (19, 0), id="fr-heures"),
        pytest.param("19 heures 45", (19, 45), id="fr-heures-minutes"),
        pytest.param("19 Uhr", (19, 0), id="de-uhr"),
        pytest.param("19 Uhr 30", (19, 30), id="de-uhr-minutes"),
        pytest.param("um 19.30 Uhr", (19, 30), id="de-dotted"),
        pytest.param("19 horas", (19, 0), id="es-pt-horas"),
        pytest.param("a las 19:30 horas", (19, 30), id="es-horas-minutes"),
        pytest.param("19:30", (19, 30), id="ru-digits"),
        pytest.param("в 7 часов", (7, 0), id="ru-chasov"),
        pytest.param("в 1 час", (1, 0), id="ru-chas-after-digit"),
    ],
)
def test_time_of_day_digits_with_the_word_for_hours(text: str, expected: tuple[int, int]) -> None:
    assert parse_time_of_day(text) == datetime.time(*expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("siete", (7, 0), id="es-bare-hour"),
        pytest.param("a las siete", (7, 0), id="es-a-las"),
        pytest.param("A las 7", (7, 0), id="es-a-las-digit"),
        pytest.param("a la una", (1, 0), id="es-a-la-una"),
        pytest.param("a las once", (11, 0), id="es-once-with-a-las"),
        pytest.param("siete cuarenta", (7, 40), id="es-hour-minutes"),
        pytest.param("a las 7 en punto", (7, 0), id="es-en-punto"),
        pytest.param("um 7", (7, 0), id="de-um"),
        pytest.param("sieben Uhr", (7, 0), id="de-sieben-uhr"),
        pytest.param("neunzehn Uhr", (19, 0), id="de-neunzehn"),
        pytest.param("sieben Uhr dreißig", (7, 30), id="de-dreissig"),
        pytest.param("gegen acht", (8, 0), id="de-gegen"),
        pytest.param("sept heures", (7, 0), id="fr-sept-heures"),
        pytest.param("sept heures dix", (7, 10), id="fr-minutes-after"),
        pytest.param("dix-neuf heures trente", (19, 30), id="fr-hyphenated"),
        pytest.param("vers 8h", (8, 0), id="fr-vers"),
        pytest.param("sete horas", (7, 0), id="pt-sete-horas"),
        pytest.param("às sete", (7, 0), id="pt-as"),
        pytest.param("as 7", (7, 0), id="pt-as-without-accent"),
        pytest.param("por volta das 8", (8, 0), id="pt-por-volta"),
        pytest.param("в 7", (7, 0), id="ru-v"),
        pytest.param("в семь", (7, 0), id="ru-v-sem"),
        pytest.param("в девятнадцать тридцать", (19, 30), id="ru-words"),
        pytest.param("около семи", (7, 0), id="ru-genitive-hour"),
        pytest.param("в час", (1, 0), id="ru-chas-is-one"),
    ],
)
def test_time_of_day_hours_in_other_languages(text: str, expected: tuple[int, int]) -> None:
    assert parse_time_of_day(text) == datetime.time(*expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("las siete y media", (7, 30), id="es-y-media"),
        pytest.param("siete y cuarto", (7, 15), id="es-y-cuarto"),
        pytest.param("siete y diez", (7, 10), id="es-y-diez"),
        pytest.param("ocho menos cuarto", (7, 45), id="es-menos-cuarto"),
        pytest.param("ocho menos diez", (7, 50), id="es-menos-diez"),
        pytest.param("un cuarto para las ocho", (7, 45), id="es-cuarto-para"),
        pytest.param("a la una y media", (1, 30), id="es-una-y-media"),
        pytest.param("halb acht", (7, 30), id="de-halb-is-half-to"),
        pytest.param("Halb acht", (7, 30), id="de-halb-capital"),
        pytest.param("um halb acht", (7, 30), id="de-um-halb"),
        pytest.param("viertel nach sieben", (7, 15), id="de-viertel-nach"),
        pytest.param("viertel vor acht", (7, 45), id="de-viertel-vor"),
        pytest.param("dreiviertel acht", (7, 45), id="de-dreiviertel"),
        pytest.param("viertel acht", (7, 15), id="de-viertel-regional"),
        pytest.param("zehn nach sieben", (7, 10), id="de-zehn-nach"),
        pytest.param("zehn vor acht", (7, 50), id="de-zehn-vor"),
        pytest.param("fünf vor halb acht", (7, 25), id="de-vor-halb"),
        pytest.param("fünf nach halb acht", (7, 35), id="de-nach-halb"),
        pytest.param("sept heures et demie", (7, 30), id="fr-et-demie"),
        pytest.param("sept heures et quart", (7, 15), id="fr-et-quart"),
        pytest.param("huit heures moins le quart", (7, 45), id="fr-moins-le-quart"),
        pytest.param("huit heures moins dix", (7, 50), id="fr-moins-dix"),
        pytest.param("midi et demi", (12, 30), id="fr-midi-et-demi"),
        pytest.param("minuit moins le quart", (23, 45), id="fr-wraps-before-midnight"),
        pytest.param("às sete e meia", (7, 30), id="pt-e-meia"),
        pytest.param("sete e quinze", (7, 15), id="pt-e-quinze"),
        pytest.param("quinze para as oito", (7, 45), id="pt-para-as"),
        pytest.param("dez para as oito", (7, 50), id="pt-dez-para"),
        pytest.param("meio-dia e meia", (12, 30), id="pt-meio-dia-e-meia"),
        pytest.param("в половине восьмого", (7, 30), id="ru-v-polovine"),
        pytest.param("половина восьмого", (7, 30), id="ru-polovina"),
        pytest.param("полвосьмого", (7, 30), id="ru-pol-one-word"),
        pytest.param("пол-восьмого", (7, 30), id="ru-pol-hyphen"),
        pytest.param("без четверти восемь", (7, 45), id="ru-bez-chetverti"),
        pytest.param("без пяти восемь", (7, 55), id="ru-bez-pyati"),
        pytest.param("без двадцати пяти восемь", (7, 35), id="ru-bez-compound"),
        pytest.param("четверть восьмого", (7, 15), id="ru-chetvert"),
        pytest.param("десять минут восьмого", (7, 10), id="ru-minutes-of-the-hour"),
    ],
)
def test_time_of_day_clock_phrases_in_other_languages(text: str, expected: tuple[int, int]) -> None:
    assert parse_time_of_day(text) == datetime.time(*expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("7 de la tarde", (19, 0), id="es-tarde"),
        pytest.param("9 de la tarde", (21, 0), id="es-tarde-late"),
        pytest.param("3 de la tarde", (15, 0), id="es-tarde-early"),
        pytest.param("8 de la mañana", (8, 0), id="es-manana"),
        pytest.param("8 de la manana", (8, 0), id="es-manana-without-tilde"),
        pytest.param("11 de la noche", (23, 0), id="es-noche"),
        pytest.param("2 de la madrugada", (2, 0), id="es-madrugada"),
        pytest.param("por la noche a las 10", (22, 0), id="es-period-first"),
        pytest.param("sieben Uhr abends", (19, 0), id="de-abends"),
        pytest.param("8 Uhr morgens", (8, 0), id="de-morgens"),
        pytest.param("3 Uhr nachmittags", (15, 0), id="de-nachmittags"),
        pytest.param("12 Uhr mittags", (12, 0), id="de-mittags"),
        pytest.param("heute Abend um 8", (20, 0), id="de-heute-abend-first"),
        pytest.param("um halb acht abends", (19, 30), id="de-halb-abends"),
        pytest.param("7h du soir", (19, 0), id="fr-du-soir"),
        pytest.param("7 heures du soir", (19, 0), id="fr-heures-du-soir"),
        pytest.param("3 heures de l'après-midi", (15, 0), id="fr-apres-midi"),
        pytest.param("le soir à 7h", (19, 0), id="fr-period-first"),
        pytest.param("8 da manhã", (8, 0), id="pt-manha"),
        pytest.param("7 da noite", (19, 0), id="pt-noite"),
        pytest.param("às 3 da tarde", (15, 0), id="pt-tarde"),
        pytest.param("à noite às 8", (20, 0), id="pt-period-first-like-a-filler"),
        pytest.param("sete e meia da noite", (19, 30), id="pt-phrase-and-period"),
        pytest.param("в семь вечера", (19, 0), id="ru-vechera"),
        pytest.param("в 8 утра", (8, 0), id="ru-utra"),
        pytest.param("в два часа дня", (14, 0), id="ru-dnya"),
        pytest.param("в час дня", (13, 0), id="ru-chas-dnya"),
        pytest.param("в два часа ночи", (2, 0), id="ru-nochi-small-hours"),
        pytest.param("в 11 ночи", (23, 0), id="ru-nochi-late"),
        pytest.param("вечером в 7", (19, 0), id="ru-period-first"),
        pytest.param("полвосьмого вечера", (19, 30), id="ru-pol-vechera"),
        pytest.param("19 heures du soir", (19, 0), id="fr-24h-hour-in-period"),
    ],
)
def test_time_of_day_with_a_part_of_the_day_in_other_languages(
    text: str, expected: tuple[int, int]
) -> None:
    assert parse_time_of_day(text) == datetime.time(*expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("mediodía", (12, 0), id="es-mediodia"),
        pytest.param("mediodia", (12, 0), id="es-mediodia-without-accent"),
        pytest.param("medianoche", (0, 0), id="es-medianoche"),
        pytest.param("Mittag", (12, 0), id="de-mittag"),
        pytest.param("Mitternacht", (0, 0), id="de-mitternacht"),
        pytest.param("midi", (12, 0), id="fr-midi"),
        pytest.param("à minuit", (0, 0), id="fr-minuit"),
        pytest.param("meio-dia", (12, 0), id="pt-meio-dia"),
        pytest.param("meia-noite", (0, 0), id="pt-meia-noite"),
        pytest.param("полдень", (12, 0), id="ru-noon"),
        pytest.param("Полночь", (0, 0), id="ru-midnight"),
    ],
)
def test_time_of_day_noon_and_midnight_in_other_languages(
    text: str, expected: tuple[int, int]
) -> None:
    assert parse_time_of_day(text) == datetime.time(*expected)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("once", id="english-once"),
        pytest.param("doze", id="english-doze"),
        pytest.param("Elf!", id="english-elf"),
        pytest.param("halb", id="de-halb-alone"),
        pytest.param("viertel vor", id="de-no-hour"),
        pytest.param("halb dreißig", id="de-no-such-hour"),
        pytest.param("25 Uhr", id="de-hour-too-big"),
        pytest.param("abends", id="de-period-alone"),
        pytest.param("menos cuarto", id="es-no-hour"),
        pytest.param("10 de la tarde", id="es-hour-outside-tarde"),
        pytest.param("3 Uhr abends", id="de-hour-outside-abends"),
        pytest.param("de la tarde", id="es-period-alone"),
        pytest.param("midi du soir", id="fr-noon-contradicts-period"),
        pytest.param("et demie", id="fr-no-hour"),
        pytest.param("meia", id="pt-half-alone"),
        pytest.param("вечером", id="ru-period-alone"),
        pytest.param("в", id="ru-filler-alone"),
        pytest.param("без четверти", id="ru-no-hour"),
        pytest.param("в 3 вечера", id="ru-hour-outside-period"),
        pytest.param("полвосемь", id="ru-pol-needs-ordinal"),
        pytest.param("у меня собеседование в 7", id="ru-sentence"),
        pytest.param("a las siete " + "y " * 40, id="long-message"),
    ],
)
def test_time_of_day_rejected_in_other_languages(text: str) -> None:
    assert parse_time_of_day(text) is None


# --- Dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Strictly after today, like "friday": the coming one.
        pytest.param("viernes", (2026, 6, 12), id="es-viernes"),
        pytest.param("el viernes", (2026, 6, 12), id="es-el-viernes"),
        pytest.param("el próximo viernes", (2026, 6, 12), id="es-proximo"),
        pytest.param("el viernes que viene", (2026, 6, 12), id="es-que-viene"),
        pytest.param("hasta el lunes", (2026, 6, 15), id="es-hasta"),
        pytest.param("Freitag", (2026, 6, 12), id="de-freitag"),
        pytest.param("am Freitag", (2026, 6, 12), id="de-am"),
        pytest.param("nächsten Freitag", (2026, 6, 12), id="de-naechsten"),
        pytest.param("naechsten Freitag", None, id="de-ae-spelling-unknown"),
        pytest.param("bis Montag", (2026, 6, 15), id="de-bis"),
        pytest.param("vendredi", (2026, 6, 12), id="fr-vendredi"),
        pytest.param("vendredi prochain", (2026, 6, 12), id="fr-prochain"),
        pytest.param("ce vendredi", (2026, 6, 12), id="fr-ce"),
        pytest.param("sexta", (2026, 6, 12), id="pt-sexta"),
        pytest.param("sexta-feira", (2026, 6, 12), id="pt-sexta-feira"),
        pytest.param("na próxima sexta-feira", (2026, 6, 12), id="pt-na-proxima"),
        pytest.param("sábado", (2026, 6, 13), id="pt-es-sabado"),
        pytest.param("в пятницу", (2026, 6, 12), id="ru-v-pyatnitsu"),
        pytest.param("в следующую пятницу", (2026, 6, 12), id="ru-sleduyushchuyu"),
        pytest.param("пятница", (2026, 6, 12), id="ru-nominative"),
        pytest.param("до пятницы", (2026, 6, 12), id="ru-genitive"),
        pytest.param("к пятнице", (2026, 6, 12), id="ru-dative"),
        pytest.param("во вторник", (2026, 6, 16), id="ru-vo-vtornik"),
        pytest.param("в среду", (2026, 6, 17), id="ru-same-weekday-next-week"),
        pytest.param("Mittwoch", (2026, 6, 17), id="de-same-weekday-next-week"),
    ],
)
def test_target_date_weekdays_in_other_languages(
    text: str, expected: tuple[int, int, int] | None
) -> None:
    found = parse_target_date(text, TODAY)

    assert found == (None if expected is None else datetime.date(*expected))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Next week" is seven days on, as in English.
        pytest.param("la semana que viene", (2026, 6, 17), id="es-que-viene"),
        pytest.param("la próxima semana", (2026, 6, 17), id="es-proxima"),
        pytest.param("nächste Woche", (2026, 6, 17), id="de-naechste"),
        pytest.param("la semaine prochaine", (2026, 6, 17), id="fr-prochaine"),
        pytest.param("semana que vem", (2026, 6, 17), id="pt-que-vem"),
        pytest.param("próxima semana", (2026, 6, 17), id="pt-proxima"),
        pytest.param("на следующей неделе", (2026, 6, 17), id="ru-na-sleduyushchey"),
        pytest.param("el mes que viene", (2026, 7, 10), id="es-next-month"),
        pytest.param("nächsten Monat", (2026, 7, 10), id="de-next-month"),
        pytest.param("le mois prochain", (2026, 7, 10), id="fr-next-month"),
        pytest.param("no próximo mês", (2026, 7, 10), id="pt-next-month"),
        pytest.param("в следующем месяце", (2026, 7, 10), id="ru-next-month"),
    ],
)
def test_target_date_next_week_and_month_in_other_languages(
    text: str, expected: tuple[int, int, int]
) -> None:
    assert parse_target_date(text, TODAY) == datetime.date(*expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("fin de mes", (2026, 6, 30), id="es-fin-de-mes"),
        pytest.param("a fin de mes", (2026, 6, 30), id="es-a-fin-de-mes"),
        pytest.param("a finales de mes", (2026, 6, 30), id="es-finales"),
        pytest.param("Ende des Monats", (2026, 6, 30), id="de-ende-des-monats"),
        pytest.param("Monatsende", (2026, 6, 30), id="de-monatsende"),
        pytest.param("zum Monatsende", (2026, 6, 30), id="de-zum-monatsende"),
        pytest.param("fin du mois", (2026, 6, 30), id="fr-fin-du-mois"),
        pytest.param("à la fin du mois", (2026, 6, 30), id="fr-a-la-fin"),
        pytest.param("fim do mês", (2026, 6, 30), id="pt-fim-do-mes"),
        pytest.param("no fim do mes", (2026, 6, 30), id="pt-no-fim-without-accent"),
        pytest.param("в конце месяца", (2026, 6, 30), id="ru-v-kontse"),
        pytest.param("Конец месяца.", (2026, 6, 30), id="ru-konets"),
        pytest.param("fin del mes que viene", (2026, 7, 31), id="es-end-of-next-month"),
        pytest.param("fin du mois prochain", (2026, 7, 31), id="fr-end-of-next-month"),
        pytest.param("в конце следующего месяца", (2026, 7, 31), id="ru-end-of-next-month"),
        pytest.param("fin de marzo", (2027, 3, 31), id="es-end-of-named-month"),
        pytest.param("Ende Juli", (2026, 7, 31), id="de-end-of-named-month"),
        pytest.param("fin juillet", (2026, 7, 31), id="fr-end-of-named-month"),
        pytest.param("fin d'avril", (2027, 4, 30), id="fr-fin-d-avril"),
        pytest.param("в конце июля", (2026, 7, 31), id="ru-end-of-named-month"),
        pytest.param("fin de año", (2026, 12, 31), id="es-end-of-year"),
        pytest.param("Jahresende", (2026, 12, 31), id="de-end-of-year"),
        pytest.param("fin d'année", (2026, 12, 31), id="fr-end-of-year"),
        pytest.param("fim do ano", (2026, 12, 31), id="pt-end-of-year"),
        pytest.param("в конце года", (2026, 12, 31), id="ru-end-of-year"),
    ],
)
def test_target_date_end_of_the_month_in_other_languages(
    text: str, expected: tuple[int, int, int]
) -> None:
    assert parse_target_date(text, TODAY) == datetime.date(*expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Mid-month is the next 15th, as in English.
        pytest.param("mitad de mes", (2026, 6, 15), id="es-mitad"),
        pytest.param("a mediados de mes", (2026, 6, 15), id="es-mediados"),
        pytest.param("Mitte des Monats", (2026, 6, 15), id="de-mitte"),
        pytest.param("au milieu du mois", (2026, 6, 15), id="fr-milieu"),
        pytest.param("meados do mês", (2026, 6, 15), id="pt-meados"),
        pytest.param("в середине месяца", (2026, 6, 15), id="ru-v-seredine"),
        pytest.param("mi-mars", (2027, 3, 15), id="fr-mi-named-month"),
        pytest.param("mediados de julio", (2026, 7, 15), id="es-named-month"),
        pytest.param("Mitte Juli", (2026, 7, 15), id="de-named-month"),
        pytest.param("meados de julho", (2026, 7, 15), id="pt-named-month"),
        pytest.param("в середине июля", (2026, 7, 15), id="ru-named-month"),
    ],
)
def test_target_date_mid_month_in_other_languages(
    text: str, expected: tuple[int, int, int]
) -> None:
    assert parse_target_date(text, TODAY) == datetime.date(*expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("en dos semanas", (2026, 6, 24), id="es-en"),
        pytest.param("dentro de 3 días", (2026, 6, 13), id="es-dentro-de"),
        pytest.param("en un mes", (2026, 7, 10), id="es-a-month"),
        pytest.param("in zwei Wochen", (2026, 6, 24), id="de-in"),
        pytest.param("in einer Woche", (2026, 6, 17), id="de-einer"),
        pytest.param("in 3 Tagen", (2026, 6, 13), id="de-tagen"),
        pytest.param("dans deux semaines", (2026, 6, 24), id="fr-dans"),
        pytest.param("dans un an", (2027, 6, 10), id="fr-a-year"),
        pytest.param("em duas semanas", (2026, 6, 24), id="pt-em"),
        pytest.param("daqui a um mês", (2026, 7, 10), id="pt-daqui-a"),
        pytest.param("через две недели", (2026, 6, 24), id="ru-cherez"),
        pytest.param("через 3 дня", (2026, 6, 13), id="ru-cherez-digits"),
        pytest.param("через неделю", (2026, 6, 17), id="ru-a-week-without-article"),
        pytest.param("через месяц", (2026, 7, 10), id="ru-a-month"),
        pytest.param("через пару недель", (2026, 6, 24), id="ru-a-couple-of-weeks"),
        pytest.param("zwei Wochen", (2026, 6, 24), id="de-without-in"),
    ],
)
def test_target_date_amounts_ahead_in_other_languages(
    text: str, expected: tuple[int, int, int]
) -> None:
    assert parse_target_date(text, TODAY) == datetime.date(*expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("hoy", (2026, 6, 10), id="es-today"),
        pytest.param("heute", (2026, 6, 10), id="de-today"),
        pytest.param("aujourd'hui", (2026, 6, 10), id="fr-today"),
        pytest.param("сегодня", (2026, 6, 10), id="ru-today"),
        pytest.param("mañana", (2026, 6, 11), id="es-tomorrow"),
        pytest.param("Morgen", (2026, 6, 11), id="de-tomorrow"),
        pytest.param("demain", (2026, 6, 11), id="fr-tomorrow"),
        pytest.param("amanhã", (2026, 6, 11), id="pt-tomorrow"),
        pytest.param("amanha", (2026, 6, 11), id="pt-tomorrow-without-tilde"),
        pytest.param("завтра", (2026, 6, 11), id="ru-tomorrow"),
        pytest.param("pasado mañana", (2026, 6, 12), id="es-day-after"),
        pytest.param("übermorgen", (2026, 6, 12), id="de-day-after"),
        pytest.param("après-demain", (2026, 6, 12), id="fr-day-after"),
        pytest.param("depois de amanhã", (2026, 6, 12), id="pt-day-after"),
        pytest.param("послезавтра", (2026, 6, 12), id="ru-day-after"),
    ],
)
def test_target_date_today_and_tomorrow_in_other_languages(
    text: str, expected: tuple[int, int, int]
) -> None:
    assert parse_target_date(text, TODAY) == datetime.date(*expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Already passed this year: next year, as "1.3" and "1st March" are read.
        pytest.param("el 15 de marzo", (2027, 3, 15), id="es-de"),
        pytest.param("15. März", (2027, 3, 15), id="de-dotted-day"),
        pytest.param("am 15. März", (2027, 3, 15), id="de-am"),
        pytest.param("15. Maerz", None, id="de-ae-spelling-unknown"),
        pytest.param("le 15 mars", (2027, 3, 15), id="fr-le"),
        pytest.param("1er juillet", (2026, 7, 1), id="fr-premier"),
        pytest.param("15 de março", (2027, 3, 15), id="pt-de"),
        pytest.param("15 de marco", (2027, 3, 15), id="pt-without-cedilla"),
        pytest.param("15 марта", (2027, 3, 15), id="ru-genitive-month"),
        pytest.param("15 июля", (2026, 7, 15), id="ru-ahead-this-year"),
        pytest.param("1 мая", (2027, 5, 1), id="ru-may-with-short-i"),
        pytest.param("15/3", (2027, 3, 15), id="slash"),
        pytest.param("15.03.", (2027, 3, 15), id="dotted"),
        pytest.param("20 juin", (2026, 6, 20), id="fr-this-month"),
        pytest.param("10 de junio", (2026, 6, 10), id="es-today-stays"),
        pytest.param("15 ago", (2026, 8, 15), id="es-pt-abbreviation"),
        pytest.param("15 de marzo de 2028", (2028, 3, 15), id="es-with-year"),
        pytest.param("15 марта 2027 года", (2027, 3, 15), id="ru-with-year"),
        # With a year, the date itself even if it has passed, as in English.
        pytest.param("15 de marzo de 2025", (2025, 3, 15), id="es-past-year"),
        pytest.param("el 15", (2026, 6, 15), id="es-day-of-month"),
        pytest.param("am 15.", (2026, 6, 15), id="de-day-of-month"),
        pytest.param("le 15", (2026, 6, 15), id="fr-day-of-month"),
        pytest.param("no dia 15", (2026, 6, 15), id="pt-day-of-month"),
        pytest.param("15-го", (2026, 6, 15), id="ru-day-of-month"),
        pytest.param("5 числа", (2026, 7, 5), id="ru-chisla-next-month"),
    ],
)
def test_target_date_day_and_month_in_other_languages(
    text: str, expected: tuple[int, int, int] | None
) -> None:
    found = parse_target_date(text, TODAY)

    assert found == (None if expected is None else datetime.date(*expected))


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        pytest.param("fin de mes", (2026, 6, 30), (2026, 7, 31), id="es-eom-on-last-day"),
        pytest.param("в конце месяца", (2026, 1, 31), (2026, 2, 28), id="ru-eom-jan-31"),
        pytest.param("viernes", (2026, 6, 12), (2026, 6, 19), id="es-friday-on-a-friday"),
        pytest.param("в пятницу", (2026, 6, 12), (2026, 6, 19), id="ru-friday-on-a-friday"),
        pytest.param("el mes que viene", (2026, 1, 31), (2026, 2, 28), id="es-next-month-clamped"),
        pytest.param("Mitte des Monats", (2026, 6, 15), (2026, 7, 15), id="de-mid-on-the-15th"),
    ],
)
def test_target_date_in_other_languages_relative_to_other_days(
    text: str, today: tuple[int, int, int], expected: tuple[int, int, int]
) -> None:
    assert parse_target_date(text, datetime.date(*today)) == datetime.date(*expected)


@pytest.mark.parametrize(
    "text",
    [
        # Past days are not targets.
        pytest.param("ayer", id="es-yesterday"),
        pytest.param("hier", id="fr-yesterday"),
        pytest.param("вчера", id="ru-yesterday"),
        pytest.param("vor 3 Tagen", id="de-three-days-ago"),
        pytest.param("hace dos semanas", id="es-two-weeks-ago"),
        pytest.param("il y a deux semaines", id="fr-two-weeks-ago"),
        pytest.param("há duas semanas", id="pt-two-weeks-ago"),
        pytest.param("две недели назад", id="ru-two-weeks-ago"),
        pytest.param("la semana pasada", id="es-last-week"),
        pytest.param("letzte Woche", id="de-last-week"),
        pytest.param("el viernes pasado", id="es-last-friday"),
        pytest.param("vendredi dernier", id="fr-last-friday"),
        pytest.param("в прошлую пятницу", id="ru-last-friday"),
        # Nothing to read.
        pytest.param("el", id="es-article-alone"),
        pytest.param("в", id="ru-preposition-alone"),
        pytest.param("Mitte", id="de-mid-alone"),
        pytest.param("fin", id="fr-end-alone"),
        pytest.param("marzo", id="es-month-alone"),
        pytest.param("15 de smarch", id="es-unknown-month"),
        pytest.param("en muchas semanas", id="es-vague-amount"),
        pytest.param("mar", id="tuesday-or-march"),
        pytest.param("Я хочу исчезнуть на время", id="ru-sentence"),
    ],
)
def test_target_date_rejected_in_other_languages(text: str) -> None:
    assert parse_target_date(text, TODAY) is None


# --- Durations -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("24 horas", 24.0, id="es-pt-horas"),
        pytest.param("un día", 24.0, id="es-un-dia"),
        pytest.param("dos días", 48.0, id="es-dos-dias"),
        pytest.param("dos dias", 48.0, id="es-without-accent"),
        pytest.param("un día y medio", 36.0, id="es-day-and-a-half"),
        pytest.param("medio día", 12.0, id="es-half-day"),
        pytest.param("una hora y media", 1.5, id="es-hour-and-a-half"),
        pytest.param("un par de días", 48.0, id="es-a-couple"),
        pytest.param("48 Stunden", 48.0, id="de-stunden"),
        pytest.param("zwei Tage", 48.0, id="de-zwei-tage"),
        pytest.param("einen Tag", 24.0, id="de-einen-tag"),
        pytest.param("anderthalb Tage", 36.0, id="de-anderthalb"),
        pytest.param("eineinhalb Tage", 36.0, id="de-eineinhalb"),
        pytest.param("einen halben Tag", 12.0, id="de-half-day"),
        pytest.param("ein Tag und ein halber", 36.0, id="de-und-ein-halber"),
        pytest.param("1,5 Tage", 36.0, id="de-decimal-comma"),
        pytest.param("ein Wochenende", 48.0, id="de-weekend"),
        pytest.param("24 heures", 24.0, id="fr-heures"),
        pytest.param("deux jours", 48.0, id="fr-deux-jours"),
        pytest.param("un jour", 24.0, id="fr-un-jour"),
        pytest.param("un jour et demi", 36.0, id="fr-et-demi"),
        pytest.param("une demi-journée", 12.0, id="fr-demi-journee"),
        pytest.param("dois dias", 48.0, id="pt-dois-dias"),
        pytest.param("um dia", 24.0, id="pt-um-dia"),
        pytest.param("um dia e meio", 36.0, id="pt-e-meio"),
        pytest.param("24 часа", 24.0, id="ru-chasa"),
        pytest.param("48 часов", 48.0, id="ru-chasov"),
        pytest.param("сутки", 24.0, id="ru-sutki"),
        pytest.param("Сутки.", 24.0, id="ru-sutki-capital"),
        pytest.param("двое суток", 48.0, id="ru-dvoe-sutok"),
        pytest.param("двое\u00a0суток", 48.0, id="ru-dvoe-sutok-no-break-space"),
        pytest.param("два дня", 48.0, id="ru-dva-dnya"),
        pytest.param("день", 24.0, id="ru-den-alone"),
        pytest.param("один день", 24.0, id="ru-odin-den"),
        pytest.param("полтора дня", 36.0, id="ru-poltora"),
        pytest.param("полдня", 12.0, id="ru-half-a-day"),
        pytest.param("пару дней", 48.0, id="ru-a-couple"),
        pytest.param("неделю", 168.0, id="ru-a-week"),
    ],
)
def test_hours_in_other_languages(text: str, expected: float) -> None:
    assert parse_hours(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Friday 09:00 in Berlin (UTC+2) is 07:00 UTC, 43 hours after Wednesday noon UTC.
        pytest.param("bis Freitag", 43.0, id="de-bis"),
        pytest.param("hasta el viernes", 43.0, id="es-hasta"),
        pytest.param("jusqu'à vendredi", 43.0, id="fr-jusqua"),
        pytest.param("jusqu’à vendredi", 43.0, id="fr-curly-apostrophe"),
        pytest.param("até sexta", 43.0, id="pt-ate"),
        pytest.param("até sexta-feira", 43.0, id="pt-sexta-feira"),
        pytest.param("до пятницы", 43.0, id="ru-do"),
        pytest.param("bis morgen", 19.0, id="de-tomorrow"),
        pytest.param("hasta mañana", 19.0, id="es-tomorrow"),
        pytest.param("до завтра", 19.0, id="ru-tomorrow"),
        pytest.param("bis morgen früh", 19.0, id="de-tomorrow-morning"),
        pytest.param("jusqu'à lundi matin", 115.0, id="fr-monday-morning"),
        pytest.param("до понедельника утром", 115.0, id="ru-monday-morning"),
        pytest.param("bis Freitag 18 Uhr", 52.0, id="de-weekday-time"),
        pytest.param("hasta el viernes a las 6 de la tarde", 52.0, id="es-weekday-time"),
        # Said on a Wednesday: the next Wednesday, a week later.
        pytest.param("до среды", 163.0, id="ru-same-weekday-next-week"),
    ],
)
def test_hours_until_a_day_in_other_languages(text: str, expected: float) -> None:
    assert parse_hours(text, now=NOW, zone="Europe/Berlin") == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "now"),
    [
        pytest.param("bis Freitag", None, id="de-no-now"),
        pytest.param("bis Freitag abends", NOW, id="de-vague-time"),
        pytest.param("hasta el finde", NOW, id="es-not-a-day"),
        pytest.param("до", NOW, id="ru-nothing-after"),
        pytest.param("medio", None, id="es-half-alone"),
        pytest.param("Tage", None, id="de-unit-alone"),
        pytest.param("un par", None, id="es-couple-without-unit"),
        pytest.param("anderthalb", None, id="de-fraction-without-unit"),
        pytest.param("дня", None, id="ru-genitive-unit-alone"),
        pytest.param("viele Stunden", None, id="de-vague"),
        pytest.param("двое суток 5", None, id="ru-trailing-number"),
    ],
)
def test_hours_rejected_in_other_languages(text: str, now: datetime.datetime | None) -> None:
    assert parse_hours(text, now=now, zone="Europe/Berlin") is None


# --- Typed choices ---------------------------------------------------------------------------

# The journey's buttons as the Russian catalogue labels them.
PREPARED_RU = (("yes", "Да"), ("mostly", "В основном"), ("not_really", "Не совсем"))
WHEN_RU = (("today", "Сегодня"), ("yesterday", "Вчера"), ("earlier", "Раньше"))


@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [
        pytest.param("ага", PREPARED_RU, "yes", id="ru-yes-word"),
        pytest.param("неа", PREPARED_RU, "not_really", id="ru-no-word"),
        pytest.param("не совсем", PREPARED_RU, "not_really", id="ru-label"),
        pytest.param("вчера вечером", WHEN_RU, "yesterday", id="ru-yesterday"),
        pytest.param("сегодня утром", WHEN_RU, "today", id="ru-today"),
        pytest.param("3 дня назад", WHEN_RU, "earlier", id="ru-days-ago-is-earlier"),
        pytest.param("позавчера", WHEN_RU, "earlier", id="ru-day-before-yesterday"),
    ],
)
def test_match_choice_in_russian(
    text: str, options: tuple[tuple[str, str], ...], expected: str
) -> None:
    assert match_choice(text, options) == expected
