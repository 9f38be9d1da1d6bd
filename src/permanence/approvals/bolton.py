"""Bolton Council: Permanence Strategy, policies/000_4cd377d27a90ef23.txt.

Residential care as the long-term plan (endorsed by the Assistant Director at the Gateway
and Permanence Panel) and long-term fostering for a child under five (Head of Service).
"""

from __future__ import annotations

from datetime import timedelta

from permanence.approvals.base import (
    Checklist,
    assessed,
    evidence_start,
    meetings,
    plan_in_force,
)
from permanence.approvals.model import ChecklistResult, Item
from permanence.domain.care import LONG_TERM_FOSTER_PLACEMENTS
from permanence.domain.roles import at_least
from permanence.rules.bolton import LongTermFosteringUnder5, ResidentialEndorsed
from permanence.rules.engine import Case, fmt

# PlanApproval: an approval up to a month before the plan counts.
BEFORE_PLAN = timedelta(days=31)
# LongTermFosteringUnder5: an approval up to six months before the placement counts.
BEFORE_PLACEMENT = timedelta(days=183)


class ResidentialEndorsedChecklist(Checklist):
    """Residential as the long-term plan: a child and family assessment determines it,
    the Gateway and Permanence Panel reviews the case, and the Assistant Director endorses
    it there."""

    id = ResidentialEndorsed.id
    title = ResidentialEndorsed.title
    source = (
        f"{ResidentialEndorsed.source}: 'Childs case to be reviewed by Gateway and Permanence"
        " Panel. C&F required to determine if residential is the long-term permanence plan for"
        " the child - to be endorsed by AD at Gateway and Permanence Panel'"
    )
    approver = "Assistant Director or above, at the Gateway and Permanence Panel"
    approver_roles = ResidentialEndorsed.roles
    decision_kind = ResidentialEndorsed.decision_kind

    def decision_word(self) -> str:
        return "An endorsement"

    def evaluate(self, case: Case) -> ChecklistResult | None:
        period = case.current_period
        plan = plan_in_force(case, period)
        if period is None or plan is None or plan.primary != ResidentialEndorsed.plan_kind:
            return None
        since = evidence_start(period)
        panels = sorted(
            meetings(case, "permanence_panel", since) + meetings(case, "gateway_panel", since),
            key=lambda m: m.held,
        )
        items = [
            self.record_item(
                case,
                "cf_assessment",
                "A child and family assessment determines that residential care is the"
                " long-term plan",
                assessed(case, ("child_and_family",), since),
                "No child and family assessment in this period of care: record the assessment",
            ),
            self.record_item(
                case,
                "panel",
                "The child's case is reviewed by the Gateway and Permanence Panel",
                (panels[-1].held, f"Gateway and Permanence Panel {fmt(panels[-1].held)}")
                if panels
                else None,
                "Not heard at the Gateway and Permanence Panel in this period of care: record"
                " the panel as a meeting",
            ),
        ]
        return self.result(
            f"The plan for permanence is residential care (agreed {fmt(plan.agreed)})",
            items,
            self.approval(case, plan.agreed - BEFORE_PLAN),
        )


class LongTermFosteringUnder5Checklist(Checklist):
    """Long-term fostering for a child under five needs Head of Service approval before
    the long-term placement is confirmed."""

    id = LongTermFosteringUnder5.id
    title = LongTermFosteringUnder5.title
    source = LongTermFosteringUnder5.source
    approver = "Head of Service or above"
    approver_roles = at_least("head_of_service")
    decision_kind = "ltf_under_5"

    def decision_word(self) -> str:
        return "An approval"

    def evaluate(self, case: Case) -> ChecklistResult | None:
        period, home = case.current_period, case.current_placement
        if period is None or home is None:
            return None
        plan = plan_in_force(case, period)
        if home.placement in LONG_TERM_FOSTER_PLACEMENTS:
            age = case.age_on(home.start)
            if age is None or age >= 5:
                return None
            because = f"Placed in long-term foster care ({home.placement}) on {fmt(home.start)}, aged {age}"
            since, until = home.start - BEFORE_PLACEMENT, home.end
        elif plan is not None and plan.primary == "long_term_fostering":
            age = case.age_on(case.as_of)
            if age is None or age >= 5:
                return None
            because = f"The plan for permanence is long-term fostering (agreed {fmt(plan.agreed)}) for a child aged {age}"
            since, until = plan.agreed - BEFORE_PLAN, None
        else:
            return None
        plan_ok = plan is not None and plan.primary == "long_term_fostering"
        items = [
            Item(
                "plan",
                "The plan for permanence is long-term fostering",
                plan.agreed if plan_ok else None,
                f"agreed {fmt(plan.agreed)}" if plan_ok else "Record the plan for permanence",
                False,
            )
        ]
        return self.result(because, items, self.approval(case, since, until))


CHECKLISTS = (ResidentialEndorsedChecklist, LongTermFosteringUnder5Checklist)
