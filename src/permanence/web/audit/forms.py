from __future__ import annotations

from django import forms

from permanence.web import forms as govuk
from permanence.web.audit.models import Action


class AuditSearchForm(forms.Form):
    person = forms.CharField(
        label="Person", help_text="Their username", required=False, max_length=150
    )
    child_id = forms.CharField(
        label="Child ID",
        help_text="The CHILD id from the SSDA903 return",
        required=False,
        max_length=20,
    )
    action = forms.ChoiceField(
        label="Action", choices=[("", "Any action"), *Action.choices], required=False
    )
    date_from = govuk.DateField(label="From", help_text="For example, 27 3 2025", required=False)
    date_to = govuk.DateField(label="To", help_text="For example, 31 3 2025", required=False)

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The ‘to’ date must be the same as or after the ‘from’ date")
        return data

    def filters(self) -> dict:
        data = self.cleaned_data
        return {
            "person": data.get("person") or "",
            "child_id": data.get("child_id") or "",
            "action": data.get("action") or "",
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
        }

    def describe(self) -> str:
        """The filters in words, for the export's own audit event."""
        shown = [
            f"{self.fields[k].label.lower()} {v}"
            for k, v in self.filters().items()
            if v not in (None, "")
        ]
        return "filters: " + ", ".join(shown) if shown else "no filters"
