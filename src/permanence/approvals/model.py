"""What an approval checklist says about one child: each prerequisite, whether it is in
place (and how we know), who may approve, and whether they have."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Item:
    key: str
    text: str  # the prerequisite in the policy's words
    done: date | None  # when it was in place; None: missing
    evidence: (
        str  # how the product knows: "child and family assessment completed 3 May 2026", "ticked"
    )
    tickable: bool  # no other record shows it: a person ticks it on the checklist
    ticked: date | None = None  # in place because a person ticked it (the date they gave)


@dataclass(frozen=True)
class ChecklistResult:
    id: str  # the catalogue rule id, e.g. "blackburn.long_term_match"
    title: str
    source: str  # policy and section
    applies_because: str  # why this child needs it now
    items: tuple[Item, ...]
    approver: str  # who may approve, in words ("Head of Service or above")
    approver_roles: frozenset[str]  # permanence.domain.roles values
    decision_kind: str  # the Decision kind that records the approval ("" when none)
    approved: date | None = None  # the approval by a person in one of approver_roles
    approved_evidence: str = ""  # the approval, in words
    # Approvals recorded that do not count (made in the wrong role, too late...), and why.
    not_counted: tuple[str, ...] = ()
    due: date | None = None  # the approval is due by then, where the policy sets a time
    due_why: str = ""
    route: str = ""  # luton.achieved: the route to permanence the checklist is for

    @property
    def missing(self) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.done is None)

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def in_place(self) -> int:
        return len(self.items) - len(self.missing)

    @property
    def needs_approval(self) -> bool:
        return bool(self.approver_roles)
