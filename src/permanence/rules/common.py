"""Small pieces the council rules share."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import ClassVar

from permanence.domain.care import PeriodOfCare, Placement
from permanence.domain.roles import normalise
from permanence.rules.engine import Case, Obligation, Rule, first_on_or_after, fmt
from permanence.rules.national import second_review_date
from permanence.workingdays import add_weeks

__all__ = [
    "before_care_window",
    "meetings_of",
    "decisions_of",
    "plan_deadline",
    "MeetingEvery",
    "PlanApproval",
    "BeforePlannedReturnHome",
    "fmt",
]


def before_care_window(case: Case, period: PeriodOfCare, days: int = 183) -> date:
    """The earliest day a step taken before care began can count for `period`: up to
    `days` before it, but never before an earlier period of care ended, so a decision or
    panel about an earlier time in care is not taken for this one (re-entry to care)."""
    earliest = period.start - timedelta(days=days)
    for earlier in case.care_periods:
        if earlier.start < period.start and earlier.end is not None:
            earliest = max(earliest, earlier.end + timedelta(days=1))
    return earliest


def meetings_of(case: Case, kind: str) -> list[date]:
    return sorted(m.held for m in case.child.recorded.meetings if m.kind == kind)


def decisions_of(case: Case, kind: str, roles: frozenset[str] | None = None) -> list[date]:
    """Dates of approved decisions of `kind`; with `roles`, only those made in one of them."""
    return sorted(
        d.made
        for d in case.child.recorded.decisions
        if d.kind == kind
        and d.outcome == "approved"
        and (roles is None or normalise(d.role) in roles)
    )


def plan_deadline(
    rule: Rule, case: Case, period: PeriodOfCare, other: date, other_words: str
) -> Obligation | None:
    """A permanence plan by the second review or `other`, whichever is earlier."""
    from permanence.rules.national import plan_agreed

    second = second_review_date(case, period)
    if second is None:
        if not period.began_before_data:
            return None
        return rule.obligation(
            case,
            None,
            plan_agreed(case, period),
            f"the earlier of the second review and {other_words}",
            period,
            known=False,
            reason="care began before the data starts, so the second review is unknown",
        )
    due, words = second if second[0] <= other else (other, other_words)
    return rule.obligation(
        case,
        due,
        plan_agreed(case, period),
        f"the earlier of {second[1]} and {other_words}",
        period,
    )


class MeetingEvery(Rule):
    """A meeting due `first` after a start, then at most `every` after the last one held.

    Where meetings are not recorded, only the first is given (status unknown): the next
    due date depends on when the last meeting was held.
    """

    needs = ("meetings",)
    meeting_kind: str

    def chain(
        self,
        case: Case,
        period: PeriodOfCare,
        first_due: date,
        first_why: str,
        step,
        step_words: str,
        stop: date | None = None,
    ) -> Iterator[Obligation]:
        held = [d for d in meetings_of(case, self.meeting_kind) if period.start <= d <= case.as_of]
        due, why = first_due, first_why
        for h in [*held, None] if case.knows("meetings") else [None]:
            if stop is not None and due > stop:
                return
            yield self.obligation(case, due, h, why, period)
            if h is None:
                return
            due, why = step(h), f"{step_words} after the meeting on {fmt(h)}"

    def every_weeks(
        self,
        case: Case,
        period: PeriodOfCare,
        weeks: int,
        stop: date | None = None,
        began: str = "care began",
    ) -> Iterator[Obligation]:
        """The first meeting `weeks` after care began, then every `weeks` after the last;
        `began` keeps the policy's own words for the start."""
        yield from self.chain(
            case,
            period,
            add_weeks(period.start, weeks),
            f"{weeks} weeks after {began} on {fmt(period.start)}",
            lambda d: add_weeks(d, weeks),
            f"{weeks} weeks",
            stop=stop,
        )


class PlanApproval(Rule):
    """A plan of one kind needs a decision by someone in one of `roles` when it is agreed
    (an approval up to a month before the plan counts). Needs the plan, which the 903
    does not hold."""

    needs = ("decisions",)
    trigger = ("plans",)
    plan_kind: ClassVar[str]
    decision_kind: ClassVar[str]
    roles: ClassVar[frozenset[str]]

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        approved = decisions_of(case, self.decision_kind, self.roles)
        for plan in case.child.recorded.plans:
            if plan.primary == self.plan_kind:
                yield self.obligation(
                    case,
                    plan.agreed,
                    first_on_or_after(approved, plan.agreed - timedelta(days=31)),
                    f"when the {self.plan_kind.replace('_', ' ')} plan was agreed on {fmt(plan.agreed)}",
                )


class BeforePlannedReturnHome(Rule):
    """Something done before each planned return home (a period of care ending with REC
    E4A), on the day of the return at the latest."""

    words: ClassVar[str] = "before the return home"

    def done_dates(self, case: Case) -> list[date]:
        raise NotImplementedError

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        done = self.done_dates(case)
        for period in case.care_periods:
            if period.end is None or period.end_reason != "E4A":
                continue
            yield self.obligation(
                case,
                period.end,
                first_on_or_after(done, period.start, period.end + timedelta(days=1)),
                f"{self.words} on {fmt(period.end)}",
            )


def placements_in(case: Case, codes: Iterable[str]) -> Iterator[tuple[PeriodOfCare, Placement]]:
    codes = frozenset(codes)
    for period in case.care_periods:
        for p in case.placements(period):
            if p.placement in codes:
                yield period, p
