"""Luton Council: Permanence Planning Guidance, policies/003_28739d47153ebcd7.txt.

Two checklists: what the Agency Decision Maker needs before ratifying the plan
(luton.adm_ratification), and when each route to permanence counts as achieved
(luton.achieved), from the guidance's summary of the routes.
"""

from __future__ import annotations

from datetime import date

from permanence.approvals.base import (
    PLAN_WORDS,
    Checklist,
    assessed,
    evidence_start,
    in_window,
    last_period,
    meetings,
    plan_in_force,
)
from permanence.approvals.model import ChecklistResult, Item
from permanence.domain.care import (
    ADOPTION_PLACEMENTS,
    KINSHIP_PLACEMENTS,
    LONG_TERM_FOSTER_PLACEMENTS,
    PeriodOfCare,
    Placement,
)
from permanence.domain.roles import ADM, normalise
from permanence.measures import ADOPTED, OUTCOME_GROUPS
from permanence.rules.engine import Case, fmt
from permanence.rules.luton import POLICY, ADMRatification
from permanence.rules.national import plan_agreed
from permanence.workingdays import add_months

ADM_WORDS = "The Agency Decision Maker (Service Director)"
FOSTERING_FOR_ADOPTION = frozenset({"U2", "U5"})
PLACEMENT_ORDER_STATUSES = frozenset({"E1", "D1"})
CARE_OR_CONSENT = frozenset({"C2", "V2"})
SGO_RECS = OUTCOME_GROUPS["sgo"]
CAO_RECS = OUTCOME_GROUPS["cao"]
HOME_RECS = OUTCOME_GROUPS["planned_return_home"] | OUTCOME_GROUPS["unplanned_return_home"]


class ADMRatificationChecklist(Checklist):
    """The ADM ratifies the plan for permanence within 2 months of the 2nd review: the
    plan must be recorded and the 2nd review held first."""

    id = ADMRatification.id
    title = "Agency Decision Maker ratifies the plan for permanence"
    source = ADMRatification.source
    approver = ADM_WORDS
    approver_roles = frozenset({ADM})
    decision_kind = "adm_ratification"

    def evaluate(self, case: Case) -> ChecklistResult | None:
        period = case.current_period
        if period is None:
            return None
        since = evidence_start(period)
        agreed = plan_agreed(case, period)
        second = case.slot(period, 2)
        if agreed is None and second is None:
            return None
        approved = self.approval(case, period.start)
        plan = plan_in_force(case, period)
        items = [
            Item(
                "plan",
                "The child's care plan for permanence is recorded",
                agreed,
                f"plan for permanence ({PLAN_WORDS.get(plan.primary, plan.primary)}) agreed"
                f" {fmt(plan.agreed)}"
                if plan is not None
                else "No plan for permanence recorded in this period of care: record the plan",
                False,
            ),
            self._second_review(period, second, since),
        ]
        months = case.param(self.id, "months", 2)
        due = due_why = None
        if second is not None and (second.held is not None or second.due < case.as_of):
            base = second.held if second.held is not None else second.due
            due = add_months(base, months)
            label = "held" if second.held is not None else "due, not held,"
            due_why = f"{months} months after the second review ({label} {fmt(base)})"
        because = f"Looked after since {fmt(period.start)}" + (
            f"; second review {'held' if second.held else 'due'} {fmt(second.date)}"
            if second is not None
            else ""
        )
        return self.result(because, items, approved, due=due, due_why=due_why or "")

    @staticmethod
    def _second_review(period: PeriodOfCare, second, since: date) -> Item:
        text = "The child's 2nd looked after review has taken place"
        if second is not None and second.held is not None:
            return Item("second_review", text, second.held, f"held {fmt(second.held)}", False)
        if period.began_before_data:
            hint = "Not known: care began before the records start, so the 2nd review is not known"
        elif second is None:
            hint = "Not yet due: the first review comes first"
        else:
            hint = f"Not held yet (due {fmt(second.due)})"
        return Item("second_review", text, None, hint, False)


# luton.achieved: the routes, in the guidance's words.

ROUTES = {
    "adoption": "Adoption",
    "adopted": "Adoption (adoption order made)",
    "fostering_to_adopt": "Fostering to adopt, concurrency or temporary approval of adopters",
    "permanent_fostering": "Permanent fostering",
    "connected_persons": "Placement with family or friends (connected persons)",
    "sgo": "Special guardianship order",
    "cao": "Child arrangements order",
    "kinship_order": "Special guardianship or child arrangements order",
    "home": "Returning home",
}

ACHIEVED_SOURCE = (
    f"{POLICY}, the summary of each permanency option ('Guidance on the process for achieving"
    " any of the permanency options ... summarised below'; 'Once a permanence outcome is"
    " achieved the case is closed to the Permanency Tracking process')"
)


def _route(case: Case, period: PeriodOfCare) -> tuple[str, str] | None:
    """The route to permanence and why: how care ended, else the plan in force, else the
    placement."""
    if period.end is not None:
        rec = period.end_reason or ""
        for codes, route in (
            (ADOPTED, "adopted"),
            (SGO_RECS, "sgo"),
            (CAO_RECS, "cao"),
            (HOME_RECS, "home"),
        ):
            if rec in codes:
                return route, f"Care ended on {fmt(period.end)} (reason {rec})"
    placement = case.placements(period)[-1]
    plan = plan_in_force(case, period)
    if plan is not None:
        why = f"Plan for permanence: {PLAN_WORDS.get(plan.primary, plan.primary)} (agreed {fmt(plan.agreed)})"
        route = {
            "adoption": "fostering_to_adopt"
            if placement.placement in FOSTERING_FOR_ADOPTION
            else "adoption",
            "long_term_fostering": "connected_persons"
            if placement.placement in KINSHIP_PLACEMENTS
            else "permanent_fostering",
            "sgo": "sgo",
            "cao": "cao",
            "kinship_order": "kinship_order",
            "home": "home",
        }.get(plan.primary)
        if route is None:
            return None
        if route in ("fostering_to_adopt", "connected_persons"):
            why += f"; placed {placement.placement} since {fmt(placement.start)}"
        return route, why
    route = None
    if placement.placement in ADOPTION_PLACEMENTS:
        route = "adoption"
    elif placement.placement in FOSTERING_FOR_ADOPTION:
        route = "fostering_to_adopt"
    elif placement.placement in KINSHIP_PLACEMENTS:
        route = "connected_persons"
    elif placement.placement in LONG_TERM_FOSTER_PLACEMENTS:
        route = "permanent_fostering"
    elif placement.placement == "P1":
        route = "home"
    if route is None:
        return None
    return route, (
        f"No plan for permanence recorded; placed {placement.placement} since {fmt(placement.start)}"
    )


class Achieved(Checklist):
    """When permanence counts as achieved on each route (and the child leaves the
    Permanency Tracking process)."""

    id = "luton.achieved"
    title = "Permanence achieved"
    source = ACHIEVED_SOURCE
    approver = ADM_WORDS
    approver_roles = frozenset({ADM})
    decision_kind = "adm_ratification"

    def evaluate(self, case: Case) -> ChecklistResult | None:
        period = last_period(case)
        if period is None:
            return None
        found = _route(case, period)
        if found is None:
            return None
        route, because = found
        since = evidence_start(period)
        placement = case.placements(period)[-1]
        if route in ("adopted", "sgo", "cao", "kinship_order", "home"):
            return self._order_or_home(case, period, route, because, since)
        if route in ("adoption", "fostering_to_adopt"):
            items = self._adoption(case, period, since)
        elif route == "permanent_fostering":
            items, note = self._fostering(case, period, placement, since)
            because += note
        else:
            items = self._connected(case, period, since)
        adm = items[-1]
        return ChecklistResult(
            id=self.id,
            title=f"{self.title}: {ROUTES[route].lower()}",
            source=self.source,
            applies_because=because,
            items=tuple(items),
            approver=self.approver,
            approver_roles=self.approver_roles,
            decision_kind=self.decision_kind,
            approved=adm.done,
            approved_evidence=adm.evidence if adm.done else "",
            not_counted=self.approval(case, since)[2],
            route=route,
        )

    def decision_word(self) -> str:
        return "An endorsement"

    # The items of each route.

    def _legal_basis(self, case: Case, period: PeriodOfCare) -> Item:
        text = (
            "The child is subject to a Care Order, or those with Parental Responsibility have"
            " signed their consent to accommodation"
        )
        spans = [s for s in period.legal_statuses() if s.start <= case.as_of]
        last = spans[-1] if spans else None
        if last is not None and last.status in CARE_OR_CONSENT:
            words = (
                "care order (C2)" if last.status == "C2" else "accommodated under section 20 (V2)"
            )
            return Item("legal_basis", text, last.start, f"{words} since {fmt(last.start)}", False)
        status = last.status if last is not None else "not known"
        return Item("legal_basis", text, None, f"Legal status is {status}, not C2 or V2", False)

    def _adm(
        self,
        case: Case,
        after: date | None,
        after_words: str,
        extra_kinds: tuple[str, ...] = (),
        matched: date | None = None,
    ) -> Item:
        """The ADM's endorsement, which follows the panel (or the review's recommendation)."""
        text = f"Endorsed by the Agency Decision Maker after {after_words}"
        if matched is not None:
            return Item(
                "adm", text, matched, f"match decided {fmt(matched)} (SSDA903 DATE_MATCH)", False
            )
        if after is None:
            return Item("adm", text, None, f"Not yet: {after_words} comes first", False)
        kinds = ("adm_ratification", *extra_kinds)
        days = sorted(
            d.made
            for d in case.child.recorded.decisions
            if d.kind in kinds
            and d.outcome == "approved"
            and normalise(d.role) == ADM
            and in_window(d.made, after, case)
        )
        if days:
            return Item("adm", text, days[0], f"endorsed by the ADM {fmt(days[0])}", False)
        return Item("adm", text, None, f"No ADM endorsement recorded since {fmt(after)}", False)

    def _adoption(self, case: Case, period: PeriodOfCare, since: date) -> list[Item]:
        text = "A Placement Order has been made"
        order = next(
            (
                s
                for s in period.legal_statuses()
                if s.status in PLACEMENT_ORDER_STATUSES and s.start <= case.as_of
            ),
            None,
        )
        recorded = sorted(
            o.made
            for o in case.child.recorded.orders
            if o.kind == "placement" and in_window(o.made, since, case)
        )
        if order is not None:
            po = Item(
                "placement_order",
                text,
                order.start,
                f"legal status {order.status} since {fmt(order.start)}",
                False,
            )
        elif recorded:
            po = Item(
                "placement_order",
                text,
                recorded[0],
                f"placement order made {fmt(recorded[0])}",
                False,
            )
        else:
            po = Item(
                "placement_order", text, None, "No placement order (legal status E1) yet", False
            )
        held = meetings(case, "adoption_panel", since)
        panel = self.record_item(
            case,
            "adoption_panel",
            "The match has been presented to the Adoption Panel",
            (held[-1].held, f"Adoption Panel {fmt(held[-1].held)}") if held else None,
            "Tick when the match has been presented to the Adoption Panel",
            tickable=True,
            since=since,
        )
        matched = next(
            (
                a.matched
                for a in sorted(case.child.adoption_decisions, key=lambda a: a.matched or date.max)
                if a.matched is not None and in_window(a.matched, since, case)
            ),
            None,
        )
        adm = self._adm(case, panel.done, "the Adoption Panel", matched=matched)
        return [po, panel, adm]

    def _fostering(
        self, case: Case, period: PeriodOfCare, placement: Placement, since: date
    ) -> tuple[list[Item], str]:
        items = [
            self._legal_basis(case, period),
            self.tick_item(
                case,
                "carers_commitment",
                "The carers have expressed a wish to care for the child permanently, and the"
                " Permanency Planning Meetings have identified that they can meet the child's"
                " needs long-term",
                since,
                "Tick when the Permanency Planning Meetings have identified it",
            ),
            self.tick_item(
                case,
                "review_recommendation",
                "A looked after review has recommended that the placement be made permanent",
                since,
                _last_review_hint(case, since),
            ),
        ]
        under = case.param("luton.fostering_panel", "under_age", 13)
        on = placement.start if placement.placement in LONG_TERM_FOSTER_PLACEMENTS else case.as_of
        age = case.age_on(on)
        held = meetings(case, "fostering_panel", since)
        note = ""
        if age is None or age < under or held:
            items.append(
                self.record_item(
                    case,
                    "fostering_panel",
                    "Presented to the Fostering Panel (expected for all children under 13)",
                    (held[-1].held, f"Fostering Panel {fmt(held[-1].held)}") if held else None,
                    "Not presented to the Fostering Panel yet: record the panel as a meeting",
                )
            )
            after, words = items[-1].done, "the Fostering Panel"
        else:
            note = (
                f"; aged {age} on {fmt(on)}: presenting to the Fostering Panel is optional,"
                " the IRO can recommend to the ADM directly"
            )
            after, words = items[2].done, "the review's recommendation"
        items.append(self._adm(case, after, words))
        return items, note

    def _connected(self, case: Case, period: PeriodOfCare, since: date) -> list[Item]:
        done = assessed(case, ("connected_person",), since)
        held = meetings(case, "fostering_panel", since)
        panel = self.record_item(
            case,
            "fostering_panel",
            "The assessment has been presented to the Fostering Panel",
            (held[-1].held, f"Fostering Panel {fmt(held[-1].held)}") if held else None,
            "Not presented to the Fostering Panel yet: record the panel as a meeting",
        )
        return [
            self._legal_basis(case, period),
            self.record_item(
                case,
                "assessed",
                "The carers have been assessed as Family and Friends (Connected Persons) Foster Carers",
                done,
                "No connected person assessment recorded: record the assessment",
            ),
            panel,
            self._adm(
                case,
                panel.done,
                "the Fostering Panel",
                extra_kinds=("connected_person_approved",),
            ),
        ]

    def _order_or_home(
        self, case: Case, period: PeriodOfCare, route: str, because: str, since: date
    ) -> ChecklistResult:
        rec = period.end_reason if period.end is not None else None
        if route == "home":
            text = "The child has returned home (no legal order is needed)"
            done = period.end if rec in HOME_RECS else None
            evidence = (
                f"returned home {fmt(period.end)} (reason {rec})"
                if done
                else "Still looked after: not returned home yet"
            )
            approver = "No approval: returning home needs no legal order"
        else:
            kinds = {
                "adopted": ("adoption", ADOPTED, "An adoption order has been made"),
                "sgo": ("sgo", SGO_RECS, "The court has made a Special Guardianship Order"),
                "cao": ("cao", CAO_RECS, "The court has made a Child Arrangements Order"),
                "kinship_order": (
                    "sgo cao",
                    SGO_RECS | CAO_RECS,
                    "The court has made a Special Guardianship or Child Arrangements Order",
                ),
            }
            order_kinds, recs, text = kinds[route]
            done, evidence = None, "The court has not made the order yet"
            if rec in recs:
                done, evidence = (
                    period.end,
                    f"care ended {fmt(period.end)} with the order (reason {rec})",
                )
            else:
                made = sorted(
                    o.made
                    for o in case.child.recorded.orders
                    if o.kind in order_kinds.split() and in_window(o.made, since, case)
                )
                if made:
                    done, evidence = made[0], f"order made {fmt(made[0])}"
            approver = "No approval: the court makes the order"
        return ChecklistResult(
            id=self.id,
            title=f"{self.title}: {ROUTES[route].lower()}",
            source=self.source,
            applies_because=because,
            items=(Item("outcome", text, done, evidence, False),),
            approver=approver,
            approver_roles=frozenset(),
            decision_kind="",
            route=route,
        )


def _last_review_hint(case: Case, since: date) -> str:
    held = [r.date for r in case.reviews if r.date >= since]
    if held:
        return f"Tick when a review recommended it (last review held {fmt(held[-1])})"
    return "Tick when a review recommended it (no review held yet in this period of care)"


def luton_achieved(case: Case) -> ChecklistResult | None:
    """luton.achieved for the child's route (from how care ended, the plan in force or the
    placement); None when no route applies. `.complete`: permanence counts as achieved."""
    return Achieved().evaluate(case)


CHECKLISTS = (ADMRatificationChecklist, Achieved)
