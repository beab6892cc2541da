"""Crisis safety: notice crisis language in free text, and say plainly where to find help.

Pure (no Telegram, no database). The conversation calls `detect_crisis` on every free text, in
every state, before any step logic; when it fires, it answers with `crisis_reply` and pauses
check-ins for `CRISIS_PAUSE_HOURS`. `/sos` answers with `sos_reply` at any time.

How detection works, and the judgement calls behind it:

* The text is normalised first: Unicode NFKC, format characters such as zero-width spaces and
  soft hyphens removed, casefolded, accents stripped, curly apostrophes made straight, runs of
  whitespace collapsed (line breaks are kept as clause breaks), stretched letters shortened
  ("diiiie" -> "die"), leetspeak undone inside words ("k1ll", "su1c1de"), spaced and starred
  words rejoined ("k i l l", "s*icide"), and common chat spellings expanded ("im", "dont",
  "wanna", "idk", "ngl").
* A curated list of English phrase patterns (with word boundaries) then covers suicidal
  ideation and self-harm in the ways people write it, plus a few unmistakable words in the
  bot's other likely languages. Matching is deliberately generous for first-person statements
  about wanting to die or not exist: a false alarm costs a kind message and a quiet day, a
  miss costs far more.
* Negation: a match is ignored when a negator (not, never, no, n't, "nothing like", "no way")
  sits within about five words before it in the same clause. Clauses end at punctuation, line
  breaks and words like "but", "and", "because", "if"; so "I'm not suicidal, but sometimes I
  want to die" triggers on its second half. Phrases that contain their own negator ("can't go
  on", "don't want to live", "no reason to live") include it in the pattern, so it never
  cancels them, and "can't"/"couldn't" never negate. Distress phrases that merely contain a
  negator ("not ok", "not sleeping", "trying not to", "don't know", "ngl") don't negate what
  follows, and a fresh "I ..." after the negator starts a new clause ("I didn't get the job I
  want to die"), unless only hedges sit between ("I don't think I'd ever hurt myself").
* Figurative and job-search uses don't trigger: "this interview killed me", "I could kill for
  that job", "I'm dying to hear back", "the commute is killing me", "deadline", "career
  suicide", "Suicide Squad", "cut myself some slack", "burn myself out", "shot myself in the
  foot", "killing myself preparing for this", "walked 5 kms".
* Borderline calls:
  - "This job search is killing me" and "the commute is killing me" do NOT trigger: "X is
    killing me" is the everyday idiom for stress, and the coaching carries on. Anything
    about wanting to die, not exist or hurt oneself in the same message still triggers.
  - "I'd die of embarrassment" does NOT trigger (it states no wish to die). "I wanted to die
    of embarrassment/cringe/boredom/laughter" does not either; "I want to die of shame" DOES,
    because shame after a rejection is where real despair lives.
  - "I'd rather die than work there again" does NOT trigger (hyperbole about a job); "I'd
    rather be dead" on its own does.
  - "Everyone would be better off without me" DOES trigger, even about a team.
  - "I can't do this anymore" and "I hate my life" do NOT trigger on their own: they are
    frequent venting in a job search. "I can't go on (like this)" does.
  - "kms" DOES trigger (as asked), except as kilometres ("walked 5 kms"); "kys" is aimed at
    someone else and doesn't.
  - "I'm not saying I want to die" and "I don't think I'm suicidal" count as negated; "I'm not
    suicidal, but..." followed by any crisis phrase triggers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from core.texts.safety import SAFETY_TEXTS

__all__ = [
    "CRISIS_PAUSE_HOURS",
    "Helpline",
    "crisis_reply",
    "detect_crisis",
    "helplines_for",
    "normalise",
    "sos_reply",
]

# How long check-ins stay paused after crisis language (the reply says "for a day").
CRISIS_PAUSE_HOURS = 24

# ---------------------------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------------------------

_APOSTROPHES = str.maketrans(
    dict.fromkeys("\u2018\u2019\u201b\u02bc\u02bb\u2032\u00b4`\uff07", "'")
)
_HORIZONTAL_SPACE = re.compile(r"[^\S\n]+")
_LINE_BREAKS = re.compile(r"\s*\n\s*")
_STRETCHED = re.compile(r"([a-z])\1{2,}")
_SPACED_LETTERS = re.compile(r"\b(?:[a-z][ .\-_]){3,}[a-z]\b")
_BANG_IN_WORD = re.compile(r"(?<=[a-z])!(?=[a-z])")
_TOKEN = re.compile(r"\S+")
_LEET_I = str.maketrans("013457@$", "oieastas")
_LEET_L = str.maketrans("013457@$", "oleastas")
_LEET_CHARS = frozenset("013457@$")
_CENSORED = re.compile(r"[a-z*]*\*[a-z*]*")
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
)
# Chat spellings, written out so the patterns (and the negation check) see one form.
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
    "i'mma": "i'm going to",
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
    "can not": "cannot",
}
_WORD_FIX = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in sorted(_WORD_FIXES, key=len, reverse=True)) + r")\b"
)
# "want 2 die", "nothing 2 live 4".
_TWO = re.compile(r"(?<=[a-z] )2(?= [a-z])")
_FOUR = re.compile(r"(?<=[a-z] )4(?=$|[^\w])")


def normalise(text: str) -> str:
    """The text as the patterns see it (the first of its spellings; see module docstring)."""
    return _spellings(text)[0]


def _spellings(text: str) -> list[str]:
    """The normalised text, once per way of reading leetspeak "1" (as "i", then as "l")."""
    base = unicodedata.normalize("NFKC", text)
    base = "".join(ch for ch in base if unicodedata.category(ch) != "Cf")
    base = base.casefold().translate(_APOSTROPHES)
    base = unicodedata.normalize("NFD", base)
    base = unicodedata.normalize(
        "NFC", "".join(ch for ch in base if unicodedata.category(ch) != "Mn")
    )
    base = _LINE_BREAKS.sub("\n", _HORIZONTAL_SPACE.sub(" ", base)).strip()
    spellings: list[str] = []
    for table in (_LEET_I, _LEET_L):
        spelling = _finish(_undo_leet(base, table))
        if spelling not in spellings:
            spellings.append(spelling)
    return spellings


def _undo_leet(text: str, table: dict[int, int]) -> str:
    def fix(match: re.Match[str]) -> str:
        token = match.group()
        if _LEET_CHARS.isdisjoint(token) or not any("a" <= ch <= "z" for ch in token):
            return token
        return token.translate(table)

    return _BANG_IN_WORD.sub("i", _TOKEN.sub(fix, text))


def _uncensor(match: re.Match[str]) -> str:
    token = match.group()
    if not any(ch.isalpha() for ch in token):
        return token
    shape = "".join(
        f"[a-z]{{1,{len(part) + 1}}}" if part.startswith("*") else re.escape(part)
        for part in re.split(r"(\*+)", token)
        if part
    )
    for word in _CENSORABLE:
        if re.fullmatch(shape, word):
            return word
    return token


def _finish(text: str) -> str:
    text = _STRETCHED.sub(r"\1", text)
    text = _SPACED_LETTERS.sub(lambda m: re.sub(r"[ .\-_]", "", m.group()), text)
    text = _CENSORED.sub(_uncensor, text)
    text = _WORD_FIX.sub(lambda m: _WORD_FIXES[m.group()], text)
    text = _TWO.sub("to", text)
    return _FOUR.sub("for", text)


# ---------------------------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Pattern:
    """A crisis phrase; a match doesn't count if `before` matches the text leading up to it
    (anchored at its end) or `after` matches the text following it (anchored at its start)."""

    phrase: re.Pattern[str]
    before: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None


def _p(phrase: str, before: str | None = None, after: str | None = None) -> _Pattern:
    return _Pattern(
        re.compile(phrase),
        re.compile(before) if before else None,
        re.compile(after) if after else None,
    )


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

_PATTERNS: tuple[_Pattern, ...] = (
    # --- Suicide, named ---------------------------------------------------------------------
    _p(
        r"\bs[uo]+[i1]?[csz]+[i1]?d(?:e|es|ed|al|ial|le|el|ality|ally|io|ios|er|aire|arme|armi|"
        r"ar)?\b",
        before=(
            r"\b(?:career|political|professional|social|commercial|financial|corporate|"
            r"electoral|brand|business|economic|reputational)\s*$"
        ),
        after=(
            r"\s*(?:squad|missions?|bombers?|bombings?|bombs?|attacks?|doors?|runs?|sprints?|"
            r"drills?|kings?|knots?|rates?|statistics|stats)\b"
        ),
    ),
    _p(r"\b(?:suizid\w*|selbstmord\w*|zelfmoord\w*|samob[o\u00f3]j\w*)"),
    _p(r"\bsewer\s*slid(?:e|ing)\b"),
    _p(r"\bun-?\s?aliv(?:e|ed|ing)\b"),
    # --- Killing oneself ---------------------------------------------------------------------
    _p(r"\bkill+s?\s+" + _MYSELF + r"\b", after=r"\s+laughing\b"),
    _p(
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
        r"\bkms\b",
        before=(
            r"(?:\d[\d.,]*|few|several|many|some|hundred|hundreds|thousand|more|couple\s+of|"
            r"of|the|those|these|walked|ran|drove|cycled|biked|hiked|swam)\s*$"
        ),
        after=r"\s*(?:away|from|of|per|long|north|south|east|west|/h)\b",
    ),
    _p(r"\b(?:to|might|will|i'll|should|could)\s+off\s+" + _MYSELF + r"\b"),
    _p(
        r"\b(?:hang|hanging|hanged|hung|poison|poisoning|poisoned|stab|stabbing|stabbed|"
        r"suffocate|suffocating|suffocated|strangle|strangling|strangled|starve|starving|"
        r"starved|gas|gassing|electrocute|electrocuting|mutilate|mutilating|mutilated)\s+"
        + _MYSELF
        + r"\b"
    ),
    _p(
        r"\b(?:drown|drowning|drowned)\s+" + _MYSELF + r"\b",
        after=r"\s+in\s+(?!(?:the|a)\s+(?:river|sea|lake|ocean|bath|bathtub|canal|pond|water)\b)",
    ),
    _p(
        r"\b(?:shoot|shooting|shot)\s+" + _MYSELF + r"\b",
        after=r"\s+in\s+the\s+(?:foot|feet|leg)\b",
    ),
    _p(r"\b(?:blow|blowing|blew)\s+my\s+brains\s+out\b"),
    _p(r"\b(?:put|putting|hold|holding)\s+a\s+gun\s+to\s+my\s+head\b"),
    _p(r"\b(?:tie|tied|tying|make|made|making|buy|bought|got)\s+(?:a|the|myself\s+a)\s+noose\b"),
    # --- Ending one's life ---------------------------------------------------------------------
    _p(
        r"\bend(?:s|ed|ing)?\s+(?:my\s+(?:own\s+)?life|it\s+all|my\s+(?:own\s+)?existence|"
        r"things\s+for\s+good|my\s+suffering)\b"
    ),
    _p(
        r"\b(?:want|wanted|going|planning|plan|ready|decided|deciding|thinking\s+(?:of|about)|"
        r"think\s+about|thought\s+about|should|might|will|i'll)\s+(?:to\s+)?end(?:ing)?\s+it\b",
        after=r"\s*(?:with|at|there|here|on|by|early|off|-)\b",
    ),
    _p(
        r"\b(?:take|takes|taking|taken|took)\s+my\s+(?:own\s+)?life\b",
        after=(
            r"\s+(?:back|in\s+(?:a|another|my|new)|into|forward|seriously|more\s+seriously|"
            r"off\s+hold|to\s+(?:the|a|another)\s+(?:next|new))\b"
        ),
    ),
    # --- Wanting to die, be dead, not exist -----------------------------------------------------
    _p(
        r"\b" + _WANTING + _ADVERBS + r"\s+(?:to\s+)?(?:be\s+)?(?:die|dead)\b",
        after=(
            r"\s+(?:(?:of|from)\s+(?:embarrassment|cringe|laughter|laughing|boredom)|"
            r"on\s+(?:this|that|the)\s+hill)\b"
        ),
    ),
    _p(
        r"\b(?:deserve|deserved|deserves|plan|planning|decided|prefer)\s+to\s+(?:be\s+)?(?:die|dead)\b"
    ),
    _p(r"\brather\s+(?:be\s+)?(?:die|dead)\b", after=r"\s+than\b"),
    _p(r"\bi\s+(?:should|might\s+as\s+well|may\s+as\s+well)(?:\s+just)?\s+(?:die|be\s+dead)\b"),
    _p(
        r"\b(?:don't|do\s+not|doesn't|didn't|no\s+longer|never)\s+(?:really\s+|even\s+)?"
        r"(?:want|wanted|wish)\s+to\s+(?:be\s+alive|exist|be\s+around|be\s+in\s+this\s+world|"
        r"live\b(?!\s+(?:in|at|with|near|on|abroad|there|somewhere|elsewhere|paycheck|through|"
        r"off|up|out|like\s+(?:that|them|him|her|my))\b)|"
        r"be\s+here\b(?!\s+(?:at|for|when|on|tomorrow|next|again|early|late|till|until|during|"
        r"while|after|in\s+(?:the|this|that)\s+(?:office|job|city|town|place|company|role|"
        r"meeting|building|team)|in\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|time))\b)|"
        r"wake\s+up\b(?!\s+(?:early|at|for|so\s+early|before|in\s+time)\b)|"
        r"(?:go\s+on|keep\s+going|keep\s+living|carry\s+on)" + _THOUGHT_ENDS + r")"
    ),
    _p(
        r"\b(?:(?:don't|do\s+not)\s+know|not\s+sure)(?:\s+(?:if|whether|that|why))?\s+i\s+"
        r"(?:even\s+|still\s+|really\s+)?want\s+to\s+(?:live|be\s+alive|exist|go\s+on|"
        r"keep\s+going|keep\s+living|wake\s+up)\b"
    ),
    _p(
        _WISH_I + r"(?:\s+was|\s+were|'d\s+been|\s+had\s+been|'m|\s+am|\s+could\s+be|\s+would\s+be)"
        r"(?:\s+(?:just|simply|already))?\s+dead\b"
    ),
    _p(
        _WISH_I + r"(?:\s+wasn't|\s+weren't|\s+was\s+not|\s+were\s+not|\s+hadn't\s+been|"
        r"\s+had\s+not\s+been)\s+(?:alive|here|around|born|in\s+this\s+world)\b"
    ),
    _p(_WISH_I + r"(?:\s+didn't|\s+did\s+not|\s+don't|\s+do\s+not)\s+exist\b"),
    _p(
        _WISH_I + r"\s+could(?:\s+(?:just|simply))?\s+(?:die|disappear|vanish|stop\s+existing|"
        r"not\s+exist|cease\s+to\s+exist|not\s+wake\s+up|go\s+to\s+sleep\s+forever|"
        r"fall\s+asleep\s+forever)\b"
    ),
    _p(r"\bnever\s+(?:have\s+|had\s+)?been\s+born\b"),
    _p(
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
        r"\b(?:to|i|i'll|i'd|i'm|could|should|would|just|let\s+me|me)\s+(?:just\s+|simply\s+)?"
        r"(?:disappear|vanish)(?:ing)?\s+(?:forever|for\s+good|permanently|"
        r"off\s+the\s+face\s+of\s+the\s+earth|and\s+never\s+(?:come|came)\s+back|"
        r"and\s+never\s+return|without\s+a\s+trace)\b"
    ),
    _p(r"\b(?:stop|stopped)\s+existing\b"),
    _p(r"\bcease\s+to\s+exist\b"),
    _p(r"\bnot\s+(?:to\s+)?exist\s+any\s*more\b"),
    # --- Better off without me, no reason to live ---------------------------------------------
    _p(r"\bbetter\s+off\s+dead\b"),
    _p(r"\bbetter\s+(?:off\s+)?without\s+me\b"),
    _p(
        r"\bbetter\s+(?:off\s+)?if\s+i\s+(?:(?:was|were|'m|am)\s+(?:dead|gone)|"
        r"(?:wasn't|weren't|was\s+not|were\s+not)\s+(?:here|around|alive|born)|died|disappeared|"
        r"(?:didn't|did\s+not)\s+exist|never\s+existed|'d\s+never\s+been\s+born|"
        r"had\s+never\s+been\s+born)\b"
    ),
    _p(
        r"\b(?:no\s*one|nobody)\s+(?:would|will|'d)\s+(?:even\s+)?(?:miss\s+me|notice\s+if\s+i|"
        r"care\s+if\s+i\s+(?:died|was\s+gone|disappeared|wasn't\s+here|killed))\b"
    ),
    _p(
        r"\b(?:no|(?:don't|do\s+not|doesn't|can't|cannot|couldn't)\s+(?:really\s+)?"
        r"(?:have|see|find|think\s+of|got)\s+(?:a|any)|(?:lost|lose|losing)\s+(?:my|every|all|"
        r"the|any)|what's|what\s+is|is\s+there\s+(?:a|any)|give\s+me\s+(?:a|one)|"
        r"there's\s+no|there\s+is\s+no|isn't\s+(?:a|any))\s+(?:more\s+|single\s+|good\s+)?"
        r"reasons?\s+(?:left\s+)?(?:to|for)\s+(?:live|living|go\s+on|going\s+on|keep\s+going|"
        r"keep\s+living|be\s+alive|being\s+alive|stay\s+alive|staying\s+alive|exist|existing|"
        r"carry\s+on|be\s+here|me\s+to\s+(?:live|be\s+here|stay))\b"
    ),
    _p(
        r"\b(?:nothing|(?:don't|do\s+not|doesn't|haven't|have\s+not|not|hardly|isn't|"
        r"there's\s+not)\s+(?:(?:have|got|had)\s+)?(?:anything|much)|what(?:'s|\s+is|"
        r"\s+do\s+i\s+have|\s+have\s+i\s+got))\s+(?:left\s+)?to\s+live\s+for\b"
    ),
    _p(
        r"\b(?:no|(?:don't|do\s+not|can't|cannot|couldn't)\s+see\s+(?:the|a|any)|what's\s+the|"
        r"what\s+is\s+the|there's\s+no|there\s+is\s+no|isn't\s+(?:a|any)|lost\s+the)\s+"
        r"point\s+(?:(?:of|in|to)\s+)?(?:living|life|being\s+alive|staying\s+alive|"
        r"(?:to\s+)?stay\s+alive|going\s+on|existing|my\s+existence|me\s+being\s+(?:alive|here)|"
        r"live|exist|carrying\s+on)\b"
    ),
    _p(
        r"\b(?:isn't|is\s+not|not|no\s+longer|ain't|wasn't|never)\s+(?:really\s+|even\s+)?"
        r"worth\s+living\b"
    ),
    _p(r"\blife\s+(?:isn't|is\s+not|'s\s+not|ain't)\s+worth\s+it\b"),
    _p(
        r"\b(?:tired|sick|weary)\s+of\s+(?:living|being\s+alive|existing)\b",
        after=(
            r"\s+(?:in|out|at|with|on|off|paycheck|under|from|alone|abroad|here|there|near|"
            r"by|for)\b"
        ),
    ),
    _p(r"\bdone\s+with\s+(?:life|living|being\s+alive|existing)\b"),
    _p(r"\bwant\s+(?:it\s+all|everything|the\s+pain|my\s+life)\s+to\s+(?:end|stop|be\s+over)\b"),
    # --- Can't go on ---------------------------------------------------------------------------
    _p(
        r"\b(?:can't|cannot|couldn't|can\s+no\s+longer|unable\s+to)\s+(?:go\s+on|keep\s+going|"
        r"carry\s+on|continue\s+living|keep\s+living)" + _THOUGHT_ENDS
    ),
    _p(
        r"\b(?:(?:don't|do\s+not)\s+(?:think|know\s+(?:if|whether|how))|not\s+sure"
        r"(?:\s+(?:if|whether|that|how))?)\s+i\s+can\s+(?:go\s+on|keep\s+going|carry\s+on|"
        r"keep\s+living)" + _THOUGHT_ENDS
    ),
    # --- Sleep and never wake up ------------------------------------------------------------
    _p(r"\b(?:sleep|asleep)\b[^.!?\n]{0,25}?\b(?:and|&)\s+(?:never|not)\s+wake\s+up\b"),
    _p(
        r"\b(?:hope|hoping|want|wanted|wish|wished|pray|praying)\b[^.!?,\n]{0,20}?"
        r"\b(?:never|not|don't|won't|wouldn't|didn't)\s+wake\s+up\b",
        after=(
            r"\s+(?:late|early|too\s+(?:late|early)|in\s+time|on\s+time|at|before|after|with|"
            r"sick|tired|grumpy|hungover)\b"
        ),
    ),
    _p(r"\bnever\s+wake\s+up\s+again\b"),
    _p(r"\b(?:go\s+to\s+sleep|fall\s+asleep)\s+(?:forever|permanently|for\s+good)\b"),
    # --- Methods -------------------------------------------------------------------------------
    _p(
        r"\bover\s?-?dos(?:e|ed|es|ing)\b",
        after=(
            r"\s+on\s+(?:coffee|caffeine|sugar|chocolate|netflix|espresso|energy\s+drinks|cake|"
            r"content|tiktok|self[\s-]?help|advice|podcasts)\b"
        ),
    ),
    _p(r"\b(?:want|going|planning|tempted|trying)\s+to\s+od(?:'d|ed|ing)?\b"),
    _p(r"\b(?:might|will|i'll|could|gonna)\s+od\b"),
    _p(
        r"\b(?:take|took|taking|swallow|swallowed|swallowing)\s+(?:all|a\s+(?:whole|full)\s+"
        r"(?:bottle|box|pack|packet)\s+of|a\s+bunch\s+of|a\s+handful\s+of|loads\s+of|too\s+many)"
        r"\s+(?:of\s+)?(?:my\s+|the\s+|these\s+|those\s+)?(?:pills|tablets|meds|medication|"
        r"medicine|painkillers|sleeping\s+pills)\b"
    ),
    _p(
        r"\b(?:sav(?:e|ed|ing)|stockpil(?:e|ed|ing)|hoard(?:ed|ing)?)\s+(?:up\s+)?(?:my\s+)?"
        r"(?:pills|tablets|meds|painkillers|sleeping\s+pills)\b"
    ),
    _p(r"\b(?:pills|tablets|meds|painkillers)\s+(?:saved|stockpiled|hoarded)\b"),
    _p(
        r"\b(?:jump|jumping|jumped|leap|leaping|throw\s+myself|throwing\s+myself|"
        r"threw\s+myself|step|stepping)\s+(?:off|from|out\s+of|out)\s+(?:(?:a|an|the|this|that|"
        r"my|some|our)\s+)?(?:\w+\s+){0,2}?" + _HEIGHTS + r"\b"
    ),
    _p(
        r"\b(?:jump|jumping|jumped|step|stepping|stepped|throw\s+myself|throwing\s+myself|"
        r"threw\s+myself|lie\s+down|lay\s+down)\s+in\s+front\s+of\s+(?:(?:a|the|an|some)\s+)?"
        r"(?:\w+\s+)?(?:train|car|bus|truck|lorry|subway|tube|tram|traffic)\b"
    ),
    _p(r"\b(?:throw|throwing|threw)\s+" + _MYSELF + r"\s+(?:off|under|from|out\s+of)\b"),
    _p(
        r"\b(?:slit|slitting|slash|slashing|cut|cutting|open|opening)\s+(?:my|me)\s+"
        r"(?:wrists?|throat|veins?)\b"
    ),
    # --- Self-harm ------------------------------------------------------------------------------
    _p(r"\bself\s*-?\s*(?:harm\w*|injur(?:y|e|ed|ing|ies)|mutilat\w*)\b"),
    _p(
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
        r"\b(?:cut|cuts|cutting)\s+" + _MYSELF + r"\b",
        after=(
            r"\s+(?:some\s+slack|slack|a\s+break|off|short|out|shaving|cooking|chopping|slicing|"
            r"on\s+(?:a|the|some)\s+\w+|with\s+(?:a|the)\s+(?:paper|kitchen)|by\s+accident|"
            r"accidentally|in\s+the\s+kitchen|a\s+(?:deal|piece|slice))\b"
        ),
    ),
    _p(
        r"\b(?:burn|burns|burning|burned|burnt)\s+" + _MYSELF + r"\b",
        after=(
            r"\s+(?:out|cooking|baking|ironing|making|on\s+(?:the|a)\s+(?:stove|oven|pan|kettle|"
            r"iron|hob|grill)|with\s+(?:the\s+)?(?:coffee|tea|hot\s+water|the\s+kettle|the\s+iron)|"
            r"in\s+the\s+sun|by\s+accident|accidentally)\b"
        ),
    ),
    _p(r"\b(?:cut|cutting)\s+(?:my\s+)?(?:arms?|legs?|thighs?|skin|wrists?)\s+again\b"),
    _p(
        r"\b(?:i'm|i\s+am|i've\s+been|i\s+have\s+been|i\s+was|been|started|start|starting|"
        r"keep|kept|back\s+to|relapsed\s+(?:and|into))\s+(?:cutting|harming\s+myself|"
        r"hurting\s+myself)\s+(?:again|myself)\b"
    ),
    _p(r"^(?:been\s+|started\s+)?cutting\s+again\b"),
    _p(r"\brelapsed\b[^.!?\n]{0,20}\b(?:cutting|self[\s-]*harm\w*|hurting\s+myself)"),
    # --- A few unmistakable phrases in other languages (only English negators are known) ---
    _p(r"\b(?:me\s+suicider|suicidaire|envie\s+de\s+mourir|veux\s+mourir|me\s+tuer)\b"),
    _p(r"\b(?:quiero\s+morir(?:me)?|quitarme\s+la\s+vida|suicidarme|matarme)\b"),
    _p(r"\b(?:quero\s+morrer|me\s+matar|tirar\s+minha\s+(?:propria\s+)?vida)\b"),
    _p(r"\b(?:voglio\s+morire|uccidermi|togliermi\s+la\s+vita)\b"),
    _p(r"\b(?:mich\s+umbringen|will\s+(?:nicht\s+mehr\s+leben|sterben)|nicht\s+mehr\s+leben)\b"),
)

# ---------------------------------------------------------------------------------------------
# Negation
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


def _crisis_in(text: str) -> bool:
    for pattern in _PATTERNS:
        for match in pattern.phrase.finditer(text):
            before, after = text[: match.start()], text[match.end() :]
            if pattern.before and pattern.before.search(before):
                continue
            if pattern.after and pattern.after.match(after):
                continue
            if _negated(before):
                continue
            return True
    return False


def detect_crisis(text: str) -> bool:
    """Whether `text` contains crisis language (suicidal thoughts, self-harm) that isn't negated
    or figurative. Errs on the side of care; see the module docstring for the judgement calls."""
    if not text or not text.strip():
        return False
    return any(_crisis_in(spelling) for spelling in _spellings(text))


# ---------------------------------------------------------------------------------------------
# Helplines and replies
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Helpline:
    """A crisis line: who they are (with the country) and how to reach them."""

    name: str
    contact: str


# Only numbers we are confident about; anywhere else the reply points to findahelpline.com.
# Russia is left out on purpose: 8-800-2000-122 is a line for children, teenagers and parents,
# and we know no national adult line well enough to list it.
_US = Helpline("988 Suicide & Crisis Lifeline (US)", "call or text 988")
_CA = Helpline("9-8-8 Suicide Crisis Helpline (Canada)", "call or text 988")
_SAMARITANS = Helpline("Samaritans (UK & Ireland)", "call 116 123, free, day or night")
_AU = Helpline("Lifeline (Australia)", "call 13 11 14")
_NZ = Helpline("Need to Talk? (New Zealand)", "call or text 1737")
_IN = Helpline("Tele-MANAS (India)", "call 14416")
_DE = Helpline("TelefonSeelsorge (Germany)", "call 0800 111 0 111 or 0800 111 0 222, free")
_AT = Helpline("TelefonSeelsorge (Austria)", "call 142")
_CH = Helpline("Die Dargebotene Hand / La Main Tendue (Switzerland)", "call 143")
_FR = Helpline("Suicide prevention line (France)", "call 3114, free, day or night")
_BE_FR = Helpline("Centre de Prévention du Suicide (Belgium)", "call 0800 32 123")
_BE_NL = Helpline("Zelfmoordlijn (Belgium)", "call 1813")
_ES = Helpline("Línea 024 (Spain)", "call 024")
_MX = Helpline("Línea de la Vida (Mexico)", "call 800 911 2000")
_IT = Helpline("Telefono Amico (Italy)", "call 02 2327 2327")
_NL = Helpline("113 Zelfmoordpreventie (Netherlands)", "call 113 or 0800-0113")
_BR = Helpline("CVV (Brazil)", "call 188")
_JP = Helpline("いのちの電話 Inochi no Denwa (Japan)", "call 0570-783-556")
_PL = Helpline("Telefon zaufania (Poland)", "call 116 123")
_UA = Helpline("Lifeline Ukraine", "call 7333")

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
    "fr": (_FR,),
    "be": (_BE_FR, _BE_NL),
    "es": (_ES,),
    "mx": (_MX,),
    "it": (_IT,),
    "nl": (_NL,),
    "br": (_BR,),
    "jp": (_JP,),
    "pl": (_PL,),
    "ua": (_UA,),
}
# Belgium by language.
_BELGIUM: dict[str, tuple[Helpline, ...]] = {"fr": (_BE_FR,), "nl": (_BE_NL,)}
# By language alone (Telegram usually sends "en", "de", ...): where most speakers are.
_BY_LANGUAGE: dict[str, tuple[Helpline, ...]] = {
    "en": (_US, _SAMARITANS),
    "de": (_DE,),
    "fr": (_FR,),
    "es": (_ES,),
    "it": (_IT,),
    "nl": (_NL,),
    "pt": (_BR,),
    "hi": (_IN,),
    "ja": (_JP,),
    "pl": (_PL,),
    "uk": (_UA,),
}
_COUNTRY_ALIASES = {"uk": "gb"}
# Languages spoken (almost) only in one country, for its emergency number.
_HOME_COUNTRY = {"ja": "jp", "hi": "in"}


def _language_and_country(language_code: str | None) -> tuple[str, str]:
    """("en", "gb") for "en-GB"; ("en", "") for "en"; ("", "") for nothing."""
    parts = [p for p in re.split(r"[-_]", (language_code or "").strip().casefold()) if p]
    if not parts:
        return "", ""
    country = next(
        (p for p in parts[1:] if (len(p) == 2 and p.isalpha()) or (len(p) == 3 and p.isdigit())),
        "",
    )
    return parts[0], _COUNTRY_ALIASES.get(country, country)


def helplines_for(language_code: str | None) -> list[Helpline]:
    """Crisis lines for a Telegram language code ("en-US", "de", ...); empty when unknown."""
    language, country = _language_and_country(language_code)
    if country == "be" and language in _BELGIUM:
        return list(_BELGIUM[language])
    if country:
        return list(_BY_COUNTRY.get(country, ()))
    return list(_BY_LANGUAGE.get(language, ()))


def _emergency_numbers(language_code: str | None) -> str:
    language, country = _language_and_country(language_code)
    numbers = SAFETY_TEXTS["safety.emergency.numbers"]
    local = SAFETY_TEXTS.get(f"safety.emergency.{country or _HOME_COUNTRY.get(language, '')}")
    return f"{local}, {numbers}" if local else numbers


def _help(language_code: str | None) -> Iterable[str]:
    yield SAFETY_TEXTS["safety.not_a_crisis_service"]
    yield SAFETY_TEXTS["safety.emergency"].format(numbers=_emergency_numbers(language_code))
    lines = helplines_for(language_code)
    if lines:
        yield "\n".join(
            [SAFETY_TEXTS["safety.helplines"]]
            + [
                SAFETY_TEXTS["safety.helpline"].format(name=h.name, contact=h.contact)
                for h in lines
            ]
        )
    yield SAFETY_TEXTS["safety.directory"]


def crisis_reply(language_code: str | None) -> str:
    """The answer to crisis language: kind, plain about what Bounce Back is, where to get help,
    and that reminders pause for a day."""
    return "\n\n".join(
        [SAFETY_TEXTS["safety.crisis.opening"], *_help(language_code), SAFETY_TEXTS["safety.pause"]]
    )


def sos_reply(language_code: str | None) -> str:
    """What /sos shows: the same help, without pausing anything."""
    return "\n\n".join([SAFETY_TEXTS["safety.sos.opening"], *_help(language_code)])
