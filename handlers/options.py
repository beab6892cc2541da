"""/options: the employers the user is talking to — list, add, change stage, close.

Adding is a two-message side conversation (company, then role) remembered in `users.flow`,
so it survives a restart like everything else.
"""

from __future__ import annotations

from core.journey.steps import MAX_ANSWER_CHARS, STAGES, meter, short
from core.replies import Button, Reply
from core.texts.catalogue import say
from handlers.pipeline import Turn
from models import repository as repo

# Button data: "o:add", "o:v:<id>" (pick), "o:s:<id>:<stage>", "o:c:<id>" (close).
PREFIX = "o"
FLOW_COMPANY = "opt_company"
FLOW_ROLE = "opt_role:"


async def overview(turn: Turn) -> list[Reply]:
    """The list, the meter toward five, and buttons to change each or add one."""
    lang = turn.user.language_code
    opportunities = await repo.open_opportunities(turn.session, turn.user.telegram_id)
    lines = [say("options.title", lang)]
    if not opportunities:
        lines.append(say("options.empty", lang))
    for index, o in enumerate(opportunities, start=1):
        role = f" — {short(o.role, 40)}" if o.role else ""
        lines.append(f"{index}. {short(o.company, 40)}{role} · {say(f'stage.{o.stage}', lang)}")
    lines += ["", meter(len(opportunities), lang)]
    buttons = [
        (Button(f"✏️ {short(o.company, 24)}", f"{PREFIX}:v:{o.id}"),) for o in opportunities[:10]
    ]
    buttons.append((Button(say("options.add", lang), f"{PREFIX}:add"),))
    return [Reply("\n".join(lines), tuple(buttons))]


def _stage_buttons(opportunity_id: int, lang: str | None) -> tuple[tuple[Button, ...], ...]:
    stages = [Button(say(f"stage.{s}", lang), f"{PREFIX}:s:{opportunity_id}:{s}") for s in STAGES]
    return (
        tuple(stages[:3]),
        tuple(stages[3:]),
        (Button(say("options.close", lang), f"{PREFIX}:c:{opportunity_id}"),),
    )


async def press(turn: Turn, data: str) -> list[Reply]:
    """An /options button. Ids that aren't this user's are treated as stale."""
    lang = turn.user.language_code
    parts = data.split(":")
    user_id = turn.user.telegram_id
    if parts[1:] == ["add"]:
        await repo.set_flow(turn.session, user_id=user_id, flow=FLOW_COMPANY)
        return [Reply(say("options.ask_company", lang))]
    if len(parts) < 3 or not parts[2].isdigit():
        return [Reply(say("fallback.stale_button", lang))]
    opportunity = await repo.get_opportunity(
        turn.session, user_id=user_id, opportunity_id=int(parts[2])
    )
    if opportunity is None or opportunity.closed_at is not None:
        return [Reply(say("options.gone", lang)), *await overview(turn)]
    if parts[1] == "v":
        text = say("options.what_changed", lang, company=short(opportunity.company, 60))
        return [Reply(text, _stage_buttons(opportunity.id, lang))]
    if parts[1] == "s" and len(parts) == 4 and parts[3] in STAGES:
        opportunity.stage = parts[3]
        opportunity.updated_at = turn.now
        said = say(
            "options.updated",
            lang,
            company=short(opportunity.company, 60),
            stage=say(f"stage.{parts[3]}", lang),
        )
        return [Reply(said), *await overview(turn)]
    if parts[1] == "c":
        opportunity.closed_at = turn.now
        opportunity.updated_at = turn.now
        await turn.session.flush()
        said = say("options.closed", lang, company=short(opportunity.company, 60))
        return [Reply(said), *await overview(turn)]
    return [Reply(say("fallback.stale_button", lang))]


def in_flow(flow: str | None) -> bool:
    """Whether a side conversation of /options is waiting for text."""
    return flow is not None and (flow == FLOW_COMPANY or flow.startswith(FLOW_ROLE))


async def continue_flow(turn: Turn, text: str | None) -> list[Reply]:
    """The next message of the add-an-opportunity conversation (None means /skip)."""
    lang = turn.user.language_code
    user_id = turn.user.telegram_id
    flow = turn.user.flow or ""
    cleaned = (text or "").strip()[:MAX_ANSWER_CHARS]
    if flow == FLOW_COMPANY:
        if not cleaned:
            if text is None:
                await repo.set_flow(turn.session, user_id=user_id, flow=None)
                return [Reply(say("options.add_cancelled", lang))]
            return [Reply(say("invalid.empty", lang)), Reply(say("options.ask_company", lang))]
        opportunity = await repo.add_opportunity(
            turn.session,
            user_id=user_id,
            journey_id=None,
            company=cleaned,
            role=None,
            stage="applied",
            now=turn.now,
        )
        await repo.set_flow(turn.session, user_id=user_id, flow=f"{FLOW_ROLE}{opportunity.id}")
        return [Reply(say("options.ask_role", lang, company=short(cleaned, 60)))]
    opportunity_id = int(flow.removeprefix(FLOW_ROLE))
    await repo.set_flow(turn.session, user_id=user_id, flow=None)
    found = await repo.get_opportunity(turn.session, user_id=user_id, opportunity_id=opportunity_id)
    if found is None:
        return await overview(turn)
    opportunity = found
    if cleaned:
        opportunity.role = cleaned
        opportunity.updated_at = turn.now
    text_out = say("options.ask_stage", lang, company=short(opportunity.company, 60))
    return [Reply(text_out, _stage_buttons(opportunity.id, lang)[:2])]
