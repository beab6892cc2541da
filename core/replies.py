"""What the conversation answers, independent of Telegram: text plus optional buttons."""

from __future__ import annotations

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
