"""National rules (every profile): POLICY-RULES.md, "National rules".

Each class carries its id and source exactly as catalogued. The computation is in
`evaluate`; the docstring says what the source requires.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from permanence.domain.care import (
    FOSTER_PLACEMENTS,
    KINSHIP_PLACEMENTS,
    LONG_TERM_FOSTER_PLACEMENTS,
    PeriodOfCare,
    legal_status_spans,
)
from permanence.domain.roles import at_least, normalise
from permanence.rules.engine import Alert, Case, Obligation, Rule, first_on_or_after, fmt
from permanence.workingdays import add_months, add_weeks

HEAD_OF_SERVICE_OR_ABOVE = at_least("head_of_service")


class _ReviewRule(Rule):
    numbers: range

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        for period in case.care_periods:
            for slot in case.review_schedule(period):
                if slot.number in self.numbers:
                    yield self.obligation(case, slot.due, slot.held, slot.due_from, period)


class FirstReview(_ReviewRule):
    """The first review within 20 working days of the period of care starting."""

    id = "review.first"
    title = "First looked-after review"
    source = "CPPCR reg 33(2)(a); Bolton App. A"
    numbers = range(1, 2)


class SecondReview(_ReviewRule):
    """The second review within 3 months of the first."""

    id = "review.second"
    title = "Second review"
    source = "CPPCR reg 33(2)(b)"
    numbers = range(2, 3)


class SubsequentReview(_ReviewRule):
    """Each later review within 6 months of the previous one.

    Where the period began before the data reaches, and no review is in the data, the
    review is reported as unknown rather than overdue (POLICY-RULES, Conventions).
    """

    id = "review.subsequent"
    title = "Review (every 6 months)"
    source = "CPPCR reg 33(2)(c)"
    numbers = range(3, 10_000)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        yield from super().evaluate(case)
        for period in case.care_periods:
            if period.began_before_data and not case.review_schedule(period):
                yield self.obligation(
                    case,
                    None,
                    None,
                    "6 months after the previous review",
                    period,
                    known=False,
                    reason=(
                        f"care began before the data starts (earliest episode {fmt(period.start)})"
                        " and no review is in the data"
                    ),
                )


class CarePlan(Rule):
    """A care plan before the first placement, or within 10 working days of it."""

    id = "plan.care_plan"
    title = "Care plan"
    source = "CPPCR reg 4(2)"
    needs = ("care_plans",)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        days = case.param(self.id, "working_days", 10)
        for period in case.care_periods:
            if period.began_before_data:
                continue
            due = case.calendar.add_working_days(period.start, days)
            done = first_on_or_after(case.child.recorded.care_plans, date.min, period.end)
            yield self.obligation(
                case,
                due,
                done,
                f"{days} working days after the first placement on {fmt(period.start)}",
                period,
            )


class PlacementPlan(Rule):
    """A placement plan before each placement starts, else within 5 working days of it."""

    id = "plan.placement_plan"
    title = "Placement plan"
    source = 'CPPCR reg 9(2); Blackburn with Darwen "Placement Planning Meetings"'
    needs = ("placement_plans",)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        days = case.param(self.id, "working_days", 5)
        rec = case.child.recorded
        plans = rec.placement_plans + [
            m.held for m in rec.meetings if m.kind == "placement_planning"
        ]
        for period in case.care_periods:
            placements = case.placements(period)
            for i, p in enumerate(placements):
                earliest = placements[i - 1].start + timedelta(days=1) if i else date.min
                done = first_on_or_after(plans, earliest, p.end)
                due = case.calendar.add_working_days(p.start, days)
                yield self.obligation(
                    case,
                    due,
                    done,
                    f"{days} working days after the placement ({p.placement}) began on {fmt(p.start)}",
                    period,
                )


def second_review_date(case: Case, period: PeriodOfCare) -> tuple[date, str] | None:
    """The date a 'by the second review' deadline runs to: held if held, else due.

    Before the second review is scheduled (the first is still to come, or care ended
    first) it is projected from the first review, so the deadline shows from the start.
    None where the period began before the data or ended before the first review.
    """
    slot = case.slot(period, 2)
    if slot is not None:
        label = "held" if slot.held is not None else "due"
        return slot.date, f"the second review ({label} {fmt(slot.date)})"
    first = case.slot(period, 1)
    if first is None:
        return None
    due = add_months(first.date, case.param("review.second", "months", 3))
    label = "held" if first.held is not None else "due"
    return (
        due,
        f"the second review (due {fmt(due)}, 3 months after the first, {label} {fmt(first.date)})",
    )


def plan_agreed(case: Case, period: PeriodOfCare) -> date | None:
    return first_on_or_after(
        (p.agreed for p in case.child.recorded.plans), period.start, period.end
    )


class PermanencePlan(Rule):
    """A permanence plan by the second review (its date if held, else its due date)."""

    id = "plan.permanence"
    title = "Permanence plan in place"
    source = "all five policies; CPPCR reg 5"
    needs = ("plans",)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        for period in case.care_periods:
            second = second_review_date(case, period)
            if second is None:
                if period.began_before_data:
                    yield self.obligation(
                        case,
                        None,
                        plan_agreed(case, period),
                        "by the second review",
                        period,
                        known=False,
                        reason="care began before the data starts, so the second review is unknown",
                    )
                continue
            yield self.obligation(
                case, second[0], plan_agreed(case, period), f"by {second[1]}", period
            )


class SocialWorkerVisits(Rule):
    """Visits within 1 week of each placement start; then at most every 6 weeks in the
    placement's first year; after that at most every 3 months in a long-term placement to
    18, else every 6 weeks. Given for the placement in force on the as-of date."""

    id = "visits.social_worker"
    title = "Social worker visit"
    source = "CPPCR reg 28"
    needs = ("visits",)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        p = case.current_placement
        if p is None:
            return
        period = case.current_period
        visits = sorted(v for v in case.child.recorded.visits if p.start <= v <= case.as_of)
        long_term = p.placement in LONG_TERM_FOSTER_PLACEMENTS
        due = add_weeks(p.start, 1)
        why = f"1 week after the placement began on {fmt(p.start)}"
        if not case.knows("visits"):
            yield self.obligation(case, due, None, why, period)
            return
        for v in [*visits, None]:
            yield self.obligation(case, due, v, why, period)
            if v is None:
                return
            base = v
            if long_term and base >= add_months(p.start, 12):
                due, why = add_months(base, 3), f"3 months after the visit on {fmt(base)}"
            else:
                due, why = add_weeks(base, 6), f"6 weeks after the visit on {fmt(base)}"


class HealthAssessment(Rule):
    """A health assessment before the first review; then every 6 months under 5, every
    12 months from 5."""

    id = "health.assessment"
    title = "Health assessment"
    source = "CPPCR reg 7"
    needs = ("health_assessments",)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        period = case.current_period
        if period is None:
            return
        done_list = sorted(
            d for d in case.child.recorded.health_assessments if period.start <= d <= case.as_of
        )
        first = case.slot(period, 1)
        if first is not None:
            due = first.due - timedelta(days=1)
            why = f"before the first review (due {fmt(first.due)})"
        elif done_list:
            # Care began before the data: the first assessment recorded is the anchor, as
            # the first review in the data is for reviews; it is not an obligation itself.
            due, why = self._next(case, done_list.pop(0))
        else:
            yield self.obligation(
                case,
                None,
                None,
                "every 6 or 12 months",
                period,
                known=False,
                reason="care began before the data starts and no assessment is recorded",
            )
            return
        for d in [*done_list, None]:
            yield self.obligation(case, due, d, why, period)
            if d is None:
                return
            due, why = self._next(case, d)

    @staticmethod
    def _next(case: Case, done: date) -> tuple[date, str]:
        age = case.age_on(done)
        months = 6 if age is not None and age < 5 else 12
        return add_months(done, months), f"{months} months after the assessment on {fmt(done)}"


class Proceedings26Weeks(Rule):
    """Care proceedings concluded within 26 weeks of issue, plus recorded extensions.

    From the 903 the issue date is unknown: the first interim care order (LS C1) stands
    in for it, and proceedings are taken to conclude when the child leaves C1 (a full
    care order, placement order, or care ending)."""

    id = "proceedings.26_weeks"
    title = "Care proceedings concluded"
    source = "Children Act 1989 s32(1)(a); Bolton 5(a)"

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        weeks = case.param(self.id, "weeks", 26)
        if case.knows("proceedings"):
            for pr in case.child.recorded.proceedings:
                ext = sum(w for w, _ in pr.extensions)
                due = add_weeks(pr.issued, weeks + ext)
                why = f"{weeks} weeks after issue on {fmt(pr.issued)}"
                if ext:
                    why += (
                        f", extended by {ext} weeks ("
                        + "; ".join(r for _, r in pr.extensions)
                        + ")"
                    )
                yield self.obligation(case, due, pr.concluded, why, known=True)
            return
        for period in case.care_periods:
            for span in legal_status_spans(period.episodes):
                if span.status != "C1":
                    continue
                due = add_weeks(span.start, weeks)
                yield self.obligation(
                    case,
                    due,
                    span.end,
                    f"{weeks} weeks after the interim care order (C1) began on {fmt(span.start)},"
                    " standing in for the issue date",
                    known=True,
                )


class EmergencyProtectionOrder(Rule):
    """An EPO (LS L2) lasts 8 days, extendable once by 7 (15 at most)."""

    id = "order.epo"
    title = "Emergency protection order ends"
    source = "Children Act 1989 s45"

    def evaluate(self, case: Case) -> Iterator[Obligation | Alert]:
        for period in case.periods:
            for span in legal_status_spans(period.episodes):
                if span.status != "L2":
                    continue
                end = span.end
                lasted = ((end or case.as_of) - span.start).days
                due = span.start + timedelta(days=8)
                why = f"8 days after the order on {fmt(span.start)}"
                if lasted > 8:
                    due = span.start + timedelta(days=15)
                    why = (
                        f"15 days after the order on {fmt(span.start)} (8 days, extended once by 7)"
                    )
                yield self.obligation(case, due, end, why, known=True)
                if lasted > 15:
                    yield self.alert(
                        f"Emergency protection (L2) from {fmt(span.start)} has lasted {lasted} days:"
                        " an EPO lasts at most 15"
                    )


class SupervisionOrder(Rule):
    """A supervision order ends 1 year after it was made; extensions only up to 3 years
    from that date, never past the 18th birthday."""

    id = "order.supervision"
    title = "Supervision order ends"
    source = 'Children Act 1989 Sch 3 para 6; Bradford "Staying At Home Supported"'
    trigger = ("orders",)

    def evaluate(self, case: Case) -> Iterator[Obligation | Alert]:
        for order in case.child.recorded.orders:
            if order.kind != "supervision":
                continue
            limit = add_months(order.made, 36)

            eighteen = case.child.birthday(18)
            if eighteen is not None:
                limit = min(limit, eighteen)
            ends = order.ends or add_months(order.made, 12)
            yield self.obligation(
                case,
                min(ends, limit),
                None,
                f"1 year after the order on {fmt(order.made)}, or as extended (at most {fmt(limit)})",
                known=True,
            )
            if ends > limit:
                yield self.alert(
                    f"Supervision order made {fmt(order.made)} is recorded to end {fmt(ends)}:"
                    f" it cannot run past {fmt(limit)}"
                )


class ChildArrangementsOrder(Rule):
    """A child arrangements order (live with) lasts to 16, to 18 only where the court said."""

    id = "order.cao_duration"
    title = "Child arrangements order ends"
    source = 'Bradford "Child Arrangements Order"'
    trigger = ("orders",)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        for order in case.child.recorded.orders:
            if order.kind != "cao":
                continue
            age = 18 if order.to_18 else 16
            ends = case.child.birthday(age)
            if ends is not None:
                yield self.obligation(
                    case,
                    ends,
                    None,
                    f"the child's {age}th birthday",
                    known=True,
                )


class KinshipTemporaryApproval(Rule):
    """A connected person's temporary approval ends 16 weeks after the placement; one
    extension (reg 25) to 24 weeks at most, with nominated officer approval. The Head of
    Service agrees the placement before the child is placed (Bradford)."""

    id = "kinship.reg24"
    title = "Connected person approved as foster carer"
    source = 'CPPCR regs 24-25; Bradford "Living with Kinship Carers"'
    needs = ("decisions",)

    def evaluate(self, case: Case) -> Iterator[Obligation | Alert]:
        decisions = case.child.recorded.decisions
        for period in case.care_periods:
            for p in case.placements(period):
                if p.placement not in KINSHIP_PLACEMENTS:
                    continue
                extended = any(d.kind == "reg25_extension" and p.start <= d.made for d in decisions)
                weeks = 24 if extended else 16
                due = add_weeks(p.start, weeks)
                done = first_on_or_after(
                    (d.made for d in decisions if d.kind == "connected_person_approved"),
                    p.start,
                )
                why = f"{weeks} weeks after the kinship placement began on {fmt(p.start)}"
                if extended:
                    why += " (extended under reg 25)"
                agreed = first_on_or_after(
                    (
                        d.made
                        for d in decisions
                        if d.kind == "reg24_placement_agreed"
                        and normalise(d.role) in HEAD_OF_SERVICE_OR_ABOVE
                    ),
                    p.start - timedelta(days=31),
                )
                yield self.obligation(
                    case,
                    p.start,
                    agreed,
                    f"Head of Service agreement before the kinship placement on {fmt(p.start)}",
                    period,
                )
                ob = self.obligation(case, due, done, why, period)
                if p.end is not None and p.end <= due and done is None:
                    continue
                yield ob


class SpecialGuardianshipEligibility(Rule):
    """A foster carer may apply for an SGO once the child has lived with them for 1 year."""

    id = "sgo.eligibility"
    title = "Foster carer may apply for an SGO"
    source = 'Children Act 1989 s14A(5); Bradford "Special Guardianship Orders"'

    def evaluate(self, case: Case) -> Iterator[Alert]:
        p = case.current_placement
        if p is None or p.placement not in FOSTER_PLACEMENTS:
            return
        eligible = add_months(p.start, 12)
        if eligible <= case.as_of:
            yield self.alert(
                f"Living with the current foster carers since {fmt(p.start)}:"
                f" they may apply for a special guardianship order (from {fmt(eligible)})"
            )


class PathwayPlan(Rule):
    """Needs assessment and pathway plan within 3 months of the 16th birthday for a child
    looked after for 13 weeks since age 14."""

    id = "leaving_care.pathway"
    title = "Needs assessment and pathway plan"
    source = "CPPCR regs 40-43; Bolton 3.2"
    needs = ("pathway_plans",)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        fourteen, sixteen = case.child.birthday(14), case.child.birthday(16)
        if fourteen is None or sixteen is None:
            return
        for period in case.care_periods:
            if not period.covers(sixteen) and not (period.end is None and period.start <= sixteen):
                continue
            until = min(sixteen, case.as_of)
            days = sum(
                max(0, (min(p.end or until, until) - max(p.start, fourteen)).days)
                for p in case.care_periods
            )
            if days < 91:
                continue
            due = add_months(sixteen, 3)
            done = first_on_or_after(case.child.recorded.pathway_plans, fourteen)
            yield self.obligation(
                case, due, done, f"3 months after the 16th birthday ({fmt(sixteen)})", period
            )


class StayingPutDiscussion(Rule):
    """Staying Put considered at the first review after the 16th birthday, for a child in
    foster care."""

    id = "staying_put.discussion"
    title = "Staying Put considered"
    source = 'Bradford "Staying Put"; Blackburn with Darwen "Staying Put"'
    needs = ("decisions",)

    def evaluate(self, case: Case) -> Iterator[Obligation]:
        sixteen = case.child.birthday(16)
        if sixteen is None:
            return
        for period in case.care_periods:
            if (
                not period.contains(sixteen)
                or period.began_before_data
                and not case.review_schedule(period)
            ):
                continue
            slot = next((s for s in case.review_schedule(period) if s.date >= sixteen), None)
            if slot is None:
                continue
            fostered = any(
                p.placement in FOSTER_PLACEMENTS
                and p.start <= slot.date
                and (p.end is None or p.end >= sixteen)
                for p in case.placements(period)
            )
            if not fostered:
                continue
            done = first_on_or_after(
                (
                    d.made
                    for d in case.child.recorded.decisions
                    if d.kind == "staying_put_discussed"
                ),
                sixteen,
            )
            label = "held" if slot.held else "due"
            yield self.obligation(
                case,
                slot.date,
                done,
                f"the first review after the 16th birthday ({label} {fmt(slot.date)})",
                period,
            )
        yield from self._before_long_term_match(case)

    def _before_long_term_match(self, case: Case) -> Iterator[Obligation]:
        """Blackburn with Darwen: "before ratifying a foster care home as permanent";
        Bradford: "as part of the matching and Panel process regardless of the age"."""
        decisions = case.child.recorded.decisions
        discussed = [d.made for d in decisions if d.kind == "staying_put_discussed"]
        for match in (d for d in decisions if d.kind == "long_term_match"):
            period = next((p for p in case.care_periods if p.contains(match.made)), None)
            start = period.start if period is not None else date.min
            yield self.obligation(
                case,
                match.made,
                first_on_or_after(discussed, start),
                f"before the long-term match was ratified on {fmt(match.made)}",
                period,
            )


class MovesIn12Months(Rule):
    """Alert when placement moves in the 12 months to the as-of date exceed 3."""

    id = "stability.moves_12m"
    title = "More than three placement moves in 12 months"
    source = "Bolton 5(b), 6 (IRO)"

    def evaluate(self, case: Case) -> Iterator[Alert]:
        limit = case.param(self.id, "moves", 3)
        moves = case.moves_in_last_12_months()
        if len(moves) > limit:
            dates = ", ".join(fmt(m.start) for m in moves)
            yield self.alert(
                f"{len(moves)} placement moves in the 12 months to {fmt(case.as_of)}: {dates}"
            )


NATIONAL_RULES: tuple[type[Rule], ...] = (
    FirstReview,
    SecondReview,
    SubsequentReview,
    CarePlan,
    PlacementPlan,
    PermanencePlan,
    SocialWorkerVisits,
    HealthAssessment,
    Proceedings26Weeks,
    EmergencyProtectionOrder,
    SupervisionOrder,
    ChildArrangementsOrder,
    KinshipTemporaryApproval,
    SpecialGuardianshipEligibility,
    PathwayPlan,
    StayingPutDiscussion,
    MovesIn12Months,
)
