"""The recording forms: what a practitioner fills in, with the messages GOV.UK asks for.

Each form cleans to the keyword arguments of its service in `services`, so that a view
only parses the form and calls the service.
"""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from permanence.web.accounts.models import Role, User
from permanence.web.children import models
from permanence.web.forms import DateField

YES_NO = [("yes", "Yes"), ("no", "No")]
YES_NO_NOT_KNOWN = [*YES_NO, ("not_known", "Not known")]
_BOOL = {"yes": True, "no": False, "not_known": None}


def _not_in_future(label: str):
    def check(value: date | None) -> None:
        if value is not None and value > timezone.localdate():
            raise ValidationError(f"{label} must be today or in the past", code="future")

    return check


def past_date(label: str, *, required: bool = True, help_text: str = "") -> DateField:
    """A date something happened: today or before."""
    return DateField(
        label=label,
        required=required,
        help_text=help_text or "For example, 27 3 2024",
        validators=[_not_in_future(label)],
    )


def _choices(choices, blank: str | None = None):
    return ([("", blank)] if blank is not None else []) + list(choices)


def _bool_field(label: str, choices=YES_NO, **kw) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=choices,
        coerce=lambda v: _BOOL[v],
        empty_value=None,
        widget=forms.RadioSelect,
        **kw,
    )


def _text(label: str, help_text: str = "", *, rows: int = 3) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class PlanForm(forms.Form):
    """A version of the permanence plan. `based_on` is the version the change was made
    from, so a save over someone else's newer version is refused, not lost."""

    based_on = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    agreed = past_date("Date the plan was agreed")
    primary = forms.ChoiceField(
        label="Plan for permanence",
        choices=models.PlanKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the plan for permanence"},
    )
    contingency = forms.ChoiceField(
        label="Contingency (parallel) plan",
        choices=_choices(models.PlanKind.choices, "No contingency plan"),
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, (_, label) in models.REQUIRED_ELEMENTS.items():
            self.fields[name] = _text(label, "One of the six things every plan must name")
        for name, (_, label) in models.PRACTICE_ELEMENTS.items():
            self.fields[name] = _text(label)

    def clean(self):
        data = super().clean()
        if data.get("primary") and data.get("primary") == data.get("contingency"):
            self.add_error(
                "contingency", "The contingency plan must be different from the plan for permanence"
            )
        return data


class ReviewForm(forms.Form):
    held = past_date("Date of the review")
    iro = forms.ModelChoiceField(
        label="Independent reviewing officer who chaired it",
        queryset=User.objects.none(),
        required=False,
        empty_label="Not given",
    )
    plan_ratified = _bool_field(
        "Was the permanence plan ratified at the review?",
        YES_NO_NOT_KNOWN,
        initial="not_known",
        error_messages={"required": "Say whether the plan was ratified"},
    )
    code = forms.ChoiceField(
        label="How the child took part",
        required=False,
        choices=_choices(
            [
                ("PN0", "Child aged under 4 at the time of the review"),
                ("PN1", "Attended and spoke for themselves"),
                ("PN2", "Attended and an advocate spoke for them"),
                ("PN3", "Attended and conveyed their views without words"),
                ("PN4", "Attended but did not convey their views"),
                ("PN5", "Did not attend but briefed an advocate"),
                ("PN6", "Did not attend but conveyed their views another way"),
                ("PN7", "Did not attend and their views were not conveyed"),
            ],
            "Not given",
        ),
    )

    def __init__(self, *args, child: models.Child | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["iro"].queryset = User.objects.filter(role=Role.IRO, is_active=True).order_by(
            "last_name", "first_name", "username"
        )
        if child is not None and child.iro_id and "iro" not in self.initial:
            self.initial["iro"] = child.iro_id


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(
        label="Meeting",
        choices=_choices(models.Meeting.Kind.choices, "Choose the meeting"),
        error_messages={"required": "Choose the meeting"},
    )
    held = past_date("Date held")
    chair_role = forms.ChoiceField(
        label="Role of the person who chaired it",
        choices=_choices(models.DeciderRole.choices, "Not given"),
        required=False,
    )
    note = _text("Note", rows=4)


class DecisionForm(forms.Form):
    kind = forms.ChoiceField(
        label="Decision or approval",
        choices=_choices(models.Decision.Kind.choices, "Choose the decision"),
        error_messages={"required": "Choose the decision"},
    )
    made = past_date("Date made")
    role = forms.ChoiceField(
        label="Role of the person who made it",
        choices=_choices(models.DeciderRole.choices, "Choose the role"),
        help_text="Policies say who may make each decision: it counts only if made in that role",
        error_messages={"required": "Choose the role of the person who made the decision"},
    )
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=models.Decision.Outcome.choices,
        initial=models.Decision.Outcome.APPROVED,
        widget=forms.RadioSelect,
    )


class AssessmentForm(forms.Form):
    kind = forms.ChoiceField(
        label="Assessment",
        choices=_choices(models.Assessment.Kind.choices, "Choose the assessment"),
        error_messages={"required": "Choose the assessment"},
    )
    completed = past_date("Date completed")
    note = _text("Note")


class FamilyTimeForm(forms.Form):
    with_whom = forms.CharField(
        label="With whom",
        max_length=200,
        help_text="For example, mother, maternal grandparents, brother Sam",
        error_messages={"required": "Enter who the child spends the time with"},
    )
    contact = forms.ChoiceField(
        label="Direct or indirect",
        choices=models.FamilyTime.Contact.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose direct or indirect"},
    )
    supervision = forms.ChoiceField(
        label="Supervision",
        choices=models.FamilyTime.Supervision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose supervised, facilitated or unsupervised"},
    )
    frequency = forms.CharField(
        label="How often",
        max_length=100,
        help_text="For example, monthly, twice a year",
        error_messages={"required": "Enter how often"},
    )
    starts = DateField(label="From", help_text="For example, 27 3 2024")
    ends = DateField(label="To (if it ends)", required=False, help_text="For example, 27 3 2025")

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts"), data.get("ends")
        if starts and ends and ends < starts:
            self.add_error("ends", "The end date must be the same as or after the start date")
        return data


class SiblingForm(forms.Form):
    name = forms.CharField(label="Name", max_length=200, required=False)
    sibling_child_id = forms.CharField(
        label="CHILD id, if they are looked after too", max_length=20, required=False
    )
    same_group = _bool_field(
        "In the same sibling group?",
        initial="yes",
        error_messages={"required": "Say whether they are in the same sibling group"},
    )
    placed = forms.ChoiceField(
        label="Living together or apart",
        choices=models.Sibling.Placed.choices,
        initial=models.Sibling.Placed.NOT_KNOWN,
        widget=forms.RadioSelect,
    )
    assessment_completed = past_date(
        "Together or apart assessment completed",
        required=False,
        help_text="Leave blank if it has not been done. For example, 27 3 2024",
    )

    def clean(self):
        data = super().clean()
        if not (data.get("name") or data.get("sibling_child_id")):
            self.add_error("name", "Enter the brother or sister's name or their CHILD id")
        return data


class LifeStoryForm(forms.Form):
    started = past_date("Life story work started", required=False)
    book_given = past_date("Life story book given to the child", required=False)
    later_life_letter = past_date("Later life letter written", required=False)


class FamilyMemberForm(forms.Form):
    name = forms.CharField(
        label="Name", max_length=200, error_messages={"required": "Enter their name"}
    )
    relationship = forms.CharField(
        label="Relationship to the child",
        max_length=100,
        help_text="For example, maternal aunt",
        error_messages={"required": "Enter their relationship to the child"},
    )
    viability_completed = past_date(
        "Viability assessment completed",
        required=False,
        help_text="Leave blank if they have not been assessed. For example, 27 3 2024",
    )
    viability_outcome = forms.ChoiceField(
        label="Outcome of the viability assessment",
        choices=_choices(models.FamilyMember.Outcome.choices, "Not assessed yet"),
        required=False,
        widget=forms.RadioSelect,
    )

    def clean(self):
        data = super().clean()
        if data.get("viability_completed") and not data.get("viability_outcome"):
            self.add_error("viability_outcome", "Choose the outcome of the viability assessment")
        if (
            data.get("viability_outcome")
            and not data.get("viability_completed")
            and "viability_completed" not in self.errors
        ):
            self.add_error(
                "viability_completed", "Enter the date the viability assessment was completed"
            )
        return data


class GenogramForm(forms.Form):
    completed = past_date("Date the genogram was completed")
