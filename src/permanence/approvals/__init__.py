"""Approval checklists: the prerequisites the policies set before an approval.

    from permanence.approvals import checklists_for, luton_achieved
    checklists_for("blackburn", case)   # the checklists that apply to the child now
    luton_achieved(case)                 # luton.achieved for the child's route, or None

A profile has a checklist when its rule ids (evaluated or left to elsewhere) include the
checklist's id: the profile files stay the one list of what each council asks.
"""

from __future__ import annotations

from permanence.approvals import blackburn, bolton, bradford, kinship, luton
from permanence.approvals.base import Checklist
from permanence.approvals.luton import luton_achieved
from permanence.approvals.model import ChecklistResult, Item
from permanence.profiles import load_profile
from permanence.rules.engine import Case

CHECKLISTS: dict[str, type[Checklist]] = {
    cls.id: cls
    for cls in (
        *blackburn.CHECKLISTS,
        *bolton.CHECKLISTS,
        *bradford.CHECKLISTS,
        *luton.CHECKLISTS,
        *kinship.CHECKLISTS,
    )
}


class UnknownChecklist(ValueError):
    pass


def checklist(checklist_id: str) -> Checklist:
    try:
        return CHECKLISTS[checklist_id]()
    except KeyError:
        raise UnknownChecklist(
            f"unknown checklist {checklist_id!r}: choose one of {', '.join(CHECKLISTS)}"
        ) from None


def checklist_ids(profile_name: str) -> tuple[str, ...]:
    """The checklists of a profile, in the order of the catalogue."""
    profile = load_profile(profile_name)
    ids = set(profile.rule_ids) | set(profile.elsewhere)
    return tuple(i for i in CHECKLISTS if i in ids)


def checklists_for(profile_name: str, case: Case) -> list[ChecklistResult]:
    """The checklists of the profile that apply to the child on the case's as-of date."""
    out = []
    for checklist_id in checklist_ids(profile_name):
        result = CHECKLISTS[checklist_id]().evaluate(case)
        if result is not None:
            out.append(result)
    return out


def checklist_for(profile_name: str, case: Case, checklist_id: str) -> ChecklistResult | None:
    """One checklist for the child, None when the profile lacks it or it does not apply."""
    if checklist_id not in checklist_ids(profile_name):
        return None
    return checklist(checklist_id).evaluate(case)


__all__ = [
    "CHECKLISTS",
    "Checklist",
    "ChecklistResult",
    "Item",
    "UnknownChecklist",
    "checklist",
    "checklist_for",
    "checklist_ids",
    "checklists_for",
    "luton_achieved",
]
