"""A whole journey typed in each language the bot speaks: no buttons, the answers people
write ("gestern", "la semana que viene", "halb acht", "двое суток"). Shared by the journey
test in each language (tests/bot/test_languages.py) and the transcripts of the running bot
(docs/transcript_languages.py)."""

from __future__ import annotations

from dataclasses import dataclass

# The prompts of a journey without detours, in the order the bot asks them.
PROMPT_ORDER = (
    "company", "role", "when", "mood", "tz", "story", "prepared", "accept", "opt_count",
    "opt_company", "opt_role", "opt_stage", "opt_more", "went_well", "went_badly", "why",
    "practice", "skill", "action", "goal_date", "strengths", "grief", "walk", "next_opp",
    "tailor", "interviewer", "fb_send",
)  # fmt: skip


@dataclass(frozen=True)
class LanguageWalk:
    """One person who writes in `language`, as their Telegram app reports it."""

    language: str  # the catalogue code ("pt_BR")
    telegram_code: str  # what Telegram sends ("pt-br")
    first_name: str
    zone: str  # what their answer to the time-zone question means
    answers: dict[str, str]  # prompt key -> what they type

    def typed(self) -> list[str]:
        """The answers in the order the bot asks for them."""
        return [self.answers[key] for key in PROMPT_ORDER]


def _walk(language: str, code: str, name: str, zone: str, typed: str) -> LanguageWalk:
    answers = [part.strip() for part in typed.strip().split("|")]
    assert len(answers) == len(PROMPT_ORDER), (language, len(answers))
    return LanguageWalk(language, code, name, zone, dict(zip(PROMPT_ORDER, answers, strict=True)))


WALKS: tuple[LanguageWalk, ...] = (
    _walk(
        "en",
        "en",
        "Alex",
        "Europe/London",
        """
        Acme | Data analyst | yesterday | meh | London
        | I was nervous and fumbled the case study | mostly
        | I didn't get this job, and I'm ready for the next one. | two | Globex | Analyst
        | interviewing | no | I explained my SQL project clearly | The case study
        | I ran out of time structuring it | My friend Maria | Case interviews
        | Do two practice cases | next Friday | patient, curious, good with data | two days
        | half past seven in the evening | Globex | ok | Ms. Lee | yes
        """,
    ),
    _walk(
        "es",
        "es",
        "Lucía",
        "Europe/Madrid",
        """
        Acme | Analista de datos | ayer | mal | Madrid
        | Me puse nerviosa y no supe resolver el caso práctico | sí
        | No conseguí este trabajo y ahora me centro en el siguiente. | dos | Globex | Analista
        | entrevistas | no | Expliqué bien mi proyecto de SQL | El caso práctico
        | Me faltó tiempo para estructurarlo | Mi amiga María | Casos prácticos
        | Hacer dos casos de práctica | la semana que viene | paciente, curiosa, buena con los datos
        | 48 horas | a las siete y media de la tarde | Globex | vale | Sra. Lee | sí
        """,
    ),
    _walk(
        "de",
        "de",
        "Jonas",
        "Europe/Berlin",
        """
        Acme | Datenanalyst | gestern | schlecht | Berlin
        | Ich war nervös und habe die Fallstudie verhauen | größtenteils
        | Ich habe die Stelle nicht bekommen und konzentriere mich jetzt auf die nächste.
        | zwei | Globex | Analyst | Gespräche laufen | nein | Ich habe mein SQL-Projekt gut erklärt
        | Die Fallstudie | Mir lief die Zeit davon | Meine Freundin Maria | Fallstudien
        | Zwei Übungsfälle durchspielen | nächsten Freitag | geduldig, neugierig, gut mit Daten
        | zwei Tage | halb acht abends | Globex | okay | Frau Lee | ja
        """,
    ),
    _walk(
        "fr",
        "fr",
        "Camille",
        "Europe/Paris",
        """
        Acme | Analyste de données | hier | pas terrible | Paris
        | J'étais stressée et j'ai raté l'étude de cas | plutôt oui
        | Je n'ai pas eu ce poste, et je passe au suivant. | deux | Globex | Analyste
        | entretiens en cours | non | J'ai bien expliqué mon projet SQL | L'étude de cas
        | J'ai manqué de temps pour la structurer | Mon amie Marie | Les études de cas
        | Faire deux cas d'entraînement | fin du mois
        | patiente, curieuse, à l'aise avec les données | 24 heures
        | sept heures et demie du soir | Globex | d'accord | Mme Lee | oui
        """,
    ),
    _walk(
        "pt_BR",
        "pt-br",
        "Ana",
        "America/Sao_Paulo",
        """
        Acme | Analista de dados | hoje | mal | São Paulo
        | Fiquei nervosa e travei no estudo de caso | em grande parte
        | Não consegui essa vaga e agora vou focar na próxima. | duas | Globex | Analista
        | entrevistas | não | Expliquei bem meu projeto de SQL | O estudo de caso
        | Faltou tempo para estruturar a resposta | Minha amiga Maria | Estudos de caso
        | Fazer dois casos de treino | em duas semanas | paciente, curiosa, boa com dados
        | dois dias | às sete e meia da noite | Globex | entendi | Sra. Lee | sim
        """,
    ),
    _walk(
        "ru",
        "ru",
        "Маша",
        "Europe/Moscow",
        """
        Яндекс | Аналитик данных | вчера | плохо | Москва
        | Я разволновалась и запуталась в кейсе | в основном
        | Эту работу я не получила, и теперь сосредоточусь на следующей. | две | Сбер
        | Аналитик | собеседование | нет | Хорошо объяснила свой проект на SQL
        | Кейс по продуктовой аналитике | Не хватило времени, чтобы всё структурировать
        | Подруга Лена | Кейсы | Решить два тренировочных кейса | в следующую пятницу
        | терпеливая, любопытная, хорошо работаю с данными | двое суток
        | в половине восьмого вечера | Сбер | понятно | Елена Петровна | да
        """,
    ),
)
