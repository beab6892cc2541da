"""/feedback: the feedback request written in step 10, again, ready to copy, with buttons to
make it shorter, warmer or more formal, or to change who it is addressed to.

Button data "fb:<journey id>:<short|warm|formal|name>" (`core.callbacks`); a button of an older
journey, or one we can't read, is answered kindly and shows the letter as it is now.

The letter is written by `core.journey.feedback.compose_feedback` from the journey's stored
answers and saved back as answers "fb_draft" and "fb_tone". Stored answers go through
`core.listening.check_entry` first, so an old "no" or an insult typed at step 10 never reaches
the letter. The name to address it to is typed through the side flow "fb_name": it is used
only if `check_entry` takes it as a person's name; otherwise the question is asked again, and
/skip keeps the letter as it is.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler

from core.callbacks import Route, decode, encode
from core.journey.feedback import Tone, compose_feedback
from core.listening import EntryKind, check_entry
from core.replies import Button, Reply
from core.texts.catalogue import say
from handlers.context import Context
from handlers.flows import SideFlow, end_flow, leave_as_is, start_flow
from handlers.pipeline import Turn, command_with_buttons
from models import repository as repo
from models.journeys import Journey

FLOW_NAME = "fb_name"
NAME_ACTION = "name"
TONE_BUTTONS: tuple[Tone, ...] = (Tone.SHORT, Tone.WARM, Tone.FORMAL)


def _addressee(text: str | None) -> str | None:
    """`text` as the person to address the letter to, or None if it isn't a person's name.

    `check_entry` decides; an all-lowercase name gets capital letters ("brad" -> "Brad").
    """
    name = check_entry(text, EntryKind.PERSON) if text else None
    if name is not None and name.islower():
        name = " ".join(word[0].upper() + word[1:] for word in name.split())
    return name


def _entry(text: str | None, kind: EntryKind) -> str | None:
    """A stored company or role, if it can be used in the letter."""
    return check_entry(text, kind) if text else None


def _tone_of(answers: dict[str, str]) -> Tone:
    """The tone the stored draft was written in (warm unless the user chose another)."""
    try:
        return Tone(answers.get("fb_tone", Tone.WARM))
    except ValueError:
        return Tone.WARM


async def _draft(turn: Turn) -> tuple[Journey, dict[str, str]] | None:
    """The user's latest journey and its answers, if it holds a feedback request."""
    journey = await repo.latest_journey(turn.session, turn.user.telegram_id)
    if journey is None:
        return None
    answers = await repo.journey_answers(turn.session, journey.id)
    return (journey, answers) if answers.get("fb_draft") else None


def _letter(turn: Turn, journey_id: int, letter: str) -> Reply:
    """The letter as its own message (easy to copy), with its buttons."""
    lang = turn.lang
    tones = tuple(
        Button(say(f"fb.btn.{tone}", lang), encode(Route.FEEDBACK, journey_id, tone))
        for tone in TONE_BUTTONS
    )
    rename = Button(say("fb.btn.name", lang), encode(Route.FEEDBACK, journey_id, NAME_ACTION))
    return Reply(letter, (tones, (rename,)), alone=True)


async def _rewrite(turn: Turn, journey: Journey, answers: dict[str, str], tone: Tone) -> str:
    """Write the letter again from the journey's answers in `tone`, and store it."""
    letter = compose_feedback(
        lang=turn.lang,
        first_name=turn.first_name,
        interviewer=_addressee(answers.get("interviewer")),
        company=_entry(answers.get("company"), EntryKind.COMPANY),
        role=_entry(answers.get("role"), EntryKind.ROLE),
        weak_spot=answers.get("fb_weak_spot"),
        prepared=answers.get("prepared"),
        tone=tone,
    )
    for key, value in (("fb_draft", letter), ("fb_tone", str(tone))):
        await repo.save_answer(
            turn.session, journey_id=journey.id, key=key, value=value, now=turn.now
        )
    return letter


async def _letter_after(turn: Turn, lead: str, missing: str) -> list[Reply]:
    """The line `lead`, then the letter as it stands with its buttons; `missing` without one."""
    found = await _draft(turn)
    if found is None:
        return [Reply(say(missing, turn.lang))]
    journey, answers = found
    return [Reply(say(lead, turn.lang)), _letter(turn, journey.id, answers["fb_draft"])]


async def show_feedback(turn: Turn) -> list[Reply]:
    """/feedback: the feedback request as it stands, with buttons to change it."""
    return await _letter_after(turn, "fb.again", "feedback.not_yet")


async def _stale(turn: Turn) -> list[Reply]:
    """An old or unreadable button: say so, and show the letter as it is now."""
    return await _letter_after(turn, "fb.stale", "fallback.stale_button")


async def press_feedback(turn: Turn) -> list[Reply]:
    """A button under the letter: another tone, or ask for the name to address it to."""
    pressed = decode(turn.data, Route.FEEDBACK, 2)
    journey_id = pressed.number(0) if pressed is not None else None
    found = await _draft(turn)
    if pressed is None or found is None or found[0].id != journey_id:
        return await _stale(turn)
    journey, answers = found
    action = pressed.fields[1]
    if action == NAME_ACTION:
        await start_flow(turn, FLOW_NAME, journey.id)
        return [Reply(say("fb.ask_name", turn.lang))]
    if action not in TONE_BUTTONS:
        return await _stale(turn)
    tone = Tone(action)
    letter = await _rewrite(turn, journey, answers, tone)
    return [Reply(say(f"fb.tone.{tone}", turn.lang)), _letter(turn, journey.id, letter)]


async def _name_typed(turn: Turn, text: str, journey_id: str) -> list[Reply]:
    """The name to address the letter to: used if it looks like one, else asked again."""
    found = await _draft(turn)
    if found is None or str(found[0].id) != journey_id:
        await end_flow(turn, FLOW_NAME)
        return await show_feedback(turn)
    name = _addressee(text)
    if name is None:
        return [Reply(say("fb.name_unclear", turn.lang))]
    await end_flow(turn, FLOW_NAME)
    journey, answers = found
    await repo.save_answer(
        turn.session, journey_id=journey.id, key="interviewer", value=name, now=turn.now
    )
    answers = {**answers, "interviewer": name}
    letter = await _rewrite(turn, journey, answers, _tone_of(answers))
    return [Reply(say("fb.name_used", turn.lang, name=name)), _letter(turn, journey.id, letter)]


FLOWS = (SideFlow(FLOW_NAME, answer=_name_typed, skip=leave_as_is("fb.name_kept")),)


def feedback_handlers() -> list[BaseHandler[Update, Context, None]]:
    """/feedback and the buttons under the letter; a redelivered press shows the letter.

    The typed name reaches FLOWS through the journey's text handler.
    """
    return command_with_buttons(
        "feedback",
        ask=show_feedback,
        press=press_feedback,
        route=Route.FEEDBACK,
        show=show_feedback,
    )
