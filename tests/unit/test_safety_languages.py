"""Russian crisis language, soft distress and reassurance are noticed with the same care as the
other languages (negation, idioms, job talk, disguises); and the help is said in the user's
language, with the helplines of the country they are in, or of the places their language is
spoken."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from babel import Locale

import core.safety as safety
from core.safety import (
    Helpline,
    crisis_reply,
    describe,
    detect_crisis,
    detect_distress,
    detect_reassurance,
    helplines_for,
    normalise,
    sos_reply,
    with_country,
)
from core.texts.catalogue import say
from core.texts.safety import SAFETY_TEXTS
from tests.unit.test_safety import VARIANTS

# --- Russian: crisis language --------------------------------------------------------------------

RU_CRISIS = [
    # Wanting to die, in its forms.
    "хочу умереть",
    "Я хочу умереть",
    "я просто хочу умереть",
    "мне хочется умереть",
    "так хочется умереть",
    "хочется сдохнуть",
    "хочу сдохнуть уже",
    "хочеться умереть",
    "хочу умиреть",
    "хотела бы умереть",
    "хотелось бы просто не проснуться",
    "мне хочется умереть после этого отказа",
    "лучше бы я умерла",
    # Not wanting to live.
    "не хочу жить",
    "я больше не хочу жить",
    "больше не хочу жить",
    "не хочется жить",
    "мне не хочется жить",
    "жить не хочется",
    "жить не хочу",
    "жить больше не хочу",
    "я не хочу так жить",
    "не хочу жить на этом свете",
    "не могу больше жить",
    "не могу так больше жить",
    "нет смысла жить",
    "не вижу смысла жить",
    "смысла жить больше нет",
    "зачем мне жить?",
    "незачем жить",
    "жизнь не имеет смысла",
    "в моей жизни нет смысла",
    "моя жизнь потеряла смысл",
    "устала жить",
    "я устал жить",
    # Killing oneself, perfective and imperfective, first person.
    "покончить с собой",
    "думаю покончить с собой",
    "я покончу с собой",
    "хочу покончить с собой",
    "хочется покончить со всем",
    "убить себя",
    "хочу убить себя",
    "я убью себя",
    "думаю о том, чтобы убить себя",
    "я себя убью",
    "наложить на себя руки",
    "наложу на себя руки",
    "свести счёты с жизнью",
    "лишить себя жизни",
    "хочу повеситься",
    "повешусь",
    "я застрелюсь",
    "хочу выпилиться",
    "выпилюсь",
    "хочу вскрыть вены",
    "вскрою вены",
    "прыгну с крыши",
    "хочу прыгнуть с моста",
    "выйду в окно",
    "брошусь под поезд",
    "наглотаюсь таблеток",
    "выпью все таблетки",
    # Suicide named.
    "суицид",
    "у меня суицидальные мысли",
    "думаю о самоубийстве",
    "мысли о суициде не отпускают",
    "планирую самоубийство",
    # Better off without me, never born, never waking up, disappearing.
    "лучше бы меня не было",
    "лучше бы я не родилась",
    "зачем я вообще родился",
    "всем будет лучше без меня",
    "без меня всем станет легче",
    "команде будет лучше без меня",
    "никто не заметит, если я умру",
    "хочу уснуть и не проснуться",
    "хочу исчезнуть",
    "хочу исчезнуть навсегда",
    "хочу перестать существовать",
    "думаю о смерти",
    "постоянно думаю о своей смерти",
    # Self-harm.
    "режу себя",
    "я снова режусь",
    "опять начала резаться",
    "наношу себе порезы",
    "хочу причинить себе боль",
    "селфхарм опять",
    # A negation in one clause doesn't cancel a crisis statement in another.
    "я не суицидален, но иногда хочу умереть",
    "меня не взяли, хочу умереть",
    "меня не взяли хочу умереть",
    "я не в порядке, хочу умереть",
    "всё нормально. хочу умереть.",
    "нет, я правда хочу умереть",
    "нет я хочу умереть",
    "не могу не думать о суициде",
    "не знаю, зачем жить",
    "я даже убить себя не могу",
    # Disguises: Latin look-alikes, digits, stretching, spacing, stars, shouting.
    "хочу умеpеть",
    "XOЧУ УMEPETЬ",
    "у6ить ce6я",
    "хочу умерeть",
    "суицuд",
    "с у и ц и д",
    "с*ицид",
    "хочууу умеретььь",
    "ХОЧУ УМЕРЕТЬ",
    # Russian typed in Latin letters.
    "hochu umeret",
    "ne hochu zhit",
    "pokonchit s soboj",
    "ubit sebya",
]

RU_NOT_CRISIS = [
    # Negations of the crisis statement itself.
    "я не хочу умереть",
    "я не хочу умирать",
    "я не думаю о суициде",
    "я не собираюсь убивать себя",
    "не суицидален",
    "я не суицидальна",
    "никогда не думала о самоубийстве",
    "у меня нет суицидальных мыслей",
    "суицидальных мыслей нет",
    "умирать не собираюсь",
    "убивать себя не буду",
    "я не думаю, что хочу умереть",
    "не то чтобы я хотела умереть",
    "я никогда не убью себя",
    # Idioms: time, shame, laughter, "the interview killed me", working oneself to death.
    "убить время",
    "убиваю время в очереди",
    "умираю от стыда",
    "чуть не умер со смеху",
    "это собеседование меня убило",
    "эта работа меня убивает",
    "поиск работы меня убьёт",
    "хочу умереть от стыда",
    "умираю от скуки",
    "я бы убил за эту работу",
    "лучше умереть, чем снова работать там",
    "готова умереть за эту должность",
    "я убиваю себя работой",
    "хочу провалиться сквозь землю",
    "убиться можно, какая очередь",
    # Borderline, decided: "хоть вешайся" is an idiom; it is soft distress, not crisis.
    "хоть вешайся",
    # Suicide as a figure of speech.
    "карьерное самоубийство",
    "это было бы профессиональным самоубийством",
    "отряд самоубийц",
    "самоубийственная идея",
    # Job talk, places, games and accidents.
    "не хочу жить в Москве",
    "не хочу жить с родителями",
    "жить не могу без кофе",
    "зачем жить в Москве, если можно работать удалённо",
    "выпилиться из чата",
    "хочу исчезнуть из соцсетей",
    "хочу исчезнуть на время",
    "не хочу больше просыпаться в шесть утра",
    "режусь в доту",
    "порезала себе палец",
    "порезался, когда готовил",
    "думаю о смерти бабушки",
    "телефон умер",
    "мёртвый сезон",
    "дедлайн завтра",
    "нет смысла отправлять резюме дважды",
]


def test_the_russian_tables_are_big_enough() -> None:
    assert len(RU_CRISIS) >= 80
    assert len(RU_NOT_CRISIS) >= 40
    assert not set(RU_CRISIS) & set(RU_NOT_CRISIS)


@pytest.mark.parametrize("text", RU_CRISIS)
def test_russian_crisis_language_triggers(text: str) -> None:
    assert detect_crisis(text)


@pytest.mark.parametrize("text", RU_NOT_CRISIS)
def test_russian_negations_idioms_and_job_talk_do_not_trigger(text: str) -> None:
    assert not detect_crisis(text)


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.__name__.strip("_"))
def test_russian_survives_case_apostrophes_hidden_characters_and_spacing(
    variant: Callable[[str], str],
) -> None:
    assert [t for t in RU_CRISIS if not detect_crisis(variant(t))] == []
    assert [t for t in RU_NOT_CRISIS if detect_crisis(variant(t))] == []


@pytest.mark.parametrize(
    ("text", "reads"),
    [
        ("Ёлки, я устала", "елки, я устала"),
        ("хочу умеpеть", "хочу умереть"),
        ("y6ить ce6я", "убить себя"),
        ("хочууу", "хочу"),
        ("с у и ц и д", "суицид"),
        ("с*ицид", "суицид"),
        ("а я и в шоке", "а я и в шоке"),
        ("I want a job", "i want a job"),
    ],
)
def test_normalise_reads_russian_disguises(text: str, reads: str) -> None:
    assert normalise(text) == reads


# --- Russian: soft distress and reassurance --------------------------------------------------

RU_DISTRESS = [
    "мне очень плохо",
    "мне так тяжело",
    "мне плохо",
    "не могу так больше",
    "я больше не могу",
    "больше не выдерживаю",
    "сил больше нет",
    "всё бессмысленно",
    "всё это бесполезно",
    "жизнь бессмысленна",
    "ничего не радует",
    "ничего не хочется",
    "нет смысла",
    "какой смысл?",
    "зачем всё это?",
    "я никому не нужен",
    "я никому не нужна",
    "никому я не нужна",
    "безнадёжно",
    "это безнадёжно",
    "не вижу выхода",
    "выхода нет",
    "я потеряла всякую надежду",
    "я полное ничтожество",
    "я неудачник",
    "я неудачница по жизни",
    "чувствую себя никчёмной",
    "я обуза",
    "ненавижу себя",
    "я себя ненавижу",
    "устала от всего",
    "я так устал от всего этого",
    "не сплю уже неделю",
    "третий день не ем",
    "не могу встать с кровати",
    "постоянно плачу",
    "хочу исчезнуть на время",
    "никого не хочу видеть",
    "не хочу ни с кем говорить",
    "я совсем одна",
    "мне одиноко",
    "руки опускаются",
    "хоть вешайся",
    "мне всё надоело",
    "никто даже не заметит",
    "я выгорела",
    "мне уже всё равно",
    "я в тупике",
]

RU_NOT_DISTRESS = [
    # Job talk that merely contains a word.
    "нет смысла отправлять резюме дважды",
    "какой смысл писать сопроводительное, если его не читают",
    "я устала писать сопроводительные письма",
    "я ноль в Excel",
    "я бесполезна в переговорах",
    "не могу больше ждать ответа",
    "не могу уснуть перед собеседованием",
    "нет сил писать сопроводительные",
    "ненавижу себя за то, что не спросила про зарплату",
    "мне плохо даётся английский",
    "эта бумажка никому не нужна",
    "я сдаюсь с этой компанией",
    "хочу исчезнуть из линкедина на неделю",
    "я сегодня одна дома",
    "устала после собеседования",
    "не вижу выхода на этот рынок",
    # Negations.
    "я не неудачник",
    "мне не плохо",
    "я не в отчаянии",
]

RU_REASSURANCE = [
    "я в порядке",
    "я в порядке, просто устала",
    "всё хорошо",
    "всё нормально, не переживай",
    "не волнуйся",
    "я не суицидален, просто устал",
    "я не собираюсь ничего с собой делать",
    "я пошутила",
    "это была шутка",
    "я не это имела в виду",
    "просто устал",
]

RU_NOT_REASSURANCE = [
    "я не в порядке",
    "не знаю, в порядке ли я",
    "не уверена, что всё хорошо",
    "притворяюсь, что всё хорошо",
    "хорошо",
    "я не шучу",
    "всё не очень хорошо",
]


@pytest.mark.parametrize("text", RU_DISTRESS)
def test_russian_soft_distress_is_noticed_and_is_not_crisis(text: str) -> None:
    assert detect_distress(text)
    assert not detect_crisis(text)


@pytest.mark.parametrize("text", RU_NOT_DISTRESS)
def test_russian_job_talk_and_negations_are_not_distress(text: str) -> None:
    assert not detect_distress(text)


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.__name__.strip("_"))
def test_russian_distress_survives_disguises(variant: Callable[[str], str]) -> None:
    assert [t for t in RU_DISTRESS if not detect_distress(variant(t))] == []
    assert [t for t in RU_NOT_DISTRESS if detect_distress(variant(t))] == []


@pytest.mark.parametrize("text", RU_CRISIS)
def test_russian_crisis_language_is_not_soft_distress(text: str) -> None:
    assert not detect_distress(text)


@pytest.mark.parametrize("text", RU_REASSURANCE)
def test_russian_reassurance_is_noticed(text: str) -> None:
    assert detect_reassurance(text)
    assert not detect_crisis(text)


@pytest.mark.parametrize("text", RU_NOT_REASSURANCE)
def test_russian_doubt_and_negation_are_not_reassurance(text: str) -> None:
    assert not detect_reassurance(text)


@pytest.mark.parametrize("text", ["я в порядке, но хочу умереть", "всё хорошо. не хочу жить"])
def test_russian_reassurance_is_never_read_into_crisis_language(text: str) -> None:
    assert detect_crisis(text)
    assert not detect_reassurance(text)


# --- Gaps closed in the other languages ----------------------------------------------------

# "No way out" is soft distress everywhere, as "I feel trapped" is.
NO_WAY_OUT = [
    "I see no way out",
    "there is no way out",
    "I can't see a way out of this",
    "no veo salida",
    "no hay salida",
    "ich sehe keinen Ausweg mehr",
    "es ist ausweglos",
    "je ne vois pas d'issue",
    "il n'y a pas d'issue",
    "não vejo saída",
    "не вижу выхода",
]
NOT_NO_WAY_OUT = [
    "there's no way out of the non-compete",
    "no hay salida de emergencia en la oficina",
]
NOT_WANTING_TO_EXIST = [
    "ich will nicht mehr da sein",
    "ich will nicht mehr existieren",
    "je ne veux plus exister",
    "je veux plus être là",
    "não quero mais existir",
    "no quiero existir",
]


@pytest.mark.parametrize("text", NO_WAY_OUT)
def test_no_way_out_is_soft_distress_in_every_language(text: str) -> None:
    assert detect_distress(text)


@pytest.mark.parametrize("text", NOT_NO_WAY_OUT)
def test_a_way_out_of_something_concrete_is_not_distress(text: str) -> None:
    assert not detect_distress(text)


@pytest.mark.parametrize("text", NOT_WANTING_TO_EXIST)
def test_not_wanting_to_exist_is_crisis_in_every_language(text: str) -> None:
    assert detect_crisis(text)


@pytest.mark.parametrize(
    "text", ["je veux pas être là demain", "I don't want to be there tomorrow"]
)
def test_not_being_somewhere_tomorrow_is_not_crisis(text: str) -> None:
    assert not detect_crisis(text)


# --- Helplines by country and by language ------------------------------------------------------


def _phones(language_code: str | None, language: str | None = None) -> list[str]:
    return [line.phone for line in helplines_for(language_code, language)]


@pytest.mark.parametrize(
    ("code", "language", "phones"),
    [
        # By language, when Telegram names no country.
        ("en", None, ["988", "116 123"]),
        ("es", None, ["024", "800 911 2000"]),
        ("de", None, ["0800 111 0 111"]),
        ("fr", None, ["3114"]),
        ("pt", None, ["188", "1411"]),
        ("ru", None, ["+7 495 989-50-50"]),
        # The chosen language decides over Telegram's, when there is no country.
        ("en", "ru", ["+7 495 989-50-50"]),
        (None, "ru", ["+7 495 989-50-50"]),
        ("en", "pt_BR", ["188", "1411"]),
        ("xx", "es", ["024", "800 911 2000"]),
        # Spanish-speaking countries.
        ("es-ES", None, ["024"]),
        ("es-MX", None, ["800 911 2000"]),
        ("es-AR", None, ["0800 999 0091"]),
        ("es-CO", None, ["106"]),
        ("es-CL", None, ["*4141"]),
        ("es-PE", None, ["113"]),
        ("es-US", None, ["988"]),
        ("en-US", "es", ["988"]),
        # German-speaking countries.
        ("de-DE", None, ["0800 111 0 111"]),
        ("de-AT", None, ["142"]),
        ("de-CH", None, ["143"]),
        ("de-LI", None, ["143"]),
        # French-speaking countries.
        ("fr-FR", None, ["3114"]),
        ("fr-BE", None, ["0800 32 123"]),
        ("nl-BE", None, ["1813"]),
        ("en-BE", None, ["0800 32 123", "1813"]),
        ("fr-CH", None, ["143"]),
        ("fr-CA", None, ["988", "1 866 277-3553"]),
        ("en-CA", "fr", ["988", "1 866 277-3553"]),
        ("en-CA", None, ["988"]),
        # Portuguese-speaking countries.
        ("pt-BR", None, ["188"]),
        ("pt-PT", None, ["1411"]),
        # Where Russian is spoken.
        ("ru-RU", None, ["+7 495 989-50-50"]),
        ("ru-UA", None, ["7333"]),
        ("ru-IL", None, ["1201"]),
        ("ru-LV", None, ["116 123"]),
        ("ru-EE", None, ["116 123"]),
        # Left out: no confirmed adult crisis line.
        ("ru-BY", None, []),
        ("ru-KZ", "ru", []),
        # The country decides over the language.
        ("ru-DE", None, ["0800 111 0 111"]),
        ("de-AT", "ru", ["142"]),
        ("en-RU", None, ["+7 495 989-50-50"]),
    ],
)
def test_helplines_follow_the_country_then_the_language(
    code: str | None, language: str | None, phones: list[str]
) -> None:
    assert _phones(code, language) == phones


@pytest.mark.parametrize(
    ("zone", "phone"),
    [("Europe/Moscow", "+7 495 989-50-50"), ("Asia/Jerusalem", "1201"), ("Europe/Riga", "116 123")],
)
def test_a_russian_speakers_time_zone_finds_local_help(zone: str, phone: str) -> None:
    assert _phones(with_country("ru", zone), "ru") == [phone]


def test_the_bots_language_choice_is_not_taken_for_a_country() -> None:
    # Callers that pass the user's /language choice ("pt_BR") where Telegram's code belongs
    # still get help where the user is, not in Brazil.
    assert _phones("pt_BR") == ["188", "1411"]
    assert _phones(with_country("pt_BR", "Europe/Lisbon")) == ["1411"]
    assert _phones("pt-br") == ["188"]


def test_988_in_spanish_is_option_2() -> None:
    (line,) = helplines_for("es-US")

    assert line.option == "2"
    assert describe(line, "en") == (
        "• 988 Suicide & Crisis Lifeline (US): call 988 and choose option 2, free, day or night"
    )


def test_english_lines_keep_their_short_place_names() -> None:
    (samaritans,) = helplines_for("en-GB")
    (lifeline,) = helplines_for("en-AU")

    assert describe(samaritans) == "• Samaritans (UK & Ireland): call 116 123, free, day or night"
    assert describe(lifeline) == (
        "• Lifeline (Australia): call 13 11 14 or text 0477 13 11 14, day or night"
    )


@pytest.mark.parametrize(
    ("code", "language", "territory"),
    [
        ("de-CH", "de", "CH"),
        ("fr-CH", "fr", "CH"),
        ("es-MX", "es", "MX"),
        ("pt-PT", "pt_BR", "PT"),
        ("ru-IL", "ru", "IL"),
        ("ru-LV", "ru", "LV"),
    ],
)
def test_countries_are_named_in_the_readers_language(
    code: str, language: str, territory: str
) -> None:
    (line,) = helplines_for(code, language)

    assert f"({Locale.parse(language).territories[territory]})" in describe(line, language)


def test_services_use_their_own_name_in_the_readers_language() -> None:
    (swiss_de,) = helplines_for("de-CH")
    (swiss_fr,) = helplines_for("fr-CH")
    (russia,) = helplines_for("ru-RU")
    (eran,) = helplines_for("ru-IL")

    assert describe(swiss_de, "de").startswith("• Die Dargebotene Hand (Schweiz)")
    assert describe(swiss_fr, "fr").startswith("• La Main Tendue (Suisse)")
    assert describe(russia, "ru").startswith("• Психологическая помощь МЧС России:")
    assert describe(russia, "en").startswith("• EMERCOM psychological help line (Russia):")
    assert describe(eran, "ru").startswith("• ЭРАН (Израиль)")


def test_a_helpline_has_at_most_one_way_besides_calling() -> None:
    with pytest.raises(ValueError, match="at most one"):
        Helpline("Test", ("GB",), "1", text="2", other="3")
    with pytest.raises(ValueError, match="ISO 3166"):
        Helpline("Test", ("gb",), "1")


# --- Replies in the user's language --------------------------------------------------------

COUNTRY_CODES = [
    "en-US", "en-GB", "en-IE", "en-CA", "en-AU", "en-NZ", "en-IN", "de-DE", "de-AT", "de-CH",
    "de-LI", "fr-FR", "fr-BE", "nl-BE", "fr-CH", "fr-CA", "es-ES", "es-MX", "es-AR", "es-CO",
    "es-CL", "es-PE", "es-US", "it-IT", "nl-NL", "pt-BR", "pt-PT", "ja-JP", "pl-PL", "uk-UA",
    "ru-RU", "ru-IL", "ru-LV", "ru-EE", "ru-BY",
]  # fmt: skip


@pytest.mark.parametrize("reply", [crisis_reply, sos_reply], ids=["crisis", "sos"])
@pytest.mark.parametrize("code", COUNTRY_CODES)
def test_every_countrys_english_reply_lists_its_lines_and_fits_a_phone(
    reply: Callable[[str | None, str | None], str], code: str
) -> None:
    text = reply(code, "en")

    assert len(text) <= 700
    assert "not a crisis service" in text
    assert "findahelpline.com" in text
    for line in helplines_for(code, "en"):
        assert line.phone in text
    assert "{" not in text


class _Recorder:
    """A stand-in for `say` that remembers the language of every text it was asked for."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str | None]] = []

    def __call__(self, key: str, /, language: str | None = None, **values: object) -> str:
        self.calls.append((key, language))
        return f"<{key}>"


@pytest.mark.parametrize(
    ("code", "language", "said_in"),
    [
        ("en-US", "ru", "ru"),
        ("ru-RU", None, "ru-RU"),
        ("pt-BR", "pt_BR", "pt_BR"),
        ("de-AT", "es", "es"),
        ("fr-CA", None, "fr-CA"),
        (None, None, None),
    ],
)
@pytest.mark.parametrize("reply", [crisis_reply, sos_reply], ids=["crisis", "sos"])
def test_every_text_of_the_reply_is_said_in_the_users_language(
    monkeypatch: pytest.MonkeyPatch,
    reply: Callable[[str | None, str | None], str],
    code: str | None,
    language: str | None,
    said_in: str | None,
) -> None:
    recorder = _Recorder()
    monkeypatch.setattr(safety, "say", recorder)

    reply(code, language)

    assert recorder.calls
    assert {said for _, said in recorder.calls} == {said_in}
    assert all(key in SAFETY_TEXTS for key, _ in recorder.calls)


@pytest.mark.parametrize(
    ("code", "language", "phone"),
    [
        ("ru-RU", "ru", "+7 495 989-50-50"),
        ("ru", "ru", "+7 495 989-50-50"),
        ("es-AR", "es", "0800 999 0091"),
        ("de-AT", "de", "142"),
        ("fr-BE", "fr", "0800 32 123"),
        ("pt-PT", "pt_BR", "1411"),
    ],
)
def test_a_reply_in_another_language_is_built_from_its_catalogue(
    code: str, language: str, phone: str
) -> None:
    text = crisis_reply(code, language)
    parts = text.split("\n\n")

    assert parts[0] == say("safety.crisis.opening", language)
    assert parts[1] == say("safety.not_a_crisis_service", language)
    assert parts[-2] == say("safety.directory", language)
    assert parts[-1] == say("safety.pause", language)
    assert parts[3].startswith(say("safety.helplines", language))
    assert phone in parts[3]
    assert "findahelpline.com" in text


def test_the_one_argument_calls_still_work() -> None:
    assert crisis_reply("en-GB") == crisis_reply("en-GB", None)
    assert sos_reply("ru-RU") == sos_reply("ru-RU", "ru-RU")
    assert helplines_for("de") == helplines_for("de", None)
