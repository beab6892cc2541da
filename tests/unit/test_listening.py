"""Listening: what kind of answer people give, their own words, entries, strengths, variants."""

from __future__ import annotations

import pytest

from core.listening import (
    MAX_STRENGTH_CHARS,
    MAX_STRENGTH_ITEMS,
    AnswerKind,
    EntryKind,
    check_entry,
    choose_variant,
    classify_answer,
    own_words,
    short_at_word,
    strength_items,
)

NON = AnswerKind.NON_ANSWER
DIS = AnswerKind.DISMISSIVE
BLAME = AnswerKind.BLAMING
SELF = AnswerKind.SELF_BLAME
REAL = AnswerKind.SUBSTANTIVE

LONG_ANSWER_WITH_ONE_SWEAR = (
    "The technical part went fine but I completely blanked on the system design question, "
    "which was shit, and I need to practise whiteboard sessions more often"
)
LONG_RANT = (
    "this is fucking pointless, the whole thing is bullshit and I don't see why I should "
    "write about my feelings to a bot at all"
)
LONG_CAPS_ANSWER = (
    "I PREPARED WELL FOR THE TECHNICAL ROUND BUT FROZE ON THE SYSTEM DESIGN PART AND NEED "
    "MORE PRACTICE"
)


def cases(*rows: tuple[str, AnswerKind]) -> list[object]:
    return [pytest.param(text, kind, id=f"{kind}: {text[:40]}") for text, kind in rows]


# --- classify_answer ---------------------------------------------------------------------------

NON_ANSWERS = cases(
    ("idk", NON),
    ("no", NON),
    ("nothing", NON),
    ("none", NON),
    ("dunno", NON),
    ("not sure", NON),
    ("?", NON),
    ("...", NON),
    ("whatever", NON),
    ("n/a", NON),
    ("skip", NON),
    ("pass", NON),
    ("no sé", NON),
    ("nada", NON),
    ("keine Ahnung", NON),
    ("nichts", NON),
    ("je sais pas", NON),
    ("rien", NON),
    ("não sei", NON),
    ("", NON),
    ("   \n ", NON),
    ("-", NON),
    ("🤷", NON),
    ("IDK!!", NON),
    ("idkkk", NON),
    ("Sorry, no idea", NON),
    ("nothing really", NON),
    ("not sure tbh", NON),
    ("I don't know", NON),
    ("I don’t know", NON),
    ("N/A", NON),
    ("k.A.", NON),
    ("I'd rather not say", NON),
    ("Nobody", NON),
    ("0", NON),
    ("ni idea", NON),
    ("weiß ich nicht", NON),
    ("aucune idée", NON),
    ("sei lá", NON),
)
DISMISSIVE_ANSWERS = cases(
    ("fuck this, it's all bullshit, whatever", DIS),
    ("this is stupid", DIS),
    ("pointless exercise", DIS),
    ("Pointless.", DIS),
    ("who cares", DIS),
    ("whatever, who cares", DIS),
    ("fuck", DIS),
    ("f*ck this", DIS),
    ("b*llsh*t", DIS),
    ("Total bullshit", DIS),
    ("what a waste of time", DIS),
    ("screw this", DIS),
    ("this is so dumb", DIS),
    ("It's a joke", DIS),
    ("stupid questions", DIS),
    ("leave me alone", DIS),
    ("I don't care", DIS),
    ("I HATE THIS!", DIS),
    ("WHY DO YOU KEEP ASKING ME THESE THINGS", DIS),
    ("ist mir egal", DIS),
    ("je m'en fous", DIS),
    ("me da igual", DIS),
    ("tanto faz", DIS),
    (LONG_RANT, DIS),
)
BLAMING_ANSWERS = cases(
    ("the interviewer was an idiot", BLAME),
    ("they were biased", BLAME),
    ("it was rigged", BLAME),
    ("HR screwed me", BLAME),
    ("they hired an internal guy", BLAME),
    ("nepotism", BLAME),
    ("The recruiter was a total clown", BLAME),
    ("the questions were stupid", BLAME),
    ("It was their fault", BLAME),
    ("they already had someone in mind", BLAME),
    ("they gave the job to the boss's nephew", BLAME),
    ("It's not fair", BLAME),
    ("they didn't even read my CV", BLAME),
    ("fuck them", BLAME),
    ("No, they were biased", BLAME),
    ("I can't believe they were biased", BLAME),
    ("Das war ungerecht", BLAME),
    ("c'est injuste", BLAME),
)
SELF_BLAME_ANSWERS = cases(
    ("I'm unemployable", SELF),
    ("I'm so stupid", SELF),
    ("I always mess up", SELF),
    ("it's all my fault", SELF),
    ("Im such an idiot", SELF),
    ("I felt like an idiot", SELF),
    ("I'm a failure", SELF),
    ("I'm just not good enough", SELF),
    ("I always screw things up", SELF),
    ("I ruin everything", SELF),
    ("Nobody will ever hire me", SELF),
    ("What's wrong with me", SELF),
    ("I messed up.", SELF),
    ("I blew it", SELF),
    ("I fucked up the coding part", SELF),
    ("I hate myself for rambling", SELF),
    ("ich bin so dumm", SELF),
    ("es mi culpa", SELF),
    ("c'est ma faute", SELF),
    ("sou um fracasso", SELF),
)
SUBSTANTIVE_ANSWERS = cases(
    ("the salary talk", REAL),
    ("Java", REAL),
    ("I froze on the system design question", REAL),
    ("I messed up the system design question", REAL),
    ("partly my fault for not preparing the case study", REAL),
    ("nothing went well", REAL),
    ("no idea how to answer the salary question", REAL),
    ("shit, I really wanted that job", REAL),
    ("I don't care about the salary, I care about growth", REAL),
    ("It felt pointless to keep applying", REAL),
    ("I have a bias for action", REAL),
    ("Honestly the second round went really well", REAL),
    ("Not sure the team was a fit, but the people were kind", REAL),
    ("AWS AND GCP", REAL),
    (LONG_ANSWER_WITH_ONE_SWEAR, REAL),
    (LONG_CAPS_ANSWER, REAL),
)


@pytest.mark.parametrize(("text", "kind"), NON_ANSWERS)
def test_dont_know_words_punctuation_and_empty_text_are_non_answers(
    text: str, kind: AnswerKind
) -> None:
    assert classify_answer(text) is kind


@pytest.mark.parametrize(("text", "kind"), DISMISSIVE_ANSWERS)
def test_anger_at_the_exercise_swearing_and_shouting_are_dismissive(
    text: str, kind: AnswerKind
) -> None:
    assert classify_answer(text) is kind


@pytest.mark.parametrize(("text", "kind"), BLAMING_ANSWERS)
def test_putting_the_outcome_on_someone_else_is_blaming(text: str, kind: AnswerKind) -> None:
    assert classify_answer(text) is kind


@pytest.mark.parametrize(("text", "kind"), SELF_BLAME_ANSWERS)
def test_a_verdict_on_oneself_is_self_blame(text: str, kind: AnswerKind) -> None:
    assert classify_answer(text) is kind


@pytest.mark.parametrize(("text", "kind"), SUBSTANTIVE_ANSWERS)
def test_real_answers_are_substantive_however_short(text: str, kind: AnswerKind) -> None:
    assert classify_answer(text) is kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param("fuck this, I'm so stupid", SELF, id="self-blame over dismissive"),
        pytest.param(
            "I'm so stupid, and the interviewer was an idiot", SELF, id="self-blame over blaming"
        ),
        pytest.param("the interviewer was a fucking idiot", BLAME, id="blaming over dismissive"),
        pytest.param("THE INTERVIEWER WAS AN IDIOT", BLAME, id="blaming over shouting"),
        pytest.param("nope, fuck that", DIS, id="dismissive over non-answer"),
    ],
)
def test_when_several_kinds_match_self_blame_then_blaming_then_dismissive_win(
    text: str, kind: AnswerKind
) -> None:
    assert classify_answer(text) is kind


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("it wasn't rigged", id="wasn't"),
        pytest.param("they were not biased", id="not"),
        pytest.param("I don't think it's all my fault", id="don't think"),
        pytest.param("It's not all my fault", id="not all my fault"),
        pytest.param("No fue mi culpa", id="Spanish no"),
        pytest.param("he wasn't an idiot", id="insult negated"),
    ],
)
def test_a_negation_just_before_a_phrase_cancels_it(text: str) -> None:
    assert classify_answer(text) is REAL


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param("Fuck.", DIS, id="one word, a swear"),
        pytest.param("damn it", DIS, id="two words, one swear"),
        pytest.param("oh shit", DIS, id="one word in two"),
        pytest.param("holy shit I got an offer elsewhere", REAL, id="one word in seven"),
        pytest.param("the salary was shit", REAL, id="one word in four"),
    ],
)
def test_a_short_answer_with_swearing_only_is_dismissive_when_one_word_in_three_swears(
    text: str, kind: AnswerKind
) -> None:
    assert classify_answer(text) is kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param(LONG_ANSWER_WITH_ONE_SWEAR, REAL, id="one swear in 26 words"),
        pytest.param(
            "who cares about the dress code honestly, what mattered was how I explained my "
            "projects and I rushed that part",
            REAL,
            id="one dismissive phrase in 20 words",
        ),
        pytest.param(
            "shit, the panel asked about distributed caching and shit, I had only read about it "
            "the night before, I guessed",
            DIS,
            id="two swears in 20 words",
        ),
        pytest.param(
            "shit, the panel asked about distributed caching and shit, I had only read about it "
            "the night before so I guessed and I rambled on about Redis for far too long",
            REAL,
            id="two swears in 31 words",
        ),
        pytest.param(LONG_RANT, DIS, id="four signals in 24 words"),
    ],
)
def test_a_long_answer_needs_two_signals_and_one_per_ten_words_to_be_dismissive(
    text: str, kind: AnswerKind
) -> None:
    assert classify_answer(text) is kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param("WHY DOES NOBODY EVER CALL BACK", DIS, id="three words, twelve capitals"),
        pytest.param("I HATE THIS!", DIS, id="exclamation, two words"),
        pytest.param("AWS AND GCP", REAL, id="acronyms"),
        pytest.param("IBM", REAL, id="one acronym"),
        pytest.param(LONG_CAPS_ANSWER, REAL, id="long caps-lock answer"),
    ],
)
def test_shouting_is_dismissive_in_a_short_answer_but_not_in_acronyms_or_long_answers(
    text: str, kind: AnswerKind
) -> None:
    assert classify_answer(text) is kind


def test_answer_kinds_are_stable_strings() -> None:
    assert [kind.value for kind in AnswerKind] == [
        "non_answer",
        "dismissive",
        "blaming",
        "self_blame",
        "substantive",
    ]


# --- short_at_word ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        pytest.param("hello world", 11, "hello world", id="fits exactly"),
        pytest.param("hello world", 10, "hello…", id="cut back to the last word"),
        pytest.param("hello world", 6, "hello…", id="cut right at the space"),
        pytest.param("hello world", 5, "hell…", id="first word longer than the room"),
        pytest.param("Supercalifragilistic", 10, "Supercali…", id="one long word"),
        pytest.param("hello world", 1, "…", id="room for the ellipsis only"),
        pytest.param("hello, world again", 8, "hello…", id="no comma before the ellipsis"),
        pytest.param("a\n  b\tc", 10, "a b c", id="one line"),
        pytest.param("", 5, "", id="empty"),
        pytest.param("   ", 5, "", id="whitespace"),
    ],
)
def test_short_at_word_cuts_between_words_within_the_limit(
    text: str, limit: int, expected: str
) -> None:
    assert short_at_word(text, limit) == expected


SAMPLE = "Honestly, they asked about Kubernetes operators, and I had only read about them."


def cut_at_a_word_boundary(text: str, result: str, limit: int) -> bool:
    """Whether `result` (cut, ending in "…") ends where a word of `text` ends, or is the first
    word cut because that word alone is longer than the room."""
    body = result.removesuffix("…")
    if not text.startswith(body):
        return False
    at_boundary = len(body) < len(text) and not text[len(body)].isalnum()
    return at_boundary or (" " not in body and len(text.split()[0]) > limit - 1)


@pytest.mark.parametrize("limit", range(1, len(SAMPLE) + 2), ids=lambda limit: f"limit={limit}")
def test_short_at_word_never_exceeds_the_limit_and_never_cuts_mid_word(limit: int) -> None:
    result = short_at_word(SAMPLE, limit)
    assert len(result) <= limit
    if len(SAMPLE) <= limit:
        assert result == SAMPLE
    else:
        assert result.endswith("…")
        assert cut_at_a_word_boundary(SAMPLE, result, limit)


@pytest.mark.parametrize("limit", [0, -3], ids=["zero", "negative"])
def test_short_at_word_refuses_a_limit_below_one(limit: int) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        short_at_word("hello", limit)


# --- own_words -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Well, honestly I think the salary talk went badly. Then they ghosted me.",
            "the salary talk went badly",
            id="fillers gone, first sentence, no full stop",
        ),
        pytest.param(
            "Um... I froze on the system design question, and then everything went downhill "
            "from there",
            "I froze on the system design question",
            id="long sentence: its first clause",
        ),
        pytest.param(
            "Yes, but the salary was low and the team seemed tired and overworked",
            "Yes, but the salary was low and the team seemed…",
            id="first clause too short: cut at a word",
        ),
        pytest.param(
            '"They wanted more Kubernetes"', "They wanted more Kubernetes", id="quotes stripped"
        ),
        pytest.param("‘Honestly’ — it went OK", "it went OK", id="curly quotes and dash"),
        pytest.param(
            "I didn't prepare the case study", "I didn't prepare the case study", id="apostrophes"
        ),
        pytest.param(
            "honestly?\nThey wanted someone cheaper",
            "They wanted someone cheaper",
            id="line break ends a sentence",
        ),
        pytest.param(
            "Dr. Müller asked about my gaps. It was fine.",
            "Dr. Müller asked about my gaps",
            id="abbreviation is no sentence end",
        ),
        pytest.param(
            "I was... nervous the whole time!!!",
            "I was... nervous the whole time",
            id="a pause is no sentence end",
        ),
        pytest.param("I   froze\tbadly", "I froze badly", id="whitespace collapsed"),
        pytest.param("Well", "Well", id="only a filler: kept"),
        pytest.param("I think", "I think", id="only a filler phrase: kept"),
        pytest.param("...", "...", id="only punctuation: kept, never empty"),
        pytest.param("?", "?", id="question mark: kept, never empty"),
        pytest.param("", "", id="empty"),
        pytest.param("  \n\t ", "", id="whitespace only"),
    ],
)
def test_own_words_reflect_the_first_sentence_without_fillers(text: str, expected: str) -> None:
    assert own_words(text) == expected


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        pytest.param(
            "They wanted someone with more Kubernetes experience",
            20,
            "They wanted someone…",
            id="cut at a word",
        ),
        pytest.param("Supercalifragilistic", 8, "Superca…", id="one long word"),
        pytest.param("I froze, then I rambled", 10, "I froze", id="a clause that fits"),
    ],
)
def test_own_words_respect_a_custom_limit(text: str, limit: int, expected: str) -> None:
    assert own_words(text, limit) == expected


@pytest.mark.parametrize("limit", range(1, 60), ids=lambda limit: f"limit={limit}")
def test_own_words_never_exceed_the_limit_never_cut_mid_word_and_are_never_empty(
    limit: int,
) -> None:
    text = "They asked about Kubernetes operators and I had only read about them"
    result = own_words(text, limit)
    assert result
    assert len(result) <= limit
    if result.endswith("…"):
        assert cut_at_a_word_boundary(text, result, limit)
    else:
        assert text.startswith(result)


def test_own_words_refuse_a_limit_below_one() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        own_words("hello", 0)


# --- check_entry -----------------------------------------------------------------------------

COMPANY, ROLE, PERSON = EntryKind.COMPANY, EntryKind.ROLE, EntryKind.PERSON
STRENGTH, EMPLOYER = EntryKind.STRENGTH, EntryKind.EMPLOYER


def entry(text: str, kind: EntryKind, expected: str | None) -> object:
    outcome = "refused" if expected is None else "kept"
    return pytest.param(text, kind, expected, id=f"{kind} {outcome}: {text[:40]}")


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        entry("Acme GmbH", COMPANY, "Acme GmbH"),
        entry("AT&T", COMPANY, "AT&T"),
        entry("3M", COMPANY, "3M"),
        entry("Procter & Gamble", COMPANY, "Procter & Gamble"),
        entry("the Guardian", COMPANY, "the Guardian"),
        entry("Acme Inc.", COMPANY, "Acme Inc."),
        entry("“Acme”", COMPANY, "Acme"),
        entry("  Deutsche   Bahn  ", COMPANY, "Deutsche Bahn"),
        entry("1. Siemens", COMPANY, "Siemens"),
        entry("Ernst & Young", EMPLOYER, "Ernst & Young"),
        entry("Zalando SE", EMPLOYER, "Zalando SE"),
        entry("McKinsey & Company", EMPLOYER, "McKinsey & Company"),
        entry("Brad", PERSON, "Brad"),
        entry("Brad.", PERSON, "Brad"),
        entry("Dr. Müller", PERSON, "Dr. Müller"),
        entry("Anne-Marie O'Neil", PERSON, "Anne-Marie O'Neil"),
        entry("Maria de la Cruz", PERSON, "Maria de la Cruz"),
        entry("his name was Brad", PERSON, "Brad"),
        entry("the idiot's name was Brad", PERSON, "Brad"),
        entry("It was Brad", PERSON, "Brad"),
        entry("Er hieß Müller", PERSON, "Müller"),
        entry("Senior Backend Engineer (Python)", ROLE, "Senior Backend Engineer (Python)"),
        entry("Software Engineer I", ROLE, "Software Engineer I"),
        entry("Head of Data & AI", ROLE, "Head of Data & AI"),
        entry("patient", STRENGTH, "patient"),
        entry("I'm patient", STRENGTH, "patient"),
        entry("good at listening", STRENGTH, "good at listening"),
        entry("I write clearly", STRENGTH, "I write clearly"),
        entry("ich bin geduldig", STRENGTH, "geduldig"),
    ],
)
def test_usable_entries_come_back_cleaned(text: str, kind: EntryKind, expected: str) -> None:
    assert check_entry(text, kind) == expected


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        entry("none", COMPANY, None),
        entry("idk", COMPANY, None),
        entry("0", COMPANY, None),
        entry("-", COMPANY, None),
        entry("the idiot", COMPANY, None),
        entry("fucking Acme", COMPANY, None),
        entry("Ich habe mich bei Siemens beworben", COMPANY, None),
        entry("I applied at Acme", COMPANY, None),
        entry("A company that makes shoes in Berlin and Munich", COMPANY, None),
        entry("the idiot's name was Brad", COMPANY, None),
        entry("nothing", EMPLOYER, None),
        entry("my last job was at Acme", EMPLOYER, None),
        entry("shit company", EMPLOYER, None),
        entry("idk", PERSON, None),
        entry("nobody", PERSON, None),
        entry("the idiot", PERSON, None),
        entry("that jerk", PERSON, None),
        entry("asshole", PERSON, None),
        entry("I don't want to say", PERSON, None),
        entry("his name was brad", PERSON, None),
        entry("he was nice", PERSON, None),
        entry("R2D2", PERSON, None),
        entry("n/a", ROLE, None),
        entry("no", ROLE, None),
        entry("I was applying for a backend role", ROLE, None),
        entry(
            "Senior Staff Principal Lead Backend Platform Infrastructure Reliability Engineer",
            ROLE,
            None,
        ),
        entry("nothing", STRENGTH, None),
        entry("none", STRENGTH, None),
        entry("idk", STRENGTH, None),
        entry("I'm so stupid", STRENGTH, None),
        entry("asshole", STRENGTH, None),
        entry("good at fucking everything", STRENGTH, None),
        entry("extremely good at explaining complex things to anyone", STRENGTH, None),
    ],
)
def test_non_answers_insults_and_sentences_are_refused(
    text: str, kind: EntryKind, expected: None
) -> None:
    assert check_entry(text, kind) is expected


def test_a_strength_of_exactly_forty_characters_is_kept() -> None:
    text = "clear writing for technical audiences ok"
    assert len(text) == MAX_STRENGTH_CHARS
    assert check_entry(text, STRENGTH) == text


# --- strength_items --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "I'm good at listening, patient and I write clearly",
            ["good at listening", "patient", "I write clearly"],
            id="leading I'm dropped, split on comma and 'and'",
        ),
        pytest.param("none", [], id="none"),
        pytest.param("idk", [], id="idk"),
        pytest.param("nothing", [], id="nothing"),
        pytest.param("", [], id="empty"),
        pytest.param("- patient\n- curious\n• calm", ["patient", "curious", "calm"], id="bullets"),
        pytest.param("1. patient\n2. curious", ["patient", "curious"], id="numbered lines"),
        pytest.param("patient; curious; calm", ["patient", "curious", "calm"], id="semicolons"),
        pytest.param("listening/patience", ["listening", "patience"], id="slash"),
        pytest.param(
            "UI/UX design, A/B testing", ["UI/UX design", "A/B testing"], id="short-word slash"
        ),
        pytest.param("I am calm, I'm kind", ["calm", "kind"], id="I am and I'm"),
        pytest.param("Curious, curious, CURIOUS", ["Curious"], id="dedupe ignoring case"),
        pytest.param("Créatif, creatif", ["Créatif"], id="dedupe ignoring accents"),
        pytest.param("patient, idk, none, -", ["patient"], id="non-answers dropped"),
        pytest.param("I'm so stupid; curious", ["curious"], id="self-blame dropped"),
        pytest.param("Geduld und Neugier", ["Geduld", "Neugier"], id="German und"),
        pytest.param(
            "patient, curious, calm, organised, honest, funny",
            ["patient", "curious", "calm", "organised", "honest"],
            id="at most five",
        ),
        pytest.param(
            "I am extremely good at explaining complicated technical topics to non-technical "
            "people",
            ["extremely good at explaining…"],
            id="long item shortened at a word",
        ),
    ],
)
def test_strength_items_are_short_distinct_usable_items(text: str, expected: list[str]) -> None:
    assert strength_items(text) == expected


def test_strength_items_are_never_longer_than_forty_characters_nor_more_than_five() -> None:
    topics = ("Kafka", "Kubernetes", "Terraform", "Postgres", "Redis", "Rust", "Go")
    text = "\n".join(
        f"{topic}: really remarkably good at explaining it clearly" for topic in topics
    )
    items = strength_items(text)
    assert len(items) == MAX_STRENGTH_ITEMS
    assert all(len(item) <= MAX_STRENGTH_CHARS for item in items)


# --- choose_variant --------------------------------------------------------------------------

OPTIONS = ("Thank you.", "Got it.", "Noted.")


@pytest.mark.parametrize(
    ("used", "expected"),
    [
        pytest.param([], "Thank you.", id="nothing used: the first"),
        pytest.param(["Thank you."], "Got it.", id="the first unused"),
        pytest.param(["Got it."], "Thank you.", id="the first unused, in option order"),
        pytest.param(["Thank you.", "Got it.", "Noted."], "Thank you.", id="all used: oldest"),
        pytest.param(
            ["Thank you.", "Got it.", "Noted.", "Thank you."], "Got it.", id="last use counts"
        ),
        pytest.param(
            ["Noted.", "Got it.", "Thank you.", "Noted."], "Got it.", id="oldest last use"
        ),
        pytest.param(["Well done.", "Thank you."], "Got it.", id="other strings ignored"),
    ],
)
def test_choose_variant_prefers_unused_then_least_recently_used(
    used: list[str], expected: str
) -> None:
    assert choose_variant(OPTIONS, used) == expected


def test_choose_variant_is_deterministic() -> None:
    used = ["Got it.", "Noted.", "Thank you.", "Got it."]
    assert {choose_variant(OPTIONS, used) for _ in range(20)} == {"Noted."}


def test_choose_variant_with_one_option_always_returns_it() -> None:
    assert choose_variant(["Thanks."], ["Thanks.", "Thanks."]) == "Thanks."


def test_choose_variant_needs_an_option() -> None:
    with pytest.raises(ValueError, match="at least one option"):
        choose_variant([], [])
