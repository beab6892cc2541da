"""The check-in dispatcher: a fixed job that claims due rows and sends them.

One run: claim a batch (a lease, committed), decide per row (send / wait out quiet hours / drop
as stale), send at most one message per user, then settle every row in one transaction and
plan the next occurrence of recurring kinds. A crash between claim and settle leaves the lease
to expire; the rows are claimed again, so none is lost (one that was already sent may be sent
again: Telegram has no idempotency key to prevent that).

What runs did is added up and logged as one line at most once a minute (`CheckinActivity`),
and only when something was sent, dropped, failed or put off: no line per run.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core import metrics
from core.checkin_messages import CheckinContext, render_checkin
from core.clock import Clock
from core.delivery import ChatUnreachableError, Delivery, DeliveryError, SlowDownError
from core.replies import Reply
from core.rules import (
    RECAP_AFTER_COMPLETION,
    RECURRING,
    decide,
    next_occurrence,
    retry_delay,
)
from core.status import OPEN_JOURNEY, CheckinKind, CheckinStatus, JourneyStatus
from models import dispatch as store
from models.journeys import Journey
from models.progress import progress_snapshot

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
ONE_PER_USER_DELAY = timedelta(seconds=2)
# Check-in activity is summed up over this long and logged as one line.
SUMMARY_EVERY = timedelta(minutes=1)
# A breakdown by kind is shown when it is this short.
_MAX_KINDS_SHOWN = 4


@dataclass(slots=True)
class DispatchReport:
    """What one run did."""

    claimed: int = 0
    sent: int = 0
    dropped: int = 0
    deferred: int = 0
    retried: int = 0
    failed: int = 0
    blocked: int = 0
    errors: list[str] = field(default_factory=list)
    # Kinds of the check-ins sent, dropped and failed: {"grief_over": 2, ...}.
    sent_kinds: Counter[str] = field(default_factory=Counter)
    dropped_kinds: Counter[str] = field(default_factory=Counter)
    failed_kinds: Counter[str] = field(default_factory=Counter)

    def add(self, other: DispatchReport) -> None:
        """Accumulate another run's numbers."""
        for name in ("claimed", "sent", "dropped", "deferred", "retried", "failed", "blocked"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.sent_kinds.update(other.sent_kinds)
        self.dropped_kinds.update(other.dropped_kinds)
        self.failed_kinds.update(other.failed_kinds)

    @property
    def later(self) -> int:
        """Check-ins put off: quiet hours, a pause, a retry."""
        return self.deferred + self.retried

    @property
    def eventful(self) -> bool:
        """Whether anything happened to a check-in (worth a log line)."""
        return bool(self.sent or self.dropped or self.failed or self.later)


class CheckinActivity:
    """Adds up what dispatcher runs did and logs it as one line a minute at most.

    A minute starts with the first run that did something; the line is logged by the first
    run at least SUMMARY_EVERY later (or by `log_now`, when the bot stops). Quiet minutes log
    nothing.
    """

    def __init__(self, every: timedelta = SUMMARY_EVERY) -> None:
        self.every = every
        self.since: datetime | None = None
        self.total = DispatchReport()

    def record(self, report: DispatchReport, now: datetime) -> None:
        """Add one run's numbers, then log the summary if its minute is over."""
        if report.eventful:
            if self.since is None:
                self.since = now
            self.total.add(report)
        if self.since is not None and now - self.since >= self.every:
            self.log_now(now)

    def log_now(self, now: datetime) -> None:
        """Log what was added up so far (nothing, if nothing happened) and start afresh."""
        if self.since is None:
            return
        total, seconds = self.total, max((now - self.since).total_seconds(), 0.0)
        self.since, self.total = None, DispatchReport()
        logger.info(
            "check-ins: %s sent%s, %s dropped%s, %s failed%s, %s later in the last %.0f s",
            total.sent,
            _breakdown(total.sent_kinds),
            total.dropped,
            _breakdown(total.dropped_kinds),
            total.failed,
            _breakdown(total.failed_kinds),
            total.later,
            seconds,
        )


def _breakdown(kinds: Counter[str]) -> str:
    """` (grief_over 2, walk_daily 1)`, or nothing when there are none or too many kinds."""
    if not kinds or len(kinds) > _MAX_KINDS_SHOWN:
        return ""
    return " (" + ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())) + ")"


# Check-ins whose message depends on where their journey stands.
_NEEDS_JOURNEY = (CheckinKind.COME_BACK, CheckinKind.OPTIONS_REVIEW, CheckinKind.WEEKLY_RECAP)


def _recap_wanted(journey: Journey | None, now: datetime) -> bool:
    """A weekly recap goes while its journey is open, and for four weeks after it is done
    (not once the user began another: that one has its own)."""
    if journey is None or journey.status == JourneyStatus.LEFT:
        return False
    if journey.status == JourneyStatus.COMPLETED:
        done = journey.completed_at or journey.updated_at
        return now - done <= RECAP_AFTER_COMPLETION
    return True


@dataclass(slots=True)
class _Settlement:
    sent: list[int] = field(default_factory=list)
    dropped: dict[str, list[int]] = field(default_factory=dict)
    failed: dict[str, list[int]] = field(default_factory=dict)
    later: list[tuple[int, datetime, str | None, bool]] = field(default_factory=list)
    blocked_users: set[int] = field(default_factory=set)
    follow_ups: list[store.Claimed] = field(default_factory=list)


class Dispatcher:
    """Claims due check-ins and delivers them; safe to run in several processes."""

    def __init__(
        self,
        *,
        sessionmaker: async_sessionmaker[AsyncSession],
        delivery: Delivery,
        clock: Clock,
        default_zone: str,
        batch_size: int = 500,
        lease: timedelta = timedelta(minutes=5),
        concurrency: int = 16,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.delivery = delivery
        self.clock = clock
        self.default_zone = default_zone
        self.batch_size = batch_size
        self.lease = lease
        self.concurrency = concurrency
        self.last_run: datetime | None = None
        self.activity = CheckinActivity()

    async def run_once(self) -> DispatchReport:
        """Claim one batch, deliver it, settle it."""
        now = self.clock.now()
        self.last_run = now
        async with self.sessionmaker.begin() as session:
            claimed = await store.claim_due(
                session, now=now, lease=self.lease, limit=self.batch_size
            )
            contexts = await self._contexts(session, claimed, now) if claimed else {}
        report = DispatchReport(claimed=len(claimed))
        if not claimed:
            self.activity.record(report, now)
            return report
        settlement = _Settlement()
        to_send: list[tuple[store.Claimed, Reply]] = []
        users_this_run: set[int] = set()
        for item in claimed:
            zone = item.timezone or self.default_zone
            decision = decide(
                kind=item.kind,
                due_at=item.due_at,
                now=now,
                zone=zone,
                quiet_start=item.quiet_start,
                quiet_end=item.quiet_end,
                paused_until=item.nudges_paused_until,
            )
            context = contexts[item.id]
            if decision.action == "drop" or context.obsolete:
                reason = decision.reason or "obsolete"
                settlement.dropped.setdefault(reason, []).append(item.id)
                if item.kind in RECURRING and not context.obsolete:
                    settlement.follow_ups.append(item)
            elif decision.action == "defer":
                assert decision.until is not None
                why = "paused" if decision.until == item.nudges_paused_until else "quiet hours"
                settlement.later.append((item.id, decision.until, why, True))
            elif item.user_id in users_this_run:
                # At most one message per chat per run: Telegram allows about one a second.
                settlement.later.append((item.id, now + ONE_PER_USER_DELAY, None, True))
            else:
                users_this_run.add(item.user_id)
                to_send.append((item, render_checkin(item.kind, item.id, context)))
        await self._send_all(to_send, settlement, now)
        async with self.sessionmaker.begin() as session:
            await self._settle(session, settlement, now)
        report.sent = len(settlement.sent)
        report.dropped = sum(len(ids) for ids in settlement.dropped.values())
        report.failed = sum(len(ids) for ids in settlement.failed.values())
        report.blocked = len(settlement.blocked_users)
        report.deferred = sum(
            1 for _, _, reason, _ in settlement.later if reason in ("quiet hours", "paused")
        )
        report.retried = len(settlement.later) - report.deferred
        kind_of = {item.id: str(item.kind) for item in claimed}
        report.sent_kinds.update(kind_of[i] for i in settlement.sent)
        report.dropped_kinds.update(kind_of[i] for ids in settlement.dropped.values() for i in ids)
        report.failed_kinds.update(kind_of[i] for ids in settlement.failed.values() for i in ids)
        self.activity.record(report, now)
        return report

    async def drain(self, max_seconds: float = 30.0) -> DispatchReport:
        """Run until no full batch is due (or time is up): catches up after a pause."""
        total = DispatchReport()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max_seconds
        while True:
            report = await self.run_once()
            total.add(report)
            if report.claimed < self.batch_size or loop.time() >= deadline:
                return total

    async def _contexts(
        self, session: AsyncSession, claimed: list[store.Claimed], now: datetime
    ) -> dict[int, CheckinContext]:
        needs_answers = {c.journey_id for c in claimed if c.kind == CheckinKind.LEARNING_GOAL}
        answers = await store.answers_for(
            session, {j for j in needs_answers if j is not None}, ("skill", "action")
        )
        journeys = await store.journeys_by_id(
            session,
            {
                c.journey_id
                for c in claimed
                if c.kind in _NEEDS_JOURNEY and c.journey_id is not None
            },
        )
        counts = await store.open_opportunity_counts(
            session, {c.user_id for c in claimed if c.kind == CheckinKind.OPTIONS_REVIEW}
        )
        contexts: dict[int, CheckinContext] = {}
        for item in claimed:
            journey = journeys.get(item.journey_id or -1)
            obsolete = False
            if item.kind == CheckinKind.COME_BACK:
                # The user answered (nudges reset) or paused/finished since it was planned.
                obsolete = (
                    journey is None or journey.status != JourneyStatus.ACTIVE or journey.nudges == 0
                )
            elif item.kind == CheckinKind.OPTIONS_REVIEW:
                obsolete = journey is None or journey.status not in OPEN_JOURNEY
            snapshot = None
            if item.kind == CheckinKind.WEEKLY_RECAP:
                obsolete = not _recap_wanted(journey, now)
                if not obsolete:
                    snapshot = await progress_snapshot(
                        session,
                        user_id=item.user_id,
                        language=item.language_code,
                        zone=item.timezone or self.default_zone,
                        now=now,
                    )
            contexts[item.id] = CheckinContext(
                language=item.language_code,
                zone=item.timezone or self.default_zone,
                local_time=item.local_time,
                answers=answers.get(item.journey_id or -1, {}),
                prompt=journey.prompt if journey is not None else None,
                open_options=counts.get(item.user_id, 0),
                obsolete=obsolete,
                progress=snapshot,
            )
        return contexts

    async def _send_all(
        self,
        to_send: list[tuple[store.Claimed, Reply]],
        settlement: _Settlement,
        now: datetime,
    ) -> None:
        semaphore = asyncio.Semaphore(self.concurrency)

        async def one(item: store.Claimed, reply: Reply) -> None:
            async with semaphore:
                await self._deliver_one(item, reply, settlement, now)

        await asyncio.gather(*(one(item, reply) for item, reply in to_send))

    async def _deliver_one(
        self, item: store.Claimed, reply: Reply, settlement: _Settlement, now: datetime
    ) -> None:
        handed_at = self.clock.now()  # check-in lag: from due_at until handed to delivery
        try:
            await self.delivery.deliver(item.user_id, reply)
        except ChatUnreachableError:
            logger.info("user %s blocked the bot; their check-ins stop", item.user_id)
            settlement.blocked_users.add(item.user_id)
            settlement.failed.setdefault("blocked", []).append(item.id)
            return
        except SlowDownError as exc:
            due = now + timedelta(seconds=exc.seconds)
            settlement.later.append((item.id, due, "retry after", True))
            return
        except DeliveryError as exc:
            if item.attempts >= MAX_ATTEMPTS:
                settlement.failed.setdefault(str(exc)[:200] or "failed", []).append(item.id)
                if item.kind in RECURRING:
                    settlement.follow_ups.append(item)
            else:
                due = now + retry_delay(item.attempts)
                settlement.later.append((item.id, due, str(exc)[:200], False))
            return
        except Exception as exc:  # a bug must not stop the other check-ins
            logger.exception("check-in %s could not be delivered", item.id)
            settlement.failed.setdefault(type(exc).__name__, []).append(item.id)
            return
        metrics.checkin_delivered(item.kind, (handed_at - item.due_at).total_seconds())
        settlement.sent.append(item.id)
        if item.kind in RECURRING:
            settlement.follow_ups.append(item)

    async def _settle(self, session: AsyncSession, settlement: _Settlement, now: datetime) -> None:
        await store.mark(session, settlement.sent, status=CheckinStatus.SENT, now=now)
        for reason, ids in settlement.dropped.items():
            await store.mark(session, ids, status=CheckinStatus.DROPPED, now=now, reason=reason)
        for reason, ids in settlement.failed.items():
            await store.mark(session, ids, status=CheckinStatus.FAILED, now=now, reason=reason)
        await store.reschedule(session, settlement.later, now=now)
        for user_id in settlement.blocked_users:
            await store.stop_user(session, user_id=user_id, now=now)
        follow_ups: list[dict[str, object]] = []
        # A user may have deleted their data (/delete, retention) while this batch was out.
        still_here = await store.existing_users(
            session, {item.user_id for item in settlement.follow_ups}
        )
        for item in settlement.follow_ups:
            if item.user_id in settlement.blocked_users or item.user_id not in still_here:
                continue
            due = next_occurrence(
                kind=item.kind,
                due_at=item.due_at,
                local_time=item.local_time,
                zone=item.timezone or self.default_zone,
                now=now,
            )
            if due is not None:
                follow_ups.append(
                    store.pending_row(
                        user_id=item.user_id,
                        journey_id=item.journey_id,
                        kind=item.kind,
                        due_at=due,
                        local_time=item.local_time,
                        now=now,
                    )
                )
        await store.plan_many(session, follow_ups)
