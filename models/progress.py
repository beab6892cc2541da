"""A journey's progress read from storage, for /progress and the weekly recap."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from core.journey.steps import PROMPTS, STAGES
from core.planner import local_now
from core.progress import ProgressSnapshot, mood_of, step_states
from core.status import JourneyStatus, WalkStatus
from models import repository as repo


async def progress_snapshot(
    session: AsyncSession, *, user_id: int, language: str | None, zone: str, now: datetime
) -> ProgressSnapshot:
    """The user's newest journey as it stands now, in their zone."""
    today = local_now(now, zone).date()
    journey = await repo.latest_journey(session, user_id)
    if journey is None:
        return ProgressSnapshot(language=language, today=today, started=False)
    answers = await repo.journey_answers_with_times(session, journey.id)
    moods: list[tuple[datetime, int]] = []
    intake = answers.get("mood")
    if intake is not None and (value := mood_of(intake[0])) is not None:
        moods.append((intake[1], value))
    for when, stored in await repo.moods_since(session, user_id=user_id, since=journey.started_at):
        if (value := mood_of(stored)) is not None:
            moods.append((when, value))
    moods.sort(key=lambda item: item[0].astimezone(UTC))
    blank = ProgressSnapshot(language=language, today=today)
    walks = await repo.walk_days(session, user_id=user_id, since=blank.calendar_start)
    stages = Counter(stage for *_, stage in await repo.open_opportunity_fields(session, user_id))
    prompt = PROMPTS.get(journey.prompt)
    answered = {PROMPTS[key].step for key in answers if key in PROMPTS}
    return ProgressSnapshot(
        language=language,
        today=today,
        moods=tuple((local_now(when, zone).date(), value) for when, value in moods),
        walked=frozenset(day for day, status in walks if status == WalkStatus.WALKED),
        skipped=frozenset(day for day, status in walks if status == WalkStatus.SKIPPED),
        stages=tuple(stages.get(stage, 0) for stage in STAGES),
        steps=step_states(
            prompt.step if prompt is not None else 0,
            answered,
            completed=journey.status == JourneyStatus.COMPLETED,
        ),
    )
