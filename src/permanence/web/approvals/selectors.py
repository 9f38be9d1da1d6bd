"""Reading approval checklists for a child, as the person may see them.

The checklists are worked out by the core (`permanence.approvals`) on the same `Case`
the rules use (`children.selectors.summarise`), so a page and the rules never disagree
about what is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from permanence.approvals import ChecklistResult, checklist_for, checklists_for
from permanence.web.accounts.models import User
from permanence.web.approvals.models import ChecklistApproval, ChecklistTick
from permanence.web.children import models as children
from permanence.web.children.access import children_changeable_by
from permanence.web.children.domain import RELATED
from permanence.web.children.selectors import ChildSummary, summarise
from permanence.web.permissions import Page, can


def anchor_of(checklist_id: str) -> str:
    """The checklist's id as an HTML id and form prefix."""
    return checklist_id.replace(".", "-")


def child_to_change(user: User, child_id: str, page: Page) -> children.Child:
    """The child, if the person may change them on `page` (404 otherwise)."""
    return get_object_or_404(
        children_changeable_by(user, page)
        .select_related("team", "social_worker", "iro")
        .prefetch_related(*RELATED),
        child_id=child_id,
    )


def checklists(summary: ChildSummary) -> list[ChecklistResult]:
    """The checklists that apply to the child on the summary's date."""
    return checklists_for(summary.child.profile, summary.case)


def checklist_of(child: children.Child, checklist_id: str, as_of: date) -> ChecklistResult | None:
    """One checklist for the child, from the records as saved now (not a cached copy)."""
    fresh = children.Child.objects.prefetch_related(*RELATED).get(pk=child.pk)
    return checklist_for(fresh.profile, summarise(fresh, as_of).case, checklist_id)


@dataclass
class ChecklistView:
    """A checklist with what the page shows beside it: who ticked what, the approvals
    given through it, and what the person may do."""

    result: ChecklistResult
    ticks: dict[str, ChecklistTick] = field(default_factory=dict)
    approvals: list[ChecklistApproval] = field(default_factory=list)
    may_tick: bool = False
    may_approve: bool = False

    @property
    def anchor(self) -> str:
        return anchor_of(self.result.id)

    @property
    def tickable(self):
        return [i for i in self.result.items if i.tickable and (i.ticked or i.done is None)]

    @property
    def rows(self):
        """Each item with the tick that put it in place, if any."""
        return [(i, self.ticks.get(i.key) if i.ticked else None) for i in self.result.items]


def _may(user: User, child: children.Child, page: Page) -> bool:
    return can(user, page) and children_changeable_by(user, page).filter(pk=child.pk).exists()


def views_of(user: User, summary: ChildSummary) -> list[ChecklistView]:
    child = summary.child
    results = checklists(summary)
    if not results:
        return []
    ids = [r.id for r in results]
    ticks: QuerySet[ChecklistTick] = ChecklistTick.objects.filter(
        child=child, checklist__in=ids
    ).select_related("recorded_by")
    approvals = ChecklistApproval.objects.filter(child=child, checklist__in=ids).select_related(
        "decision", "recorded_by"
    )
    may_tick = _may(user, child, Page.RECORD_CHECKLIST)
    may_approve = _may(user, child, Page.RECORD_DECISION)
    return [
        ChecklistView(
            r,
            {t.item: t for t in ticks if t.checklist == r.id},
            [a for a in approvals if a.checklist == r.id],
            may_tick=may_tick and any(i.tickable for i in r.items),
            may_approve=may_approve and r.needs_approval and r.approved is None,
        )
        for r in results
    ]
