"""The Permanence Tracker (Bolton 11.2, rule bolton.reports): "the details of every looked
after child, their Permanence Plan and the cost to the Local Authority of their care", so
that whether permanence is achieved in a timely way, and what each plan costs, is seen.

One row per child looked after on the as-of date. What is due and overdue comes from the
rules engine (the child's profile); the plan, its contingency and the progress towards it
from what is recorded; the costs from the profile's `[costs]` (`permanence.reports.costs`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from permanence.domain.care import (
    ADOPTION_PLACEMENTS,
    LONG_TERM_FOSTER_PLACEMENTS,
)
from permanence.domain.model import Child, PermanencePlan
from permanence.profiles import load_profile
from permanence.reports.common import fmt, plan_words
from permanence.reports.costs import cost_to_date, projected_to_18, weekly_cost
from permanence.rules.engine import Case, ChildResult, Obligation, Status, evaluate_child
from permanence.ssda903 import labels
from permanence.workingdays import ENGLAND_AND_WALES, WorkingDayCalendar

RULE = "bolton.reports"
SOURCE = "Bolton Permanence policy, 11.2 Tracking Permanence ('Permanence Tracker')"


@dataclass(frozen=True)
class TrackerRow:
    child: str
    profile: str
    team: str
    social_worker: str
    age: int | None
    legal_status: str
    legal_status_label: str
    placement: str
    placement_label: str
    placement_group: str
    placement_start: date
    days_in_placement: int
    care_start: date
    plan: str  # the route's code ("adoption"), "" when none is recorded
    plan_label: str
    contingency: str
    contingency_label: str
    plan_agreed: date | None
    progress: str
    next_due: str
    next_due_date: date | None
    overdue: int
    overdue_items: tuple[str, ...]
    weekly_cost: float | None
    cost_to_date: float | None
    projected_to_18: float | None
    moves_12m: int


def current_plan(case: Case) -> PermanencePlan | None:
    """The plan in force on the as-of date: the latest agreed in the current period of
    care (a plan from an earlier period does not carry over a return home and re-entry)."""
    period = case.current_period
    if period is None:
        return None
    plans = [p for p in case.child.recorded.plans if period.start <= p.agreed <= case.as_of]
    return max(plans, key=lambda p: p.agreed) if plans else None


def progress(case: Case) -> str:
    """The steps towards permanence the records show for the current period of care, in
    order: 'plan agreed 05 Jan 2024; placement order made; matched 01 Mar 2024; ...'."""
    period = case.current_period
    if period is None:
        return ""
    child, as_of = case.child, case.as_of

    def within(day: date | None) -> bool:
        return day is not None and period.start <= day <= as_of

    steps: list[tuple[date, str]] = []
    plan = current_plan(case)
    if plan is not None:
        steps.append((plan.agreed, f"plan agreed {fmt(plan.agreed)}"))
    for d in child.recorded.decisions:
        if d.outcome != "approved" or not within(d.made):
            continue
        words = {
            "adm_ratification": "plan ratified by the agency decision maker",
            "long_term_match": "long-term match ratified",
            "reunification_ratified": "return home ratified at review",
            "ltf_under_5": "long-term fostering approved",
            "residential_approved": "long-term residential care approved",
        }.get(d.kind)
        if words:
            steps.append((d.made, f"{words} {fmt(d.made)}"))
    for pr in child.recorded.proceedings:
        if within(pr.issued):
            steps.append((pr.issued, f"proceedings issued {fmt(pr.issued)}"))
    for o in child.recorded.orders:
        if within(o.made):
            steps.append((o.made, f"{o.kind.replace('_', ' ').upper()} order made {fmt(o.made)}"))
    for span in period.legal_statuses():
        if span.status in ("E1", "D1") and span.start <= as_of:
            steps.append((span.start, f"placement order made {fmt(span.start)}"))
            break
    for a in child.adoption_decisions:
        if within(a.decided):
            steps.append((a.decided, f"should be placed for adoption {fmt(a.decided)}"))
        if within(a.matched):
            steps.append((a.matched, f"matched {fmt(a.matched)}"))
    placement = case.current_placement
    if placement is not None:
        if placement.placement in ADOPTION_PLACEMENTS:
            steps.append((placement.start, f"placed for adoption {fmt(placement.start)}"))
        elif placement.placement in LONG_TERM_FOSTER_PLACEMENTS:
            steps.append((placement.start, f"in a long-term foster home {fmt(placement.start)}"))
        elif placement.placement == "P1":
            steps.append((placement.start, f"placed with parents {fmt(placement.start)}"))
    if not steps:
        return "no plan recorded" if case.knows("plans") else "no plan recorded (not in the 903)"
    steps.sort(key=lambda s: s[0])
    return "; ".join(words for _, words in steps)


def next_due(result: ChildResult) -> Obligation | None:
    """The earliest overdue obligation, else the earliest still to come."""
    todo = [o for o in result.obligations if o.status is Status.OVERDUE]
    if not todo:
        todo = [o for o in result.obligations if o.status is Status.UPCOMING]
    todo = [o for o in todo if o.due is not None]
    return min(todo, key=lambda o: (o.due, o.rule)) if todo else None


def tracker_row(
    case: Case,
    result: ChildResult,
    costs: Mapping[str, float],
    *,
    profile: str = "national",
    team: str = "",
    social_worker: str = "",
) -> TrackerRow | None:
    """The child's row on the case's as-of date; None when not looked after that day."""
    period = case.current_period
    placement = case.current_placement
    if period is None or placement is None:
        return None
    episode = period.episodes[-1]
    plan = current_plan(case)
    due = next_due(result)
    overdue = [o for o in result.obligations if o.status is Status.OVERDUE]
    return TrackerRow(
        child=case.child.id,
        profile=profile,
        team=team,
        social_worker=social_worker,
        age=case.child.age_on(case.as_of),
        legal_status=episode.legal_status,
        legal_status_label=labels.legal_status(episode.legal_status),
        placement=placement.placement,
        placement_label=labels.placement(placement.placement),
        placement_group=labels.placement_group(placement.placement),
        placement_start=placement.start,
        days_in_placement=(case.as_of - placement.start).days,
        care_start=period.start,
        plan=plan.primary if plan else "",
        plan_label=plan_words(plan.primary) if plan else "",
        contingency=plan.contingency if plan else "",
        contingency_label=plan_words(plan.contingency) if plan and plan.contingency else "",
        plan_agreed=plan.agreed if plan else None,
        progress=progress(case),
        next_due=due.title if due else "",
        next_due_date=due.due if due else None,
        overdue=len(overdue),
        overdue_items=tuple(f"{o.title} (due {fmt(o.due)})" for o in overdue),
        weekly_cost=weekly_cost(costs, placement.placement),
        cost_to_date=cost_to_date(case, costs),
        projected_to_18=projected_to_18(case, costs),
        moves_12m=len(case.moves_in_last_12_months()),
    )


def tracker_rows(
    children: Iterable[Child],
    as_of: date,
    profile: str = "national",
    *,
    calendar: WorkingDayCalendar = ENGLAND_AND_WALES,
    teams: Mapping[str, tuple[str, str]] | None = None,
) -> list[TrackerRow]:
    """Every child of a return looked after on `as_of`, under one profile, by child id.
    `teams` may give each child's (team, social worker), which a return does not hold."""
    p = load_profile(profile)
    rows = []
    for child in children:
        case = Case(child, as_of, calendar, p.params)
        if case.current_period is None:
            continue
        team, worker = (teams or {}).get(child.id, ("", ""))
        row = tracker_row(
            case,
            evaluate_child(p.rules, case),
            p.costs,
            profile=p.name,
            team=team,
            social_worker=worker,
        )
        if row is not None:
            rows.append(row)
    rows.sort(key=lambda r: r.child)
    return rows
