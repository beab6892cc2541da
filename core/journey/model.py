"""The engine's vocabulary: what it reads (a journey's view), what it receives (inputs), and
what it returns (replies plus effects for the service to store). No Telegram, no SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from core.replies import Reply
from core.status import JourneyStatus

# --- What the engine reads ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OpportunityView:
    """An employer the user is talking to."""

    id: int
    company: str
    role: str | None
    stage: str


@dataclass(frozen=True, slots=True)
class PlannedView:
    """An upcoming check-in."""

    kind: str
    due_at: datetime


@dataclass(slots=True)
class JourneyView:
    """Everything the engine needs about one journey, loaded in the unit of work."""

    journey_id: int
    status: str
    prompt: str
    history: list[str]
    answers: dict[str, str]
    opportunities: list[OpportunityView]
    planned: list[PlannedView]
    timezone: str | None
    first_name: str | None
    # The language the bot speaks with them (a catalogue code, or a Telegram code).
    language: str | None = None
    # Telegram's own language code ("pt-br", "de-AT"): its country picks crisis lines.
    language_code: str | None = None
    # Until when coaching check-ins wait after crisis care (a crisis reply was sent recently).
    care_until: datetime | None = None
    # Times in a row the current prompt was not understood.
    misses: int = 0
    # Acknowledgement variants already said in this journey, oldest first.
    said: list[str] = field(default_factory=list)


# --- What the engine receives ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TextInput:
    """A text message."""

    text: str


@dataclass(frozen=True, slots=True)
class ButtonInput:
    """A button of the current prompt was pressed."""

    value: str


@dataclass(frozen=True, slots=True)
class LocationInput:
    """A shared location (used to find the time zone)."""

    latitude: float
    longitude: float


@dataclass(frozen=True, slots=True)
class Skip:
    """Skip this prompt."""


@dataclass(frozen=True, slots=True)
class Back:
    """Go back to the previous prompt."""


Input = TextInput | ButtonInput | LocationInput | Skip | Back

# --- What the engine returns -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SaveAnswer:
    """Store (or replace) the answer to a prompt."""

    key: str
    value: str


@dataclass(frozen=True, slots=True)
class ForgetAnswer:
    """Remove a stored answer (a draft that became an opportunity)."""

    key: str


@dataclass(frozen=True, slots=True)
class SetTimezone:
    """The user's IANA time zone."""

    name: str


@dataclass(frozen=True, slots=True)
class AddOpportunity:
    """A new employer the user is talking to."""

    company: str
    role: str | None
    stage: str


@dataclass(frozen=True, slots=True)
class PlanCheckin:
    """Plan a check-in, replacing any pending one of the same kind for this journey."""

    kind: str
    due_at: datetime
    local_time: str | None = None


@dataclass(frozen=True, slots=True)
class CancelCheckins:
    """Cancel this journey's pending check-ins of a kind."""

    kind: str


@dataclass(frozen=True, slots=True)
class PauseCheckins:
    """Hold every check-in of the user until `until` (crisis care was given)."""

    until: datetime


Effect = (
    SaveAnswer
    | ForgetAnswer
    | SetTimezone
    | AddOpportunity
    | PlanCheckin
    | CancelCheckins
    | PauseCheckins
)


@dataclass(slots=True)
class Outcome:
    """The engine's answer: replies to send, effects to store, and where the user is now."""

    replies: list[Reply] = field(default_factory=list)
    effects: list[Effect] = field(default_factory=list)
    prompt: str = ""
    history: list[str] = field(default_factory=list)
    status: str = JourneyStatus.ACTIVE
    # Misunderstandings in a row at `prompt` (0 once it moves on).
    misses: int = 0
    # Acknowledgement variants said so far (None: unchanged).
    said: list[str] | None = None
