"""Write a Markdown transcript of a whole journey in each language the bot speaks.

For each language, starts the real `bounceback run` process against the fake Telegram Bot API
server, and one user whose Telegram app is set to that language types every answer (no
buttons) in their own words (`tests.support.language_walks`), then asks for /steps and
/feedback. Writes `docs/transcripts/<language>.md` with what the running bot sent.

    .venv/bin/python docs/transcript_languages.py [--out FOLDER] [LANGUAGE ...]   # all

Everything is deterministic except the dates and times the bot mentions.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for folder in (ROOT, HERE):  # run as a script: make `tests.support` and `transcript` importable
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from transcript import Conversation, TranscriptError, converse  # noqa: E402

from core.texts.catalogue import say  # noqa: E402
from core.texts.languages import LANGUAGES  # noqa: E402
from tests.support.language_walks import WALKS, LanguageWalk  # noqa: E402

DEFAULT_FOLDER = HERE / "transcripts"


def play(chat: Conversation, walk: LanguageWalk) -> None:
    """/start, every answer typed, then /steps and /feedback; the wrap-up must come."""
    chat.heading(say("header.intake", walk.language))
    chat.send("/start")
    for answer in walk.typed():
        messages = chat.send(answer)
    said = "\n".join(str(m.get("text", "")) for m in messages)
    wrap_up = say("wrap.title.short", walk.language)[:25]
    if wrap_up not in said and say("wrap.title", walk.language)[:25] not in said:
        raise TranscriptError(f"the journey did not reach its wrap-up; last answer:\n{said}")
    chat.heading("/steps · /feedback")
    chat.send("/steps")
    chat.send("/feedback")


def record(walk: LanguageWalk) -> list[str]:
    """Run the real bot, walk one conversation, and return the transcript's blocks."""
    return converse(
        f"{walk.language}.md", walk.first_name, lambda chat: play(chat, walk), walk.telegram_code
    )


def render(walk: LanguageWalk, blocks: list[str], when: datetime) -> str:
    header = [
        f"# Bounce Back in {LANGUAGES[walk.language]}",
        f"{walk.first_name}'s Telegram app is set to `{walk.telegram_code}`, so the bot speaks "
        f"{LANGUAGES[walk.language]} from the first message. They answer every question by "
        "typing in their own words, never tapping a button.",
        "This transcript was produced by `docs/transcript_languages.py` (`make transcripts`), "
        "which ran the real `bounceback run` process against a fake Telegram Bot API server and "
        "recorded every message the bot sent.",
        f"Recorded on {when:%Y-%m-%d %H:%M} UTC; the times the bot mentions are {walk.zone} times.",
    ]
    return "\n\n".join([*header, *blocks]) + "\n"


def main(argv: list[str]) -> int:
    names = [walk.language for walk in WALKS]
    parser = argparse.ArgumentParser(
        prog="docs/transcript_languages.py",
        description="Record a whole journey in each language with the real bot.",
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_FOLDER, metavar="FOLDER", help="docs/transcripts/"
    )
    parser.add_argument("languages", nargs="*", metavar="LANGUAGE", help=", ".join(names))
    args = parser.parse_args(argv)
    unknown = sorted(set(args.languages) - set(names))
    if unknown:
        parser.error(f"no walk in {', '.join(unknown)}; choose from {', '.join(names)}")
    folder: Path = args.out
    folder.mkdir(parents=True, exist_ok=True)
    for walk in WALKS:
        if args.languages and walk.language not in args.languages:
            continue
        started = datetime.now(UTC)
        blocks = record(walk)
        output = folder / f"{walk.language}.md"
        output.write_text(render(walk, blocks, started), encoding="utf-8")
        print(f"wrote {output} ({len(blocks)} blocks)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
