"""What every checklist shares: where its evidence may come from and how an item is shown.

A checklist is a small class, like a rule: its catalogue id, title and source, who
approves and with which Decision kind, and `evaluate(case)`, which says whether it
applies to the child now and, if so, which prerequisites are in place.

Evidence counts only from when it is relevant (`since`: the start of the current period
of care, or of the home) up to the as-of date, so that an assessment, a tick or an
approval from an earlier period of care does not count after the child comes back into
care.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import ClassVar

from permanence.approvals.model import ChecklistResult, Item
from permanence.domain.care import PeriodOfCare
from permanence.domain.model import Meeting, PermanencePlan
from permanence.domain.roles import normalise
from permanence.rules.common import decisions_of
from permanence.rules.engine import Case, first_on_or_after, fmt

ROLE_WORDS = {
    "social_worker": "a social worker",
    "team_manager": "a team manager",
    "service_manager": "a service manager",
    "head_of_service": "a head of service",
    "assistant_director": "an assistant director",
    "director": "a director",
    "adm": "the agency decision maker",
    "iro": "an IRO",
    "nominated_officer": "the nominated officer",
    "panel_administrator": "a panel administrator",
}

ASSESSMENT_WORDS = {
    "child_and_family": "child and family assessment",
    "parenting": "parenting assessment",
    "connected_person": "connected person (kinship) assessment",
    "special_guardianship": "special guardianship assessment",
}

MEETING_WORDS = {
    "care_planning": "care planning meeting",
    "permanence_planning": "permanency planning meeting",
    "fostering_panel": "Fostering Panel",
    "adoption_panel": "Adoption Panel",
    "permanence_panel": "Gateway and Permanence Panel",
    "gateway_panel": "Gateway and Permanence Panel",
    "lasting_homes_panel": "Lasting Homes (long-term matching) panel",
}

PLAN_WORDS = {
    "home": "return home",
    "kinship_order": "living with family or friends under an order",
    "sgo": "special guardianship order",
    "cao": "child arrangements order",
    "adoption": "adoption",
    "long_term_fostering": "long-term fostering",
    "residential": "residential care",
}


def role_words(role: str) -> str:
    return ROLE_WORDS.get(normalise(role), role.replace("_", " ") or "someone (role not given)")


def in_window(day: date, since: date, case: Case, until: date | None = None) -> bool:
    return since <= day <= case.as_of and (until is None or day <= until)


def evidence_start(period: PeriodOfCare) -> date:
    """Records count from the start of the period of care; where it began before the
    data reaches, the period's true start is unknown, so any earlier record counts."""
    return date.min if period.began_before_data else period.start


def plan_in_force(case: Case, period: PeriodOfCare | None) -> PermanencePlan | None:
    """The latest plan agreed in the period of care, up to the as-of date."""
    if period is None:
        return None
    since = evidence_start(period)
    plans = [p for p in case.child.recorded.plans if in_window(p.agreed, since, case, period.end)]
    return max(plans, key=lambda p: p.agreed) if plans else None


def last_period(case: Case) -> PeriodOfCare | None:
    """The current period of care, or the last one if the child has left care."""
    if case.current_period is not None:
        return case.current_period
    return case.care_periods[-1] if case.care_periods else None


def assessed(case: Case, kinds: Iterable[str], since: date) -> tuple[date, str] | None:
    """The latest assessment of one of `kinds` completed since `since`."""
    kinds = tuple(kinds)
    found = [
        a
        for a in case.child.recorded.assessments
        if a.kind in kinds and in_window(a.completed, since, case)
    ]
    if not found:
        return None
    a = max(found, key=lambda a: a.completed)
    return a.completed, f"{ASSESSMENT_WORDS.get(a.kind, a.kind)} completed {fmt(a.completed)}"


def meetings(case: Case, kind: str, since: date, until: date | None = None) -> list[Meeting]:
    return sorted(
        (
            m
            for m in case.child.recorded.meetings
            if m.kind == kind and in_window(m.held, since, case, until)
        ),
        key=lambda m: m.held,
    )


class Checklist:
    """One approval checklist of POLICY-RULES.md: its id, title, source, who approves."""

    id: ClassVar[str]
    title: ClassVar[str]
    source: ClassVar[str]
    approver: ClassVar[str] = ""
    approver_roles: ClassVar[frozenset[str]] = frozenset()
    decision_kind: ClassVar[str] = ""

    def evaluate(self, case: Case) -> ChecklistResult | None:
        """The checklist for the child on the as-of date; None where it does not apply."""
        raise NotImplementedError

    # Helpers for subclasses.

    def ticked(self, case: Case, key: str, since: date, until: date | None = None) -> date | None:
        day = case.child.recorded.ticks.get((self.id, key))
        return day if day is not None and in_window(day, since, case, until) else None

    def tick_item(
        self,
        case: Case,
        key: str,
        text: str,
        since: date,
        hint: str,
        until: date | None = None,
    ) -> Item:
        """An item no record shows: in place when someone ticked it (from `since`)."""
        day = self.ticked(case, key, since, until)
        if day is not None:
            return Item(key, text, day, f"ticked as in place on {fmt(day)}", True, day)
        return Item(key, text, None, hint, True)

    def record_item(
        self,
        case: Case,
        key: str,
        text: str,
        found: tuple[date, str] | None,
        hint: str,
        *,
        tickable: bool = False,
        since: date = date.min,
        until: date | None = None,
    ) -> Item:
        """An item a record shows (`found`: its date and words); where `tickable`, a
        person may tick it instead when the record is kept elsewhere."""
        if found is not None:
            return Item(key, text, found[0], found[1], tickable)
        if tickable:
            return self.tick_item(case, key, text, since, hint, until)
        return Item(key, text, None, hint, False)

    def approval(
        self, case: Case, since: date, until: date | None = None
    ) -> tuple[date | None, str, tuple[str, ...]]:
        """The first approval (a Decision of `decision_kind` by one of `approver_roles`)
        from `since`, and the approvals recorded that do not count, with why."""
        if not self.decision_kind:
            return None, "", ()
        counted = [
            d
            for d in decisions_of(case, self.decision_kind, self.approver_roles)
            if in_window(d, since, case, until)
        ]
        first = first_on_or_after(counted, date.min)
        evidence = f"approved {fmt(first)}" if first is not None else ""
        not_counted = tuple(
            f"{self.decision_word()} recorded on {fmt(d.made)} by {role_words(d.role)} does not"
            f" count: {self.approver}"
            for d in case.child.recorded.decisions
            if d.kind == self.decision_kind
            and d.outcome == "approved"
            and normalise(d.role) not in self.approver_roles
            and in_window(d.made, since, case, until)
        )
        return first, evidence, not_counted

    def decision_word(self) -> str:
        return "The approval"

    def result(
        self,
        because: str,
        items: Iterable[Item],
        approved: tuple[date | None, str, tuple[str, ...]] = (None, "", ()),
        **extra,
    ) -> ChecklistResult:
        day, evidence, not_counted = approved
        return ChecklistResult(
            id=self.id,
            title=self.title,
            source=self.source,
            applies_because=because,
            items=tuple(items),
            approver=self.approver,
            approver_roles=self.approver_roles,
            decision_kind=self.decision_kind,
            approved=day,
            approved_evidence=evidence,
            not_counted=not_counted,
            **extra,
        )
