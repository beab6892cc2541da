"""Write a Markdown transcript of one whole conversation with the real bot.

Starts the real `bounceback run` process against the fake Telegram Bot API server
(`tests.support.fake_bot_api.FakeBotApi`) in a temporary folder, walks one user through the
whole journey (intake, the ten steps, the wrap-up, then /steps, /journal, /options and
/feedback) and writes what the running bot actually sent.

    .venv/bin/python docs/transcript.py [output.md]     # default: docs/conversation.md

Everything is deterministic except the dates and times the bot mentions.
"""

from __future__ import annotations

import re
import signal
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere: make `tests.support` importable
    sys.path.insert(0, str(ROOT))

from tests.support.fake_bot_api import FakeBotApi  # noqa: E402
from tests.support.process import BotProcess  # noqa: E402

DEFAULT_OUTPUT = ROOT / "docs" / "conversation.md"
USER_ID = 424242
FIRST_NAME = "Alex"
TIMEOUT = 15.0
STEP_HEADER = re.compile(r"Step (\d+) of 10 · ")

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

    def __init__(self, api: FakeBotApi, user_id: int, first_name: str) -> None:
        self.api = api
        self.user_id = user_id
        self.first_name = first_name
        self.blocks: list[str] = []
        self.step = ""

    def heading(self, title: str) -> None:
        self.blocks.append(f"## {title}")

    def send(self, text: str, expect: str | None = None) -> list[Message]:
        """The user types `text`."""
        self.blocks.append(f"**You:** {text}")
        before = len(self.api.sent_messages(self.user_id))
        update_id = self.api.send_text(self.user_id, text, first_name=self.first_name)
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
        )
        return self._answer(update_id, before, expect)

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
        said = "\n".join(str(m.get("text", "")) for m in messages)
        if expect is not None and expect not in said:
            raise TranscriptError(f"expected {expect!r} in the bot's answer, got:\n{said}")
        return messages

    def _mark_step(self, text: str) -> None:
        """A heading where the bot's prompts move on to a new step ("Step 4 of 10 · …")."""
        first_line = text.split("\n", 1)[0]
        match = STEP_HEADER.match(first_line)
        if match is not None and match.group(1) != self.step:
            self.step = match.group(1)
            self.heading(first_line.replace(" of 10 ·", ":"))

    @staticmethod
    def _render(message: Message) -> str:
        text = str(message.get("text") or "(a message without text)")
        block = _quote(text)
        rows = _buttons(message)
        if rows:
            labels = " ".join(f"`[{b['text']}]`" for row in rows for b in row)
            block += "\n\n" + labels
        return block


def walk(chat: Conversation) -> None:
    """The whole journey, with one blame-steer, one Back, one invalid time and an "Other…"
    grief window. Headings for the steps are added where the bot's prompts reach them."""
    chat.heading("Getting started")
    chat.send("/start", expect="Which company was it?")
    chat.send("Acme", expect="And the role")
    chat.send("Data analyst", expect="When did you hear back?")
    chat.tap("Today", expect="How are you feeling")
    chat.tap("2 😕", expect="Which time zone")
    chat.send("Lisbon", expect="Europe/Lisbon")

    chat.send("I was too nervous and they noticed", expect="did you prepare")
    chat.tap("Mostly", expect="Step 2 of 10")
    chat.send("It's unfair, they already had an internal candidate", expect="Try once more")
    chat.send("I didn't get this job, and I'm ready for the next one", expect="Step 3 of 10")
    chat.tap("2", expect="Which company?")
    chat.send("Globex", expect="What's the role there?")
    chat.send("Analyst", expect="Where are you with them?")
    chat.tap("Interviewing", expect="Add another one?")
    chat.tap("➕ Add another", expect="Which company is next?")
    chat.send("Initech", expect="What's the role there?")
    chat.tap("Skip ›", expect="Where are you with them?")
    chat.tap("Applied", expect="Add another one?")
    chat.tap("That's all for now", expect="Step 4 of 10")

    chat.send("I explained my SQL project clearly", expect="What didn't go so well?")
    chat.send("The case", expect="Why do you think")
    chat.tap("‹ Back", expect="Your earlier answer")
    chat.send("The case study: I lost the thread halfway", expect="Why do you think")
    chat.send("I ran out of time structuring it", expect="Who could you ask?")
    chat.send("My friend Maria", expect="Step 5 of 10")
    chat.send("Case interviews", expect="first small action")
    chat.send("Do two practice cases", expect="By when?")
    chat.tap("In 2 weeks", expect="Step 6 of 10")
    chat.send("patient, curious", expect="1 more to go")
    chat.send("good with data", expect="Step 7 of 10")

    chat.tap("Other…", expect="How many hours?")
    chat.send("36", expect="Step 8 of 10")
    chat.send("25:99", expect="as a time of day")
    chat.send("7.30 pm", expect="Step 9 of 10")
    chat.tap("Globex", expect="For Globex")
    chat.tap("✅ Got it", expect="Step 10 of 10")
    chat.send("Ms. Lee", expect="Will you send it?")
    chat.tap("I'll send it", expect="all ten steps")

    chat.heading("After the journey")
    chat.send("/steps", expect="The ten steps")
    chat.send("/journal", expect="Your journal")
    chat.tap("Older ›", expect="page 2 of")
    chat.tap("Older ›", expect="page 3 of")
    chat.send("/options", expect="The employers you're talking to")
    chat.send("/feedback", expect="Hello Ms. Lee")


def record() -> list[str]:
    """Run the real bot, walk the conversation, and return the transcript's blocks."""
    with tempfile.TemporaryDirectory(prefix="bounceback-transcript-") as folder:
        workdir = Path(folder)
        with FakeBotApi() as api, BotProcess(api, workdir, LOG_LEVEL="INFO").start() as bot:
            bot.wait_for_log("polling for updates")
            chat = Conversation(api, USER_ID, FIRST_NAME)
            try:
                walk(chat)
            except (TranscriptError, TimeoutError) as exc:
                raise SystemExit(f"transcript failed: {exc}\n\nbot log:\n{bot.log()}") from None
            code = bot.stop(signal.SIGTERM)
            if code != 0:
                raise SystemExit(f"the bot exited with {code}:\n{bot.log()}")
        return chat.blocks


def render(blocks: list[str], when: datetime) -> str:
    header = [
        "# Bounce Back: one whole conversation",
        "",
        "This transcript was produced by `docs/transcript.py`, which ran the real "
        "`bounceback run` process against a fake Telegram Bot API server and recorded every "
        "message the bot sent.",
        "",
        f"Recorded on {when:%Y-%m-%d %H:%M} UTC. The user set their time zone to "
        "Europe/Lisbon, so the times the bot mentions are Lisbon times.",
    ]
    return "\n\n".join(["\n".join(header), *blocks]) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) > 1:
        print("usage: docs/transcript.py [output.md]", file=sys.stderr)
        return 2
    output = Path(argv[0]) if argv else DEFAULT_OUTPUT
    started = datetime.now(UTC)
    blocks = record()
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(render(blocks, started), encoding="utf-8")
    print(f"wrote {output} ({len(blocks)} blocks)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
