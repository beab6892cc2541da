"""Replies never break Telegram's limits."""

from __future__ import annotations

import pytest

from core.replies import MAX_MESSAGE_CHARS, Attachment, Button, Reply, combine, split_text


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


QUESTION = Reply("How are you feeling?", ((Button("1", "m:1"), Button("2", "m:2")),))


def test_an_acknowledgement_is_joined_to_the_question_after_it() -> None:
    assert combine([Reply("Thank you."), QUESTION]) == [
        Reply("Thank you.\n\nHow are you feeling?", QUESTION.buttons)
    ]


def test_plain_replies_are_joined_from_the_end_while_they_fit() -> None:
    first, second = Reply("a" * 400), Reply("b" * 400)
    joined = combine([first, second, QUESTION], limit=700)
    # The one said last stays with the question; the first would make it too long.
    assert joined == [first, Reply("b" * 400 + "\n\nHow are you feeling?", QUESTION.buttons)]
    assert all(len(reply.text) <= 700 for reply in joined)


def test_buttons_files_and_letters_are_never_joined_into_the_next_message() -> None:
    with_file = Reply("Your export", files=(Attachment("a.md", b"x"),))
    letter = Reply("Hello Sam, …", QUESTION.buttons, alone=True)
    replies = [QUESTION, Reply("Here it is."), letter, with_file, Reply("Done.")]
    assert combine(replies) == replies
    assert combine([]) == []
