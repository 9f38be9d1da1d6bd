"""Panels and tracking meetings as they happen: a sitting, its agenda, what it decided.

The panel itself (who chairs it, how often it sits, who it should hear and why) is the
council's policy, in `permanence.panels`; a `Panel` here is one sitting of it, named by
its profile and key. An agenda item removed stays (`removed`, with the reason), so the
history shows who was taken off and why. Every record keeps its history.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from permanence.profiles import PROFILE_NAMES, load_profile


def _person(related_name: str = "+", **kwargs) -> models.ForeignKey:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        **kwargs,
    )


class Panel(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        CIRCULATED = "circulated", "Circulated"
        HELD = "held", "Held"

    profile = models.CharField(max_length=16, choices=[(p, p) for p in PROFILE_NAMES])
    key = models.CharField(
        max_length=60, help_text="The panel of the council's profile (permanence.panels)."
    )
    name = models.CharField(max_length=200, help_text="The panel's name when it was set up.")
    sitting = models.DateField("date of the sitting")
    start = models.TimeField("start time")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    circulated_on = models.DateField(null=True, blank=True)
    chair = _person(verbose_name="chair")
    note = models.TextField(blank=True)
    created_by = _person()
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-sitting", "-start"]

    def __str__(self) -> str:
        return f"{self.name}, {self.sitting.day} {self.sitting:%B %Y}"

    @property
    def profile_title(self) -> str:
        return load_profile(self.profile).title


class AgendaItem(models.Model):
    """One child on a panel's agenda, with why they are there and their time slot."""

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="items")
    child = models.ForeignKey(
        "children.Child", on_delete=models.CASCADE, related_name="panel_items"
    )
    position = models.PositiveIntegerField(default=0)
    slot_start = models.TimeField(null=True, blank=True)
    group = models.CharField(max_length=200, blank=True)
    # [{"code", "text", "rule", "source", "manual"}]: permanence.panels.Reason, as saved.
    reasons = models.JSONField(default=list, blank=True)
    added_by_hand = models.BooleanField(default=False)
    removed = models.BooleanField(default=False)
    removed_reason = models.TextField(blank=True)
    recorded_by = _person()
    history = HistoricalRecords()

    class Meta:
        ordering = ["panel", "position"]
        constraints = [
            models.UniqueConstraint(fields=["panel", "child"], name="a_child_once_an_agenda")
        ]

    def __str__(self) -> str:
        return f"{self.child} at {self.panel}"


class Outcome(models.Model):
    """What the panel decided for one child; the hearing is also a children.Meeting."""

    item = models.OneToOneField(AgendaItem, on_delete=models.CASCADE, related_name="outcome")
    decision = models.TextField()
    return_by = models.DateField(null=True, blank=True)
    meeting = models.ForeignKey(
        "children.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_by = _person()
    recorded_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Outcome for {self.item}"


class Action(models.Model):
    """Something a person is to do for a child, usually set by a panel."""

    child = models.ForeignKey(
        "children.Child", on_delete=models.CASCADE, related_name="panel_actions"
    )
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    what = models.TextField()
    owner = _person("panel_actions")
    due = models.DateField()
    done_on = models.DateField(null=True, blank=True)
    done_by = _person()
    note = models.TextField(blank=True)
    created_by = _person()
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due", "pk"]

    def __str__(self) -> str:
        return f"{self.what} (child {self.child}, due {self.due})"
