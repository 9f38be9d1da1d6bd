"""The panel forms: setting up a sitting, changing the agenda, recording decisions."""

from __future__ import annotations

from datetime import date, timedelta

from django import forms
from django.core.exceptions import ValidationError

from permanence.panels import PanelDefinition, Reason, panels_of
from permanence.profiles import PROFILE_NAMES, load_profile
from permanence.web.accounts.models import Role, User
from permanence.web.children import models as children
from permanence.web.forms import DateField, GovukForm
from permanence.web.panels import selectors

OTHER = "other"
SUGGEST_WEEKS = 8
TIME_FORMATS = ["%H:%M", "%H.%M", "%H%M", "%I:%M%p", "%I.%M%p", "%I%p"]


def panel_choices() -> list[tuple[str, str]]:
    """Every panel of every profile, as "profile:key", named with the council."""
    out = []
    for name in PROFILE_NAMES:
        title = load_profile(name).title
        for d in panels_of(name):
            out.append((f"{d.profile}:{d.key}", f"{title}: {d.name}"))
    return out


class ChoosePanelForm(GovukForm, forms.Form):
    panel = forms.ChoiceField(
        label="Which panel?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the panel"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["panel"].choices = panel_choices()


def _day(d: date) -> str:
    return f"{d:%A} {d.day} {d:%B %Y}"


class TimeInput(forms.TextInput):
    def format_value(self, value):
        if hasattr(value, "strftime"):
            return value.strftime("%H:%M")
        return super().format_value(value)


class SittingForm(GovukForm, forms.Form):
    """When the panel sits: one of the dates the policy's frequency suggests, or another."""

    sitting = forms.ChoiceField(
        label="Date of the sitting",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the date of the sitting"},
    )
    other_date = DateField(
        label="The other date",
        required=False,
        help_text="If you chose another date. For example, 27 3 2026",
    )
    start = forms.TimeField(
        label="Start time",
        input_formats=TIME_FORMATS,
        help_text="The first child's slot begins then. For example, 10:00 or 2pm",
        widget=TimeInput(attrs={"class": "govuk-input--width-5"}),
        error_messages={
            "required": "Enter the start time",
            "invalid": "Enter the start time as hours and minutes, like 10:00 or 2pm",
        },
    )
    chair = forms.ModelChoiceField(
        label="Chair",
        queryset=User.objects.none(),
        required=False,
        empty_label="Not decided yet",
    )
    note = forms.CharField(label="Note", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, definition: PanelDefinition, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.definition, self.today = definition, today
        suggested = definition.sittings(today, today + timedelta(weeks=SUGGEST_WEEKS))
        self.fields["sitting"].choices = [(d.isoformat(), _day(d)) for d in suggested] + [
            (OTHER, "Another date")
        ]
        self.fields["chair"].queryset = User.objects.filter(
            is_active=True, role__in=(Role.HEAD_OF_SERVICE, Role.TEAM_MANAGER)
        ).order_by("first_name", "last_name", "username")
        self.fields["chair"].help_text = f"The policy asks for: {definition.chair_words}"

    def clean(self):
        data = super().clean()
        choice = data.get("sitting")
        if choice == OTHER:
            if data.get("other_date") is None and "other_date" not in self.errors:
                self.add_error("other_date", "Enter the date of the sitting")
            data["day"] = data.get("other_date")
        elif choice:
            data["day"] = date.fromisoformat(choice)
        day = data.get("day")
        if day is not None and day < self.today:
            self.add_error(
                "other_date" if choice == OTHER else "sitting",
                "The date of the sitting must be today or in the future",
            )
        return data


class AddChildForm(GovukForm, forms.Form):
    child_id = forms.CharField(
        label="Child's CHILD id",
        max_length=20,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
        error_messages={"required": "Enter the child's CHILD id"},
    )
    reason = forms.ChoiceField(
        label="Why is the child to be heard?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose why the child is to be heard"},
    )
    other_reason = forms.CharField(
        label="The reason, in your words",
        required=False,
        help_text="If you chose another reason",
        max_length=500,
    )

    def __init__(self, *args, reasons: tuple[Reason, ...] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.reasons = reasons
        self.fields["reason"].choices = [
            (str(n), f"{r.code} {r.text}".strip()) for n, r in enumerate(reasons)
        ] + [(OTHER, "Another reason")]

    def clean(self):
        data = super().clean()
        choice = data.get("reason")
        if choice == OTHER:
            text = (data.get("other_reason") or "").strip()
            if not text:
                self.add_error("other_reason", "Enter the reason the child is to be heard")
            data["chosen"] = text
        elif choice is not None:
            data["chosen"] = self.reasons[int(choice)]
        return data


class RemoveForm(GovukForm, forms.Form):
    reason = forms.CharField(
        label="Reason for taking the child off the agenda",
        max_length=500,
        error_messages={"required": "Enter the reason the child is taken off the agenda"},
    )

    def __init__(self, *args, child_id: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = f"Reason for taking child {child_id} off the agenda"


class OutcomeForm(GovukForm, forms.Form):
    """The panel's decision for one child, and optionally one action."""

    decision = forms.CharField(
        label="Decision",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the panel's decision"},
    )
    return_by = DateField(
        label="Return to the panel by",
        required=False,
        help_text="If the panel wants to hear the child again. For example, 27 3 2026",
    )
    action = forms.CharField(label="Action", required=False, max_length=1000)
    owner = forms.ModelChoiceField(
        label="Who is to do it",
        queryset=User.objects.none(),
        required=False,
        empty_label="Choose a person",
    )
    due = DateField(label="Action due by", required=False, help_text="For example, 27 3 2026")

    def __init__(self, *args, child: children.Child, sitting: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.sitting = sitting
        self.fields["owner"].queryset = selectors.people_who_may_see(child)
        self.fields["owner"].label_from_instance = lambda u: f"{u} ({u.get_role_display()})"
        for name in ("decision", "return_by", "action", "owner", "due"):
            field = self.fields[name]
            field.label = f"{field.label} (child {child.child_id})"

    def clean_return_by(self):
        value = self.cleaned_data.get("return_by")
        if value is not None and value <= self.sitting:
            raise ValidationError("The date to return must be after the sitting", code="past")
        return value

    def clean(self):
        data = super().clean()
        if data.get("action"):
            if data.get("owner") is None and "owner" not in self.errors:
                self.add_error("owner", "Choose who is to do the action")
            if data.get("due") is None and "due" not in self.errors:
                self.add_error("due", "Enter the date the action is due by")
        elif data.get("owner") is not None or data.get("due") is not None:
            self.add_error("action", "Say what is to be done")
        return data


class DoneForm(GovukForm, forms.Form):
    note = forms.CharField(label="Note", required=False, max_length=1000)
