"""The period and profile a report is for: GET forms, so a report can be bookmarked. A value
that is not one of the choices is left out (the default is used), not refused."""

from __future__ import annotations

from datetime import date

from django import forms

from permanence.profiles import PROFILE_NAMES
from permanence.reports.common import (
    financial_year_end,
    last_year_end,
    quarter_label,
    recent_quarters,
    year_label,
)
from permanence.web.forms import GovukForm

PROFILE_CHOICES = [("", "All profiles"), *((p, p.capitalize()) for p in PROFILE_NAMES)]
YEARS_SHOWN = 6


class ReportForm(GovukForm, forms.Form):
    profile = forms.ChoiceField(label="Policy profile", choices=PROFILE_CHOICES, required=False)

    def value(self, name: str, default):
        if self.is_bound and self.is_valid() and self.cleaned_data.get(name):
            return self.cleaned_data[name]
        return default

    @property
    def profile_chosen(self) -> str:
        return self.value("profile", "")


class QuarterForm(ReportForm):
    """A quarter of the last two years (default the last complete one) and a profile."""

    quarter = forms.ChoiceField(label="Quarter", required=False)
    field_order = ["quarter", "profile"]

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.ends = recent_quarters(today)
        self.fields["quarter"].choices = [(e.isoformat(), quarter_label(e)) for e in self.ends]

    @property
    def quarter_end(self) -> date:
        return date.fromisoformat(self.value("quarter", self.ends[0].isoformat()))


class YearForm(ReportForm):
    """A financial year, by its 31 March (default the first choice) and a profile.

    `in_progress`: the current year, to date, is a choice too (and the default)."""

    year = forms.ChoiceField(label="Year", required=False)
    field_order = ["year", "profile"]

    def __init__(self, *args, today: date, in_progress: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        latest = financial_year_end(today) if in_progress else last_year_end(today)
        self.ends = [latest.replace(year=latest.year - k) for k in range(YEARS_SHOWN)]
        self.today = today
        self.fields["year"].choices = [(e.isoformat(), self._words(e)) for e in self.ends]

    def _words(self, end: date) -> str:
        words = f"{year_label(end)} (April {end.year - 1} to March {end.year})"
        if end > self.today:
            return f"{words}, so far"
        return words

    @property
    def year_end(self) -> date:
        return date.fromisoformat(self.value("year", self.ends[0].isoformat()))

    @property
    def up_to(self) -> date:
        """The last day counted: the year's end, or today for the year in progress."""
        return min(self.year_end, self.today)
