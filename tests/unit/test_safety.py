"""Crisis language is noticed the way people write it, negations and figures of speech are
not, and the reply says plainly where to find help."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from core.safety import (
    CRISIS_PAUSE_HOURS,
    Helpline,
    crisis_reply,
    describe,
    detect_crisis,
    helplines_for,
    normalise,
    sos_reply,
    with_country,
)
from core.texts.catalogue import EN
from core.texts.safety import SAFETY_TEXTS

ZWSP = "\u200b"

MUST_TRIGGER = [
    # Plain statements.
    "I want to kill myself",
    "i want to die",
    "I just want to die after that interview",
    "I'm thinking about suicide",
    "I feel suicidal",
    "I want to end my life",
    "thinking about ending it all tbh",
    "I'm going to take my own life",
    "I don't want to be here anymore",
    "i dont wanna be alive anymore",
    "I don't want to live anymore",
    "I wish I were dead",
    "I wish I'd never been born",
    "wish i wasnt alive",
    "Everyone would be better off without me",
    "I'm better off dead",
    "There's no reason to live",
    "I don't have anything to live for",
    "I honestly don't see the point in living anymore",
    "I can't go on like this",
    "I can’t go on anymore.",
    "I want to disappear",
    "I want to vanish and never come back",
    "I want to go to sleep and never wake up",
    "I hope I don't wake up tomorrow",
    "I've been thinking about an overdose",
    "I keep thinking about jumping off the roof",
    "I want to hang myself",
    "I'd rather be dead",
    "I want to die of shame",
    "I'm tired of living",
    # Self-harm.
    "I want to hurt myself",
    "I cut myself last night",
    "I've started cutting again",
    "been cutting again",
    "self harm is all I think about",
    "I keep thinking about harming myself",
    # A negation in one clause doesn't cancel a crisis statement in another.
    "I'm not suicidal, but sometimes I want to die",
    "I'm not suicidal… but I've been cutting myself again",
    "I don't want to die but I want to disappear",
    "I'm fine. I want to kill myself.",
    "I'm not going to lie, I'm suicidal",
    # Negators that belong to distress, not to the crisis statement.
    "I'm not ok I want to die",
    "Not hired again. I want to die",
    "I didn't get the job I want to die",
    "no job no money i want to die",
    "ngl i want to die",
    "I don't know why I want to die",
    "I'm trying not to hurt myself",
    "I can't stop thinking about killing myself",
    "I've never felt this low I want to die",
    # Typos, chat spellings, leetspeak, shouting, hidden characters.
    "I DON'T WANT TO LIVE ANYMORE",
    "SUICIDAL",
    "sucidal thoughts again",
    "kms",
    "i wanna kms lol",
    "k1ll mys3lf",
    "i want 2 die",
    "i want to diiiie",
    "i want to k*ll myself",
    "s u i c i d e",
    f"I w{ZWSP}ant to d{ZWSP}ie",
    f"I want to k{ZWSP}ill my\u00adself",
    "I wan\u200dna   end it all",
    "I\u2019m not ok. I don\u2019t want to be here anymore.",
]

MUST_NOT_TRIGGER = [
    # Negations on their own.
    "I'm not suicidal",
    "I’M NOT SUICIDAL, just really disappointed",
    "I would never kill myself",
    "I don't want to die",
    "not going to hurt myself",
    "I am NOT going to kill myself, I promise",
    "I have no intention of hurting myself",
    "I have no suicidal thoughts",
    "no self-harm, I promise",
    "I'm not thinking of suicide at all",
    "I don't think I'd ever hurt myself",
    "No way I'd kill myself",
    "I've never been suicidal",
    "I haven't self-harmed in years",
    "I'm in no way suicidal",
    # Figures of speech and the job search.
    "this interview killed me",
    "I could kill for that job",
    "I'm dying to hear back",
    "dead tired",
    "The deadline is tomorrow",
    "killing it at work",
    "the commute is killing me",
    "I'd die of embarrassment",
    "I wanted to die of embarrassment",
    "suicide squad movie was fun",
    "drop dead gorgeous",
    "my phone died",
    # Borderline, decided: "X is killing me" is the everyday idiom for stress.
    "this job search is killing me",
    # Borderline, decided: hyperbole about a job, not a wish to die.
    "I'd rather die than work there again",
    "that would be career suicide",
    "I need to cut myself some slack",
    "I'll burn myself out if I keep this up",
    "I shot myself in the foot in that interview",
    "I've been killing myself preparing for this interview",
    "walked 5 kms today",
    "I want to take my life back",
    "I didn't wake up on time",
    "I can't go on LinkedIn without seeing their posts",
    "the recruiter vanished and never came back",
    "they're cutting again at my old company",
    "I don't want to live in London anymore",
    "I don't want to be here in five years",
    "I hurt myself at the gym",
    "I wanted to disappear into the floor",
    "I want to disappear for a week on holiday",
    "I overdosed on coffee before the interview",
    "I'm going to end it here for today",
    "I want to die on this hill: take-home tests should be paid",
    # Venting that isn't crisis language on its own.
    "I can't do this anymore",
    "I hate my life",
]


def _shout(text: str) -> str:
    return text.upper()


def _curly(text: str) -> str:
    return text.replace("'", "\u2019")


def _hidden(text: str) -> str:
    """A zero-width space after the first letter of every longer word."""
    return re.sub(r"\b(\w)(\w{2,})", rf"\1{ZWSP}\2", text)


def _spaced(text: str) -> str:
    return "  " + text.replace(" ", " \u00a0\t ") + "\n"


VARIANTS: list[Callable[[str], str]] = [_shout, _curly, _hidden, _spaced]


def test_the_table_is_big_enough() -> None:
    assert len(MUST_TRIGGER) >= 25
    assert len(MUST_NOT_TRIGGER) >= 25
    assert not set(MUST_TRIGGER) & set(MUST_NOT_TRIGGER)


@pytest.mark.parametrize("text", MUST_TRIGGER)
def test_crisis_language_triggers(text: str) -> None:
    assert detect_crisis(text)


@pytest.mark.parametrize("text", MUST_NOT_TRIGGER)
def test_negations_and_figures_of_speech_do_not_trigger(text: str) -> None:
    assert not detect_crisis(text)


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.__name__.strip("_"))
def test_case_apostrophes_hidden_characters_and_spacing_change_nothing(
    variant: Callable[[str], str],
) -> None:
    missed = [t for t in MUST_TRIGGER if not detect_crisis(variant(t))]
    raised = [t for t in MUST_NOT_TRIGGER if detect_crisis(variant(t))]

    assert missed == []
    assert raised == []


@pytest.mark.parametrize("text", ["", "   ", "\u200b\u200b", "ok", "Step 3 done 👍"])
def test_empty_and_ordinary_texts_do_not_trigger(text: str) -> None:
    assert not detect_crisis(text)


def test_a_crisis_phrase_anywhere_in_a_long_message_triggers() -> None:
    text = "The interview went badly and I keep replaying it. " * 60 + "I want to die."

    assert detect_crisis(text)


def test_normalise_undoes_disguises() -> None:
    assert normalise(f"  I\u2019M   k{ZWSP}1ll\u00adING\nmy   self  ") == "i'm killing\nmy self"
    assert normalise("im gonna") == "i'm going to"
    assert normalise("s*icide") == "suicide"


# --- Crisis language in Spanish, German, French and Portuguese --------------------------------

CRISIS_ELSEWHERE: dict[str, list[str]] = {
    "es": [
        "ya no quiero vivir así",
        "Ya no quiero vivir asi",
        "quiero morirme",
        "me quiero morir",
        "kiero morirme ya",
        "me quiero matar",
        "voy a matarme",
        "pienso en suicidarme",
        "me voy a suicidar",
        "quiero quitarme la vida",
        "no tengo razones para vivir",
        "todos estarían mejor sin mí",
        "ojalá estuviera muerta",
        "quisiera dormir y no despertar",
        "no puedo seguir así",
        "me he vuelto a cortar",
        "quiero desaparecer",
        # A negation in one clause doesn't cancel a crisis statement in another.
        "no me contrataron, quiero morir",
        "no me llamaron quiero morir",
        "estoy bien. quiero morirme.",
    ],
    "de": [
        "ich will nicht mehr leben",
        "ich bring mich um",
        "ich will sterben",
        "Ich möchte sterben",
        "ich moechte einfach nur sterben",
        "ich will sterbn",
        "ich denke daran, mich umzubringen",
        "ich glaube, ich bringe mich um",
        "ich habe Suizidgedanken",
        "alle wären besser dran ohne mich",
        "ich will mir das Leben nehmen",
        "ich will nicht mehr aufwachen",
        "ich ritze mich wieder",
        "das Leben hat keinen Sinn mehr",
        "ich bin lebensmüde",
        "ich will einfach verschwinden",
        "Ich habe den Job nicht bekommen, ich will sterben",
    ],
    "fr": [
        "je veux mourir",
        "j'ai envie d'en finir",
        "je vais me suicider",
        "j’ai envie de mourir",
        "jveux mourrir",
        "je ne veux plus vivre",
        "j'ai plus envie de vivre",
        "je vais me tuer",
        "tout le monde serait mieux sans moi",
        "je pense au suicide",
        "je veux disparaître",
        "je me scarifie",
        "ma vie n'a plus de sens",
        "je n'ai pas eu le poste, j'ai envie de mourir",
        "je ne suis pas suicidaire mais j'ai envie de mourir",
    ],
    "pt": [
        "quero morrer",
        "não quero mais viver",
        "nao quero mais viver",
        "n quero mais viver",
        "vou me matar",
        "penso em suicídio",
        "to com vontade de morrer",
        "todo mundo ficaria melhor sem mim",
        "queria nunca ter nascido",
        "quero sumir",
        "quero dormir e não acordar mais",
        "voltei a me cortar",
        "não aguento mais viver",
        "não passei na entrevista, quero morrer",
    ],
}

NOT_CRISIS_ELSEWHERE: dict[str, list[str]] = {
    "es": [
        # Negations.
        "no quiero morir",
        "no me quiero morir",
        "no voy a matarme",
        "no pienso en suicidarme",
        "nunca he pensado en suicidarme",
        "no soy suicida",
        "no tengo ganas de morir",
        "no creo que quiera morir",
        # Borderline, decided: someone or something else "killing me" is the idiom for stress,
        # as "this interview killed me" is in English.
        "me mataron en la entrevista",
        "la entrevista me mató",
        "esta búsqueda me está matando",
        "esta búsqueda va a matarme",
        "me mato estudiando para las entrevistas",
        # Dying of embarrassment is an idiom; disappearing for a while is soft distress.
        "me muero de vergüenza",
        "quiero morirme de vergüenza",
        "quiero desaparecer un rato",
        # Job talk.
        "no quiero vivir en Madrid",
        "eso sería un suicidio profesional",
        "mejor muerto que volver a esa empresa",
        "no me llamaron de vuelta",
    ],
    "de": [
        "ich will nicht sterben",
        "ich habe nicht vor, mich umzubringen",
        "ich würde mich nie umbringen",
        "ich bin nicht suizidal",
        "ich habe keine Suizidgedanken",
        # Borderline, decided: "das bringt mich um" is the idiom for stress.
        "das bringt mich um",
        "die Jobsuche wird mich noch umbringen",
        "das wäre beruflicher Selbstmord",
        "ich würde lieber sterben als dort arbeiten",
        "ich will nicht mehr in Berlin leben",
        "ich will für eine Weile verschwinden",
        "ich habe die Stelle nicht bekommen",
    ],
    "fr": [
        "je ne veux pas mourir",
        "je veux pas mourir",
        "j'ai pas envie de mourir",
        "je ne vais pas me suicider",
        "je ne suis pas suicidaire",
        "je me suiciderai jamais",
        # Borderline, decided: "ça va me tuer" is the idiom for stress.
        "ça va me tuer",
        "cet entretien va me tuer",
        "je vais me tuer à la tâche",
        "je veux en finir avec cette candidature",
        "je meurs de honte",
        "c'est un suicide professionnel",
        "je veux disparaître quelques jours",
    ],
    "pt": [
        "não quero morrer",
        "nao vou me matar",
        "não sou suicida",
        "nunca me mataria",
        "não penso em suicídio",
        # Borderline, decided: "vai me matar" is the idiom for stress.
        "essa entrevista vai me matar",
        "vou me matar de estudar",
        "quero morrer de vergonha",
        "quero sumir um tempo",
        "não quero viver em São Paulo",
        "seria suicídio profissional",
    ],
}


def by_language(table: dict[str, list[str]]) -> list[object]:
    """A table's phrases as parameters, each named by its language and text."""
    return [
        pytest.param(text, id=f"{lang}: {text}") for lang, texts in table.items() for text in texts
    ]


def test_the_tables_in_other_languages_are_big_enough() -> None:
    assert sum(len(texts) for texts in CRISIS_ELSEWHERE.values()) >= 30
    assert all(len(CRISIS_ELSEWHERE[lang]) >= 10 for lang in ("es", "de", "fr", "pt"))
    assert all(len(NOT_CRISIS_ELSEWHERE[lang]) >= 10 for lang in ("es", "de", "fr", "pt"))


@pytest.mark.parametrize("text", by_language(CRISIS_ELSEWHERE))
def test_crisis_language_in_spanish_german_french_and_portuguese_triggers(text: str) -> None:
    assert detect_crisis(text)


@pytest.mark.parametrize("text", by_language(NOT_CRISIS_ELSEWHERE))
def test_negations_idioms_and_job_talk_in_other_languages_do_not_trigger(text: str) -> None:
    assert not detect_crisis(text)


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.__name__.strip("_"))
def test_other_languages_survive_case_apostrophes_hidden_characters_and_spacing(
    variant: Callable[[str], str],
) -> None:
    triggers = [t for texts in CRISIS_ELSEWHERE.values() for t in texts]
    negatives = [t for texts in NOT_CRISIS_ELSEWHERE.values() for t in texts]

    assert [t for t in triggers if not detect_crisis(variant(t))] == []
    assert [t for t in negatives if detect_crisis(variant(t))] == []


@pytest.mark.parametrize(
    "text",
    [
        "ich möchte sterben",
        "ich mochte sterben",
        "ich moechte sterben",
        "ich bin lebensmüde",
        "ich bin lebensmuede",
        "não quero mais viver",
        "ñao quero mais viver",
        "me quiero morir",
        "mé quiero morír",
        "je veux disparaître",
        "je veux disparaitre",
    ],
)
def test_accents_and_umlauts_are_optional(text: str) -> None:
    assert detect_crisis(text)


# --- Helplines ---------------------------------------------------------------------------------

US_988 = Helpline(
    "988 Suicide & Crisis Lifeline", ("US",), "988", text="988", free=True, always=True
)
SAMARITANS = Helpline("Samaritans", ("GB", "IE"), "116 123", free=True, always=True)


@pytest.mark.parametrize("code", ["en-US", "en_us", "EN-US"])
def test_us_gets_988(code: str) -> None:
    assert helplines_for(code) == [US_988]


@pytest.mark.parametrize("code", ["en-GB", "en-IE", "en-gb", "en-UK", "ga-IE"])
def test_uk_and_ireland_get_samaritans(code: str) -> None:
    assert helplines_for(code) == [SAMARITANS]


def test_english_without_a_country_gets_the_us_and_uk_lines() -> None:
    assert helplines_for("en") == [US_988, SAMARITANS]


@pytest.mark.parametrize("code", ["de", "de-DE"])
def test_germany_gets_telefonseelsorge(code: str) -> None:
    (line,) = helplines_for(code)

    assert line.name == "TelefonSeelsorge"
    assert (line.phone, line.other) == ("0800 111 0 111", "0800 111 0 222")
    assert "call 0800 111 0 111 or 0800 111 0 222, free, day or night" in describe(line)


@pytest.mark.parametrize(
    ("code", "number"),
    [
        ("fr", "3114"),
        ("it", "02 2327 2327"),
        ("nl", "113"),
        ("pt-BR", "188"),
        ("hi", "14416"),
        ("en-IN", "14416"),
        ("ja", "0570-783-556"),
        ("pl", "116 123"),
        ("uk", "7333"),
        ("en-CA", "988"),
        ("en-AU", "13 11 14"),
        ("ru", "+7 495 989-50-50"),
    ],
)
def test_known_languages_and_countries_get_their_line(code: str, number: str) -> None:
    lines = helplines_for(code)

    assert len(lines) == 1
    assert lines[0].phone == number
    assert number in describe(lines[0])


@pytest.mark.parametrize("code", [None, "", "xx", "zh-hans", "en-SG", "es-419", "ru-BY", "ru-KZ"])
def test_unknown_language_or_country_gets_no_lines(code: str | None) -> None:
    assert helplines_for(code) == []


def test_helplines_for_returns_a_fresh_list() -> None:
    helplines_for("en").clear()

    assert helplines_for("en") == [US_988, SAMARITANS]


# --- Replies -----------------------------------------------------------------------------------

CODES = [None, "", "en", "en-US", "en-GB", "en-IE", "en-AU", "de", "de-CH", "fr-BE", "en-BE"]
CODES += ["es", "it", "nl", "pt-BR", "hi", "ja", "pl", "uk", "ru", "xx", "zh-hans", "en-RU"]
CODES += ["en-AR", "en-CA", "en-PE", "en-IL"]


@pytest.mark.parametrize("reply", [crisis_reply, sos_reply], ids=["crisis", "sos"])
@pytest.mark.parametrize("code", CODES)
def test_reply_points_to_help_and_fits_a_phone(
    reply: Callable[[str | None, str | None], str], code: str | None
) -> None:
    text = reply(code, "en")

    assert len(text) <= 700
    assert "not a crisis service" in text
    assert "emergency" in text
    for number in ("112", "911", "999"):
        assert number in text
    assert "findahelpline.com" in text
    for line in helplines_for(code, "en"):
        assert describe(line, "en") in text
        assert line.phone in text
    assert not re.search(r"\bjust\b", text, re.IGNORECASE)
    assert "{" not in text


# The English reply as it has always read: these sentences are product copy.
CRISIS_EN_US = """\
I'm really glad you told me, and I'm sorry it hurts this much. You matter. 💛

Bounce Back is a job-search coach, not a crisis service, so I can't help in an emergency.

If you're in danger right now, call your local emergency number (112 in Europe, 911 in the US \
and Canada, 999 in the UK).

You don't have to carry this alone. You can talk to someone now:
• 988 Suicide & Crisis Lifeline (US): call or text 988, free, day or night

Wherever you are, findahelpline.com finds a free, confidential helpline in your country.

I'll pause my reminders for a day. When you're ready, /resume picks up where we left off."""


def test_the_english_crisis_reply_reads_as_it_always_has() -> None:
    assert crisis_reply("en-US") == CRISIS_EN_US
    assert crisis_reply("en-US", "en") == CRISIS_EN_US


def test_crisis_reply_is_kind_and_pauses_reminders() -> None:
    text = crisis_reply("en-US")

    assert text.startswith("I'm really glad you told me")
    assert "You matter" in text
    assert "988" in text
    assert text.endswith(
        "I'll pause my reminders for a day. When you're ready, /resume picks up where we left off."
    )
    assert CRISIS_PAUSE_HOURS == 24


def test_sos_reply_is_the_same_help_without_the_pause() -> None:
    crisis, sos = crisis_reply("en-GB"), sos_reply("en-GB")

    assert "pause" not in sos
    assert "/resume" not in sos
    assert "• Samaritans (UK & Ireland): call 116 123, free, day or night" in sos
    assert sos.split("\n\n")[1:] == crisis.split("\n\n")[1:-1]


def test_an_unknown_language_still_gets_emergency_numbers_and_the_directory() -> None:
    text = crisis_reply("xx")

    assert "112 in Europe, 911 in the US and Canada, 999 in the UK" in text
    assert "findahelpline.com" in text
    assert "talk to someone now" not in text


def test_a_known_country_puts_its_emergency_number_first() -> None:
    assert "(000 in Australia, 112 in Europe" in sos_reply("en-AU")
    assert "(119 in Japan, 112 in Europe" in sos_reply("ja")
    assert "(112 in Russia, 112 in Europe" in sos_reply("en-RU")
    assert "(123 in Colombia, 112 in Europe" in sos_reply("es-CO", "en")


def test_texts_are_keyed_for_the_catalogue() -> None:
    assert SAFETY_TEXTS["command.sos"]
    assert "\n" not in SAFETY_TEXTS["command.sos"]
    assert all(key.startswith("safety.") for key in SAFETY_TEXTS if key != "command.sos")
    # Merging into the catalogue must not change any text already there.
    assert all(EN.get(key, text) == text for key, text in SAFETY_TEXTS.items())
    assert not any(re.search(r"\bjust\b", text, re.IGNORECASE) for text in SAFETY_TEXTS.values())


@pytest.mark.parametrize(
    ("language", "zone", "expected"),
    [
        ("en", "Europe/London", "en-gb"),
        ("en-US", "Europe/London", "en-US"),
        (None, "Europe/Berlin", "en-de"),
        ("de", None, "de"),
        ("es", "Not/AZone", "es"),
    ],
)
def test_help_follows_the_country_of_the_users_time_zone(
    language: str | None, zone: str | None, expected: str | None
) -> None:
    assert with_country(language, zone) == expected


def test_a_london_user_without_a_country_in_their_language_gets_uk_help_first() -> None:
    reply = crisis_reply(with_country("en", "Europe/London"))
    assert "Samaritans" in reply
    assert "988" not in reply
