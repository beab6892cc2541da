"""The journey's progress as data: what /progress and the weekly recap draw and say.

Pure. A `ProgressSnapshot` is gathered from storage (`models.progress`), travels in the outbox
as JSON, and is drawn when the message is sent (`handlers.pictures`), so the picture and its
caption always say the same thing. Times are the user's local dates: the picture shows their
days, not the server's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta

from core.journey.steps import STAGES
from core.texts.catalogue import say

# Employers to keep in play at once (step 3, "have options").
TARGET_EMPLOYERS = 5
STEPS = 10
# The walk calendar: the last four weeks, Monday to Sunday rows.
CALENDAR_WEEKS = 4
MOOD_LOWEST, MOOD_HIGHEST = 1, 5
# A latest mood this low gets a gentle recap instead of a suggestion.
LOW_MOOD = 2
# A step's state on the picture: done (answered), skipped, the current one, still to come.
DONE, SKIPPED, CURRENT, TO_DO = "d", "s", "c", "t"


@dataclass(frozen=True, slots=True)
class ProgressSnapshot:
    """One journey's progress on the user's local `today`."""

    language: str | None
    today: date
    # (local date, mood 1–5), oldest first: the intake answer, then the check-ins' answers.
    moods: tuple[tuple[date, int], ...] = ()
    # Local days of the last four weeks with a walk: walked or skipped.
    walked: frozenset[date] = field(default_factory=frozenset)
    skipped: frozenset[date] = field(default_factory=frozenset)
    # Open employers per stage, in the order of `core.journey.steps.STAGES`.
    stages: tuple[int, ...] = (0,) * len(STAGES)
    # One letter per step 1–10: DONE, SKIPPED, CURRENT, TO_DO.
    steps: str = TO_DO * STEPS
    # Whether there is a journey at all (/start not sent yet: False).
    started: bool = True

    @property
    def employers(self) -> int:
        """Open employers, whatever their stage."""
        return sum(self.stages)

    @property
    def steps_done(self) -> int:
        """Steps answered."""
        return self.steps.count(DONE)

    @property
    def calendar_start(self) -> date:
        """The Monday the walk calendar starts on (its last row holds `today`)."""
        return self.today - timedelta(days=self.today.weekday() + 7 * (CALENDAR_WEEKS - 1))

    def walks_between(self, first: date, last: date) -> int:
        """Days walked from `first` to `last`, both included."""
        return sum(1 for day in self.walked if first <= day <= last)

    @property
    def walks_in_calendar(self) -> int:
        """Days walked in the four weeks the calendar shows."""
        return self.walks_between(self.calendar_start, self.today)

    @property
    def walks_this_week(self) -> int:
        """Days walked since Monday."""
        return self.walks_between(self.today - timedelta(days=self.today.weekday()), self.today)

    @property
    def empty(self) -> bool:
        """Nothing to draw yet: no mood, no walk, no employer, no step done."""
        return not (self.moods or self.walked or self.skipped or self.employers) and not (
            self.steps_done
        )

    def to_json(self) -> str:
        """The snapshot as JSON (it waits in the outbox until the picture is drawn)."""
        return json.dumps(
            {
                "language": self.language,
                "today": self.today.isoformat(),
                "moods": [[day.isoformat(), value] for day, value in self.moods],
                "walked": sorted(day.isoformat() for day in self.walked),
                "skipped": sorted(day.isoformat() for day in self.skipped),
                "stages": list(self.stages),
                "steps": self.steps,
                "started": self.started,
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, stored: str) -> ProgressSnapshot:
        """The snapshot `to_json` stored."""
        data = json.loads(stored)
        return cls(
            language=data["language"],
            today=date.fromisoformat(data["today"]),
            moods=tuple((date.fromisoformat(day), int(value)) for day, value in data["moods"]),
            walked=frozenset(date.fromisoformat(day) for day in data["walked"]),
            skipped=frozenset(date.fromisoformat(day) for day in data["skipped"]),
            stages=tuple(int(count) for count in data["stages"]),
            steps=str(data["steps"]),
            started=bool(data["started"]),
        )


def step_states(current: int, answered: set[int], *, completed: bool) -> str:
    """The ten steps' states: those before the current one are done (answered) or skipped."""
    states = []
    for number in range(1, STEPS + 1):
        if number in answered and (completed or number < current):
            states.append(DONE)
        elif completed or number < current:
            states.append(SKIPPED)
        elif number == current:
            states.append(CURRENT)
        else:
            states.append(TO_DO)
    return "".join(states)


def mood_of(value: str | None) -> int | None:
    """A stored mood ("1"–"5") as a number, or None when it isn't one."""
    if value is None or not value.strip().isdigit():
        return None
    mood = int(value)
    return mood if MOOD_LOWEST <= mood <= MOOD_HIGHEST else None


def caption(snapshot: ProgressSnapshot) -> str:
    """What the picture shows, in words (the photo's caption, and the whole answer for
    someone who can't see the picture)."""
    lang = snapshot.language
    if snapshot.empty:
        key = "progress.empty" if snapshot.started else "progress.not_started"
        return say(key, lang)
    lines = [say("progress.title", lang), ""]
    lines.append(say("progress.steps", lang, count=snapshot.steps_done))
    lines.append(_mood_line(snapshot))
    walks = snapshot.walks_in_calendar
    if walks:
        lines.append(say("progress.walks", lang, count=walks))
    else:
        lines.append(say("progress.walks_none", lang))
    employers = snapshot.employers
    if employers >= TARGET_EMPLOYERS:
        lines.append(say("progress.employers_enough", lang, count=employers))
    elif employers:
        lines.append(say("progress.employers", lang, count=employers))
    else:
        lines.append(say("progress.employers_none", lang))
    return "\n".join(lines)


def _mood_line(snapshot: ProgressSnapshot) -> str:
    lang = snapshot.language
    if not snapshot.moods:
        return say("progress.mood_none", lang)
    first, last = snapshot.moods[0][1], snapshot.moods[-1][1]
    if len(snapshot.moods) == 1:
        return say("progress.mood_one", lang, mood=first)
    if last > first:
        return say("progress.mood_up", lang, first=first, last=last)
    if last < first:
        return say("progress.mood_down", lang, first=first, last=last)
    return say("progress.mood_same", lang, mood=last)


def recap_lines(snapshot: ProgressSnapshot) -> str:
    """The weekly recap's two lines: the week at a glance, then one small thing for the next."""
    lang = snapshot.language
    glance = say(
        "recap.glance",
        lang,
        walks=snapshot.walks_this_week,
        employers=snapshot.employers,
        done=snapshot.steps_done,
    )
    if snapshot.moods and snapshot.moods[-1][1] <= LOW_MOOD:
        nudge = "recap.gentle"  # no to-do for someone having a hard week
    elif snapshot.employers < TARGET_EMPLOYERS:
        nudge = "recap.next_employer"
    elif snapshot.walks_this_week < 3:
        nudge = "recap.next_walks"
    elif CURRENT in snapshot.steps:
        nudge = "recap.next_step"
    else:
        nudge = "recap.keep_going"
    return f"{glance}\n{say(nudge, lang)}"
