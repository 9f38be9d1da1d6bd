"""Blackburn with Darwen: Permanence policy, policies/002_7ce2db681111e704.txt."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from permanence.domain.roles import IRO, at_least
from permanence.rules.common import (
    BeforePlannedReturnHome,
    MeetingEvery,
    PlanApproval,
    before_care_window,
    decisions_of,
    fmt,
    meetings_of,
)
from permanence.rules.engine import Alert, Case, Obligation, Rule, first_on_or_after
from permanence.workingdays import add_months, add_weeks

POLICY = "Blackburn with Darwen Permanence policy"
HEAD_OF_SERVICE_OR_ABOVE = at_least("head_of_service")

# REASON_PLACE_CHANGE codes for a placement that ended without being planned: the carer,
# the child or an allegation ended it, or the provider closed or lost approval.
UNPLANNED_ENDINGS = frozenset({"ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "CLOSE"})


class EnteringCare(Rule):
    """The decision for a child to enter care is made by a Head of Service or above,
    after a Legal Gateway Panel."""

    id = "blackburn.entering_care"
    title = "Head of Service decision to enter care"
    source = f"{POLICY}, 6 Becoming Looked After"
    needs = ("decisions",)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        decided = decisions_of(case, "entering_care", HEAD_OF_SERVICE_OR_ABOVE)
        for period in case.care_periods:
            if period.began_before_data:
                continue
            yield self.obligation(
                case,
                period.start,
                first_on_or_after(decided, before_care_window(case, period), period.end),
                f"before care began on {fmt(period.start)}",
                period,
            )


class PreProceedings(Rule):
    """Once pre-proceedings is agreed at the Legal Gateway Panel: the letter within 5
    working days, the first PLO meeting within 10 working days, and a review at the
    panel 14 weeks after the decision."""

    id = "blackburn.pre_proceedings"
    title = "Pre-proceedings timescales"
    source = f"{POLICY}, 6 Pre-Proceedings meetings"
    needs = ("meetings", "decisions")
    trigger = ("decisions",)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        letters = decisions_of(case, "pre_proceedings_letter")
        plo = meetings_of(case, "plo")
        panels = meetings_of(case, "legal_gateway_panel")
        for decided in decisions_of(case, "pre_proceedings"):
            after = decided + timedelta(days=1)
            yield self.obligation(
                case,
                case.calendar.add_working_days(decided, 5),
                first_on_or_after(letters, decided),
                f"letter: 5 working days after the panel decision on {fmt(decided)}",
            )
            yield self.obligation(
                case,
                case.calendar.add_working_days(decided, 10),
                first_on_or_after(plo, decided),
                f"first PLO meeting: 10 working days after the decision on {fmt(decided)}",
            )
            yield self.obligation(
                case,
                add_weeks(decided, 14),
                first_on_or_after(panels, after),
                f"review at the Legal Gateway Panel 14 weeks after {fmt(decided)}",
            )


class FinalCarePlanning(Rule):
    """A Final Care Planning Meeting two weeks before final evidence is filed, chaired by
    the Head of Service."""

    id = "blackburn.final_care_planning"
    title = "Final care planning meeting"
    source = f"{POLICY}, 6 Final Evidence Care Planning"
    needs = ("meetings",)
    trigger = ("proceedings",)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        held = meetings_of(case, "final_care_planning")
        for pr in case.child.recorded.proceedings:
            if pr.final_evidence is None:
                continue
            yield self.obligation(
                case,
                pr.final_evidence - timedelta(weeks=2),
                first_on_or_after(held, pr.issued),
                f"2 weeks before final evidence is filed on {fmt(pr.final_evidence)}",
            )


class CarePlanning6Weeks(MeetingEvery):
    """A multi-agency care planning meeting at least every 6 weeks, unless the home has
    been ratified as a lasting home with an approved reduced frequency."""

    id = "blackburn.care_planning_6_weeks"
    title = "Care planning meeting (6-weekly)"
    source = f"{POLICY}, 6 Multi-Agency Care Planning Meetings"
    meeting_kind = "care_planning"

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        period = case.current_period
        if period is None:
            return
        reduced = decisions_of(case, "reduced_care_planning")
        stop = next((d for d in reduced if d >= period.start), None)
        yield from self.every_weeks(case, period, case.param(self.id, "weeks", 6), stop=stop)


class ChildAndFamilyAssessment12Months(Rule):
    """A child and family assessment once a child has lived in the current home for
    twelve months, to consider the most suitable long-term plan."""

    id = "blackburn.cf_assessment_12_months"
    title = "Child and family assessment at 12 months in the home"
    source = (
        f"{POLICY}, 6 Reviewing, and monitoring ('lived in their current home for twelve months')"
    )
    needs = ("assessments",)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        p = case.current_placement
        if p is None:
            return
        due = add_months(p.start, 12)
        done = first_on_or_after(
            (a.completed for a in case.child.recorded.assessments if a.kind == "child_and_family"),
            p.start,
        )
        yield self.obligation(
            case, due, done, f"12 months after moving in on {fmt(p.start)}", case.current_period
        )


class DisruptionMeeting(Rule):
    """When a home is at risk, a stability meeting; an unplanned ending has an Unplanned
    Ending and Disruption Meeting chaired by an IRO. From the 903: a placement that ended
    for a reason that was not planned, in the last 12 months."""

    id = "blackburn.stability_meeting"
    title = "Unplanned ending: disruption meeting"
    source = f"{POLICY}, 8 Stability and Unplanned Ending Meetings"

    def evaluate(self, case: Case) -> Iterator[Alert]:
        held = meetings_of(case, "disruption")
        since = add_months(case.as_of, -12)
        for period in case.periods:
            for p in case.placements(period):
                if (
                    not p.is_move
                    or p.start <= since
                    or p.reason_place_change not in UNPLANNED_ENDINGS
                ):
                    continue
                if case.knows("meetings") and first_on_or_after(held, p.start - timedelta(days=1)):
                    continue
                yield self.alert(
                    f"A placement ended unplanned ({p.reason_place_change}) on {fmt(p.start)}:"
                    " a disruption meeting chaired by an IRO is expected"
                )


class Reunification(BeforePlannedReturnHome):
    """A plan of return home is agreed at a care planning meeting chaired by the Head of
    Service and ratified at a review by the IRO before the child returns. From the 903,
    each planned return home (REC E4A)."""

    id = "blackburn.reunification"
    title = "Reunification plan ratified at review before the return"
    source = f"{POLICY}, 9 Plans of Reunification"
    needs = ("decisions",)

    def done_dates(self, case: Case) -> list[date]:
        return decisions_of(case, "reunification_ratified", frozenset({IRO}))


class LongTermResidential(PlanApproval):
    """Long-term residential care needs Head of Service approval."""

    id = "blackburn.residential"
    title = "Head of Service approval: long-term residential"
    source = f"{POLICY}, 4 Long Term Residential Care"
    plan_kind = "residential"
    decision_kind = "residential_approved"
    roles = HEAD_OF_SERVICE_OR_ABOVE


RULES = (
    EnteringCare,
    PreProceedings,
    FinalCarePlanning,
    CarePlanning6Weeks,
    ChildAndFamilyAssessment12Months,
    DisruptionMeeting,
    Reunification,
    LongTermResidential,
)
