"""Shared by the checklist tests: a case for a synthetic child on an as-of date."""

from __future__ import annotations

from permanence.approvals import checklists_for
from permanence.domain.model import Child
from permanence.profiles import load_profile
from permanence.rules.engine import Case
from permanence.workingdays import ENGLAND_AND_WALES
from tests.builders import d


def case_of(child: Child, as_of: str, profile: str = "national") -> Case:
    return Case(child, d(as_of), ENGLAND_AND_WALES, load_profile(profile).params)


def checklist(child: Child, as_of: str, profile: str, checklist_id: str):
    """The checklist with `checklist_id` among those that apply, or None."""
    found = [
        c for c in checklists_for(profile, case_of(child, as_of, profile)) if c.id == checklist_id
    ]
    assert len(found) <= 1
    return found[0] if found else None


def item(result, key: str):
    return next(i for i in result.items if i.key == key)


def missing(result) -> set[str]:
    return {i.key for i in result.missing}


def tick(child: Child, checklist_id: str, key: str, day: str) -> None:
    child.recorded.ticks[(checklist_id, key)] = d(day)
