"""Luton Council: Permanence Planning Guidance, policies/003_28739d47153ebcd7.txt."""

from __future__ import annotations

from collections.abc import Iterator

from permanence.domain.care import ADOPTION_PLACEMENTS, LONG_TERM_FOSTER_PLACEMENTS
from permanence.domain.roles import ADM
from permanence.rules.common import (
    MeetingEvery,
    decisions_of,
    fmt,
    placements_in,
)
from permanence.rules.engine import Case, Obligation, Rule, first_on_or_after
from permanence.workingdays import add_months

POLICY = "Luton Permanence Planning Guidance"


class PermanencyPlanningMeeting(MeetingEvery):
    """A Permanency Planning Meeting within 4 weeks of entering care, then every 4 weeks
    until the permanent placement is secured."""

    id = "luton.ppm"
    title = "Permanency Planning Meeting"
    source = (
        f"{POLICY}, 'a Permanency Planning Meeting within 4 weeks of them entering Local"
        " Authority Care and then reviewed at 4 weekly intervals'"
    )
    meeting_kind = "permanence_planning"

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        period = case.current_period
        if period is None or period.began_before_data:
            return
        secured = next(
            (
                p.start
                for p in case.placements(period)
                if p.placement in LONG_TERM_FOSTER_PLACEMENTS | ADOPTION_PLACEMENTS
            ),
            None,
        )
        yield from self.every_weeks(
            case, period, case.param(self.id, "weeks", 4), stop=secured, began="entering care"
        )


class ADMRatification(Rule):
    """The Agency Decision Maker ratifies the permanence plan within 2 months of the 2nd
    review."""

    id = "luton.adm_ratification"
    title = "ADM ratifies the permanence plan"
    source = f"{POLICY}, 'ratify the child's care plan for permanence within 2 months of the child 2nd looked after Children review'"
    needs = ("decisions",)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        months = case.param(self.id, "months", 2)
        ratified = decisions_of(case, "adm_ratification", frozenset({ADM}))
        for period in case.care_periods:
            slot = case.slot(period, 2)
            if slot is None or slot.held is None:
                if slot is not None and slot.due < case.as_of:
                    due = add_months(slot.due, months)
                    yield self.obligation(
                        case,
                        due,
                        first_on_or_after(ratified, period.start, period.end),
                        f"{months} months after the second review (due {fmt(slot.due)}, not held)",
                        period,
                    )
                continue
            due = add_months(slot.held, months)
            yield self.obligation(
                case,
                due,
                first_on_or_after(ratified, period.start, period.end),
                f"{months} months after the second review held {fmt(slot.held)}",
                period,
            )


class FosteringPanel(Rule):
    """Permanent fostering goes to the Fostering Panel for children under 13 (13 and over
    where it benefits them). From the 903, a long-term foster placement (U1/U4)."""

    id = "luton.fostering_panel"
    title = "Permanent fostering presented to the Fostering Panel"
    source = f"{POLICY}, Permanent Fostering"
    needs = ("meetings",)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        held = [m.held for m in case.child.recorded.meetings if m.kind == "fostering_panel"]
        for period, p in placements_in(case, LONG_TERM_FOSTER_PLACEMENTS):
            age = case.age_on(p.start)
            if age is None or age >= case.param(self.id, "under_age", 13):
                continue
            yield self.obligation(
                case,
                p.start,
                first_on_or_after(held, period.start, p.end),
                f"when the placement became permanent fostering on {fmt(p.start)} (age {age})",
                period,
            )


RULES = (PermanencyPlanningMeeting, ADMRatification, FosteringPanel)
