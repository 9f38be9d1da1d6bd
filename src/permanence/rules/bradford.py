"""Bradford Children and Families Trust: Permanence Policy and Guidance,
policies/004_b99bb409667e0dca.txt."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from permanence.rules.common import fmt, plan_deadline
from permanence.rules.engine import Case, Obligation, Rule, first_on_or_after
from permanence.workingdays import add_weeks

POLICY = "Bradford Permanence Policy and Guidance"


class Plan16Weeks(Rule):
    """A permanence plan by the 2nd review, 'i.e. within 16 weeks of coming into care';
    the earlier of the two is due."""

    id = "bradford.plan_16_weeks"
    title = "Permanence plan (2nd review, 16 weeks)"
    source = f"{POLICY}, 'by the time of his/her second Child in Care review (i.e. within 16 weeks of coming into care)'"
    needs = ("plans",)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        weeks = case.param(self.id, "weeks", 16)
        for period in case.care_periods:
            sixteen = add_weeks(period.start, weeks)
            ob = plan_deadline(
                self, case, period, sixteen, f"{weeks} weeks in care ({fmt(sixteen)})"
            )
            if ob is not None:
                yield ob


class AdoptionBalanceSheet(Rule):
    """Every adoption plan has a balance sheet of the realistic options (Re B-S). From the
    903, the decision that the child should be placed for adoption."""

    id = "bradford.adoption_balance_sheet"
    title = "Re B-S balance sheet for the adoption plan"
    source = f"{POLICY}, Adoption (balance sheet of realistic options, Re B-S)"
    needs = ("assessments",)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        decided = sorted(
            {d.decided for d in case.child.placed_for_adoption if d.decided}
            | {d.decided for d in case.child.adoption_decisions if d.decided}
        )
        if not decided or decided[0] > case.as_of:
            return
        sheets = [a.completed for a in case.child.recorded.assessments if a.kind == "balance_sheet"]
        yield self.obligation(
            case,
            decided[0],
            first_on_or_after(sheets, date.min),
            f"by the decision that the child should be placed for adoption ({fmt(decided[0])})",
        )


RULES = (Plan16Weeks, AdoptionBalanceSheet)
