"""The forms of an approval checklist: tick the items in place, and approve."""

from __future__ import annotations

from django import forms

from permanence.approvals import ChecklistResult
from permanence.web.approvals.selectors import anchor_of
from permanence.web.children.forms import past_date
from permanence.web.children.models import DeciderRole
from permanence.web.forms import GovukForm


class TickForm(GovukForm, forms.Form):
    """The items no record shows, as tick boxes: ticking one says it is in place, taking
    a tick off says it was ticked in error."""

    items = forms.MultipleChoiceField(
        label="In place", required=False, widget=forms.CheckboxSelectMultiple
    )
    ticked = past_date(
        "Date in place",
        required=False,
        help_text="For the items you tick now. For example, 27 3 2024",
    )
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        help_text="For example, where the views are recorded",
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, result: ChecklistResult, **kwargs):
        kwargs.setdefault("prefix", anchor_of(result.id))
        super().__init__(*args, **kwargs)
        tickable = [i for i in result.items if i.tickable and (i.ticked or i.done is None)]
        self.fields["items"].choices = [(i.key, i.text) for i in tickable]
        self.fields[
            "items"
        ].label = f"What is in place for the {result.title[:1].lower()}{result.title[1:]}"
        self.was_ticked = {i.key for i in tickable if i.ticked}
        self.initial.setdefault("items", sorted(self.was_ticked))

    def clean(self):
        data = super().clean()
        new = set(data.get("items") or ()) - self.was_ticked
        if new and not data.get("ticked") and "ticked" not in self.errors:
            self.add_error("ticked", "Enter the date the items you ticked were in place")
        return data

    @property
    def to_tick(self) -> list[str]:
        return sorted(set(self.cleaned_data["items"]) - self.was_ticked)

    @property
    def to_untick(self) -> list[str]:
        return sorted(self.was_ticked - set(self.cleaned_data["items"]))


class ApproveForm(GovukForm, forms.Form):
    made = past_date("Date approved")
    decider_role = forms.ChoiceField(
        label="Role of the person who approved it",
        choices=[("", "Choose the role"), *DeciderRole.choices],
        error_messages={"required": "Choose the role of the person who approved it"},
    )
    note = forms.CharField(
        label="Note (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    reason = forms.CharField(
        label="Reason for approving before everything is in place",
        required=False,
        help_text="Only if something on the checklist is not in place yet",
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, result: ChecklistResult, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decider_role"].help_text = f"Who may approve: {result.approver}"
        if result.complete:
            del self.fields["reason"]
