"""Writing balance sheets: attributed to the person who records them, kept in history, and
recorded as the child's assessment of kind "balance_sheet" so the rules see it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from permanence.web.accounts.models import User
from permanence.web.children import models as children
from permanence.web.children.services import record_assessment
from permanence.web.guidance import models
from permanence.web.history import attribute


@dataclass(frozen=True)
class Weighed:
    """One option as the balance sheet weighs it for this child."""

    option: str
    realistic: bool
    advantages: str = ""
    disadvantages: str = ""


@transaction.atomic
def record_balance_sheet(
    child: children.Child,
    *,
    by: User,
    completed: date,
    recommended: str,
    reasons: str,
    options: Sequence[Weighed],
) -> models.BalanceSheet:
    """Save a balance sheet of the options for the child and record it as the child's
    balance sheet assessment. The recommended option must be one weighed as realistic."""
    kinds = [o.option for o in options]
    if len(set(kinds)) != len(kinds):
        raise ValueError("each option is weighed once")
    unknown = set(kinds) - set(models.Option.values)
    if unknown:
        raise ValueError(f"not options: {', '.join(sorted(unknown))}")
    realistic = [o.option for o in options if o.realistic]
    if recommended not in realistic:
        raise ValueError("the recommended option must be one weighed as realistic")
    if not reasons.strip():
        raise ValueError("a balance sheet gives the reasons for its recommendation")
    label = models.Option(recommended).label
    assessment = record_assessment(
        child,
        by=by,
        kind=children.Assessment.Kind.BALANCE_SHEET,
        completed=completed,
        note=f"Recommended: {label}. Realistic options: "
        + ", ".join(models.Option(k).label.lower() for k in realistic),
    )
    sheet = models.BalanceSheet(
        child=child,
        completed=completed,
        recommended=recommended,
        reasons=reasons.strip(),
        assessment=assessment,
        recorded_by=by,
    )
    attribute(sheet, by, "balance sheet recorded")
    sheet.save()
    for o in options:
        row = models.BalanceSheetOption(
            sheet=sheet,
            option=o.option,
            realistic=o.realistic,
            advantages=o.advantages.strip(),
            disadvantages=o.disadvantages.strip(),
        )
        attribute(row, by, "balance sheet recorded")
        row.save()
    return sheet
