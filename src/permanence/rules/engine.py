"""The rules engine: rules produce obligations and alerts for one child on an as-of date.

A rule is a small class with its id and source (POLICY-RULES.md) and one method,
`evaluate(case)`. The `Case` holds what every rule needs, computed once per child:
the periods of care as known on the as-of date, their reviews, placements, and the
review schedule, so that twenty rules do not each redo it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, ClassVar

from permanence.domain.care import (
    PeriodOfCare,
    Placement,
    clip_to,
    moves_between,
    periods_of_care,
)
from permanence.domain.model import Child, Review
from permanence.workingdays import WorkingDayCalendar, add_months

_MONTHS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def fmt(d: date) -> str:
    """Dates in explanations, as people in children's services write them: 05 Jan 2024."""
    return f"{d.day:02d} {_MONTHS[d.month]} {d.year}"


class Status(StrEnum):
    MET = "met"
    MET_LATE = "met_late"
    UPCOMING = "upcoming"
    OVERDUE = "overdue"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not_applicable"


def status_of(due: date | None, done: date | None, as_of: date) -> Status:
    """POLICY-RULES, Conventions: the status of an obligation on the as-of date."""
    if due is None:
        return Status.MET if done is not None else Status.UNKNOWN
    if done is not None:
        return Status.MET if done <= due else Status.MET_LATE
    return Status.UPCOMING if due >= as_of else Status.OVERDUE


@dataclass(frozen=True, slots=True)
class Obligation:
    """Something due for a child: what, by when, whether it was done, and why."""

    rule: str
    due: date | None
    done: date | None
    status: Status
    why: str  # how the due date was worked out, from which facts
    title: str = ""
    source: str = ""
    reason: str = ""  # why the status is unknown or not applicable
    period_start: date | None = None


@dataclass(frozen=True, slots=True)
class Alert:
    """A fact someone should act on now (e.g. more than three moves in 12 months)."""

    rule: str
    detail: str
    title: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class ReviewSlot:
    """One statutory review of a period of care: its number, due date and the review held."""

    number: int  # 1 = first, 2 = second, 3+ = subsequent; 0 = first in the data, due unknown
    due: date
    held: date | None
    due_from: str  # the words behind the due date

    @property
    def date(self) -> date:
        """The date later deadlines run from: the review's date if held, else its due date."""
        return self.held if self.held is not None else self.due


# Explanations of why a fact is missing, by kind of recorded fact.
NOT_IN_903 = "not in the SSDA903 return: record it in Permanence"


@dataclass
class Case:
    """One child on one as-of date, with the derivations every rule shares.

    They are worked out once, when the case is made: every rule needs the periods of care.
    """

    child: Child
    as_of: date
    calendar: WorkingDayCalendar
    params: dict[str, dict[str, Any]] = field(default_factory=dict)
    periods: list[PeriodOfCare] = field(init=False)
    care_periods: list[PeriodOfCare] = field(init=False)
    current_period: PeriodOfCare | None = field(init=False)
    reviews: list[Review] = field(init=False)
    _placements: dict[int, list[Placement]] = field(init=False, default_factory=dict)
    _schedules: dict[int, list[ReviewSlot]] = field(init=False, default_factory=dict)
    _moves: list[Placement] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        # Periods of care as known on the as-of date, including short breaks.
        self.periods = periods_of_care(clip_to(self.child, self.as_of))
        self.care_periods = self._care_periods()
        last = self.care_periods[-1] if self.care_periods else None
        self.current_period = last if last is not None and last.end is None else None
        self.reviews = [r for r in self.child.reviews if r.date <= self.as_of]

    def param(self, rule_id: str, name: str, default: Any) -> Any:
        return self.params.get(rule_id, {}).get(name, default)

    def knows(self, kind: str) -> bool:
        return kind in self.child.known

    def _care_periods(self) -> list[PeriodOfCare]:
        """Periods of care for review and permanence rules: short breaks left out.

        A period that opens with short breaks and becomes full-time care counts from
        the first episode that is not a short break.
        """
        out = []
        for p in self.periods:
            if p.short_breaks_only:
                continue
            k = next(i for i, e in enumerate(p.episodes) if not e.is_short_break)
            if k:
                p = PeriodOfCare(p.episodes[k:], began_before_data=False)
            out.append(p)
        return out

    def placements(self, period: PeriodOfCare) -> list[Placement]:
        key = id(period)
        if key not in self._placements:
            self._placements[key] = period.placements()
        return self._placements[key]

    def moves_in_last_12_months(self) -> list[Placement]:
        """Placement moves in the 12 months to the as-of date (short breaks left out)."""
        if self._moves is None:
            self._moves = moves_between(self.periods, add_months(self.as_of, -12), self.as_of)
        return self._moves

    @property
    def current_placement(self) -> Placement | None:
        if self.current_period is None:
            return None
        return self.placements(self.current_period)[-1]

    def review_schedule(self, period: PeriodOfCare) -> list[ReviewSlot]:
        key = id(period)
        if key not in self._schedules:
            self._schedules[key] = self._review_schedule(period)
        return self._schedules[key]

    def _review_schedule(self, period: PeriodOfCare) -> list[ReviewSlot]:
        """CPPCR reg 33: first review 20 working days after care starts, the second 3 months
        after the first, then every 6 months, each from the previous review's date if held,
        else from its due date. Reviews held are matched to slots in order. Slots continue
        until the first one due after the as-of date, and stop at the end of care.

        Where the period began before the return reaches, no first or second review is
        invented: each review held is due 6 months after the one before (POLICY-RULES).
        """
        first_wd = self.param("review.first", "working_days", 20)
        second_m = self.param("review.second", "months", 3)
        later_m = self.param("review.subsequent", "months", 6)
        held = [r.date for r in period.reviews(self.reviews)]
        slots: list[ReviewSlot] = []
        if period.began_before_data:
            if not held:
                return slots
            slots.append(ReviewSlot(0, held[0], held[0], "the first review in the data"))
            held = held[1:]
        for h in [*held, None]:
            while True:
                if not slots:
                    number = 1
                    due = self.calendar.add_working_days(period.start, first_wd)
                    due_from = (
                        f"{first_wd} working days after care began on {period.start:%d %b %Y}"
                    )
                else:
                    prev = slots[-1]
                    number = prev.number + 1 if prev.number else 3
                    months = second_m if prev.number == 1 else later_m
                    label = "held" if prev.held is not None else "due"
                    due = add_months(prev.date, months)
                    due_from = (
                        f"{months} months after the previous review ({label} {prev.date:%d %b %Y})"
                    )
                if h is not None:
                    slots.append(ReviewSlot(number, due, h, due_from))
                    break
                if period.end is not None and due > period.end:
                    return slots
                slots.append(ReviewSlot(number, due, None, due_from))
                if due >= self.as_of:
                    return slots
        return slots

    def slot(self, period: PeriodOfCare, number: int) -> ReviewSlot | None:
        """The nth review of a period, or None if it began before the data or ended first."""
        if period.began_before_data:
            return None
        for s in self.review_schedule(period):
            if s.number == number:
                return s
        return None

    def age_on(self, day: date) -> int | None:
        return self.child.age_on(day)


class Rule:
    """A rule of POLICY-RULES.md: its id, title and source, and how to evaluate it.

    `needs` lists the kinds of recorded fact (domain.model.FACT_KINDS) that say whether
    an obligation was done; where the source lacks them the obligation is still given
    its due date, with status `unknown` and the reason.
    `trigger` lists kinds of fact without which the rule cannot even tell whether it
    applies; where the source lacks them the rule is reported as not assessed.
    """

    id: ClassVar[str]
    title: ClassVar[str]
    source: ClassVar[str]
    needs: ClassVar[tuple[str, ...]] = ()
    trigger: ClassVar[tuple[str, ...]] = ()
    _needs: ClassVar[frozenset[str]] = frozenset()
    _trigger: ClassVar[frozenset[str]] = frozenset()
    _unknown: ClassVar[str] = ""

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls._needs, cls._trigger = frozenset(cls.needs), frozenset(cls.trigger)
        kinds = ", ".join(k.replace("_", " ") for k in cls.needs) or "this fact"
        cls._unknown = f"{kinds}: {NOT_IN_903}"

    def evaluate(self, case: Case) -> Iterable[Obligation | Alert]:
        raise NotImplementedError

    def assessable(self, case: Case) -> bool:
        return self._trigger <= case.child.known

    # Helpers for subclasses.

    def obligation(
        self,
        case: Case,
        due: date | None,
        done: date | None,
        why: str,
        period: PeriodOfCare | None = None,
        *,
        known: bool | None = None,
        reason: str = "",
    ) -> Obligation:
        """Build an obligation with its status.

        Not done and not due until after care ended: not applicable. Facts not recorded
        by the source, or due before it began recording them: unknown, with the reason,
        but still with the due date.
        """
        if known is None:
            known = self._needs <= case.child.known
        if done is not None and done > case.as_of:
            done = None
        if (
            done is None
            and period is not None
            and period.end is not None
            and due is not None
            and due > period.end
        ):
            status = Status.NOT_APPLICABLE
            reason = reason or f"care ended on {period.end:%d %b %Y}, before this was due"
        elif not known and done is None:
            status = Status.UNKNOWN
            reason = reason or self._unknown
        elif done is None and self._needs and _before_recording(case, due):
            status = Status.UNKNOWN
            reason = reason or (
                f"due before recording began on {fmt(case.child.recorded_since)}: "
                "record it if it was done"
            )
        else:
            status = status_of(due, done, case.as_of)
            if status is Status.UNKNOWN and not reason:
                reason = "the data do not give a due date"
        return Obligation(
            rule=self.id,
            due=due,
            done=done,
            status=status,
            why=why,
            title=self.title,
            source=self.source,
            reason=reason,
            period_start=period.start if period is not None else None,
        )

    def alert(self, detail: str) -> Alert:
        return Alert(rule=self.id, detail=detail, title=self.title, source=self.source)


def _before_recording(case: Case, due: date | None) -> bool:
    """Due before the source began recording the facts that would show it done."""
    since = case.child.recorded_since
    return since is not None and due is not None and due < since


def first_on_or_after(days: Iterable[date], start: date, before: date | None = None) -> date | None:
    """The earliest of `days` on or after `start` (and before `before`, if given)."""
    best = None
    for d in days:
        if d >= start and (before is None or d < before) and (best is None or d < best):
            best = d
    return best


@dataclass
class ChildResult:
    child: Child
    obligations: list[Obligation]
    alerts: list[Alert]


def evaluate_child(rules: Iterable[Rule], case: Case) -> ChildResult:
    obligations: list[Obligation] = []
    alerts: list[Alert] = []
    for rule in rules:
        if not rule.assessable(case):
            continue
        for item in rule.evaluate(case):
            (alerts if isinstance(item, Alert) else obligations).append(item)
    obligations.sort(key=lambda o: (o.due or date.max, o.rule))
    return ChildResult(case.child, obligations, alerts)


def iter_results(
    children: Iterable[Child],
    rules: list[Rule],
    as_of: date,
    calendar: WorkingDayCalendar,
    params: dict[str, dict[str, Any]] | None = None,
) -> Iterator[ChildResult]:
    for child in children:
        yield evaluate_child(rules, Case(child, as_of, calendar, params or {}))
