"""Pieces of `bench/update_path.py`: a fake Bot API that timestamps every answer, scripted users
who walk the journey (or replay what others did), the drivers that feed them, and a bare
python-telegram-bot echo bot (run as `python -m bench._update_path_support echo ...`).

Times are `time.monotonic()` seconds throughout; the fake runs in this process, so its clock and
the users' clock are the same one.
"""

from __future__ import annotations

import argparse
import heapq
import itertools
import math
import os
import random
import threading
import time
from bisect import bisect_right, insort
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from tests.support.chaos import FIRST_QUESTION, Step, journey_round
from tests.support.e2e_chat import buttons
from tests.support.fake_bot_api import _KNOWN_METHODS, FakeBotApi, _ApiError

Message = dict[str, Any]

# What counts as the bot answering a user: a new message, or an edit of one it sent.
REPLY_METHODS = frozenset({"sendMessage", "editMessageText"})
# The last step of the first journey round: its reply is the wrap-up.
WRAP_UP_ANSWER = "Later"
WRAP_UP_EXPECT = "You've worked through all ten steps."


# --------------------------------------------------------------------------- the fake Bot API


@dataclass(frozen=True, slots=True)
class Event:
    """One Bot API request as the fake saw it: when it arrived and when it was answered (after
    the artificial latency), the HTTP status, and the Message it returned (sends and edits)."""

    method: str
    chat_id: int | None
    arrived: float
    answered: float
    status: int
    message: Message | None
    params: dict[str, Any]

    @property
    def ok(self) -> bool:
        """Telegram accepted it."""
        return self.status == 200


class RecordingApi(FakeBotApi):
    """The tests' fake Bot API, with a timestamped log of every answered request.

    Wraps `FakeBotApi._handle` (a private method of the test helper): the artificial latency set
    with `delay` is slept inside it, so `answered` is when the message exists for the user.

    One change of behaviour: the sliding-window send limit (`max_messages_per_second`) counts
    sends by the time they *arrived*, where the fake counts them after sleeping the latency.
    Fifty threads waking from a 50 ms sleep in this (busy) process bunch up by a few ms, which
    would add 429s the bot did not cause.
    """

    def __init__(self, *, max_messages_per_second: float | None = None) -> None:
        super().__init__(max_messages_per_second=max_messages_per_second)
        self._events: list[Event] = []
        self._events_lock = threading.Lock()
        self._callback_numbers = itertools.count(1)
        # getUpdates calls as they arrive (their event is logged only when the long poll ends).
        self._poll_arrivals: list[float] = []
        self._arrival = threading.local()
        self._accepted_sends: list[float] = []  # arrival times, sorted

    def _handle(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        arrived = time.monotonic()
        self._arrival.at = arrived
        if method.lower() == "getupdates":
            with self._events_lock:
                self._poll_arrivals.append(arrived)
        status, payload = super()._handle(method, params)
        answered = time.monotonic()
        result = payload.get("result") if status == 200 else None
        chat_id = params.get("chat_id")
        event = Event(
            method=_canonical(method),
            chat_id=chat_id if isinstance(chat_id, int) and not isinstance(chat_id, bool) else None,
            arrived=arrived,
            answered=answered,
            status=status,
            message=result if isinstance(result, dict) else None,
            params=params,
        )
        with self._events_lock:
            self._events.append(event)
        return status, payload

    def events_since(self, index: int) -> list[Event]:
        """Events from position `index` on, in the order they were answered."""
        with self._events_lock:
            return self._events[index:]

    def _check_rate(self) -> None:
        """Telegram's limit, by arrival: at most `max_messages_per_second` accepted sends in any
        one-second window ending at this one's arrival; else 429 with retry_after 1."""
        limit = self.max_messages_per_second
        if limit is None:
            return
        at = float(getattr(self._arrival, "at", time.monotonic()))
        with self._lock:
            times = self._accepted_sends
            inside = bisect_right(times, at) - bisect_right(times, at - 1.0)
            if inside >= limit:
                self._rejected_429 += 1
                raise _ApiError(429, "Too Many Requests: retry after 1", retry_after=1)
            insort(times, at)

    @property
    def first_poll(self) -> float | None:
        """When the first getUpdates call arrived (None before)."""
        with self._events_lock:
            return self._poll_arrivals[0] if self._poll_arrivals else None

    def events(self, method: str | None = None) -> list[Event]:
        """Every event so far (of one method)."""
        with self._events_lock:
            found = list(self._events)
        return found if method is None else [e for e in found if e.method == method]

    def delay_every_method(self, seconds: float, *, get_updates: float | None = None) -> None:
        """Answer every Bot API method the fake knows only after `seconds` (getUpdates after
        `get_updates` when given: that wait comes before its long poll, see the script's text)."""
        for name in _KNOWN_METHODS:
            self.delay(name, seconds)
        if get_updates is not None:
            self.delay("getUpdates", get_updates)

    # Updates built the way FakeBotApi.send_text / press_button build them, but not queued, so
    # a webhook driver can POST them instead.

    def text_update(self, user_id: int, text: str) -> dict[str, Any]:
        """A private text message from `user_id` (registered with the fake, not queued)."""
        content: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            content["entities"] = [
                {
                    "type": "bot_command",
                    "offset": 0,
                    "length": len(command.encode("utf-16-le")) // 2,
                }
            ]
        return {"message": self._incoming_message(user_id, "Alex", "en", **content)}

    def tap_update(self, user_id: int, data: str, message: Message | None) -> dict[str, Any]:
        """`user_id` presses a button with `data` under `message` (not queued)."""
        if message is None:
            message = {
                "message_id": 1,
                "date": int(time.time()),
                "chat": {"id": user_id, "type": "private", "first_name": "Alex"},
                "from": self.bot_user,
                "text": "…",
            }
        return {
            "callback_query": {
                "id": f"{user_id}{next(self._callback_numbers):06d}",
                "from": {
                    "id": user_id,
                    "is_bot": False,
                    "first_name": "Alex",
                    "language_code": "en",
                },
                "chat_instance": f"-{abs(user_id) * 7919 % 10**18}",
                "data": data,
                "message": message,
            }
        }


_CANONICAL_NAMES = {name.lower(): name for name in _KNOWN_METHODS}


def _canonical(method: str) -> str:
    return _CANONICAL_NAMES.get(method.lower(), method)


# --------------------------------------------------------------------------- the users


@dataclass(frozen=True, slots=True)
class Sent:
    """An update a user sent: its id, when it was pushed/POSTed, what it was, and whether the
    user sent it before the reply to their previous one had arrived."""

    update_id: int
    pushed: float
    kind: str  # "text" or "tap"
    value: str
    ahead: bool


@dataclass(eq=False)
class Chatter:
    """A new user who walks the journey from /start (the tests' `journey_round` answers) or,
    with `script`, replays a fixed list of actions and expects each to be echoed (in any order:
    an echo is matched to the oldest update with its text still waiting).

    Journey replies are matched to answers in order: the first message to this chat after
    answer k was sent (and after answer k-1's expected question arrived) is k's first reply; the
    message holding k's expected question confirms k. So an answer whose expected reply never comes
    leaves every later one without a reply: a journey that went elsewhere shows up as missing
    replies, not as wrong latencies.
    """

    user_id: int
    user_no: int
    walk_time: str = "18:00"
    tap_share: float = 0.0
    seed: int = 0
    script: list[tuple[str, str]] | None = None
    steps: list[Step] = field(default_factory=list)
    sent: list[Sent] = field(default_factory=list)
    first_reply: list[float | None] = field(default_factory=list)
    confirmed: int = 0
    question: Message | None = None
    # Messages to this chat, attributed by time to the newest answer sent before them.
    per_answer: Counter[int] = field(default_factory=Counter)
    texts_per_answer: dict[int, list[str]] = field(default_factory=dict)
    before_first: int = 0
    unsolicited: int = 0
    last_text: str = ""

    def __post_init__(self) -> None:
        self.steps = [Step("/start", FIRST_QUESTION)]

    def step(self, index: int) -> Step:
        """The `index`th step of the user's walk (journey round after round)."""
        while len(self.steps) <= index:
            rounds_done = sum(1 for step in self.steps if step.answer == "/new")
            self.steps += journey_round(self.user_no, rounds_done, self.walk_time)
        return self.steps[index]

    @property
    def outstanding(self) -> int:
        """Updates sent whose expected reply hasn't arrived yet."""
        return len(self.sent) - self.confirmed

    @property
    def typed_ahead(self) -> int:
        """Updates sent before the previous reply had arrived."""
        return sum(1 for s in self.sent if s.ahead)

    @property
    def taps(self) -> int:
        """Button presses among the updates sent."""
        return sum(1 for s in self.sent if s.kind == "tap")

    def _scripted(self, index: int) -> tuple[str, str] | None:
        if self.script is not None and index < len(self.script):
            return self.script[index]
        return None

    def expected(self, index: int, text: str) -> bool:
        """Whether `text` is the reply answer `index` of the journey waits for."""
        return self.step(index).expect in text

    def compose(self, api: RecordingApi) -> tuple[dict[str, Any], str, str]:
        """The next update (without an update_id): the next answer, as a tap on the question's
        button (when the question is shown, it has one, and the user's dice say so) or typed."""
        index = len(self.sent)
        scripted = self._scripted(index)
        if scripted is not None:
            kind, value = scripted
            if kind == "tap":
                return api.tap_update(self.user_id, value, self.question), kind, value
            return api.text_update(self.user_id, value), kind, value
        answer = self.step(index).answer
        if self.script is None and self.outstanding == 0 and self.question is not None:
            dice = random.Random(f"{self.seed}/{self.user_id}/{index}").random()
            button = _button(self.question, answer)
            if button is not None and dice < self.tap_share:
                data = str(button["callback_data"])
                return api.tap_update(self.user_id, data, self.question), "tap", data
        return api.text_update(self.user_id, answer), "text", answer

    def record(self, update_id: int, pushed: float, kind: str, value: str) -> None:
        """The update went out at `pushed`."""
        self.sent.append(Sent(update_id, pushed, kind, value, ahead=self.outstanding > 0))
        self.first_reply.append(None)

    def push(self, api: RecordingApi) -> None:
        """Send the next update through getUpdates (polling mode)."""
        update, kind, value = self.compose(api)
        pushed = time.monotonic()
        update_id = api.push_update(update)
        self.record(update_id, pushed, kind, value)

    def observe(self, event: Event) -> None:
        """A message (or edit) the bot sent to this chat."""
        message = event.message or {}
        text = str(message.get("text", ""))
        self.last_text = text
        pushed = [s.pushed for s in self.sent]
        owner = bisect_right(pushed, event.answered) - 1
        if owner < 0:
            self.before_first += 1
        else:
            self.per_answer[owner] += 1
            self.texts_per_answer.setdefault(owner, []).append(text)
        if self.script is not None:
            # An echo: the oldest update with this text still without one (a bot handling
            # updates concurrently may answer one user's updates out of order).
            for index, sent in enumerate(self.sent):
                waiting = self.first_reply[index] is None and sent.pushed <= event.answered
                if waiting and sent.value == text:
                    self.first_reply[index] = event.answered
                    self.confirmed += 1
                    return
            self.unsolicited += 1
            return
        k = self.confirmed
        if k < len(self.sent) and event.answered >= self.sent[k].pushed:
            if self.first_reply[k] is None:
                self.first_reply[k] = event.answered
            if self.expected(k, text):
                self.confirmed += 1
                self.question = message
        elif k > 0 and self.step(k - 1).expect in text:
            self.question = message  # the question again: its newest copy
        else:
            self.unsolicited += 1


def _button(question: Message, answer: str) -> dict[str, Any] | None:
    for button in buttons(question):
        label = str(button["text"])
        if label == answer or label.startswith(answer + " "):
            return button
    return None


def wrap_up_index(user: Chatter) -> int:
    """How many answers (with /start) a user gives up to and including the wrap-up's."""
    index = 0
    while True:
        step = user.step(index)
        if step.answer == WRAP_UP_ANSWER and step.expect == WRAP_UP_EXPECT:
            return index + 1
        index += 1
        if index > 200:
            raise RuntimeError("the scripted journey has no wrap-up step")


class Feed:
    """Hands each new message the fake answered to the user it was sent to."""

    def __init__(self, api: RecordingApi, users: Iterable[Chatter]) -> None:
        self.api = api
        self.users = {user.user_id: user for user in users}
        self.index = 0

    def pump(self) -> None:
        """Read what the fake answered since the last look."""
        events = self.api.events_since(self.index)
        self.index += len(events)
        for event in events:
            if event.method in REPLY_METHODS and event.ok and event.chat_id is not None:
                user = self.users.get(event.chat_id)
                if user is not None:
                    user.observe(event)


# --------------------------------------------------------------------------- measuring


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (share in 0..1) of `values`; NaN when empty."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def max_in_window(times: Iterable[float], window: float = 1.0) -> int:
    """The most timestamps inside any `window`-second sliding window."""
    return busiest_window(times, window)[0]


def busiest_window(times: Iterable[float], window: float = 1.0) -> tuple[int, float]:
    """(the most timestamps inside any `window`-second sliding window, the first of them)."""
    ordered = sorted(times)
    best = (0, math.nan)
    start = 0
    for end, at in enumerate(ordered):
        while at - ordered[start] >= window:
            start += 1
        if end - start + 1 > best[0]:
            best = (end - start + 1, ordered[start])
    return best


def over_limit(times: Iterable[float], limit: float, window: float = 1.0) -> int:
    """How many timestamps had `limit` or more others in the `window` seconds before them."""
    ordered = sorted(times)
    return sum(
        1
        for n, at in enumerate(ordered)
        if n + 1 - bisect_right(ordered, at - window, 0, n) > limit
    )


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process `pid` so far (Linux /proc; NaN elsewhere)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return math.nan


@dataclass
class CpuMeter:
    """CPU seconds used by some processes and by this one (the fake + the users) meanwhile."""

    pids: Sequence[int]
    started: float = 0.0
    _theirs: float = 0.0
    _ours: float = 0.0

    def __post_init__(self) -> None:
        self.started = time.monotonic()
        self._theirs = sum(cpu_seconds(pid) for pid in self.pids)
        self._ours = time.process_time()

    def read(self) -> tuple[float, float]:
        """(their cores, our cores) on average since the meter started."""
        wall = max(time.monotonic() - self.started, 1e-9)
        theirs = sum(cpu_seconds(pid) for pid in self.pids) - self._theirs
        return theirs / wall, (time.process_time() - self._ours) / wall


@dataclass
class LoadResult:
    """What an open-loop run measured."""

    seconds: float
    start: float
    end: float
    pushed: int = 0
    replied_in_window: int = 0
    latencies: list[float] = field(default_factory=list)
    missing: int = 0
    typed_ahead: int = 0
    taps: int = 0
    bot_cores: float = math.nan
    harness_cores: float = math.nan
    stuck: list[tuple[int, str, str]] = field(default_factory=list)
    # (pushed, latency, "text" or "tap") of every update.
    samples: list[tuple[float, float, str]] = field(default_factory=list)

    def by_period(self, parts: int) -> list[tuple[float, int, float, float]]:
        """(seconds into the run, updates, p50 ms, p99 ms) of updates pushed in each of
        `parts` equal periods of the offered time."""
        width = self.seconds / parts
        rows = []
        for part in range(parts):
            low = self.start + part * width
            chosen = [lat for at, lat, _ in self.samples if low <= at < low + width]
            rows.append(
                (
                    part * width,
                    len(chosen),
                    1000 * percentile(chosen, 0.5),
                    1000 * percentile(chosen, 0.99),
                )
            )
        return rows

    def by_kind(self, kind: str) -> tuple[int, float, float]:
        """(updates, p50 ms, p99 ms) of the typed ("text") or tapped ("tap") updates."""
        chosen = [lat for _, lat, k in self.samples if k == kind]
        return len(chosen), 1000 * percentile(chosen, 0.5), 1000 * percentile(chosen, 0.99)

    @property
    def offered_rate(self) -> float:
        """Updates pushed a second."""
        return self.pushed / self.seconds if self.seconds else 0.0

    @property
    def handled_rate(self) -> float:
        """Updates whose first reply arrived inside the offered period, a second."""
        return self.replied_in_window / self.seconds if self.seconds else 0.0

    def ms(self, share: float) -> float:
        """A latency percentile in milliseconds."""
        return 1000 * percentile(self.latencies, share)


def collect(users: Sequence[Chatter], result: LoadResult, *, until: float) -> LoadResult:
    """Latencies of every update the users sent; one still without a reply counts with its wait
    so far (up to `until`), so it can only make the figures worse."""
    for user in users:
        result.pushed += len(user.sent)
        result.typed_ahead += user.typed_ahead
        result.taps += user.taps
        for sent, first in zip(user.sent, user.first_reply, strict=True):
            if first is None:
                result.missing += 1
                result.latencies.append(until - sent.pushed)
            else:
                result.latencies.append(first - sent.pushed)
            result.samples.append((sent.pushed, result.latencies[-1], sent.kind))
            if first is not None and first <= result.end:
                result.replied_in_window += 1
        if user.outstanding and len(result.stuck) < 5:
            waiting = user.step(user.confirmed).expect if user.script is None else "its echo"
            result.stuck.append((user.user_id, waiting, user.last_text[:70]))
    return result


def open_loop(
    api: RecordingApi,
    users: Sequence[Chatter],
    *,
    seconds: float,
    interval: float,
    seed: int,
    grace: float,
    pids: Sequence[int] = (),
    alive: Callable[[], None] = lambda: None,
) -> LoadResult:
    """Every user sends an update every `interval` seconds from a random phase, whether or not
    the reply to the previous one has arrived (then it types the next answer ahead), for
    `seconds`; then up to `grace` seconds more for the last replies."""
    rng = random.Random(seed)
    feed = Feed(api, users)
    start = time.monotonic() + 0.05
    end = start + seconds
    phases = [rng.uniform(0, interval) for _ in users]  # drawn for all: replays see the same
    due = [(start + phase, n) for n, phase in enumerate(phases) if start + phase < end]
    heapq.heapify(due)
    meter = CpuMeter(pids)
    checked = start
    while due:
        now = time.monotonic()
        feed.pump()
        while due and due[0][0] <= now:
            at, n = heapq.heappop(due)
            users[n].push(api)
            if at + interval < end:
                heapq.heappush(due, (at + interval, n))
        if now - checked > 1.0:
            alive()
            checked = now
        if due:
            time.sleep(min(0.005, max(0.0, due[0][0] - time.monotonic())))
    time.sleep(max(0.0, end - time.monotonic()))
    bot_cores, harness_cores = meter.read()
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline and any(user.outstanding for user in users):
        feed.pump()
        time.sleep(0.01)
    feed.pump()
    result = LoadResult(seconds=seconds, start=start, end=end)
    result.bot_cores, result.harness_cores = bot_cores, harness_cores
    return collect(users, result, until=time.monotonic())


def closed_loop(
    api: RecordingApi,
    users: Sequence[Chatter],
    *,
    answers: Callable[[Chatter], int],
    think: float,
    timeout: float,
    settle: float,
    stall: float = 20.0,
    alive: Callable[[], None] = lambda: None,
) -> tuple[LoadResult, bool]:
    """Each user sends their next answer `think` seconds after the reply to the previous one
    arrived, until they gave `answers(user)` answers; then `settle` seconds for trailing
    messages. Gives up after `timeout`, or when nothing was sent for `stall` seconds. True when
    everyone got through."""
    feed = Feed(api, users)
    start = time.monotonic()
    deadline = start + timeout
    targets = {user.user_id: answers(user) for user in users}
    # When each user may send next: `think` after their last reply was first seen.
    ready_at = {user.user_id: start for user in users}
    seen = 0
    last_change = start
    checked = start
    done = False
    while time.monotonic() < deadline:
        feed.pump()
        now = time.monotonic()
        done = True
        for user in users:
            if user.confirmed < targets[user.user_id]:
                done = False
                if user.outstanding == 0:
                    if ready_at[user.user_id] < 0:
                        ready_at[user.user_id] = now + think
                    if now >= ready_at[user.user_id]:
                        user.push(api)
                        ready_at[user.user_id] = -1.0
        if done:
            break
        if feed.index != seen:
            seen, last_change = feed.index, now
        elif now - last_change > stall:
            break
        if now - checked > 1.0:
            alive()
            checked = now
        time.sleep(0.002)
    end = time.monotonic()
    time.sleep(settle)
    feed.pump()
    result = LoadResult(seconds=end - start, start=start, end=end)
    return collect(users, result, until=end), done


def wait_for_replies(
    api: RecordingApi,
    users: Sequence[Chatter],
    *,
    timeout: float,
    quiet: float,
    last_update_id: int,
    alive: Callable[[], None] = lambda: None,
) -> bool:
    """Until every user's updates got their expected replies, or (if some never come) the
    fake's offset passed `last_update_id` and nothing was sent for `quiet` seconds, or timeout.
    True when every update got its reply."""
    feed = Feed(api, users)
    deadline = time.monotonic() + timeout
    last_change = time.monotonic()
    seen = 0
    checked = time.monotonic()
    while time.monotonic() < deadline:
        feed.pump()
        if all(user.outstanding == 0 for user in users):
            return True
        if feed.index != seen:
            seen, last_change = feed.index, time.monotonic()
        elif api.confirmed_offset > last_update_id and time.monotonic() - last_change > quiet:
            return False
        if time.monotonic() - checked > 1.0:
            alive()
            checked = time.monotonic()
        time.sleep(0.01)
    return False


# --------------------------------------------------------------------------- the echo bot


def echo_main(argv: Sequence[str] | None = None) -> int:
    """A bare python-telegram-bot echo bot: `Application.run_polling` with one MessageHandler
    that sends the text back and one CallbackQueryHandler that answers the query and sends its
    data back. No database, no rate limiter. SIGTERM stops it."""
    parser = argparse.ArgumentParser(prog="echo bot")
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--concurrent", type=int, default=1, help="1 = one update at a time")
    parser.add_argument("--poll-timeout", type=float, default=30.0)
    args = parser.parse_args(argv)

    from telegram import Update
    from telegram.ext import Application, CallbackQueryHandler, ContextTypes, MessageHandler
    from telegram.ext import filters as tg_filters

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is not None:
            await context.bot.send_message(chat_id=message.chat_id, text=message.text or "…")

    async def tap(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        chat = update.effective_chat
        if query is not None and chat is not None:
            await query.answer()
            await context.bot.send_message(chat_id=chat.id, text=str(query.data))

    builder = (
        Application.builder()
        .token(args.token)
        .base_url(f"{args.base_url}/bot")
        .base_file_url(f"{args.base_url}/file/bot")
    )
    builder = builder.concurrent_updates(args.concurrent if args.concurrent > 1 else False)
    application = builder.build()
    application.add_handler(MessageHandler(tg_filters.ALL, echo))
    application.add_handler(CallbackQueryHandler(tap))
    application.run_polling(
        timeout=timedelta(seconds=args.poll_timeout),
        poll_interval=0.0,
        allowed_updates=Update.ALL_TYPES,
    )
    return 0


if __name__ == "__main__":
    import sys

    if len(sys.argv) > 1 and sys.argv[1] == "echo":
        raise SystemExit(echo_main(sys.argv[2:]))
    raise SystemExit("usage: python -m bench._update_path_support echo --base-url URL --token T")
