"""Listening in every language the bot speaks: Russian in full, and the other four's gaps.

`test_listening.py` pins the rules (mostly in English); here each kind of answer, entry and
list is checked per language, with answers that only contain a trigger word next to them.
"""

from __future__ import annotations

import pytest

from core.listening import (
    AnswerKind,
    EntryKind,
    check_entry,
    classify_answer,
    own_words,
    strength_items,
)
from tests.unit.test_listening import (
    BLAME,
    COMPANY,
    DIS,
    EMPLOYER,
    NON,
    PERSON,
    REAL,
    ROLE,
    SELF,
    STRENGTH,
    entry,
)


def texts(lang: str, *rows: str) -> list[object]:
    return [pytest.param(text, id=f"{lang}: {text[:40]}") for text in rows]


# --- Non-answers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        *texts(
            "ru",
            "не знаю",
            "Не знаю.",
            "хз",
            "ХЗ",
            "без понятия",
            "понятия не имею",
            "ничего",
            "нечего сказать",
            "всё равно",
            "все равно",
            "пропустить",
            "пас",
            "нет",
            "неа",
            "не хочу говорить",
            "не хочу об этом говорить",
            "затрудняюсь ответить",
            "не помню",
            "никто",
            "нееет",
        ),
        *texts("es", "tal vez", "no me acuerdo", "sin comentarios", "prefiero no decirlo"),
        *texts("de", "gar nichts", "weiß ich nicht mehr", "kein Kommentar", "lieber nicht"),
        *texts("fr", "j'en sais rien", "je ne sais plus", "pas vraiment", "rien à dire"),
        *texts("pt", "sei não", "não lembro", "sem comentários", "prefiro não dizer"),
        *texts("en", "I don't remember", "can't remember"),
    ],
)
def test_dont_know_words_are_non_answers(text: str) -> None:
    assert classify_answer(text) is NON


@pytest.mark.parametrize(
    "text",
    [
        *texts(
            "ru",
            "честно, не знаю",
            "наверное, ничего",
            "ну не знаю",
            "типа ничего вообще",
            "извини, без понятия",
            "если честно, нечего сказать",
            "пока ничего",
        ),
        *texts("es", "la verdad, ni idea"),
        *texts("de", "naja, keine Ahnung"),
        *texts("fr", "franchement, aucune idée"),
        *texts("pt", "sinceramente, não sei"),
    ],
)
def test_softeners_around_a_non_answer_keep_it_a_non_answer(text: str) -> None:
    assert classify_answer(text) is NON


@pytest.mark.parametrize(
    "text",
    [
        *texts(
            "ru",
            "ничего не получилось с алгоритмами",
            "не знаю, как отвечать на вопросы про зарплату",
            "ничего страшного, в следующий раз подготовлюсь",
            "нет опыта с Kubernetes",
        ),
        *texts("es", "nada salió bien en la parte técnica"),
        *texts("de", "nichts lief gut beim Systemdesign"),
        *texts("fr", "rien ne s'est bien passé au test technique"),
        *texts("pt", "nada deu certo na parte técnica"),
    ],
)
def test_one_other_word_makes_a_non_answer_word_an_answer(text: str) -> None:
    assert classify_answer(text) is REAL


# --- Dismissive -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        *texts(
            "ru",
            "какая разница",
            "да какая разница",
            "мне всё равно",
            "мне пофиг",
            "мне плевать",
            "пустая трата времени",
            "глупые вопросы",
            "тупой бот",
            "отстань",
            "оставь меня в покое",
            "хватит спрашивать",
            "это бред",
            "это полный бред",
            "что за фигня",
            "да пошло оно всё",
            "к чёрту это всё",
            "зачем мне это",
            "какой в этом смысл",
            "эти вопросы меня бесят",
        ),
        *texts("es", "déjame en paz", "preguntas estúpidas", "esto es una estupidez"),
        *texts("de", "lass mich in Ruhe", "dumme Fragen", "das ist total sinnlos"),
        *texts("fr", "laisse-moi tranquille", "c'est nul", "questions débiles"),
        *texts("pt", "me deixa em paz", "isso é ridículo", "perguntas bobas"),
    ],
)
def test_anger_at_the_exercise_is_dismissive(text: str) -> None:
    assert classify_answer(text) is DIS


@pytest.mark.parametrize(
    "text",
    [
        *texts(
            "ru",
            "блять",
            "бля",
            "бл*ть",
            "бл@ть",
            "хрен",
            "х*й",
            "xyй",
            "нахер",
            "пиздец",
            "п*здец",
            "полный п****ц",
            "хрень",
            "фигня",
            "заебало",
            "ёбаный стыд",
            "сука",
        ),
        *texts("es", "joder", "mierda"),
        *texts("de", "Scheiße", "Scheißfirma"),
        *texts("fr", "putain", "merde alors"),
        *texts("pt", "porra", "caralho"),
    ],
)
def test_a_short_answer_of_swearing_is_dismissive(text: str) -> None:
    assert classify_answer(text) is DIS


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param("Damn.", DIS, id="en: damn alone"),
        pytest.param("Блин.", DIS, id="ru: блин alone"),
        pytest.param("damn, I really wanted that job", REAL, id="en: damn in six words"),
        pytest.param("блин, я очень хотел эту работу", REAL, id="ru: блин in six words"),
    ],
)
def test_mild_blin_counts_exactly_like_damn(text: str, kind: AnswerKind) -> None:
    assert classify_answer(text) is kind


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("ПОЧЕМУ НИКТО НЕ ОТВЕЧАЕТ", id="three words, twelve capitals"),
        pytest.param("СКОЛЬКО МОЖНО!", id="exclamation, two words"),
    ],
)
def test_shouting_in_cyrillic_capitals_is_dismissive(text: str) -> None:
    assert classify_answer(text) is DIS


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("МГУ И МФТИ", id="acronyms"),
        pytest.param("почему никто не отвечает", id="the same words in lower case"),
    ],
)
def test_cyrillic_acronyms_and_lower_case_are_no_shouting(text: str) -> None:
    assert classify_answer(text) is REAL


@pytest.mark.parametrize(
    "text",
    [
        *texts(
            "ru",
            "мне всё равно на зарплату, мне важен рост",
            "мне было всё равно на дресс-код, важнее проекты",
            "зарплата хреновая, но команда отличная и задачи интересные",
            "Интервьюер Блинов задавал вопросы по SQL",
            "хреновая подготовка с моей стороны",
            "я всё равно подам заявку снова",
            "после второго этапа стало похуже",
        ),
        *texts("es", "no me importa el salario, me importa crecer"),
        *texts("fr", "je m'en fous du salaire, je veux apprendre"),
        *texts("pt", "não ligo pro salário, quero aprender"),
    ],
)
def test_a_trigger_word_inside_an_answer_keeps_it_substantive(text: str) -> None:
    assert classify_answer(text) is REAL


def test_a_long_russian_answer_with_one_swear_stays_substantive() -> None:
    text = (
        "Техническая часть прошла нормально, но на системном дизайне я поплыл, вопрос был "
        "хреновый, и мне надо больше тренироваться у доски"
    )
    assert classify_answer(text) is REAL


def test_a_long_russian_rant_is_dismissive() -> None:
    text = (
        "это полный бред, вся эта херня бессмысленна и я не понимаю зачем писать боту про "
        "свои чувства вообще"
    )
    assert classify_answer(text) is DIS


# --- Blaming ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        *texts(
            "ru",
            "несправедливо",
            "это было нечестно",
            "они идиоты",
            "интервьюер — идиот",
            "интервьюер был тупой",
            "по блату",
            "взяли своего",
            "у них уже был кандидат",
            "это их вина",
            "предвзято",
            "дискриминация",
            "фейковая вакансия",
            "всё было решено заранее",
            "они даже не прочитали моё резюме",
            "да пошли они",
            "не могу поверить, что это было так несправедливо",
        ),
        *texts("es", "ya tenían a alguien", "estaba amañado", "el entrevistador era incompetente"),
        *texts("de", "die hatten schon jemanden", "alles abgekartet", "die waren so arrogant"),
        *texts("fr", "ils avaient déjà quelqu'un", "c'était truqué", "ils étaient nuls"),
        *texts("pt", "já tinham um candidato", "vaga fake", "foi tudo armação"),
    ],
)
def test_putting_the_outcome_on_someone_else_is_blaming(text: str) -> None:
    assert classify_answer(text) is BLAME


@pytest.mark.parametrize(
    "text",
    [
        *texts(
            "ru",
            "справедливо, что взяли более опытного",
            "честно говоря, вопросы были сложные",
            "они взяли меня на второй этап",
            "я сказал честно, что не знаю Kubernetes",
            "вакансия была интересная",
        ),
        *texts("es", "el entrevistador era amable"),
        *texts("de", "die Fragen waren fair"),
        *texts("fr", "ils étaient sympas"),
        *texts("pt", "o recrutador foi gentil"),
    ],
)
def test_an_answer_near_a_blaming_word_is_substantive(text: str) -> None:
    assert classify_answer(text) is REAL


# --- Self-blame -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        *texts(
            "ru",
            "я неудачник",
            "я неудачница",
            "я — неудачник",
            "я ни на что не гожусь",
            "я тупой",
            "я тупая",
            "какой же я идиот",
            "чувствовал себя полным идиотом",
            "я всё испортил",
            "я всё испортила",
            "это всё моя вина",
            "я сам виноват",
            "меня никогда никуда не возьмут",
            "никто меня не возьмёт",
            "что со мной не так",
            "я ненавижу себя",
            "я облажался",
            "я облажалась по полной",
            "я проебал собеседование",
            "так мне и надо",
        ),
        *texts("es", "no sirvo para nada", "la cagué", "me odio", "nadie me va a contratar"),
        *texts("de", "ich fühle mich so dumm", "ich hab alles versaut", "ich hasse mich"),
        *texts("fr", "je me sens nul", "j'ai tout gâché", "personne ne va m'embaucher"),
        *texts("pt", "não sirvo pra nada", "estraguei tudo", "ninguém vai me contratar"),
    ],
)
def test_a_verdict_on_oneself_is_self_blame(text: str) -> None:
    assert classify_answer(text) is SELF


@pytest.mark.parametrize(
    "text",
    [
        *texts(
            "ru",
            "я запорол вопрос про системный дизайн",
            "я облажался на вопросе про Kafka",
            "частично моя вина",
            "я отчасти виноват",
            "меня не взяли",
            "в Сбер меня не возьмут без опыта",
            "я сильно нервничал и забыл про примеры",
            "я стал лучше понимать system design",
        ),
        *texts("es", "arruiné la parte del diseño de sistemas"),
        *texts("de", "ich habe die Systemdesign-Frage verbockt"),
        *texts("fr", "j'ai raté la question sur les bases de données"),
        *texts("pt", "errei a pergunta de SQL"),
    ],
)
def test_a_specific_mistake_is_substantive(text: str) -> None:
    assert classify_answer(text) is REAL


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param("бля, я такой идиот", SELF, id="self-blame over swearing"),
        pytest.param("это несправедливо, я неудачник", SELF, id="self-blame over blaming"),
        pytest.param("интервьюер был полный идиот, блин", BLAME, id="blaming over swearing"),
        pytest.param("нет, мне всё равно", DIS, id="dismissive over non-answer"),
    ],
)
def test_russian_follows_the_same_precedence(text: str, kind: AnswerKind) -> None:
    assert classify_answer(text) is kind


# --- Negation ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        *texts(
            "ru",
            "я не неудачник",
            "это не моя вина",
            "это не их вина",
            "это было не предвзято",
            "нет никакой дискриминации",
            "никогда не считал их идиотами",
            "это не бред",
        ),
        *texts("es", "no fue injusto"),
        *texts("de", "es war nicht unfair"),
        *texts("fr", "ce n'était pas truqué"),
        *texts("pt", "não foi injusto"),
    ],
)
def test_a_negation_just_before_a_phrase_cancels_it(text: str) -> None:
    assert classify_answer(text) is REAL


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("не думаю, что это было несправедливо", id="ru: не думаю, что"),
        pytest.param("я не думаю, что я неудачник", id="ru: self-blame"),
        pytest.param("Ich glaube nicht, dass es meine Schuld war", id="de: nicht, dass"),
    ],
)
def test_a_negation_reaches_over_the_comma_into_a_that_clause(text: str) -> None:
    assert classify_answer(text) is REAL


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("не знаю, что сказать, это было несправедливо", id="ru: other clause"),
        pytest.param("Меня не взяли, потому что взяли своего", id="ru: потому ends it"),
        pytest.param("Нет, они были предвзяты", id="ru: нет, then a clause"),
    ],
)
def test_a_negation_in_another_clause_does_not_cancel(text: str) -> None:
    assert classify_answer(text) is BLAME


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("не могу поверить, что это было несправедливо", id="ru"),
        pytest.param("No puedo creer que fuera injusto", id="es"),
        pytest.param("I can't believe they were biased", id="en"),
    ],
)
def test_cant_never_negates(text: str) -> None:
    assert classify_answer(text) is BLAME


# --- Entries -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        entry("Яндекс", COMPANY, "Яндекс"),
        entry("Сбер", COMPANY, "Сбер"),
        entry("Сбер.", COMPANY, "Сбер"),
        entry("Тинькофф", EMPLOYER, "Тинькофф"),
        entry("Лаборатория Касперского", COMPANY, "Лаборатория Касперского"),
        entry("«Яндекс»", COMPANY, "Яндекс"),
        entry("ООО «Ромашка»", COMPANY, "ООО «Ромашка»"),
        entry("ПАО «Сбербанк»", EMPLOYER, "ПАО «Сбербанк»"),
        entry("Firma „Acme“", COMPANY, "Firma „Acme“"),
        entry("Société « Acme »", COMPANY, "Société « Acme »"),
        entry("Ёлка", COMPANY, "Ёлка"),
        entry("Хуавей", COMPANY, "Хуавей"),
        entry("Старший разработчик (Python)", ROLE, "Старший разработчик (Python)"),
        entry("Менеджер по продукту", ROLE, "Менеджер по продукту"),
        entry("Иван Петров", PERSON, "Иван Петров"),
        entry("Козлов", PERSON, "Козлов"),
        entry("Хуснутдинов", PERSON, "Хуснутдинов"),
        entry("его звали Иван", PERSON, "Иван"),
        entry("Её зовут Анна Петрова", PERSON, "Анна Петрова"),
        entry("интервьюера звали Мария", PERSON, "Мария"),
        entry("это был Иван", PERSON, "Иван"),
        entry("я терпеливый", STRENGTH, "терпеливый"),
        entry("Я — терпеливая", STRENGTH, "терпеливая"),
        entry("умею объяснять сложное", STRENGTH, "умею объяснять сложное"),
    ],
)
def test_cyrillic_entries_come_back_cleaned(text: str, kind: EntryKind, expected: str) -> None:
    assert check_entry(text, kind) == expected


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        entry("не знаю", COMPANY, None),
        entry("без понятия", COMPANY, None),
        entry("какая-то компания", COMPANY, None),
        entry("не помню", EMPLOYER, None),
        entry("Не помню.", PERSON, None),
        entry("кто-то", PERSON, None),
        entry("хз", ROLE, None),
        entry("some company", COMPANY, None),
        entry("una empresa", COMPANY, None),
        entry("irgendeine Firma", COMPANY, None),
        entry("une boîte", EMPLOYER, None),
        entry("uma empresa", EMPLOYER, None),
        entry("идиот", PERSON, None),
        entry("этот мудак", PERSON, None),
        entry("сраная контора", COMPANY, None),
        entry("я подавался в Яндекс", COMPANY, None),
        entry("он был нормальный", PERSON, None),
        entry("его звали иван", PERSON, None),
        entry("я тупая", STRENGTH, None),
    ],
)
def test_non_answers_placeholders_insults_and_sentences_are_refused(
    text: str, kind: EntryKind, expected: None
) -> None:
    assert check_entry(text, kind) is expected


# --- Own words ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Ну, честно говоря, зарплата была низкой. Потом они пропали.",
            "зарплата была низкой",
            id="ru: fillers gone, first sentence",
        ),
        pytest.param("Наверное, я слишком нервничал", "я слишком нервничал", id="ru: наверное"),
        pytest.param("Я думаю, что провалил кейс", "провалил кейс", id="ru: я думаю, что"),
        pytest.param("Эм... я забыл про примеры", "я забыл про примеры", id="ru: эм"),
        pytest.param("Типа, я не знал ответа", "я не знал ответа", id="ru: типа with a comma"),
        pytest.param("Типа того", "Типа того", id="ru: типа without a comma stays"),
        pytest.param(
            "Я нервничал, т.е. не мог думать. Потом всё.",
            "Я нервничал, т.е. не мог думать",
            id="ru: abbreviation is no sentence end",
        ),
        pytest.param(
            "«Они хотели больше опыта»", "Они хотели больше опыта", id="ru: guillemets gone"
        ),
        pytest.param("Bueno, el salario era bajo", "el salario era bajo", id="es: bueno,"),
        pytest.param("Bueno en equipo", "Bueno en equipo", id="es: bueno is also good"),
        pytest.param("Naja, das Gehalt war zu niedrig", "das Gehalt war zu niedrig", id="de"),
        pytest.param("Euh, je ne sais pas trop", "je ne sais pas trop", id="fr"),
        pytest.param("Então, eu fiquei nervoso", "eu fiquei nervoso", id="pt"),
        pytest.param("Ben asked about my gaps", "Ben asked about my gaps", id="en: a name stays"),
        pytest.param("Also, they asked about Kafka", "Also, they asked about Kafka", id="en"),
    ],
)
def test_own_words_drop_fillers_in_every_language(text: str, expected: str) -> None:
    assert own_words(text) == expected


def test_own_words_cut_cyrillic_at_a_word() -> None:
    text = "Они хотели кандидата с большим опытом работы в распределённых системах"
    assert own_words(text, 30) == "Они хотели кандидата с…"


# --- Strengths -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "терпение, любопытство и умение слушать",
            ["терпение", "любопытство", "умение слушать"],
            id="ru: и",
        ),
        pytest.param(
            "коммуникабельность, а также аналитическое мышление",
            ["коммуникабельность", "аналитическое мышление"],
            id="ru: а также after a comma",
        ),
        pytest.param(
            "Я терпеливый и внимательный", ["терпеливый", "внимательный"], id="ru: я dropped"
        ),
        pytest.param("- терпение\n- любопытство", ["терпение", "любопытство"], id="ru: bullets"),
        pytest.param("Ёмкость, ёмкость, емкость", ["Ёмкость"], id="ru: ё = е when deduped"),
        pytest.param(
            "Teamfähigkeit und Kommunikation", ["Teamfähigkeit", "Kommunikation"], id="de: und"
        ),
        pytest.param(
            "Team- und Kommunikationsfähigkeit, Geduld",
            ["Team- und Kommunikationsfähigkeit", "Geduld"],
            id="de: hyphenated compound stays one",
        ),
        pytest.param("Geduld sowie Neugier", ["Geduld", "Neugier"], id="de: sowie"),
        pytest.param(
            "Créativité, rigueur et écoute", ["Créativité", "rigueur", "écoute"], id="fr: et"
        ),
        pytest.param("paciente y curiosa", ["paciente", "curiosa"], id="es: y"),
        pytest.param("soy paciente", ["paciente"], id="es: soy dropped"),
        pytest.param("paciente e curioso", ["paciente", "curioso"], id="pt: e"),
        pytest.param(
            "patient, curious, and calm", ["patient", "curious", "calm"], id="en: serial and"
        ),
        pytest.param("умею слушать, не знаю, хз", ["умею слушать"], id="ru: non-answers dropped"),
    ],
)
def test_strength_items_split_in_every_language(text: str, expected: list[str]) -> None:
    assert strength_items(text) == expected


# --- English stays as it was -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The pros and cons of the role", id="cons is no insult"),
        pytest.param("Mist Systems asked about Wi-Fi", id="mist is no swear"),
        pytest.param("Ben said the team was tired", id="ben is no filler"),
    ],
)
def test_other_languages_words_do_not_change_english_answers(text: str) -> None:
    assert classify_answer(text) is REAL


def test_stars_without_a_cyrillic_letter_are_not_read_as_a_russian_swear() -> None:
    assert classify_answer("***") is NON
