"""What people record on an approval checklist: the items they tick as in place, and the
approvals given through it (with the reason, where something was still missing)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class ChecklistTick(models.Model):
    """An item of an approval checklist that no other record shows, ticked as in place
    (core: `Child.recorded.ticks[(checklist, item)] = ticked`)."""

    child = models.ForeignKey(
        "children.Child", on_delete=models.CASCADE, related_name="checklist_ticks"
    )
    checklist = models.CharField(max_length=64)  # the catalogue rule id
    item = models.CharField(max_length=64)
    ticked = models.DateField("date in place")
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["child", "checklist", "item"]
        constraints = [
            models.UniqueConstraint(
                fields=["child", "checklist", "item"], name="one_tick_per_checklist_item"
            )
        ]

    def __str__(self) -> str:
        return f"{self.child} {self.checklist} {self.item}"


class ChecklistApproval(models.Model):
    """An approval given on a checklist. The approval itself is the Decision the rules
    read; this keeps what the approver saw: the note, and what was not yet in place with
    the reason for approving anyway."""

    child = models.ForeignKey(
        "children.Child", on_delete=models.CASCADE, related_name="checklist_approvals"
    )
    checklist = models.CharField(max_length=64)
    decision = models.OneToOneField(
        "children.Decision", on_delete=models.CASCADE, related_name="checklist_approval"
    )
    note = models.TextField(blank=True)
    missing = models.TextField("not in place when approved", blank=True)
    reason = models.TextField("reason for approving anyway", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["child", "checklist", "decision__made"]

    def __str__(self) -> str:
        return f"{self.child} {self.checklist} approved"
