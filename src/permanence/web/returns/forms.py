from django import forms

from permanence.profiles import PROFILE_NAMES


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple) and data:
            return [single(d, initial) for d in data]
        if isinstance(data, list | tuple):
            data = None
        return [single(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="Return files",
        help_text="The CSV tables of the return (header, episodes, reviews, ...) or its XML file. "
        "Choose all the files of one return at once.",
        error_messages={"required": "Select the files of the return"},
    )
    profile = forms.ChoiceField(
        label="Policy profile for children new to Permanence",
        choices=[(p, p.capitalize()) for p in PROFILE_NAMES],
        initial="national",
        help_text="Children already here keep their profile.",
    )
