"""A small URL conf for tests/web/test_layout.py: the named routes the layout links to,
as stand-ins, so the layout's tests do not depend on the real apps' views."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template import engines
from django.urls import include, path

from permanence.web.forms import DateField

PAGE = engines["django"].from_string(
    """{% extends "base.html" %}
{% block title %}{{ title|default:"Test page" }}{% endblock %}
{% block back %}<a href="/" class="govuk-back-link">Back</a>{% endblock %}
{% block content %}
{% if form %}{% include "includes/error_summary.html" with form=form %}{% endif %}
<h1 class="govuk-heading-l">{{ title|default:"Test page" }}</h1>
{% if form %}<form method="post" novalidate>{% csrf_token %}{{ form }}</form>{% endif %}
{% endblock %}
{% block scripts %}<script type="module" src="/static/test-extra.js"></script>{% endblock %}"""
)


class ExampleForm(forms.Form):
    name = forms.CharField(label="Full name", help_text="As on the case record")
    held = DateField(label="Date held")
    plan = forms.ChoiceField(
        label="Permanence plan",
        choices=[("adoption", "Adoption"), ("sgo", "Special guardianship")],
        widget=forms.RadioSelect,
    )
    needs = forms.MultipleChoiceField(
        label="Needs",
        choices=[("health", "Health"), ("education", "Education")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    team = forms.ChoiceField(label="Team", choices=[("", "Choose"), ("north", "North")])
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)
    urgent = forms.BooleanField(label="This is urgent", required=False)


def page(request, **kwargs):
    return HttpResponse(PAGE.render({}, request))


def form_page(request):
    form = ExampleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        messages.success(request, "Saved")
    return HttpResponse(PAGE.render({"form": form, "title": "Example form"}, request))


def message_page(request):
    messages.success(request, "Plan recorded")
    messages.info(request, "The return is being checked")
    return HttpResponse(PAGE.render({}, request))


def forbidden(request):
    raise PermissionDenied("Your role cannot open the audit log.")


def broken(request):
    raise RuntimeError("boom")


def stand_ins(app: str, **routes: str):
    """Stand-in pages named `app:<name>` at the given routes."""
    return include(([path(route, page, name=name) for name, route in routes.items()], app))


urlpatterns = [
    path("", page, name="home"),
    path("accounts/", stand_ins("accounts", **{"sign-out": "sign-out/"})),
    path(
        "children/",
        stand_ins("children", find="", iro="reviews/", team="team/", **{"my-work": "my-work/"}),
    ),
    path("returns/", stand_ins("returns", upload="upload/")),
    path("audit/", stand_ins("audit", search="")),
    path("admin/", stand_ins("admin", index="")),
    path("layout/form/", form_page),
    path("layout/messages/", message_page),
    path("layout/forbidden/", forbidden),
    path("layout/broken/", broken),
]
