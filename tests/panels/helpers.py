"""Small helpers for the panel tests: record hearings, plans and decisions on a child
built with tests.builders.ChildBuilder, and read a proposal as codes by child."""

from __future__ import annotations

from datetime import date

from permanence.domain.model import Child, Decision, Meeting, PermanencePlan
from permanence.panels import PanelDefinition, Proposal, propose
from tests.builders import ChildBuilder
from tests.builders import d as D

# What the application records for every child it holds (the web app knows them all).
KNOWN = ("meetings", "plans", "decisions", "proceedings", "orders", "assessments")


def child(child_id: str, dob: str = "2015-06-15") -> ChildBuilder:
    return ChildBuilder(child_id, dob=dob).knows(*KNOWN)


def heard(c: Child, kind: str, held: str, return_by: str | None = None, note: str = "") -> Child:
    c.recorded.meetings.append(Meeting(kind, D(held), note=note, return_by=D(return_by)))
    return c


def planned(c: Child, agreed: str, primary: str, contingency: str = "") -> Child:
    c.recorded.plans.append(PermanencePlan(D(agreed), primary, contingency))
    return c


def decided(c: Child, kind: str, made: str, role: str = "head_of_service") -> Child:
    c.recorded.decisions.append(Decision(kind, D(made), role=role))
    return c


def agenda(
    definition: PanelDefinition, children, sitting: str | date
) -> dict[str, tuple[str, ...]]:
    """Child id -> the reason codes proposed, in the panel's order of criteria."""
    return {p.child_id: p.codes for p in propose(definition, children, D(sitting))}


def texts(proposals: list[Proposal], child_id: str) -> dict[str, str]:
    [p] = [p for p in proposals if p.child_id == child_id]
    return {r.code: r.text for r in p.reasons}
