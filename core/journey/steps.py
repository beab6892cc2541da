"""The ten steps declared as data: each prompt's question, what answer it expects, how that
answer is read, what gets stored, which check-ins it plans, and which prompt comes next.

Prompt keys are short and stable: they are stored in the database and carried in button data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import Enum
from typing import ParamSpec

from core.journey.feedback import Tone, compose_feedback
from core.journey.model import (
    AddOpportunity,
    Effect,
    ForgetAnswer,
    JourneyView,
    PlanCheckin,
    SaveAnswer,
    SetTimezone,
)
from core.listening import (
    AnswerKind,
    EntryKind,
    check_entry,
    choose_variant,
    classify_answer,
    own_words,
    strength_items,
)
from core.parsing import (
    common_zones,
    parse_count,
    parse_hours,
    parse_mood,
    parse_relative_day,
    parse_target_date,
    parse_time_of_day,
    parse_yes_no,
    resolve_timezone,
)
from core.planner import (
    add_working_days,
    at_local_date,
    format_day,
    format_local,
    local_now,
    next_daily,
)
from core.status import CheckinKind
from core.texts.catalogue import EN, say

TARGET_OPTIONS = 5
# Acknowledgement variants a journey remembers having said (`journeys.said`).
MAX_SAID = 40
MAX_ANSWER_CHARS = 1500
GRIEF_MIN_HOURS, GRIEF_MAX_HOURS = 12, 72
FEEDBACK_FOLLOWUP_WORKING_DAYS = 3
MORNING = time(10, 0)
STAGES = ("applied", "screening", "interviewing", "final", "offer")

# The ten steps: number -> catalogue key of its title.
STEP_TITLES: dict[int, str] = {n: f"step.{n}" for n in range(1, 11)}
INTAKE, WRAP_UP = 0, 11


class Expect(Enum):
    """The kind of answer a prompt expects."""

    TEXT = "text"
    CHOICE = "choice"
    NUMBER = "number"
    TIME = "time"
    ZONE = "zone"
    DATE = "date"
    ITEMS = "items"


@dataclass(frozen=True, slots=True)
class Choice:
    """A button of a prompt; typing its label (or value) works as well."""

    value: str
    label: str


@dataclass(slots=True)
class Ctx:
    """What a prompt's functions may read: the journey, the time, the user's zone."""

    view: JourneyView
    now: datetime
    default_zone: str

    @property
    def zone(self) -> str:
        """The user's zone, or the deployment's default until they tell us."""
        return self.view.timezone or self.default_zone

    @property
    def lang(self) -> str | None:
        """The user's language code."""
        return self.view.language

    def t(self, key: str, **values: object) -> str:
        """A catalogue text in the user's language."""
        return say(key, self.lang, **values)

    def answer(self, key: str) -> str | None:
        """A stored answer of this journey."""
        return self.view.answers.get(key)

    def variant(self, key: str, **values: object) -> str:
        """One of the texts `key.1`, `key.2`, … not said yet in this journey (then the one
        said longest ago); the journey remembers it (`journeys.said`)."""
        options = [f"{key}.{n}" for n in range(1, 10) if f"{key}.{n}" in EN]
        chosen = choose_variant(options, self.view.said)
        self.view.said = [*(k for k in self.view.said if k != chosen), chosen][-MAX_SAID:]
        return self.t(chosen, **values)


@dataclass(slots=True)
class Reaction:
    """What an accepted answer (or a skip) leads to."""

    next: str
    say: list[str] = field(default_factory=list)
    effects: list[Effect] = field(default_factory=list)
    # A message to send on its own (e.g. the feedback request, so it is easy to copy).
    standalone: str | None = None
    # Ask the same prompt again (e.g. after a gentle steer) instead of moving on.
    again: bool = False
    # Stop for today: the journey pauses at `next` (everything is kept).
    pause: bool = False


@dataclass(frozen=True, slots=True)
class Invalid:
    """A typed answer that can't be used, and the catalogue key explaining why."""

    key: str
    values: tuple[tuple[str, object], ...] = ()


Parsed = object  # the value handed to `react`: str, int, time, date, float, list[str] …
Parser = Callable[[Ctx, str], "Parsed | Invalid"]
Reactor = Callable[[Ctx, Parsed | None], Reaction]


@dataclass(frozen=True, slots=True, kw_only=True)
class Prompt:
    """One question of the journey.

    Fields are keyword-only and read in the order of the prompt's life: which prompt of which
    step, what is asked, what answer is expected and how it is read, what follows, whether it
    may be skipped, and how /journal labels the stored answer.
    """

    key: str
    step: int
    question: Callable[[Ctx], str]
    expects: Expect
    choices: Callable[[Ctx], list[Choice]] = lambda ctx: []
    parse: Parser | None = None
    react: Reactor
    skippable: bool = True
    # Catalogue key of the label /journal shows beside the stored answer.
    journal_label: str | None = None
    # A name-like answer (a company, a role, a person) checked before it is used.
    entry: EntryKind | None = None
    # A reflective answer: non-answers and anger are met in kind, never stored.
    listens: bool = False
    # Typed words that mean one of the buttons ("yes", "yesterday", "awful"): its value.
    understand: Callable[[Ctx, str], str | None] | None = None


PROMPTS: dict[str, Prompt] = {}

_P = ParamSpec("_P")


def _registering(make: Callable[_P, Prompt]) -> Callable[_P, Prompt]:
    """`make`, but every prompt it makes is also registered in PROMPTS, in the order made."""

    def make_and_register(*args: _P.args, **kwargs: _P.kwargs) -> Prompt:
        made = make(*args, **kwargs)
        PROMPTS[made.key] = made
        return made

    return make_and_register


# prompt(key=..., step=..., ...) takes exactly Prompt's keyword fields, builds and registers it.
prompt = _registering(Prompt)


def short(text: str, limit: int = 90) -> str:
    """A user's words on one line, shortened to `limit` characters for a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _text(key: str) -> Callable[[Ctx], str]:
    return lambda ctx: ctx.t(key)


def _choices(*pairs: tuple[str, str]) -> Callable[[Ctx], list[Choice]]:
    return lambda ctx: [Choice(value, ctx.t(label)) for value, label in pairs]


def _save(key: str, value: Parsed | None) -> list[Effect]:
    return [] if value is None else [SaveAnswer(key, str(value))]


# --- Intake ------------------------------------------------------------------------------


def _react_company(ctx: Ctx, value: Parsed | None) -> Reaction:
    return Reaction("role", effects=_save("company", value))


def _react_role(ctx: Ctx, value: Parsed | None) -> Reaction:
    return Reaction("when", effects=_save("role", value))


def _react_when(ctx: Ctx, value: Parsed | None) -> Reaction:
    said = [ctx.t(f"intake.when.{value}")] if value else []
    return Reaction("mood", say=said, effects=_save("when", value))


def _understand_when(ctx: Ctx, text: str) -> str | None:
    days = parse_relative_day(text)
    if days is None:
        return None
    return "today" if days == 0 else "yesterday" if days == 1 else "earlier"


def _understand_mood(ctx: Ctx, text: str) -> str | None:
    mood = parse_mood(text)
    return str(mood) if mood is not None else None


def _after_mood(ctx: Ctx) -> str:
    return "story" if ctx.view.timezone else "tz"


def _react_mood(ctx: Ctx, value: Parsed | None) -> Reaction:
    said = [ctx.t(f"intake.mood.{value}")] if value else []
    # The lowest mood gets a gentler pace: keep going slowly, or stop for today.
    following = "pace" if value == "1" else _after_mood(ctx)
    return Reaction(following, say=said, effects=_save("mood", value))


def _react_pace(ctx: Ctx, value: Parsed | None) -> Reaction:
    if value == "pause":
        return Reaction(_after_mood(ctx), pause=True)
    return Reaction(_after_mood(ctx), say=[ctx.t("pace.gentle")] if value else [])


def _understand_yes_no(yes: str, no: str) -> Callable[[Ctx, str], str | None]:
    def understand(ctx: Ctx, text: str) -> str | None:
        answer = parse_yes_no(text)
        return None if answer is None else yes if answer else no

    return understand


def _parse_zone(ctx: Ctx, text: str) -> Parsed | Invalid:
    match = resolve_timezone(text)
    if match is None:
        return Invalid("invalid.zone", (("text", text[:40]),))
    return match.name


def _react_zone(ctx: Ctx, value: Parsed | None) -> Reaction:
    if value is None and ctx.view.timezone:  # skipped after Back: keep the zone we have
        return Reaction("story")
    zone = str(value) if value else ctx.default_zone
    ctx.view.timezone = zone
    key = "intake.tz.confirm" if value else "intake.tz.default"
    local = local_now(ctx.now, zone).strftime("%H:%M")
    return Reaction("story", say=[ctx.t(key, zone=zone, time=local)], effects=[SetTimezone(zone)])


# --- Step 1: Don't take it personally ----------------------------------------------------


def _react_story(ctx: Ctx, value: Parsed | None) -> Reaction:
    if value is None:
        return Reaction("prepared")
    kind = classify_answer(str(value))
    if kind is AnswerKind.BLAMING:
        said = ctx.t("s1.reframe.blaming")
    elif kind is AnswerKind.SELF_BLAME:
        said = ctx.t("s1.reframe.self", words=own_words(str(value)))
    else:
        said = ctx.variant("s1.reframe")
    return Reaction("prepared", say=[said], effects=_save("story", value))


def _react_prepared(ctx: Ctx, value: Parsed | None) -> Reaction:
    said = [ctx.t(f"s1.prepared.{value}")] if value else []
    return Reaction("accept", say=said, effects=_save("prepared", value))


# --- Step 2: Accept reality ---------------------------------------------------------------

_BLAME_MARKERS = (
    "unfair",
    "rigged",
    "biased",
    "their fault",
    "they were wrong",
    "idiot",
    "stupid",
    "nepotism",
    "didn't deserve",
    "didnt deserve",
    "blame",
    "because of them",
)


def _react_accept(ctx: Ctx, value: Parsed | None) -> Reaction:
    if value is None:
        return Reaction("opt_count")
    text = str(value).lower()
    blaming = classify_answer(str(value)) is AnswerKind.BLAMING or any(
        marker in text for marker in _BLAME_MARKERS
    )
    if blaming and not ctx.answer("accept_steered"):
        # Steer once, gently; the second sentence is kept whatever it says.
        return Reaction(
            "accept",
            say=[ctx.t("s2.steer")],
            effects=[SaveAnswer("accept_steered", "1")],
            again=True,
        )
    return Reaction("opt_count", say=[ctx.variant("s2.thanks")], effects=_save("accept", value))


# --- Step 3: Have options -----------------------------------------------------------------


def meter(count: int, lang: str | None = None) -> str:
    """Progress toward the five employers the article recommends: "▰▰▱▱▱ 2 of 5"."""
    shown = min(count, TARGET_OPTIONS)
    bar = "▰" * shown + "▱" * (TARGET_OPTIONS - shown)
    return say("s3.meter", lang, bar=bar, count=count, target=TARGET_OPTIONS)


def _parse_count(ctx: Ctx, text: str) -> Parsed | Invalid:
    count = parse_count(text)
    if count is None or count > 100:
        return Invalid("invalid.count")
    return count


def _react_count(ctx: Ctx, value: Parsed | None) -> Reaction:
    known = len(ctx.view.opportunities)
    if value is None:
        return _leave_options(ctx)
    count = int(str(value))
    key = (
        "s3.count.none"
        if count == 0
        else "s3.count.one"
        if count == 1
        else "s3.count.some"
        if count < TARGET_OPTIONS
        else "s3.count.many"
    )
    said = [ctx.t(key, count=count)]
    if known:
        said.append(ctx.t("s3.already_known", known=known) + "\n" + meter(known, ctx.lang))
    return Reaction("opt_company", say=said, effects=_save("opt_count", count))


def _react_opp_company(ctx: Ctx, value: Parsed | None) -> Reaction:
    if value is None:
        return _leave_options(ctx)
    return Reaction("opt_role", effects=_save("opt_company", value))


def _react_opp_role(ctx: Ctx, value: Parsed | None) -> Reaction:
    effects: list[Effect] = (
        _save("opt_role", value) if value is not None else [ForgetAnswer("opt_role")]
    )
    return Reaction("opt_stage", effects=effects)


def _react_opp_stage(ctx: Ctx, value: Parsed | None) -> Reaction:
    company = ctx.answer("opt_company")
    if company is None:  # reached by Back after the draft was stored: start that one again
        return Reaction("opt_company")
    stage = str(value) if value else "applied"
    count = len(ctx.view.opportunities) + 1
    said = [
        ctx.t("s3.added", company=short(company, 60), stage=ctx.t(f"stage.{stage}"))
        + "\n"
        + meter(count, ctx.lang)
    ]
    effects: list[Effect] = [
        AddOpportunity(company, ctx.answer("opt_role"), stage),
        ForgetAnswer("opt_company"),
        ForgetAnswer("opt_role"),
    ]
    wanted = int(ctx.answer("opt_count") or 0)
    if count >= max(wanted, 1) and count >= TARGET_OPTIONS:
        said.append(ctx.t("s3.enough"))
        return Reaction("went_well", say=said, effects=effects)
    return Reaction("opt_more", say=said, effects=effects)


def _react_opp_more(ctx: Ctx, value: Parsed | None) -> Reaction:
    if value == "add":
        return Reaction("opt_company")
    # The meter was the last thing said, with the opportunity just added.
    return _leave_options(ctx, meter_shown=True)


def _leave_options(ctx: Ctx, *, meter_shown: bool = False) -> Reaction:
    count = len(ctx.view.opportunities)
    said = [] if meter_shown else [meter(count, ctx.lang)]
    if count < TARGET_OPTIONS:
        said.append(ctx.t("s3.where_next"))
    return Reaction("went_well", say=["\n\n".join(said)] if said else [])


def _ask_opp_company(ctx: Ctx) -> str:
    return ctx.t("s3.ask_company_next" if ctx.view.opportunities else "s3.ask_company")


# --- Step 4: Introspect -------------------------------------------------------------------


def _ask_went_badly(ctx: Ctx) -> str:
    question = ctx.t("s4.went_badly")
    if ctx.answer("prepared") in ("mostly", "not_really"):
        question += "\n" + ctx.t("s4.preparation_hint")  # the promise made in step 1
    return question


REFLECT_MIN_WORDS = 3


def _reflect(ctx: Ctx, value: Parsed | None) -> list[str]:
    """A real answer reflected back in a short phrase of the person's own words (a word or two
    needs no echo: the next question follows)."""
    if value is None or len(str(value).split()) < REFLECT_MIN_WORDS:
        return []
    return [ctx.variant("ack", words=own_words(str(value)))]


def _react_went_well(ctx: Ctx, value: Parsed | None) -> Reaction:
    return Reaction("went_badly", say=_reflect(ctx, value), effects=_save("went_well", value))


def _react_went_badly(ctx: Ctx, value: Parsed | None) -> Reaction:
    effects = _save("went_badly", value)
    # The feedback request may mention it: only a real answer, in a few of their words.
    weak_spot = _weak_spot(str(value)) if value is not None else None
    if weak_spot:
        effects.append(SaveAnswer("fb_weak_spot", weak_spot))
    return Reaction("why", say=_reflect(ctx, value), effects=effects)


# Vague or first-person answers are not put into a letter to the employer.
_VAGUE = frozenset(
    {
        "everything", "all of it", "the whole thing", "all", "most of it",
        "todo", "todo en general", "casi todo", "alles", "eigentlich alles", "fast alles",
        "tout", "un peu tout", "presque tout", "tudo", "quase tudo", "всё", "все", "почти всё",
    }
)  # fmt: skip
# "I", "me", "my" in each of the bot's languages ("ich", "je", "eu", "я"…).
_FIRST_PERSON = re.compile(
    r"\b(i|i'm|im|me|my|myself|i've|i'd"
    r"|yo|mi|mí|mis|conmigo"
    r"|ich|mich|mir|mein|meine|meinen|meinem|meiner"
    r"|je|j|moi|mon|ma|mes"
    r"|eu|meu|meus|minha|minhas|mim|comigo"
    r"|я|мне|меня|мной|мой|моя|моё|мое|мои|моего|моей|моих)\b",
    re.IGNORECASE,
)


# Where the topic of an answer ends: punctuation, a dash, or "because" in any language.
_TOPIC_END = re.compile(
    r"[:;,.!?(]| - | (?:because|porque|weil|parce que|car|потому что|так как) ", re.IGNORECASE
)


def _weak_spot(answer: str) -> str | None:
    """What went badly as a topic the letter can name ("the case study"), or None when it is
    vague, self-critical or not a real answer."""
    if classify_answer(answer) is not AnswerKind.SUBSTANTIVE:
        return None
    topic = _TOPIC_END.split(answer, maxsplit=1)[0].strip()
    if len(topic.split()) < 2 or topic.casefold() in _VAGUE or _FIRST_PERSON.search(topic):
        return None
    return _mid_sentence(own_words(topic))


def _mid_sentence(words: str) -> str:
    """Their words to go inside a sentence: "The case study" → "the case study" ("I", "SQL"
    and names keep their capitals)."""
    first = words.split(" ", 1)[0]
    if len(first) > 1 and first[0].isupper() and first[1:].islower() and first in _LOWERABLE:
        return words[0].lower() + words[1:]
    return words


# Sentence-initial words that are not names: lowercase them inside a sentence.
# Articles and pronouns only: German nouns keep their capitals, and so do names anywhere.
_LOWERABLE = frozenset(
    {
        "The", "A", "An", "My", "Our", "That", "This", "When", "How", "Not",
        "El", "La", "Los", "Las", "Un", "Una", "Mi", "Nuestra", "Nuestro", "Esa", "Ese",
        "Der", "Die", "Das", "Ein", "Eine", "Meine", "Mein", "Unsere",
        "Le", "Les", "Une", "Mon", "Ma", "Mes", "Notre", "Ce", "Cette",
        "O", "Os", "As", "Um", "Uma", "Meu", "Minha", "Nosso", "Nossa", "Esse", "Essa",
    }
)  # fmt: skip


def _react_why(ctx: Ctx, value: Parsed | None) -> Reaction:
    # Only say it was saved when something of step 4 really was.
    saved = value is not None or ctx.answer("went_well") or ctx.answer("went_badly")
    return Reaction(
        "practice", say=[ctx.t("s4.saved")] if saved else [], effects=_save("why", value)
    )


def _react_practice(ctx: Ctx, value: Parsed | None) -> Reaction:
    if value is None:
        return Reaction("skill")
    if classify_answer(str(value)) is AnswerKind.NON_ANSWER:  # "no one", "nobody"
        return Reaction("skill", say=[ctx.t("s4.practice_alone")])
    return Reaction(
        "skill", say=[ctx.variant("s4.practice_thanks")], effects=_save("practice", value)
    )


# --- Step 5: Keep learning ----------------------------------------------------------------


def _react_skill(ctx: Ctx, value: Parsed | None) -> Reaction:
    return Reaction("action", say=_reflect(ctx, value), effects=_save("skill", value))


def _react_action(ctx: Ctx, value: Parsed | None) -> Reaction:
    return Reaction("goal_date", effects=_save("action", value))


def _parse_goal_date(ctx: Ctx, text: str) -> Parsed | Invalid:
    today = local_now(ctx.now, ctx.zone).date()
    day = parse_target_date(text, today)
    if day is None:
        return Invalid("invalid.date")
    if day <= today or day > today + timedelta(days=366):
        return Invalid("invalid.date_range")
    return day.isoformat()


def _goal_choices(ctx: Ctx) -> list[Choice]:
    today = local_now(ctx.now, ctx.zone).date()
    return [
        Choice((today + timedelta(days=days)).isoformat(), ctx.t(label))
        for days, label in ((7, "s5.in_week"), (14, "s5.in_two_weeks"), (30, "s5.in_month"))
    ]


def _react_goal_date(ctx: Ctx, value: Parsed | None) -> Reaction:
    if value is None:
        return Reaction("strengths")
    due = at_local_date(date.fromisoformat(str(value)), MORNING, ctx.zone)
    confirm = ctx.t("s5.confirm", when=format_local(due, ctx.zone, ctx.lang))
    return Reaction(
        "strengths",
        say=[confirm],
        effects=[
            SaveAnswer("goal_date", str(value)),
            PlanCheckin(CheckinKind.LEARNING_GOAL, due, MORNING.strftime("%H:%M")),
        ],
    )


# --- Step 6: Consider your strengths ------------------------------------------------------


def _parse_items(ctx: Ctx, text: str) -> Parsed | Invalid:
    if classify_answer(text) is AnswerKind.NON_ANSWER:  # "none": hard to see them today
        return Invalid("s6.none")
    items = strength_items(text)
    return items if items else Invalid("entry.strength")


def _react_strengths(ctx: Ctx, value: Parsed | None) -> Reaction:
    if value is None:
        return Reaction("grief")
    known = [s for s in (ctx.answer("strengths") or "").split("\n") if s]
    if len(known) >= 3:  # changing a complete answer (after Back) replaces it
        known = []
    assert isinstance(value, list)
    strengths = (known + [str(v) for v in value])[:5]
    effects: list[Effect] = [SaveAnswer("strengths", "\n".join(strengths))]
    if len(strengths) < 3:
        return Reaction(
            "strengths",
            say=[ctx.t("s6.more", count=len(strengths), missing=3 - len(strengths))],
            effects=effects,
            again=True,
        )
    listed = "\n".join(f"• {s}" for s in strengths)
    return Reaction("grief", say=[ctx.t("s6.reflect", strengths=listed)], effects=effects)


def _ask_strengths(ctx: Ctx) -> str:
    known = [s for s in (ctx.answer("strengths") or "").split("\n") if s]
    if 0 < len(known) < 3:
        return ctx.t("s6.ask_more", missing=3 - len(known))
    return ctx.t("s6.ask")


# --- Step 7: A limited time to grieve ------------------------------------------------------


def _plan_grief(ctx: Ctx, hours: float) -> Reaction:
    due = ctx.now + timedelta(hours=hours)
    return Reaction(
        "walk",
        say=[ctx.t("s7.confirm", hours=f"{hours:g}", when=format_local(due, ctx.zone, ctx.lang))],
        effects=[SaveAnswer("grief_hours", f"{hours:g}"), PlanCheckin(CheckinKind.GRIEF_OVER, due)],
    )


def _ask_grief(ctx: Ctx) -> str:
    cared_for = ctx.view.care_until is not None and ctx.view.care_until > ctx.now
    return ctx.t("s7.grief.gentle" if cared_for else "s7.grief")


def _react_grief(ctx: Ctx, value: Parsed | None) -> Reaction:
    if value is None:
        return Reaction("walk")
    if value == "custom":
        return Reaction("grief_hours")
    return _plan_grief(ctx, float(str(value)))


def _parse_grief_hours(ctx: Ctx, text: str) -> Parsed | Invalid:
    hours = parse_hours(text, now=ctx.now, zone=ctx.zone)
    if hours is None:
        return Invalid("invalid.hours")
    if not GRIEF_MIN_HOURS <= hours <= GRIEF_MAX_HOURS:
        return Invalid("invalid.hours_range")
    return hours


def _react_grief_hours(ctx: Ctx, value: Parsed | None) -> Reaction:
    if value is None:
        return Reaction("walk")
    return _plan_grief(ctx, float(str(value)))


# --- Step 8: Take a walk -------------------------------------------------------------------


_DECLINED = "declined"


def _parse_time(ctx: Ctx, text: str) -> Parsed | Invalid:
    at = parse_time_of_day(text)
    if at is None:
        return Invalid("invalid.time", (("text", text[:20]),))
    return at.strftime("%H:%M")


def _parse_walk(ctx: Ctx, text: str) -> Parsed | Invalid:
    at = parse_time_of_day(text)
    if at is not None:
        return at.strftime("%H:%M")
    # "no", "I don't walk", "walking won't fix a rigged market": opting out, not a typo.
    if parse_yes_no(text) is False or classify_answer(text) in _REFUSALS:
        return _DECLINED
    return Invalid("invalid.time", (("text", text[:20]),))


_REFUSALS = frozenset({AnswerKind.DISMISSIVE, AnswerKind.BLAMING, AnswerKind.NON_ANSWER})


def _react_walk(ctx: Ctx, value: Parsed | None) -> Reaction:
    if value == _DECLINED:
        return Reaction("next_opp", say=[ctx.t("s8.declined")])
    if value is None:
        kept = ctx.answer("walk")  # skipped after Back: the planned walk stays
        said = ctx.t("s8.kept", time=kept) if kept else ctx.t("s8.skipped")
        return Reaction("next_opp", say=[said])
    hh, mm = str(value).split(":")
    first = next_daily(time(int(hh), int(mm)), ctx.zone, ctx.now)
    return Reaction(
        "next_opp",
        say=[ctx.t("s8.confirm", time=value, first=format_local(first, ctx.zone, ctx.lang))],
        effects=[
            SaveAnswer("walk", str(value)),
            PlanCheckin(CheckinKind.WALK_DAILY, first, str(value)),
        ],
    )


# --- Step 9: Keep it moving ----------------------------------------------------------------


def _next_opp_choices(ctx: Ctx) -> list[Choice]:
    picks = [
        Choice(str(o.id), o.company if len(o.company) <= 30 else o.company[:29] + "…")
        for o in ctx.view.opportunities[:6]
    ]
    return [*picks, Choice("new", ctx.t("s9.new"))]


def _parse_next_opp(ctx: Ctx, text: str) -> Parsed | Invalid:
    # Typing a company we know picks it; anything else becomes a new opportunity.
    for opportunity in ctx.view.opportunities:
        if opportunity.company.casefold() == text.strip().casefold():
            return str(opportunity.id)
    company = check_entry(text, EntryKind.EMPLOYER)
    return "new:" + company if company else Invalid("entry.employer")


def _react_next_opp(ctx: Ctx, value: Parsed | None) -> Reaction:
    if value is None:
        return Reaction("interviewer")
    chosen = str(value)
    if chosen == "new":
        return Reaction("next_new")
    if chosen.startswith("new:"):
        return _react_next_new(ctx, chosen.removeprefix("new:"))
    company = next((o.company for o in ctx.view.opportunities if str(o.id) == chosen), None)
    if company is None:
        return Reaction("next_opp")
    return Reaction("tailor", effects=[SaveAnswer("next_opp", company)])


def _react_next_new(ctx: Ctx, value: Parsed | None) -> Reaction:
    if value is None:
        return Reaction("next_opp")
    company = str(value)
    return Reaction(
        "tailor",
        effects=[AddOpportunity(company, None, "applied"), SaveAnswer("next_opp", company)],
    )


def _ask_tailor(ctx: Ctx) -> str:
    strengths = [s for s in (ctx.answer("strengths") or "").split("\n") if s]
    lead = ", ".join(short(s, 40) for s in strengths[:3]) or ctx.t("s9.your_strengths")
    return ctx.t("s9.checklist", company=short(ctx.answer("next_opp") or "", 60), strengths=lead)


def _react_tailor(ctx: Ctx, value: Parsed | None) -> Reaction:
    return Reaction("interviewer", say=[ctx.t("s9.go")] if value else [])


# --- Step 10: Ask for feedback ---------------------------------------------------------------


def _feedback_request(ctx: Ctx, interviewer: str | None) -> str:
    """The feedback request from the journey's checked answers (names checked when given)."""
    return compose_feedback(
        lang=ctx.lang,
        first_name=ctx.view.first_name,
        interviewer=interviewer,
        company=_checked(ctx.answer("company"), EntryKind.COMPANY),
        role=_checked(ctx.answer("role"), EntryKind.ROLE),
        weak_spot=ctx.answer("fb_weak_spot"),
        prepared=ctx.answer("prepared"),
    )


def _checked(value: str | None, kind: EntryKind) -> str | None:
    return check_entry(value, kind) if value else None


def _react_interviewer(ctx: Ctx, value: Parsed | None) -> Reaction:
    letter = _feedback_request(ctx, str(value) if value else None)
    effects = [
        *_save("interviewer", value),
        SaveAnswer("fb_draft", letter),
        SaveAnswer("fb_tone", Tone.WARM),
    ]
    return Reaction("fb_send", say=[ctx.t("s10.here_it_is")], effects=effects, standalone=letter)


def _react_fb_send(ctx: Ctx, value: Parsed | None) -> Reaction:
    if value != "sent":
        return Reaction("done", say=[ctx.t("s10.later")], effects=_save("fb_send", value))
    due = add_working_days(ctx.now, FEEDBACK_FOLLOWUP_WORKING_DAYS, ctx.zone, MORNING)
    return Reaction(
        "done",
        say=[ctx.t("s10.followup", when=format_local(due, ctx.zone, ctx.lang))],
        effects=[
            SaveAnswer("fb_send", "sent"),
            PlanCheckin(CheckinKind.FEEDBACK_FOLLOWUP, due, MORNING.strftime("%H:%M")),
        ],
    )


def _react_done(ctx: Ctx, value: Parsed | None) -> Reaction:
    return Reaction("done")


def _parse_free_text(ctx: Ctx, text: str) -> Parsed | Invalid:
    return text


# --- The prompts, in journey order -------------------------------------------------------

prompt(
    key="company",
    step=INTAKE,
    question=_text("intake.company"),
    expects=Expect.TEXT,
    parse=_parse_free_text,
    react=_react_company,
    journal_label="label.company",
    entry=EntryKind.COMPANY,
)
prompt(
    key="role",
    step=INTAKE,
    question=_text("intake.role"),
    expects=Expect.TEXT,
    parse=_parse_free_text,
    react=_react_role,
    journal_label="label.role",
    entry=EntryKind.ROLE,
)
prompt(
    key="when",
    step=INTAKE,
    question=_text("intake.when"),
    expects=Expect.CHOICE,
    choices=_choices(
        ("today", "intake.when.today_label"),
        ("yesterday", "intake.when.yesterday_label"),
        ("earlier", "intake.when.earlier_label"),
    ),
    react=_react_when,
    understand=_understand_when,
)
prompt(
    key="mood",
    step=INTAKE,
    question=_text("intake.mood"),
    expects=Expect.CHOICE,
    choices=lambda ctx: [Choice(str(n), ctx.t(f"intake.mood.label.{n}")) for n in range(1, 6)],
    react=_react_mood,
    journal_label="label.mood",
    understand=_understand_mood,
)
prompt(
    key="pace",
    step=INTAKE,
    question=_text("pace.ask"),
    expects=Expect.CHOICE,
    choices=_choices(("gentle", "pace.gentle_label"), ("pause", "pace.pause_label")),
    react=_react_pace,
)
prompt(
    key="tz",
    step=INTAKE,
    question=_text("intake.tz"),
    expects=Expect.ZONE,
    choices=lambda ctx: [Choice(name, label) for name, label in common_zones(ctx.lang)],
    parse=_parse_zone,
    react=_react_zone,
)
prompt(
    key="story",
    step=1,
    question=_text("s1.story"),
    expects=Expect.TEXT,
    parse=_parse_free_text,
    react=_react_story,
    journal_label="label.story",
    listens=True,
)
prompt(
    key="prepared",
    step=1,
    question=_text("s1.prepared"),
    expects=Expect.CHOICE,
    choices=_choices(
        ("yes", "s1.prepared.yes_label"),
        ("mostly", "s1.prepared.mostly_label"),
        ("not_really", "s1.prepared.not_really_label"),
    ),
    react=_react_prepared,
    journal_label="label.prepared",
    understand=_understand_yes_no("yes", "not_really"),
)
prompt(
    key="accept",
    step=2,
    question=lambda ctx: ctx.t("s2.accept_again" if ctx.answer("accept_steered") else "s2.accept"),
    expects=Expect.TEXT,
    parse=_parse_free_text,
    react=_react_accept,
    journal_label="label.accept",
    listens=True,
)
prompt(
    key="opt_count",
    step=3,
    question=_text("s3.count"),
    expects=Expect.NUMBER,
    choices=lambda ctx: [Choice(str(n), "5+" if n == 5 else str(n)) for n in range(6)],
    parse=_parse_count,
    react=_react_count,
)
prompt(
    key="opt_company",
    step=3,
    question=_ask_opp_company,
    expects=Expect.TEXT,
    parse=_parse_free_text,
    react=_react_opp_company,
    entry=EntryKind.EMPLOYER,
)
prompt(
    key="opt_role",
    step=3,
    question=_text("s3.ask_role"),
    expects=Expect.TEXT,
    parse=_parse_free_text,
    react=_react_opp_role,
    entry=EntryKind.ROLE,
)
prompt(
    key="opt_stage",
    step=3,
    question=_text("s3.ask_stage"),
    expects=Expect.CHOICE,
    choices=lambda ctx: [Choice(s, ctx.t(f"stage.{s}")) for s in STAGES],
    react=_react_opp_stage,
)
prompt(
    key="opt_more",
    step=3,
    question=_text("s3.more"),
    expects=Expect.CHOICE,
    choices=_choices(("add", "s3.more.add"), ("done", "s3.more.done")),
    react=_react_opp_more,
    understand=_understand_yes_no("add", "done"),
)
prompt(
    key="went_well",
    step=4,
    question=_text("s4.went_well"),
    expects=Expect.TEXT,
    parse=_parse_free_text,
    react=_react_went_well,
    journal_label="label.went_well",
    listens=True,
)
prompt(
    key="went_badly",
    step=4,
    question=_ask_went_badly,
    expects=Expect.TEXT,
    parse=_parse_free_text,
    react=_react_went_badly,
    journal_label="label.went_badly",
    listens=True,
)
prompt(
    key="why",
    step=4,
    question=_text("s4.why"),
    expects=Expect.TEXT,
    parse=_parse_free_text,
    react=_react_why,
    journal_label="label.why",
    listens=True,
)
prompt(
    key="practice",
    step=4,
    question=_text("s4.practice"),
    expects=Expect.TEXT,
    parse=_parse_free_text,
    react=_react_practice,
    journal_label="label.practice",
)
prompt(
    key="skill",
    step=5,
    question=_text("s5.skill"),
    expects=Expect.TEXT,
    parse=_parse_free_text,
    react=_react_skill,
    journal_label="label.skill",
    listens=True,
)
prompt(
    key="action",
    step=5,
    question=_text("s5.action"),
    expects=Expect.TEXT,
    parse=_parse_free_text,
    react=_react_action,
    journal_label="label.action",
    listens=True,
)
prompt(
    key="goal_date",
    step=5,
    question=_text("s5.goal_date"),
    expects=Expect.DATE,
    choices=_goal_choices,
    parse=_parse_goal_date,
    react=_react_goal_date,
    journal_label="label.goal_date",
)
prompt(
    key="strengths",
    step=6,
    question=_ask_strengths,
    expects=Expect.ITEMS,
    parse=_parse_items,
    react=_react_strengths,
    journal_label="label.strengths",
)
prompt(
    key="grief",
    step=7,
    question=_ask_grief,
    expects=Expect.CHOICE,
    choices=_choices(("24", "s7.24h"), ("48", "s7.48h"), ("custom", "s7.custom")),
    parse=_parse_grief_hours,
    react=_react_grief,
)
prompt(
    key="grief_hours",
    step=7,
    question=_text("s7.grief_hours"),
    expects=Expect.NUMBER,
    parse=_parse_grief_hours,
    react=_react_grief_hours,
)
prompt(
    key="walk",
    step=8,
    question=_text("s8.walk"),
    expects=Expect.TIME,
    choices=lambda ctx: [Choice(t, t) for t in ("07:30", "12:30", "18:00")],
    parse=_parse_walk,
    react=_react_walk,
    journal_label="label.walk",
)
prompt(
    key="next_opp",
    step=9,
    question=_text("s9.next_opp"),
    expects=Expect.CHOICE,
    choices=_next_opp_choices,
    parse=_parse_next_opp,
    react=_react_next_opp,
    journal_label="label.next_opp",
)
prompt(
    key="next_new",
    step=9,
    question=_text("s9.next_new"),
    expects=Expect.TEXT,
    parse=_parse_free_text,
    react=_react_next_new,
    entry=EntryKind.EMPLOYER,
)
prompt(
    key="tailor",
    step=9,
    question=_ask_tailor,
    expects=Expect.CHOICE,
    choices=_choices(("ok", "s9.got_it")),
    react=_react_tailor,
    skippable=False,
    understand=_understand_yes_no("ok", "ok"),
)
prompt(
    key="interviewer",
    step=10,
    question=_text("s10.interviewer"),
    expects=Expect.TEXT,
    parse=_parse_free_text,
    react=_react_interviewer,
    journal_label="label.interviewer",
    entry=EntryKind.PERSON,
)
prompt(
    key="fb_send",
    step=10,
    question=_text("s10.send"),
    expects=Expect.CHOICE,
    choices=_choices(("sent", "s10.send.yes"), ("later", "s10.send.later")),
    react=_react_fb_send,
    understand=_understand_yes_no("sent", "later"),
)
prompt(
    key="done",
    step=WRAP_UP,
    question=lambda ctx: "",
    expects=Expect.CHOICE,
    react=_react_done,
    skippable=False,
)

FIRST_PROMPT = "company"


# Answers stored outside the ten prompts that /journal shows too: key -> (step, label key).
EXTRA_JOURNAL: dict[str, tuple[int, str]] = {
    "fb_reply": (10, "label.fb_reply"),
    "goal_outcome": (5, "label.goal_outcome"),
}


def display_answer(key: str, value: str, lang: str | None) -> str:
    """A stored answer as people read it (button labels, dates, lists)."""
    if key == "goal_outcome":
        return say(f"ci.btn.goal_{value}", lang)
    if key == "strengths":
        return ", ".join(item for item in value.split("\n") if item)
    if key == "goal_date":
        return format_day(date.fromisoformat(value), lang)
    if key == "prepared":
        return say(f"s1.prepared.{value}_label", lang)
    if key == "when":
        return say(f"intake.when.{value}_label", lang)
    return value


# Answers /journal and the export label, by key: (step, catalogue key of the label).
JOURNAL_LABELS: dict[str, tuple[int, str]] = {
    **{key: (p.step, p.journal_label) for key, p in PROMPTS.items() if p.journal_label},
    **EXTRA_JOURNAL,
}
JOURNAL_KEYS = frozenset(JOURNAL_LABELS)
