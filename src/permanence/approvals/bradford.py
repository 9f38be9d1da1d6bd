"""Bradford Children and Families Trust: Permanence Policy and Guidance,
policies/004_b99bb409667e0dca.txt.

When a foster placement counts as long-term foster care: the definition the policy takes
from the Care Planning and Fostering (Miscellaneous Amendments) (England) Regulations 2015.
It is a definition, not an approval: nobody signs it off, every part must be true.
"""

from __future__ import annotations

from permanence.approvals.base import Checklist, evidence_start, plan_in_force
from permanence.approvals.model import ChecklistResult, Item
from permanence.domain.care import FOSTER_PLACEMENTS, LONG_TERM_FOSTER_PLACEMENTS
from permanence.rules.bradford import POLICY
from permanence.rules.engine import Case, fmt


class LongTermFosterCareDefinition(Checklist):
    id = "bradford.ltf_definition"
    title = "Long-term foster care: the three conditions"
    source = (
        f"{POLICY}, Long Term Foster Care ('The Care Planning and Fostering (Miscellaneous"
        " Amendments) (England) Regulations 2015 provide a definition of a long-term foster"
        " placement')"
    )
    approver = "No approval: a placement is long-term foster care once all three are true"

    def evaluate(self, case: Case) -> ChecklistResult | None:
        period, home = case.current_period, case.current_placement
        if period is None or home is None or home.placement not in FOSTER_PLACEMENTS:
            return None
        plan = plan_in_force(case, period)
        planned = plan is not None and plan.primary == "long_term_fostering"
        if planned:
            because = f"In foster care ({home.placement}); the plan for permanence is long-term fostering (agreed {fmt(plan.agreed)})"
        elif home.placement in LONG_TERM_FOSTER_PLACEMENTS:
            because = f"Placed in long-term foster care ({home.placement}) since {fmt(home.start)}"
        else:
            return None
        since = max(evidence_start(period), home.start)
        confirm = "The authority has confirmed the arrangement to the"
        items = [
            Item(
                "plan_is_foster_care",
                "The child's plan for permanence is foster care",
                plan.agreed if planned else None,
                f"plan for permanence: long-term fostering, agreed {fmt(plan.agreed)}"
                if planned
                else "The plan for permanence recorded is not foster care: record the plan",
                False,
            ),
            self.tick_item(
                case,
                "carer_agreed",
                "The foster carer has agreed to look after the child until they cease to be"
                " in care",
                since,
                "Tick when the foster carer has agreed",
            ),
            self.tick_item(
                case,
                "confirmed_to_carer",
                f"{confirm} foster carer",
                since,
                "Tick when it has been confirmed to the foster carer",
            ),
            self.tick_item(
                case,
                "confirmed_to_child",
                f"{confirm} child",
                since,
                "Tick when it has been confirmed to the child",
            ),
            self.tick_item(
                case,
                "confirmed_to_parents",
                f"{confirm} child's birth parents",
                since,
                "Tick when it has been confirmed to the birth parents",
            ),
        ]
        return self.result(because, items)


CHECKLISTS = (LongTermFosterCareDefinition,)
