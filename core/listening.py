"""A coach that listens: what kind of answer someone gave, and their own words to say back.

Pure functions, no Telegram and no database; only the standard library and `core.parsing`
(not `core.journey.steps`, which is where these are meant to be called from: importing it here
would make a cycle). Nothing here decides what the coach says; it tells the coach what it heard.

**How an answer is read.** Before any table is consulted the text is folded: accents dropped
("sé" = "se"), case ignored, apostrophes removed ("it's" = "its", "don't" = "dont"), letters
typed three or more times in a row shortened ("sooo" = "so", "fuuuck" = "fuck"), words starred
out read as the swear word they hide ("f*ck", "sh*t", "b*llsh*t"), and the rest of the
punctuation ignored except that `, ; : ! ? …`, a full stop before a space, a dash between
spaces and a line break end a clause. The tables
below are written the way people type them and folded the same way.

**The five kinds of answer** (`classify_answer`):

* NON_ANSWER: nothing to work with. Empty text or only punctuation and emoji ("?", "...",
  "-"), or an answer made entirely of "don't know" words (`_NON_ANSWER_PHRASES`: "idk", "no",
  "nothing", "none", "dunno", "not sure", "whatever", "n/a", "skip", "pass", "no idea", "I'd
  rather not say", and in Spanish, German, French and Portuguese "no sé", "nada", "keine
  Ahnung", "nichts", "je sais pas", "rien", "não sei", ...), possibly padded with softeners
  (`_FILLER_PHRASES`: "sorry", "really", "honestly", "lol", "at all", "I guess", ...). One
  other word and it is not a non-answer: "nothing went well" is an answer.
* DISMISSIVE: anger at the exercise rather than an answer. Three signals:
  - a dismissive phrase (`_DISMISSIVE_PATTERNS`): "who cares", "waste of time", "what a
    joke", "screw this", "fuck this", "leave me alone", "stupid questions", "this is / it's /
    that's (so) stupid / dumb / useless / bullshit / a joke ...", "ist mir egal", "je m'en
    fous", "tanto faz", ...; "I don't care", "pointless", "why should I", "this sucks" and "I
    hate this" only as a whole clause ("I don't care about the salary, I care about growth" and
    "it felt pointless to keep applying" are answers), "go away" only opening one;
  - a swear word (`_SWEARS`: "fuck", "shit", "bullshit", "crap", "damn", "merde", "Scheiße",
    "joder", "porra", ...);
  - shouting: at least 90% of the letters are capitals and there are at least three words and
    twelve capital letters, or an exclamation mark with two words and six capitals ("I HATE
    THIS!"). Acronyms such as "AWS AND GCP" are too short to count.
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
  in mind", "fake job", and a few phrases in the other languages ("ungerecht", "injusto",
  "leur faute", ...).
* SELF_BLAME: a verdict on themselves rather than on what happened (`_SELF_BLAME_PATTERNS`):
  "I'm (so) stupid / an idiot / unemployable / a failure / useless / not good enough", "I felt
  like an idiot", "I always mess up", "I ruin everything", "I can't do anything right", "it's
  all my fault", "I hate myself", "nobody will ever hire me", "what's wrong with me", "I
  fucked up", and "I messed up." / "I blew it" when that is the whole clause. A specific,
  workable mistake is not a verdict: "I messed up the system design question" is SUBSTANTIVE,
  and so is "partly my fault".
* SUBSTANTIVE: everything else, however short ("the salary talk").

Blame and self-blame count at any length: the coach answers them whether they come in three
words or thirty. A blaming, self-blaming or dismissive phrase doesn't count when a negation
("not", "no", "never", "don't", "wasn't", "nicht", "pas", "não", ...) sits within
`NEGATION_WINDOW` = 5 words before it in the same clause (a clause also ends at "and", "but",
"because", "so"): "it wasn't rigged", "I don't think it's all my fault". "Can't" never negates
("I can't believe they were biased" is blaming).

**Precedence** when several kinds match: SELF_BLAME, then BLAMING, then DISMISSIVE, then
NON_ANSWER, then SUBSTANTIVE. Who the person points at tells the coach more than their tone:
harsh words about themselves come first ("fuck this, I'm so stupid" is SELF_BLAME), then words
about someone else ("the interviewer was a fucking idiot" is BLAMING), then the anger alone.
NON_ANSWER can't overlap the others (it takes the whole answer to be "don't know" words), so it
only has to come before SUBSTANTIVE. Crisis and distress ("no point anymore", "I'm worthless")
are detected elsewhere and should be checked first; should "I'm worthless" reach this function
it reads as SELF_BLAME, like "I'm unemployable".

**Own words** (`own_words`): the first sentence, without quotation marks, without leading
fillers ("well", "honestly", "um", "I think", "to be honest", ...) and without trailing
punctuation. When it is longer than the limit, the longest run of whole clauses that fits is
used if it fills at least half the limit (no "…": a clause reads as complete); otherwise the
sentence is cut at a word boundary with "…" (`short_at_word`). Never empty for text with
anything but whitespace in it: "..." stays "...".

**Entries** (`check_entry`): a company, employer, role, interviewer's name or strength the coach
will put into a sentence. Refused (None): a non-answer ("none", "idk", "0", "-", "n/a", "I'd
rather not say"), any insult or swear word ("the idiot", "that jerk"), and for names and roles
anything that reads as a sentence: more than `MAX_NAME_WORDS` = 6 words (`MAX_ROLE_WORDS` = 8
for a role) or `MAX_NAME_CHARS` = 80 characters, or a word that names don't contain
(`_SENTENCE_WORDS`: "I" (except last, as in "Engineer I"), "I'm", "my", "we", "he", "they",
"was", "is", "don't", "want", "name", "ich", "habe", "je", "suis", "soy", "fue", ...). Known
misses: "We Are Social" reads as a sentence; "Nothing" (the phone maker) and "Nada" read as
non-answers. For a person, "his name was Brad", "the idiot's name was Brad", "name: Brad", "it
was Brad", "he was called Brad" (and "er hieß", "se llama", "il s'appelle", "ele se chama")
give "Brad" when the name (up to four words) starts with a capital, every further word does
too or is a particle ("de", "van", ...), and nothing follows it; "his name was brad" is
refused. A person's name has no digits.
A strength drops a leading "I'm" / "I am" ("ich bin", "je suis", "soy", "sou"), is at most
`MAX_STRENGTH_CHARS` = 40 characters and must read as SUBSTANTIVE ("I'm so stupid" is not a
strength).

**Strengths** (`strength_items`): split on line breaks, bullets, semicolons, commas, " and "
(also "&", "und", "et", "y", "e") and "/" (except between two words of up to three characters:
"UI/UX", "CI/CD", "A/B"); each item loses a leading "I'm" / "I am", is shortened to 40
characters at a word boundary, is dropped if it is not a usable strength, and is kept once
(case and accents ignored); at most `MAX_STRENGTH_ITEMS` = 5.

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


def _uncensor(match: re.Match[str]) -> str:
    token = match.group()
    for word in _CENSORABLE:
        if len(word) == len(token) and all(c in ("*", w) for c, w in zip(token, word, strict=True)):
            return word
    return token.replace("*", " ")


def _fold(text: str) -> str:
    """Accents, case and apostrophes gone, stretched letters shortened, stars read."""
    # Stretched letters first, so the apostrophe in "boss's" can't make a run of three.
    folded = _STRETCHED.sub(r"\1", _fold_accents(text).casefold())
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


def _alternation(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b")


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
    )
)
_LONGEST_PHRASE = max(len(p.split()) for p in _NON_ANSWER_PHRASES | _FILLER_PHRASES)


def _is_non_answer(tokens: Sequence[str]) -> bool:
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
            if phrase in _NON_ANSWER_PHRASES:
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
    )
)
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
    )
)
# Words that end the stretch a negation reaches over, like punctuation does.
_CLAUSE_WORDS = frozenset({"and", "but", "because", "so", "though", "although", "yet"})


def _negated(normalised: str, start: int) -> bool:
    """Whether a negation sits within NEGATION_WINDOW words before `start`, same clause."""
    before = normalised[:start].rsplit("|", 1)[-1].split()
    window: list[str] = []
    for word in reversed(before):
        if word in _CLAUSE_WORDS or len(window) == NEGATION_WINDOW:
            break
        window.append(word)
    return not _NEGATORS.isdisjoint(window)


def _matches(pattern: re.Pattern[str], normalised: str) -> int:
    """How many times `pattern` matches without a negation in front of it."""
    return sum(1 for m in pattern.finditer(normalised) if not _negated(normalised, m.start()))


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
_BLAMING_PATTERNS = _alternation(
    (
        r"biased|rigged|nepotism|nepotistic|cronyism|unfair|unfairly|favouritism|favoritism"
        r"|discrimination|discriminated|discriminatory|racist|racism|sexist|sexism|ageist|ageism"
        r"|corrupt|sabotaged|shafted|prejudiced",
        # Insults, wherever they stand: said about oneself they were caught as self-blame first.
        "|".join(sorted(_INSULTS, key=len, reverse=True)),
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
        r"me da igual|me vale|no me importa|que mas da|(?:una )?tonteria|perdida de tiempo"
        r"|no sirve (?:de|para) nada",
        r"(?:ist )?mir (?:doch )?egal|scheissegal|quatsch|blodsinn|bloedsinn|schwachsinn"
        r"|zeitverschwendung|bringt (?:doch )?nichts",
        r"je men fous|jmen fous|on sen fout|rien a foutre|rien a cirer|nimporte quoi"
        r"|perte de temps|(?:ca )?(?:ne )?sert a rien",
        r"tanto faz|perda de tempo|nao serve (?:pra|para) nada|que se foda|besteira|palhacada",
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
    swears = sum(1 for word in tokens if word in _SWEARS)
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
    r"^(?:(?:well|honestly|um+|uh+|u+m+|er+m?|hm+|ok|okay|oh|yeah|i think|i guess|i mean"
    r"|i suppose|to be honest|tbh|basically|actually|frankly)(?=[\s,.;:!?…]|$)[\s,.;:!?…-]*)+",
    re.IGNORECASE,
)
# A sentence ends at . ! ? before a space (or the end), or at a line break; not after these.
_SENTENCE_END = re.compile(r"[!?]+[.!?]*(?=\s|$)|(?<!\.)\.(?!\.)(?=\s|$)|\n")
_ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "prof", "st", "vs", "etc", "jr", "sr", "eg"})
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
    r"|(?:ele|ela) se chama(?:va)?)"
    rf" {_NAME}",
    re.IGNORECASE,
)
# Lower-case particles inside a name ("Maria de la Cruz", "Ludwig van Beethoven").
_NAME_PARTICLES = frozenset(
    {"de", "da", "das", "do", "dos", "del", "della", "la", "le", "van", "von", "der", "den", "di"}
)


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
    return cleaned.strip(_EDGE_QUOTES)


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


_STRENGTH_LEAD = re.compile(r"^(?:i['’]?m|i am|ich bin|je suis|soy|sou)\s+", re.IGNORECASE)


def _unusable(cleaned: str) -> list[str] | None:
    """The entry's folded words, or None for a non-answer or an insult or swear word."""
    tokens = _tokens(_normalise(cleaned))
    if not tokens or _is_non_answer(tokens):
        return None
    if any(word in _SWEARS or word in _INSULTS for word in tokens):
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

_AND = re.compile(r"\s+(?:and|&|und|et|y|e)\s+", re.IGNORECASE)
# A slash splits, unless it joins two words of up to three characters: "UI/UX", "CI/CD", "A/B".
_SLASH = re.compile(r"(?<![^\W_])/|(?<=[^\W_]{4})/|/(?![^\W_]{1,3}(?![^\W_]))")


def strength_items(text: str) -> list[str]:
    """A strengths answer as short, distinct items (see module docstring)."""
    items: list[str] = []
    seen: set[str] = set()
    for piece in split_items(text):
        for part in _AND.split(piece):
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
