"""Blackburn with Darwen: Permanence policy, policies/002_7ce2db681111e704.txt.

The long-term match (Lasting Homes panel), long-term residential care and a plan of
reunification each need an approval with prerequisites.
"""

from __future__ import annotations

from datetime import date, timedelta

from permanence.approvals.base import (
    MEETING_WORDS,
    Checklist,
    assessed,
    evidence_start,
    in_window,
    meetings,
    plan_in_force,
    role_words,
)
from permanence.approvals.model import ChecklistResult, Item
from permanence.domain.care import FOSTER_PLACEMENTS, LONG_TERM_FOSTER_PLACEMENTS
from permanence.domain.roles import IRO, normalise
from permanence.rules.blackburn import (
    HEAD_OF_SERVICE_OR_ABOVE,
    POLICY,
    LongTermResidential,
    Reunification,
)
from permanence.rules.common import decisions_of
from permanence.rules.engine import Case, fmt

LONG_TERM_MATCH_SOURCE = (
    f"{POLICY}, 'Approving our children and young people's home as their long-term home'"
    " ('The above plans of permanence should be approved via Head of Service through a"
    " long-term matching panel'; 'For a home to be long-term matched the following will need"
    " to have taken place'); 8 Staying Put ('preliminary discussions about this option should"
    " be held with the foster carers before ratifying a foster care home as permanent')"
)


class LongTermMatch(Checklist):
    """A foster home is ratified as the child's long-term home by the Head of Service at
    the long-term matching (Lasting Homes) panel, once each prerequisite is in place."""

    id = "blackburn.long_term_match"
    title = "Long-term match of a foster home (Lasting Homes panel)"
    source = LONG_TERM_MATCH_SOURCE
    approver = "Head of Service or above, at the long-term matching (Lasting Homes) panel"
    approver_roles = HEAD_OF_SERVICE_OR_ABOVE
    decision_kind = "long_term_match"

    def decision_word(self) -> str:
        return "A long-term match"

    def evaluate(self, case: Case) -> ChecklistResult | None:
        period, home = case.current_period, case.current_placement
        if period is None or home is None or home.placement not in FOSTER_PLACEMENTS:
            return None
        plan = plan_in_force(case, period)
        if plan is not None and plan.primary == "long_term_fostering":
            because = f"In foster care ({home.placement}); the plan for permanence is long-term fostering (agreed {fmt(plan.agreed)})"
        elif home.placement in LONG_TERM_FOSTER_PLACEMENTS:
            because = f"Placed in long-term foster care ({home.placement}) since {fmt(home.start)}"
        else:
            return None
        since = evidence_start(period)
        # The assessment and the views are about this home: they count from the move in.
        in_home = max(since, home.start)
        approved = self.approval(case, period.start)
        cpm = meetings(case, "care_planning", in_home)
        discussed = [
            d for d in decisions_of(case, "staying_put_discussed") if in_window(d, since, case)
        ]
        items = [
            self.record_item(
                case,
                "cf_assessment",
                "Child & Family assessment completed, which considers how the child's home is"
                " meeting their needs and supporting positive outcomes",
                assessed(case, ("child_and_family",), in_home),
                f"No child and family assessment since the child moved in on {fmt(home.start)}:"
                " record the assessment",
            ),
            self.tick_item(
                case,
                "childs_views",
                "The child's views have been sought and captured through high-quality direct work",
                in_home,
                "Tick when the child's views have been captured",
            ),
            self.tick_item(
                case,
                "carers_views",
                "Carers' views, including an understanding of their long-term commitment to"
                " caring for the child",
                in_home,
                "Tick when the carers' views and their long-term commitment are recorded",
            ),
            self.tick_item(
                case,
                "parents_views",
                "Parents' views",
                in_home,
                "Tick when the parents' views are recorded",
            ),
            self.record_item(
                case,
                "multi_agency_views",
                "The views of multi-agency professionals, with consideration to how the carers"
                " are meeting the child's needs",
                (cpm[-1].held, f"multi-agency care planning meeting {fmt(cpm[-1].held)}")
                if cpm
                else None,
                "No multi-agency care planning meeting since the child moved in: record the"
                " meeting, or tick when the views are recorded",
                tickable=True,
                since=in_home,
            ),
            self.tick_item(
                case,
                "iro_ratified",
                "The views of the IRO, and the proposed plan ratified at the child's looked"
                " after review",
                in_home,
                _review_hint(case, in_home),
            ),
            Item(
                "staying_put",
                "Preliminary discussions about Staying Put held with the foster carers,"
                " whatever the child's age",
                discussed[0] if discussed else None,
                f"Staying Put discussed {fmt(discussed[0])}"
                if discussed
                else "Not recorded: record the decision 'Staying Put considered'",
                False,
            ),
        ]
        return self.result(because, items, approved)


def _review_hint(case: Case, since: date) -> str:
    held = [r.date for r in case.reviews if r.date >= since]
    if held:
        return f"Tick when the IRO ratified the plan at a review (last review held {fmt(held[-1])})"
    return "Tick when the IRO ratified the plan at a review (no review since the move)"


class Residential(Checklist):
    """Long-term residential care: in exceptional circumstances, in line with the child's
    assessed needs and care plan, with Head of Service approval."""

    id = LongTermResidential.id
    title = LongTermResidential.title
    source = (
        f"{LongTermResidential.source} ('This option should be in exceptional circumstances,"
        " in line with the child's assessed needs and care plan and with Head of Service approval')"
    )
    approver = "Head of Service or above"
    approver_roles = LongTermResidential.roles
    decision_kind = LongTermResidential.decision_kind

    def evaluate(self, case: Case) -> ChecklistResult | None:
        period = case.current_period
        plan = plan_in_force(case, period)
        if period is None or plan is None or plan.primary != LongTermResidential.plan_kind:
            return None
        since = evidence_start(period)
        items = [
            Item(
                "care_plan",
                "Residential care is the child's care plan",
                plan.agreed,
                f"plan for permanence: residential care, agreed {fmt(plan.agreed)}",
                False,
            ),
            self.record_item(
                case,
                "assessed_needs",
                "The child's assessed needs call for residential care",
                assessed(case, ("child_and_family",), since),
                "No child and family assessment in this period of care: record it, or tick"
                " when the needs are assessed",
                tickable=True,
                since=since,
            ),
            self.tick_item(
                case,
                "exceptional",
                "The exceptional circumstances are recorded",
                since,
                "Tick when the reasons this is exceptional are recorded",
            ),
        ]
        # PlanApproval: an approval up to a month before the plan counts.
        approved = self.approval(case, plan.agreed - timedelta(days=31))
        return self.result(
            f"The plan for permanence is residential care (agreed {fmt(plan.agreed)})",
            items,
            approved,
        )


class ReunificationChecklist(Checklist):
    """A plan of reunification: an up to date assessment, a care planning meeting chaired
    by the Head of Service for Corporate Parenting and Permanence, and ratification at a
    CLA review by the IRO before the child returns home."""

    id = Reunification.id
    title = "Plan of reunification ratified before the return home"
    source = (
        f"{Reunification.source} ('For any care plan of reunification an up to date assessment"
        " is required'; 'a care planning meeting will be held and chaired by the Head of"
        " Service for Corporate Parenting and Permanence'; 'formally ratified at a CLA review"
        " by the IRO prior to the child or young person returning home')"
    )
    approver = "The IRO, at a looked after (CLA) review, before the child returns home"
    approver_roles = frozenset({IRO})
    decision_kind = "reunification_ratified"

    def decision_word(self) -> str:
        return "A ratification"

    def evaluate(self, case: Case) -> ChecklistResult | None:
        period = case.current_period
        returned = None
        if period is None and case.care_periods:
            last = case.care_periods[-1]
            if last.end_reason == "E4A":
                period, returned = last, last.end
        if period is None:
            return None
        plan = plan_in_force(case, period)
        if returned is not None:
            because = f"Returned home as planned (E4A) on {fmt(returned)}"
        elif plan is not None and plan.primary == "home":
            because = f"The plan for permanence is a return home (agreed {fmt(plan.agreed)})"
        else:
            return None
        since = evidence_start(period)
        held = meetings(case, "care_planning", since, returned)
        chaired = [m for m in held if normalise(m.chair_role) in HEAD_OF_SERVICE_OR_ABOVE]
        others = [m for m in held if normalise(m.chair_role) not in HEAD_OF_SERVICE_OR_ABOVE]
        items = [
            self.record_item(
                case,
                "assessment",
                "An up to date assessment: why the child became looked after, their current"
                " needs, and the parents' capacity to meet them",
                assessed(case, ("child_and_family", "parenting"), since),
                "No child and family or parenting assessment in this period of care: record it",
            ),
            Item(
                "care_planning_meeting",
                "A care planning meeting chaired by the Head of Service for Corporate Parenting"
                " and Permanence agreed the plan and the support around the child",
                chaired[-1].held if chaired else None,
                f"{MEETING_WORDS['care_planning']} chaired by {role_words(chaired[-1].chair_role)}"
                f" {fmt(chaired[-1].held)}"
                if chaired
                else (
                    f"The care planning meeting on {fmt(others[-1].held)} was chaired by"
                    f" {role_words(others[-1].chair_role)}: the Head of Service chairs it"
                    if others
                    else "No care planning meeting chaired by the Head of Service recorded"
                ),
                False,
            ),
        ]
        approved = self.approval(case, period.start, returned)
        late = [
            d
            for d in decisions_of(case, self.decision_kind, self.approver_roles)
            if returned is not None and returned < d <= case.as_of
        ]
        not_counted = approved[2] + tuple(
            f"Ratified on {fmt(d)}, after the child returned home on {fmt(returned)}: it must"
            " come before the return"
            for d in late
        )
        return self.result(because, items, (approved[0], approved[1], not_counted))


CHECKLISTS = (LongTermMatch, Residential, ReunificationChecklist)
