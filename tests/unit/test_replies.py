"""Replies never break Telegram's limits."""

from __future__ import annotations

import pytest

from core.replies import MAX_MESSAGE_CHARS, Button, split_text


def test_long_text_is_split_at_paragraphs() -> None:
    text = "\n\n".join(["para " + "x" * 1000] * 10)

    pieces = split_text(text)

    assert all(len(p) <= MAX_MESSAGE_CHARS for p in pieces)
    assert "".join(pieces).replace("\n", "") == text.replace("\n", "")


def test_text_without_breaks_is_cut_hard() -> None:
    pieces = split_text("z" * 10_000)

    assert [len(p) for p in pieces] == [4096, 4096, 1808]


def test_callback_data_over_64_bytes_is_refused() -> None:
    with pytest.raises(ValueError, match="callback data"):
        Button("Too long", "é" * 33)
