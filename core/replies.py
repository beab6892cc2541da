"""What the conversation answers, independent of Telegram: text plus optional buttons."""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

# Telegram's limits (Bot API): a message's text and a button's callback data.
MAX_MESSAGE_CHARS = 4096
MAX_CALLBACK_BYTES = 64
# Our own limit: a coach's message is short. /privacy, /journal pages and files are exempt.
MAX_COACH_CHARS = 700


@dataclass(frozen=True, slots=True)
class Button:
    """An inline button; `data` comes back in the callback query when it is pressed."""

    label: str
    data: str

    def __post_init__(self) -> None:
        if not self.data or len(self.data.encode("utf-8")) > MAX_CALLBACK_BYTES:
            raise ValueError(f"callback data must be 1-{MAX_CALLBACK_BYTES} bytes: {self.data!r}")


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file sent after a reply's text (e.g. /export's Markdown and JSON)."""

    name: str
    data: bytes


@dataclass(frozen=True, slots=True)
class Reply:
    """One message to send: text and rows of buttons, then any files."""

    text: str
    buttons: tuple[tuple[Button, ...], ...] = field(default=())
    files: tuple[Attachment, ...] = field(default=())
    # A message to be read (or copied) on its own, like the feedback letter: never joined
    # with another (see `combine`).
    alone: bool = False
    # A progress snapshot (`core.progress.ProgressSnapshot.to_json`) drawn when the message is
    # sent: it goes as a photo with the text as its caption.
    picture: str | None = None


def combine(replies: Sequence[Reply], limit: int = MAX_COACH_CHARS) -> list[Reply]:
    """One message where several read as one: a plain reply (no buttons, no files) is joined
    to the reply after it when the two fit in `limit` characters.

    So the acknowledgement of an answer and the next question arrive as one message, with
    the question's buttons under it. Joined from the end, so what is said last stays with the
    question it leads into.
    """
    joined: list[Reply] = []
    for reply in reversed(replies):
        plain = not reply.buttons and not reply.files and not reply.alone and not reply.picture
        if plain and joined and not joined[-1].alone and not joined[-1].picture:
            text = f"{reply.text}\n\n{joined[-1].text}"
            if len(text) <= limit:
                joined[-1] = Reply(text, joined[-1].buttons, joined[-1].files)
                continue
        joined.append(reply)
    joined.reverse()
    return joined


def split_text(text: str, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Split text into pieces Telegram accepts, preferring paragraph and line breaks."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = rest.rfind("\n\n", 0, limit)
        if cut <= 0:
            cut = rest.rfind("\n", 0, limit)
        if cut <= 0:
            cut = rest.rfind(" ", 0, limit)
        if cut <= 0:
            cut = limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def alone(text: str) -> list[Reply]:
    """A text to be read on its own (crisis care, /sos), in as few messages as keep each within
    MAX_COACH_CHARS, cut between paragraphs (a translation can run longer than the English)."""
    return [Reply(part, alone=True) for part in split_text(text, MAX_COACH_CHARS)]


def reply_to_json(reply: Reply) -> str:
    """A reply as JSON, to be stored in the outbox until it is delivered (as text UTF-8 can
    carry: see `safe_text`)."""
    stored: dict[str, object] = {
        "text": safe_text(reply.text),
        "buttons": [[[safe_text(b.label), b.data] for b in row] for row in reply.buttons],
        "files": [
            [safe_text(f.name), base64.b64encode(f.data).decode("ascii")] for f in reply.files
        ],
    }
    if reply.picture is not None:
        stored["picture"] = reply.picture
    return json.dumps(stored, ensure_ascii=False, separators=(",", ":"))


def reply_from_json(stored: str) -> Reply:
    """The reply `reply_to_json` stored."""
    data = json.loads(stored)
    return Reply(
        text=data["text"],
        buttons=tuple(
            tuple(Button(label, value) for label, value in row) for row in data["buttons"]
        ),
        files=tuple(Attachment(name, base64.b64decode(blob)) for name, blob in data["files"]),
        picture=data.get("picture"),
    )


def safe_text(text: str) -> str:
    """`text` as something UTF-8 can carry: lone surrogates become U+FFFD.

    Telegram sometimes hands us names holding half of a UTF-16 surrogate pair (e.g. "\\ud83d"),
    which no UTF-8 encoder accepts, so a message quoting one could never be sent. Surrogates
    are the only code points Python can't encode as UTF-8; a complete pair that arrived as two
    code points is joined into its character, and any other text (emoji, right-to-left marks,
    zero-width joiners) is returned unchanged.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text
