"""A balance sheet of the realistic options for a child (Re B-S): each option weighed, the
one recommended and why. Saving one also records the child's assessment of kind
"balance_sheet", which the rules read (bradford.adoption_balance_sheet)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords


class Option(models.TextChoices):
    RETURN_HOME = "return_home", "Return home to parents"
    KINSHIP_SGO = (
        "kinship_sgo",
        "Living with family or friends (kinship care or special guardianship)",
    )
    CAO = "cao", "Child arrangements order"
    ADOPTION = "adoption", "Adoption"
    LONG_TERM_FOSTERING = "long_term_fostering", "Long-term fostering"
    RESIDENTIAL = "residential", "Residential care"


class BalanceSheet(models.Model):
    child = models.ForeignKey(
        "children.Child", on_delete=models.CASCADE, related_name="balance_sheets"
    )
    completed = models.DateField()
    recommended = models.CharField(max_length=32, choices=Option.choices)
    reasons = models.TextField()
    # The assessment the rules read, recorded with the sheet.
    assessment = models.OneToOneField(
        "children.Assessment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="balance_sheet",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["child", "-completed", "-recorded_at"]

    def __str__(self) -> str:
        return f"{self.child} balance sheet {self.completed:%d %b %Y}"

    @property
    def realistic(self) -> list[BalanceSheetOption]:
        return [o for o in self.options.all() if o.realistic]


class BalanceSheetOption(models.Model):
    sheet = models.ForeignKey(BalanceSheet, on_delete=models.CASCADE, related_name="options")
    option = models.CharField(max_length=32, choices=Option.choices)
    realistic = models.BooleanField()
    advantages = models.TextField(blank=True)
    disadvantages = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["sheet", "id"]
        constraints = [
            models.UniqueConstraint(fields=["sheet", "option"], name="one_row_an_option")
        ]

    def __str__(self) -> str:
        return self.get_option_display()
