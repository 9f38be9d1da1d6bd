"""GOV.UK Design System forms: `{{ form }}` renders GOV.UK markup, and a GOV.UK date input.

settings.FORM_RENDERER is `GovukFormRenderer`, so every Django form renders through
templates/govuk/: a `govuk-form-group` per field with its label (or a fieldset legend for
radios, checkboxes and dates), hint, error message and a GOV.UK-classed control. On a page:

    {% include "includes/error_summary.html" with form=form %}
    <form method="post" novalidate>{% csrf_token %}{{ form }}
      <button type="submit" class="govuk-button" data-module="govuk-button">Save</button>
    </form>

`DateField` asks for a date as Day, Month and Year boxes and explains what is wrong the
GOV.UK way ("Date held must include a year", "Date held must be a real date").
"""

from __future__ import annotations

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.forms.utils import pretty_name

DATE_PARTS = ("day", "month", "year")
MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_DIGITS = re.compile(r"[0-9]+")
# The attribute a bound field uses to tell the date widget which boxes to mark as wrong.
_ERROR_PARTS_ATTR = "data-govuk-error-parts"


class GovukDateInput(forms.MultiWidget):
    """Day, Month and Year text boxes in GOV.UK date input markup, inside a fieldset.

    The boxes are named `<name>_day`, `<name>_month`, `<name>_year` and have the ids
    `<id>_0`, `<id>_1`, `<id>_2`; each has its own visible label.
    """

    template_name = "govuk/widgets/date_input.html"
    use_fieldset = True
    labels = ("Day", "Month", "Year")
    widths = (2, 2, 4)

    def __init__(self, attrs=None):
        part = {"inputmode": "numeric"}
        super().__init__(
            {name: forms.TextInput(attrs=dict(part)) for name in DATE_PARTS},
            attrs,
        )

    def decompress(self, value):
        if isinstance(value, str):
            try:
                value = datetime.date.fromisoformat(value)
            except ValueError:
                return [None, None, None]
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def get_context(self, name, value, attrs):
        attrs = dict(attrs or {})
        error_parts = attrs.pop(_ERROR_PARTS_ATTR, "")
        error_parts = set(error_parts.split(",")) if error_parts else set()
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].pop(_ERROR_PARTS_ATTR, None)
        for part, label, width, sub in zip(
            DATE_PARTS, self.labels, self.widths, context["widget"]["subwidgets"], strict=True
        ):
            sub_attrs = sub["attrs"]
            classes = ["govuk-input", "govuk-date-input__input", f"govuk-input--width-{width}"]
            if part in error_parts:
                classes.append("govuk-input--error")
                sub_attrs["aria-invalid"] = "true"
            else:
                sub_attrs.pop("aria-invalid", None)
            sub_attrs["class"] = " ".join(classes)
            sub["govuk_label"] = label
            sub["govuk_part"] = part
        return context


class DateField(forms.Field):
    """A date asked for as Day, Month and Year; cleans to `datetime.date`.

    Messages use the field's label ("Date held"), or its name made readable when it has
    none. Months may be typed as numbers or names ("2", "Feb", "February").
    """

    widget = GovukDateInput
    default_error_messages = {
        "required": "Enter %(subject_lower)s",
        "incomplete": "%(subject)s must include a %(missing)s",
        "invalid": "%(subject)s must be a real date",
        "year_digits": "Year must include 4 numbers",
    }

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._field_name = ""

    def get_bound_field(self, form, field_name):
        # A form holds its own copy of each field, so remembering the name here is safe.
        self._field_name = field_name
        return super().get_bound_field(form, field_name)

    def _subject(self) -> str:
        subject = str(self.label) if self.label else pretty_name(self._field_name) or "Date"
        return subject[:1].upper() + subject[1:]

    def _error(self, code: str, parts, **params) -> ValidationError:
        subject = self._subject()
        lower = subject if subject[1:2].isupper() else subject[:1].lower() + subject[1:]
        return ValidationError(
            self.error_messages[code],
            code=code,
            params={"subject": subject, "subject_lower": lower, "parts": tuple(parts), **params},
        )

    def to_python(self, value):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if value in self.empty_values:
            return None
        if isinstance(value, str):
            try:
                return datetime.date.fromisoformat(value.strip())
            except ValueError:
                raise self._error("invalid", DATE_PARTS) from None
        texts = [("" if v is None else str(v)).strip() for v in value]
        if not any(texts):
            return None
        missing = [part for part, text in zip(DATE_PARTS, texts, strict=True) if not text]
        if missing:
            raise self._error("incomplete", missing, missing=" and ".join(missing))
        day_text, month_text, year_text = texts

        wrong = []
        day = int(day_text) if _DIGITS.fullmatch(day_text) else None
        if day is None or not 1 <= day <= 31:
            wrong.append("day")
        month = _month(month_text)
        if month is None:
            wrong.append("month")
        year = int(year_text) if _DIGITS.fullmatch(year_text) else None
        if year is None:
            wrong.append("year")
        if wrong:
            raise self._error("invalid", wrong)
        if len(year_text) != 4:
            raise self._error("year_digits", ["year"])
        try:
            return datetime.date(year, month, day)
        except ValueError:
            raise self._error("invalid", DATE_PARTS) from None

    def validate(self, value):
        if value in self.empty_values and self.required:
            raise self._error("required", DATE_PARTS)


def _month(text: str) -> int | None:
    if _DIGITS.fullmatch(text):
        month = int(text)
        return month if 1 <= month <= 12 else None
    name = text.lower().rstrip(".")
    if len(name) >= 3:
        for number, full in enumerate(MONTH_NAMES, start=1):
            if full.startswith(name):
                return number
    return None


# Which GOV.UK component each kind of widget is, and the class its control carries.
_CONTROL_CLASSES = {
    "input": "govuk-input",
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "file": "govuk-file-upload",
    "radios": "govuk-radios__input",
    "checkboxes": "govuk-checkboxes__input",
    "checkbox": "govuk-checkboxes__input",
}
_ERROR_MODIFIED = {"input", "textarea", "select", "file"}


def govuk_kind(widget: forms.Widget) -> str:
    """The GOV.UK component a widget is shown as (templates/govuk/field.html)."""
    if widget.is_hidden:
        return "hidden"
    if isinstance(widget, GovukDateInput):
        return "date"
    if isinstance(widget, forms.CheckboxSelectMultiple):  # a RadioSelect subclass: first
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.FileInput):
        return "file"
    return "input"


class GovukBoundField(BoundField):
    """A bound field whose control carries GOV.UK classes and error state."""

    @property
    def govuk_kind(self) -> str:
        return govuk_kind(self.field.widget)

    @property
    def govuk_error_parts(self) -> tuple[str, ...]:
        """For a date: the boxes (day, month, year) the errors are about."""
        parts: list[str] = []
        for error in self.errors.as_data():
            named = (error.params or {}).get("parts") if isinstance(error.params, dict) else None
            parts.extend(named or DATE_PARTS)
        return tuple(part for part in DATE_PARTS if part in parts)

    @property
    def govuk_error_target(self) -> str:
        """The id the error summary links to: the first box or option to put right."""
        base = self.field.widget.attrs.get("id") or self.auto_id
        if not base:
            return ""
        kind = self.govuk_kind
        if kind in ("radios", "checkboxes"):
            return f"{base}_0"
        if kind == "date":
            parts = self.govuk_error_parts or DATE_PARTS
            return f"{base}_{DATE_PARTS.index(parts[0])}"
        return base

    def build_widget_attrs(self, attrs, widget=None):
        widget = widget or self.field.widget
        attrs = super().build_widget_attrs(attrs, widget)
        # GOV.UK services check answers on the server and say what is wrong; the browser's
        # own "required" bubbles are inconsistent and inaccessible.
        attrs.pop("required", None)
        kind = govuk_kind(widget)
        if kind == "date":
            if self.errors:
                attrs[_ERROR_PARTS_ATTR] = ",".join(self.govuk_error_parts)
            return attrs
        control = _CONTROL_CLASSES.get(kind)
        if control:
            classes = [control]
            if self.errors and kind in _ERROR_MODIFIED:
                classes.append(f"{control}--error")
            for extra in (widget.attrs.get("class"), attrs.get("class")):
                classes.extend((extra or "").split())
            attrs["class"] = " ".join(dict.fromkeys(classes))
        return attrs


class GovukFormRenderer(TemplatesSetting):
    """Django's form renderer with GOV.UK templates (templates/govuk/) and bound fields."""

    form_template_name = "govuk/form.html"
    field_template_name = "govuk/field.html"
    bound_field_class = GovukBoundField
    # Django's own option lists become GOV.UK radios and checkboxes wherever they appear.
    widget_templates = {
        "django/forms/widgets/radio.html": "govuk/widgets/radios.html",
        "django/forms/widgets/checkbox_select.html": "govuk/widgets/checkboxes.html",
    }

    def get_template(self, template_name):
        return super().get_template(self.widget_templates.get(template_name, template_name))


class GovukForm:
    """Optional mixin: GOV.UK rendering for this form whatever FORM_RENDERER says.

    class HeldForm(GovukForm, forms.Form): ...
    """

    default_renderer = GovukFormRenderer
    bound_field_class = GovukBoundField
