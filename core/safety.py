"""Crisis safety: notice crisis language and softer distress in free text, notice when someone
says they are safe after all, and say plainly where to find help.

Pure (no Telegram, no database). The conversation calls `detect_crisis` on every free text, in
every state, before any step logic; when it fires, it answers with `crisis_reply` and pauses
check-ins for `CRISIS_PAUSE_HOURS`. `/sos` answers with `sos_reply` at any time.

Two tiers, one follow-up:

* `detect_crisis(text)`: suicidal thoughts and self-harm, named or described ("I want to die",
  "ich will nicht mehr leben", "quiero morirme", "j'ai envie d'en finir", "vou me matar",
  "не хочу жить").
* `detect_distress(text)`: soft distress, the tier below: hopelessness ("what's the point",
  "nada tiene sentido"), exhaustion with everything ("I'm so tired of everything", "I haven't
  slept in weeks"), withdrawal ("I just want to disappear for a while", "no one would care")
  and worthlessness ("I'm worthless", "je suis un raté", "ich bin ein Versager"). Crisis wins:
  `detect_distress` is False whenever `detect_crisis` is True, so callers may ask either first.
* `detect_reassurance(text)`: a follow-up saying the person is not in danger ("I'm not
  suicidal, just tired", "mir geht's gut, bin nur müde", "estou bem, só cansado"). Never True
  when the same text holds crisis language, nor when it is doubted or negated ("not sure if
  I'm ok", "no sé si estoy bien", "je ne vais pas bien"). It may be True together with
  `detect_distress` ("I'm not suicidal, I just feel worthless"): safe, and still low.

All three know English, Spanish, German, French, Portuguese and Russian, whatever the user's
language setting (people switch languages, and mix them).

How detection works, and the judgement calls behind it:

* The text is normalised first: Unicode NFKC, format characters such as zero-width spaces and
  soft hyphens removed, casefolded, accents stripped, curly apostrophes made straight, runs of
  whitespace collapsed (line breaks are kept as clause breaks), stretched letters shortened
  ("diiiie" -> "die", "хочууу" -> "хочу"), leetspeak undone inside words ("k1ll", "su1c1de"),
  Latin letters and digits that look like Cyrillic ones read as Cyrillic inside Russian words
  ("умеpеть" with a Latin "p", "y6ить ce6я"), spaced and starred words rejoined ("k i l l",
  "s*icide", "с у и ц и д", "с*ицид"), and common English chat spellings expanded ("im",
  "dont", "wanna", "idk", "ngl"). The other languages' phrases are matched against the same
  text without those English expansions (so French "n'" and German "im" stay as written);
  they are written with their accents and umlauts, which match with or without them ("müde",
  "mude" and "muede"; "não" and "nao"), and Russian "ё" and "й" read as "е" and "и" (so "всё"
  and "все" are one word). A few Russian crisis phrases are also known typed in Latin letters
  ("hochu umeret", "ne hochu zhit").
* Per language, a table of phrase patterns (with word boundaries) covers each tier in the ways
  people write it, typos included. Each phrase names keywords, one of which is part of every
  text it can match; a table tests each keyword once and tries only the phrases whose keyword
  occurs, which keeps a call around a tenth of a millisecond. A text with a leetspeak "1" in
  a word is read twice for crisis language ("1" as "i" and as "l"), once for the softer tiers.
  A few unmistakable Italian phrases are crisis language too. Crisis matching is deliberately
  generous for first-person statements about wanting to die or not exist: a false alarm costs
  a kind message and a quiet day, a miss costs far more.
* Negation, English: a match is ignored when a negator (not, never, no, n't, "nothing like",
  "no way") sits within about five words before it in the same clause. Clauses end at
  punctuation, line breaks and words like "but", "and", "because", "if"; so "I'm not
  suicidal, but sometimes I want to die" triggers on its second half. Phrases that contain
  their own negator ("can't go on", "don't want to live", "no reason to live") include it in
  the pattern, so it never cancels them, and "can't"/"couldn't" never negate. Distress phrases
  that merely contain a negator ("not ok", "not sleeping", "trying not to", "don't know",
  "ngl") don't negate what follows, and a fresh "I ..." after the negator starts a new clause
  ("I didn't get the job I want to die"), unless only hedges sit between ("I don't think I'd
  ever hurt myself").
* Negation, Spanish, German, French and Portuguese: a negator ("no", "nunca", "nicht", "kein",
  "pas", "jamais", "não", "nem", ...) cancels a match when it comes before it in the same
  clause and every word between belongs to the verb chain that leads into the phrase: pronouns,
  auxiliaries, "want/think/plan/intend" verbs and their prepositions ("no me quiero morir",
  "não vou me matar", "je n'ai pas envie de mourir", "ich habe nicht vor, mich umzubringen",
  "no creo que quiera morir"). Any other word breaks that chain ("no me llamaron, quiero morir",
  "no conseguí el trabajo quiero morir" trigger). In French and German a negator right after the
  phrase also cancels it ("je me tuerai jamais", "ich hasse mich nicht"), and negations inside a
  phrase ("ich will nicht sterben", "je ne veux pas mourir") simply don't match it. As in
  English, phrases that carry their own negator ("ya no quiero vivir", "ich will nicht mehr
  leben", "je ne veux plus vivre", "não quero mais viver") include it, and distress phrases
  that contain one ("no puedo más", "não aguento mais", "ich kann nicht mehr", "j'en peux plus",
  "no estoy bien") don't negate what follows. German commas open a new clause only before
  "ich", "mir" or a conjunction (elsewhere they mostly introduce an infinitive: "nicht vor,
  mich umzubringen").
  Words for suicide itself ("suicidal", "suicidio", "suicidaire", "Suizid", "Selbstmord") are
  checked against every language's negation ("je ne suis pas suicidaire", "não sou suicida").
* Negation, Russian: the same verb-chain rule ("я не думаю о суициде", "я не собираюсь убивать
  себя", "не суицидален", "я не думаю, что хочу умереть": a comma before "что"/"чтобы" keeps
  the clause). A negated intention after the phrase cancels it too, as Russian word order allows
  ("умирать не собираюсь", "суицидальных мыслей нет"). Phrases that carry their own "не" are
  crisis language: "не хочу жить", "жить не хочется", "нет смысла жить", "лучше бы меня не
  было". "Нет" followed by "я"/"мне" is an interjection, not a negation ("нет, я хочу умереть"
  triggers), and "не могу" never negates ("не могу не думать о суициде", "я даже убить себя не
  могу" trigger), as "can't" doesn't in English.
* Figurative and job-search uses don't trigger: "this interview killed me", "I could kill for
  that job", "I'm dying to hear back", "the commute is killing me", "deadline", "career
  suicide", "Suicide Squad", "cut myself some slack", "burn myself out", "shot myself in the
  foot", "killing myself preparing for this", "walked 5 kms". The same holds in the other
  languages: "me mataron en la entrevista", "la entrevista me mató", "esta búsqueda me está
  matando", "va a matarme", "me mato estudiando"; "das bringt mich um", "die Jobsuche wird mich
  noch umbringen"; "ça va me tuer", "je vais me tuer à la tâche"; "essa entrevista vai me
  matar", "me matar de estudar"; "убить время", "это собеседование меня убило", "эта работа меня
  убивает", "умираю от стыда", "чуть не умер со смеху", "я убиваю себя работой", "карьерное
  самоубийство", "выпилиться из чата", "режусь в доту". Someone or something else "killing
  me" is the everyday idiom for stress; only first-person intent ("me quiero matar", "ich bring
  mich um", "je vais me tuer", "vou me matar", "убью себя") is crisis language. Dying "of
  embarrassment" is an idiom in every language ("morir de vergüenza", "mourir de honte",
  "morrer de vergonha", "умереть от стыда"); in English only "die of shame" triggers, because
  shame after a rejection is where real despair lives.
* Borderline calls, crisis:
  - "This job search is killing me" and "the commute is killing me" do NOT trigger: "X is
    killing me" is the everyday idiom for stress, and the coaching carries on. Anything
    about wanting to die, not exist or hurt oneself in the same message still triggers.
  - "I'd die of embarrassment" does NOT trigger (it states no wish to die). "I wanted to die
    of embarrassment/cringe/boredom/laughter" does not either; "I want to die of shame" DOES,
    because shame after a rejection is where real despair lives.
  - "I'd rather die than work there again" does NOT trigger (hyperbole about a job); "I'd
    rather be dead" on its own does. Likewise "mejor muerto que...", "lieber tot als...".
  - "Everyone would be better off without me" DOES trigger, even about a team ("mejor sin
    mí", "besser ohne mich", "mieux sans moi", "melhor sem mim").
  - "I can't do this anymore" and "I hate my life" do NOT trigger on their own: they are
    frequent venting in a job search, and are soft distress instead. "I can't go on (like
    this)" does, and so do "no puedo seguir así", "je ne peux plus continuer", "não consigo
    mais continuar", "не могу больше жить". "Не могу так больше" is soft distress.
  - "Life has no meaning" is crisis language as the other languages have it ("жизнь не имеет
    смысла", "в моей жизни нет смысла", "la vida no tiene sentido"); "жизнь бессмысленна" and
    "всё бессмысленно" are soft distress, as "my life is pointless" is in English. "В чём смысл
    жизни?" is the everyday philosophical question, soft distress at most; "зачем жить" is
    crisis.
  - "Хоть вешайся" ("you might as well hang yourself") is the idiom for a hopeless situation:
    soft distress, not crisis; "хочу повеситься", "повешусь" are crisis language. "Готов(а)
    умереть" is not read as wanting to die (it is nearly always "готова умереть, но сделать").
  - Past tenses that could be about someone else ("он покончил с собой", "она наложила на себя
    руки") don't trigger, as "he killed himself" doesn't; infinitives and the first person
    ("покончить с собой", "покончу с собой") do.
  - "I want to disappear" (and "quiero desaparecer", "ich will verschwinden", "je veux
    disparaître", "quero sumir", "хочу исчезнуть") triggers; wanting to disappear "for a
    while" or "for a few days" ("на время") is soft distress; "into the floor" or "for a week on
    holiday" ("из соцсетей", "в отпуск") is neither.
  - "kms" DOES trigger (as asked), except as kilometres ("walked 5 kms"); "kys" is aimed at
    someone else and doesn't.
  - "I'm not saying I want to die" and "I don't think I'm suicidal" count as negated; "I'm not
    suicidal, but..." followed by any crisis phrase triggers.
* Soft distress, and the job talk it must leave alone. A distress phrase is about the person
  or their life as a whole, never about one task, employer or event:
  - "No point", "what's the point", "pointless", "no tiene sentido", "es hat keinen Sinn",
    "ça sert à rien", "de que adianta" count only when they stand alone or reach everything
    ("there's no point anymore", "what's the point of even trying", "¿para qué?"). With a
    concrete thing to do they are job advice: "there's no point applying there twice", "what's
    the point of a cover letter", "no tiene sentido aplicar dos veces" do NOT fire.
  - Tiredness counts only when it covers everything, life or all the time ("I'm so tired of
    everything", "tired all the time", "cansada de todo", "müde von allem", "fatigué de
    tout"). Tired of one task ("I'm tired of writing cover letters") is not distress, and
    neither is tiredness after one event: "I'm exhausted after the interview" (borderline,
    decided: NOT distress, it is what interviews do to everyone). Sleep and appetite count
    when they have gone on for a while ("I haven't slept in weeks", "can't sleep anymore");
    "I can't sleep before big interviews" does not.
  - Self-judgements count unless they are limited to a skill, task or event: "I'm worthless",
    "I'm a failure", "I feel useless" fire; "I'm useless at negotiating", "I'm hopeless at
    interviews", "I felt like a failure in that interview", "je suis nul en entretien", "soy
    inútil con Excel" don't ("in life", "at everything" still count). Hating oneself "for"
    one act ("I hate myself for not asking about salary") is self-blame about the search, not
    distress.
  - Giving up counts when it is about everything, life or oneself ("I give up on everything",
    "me rindo con todo", "ich gebe alles auf"); "I give up" alone or "I give up on that
    company" is job-search frustration, which the coaching answers.
  - "No one cares" counts about the person ("no one would care", "nobody cares about me",
    "a nadie le importo", "я никому не нужна"), not about a CV detail ("nobody cares about
    your GPA", "эта бумажка никому не нужна").
  - "No way out" is soft distress in every language ("I see no way out", "no veo salida", "ich
    sehe keinen Ausweg", "je ne vois pas d'issue", "não vejo saída", "не вижу выхода"), as "I
    feel trapped" is; a way out of something concrete ("no way out of the non-compete") isn't.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from babel import Locale
from babel.lists import format_list

from core.texts.catalogue import say
from core.texts.languages import ENGLISH, LANGUAGES, language_for
from core.texts.safety import SAFETY_TEXTS

__all__ = [
    "CRISIS_PAUSE_HOURS",
    "Helpline",
    "crisis_reply",
    "describe",
    "detect_crisis",
    "detect_distress",
    "detect_reassurance",
    "helplines_for",
    "normalise",
    "sos_reply",
    "with_country",
]

# How long check-ins stay paused after crisis language (the reply says "for a day").
CRISIS_PAUSE_HOURS = 24

# ---------------------------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------------------------

_APOSTROPHES = str.maketrans(
    dict.fromkeys("\u2018\u2019\u201b\u02bc\u02bb\u2032\u00b4`\uff07", "'")
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_STRETCHED = re.compile(r"([a-z\u0430-\u044f])\1{2,}")
_SPACED_LETTERS = re.compile(r"\b(?:[a-z][ .\-_]){3,}[a-z]\b")
# Russian has more one-letter words ("а я и в"), so spaced Cyrillic needs five letters.
_SPACED_CYRILLIC = re.compile(r"\b(?:[\u0430-\u044f][ .\-_]){4,}[\u0430-\u044f]\b")
_CYRILLIC = re.compile(r"[\u0430-\u044f]")
# A word with a Cyrillic letter in it, where Latin letters and digits that look like Cyrillic
# ones are read as those ("хочу умеpеть" with a Latin "p", "y6ить ce6я").
_CYRILLIC_WORD = re.compile(r"[\w@]*[\u0430-\u044f][\w@]*")
_LOOKALIKES = str.maketrans(
    {
        "a": "\u0430",
        "b": "\u0432",
        "c": "\u0441",
        "e": "\u0435",
        "h": "\u043d",
        "k": "\u043a",
        "m": "\u043c",
        "n": "\u043f",
        "o": "\u043e",
        "p": "\u0440",
        "r": "\u0433",
        "t": "\u0442",
        "u": "\u0438",
        "x": "\u0445",
        "y": "\u0443",
        "0": "\u043e",
        "3": "\u0437",
        "4": "\u0447",
        "6": "\u0431",
        "@": "\u0430",
    }
)
_LOOKALIKE_CHARS = re.compile(r"[abcehkmnoprtuxy0346@]")
_BANG_IN_WORD = re.compile(r"(?<=[a-z])!(?=[a-z])")
# A whitespace-separated token with a leetspeak character in it.
_LEET_TOKEN = re.compile(r"[^\s013457@$]*+[013457@$]\S*")
_LEET_I = str.maketrans("013457@$", "oieastas")
_LEET_L = str.maketrans("013457@$", "oleastas")
_LEET_CHARS = frozenset("013457@$")
_CENSORED = re.compile(r"[a-z\u0430-\u044f*]*\*[a-z\u0430-\u044f*]*")
_STARS = re.compile(r"\*+")
# Words people censor with asterisks ("k*ll m*self", "s*icide"); a starred word is read as the
# first of these it can be.
_CENSORABLE = (
    "kill",
    "killing",
    "killed",
    "myself",
    "suicide",
    "suicidal",
    "die",
    "dying",
    "dead",
    "death",
    "harm",
    "hurt",
    "cut",
    "cutting",
    "unalive",
    "overdose",
    "hang",
    "life",
    "live",
    "living",
    "self",
    "morir",
    "matarme",
    "morrer",
    "matar",
    "mourir",
    "tuer",
    "sterben",
    "umbringen",
    # Russian, as the normalised text spells it ("й" and "ё" read as "и" and "е").
    "суицид",
    "суицида",
    "суициде",
    "самоубииство",
    "самоубииства",
    "самоубиистве",
    "убить",
    "убью",
    "себя",
    "умереть",
    "сдохнуть",
    "повеситься",
    "покончить",
    "жить",
    "вены",
)
# English chat spellings, written out so the English patterns (and the negation check) see one
# form. The other languages' patterns read the text without these.
_WORD_FIXES: dict[str, str] = {
    "im": "i'm",
    "ive": "i've",
    "dont": "don't",
    "dnt": "don't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "cant": "can't",
    "couldnt": "couldn't",
    "wont": "won't",
    "wouldnt": "wouldn't",
    "wudnt": "wouldn't",
    "shouldnt": "shouldn't",
    "isnt": "isn't",
    "arent": "aren't",
    "wasnt": "wasn't",
    "werent": "weren't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "hadnt": "hadn't",
    "aint": "ain't",
    "wanna": "want to",
    "wana": "want to",
    "wnt": "want",
    "wan": "want",
    "gonna": "going to",
    "gona": "going to",
    "gunna": "going to",
    "finna": "going to",
    "imma": "i'm going to",
    "ima": "i'm going to",
    "tryna": "trying to",
    "idk": "i don't know",
    "idc": "i don't care",
    "ngl": "not going to lie",
    "tbh": "to be honest",
    "nvm": "never mind",
    "rn": "right now",
    "u": "you",
    "ur": "your",
    "n": "and",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "cos": "because",
    "wud": "would",
    "shud": "should",
    "neva": "never",
    "nevr": "never",
    "nothin": "nothing",
    "livin": "living",
    "dyin": "dying",
    "kil": "kill",
    "ded": "dead",
    "lyf": "life",
    "lyfe": "life",
    "myslef": "myself",
    "mysefl": "myself",
    "myslf": "myself",
    "mysef": "myself",
    "mysel": "myself",
    "meself": "myself",
}
# Chat spellings that aren't a single word: (spelling, pattern, written out).
_PHRASE_FIXES = tuple(
    (spelling, re.compile(rf"\b{re.escape(spelling)}\b"), written)
    for spelling, written in (("i'mma", "i'm going to"), ("can not", "cannot"))
)
_WORD_RUN = re.compile(r"\w+")
# "want 2 die", "nothing 2 live 4".
_TWO = re.compile(r"(?<=[a-z] )2(?= [a-z])")
_FOUR = re.compile(r"(?<=[a-z] )4(?=$|[^\w])")


@dataclass(frozen=True, slots=True)
class _Reading:
    """One way of reading a normalised text: as the English patterns see it (chat spellings
    written out) and as the other languages' patterns see it (without them)."""

    english: str
    plain: str


def normalise(text: str) -> str:
    """The text as the English patterns see it (the first of its readings; see module
    docstring)."""
    return _readings(text)[0].english


def _readings(text: str) -> tuple[_Reading, ...]:
    """The normalised text, once per way of reading leetspeak "1" (as "i", then as "l")."""
    # Runs of spaces become one; line breaks (with blank lines and spaces around) become one.
    lines = (" ".join(line.split()) for line in _unicode_folded(text).split("\n"))
    base = "\n".join(line for line in lines if line)
    if _LEET_CHARS.isdisjoint(base) and "!" not in base:
        plain = _tidy(base)
        return (_Reading(_expand(plain), plain),)
    readings: list[_Reading] = []
    for table in (_LEET_I, _LEET_L):
        plain = _tidy(_undo_leet(base, table))
        if all(plain != r.plain for r in readings):
            readings.append(_Reading(_expand(plain), plain))
    return tuple(readings)


def _unicode_folded(text: str) -> str:
    """NFKC, format characters dropped, casefolded, straight apostrophes, accents stripped."""
    if text.isascii():
        return text.lower().translate(_APOSTROPHES)
    base = unicodedata.normalize("NFKC", text)
    base = _NON_ASCII.sub(lambda m: _without(m.group(), "Cf"), base)
    base = base.casefold().translate(_APOSTROPHES)
    if _CYRILLIC.search(base):
        base = _CYRILLIC_WORD.sub(_cyrillic_lookalikes, base)
    base = unicodedata.normalize("NFD", base)
    return unicodedata.normalize("NFC", _NON_ASCII.sub(lambda m: _without(m.group(), "Mn"), base))


def _cyrillic_lookalikes(match: re.Match[str]) -> str:
    word = match.group()
    return word.translate(_LOOKALIKES) if _LOOKALIKE_CHARS.search(word) else word


def _without(chars: str, category: str) -> str:
    return "".join(ch for ch in chars if unicodedata.category(ch) != category)


def _undo_leet(text: str, table: dict[int, int]) -> str:
    def fix(match: re.Match[str]) -> str:
        token = match.group()
        if not any("a" <= ch <= "z" for ch in token):
            return token
        return token.translate(table)

    text = _LEET_TOKEN.sub(fix, text)
    return _BANG_IN_WORD.sub("i", text) if "!" in text else text


def _uncensor(match: re.Match[str]) -> str:
    token = match.group()
    if not any(ch.isalpha() for ch in token):
        return token
    shape = "".join(
        f"[a-z\u0430-\u044f]{{1,{len(part) + 1}}}" if part.startswith("*") else re.escape(part)
        for part in re.split(r"(\*+)", token)
        if part
    )
    for word in _CENSORABLE:
        if re.fullmatch(shape, word):
            return word
    return token


def _tidy(text: str) -> str:
    """Stretched letters, spaced letters and starred words, in every language."""
    text = _STRETCHED.sub(r"\1", text)
    text = _SPACED_LETTERS.sub(lambda m: re.sub(r"[ .\-_]", "", m.group()), text)
    if _CYRILLIC.search(text):
        text = _SPACED_CYRILLIC.sub(lambda m: re.sub(r"[ .\-_]", "", m.group()), text)
    if "*" in text:
        text = _CENSORED.sub(_uncensor, text)
    return text


def _expand(text: str) -> str:
    """English chat spellings written out."""
    if not _WORD_FIXES.keys().isdisjoint(_WORD_RUN.findall(text)):
        text = _WORD_RUN.sub(lambda m: _WORD_FIXES.get(m.group(), m.group()), text)
    for spelling, pattern, written in _PHRASE_FIXES:
        if spelling in text:
            text = pattern.sub(written, text)
    if "2" in text:
        text = _TWO.sub("to", text)
    if "4" in text:
        text = _FOUR.sub("for", text)
    return text


# ---------------------------------------------------------------------------------------------
# Negation in English
# ---------------------------------------------------------------------------------------------

_WINDOW_WORDS = 5
_WORD = re.compile(r"[a-z0-9']+")
_CLAUSE_BREAK = re.compile(
    r"[.!?;:,\u2026()\[\]{}\"\u201c\u201d/|\n]|\s[-\u2013\u2014]+\s|"
    r"\b(?:but|and|so|because|cause|though|although|yet|if|when|whenever|why|how|unless|"
    r"except|since|while|then|however|anyway|plus|whereas)\b"
)
# Firm refusals ("no way I'd", "never would I", "far from"): treated as a plain "never".
_FIRM_NO = re.compile(
    r"\b(?:no\s+way(?:\s+in\s+hell)?\s+(?:i'd|i\s+would|i'm|i\s+am|i'll|i\s+will|am\s+i|would\s+i|"
    r"will\s+i)|never\s+(?:would|will|could|did)\s+i|far\s+from)\b"
)
# Phrases that contain a negator but don't negate what follows ("I'm not ok I want to die").
_NOT_NEGATING = re.compile(
    r"\b(?:not\s+(?:ok(?:ay)?|fine|good|great|well|alright|all\s+right|coping|managing|sure|"
    r"kidding|joking|lying|exaggerating|happy|sleeping|eating|myself|being\s+dramatic|"
    r"even\s+(?:joking|kidding)|going\s+to\s+(?:lie|pretend)|feeling\s+\w+|"
    r"doing\s+(?:ok(?:ay)?|well|great|good|fine|so\s+well|too\s+well)|"
    r"in\s+a\s+good\s+(?:place|way|state|headspace|space)|really\s+(?:ok(?:ay)?|fine|coping))|"
    r"(?:don't|do\s+not|doesn't|didn't)\s+(?:know|care|matter|understand|get\s+it|"
    r"feel\s+(?:ok(?:ay)?|good|right|well|like\s+myself))|"
    r"no\s+(?:one|body|joke|lie|idea|matter)|"
    r"(?:try|trying|tried|trying\s+hard|hard|struggling|fighting)\s+not|"
    r"how\s+(?:do|can|could|would)\s+i\s+not|how\s+(?:to\s+not|not\s+to)|help\s+me\s+not|"
    r"never\s+mind|(?:can't|cannot|couldn't|won't|wouldn't|doesn't)\s+stop|never\s+stop|"
    r"(?:can't|cannot|couldn't)\s+help|won't\s+go\s+away|not\s+going\s+away)\b"
)
_NEGATORS = frozenset({"not", "never", "ain't", "nor", "neither"})
_NOT_NEGATORS = frozenset({"can't", "couldn't"})
# After "no", these keep it a negator ("no intention of", "no thoughts of"); otherwise "no" only
# negates right before the phrase ("no self-harm"), not in "no job, no money, I want to die".
_NO_NOUNS = frozenset(
    {
        "intention",
        "intentions",
        "intent",
        "plan",
        "plans",
        "desire",
        "wish",
        "wishes",
        "thought",
        "thoughts",
        "urge",
        "urges",
        "longer",
        "interest",
        "history",
        "risk",
        "more",
        "sign",
        "signs",
        "ideation",
        "feelings",
        "need",
        "way",
    }
)
_SUBJECTS = frozenset({"i", "i'm", "i'd", "i'll", "i've"})
# Words that may sit between a negator and "I" without starting a new clause.
_HEDGES = frozenset(
    {
        "think",
        "believe",
        "reckon",
        "expect",
        "imagine",
        "mean",
        "say",
        "saying",
        "said",
        "feel",
        "like",
        "suppose",
        "guess",
        "that",
        "really",
        "honestly",
        "actually",
        "even",
        "ever",
    }
)


def _is_negator(words: list[str], i: int) -> bool:
    word = words[i]
    if word in _NEGATORS:
        return True
    if word.endswith("n't"):
        return word not in _NOT_NEGATORS
    if word == "no":
        return i == len(words) - 1 or words[i + 1] in _NO_NOUNS
    if word == "nothing":
        return i + 1 < len(words) and words[i + 1] == "like"
    return False


def _negated(before: str) -> bool:
    """Whether the words right before a match (in its clause) negate it."""
    window = _FIRM_NO.sub(" never ", before[-240:])
    window = _NOT_NEGATING.sub(" , ", window)
    clause = _CLAUSE_BREAK.split(window)[-1]
    words = _WORD.findall(clause)[-_WINDOW_WORDS:]
    for i in range(len(words) - 1, -1, -1):
        if _is_negator(words, i):
            between = words[i + 1 :]
            return not any(
                word in _SUBJECTS and any(w not in _HEDGES for w in between[:j])
                for j, word in enumerate(between)
            )
    return False


# ---------------------------------------------------------------------------------------------
# Spelling in Spanish, German, French and Portuguese
# ---------------------------------------------------------------------------------------------

_UMLAUTS = {"ä": "(?:a|ae)", "ö": "(?:o|oe)", "ü": "(?:u|ue)", "ß": "ss?"}


def _written(pattern: str) -> str:
    """A pattern as the normalised text reads: accents stripped, German umlauts matching with or
    without their "e" ("müde": "mude", "muede"), and a space standing for any run of spaces."""
    for letter, spelling in _UMLAUTS.items():
        pattern = pattern.replace(letter, spelling)
    return _stripped(pattern).replace(" ", r"\s+")


def _words(words: str) -> frozenset[str]:
    """Words as the normalised text reads them: accents stripped, umlauts with and without
    their "e" ("würde": "wurde", "wuerde")."""
    spellings: set[str] = set()
    for word in words.split():
        for umlaut in ("", "e"):
            spelling = word.replace("ß", "ss")
            for letter in "äöü":
                spelling = spelling.replace(letter, letter + umlaut)
            spellings.add(_stripped(spelling))
    return frozenset(spellings)


def _stripped(text: str) -> str:
    text = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    )


# ---------------------------------------------------------------------------------------------
# Negation in Spanish, German, French and Portuguese
# ---------------------------------------------------------------------------------------------

# How many words before a match a negator may sit.
_GRAMMAR_WINDOW = 6
_PUNCTUATION_BREAK = (
    r"[.!?;:\u2026()\[\]{}\"\u201c\u201d\u00ab\u00bb/|\n\u00bf\u00a1]|\s[-\u2013\u2014]+\s"
)
_ELISION = re.compile(r"\b(qu|[cdjlmnst])'")


@dataclass(frozen=True, slots=True)
class _Grammar:
    """How one language negates a phrase (see "Negation, Spanish, German, French and
    Portuguese" in the module docstring).

    A negator cancels a match when it is the last one before it in the same clause, within
    `_GRAMMAR_WINDOW` words, and every word between is a bridge. `negated_after` cancels a match
    that the negator follows (French and German)."""

    negators: frozenset[str]
    bridges: frozenset[str]
    clause_break: re.Pattern[str]
    not_negating: re.Pattern[str]
    negated_after: re.Pattern[str] | None = None
    split_elisions: bool = False
    word: re.Pattern[str] = _WORD

    def negates(self, before: str, after: str) -> bool:
        if self.negated_after is not None and self.negated_after.match(after):
            return True
        window = self.not_negating.sub(" , ", before[-200:])
        clause = self.clause_break.split(window)[-1]
        if self.split_elisions:
            clause = _ELISION.sub(r"\1' ", clause)
        words = self.word.findall(clause)[-_GRAMMAR_WINDOW:]
        for i in range(len(words) - 1, -1, -1):
            if words[i] in self.negators:
                return all(word in self.bridges for word in words[i + 1 :])
        return False


def _grammar(
    negators: str,
    bridges: str,
    clause_break: str,
    not_negating: str,
    negated_after: str | None = None,
    *,
    split_elisions: bool = False,
    word: re.Pattern[str] = _WORD,
) -> _Grammar:
    return _Grammar(
        _words(negators),
        _words(bridges),
        re.compile(_PUNCTUATION_BREAK + "|" + _written(clause_break)),
        re.compile(_written(not_negating)),
        re.compile(_written(negated_after)) if negated_after else None,
        split_elisions=split_elisions,
        word=word,
    )


_SPANISH = _grammar(
    negators="no nunca jamás tampoco ni ningún ninguna ninguno",
    bridges=(
        "me te se lo la le nos les yo voy vas va a al estoy estaba he ha había tengo tenía "
        "tendría pienso pensaba pensando pensado creo digo dije decir es era fue que quiero "
        "quería quisiera puedo podría soy siento intención intenciones ganas planes plan idea "
        "de en para nada realmente ya tan siquiera eso haría iría sería"
    ),
    clause_break=(
        r",|\b(?:pero|y|o|u|porque|pues|aunque|sino|cuando|si|mientras|entonces|así que|"
        r"además|también)\b"
    ),
    not_negating=(
        r"\b(?:no (?:estoy|me siento|ando|me encuentro) (?:nada )?(?:bien|ok|okay)|"
        r"(?:ya )?no (?:puedo|aguanto|soporto)(?: más)?|no (?:lo )?sé(?: (?:qué|por qué|cómo))?|"
        r"no (?:duermo|como|puedo dormir|puedo comer)|no (?:me )?importa|no es broma|"
        r"no (?:miento|exagero|bromeo)|no (?:puedo|logro) (?:parar|dejar) de|ni idea|nadie)\b"
    ),
)

_GERMAN = _grammar(
    negators=("nicht nich nie niemals kein keine keinen keinem keiner keines keinesfalls nimmer"),
    bridges=(
        "ich mich mir vor daran dran darüber nach dass das es so zu habe hab bin will werde "
        "würde möchte mag denke dachte glaube absicht lust plane vorhabe vorhaben wirklich "
        "einfach gar überhaupt sagen sage gesagt gemeint meine jemals je wollen wollte"
    ),
    clause_break=(
        r",(?=\s*(?:ich|mir|aber|und|doch)\b)|\b(?:aber|und|oder|denn|weil|sondern|doch|"
        r"trotzdem|obwohl|wenn|als|also|jedoch|sonst|dann)\b"
    ),
    not_negating=(
        r"\b(?:(?:mir )?geht(?:'s|s| es)(?: mir)? (?:gar |überhaupt )?nicht gut|"
        r"nicht (?:gut|ok|okay|in ordnung)|weiß (?:nicht|nich)|keine ahnung|"
        r"(?:kann|konnte) (?:einfach )?nicht mehr|(?:nicht|kaum) (?:mehr )?schlafen|niemand|"
        r"kein (?:witz|scherz|spaß)|nicht (?:aufhören|klar))\b"
    ),
    negated_after=r"\s*(?:nicht|nie|niemals|keinesfalls|gar nicht|auf keinen fall)\b",
)

_FRENCH = _grammar(
    negators="pas jamais aucun aucune nullement ne n'",
    bridges=(
        "je j' me m' te t' se s' y en le la l' vais veux voudrais pense pensais crois dis dit "
        "suis ai a au de d' du que qu' envie intention compte vraiment surtout du tout"
    ),
    clause_break=(
        r",|\b(?:mais|et|parce que|car|donc|quand|si|alors|puis|ou|sinon|pourtant|même si)\b"
    ),
    not_negating=(
        r"(?:\b(?:ne |n')?(?:vais|va|me sens|suis) pas (?:très )?bien|\b(?:je )?(?:ne )?sais pas|"
        r"\b(?:j'en|je n'en|n'en|en) (?:peux|peu|peut) plus|\b(?:ne )?dors (?:plus|pas)|"
        r"\b(?:ne |n')?(?:peux|arrive) (?:pas|plus) (?:à )?(?:dormir|manger|arrêter)|"
        r"\bpersonne|\bça va pas|\bsans blague|\bje (?:ne )?rigole pas)\b"
    ),
    negated_after=r"\s*(?:pas|jamais|nullement)\b",
    split_elisions=True,
)

_PORTUGUESE = _grammar(
    negators="não n naum nn nunca jamais nem tampouco nenhum nenhuma",
    bridges=(
        "me te se o a lhe eu vou estou tô tava estava tenho tinha penso pensando pensado pensei "
        "acho que quero queria e é sou era foi posso poderia faria iria ia vontade intenção "
        "plano planos ideia de em pra para nada realmente mesmo isso disse digo dizer sinto"
    ),
    clause_break=(
        r",|\b(?:mas|porém|porque|pois|então|quando|embora|ou|só que|também|além disso)\b"
    ),
    not_negating=(
        r"\b(?:(?:não|n|naum) (?:estou|tô|to|tou|ando|me sinto|fico) (?:nada )?bem|"
        r"(?:não|n|naum) (?:aguento|consigo|suporto)(?: mais)?|(?:não|n) dá mais|(?:não|n) sei|"
        r"(?:não|n) (?:durmo|como)|(?:não|n) (?:é|eh) brincadeira|"
        r"(?:não|n) (?:tô|to|estou) brincando|(?:não|n) (?:consigo )?parar de|ninguém|"
        r"(?:não|n) (?:me )?importa)\b"
    ),
)

# Russian: "не" and "никогда" negate through the verb chain ("я не думаю о суициде", "я не
# собираюсь убивать себя"); "нет" only when it isn't an interjection ("нет, я хочу умереть" and
# "нет я хочу умереть" are not negations). A comma before "что"/"чтобы" keeps the clause ("я не
# думаю, что хочу умереть"), and a negated intention after the phrase cancels it ("умирать не
# собираюсь", "мыслей о суициде нет"). "Не могу" never negates, as "can't" doesn't in English.
# A few transliterated words ("ne", "ya", "hochu") cover Russian typed in Latin letters.
_RUSSIAN = _grammar(
    negators="не ни нет никогда никак вовсе отнюдь никаких никакого никакой ne nikogda",
    bridges=(
        "я меня мне мной себя себе собой это этого того то что чтобы бы же ведь уж вообще совсем "
        "правда точно реально действительно даже никогда хочу хочется хотелось хотела хотел "
        "хотели хочет собираюсь собиралась собирался планирую планировала планировал думаю "
        "думала думал думать буду стану стала стал пытаюсь пыталась пытался пробовала пробовал "
        "намерена намерен намереваюсь склонна склонен являюсь была был есть о об обо про мысли "
        "мыслей мысль мыслях желания желание планов планы плана намерения намерений сейчас "
        "сегодня больше так уже было ya menya hochu dumayu sobirayus budu o ob pro"
    ),
    clause_break=(
        r",(?!\s*(?:что|чтобы|будто|как будто|якобы|chto)\b)|\b(?:но|а|и|или|либо|потому что|"
        r"потому|так как|поэтому|зато|однако|хотя|если|когда|пока|ведь|тогда|затем|потом|no|i|a)\b"
    ),
    not_negating=(
        r"\b(?:не (?:могу|смогу|могла|мог|получается|выходит|в силах)(?: не)?|не знаю|не понимаю|"
        r"не уверена?|не сплю|не ем|не спала|не спал|не шучу|не вру|не преувеличиваю|"
        r"не драматизирую|не (?:в порядке|хорошо|ок|окей|очень)|ни с кем|никто|никому|никого|"
        r"ничего не|не важно|нет(?= (?:я|мне|меня|у меня|блин|ну|же|правда|серьезно|честно)\b)|"
        r"ne mogu|ne znayu)\b"
    ),
    negated_after=(
        r"\s*(?:я\s+)?(?:(?:точно|вовсе|совсем|уж точно|никогда|совершенно)\s+)?(?:не|нет)\s+"
        r"(?:хочу|хочется|собираюсь|собиралась|собирался|планирую|буду|стану|думаю|намерена?|"
        r"хотела?|хотел|желаю)\b(?!\s+(?:врать|лгать|скрывать|притворяться|обманывать)\b)"
        r"(?=\s*(?:$|[.!?,;\u2026)]|но\b|а\b|и\b))|\s*(?:у меня\s+)?(?:(?:мыслей|мысли|"
        r"намерений|планов|желания|попыток)\s+(?:у меня\s+)?)?(?:нет|нету|не было)"
        r"(?=\s*(?:$|[.!?,;\u2026)]))"
    ),
    word=re.compile(r"[a-z0-9'\u0430-\u044f]+"),
)

_GRAMMARS = (_SPANISH, _GERMAN, _FRENCH, _PORTUGUESE, _RUSSIAN)


# ---------------------------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Pattern:
    """A phrase; a match doesn't count if `before` matches the text leading up to it (anchored at
    its end) or `after` matches the text following it (anchored at its start). The pattern is
    only tried when the text contains one of `needs`, one of which is part of every possible
    match."""

    phrase: re.Pattern[str]
    before: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None
    needs: tuple[str, ...] = ()


def _p(
    needs: str,
    phrase: str,
    before: str | None = None,
    after: str | None = None,
    ends: str = "",
) -> _Pattern:
    """An English phrase: a plain regular expression, followed by `ends` (a lookahead for how the
    thought may end) whatever alternatives it has."""
    return _Pattern(
        re.compile(f"(?:{phrase}){ends}" if ends else phrase),
        re.compile(before) if before else None,
        re.compile(after) if after else None,
        tuple(needs.split()),
    )


def _w(
    needs: str,
    phrase: str,
    before: str | None = None,
    after: str | None = None,
    ends: str = "",
) -> _Pattern:
    """A phrase in another language, written with its accents and umlauts and with plain spaces
    (see `_written`), between word boundaries, followed by `ends` (see `_p`)."""
    if any(letter in needs for letter in _UMLAUTS):
        raise ValueError(f"write {needs!r} without umlauts: they may be spelled two ways")
    return _Pattern(
        re.compile(rf"\b(?:{_written(phrase)})\b{_written(ends)}"),
        re.compile(_written(before)) if before else None,
        re.compile(_written(after)) if after else None,
        tuple(_stripped(needs).split()),
    )


class _Table:
    """One language's phrases for one tier, the reading they match against (`english`: with
    English chat spellings written out) and how a match is negated. Indexed by keyword, so a
    text is searched once per keyword rather than once per phrase."""

    __slots__ = ("_by_need", "english", "negated", "patterns")

    def __init__(
        self,
        patterns: tuple[_Pattern, ...],
        negated: Callable[[str, str], bool],
        *,
        english: bool = False,
    ) -> None:
        self.patterns = patterns
        self.negated = negated
        self.english = english
        by_need: dict[str, list[int]] = {}
        for i, pattern in enumerate(patterns):
            if not pattern.needs:
                raise ValueError(f"{pattern.phrase.pattern[:60]!r} names no keyword")
            for need in pattern.needs:
                by_need.setdefault(need, []).append(i)
        self._by_need = tuple((need, tuple(indices)) for need, indices in by_need.items())

    def candidates(self, text: str) -> list[_Pattern]:
        """The phrases whose keyword occurs in `text`, in table order."""
        hits = [indices for need, indices in self._by_need if need in text]
        if not hits:
            return []
        return [self.patterns[i] for i in sorted({i for indices in hits for i in indices})]


def _negated_in_english(before: str, after: str) -> bool:
    return _negated(before)


def _negated_in_any_language(before: str, after: str) -> bool:
    return _negated(before) or any(g.negates(before, after) for g in _GRAMMARS)


_MYSELF = r"(?:my\s*self|me\s*self)"
_ADVERBS = (
    r"(?:\s+(?:just|really|honestly|actually|kind\s+of|kinda|sort\s+of|sometimes|literally|"
    r"simply|seriously|still|often|always|almost|so|badly|truly|genuinely|even))*"
)
# What may follow "can't go on"-style phrases: the end of the thought, not a destination
# ("I can't go on LinkedIn", "can't go on holiday").
_THOUGHT_ENDS = (
    r"(?=\s*(?:$|[^\w\s']|(?:any\s*more|any\s+longer|no\s+more|like\s+this|like\s+that|this\s+way|"
    r"living|with\s+(?:my\s+)?life|without|i|i'm|and|but|so|because|cause|lol|honestly|really|"
    r"now|today|tonight|either|at\s+all)\b))"
)
_WANTING = r"(?:want|wanted|wanting|wants|wish|wished|wishing|need|needed|ready|tempted|trying)"
_HEIGHTS = (
    r"(?:bridge|building|roof|rooftop|cliff|balcony|tower|ledge|overpass|window|skyscraper|"
    r"car\s+park|parking\s+garage)"
)
_WISH_I = r"\bwish(?:ed|es|ing)?\s+(?:that\s+)?i"

# ---------------------------------------------------------------------------------------------
# Crisis: suicide named, in any language
# ---------------------------------------------------------------------------------------------

# Checked against every language's negation ("I'm not suicidal", "je ne suis pas suicidaire",
# "no soy suicida", "não penso em suicídio", "ich habe keine Suizidgedanken").
_CRISIS_NAMED: tuple[_Pattern, ...] = (
    _p(
        "id 1d cd sd zd",
        r"\bs[uo]+[i1]?[csz]+[i1]?d(?:e|es|ed|al|ial|le|el|ality|ally|io|ios|er|aire|aires|"
        r"arme|armi|ar|arse|arte|aria|arias|ara|are|arei|o|os|a|as|ado|ada|ando|ou|ei|erai|"
        r"erais|erait|ee|ees)?\b",
        before=(
            r"\b(?:career|political|professional|social|commercial|financial|corporate|"
            r"electoral|brand|business|economic|reputational)\s*$"
        ),
        after=(
            r"\s*(?:squad|missions?|bombers?|bombings?|bombs?|attacks?|doors?|runs?|sprints?|"
            r"drills?|kings?|knots?|rates?|statistics|stats)\b|"
            r"\s+(?:profesional|laboral|politico|social|comercial|financiero|economico|"
            r"profissional|financeiro|professionnel|politique|financier|economique)\b"
        ),
    ),
    _p(
        "suizid selbstmord zelfmoord samob",
        r"\b(?:suizid\w*|selbstmord\w*|zelfmoord\w*|samob[o\u00f3]j\w*)",
        before=r"\b(?:beruflich|politisch|sozial|wirtschaftlich|finanziell)\w*\s+$",
    ),
)

# ---------------------------------------------------------------------------------------------
# Crisis in English
# ---------------------------------------------------------------------------------------------

_CRISIS_EN: tuple[_Pattern, ...] = (
    # --- Suicide, in other words ---------------------------------------------------------------
    _p("sewer", r"\bsewer\s*slid(?:e|ing)\b"),
    _p("aliv", r"\bun-?\s?aliv(?:e|ed|ing)\b"),
    # --- Killing oneself ---------------------------------------------------------------------
    _p("kill", r"\bkill+s?\s+" + _MYSELF + r"\b", after=r"\s+laughing\b"),
    _p(
        "kill",
        r"\bkill+(?:ed|ing)\s+" + _MYSELF + r"\b",
        after=(
            r"\s+(?:laughing|preparing|working|studying|practi[cs]ing|rehearsing|revising|"
            r"grinding|training|cramming|applying|job\s+hunting|trying\s+to|"
            r"to\s+(?:get|prepare|finish|make|meet|impress|land|keep\s+up|hit|be\s+ready)|"
            r"for\s+(?:this|that|the|a|an|my|these|those|their|his|her)\s+(?:\w+\s+)?"
            r"(?:job|role|company|interview|position|offer|team|project|promotion|boss|client|"
            r"exam|deadline|application|firm)s?)\b"
        ),
    ),
    _p(
        "kms",
        r"\bkms\b",
        before=(
            r"(?:\d[\d.,]*|few|several|many|some|hundred|hundreds|thousand|more|couple\s+of|"
            r"of|the|those|these|walked|ran|drove|cycled|biked|hiked|swam)\s*$"
        ),
        after=r"\s*(?:away|from|of|per|long|north|south|east|west|/h)\b",
    ),
    _p("off", r"\b(?:to|might|will|i'll|should|could)\s+off\s+" + _MYSELF + r"\b"),
    _p(
        "self",
        r"\b(?:hang|hanging|hanged|hung|poison|poisoning|poisoned|stab|stabbing|stabbed|"
        r"suffocate|suffocating|suffocated|strangle|strangling|strangled|starve|starving|"
        r"starved|gas|gassing|electrocute|electrocuting|mutilate|mutilating|mutilated)\s+"
        + _MYSELF
        + r"\b",
    ),
    _p(
        "drown",
        r"\b(?:drown|drowning|drowned)\s+" + _MYSELF + r"\b",
        after=r"\s+in\s+(?!(?:the|a)\s+(?:river|sea|lake|ocean|bath|bathtub|canal|pond|water)\b)",
    ),
    _p(
        "sho",
        r"\b(?:shoot|shooting|shot)\s+" + _MYSELF + r"\b",
        after=r"\s+in\s+the\s+(?:foot|feet|leg)\b",
    ),
    _p("brains", r"\b(?:blow|blowing|blew)\s+my\s+brains\s+out\b"),
    _p("gun", r"\b(?:put|putting|hold|holding)\s+a\s+gun\s+to\s+my\s+head\b"),
    _p(
        "noose",
        r"\b(?:tie|tied|tying|make|made|making|buy|bought|got)\s+(?:a|the|myself\s+a)\s+noose\b",
    ),
    # --- Ending one's life ---------------------------------------------------------------------
    _p(
        "end",
        r"\bend(?:s|ed|ing)?\s+(?:my\s+(?:own\s+)?life|it\s+all|my\s+(?:own\s+)?existence|"
        r"things\s+for\s+good|my\s+suffering)\b",
    ),
    _p(
        "end",
        r"\b(?:want|wanted|going|planning|plan|ready|decided|deciding|thinking\s+(?:of|about)|"
        r"think\s+about|thought\s+about|should|might|will|i'll)\s+(?:to\s+)?end(?:ing)?\s+it\b",
        after=r"\s*(?:with|at|there|here|on|by|early|off|-)\b",
    ),
    _p(
        "life",
        r"\b(?:take|takes|taking|taken|took)\s+my\s+(?:own\s+)?life\b",
        after=(
            r"\s+(?:back|in\s+(?:a|another|my|new)|into|forward|seriously|more\s+seriously|"
            r"off\s+hold|to\s+(?:the|a|another)\s+(?:next|new))\b"
        ),
    ),
    # --- Wanting to die, be dead, not exist -----------------------------------------------------
    _p(
        "die dead",
        r"\b" + _WANTING + _ADVERBS + r"\s+(?:to\s+)?(?:be\s+)?(?:die|dead)\b",
        after=(
            r"\s+(?:(?:of|from)\s+(?:embarrassment|cringe|laughter|laughing|boredom)|"
            r"on\s+(?:this|that|the)\s+hill)\b"
        ),
    ),
    _p(
        "die dead",
        r"\b(?:deserve|deserved|deserves|plan|planning|decided|prefer)\s+to\s+(?:be\s+)?(?:die|dead)\b",
    ),
    _p("rather", r"\brather\s+(?:be\s+)?(?:die|dead)\b", after=r"\s+than\b"),
    _p(
        "die dead",
        r"\bi\s+(?:should|might\s+as\s+well|may\s+as\s+well)(?:\s+just)?\s+(?:die|be\s+dead)\b",
    ),
    _p(
        "want wish",
        r"\b(?:don't|do\s+not|doesn't|didn't|no\s+longer|never)\s+(?:really\s+|even\s+)?"
        r"(?:want|wanted|wish)\s+to\s+(?:be\s+alive|exist|be\s+around|be\s+in\s+this\s+world|"
        r"live\b(?!\s+(?:in|at|with|near|on|abroad|there|somewhere|elsewhere|paycheck|through|"
        r"off|up|out|like\s+(?:that|them|him|her|my))\b)|"
        r"be\s+here\b(?!\s+(?:at|for|when|on|tomorrow|next|again|early|late|till|until|during|"
        r"while|after|in\s+(?:the|this|that)\s+(?:office|job|city|town|place|company|role|"
        r"meeting|building|team)|in\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|time))\b)|"
        r"wake\s+up\b(?!\s+(?:early|at|for|so\s+early|before|in\s+time)\b)|"
        r"(?:go\s+on|keep\s+going|keep\s+living|carry\s+on)" + _THOUGHT_ENDS + r")",
    ),
    _p(
        "want",
        r"\b(?:(?:don't|do\s+not)\s+know|not\s+sure)(?:\s+(?:if|whether|that|why))?\s+i\s+"
        r"(?:even\s+|still\s+|really\s+)?want\s+to\s+(?:live|be\s+alive|exist|go\s+on|"
        r"keep\s+going|keep\s+living|wake\s+up)\b",
    ),
    _p(
        "wish",
        _WISH_I + r"(?:\s+was|\s+were|'d\s+been|\s+had\s+been|'m|\s+am|\s+could\s+be|\s+would\s+be)"
        r"(?:\s+(?:just|simply|already))?\s+dead\b",
    ),
    _p(
        "wish",
        _WISH_I + r"(?:\s+wasn't|\s+weren't|\s+was\s+not|\s+were\s+not|\s+hadn't\s+been|"
        r"\s+had\s+not\s+been)\s+(?:alive|here|around|born|in\s+this\s+world)\b",
    ),
    _p("wish", _WISH_I + r"(?:\s+didn't|\s+did\s+not|\s+don't|\s+do\s+not)\s+exist\b"),
    _p(
        "wish",
        _WISH_I + r"\s+could(?:\s+(?:just|simply))?\s+(?:die|disappear|vanish|stop\s+existing|"
        r"not\s+exist|cease\s+to\s+exist|not\s+wake\s+up|go\s+to\s+sleep\s+forever|"
        r"fall\s+asleep\s+forever)\b",
    ),
    _p("born", r"\bnever\s+(?:have\s+|had\s+)?been\s+born\b"),
    _p(
        "disappear vanish exist here alive gone fade wake",
        r"\b" + _WANTING + _ADVERBS + r"\s+(?:to\s+)?(?:disappear|vanish|stop\s+existing|"
        r"not\s+exist|cease\s+to\s+exist|not\s+be\s+here|not\s+be\s+alive|be\s+gone|"
        r"fade\s+away|not\s+wake\s+up)\b",
        after=(
            r"\s+(?:into\s+(?:the\s+)?(?:floor|ground|a\s+hole|the\s+crowd|my\s+\w+)|"
            r"under\s+(?:a\s+rock|the\s+\w+)|for\s+(?:a|an|the)\s+(?:bit|few|day|week|weekend|"
            r"couple|month|hour|little|while)|for\s+\d+|from\s+(?:linkedin|social\s+media|"
            r"the\s+internet|twitter|x|instagram|facebook|the\s+group\s+chat|work|the\s+office|"
            r"this\s+(?:job|industry|company|town|city))|off\s+(?:the\s+)?grid|"
            r"on\s+(?:a|an)\s+(?:holiday|vacation|trip)|to\s+(?:a|an|the|another)\s+\w+|"
            r"at\s+(?:work|the\s+office))\b"
        ),
    ),
    _p(
        "disappear vanish",
        r"\b(?:to|i|i'll|i'd|i'm|could|should|would|just|let\s+me|me)\s+(?:just\s+|simply\s+)?"
        r"(?:disappear|vanish)(?:ing)?\s+(?:forever|for\s+good|permanently|"
        r"off\s+the\s+face\s+of\s+the\s+earth|and\s+never\s+(?:come|came)\s+back|"
        r"and\s+never\s+return|without\s+a\s+trace)\b",
    ),
    _p("existing", r"\b(?:stop|stopped)\s+existing\b"),
    _p("cease", r"\bcease\s+to\s+exist\b"),
    _p("exist", r"\bnot\s+(?:to\s+)?exist\s+any\s*more\b"),
    # --- Better off without me, no reason to live ---------------------------------------------
    _p("dead", r"\bbetter\s+off\s+dead\b"),
    _p("without", r"\bbetter\s+(?:off\s+)?without\s+me\b"),
    _p(
        "better",
        r"\bbetter\s+(?:off\s+)?if\s+i\s+(?:(?:was|were|'m|am)\s+(?:dead|gone)|"
        r"(?:wasn't|weren't|was\s+not|were\s+not)\s+(?:here|around|alive|born)|died|disappeared|"
        r"(?:didn't|did\s+not)\s+exist|never\s+existed|'d\s+never\s+been\s+born|"
        r"had\s+never\s+been\s+born)\b",
    ),
    _p(
        "miss notice care",
        r"\b(?:no\s*one|nobody)\s+(?:would|will|'d)\s+(?:even\s+)?(?:miss\s+me|notice\s+if\s+i|"
        r"care\s+if\s+i\s+(?:died|was\s+gone|disappeared|wasn't\s+here|killed))\b",
    ),
    _p(
        "reason",
        r"\b(?:no|(?:don't|do\s+not|doesn't|can't|cannot|couldn't)\s+(?:really\s+)?"
        r"(?:have|see|find|think\s+of|got)\s+(?:a|any)|(?:lost|lose|losing)\s+(?:my|every|all|"
        r"the|any)|what's|what\s+is|is\s+there\s+(?:a|any)|give\s+me\s+(?:a|one)|"
        r"there's\s+no|there\s+is\s+no|isn't\s+(?:a|any))\s+(?:more\s+|single\s+|good\s+)?"
        r"reasons?\s+(?:left\s+)?(?:to|for)\s+(?:live|living|go\s+on|going\s+on|keep\s+going|"
        r"keep\s+living|be\s+alive|being\s+alive|stay\s+alive|staying\s+alive|exist|existing|"
        r"carry\s+on|be\s+here|me\s+to\s+(?:live|be\s+here|stay))\b",
    ),
    _p(
        "live",
        r"\b(?:nothing|(?:don't|do\s+not|doesn't|haven't|have\s+not|not|hardly|isn't|"
        r"there's\s+not)\s+(?:(?:have|got|had)\s+)?(?:anything|much)|what(?:'s|\s+is|"
        r"\s+do\s+i\s+have|\s+have\s+i\s+got))\s+(?:left\s+)?to\s+live\s+for\b",
    ),
    _p(
        "point",
        r"\b(?:no|(?:don't|do\s+not|can't|cannot|couldn't)\s+see\s+(?:the|a|any)|what's\s+the|"
        r"what\s+is\s+the|there's\s+no|there\s+is\s+no|isn't\s+(?:a|any)|lost\s+the)\s+"
        r"point\s+(?:(?:of|in|to)\s+)?(?:living|life|being\s+alive|staying\s+alive|"
        r"(?:to\s+)?stay\s+alive|going\s+on|existing|my\s+existence|me\s+being\s+(?:alive|here)|"
        r"live|exist|carrying\s+on)\b",
    ),
    _p(
        "worth",
        r"\b(?:isn't|is\s+not|not|no\s+longer|ain't|wasn't|never)\s+(?:really\s+|even\s+)?"
        r"worth\s+living\b",
    ),
    _p("worth", r"\blife\s+(?:isn't|is\s+not|'s\s+not|ain't)\s+worth\s+it\b"),
    _p(
        "living alive existing",
        r"\b(?:tired|sick|weary)\s+of\s+(?:living|being\s+alive|existing)\b",
        after=(
            r"\s+(?:in|out|at|with|on|off|paycheck|under|from|alone|abroad|here|there|near|"
            r"by|for)\b"
        ),
    ),
    _p("done", r"\bdone\s+with\s+(?:life|living|being\s+alive|existing)\b"),
    _p(
        "want",
        r"\bwant\s+(?:it\s+all|everything|the\s+pain|my\s+life)\s+to\s+(?:end|stop|be\s+over)\b",
    ),
    # --- Can't go on ---------------------------------------------------------------------------
    _p(
        "can couldn unable",
        r"\b(?:can't|cannot|couldn't|can\s+no\s+longer|unable\s+to)\s+(?:go\s+on|keep\s+going|"
        r"carry\s+on|continue\s+living|keep\s+living)" + _THOUGHT_ENDS,
    ),
    _p(
        "can",
        r"\b(?:(?:don't|do\s+not)\s+(?:think|know\s+(?:if|whether|how))|not\s+sure"
        r"(?:\s+(?:if|whether|that|how))?)\s+i\s+can\s+(?:go\s+on|keep\s+going|carry\s+on|"
        r"keep\s+living)" + _THOUGHT_ENDS,
    ),
    # --- Sleep and never wake up ------------------------------------------------------------
    _p("wake", r"\b(?:sleep|asleep)\b[^.!?\n]{0,25}?\b(?:and|&)\s+(?:never|not)\s+wake\s+up\b"),
    _p(
        "wake",
        r"\b(?:hope|hoping|want|wanted|wish|wished|pray|praying)\b[^.!?,\n]{0,20}?"
        r"\b(?:never|not|don't|won't|wouldn't|didn't)\s+wake\s+up\b",
        after=(
            r"\s+(?:late|early|too\s+(?:late|early)|in\s+time|on\s+time|at|before|after|with|"
            r"sick|tired|grumpy|hungover)\b"
        ),
    ),
    _p("wake", r"\bnever\s+wake\s+up\s+again\b"),
    _p("sleep", r"\b(?:go\s+to\s+sleep|fall\s+asleep)\s+(?:forever|permanently|for\s+good)\b"),
    # --- Methods -------------------------------------------------------------------------------
    _p(
        "dos",
        r"\bover\s?-?dos(?:e|ed|es|ing)\b",
        after=(
            r"\s+on\s+(?:coffee|caffeine|sugar|chocolate|netflix|espresso|energy\s+drinks|cake|"
            r"content|tiktok|self[\s-]?help|advice|podcasts)\b"
        ),
    ),
    _p("od", r"\b(?:want|going|planning|tempted|trying)\s+to\s+od(?:'d|ed|ing)?\b"),
    _p("od", r"\b(?:might|will|i'll|could|gonna)\s+od\b"),
    _p(
        "pill tablet meds medic painkill",
        r"\b(?:take|took|taking|swallow|swallowed|swallowing)\s+(?:all|a\s+(?:whole|full)\s+"
        r"(?:bottle|box|pack|packet)\s+of|a\s+bunch\s+of|a\s+handful\s+of|loads\s+of|too\s+many)"
        r"\s+(?:of\s+)?(?:my\s+|the\s+|these\s+|those\s+)?(?:pills|tablets|meds|medication|"
        r"medicine|painkillers|sleeping\s+pills)\b",
    ),
    _p(
        "pill tablet meds painkill",
        r"\b(?:sav(?:e|ed|ing)|stockpil(?:e|ed|ing)|hoard(?:ed|ing)?)\s+(?:up\s+)?(?:my\s+)?"
        r"(?:pills|tablets|meds|painkillers|sleeping\s+pills)\b",
    ),
    _p(
        "pill tablet meds painkill",
        r"\b(?:pills|tablets|meds|painkillers)\s+(?:saved|stockpiled|hoarded)\b",
    ),
    _p(
        "bridge build roof cliff balcon tower ledge overpass window skyscraper park garage",
        r"\b(?:jump|jumping|jumped|leap|leaping|throw\s+myself|throwing\s+myself|"
        r"threw\s+myself|step|stepping)\s+(?:off|from|out\s+of|out)\s+(?:(?:a|an|the|this|that|"
        r"my|some|our)\s+)?(?:\w+\s+){0,2}?" + _HEIGHTS + r"\b",
    ),
    _p(
        "front",
        r"\b(?:jump|jumping|jumped|step|stepping|stepped|throw\s+myself|throwing\s+myself|"
        r"threw\s+myself|lie\s+down|lay\s+down)\s+in\s+front\s+of\s+(?:(?:a|the|an|some)\s+)?"
        r"(?:\w+\s+)?(?:train|car|bus|truck|lorry|subway|tube|tram|traffic)\b",
    ),
    _p(
        "throw threw",
        r"\b(?:throw|throwing|threw)\s+" + _MYSELF + r"\s+(?:off|under|from|out\s+of)\b",
    ),
    _p(
        "wrist throat vein",
        r"\b(?:slit|slitting|slash|slashing|cut|cutting|open|opening)\s+(?:my|me)\s+"
        r"(?:wrists?|throat|veins?)\b",
    ),
    # --- Self-harm ------------------------------------------------------------------------------
    _p("self", r"\bself\s*-?\s*(?:harm\w*|injur(?:y|e|ed|ing|ies)|mutilat\w*)\b"),
    _p(
        "self",
        r"\b(?:hurt|hurts|hurting|harm|harms|harming|harmed|injure|injuring|injured)\s+"
        + _MYSELF
        + r"\b",
        after=(
            r"\s+(?:at\s+the\s+gym|at\s+work|playing|lifting|running|skiing|cycling|climbing|"
            r"training|falling|tripping|by\s+accident|accidentally|in\s+a\s+fall|"
            r"on\s+(?:the|a)\s+(?:stairs|ice|bike|way)|by\s+(?:dwelling|comparing|overthinking|"
            r"thinking|worrying|ruminating|replaying|staying|applying|checking|refreshing|"
            r"reading|scrolling|obsessing|waiting|holding\s+on|blaming))\b"
        ),
    ),
    _p(
        "self",
        r"\b(?:cut|cuts|cutting)\s+" + _MYSELF + r"\b",
        after=(
            r"\s+(?:some\s+slack|slack|a\s+break|off|short|out|shaving|cooking|chopping|slicing|"
            r"on\s+(?:a|the|some)\s+\w+|with\s+(?:a|the)\s+(?:paper|kitchen)|by\s+accident|"
            r"accidentally|in\s+the\s+kitchen|a\s+(?:deal|piece|slice))\b"
        ),
    ),
    _p(
        "burn",
        r"\b(?:burn|burns|burning|burned|burnt)\s+" + _MYSELF + r"\b",
        after=(
            r"\s+(?:out|cooking|baking|ironing|making|on\s+(?:the|a)\s+(?:stove|oven|pan|kettle|"
            r"iron|hob|grill)|with\s+(?:the\s+)?(?:coffee|tea|hot\s+water|the\s+kettle|the\s+iron)|"
            r"in\s+the\s+sun|by\s+accident|accidentally)\b"
        ),
    ),
    _p("again", r"\b(?:cut|cutting)\s+(?:my\s+)?(?:arms?|legs?|thighs?|skin|wrists?)\s+again\b"),
    _p(
        "cutting harming hurting",
        r"\b(?:i'm|i\s+am|i've\s+been|i\s+have\s+been|i\s+was|been|started|start|starting|"
        r"keep|kept|back\s+to|relapsed\s+(?:and|into))\s+(?:cutting|harming\s+myself|"
        r"hurting\s+myself)\s+(?:again|myself)\b",
    ),
    _p("cutting", r"^(?:been\s+|started\s+)?cutting\s+again\b"),
    _p("relapsed", r"\brelapsed\b[^.!?\n]{0,20}\b(?:cutting|self[\s-]*harm\w*|hurting\s+myself)"),
    # --- Italian, a few unmistakable phrases (English negation) -------------------------
    _p("voglio uccidermi togliermi", r"\b(?:voglio\s+morire|uccidermi|togliermi\s+la\s+vita)\b"),
)

# ---------------------------------------------------------------------------------------------
# Crisis in Spanish, German, French and Portuguese
# ---------------------------------------------------------------------------------------------

# The end of a thought, per language: end of text, punctuation, or a filler word.
_END_ES = (
    r"(?=\s*(?:$|[^\w\s']|(?:ya|nada|de verdad|en serio|la verdad|y|pero|porque|así|hoy|ahora|"
    r"jaja\w*|jeje\w*|la neta|sinceramente|honestamente)\b))"
)
_END_PT = (
    r"(?=\s*(?:$|[^\w\s']|(?:já|nada|de verdade|sério|e|mas|porque|assim|hoje|agora|kk\w*|"
    r"haha\w*|sinceramente|mesmo)\b))"
)
_END_FR = (
    r"(?=\s*(?:$|[^\w\s']|(?:plus|du tout|vraiment|franchement|et|mais|parce|car|aujourd'hui|"
    r"maintenant|mdr|lol|honnêtement|quoi)\b))"
)
# German commas mostly open an infinitive ("es hat keinen Sinn, sich zu bewerben").
_END_DE = (
    r"(?=\s*(?:$|[.!?\u2026;:)\]\"]|,\s*(?:ich|mir|mich|es|das|alles|und|aber|echt|wirklich|"
    r"oder)\b|(?:mehr|überhaupt|einfach|echt|wirklich|und|aber|weil|heute|jetzt|gerade|irgendwie|"
    r"halt|lol)\b))"
)

_ES_WANT = (
    r"(?:quiero|kiero|qiero|quero|quisiera|quería|necesito|deseo|tengo ganas de|ganas de|"
    r"me gustaría)"
)
_ES_ADV = r"(?: (?:solo|nada más|ya|realmente|de verdad|simplemente|tanto|a veces|mucho))*"
# Dying "of embarrassment, of laughter, of nerves" is an idiom.
_ES_IDIOMS = (
    r" de (?:vergüenza|risa|aburrimiento|hambre|sueño|frío|calor|envidia|nervios|ganas|amor|"
    r"pena|miedo|ansiedad|la risa)\b"
)
# Something else that "is going to kill me" is the idiom for stress.
_ES_THIRD_PERSON = r"\b(?:va|van|vas|iba|iban|puede|pueden|vaya|vayan)(?: a)? $"
# "Matarme estudiando", "matarme a trabajar": working oneself to death.
_ES_WORKING = r" (?:a|de|estudiando|trabajando|preparando|practicando|buscando)\b"

_CRISIS_ES: tuple[_Pattern, ...] = (
    _w("mor", _ES_WANT + _ES_ADV + r" mor+i+r+(?:me)?", after=_ES_IDIOMS),
    _w("muert", _ES_WANT + _ES_ADV + r" (?:estar )?muert[oa]s?"),
    _w(
        "muert",
        r"(?:ojalá|quisiera|desearía|preferiría|prefiero) (?:estar|estuviera|estuviese) "
        r"(?:ya )?muert[oa]",
    ),
    _w(
        "muert",
        r"(?:estaría|estarían|estarías) mejor muert[oa]s?|mejor muert[oa]s?",
        after=r" (?:que|a)\b",
    ),
    _w(
        "matar",
        r"me (?:quiero|kiero|quisiera|voy a|vo a|pienso|debería|debo|tengo que|podría|iba a) "
        r"matar",
        after=_ES_WORKING,
    ),
    _w("matarme", r"matarme", before=_ES_THIRD_PERSON, after=_ES_WORKING),
    _w(
        "vida",
        r"quitarme (?:la|mi) (?:propia )?vida|(?:acabar|terminar|acabo|termino) con mi "
        r"(?:propia )?vida",
    ),
    _w(
        "todo",
        r"(?:acabar|terminar|acabe|termine|acabo|termino) con todo",
        after=r" (?:el|la|los|las|lo|mi|mis|tu|su)\b",
    ),
    _w(
        "viv",
        r"no (?:quiero|kiero|qiero|quero|quisiera) (?:seguir )?viv(?:ir|iendo)",
        after=r" (?:en|aquí|allí|ahí|con|cerca|lejos|de)\b",
    ),
    _w(
        "viv",
        r"(?:no tengo|sin|no hay|no veo|no encuentro|no me quedan) (?:ninguna |ningún |una |un )?"
        r"(?:razón|razones|motivo|motivos|ganas) (?:para|de|por la que|por las que) "
        r"(?:seguir )?viv(?:ir|iendo)",
    ),
    _w("vale", r"(?:la vida|vivir|mi vida) no vale la pena|no vale la pena (?:seguir )?vivir"),
    _w(
        "sentido",
        r"(?:la|mi) vida (?:ya )?no tiene (?:ningún )?sentido|"
        r"no (?:le )?(?:veo|encuentro) (?:el |ningún )?sentido a (?:la|mi) vida",
    ),
    _w(
        "aqu",
        r"no (?:quiero|kiero|quisiera) (?:seguir )?estar aquí(?: (?:más|ya|en este mundo))?",
        ends=_END_ES,
    ),
    _w("mundo", r"no (?:quiero|kiero|quisiera) (?:seguir )?(?:en|estar en|vivir en) este mundo"),
    _w("exist", r"no (?:quiero|kiero|quisiera) (?:seguir )?exist(?:ir|iendo)(?: más)?"),
    # "Can't go on": crisis in every language, as in English.
    _w(
        "seguir",
        r"(?:(?:ya )?no (?:puedo|aguanto) seguir (?:así|adelante|viviendo|con mi vida)|"
        r"ya no puedo seguir)",
        ends=_END_ES,
    ),
    _w("sin mi", r"mejor(?:es)? sin mí", ends=_END_ES),
    _w(
        "nacido",
        r"(?:ojalá|quisiera|desearía|preferiría|hubiera preferido) (?:no haber|nunca haber|"
        r"no hubiera|nunca hubiera|no) nacido",
    ),
    _w(
        "despert",
        r"(?:dormir|dormirme) y no (?:volver a )?despertar(?:me)?|"
        r"no (?:volver a )?despertar(?:me)? (?:nunca|más|jamás)|"
        r"(?:ojalá|quiero|quisiera) no (?:volver a )?despertar(?:me)?",
        after=r" (?:temprano|tarde|a tiempo|a las)\b",
    ),
    # "Quiero desaparecer" is crisis; "un rato", "unos días" make it soft distress.
    _w(
        "desaparec",
        _ES_WANT + _ES_ADV + r" desaparecer(?: para siempre| del mapa| del mundo)?",
        after=r" (?:un|una|unos|unas|por|de|del|a|al|en)\b",
    ),
    _w("exist", r"dejar de existir|no existir más"),
    _w("viv exist", r"(?:cansad[oa]|hart[oa]|agotad[oa]) de (?:vivir|existir|estar viv[oa])"),
    _w("lesi", r"auto ?lesi\w*"),
    _w(
        "dano",
        r"hacerme (?:más )?daño|me hago daño",
        after=r" (?:en el|en la|jugando|entrenando|corriendo|sin querer)\b",
    ),
    _w(
        "cort",
        r"cortarme (?:las venas|los brazos|las muñecas|otra vez|de nuevo)|"
        r"me corto (?:las venas|los brazos|otra vez|de nuevo)|(?:volví|he vuelto) a cortarme|"
        r"me (?:volví|he vuelto) a cortar|me estoy cortando",
        after=r" (?:el pelo|el cabello|las uñas|la barba|el flequillo)\b",
    ),
    _w(
        "lastim herir",
        r"lastimarme|herirme",
        before=_ES_THIRD_PERSON,
        after=r" (?:la|el|los|las|en el|en la|jugando|entrenando|corriendo|sin querer)\b",
    ),
    _w(
        "tir lanz arroj avent",
        r"(?:tirarme|me voy a tirar|me quiero tirar|aventarme|lanzarme|arrojarme) "
        r"(?:de|desde|por|a|al|bajo) (?:(?:un|una|el|la|las|los) )?(?:puente|edificio|ventana|"
        r"balcón|techo|azotea|tren|metro|vías|precipicio|acantilado|coche|auto)",
    ),
    _w(
        "pastill pildor medic",
        r"(?:tomarme|tragarme|me tomé|me tragué|tomar) (?:todas )?(?:las|mis) "
        r"(?:pastillas|píldoras|medicinas|medicamentos)",
    ),
    _w(
        "sobredosis",
        r"sobredosis",
        after=r" (?:de|del) (?:café|cafeína|azúcar|trabajo|series|netflix|información)\b",
    ),
    _w("ahorc colg", r"ahorcarme|me (?:voy a|quiero) ahorcar|colgarme (?:de|del)"),
    _w(
        "nadie",
        r"nadie me (?:echaría|extrañaría) de menos|nadie me extrañaría|"
        r"nadie (?:lo )?notaría si (?:me muero|muero|desaparezco|me mato)",
    ),
)

_DE_WANT = (
    r"(?:will|möchte|wollte|würde (?:gern|gerne|am liebsten|lieber|eher)|würd (?:gern|gerne|"
    r"am liebsten|lieber)|wünschte,? ich könnte|wünsche mir)"
)
_DE_ADV = (
    r"(?: (?:einfach|nur|echt|wirklich|manchmal|so|lieber|am liebsten|gerade|jetzt|heute|bald|"
    r"halt|eigentlich|endlich|noch))*"
)
# "Das wird mich umbringen", "die Jobsuche wird mich noch umbringen": the idiom for stress.
_DE_IT = (
    r"\b(?:das|es|dies|dieser|diese|dieses|der|die|den|du|sie|er|man)\b(?: \w+){0,3} "
    r"(?:wird|würde|könnte|kann|will|soll|muss)(?: \w+)? $"
)

_CRISIS_DE: tuple[_Pattern, ...] = (
    _w(
        "sterb",
        _DE_WANT + _DE_ADV + r" sterb(?:en|n)|sterben (?:will|möchte|wollte|würde)",
        after=r" als\b",
    ),
    _w(
        "tot",
        _DE_WANT + _DE_ADV + r" tot sein|(?:wäre|wär) (?:lieber|besser|am liebsten) tot|"
        r"(?:lieber|besser) tot|wünschte,? ich wäre tot|tot sein (?:will|möchte)",
        after=r" als\b",
    ),
    _w(
        "leben",
        r"nicht mehr (?:weiter\s*)?leben",
        after=r" (?:in|mit|bei|zusammen|hier|dort)\b",
    ),
    _w("leben", r"(?:will|möchte|mag|kann) so nicht (?:mehr )?(?:weiter\s*)?leben"),
    _w("bring", r"bringe?" + _DE_ADV + r" mich" + _DE_ADV + r" um"),
    _w(
        "umbring umzubring",
        r"mich" + _DE_ADV + r" (?:umbringen|umzubringen|umbringe)",
        before=_DE_IT,
    ),
    _w(
        "mich",
        r"(?:töte|töt|tötete) mich(?: selbst)?|mich (?:selbst )?(?:zu )?töten",
        before=_DE_IT,
    ),
    _w("leben", r"mir (?:selbst )?das leben (?:zu )?nehmen|(?:nehme|nehm) mir das leben"),
    _w("mich", r"mich (?:zu )?(?:erhängen|aufhängen|aufzuhängen)|hänge? mich auf"),
    _w(
        "wach",
        r"nicht mehr aufwachen|nie (?:mehr|wieder) aufwachen|nicht mehr aufzuwachen|"
        r"einschlafen und nicht mehr aufwachen",
    ),
    _w("ohne mich", r"besser (?:dran )?ohne mich|ohne mich besser dran"),
    _w(
        "sinn",
        r"(?:das|mein) leben hat (?:keinen|null|gar keinen) sinn|"
        r"keinen sinn (?:mehr )?(?:im|in meinem) leben|keinen sinn mehr zu leben",
    ),
    _w("grund", r"keinen grund (?:mehr )?(?:zu leben|zum leben|weiterzuleben)"),
    _w("lebenswert", r"(?:nicht|nicht mehr) lebenswert"),
    _w(
        "sein existier",
        r"(?:will|möchte|mag) (?:einfach |echt |wirklich )?nicht mehr (?:da sein|hier sein|"
        r"auf dieser welt sein|existieren)|nicht mehr existieren",
        ends=_END_DE,
    ),
    _w("lebensm", r"lebensmüde"),
    _w("ritz", r"ritze? mich|mich (?:wieder )?(?:ritzen|geritzt)"),
    _w("verletz", r"selbstverletz\w*|mich selbst (?:zu )?verletzen"),
    _w("weh", r"(?:will|möchte|werde) mir (?:selbst )?(?:weh tun|wehtun)"),
    _w(
        "spring werf",
        r"(?:von|vor) (?:einer|einem|der|dem|die|den|ein|eine|das) (?:\w+ )?(?:brücke|hochhaus|"
        r"dach|balkon|zug|klippe|gebäude|fenster|turm)(?: \w+)? (?:springen|werfen|zu springen|"
        r"zu werfen)|(?:vor|unter) (?:den|einen) zug (?:werfen|springen|zu werfen)|"
        r"aus dem fenster (?:springen|zu springen)",
    ),
    _w(
        "tablett pillen",
        r"alle (?:meine )?(?:tabletten|pillen) (?:nehmen|schlucken|zu nehmen|zu schlucken)",
    ),
    _w("dosis", r"überdosis", after=r" (?:an )?(?:kaffee|koffein|zucker|arbeit)\b"),
    # "Ich will verschwinden" is crisis; "für eine Weile" makes it soft distress.
    _w("verschwind", _DE_WANT + _DE_ADV + r" verschwinden|für immer verschwinden"),
    _w(
        "vermiss",
        r"(?:niemand|keiner) würde mich vermissen|würde mich (?:niemand|keiner) vermissen",
    ),
)

_FR_WANT = (
    r"(?:j'?)?(?:veux|veu|veut|voudrais|voudrai|aimerais|préférerais|préfère|envie de|envie d'|"
    r"envi de|besoin de)"
)
_FR_ADV = (
    r"(?: (?:juste|vraiment|tellement|simplement|seulement|presque|parfois|souvent|encore|"
    r"tout simplement|bien))*"
)
_FR_IDIOMS = (
    r" (?:de |d')(?:honte|rire|faim|soif|chaud|froid|ennui|fatigue|envie|impatience|peur|"
    r"stress)\b| que\b"
)
# "Ça va me tuer", "cet entretien va me tuer": the idiom for stress.
_FR_THIRD_PERSON = r"\b(?:va|vont|vas|allait|pourrait|peut|risque de|finira par|finit par) $"
# "Me tuer à la tâche": working oneself to death.
_FR_WORKING = (
    r" (?:à|au) (?:la tâche|le travail|travailler|bosser|force|essayer|chercher|postuler|"
    r"réviser)\b"
)

_CRISIS_FR: tuple[_Pattern, ...] = (
    _w("mour crev", _FR_WANT + _FR_ADV + r"\s*(?:mour+i+r+e?|crever)", after=_FR_IDIOMS),
    _w("tuer", r"me tuer(?:ai|ais)?", before=_FR_THIRD_PERSON, after=_FR_WORKING),
    _w(
        "finir",
        r"en finir",
        after=(
            r"(?: \w+)? avec (?!(?:la vie|ma vie|tout|moi|cette vie|l'existence|mes jours|"
            r"tout ça)\b)"
        ),
    ),
    _w(
        "vivre",
        r"(?:ne |n')?(?:veux|veu|veut|voudrais) (?:plus|pas) vivre|"
        r"(?:j'|n')?ai (?:plus|pas|aucune) (?:d'|de |aucune )?envie de vivre|"
        r"(?:plus|pas|aucune|aucun) (?:de |d')?(?:raisons?|motifs?) de vivre|"
        r"(?:plus|pas) (?:la )?force de vivre",
        after=r" (?:à|au|en|ici|là-bas|avec|chez|dans)\b",
    ),
    _w(
        "vie peine",
        r"(?:la|ma) vie (?:ne vaut|vaut) (?:pas|plus) la peine|"
        r"ne vaut (?:pas|plus) la peine d'être vécue|"
        r"(?:la|ma) vie n'a (?:plus|aucun|pas) (?:de |d'|aucun )?sens",
    ),
    _w(
        "continu",
        r"(?:(?:ne |n')?(?:peux|peu|peut) plus continuer|"
        r"(?:peux|peu|peut|arrive) (?:pas|plus) (?:à )?continuer (?:comme ça|à vivre|ainsi))",
        ends=_END_FR,
    ),
    _w("sans moi", r"mieux sans moi", ends=_END_FR),
    _w(
        "mort",
        r"(?:serais|serait|serai|serions) mieux morte?s?|mieux morte?|"
        r"(?:préférerais|voudrais|veux|aimerais) être morte?",
        after=r" que\b",
    ),
    _w("naitre etre", r"ne (?:jamais|pas) (?:naître|être née?)"),
    _w(
        "exist etre",
        r"(?:ne |n')?(?:veux|veu|veut|voudrais) plus être là|(?:ne |n')?(?:veux|veu|veut|voudrais)"
        r" (?:plus|pas) (?:exister|être en vie)|ne plus exister|(?:arrêter|cesser) d'exister",
        ends=_END_FR,
    ),
    _w(
        "reveill toujours",
        r"(?:ne )?(?:plus|jamais) (?:me )?réveiller|"
        r"dormir (?:pour toujours|et ne (?:plus|jamais) (?:me )?réveiller)",
        after=r" (?:tôt|tard|à \d|avant|pour|demain matin)\b",
    ),
    # "Je veux disparaître" is crisis; "un moment", "quelques jours" make it soft distress.
    _w(
        "dispar",
        _FR_WANT + _FR_ADV + r" disparaître(?: pour toujours| à jamais| définitivement)?|"
        r"disparaître (?:pour toujours|à jamais|définitivement)",
        after=r" (?:un|une|quelques|pendant|de|du|des|sous|dans|en|au|à)\b",
    ),
    _w("mal", r"me faire (?:du )?mal(?: exprès)?", after=r" (?:au|à la|à l'|en|pendant|avec)\b"),
    _w("scarif mutil", r"(?:me )?scarifi\w*|(?:m')?automutil\w*|auto-?mutil\w*"),
    _w(
        "veines poignets couper coupe",
        r"(?:me )?(?:couper|ouvrir|taillader|trancher) les (?:veines|poignets)|"
        r"me (?:couper|coupe|suis coupée?) (?:encore|à nouveau|de nouveau|exprès)|"
        r"recommencé à me couper",
    ),
    _w(
        "sauter jeter balancer lancer",
        r"(?:sauter|me jeter|me balancer|me lancer) (?:d'un|d'une|du|de la|de l'|par la|sous un|"
        r"sous une|sous le|devant un|devant le|du haut d'un|du haut du|du haut de la)\s*"
        r"(?:pont|immeuble|toit|fenêtre|balcon|falaise|train|métro|rer|voiture|tour|camion)",
    ),
    _w("pendre", r"me pendre"),
    _w(
        "medic medoc cachet pilule comprim",
        r"(?:avaler|prendre|pris|avalé) (?:tous|toutes) (?:mes|les) "
        r"(?:médicaments|médocs|cachets|pilules|comprimés)",
    ),
    _w("surdose", r"surdose"),
    _w("foutre", r"me foutre en l'?\s*air"),
    _w(
        "personne",
        r"je (?:ne )?manquerais à personne|personne ne me regretterait|"
        r"personne ne (?:remarquerait|verrait) si je (?:mourais|disparaissais|n'étais plus là)",
    ),
)

_PT_WANT = (
    r"(?:quero|qro|kero|qero|queria|quiria|preciso|vontade de|tô com vontade de|"
    r"estou com vontade de|desejo|gostaria de)"
)
_PT_ADV = r"(?: (?:só|apenas|muito|mesmo|de verdade|às vezes|já|simplesmente|realmente))*"
_PT_IDIOMS = (
    r" de (?:vergonha|rir|tédio|fome|calor|frio|sono|saudade|inveja|medo|ansiedade|raiva|"
    r"cansaço)\b"
)
# "Me matar de estudar", "me matar trabalhando": working oneself to death.
_PT_WORKING = r" (?:de|trabalhando|estudando|pra|para|com)\b"

_CRISIS_PT: tuple[_Pattern, ...] = (
    _w("mor", _PT_WANT + _PT_ADV + r" (?:morrer|morre|morer)", after=_PT_IDIOMS),
    _w(
        "mort",
        _PT_WANT + _PT_ADV + r" (?:estar )?mort[oa]|(?:preferia|prefiro) estar mort[oa]|"
        r"(?:estaria|ficaria) melhor mort[oa]|melhor mort[oa]",
        after=r" (?:do que|que)\b",
    ),
    # First person only: "essa entrevista vai me matar" is the idiom for stress.
    _w(
        "matar mato",
        r"(?:vou|vo|quero|qro|kero|queria|penso em|pensando em|pensei em|vontade de|devia|"
        r"deveria|tentar|tentei|ia|preciso|decidi|planejo|planejando|vou acabar) me matar|"
        r"matar-me|eu me mato",
        after=_PT_WORKING,
    ),
    _w("vida", r"(?:tirar|acabar com) (?:a )?minha (?:própria )?vida|tirar a própria vida"),
    _w("tudo", r"acabar com tudo", after=r" (?:o|a|os|as)\b"),
    _w(
        "viv",
        r"(?:não|n|naum) (?:quero|qro|kero|aguento|consigo) (?:mais )?(?:viver|continuar vivendo|"
        r"continuar a viver)(?: mais)?",
        after=r" (?:em|aqui|lá|com|perto|longe|no|na|nessa|nesse|neste|nesta)\b",
    ),
    _w(
        "viv",
        r"(?:sem|não tenho|n tenho|nenhum|nenhuma) (?:mais )?(?:razão|razões|motivo|motivos|"
        r"vontade) (?:pra|para|de) viver",
    ),
    _w("vale", r"(?:a|minha) vida não vale a pena|não vale a pena viver"),
    _w(
        "sentido",
        r"(?:não vejo|sem) (?:mais )?sentido (?:na|em) (?:minha )?vida|"
        r"(?:a|minha) vida (?:não tem|perdeu o) (?:mais )?sentido",
    ),
    _w("aqui", r"(?:não|n) (?:quero|qro) (?:mais )?estar aqui(?: mais)?", ends=_END_PT),
    _w(
        "continu",
        r"(?:(?:não|n) (?:consigo|aguento) mais continuar|"
        r"(?:não|n) (?:consigo|aguento) continuar assim)",
        ends=_END_PT,
    ),
    _w("sem mim", r"melhor sem mim", ends=_END_PT),
    _w("nascido", r"(?:nunca|não) ter nascido"),
    _w("exist", r"(?:não|n) (?:quero|qro) (?:mais )?existir|(?:parar|deixar) de existir"),
    _w(
        "acord",
        r"(?:dormir|durmir) e (?:não|nunca mais) acordar|(?:não|nunca mais) acordar mais|"
        r"(?:quero|queria|qro) (?:não|nunca mais) acordar",
        after=r" (?:cedo|tarde|a tempo|às)\b",
    ),
    # "Quero sumir" is crisis; "um tempo", "uns dias" make it soft distress.
    _w(
        "sumir desaparec",
        _PT_WANT + _PT_ADV + r" (?:sumir|desaparecer)(?: pra sempre| para sempre| do mapa)?",
        after=r" (?:um|uma|uns|umas|por|pra|para|do|da|de|no|na)\b",
    ),
    _w("viver", r"(?:cansad[oa]|exaust[oa]|farto|farta) de viver"),
    _w(
        "cort",
        r"me cortar (?:de novo|outra vez|denovo)|voltei a me cortar|"
        r"me cortei (?:de novo|outra vez)|cortar (?:os|meus) pulsos",
    ),
    _w(
        "machuc ferir",
        r"me (?:machucar|ferir)",
        before=r"\b(?:vai|vão|pode|podem) $",
        after=r" (?:na|no|jogando|correndo|treinando|sem querer)\b",
    ),
    _w("mutila autoles", r"auto-?\s*mutila\w*|autoles\w*"),
    _w(
        "pular jogar atirar",
        r"(?:pular|me jogar|me atirar) (?:de|da|do|de uma|de um|na frente de|na frente do|"
        r"na frente da|embaixo de|embaixo do|pela) (?:\w+ )?(?:ponte|prédio|janela|telhado|sacada|"
        r"trem|metrô|carro|ônibus|viaduto|caminhão)",
    ),
    _w("enforc", r"me enforcar"),
    _w(
        "remed comprim pilul",
        r"(?:tomar|tomei|engolir|engoli) (?:todos os|todas as) (?:meus |minhas )?"
        r"(?:remédios|comprimidos|pílulas)",
    ),
    _w(
        "falta",
        r"ninguém (?:ia|iria|vai) sentir (?:a )?minha falta|ninguém sentiria (?:a )?minha falta",
    ),
)

# Russian. Verbs come in many forms, so a phrase lists the ones people write: "хочу/хочется/
# хотелось бы", "умереть/сдохнуть", masculine and feminine ("устал/устала"), perfective and
# imperfective ("убить/убивать"), first-person future ("убью себя", "покончу с собой"), and the
# common misspellings ("хочеться", "хочу умиреть"). Past tenses that could be about someone else
# ("он покончил с собой") are left out, as "killed himself" is in English.
_END_RU = (
    r"(?=\s*(?:$|[^\w\s']|(?:уже|вообще|совсем|правда|честно|реально|серьезно|сейчас|сегодня|"
    r"больше|и|но|а|потому|так|блин|капец|короче|типа|ну|просто|наверное|кажется|походу|ага|"
    r"да|лол|хах\w*|ахах\w*|пипец|жесть|никак|вот|же|очень|уж|если честно)\b))"
)
_RU_WANT = (
    r"(?:хочу|хочю|хачу|хочется|хочеться|хочится|хочица|хочеца|хочет ?ся|хотелось бы|"
    r"хотелось|хотела бы|хотел бы|хотела|хотел|охота|желаю|мечтаю|тянет|пора бы|пора|"
    r"лучше бы|лучше б|лучше)"
)
_RU_ADV = (
    r"(?: (?:просто|уже|очень|так|сильно|иногда|часто|реально|правда|прям|прямо|лишь|только|"
    r"наконец|бы|уж|вообще|тупо|сейчас|сегодня|снова|опять|порой|постоянно|ужасно|безумно|"
    r"честно|серьезно|даже|я|мне|меня|взять и|пойти и))*"
)
_RU_DIE = (
    r"(?:умереть|умиреть|помереть|умирать|сдохнуть|здохнуть|издохнуть|подохнуть|"
    r"уйти из жизни|перестать существовать|(?:уснуть|заснуть) навсегда|убиться|убить себя|"
    r"покончить с собой|покончить с жизнью|выпилиться|самовыпилиться|самоубиться|"
    r"суициднуться|роскомнадзорнуться|повеситься|вздернуться|застрелиться|утопиться|"
    r"отравиться|вскрыться|вскрыть вены)"
)
# Dying "of shame, of laughter, of boredom" is an idiom, as in the other languages; dying "за эту
# работу" or "на работе" is hyperbole, "лучше умереть, чем..." too. ("Готова умереть" is not
# read as wanting to die: it is nearly always "готова умереть, но сделать...".)
_RU_IDIOMS = (
    r" (?:от|со|с) (?:стыда|смеха|смеху|скуки|голода|жары|любопытства|усталости|страха|"
    r"смущения|зависти|нетерпения|жажды|холода|кринжа|тоски|неловкости|счастья|восторга|"
    r"умиления|нервов|ожидания)\b| за\b|,? чем\b| в (?:старости|бою|своей постели|окружении)\b|"
    r" (?:молодым|молодой|счастливым|счастливой|стариком|старушкой|своей смертью)\b|"
    r" (?:из|в|на) (?:чата|группы|беседы|соцсетей|сети|телеграма|канала)\b| можно\b|"
    r" (?:на|за) (?:работе|работой|этой работе|учебе)\b| на (?:турнике|перекладине)\b"
)
# Where one lives ("не хочу жить в Москве", "жить не могу без кофе") isn't wanting not to live.
_RU_LIVE_AFTER = (
    r" (?:в|во|на|с|со|у|под|рядом|там|здесь|тут|за|около|вместе|одна|один|отдельно|без|при|по|"
    r"напротив|далеко|близко|впроголодь|от зарплаты|как|по-старому)\b"
)
_RU_LIVE_MORE = r"(?: (?:на этом свете|в этом мире|больше|дальше|так|вообще|уже|совсем))*"
# "Убиваю себя работой", "наврежу себе этим отказом": wearing oneself out, not self-harm.
_RU_WORKING = (
    r" (?:работой|работою|на работе|учебой|переработк\w*|подготовк\w*|диет\w*|спортом|в зале|"
    r"трудом|кофе|энергетик\w*|сигаретами|этим|этой|этими|тем|таким|такой|своим|своей|если|"
    r"отказом|резюме|откликом|поведением|мыслями|сомнениями)\b"
)

_CRISIS_RU: tuple[_Pattern, ...] = (
    # --- Wanting to die ---------------------------------------------------------------------
    _w(
        "хоч хач хот охот жела мечта тянет пора лучш",
        _RU_WANT + _RU_ADV + r" " + _RU_DIE,
        after=_RU_IDIOMS,
    ),
    _w(
        "мер мира дох убит убить поконч выпил пове застрел утоп",
        _RU_DIE + r"(?: (?:я|мне|так|очень|просто|уже|реально))* (?:хочу|хочется|хочеться|"
        r"хочю|охота|хотелось бы)",
        after=_RU_IDIOMS,
    ),
    _w(
        "хоч хач хот охот жела мечта тянет пора лучш",
        _RU_WANT + _RU_ADV + r" (?:не жить|не существовать)" + _RU_LIVE_MORE,
        after=_RU_LIVE_AFTER,
    ),
    _w(
        "хоч хач хот охот жела мечта тянет пора лучш",
        _RU_WANT + _RU_ADV + r" (?:в окно|в могилу|(?:(?:уйти|отправиться) )?на тот свет)",
        ends=_END_RU,
    ),
    _w(
        "знаю уверен",
        r"не (?:знаю|уверена?|уверен),? (?:(?:хочу|хочется|стоит|зачем|для чего) )(?:ли )?"
        r"(?:я |мне )?(?:вообще |дальше |больше )?жить" + _RU_LIVE_MORE,
        after=_RU_LIVE_AFTER,
    ),
    _w(
        "жит существ",
        r"(?:не|ни) (?:хочу|хочю|хочется|хочеться|хочица|хочеца|хочет ?ся|хотелось бы|желаю|"
        r"могу|смогу)(?: (?:больше|уже|дальше|так|вообще|совсем|я|мне|никак|просто|"
        r"на этом свете))* (?:жить|существовать)" + _RU_LIVE_MORE + r"|"
        r"жить (?:(?:мне|я|больше|уже|так|совсем|вообще|дальше|просто) )*(?:не|ни) "
        r"(?:хочу|хочю|хочется|хочеться|хочица|хочеца|могу|желаю|хотелось бы)|"
        r"(?:нет|нету|не вижу|не осталось|не остается) (?:(?:больше|уже|никакого|никакой|"
        r"никаких|особого|ни|мне) )*(?:смысла|смысл|причин|причины|повода|желания|сил|стимула) "
        r"(?:(?:мне|больше|дальше|уже|вообще) )*(?:жить|существовать)" + _RU_LIVE_MORE + r"|"
        r"(?:смысла|причин|сил|желания) (?:жить|существовать) (?:(?:больше|уже|у меня|совсем|"
        r"вообще) )*(?:нет|нету|не осталось|не вижу)|"
        r"(?:зачем|для чего|какой смысл|в чем смысл) (?:(?:мне|вообще|дальше|ещё|тогда|так|я|это|"
        r"же|мне вообще) )*(?:жить|существовать)" + _RU_LIVE_MORE + r"|"
        r"(?:незачем|не зачем|не за чем|не для чего|не ради чего|не для кого|не ради кого) "
        r"(?:(?:мне|больше|уже|дальше|вообще) )*жить" + _RU_LIVE_MORE,
        after=_RU_LIVE_AFTER,
    ),
    _w(
        "жит",
        r"(?:устала?|устал|устали|устаю) (?:(?:так|уже|очень|просто|ужасно|смертельно) )*жить",
        after=_RU_LIVE_AFTER,
    ),
    _w(
        "смысл",
        r"(?:моя |эта |вся моя )?жизнь (?:(?:больше|уже|совсем|вообще|просто) )*не имеет "
        r"(?:(?:никакого|больше|уже) )*смысла|в (?:моей |этой )?жизни (?:(?:больше|уже|совсем|"
        r"просто) )*(?:нет|нету) (?:(?:никакого|больше) )*смысла|"
        r"(?:моя |эта )?жизнь (?:потеряла|утратила) (?:всякий |весь )?смысл|"
        r"(?:потеряла?|потерял|утратила?|утратил) (?:всякий |весь )?смысл (?:в )?жизни|"
        r"не вижу (?:никакого |больше |уже )*смысла в (?:своей |моей |этой )?жизни|"
        r"смысла в (?:моей |этой )?жизни (?:больше |уже )*(?:нет|нету)",
    ),
    _w(
        "жизнь",
        r"(?:моя )?жизнь (?:(?:больше|уже|совсем|вообще) )*ничего не стоит",
        ends=_END_RU,
    ),
    # --- Killing oneself -------------------------------------------------------------------
    _w(
        "себя",
        r"(?:убить|убью|убиваю|убивать|убила бы|убил бы|прикончить|прикончу|порешить|порешу|"
        r"угробить|угроблю) себя|себя (?:убить|убью|убивать|прикончить|прикончу|порешить|"
        r"угробить|угроблю)",
        after=_RU_WORKING,
    ),
    _w("убью", r"убьюсь", after=r" (?:об|о|от|со|с|можно|нафиг|головой)\b"),
    _w(
        "поконч",
        r"(?:покончить|покончу|покончила бы|покончил бы|кончить|кончу) с (?:собой|жизнью)",
    ),
    _w("поконч", r"(?:покончить|покончу) со всем(?: этим)?", ends=_END_RU),
    _w(
        "руки",
        r"(?:наложить|наложу|наложила бы|наложил бы) на себя руки|руки на себя (?:наложить|наложу)",
    ),
    _w("счет", r"(?:свести|сведу) сч[её]ты с жизнью"),
    _w("лиш", r"(?:лишить|лишу) себя жизни"),
    _w("уйду", r"уйду из жизни"),
    _w("жизнь", r"жизнь (?:больше |уже )*не стоит того", after=r",? чтобы\b"),
    _w(
        "самоуб суицидн выпил роскомнадз",
        r"самоубьюсь|суициднусь|выпилюсь|самовыпил\w*|роскомнадзорнусь",
        after=r" (?:из|с)\b",
    ),
    _w("выпил", r"выпилиться", after=r" (?:из|с)\b"),
    _w(
        "пове вздерн",
        r"повеситься|повешусь|вздернуться|вздернусь",
        after=r" (?:можно|впору|на (?:шею|стену|доску|турнике|перекладине))\b",
    ),
    _w(
        "застрел пулю",
        r"застрелиться|застрелюсь|(?:пустить|пущу) себе пулю в (?:лоб|висок)",
        after=r" можно\b",
    ),
    _w("утоп", r"утопиться|утоплюсь", after=r" (?:можно|в (?:работе|делах|слезах|долгах))\b"),
    _w(
        "вены вскро",
        r"(?:вскрыть|вскрою|вскрываю|вскрывать|резать|режу|порезать|порежу|перерезать|перережу|"
        r"вскрыла|порезала|перерезала)(?: себе)? вены|вскроюсь",
    ),
    _w(
        "крыш мост балкон этаж высот небоскреб окн обрыв скал",
        r"(?:прыгнуть|прыгну|спрыгнуть|спрыгну|сброситься|сброшусь|броситься|брошусь|кинуться|"
        r"кинусь|шагнуть|шагну|сигануть|сигану|выпрыгнуть|выпрыгну|выброситься|выброшусь)"
        r" (?:с|со|из|в) (?:\w+ )?(?:крыши|моста|балкона|многоэтажки|высотки|этажа|небоскреба|"
        r"окна|окно|обрыва|скалы)|(?:выйти|выйду|выйду просто) в окно",
    ),
    _w(
        "под",
        r"(?:броситься|брошусь|кинуться|кинусь|прыгнуть|прыгну|шагнуть|шагну) под "
        r"(?:поезд|машину|электричку|колеса|трамвай|грузовик|фуру|метро|автобус)",
    ),
    _w(
        "наглот",
        r"(?:наглотаться|наглотаюсь|наглоталась|наглотался) (?:\w+ )?(?:таблеток|снотворного|"
        r"колес|лекарств|таблетками|антидепрессантов)",
    ),
    _w(
        "таблет снотвор лекарств колес антидепресс",
        r"(?:выпить|выпью|съесть|съем|принять|приму|сожрать|сожру) (?:все|всю|пачку|упаковку|"
        r"горсть|кучу|целую пачку|целую упаковку|разом все)(?: \w+)? (?:таблетки|таблеток|"
        r"снотворного|снотворное|лекарства|лекарств|колеса|колес|антидепрессанты|"
        r"антидепрессантов)|(?:коплю|копить|накопила|накопил) (?:\w+ )?(?:таблетки|таблеток|"
        r"снотворное|снотворного)",
    ),
    _w(
        "передоз",
        r"передоз\w*",
        after=r" (?:кофеин|кофе|сахар|информаци|работ|энергетик|сериал|мемами)\w*",
    ),
    # --- Self-harm ---------------------------------------------------------------------------
    _w(
        "реж рез",
        r"(?:режу|резать|порезать|порежу|порезала|порезал|резала|резал|изрезать|изрезала|"
        r"исполосовать|исполосовала) (?:себя|себе (?:руки|запястья|ноги|бедра|кожу)|руки|"
        r"запястья)",
        after=r" (?:случайно|нечаянно|ножом когда|бумагой|при бритье|пока готовил\w*|на кухне)\b",
    ),
    _w(
        "реж рез",
        r"(?:снова |опять |я )?режусь|(?:снова|опять|начала|начал|снова начала|опять начала) "
        r"(?:резаться|резать себя|себя резать|наносить себе порезы)",
        after=r" (?:в|во|об|о|с|со)\b",
    ),
    _w("порез", r"(?:наношу|наносить|нанесла) себе (?:порезы|раны|повреждения|травмы)"),
    _w("селфхарм самоповрежд", r"селф-?харм\w*|самоповрежд\w*"),
    _w(
        "себе",
        r"(?:причиняю|причинить|причиню|причиняла) себе (?:боль|вред)|"
        r"(?:сделать|сделаю) себе больно|(?:навредить|наврежу) себе|себе (?:навредить|наврежу)|"
        r"себе больно сделать",
        after=_RU_WORKING,
    ),
    # --- Better off without me, never born, not waking up ------------------------------------
    _w(
        "без мен",
        r"(?:(?:всем|им|миру|семье|родителям|маме|команде|близким|людям|друзьям|всему миру|"
        r"окружающим|всем вокруг) )?(?:(?:будет|было бы|станет|стало бы|жилось бы) )?"
        r"(?:только )?(?:лучше|легче|проще|спокойнее) без меня|без меня (?:(?:всем|им|миру|"
        r"всему миру|людям|близким) )?(?:(?:будет|было бы|станет|стало бы) )?(?:только )?"
        r"(?:лучше|легче|проще|спокойнее)",
    ),
    _w(
        "родил рожда появлял",
        r"лучше бы я (?:вообще )?не (?:родился|родилась|рождался|рождалась|появлялся на свет|"
        r"появлялась на свет)|зачем я (?:вообще )?(?:родился|родилась)|"
        r"(?:жаль|жалко|жалею),? что я (?:вообще )?(?:родился|родилась)",
    ),
    _w(
        "не было не стало",
        r"лучше б(?:ы)? меня (?:просто |вообще |совсем )?не было|"
        r"(?:хочу|хочется|хотелось бы|мечтаю),? чтобы меня (?:просто |вообще |больше )?"
        r"(?:не было|не стало)|было бы лучше,? если бы меня не было",
    ),
    _w("умер сдох", r"лучше бы я (?:умерла|умер|сдохла|сдох)", after=_RU_IDIOMS),
    _w(
        "никто",
        r"никто не (?:заметит|заметил бы|расстроится|расстроился бы|заплачет|вспомнит),? "
        r"(?:если|когда) я (?:умру|исчезну|пропаду|покончу с собой|не проснусь|сдохну)|"
        r"(?:если|когда) я (?:умру|исчезну|сдохну|пропаду),? никто (?:не )?(?:заметит|"
        r"расстроится|заплачет|будет скучать|вспомнит)|никто (?:по мне|обо мне) не "
        r"(?:будет скучать|заплачет|вспомнит)|никто не (?:будет скучать|заплачет) по мне",
        ends=_END_RU,
    ),
    _w(
        "просн просып навсегда",
        r"(?:уснуть|заснуть|лечь спать|усну|засну) и (?:больше |никогда )?не "
        r"(?:проснуться|просыпаться|проснусь)|не проснуться (?:больше|никогда|утром)|"
        r"(?:хочу|хочется|хочеться|хотелось бы|надеюсь|мечтаю|лучше бы) (?:(?:просто|больше|"
        r"завтра|утром|уже|никогда) )*не (?:проснуться|просыпаться)|"
        r"больше не (?:просыпаться|проснуться)|(?:уснуть|заснуть) (?:навсегда|вечным сном)",
        after=r" (?:рано|вовремя|к|в|во|до|после|от будильника|по)\b",
    ),
    # Wanting to disappear is crisis; "на время", "ненадолго" make it soft distress, and
    # disappearing "из соцсетей" or "в отпуск" is neither (as "I want to disappear" in English).
    _w(
        "исчез пропа раствор испар",
        _RU_WANT + _RU_ADV + r" (?:исчезнуть|пропасть|раствориться|испариться)"
        r"(?: навсегда| насовсем| с лица земли| из этого мира| из жизни)?",
        after=r" (?:на|из|с|со|в|во|под|ненадолго|до|от|ото|отсюда|куда|туда)\b",
    ),
    _w("существ", r"(?:перестать|перестану|прекратить) существовать"),
    _w(
        "смерт",
        r"(?:думаю|думала|думал|задумываюсь|мысли|мыслей|мечтаю|мечтала|мечтал) "
        r"(?:(?:постоянно|часто|все время|опять|снова|только|иногда|серьезно) )*о (?:(?:своей|"
        r"собственной) )?смерти",
        ends=_END_RU,
    ),
    # --- Russian typed in Latin letters --------------------------------------------------------
    _w(
        "hoch hochu xoch khoch 4och",
        r"(?:hochu|hochy|xochu|khochu|4ochu|hochetsya|hochetsa|xochetsya|khochetsya)"
        r"(?: (?:prosto|uzhe|uje|tak|ochen))* (?:umeret|umiret|sdohnut|sdoxnut|pomeret|"
        r"ubit'? ?seb(?:ya|ia|ja)|ubitsya|ubitsa|vypilitsya|vipilitsya|povesitsya|ne zhit|ne jit)",
        after=r" (?:ot|so|s) (?:styda|smeha|skuki)\b",
    ),
    _w(
        "zhit jit",
        r"(?:ne|ni) (?:hochu|xochu|khochu|hochetsya|hochetsa|xochetsya|khochetsya|mogu)"
        r"(?: (?:bolshe|bol'she|uzhe|uje|tak))* (?:zhit|jit)|(?:zhit|jit) (?:ne|ni) "
        r"(?:hochu|hochetsya|hochetsa|xochu|khochu)|(?:net|ne vizhu) smysla (?:zhit|jit)|"
        r"zachem (?:mne )?(?:zhit|jit)",
        after=r" (?:v|vo|na|s|so|u|zdes|tut|odna|odin|bez)\b",
    ),
    _w("pokonch", r"pokonch(?:it|u)'? s sobo[iyj]"),
    _w("seb", r"(?:ubit|ubyu|ubiu|ub'yu|ubju|ubivat)'? seb(?:ya|ia|ja)"),
    _w("suitsid samoubi", r"suitsid\w*|samoubi[iy]?stv\w*"),
    _w("vypil vipil", r"(?:vypil|vipil)(?:itsya|itsa|yus|us)", after=r" iz\b"),
    # --- Suicide named (checked against Russian negation: "я не суицидален") -------------------
    _w(
        "суицид суецид суисид самоуби",
        r"суицид\w*|суецид\w*|суисид\w*|самоубий?ств(?!енн)\w*|самоубий?ц\w*",
        before=(
            r"\b(?:карьерн\w*|профессиональн\w*|политическ\w*|социальн\w*|финансов\w*|"
            r"коммерческ\w*|экономическ\w*|репутационн\w*|отряд|отряда|отряду|отрядом)\s*$"
        ),
        after=r"\s+(?:для (?:карьеры|репутации|бизнеса|компании)|карьеры|карьерное)\b",
    ),
)

_CRISIS: tuple[_Table, ...] = (
    _Table(_CRISIS_EN, _negated_in_english, english=True),
    _Table(_CRISIS_NAMED, _negated_in_any_language, english=True),
    _Table(_CRISIS_ES, _SPANISH.negates),
    _Table(_CRISIS_DE, _GERMAN.negates),
    _Table(_CRISIS_FR, _FRENCH.negates),
    _Table(_CRISIS_PT, _PORTUGUESE.negates),
    _Table(_CRISIS_RU, _RUSSIAN.negates),
)

# ---------------------------------------------------------------------------------------------
# Soft distress (see "Soft distress, and the job talk it must leave alone" in the docstring)
# ---------------------------------------------------------------------------------------------

# The end of a thought in English: the phrase stands alone, or reaches everything.
_END_EN = (
    r"(?=\s*(?:$|[^\w\s']|(?:any\s*more|any\s+longer|at\s+all|anyway|honestly|really|lol|tbh|"
    r"now|today|tonight|and|but|so|because|cause|i|i'm|i've|either|whatsoever|like\s+this|"
    r"to\s+be\s+honest)\b))"
)
# After "no point", "what's the point": alone, or about everything, never about one task.
_POINTLESS_END = (
    r"(?=\s*(?:$|[^\w\s']|(?:any\s*more|any\s+longer|anyway|at\s+all|whatsoever|"
    r"(?:in|to|of|for)\s+(?:anything|it\s+all|any\s+of\s+(?:this|it)|everything|(?:even\s+)?"
    r"trying|going\s+on|getting\s+up|me|myself|life|my\s+life)|honestly|really|lol|tbh|now|"
    r"and|but|so|because|cause|i|i'm|i've|either)\b))"
)
_SELF_IS = (
    r"(?:i'm|i\s+am|(?:i\s+)?(?:feel|felt)|feeling|i've\s+been\s+feeling|i\s+have\s+been\s+"
    r"feeling|i've\s+felt|i\s+keep\s+feeling|i've\s+become|i\s+became|makes?\s+me\s+feel|"
    r"made\s+me\s+feel)"
)
_INTENSIFIERS = (
    r"(?:\s+(?:so|such|really|just|completely|totally|utterly|absolutely|pretty|very|kind\s+of|"
    r"kinda|sort\s+of|honestly|literally|actually|deeply|incredibly|fucking|damn|too|always|"
    r"still|truly|genuinely|a\s+bit|quite|increasingly|like|all|this))*"
)
# A self-judgement limited to a skill, task or event is job talk ("useless at negotiating").
_LIMITED = (
    r"\s*-\s*handed|\s+(?:at|in|with|when|during|on|about|for|compared)\b"
    r"(?!\s+(?:life|everything|anything|all|every\s+way|the\s+world)\b)"
)

_DISTRESS_EN: tuple[_Pattern, ...] = (
    # --- Hopelessness ---------------------------------------------------------------------------
    _p(
        "point",
        r"\b(?:no|not\s+(?:a|any|much)|isn't\s+(?:a|any)|(?:don't|do\s+not|can't|cannot|"
        r"couldn't)\s+see\s+(?:the|a|any)|lost\s+the)\s+point",
        ends=_POINTLESS_END,
    ),
    _p(
        "point",
        r"\bwhat(?:'s|s|\s+is|\s+was)\s+(?:even\s+)?the\s+point",
        ends=_POINTLESS_END,
    ),
    _p(
        "pointless meaningless hopeless",
        r"\b(?:it's|it\s+is|it\s+feels|it\s+all\s+(?:is|feels|seems)|everything(?:'s|\s+is|"
        r"\s+feels|\s+seems)|life(?:'s|\s+is|\s+feels)|my\s+life(?:'s|\s+is|\s+feels)|"
        r"the\s+future\s+(?:is|feels|looks))\s+(?:so\s+|just\s+|completely\s+|totally\s+|"
        r"utterly\s+|all\s+)*(?:pointless|meaningless|hopeless)",
        ends=_END_EN,
    ),
    _p(
        "matter",
        r"\bnothing\s+(?:really\s+|even\s+|seems\s+to\s+|really\s+seems\s+to\s+)?matters?"
        r"(?:\s+to\s+me)?",
        ends=_END_EN,
    ),
    _p(
        "nothing",
        r"\bnothing\s+(?:makes\s+sense|feels\s+(?:real|good|right|worth\s+it)|helps)\s+"
        r"(?:any\s*more|any\s+longer)|\bnothing\s+(?:makes\s+me\s+happy|brings\s+me\s+joy)\b",
    ),
    _p(
        "care enjoy feel",
        r"\b(?:don't|do\s+not|can't|cannot)\s+(?:really\s+)?(?:care\s+about|enjoy|feel)\s+"
        r"(?:anything|anyone)\s+(?:any\s*more|any\s+longer)\b",
    ),
    _p(
        "hope",
        r"\b(?:lost|losing)\s+(?:all\s+)?hope(?:\s+in\s+(?:everything|life|myself|people|the\s+future))?"
        + _END_EN
        + r"|\bno\s+hope\s+(?:left|for\s+me)\b",
    ),
    _p(
        "giv gave",
        r"\b(?:give|given|giving|gave)\s+up\s+on\s+(?:everything|life|myself|it\s+all|"
        r"trying(?!\s+to\b)|the\s+future|being\s+happy|people|everyone|my\s+dreams|"
        r"ever\s+being\s+\w+)\b",
    ),
    _p(
        "giving",
        r"\bfeel(?:ing)?\s+like\s+giving\s+up"
        r"(?:\s+on\s+(?:everything|life|it\s+all))?",
        ends=_END_EN,
    ),
    _p(
        "done",
        r"\b(?:i'm|i\s+am)\s+(?:so\s+|just\s+|really\s+)?done\s+with\s+(?:everything|it\s+all|"
        r"everyone|people|trying(?!\s+to\b))\b",
    ),
    _p(
        "apart",
        r"\b(?:everything|my\s+(?:whole\s+)?life|i'm|i\s+am)\s+(?:is\s+|keeps\s+)?falling\s+apart\b",
    ),
    # "No way out" is soft distress, as "I feel trapped" is; in every language.
    _p(
        "way",
        r"\b(?:(?:can't|cannot|couldn't|don't|do\s+not)\s+see\s+(?:a|any)|see\s+no|"
        r"there's\s+no|there\s+is\s+no|there's\s+not\s+a|no)\s+way\s+out"
        r"(?:\s+of\s+(?:this|it\s+all|here|everything))?",
        ends=_END_EN,
    ),
    # --- "I can't do this anymore" ---------------------------------------------------------
    _p(
        "can couldn",
        r"\b(?:can't|cannot|couldn't|can\s+no\s+longer|can\s+barely)\s+(?:do|take|handle|bear|"
        r"stand|deal\s+with|cope\s+with|face|keep\s+doing)\s+(?:(?:this|it|any\s+of\s+(?:this|it))"
        r"\s+(?:any\s*more|any\s+longer|much\s+longer|no\s+more)|(?:anything|everything|life|"
        r"it\s+all)(?!\s+else\b)(?:\s+(?:any\s*more|any\s+longer))?)\b",
    ),
    _p(
        "can couldn",
        r"\b(?:can't|cannot|couldn't)\s+(?:cope|function|keep\s+pretending|go\s+on\s+pretending)"
        + _THOUGHT_ENDS,
    ),
    _p("can", r"\bi\s+(?:just\s+|really\s+|honestly\s+)?can't\s+(?:any\s*more|any\s+longer)\b"),
    _p(
        "not",
        r"\b(?:i'm|i\s+am)\s+(?:so\s+|just\s+|really\s+|honestly\s+)?not\s+(?:ok(?:ay)?|alright|"
        r"all\s+right|coping|doing\s+(?:ok(?:ay)?|well|good|great))",
        ends=_END_EN,
    ),
    # --- Worthlessness ----------------------------------------------------------------------
    _p(
        "worthless useless pathetic hopeless helpless broken numb hollow empty unlovable "
        "failure loser burden disappointment waste lonely inside",
        r"\b" + _SELF_IS + _INTENSIFIERS + r"\s+(?:worthless|useless|pathetic|hopeless|helpless|"
        r"broken|numb|hollow|empty|unlovable|lonely|(?:a|an)\s+(?:complete\s+|total\s+|utter\s+|"
        r"absolute\s+|huge\s+|massive\s+)?(?:failure|loser|burden|disappointment|"
        r"waste\s+of\s+(?:space|oxygen|air))|like\s+(?:a|an)\s+(?:complete\s+|total\s+)?"
        r"(?:failure|loser|burden|disappointment)|dead\s+inside|empty\s+inside)\b",
        after=_LIMITED,
    ),
    _p(
        "alone isolated trapped invisible",
        r"\b(?:(?:i\s+)?(?:feel|felt)|feeling|i've\s+been\s+feeling|i'm|i\s+am)\s+(?:so\s+|"
        r"really\s+|completely\s+|totally\s+|very\s+|just\s+)*(?:all\s+)?(?:alone|isolated|"
        r"trapped|invisible)(?:\s+in\s+(?:this|the\s+world))?",
        ends=_END_EN,
    ),
    _p(
        "nothing nobody",
        r"\b(?:i'm|i\s+am|i\s+feel\s+like)\s+(?:just\s+)?(?:nothing|a\s+nobody)",
        ends=_END_EN,
    ),
    _p(
        "hate loathe despise",
        r"\b(?:i\s+)?(?:really\s+|just\s+|honestly\s+|so\s+|fucking\s+)?(?:hate|loathe|despise)\s+"
        r"(?:myself|my\s+life|my\s+existence|who\s+i\s+am|being\s+me)\b",
        after=r"\s+(?:for|because\s+i\s+(?:didn't|forgot|said|missed))\b",
    ),
    # --- Exhaustion -------------------------------------------------------------------------
    _p(
        "tired sick exhausted weary drained fed worn",
        r"\b(?:tired|sick|exhausted|weary|drained|fed\s+up|worn\s+out)\s+(?:of|with|by|from)\s+"
        r"(?:everything|it\s+all|all\s+of\s+(?:it|this)|life|my\s+life|trying(?!\s+to\b)|"
        r"fighting|struggling|being\s+(?:me|myself|like\s+this)|feeling\s+(?:like\s+this|"
        r"this\s+way)|this\s+life|pretending)\b",
        after=r"\s+(?:about|at|in)\s+(?:this|the|my)\s+(?:process|search|job|application)",
    ),
    _p(
        "tired exhausted drained worn wiped",
        r"\b(?:tired|exhausted|drained|worn\s+out|wiped\s+out)\s+(?:all\s+the\s+time|"
        r"every\s+(?:single\s+)?day|constantly|24/7|no\s+matter\s+how\s+much\s+i\s+sleep)\b",
    ),
    _p(
        "energy",
        r"\b(?:no|zero)\s+energy\s+(?:for\s+anything|any\s*more|to\s+do\s+anything|left"
        + _END_EN
        + r")",
    ),
    # --- Sleep, food, bed, tears ------------------------------------------------------------
    _p(
        "slept sleep eaten eat",
        r"\b(?:haven't|have\s+not|hasn't|not|barely|hardly|can't|cannot|couldn't|unable\s+to)\s+"
        r"(?:been\s+)?(?:slept|sleeping|sleep|eaten|eating|eat)\s+(?:properly\s+|well\s+|"
        r"at\s+all\s+|much\s+|right\s+)?(?:in|for)\s+(?:days|weeks|months|ages|forever|"
        r"a\s+(?:week|month|while|long\s+time)|(?:\d+|two|three|four|five|several|many|"
        r"a\s+few)\s+(?:days|weeks|nights|months))\b",
    ),
    _p(
        "sleep eat",
        r"\b(?:can't|cannot|couldn't|haven't\s+been\s+able\s+to|not\s+able\s+to)\s+(?:sleep|eat)"
        r"\s+(?:any\s*more|at\s+all|properly\s+any\s*more)\b",
    ),
    _p(
        "bed",
        r"\b(?:can't|cannot|couldn't|can\s+barely|could\s+barely|struggl(?:e|ing)\s+to|"
        r"hard\s+to|haven't|hadn't|haven't\s+(?:got|gotten)|don't\s+want\s+to|no\s+reason\s+to)\s+"
        r"get\s+out\s+of\s+bed\b",
        after=r"\s+(?:before|until|till|early|on\s+time|at\s+\d|for\s+(?:the|my|an?)\s+\w+)\b",
    ),
    _p(
        "left out",
        r"\bhaven't\s+(?:left|been\s+out\s+of)\s+(?:the\s+house|my\s+(?:room|flat|apartment|"
        r"house|bed)|bed)\s+(?:in|for)\s+(?:days|weeks|ages|a\s+(?:week|while))\b",
    ),
    _p(
        "cry cried",
        r"\b(?:can't|cannot|couldn't)\s+stop\s+crying\b|\bcry(?:ing)?\s+(?:every\s+(?:single\s+)?"
        r"(?:day|night)|all\s+(?:the\s+time|day|night)|myself\s+to\s+sleep)\b|"
        r"\bcried\s+myself\s+to\s+sleep\b",
    ),
    # --- Withdrawal -------------------------------------------------------------------------
    _p(
        "disappear vanish hide hole away",
        r"\b(?:want|wanted|need|wish\s+i\s+could|i'd\s+like)\s+to\s+(?:just\s+)?(?:disappear|"
        r"vanish|crawl\s+into\s+a\s+hole|run\s+away(?:\s+from\s+(?:everything|it\s+all|"
        r"everyone))?(?=\s*(?:$|[^\w\s']|for|and|but|from))|hide(?:\s+from\s+(?:everyone|"
        r"everything|the\s+world|people)|\s+away|\s+under\s+the\s+covers)?" + _END_EN + r")",
        after=(
            r"[^.!?\n]*?\b(?:holiday|vacation|trip|getaway|beach|floor|ground|linkedin|"
            r"social\s+media|twitter|instagram|facebook)\b"
        ),
    ),
    _p(
        "see talk speak around",
        r"\b(?:don't|do\s+not|can't|cannot)\s+(?:want\s+to\s+|bear\s+to\s+|face\s+)?(?:see|seeing|"
        r"talk\s+to|talking\s+to|speak\s+to|be\s+around)\s+(?:anyone|anybody|people|my\s+friends|"
        r"my\s+family)\b",
        after=r"\s+(?:at|from|in|about|else|new|there|today|yet)\b",
    ),
    _p(
        "avoid ignor shut push isolat",
        r"\b(?:i've|i\s+have|i)\s+(?:been\s+)?(?:avoiding|ignoring|shutting\s+out|pushing\s+away)\s+"
        r"(?:everyone|everybody|people|my\s+friends|my\s+family|all\s+my\s+friends)\b|"
        r"\b(?:i've|i\s+have)\s+(?:shut|pushed)\s+(?:everyone|everybody)\s+(?:out|away)\b|"
        r"\b(?:isolating\s+myself|i've\s+been\s+isolating)\b",
    ),
    _p(
        "care notice",
        r"\b(?:no\s*one|nobody|no\s+body)(?:'d|\s+(?:would|will|even|really|ever|actually|"
        r"truly))*\s+(?:care|cares|cared|notice|notices)(?:\s+about\s+me|\s+what\s+happens\s+"
        r"to\s+me|\s+how\s+i\s+feel|\s+if\s+i\s+(?:vanished|just\s+stopped|stopped\s+\w+ing))?",
        ends=_END_EN,
    ),
    _p(
        "one nobody",
        r"\bi(?:\s+have|'ve\s+got|\s+got)\s+(?:no\s*one|nobody)(?:\s+(?:left|else|any\s*more|"
        r"to\s+(?:talk\s+to|turn\s+to|lean\s+on)))?",
        ends=_END_EN,
    ),
)

_ES_SELF = (
    r"(?:me siento|me sentía|me sentí|me veo|soy|me he vuelto|me siento como)"
    r"(?: (?:tan|muy|un poco|realmente|totalmente|completamente|como|una|un|super|re))*"
)
_ES_LIMITED = r" (?:en|con|para|a la hora de|cuando|haciendo)\b(?! (?:la vida|todo)\b)"

_DISTRESS_ES: tuple[_Pattern, ...] = (
    _w(
        "puedo aguanto soporto",
        r"(?:ya )?no (?:puedo|aguanto|soporto)(?: más| ya)+"
        r"|(?:ya )?no (?:puedo|aguanto|soporto) (?:más )?con (?:todo|esto|nada|mi vida)",
        ends=_END_ES,
    ),
    _w(
        "sentido",
        r"(?:ya )?nada tiene sentido|no tiene sentido nada|(?:ya )?no (?:le )?(?:veo|encuentro) "
        r"sentido a nada|todo (?:es|parece) (?:un )?sin ?sentido|qué sentido tiene(?: todo| nada)?",
        ends=_END_ES,
    ),
    _w(
        "para",
        r"(?:y )?para qué(?: (?:seguir|intentarlo|intentar|esforzarme|levantarme|luchar|"
        r"seguir intentando))?(?=\s*(?:$|[?!.\u2026]))",
    ),
    _w(
        "sirve",
        r"de qué sirve(?: (?:todo|nada|seguir|intentarlo|esforzarme|luchar))?",
        ends=_END_ES,
    ),
    _w("importa", r"(?:ya )?nada (?:me )?importa", ends=_END_ES),
    _w(
        "siento sentia senti veo soy vuelto",
        _ES_SELF + r" (?:inútil|inútiles|un fracaso|una fracasada|un fracasado|fracasad[oa]|"
        r"una carga|un estorbo|una basura|una mierda|un desastre|nadie|insignificante|"
        r"vací[oa]|hundid[oa]|destrozad[oa]|rot[oa]|sin esperanza|sin valor|"
        r"un cero a la izquierda)",
        after=_ES_LIMITED,
    ),
    _w(
        "sol",
        r"(?:me siento|me sentía|estoy) (?:tan |muy |completamente )?sol[oa] en (?:el mundo|esto)|"
        r"me siento (?:tan |muy |completamente )?sol[oa]",
        ends=_END_ES,
    ),
    _w("valgo sirvo", r"no (?:valgo|sirvo) (?:nada|para nada)", ends=_END_ES),
    _w("odio", r"me odio|odio mi vida|(?:me )?odio a mí mism[oa]", after=r" por\b"),
    _w(
        "cansad hart agotad exhaust fundid",
        r"(?:cansad[oa]|hart[oa]|agotad[oa]|exhaust[oa]|fundid[oa]) de (?:todo|todo esto|"
        r"intentarlo|luchar|sentirme así|ser yo|mi vida|la vida)|"
        r"(?:cansad[oa]|agotad[oa]) (?:todo el tiempo|todos los días|siempre|constantemente)",
        after=r" (?:el|la|los|las|lo)\b",
    ),
    _w(
        "hace llevo",
        r"(?:hace|desde hace|llevo) (?:\w+ )?(?:días|semanas|meses) (?:que no (?:duermo|como)|"
        r"sin (?:dormir|comer|salir de casa))|no (?:duermo|como|he dormido|he comido|puedo dormir)"
        r"(?: bien| nada)? desde hace (?:\w+ )?(?:días|semanas|meses)",
    ),
    _w(
        "cama",
        r"no (?:me )?(?:puedo|consigo|logro) (?:levantar(?:me)?|salir) de la cama",
        after=r" (?:antes|temprano|a las)\b",
    ),
    _w(
        "llor",
        r"no (?:puedo )?(?:paro|dejo|parar|dejar) de llorar|"
        r"lloro (?:todos los días|todas las noches|todo el tiempo|cada día|cada noche)",
    ),
    _w(
        "nadie",
        r"no quiero (?:ver|hablar con) (?:a )?nadie|no quiero saber nada de nadie",
        after=r" (?:de|en|del) (?:la|el|esa|ese|esta|este)\b",
    ),
    _w(
        "nadie",
        r"a nadie le (?:importo|importaría)|nadie se daría cuenta|nadie me quiere|"
        r"a nadie le importa(?: lo que me pase)?",
        ends=_END_ES,
    ),
    _w(
        "desaparec",
        r"(?:quiero|quisiera|necesito|kiero)(?: (?:solo|solamente))? desaparecer (?:un rato|"
        r"un tiempo|por un tiempo|unos días|una temporada|por un rato|un poco)",
    ),
    _w(
        "rend rind toalla vencid",
        r"(?:me rindo|me he rendido|me rendí|tiro la toalla|me doy por vencid[oa]) "
        r"(?:con todo|en todo|con la vida)",
    ),
    _w(
        "salida escapatoria",
        r"no (?:veo|encuentro|le veo|hay|tengo) (?:ninguna |una )?(?:salida|escapatoria)|"
        r"sin salida",
        ends=_END_ES,
    ),
    _w(
        "esperanza",
        r"(?:he perdido|perdí) (?:toda )?(?:la )?esperanza|no (?:tengo|me queda|hay) "
        r"(?:ninguna )?esperanza(?: para mí)?",
        ends=_END_ES,
    ),
)

_DE_SELF = (
    r"(?:ich bin|bin|ich fühle mich|ich fühl mich|fühle mich|fühl mich|ich komme mir|komme mir)"
    r"(?: (?:so|total|völlig|echt|einfach|wirklich|nur|ziemlich|richtig|komplett|absolut))*"
)
_DE_LIMITED = r" (?:in|bei|im|beim|mit|zu)\b(?! (?:allem|leben)\b)"

_DISTRESS_DE: tuple[_Pattern, ...] = (
    _w("kann", r"(?:ich )?kann (?:einfach |echt |wirklich )?nicht mehr", ends=_END_DE),
    _w("will", r"ich will (?:einfach |echt )?nicht mehr", ends=_END_DE),
    _w("kraft", r"(?:ich habe|hab|habe) keine kraft mehr|mir fehlt die kraft", ends=_END_DE),
    _w(
        "sinn wozu soll",
        r"(?:es|das) hat (?:alles )?keinen sinn(?: mehr)?|(?:alles|es) ist (?:so )?sinnlos|"
        r"nichts (?:hat|macht) (?:mehr )?(?:einen )?sinn|wozu (?:das alles|noch|überhaupt)|"
        r"was soll das alles",
        ends=_END_DE,
    ),
    _w("egal", r"(?:mir ist )?alles egal(?: geworden)?", ends=_END_DE),
    _w(
        "bin mich mir",
        _DE_SELF + r" (?:wertlos|nutzlos|ein versager|eine versagerin|ein nichts|eine last|"
        r"nichts wert|überflüssig|hoffnungslos|leer|einsam|wie ein versager|"
        r"wie eine versagerin|wie eine last|wie ein nichts|unsichtbar)(?: vor)?",
        after=_DE_LIMITED,
    ),
    _w("allein", r"(?:fühle|fühl) mich (?:so |total |völlig |ganz )*allein", ends=_END_DE),
    _w("hass", r"ich hasse (?:mich|mein leben)(?: selbst)?", after=r" (?:dafür|für)\b"),
    _w(
        "satt leid von immer ndig zeit tag",
        r"(?:müde|erschöpft|kaputt) von allem|(?:habe|hab) (?:alles|das alles|das leben) "
        r"(?:so )?satt|bin (?:das alles|alles|das leben) (?:so )?leid|"
        r"(?:immer|ständig|die ganze zeit|jeden tag) (?:so )?(?:müde|erschöpft)",
    ),
    _w(
        "seit",
        r"(?:schlafe|schlaf|esse|ess) seit (?:\w+ )?(?:tagen|wochen|monaten) (?:nicht|kaum|nichts)"
        r"(?: mehr)?|seit (?:\w+ )?(?:tagen|wochen|monaten) (?:nicht|kaum) (?:mehr )?"
        r"(?:geschlafen|gegessen)|kann seit (?:\w+ )?(?:tagen|wochen|monaten) nicht (?:mehr )?"
        r"schlafen",
    ),
    _w(
        "bett",
        r"(?:komme|komm|kam) (?:morgens |kaum |einfach )?nicht (?:mehr )?aus dem bett|"
        r"schaffe es nicht (?:mehr )?aus dem bett",
    ),
    _w(
        "niemand keinen keinem",
        r"(?:will|möchte|mag) (?:niemanden|keinen) (?:mehr )?sehen|"
        r"(?:will|möchte|mag) mit (?:niemandem|keinem) (?:mehr )?reden",
    ),
    _w(
        "niemand keiner keinen",
        r"(?:niemand|keiner) (?:würde es|würde das|würde) (?:merken|interessieren|auffallen)|"
        r"es (?:interessiert|kümmert) (?:doch )?(?:niemanden|keinen)|ich habe niemanden(?: mehr)?",
        ends=_END_DE,
    ),
    _w(
        "verschwind",
        r"(?:will|möchte|würde gern|würde gerne)(?: (?:einfach|nur|mal))* (?:für |fur )?"
        r"(?:eine weile|eine zeit|ein paar tage|eine zeitlang|ein bisschen|kurz|mal) verschwinden",
    ),
    _w("gebe aufgegeben", r"gebe (?:einfach )?(?:alles|mich) auf|habe (?:alles|mich) aufgegeben"),
    _w(
        "wein",
        r"(?:kann|könnte) nicht (?:mehr )?aufhören zu weinen|"
        r"weine (?:jeden tag|jede nacht|ständig|die ganze zeit|nur noch)",
    ),
    _w(
        "hoffnung",
        r"(?:habe|hab) (?:jede|alle|die) hoffnung verloren|keine hoffnung mehr",
        ends=_END_DE,
    ),
    _w(
        "ausweg",
        r"(?:sehe|seh|gibt|gibt es|habe|hab) (?:einfach |echt |wirklich )?keinen ausweg"
        r"(?: mehr)?|keinen ausweg mehr|(?:ist|alles|scheint) (?:so |total |völlig )?ausweglos",
        ends=_END_DE,
    ),
)

_FR_SELF = (
    r"(?:je me sens|je me sentais|je suis|jsuis|j'suis|chui|chuis|je me trouve|me sens)"
    r"(?: (?:tellement|si|trop|vraiment|complètement|totalement|très|juste|un peu|super|"
    r"tout))*"
)
_FR_LIMITED = r" (?:en|à|au|aux|avec|pour|dans|chez|quand|sur)\b(?! (?:la vie|tout)\b)"

_DISTRESS_FR: tuple[_Pattern, ...] = (
    _w(
        "peux peu peut",
        r"(?:je )?(?:n'en|j'en|en) (?:peux|peu|peut) plus|je (?:ne )?(?:peux|peu|peut) plus",
        ends=_END_FR,
    ),
    _w(
        "marre",
        r"(?:(?:j'en ai|j'ai|en ai|jen ai) )?marre de (?:tout|la vie|ma vie)",
        after=r" (?:ce|cette|ces|le|la|les)\b",
    ),
    _w(
        "quoi bon",
        r"à quoi bon(?: (?:continuer|essayer|se battre|me battre|tout ça|lutter))?",
        ends=_END_FR,
    ),
    _w(
        "sens compte intere utilit sert",
        r"(?:plus )?rien (?:n'a|na|ne a) (?:plus )?(?:de |aucun )?sens|"
        r"rien ne (?:compte|m'intéresse) plus|plus rien ne compte|"
        r"je (?:ne )?vois plus (?:l'intérêt|le sens|l'utilité) de rien|ça (?:ne )?sert à rien",
        ends=_END_FR,
    ),
    _w(
        "sens sentais suis trouve chui",
        _FR_SELF + r" (?:inutile|nul(?:le)?|une? (?:ratée?|échec|moins que rien|poids|fardeau|"
        r"bon à rien|bonne à rien|merde)|vide|minable|pathétique|sans valeur|de trop|"
        r"brisée?|désespérée?|au bout du rouleau)",
        after=_FR_LIMITED,
    ),
    _w(
        "seul",
        r"(?:je me sens|je me sentais|me sens|je suis (?:tellement|si|trop|très|complètement)) "
        r"(?:(?:tellement|si|trop|vraiment|complètement|très|super) )*seule?",
        ends=_END_FR,
    ),
    _w("vaux", r"(?:ne |n')?vaux rien", ends=_END_FR),
    _w(
        "deteste hais veux",
        r"je me (?:déteste|hais)|je (?:déteste|hais) ma vie|je m'en veux d'exister",
        after=r" (?:de|d'|pour)\b",
    ),
    _w(
        "fatigu epuis creve lass",
        r"(?:fatiguée?|épuisée?|crevée?|lassée?|lasse) de tout|"
        r"(?:fatiguée?|épuisée?) (?:tout le temps|en permanence|tous les jours|constamment)",
        after=r" (?:ce|cette|ces|le|la|les)\b",
    ),
    _w(
        "dor",
        r"(?:ne )?dors (?:plus|pas|presque pas|quasiment pas) depuis "
        r"(?:des|plusieurs|quelques|\d+) "
        r"(?:jours|semaines|mois|nuits)|(?:n'arrive|arrive|narrive) plus à dormir|"
        r"(?:ça fait|depuis) (?:des|plusieurs) (?:jours|semaines|mois) (?:que je (?:ne )?dors "
        r"(?:plus|pas)|sans dormir)",
    ),
    _w(
        "lever lit sors sort",
        r"(?:n'arrive|arrive|narrive|peux|peu|parviens) (?:pas|plus) à (?:me lever|sortir du lit|"
        r"sortir de mon lit|quitter mon lit)|(?:ne )?(?:sors|sort) plus (?:de chez moi|de mon lit|"
        r"du lit)",
        after=r" (?:avant|tôt|à \d)\b",
    ),
    _w(
        "personne",
        r"(?:ne )?(?:veux|veu|veut) (?:plus )?(?:voir|parler à) personne",
        after=r" (?:de|du|au|à) (?:la|le|cette|ce)\b",
    ),
    _w(
        "personne fout",
        r"personne ne (?:s'en soucierait|le remarquerait|remarquerait|s'en rendrait compte|"
        r"s'en apercevrait)|personne ne se soucie de moi|tout le monde s'en fout de moi|"
        r"personne ne m'aime",
    ),
    _w(
        "dispar",
        r"(?:veux|veu|voudrais|envie de)(?: (?:juste|simplement|seulement))* disparaître "
        r"(?:un moment|un peu|quelque temps|un temps|quelques jours|pendant un moment|"
        r"pendant quelque temps|un bout de temps)",
    ),
    _w(
        "abandon tomber",
        r"j'abandonne tout|je (?:laisse|lâche) tout tomber|"
        r"j'ai (?:tout )?abandonné (?:tout|la vie)",
    ),
    _w(
        "pleur",
        r"(?:n'arrête|arrête|narrete) pas de pleurer|pleure (?:tous les jours|toutes les nuits|"
        r"tout le temps|sans arrêt|chaque jour|chaque soir)",
    ),
    _w("espoir", r"(?:j'ai |ai )?perdu (?:tout )?espoir|plus (?:aucun |d')espoir", ends=_END_FR),
    _w(
        "issue sortie",
        r"(?:je )?(?:ne )?vois (?:pas|plus|aucune) (?:d'|de )?(?:issue|porte de sortie)|"
        r"(?:il n'y a |il y a |y a )?(?:pas|plus|aucune) d'issue|sans issue",
        ends=_END_FR,
    ),
)

_PT_SELF = (
    r"(?:me sinto|me sentia|sou|me acho|tô me sentindo|to me sentindo|estou me sentindo)"
    r"(?: (?:tão|muito|um|uma|completamente|totalmente|realmente|meio|só))*"
)
_PT_LIMITED = r" (?:em|no|na|com|pra|para|quando)\b(?! (?:a vida|tudo)\b)"

_DISTRESS_PT: tuple[_Pattern, ...] = (
    _w(
        "aguent consig suport conta mais",
        r"(?:(?:já )?(?:não|n|naum) (?:aguento|consigo|suporto|dou conta)(?: mais)+|"
        r"(?:não|n) dá mais)",
        ends=_END_PT,
    ),
    _w(
        "sentido importa adianta",
        r"(?:nada|mais nada) (?:mais )?(?:faz sentido|importa)|"
        r"de que adianta(?: tudo isso| tentar| continuar| qualquer coisa)?|"
        r"qual (?:é )?o sentido(?: de tudo isso| de nada| disso tudo)?",
        ends=_END_PT,
    ),
    _w("pra", r"pra que(?: tudo isso| continuar| tentar)?(?=\s*(?:$|[?!.\u2026]))"),
    _w(
        "sinto sentia sou acho sentindo",
        _PT_SELF + r" (?:inútil|um fracasso|uma fracassada|um fracassado|fracassad[oa]|um lixo|"
        r"uma merda|um peso|um estorvo|vazi[oa]|sozinh[oa]|sem valor|ninguém|invisível|"
        r"quebrad[oa]|destruíd[oa]|sem esperança)",
        after=_PT_LIMITED,
    ),
    _w("valho sirvo", r"(?:não|n) (?:valho|sirvo) (?:nada|pra nada|para nada)", ends=_END_PT),
    _w("odeio", r"me odeio|odeio (?:a )?minha vida|odeio a mim mesm[oa]", after=r" por\b"),
    _w(
        "cansad exaust esgotad fart",
        r"(?:cansad[oa]|exaust[oa]|esgotad[oa]|farto|farta) de tudo|"
        r"(?:cansad[oa]|exaust[oa]) (?:o tempo todo|todo dia|todos os dias|sempre)",
        after=r" (?:o|a|os|as)\b",
    ),
    _w(
        "durmo dormir como comer",
        r"(?:não|n) (?:durmo|consigo dormir|como|consigo comer)(?: direito| bem)? (?:há|faz) "
        r"(?:\w+ )?(?:dias|semanas|meses)|(?:faz|há) (?:\w+ )?(?:dias|semanas|meses) que "
        r"(?:não|n) (?:durmo|como)",
    ),
    _w(
        "cama",
        r"(?:não|n) (?:consigo|tô conseguindo|estou conseguindo) (?:sair|levantar|me levantar) "
        r"da cama",
        after=r" (?:antes|cedo|às)\b",
    ),
    _w(
        "ninguem",
        r"(?:não|n) quero (?:ver|falar com) ninguém",
        after=r" (?:da|do|de|dessa|desse|na|no)\b",
    ),
    _w(
        "ninguem",
        r"ninguém (?:ia|iria|vai) (?:se importar|ligar|perceber|notar)|ninguém se importa comigo|"
        r"ninguém liga pra mim|ninguém (?:me ama|gosta de mim)",
    ),
    _w(
        "sumir desaparec",
        r"(?:quero|queria|preciso|qro)(?: (?:só|apenas))* (?:sumir|desaparecer) (?:um tempo|"
        r"por um tempo|uns dias|um pouco|por uns dias|por um tempinho|um tempinho)",
    ),
    _w("desist", r"(?:desisto|desisti) de tudo|desisti da vida|vou desistir de tudo"),
    _w(
        "chor",
        r"(?:não|n) (?:consigo parar|paro) de chorar|choro (?:todo dia|todos os dias|"
        r"toda noite|todas as noites|o tempo todo)",
    ),
    _w(
        "esperan",
        r"perdi (?:toda a |toda |a )?esperança|(?:não|n) tenho (?:mais )?esperança",
        ends=_END_PT,
    ),
    _w("saida", r"(?:não|n) (?:vejo|tem|há|encontro) (?:nenhuma )?saída|sem saída", ends=_END_PT),
)

# A self-judgement limited to a skill or task is job talk ("я ноль в Excel"); "по жизни" and
# "в этой жизни" still reach everything.
_RU_LIMITED = (
    r" (?:в|во|на|с|со|при|для|когда|как|по части|по сравнению|перед)\b"
    r"(?! (?:жизни|всем|всём|этом мире|этой жизни))"
)
_RU_SELF = (
    r"(?:я|я же|я просто|я такой|я такая|чувствую себя|я чувствую себя|ощущаю себя|"
    r"я ощущаю себя|я себя чувствую|считаю себя|я стала|я стал|я превратилась в|"
    r"я превратился в|я как)(?: (?:просто|полным|полной|полное|полный|полная|абсолютным|"
    r"абсолютной|абсолютно|совершенно|таким|такой|такая|настоящим|настоящей|настоящий|"
    r"настоящая|ужасно|очень|совсем|каким-то|какой-то|самый|самая|самым|самой|жалким|жалкой))*"
)

_DISTRESS_RU: tuple[_Pattern, ...] = (
    # --- Feeling awful, can't go on like this ---------------------------------------------
    _w(
        "мне",
        r"мне (?:(?:очень|так|совсем|сейчас|реально|сильно|правда|прям|прямо|уже|настолько|"
        r"ужасно|как-то|тоже|просто|опять|снова|безумно|невыносимо|очень-очень) )*(?:плохо|"
        r"хреново|херово|тяжело|больно|одиноко|паршиво|хуево|дерьмово|фигово|погано|"
        r"невыносимо|пусто|тошно|страшно жить)",
        ends=_END_RU,
    ),
    _w(
        "могу выдерж вывож тяну справля",
        r"(?:я )?(?:больше|уже) не (?:могу|выдерживаю|вывожу|тяну)(?: так)?|"
        r"(?:я )?не (?:могу|выдерживаю|вывожу|тяну) (?:(?:так|уже) )?(?:больше|дальше)(?: так)?|"
        r"(?:я )?не могу так(?: больше)?|(?:я )?не (?:справляюсь|вывожу|вытягиваю)"
        r"(?: (?:ни с чем|с жизнью|уже|больше|совсем|вообще))*",
        ends=_END_RU,
    ),
    _w(
        "сил",
        r"(?:сил|сил моих|моих сил) (?:(?:больше|уже|совсем|вообще) )*(?:нет|нету|не осталось)|"
        r"(?:нет|нету|не осталось) (?:(?:больше|уже|совсем|вообще|никаких) )*сил"
        r"(?: (?:больше|уже|совсем))*+(?: ни на что)?",
        ends=_END_RU,
    ),
    _w("предел отчаян", r"(?:я )?на пределе|я в (?:полном )?отчаянии", ends=_END_RU),
    _w(
        "руки",
        r"руки (?:опускаются|опустились)|опускаются руки|опустились руки|"
        r"(?:я )?(?:опускаю|опустила|опустил) руки",
    ),
    # Borderline, decided: "хоть вешайся" is the idiom for a hopeless situation, not a plan;
    # it is soft distress, as "this job search is killing me" is job-search stress in English.
    _w("веша петлю", r"хоть (?:вешайся|в петлю лезь)|впору (?:вешаться|в петлю)"),
    # --- Hopelessness --------------------------------------------------------------------------
    _w(
        "смысл бесполезн безнадежн напрасн зря толку",
        r"(?:все|все это|это все|жизнь|моя жизнь|все вокруг) (?:(?:так|просто|совсем|"
        r"абсолютно|вообще|такое|стало|кажется|какое-то) )*(?:бессмысленно|бессмысленна|"
        r"бесполезно|безнадежно|напрасно|зря|без толку|бестолку|не имеет смысла|потеряло смысл)",
        ends=_END_RU,
    ),
    _w(
        "ничего ничто",
        r"(?:ничего|ничто) (?:(?:больше|уже|вообще|совсем) )*(?:не имеет смысла|не радует|"
        r"не помогает|не важно|не интересно|не хочется|не имеет значения)|"
        r"(?:я )?(?:ничего|ничего уже) не хочу|не хочу (?:уже )?ничего",
        ends=_END_RU,
    ),
    _w(
        "смысл",
        r"(?:нет|нету|не вижу) (?:(?:никакого|больше|уже|вообще|в этом) )*смысла|"
        r"(?:какой|и какой|а какой) (?:(?:вообще|в этом|во всем этом) )*смысл|"
        r"в ч[её]м (?:вообще )?смысл(?: всего этого| всего| жизни)?",
        ends=_END_RU,
    ),
    _w(
        "зачем",
        r"зачем (?:(?:вообще|мне|это|всё) )*(?:все|все это|это все|стараться|пытаться)",
        ends=_END_RU,
    ),
    _w("безнадеж безнадег безысход", r"безнадежно|безнадега|безысходность", ends=_END_RU),
    _w(
        "надежд",
        r"(?:я )?(?:потеряла|потерял|утратила|утратил) (?:(?:всякую|всю|последнюю|любую|уже) )*"
        r"надежду|(?:нет|нету|не осталось) (?:(?:больше|уже|никакой|совсем) )*надежды",
        ends=_END_RU,
    ),
    # "No way out" is soft distress, as "I feel trapped" is in English.
    _w(
        "выход тупик",
        r"(?:не вижу|не видно|нет|нету) (?:(?:никакого|больше|уже|совсем) )*выхода"
        r"(?: из (?:этой |этого |такой )?(?:ситуации|положения|тупика|этого|всего этого))?|"
        r"выхода (?:(?:больше|уже|просто) )*(?:нет|нету|не вижу)|я в (?:полном )?тупике|"
        r"безвыходн\w* (?:ситуаци\w*|положени\w*)",
        ends=_END_RU,
    ),
    _w("верю", r"(?:ни во что|ни во что уже|больше ни во что) не верю", ends=_END_RU),
    _w(
        "сдаюсь",
        r"(?:я )?сдаюсь (?:во всем|во всём|со всем|по жизни)|(?:я )?сдалась во всем",
    ),
    _w(
        "плевать пофиг наплевать равно",
        r"мне (?:уже )?(?:на все|на всё) (?:(?:уже|совсем) )*(?:плевать|наплевать|пофиг|"
        r"все равно)|мне уже все равно|мне (?:уже )?все безразлично",
        ends=_END_RU,
    ),
    _w(
        "надоел достал задолбал осточертел опостыл",
        r"(?:все|все это) (?:(?:так|уже|просто) )*(?:надоело|достало|задолбало|осточертело|"
        r"опостылело)|(?:надоело|достало|задолбало|осточертело|опостылело) (?:уже )?все"
        r"(?: это)?",
        ends=_END_RU,
    ),
    _w("существую", r"не живу,? а (?:просто )?существую|(?:я )?просто существую", ends=_END_RU),
    # --- Worthlessness --------------------------------------------------------------------------
    _w(
        "ничтож неудачни лузер никчем бесполезн обуз бездар провал пуст ноль нул никто "
        "отброс жалк лишн сломан опустош неполноцен ущербн позор мусор",
        _RU_SELF + r" (?:ничтожество|ничтожеством|ничтожный|ничтожная|неудачник|неудачница|"
        r"неудачником|неудачницей|лузер|лузером|никчемн\w*|бесполезн\w*|обуза|обузой|бездарь|"
        r"бездарность|бездарностью|провал|пустое место|пустым местом|ничто|ноль|нулем|пустышка|"
        r"пустышкой|мусор|мусором|отброс|отбросом|жалкий|жалкая|лишний|лишняя|лишним|лишней|"
        r"сломан|сломана|сломанным|сломанной|пустой|пустым|пустая|опустошенн\w*|"
        r"неполноценн\w*|ущербн\w*|никто|никем|позор|позором)",
        after=_RU_LIMITED,
    ),
    _w(
        "нуж",
        r"я (?:(?:вообще|совсем|просто|больше|уже|так|и) )*никому (?:(?:вообще|совсем|больше|уже|"
        r"так|на свете|в этом мире) )*не нужна?|я (?:(?:вообще|совсем|просто|больше|уже) )*"
        r"не нужна? (?:(?:вообще|совсем) )*никому|никому я (?:(?:вообще|совсем|больше|уже|так) )*"
        r"не нужна?|я никому не нужен|я не нужен никому|никому я не нужен",
    ),
    _w(
        "любит цени понима плевать наплевать пофиг равно дела",
        r"никто меня не (?:любит|ценит|понимает|слышит|ждет)|меня никто не (?:любит|ценит|"
        r"понимает|ждет)|всем (?:плевать|наплевать|пофиг|все равно) на меня|всем на меня "
        r"(?:плевать|наплевать|пофиг|все равно)|никому (?:нет дела до меня|до меня нет дела)|"
        r"никому нет дела",
        ends=_END_RU,
    ),
    _w(
        "ненави презира против",
        r"(?:я )?(?:(?:так|просто|реально|очень|всей душой) )?(?:ненавижу|презираю) (?:себя|"
        r"свою жизнь|эту жизнь|мою жизнь)|(?:я )?себя (?:(?:так|просто|реально) )?(?:ненавижу|"
        r"презираю)|я себе противна?|я себе противен",
        after=r",? (?:за|что|потому что)\b",
    ),
    # --- Exhaustion, sleep, bed, tears ---------------------------------------------------------
    _w(
        "устал вымота выдохл задолба",
        r"(?:устала|устал|устали|вымоталась|вымотался|задолбалась|задолбался|выдохлась|выдохся) "
        r"(?:(?:так|уже|очень|просто|ужасно|смертельно|жутко|дико) )*от (?:всего|всего этого|"
        r"жизни|этой жизни|себя|всех|людей|борьбы|попыток|этого всего)|"
        r"(?:устала?|устал|вымотана?) (?:все время|постоянно|каждый день|целыми днями|без конца)",
        ends=_END_RU,
    ),
    _w("выгор", r"(?:я )?(?:полностью |совсем |окончательно )?(?:выгорела|выгорел)", ends=_END_RU),
    _w(
        "сплю сна ем спать уснуть заснуть есть",
        r"не (?:сплю|могу (?:нормально )?(?:спать|уснуть|заснуть)|ем|могу есть|могу ничего есть)"
        r"(?: (?:нормально|толком|почти|совсем))* (?:уже )?(?:\w+ )?(?:дней|дня|день|недель|"
        r"недели|неделю|ночей|ночи|ночь|месяц|месяца|месяцев|неделями|ночами|сутки|суток)|"
        r"(?:уже )?(?:\w+ )?(?:дней|дня|день|недель|недели|неделю|ночей|ночи|ночь|месяц|месяцев|"
        r"сутки|суток) (?:почти |толком |нормально |совсем )?не (?:сплю|ем|могу спать|"
        r"могу уснуть|могу есть)|(?:почти|совсем|вообще) не (?:сплю|ем)|(?:перестала|перестал) "
        r"(?:спать|есть)",
    ),
    _w(
        "кроват постел лежу валяюсь",
        r"не (?:могу|могла|получается|в силах) (?:встать|подняться|вылезти|выбраться) (?:с|из) "
        r"(?:кровати|постели)|(?:целыми днями|весь день|сутками|днями) (?:лежу|валяюсь)"
        r"(?: в кровати| в постели)?|не (?:встаю|вылезаю) (?:с|из) (?:кровати|постели)",
        after=r" (?:до|раньше|рано|в \d|к \d|вовремя|утром на)\b",
    ),
    _w(
        "плачу плакать реву",
        r"(?:постоянно|все время|каждый день|каждую ночь|целыми днями|ночами|без конца|"
        r"не переставая) (?:плачу|реву)|(?:плачу|реву) (?:постоянно|все время|каждый день|"
        r"каждую ночь|целыми днями|ночами|без конца|не переставая)|не (?:могу|получается) "
        r"(?:перестать|прекратить) плакать",
    ),
    # --- Withdrawal ---------------------------------------------------------------------------
    _w(
        "исчез пропа спрята раствор испар сбежа",
        _RU_WANT + _RU_ADV + r" (?:исчезнуть|пропасть|спрятаться|раствориться|испариться|"
        r"сбежать)(?: куда-нибудь| куда нибудь)? (?:на время|ненадолго|на пару дней|"
        r"на несколько дней|на недельку|на неделю|на какое-то время|на какое то время|"
        r"хоть на день|на месяц|от всех|ото всех|от всего|от всего мира|от мира|от людей)",
        after=r"[^.!?\n]*?(?:отпуск|море|каникул|путешеств|линкедин|соцсет|чат)",
    ),
    _w(
        "никого кем",
        r"(?:никого|ни с кем) (?:(?:не хочу|не хочется|не могу|не желаю) )?(?:видеть|слышать|"
        r"говорить|разговаривать|общаться)|не (?:хочу|хочется|могу) (?:никого|ни с кем) "
        r"(?:видеть|слышать|говорить|разговаривать|общаться)|не хочу (?:видеть|слышать) никого|"
        r"не хочу (?:говорить|разговаривать|общаться) ни с кем",
        after=r" (?:из|в|на|с работы|кроме|об|о|про)\b",
    ),
    _w(
        "избега закрыл отгородил общаюсь выхожу",
        r"(?:избегаю|избегала|избегал) (?:всех|людей|друзей|близких|родных|общения)|"
        r"(?:закрылась|закрылся|отгородилась|отгородился) (?:от|ото) (?:всех|мира|людей)|"
        r"ни с кем не общаюсь|никуда не выхожу(?: из дома)?",
    ),
    _w(
        "одн один одинок брошен потерян",
        r"я (?:совсем|совершенно|абсолютно|так|такая|такой|очень) (?:одна|один|одинока|одинок|"
        r"одинокая|одинокий)|(?:чувствую себя|я чувствую себя|ощущаю себя) (?:(?:такой|таким|"
        r"так|очень|совсем|совершенно|абсолютно) )*(?:одинокой|одиноким|одиноко|одной|одним|"
        r"брошенной|брошенным|никому не нужной|никому не нужным|потерянной|потерянным)",
        ends=_END_RU,
    ),
    _w(
        "никто",
        r"никто (?:(?:даже|и) )?не (?:заметит|заметил бы|хватится|вспомнит)|"
        r"никто (?:обо мне|про меня) не (?:вспомнит|думает|заботится)|"
        r"никто не (?:заботится|беспокоится|волнуется) обо мне",
        ends=_END_RU,
    ),
)

_DISTRESS: tuple[_Table, ...] = (
    _Table(_DISTRESS_EN, _negated_in_english, english=True),
    _Table(_DISTRESS_ES, _SPANISH.negates),
    _Table(_DISTRESS_DE, _GERMAN.negates),
    _Table(_DISTRESS_FR, _FRENCH.negates),
    _Table(_DISTRESS_PT, _PORTUGUESE.negates),
    _Table(_DISTRESS_RU, _RUSSIAN.negates),
)

# ---------------------------------------------------------------------------------------------
# Reassurance after a crisis reply
# ---------------------------------------------------------------------------------------------

# Words before a reassurance that doubt it: "not sure if I'm ok", "no sé si estoy bien",
# "ich weiß nicht, ob es mir gut geht", "je sais pas si je vais bien", "não sei se estou bem",
# "I pretend I'm fine".
_DOUBT = re.compile(
    _written(
        r"\b(?:if|whether|sure|know|pretend\w*|act like|acting like|wish|hope|si|ojalá|finj\w*|"
        r"fingiendo|como que|ob|tue so als|tu so als|so tun als|wünschte|se|fingindo|finjo|"
        r"fingir|queria|quem dera|fais semblant d[e']|faire semblant d[e']|aimerais)"
        r"(?: (?:que|dass|that|eu|ich|je|j'|es|mir|yo))*\s*$|"
        r"\b(?:если|если бы|знаю|уверена?|уверен|притворяюсь|притворяться|делаю вид|вид|будто|"
        r"как будто|якобы|хотелось бы|хочу|хочется|мечтаю|надеюсь)(?:,? (?:что|чтобы|ли|я|мне|"
        r"у меня|бы|со мной))*,?\s*$"
    )
)
# A reassurance ends the thought, or goes on to say what it is instead ("fine, just tired").
_REASSURED_END_EN = (
    r"(?=\s*(?:$|[^\w\s']|(?:just|only|really|honestly|i\s+promise|promise|thanks|thank\s+you|"
    r"though|now|and|but|lol|tbh|don't\s+worry|no\s+worries|really)\b))"
)
_NO_EN = r"(?:(?:no|nah|nope|honestly|seriously|really|yes|yeah)[\s,]+)*"


def _reassured(negated: Callable[[str, str], bool]) -> Callable[[str, str], bool]:
    """Negated as in the language, or doubted."""

    def reassured_negated(before: str, after: str) -> bool:
        return negated(before, after) or bool(_DOUBT.search(before[-80:]))

    return reassured_negated


_REASSURANCE_EN: tuple[_Pattern, ...] = (
    _p(
        "ok fine alright right good safe danger risk",
        r"\b" + _NO_EN + r"(?:i'm|i\s+am)\s+(?:(?:really|honestly|actually|totally|perfectly|"
        r"completely|absolutely|genuinely|truly|definitely|okay|ok|fine)[\s,]+)*(?:ok(?:ay)?|"
        r"fine|alright|all\s+right|good|safe|not\s+in\s+(?:any\s+)?danger|not\s+at\s+risk)",
        ends=_REASSURED_END_EN,
    ),
    _p(
        "not",
        r"\b" + _NO_EN + r"(?:i'm|i\s+am)\s+(?:really\s+|honestly\s+|definitely\s+|absolutely\s+)?"
        r"not\s+(?:suicidal|going\s+to\s+(?:hurt|kill|harm)\s+myself|going\s+to\s+do\s+"
        r"anything(?:\s+stupid)?)\b",
    ),
    _p(
        "myself",
        r"\b" + _NO_EN + r"(?:i\s+)?(?:won't|will\s+not|would\s+never|will\s+never|wouldn't)\s+"
        r"(?:ever\s+)?(?:hurt|harm|kill)\s+myself\b",
    ),
    _p(
        "mean",
        r"\b" + _NO_EN + r"(?:i\s+)?(?:didn't|did\s+not|don't|do\s+not)\s+mean\s+(?:it\s+)?"
        r"(?:like\s+that|that\s+way|literally|it|that)",
        ends=_REASSURED_END_EN,
    ),
    _p(
        "not",
        r"(?:^|(?<=[\s,.!]))" + _NO_EN + r"not\s+(?:like\s+that|in\s+that\s+way|literally|"
        r"that\s+kind\s+of\s+(?:\w+\s+)?(?:way|thing))",
        ends=_REASSURED_END_EN,
    ),
    _p(
        "joking kidding exaggerating venting dramatic steam",
        r"\b(?:i\s+was|i'm|i\s+am|was|just)\s+(?:only\s+|just\s+)?(?:joking|kidding|"
        r"exaggerating|venting|being\s+dramatic|blowing\s+off\s+steam)",
        ends=_REASSURED_END_EN,
    ),
    _p("speech speaking", r"\b(?:a\s+)?(?:figure|manner|way)\s+of\s+(?:speech|speaking)\b"),
    _p(
        "worr",
        r"\b(?:don't|do\s+not|no\s+need\s+to)\s+worry(?:\s+about\s+me)?"
        + _REASSURED_END_EN
        + r"|\bno\s+worries\b",
    ),
    _p(
        "just",
        r"\b(?:(?:i'm|i\s+am)\s+)?just\s+(?:really\s+|so\s+|very\s+|a\s+bit\s+)?(?:tired|"
        r"exhausted|worn\s+out|frustrated|disappointed|gutted|sad|stressed|upset|down)"
        r"(?=\s*(?:$|[^\w\s']|(?:and|but|that's\s+all|lol|really|today|right\s+now|now)\b))",
    ),
)

_REASSURED_END_ES = (
    r"(?=\s*(?:$|[^\w\s']|(?:solo|solamente|nada más|de verdad|en serio|gracias|tranquil[oa]|"
    r"no te preocupes|pero|y|jaja\w*)\b))"
)
_REASSURANCE_ES: tuple[_Pattern, ...] = (
    _w(
        "toy ando",
        r"(?:estoy|toy|ando) (?:bien|ok|okay|tranquil[oa]|a salvo)",
        ends=_REASSURED_END_ES,
    ),
    _w("bien", r"todo (?:está )?bien", ends=_REASSURED_END_ES),
    _w(
        "peligro suicida dano nada matarme",
        r"no estoy en peligro|no soy suicida|no voy a (?:hacerme daño|hacer nada|matarme|"
        r"suicidarme)",
    ),
    _w("preocup pasa tanto", r"no te preocupes|no pasa nada|no es para tanto"),
    _w(
        "serio referia quise sentido broma desahog literal",
        r"no (?:lo )?(?:dije|decía) en serio|no (?:me refería|quise decir) eso|"
        r"no (?:lo decía|era) (?:literal|literalmente|en ese sentido)|no en ese sentido|"
        r"era (?:una )?broma|(?:solo )?me (?:estaba )?desahogando",
    ),
    _w(
        "solo solamente mas",
        r"(?:solo|solamente|nada más) (?:estoy )?(?:cansad[oa]|agotad[oa]|triste|frustrad[oa]|"
        r"desanimad[oa])",
        ends=_REASSURED_END_ES,
    ),
)

_REASSURED_END_DE = (
    r"(?=\s*(?:$|[^\w\s']|(?:nur|bloß|wirklich|echt|danke|keine sorge|aber|und|ehrlich)\b))"
)
_REASSURANCE_DE: tuple[_Pattern, ...] = (
    _w(
        "gut",
        r"(?:mir geht(?:'s|s| es)|es geht mir|geht(?:'s|s) mir) (?:wirklich |echt |eigentlich |"
        r"ganz )?gut|es mir (?:wirklich |echt )?gut geht",
    ),
    _w("alles", r"alles (?:gut|ok|okay|in ordnung)", ends=_REASSURED_END_DE),
    _w(
        "bin",
        r"ich bin (?:wirklich |echt )?(?:ok|okay|in ordnung|in sicherheit|nicht in gefahr|"
        r"nicht suizidal|nicht selbstmordgefährdet)",
        ends=_REASSURED_END_DE,
    ),
    _w(
        "gemeint witz scherz sorge nichts",
        r"(?:so |das )?(?:war(?: das)?|ist) (?:doch )?nicht so gemeint|nicht (?:so|ernst) gemeint|"
        r"war (?:nur )?(?:ein )?(?:witz|scherz)|(?:keine|mach dir keine) sorgen?|"
        r"ich (?:tue?|werde) mir nichts an(?:tun)?",
    ),
    _w(
        "nur bloss blo",
        r"(?:ich bin |bin )?(?:nur|einfach nur|bloß) (?:müde|erschöpft|kaputt|traurig|frustriert|"
        r"enttäuscht)",
        ends=_REASSURED_END_DE,
    ),
)

_REASSURED_END_FR = (
    r"(?=\s*(?:$|[^\w\s']|(?:juste|seulement|vraiment|merci|t'inquiète|mais|et|promis|"
    r"franchement)\b))"
)
_REASSURANCE_FR: tuple[_Pattern, ...] = (
    _w("bien", r"(?:je |j')?vais bien|tout va bien", ends=_REASSURED_END_FR),
    _w("va", r"ça va(?: aller)?(?! pas| mal| plus)(?=\s*(?:$|[.!,;\u2026]|juste|merci|je))"),
    _w(
        "inquiet",
        r"(?:ne )?(?:t'inquiète|t inquiète|tinquiete|vous inquiétez)(?: pas)?|pas d'inquiétude",
    ),
    _w(
        "suicid danger mal tuer securite",
        r"je (?:ne )?suis pas (?:suicidaire|en danger)|je (?:ne )?vais pas me (?:faire du mal|tuer|"
        r"suicider)|je suis en sécurité",
    ),
    _w(
        "pas dire parler plaisant rigol blagu",
        r"(?:c'est|ce n'est|c'était|ce n'était) pas (?:ce que je (?:voulais|veux) dire|ça)|"
        r"je (?:ne )?voulais pas dire (?:ça|cela)|pas dans ce sens(?:-là)?|"
        r"(?:c'était|c'est) une (?:façon|manière) de parler|je (?:plaisantais|rigolais|blaguais)",
    ),
    _w(
        "juste seulement simplement",
        r"(?:je suis )?(?:juste|seulement|simplement) (?:fatiguée?|épuisée?|crevée?|triste|"
        r"déçue?|découragée?)",
        ends=_REASSURED_END_FR,
    ),
)

_REASSURED_END_PT = (
    r"(?=\s*(?:$|[^\w\s']|(?:só|sim|de verdade|sério|obrigad[oa]|relaxa|fica tranquil[oa]|mas|e|"
    r"kk\w*)\b))"
)
_REASSURANCE_PT: tuple[_Pattern, ...] = (
    _w(
        "bem tudo",
        r"(?:estou|tô|to|tou|sto) bem|(?:tá|está|ta) tudo bem|tudo (?:certo|bem|tranquilo)",
        ends=_REASSURED_END_PT,
    ),
    _w(
        "preocup tranquil relaxa",
        r"(?:não|n) se preocup[ea]|(?:não|n) precisa se preocupar|(?:pode )?ficar? tranquil[oa]|"
        r"relaxa",
    ),
    _w(
        "isso sentido literal brincadeira falar desabaf",
        r"(?:não|n) (?:é|foi) isso(?: que eu quis dizer)?|(?:não|n) quis dizer isso|"
        r"(?:não|n) (?:foi|era) (?:nesse sentido|literal)|"
        r"era (?:só )?(?:brincadeira|modo de falar|jeito de falar)|"
        r"(?:só )?(?:tô|estou) desabafando",
    ),
    _w(
        "suicida perigo machucar matar ferir segur",
        r"(?:não|n) (?:sou|tô|estou) (?:suicida|em perigo)|"
        r"(?:não|n) vou me (?:machucar|matar|ferir)|"
        r"(?:estou|tô) (?:em segurança|segur[oa])",
    ),
    _w(
        "so apenas",
        r"(?:(?:estou|tô) )?(?:só|apenas) (?:(?:estou|tô) )?(?:cansad[oa]|exaust[oa]|triste|"
        r"frustrad[oa]|desanimad[oa])",
        ends=_REASSURED_END_PT,
    ),
)

_REASSURED_END_RU = (
    r"(?=\s*(?:$|[.!,;:)\u2026]|(?:просто|правда|честно|серьезно|спасибо|не переживай\w*|"
    r"не волнуй\w*|но|и|а|обещаю|ахах\w*|хах\w*|лол|все|уже|сейчас)\b))"
)
_REASSURANCE_RU: tuple[_Pattern, ...] = (
    _w(
        "порядке норм хорошо безопасн",
        r"я (?:(?:правда|честно|реально|действительно|вполне|уже|в целом|в общем|точно) )*"
        r"(?:в порядке|ок|окей|норм|нормально|в норме|в безопасности)|"
        r"(?:со мной|у меня) (?:(?:правда|честно|реально|уже|в целом) )*(?:все )?(?:в порядке|"
        r"хорошо|нормально|ок|норм)|(?:все|всё) (?:(?:правда|реально|уже|в целом|в общем|"
        r"точно) )*(?:хорошо|нормально|в порядке|ок|окей|норм)",
        ends=_REASSURED_END_RU,
    ),
    _w(
        "пережива волнуй беспоко",
        r"не (?:переживай|переживайте|волнуйся|волнуйтесь|беспокойся|беспокойтесь)"
        r"(?: за меня| обо мне)?",
    ),
    _w(
        "суицид собираюсь сделаю опасност безопасност",
        r"(?:я )?не (?:суицидал\w*|собираюсь (?:ничего )?(?:с собой (?:ничего )?делать|"
        r"делать с собой|убивать себя|кончать с собой|умирать|ничего делать)|в опасности)|"
        r"(?:я )?ничего с собой не (?:сделаю|собираюсь делать)|я в (?:полной )?безопасности",
    ),
    _w(
        "шут шутк утрир преувелич образно фигура метафор имел смысле выговар жалуюсь",
        r"(?:я )?(?:пошутила|пошутил|шучу|шутила|шутил|утрировала|утрировал|преувеличиваю|"
        r"преувеличила|преувеличил)|это (?:была |был )?(?:шутка|образно|фигура речи|просто слова|"
        r"так говорится|метафора)|я (?:не это|не так|не в этом смысле) (?:имела|имел) в виду|"
        r"не в (?:том|этом|прямом) смысле|я просто (?:выговариваюсь|выговорилась|выговорился|"
        r"жалуюсь|ною)",
        ends=_REASSURED_END_RU,
    ),
    _w(
        "просто лишь только",
        r"(?:я )?(?:просто|всего лишь|только) (?:(?:очень|сильно|немного|так) )?(?:устала|устал|"
        r"вымоталась|вымотался|грущу|расстроена|расстроен|разочарована|разочарован|выдохлась|"
        r"выдохся)",
        ends=_REASSURED_END_RU,
    ),
)

_REASSURANCE: tuple[_Table, ...] = (
    _Table(_REASSURANCE_EN, _reassured(_negated_in_english), english=True),
    _Table(_REASSURANCE_ES, _reassured(_SPANISH.negates)),
    _Table(_REASSURANCE_DE, _reassured(_GERMAN.negates)),
    _Table(_REASSURANCE_FR, _reassured(_FRENCH.negates)),
    _Table(_REASSURANCE_PT, _reassured(_PORTUGUESE.negates)),
    _Table(_REASSURANCE_RU, _reassured(_RUSSIAN.negates)),
)

# ---------------------------------------------------------------------------------------------
# Detection
# ---------------------------------------------------------------------------------------------


def _matches(table: _Table, text: str) -> bool:
    for pattern in table.candidates(text):
        for match in pattern.phrase.finditer(text):
            before, after = text[: match.start()], text[match.end() :]
            if pattern.before and pattern.before.search(before):
                continue
            if pattern.after and pattern.after.match(after):
                continue
            if table.negated(before, after):
                continue
            return True
    return False


def _found(tables: tuple[_Table, ...], readings: tuple[_Reading, ...]) -> bool:
    return any(
        _matches(table, reading.english if table.english else reading.plain)
        for reading in readings
        for table in tables
    )


def _read(text: str) -> tuple[_Reading, ...]:
    return _readings(text) if text and text.strip() else ()


def detect_crisis(text: str) -> bool:
    """Whether `text` contains crisis language (suicidal thoughts, self-harm) that isn't negated
    or figurative, in English, Spanish, German, French, Portuguese or Russian. Errs on the side
    of care; see the module docstring for the judgement calls."""
    return _found(_CRISIS, _read(text))


def detect_distress(text: str) -> bool:
    """Whether `text` shows soft distress (hopelessness, exhaustion with everything, withdrawal,
    worthlessness) that isn't negated or job talk. False when `detect_crisis` is True: crisis
    wins. See the module docstring for where job talk ends."""
    readings = _read(text)
    return not _found(_CRISIS, readings) and _found(_DISTRESS, readings[:1])


def detect_reassurance(text: str) -> bool:
    """Whether `text` says the person is not in danger ("I'm not suicidal, just tired", "estoy
    bien"), as a follow-up to a crisis reply. False when it also holds crisis language."""
    readings = _read(text)
    return not _found(_CRISIS, readings) and _found(_REASSURANCE, readings[:1])


# ---------------------------------------------------------------------------------------------
# Helplines and replies
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Helpline:
    """A crisis line, as data: the service's own name, the countries it answers for (ISO 3166
    codes, "GB"), and how to reach it. `describe` says it in the reader's language through the
    catalogue ("call {phone}", "free", "day or night"), with the country named by Babel.

    `text` is a number that takes text messages (the same as `phone` for "call or text 988");
    `other` is a second number to call; `option` is the menu choice after dialling (988's
    Spanish line is option 2). At most one of the three. `names` gives the service's name in
    the languages it uses ("fr": "La Main Tendue"); `says_where` drops the country after a name
    that already says it ("Lifeline Ukraine")."""

    name: str
    countries: tuple[str, ...]
    phone: str
    text: str = ""
    other: str = ""
    option: str = ""
    free: bool = False
    always: bool = False
    names: tuple[tuple[str, str], ...] = ()
    says_where: bool = False

    def __post_init__(self) -> None:
        if sum(bool(extra) for extra in (self.text, self.other, self.option)) > 1:
            raise ValueError(f"{self.name}: at most one of text, other and option")
        if not self.countries or any(not c.isupper() or len(c) != 2 for c in self.countries):
            raise ValueError(f"{self.name}: countries are ISO 3166 codes such as 'GB'")


# Only numbers confirmed against the service's own published details (or, where that page was
# not reachable, the authority or press that announced them), checked in 2026; anywhere else the
# reply points to findahelpline.com. Russia's 8-800-2000-122 is left out on purpose: it is a
# line for children, teenagers and parents. Belarus and Kazakhstan are left out: the lines we
# found there are for children and young people, or could not be confirmed.

# Confirmed on 988lifeline.org ("call or text 988", 24/7; "press 2" for Spanish on the call menu).
_US = Helpline("988 Suicide & Crisis Lifeline", ("US",), "988", text="988", free=True, always=True)
_US_ES = Helpline(
    "988 Suicide & Crisis Lifeline", ("US",), "988", option="2", free=True, always=True
)
# Confirmed on 988.ca ("call or text 9-8-8 toll free, any time"; English and French) and in
# CAMH's French release (newswire.ca, 2025) for the French name.
_CA = Helpline(
    "9-8-8 Suicide Crisis Helpline",
    ("CA",),
    "988",
    text="988",
    free=True,
    always=True,
    names=(("fr", "9-8-8 : Ligne d'aide en cas de crise de suicide"),),
)
# Quebec's own line (988 calls from Quebec are routed to it): 1 866 APPELLE, texts to 535353,
# 24/7; confirmed in Quebec's health ministry release (newswire.ca, 2021) and AQPS (2022).
_QC = Helpline(
    "1 866 APPELLE (Québec)",
    ("CA",),
    "1 866 277-3553",
    text="535353",
    free=True,
    always=True,
    says_where=True,
)
# Confirmed on samaritans.org (116 123, free from any phone, 24/7).
_SAMARITANS = Helpline("Samaritans", ("GB", "IE"), "116 123", free=True, always=True)
# Confirmed by Lifeline (lifelineh2h.org.au: landline calls cost a local call) and Life in Mind
# (2022: call 13 11 14, text 0477 13 11 14, both 24/7).
_AU = Helpline("Lifeline", ("AU",), "13 11 14", text="0477 13 11 14", always=True)
# Confirmed in the help notice New Zealand media print ("Need to talk? Free call or text 1737
# any time", VICE NZ); 1737.org.nz itself was not in reach.
_NZ = Helpline("Need to Talk?", ("NZ",), "1737", text="1737", free=True, always=True)
# Confirmed by India's health ministry in the Lok Sabha (14416, toll-free, 24x7, 2025).
_IN = Helpline("Tele-MANAS", ("IN",), "14416", free=True, always=True)
# Confirmed by its church sponsors (domradio.de) and Spektrum (2022): both numbers free,
# anonymous, around the clock.
_DE = Helpline(
    "TelefonSeelsorge", ("DE",), "0800 111 0 111", other="0800 111 0 222", free=True, always=True
)
# Confirmed by TelefonSeelsorge Österreich (ots.at, 2023: "Notruf 142", free, around the clock).
_AT = Helpline("TelefonSeelsorge", ("AT",), "142", free=True, always=True)
# Confirmed on 143.ch (24 hours; Switzerland and Liechtenstein) and by 20 Minuten (2023: free,
# anonymous).
_CH = Helpline(
    "Die Dargebotene Hand / La Main Tendue",
    ("CH",),
    "143",
    free=True,
    always=True,
    names=(("de", "Die Dargebotene Hand"), ("fr", "La Main Tendue")),
)
_LI = Helpline(
    "Die Dargebotene Hand",
    ("LI",),
    "143",
    free=True,
    always=True,
    names=(("fr", "La Main Tendue"),),
)
# Confirmed on 3114.fr and by the ARS (free, 24/7).
_FR = Helpline(
    "Numéro national de prévention du suicide",
    ("FR",),
    "3114",
    free=True,
    always=True,
    names=(("en", "Suicide prevention line"),),
)
# Confirmed on preventionsuicide.be (0800 32 123, anonymous, free, 24/7).
_BE_FR = Helpline("Centre de Prévention du Suicide", ("BE",), "0800 32 123", free=True, always=True)
# Confirmed on zelfmoord1813.be (1813, free, 24/7 by phone).
_BE_NL = Helpline("Zelfmoordlijn", ("BE",), "1813", free=True, always=True)
# Confirmed by Spain's health ministry at launch (rtve.es, 2022: 024, free, 24/7).
_ES = Helpline("Línea 024", ("ES",), "024", free=True, always=True)
# Confirmed by CONASAMA, Mexico's mental health commission (El Universal, 2025: free, 24/7).
_MX = Helpline("Línea de la Vida", ("MX",), "800 911 2000", free=True, always=True)
# Argentina's health ministry line, free and 24 hours (ospia.org.ar and La Posta, 2025). The
# Centro de Asistencia al Suicida (135 around Buenos Aires, (011) 5275-1135 elsewhere, 8:00 to
# midnight, confirmed by its president in 2021) is left out: a second line made the reply too
# long, and this one answers day and night from anywhere.
_AR = Helpline("Línea de Salud Mental", ("AR",), "0800 999 0091", free=True, always=True)
# Bogotá's health department line (bogota.gov.co: 106, free, 24 hours); other departments run
# their own 106 lines, so it names the city.
_CO = Helpline("Línea 106 Bogotá", ("CO",), "106", free=True, always=True, says_where=True)
# Confirmed by Chile's health ministry (biobiochile.cl, 2023; La Tercera, 2025: *4141, free,
# 24/7).
_CL = Helpline("Línea de Prevención del Suicidio", ("CL",), "*4141", free=True, always=True)
# Confirmed by Peru's health ministry (Infobae, 2025: line 113, option 5, free, 24/7).
_PE = Helpline("Línea 113 Salud", ("PE",), "113", option="5", free=True, always=True)
# Confirmed by the health ministry's partnership (free nationwide since July 2018) and CVV's
# own description (188, 24 hours a day, every day).
_BR = Helpline("CVV", ("BR",), "188", free=True, always=True)
# Portugal's national suicide prevention line, opened by the health ministry on 10 September
# 2025 (Diário de Notícias, SAPO: 1411, free, 24 hours).
_PT = Helpline("Linha de Prevenção do Suicídio", ("PT",), "1411", free=True, always=True)
# Confirmed by Telefono Amico Italia (Il Sole 24 Ore, 2025: 02 2327 2327; Corriere, 2020:
# volunteers answer 10:00 to midnight).
_IT = Helpline("Telefono Amico", ("IT",), "02 2327 2327")
# Confirmed by 113 Zelfmoordpreventie (ANP, October 2025: "24/7 gratis en anoniem 113";
# 0800-0113 free as before).
_NL = Helpline("113 Zelfmoordpreventie", ("NL",), "113", other="0800-0113", free=True, always=True)
# Confirmed by Inochi no Denwa (Josei Seven, 2020: navi dial 0570-783-556, 10:00 to 22:00).
_JP = Helpline("いのちの電話 Inochi no Denwa", ("JP",), "0570-783-556")
# Confirmed by the Polish police (policja.gov.pl: the Institute of Health Psychology's 116 123,
# free) and Wprost (2023).
_PL = Helpline("Telefon zaufania", ("PL",), "116 123", free=True)
# Confirmed on lifelineukraine.com (7333, free from the main mobile networks, 24/7).
_UA = Helpline("Lifeline Ukraine", ("UA",), "7333", free=True, always=True, says_where=True)
# The crisis line of Russia's emergencies ministry (EMERCOM/МЧС): +7 495 989-50-50, 24 hours,
# free only from Moscow; confirmed in the list of help lines published by Russia's children's
# ombudsman (Rossiyskaya Gazeta, March 2024) and in the ministry's own statements since 2006.
_RU = Helpline(
    "Психологическая помощь МЧС России",
    ("RU",),
    "+7 495 989-50-50",
    always=True,
    says_where=True,
    names=(("en", "EMERCOM psychological help line (Russia)"),),
)
# ERAN, Israel's emotional first aid line: 1201, free, 24 hours, with a Russian line
# (Jerusalem Institute, ISRAEL21c, Times of Israel).
_IL = Helpline("ERAN", ("IL",), "1201", free=True, always=True, names=(("ru", "ЭРАН"),))
# Latvia's crisis line run by Skalbes: 116 123, free, 24 hours, in Latvian, Russian and English
# (Skalbes to zz.lv, 2021; jauns.lv, 2026).
_LV = Helpline("Skalbes", ("LV",), "116 123", free=True, always=True)
# Estonia's emotional support line (Social Insurance Board): 116 123, in Estonian, Russian and
# English; counsellors answer 10:00 to midnight (kadrina.ee, quoting the board).
_EE = Helpline("Emotsionaalse toe telefon", ("EE",), "116 123")

# By country (the region part of a language code such as "en-GB"); a known country with no
# entry here gets no list, rather than another country's lines.
_BY_COUNTRY: dict[str, tuple[Helpline, ...]] = {
    "us": (_US,),
    "ca": (_CA,),
    "gb": (_SAMARITANS,),
    "ie": (_SAMARITANS,),
    "au": (_AU,),
    "nz": (_NZ,),
    "in": (_IN,),
    "de": (_DE,),
    "at": (_AT,),
    "ch": (_CH,),
    "li": (_LI,),
    "fr": (_FR,),
    "be": (_BE_FR, _BE_NL),
    "es": (_ES,),
    "mx": (_MX,),
    "ar": (_AR,),
    "co": (_CO,),
    "cl": (_CL,),
    "pe": (_PE,),
    "it": (_IT,),
    "nl": (_NL,),
    "br": (_BR,),
    "pt": (_PT,),
    "jp": (_JP,),
    "pl": (_PL,),
    "ua": (_UA,),
    "ru": (_RU,),
    "il": (_IL,),
    "lv": (_LV,),
    "ee": (_EE,),
}
# Countries whose lines depend on the language: Belgium's two communities, 988's Spanish
# option, Quebec's own line for French speakers in Canada.
_BY_COUNTRY_AND_LANGUAGE: dict[tuple[str, str], tuple[Helpline, ...]] = {
    ("be", "fr"): (_BE_FR,),
    ("be", "nl"): (_BE_NL,),
    ("us", "es"): (_US_ES,),
    ("ca", "fr"): (_CA, _QC),
}
# By language alone (Telegram usually sends "en", "de", ...): where most speakers are.
_BY_LANGUAGE: dict[str, tuple[Helpline, ...]] = {
    "en": (_US, _SAMARITANS),
    "es": (_ES, _MX),
    "de": (_DE,),
    "fr": (_FR,),
    "pt": (_BR, _PT),
    "ru": (_RU,),
    "it": (_IT,),
    "nl": (_NL,),
    "hi": (_IN,),
    "ja": (_JP,),
    "pl": (_PL,),
    "uk": (_UA,),
}
_COUNTRY_ALIASES = {"uk": "gb"}
# The bot's own language codes that name a variant ("pt_BR"): a language, not a country, when a
# caller passes the user's language choice where Telegram's code belongs.
_LANGUAGE_VARIANTS = frozenset(code for code in LANGUAGES if "_" in code)
# Languages spoken mostly in one country, for its emergency number.
_HOME_COUNTRY = {"ja": "jp", "hi": "in", "ru": "ru"}
# English keeps its short names for these ("US", "UK & Ireland"); every other place and
# language is named by Babel.
_ENGLISH_PLACES = {("US",): "US", ("GB",): "UK", ("GB", "IE"): "UK & Ireland"}


def _language_and_country(language_code: str | None) -> tuple[str, str]:
    """("en", "gb") for "en-GB"; ("en", "") for "en"; ("", "") for nothing; ("pt", "") for the
    bot's language choice "pt_BR" (Telegram writes Brazil as "pt-br")."""
    code = (language_code or "").strip()
    parts = [p for p in re.split(r"[-_]", code.casefold()) if p]
    if not parts:
        return "", ""
    if code in _LANGUAGE_VARIANTS:
        return parts[0], ""
    country = next(
        (p for p in parts[1:] if (len(p) == 2 and p.isalpha()) or (len(p) == 3 and p.isdigit())),
        "",
    )
    return parts[0], _COUNTRY_ALIASES.get(country, country)


def _base_language(language: str | None) -> str:
    """The language part of a code: "pt" for "pt_BR", "de" for "de-AT", "" for nothing."""
    return _language_and_country(language)[0]


@lru_cache(maxsize=1)
def _zone_countries() -> dict[str, str]:
    """IANA zone -> ISO country code, from the tz database's zone.tab (shipped by tzdata)."""
    try:
        table = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text("utf-8")
    except (ModuleNotFoundError, OSError):
        return {}
    countries: dict[str, str] = {}
    for line in table.splitlines():
        fields = line.split("\t")
        if len(fields) >= 3 and not line.startswith("#"):
            countries[fields[2]] = fields[0].casefold()
    return countries


def with_country(language_code: str | None, zone: str | None) -> str | None:
    """The language code with the country of the user's time zone when it names none, so
    help is local: ("en", "Europe/London") -> "en-gb"; ("en-US", anything) stays "en-US"."""
    language, country = _language_and_country(language_code)
    found = _zone_countries().get(zone or "")
    if country or not found:
        return language_code
    return f"{language or 'en'}-{found}"


def helplines_for(language_code: str | None, language: str | None = None) -> list[Helpline]:
    """Crisis lines for a Telegram language code ("en-US", "pt-BR", "de") and the language the
    user chose for the bot ("pt_BR", "ru"; when None, the language of `language_code`). The
    country decides first; without one, the places where that language is spoken (the chosen
    language, then Telegram's). Empty when nothing is known."""
    code_language, country = _language_and_country(language_code)
    chosen = _base_language(language) or code_language
    if country:
        lines = _BY_COUNTRY_AND_LANGUAGE.get((country, chosen)) or _BY_COUNTRY.get(country, ())
        return list(lines)
    return list(_BY_LANGUAGE.get(chosen) or _BY_LANGUAGE.get(code_language, ()))


@lru_cache(maxsize=16)
def _locale(language: str) -> Locale:
    return Locale.parse(language)


@lru_cache(maxsize=256)
def _place(countries: tuple[str, ...], language: str) -> str:
    """The countries' names in `language` (a catalogue code: "en", "pt_BR", "ru")."""
    if language == ENGLISH and countries in _ENGLISH_PLACES:
        return _ENGLISH_PLACES[countries]
    locale = _locale(language)
    return format_list([locale.territories.get(c, c) for c in countries], locale=locale)


def describe(line: Helpline, language: str | None = None) -> str:
    """One helpline as the reply lists it, in `language` (a catalogue or Telegram language
    code; English when None): "• Samaritans (UK & Ireland): call 116 123, free, day or night"."""
    catalogue_language = language_for(language)
    name = dict(line.names).get(catalogue_language.split("_")[0], line.name)
    if not line.says_where:
        name = f"{name} ({_place(line.countries, catalogue_language)})"
    if line.option:
        how = say("safety.contact.call_option", language, phone=line.phone, option=line.option)
    elif line.text == line.phone:
        how = say("safety.contact.call_or_text", language, phone=line.phone)
    elif line.text:
        how = say("safety.contact.call_and_text", language, phone=line.phone, text=line.text)
    elif line.other:
        how = say("safety.contact.call_either", language, phone=line.phone, other=line.other)
    else:
        how = say("safety.contact.call", language, phone=line.phone)
    details = [how]
    if line.free:
        details.append(say("safety.contact.free", language))
    if line.always:
        details.append(say("safety.contact.always", language))
    return say("safety.helpline", language, name=name, contact=", ".join(details))


# Local emergency numbers are catalogue texts ("safety.emergency.<country>"). Those added with
# Russian, checked in 2026: Russia 112 (single emergency number), Ukraine 103 (ambulance, free
# from any operator; 112 still being rolled out), Israel 101 (Magen David Adom), Colombia 123
# (Bogotá's emergency line), Chile 131 (SAMU; 133 is the police), Peru 106 (SAMU, free),
# Argentina 107 (SAME) or 911 (coordinated emergencies in Buenos Aires and most provinces).
def _emergency_numbers(language_code: str | None, language: str | None) -> str:
    code_language, country = _language_and_country(language_code)
    numbers = say("safety.emergency.numbers", language)
    home = country or _HOME_COUNTRY.get(_base_language(language) or code_language, "")
    key = f"safety.emergency.{home}"
    return f"{say(key, language)}, {numbers}" if home and key in SAFETY_TEXTS else numbers


def _help(language_code: str | None, language: str | None) -> Iterable[str]:
    yield say("safety.not_a_crisis_service", language)
    yield say("safety.emergency", language, numbers=_emergency_numbers(language_code, language))
    lines = helplines_for(language_code, language)
    if lines:
        yield "\n".join(
            [say("safety.helplines", language)] + [describe(line, language) for line in lines]
        )
    yield say("safety.directory", language)


def crisis_reply(language_code: str | None, language: str | None = None) -> str:
    """The answer to crisis language, in the user's language (`language`, a catalogue code such
    as "pt_BR"; when None, the language of `language_code`): kind, plain about what Bounce Back
    is, where to get help (by the country in Telegram's `language_code`, else by language), and
    that reminders pause for a day."""
    language = language or language_code
    return "\n\n".join(
        [
            say("safety.crisis.opening", language),
            *_help(language_code, language),
            say("safety.pause", language),
        ]
    )


def sos_reply(language_code: str | None, language: str | None = None) -> str:
    """What /sos shows: the same help, without pausing anything."""
    language = language or language_code
    return "\n\n".join([say("safety.sos.opening", language), *_help(language_code, language)])
