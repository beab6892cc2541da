"""Chaos for end-to-end tests: a seeded plan of SIGKILLs and send failures, users who walk the
journey against the real process, and the accounting that proves nothing was lost.

Everything the test decides (when to kill, which sends fail, what each user answers, whether
they wait for the question or type ahead, whether they tap or type) comes from the seed. Only
the bot process's own timing is not: where exactly in its work a kill lands differs per run,
which is the point of the test.
"""

from __future__ import annotations

import copy
import json
import random
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from models.crypto import Cipher
from tests.support.e2e_chat import buttons
from tests.support.fake_bot_api import FakeBotApi

Message = dict[str, Any]

# A user types at most this many answers ahead of the bot's replies.
MAX_AHEAD = 2
# Chances, per answer, that the user types it before the question arrived / taps its button.
IMPATIENT = 0.2
TAPS = 0.5


class ChaosBotApi(FakeBotApi):
    """The fake Bot API, plus a cheap way to read only what was sent since last time (the
    test looks many times a second; copying every message each time would starve the bot)."""

    def messages_since(self, index: int) -> list[Message]:
        """Messages sent via sendMessage/sendDocument from position `index` on, in order."""
        with self._lock:
            return copy.deepcopy(self._sent[index:])

    def faults_waiting(self, method: str) -> int:
        """Injected failures of `method` not used up yet."""
        with self._lock:
            return len(self._faults.get(method.lower(), ()))


# --------------------------------------------------------------------------- the plan


@dataclass(frozen=True, slots=True)
class Fault:
    """The next `times` sendMessage calls fail with `error_code`, `at` seconds into a window."""

    at: float
    error_code: int
    times: int


@dataclass(frozen=True, slots=True)
class Cycle:
    """One life of the bot process: started, traffic for `window` seconds, SIGKILL.

    `during_startup`: the window starts when the process is started, so the kill may land in
    migrations, getMe or the first getUpdates; otherwise it starts once the process logged
    "polling for updates" (0.05–0.6 s, or 1–2.5 s for a long life). Every sendMessage is answered
    after `send_delay` seconds in this life, which widens the moment between Telegram accepting
    a message and the bot marking it sent.
    """

    during_startup: bool
    window: float
    send_delay: float
    faults: tuple[Fault, ...]


# Shares of the lives killed while starting, and of those that live long enough for the
# outbox's flush job to run: it first runs about one interval (1 s) after the application was
# built, so in shorter lives only replies sent right after their commit go out, and whatever
# an earlier life left unsent (with everything queued behind it in that chat) waits.
STARTUP_KILLS = 0.15
LONG_LIVES = 0.4
# Share of the lives in which sendMessage fails (one burst of failures).
FAULTY_LIVES = 0.4


def make_plan(seed: int, kills: int) -> list[Cycle]:
    """The kills and send failures of a run, from its seed."""
    rng = random.Random(seed)
    cycles: list[Cycle] = []
    for _ in range(kills):
        kind = rng.random()
        during_startup = kind < STARTUP_KILLS
        if during_startup:
            window = rng.uniform(0.05, 1.0)
        elif kind < STARTUP_KILLS + LONG_LIVES:
            window = rng.uniform(1.0, 2.5)
        else:
            window = rng.uniform(0.05, 0.6)
        send_delay = rng.choice((0.0, 0.0, 0.05, 0.15))
        faults: list[Fault] = []
        if rng.random() < FAULTY_LIVES:
            code = rng.choice((429, 500, 502))
            # Four 429s in a row outlast the rate limiter's three retries: the outbox then
            # schedules the message itself (RetryAfter), which one or two don't reach.
            times = rng.choice((1, 1, 2, 4)) if code == 429 else rng.choice((1, 1, 2))
            faults.append(Fault(at=rng.uniform(0.0, window), error_code=code, times=times))
        cycles.append(Cycle(during_startup, window, send_delay, tuple(faults)))
    return cycles


# --------------------------------------------------------------------------- the users


@dataclass(frozen=True, slots=True)
class Step:
    """An answer and a fragment of the question the bot asks after it (its reply arrived)."""

    answer: str
    expect: str


COMPANIES = ("Acme", "Initech", "Hooli", "Globex", "Umbrella", "Vandelay", "Cyberdyne", "Tyrell")
ROLES = ("Data analyst", "Backend engineer", "Product designer", "QA engineer", "Support lead")
OPPORTUNITIES = (
    "Pied Piper",
    "Aperture",
    "Black Mesa",
    "Oscorp",
    "Massive Dynamic",
    "Sterling Cooper",
    "Dunder Mifflin",
    "Wernham Hogg",
    "Bluth Company",
    "Gringotts",
    "Prestige Worldwide",
    "Soylent",
)
INTERVIEWERS = ("Sam Lee", "Maria Lopez", "Chen Wei", "Ada Brooks", "Omar Haddad")
WALK_TIMES = ("07:30", "12:30", "18:00")
FIRST_QUESTION = "Which company was it?"


def walk_time_far_from_now(now: datetime, zone: str = "Europe/Berlin") -> str:
    """The walk button whose time is furthest from now in `zone`, so no walk reminder (an
    outbox row no answer asked for) is due while the test runs."""
    local = now.astimezone(ZoneInfo(zone))
    minutes = local.hour * 60 + local.minute

    def distance(label: str) -> int:
        hours, mins = label.split(":")
        gap = abs(int(hours) * 60 + int(mins) - minutes)
        return min(gap, 24 * 60 - gap)

    return max(WALK_TIMES, key=distance)


# The journey's target of employers in play (step 3); each round adds one.
OPTIONS_TARGET = 5


def journey_round(user_no: int, round_no: int, walk_time: str) -> list[Step]:
    """One pass through the ten steps, ending with /new (which asks the first question again).

    The first pass asks for a time zone; later ones know it.
    """
    company = COMPANIES[(user_no + round_no) % len(COMPANIES)]
    role = ROLES[(user_no + round_no) % len(ROLES)]
    opportunity = OPPORTUNITIES[(user_no + round_no) % len(OPPORTUNITIES)]
    interviewer = INTERVIEWERS[(user_no + round_no) % len(INTERVIEWERS)]
    story = "What story are you telling yourself"
    steps = [
        Step(company, "And the role you interviewed for?"),
        Step(role, "When did you hear back?"),
        Step("Today", "How are you feeling right now"),
    ]
    if round_no == 0:
        steps += [Step("2", "Which time zone are you in?"), Step("Berlin", story)]
    else:
        steps += [Step("2", story)]
    steps += [
        Step("I froze on the system design question", "did you prepare and give it your best?"),
        Step("Mostly", "Write one sentence that accepts the outcome"),
        Step(
            "I didn't get this job, and I'm ready for the next one",
            "How many are you actively talking to",
        ),
        Step("2", "(Skip when you're done.)"),
        Step(opportunity, "What's the role there?"),
        Step("Skip", "Where are you with them?"),
    ]
    if round_no < OPTIONS_TARGET - 1:
        steps += [
            Step("Interviewing", "Add another one?"),
            Step("That's all for now", "What went well in the interview?"),
        ]
    else:
        # Each round added one employer: this one makes five, and the coach moves on itself.
        steps += [Step("Interviewing", "What went well in the interview?")]
    steps += [
        Step("I explained my past projects clearly and calmly", "What didn't go so well?"),
        Step(
            "I rushed the system design part and forgot the caching layer",
            "Why do you think that part went the way it did?",
        ),
        Step(
            "I had not practised designing systems out loud under time pressure",
            "Who could you ask?",
        ),
        Step(
            "Run two mock system design interviews with a friend",
            "What's one skill you'd like to sharpen?",
        ),
        Step("System design", "What's a first small action for it"),
        Step("Read one chapter and sketch one design every evening", "By when?"),
        Step("In two weeks", "What are three strengths you bring?"),
        Step("Clear writing, calm under pressure, SQL", "How long do you need?"),
        Step("24 hours", "What time each day suits a walk?"),
        Step(walk_time, "Which opportunity is next?"),
        Step(opportunity, "Tailor your CV"),
        Step("Got it", "Who interviewed you?"),
        Step(interviewer, "Will you send it?"),
        Step("Later", "You've worked through all ten steps."),
        Step("/new", FIRST_QUESTION),
    ]
    return steps


@dataclass(frozen=True, slots=True)
class Sent:
    """An update the test pushed for a user."""

    update_id: int
    step: int
    tapped: bool


@dataclass(slots=True)
class Walker:
    """A user walking the journey: answers once the question arrived (or types ahead), taps
    the question's button or types its label, and checks each reply arrived, in order."""

    api: FakeBotApi
    user_id: int
    user_no: int
    seed: int
    walk_time: str
    steps: list[Step] = field(default_factory=list)
    sent: list[Sent] = field(default_factory=list)
    # How many of the sent answers got their reply (the expected question), in order.
    confirmed: int = 0
    # The newest copy of the question the next answer answers (for taps).
    question: Message | None = None

    def __post_init__(self) -> None:
        self.steps = [Step("/start", FIRST_QUESTION)]

    def step(self, index: int) -> Step:
        """The `index`th step of the user's endless walk (round after round)."""
        while len(self.steps) <= index:
            rounds_done = sum(1 for step in self.steps if step.answer == "/new")
            self.steps += journey_round(self.user_no, rounds_done, self.walk_time)
        return self.steps[index]

    def _choice(self, index: int, what: str) -> float:
        # Keyed on the seed, the user and the answer: the same decisions whatever the timing.
        return random.Random(f"{self.seed}/{self.user_id}/{index}/{what}").random()

    def observe(self, message: Message) -> None:
        """A message the bot sent to this user."""
        text = str(message.get("text", ""))
        if self.confirmed < len(self.sent) and self.step(self.confirmed).expect in text:
            self.confirmed += 1
            self.question = message
        elif self.confirmed > 0 and self.step(self.confirmed - 1).expect in text:
            self.question = message  # the question again (a re-send): its newest copy

    @property
    def outstanding(self) -> int:
        """Answers sent whose reply hasn't arrived yet."""
        return len(self.sent) - self.confirmed

    def stuck(self) -> tuple[int, str, list[str]]:
        """For a report: the user, the reply awaited and the starts of the last messages."""
        last = [str(m.get("text", ""))[:60] for m in self.api.sent_messages(self.user_id)[-4:]]
        return self.user_id, self.step(self.confirmed).expect, last

    def act(self) -> None:
        """Send the next answer if this user would now."""
        index = len(self.sent)
        if self.outstanding >= MAX_AHEAD:
            return
        if self.outstanding > 0 and self._choice(index, "impatient") >= IMPATIENT:
            return
        step = self.step(index)
        button = self._button(step.answer) if self.outstanding == 0 else None
        if button is not None and self.question is not None and self._choice(index, "tap") < TAPS:
            update_id = self.api.press_button(
                self.user_id, str(button["callback_data"]), message_id=self.question["message_id"]
            )
            self.sent.append(Sent(update_id, index, tapped=True))
        else:
            self.sent.append(Sent(self.api.send_text(self.user_id, step.answer), index, False))

    def _button(self, answer: str) -> dict[str, Any] | None:
        if self.question is None:
            return None
        for button in buttons(self.question):
            label = str(button["text"])
            if label == answer or label.startswith(answer + " "):
                return button
        return None


class Crowd:
    """The users, fed with what the fake recorded since the last look."""

    def __init__(self, api: ChaosBotApi, walkers: Sequence[Walker]) -> None:
        self.api = api
        self.walkers = {walker.user_id: walker for walker in walkers}
        self.seen = 0

    def look(self) -> None:
        """Hand every newly recorded message to its user."""
        fresh = self.api.messages_since(self.seen)
        self.seen += len(fresh)
        for message in fresh:
            walker = self.walkers.get(int(message["chat"]["id"]))
            if walker is not None:
                walker.observe(message)

    def act(self) -> None:
        """Let every user send their next answer if they would now."""
        for walker in self.walkers.values():
            walker.act()

    @property
    def waiting(self) -> int:
        """Answers still waiting for their reply, over all users."""
        return sum(walker.outstanding for walker in self.walkers.values())

    def update_ids(self) -> list[int]:
        """Every update the users pushed."""
        return sorted(s.update_id for w in self.walkers.values() for s in w.sent)


# --------------------------------------------------------------------------- the accounting


@dataclass(frozen=True, slots=True)
class OutboxRow:
    """An outbox row with its text decrypted."""

    id: int
    chat_id: int
    kind: str
    update_id: int | None
    status: str
    attempts: int
    created_at: datetime
    sent_at: datetime | None
    text: str


def read_outbox(database: Path, cipher: Cipher) -> list[OutboxRow]:
    """Every outbox row, in id order."""
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT id, chat_id, kind, update_id, status, attempts, created_at, sent_at, payload "
            "FROM outbox ORDER BY id"
        ).fetchall()
    return [
        OutboxRow(
            id=row[0],
            chat_id=row[1],
            kind=row[2],
            update_id=row[3],
            status=row[4],
            attempts=int(row[5]),
            created_at=_utc(row[6]),
            sent_at=_utc(row[7]) if row[7] is not None else None,
            text=_text_of(cipher, row[8]),
        )
        for row in rows
    ]


def _utc(value: object) -> datetime:
    moment = datetime.fromisoformat(str(value))
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _text_of(cipher: Cipher, payload: str) -> str:
    return str(json.loads(cipher.decrypt(payload))["text"])


def pending_outbox_rows(database: Path) -> int:
    """Outbox rows still to send (read while the bot runs: WAL lets a reader in)."""
    with sqlite3.connect(database, timeout=5) as connection:
        (count,) = connection.execute(
            "SELECT count(*) FROM outbox WHERE status = 'pending'"
        ).fetchone()
    return int(count)


def processed_update_ids(database: Path) -> set[int]:
    """The updates whose unit of work committed (`processed_updates` holds ids only)."""
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT update_id FROM processed_updates").fetchall()
    return {int(row[0]) for row in rows}


def quarantined_update_ids(database: Path) -> set[int]:
    """Updates set aside as unreadable (and acknowledged without being handled)."""
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT update_id FROM quarantined_updates").fetchall()
    return {int(row[0]) for row in rows}


@dataclass(frozen=True, slots=True)
class Reconciled:
    """One chat's recorded messages against its outbox rows (sent, in id order).

    Each recorded message is the next row (`delivered`), the row just delivered again
    (`resent`: the process died after Telegram accepted it and before it was marked sent, so
    the next process sent it once more), or neither (`unexpected`: a message no row explains,
    or one out of order). `missing` rows never reached the chat.
    """

    delivered: int
    resent: int
    unexpected: tuple[str, ...]
    missing: tuple[str, ...]


def reconcile(rows: Sequence[str], recorded: Iterable[str]) -> Reconciled:
    """Match a chat's recorded texts against its rows' texts, in order."""
    position = 0
    resent = 0
    unexpected: list[str] = []
    for text in recorded:
        if position < len(rows) and text == rows[position]:
            position += 1
        elif position > 0 and text == rows[position - 1]:
            resent += 1
        else:
            unexpected.append(text)
    return Reconciled(position, resent, tuple(unexpected), tuple(rows[position:]))


def replayed_rows(rows: Sequence[OutboxRow]) -> int:
    """Rows a redelivered update added to replies already committed for it (written by a
    second unit of work, so with a later `created_at` than the first)."""
    first: dict[int, datetime] = {}
    for row in rows:
        if row.update_id is not None:
            first[row.update_id] = min(first.get(row.update_id, row.created_at), row.created_at)
    return sum(
        1 for row in rows if row.update_id is not None and row.created_at != first[row.update_id]
    )


def subsequence_position(texts: Sequence[str], fragments: Sequence[str]) -> int:
    """How many of `fragments` appear in `texts` one after the other, in order."""
    found = 0
    for text in texts:
        if found < len(fragments) and fragments[found] in text:
            found += 1
    return found


_REPLAYED = re.compile(r"update \d+ was already handled; replaying its answer")
_DELAYED = re.compile(r"outbox message \d+ delayed")
_STORAGE = re.compile(r"storage unavailable")


def log_counts(logs: Iterable[str]) -> Counter[str]:
    """What the processes' logs say happened, counted over all of them."""
    counts: Counter[str] = Counter()
    for log in logs:
        counts["redelivered updates replayed"] += len(_REPLAYED.findall(log))
        counts["sends delayed by the outbox"] += len(_DELAYED.findall(log))
        counts["storage retries"] += len(_STORAGE.findall(log))
        counts["error lines"] += sum(
            1 for line in log.splitlines() if "level=error" in line or "level=critical" in line
        )
    return counts


def kills_with_unsent_replies(rows: Sequence[OutboxRow], kill_times: Sequence[datetime]) -> int:
    """Kills that left committed replies unsent: some row was written before the kill and
    marked sent only after it (whether it was waiting to be sent, in flight, or waiting for a
    retry when the process died)."""
    return sum(
        1
        for kill in kill_times
        if any(
            row.created_at <= kill and (row.sent_at is None or row.sent_at > kill) for row in rows
        )
    )
