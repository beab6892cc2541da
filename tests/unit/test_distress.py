"""Soft distress (hopelessness, exhaustion, withdrawal, worthlessness) is noticed the way people
write it, in five languages, without mistaking job talk for it; crisis language is crisis, not
soft distress; and a follow-up saying "I'm safe" is heard as such, never over crisis language."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from core.safety import detect_crisis, detect_distress, detect_reassurance
from tests.unit.test_safety import (
    CRISIS_ELSEWHERE,
    MUST_TRIGGER,
    VARIANTS,
    ZWSP,
    by_language,
)

DISTRESS: dict[str, list[str]] = {
    "en": [
        # Hopelessness.
        "honestly I feel like there's no point anymore",
        "what's the point",
        "What's the point of even trying?",
        "nothing matters",
        "everything feels pointless",
        "I've lost all hope",
        "I give up on everything",
        "I don't care about anything anymore",
        # "I can't do this anymore".
        "I can't do this anymore",
        "i cant take it anymore",
        "I'm not ok",
        # Worthlessness.
        "I'm worthless",
        "I'm a failure",
        "I feel like a burden",
        "I feel empty",
        "I'm useless",
        "I hate my life",
        # Exhaustion, sleep, bed.
        "I'm so tired of everything",
        "I'm exhausted all the time",
        "I haven't slept in weeks",
        "I can't get out of bed",
        "I can't stop crying",
        # Withdrawal.
        "I just want to disappear for a while",
        "I don't want to see anyone",
        "I've been avoiding everyone",
        "no one would care",
        "nobody cares about me",
        "I feel so alone",
    ],
    "es": [
        "ya no puedo más",
        "no aguanto más",
        "nada tiene sentido",
        "¿para qué?",
        "me siento inútil",
        "soy un fracaso",
        "no valgo nada",
        "me odio",
        "estoy cansada de todo",
        "no duermo desde hace semanas",
        "no me puedo levantar de la cama",
        "a nadie le importaría",
        "solo quiero desaparecer un rato",
    ],
    "de": [
        "ich kann nicht mehr",
        "es hat alles keinen Sinn mehr",
        "ich bin wertlos",
        "ich fühle mich so leer",
        "ich bin ein Versager",
        "ich hasse mich",
        "ich bin so müde von allem",
        "ich schlafe seit Wochen nicht mehr",
        "ich komme nicht aus dem Bett",
        "ich will niemanden sehen",
        "niemand würde es merken",
        "ich will einfach mal für eine Weile verschwinden",
    ],
    "fr": [
        "j'en peux plus",
        "à quoi bon",
        "plus rien n'a de sens",
        "je suis nul",
        "je me sens vide",
        "je suis un raté",
        "je ne vaux rien",
        "je me déteste",
        "fatigué de tout",
        "je n'arrive plus à dormir",
        "je veux voir personne",
        "je veux juste disparaître un moment",
    ],
    "pt": [
        "não aguento mais",
        "nada mais faz sentido",
        "me sinto inútil",
        "sou um fracasso",
        "me odeio",
        "cansado de tudo",
        "não durmo há semanas",
        "não consigo sair da cama",
        "ninguém se importa comigo",
        "só quero sumir um tempo",
        "desisto de tudo",
        "não quero ver ninguém",
    ],
}

NOT_DISTRESS: dict[str, list[str]] = {
    "en": [
        # Job talk that merely contains a word (see the module docstring for the rules).
        "there's no point applying there twice",
        "what's the point of a cover letter if nobody reads it",
        "it's pointless to apply without a referral",
        "I'm tired of writing cover letters",
        "I'm useless at negotiating salary",
        "I felt like a failure in that interview",
        "nobody cares about your GPA after two years",
        "nothing matters more than the portfolio",
        "I give up on that company",
        "I can't sleep before big interviews",
        "I hate myself for not asking about salary",
        "I'm empty-handed after three rounds",
        "I want to disappear from LinkedIn for a week",
        "I haven't heard back in weeks",
        # Negations.
        "I'm not worthless",
        "it's not pointless",
        "I'm not a failure",
        "I don't feel hopeless",
    ],
    "es": [
        "no tiene sentido aplicar ahí dos veces",
        "estoy cansado de escribir cartas de presentación",
        "soy inútil con Excel",
        "me rindo con esa empresa",
        "no puedo dormir antes de una entrevista",
        "para que me llamen necesito experiencia",
        "no soy un fracaso",
        "no me siento inútil",
    ],
    "de": [
        "es hat keinen Sinn, sich dort zweimal zu bewerben",
        "ich bin müde vom Schreiben von Anschreiben",
        "ich gebe bei dieser Firma auf",
        "ich kann nicht mehr warten, bis sie antworten",
        "das Feedback war wertlos",
        "ich bin total kaputt nach dem Gespräch",
        "ich bin nicht wertlos",
        "ich fühle mich nicht leer",
        "ich bin kein Versager",
    ],
    "fr": [
        "ça sert à rien de postuler deux fois",
        "je suis fatigué d'écrire des lettres de motivation",
        "je suis nul en négociation",
        "à quoi bon une lettre de motivation si personne ne la lit",
        "je suis seul ce soir, on reprend demain",
        "je ne suis pas un raté",
        "je ne me sens pas vide",
    ],
    "pt": [
        "não adianta mandar currículo duas vezes pra mesma vaga",
        "estou cansado de escrever cartas de apresentação",
        "de que adianta mandar currículo se ninguém lê",
        "desisto dessa vaga",
        "não sou um fracasso",
        "não me sinto inútil",
    ],
}

# Borderline, decided: tiredness after one event is what interviews do to everyone.
TIRED_AFTER_AN_INTERVIEW = [
    "I'm exhausted after the interview",
    "estoy agotada después de la entrevista",
    "ich bin erschöpft nach dem Vorstellungsgespräch",
    "je suis épuisé après l'entretien",
    "estou exausta depois da entrevista",
]

REASSURANCE: dict[str, list[str]] = {
    "en": [
        "I'm not suicidal, just tired",
        "no I'm fine, just exhausted",
        "I didn't mean it like that",
        "not like that",
        "I'm ok",
        "im okay, really",
        "No, I'm safe. Just venting.",
        "I was just venting",
        "don't worry about me",
        "I won't hurt myself",
    ],
    "es": [
        "estoy bien, solo cansado",
        "No, estoy bien",
        "no lo decía en serio",
        "no te preocupes, estoy bien",
        "no soy suicida, solo estoy cansada",
    ],
    "de": [
        "mir geht's gut, bin nur müde",
        "keine Sorge, alles gut",
        "das war nicht so gemeint",
        "ich bin nicht suizidal",
        "mir gehts gut",
    ],
    "fr": [
        "je vais bien, juste fatigué",
        "ça va, je suis juste fatiguée",
        "c'est pas ce que je voulais dire",
        "t'inquiète pas",
        "je ne suis pas suicidaire",
    ],
    "pt": [
        "estou bem, só cansado",
        "tô bem",
        "não foi isso que eu quis dizer",
        "não se preocupe",
        "não sou suicida, só tô cansada",
    ],
}

NOT_REASSURANCE: dict[str, list[str]] = {
    "en": [
        "I'm not ok",
        "I'm not fine",
        "I'm not sure if I'm ok",
        "I pretend I'm fine",
        "I'm good at interviews",
        "it's not like that job was great",
        "ok",
    ],
    "es": ["no estoy bien", "no sé si estoy bien", "estoy bien jodido"],
    "de": [
        "mir geht's nicht gut",
        "mir geht es gar nicht gut",
        "ich weiß nicht, ob es mir gut geht",
    ],
    "fr": [
        "je ne vais pas bien",
        "je vais pas bien",
        "ça va pas",
        "ça va?",
        "je sais pas si je vais bien",
    ],
    "pt": ["não estou bem", "não sei se estou bem", "estou bem mal", "n to bem"],
}

# Reassurance and crisis language in one message: crisis wins.
REASSURANCE_WITH_CRISIS = [
    "I'm fine. I want to die",
    "I'm not suicidal but I want to die",
    "I'm ok, I just want to disappear",
    "estoy bien, pero quiero morir",
    "mir geht's gut, aber ich will nicht mehr leben",
    "je vais bien, mais j'ai envie d'en finir",
    "tô bem, só quero morrer",
]


def test_the_tables_are_big_enough() -> None:
    assert sum(len(texts) for texts in DISTRESS.values()) >= 60
    assert sum(len(texts) for texts in NOT_DISTRESS.values()) >= 30
    assert sum(len(texts) for texts in REASSURANCE.values()) >= 20
    assert set(DISTRESS) == set(NOT_DISTRESS) == set(REASSURANCE) == {"en", "es", "de", "fr", "pt"}


@pytest.mark.parametrize("text", by_language(DISTRESS))
def test_soft_distress_is_noticed_in_every_language(text: str) -> None:
    assert detect_distress(text)


@pytest.mark.parametrize("text", by_language(DISTRESS))
def test_soft_distress_is_not_crisis_language(text: str) -> None:
    assert not detect_crisis(text)


@pytest.mark.parametrize("text", by_language(NOT_DISTRESS))
def test_job_talk_and_negations_are_not_distress(text: str) -> None:
    assert not detect_distress(text)


@pytest.mark.parametrize("text", TIRED_AFTER_AN_INTERVIEW)
def test_tiredness_after_one_interview_is_not_distress(text: str) -> None:
    assert not detect_distress(text)


@pytest.mark.parametrize(
    ("job_advice", "distress"),
    [
        ("there's no point applying there twice", "there's no point anymore"),
        ("what's the point of a cover letter?", "what's the point of anything?"),
        ("I'm tired of writing cover letters", "I'm tired of everything"),
        ("I give up on that company", "I give up on everything"),
        ("I'm useless at negotiating", "I'm useless"),
        ("no tiene sentido aplicar dos veces", "ya nada tiene sentido"),
        ("ça sert à rien de postuler deux fois", "ça sert à rien"),
    ],
)
def test_a_concrete_task_makes_it_job_talk(job_advice: str, distress: str) -> None:
    assert not detect_distress(job_advice)
    assert detect_distress(distress)


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.__name__.strip("_"))
def test_distress_survives_case_apostrophes_hidden_characters_and_spacing(
    variant: Callable[[str], str],
) -> None:
    found = [t for texts in DISTRESS.values() for t in texts]
    not_found = [t for texts in NOT_DISTRESS.values() for t in texts]

    assert [t for t in found if not detect_distress(variant(t))] == []
    assert [t for t in not_found if detect_distress(variant(t))] == []


@pytest.mark.parametrize(
    "text",
    [
        "whats the point",
        "WHAT'S THE POINT???",
        "im worthless",
        "i c4nt do this anymore",
        "im sooo tired of everythiiing",
        "n0 one would care",
        f"I'm w{ZWSP}orth\u00adless",
        "ya no puedo mas",
        "ich bin so muede von allem",
        "ich fuhle mich so leer",
        "je suis un rate",
        "nao aguento mais",
        "n aguento mais",
        "tô cansada de tudo",
    ],
)
def test_typos_chat_spellings_and_missing_accents_are_still_distress(text: str) -> None:
    assert detect_distress(text)


@pytest.mark.parametrize(
    "text", MUST_TRIGGER + [t for texts in CRISIS_ELSEWHERE.values() for t in texts]
)
def test_crisis_language_is_crisis_not_soft_distress(text: str) -> None:
    assert detect_crisis(text)
    assert not detect_distress(text)


@pytest.mark.parametrize("text", by_language(REASSURANCE))
def test_reassurance_after_a_crisis_reply_is_noticed(text: str) -> None:
    assert detect_reassurance(text)


@pytest.mark.parametrize("text", by_language(REASSURANCE))
def test_reassurance_is_not_soft_distress(text: str) -> None:
    assert not detect_distress(text)


@pytest.mark.parametrize("text", by_language(NOT_REASSURANCE))
def test_doubt_negation_and_not_ok_are_not_reassurance(text: str) -> None:
    assert not detect_reassurance(text)


@pytest.mark.parametrize("text", REASSURANCE_WITH_CRISIS)
def test_reassurance_is_never_read_into_crisis_language(text: str) -> None:
    assert detect_crisis(text)
    assert not detect_reassurance(text)


def test_reassurance_and_soft_distress_can_come_together() -> None:
    text = "I'm not suicidal, I just feel worthless"

    assert detect_reassurance(text)
    assert detect_distress(text)


@pytest.mark.parametrize("text", ["", "   ", "\u200b\u200b", "ok", "Step 3 done 👍"])
def test_empty_and_ordinary_texts_are_neither_distress_nor_reassurance(text: str) -> None:
    assert not detect_distress(text)
    assert not detect_reassurance(text)
