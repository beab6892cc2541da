"""Write Markdown transcripts of whole conversations with the real bot.

For each walk, starts the real `bounceback run` process against the fake Telegram Bot API
server (`tests.support.fake_bot_api.FakeBotApi`) in a temporary folder, walks one user through
the journey and writes what the running bot actually sent:

- `conversation.md`: the whole journey (intake, the ten steps, the wrap-up, then /steps,
  /journal, /options and /feedback), with a blame-steer, a Back, an invalid time and an
  "Other…" grief window;
- `conversation-terse.md`: a user who types one or two words everywhere and rarely taps;
- `conversation-distress.md`: a user who writes soft distress mid-journey, twice, then pauses
  and resumes.

    .venv/bin/python docs/transcript.py [--out FOLDER] [WALK ...]   # default: all, into docs/

WALK is conversation, terse or distress. Everything is deterministic except the dates and
times the bot mentions.
"""

from __future__ import annotations

import argparse
import re
import signal
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere: make `tests.support` importable
    sys.path.insert(0, str(ROOT))

from core.texts.catalogue import say  # noqa: E402
from core.texts.languages import LANGUAGES  # noqa: E402
from tests.support.fake_bot_api import FakeBotApi  # noqa: E402
from tests.support.process import BotProcess  # noqa: E402

DEFAULT_FOLDER = ROOT / "docs"
USER_ID = 424242  # each walk has its own bot and database
TIMEOUT = 15.0
# "Step 4 of 10 · Introspect", "Schritt 4 von 10 · …", …: the header in each language.
STEP_HEADERS = tuple(
    re.compile(
        re.escape(
            say("header.step", code, step="STEP", title="", bar="").split("\n")[0].strip()
        ).replace("STEP", r"(\d+)", 1)
    )
    for code in LANGUAGES
)

Message = dict[str, Any]


class TranscriptError(RuntimeError):
    """The bot did not answer as the walk-through expected."""


def _buttons(message: Message) -> list[list[dict[str, Any]]]:
    markup = message.get("reply_markup") or {}
    rows: list[list[dict[str, Any]]] = markup.get("inline_keyboard", [])
    return rows


def _quote(text: str) -> str:
    """A bot message as a Markdown blockquote: every line prefixed."""
    return "\n".join(f"> {line}".rstrip() for line in text.split("\n"))


class Conversation:
    """One user talking to the running bot; records every turn as Markdown."""

    def __init__(
        self, api: FakeBotApi, user_id: int, first_name: str, language_code: str = "en"
    ) -> None:
        self.api = api
        self.user_id = user_id
        self.first_name = first_name
        self.language_code = language_code
        self.blocks: list[str] = []
        self.step = ""

    def heading(self, title: str) -> None:
        self.blocks.append(f"## {title}")

    def send(self, text: str, expect: str | None = None) -> list[Message]:
        """The user types `text`."""
        self.blocks.append(f"**You:** {text}")
        before = len(self.api.sent_messages(self.user_id))
        update_id = self.api.send_text(
            self.user_id, text, first_name=self.first_name, language_code=self.language_code
        )
        return self._answer(update_id, before, expect)

    def tap(self, label: str, expect: str | None = None) -> list[Message]:
        """The user taps the button labelled `label` on the newest message with buttons."""
        message = self._newest_keyboard()
        found = [b for row in _buttons(message) for b in row if b["text"] == label]
        if not found:
            shown = [b["text"] for row in _buttons(message) for b in row]
            raise TranscriptError(f"no button {label!r} on the newest keyboard: {shown}")
        self.blocks.append(f"**You tap:** [{label}]")
        before = len(self.api.sent_messages(self.user_id))
        update_id = self.api.press_button(
            self.user_id,
            str(found[0]["callback_data"]),
            message_id=int(message["message_id"]),
            first_name=self.first_name,
            language_code=self.language_code,
        )
        return self._answer(update_id, before, expect)

    def act(self, action: str, expect: str | None = None) -> list[Message]:
        """`[label]` taps that button; anything else is typed."""
        if action.startswith("[") and action.endswith("]"):
            return self.tap(action[1:-1], expect)
        return self.send(action, expect)

    def _newest_keyboard(self) -> Message:
        message: Message
        for message in reversed(self.api.sent_messages(self.user_id)):
            if _buttons(message):
                return message
        raise TranscriptError("the bot has not sent any buttons yet")

    def _answer(self, update_id: int, before: int, expect: str | None) -> list[Message]:
        # The bot acknowledges an update (asks for the next offset) only after its replies
        # went out, so once the offset moved, this turn's messages are all there.
        self.api.wait_for_message(self.user_id, after=before, timeout=TIMEOUT)
        self.api.wait_for_offset(update_id + 1, timeout=TIMEOUT)
        messages = self.api.sent_messages(self.user_id)[before:]
        for message in messages:
            self._mark_step(str(message.get("text") or ""))
            self.blocks.append(self._render(message))
        said = "\n".join(str(m.get("text", m.get("caption", ""))) for m in messages)
        if expect is not None and expect not in said:
            raise TranscriptError(f"expected {expect!r} in the bot's answer, got:\n{said}")
        return messages

    def _mark_step(self, text: str) -> None:
        """A heading where the bot's prompts move on to a new step ("Step 4 of 10 · …", in
        any of the bot's languages), wherever in the message the step's header starts."""
        for line in text.split("\n"):
            match = next((m for p in STEP_HEADERS if (m := p.match(line))), None)
            if match is not None and match.group(1) != self.step:
                self.step = match.group(1)
                self.heading(line.replace(" of 10 ·", ":"))
                return

    @staticmethod
    def _render(message: Message) -> str:
        text = str(message.get("text") or message.get("caption") or "(a message without text)")
        block = _quote(text)
        if "photo" in message:  # /progress: the picture, then its caption
            block = "*(a picture, like [docs/progress.png](progress.png))*\n\n" + block
        rows = _buttons(message)
        if rows:
            labels = " ".join(f"`[{b['text']}]`" for row in rows for b in row)
            block += "\n\n" + labels
        return block


@dataclass(frozen=True)
class Walk:
    """One person's conversation with the bot: the file it is written to, who they are
    (the transcript's title and first paragraph) and what they do (see play())."""

    name: str  # as given on the command line
    first_name: str
    zone: str  # the time zone the intake sets
    intake: str  # company | role | when | mood | where
    script: str
    header: str

    @property
    def filename(self) -> str:
        return f"{self.name}.md" if self.name == "conversation" else f"conversation-{self.name}.md"


# Getting started: the first question, then what the bot asks after each answer; after the
# last one it names the time zone it understood.
FIRST_QUESTION = "Which company was it?"
INTAKE_NEXT = ("And the role", "When did you hear back?", "How are you feeling", "Which time zone")


def play(chat: Conversation, walk: Walk) -> None:
    """Act out a walk: getting started with its intake answers, then its script, one turn a
    line: `what the user does → what the answer must contain`. `[label]` taps that button,
    anything else is typed, and `## Title` is a heading. Headings for the steps are added
    where the bot's prompts reach them."""
    chat.heading("Getting started")
    chat.act("/start", FIRST_QUESTION)
    for answer, expect in zip(walk.intake.split(" | "), (*INTAKE_NEXT, walk.zone), strict=True):
        chat.act(answer, expect)
    for line in walk.script.strip().splitlines():
        turn = line.strip()
        if turn.startswith("## "):
            chat.heading(turn.removeprefix("## "))
        else:
            action, _, expect = turn.partition(" → ")
            chat.act(action.strip(), expect.strip() or None)


# The whole journey, with one blame-steer, one Back, one invalid time and an "Other…" window.
WHOLE_INTAKE = "Acme | Data analyst | [Today] | [2 😕] | Lisbon"
WHOLE = """
    I was too nervous and they noticed                      → did you prepare
    [Mostly]                                                → Step 2 of 10
    It's unfair, they already had an internal candidate     → Try one sentence
    I didn't get this job, and I'm ready for the next one   → Step 3 of 10
    [2]                                                     → Which company?
    Globex                                                  → What's the role there?
    Analyst                                                 → Where are you with them?
    [Interviewing]                                          → Add another one?
    [➕ Add another]                                        → Which company is next?
    Initech                                                 → What's the role there?
    [Skip ›]                                                → Where are you with them?
    [Applied]                                               → Add another one?
    [That's all for now]                                    → Step 4 of 10
    I explained my SQL project clearly                      → What didn't go so well?
    The case                                                → Why do you think
    [‹ Back]                                                → Your earlier answer
    The case study: I lost the thread halfway               → Why do you think
    I ran out of time structuring it                        → Who could you ask?
    My friend Maria                                         → Step 5 of 10
    Case interviews                                         → first small action
    Do two practice cases                                   → By when?
    [In 2 weeks]                                            → Step 6 of 10
    patient, curious                                        → 1 more to go
    good with data                                          → Step 7 of 10
    [Other…]                                                → How many hours?
    36                                                      → Step 8 of 10
    25:99                                                   → as a time of day
    7.30 pm                                                 → Step 9 of 10
    [Globex]                                                → For Globex
    [✅ Got it]                                             → Step 10 of 10
    Ms. Lee                                                 → Will you send it?
    [I'll send it]                                          → all ten steps
    ## After the journey
    /steps                                                  → The ten steps
    /progress                                               → Your progress so far
    /journal                                                → Your journal
    [Older ›]                                               → page 2 of
    [Older ›]                                               → page 3 of
    /options                                                → The employers you're talking to
    /feedback                                               → Hello Ms. Lee
"""

# One or two words everywhere, typed rather than tapped, with non-answers where it's hard.
TERSE_INTAKE = "Acme | dev | yesterday | meh | Berlin"
TERSE = """
    idk                                     → skip
    dunno                                   → did you prepare
    y                                       → Step 2 of 10
    ok whatever                             → skip
    fine                                    → Step 3 of 10
    2                                       → Which company?
    Globex                                  → What's the role there?
    [Skip ›]                                → Where are you with them?
    applied                                 → Add another one?
    no                                      → Step 4 of 10
    nothing                                 → skip
    nope                                    → What didn't go so well?
    everything                              → Why do you think
    idk                                     → skip
    no idea                                 → Who could you ask?
    no one                                  → Step 5 of 10
    sql                                     → first small action
    course                                  → By when?
    two weeks                               → Step 6 of 10
    none                                    → hard to see
    patient, curious, good with data        → Step 7 of 10
    24                                      → Step 8 of 10
    no                                      → Step 9 of 10
    Globex                                  → For Globex
    ok                                      → Step 10 of 10
    no                                      → just need a name
    no                                      → Will you send it?
    later                                   → all ten steps
    ## After the journey
    thanks                                  → welcome
    this bot is useless                     → /help
"""

# Soft distress twice: about the job search, then wider (crisis care); reassurance, a pause
# for the day and /resume.
DISTRESS_INTAKE = "Initrode | Marketing coordinator | [Yesterday] | [2 😕] | [London]"
DISTRESS = """
    I'm just not good enough, it's the third no this month  → did you prepare
    [Yes]                                                   → Step 2 of 10
    I didn't get it, and I'll keep applying                 → Step 3 of 10
    [1]                                                     → Which company?
    Vandelay                                                → What's the role there?
    Brand assistant                                         → Where are you with them?
    [Applied]                                               → Add another one?
    [That's all for now]                                    → Step 4 of 10
    honestly I feel like there's no point anymore           → more widely
    [The job search]                                        → wears anyone down
    [Keep going gently]                                     → What went well
    I was on time and friendly                              → What didn't go so well?
    I blanked on the budget question                        → Why do you think
    I hadn't looked at their numbers                        → Who could you ask?
    my sister                                               → Step 5 of 10
    Campaign budgeting                                      → first small action
    Read one case study on Thursday                         → By when?
    I just want to disappear for a while                    → more widely
    [More widely]                                           → pause my reminders
    I'm not suicidal, just tired                            → relieved you're safe
    [Pause for today]                                       → Paused
    ## Picking up again
    /resume                                                 → By when?
    [In a month]                                            → Step 6 of 10
    organised, calm with clients, good writer               → Step 7 of 10
"""


WHOLE_HEADER = "# Bounce Back: one whole conversation"
TERSE_HEADER = (
    "# Bounce Back: a terse user\n\n"
    "Sam was turned down for a developer job at Acme yesterday and isn't in the mood to talk: "
    "one or two words at a time (“meh”, “idk”, “no”), typed where there are buttons (one "
    "Skip is the only tap), and non-answers where a question is hard. This shows how the bot "
    "copes with a person who gives it very little."
)
DISTRESS_HEADER = (
    "# Bounce Back: a hard day\n\n"
    "Robin was turned down for a marketing job at Initrode, the third “no” this month. Twice "
    "in the middle of the journey they write something that sounds like more than "
    "disappointment: first about the job search, then about things more widely. This shows "
    "how the bot checks in gently, gives crisis care and pauses its reminders, hears that "
    "Robin is safe, and pauses and resumes the journey."
)

WALKS = (
    Walk("conversation", "Alex", "Europe/Lisbon", WHOLE_INTAKE, WHOLE, WHOLE_HEADER),
    Walk("terse", "Sam", "Europe/Berlin", TERSE_INTAKE, TERSE, TERSE_HEADER),
    Walk("distress", "Robin", "Europe/London", DISTRESS_INTAKE, DISTRESS, DISTRESS_HEADER),
)


def converse(
    filename: str, first_name: str, act: Callable[[Conversation], None], language_code: str = "en"
) -> list[str]:
    """Run the real bot, let `act` talk to it as one user, and return the transcript's blocks
    (`filename` names the transcript in an error)."""
    with tempfile.TemporaryDirectory(prefix="bounceback-transcript-") as folder:
        workdir = Path(folder)
        with FakeBotApi() as api, BotProcess(api, workdir, LOG_LEVEL="INFO").start() as bot:
            bot.wait_for_log("polling for updates")
            chat = Conversation(api, USER_ID, first_name, language_code)
            try:
                act(chat)
            except (TranscriptError, TimeoutError) as exc:
                raise SystemExit(
                    f"{filename}: transcript failed: {exc}\n\nbot log:\n{bot.log()}"
                ) from None
            code = bot.stop(signal.SIGTERM)
            if code != 0:
                raise SystemExit(f"the bot exited with {code}:\n{bot.log()}")
        return chat.blocks


def record(walk: Walk) -> list[str]:
    """Run the real bot, walk one conversation, and return the transcript's blocks."""
    return converse(walk.filename, walk.first_name, lambda chat: play(chat, walk))


def render(walk: Walk, blocks: list[str], when: datetime) -> str:
    city = walk.zone.rsplit("/", 1)[-1].replace("_", " ")
    header = [
        walk.header,
        "This transcript was produced by `docs/transcript.py`, which ran the real "
        "`bounceback run` process against a fake Telegram Bot API server and recorded every "
        "message the bot sent.",
        f"Recorded on {when:%Y-%m-%d %H:%M} UTC. The user set their time zone to "
        f"{walk.zone}, so the times the bot mentions are {city} times.",
    ]
    return "\n\n".join([*header, *blocks]) + "\n"


def main(argv: list[str]) -> int:
    names = [walk.name for walk in WALKS]
    parser = argparse.ArgumentParser(
        prog="docs/transcript.py", description="Record conversations with the real bot."
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_FOLDER, metavar="FOLDER", help="default: docs/"
    )
    parser.add_argument("walks", nargs="*", metavar="WALK", help=f"{', '.join(names)} (all)")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.walks) - set(names))
    if unknown:
        parser.error(f"no walk {', '.join(unknown)}; choose from {', '.join(names)}")
    folder: Path = args.out
    folder.mkdir(parents=True, exist_ok=True)
    for walk in WALKS:
        if args.walks and walk.name not in args.walks:
            continue
        started = datetime.now(UTC)
        blocks = record(walk)
        output = folder / walk.filename
        output.write_text(render(walk, blocks, started), encoding="utf-8")
        print(f"wrote {output} ({len(blocks)} blocks)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
