"""Children's records in the database: what a return gives, and what people record.

Each model mirrors a class of `permanence.domain.model`, so that `domain.domain_child`
can hand the rules engine the same `Child` a return would. Every record keeps its history
(who changed what, when) through django-simple-history. A row from a return says so in
`origin`; an import never changes a row recorded in the application.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from permanence.profiles import PROFILE_NAMES


class Origin(models.TextChoices):
    RETURN = "ssda903", "SSDA903 return"
    APPLICATION = "application", "Recorded in Permanence"


class Child(models.Model):
    child_id = models.CharField("CHILD", max_length=20, unique=True)
    dob = models.DateField("date of birth", null=True, blank=True)
    sex = models.CharField(max_length=2, blank=True)
    ethnicity = models.CharField(max_length=8, blank=True)
    uasc_ceased = models.DateField(null=True, blank=True)
    profile = models.CharField(
        max_length=16, choices=[(p, p) for p in PROFILE_NAMES], default="national"
    )
    team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    social_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="caseload",
    )
    iro = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_children",
        verbose_name="IRO",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["child_id"]
        verbose_name_plural = "children"

    def __str__(self) -> str:
        return self.child_id


class Episode(models.Model):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="episodes")
    start = models.DateField("DECOM")
    reason_new = models.CharField("RNE", max_length=2)
    legal_status = models.CharField("LS", max_length=2)
    placement = models.CharField("PLACE", max_length=4)
    end = models.DateField("DEC", null=True, blank=True)
    reason_end = models.CharField("REC", max_length=4, blank=True)
    cin = models.CharField("CIN", max_length=2, blank=True)
    provider = models.CharField("PLACE_PROVIDER", max_length=4, blank=True)
    reason_place_change = models.CharField("REASON_PLACE_CHANGE", max_length=8, blank=True)
    urn = models.CharField("URN", max_length=10, blank=True)
    origin = models.CharField(max_length=12, choices=Origin.choices, default=Origin.RETURN)
    source = models.CharField(max_length=300, blank=True)  # file and line it came from
    history = HistoricalRecords()

    class Meta:
        ordering = ["child", "start"]
        constraints = [models.UniqueConstraint(fields=["child", "start"], name="one_episode_a_day")]


class Review(models.Model):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="reviews")
    date = models.DateField()
    code = models.CharField("REVIEW_CODE", max_length=4, blank=True)
    plan_ratified = models.BooleanField(null=True, blank=True)
    iro = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    origin = models.CharField(max_length=12, choices=Origin.choices, default=Origin.APPLICATION)
    source = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["child", "date"]
        constraints = [models.UniqueConstraint(fields=["child", "date"], name="one_review_a_day")]


class AdoptionDecision(models.Model):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="adoption_decisions")
    decided = models.DateField(null=True, blank=True)
    matched = models.DateField(null=True, blank=True)
    by_foster_carer = models.BooleanField(null=True, blank=True)
    origin = models.CharField(max_length=12, choices=Origin.choices, default=Origin.RETURN)
    history = HistoricalRecords()


class PlacedForAdoption(models.Model):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="placed_for_adoption")
    decided = models.DateField(null=True, blank=True)
    ceased = models.DateField(null=True, blank=True)
    reason_ceased = models.CharField(max_length=4, blank=True)
    origin = models.CharField(max_length=12, choices=Origin.choices, default=Origin.RETURN)
    history = HistoricalRecords()


class Meeting(models.Model):
    class Kind(models.TextChoices):
        PERMANENCE_PLANNING = "permanence_planning", "Permanence planning meeting"
        CARE_PLANNING = "care_planning", "Care planning meeting"
        PLACEMENT_PLANNING = "placement_planning", "Placement planning meeting"
        STABILITY = "stability", "Stability meeting"
        DISRUPTION = "disruption", "Unplanned ending and disruption meeting"
        FAMILY_GROUP_CONFERENCE = "family_group_conference", "Family group conference"
        FINAL_CARE_PLANNING = "final_care_planning", "Final care planning meeting"

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField(max_length=32, choices=Kind.choices)
    held = models.DateField()
    chair_role = models.CharField(max_length=32, blank=True)
    note = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["child", "held"]


class Decision(models.Model):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="decisions")
    kind = models.CharField(max_length=40)
    made = models.DateField()
    role = models.CharField(max_length=32)
    outcome = models.CharField(max_length=16, default="approved")
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["child", "made"]


class PermanencePlan(models.Model):
    """One version of a child's permanence plan; a change is a new version."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="plans")
    agreed = models.DateField()
    primary = models.CharField(max_length=32)
    contingency = models.CharField(max_length=32, blank=True)
    elements = models.JSONField(default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["child", "agreed"]
