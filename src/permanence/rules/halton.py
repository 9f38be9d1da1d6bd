"""Halton Borough Council: Permanence for Children in Care, policies/001_0c08b7872b73c330.txt."""

from __future__ import annotations

from collections.abc import Iterator

from permanence.domain.care import ADOPTION_PLACEMENTS, LONG_TERM_FOSTER_PLACEMENTS
from permanence.rules.common import MeetingEvery, fmt, plan_deadline
from permanence.rules.engine import Alert, Case, Obligation, Rule, first_on_or_after
from permanence.rules.national import second_review_date
from permanence.workingdays import add_months

POLICY = "Halton Permanence for Children in Care"

PLAN_ELEMENTS = {
    "objectives": "objectives and key tasks",
    "timescales": "timescales",
    "responsible": "who is responsible",
    "success_criteria": "success criteria",
    "contingency": "the contingency",
    "childs_voice": "the child's voice",
}


class PlanBySecondReview(Rule):
    """A permanence plan by the 2nd review or 4 months looked after, whichever is earlier."""

    id = "halton.plan_by_second_review"
    title = "Permanence plan (2nd review or 4 months)"
    source = f"{POLICY}, 'by the time of their second review or when they have been looked after for 4 months'"
    needs = ("plans",)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        months = case.param(self.id, "months", 4)
        for period in case.care_periods:
            four = add_months(period.start, months)
            ob = plan_deadline(
                self, case, period, four, f"{months} months looked after ({fmt(four)})"
            )
            if ob is not None:
                yield ob


class PlanElements(Rule):
    """A plan names objectives and key tasks, timescales, who is responsible, success
    criteria, the contingency, and the child's voice."""

    id = "halton.plan_elements"
    title = "Permanence plan has its six elements"
    source = f"{POLICY}, what a permanence plan must include"
    trigger = ("plans",)

    def evaluate(self, case: Case) -> Iterator[Alert]:
        plans = [p for p in case.child.recorded.plans if p.agreed <= case.as_of]
        if not plans:
            return
        latest = max(plans, key=lambda p: p.agreed)
        missing = [words for key, words in PLAN_ELEMENTS.items() if key not in latest.elements]
        if missing:
            yield self.alert(
                f"The plan agreed {fmt(latest.agreed)} does not name: " + ", ".join(missing)
            )


class PanelEveryPlan(MeetingEvery):
    """Every plan goes to the Permanency Review Panel; children are reviewed there until
    placed in an approved long-term placement, at least annually."""

    id = "halton.panel_every_plan"
    title = "Permanency Review Panel"
    source = f"{POLICY}, Permanency Review Panel"
    meeting_kind = "permanency_review_panel"

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        period = case.current_period
        if period is None:
            return
        placement = case.current_placement
        settled = placement is not None and placement.placement in (
            LONG_TERM_FOSTER_PLACEMENTS | ADOPTION_PLACEMENTS
        )
        second = second_review_date(case, period)
        if second is None or settled:
            return
        four = add_months(period.start, case.param("halton.plan_by_second_review", "months", 4))
        first = min(second[0], four)
        yield from self.chain(
            case,
            period,
            first,
            f"when the plan is made (by {fmt(first)})",
            lambda d: add_months(d, 12),
            "12 months",
        )


class SiblingsFirst(Rule):
    """ "Sibling assessments should take place before the plan for permanence is agreed"."""

    id = "halton.siblings_first"
    title = "Sibling assessment before the plan is agreed"
    source = f"{POLICY}, 'Sibling assessments should take place before the plan for permanence is agreed'"
    needs = ("assessments",)
    trigger = ("plans",)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        from permanence.rules.national import plan_agreed

        sibling = [a.completed for a in case.child.recorded.assessments if a.kind == "sibling"]
        for period in case.care_periods:
            agreed = plan_agreed(case, period)
            if agreed is None:
                continue
            yield self.obligation(
                case,
                agreed,
                first_on_or_after(sibling, period.start),
                f"before the permanence plan was agreed on {fmt(agreed)}",
                period,
            )


RULES = (PlanBySecondReview, PlanElements, PanelEveryPlan, SiblingsFirst)
