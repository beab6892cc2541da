"""Side conversations: a command that waits for one typed answer (/timezone, /walk, adding an
employer, "what did they reply?"), declared as data the way journey prompts are.

The waiting flow is remembered in `users.flow` as `<name>` or `<name>:<argument>` (e.g.
`opt_role:12`), so it survives a restart like everything else. Typed text goes to the flow
that waits, before the journey sees it; /skip gives the flow its skip answer.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from core.replies import Reply
from core.texts.catalogue import say
from handlers.pipeline import Turn
from models import repository as repo

FLOW_SEPARATOR = ":"


@dataclass(frozen=True, slots=True)
class SideFlow:
    """One side conversation: its stored name and what a typed answer or /skip does.

    Both get the turn and the flow's argument ("" when it has none).
    """

    name: str
    answer: Callable[[Turn, str, str], Awaitable[Sequence[Reply]]]
    skip: Callable[[Turn, str], Awaitable[Sequence[Reply]]]


def flow_value(name: str, argument: str | int | None = None) -> str:
    """What `users.flow` stores for a flow (and its argument)."""
    return name if argument is None else f"{name}{FLOW_SEPARATOR}{argument}"


def waiting(flow: str | None) -> tuple[str, str] | None:
    """(name, argument) of the stored flow, or None when nothing waits."""
    if not flow:
        return None
    name, _, argument = flow.partition(FLOW_SEPARATOR)
    return name, argument


async def start_flow(turn: Turn, name: str, argument: str | int | None = None) -> None:
    """Wait for a typed answer to flow `name`."""
    value = flow_value(name, argument)
    await repo.set_flow(turn.session, user_id=turn.user.telegram_id, flow=value)
    turn.user.flow = value


async def end_flow(turn: Turn, name: str | None = None) -> None:
    """Stop waiting: for flow `name` only if it is the one waiting, or for any with None."""
    current = waiting(turn.user.flow)
    if current is None or (name is not None and current[0] != name):
        return
    await repo.set_flow(turn.session, user_id=turn.user.telegram_id, flow=None)
    turn.user.flow = None


async def route_to_flow(
    turn: Turn, flows: Sequence[SideFlow], text: str | None
) -> Sequence[Reply] | None:
    """Give typed text (None: /skip) to the side conversation waiting for it, if there is one.

    A stored flow no declared one knows (left by an older version) is forgotten.
    """
    current = waiting(turn.user.flow)
    if current is None:
        return None
    name, argument = current
    for flow in flows:
        if flow.name == name:
            if text is None:
                return await flow.skip(turn, argument)
            return await flow.answer(turn, text, argument)
    await end_flow(turn)
    return None


def leave_as_is(key: str) -> Callable[[Turn, str], Awaitable[Sequence[Reply]]]:
    """A /skip answer that ends the flow, changes nothing and says catalogue text `key`."""

    async def skip(turn: Turn, _argument: str) -> Sequence[Reply]:
        await end_flow(turn)
        return [Reply(say(key, turn.lang))]

    return skip
