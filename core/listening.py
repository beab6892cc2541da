"""A coach that listens: what kind of answer someone gave, and their own words to say back.

Pure functions, no Telegram and no database; only the standard library and `core.parsing`
(not `core.journey.steps`, which is where these are meant to be called from: importing it here
would make a cycle). Nothing here decides what the coach says; it tells the coach what it heard.

**How an answer is read.** Before any table is consulted the text is folded: accents dropped
("sé" = "se", and in Russian "ё" = "е", "й" = "и"), case ignored, apostrophes removed ("it's" =
"its", "don't" = "dont"), letters typed three or more times in a row shortened ("sooo" = "so",
"fuuuck" = "fuck"), words starred out read as the swear word they hide ("f*ck", "sh*t",
"b*llsh*t", "бл*ть", "х*й", "п*здец"), a Cyrillic word written with Latin look-alikes or an "@"
read in Cyrillic ("xyй", "бл@ть"; words in Latin letters only are left alone), and the rest of
the punctuation ignored except that `, ; : ! ? …`, a full stop before a space, a dash between
spaces and a line break end a clause. The tables and patterns below are written the way people
type them and folded the same way.

The tables cover English, Spanish, German, French, Brazilian Portuguese and Russian.

**The five kinds of answer** (`classify_answer`):

* NON_ANSWER: nothing to work with. Empty text or only punctuation and emoji ("?", "...",
  "-"), or an answer made entirely of "don't know" words (`_NON_ANSWER_PHRASES`: "idk", "no",
  "nothing", "none", "dunno", "not sure", "whatever", "n/a", "skip", "pass", "no idea", "I'd
  rather not say", and in Spanish, German, French and Portuguese "no sé", "nada", "keine
  Ahnung", "nichts", "je sais pas", "rien", "não sei", ...; in Russian "не знаю", "хз", "без
  понятия", "ничего", "нечего сказать", "всё равно", "пропустить", "пас", "нет", "не хочу
  говорить", "затрудняюсь ответить", "не помню", ...), possibly padded with softeners
  (`_FILLER_PHRASES`: "sorry", "really", "honestly", "lol", "at all", "I guess", "честно",
  "наверное", "ну", "типа", "вообще", "извини", ...). One other word and it is not a
  non-answer: "nothing went well" and "ничего не получилось" are answers.
* DISMISSIVE: anger at the exercise rather than an answer. Three signals:
  - a dismissive phrase (`_DISMISSIVE_PATTERNS`): "who cares", "waste of time", "what a
    joke", "screw this", "fuck this", "leave me alone", "stupid questions", "this is / it's /
    that's (so) stupid / dumb / useless / bullshit / a joke ...", "ist mir egal", "je m'en
    fous", "tanto faz", "какая разница", "пустая трата времени", "глупые вопросы", "отстань",
    "это бред", "да пошло оно всё", ...; "I don't care", "pointless", "why should I", "this
    sucks" and "I hate this" only as a whole clause ("I don't care about the salary, I care
    about growth" and "it felt pointless to keep applying" are answers), and so are "me da
    igual", "no me importa", "je m'en fous", "tanto faz", "мне всё равно", "мне плевать",
    "зачем мне это"; "go away" only opening one. German puts what one doesn't care about first
    ("das Gehalt ist mir egal"), so "mir egal" counts anywhere: a known miss;
  - a swear word (`_SWEARS`: "fuck", "shit", "bullshit", "crap", "damn", "merde", "Scheiße",
    "joder", "porra", "блин", "хрень", "фигня", ..., and any word made from the strongest
    Russian roots, "нахуй", "пиздец", "заебало", "блядь", or a German "Scheiß-" compound:
    `_MAT`). "блин" and "чёрт" are as mild as "damn" and count like it. Russian typed in Latin
    letters ("blyat", "pizdec") is not read;
  - shouting: at least 90% of the letters are capitals (Cyrillic ones too) and there are at
    least three words and twelve capital letters, or an exclamation mark with two words and six
    capitals ("I HATE THIS!", "СКОЛЬКО МОЖНО!"). Acronyms such as "AWS AND GCP" or "МГУ И МФТИ"
    are too short to count.
  A short answer (fewer than `SHORT_ANSWER_WORDS` = 12 words) is dismissive when it has a
  dismissive phrase or is shouted, or when at least one word in `SWEAR_SHARE` = 3 is a swear
  word ("Fuck.", "total bullshit", but not "shit, I really wanted that job"). A long answer
  (12 words or more) is dismissive only when it has at least `LONG_ANSWER_MIN_SIGNALS` = 2
  signals and at least one per `LONG_ANSWER_WORDS_PER_SIGNAL` = 10 words; every phrase, every
  swear word and shouting count one each (a phrase that contains a swear word counts twice).
  So a long, mostly thoughtful answer with one swear word, one "who cares" or typed in capitals
  stays SUBSTANTIVE.
* BLAMING: the outcome is put on someone else (`_BLAMING_PATTERNS`): "biased", "rigged",
  "unfair", "nepotism", "discrimination", an insult ("idiot", "jerk", "clowns", ...), "the
  interviewer / the questions / they were stupid / a joke / incompetent ...", "their fault",
  "screwed me", "they hired an internal guy", "hired their friend", "they already had someone
  in mind", "fake job", and the like in the other languages ("ungerecht", "injusto", "leur
  faute", "ya tenían a alguien", "несправедливо", "нечестно", "они идиоты", "по блату", "взяли
  своего", "у них уже был кандидат", "это их вина", "предвзято", "дискриминация", "фейковая
  вакансия", ...).
* SELF_BLAME: a verdict on themselves rather than on what happened (`_SELF_BLAME_PATTERNS`):
  "I'm (so) stupid / an idiot / unemployable / a failure / useless / not good enough", "I felt
  like an idiot", "I always mess up", "I ruin everything", "I can't do anything right", "it's
  all my fault", "I hate myself", "nobody will ever hire me", "what's wrong with me", "I
  fucked up", and "I messed up." / "I blew it" when that is the whole clause; the same in the
  other languages ("no sirvo para nada", "ich hasse mich", "j'ai tout gâché", "estraguei tudo",
  "я неудачник", "я ни на что не гожусь", "я тупая", "я всё испортил", "это всё моя вина",
  "меня никогда никуда не возьмут", "что со мной не так", "я ненавижу себя", "я облажался" as
  the whole clause). A specific, workable mistake is not a verdict: "I messed up the system
  design question" and "я запорол вопрос про системный дизайн" are SUBSTANTIVE, and so are
  "partly my fault" and "частично моя вина".
* SUBSTANTIVE: everything else, however short ("the salary talk").

Blame and self-blame count at any length: the coach answers them whether they come in three
words or thirty. A blaming, self-blaming or dismissive phrase doesn't count when a negation
("not", "no", "never", "don't", "wasn't", "nicht", "pas", "não", "не", "нет", "никогда", ...)
sits within `NEGATION_WINDOW` = 5 words before it in the same clause (a clause also ends at
"and", "but", "because", "so", "и", "но", "а", "потому", "aber", "mais", "pero", ...): "it
wasn't rigged", "I don't think it's all my fault", "это не моя вина". A clause opened by "что"
or "dass" is read with the one before it, since Russian and German put a comma there: "не
думаю, что это несправедливо", "ich glaube nicht, dass es meine Schuld war". "Can't" never
negates ("I can't believe they were biased" is blaming), nor does a negation next to "могу",
"puedo", "posso", "consigo", "peux", "kann" ("не могу поверить, что это несправедливо").

**Precedence** when several kinds match: SELF_BLAME, then BLAMING, then DISMISSIVE, then
NON_ANSWER, then SUBSTANTIVE. Who the person points at tells the coach more than their tone:
harsh words about themselves come first ("fuck this, I'm so stupid" is SELF_BLAME), then words
about someone else ("the interviewer was a fucking idiot" is BLAMING), then the anger alone.
NON_ANSWER can't overlap the others (it takes the whole answer to be "don't know" words), so it
only has to come before SUBSTANTIVE. Crisis and distress ("no point anymore", "I'm worthless")
are detected elsewhere and should be checked first; should "I'm worthless" reach this function
it reads as SELF_BLAME, like "I'm unemployable".

**Own words** (`own_words`): the first sentence, without quotation marks, without leading
fillers ("well", "honestly", "um", "I think", "to be honest", "la verdad", "ehrlich gesagt",
"euh", "na verdade", "ну", "честно говоря", "наверное", "я думаю, что", ...; words that mean
something too, "bueno", "bom", "типа", "вообще", only with a comma after them) and without
trailing punctuation. When it is longer than the limit, the longest run of whole clauses that
fits is used if it fills at least half the limit (no "…": a clause reads as complete);
otherwise the sentence is cut at a word boundary with "…" (`short_at_word`). Never empty for
text with anything but whitespace in it: "..." stays "...".

**Entries** (`check_entry`): a company, employer, role, interviewer's name or strength the
coach will put into a sentence. Refused (None): a non-answer ("none", "idk", "0", "-", "n/a",
"I'd rather not say", "не знаю", "не помню") or a stand-in for a name (`_PLACEHOLDER_PHRASES`:
"some company", "someone", "una empresa", "какая-то компания", "кто-то", ...), any insult or
swear word ("the idiot", "that jerk", "этот мудак"), and for names and roles anything that
reads as a sentence: more than `MAX_NAME_WORDS` = 6 words (`MAX_ROLE_WORDS` = 8 for a role) or
`MAX_NAME_CHARS` = 80 characters, or a word that names don't contain (`_SENTENCE_WORDS`: "I"
(except last, as in "Engineer I"), "I'm", "my", "we", "he", "they", "was", "is", "don't",
"want", "name", "ich", "habe", "je", "suis", "soy", "fue", "я", "мой", "он", "был", "это",
"зовут", ...). Cyrillic names are names like any other ("Яндекс", "Сбер", "Тинькофф"); a
closing quotation mark the cleaning took from the end is put back when the opening one is
inside ("ООО «Ромашка»"). Known misses: "We Are Social" reads as a sentence; "Nothing" (the
phone maker) and "Nada" read as non-answers. For a person, "his name was Brad", "the idiot's
name was Brad", "name: Brad", "it was Brad", "he was called Brad" (and "er hieß", "se llama",
"il s'appelle", "ele se chama", "его звали", "её зовут", "это был") give "Brad" when the name
(up to four words) starts with a capital, every further word does too or is a particle ("de",
"van", ...), and nothing follows it; "his name was brad" is refused. A person's name has no
digits.
A strength drops a leading "I'm" / "I am" ("ich bin", "je suis", "soy", "sou", "я", "я —"), is
at most `MAX_STRENGTH_CHARS` = 40 characters and must read as SUBSTANTIVE ("I'm so stupid" is
not a strength).

**Strengths** (`strength_items`): split on line breaks, bullets, semicolons, commas, " and "
(also "as well as", "&", "und", "sowie", "et", "ainsi que", "y", "e", "и", "а также"; not after
a hyphen: "Team- und Kommunikationsfähigkeit" is one) and "/" (except between two words of up
to three characters: "UI/UX", "CI/CD", "A/B"); each item loses a leading "and" ("patient,
curious, and calm") and a leading "I'm" / "I am", is shortened to 40 characters at a word
boundary, is dropped if it is not a usable strength, and is kept once (case and accents
ignored); at most `MAX_STRENGTH_ITEMS` = 5.

**Variants** (`choose_variant`): the first option not used yet in this journey; once all have
been used, the one whose last use is the oldest. `used` lists what was said, oldest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from enum import StrEnum

from core.parsing import _ITEM_MARKER, _NOBODY, _fold_accents, split_items

__all__ = [
    "LONG_ANSWER_MIN_SIGNALS",
    "LONG_ANSWER_WORDS_PER_SIGNAL",
    "MAX_NAME_CHARS",
    "MAX_NAME_WORDS",
    "MAX_ROLE_WORDS",
    "MAX_STRENGTH_CHARS",
    "MAX_STRENGTH_ITEMS",
    "NEGATION_WINDOW",
    "SHORT_ANSWER_WORDS",
    "SWEAR_SHARE",
    "AnswerKind",
    "EntryKind",
    "check_entry",
    "choose_variant",
    "classify_answer",
    "own_words",
    "short_at_word",
    "strength_items",
]

SHORT_ANSWER_WORDS = 12
SWEAR_SHARE = 3
LONG_ANSWER_MIN_SIGNALS = 2
LONG_ANSWER_WORDS_PER_SIGNAL = 10
NEGATION_WINDOW = 5
MAX_NAME_WORDS = 6
MAX_ROLE_WORDS = 8
MAX_NAME_CHARS = 80
MAX_STRENGTH_CHARS = 40
MAX_STRENGTH_ITEMS = 5

_ELLIPSIS = "…"


class AnswerKind(StrEnum):
    """What a free-text answer is, as far as the coach's reaction goes."""

    NON_ANSWER = "non_answer"
    DISMISSIVE = "dismissive"
    BLAMING = "blaming"
    SELF_BLAME = "self_blame"
    SUBSTANTIVE = "substantive"


class EntryKind(StrEnum):
    """What a short entry is meant to be."""

    COMPANY = "company"
    ROLE = "role"
    PERSON = "person"
    STRENGTH = "strength"
    EMPLOYER = "employer"


# --- Folding text the way the tables are read ------------------------------------------------

_APOSTROPHES = re.compile(r"['‘’ʼʻ`´′]")
_STRETCHED = re.compile(r"([^\W\d_])\1{2,}")
_CENSORED = re.compile(r"[\w*]*\*[\w*]*")
_WORD = re.compile(r"[^\W_]+")
# A clause ends at these; a full stop only before a space or the end ("3.5", "k.A." stay).
_CLAUSE_BREAK = re.compile(r"[,;:!?…\n]|\.(?=\s|$)|\s[-–—]+\s")
# Swear words people star out; a starred word is read as the first of these it can be.
_CENSORABLE = (
    "fuck",
    "fucking",
    "fucked",
    "fucker",
    "shit",
    "shitty",
    "bullshit",
    "bitch",
    "asshole",
    "bastard",
    "damn",
    "crap",
    "cunt",
    "merde",
    "scheisse",
)
# The same for a starred word with a Cyrillic letter in it ("бл*ть", "х*й", "п*здец"), folded
# like the text is ("й" reads "и"), so "х*й" is "хуи".
_CENSORABLE_CYRILLIC = (
    "бля",
    "блять",
    "блядь",
    "блин",
    "хуи",
    "хуя",
    "хуе",
    "хер",
    "хрен",
    "хрень",
    "херня",
    "хуиня",
    "нахуи",
    "похуи",
    "нахер",
    "похер",
    "нахрен",
    "пздц",
    "пизда",
    "пиздец",
    "ебать",
    "ебаныи",
    "ебаные",
    "заебало",
    "сука",
    "суки",
    "мудак",
    "мудаки",
    "говно",
    "дерьмо",
    "жопа",
)
# A word written in Cyrillic with Latin look-alikes or "@" in it ("xyй", "бл@ть") is read in
# Cyrillic, the "@" as a star; words in Latin letters only are left alone.
_CYRILLIC_RUN = re.compile(r"[\w*@]*[а-я][\w*@]*")
_LOOKALIKES = str.maketrans("aeopcxykmthb@", "аеорсхукмтнв*")
_HAS_CYRILLIC = re.compile(r"[а-я]")


def _uncensor(match: re.Match[str]) -> str:
    token = match.group()
    words = _CENSORABLE_CYRILLIC if _HAS_CYRILLIC.search(token) else _CENSORABLE
    for word in words:
        if len(word) == len(token) and all(c in ("*", w) for c, w in zip(token, word, strict=True)):
            return word
    return token.replace("*", " ")


def _fold(text: str) -> str:
    """Accents, case and apostrophes gone, stretched letters shortened, stars read."""
    # Stretched letters first, so the apostrophe in "boss's" can't make a run of three.
    folded = _STRETCHED.sub(r"\1", _fold_accents(text).casefold())
    folded = _CYRILLIC_RUN.sub(lambda m: m.group().translate(_LOOKALIKES), folded)
    return _CENSORED.sub(_uncensor, _APOSTROPHES.sub("", folded))


def _normalise(text: str) -> str:
    """Folded words, one space apart, with " | " between clauses."""
    clauses = (" ".join(_WORD.findall(part)) for part in _CLAUSE_BREAK.split(_fold(text)))
    return " | ".join(clause for clause in clauses if clause)


def _tokens(normalised: str) -> list[str]:
    return [word for word in normalised.split() if word != "|"]


def _phrases(phrases: Iterable[str]) -> frozenset[str]:
    """Table phrases folded like the answers they are compared with."""
    return frozenset(" ".join(_WORD.findall(_fold(phrase))) for phrase in phrases)


_LATIN = re.compile(r"[a-z]")


def _compiled(patterns: Iterable[str]) -> re.Pattern[str]:
    joined = "|".join(f"(?:{_fold_accents(p)})" for p in patterns)
    return re.compile(r"\b(?:" + joined + r")\b")


def _alternation(patterns: Sequence[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns, written in lower case with accents folded ("й" = "и", "ё" = "е"), as two
    alternations: those written in Cyrillic and the others. Each is only tried on text with a
    letter of its script: every branch is tried at every word, on every message."""
    cyrillic = [p for p in patterns if _HAS_CYRILLIC.search(p)]
    latin = [p for p in patterns if p not in cyrillic]
    return _compiled(latin), _compiled(cyrillic)


# --- Non-answers -------------------------------------------------------------------------------

_NON_ANSWER_PHRASES = _phrases(
    (
        # English
        "idk",
        "i don't know",
        "don't know",
        "i do not know",
        "do not know",
        "i really don't know",
        "dunno",
        "i dunno",
        "dk",
        "no idea",
        "no clue",
        "not a clue",
        "not sure",
        "i'm not sure",
        "i am not sure",
        "unsure",
        "no",
        "nope",
        "nah",
        "nothing",
        "none",
        "nothing really",
        "not really",
        "nothing to say",
        "nothing comes to mind",
        "can't think of anything",
        "i can't think of anything",
        "hard to say",
        "can't say",
        "i can't say",
        "no comment",
        "no answer",
        "whatever",
        "n/a",
        "na",
        "tbd",
        "skip",
        "skip it",
        "skip this",
        "skip this one",
        "skip this question",
        "pass",
        "i pass",
        "next",
        "next question",
        "later",
        "not now",
        "nvm",
        "never mind",
        "nevermind",
        "meh",
        "hmm",
        "hm",
        "um",
        "umm",
        "uh",
        "eh",
        "ok",
        "okay",
        "k",
        "kk",
        "yes",
        "yeah",
        "yep",
        "sure",
        "fine",
        "maybe",
        "0",
        "rather not say",
        "i'd rather not say",
        "prefer not to say",
        "i'd prefer not to say",
        "i prefer not to say",
        "don't want to say",
        "i don't want to say",
        "not telling",
        "not saying",
        "confidential",
        "don't remember",
        "i don't remember",
        "can't remember",
        "i can't remember",
        *_NOBODY,
        # Spanish
        "no sé",
        "no lo sé",
        "yo qué sé",
        "ni idea",
        "no tengo idea",
        "no tengo ni idea",
        "no estoy seguro",
        "no estoy segura",
        "nada",
        "ninguno",
        "ninguna",
        "nadie",
        "paso",
        "quizás",
        "quizá",
        "tal vez",
        "a lo mejor",
        "no sabría decir",
        "no sé qué decir",
        "nada que decir",
        "no tengo nada que decir",
        "sin comentarios",
        "prefiero no decirlo",
        "prefiero no decir",
        "prefiero no responder",
        "no quiero decirlo",
        "no quiero hablar de eso",
        "no recuerdo",
        "no me acuerdo",
        "da igual",
        "lo que sea",
        "sí",
        "vale",
        "siguiente",
        "siguiente pregunta",
        "saltar",
        # German
        "keine Ahnung",
        "k.A.",
        "ka",
        "kein Plan",
        "kp",
        "weiß nicht",
        "weiß ich nicht",
        "ich weiß nicht",
        "ich weiß es nicht",
        "nicht sicher",
        "bin mir nicht sicher",
        "ich bin mir nicht sicher",
        "nichts",
        "nix",
        "nein",
        "keine",
        "keiner",
        "keins",
        "niemand",
        "egal",
        "weiter",
        "überspringen",
        "vielleicht",
        "weiß nicht mehr",
        "weiß ich nicht mehr",
        "ich weiß es nicht mehr",
        "gar nichts",
        "nichts zu sagen",
        "mir fällt nichts ein",
        "fällt mir nichts ein",
        "schwer zu sagen",
        "kein Kommentar",
        "lieber nicht",
        "sag ich nicht",
        "möchte ich nicht sagen",
        "ich möchte es nicht sagen",
        "will ich nicht sagen",
        "ja",
        "nächste Frage",
        # French
        "je sais pas",
        "je ne sais pas",
        "j'sais pas",
        "sais pas",
        "chais pas",
        "jsp",
        "aucune idée",
        "pas d'idée",
        "pas sûr",
        "pas sûre",
        "je suis pas sûr",
        "je ne suis pas sûr",
        "je ne suis pas sûre",
        "rien",
        "rien du tout",
        "aucun",
        "aucune",
        "personne",
        "non",
        "bof",
        "je passe",
        "peut-être",
        "j'en sais rien",
        "je sais plus",
        "je ne sais plus",
        "je me souviens pas",
        "je ne me souviens pas",
        "pas vraiment",
        "rien à dire",
        "j'ai rien à dire",
        "je n'ai rien à dire",
        "difficile à dire",
        "sans commentaire",
        "pas de commentaire",
        "je préfère ne pas dire",
        "je préfère ne pas répondre",
        "oui",
        "ouais",
        "nan",
        "d'accord",
        "question suivante",
        # Portuguese
        "não sei",
        "sei lá",
        "não faço ideia",
        "nem ideia",
        "não tenho certeza",
        "nenhum",
        "nenhuma",
        "ninguém",
        "não",
        "passo",
        "talvez",
        "sei não",
        "sla",
        "não sei dizer",
        "não faço a mínima ideia",
        "sem ideia",
        "nada a dizer",
        "não tenho nada a dizer",
        "difícil dizer",
        "sem comentários",
        "prefiro não dizer",
        "prefiro não responder",
        "não quero falar",
        "não quero falar sobre isso",
        "não lembro",
        "não me lembro",
        "sim",
        "tá",
        "beleza",
        "pular",
        "próxima",
        "próxima pergunta",
        # Russian
        "не знаю",
        "я не знаю",
        "даже не знаю",
        "не знаю что сказать",
        "хз",
        "без понятия",
        "понятия не имею",
        "не имею понятия",
        "ни малейшего понятия",
        "не уверен",
        "не уверена",
        "я не уверен",
        "я не уверена",
        "трудно сказать",
        "сложно сказать",
        "затрудняюсь ответить",
        "ничего",
        "ничего особенного",
        "ничего не приходит в голову",
        "в голову ничего не приходит",
        "нечего сказать",
        "мне нечего сказать",
        "сказать нечего",
        "не помню",
        "я не помню",
        "всё равно",
        "неважно",
        "не важно",
        "проехали",
        "забей",
        "пропустить",
        "пропусти",
        "пропущу",
        "пропускаю",
        "пас",
        "дальше",
        "далее",
        "следующий вопрос",
        "нет",
        "неа",
        "не-а",
        "нету",
        "не",
        "никто",
        "никого",
        "никакой",
        "никакие",
        "ни одного",
        "ноль",
        "н/д",
        "не хочу",
        "не хочу говорить",
        "не хочу отвечать",
        "не хочу об этом говорить",
        "не скажу",
        "предпочитаю не говорить",
        "предпочту не говорить",
        "без комментариев",
        "секрет",
        "это секрет",
        "может быть",
        "может",
        "возможно",
        "да",
        "ага",
        "угу",
        "ок",
        "окей",
        "ладно",
        "хм",
        "эм",
        "ээ",
        "мм",
    )
)
# Softeners that may pad a non-answer but are no answer on their own.
_FILLER_PHRASES = _phrases(
    (
        "really",
        "honestly",
        "sorry",
        "just",
        "tbh",
        "to be honest",
        "lol",
        "haha",
        "man",
        "mate",
        "bro",
        "dude",
        "i guess",
        "i think",
        "please",
        "pls",
        "thanks",
        "thank you",
        "at all",
        "for now",
        "right now",
        "sadly",
        "unfortunately",
        "anything",
        "else",
        "much",
        "so far",
        "yet",
        "either",
        "well",
        "oh",
        "ah",
        "then",
        "actually",
        "the",
        "lo siento",
        "perdón",
        "la verdad",
        "pues",
        "bueno",
        "ehrlich gesagt",
        "leider",
        "wirklich",
        "eigentlich",
        "also",
        "désolé",
        "désolée",
        "franchement",
        "vraiment",
        "euh",
        "desculpa",
        "sinceramente",
        "mesmo",
        # More Spanish, German, French and Portuguese; then Russian
        "perdona",
        "honestamente",
        "realmente",
        "de verdad",
        "por ahora",
        "todavía",
        "jaja",
        "creo",
        "tut mir leid",
        "sorry",
        "naja",
        "na ja",
        "ehrlich",
        "echt",
        "halt",
        "gerade",
        "momentan",
        "überhaupt",
        "glaube ich",
        "ich glaube",
        "hm",
        "ähm",
        "äh",
        "honnêtement",
        "en fait",
        "bah",
        "ben",
        "du tout",
        "pour l'instant",
        "je pense",
        "je crois",
        "mdr",
        "desculpe",
        "honestamente",
        "na verdade",
        "acho",
        "acho que",
        "por enquanto",
        "ainda",
        "agora",
        "kkk",
        "rs",
        "честно",
        "честно говоря",
        "если честно",
        "наверное",
        "наверно",
        "ну",
        "типа",
        "вообще",
        "вообще-то",
        "в общем",
        "короче",
        "извини",
        "извините",
        "прости",
        "простите",
        "сорри",
        "к сожалению",
        "увы",
        "правда",
        "реально",
        "просто",
        "даже",
        "пока",
        "пока что",
        "сейчас",
        "тут",
        "особо",
        "особенно",
        "совсем",
        "вот",
        "же",
        "уж",
        "ещё",
        "больше",
        "кажется",
        "мне кажется",
        "думаю",
        "я думаю",
        "спасибо",
        "пожалуйста",
        "лол",
        "хаха",
        "ахах",
        "бро",
        "чувак",
    )
)
# Stand-ins for a name that name nothing, refused as entries though they are answers of a kind.
_PLACEHOLDER_PHRASES = _phrases(
    (
        "some company",
        "a company",
        "the company",
        "some startup",
        "a startup",
        "someone",
        "somebody",
        "some guy",
        "a guy",
        "some woman",
        "some person",
        "unknown",
        "forgot",
        "i forgot",
        "una empresa",
        "alguna empresa",
        "la empresa",
        "alguien",
        "un tipo",
        "olvidé",
        "lo olvidé",
        "eine Firma",
        "irgendeine Firma",
        "die Firma",
        "ein Unternehmen",
        "irgendein Unternehmen",
        "jemand",
        "irgendwer",
        "irgendjemand",
        "vergessen",
        "une entreprise",
        "une boîte",
        "une société",
        "quelqu'un",
        "oublié",
        "j'ai oublié",
        "uma empresa",
        "alguma empresa",
        "a empresa",
        "alguém",
        "esqueci",
        "какая-то компания",
        "какая то компания",
        "одна компания",
        "компания",
        "какая-то фирма",
        "одна фирма",
        "фирма",
        "какой-то стартап",
        "стартап",
        "кто-то",
        "какой-то чел",
        "какой-то мужик",
        "какая-то женщина",
        "неизвестно",
        "аноним",
        "без названия",
        "не помню название",
        "не помню как зовут",
        "забыл",
        "забыла",
        "уже не помню",
    )
)
_LONGEST_PHRASE = max(
    len(p.split()) for p in _NON_ANSWER_PHRASES | _FILLER_PHRASES | _PLACEHOLDER_PHRASES
)
_ENTRY_NON_ANSWERS = _NON_ANSWER_PHRASES | _PLACEHOLDER_PHRASES


def _is_non_answer(tokens: Sequence[str], phrases: frozenset[str] = _NON_ANSWER_PHRASES) -> bool:
    """Whether the words are "don't know" phrases and softeners only, with one phrase at least."""
    if not tokens:
        return True
    # reach[i]: 0 the first i words can't be covered, 1 covered by softeners, 2 with a phrase.
    reach = [1] + [0] * len(tokens)
    for start in range(len(tokens)):
        if not reach[start]:
            continue
        for end in range(start + 1, min(start + _LONGEST_PHRASE, len(tokens)) + 1):
            phrase = " ".join(tokens[start:end])
            if phrase in phrases:
                reach[end] = 2
            elif phrase in _FILLER_PHRASES:
                reach[end] = max(reach[end], reach[start])
    return reach[-1] == 2


# --- Swears, insults and negation --------------------------------------------------------------

_SWEARS = _phrases(
    (
        "fuck",
        "fucks",
        "fucking",
        "fuckin",
        "fucked",
        "fucker",
        "fuckers",
        "motherfucker",
        "motherfucking",
        "fck",
        "fcking",
        "fuk",
        "fking",
        "fkn",
        "effing",
        "wtf",
        "ffs",
        "stfu",
        "shit",
        "shits",
        "shitty",
        "shite",
        "bullshit",
        "horseshit",
        "crap",
        "crappy",
        "damn",
        "dammit",
        "damnit",
        "goddamn",
        "goddammit",
        "bitch",
        "bastard",
        "asshole",
        "arsehole",
        "cunt",
        "twat",
        "wanker",
        "piss",
        "pissed",
        "bollocks",
        # Spanish, German, French, Portuguese
        "mierda",
        "joder",
        "jodido",
        "puta",
        "puto",
        "carajo",
        "coño",
        "hostia",
        "cojones",
        "Scheiße",
        "scheiss",
        "verdammt",
        "verdammte",
        "kacke",
        "merde",
        "putain",
        "bordel",
        "chiant",
        "merda",
        "porra",
        "caralho",
        "foda",
        "jodida",
        "jodidos",
        "mierdas",
        "putas",
        "hostias",
        "maldito",
        "maldita",
        "malditos",
        "chingada",
        "chingado",
        "pinche",
        "verdammter",
        "verdammtes",
        "Kacke",
        "Arsch",
        "fick",
        "ficken",
        "gefickt",
        "connerie",
        "conneries",
        "chier",
        "foutre",
        "bosta",
        "cacete",
        "fodido",
        "fodida",
        "fudeu",
        "pqp",
        "vsf",
        # Russian: the common words here; the roots of the strongest ones below (_MAT).
        "блин",
        "черт",
        "чертов",
        "чертова",
        "чертово",
        "чертовы",
        "хрен",
        "хрена",
        "хрень",
        "хреново",
        "хреновый",
        "хреновая",
        "хреновые",
        "нахрен",
        "похрен",
        "хер",
        "хера",
        "херня",
        "херню",
        "херово",
        "нахер",
        "нахера",
        "похер",
        "фигня",
        "фигню",
        "нафиг",
        "нафига",
        "пох",
        "пздц",
        "капец",
        "пипец",
        "епт",
        "епта",
        "сука",
        "суки",
        "сучка",
        "говно",
        "говна",
        "говном",
        "говняный",
        "дерьмо",
        "дерьма",
        "дерьмовый",
        "дерьмово",
        "жопа",
        "жопу",
        "жопе",
        "срань",
        "сраный",
        "сраная",
        "сраные",
        "насрать",
        "долбоеб",
        "долбоебы",
    )
)
# Words made from the strongest Russian roots ("хуй", "пизд-", "ёб-", "бляд-"), with the
# prefixes they take ("нахуй", "похуй", "заебало", "распиздяй"), and German compounds made
# with "Scheiß-": read as swear words whatever their ending. Folded: "й" is "и", "ё" is "е".
_MAT = re.compile(
    _fold_accents(
        r"(?:на|по|о|ни|до|за|от|с|у|вы)?ху[йеёяюи]\w*"
        r"|\w*пизд\w*"
        r"|(?:за|вы|на|съ|отъ|до|про|у|по|разъ|подъ|объ)?[её]б(?:а[нлтш]|ись|ло|ну|уч|ок|ыв)\w*"
        r"|бля(?:ть|дь|д\w*)?"
        r"|\w*scheiss\w*|beschiss\w*"
    )
)


def _is_swear(word: str) -> bool:
    return word in _SWEARS or _MAT.fullmatch(word) is not None


_INSULTS = _phrases(
    (
        "idiot",
        "idiots",
        "moron",
        "morons",
        "jerk",
        "jerks",
        "asshole",
        "assholes",
        "arsehole",
        "arseholes",
        "clown",
        "clowns",
        "dumbass",
        "dickhead",
        "dickheads",
        "douche",
        "douchebag",
        "prick",
        "pricks",
        "twat",
        "wanker",
        "wankers",
        "bastard",
        "bastards",
        "bitch",
        "cunt",
        "scumbag",
        "scumbags",
        "imbecile",
        "imbeciles",
        "cretin",
        "cretins",
        "idiota",
        "idiotas",
        "imbécil",
        "gilipollas",
        "cabrón",
        "pendejo",
        "Arschloch",
        "Vollidiot",
        "Idioten",
        "Trottel",
        "connard",
        "connards",
        "connasse",
        "abruti",
        "salaud",
        "babaca",
        "otário",
        "idiotes",
        "enculé",
        "enculés",
        "Wichser",
        "Vollidioten",
        "Arschlöcher",
        "pendejos",
        "cabrones",
        "imbéciles",
        "otários",
        "babacas",
        "идиот",
        "идиоты",
        "идиотов",
        "идиотом",
        "идиотами",
        "идиотка",
        "дебил",
        "дебилы",
        "дебилов",
        "дебилом",
        "дебилами",
        "придурок",
        "придурки",
        "придурков",
        "кретин",
        "кретины",
        "кретинов",
        "дурак",
        "дураки",
        "дура",
        "козел",
        "козлы",
        # Not "козлов", "дураков": surnames (Козлов is among the commonest).
        "мудак",
        "мудаки",
        "мудаков",
        "мудила",
        "урод",
        "уроды",
        "уродов",
        "клоун",
        "клоуны",
        "клоунов",
        "клоунами",
        "дегенерат",
        "дегенераты",
        "ублюдок",
        "ублюдки",
        "сволочь",
        "сволочи",
        "тупица",
        "тупицы",
        "имбецил",
        "имбецилы",
        "недоумок",
        "недоумки",
        "лохи",
        "чмо",
    )
)
_NEGATORS = _phrases(
    (
        "not",
        "no",
        "never",
        "don't",
        "didn't",
        "doesn't",
        "isn't",
        "wasn't",
        "weren't",
        "aren't",
        "wouldn't",
        "hardly",
        "nicht",
        "kein",
        "keine",
        "nie",
        "pas",
        "jamais",
        "nunca",
        "não",
        "ni",
        "jamás",
        "tampoco",
        "niemals",
        "keineswegs",
        "aucun",
        "aucune",
        "nem",
        "не",
        "нет",
        "ни",
        "никогда",
        "никакой",
        "никакого",
        "никакие",
        "никаких",
        "никакая",
    )
)
# Words that end the stretch a negation reaches over, like punctuation does.
_CLAUSE_WORDS = _phrases(
    (
        *("and", "but", "because", "so", "though", "although", "yet"),
        *("pero", "porque", "aunque", "aber", "weil", "denn", "obwohl", "sondern"),
        *("y", "et", "und", "e", "sowie", "mais", "parce", "donc", "mas", "porém"),
        *("и", "но", "а", "потому"),
        *("поэтому", "хотя", "зато", "однако"),
    )
)
# A negation doesn't reach over a comma, except into a "that" clause: "I don't think, that it
# was my fault" is how Russian and German write it ("не думаю, что", "ich glaube nicht, dass").
_THAT = frozenset({"что", "dass"})
# "Can't" never negates: "I can't believe they were biased" is blaming, and so are "не могу
# поверить", "no puedo creer", "não consigo acreditar", "je peux pas croire", "ich kann nicht".
_CAN = _phrases(
    (
        *("могу", "может", "мог", "могла", "могли", "можем", "могут", "puedo", "puede"),
        *("podía", "pude", "posso", "pode", "podia", "consigo", "peux", "peut", "pouvais"),
        *("kann", "konnte", "kannst"),
    )
)


def _negated(normalised: str, start: int) -> bool:
    """Whether a negation sits within NEGATION_WINDOW words before `start`, same clause."""
    clauses = normalised[:start].split("|")
    before = clauses[-1].split()
    if len(clauses) > 1 and before and before[0] in _THAT:
        before = clauses[-2].split() + before
    window = before[-NEGATION_WINDOW:]
    for index in range(len(window) - 1, -1, -1):
        word = window[index]
        if word in _CLAUSE_WORDS:
            return False
        beside = window[index - 1 : index] + window[index + 1 : index + 2]
        if word in _NEGATORS and _CAN.isdisjoint(beside):
            return True
    return False


def _matches(patterns: tuple[re.Pattern[str], re.Pattern[str]], normalised: str) -> int:
    """How many times the patterns match without a negation in front of them."""
    latin, cyrillic = patterns
    return sum(
        1
        for pattern, script in ((latin, _LATIN), (cyrillic, _HAS_CYRILLIC))
        if script.search(normalised)
        for m in pattern.finditer(normalised)
        if not _negated(normalised, m.start())
    )


# --- Self-blame -----------------------------------------------------------------------------------

_SELF_SUBJECT = (
    r"im|i am|i was|i feel like|i felt like|i feel|i felt|i look like|i looked like|i must be"
    r"|i must have been|i must have looked like|i guess im|i sound like|i sounded like"
)
_SELF_MODIFIER = (
    r"so|such|a|an|just|really|completely|totally|the|absolute|complete|total|fucking|bloody"
    r"|utter|biggest|like|too|literally|basically|officially|simply|clearly|effing|damn"
)
_SELF_VERDICT = (
    r"stupid|idiot|dumb|moron|unemployable|unhireable|unhirable|useless|failure|loser|pathetic"
    r"|hopeless|worthless|incompetent|fraud|impostor|imposter|joke|embarrassment|disgrace"
    r"|garbage|trash|worst|not good enough|good for nothing|waste of space"
)
_RU_SELF_SUBJECT = (
    r"я(?: \|)?|я (?:был|была|оказался|оказалась|стал|стала)"
    r"|(?:я )?(?:чувствую|чувствовал|чувствовала|ощущаю|ощущал|ощущала) себя"
    r"|(?:я )?(?:выгляжу|выглядел|выглядела|вел|вела) (?:себя )?как"
)
_RU_SELF_MODIFIER = (
    r"такой|такая|просто|полный|полная|полным|полной|совсем|совершенно|абсолютно|конченый"
    r"|конченая|конченым|настоящий|настоящая|настоящим|очень|же|ведь|реально|правда|какой то"
    r"|какая то|всего лишь|лишь|самый|самая|последний|последняя|круглый|круглая|круглым|ну|и"
    r"|вообще|таки|полнейший|полнейшая|законченный|законченная|законченным|просто напросто"
)
_RU_SELF_VERDICT = (
    r"неудачни(?:к|ца|ком|цей)|лузер(?:ом)?|идиот(?:ка|ом|кой)?|дура(?:к|ком)?|дурой|тупой|тупая"
    r"|тупым|туп|тупа|тупица|глуп(?:ый|ая|ым|ой|а)?|дебил(?:ом|ка|кой)?|никчемн(?:ый|ая|ым|ой)"
    r"|никчемен|никчемна|бесполезн(?:ый|ая|ым|ой)|бесполезен|бесполезна|ничтожеств(?:о|ом)"
    r"|ничтожн(?:ый|ая)|бездар(?:ь|ность|ный|ная|ем)|бездарен|бездарна|некомпетентн(?:ый|ая|ым"
    r"|ой)|некомпетентен|некомпетентна|неспособн(?:ый|ая)|неспособен|неспособна|позор|позорище"
    r"|самозван(?:ец|ка|цем|кой)|лох(?:ом|ушка)?|жалк(?:ий|ая|им|ой)|безнадежн(?:ый|ая|ым|ой)"
    r"|безнадежен|безнадежна|слабак(?:ом)?|слабачка|тряпка|ноль|пустое место|пустым местом"
    r"|отстой|хуже всех|худш(?:ий|ая)|никто|ничто|кретин(?:ом)?|придурок|придурком|посмешище"
    r"|неумеха|бестолочь|бестолков(?:ый|ая)|недостаточно (?:хорош|хороша|хороший|хорошая|умен"
    r"|умна|умный|умная|опытен|опытна|силен|сильна)|не (?:достаточно|так) хорош(?:а|ий|ая)?"
    r"|не гожусь|ни на что не (?:гожусь|годен|годна|годный|годная|способен|способна)"
    r"|не (?:создан|создана) для"
)
_SELF_BLAME_PATTERNS = _alternation(
    (
        rf"(?:{_SELF_SUBJECT})(?: (?:{_SELF_MODIFIER})){{0,4}} (?:{_SELF_VERDICT})",
        r"i (?:always|constantly|keep|keep on) (?:\w+ ){0,2}?(?:mess|messing|screw|screwing"
        r"|fuck|fucking|blow|blowing|ruin|ruining|fail|failing|choke|choking|bomb|bombing)",
        r"i (?:never|cant|cannot|can never) (?:do|get) (?:anything|something|it|things) right",
        r"i (?:ruin|ruined|destroy|destroyed|mess up|messed up|screw up|screwed up|fuck up"
        r"|fucked up) everything",
        r"i (?:mess|messed|screw|screwed|fuck|fucked) everything up",
        r"i fail at everything",
        r"(?:im|i am|i was) (?:just )?(?:bad|terrible|useless|hopeless|awful|rubbish)"
        r" at everything",
        r"(?:im|i am) (?:good at nothing|not good at anything)",
        r"i suck",
        r"i hate myself",
        r"i blame myself",
        r"i (?:only )?have myself to blame",
        r"(?:its|it is|it was|thats|that is|this is|everything is|everything was)"
        r" (?:all |entirely |completely |totally |100 |only )?my (?:own )?fault",
        r"(?:all|entirely|completely|totally) my (?:own )?fault",
        r"my own fault",
        r"i deserved? (?:it|this|that|to fail|to be rejected|to get rejected)(?= \||$)",
        r"(?:no one|nobody|noone) (?:will|would|is going to|wants to|is ever going to)"
        r" (?:ever )?hire me",
        r"who(?: would|d| will) (?:ever )?(?:want to )?hire me",
        r"(?:whats|what is) wrong with me",
        r"something (?:is )?wrong with me",
        r"(?:im|i am) the problem",
        r"the problem is me",
        r"(?:stupid|dumb|idiotic) of me",
        # Swearing at oneself is a verdict wherever it stands ("I fucked up the coding part").
        r"i (?:totally |completely |really |just |so )?(?:fucked|fucking) (?:(?:it|this|that"
        r"|everything|things|it all) )?up",
        # A milder "I messed up" is a verdict only as a whole clause; with a "what" it is work.
        r"i (?:totally |completely |really |just |so )?(?:(?:screwed|messed) (?:(?:it|this|that"
        r"|things|it all) )?up|blew it|ruined it|bombed it)(?= \||$)",
        # Spanish, German, French, Portuguese
        r"(?:soy|me siento|me senti) (?:(?:un|una|muy|tan|completo|completa) )*(?:fracaso"
        r"|fracasado|fracasada|inutil|idiota|tonto|tonta|estupido|estupida)",
        r"mi culpa|culpa mia",
        r"ich bin (?:(?:so|einfach|ein|eine|total|zu|echt|halt|ja) )*(?:dumm|blod|doof|unfahig"
        r"|nutzlos|versager|versagerin|idiot|hoffnungslos|nichts wert)",
        r"meine schuld|ich versage immer|ich vermassle (?:immer )?alles",
        r"je suis (?:(?:tellement|trop|vraiment|si|un|une|completement) )*(?:nul|nulle|con"
        r"|conne|idiot|idiote|bete|stupide|echec|inemployable|incapable)",
        r"ma (?:propre )?faute",
        r"(?:sou|me sinto) (?:(?:um|uma|tao|muito|completamente|completo|completa) )*(?:fracasso"
        r"|fracassado|fracassada|inutil|idiota|burro|burra|estupido|estupida|incompetente)",
        r"culpa minha|minha culpa|a culpa e minha",
        # More Spanish, German, French and Portuguese
        r"(?:soy|me siento|me senti|me sentia) (?:(?:un|una|muy|tan|completo|completa|como|el|la"
        r"|lo|todo|toda|total) )*(?:desastre|perdedor|perdedora|inepto|inepta|incompetente|peor"
        r"|imbecil|basura)",
        r"no (?:sirvo|valgo) (?:para )?nada|no soy (?:lo )?(?:suficientemente|bastante)"
        r" (?:bueno|buena)|no soy suficiente",
        r"(?:la|lo) (?:cague|jodi)|(?:siempre )?la cago",
        r"(?:lo )?(?:arruine|estropee|eche a perder) todo|(?:siempre )?(?:arruino|estropeo) todo"
        r"|todo lo (?:arruino|estropeo)",
        r"(?:nadie|nunca|ninguna empresa) (?:me )?(?:va|van) a contratar|nadie me contratara"
        r"|nunca me contrataran",
        r"que (?:me pasa|(?:esta|anda) mal conmigo)(?= \||$)",
        r"(?:yo )?me odio|me culpo a mi mism[oa]|(?:me lo|lo) merezco(?= \||$)",
        r"ich (?:fuhle|fuhlte) mich (?:(?:so|wie|ein|eine|total|echt|einfach|voll|komplett"
        r"|richtig) )*(?:dumm|blod|doof|idiot|versager|versagerin|nutzlos|wertlos|unfahig"
        r"|inkompetent)",
        r"ich (?:kam|komme) mir (?:(?:so|wie|ein|eine|total|echt|voll|richtig) )*(?:dumm|blod"
        r"|doof|idiot|versager|versagerin|nutzlos|unfahig) vor",
        r"ich bin (?:(?:einfach|halt|echt|wohl|eben|wirklich) )*nicht gut genug",
        r"ich bin (?:(?:so|einfach|ein|eine|total|zu|echt|halt|ja) )*(?:wertlos|inkompetent"
        r"|unbrauchbar|erbarmlich|loser)",
        r"(?:ich bin )?zu nichts zu gebrauchen|ich kann (?:einfach )?nichts(?= \||$)",
        r"ich (?:habe|hab) (?:(?:wirklich|einfach|mal wieder|wieder|total|komplett) )*alles"
        r" (?:versaut|verbockt|vermasselt|verkackt|ruiniert|kaputt gemacht)",
        r"ich (?:habe|hab|habs) (?:(?:es|das|total|komplett|voll|echt|so|wieder) )*(?:versaut"
        r"|verbockt|vermasselt|verkackt|versemmelt)(?= \||$)",
        r"ich hasse mich|(?:ich bin )?(?:selbst|selber) schuld",
        r"was (?:stimmt nicht|ist (?:falsch|los)) mit mir|mit mir stimmt (?:doch )?(?:was"
        r"|etwas) nicht",
        r"(?:niemand|keiner) (?:wird|will) mich (?:(?:je|jemals|mehr|wieder|je wieder) )*"
        r"(?:einstellen|nehmen)|mich (?:stellt|nimmt) (?:(?:eh|doch|sowieso|nie) )?(?:niemand"
        r"|keiner)",
        r"je (?:me sens|me suis senti|me suis sentie|me sentais) (?:(?:tellement|trop|vraiment"
        r"|si|un|une|completement|comme) )*(?:nul|nulle|con|conne|idiot|idiote|bete|stupide"
        r"|inutile|incapable|rate|ratee|minable|pathetique)",
        r"je suis (?:(?:tellement|trop|vraiment|si|un|une|completement) )*(?:rate|ratee|minable"
        r"|inutile|bon a rien|bonne a rien|pathetique|incompetent|incompetente)",
        r"je (?:ne )?suis pas (?:assez (?:bon|bonne|doue|douee|competent|competente)"
        r"|a la hauteur)|je (?:ne )?vaux rien",
        r"jai tout (?:gache|foire|rate|fait foirer|casse|bousille)|je (?:gache|rate|foire) tout",
        r"jai (?:(?:completement|totalement|vraiment|encore) )*merde"
        r"|jai (?:(?:completement|totalement|vraiment|encore) )*(?:foire|rate)(?= \||$)",
        r"je me (?:deteste|hais)|personne ne (?:va|voudra|veut) (?:jamais )?(?:membaucher"
        r"|me prendre)|personne ne membauchera",
        r"quest ce qui (?:ne )?va pas (?:chez|avec) moi",
        r"(?:sou|me sinto|me senti|me sentindo) (?:(?:um|uma|tao|muito|completamente|completo"
        r"|completa|como|o|a|um total) )*(?:lixo|piada|perdedor|perdedora|imprestavel|otario"
        r"|otaria|fraude|pior)",
        r"nao (?:sirvo|presto) (?:para |pra )?nada|nao presto(?= \||$)|nao sou (?:bom|boa)"
        r" (?:o )?(?:suficiente|bastante)",
        r"(?:eu )?(?:estraguei|ferrei|arruinei|baguncei) tudo|(?:eu )?sempre (?:estrago|ferro)"
        r" tudo|(?:eu )?fiz (?:merda|cagada)",
        r"(?:eu )?me odeio|odeio a mim mesm[oa]",
        r"(?:ninguem|nenhuma empresa) (?:nunca |jamais )?(?:vai|vai querer|quer) (?:me )?"
        r"contratar|ninguem me contrata",
        r"(?:o )?que (?:ha|tem|esta) de errado comigo|qual (?:e )?o meu problema",
        # Russian: "я" (or "чувствую себя", "выглядел как") and a verdict, in any of its forms.
        rf"(?:{_RU_SELF_SUBJECT})(?: (?:{_RU_SELF_MODIFIER})){{0,4}} (?:{_RU_SELF_VERDICT})",
        r"(?:идиот|дурак|дура|неудачник|неудачница|лох|тупица|дебил|кретин|лузер)(?: же)?"
        r" я(?= \||$)",
        r"(?:^|(?<=\| ))ни на что не (?:гожусь|годен|годна|способен|способна)",
        r"я (?:(?:всегда|вечно|опять|снова|постоянно|как всегда) )*все (?:порчу|проваливаю"
        r"|заваливаю|запарываю|гроблю|ломаю)",
        r"(?:я |^|(?<=\| ))(?:(?:опять|снова|как всегда|просто|сам|сама|реально|полностью"
        r"|окончательно|же) )*(?:все (?:испортил|провалил|запорол|завалил|просрал|похерил|угробил"
        r"|загубил|испоганил)а?|(?:испортил|провалил|запорол|завалил|просрал|похерил|угробил"
        r"|загубил)а? все(?= \||$))",
        r"я (?:(?:опять|снова|как всегда|просто) )*всех подвел(?:а)?",
        r"(?:я |^|(?<=\| ))(?:(?:опять|снова|реально|просто|как всегда|конкретно|сильно|так) )*"
        r"(?:(?:облажал|лоханул|опозорил|провалил|опростоволосил)(?:ся|ась)|(?:накосячил"
        r"|налажал|напортачил)а?)(?: (?:по полной|полностью|конкретно|капитально|опять|снова"
        r"|как всегда|сильно))*(?= \||$)",
        # Swearing at oneself is a verdict wherever it stands ("я проебал собеседование").
        r"(?:я |^|(?<=\| ))(?:(?:опять|снова|просто|так|конкретно|реально|тупо) )*(?:проебал"
        r"|просрал|обосрал)(?:ся|ась|а)?",
        r"(?:это|тут|здесь|все|во всем|полностью|целиком|только|исключительно)(?: (?:только"
        r"|полностью|целиком|исключительно|всецело|же|была|было|именно|все|это))* моя"
        r" (?:собственная )?вина|моя собственная вина|вина (?:(?:только|целиком|полностью"
        r"|вся) )?(?:моя|на мне)(?= \||$)",
        r"все (?:это )?из за меня|(?:я )?(?:сам|сама) (?:во всем )?(?:виноват|виновата)"
        r"|я (?:(?:во всем|один|одна|целиком|сам|сама) )?(?:виноват|виновата)"
        r"|(?:виноват|виновата) (?:только |сам |сама )?я(?= \||$)",
        r"меня (?:(?:уже|больше|вообще|теперь) )*(?:никогда|никто|никуда|нигде)(?: (?:уже"
        r"|больше|вообще|никогда|никто|никуда|нигде))* не (?:возьм|бер|найм|нанима|прим)\w*",
        r"(?:никто|нигде|никуда)(?: (?:никогда|никто|никуда|нигде|уже|больше|вообще))* меня"
        r"(?: (?:никогда|уже|больше|вообще|никуда|нигде))* не (?:возьм|бер|найм|нанима|прим)\w*",
        r"(?:никто|нигде|никуда)(?: (?:никогда|уже|больше|вообще))* не (?:(?:захочет|захотят"
        r"|станет|будет|будут) )?(?:возьм|бер|брать|найм|нанима|прим)\w* меня",
        r"кому я (?:(?:такой|такая|вообще) )?(?:нужен|нужна)|я никому не (?:нужен|нужна)",
        r"что (?:же |вообще )?(?:со мной не так|не так со мной)|со мной (?:явно |точно )?что то"
        r" не так",
        r"(?:я )?(?:ненавижу себя|себя ненавижу|виню себя|себя виню)",
        r"(?:так мне и надо|поделом мне|(?:я )?(?:это|такое|этого) заслужил(?:а)?|(?:я )?"
        r"заслужил(?:а)? (?:это|такое|этого))(?= \||$)",
        r"я (?:ничего|ни черта) не стою|я (?:(?:вообще|совсем|просто|реально) )*ничего не (?:умею"
        r"|могу)(?: (?:делать|сделать|нормально|правильно|как надо|толком))*(?= \||$)",
        r"у меня (?:(?:никогда|вообще|опять|снова|никогда) )*ничего не (?:получается|выходит)"
        r"(?= \||$)",
    )
)

# --- Blaming --------------------------------------------------------------------------------------

_BLAME_TARGET = (
    r"they|he|she|hr|them|(?:(?:the|that|this|my) )?(?:interviewers?|recruiters?|hiring managers?"
    r"|managers?|panel|company|boss|team|ceo|cto|process|whole process|questions?|test|task"
    r"|interview|assessment|people|guy|woman|lady)"
)
_BLAME_VERDICT = (
    r"stupid|dumb|incompetent|useless|clueless|arrogant|condescending|unprofessional|ridiculous"
    r"|joke|farce|sham|scam|setup|set up|fake|bullshit|crooked|dishonest|liars?|lying"
)
_BLAME_MODIFIER = (
    r"so|such|a|an|just|really|completely|totally|absolutely|fucking|bloody|utterly|clearly"
    r"|obviously|all|bunch of|total|complete|being"
)
_RELATIVES = (
    r"friends?|buddy|nephew|niece|son|daughter|cousin|mate|pal|relative|brother|sister|wife"
    r"|husband|girlfriend|boyfriend"
)
_RU_BLAME_TARGET = (
    r"они|он|она|(?:этот |эта |тот |та |мой |моя )?(?:интервьюер|интервьюеры|интервьюерша"
    r"|рекрутер|рекрутеры|рекрутерша|эйчар|эйчары|эйчарка|hr|менеджер|тимлид|техлид|начальник"
    r"|директор|компания|команда|комиссия|вопросы|задание|задачи|тест|собеседование|процесс)"
)
_RU_BLAME_MODIFIER = (
    r"был|была|было|были|просто|такой|такая|такие|полный|полная|полные|полными|полным|совсем"
    r"|совершенно|абсолютно|реально|явно|очень|все|вообще|какой то|какая то|какие то|же|ведь"
)
_RU_BLAME_VERDICT = (
    r"туп(?:ые|ой|ая|ым|ыми|ица|ицы)|глуп(?:ые|ый|ая|ым|ыми)|некомпетентн\w*|непрофессиональн\w*"
    r"|высокомерн\w*|надменн\w*|снисходительн\w*|груб(?:ые|ый|ая|ым|ыми|о)?|хам(?:ы|ка|ом)?"
    r"|токсичн\w*|неадекват\w*|бестолков\w*|дурацк\w*|идиотск\w*|бредов\w*|абсурдн\w*"
    r"|нелеп\w*|лжецы|лгуны|вруны|обманщик\w*|мошенник\w*|фейк|развод|цирк|фарс"
)
_BLAMING_PATTERNS = _alternation(
    (
        r"biased|rigged|nepotism|nepotistic|cronyism|unfair|unfairly|favouritism|favoritism"
        r"|discrimination|discriminated|discriminatory|racist|racism|sexist|sexism|ageist|ageism"
        r"|corrupt|sabotaged|shafted|prejudiced",
        # Insults, wherever they stand: said about oneself they were caught as self-blame first.
        "|".join(
            sorted((i for i in _INSULTS if not _HAS_CYRILLIC.search(i)), key=len, reverse=True)
        ),
        "|".join(sorted((i for i in _INSULTS if _HAS_CYRILLIC.search(i)), key=len, reverse=True)),
        rf"(?:(?:{_BLAME_TARGET}) (?:was|were|is|are|has been|have been|seemed|seems)|theyre|hes"
        rf"|shes)(?: (?:{_BLAME_MODIFIER})){{0,3}} (?:{_BLAME_VERDICT})",
        r"(?:their|his|her|hrs|the recruiters|the interviewers|the companys|the managers"
        r"|the hiring managers) fault",
        r"because of (?:them|him|her|hr|the interviewer|the recruiter|the manager)",
        r"blame (?:them|him|her|hr|it on|the (?:interviewer|recruiter|company|hiring manager"
        r"|manager|process|system))",
        r"(?:they|he|she|the interviewer|the recruiter|hr) (?:were|was|are|is) wrong",
        r"(?:didnt|did not) deserve (?:this|that|it|to be)",
        r"(?:not|wasnt|isnt|was not|is not|never) fair",
        r"(?:screwed|fucked|shafted|cheated|stiffed) (?:me|us)(?: over)?",
        r"(?:set|stitched) me up",
        r"(?:they|he|she|hr|the (?:interviewer|recruiter|company|manager|hiring manager))"
        r" (?:totally |completely |really )?(?:screwed|messed|fucked) (?:it )?up",
        r"internal (?:guy|girl|man|woman|candidates?|hire|person|applicant|employee|one"
        r"|transfer)",
        r"hired (?:internally|from (?:inside|within))",
        r"inside (?:hire|candidate|job)",
        rf"(?:hired|picked|chose|took|gave (?:it|the job) to) (?:their|his|her|a|the bosss"
        rf"|the bosses|the managers|someones) (?:own )?(?:{_RELATIVES})",
        r"already (?:had|picked|chose|chosen|decided on|selected) (?:someone|somebody"
        r"|a candidate|their candidate|the person)",
        r"(?:had|have|has) (?:someone|somebody) in mind",
        r"(?:fake|ghost) (?:jobs?|posting|post|ad|listing|opening|vacancy)",
        r"never (?:intended|planned|meant|wanted) to hire",
        r"old boys? club|about who you know",
        r"(?:they|he|she|the interviewer|the recruiter) (?:didnt|did not) (?:even )?(?:read"
        r"|look at) my (?:cv|resume|application|portfolio)",
        r"(?:fuck|screw) (?:them|him|her|hr|that company|the company|the recruiter"
        r"|the interviewer|those people)",
        r"(?:they|he|she|hr) lied",
        # Spanish, German, French, Portuguese
        r"ungerecht|vetternwirtschaft|diskriminiert|injusto|injusta|injusticia|enchufe"
        r"|enchufado|enchufada|nepotismo|amiguismo|injuste|injustice|piston|pistonne|pistonnee"
        r"|nepotisme|marmelada|discriminacion|discriminacao|cartas marcadas",
        r"(?:ihre|seine|deren) schuld",
        r"su culpa|culpa suya|culpa de ellos|culpa del (?:entrevistador|reclutador)",
        r"(?:leur|sa) faute",
        r"culpa (?:deles|dele|dela|do entrevistador|do recrutador)",
        # More Spanish, German, French and Portuguese
        r"amanado|amanada|arreglado de antemano|sesgado|sesgada|discriminado|discriminada"
        r"|voreingenommen|abgekartet|schiebung|diskriminierung|diskriminierend|truque|truquee"
        r"|biaise|biaisee|discrimine|discriminee|injustica|tendencioso|tendenciosa|preconceito"
        r"|preconceituoso|preconceituosa|panelinha|apadrinhado|apadrinhada|armacao",
        r"(?:ya|ja) (?:tenian|tinham) (?:a )?(?:alguien|alguem|(?:un|um) candidato|su candidato"
        r"|seu candidato)",
        r"(?:hatten|hatte) (?:schon|bereits) (?:jemanden|einen kandidaten|ihren kandidaten)"
        r"|stand (?:schon|bereits) fest",
        r"(?:ils|elle|il) (?:avaient|avait) deja (?:quelquun|un candidat|leur candidat)",
        r"candidat[oe]? intern[oe]?|interne[rn]? kandidat(?:en)?|intern besetzt",
        r"(?:oferta|vacante|vaga|offre|annonce) (?:falsa|fake|bidon|de fachada|fictici[ao])"
        r"|fake stelle|scheinausschreibung",
        r"(?:por su culpa|por culpa (?:suya|de ellos|deles|dele|dela)|por causa deles"
        r"|a cause (?:deux|de lui|delle)|wegen (?:denen|ihnen|ihm|ihr))",
        r"(?:el entrevistador|la entrevistadora|el reclutador|la reclutadora|ellos|el|ella)"
        r" (?:era|eran|fue|fueron|es|son) (?:(?:un|una|muy|tan|totalmente|completamente) )*"
        r"(?:incompetentes?|arrogantes?|estupid[oa]s?|maleducad[oa]s?|groser[oa]s?"
        r"|prepotentes?)",
        r"(?:der|die) (?:interviewer|recruiter|recruiterin|personaler|personalerin|chef|chefin)"
        r" (?:war|ist) (?:(?:so|total|echt|voll|einfach|ein|eine|komplett) )*(?:inkompetent"
        r"|arrogant|unverschamt|dumm|unprofessionell|herablassend|blod)|die waren (?:(?:so|total"
        r"|echt|voll|einfach|komplett) )*(?:inkompetent|arrogant|unverschamt|dumm"
        r"|unprofessionell|herablassend|blod)",
        r"(?:ils|elles) (?:etaient|sont) (?:(?:vraiment|tellement|trop|completement|des) )*"
        r"(?:nuls|incompetents|cons|arrogants|meprisants|abrutis)|(?:le recruteur|la recruteuse"
        r"|il|elle) (?:etait|est) (?:(?:vraiment|tellement|trop|completement|un|une) )*(?:nul"
        r"|nulle|incompetent|incompetente|con|conne|arrogant|arrogante|meprisant|meprisante)",
        r"(?:eles|o entrevistador|a entrevistadora|o recrutador|a recrutadora) (?:eram|era|foi"
        r"|foram|sao|e) (?:(?:muito|tao|totalmente|completamente|uns|um|uma) )*(?:incompetentes?"
        r"|arrogantes?|idiotas?|grossos?|grossas?|estupidos?|estupidas?)",
        r"(?:me|nos) (?:jodieron|enganaron|estafaron|ferraram|enganaram|sacanearam)"
        r"|(?:haben|hat) mich (?:verarscht|beschissen|reingelegt)|(?:ils|il|elle) (?:mont|ma)"
        r" (?:eu|arnaque|roule)",
        # Russian
        r"несправедлив\w*|нечестн\w*|не (?:честно|справедливо)|предвзят\w*|дискриминац\w*"
        r"|дискриминир\w*|кумовств\w*|блатн\w*|по блату|по знакомству|эйджизм\w*|сексизм\w*"
        r"|расизм\w*|сексист\w*|расист\w*|коррупц\w*|подстав(?:а|у|ой)|подстроен\w*"
        r"|для галочки",
        r"взяли (?:(?:просто|в итоге|туда|на это место|на мое место) )*(?:своего|свою|своих"
        r"|знакомого|знакомую|друга|подругу|родственника|родственницу|сына|дочь|племянника"
        r"|чьего то)",
        r"(?:был|была|были) (?:уже )?(?:свой|своя|свои) (?:человек|кандидат|кандидатка|люди)"
        r"|(?:уже|заранее) (?:был|была|были) (?:(?:свой|своя|готовый|другой|внутренний) )?"
        r"(?:кандидат|кандидатка)|(?:уже|заранее) (?:кого то )?(?:выбрали|нашли|присмотрели"
        r"|решили)|(?:все )?(?:было )?(?:решено|решили) заранее|заранее решено",
        r"внутренн\w* (?:кандидат\w*|сотрудник\w*|перевод\w*)",
        r"(?:фейков|фиктивн|ненастоящ|липов)\w* ваканси\w*|ваканси\w* (?:для галочки|фейк\w*)",
        r"(?:их|его|ее|рекрутера|интервьюера|эйчара|hr|компании|менеджера) вина|вина (?:их|его"
        r"|ее|рекрутера|интервьюера|эйчара|hr|компании)|(?:они|он|она|рекрутер|интервьюер"
        r"|эйчар|hr|компания) (?:(?:сами|сам|сама|во всем) )*(?:виноваты|виноват|виновата)",
        r"из за (?:них|него|нее|рекрутера|интервьюера|эйчара|hr|менеджера)",
        rf"(?:{_RU_BLAME_TARGET})(?: (?:{_RU_BLAME_MODIFIER})){{0,3}} (?:{_RU_BLAME_VERDICT})",
        r"(?:они|он|она|рекрутер|интервьюер|эйчар|hr) (?:(?:даже|вообще|просто) )*не"
        r" (?:читал|читала|читали|прочитал|прочитала|прочитали|смотрел|смотрела|смотрели"
        r"|посмотрел|посмотрела|посмотрели|открыл|открыла|открыли) (?:мое|моё) (?:резюме|cv"
        r"|портфолио)",
        r"(?:меня|нас) (?:просто )?(?:кинули|обманули|подставили|наебали|развели|надули)"
        r"|(?:они|он|она) меня (?:кинули|кинул|кинула|обманули|обманул|обманула|подставили"
        r"|подставил|подставила)",
        r"(?:они|он|она|рекрутер|интервьюер|эйчар|hr) (?:просто )?(?:врали|врал|врала|соврали"
        r"|соврал|соврала|лгали|лгал|лгала|ошиблись|ошибся|ошиблась)",
        r"(?:да )?пошли они|(?:к черту|нахер|нахрен|нафиг|в жопу) (?:их|эту компанию|этих)"
        r"|не (?:заслужил|заслужила) (?:этого|такого)",
    )
)

# --- Dismissive -------------------------------------------------------------------------------

_DISMISSIVE_SUBJECT = (
    r"(?:this|that|it|all this|all of this|this whole thing|this exercise|this bot|this app"
    r"|this step|these questions|the questions) (?:is|are|feels|seems)|thats|its"
)
_DISMISSIVE_VERDICT = (
    r"stupid|dumb|pointless|useless|bullshit|bs|crap|garbage|rubbish|ridiculous|lame|nonsense"
    r"|silly|cringe|joke|waste of (?:my )?time|meaningless|bollocks|shit|trash|a waste"
)
_DISMISSIVE_PATTERNS = _alternation(
    (
        rf"(?:{_DISMISSIVE_SUBJECT})(?: (?:so|really|just|all|totally|completely|such|a|an"
        rf"|fucking|bloody|absolutely|utter|pure|complete|total|kinda|kind of)){{0,3}}"
        rf" (?:{_DISMISSIVE_VERDICT})",
        r"who cares|(?:nobody|no one|noone) cares|idc|(?:i )?couldnt care less|why bother",
        # Only as the whole clause: "I don't care about the salary, I care about growth" is an
        # answer, "pointless to keep applying" is not anger at the exercise.
        r"(?:(?:i )?dont care(?: anymore| about (?:this|any of this|it))?|why should i"
        r"|pointless|(?:this|it all|all of this|this bot) sucks|(?:i )?hate this)(?= \||$)",
        r"what a (?:joke|waste)|waste of (?:my )?time|load of (?:crap|shit|bullshit)",
        r"(?:stupid|dumb|useless|pointless) (?:bot|questions?|exercise|app|thing|steps?)",
        r"(?:screw|fuck|f) (?:this|it|that|off|you|everything|all of this|this shit)",
        r"shut up|leave me alone|stop asking|(?:^|(?<=\| ))(?:please |just )?go away",
        r"(?:whats|what is) the point of (?:this|these|all this)",
        # Spanish, German, French, Portuguese
        r"me vale|que mas da|(?:una )?tonteria|perdida de tiempo|no sirve (?:de|para) nada",
        r"(?:ist )?mir (?:doch )?egal|scheissegal|quatsch|blodsinn|bloedsinn|schwachsinn"
        r"|zeitverschwendung|bringt (?:doch )?nichts",
        r"on sen fout|rien a foutre|rien a cirer|nimporte quoi"
        r"|perte de temps|(?:ca )?(?:ne )?sert a rien",
        r"perda de tempo|nao serve (?:pra|para) nada|que se foda|besteira|palhacada",
        # "I don't care" in Spanish, French and Portuguese too only as the whole clause: "no
        # me importa el salario, me importa crecer" is an answer.
        r"(?:(?:a mi )?me da (?:todo )?igual|(?:a mi )?no me importa(?: nada)?(?: esto)?"
        r"|(?:je men|jmen) (?:fous|fiche|balance|tape)(?: (?:de tout ca|de ca|completement"
        r"|royalement))?|tanto faz(?: (?:pra|para) mim)?|nao (?:me )?importa|(?:eu )?nao ligo"
        r"|(?:to|estou|tou) nem ai)(?= \||$)",
        r"(?:me )?importa un (?:carajo|bledo|pepino|comino|pito|huevo)|dejame en paz"
        r"|dejame tranquil[oa]|dejenme en paz|vete a la mierda|a la mierda|que te den",
        r"preguntas (?:estupidas|tontas|absurdas|idiotas|ridiculas|inutiles)",
        r"(?:esto|eso|todo esto) (?:es|son) (?:(?:una|un|muy|tan|totalmente|completamente|pura"
        r"|puro) )*(?:estupidez|ridiculo|absurdo|mierda|basura|inutil|chiste|broma|idiotez"
        r"|payasada)|que (?:estupidez|ridiculo|chiste)",
        r"(?:sin sentido|no tiene (?:ningun )?sentido|para que|odio esto)(?= \||$)",
        r"lass mich (?:doch )?(?:in ruhe|zufrieden)|(?:dumme|blode|bloede|doofe|sinnlose"
        r"|bescheuerte) fragen?|was soll (?:das|der quatsch|der mist|das ganze)"
        r"|wen interessierts?|halt die klappe|halts maul|verpiss dich|scheiss drauf",
        r"(?:das|es|dies|das hier|das alles) (?:ist|war) (?:(?:so|doch|total|echt|voll|einfach|ja"
        r"|alles|komplett|ein|eine|reiner|reine) )*(?:dumm|blod|bloed|doof|sinnlos|lacherlich"
        r"|quatsch|schwachsinn|blodsinn|bullshit|mist|witz|zeitverschwendung|bescheuert|albern"
        r"|nutzlos)|so ein (?:quatsch|mist|witz|schwachsinn|blodsinn)",
        r"(?:sinnlos|(?:ich )?hasse das|das nervt|hau ab|interessiert mich nicht)(?= \||$)",
        r"laissez? moi (?:tranquille|en paix)|fou(?:s|tez) moi la paix|lachez? moi"
        r"|questions? (?:stupides?|debiles?|a la con|inutiles|nulles?|connes?)|osef|balek"
        r"|rien a battre|qui sen soucie|ta gueule|va te faire foutre|va chier",
        r"(?:cest|ca cest|tout ca cest|cetait) (?:(?:vraiment|tellement|trop|completement"
        r"|totalement|juste|une|un|de la|du) )*(?:nul|debile|stupide|ridicule|con|absurde|inutile"
        r"|naze|blague|merde|connerie|conneries|grotesque|bidon)|quelle (?:blague|connerie)",
        r"(?:a quoi bon|je deteste ca)(?= \||$)",
        r"me deix[ae] em paz|que se dane|dane se|que saco|vai (?:se foder|tomar no cu|a merda)"
        r"|perguntas? (?:idiotas?|estupidas?|bobas?|inuteis|sem sentido)|bobagem",
        r"isso (?:e|eh|foi) (?:(?:uma|um|muito|tao|so|pura) )*(?:ridiculo|besteira|bobagem|idiota"
        r"|inutil|palhacada|piada|merda|lixo)",
        # Russian
        r"какая (?:(?:к черту|нафиг|нахер|нахрен|на хрен|вообще|тебе|вам) )?разница"
        r"|какое (?:это )?имеет значение",
        r"(?:(?:да|а|ну) )?(?:мне|нам) (?:(?:уже|вообще|абсолютно|совершенно|честно|просто|давно"
        r"|реально) )*(?:все равно|пофиг|пофигу|плевать|наплевать|начхать|по барабану|до лампочки"
        r"|фиолетово|параллельно|похер|похрен|насрать|похуи|пох)(?: (?:на это|на все это|на все"
        r"|на эти вопросы))?(?= \||$)",
        r"(?:(?:да|а|ну) )?(?:пофиг|плевать|наплевать)(?: (?:на это|на все))?(?= \||$)",
        r"(?:пустая |бесполезная )?(?:трата|потеря) (?:моего )?времени|(?:зря|только) (?:трачу"
        r" время|время трачу)",
        r"(?:глуп|туп|дурацк|идиотск|бессмыслен+|бесполезн|дебильн|тупорыл)(?:ые|ый|ой|ое|ая|ий"
        r"|ых) (?:вопрос\w*|бот\w*|упражнени\w*|приложени\w*|задани\w*|шаг\w*)",
        r"отстань|отстаньте|отвали|отвалите|отъебись|оставь(?:те)? меня в покое"
        r"|хватит (?:меня )?(?:уже )?(?:спрашивать|доставать|приставать)|не (?:доставай|приставай)"
        r"|заткнись|замолчи",
        r"(?:да )?(?:иди|идите|пошел|пошла|пошли) (?:ты |вы )?(?:нахер|нахуи|на хер|на хуи"
        r"|к черту|в жопу|лесом|в баню|на фиг|нафиг|вон)",
        r"(?:да )?пошло (?:оно )?(?:все )?(?:к черту|нахер|нахуи|нафиг|в жопу|в баню)"
        r"|(?:да )?пошло оно(?: все)?|да пошло все|пошло все(?= \||$)",
        r"(?:к черту|нахер|нахрен|нафиг|нахуи) (?:это|все это|все|эти вопросы|этот бот|мне это)"
        r"|(?:ну|да ну) (?:его|это|все) (?:нафиг|нахер|к черту|в баню)|да ну (?:нафиг|нахер)"
        r"|в топку",
        r"(?:это|все это|это все|эти вопросы|этот бот) (?:(?:просто|полный|полная|полное"
        r"|какой то|какая то|какие то|сплошной|сплошная|абсолютный|абсолютная|очередной"
        r"|очередная|такой|такая|такое|реально|тупо|было|была|был|все|же|ведь|один|одна) )*"
        r"(?:бред\w*|чушь|ерунда|ерунду|фигня|херня|хрень|глупость|глупо|тупо|бессмыслен+\w*"
        r"|бесполезн\w*|маразм|идиотизм|отстой|шутка|цирк|издевательство|детский сад)",
        r"(?:какой|полный|сплошной|что за) (?:то )?(?:бред|чушь|ерунда|фигня|херня|хрень|дичь|цирк)"
        r"|бред (?:какой то|собачий|полный)|ерунда какая то",
        r"(?:бред|чушь|ерунда|отстой|бессмысленно|бесполезно|бред сивой кобылы)(?= \||$)",
        r"(?:зачем (?:мне |вообще |все )?(?:это|эти вопросы|этот бот)(?: (?:нужно|надо|все))?"
        r"|какой (?:в этом |во всем этом )?смысл|в чем смысл(?: (?:этого|всего этого|этих"
        r" вопросов))?|(?:я )?ненавижу (?:это|эти вопросы))(?= \||$)",
        r"(?:это|этот бот|эти вопросы|ты|вы) (?:меня )?(?:уже )?(?:бесит|бесят|достал|достала"
        r"|достали|задолбал|задолбали|заколебал|заколебали|заебал|заебали)",
    )
)
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")


def _shouting(text: str) -> bool:
    """Mostly capitals, and long enough that it isn't just an acronym or two."""
    cased = [ch for ch in text if ch.isupper() or ch.islower()]
    capitals = sum(ch.isupper() for ch in cased)
    if not cased or capitals * 10 < len(cased) * 9:
        return False
    words = len(_LETTER_WORD.findall(text))
    return (words >= 3 and capitals >= 12) or ("!" in text and words >= 2 and capitals >= 6)


def _is_dismissive(text: str, normalised: str, tokens: Sequence[str]) -> bool:
    phrases = _matches(_DISMISSIVE_PATTERNS, normalised)
    swears = sum(1 for word in tokens if _is_swear(word))
    shouted = _shouting(text)
    if len(tokens) < SHORT_ANSWER_WORDS:
        return phrases > 0 or shouted or swears * SWEAR_SHARE >= len(tokens) > 0
    signals = phrases + swears + int(shouted)
    dense = signals * LONG_ANSWER_WORDS_PER_SIGNAL >= len(tokens)
    return signals >= LONG_ANSWER_MIN_SIGNALS and dense


def classify_answer(text: str) -> AnswerKind:
    """What kind of answer this is (see the module docstring for the rules and precedence)."""
    normalised = _normalise(text)
    tokens = _tokens(normalised)
    if not tokens:
        return AnswerKind.NON_ANSWER
    if _matches(_SELF_BLAME_PATTERNS, normalised):
        return AnswerKind.SELF_BLAME
    if _matches(_BLAMING_PATTERNS, normalised):
        return AnswerKind.BLAMING
    if _is_dismissive(text, normalised, tokens):
        return AnswerKind.DISMISSIVE
    if _is_non_answer(tokens):
        return AnswerKind.NON_ANSWER
    return AnswerKind.SUBSTANTIVE


# --- Own words ---------------------------------------------------------------------------------

# Punctuation a shortened phrase never ends on (before its "…", or at all in own_words).
_TRAILING = " \t.,;:!?-–—…([{&/\\|•·*"
_LEADING = " \t.,;:!?-–—…)]}&/\\|•·*"
_QUOTES = re.compile(r"[\"“”„‟«»‹›]|(?<![^\W_])['‘’`]|['‘’`](?![^\W_])")
_FILLERS_AT_START = re.compile(
    r"^(?:(?:(?:well|honestly|um+|uh+|u+m+|er+m?|hm+|ok|okay|oh|yeah|i think|i guess|i mean"
    r"|i suppose|to be honest|tbh|basically|actually|frankly"
    r"|la verdad|sinceramente|honestamente|pues|o sea|creo que|a ver"
    r"|ehrlich gesagt|naja|na ja|äh+m*|ehm+"
    r"|euh+|bah|franchement|honn[êe]tement|en fait|à vrai dire|pour être honnête"
    r"|je (?:pense|crois) que"
    r"|na verdade|para ser sincer[oa]|pra ser sincer[oa]|ent[ãa]o|olha|acho que"
    r"|ну|честно говоря|если честно|по правде говоря|честно|в общем|короче|наверное|наверно"
    r"|(?:я )?думаю(?:,? что)?|(?:мне )?кажется(?:,? что)?|э+м*|хм+)(?=[\s,.;:!?…]|$)"
    # These are words too ("bueno" is "good"): a filler only with a comma or the like after.
    r"|(?:bueno|este|alors|bon|ben|bom|bem|tipo|ich glaube|ich denke|типа|вообще|ладно"
    r"|слушай|знаешь|в принципе)(?=\s*[,.;:!?…]))[\s,.;:!?…-]*)+",
    re.IGNORECASE,
)
# A sentence ends at . ! ? before a space (or the end), or at a line break; not after these.
_SENTENCE_END = re.compile(r"[!?]+[.!?]*(?=\s|$)|(?<!\.)\.(?!\.)(?=\s|$)|\n")
_ABBREVIATIONS = frozenset(
    {"dr", "mr", "mrs", "ms", "prof", "st", "vs", "etc", "jr", "sr", "eg", "ie"}
    | {"zb", "dh", "bzw", "usw", "ggf", "evtl", "ca", "sra", "srta", "dra", "ej", "pej", "pex"}
    | {"те", "тк", "тд", "тп", "др", "пр", "напр", "ул", "см"}
)
_CLAUSE_END = re.compile(r"[,;:](?=\s|$)|\s[-–—]+\s|\.{3}|…")


def short_at_word(text: str, limit: int) -> str:
    """`text` on one line in at most `limit` characters, "…" included when it had to be cut.

    The cut falls between words; only a first word longer than the room is cut inside.
    """
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    room = limit - len(_ELLIPSIS)
    head = line[:room]
    if line[room] != " ":
        space = head.rfind(" ")
        head = head[:space] if space > 0 else head
    return (head.rstrip(_TRAILING) or head.rstrip()) + _ELLIPSIS


def _first_sentence(text: str) -> str:
    for end in _SENTENCE_END.finditer(text):
        before = text[: end.start()]
        last_word = before.rsplit(None, 1)[-1].casefold().replace(".", "") if before else ""
        is_abbreviation = end.group() == "." and (
            last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha())
        )
        if before.strip() and not is_abbreviation:
            return before
    return text


def own_words(text: str, limit: int = 48) -> str:
    """A short phrase of the person's own words to say back to them (see module docstring)."""
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    fallback = short_at_word(text, limit)
    unquoted = _QUOTES.sub("", text).strip().lstrip(_LEADING)
    unquoted = _FILLERS_AT_START.sub("", unquoted) or unquoted
    sentence = " ".join(_first_sentence(unquoted).split()).strip(_TRAILING)
    if not sentence:
        return fallback
    if len(sentence) <= limit:
        return sentence
    clauses = [
        whole
        for end in _CLAUSE_END.finditer(sentence)
        if 0 < len(whole := sentence[: end.start()].rstrip(_TRAILING)) <= limit
    ]
    if clauses and len(clauses[-1]) * 2 >= limit:
        return clauses[-1]
    return short_at_word(sentence, limit)


# --- Entries ---------------------------------------------------------------------------------

_SENTENCE_WORDS = _phrases(
    (
        "I'm",
        "I've",
        "me",
        "my",
        "myself",
        "we",
        "you",
        "your",
        "he",
        "she",
        "him",
        "his",
        "they",
        "them",
        "their",
        "was",
        "were",
        "is",
        "are",
        "am",
        "been",
        "don't",
        "didn't",
        "doesn't",
        "isn't",
        "wasn't",
        "won't",
        "can't",
        "couldn't",
        "wouldn't",
        "want",
        "wanted",
        "think",
        "thought",
        "know",
        "knew",
        "say",
        "tell",
        "told",
        "name",
        "named",
        "called",
        "interviewed",
        "because",
        "would",
        "should",
        "could",
        # German, Spanish, French, Portuguese
        "ich",
        "mich",
        "mir",
        "mein",
        "meine",
        "habe",
        "hab",
        "hatte",
        "beworben",
        "heißt",
        "hieß",
        "wurde",
        "yo",
        "soy",
        "fue",
        "llamaba",
        "quiero",
        "postulé",
        "apliqué",
        "je",
        "suis",
        "c'était",
        "s'appelle",
        "s'appelait",
        "sou",
        "foi",
        "chamava",
        "candidatei",
        "queria",
        # Russian
        "я",
        "меня",
        "мне",
        "мой",
        "моя",
        "моё",
        "мы",
        "он",
        "она",
        "они",
        "его",
        "её",
        "их",
        "был",
        "была",
        "было",
        "были",
        "это",
        "не",
        "хочу",
        "хотел",
        "хотела",
        "думаю",
        "знаю",
        "зовут",
        "звали",
        "называется",
        "назывался",
        "называлась",
        "потому",
        "подавался",
        "подавалась",
        "откликнулся",
        "откликнулась",
        "собеседовался",
        "собеседовалась",
    )
)
_ROMAN_NUMERALS = frozenset({"i", "ii", "iii", "iv", "v"})
_EDGE_QUOTES = "\"'“”‘’„«»‹›` \t\r\n"
_KEEP_FINAL_DOT = frozenset({"inc", "ltd", "co", "corp", "jr", "sr", "bros", "plc", "dr"})
_NAME_PART = r"[^\W\d_][\w.'’-]*"
_NAME = rf"(?P<name>{_NAME_PART}(?: {_NAME_PART}){{0,3}})"
_PERSON_IN_SENTENCE = re.compile(
    r"(?:(?:(?:his|her|their|the [\w-]+(?:['’]s)?|[\w-]+['’]s) )?name(?:['’]s| was| is|:)"
    r"|(?:it|that)(?:['’]s| was| is)"
    r"|(?:(?:he|she|they)(?:['’]s| was| is| were)? )?called"
    r"|(?:er|sie) (?:hieß|hiess|heißt|heisst)"
    r"|se llama(?:ba)?"
    r"|(?:il|elle) s['’]appel(?:le|ait)"
    r"|(?:ele|ela) se chama(?:va)?"
    r"|(?:[\w-]+ )?(?:зовут|звали)"
    r"|(?:это|то) (?:был|была)"
    r"|это)"
    rf" {_NAME}",
    re.IGNORECASE,
)
# Lower-case particles inside a name ("Maria de la Cruz", "Ludwig van Beethoven").
_NAME_PARTICLES = frozenset(
    {"de", "da", "das", "do", "dos", "del", "della", "la", "le", "van", "von", "der", "den", "di"}
)


# Quotation marks that open and close a name inside an entry: "ООО «Ромашка»", "Firma „Acme“".
_QUOTE_PAIRS = (("«", "»"), ("„", "“"), ("‹", "›"), ("“", "”"))


def _closed_quotes(cleaned: str) -> str:
    """`cleaned` with the closing mark the edge stripping took from an inner quotation."""
    for opening, closing in _QUOTE_PAIRS:
        if cleaned.count(opening) > cleaned.count(closing):
            space = " " if f"{opening} " in cleaned else ""
            return f"{cleaned}{space}{closing}"
    return cleaned


def _clean_entry(text: str) -> str:
    cleaned = " ".join(text.split()).strip(_EDGE_QUOTES)
    cleaned = _ITEM_MARKER.sub("", cleaned).strip(_EDGE_QUOTES)
    cleaned = cleaned.lstrip(".,;:!?)]}").rstrip(",;:!?([{")
    if cleaned.startswith("(") and cleaned.endswith(")") and "(" not in cleaned[1:-1]:
        cleaned = cleaned[1:-1].strip()
    while cleaned.endswith("."):
        last = cleaned[:-1].rsplit(None, 1)[-1] if cleaned[:-1].strip() else ""
        if last.casefold() in _KEEP_FINAL_DOT or "." in last:
            break
        cleaned = cleaned[:-1].rstrip()
    return _closed_quotes(cleaned.strip(_EDGE_QUOTES))


def _person_from_sentence(cleaned: str) -> str | None:
    """The name in "his name was Brad", if capitalised and all that follows; else None."""
    match = _PERSON_IN_SENTENCE.fullmatch(cleaned)
    if match is None:
        return None
    name = match["name"]
    first, *rest = name.split()
    capitalised = first[0].isupper() and all(
        part[0].isupper() or part.casefold() in _NAME_PARTICLES for part in rest
    )
    return name if capitalised else None


def _reads_as_sentence(tokens: Sequence[str]) -> bool:
    for index, word in enumerate(tokens):
        if word == "i" and index == len(tokens) - 1 and index > 0:
            continue  # "Software Engineer I"
        if word == "i" or word in _SENTENCE_WORDS:
            return True
    return False


# "I'm" and its equivalents; Russian says "я" (or "я —") where English says "I'm".
_STRENGTH_LEAD = re.compile(
    r"^(?:i['’]?m|i am|ich bin|je suis|(?:yo )?soy|(?:eu )?sou|я(?:\s*[-–—])?)\s+", re.IGNORECASE
)


def _unusable(cleaned: str) -> list[str] | None:
    """The entry's folded words, or None for a non-answer or an insult or swear word."""
    tokens = _tokens(_normalise(cleaned))
    if not tokens or _is_non_answer(tokens, _ENTRY_NON_ANSWERS):
        return None
    if any(_is_swear(word) or word in _INSULTS for word in tokens):
        return None
    return tokens


def _strength(text: str, *, shorten: bool) -> str | None:
    """A strength without its leading "I'm", or None; too long: shortened or refused."""
    # Read the whole answer first, so "I'm so stupid" is not kept as "so stupid".
    if classify_answer(text) is not AnswerKind.SUBSTANTIVE:
        return None
    cleaned = _STRENGTH_LEAD.sub("", _clean_entry(text), count=1).strip()
    if shorten:
        cleaned = short_at_word(cleaned, MAX_STRENGTH_CHARS)
    elif len(cleaned) > MAX_STRENGTH_CHARS:
        return None
    return cleaned if _unusable(cleaned) is not None else None


def check_entry(text: str, kind: EntryKind) -> str | None:
    """The entry, cleaned, or None when it can't be used as `kind` (see module docstring)."""
    if kind is EntryKind.STRENGTH:
        return _strength(text, shorten=False)
    cleaned = _clean_entry(text)
    if kind is EntryKind.PERSON:
        cleaned = _person_from_sentence(cleaned) or cleaned
    tokens = _unusable(cleaned)
    if tokens is None:
        return None
    words = sum(1 for part in cleaned.split() if _WORD.search(part))
    max_words = MAX_ROLE_WORDS if kind is EntryKind.ROLE else MAX_NAME_WORDS
    if words > max_words or len(cleaned) > MAX_NAME_CHARS or _reads_as_sentence(tokens):
        return None
    if kind is EntryKind.PERSON and any(ch.isdigit() for ch in cleaned):
        return None
    return cleaned


# --- Strengths -------------------------------------------------------------------------------

# Not after a hyphen: "Team- und Kommunikationsfähigkeit" is one strength.
_AND = re.compile(
    r"(?<![-‐])\s+(?:and|as well as|&|und|sowie|et|ainsi que|y|e|и|а также|а ещё|а еще)\s+",
    re.IGNORECASE,
)
# A joining word left at the start of an item: "patient, curious, and calm", "..., а также X".
_LEADING_AND = re.compile(
    r"^(?:and|as well as|&|und|sowie|et|ainsi que|y|e|и|а также|а ещё|а еще|также)\s+",
    re.IGNORECASE,
)
# A slash splits, unless it joins two words of up to three characters: "UI/UX", "CI/CD", "A/B".
_SLASH = re.compile(r"(?<![^\W_])/|(?<=[^\W_]{4})/|/(?![^\W_]{1,3}(?![^\W_]))")


def strength_items(text: str) -> list[str]:
    """A strengths answer as short, distinct items (see module docstring)."""
    items: list[str] = []
    seen: set[str] = set()
    for piece in split_items(text):
        for part in _AND.split(_LEADING_AND.sub("", piece)):
            for raw in _SLASH.split(part):
                entry = _strength(raw, shorten=True)
                key = _fold_accents(entry).casefold() if entry else ""
                if entry and key not in seen:
                    seen.add(key)
                    items.append(entry)
                if len(items) == MAX_STRENGTH_ITEMS:
                    return items
    return items


# --- Variants --------------------------------------------------------------------------------


def choose_variant(options: Sequence[str], used: Sequence[str]) -> str:
    """The first option not in `used`; when all were used, the one whose last use is oldest.

    `used` is what was said before, oldest first (repeats allowed, other strings ignored).
    Deterministic: the same options and history always give the same choice; ties (an option
    listed twice) go to the earlier option.
    """
    if not options:
        raise ValueError("choose_variant needs at least one option")
    last_use: dict[str, int] = {}
    for index, said in enumerate(used):
        last_use[said] = index
    for option in options:
        if option not in last_use:
            return option
    return min(options, key=lambda option: last_use[option])
