"""The filter panel of the work lists: a GET form, so a filtered list can be bookmarked."""

from __future__ import annotations

from django import forms

from permanence.profiles import PROFILE_NAMES
from permanence.ssda903 import labels
from permanence.web.accounts.models import Team
from permanence.web.children.selectors import SORTS, WorkFilters

STATUS_CHOICES = [
    ("", "Everything"),
    ("overdue", "Something overdue"),
    ("due_soon", "Something due in the next 4 weeks"),
]


class WorkFilterForm(forms.Form):
    status = forms.ChoiceField(label="Show children with", choices=STATUS_CHOICES, required=False)
    team = forms.ModelChoiceField(
        label="Team", queryset=Team.objects.none(), required=False, empty_label="All teams"
    )
    profile = forms.ChoiceField(
        label="Policy profile",
        choices=[("", "All profiles"), *((p, p.capitalize()) for p in PROFILE_NAMES)],
        required=False,
    )
    legal_status = forms.ChoiceField(
        label="Legal status",
        choices=[
            ("", "Any legal status"),
            *((c, f"{c}: {d}") for c, d in labels.LEGAL_STATUS.items()),
        ],
        required=False,
    )
    placement = forms.ChoiceField(
        label="Placement type",
        choices=[("", "Any placement"), *((g, g) for g in labels.PLACEMENT_GROUPS)],
        required=False,
    )
    include_left_care = forms.BooleanField(
        label="Include children who have left care", required=False
    )
    sort = forms.ChoiceField(
        choices=[(s, s) for s in SORTS], required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, teams=None, **kwargs):
        super().__init__(*args, **kwargs)
        if teams is None:
            del self.fields["team"]
        else:
            self.fields["team"].queryset = teams

    def filters(self) -> WorkFilters:
        """The filters asked for; anything not valid is left out rather than refused."""
        data = self.cleaned_data if self.is_valid() else {}
        team = data.get("team")
        return WorkFilters(
            team=team.pk if team else None,
            profile=data.get("profile", ""),
            status=data.get("status", ""),
            legal_status=data.get("legal_status", ""),
            placement=data.get("placement", ""),
            include_left_care=bool(data.get("include_left_care")),
            sort=data.get("sort") or "overdue",
        )
