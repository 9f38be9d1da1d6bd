"""The balance sheet form: every option weighed for this child, then the recommendation.

Re B-S asks for each realistic option to be weighed, its advantages and disadvantages
for the child, before one is chosen; the welfare checklist is what they are weighed
against.
"""

from __future__ import annotations

from django import forms

from permanence.web.children.forms import past_date
from permanence.web.forms import GovukForm
from permanence.web.guidance import models
from permanence.web.guidance.services import Weighed

YES_NO = [("yes", "Yes"), ("no", "No")]

# Children Act 1989 s1(3), the welfare checklist, in short.
WELFARE_CHECKLIST = (
    "the child's wishes and feelings, in the light of their age and understanding",
    "their physical, emotional and educational needs",
    "the likely effect on them of any change in their circumstances",
    "their age, sex, background and any characteristics the court considers relevant",
    "any harm they have suffered or are at risk of suffering",
    "how capable each parent, and anyone else relevant, is of meeting their needs",
    "the range of powers available to the court",
)


class BalanceSheetForm(GovukForm, forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for option in models.Option:
            words = option.label[:1].lower() + option.label[1:]
            self.fields[f"{option.value}_realistic"] = forms.ChoiceField(
                label=f"Is {words} a realistic option for this child?",
                choices=YES_NO,
                widget=forms.RadioSelect,
                error_messages={"required": f"Say whether {words} is a realistic option"},
            )
            self.fields[f"{option.value}_advantages"] = forms.CharField(
                label=f"Advantages of {words} for this child",
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.fields[f"{option.value}_disadvantages"] = forms.CharField(
                label=f"Disadvantages of {words} for this child",
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        self.fields["completed"] = past_date("Date the balance sheet was completed")
        self.fields["recommended"] = forms.ChoiceField(
            label="Recommended option",
            choices=models.Option.choices,
            widget=forms.RadioSelect,
            help_text="It must be one you said is realistic.",
            error_messages={"required": "Choose the recommended option"},
        )
        self.fields["reasons"] = forms.CharField(
            label="Reasons for the recommendation",
            help_text="Why this option, weighed against the others, best meets the child's "
            "welfare throughout their childhood (and, for adoption, throughout their life).",
            widget=forms.Textarea(attrs={"rows": 6}),
            error_messages={"required": "Enter the reasons for the recommendation"},
        )

    def option_fields(self):
        """(label, realistic, advantages, disadvantages) bound fields of each option."""
        return [
            (
                option.label,
                self[f"{option.value}_realistic"],
                self[f"{option.value}_advantages"],
                self[f"{option.value}_disadvantages"],
            )
            for option in models.Option
        ]

    def clean(self):
        data = super().clean()
        realistic = []
        for option in models.Option:
            words = option.label[:1].lower() + option.label[1:]
            if data.get(f"{option.value}_realistic") != "yes":
                continue
            realistic.append(option.value)
            for side in ("advantages", "disadvantages"):
                if not (data.get(f"{option.value}_{side}") or "").strip():
                    self.add_error(
                        f"{option.value}_{side}",
                        f"Enter the {side} of {words} for this child",
                    )
        answered = all(f"{o.value}_realistic" in data for o in models.Option)
        if answered and not realistic:
            self.add_error(None, "Say which options are realistic: at least one must be")
        recommended = data.get("recommended")
        if recommended and answered and recommended not in realistic:
            self.add_error(
                "recommended", "The recommended option must be one you said is realistic"
            )
        return data

    def service_arguments(self) -> dict:
        """The keyword arguments of `services.record_balance_sheet`."""
        data = self.cleaned_data
        return {
            "completed": data["completed"],
            "recommended": data["recommended"],
            "reasons": data["reasons"],
            "options": [
                Weighed(
                    option.value,
                    data[f"{option.value}_realistic"] == "yes",
                    data[f"{option.value}_advantages"],
                    data[f"{option.value}_disadvantages"],
                )
                for option in models.Option
            ],
        }

    @classmethod
    def initial_from(cls, sheet: models.BalanceSheet | None) -> dict:
        """A new sheet starts from the last one: the options as weighed then."""
        if sheet is None:
            return {}
        initial = {"recommended": sheet.recommended, "reasons": sheet.reasons}
        for row in sheet.options.all():
            initial[f"{row.option}_realistic"] = "yes" if row.realistic else "no"
            initial[f"{row.option}_advantages"] = row.advantages
            initial[f"{row.option}_disadvantages"] = row.disadvantages
        return initial
