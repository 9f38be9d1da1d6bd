"""Writing on an approval checklist: ticking items, and approving. Every change is
attributed to the person who made it and kept in the record's history; an approval is
recorded as the Decision the rules read (`children.services.record_decision`)."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from permanence.approvals import ChecklistResult
from permanence.approvals.base import role_words
from permanence.domain.roles import normalise
from permanence.rules.engine import fmt
from permanence.web.accounts.models import User
from permanence.web.approvals import selectors
from permanence.web.approvals.models import ChecklistApproval, ChecklistTick
from permanence.web.children import models as children
from permanence.web.children.services import record_decision
from permanence.web.history import attribute


class ChecklistError(ValueError):
    """A change the checklist does not allow; `field` names the form field it is about."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class ApprovalRefused(ChecklistError):
    pass


def _applying(child: children.Child, checklist_id: str) -> ChecklistResult:
    result = selectors.checklist_of(child, checklist_id, timezone.localdate())
    if result is None:
        raise ChecklistError(f"The checklist {checklist_id} does not apply to child {child}")
    return result


@transaction.atomic
def tick(
    child: children.Child,
    checklist_id: str,
    item: str,
    *,
    by: User,
    ticked: date,
    note: str = "",
) -> ChecklistTick:
    """Tick an item as in place on `ticked`. Only items no other record shows can be
    ticked; ticking again changes the date (the history keeps the earlier one)."""
    result = _applying(child, checklist_id)
    found = next((i for i in result.items if i.key == item), None)
    if found is None or not found.tickable:
        raise ChecklistError(f"{item!r} is not an item a person ticks on {result.title}", "items")
    if ticked > timezone.localdate():
        raise ChecklistError("The date in place must be today or in the past", "ticked")
    row = ChecklistTick.objects.filter(child=child, checklist=checklist_id, item=item).first()
    if row is None:
        row = ChecklistTick(child=child, checklist=checklist_id, item=item)
    row.ticked, row.note, row.recorded_by = ticked, note.strip(), by
    attribute(row, by, f"ticked: {found.text}"[:100])
    row.save()
    return row


@transaction.atomic
def untick(child: children.Child, checklist_id: str, item: str, *, by: User) -> bool:
    """Take a tick off (ticked in error); the history keeps who took it off."""
    row = ChecklistTick.objects.filter(child=child, checklist=checklist_id, item=item).first()
    if row is None:
        return False
    attribute(row, by, "tick taken off")
    row.delete()
    return True


def missing_on(result: ChecklistResult, made: date):
    """The items not in place on the day of the approval."""
    return [i for i in result.items if i.done is None or i.done > made]


@transaction.atomic
def approve(
    child: children.Child,
    checklist_id: str,
    *,
    by: User,
    made: date,
    decider_role: str,
    note: str = "",
    reason: str = "",
) -> children.Decision:
    """Record the approval of a checklist, made on `made` by someone in `decider_role`
    (the person recording it is `by`).

    Refused when the role may not approve (the message names who may), when the
    checklist has no approval or is already approved, and when prerequisites are not in
    place, unless `reason` says why it is approved anyway."""
    result = _applying(child, checklist_id)
    if not result.approver_roles:
        raise ApprovalRefused(f"{result.title}: nobody approves it. {result.approver}.")
    if result.approved is not None:
        raise ApprovalRefused(f"{result.title} was already approved on {fmt(result.approved)}.")
    role = normalise(decider_role)
    if role not in result.approver_roles:
        who = role_words(role)
        raise ApprovalRefused(
            f"{who[:1].upper()}{who[1:]} cannot approve the {result.title[:1].lower()}"
            f"{result.title[1:]}. Who may approve: {result.approver}.",
            "decider_role",
        )
    if made > timezone.localdate():
        raise ApprovalRefused("The date of the approval must be today or in the past", "made")
    missing = missing_on(result, made)
    reason = reason.strip()
    if missing and not reason:
        raise ApprovalRefused(
            "Not yet in place: "
            + "; ".join(i.text for i in missing)
            + ". Put them in place first, or give a reason for approving anyway.",
            "reason",
        )
    decision = record_decision(child, by=by, kind=result.decision_kind, made=made, role=role)
    approval = ChecklistApproval(
        child=child,
        checklist=checklist_id,
        decision=decision,
        note=note.strip(),
        missing="\n".join(i.text for i in missing),
        reason=reason if missing else "",
        recorded_by=by,
    )
    attribute(approval, by, "approved anyway" if missing else "approved")
    approval.save()
    return decision
