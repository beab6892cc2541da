"""/options: the employers the user is talking to — list, add, change stage, close.

Adding is a two-message side conversation (company, then role) remembered in `users.flow`,
so it survives a restart like everything else.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler

from core.callbacks import Route, decode, encode
from core.journey.steps import MAX_ANSWER_CHARS, STAGES, meter, short
from core.replies import Button, Reply
from core.texts.catalogue import say
from handlers.context import Context
from handlers.flows import SideFlow, end_flow, start_flow
from handlers.pipeline import Turn, command_with_buttons
from models import repository as repo

# Button data: "o:add", "o:v:<id>" (pick), "o:s:<id>:<stage>", "o:c:<id>" (close).
ADD, PICK, STAGE, CLOSE = "add", "v", "s", "c"
FLOW_COMPANY = "opt_company"
FLOW_ROLE = "opt_role"


async def overview(turn: Turn) -> list[Reply]:
    """/options: the list, the meter toward five, and buttons to change each or add one."""
    lang = turn.lang
    opportunities = await repo.open_opportunities(turn.session, turn.user.telegram_id)
    lines = [say("options.title", lang)]
    if not opportunities:
        lines.append(say("options.empty", lang))
    for index, o in enumerate(opportunities, start=1):
        role = f" — {short(o.role, 40)}" if o.role else ""
        lines.append(f"{index}. {short(o.company, 40)}{role} · {say(f'stage.{o.stage}', lang)}")
    lines += ["", meter(len(opportunities), lang)]
    buttons = [
        (Button(f"✏️ {short(o.company, 24)}", encode(Route.OPTIONS, PICK, o.id)),)
        for o in opportunities[:10]
    ]
    buttons.append((Button(say("options.add", lang), encode(Route.OPTIONS, ADD)),))
    return [Reply("\n".join(lines), tuple(buttons))]


def _stage_buttons(opportunity_id: int, lang: str | None) -> tuple[tuple[Button, ...], ...]:
    stages = [
        Button(say(f"stage.{s}", lang), encode(Route.OPTIONS, STAGE, opportunity_id, s))
        for s in STAGES
    ]
    return (
        tuple(stages[:3]),
        tuple(stages[3:]),
        (Button(say("options.close", lang), encode(Route.OPTIONS, CLOSE, opportunity_id)),),
    )


async def ask_company(turn: Turn) -> list[Reply]:
    """Begin adding an opportunity: ask for the company."""
    await start_flow(turn, FLOW_COMPANY)
    return [Reply(say("options.ask_company", turn.lang))]


async def press(turn: Turn) -> list[Reply]:
    """An /options button. Ids that aren't this user's are treated as stale."""
    lang = turn.lang
    pressed = decode(turn.data, Route.OPTIONS, 1, 2, 3)
    if pressed is not None and pressed.fields == (ADD,):
        return await ask_company(turn)
    opportunity_id = pressed.number(1) if pressed is not None else None
    if pressed is None or opportunity_id is None:
        return [Reply(say("fallback.stale_button", lang))]
    opportunity = await repo.get_opportunity(
        turn.session, user_id=turn.user.telegram_id, opportunity_id=opportunity_id
    )
    if opportunity is None or opportunity.closed_at is not None:
        return [Reply(say("options.gone", lang)), *await overview(turn)]
    action, stage = pressed.fields[0], pressed.field(2)
    if action == PICK:
        text = say("options.what_changed", lang, company=short(opportunity.company, 60))
        return [Reply(text, _stage_buttons(opportunity.id, lang))]
    if action == STAGE and stage in STAGES:
        opportunity.stage = stage
        opportunity.updated_at = turn.now
        said = say(
            "options.updated",
            lang,
            company=short(opportunity.company, 60),
            stage=say(f"stage.{stage}", lang),
        )
        return [Reply(said), *await overview(turn)]
    if action == CLOSE:
        opportunity.closed_at = turn.now
        opportunity.updated_at = turn.now
        await turn.session.flush()
        said = say("options.closed", lang, company=short(opportunity.company, 60))
        return [Reply(said), *await overview(turn)]
    return [Reply(say("fallback.stale_button", lang))]


async def _company_typed(turn: Turn, text: str, _argument: str) -> list[Reply]:
    lang = turn.lang
    cleaned = text.strip()[:MAX_ANSWER_CHARS]
    if not cleaned:
        return [Reply(say("invalid.empty", lang)), Reply(say("options.ask_company", lang))]
    opportunity = await repo.add_opportunity(
        turn.session,
        user_id=turn.user.telegram_id,
        journey_id=None,
        company=cleaned,
        role=None,
        stage="applied",
        now=turn.now,
    )
    await start_flow(turn, FLOW_ROLE, opportunity.id)
    return [Reply(say("options.ask_role", lang, company=short(cleaned, 60)))]


async def _company_skipped(turn: Turn, _argument: str) -> list[Reply]:
    await end_flow(turn)
    return [Reply(say("options.add_cancelled", turn.lang))]


async def _role_typed(turn: Turn, text: str | None, argument: str) -> list[Reply]:
    """The role (None: skipped), then the stage buttons."""
    await end_flow(turn)
    found = None
    if argument.isdigit():
        found = await repo.get_opportunity(
            turn.session, user_id=turn.user.telegram_id, opportunity_id=int(argument)
        )
    if found is None:
        return await overview(turn)
    cleaned = (text or "").strip()[:MAX_ANSWER_CHARS]
    if cleaned:
        found.role = cleaned
        found.updated_at = turn.now
    text_out = say("options.ask_stage", turn.lang, company=short(found.company, 60))
    return [Reply(text_out, _stage_buttons(found.id, turn.lang)[:2])]


async def _role_skipped(turn: Turn, argument: str) -> list[Reply]:
    return await _role_typed(turn, None, argument)


FLOWS = (
    SideFlow(FLOW_COMPANY, answer=_company_typed, skip=_company_skipped),
    SideFlow(FLOW_ROLE, answer=_role_typed, skip=_role_skipped),
)


def options_handlers() -> list[BaseHandler[Update, Context, None]]:
    """/options and its buttons; typed answers reach FLOWS through the text handler."""
    return command_with_buttons(
        "options", ask=overview, press=press, route=Route.OPTIONS, show=overview
    )
