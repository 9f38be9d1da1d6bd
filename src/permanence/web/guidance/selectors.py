"""Reading the options guidance and balance sheets of a child the person may already see
(the child comes from `children.selectors.child_for` or `access.children_changeable_by`)."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from permanence.guidance import GuidanceSection, guidance_for
from permanence.rules.engine import fmt
from permanence.web.accounts.models import User
from permanence.web.children import models as children
from permanence.web.children.selectors import ChildSummary, may_change
from permanence.web.guidance import models
from permanence.web.permissions import Page, can


def positive_viability(child: children.Child, as_of: date) -> tuple[str, ...]:
    """The family network's positive viability assessments done by `as_of`, in words."""
    return tuple(
        f"{m.name} ({m.relationship}), {fmt(m.viability_completed)}"
        for m in child.family_members.all()
        if m.viability_outcome == children.FamilyMember.Outcome.POSITIVE
        and m.viability_completed is not None
        and m.viability_completed <= as_of
    )


def guidance(summary: ChildSummary) -> list[GuidanceSection]:
    """The council's options guidance that applies to the child, under the child's profile."""
    return guidance_for(
        summary.child.profile,
        summary.case,
        positive_viability=positive_viability(summary.child, summary.as_of),
    )


def balance_sheets(child: children.Child) -> QuerySet[models.BalanceSheet]:
    """The child's balance sheets, newest first, with their options."""
    return child.balance_sheets.select_related("recorded_by").prefetch_related("options")


def latest_balance_sheet(child: children.Child) -> models.BalanceSheet | None:
    return balance_sheets(child).first()


def balance_sheet_assessments(child: children.Child) -> list[date]:
    """Dates of balance sheet assessments recorded for the child, with or without a sheet
    here (one may be recorded on the assessment page alone)."""
    return sorted(
        a.completed
        for a in child.assessments.all()
        if a.kind == children.Assessment.Kind.BALANCE_SHEET
    )


def may_record_balance_sheet(user: User, child: children.Child) -> bool:
    return can(user, Page.RECORD_OPTIONS) and may_change(user, child)
