"""Bolton Council: Permanence Strategy ("Forever Planning"), policies/000_4cd377d27a90ef23.txt."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from permanence.domain.care import (
    ADOPTION_PLACEMENTS,
    EMERGENCY_LEGAL_STATUSES,
    LONG_TERM_FOSTER_PLACEMENTS,
    RESIDENTIAL_PLACEMENTS,
    legal_status_spans,
)
from permanence.domain.roles import at_least
from permanence.rules.common import (
    BeforePlannedReturnHome,
    PlanApproval,
    before_care_window,
    decisions_of,
    fmt,
    meetings_of,
    placements_in,
)
from permanence.rules.engine import Alert, Case, Obligation, Rule, first_on_or_after
from permanence.workingdays import add_weeks

POLICY = "Bolton Permanence Strategy"


class GatewayPanel(Rule):
    """Present to the Gateway element of the Gateway and Permanence Panel when (a) at risk
    of becoming looked after, (b) a plan to become looked after is agreed (issue proceedings
    or s20), (c) looked after in an emergency. From the 903, each period of care that
    starts in the data meets (b) or, where it began with police protection or an EPO, (c)."""

    id = "bolton.gateway_panel"
    title = "Gateway panel"
    source = f"{POLICY}, 2.4 Gateway and Permanence Panel, criteria a-c"
    needs = ("meetings",)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        held = meetings_of(case, "gateway_panel")
        for period in case.care_periods:
            if period.began_before_data:
                continue
            first = period.episodes[0]
            if first.legal_status in EMERGENCY_LEGAL_STATUSES:
                why = f"(c) looked after in an emergency ({first.legal_status}) on {fmt(period.start)}"
                due = case.calendar.add_working_days(
                    period.start, case.param(self.id, "emergency_working_days", 5)
                )
                why += ": at the next panel (profile setting emergency_working_days)"
            else:
                why = f"(b) plan to become looked after, agreed before care began on {fmt(period.start)}"
                due = period.start
            done = first_on_or_after(held, before_care_window(case, period), period.end)
            yield self.obligation(case, due, done, why, period)


class PPMBeforeSecondReview(Rule):
    """A Permanence Planning Meeting chaired by the team manager before the 2nd review;
    the plan, with its contingency, is endorsed at that review."""

    id = "bolton.ppm_before_second_review"
    title = "Permanence Planning Meeting before the second review"
    source = f"{POLICY}, 3.2 (Permanence Planning Meeting chaired by the Team Manager prior to the second review)"
    needs = ("meetings",)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        held = meetings_of(case, "permanence_planning")
        for period in case.care_periods:
            slot = case.slot(period, 2)
            if slot is None:
                continue
            due = slot.date - timedelta(days=1)
            done = first_on_or_after(held, period.start, period.end)
            label = "held" if slot.held else "due"
            yield self.obligation(
                case,
                due,
                done,
                f"the day before the second review ({label} {fmt(slot.date)})",
                period,
            )


class PermanencePanel(Rule):
    """Present to the permanence element of the panel when any of its criteria is met;
    each criterion met is named. From the 903: (a) in proceedings (an interim care order)
    for more than 26 weeks, (b) more than three moves in 12 months, (d) in residential
    care. (c) difficulty securing a plan, (e) joint funding and (f) returning for review
    need facts recorded in the application."""

    id = "bolton.permanence_panel"
    title = "Permanence panel criteria met"
    source = f"{POLICY}, 5 (permanence element of the Gateway and Permanence Panel, criteria a-f)"

    def evaluate(self, case: Case) -> Iterator[Alert]:
        period = case.current_period
        if period is None:
            return
        met = []
        for span in legal_status_spans(period.episodes):
            if span.status == "C1" and span.end is None:
                limit = add_weeks(span.start, case.param(self.id, "proceedings_weeks", 26))
                if limit < case.as_of:
                    met.append(
                        f"(a) in proceedings since {fmt(span.start)}, beyond 26 weeks on {fmt(limit)}"
                    )
        moves = case.moves_in_last_12_months()
        if len(moves) > 3:
            met.append(f"(b) {len(moves)} placement moves in the last 12 months")
        placement = case.current_placement
        if placement is not None and placement.placement in RESIDENTIAL_PLACEMENTS:
            met.append(
                f"(d) in residential care ({placement.placement}) since {fmt(placement.start)}"
            )
        if case.knows("plans") and case.knows("meetings"):
            from permanence.rules.national import second_review_date

            second = second_review_date(case, period)
            planned = any(p.agreed >= period.start for p in case.child.recorded.plans)
            if second and second[0] < case.as_of and not planned:
                met.append(f"(c) no permanence plan by {second[1]}")
        if met:
            yield self.alert("Meets: " + "; ".join(met))


class LongTermFosteringMatch(Rule):
    """A long-term fostering plan: a care planning meeting before the 3rd review confirms
    the match. From the 903 a long-term foster placement (U1/U4) shows the plan."""

    id = "bolton.ltf_match_before_third_review"
    title = "Long-term fostering match confirmed before the third review"
    source = f"{POLICY}, Appendix A (Care Planning Meeting prior to 3rd statutory review to confirm the long-term match)"
    needs = ("meetings",)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        held = meetings_of(case, "care_planning")
        for period in case.care_periods:
            plan_ltf = any(
                p.primary == "long_term_fostering" and period.contains(p.agreed)
                for p in case.child.recorded.plans
            )
            placed_ltf = any(
                p.placement in LONG_TERM_FOSTER_PLACEMENTS for p in case.placements(period)
            )
            if not (plan_ltf or placed_ltf):
                continue
            slot = case.slot(period, 3)
            if slot is None:
                continue
            due = slot.date - timedelta(days=1)
            done = first_on_or_after(held, period.start, period.end)
            label = "held" if slot.held else "due"
            yield self.obligation(
                case, due, done, f"before the third review ({label} {fmt(slot.date)})", period
            )


class ResidentialEndorsed(PlanApproval):
    """Residential care as the long-term plan is endorsed by the Assistant Director at the
    panel."""

    id = "bolton.residential_endorsed"
    title = "Residential plan endorsed by the Assistant Director"
    source = f"{POLICY}, Appendix A (Residential: endorsed by AD at Gateway and Permanence Panel)"
    plan_kind = "residential"
    decision_kind = "residential_endorsed"
    roles = at_least("assistant_director")


class LongTermFosteringUnder5(Rule):
    """Long-term fostering for a child under 5 needs Head of Service approval, before the
    long-term placement is confirmed."""

    id = "bolton.ltf_under_5"
    title = "Head of Service approval: long-term fostering under 5"
    source = f"{POLICY}, Appendix B (Long Term Fostering needs Head of Service approval if child is under five)"
    needs = ("decisions",)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        approved = decisions_of(case, "ltf_under_5", at_least("head_of_service"))
        for period, p in placements_in(case, LONG_TERM_FOSTER_PLACEMENTS):
            age = case.age_on(p.start)
            if age is None or age >= 5:
                continue
            yield self.obligation(
                case,
                p.start,
                first_on_or_after(approved, p.start - timedelta(days=183), p.end),
                f"before the long-term foster placement of a child aged {age} on {fmt(p.start)}",
                period,
            )


class FamilyGroupConference(BeforePlannedReturnHome):
    """A Family Group Conference before a child returns home. From the 903, each planned
    return home (REC E4A); the 'at risk of becoming looked after' case is before care and
    outside the return."""

    id = "bolton.fgc"
    title = "Family Group Conference before a return home"
    source = f"{POLICY}, 2.2 and 4.2 (Family Group Conferences)"
    needs = ("meetings",)

    words = "before the planned return home"

    def done_dates(self, case: Case) -> list[date]:
        return meetings_of(case, "family_group_conference")


class Genogram(Rule):
    """Every child has a genogram. The policy sets no timescale: expected from the start
    of care (Bolton asks for it as early as Early Help)."""

    id = "bolton.genogram"
    title = "Genogram"
    source = f"{POLICY}, 2.2 ('Every child should have a genogram')"
    needs = ("genogram",)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        period = case.current_period
        if period is None:
            return
        yield self.obligation(
            case,
            period.start,
            case.child.recorded.genogram,
            f"from the start of care on {fmt(period.start)}",
            period,
        )


class LifeStoryBook(Rule):
    """Every child placed for adoption has a Life Story Book. The policy sets no
    timescale: expected from the adoptive placement."""

    id = "bolton.life_story_book"
    title = "Life Story Book"
    source = f"{POLICY}, 7 (The Child's Life Story)"
    needs = ("life_story_book",)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        placed = list(placements_in(case, ADOPTION_PLACEMENTS))
        if not placed:
            return
        period, p = placed[0]
        yield self.obligation(
            case,
            p.start,
            case.child.recorded.life_story_book,
            f"from the adoptive placement on {fmt(p.start)}",
            period,
        )


class DelayCarePlanningMeeting(Rule):
    """Where permanence is delayed (no plan by the second review), the social worker
    convenes a care planning meeting."""

    id = "bolton.delay_cpm"
    title = "Care planning meeting where permanence is delayed"
    source = f"{POLICY}, 5 (When there is delay to permanence being achieved)"
    needs = ("meetings",)
    trigger = ("plans",)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        from permanence.rules.national import plan_agreed, second_review_date

        held = meetings_of(case, "care_planning")
        for period in case.care_periods:
            second = second_review_date(case, period)
            if second is None or second[0] >= case.as_of:
                continue
            agreed = plan_agreed(case, period)
            if agreed is not None and agreed <= second[0]:
                continue
            due = case.calendar.add_working_days(second[0], case.param(self.id, "working_days", 10))
            yield self.obligation(
                case,
                due,
                first_on_or_after(held, second[0] + timedelta(days=1)),
                f"permanence delayed past {second[1]}; the policy sets no timescale (profile setting)",
                period,
            )


RULES = (
    GatewayPanel,
    PPMBeforeSecondReview,
    PermanencePanel,
    LongTermFosteringMatch,
    ResidentialEndorsed,
    LongTermFosteringUnder5,
    FamilyGroupConference,
    Genogram,
    LifeStoryBook,
    DelayCarePlanningMeeting,
)
