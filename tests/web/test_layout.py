"""The layout (base.html), the built GOV.UK Frontend, navigation, and GOV.UK forms.

Runs against tests/web/test_layout_urls.py, stand-ins for the pages the layout links to.
"""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django import forms
from django.core.paginator import Paginator
from django.template import engines
from django.templatetags.static import static
from django.test import RequestFactory
from django.urls import include, path

from permanence.web.accounts.models import Role, User
from permanence.web.context import navigation
from permanence.web.forms import DateField, GovukFormRenderer
from tests.web.test_layout_urls import ExampleForm, page

pytestmark = [
    pytest.mark.urls("tests.web.test_layout_urls"),
    # WhiteNoise says so when STATIC_ROOT has not been collected; it serves from the finders.
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

BUILD = Path(__file__).resolve().parents[2] / "src/permanence/web/static/build"


def built(name: str) -> str:
    path = BUILD / name
    if not path.is_file():
        pytest.fail(f"{path} is missing: run frontend/build.sh")
    return path.read_text(encoding="utf-8")


def person(role: Role, username: str = "sam") -> User:
    user, _ = User.objects.get_or_create(
        username=username, defaults={"first_name": "Sam", "last_name": "Patel", "role": role}
    )
    return user


def header(html: str) -> str:
    return html[html.index("<header") : html.index("</header>")]


class Elements(HTMLParser):
    """Every start tag as (tag, attrs), to look elements up by id or class."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def by_id(self, element_id: str) -> tuple[str, dict[str, str]]:
        found = [t for t in self.tags if t[1].get("id") == element_id]
        assert len(found) == 1, f"{len(found)} elements with id {element_id!r}"
        return found[0]

    def classes(self, element_id: str) -> set[str]:
        return set(self.by_id(element_id)[1].get("class", "").split())


# The built front end -------------------------------------------------------------------


def test_the_built_css_uses_arial_and_not_the_gov_uk_font():
    css = built("permanence.css")
    assert "arial" in css.lower()
    assert "GDS Transport" not in css
    assert "@font-face" not in css
    assert ".govuk-generic-header" in css
    assert "/*# sourceMappingURL" not in css


def test_the_built_scripts_are_an_es_module_and_start_gov_uk_frontend():
    bundle = built("govuk-frontend.min.js")
    assert re.search(r"export\{[^}]*\binitAll\b", bundle)
    assert "sourceMappingURL" not in bundle
    start = built("permanence.js")
    assert 'import { initAll } from "./govuk-frontend.min.js"' in start
    assert "initAll()" in start


def test_every_image_the_css_refers_to_is_built():
    css = built("permanence.css")
    images = set(re.findall(r"url\(\"?(assets/images/[^\")]+)\"?\)", css))
    assert images
    for image in images:
        assert (BUILD / image).is_file(), f"{image} is referred to by the CSS but not built"
    assert not list(BUILD.rglob("*.woff*")), "fonts are not shipped: the service uses Arial"


# The layout ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_layout_is_a_council_service_not_gov_uk(client):
    client.force_login(person(Role.SOCIAL_WORKER))
    html = client.get("/children/").content.decode()

    assert '<html lang="en" class="govuk-template">' in html
    assert '<body class="govuk-template__body">' in html
    assert "govuk-frontend-supported" in html
    assert '<a href="#main-content" class="govuk-skip-link"' in html
    assert '<main class="govuk-main-wrapper" id="main-content">' in html
    assert "<title>Test page – Permanence</title>" in html

    top = header(html)
    assert 'class="govuk-generic-header"' in top
    assert re.search(r'class="govuk-generic-header__homepage-link">\s*Permanence\s*</a>', top)
    assert "govuk-header" not in top.replace("govuk-generic-header", "")
    assert "<svg" not in html, "no crown, no GOV.UK logo, no OGL logo"
    assert "GOV.UK" not in html
    assert "Crown copyright" not in html
    assert "govuk-footer__copyright-logo" not in html
    assert "Permanence – open source, MIT licence" in html

    assert f'<link rel="stylesheet" href="{static("build/permanence.css")}">' in html
    assert f'<script type="module" src="{static("build/permanence.js")}"></script>' in html
    # The page's own blocks: back link before main, extra scripts after the layout's.
    assert html.index("govuk-back-link") < html.index('id="main-content"')
    assert html.index("build/permanence.js") < html.index("/static/test-extra.js")


@pytest.mark.django_db
def test_the_signed_in_person_their_role_and_sign_out_are_shown(client):
    client.force_login(person(Role.TEAM_MANAGER))
    top = header(client.get("/children/").content.decode())
    assert "Sam Patel" in top
    assert "(Team manager)" in top
    form = re.search(r'<form[^>]*action="/accounts/sign-out/"[^>]*>(.*?)</form>', top, re.S)
    assert form and 'method="post"' in form.group(0)
    assert 'name="csrfmiddlewaretoken"' in form.group(1)
    assert re.search(r'<button type="submit"[^>]*>Sign out</button>', form.group(1))


def test_nobody_signed_in_sees_no_navigation_or_account(client):
    html = client.get("/").content.decode()
    assert "govuk-service-navigation" not in html
    assert "Sign out" not in html
    assert "Permanence" in header(html)


@pytest.mark.django_db
def test_messages_are_notification_banners(client):
    client.force_login(person(Role.SOCIAL_WORKER))
    html = client.get("/layout/messages/").content.decode()
    success = re.search(
        r'<div class="govuk-notification-banner govuk-notification-banner--success"[^>]*>', html
    )
    assert success and 'role="alert"' in success.group(0)
    assert "Plan recorded" in html
    info = re.search(r'<div class="govuk-notification-banner" role="region"[^>]*>', html)
    assert info and "The return is being checked" in html
    titles = re.findall(r'id="(govuk-notification-banner-title-\d+)"', html)
    assert len(titles) == len(set(titles)) == 2


# Navigation ----------------------------------------------------------------------------


def texts(items) -> list[str]:
    return [item["text"] for item in items]


@pytest.mark.django_db
def test_navigation_shows_only_the_pages_of_the_persons_role():
    factory = RequestFactory()

    def nav(role: Role) -> list[dict]:
        request = factory.get("/children/my-work/")
        request.user = person(role, username=role.value)
        return navigation(request)["navigation"]

    assert texts(nav(Role.SOCIAL_WORKER)) == ["My work", "Children"]
    assert texts(nav(Role.TEAM_MANAGER)) == ["My work", "Team", "Children"]
    assert texts(nav(Role.IRO)) == ["My work", "Reviews", "Children"]
    assert texts(nav(Role.HEAD_OF_SERVICE)) == ["Team", "Children"]
    assert texts(nav(Role.ANALYST)) == ["Children"]
    assert texts(nav(Role.ADMINISTRATOR)) == ["Children", "Upload a return", "Audit log", "Admin"]
    assert [(i["href"], i["active"]) for i in nav(Role.SOCIAL_WORKER)] == [
        ("/children/my-work/", True),
        ("/children/", False),  # "/children/" is a prefix too, but My work is the closer
    ]


def test_navigation_is_empty_when_nobody_is_signed_in():
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    assert navigation(request) == {"navigation": []}


@pytest.mark.django_db
def test_navigation_leaves_out_pages_whose_address_does_not_exist(settings):
    class OnlyFindAChild:
        urlpatterns = [path("children/", include(([path("", page, name="find")], "children")))]

    settings.ROOT_URLCONF = OnlyFindAChild
    request = RequestFactory().get("/")
    request.user = person(Role.ADMINISTRATOR)
    assert texts(navigation(request)["navigation"]) == ["Children"]


@pytest.mark.django_db
def test_the_service_navigation_marks_the_current_page(client):
    client.force_login(person(Role.SOCIAL_WORKER))
    html = header(client.get("/children/my-work/").content.decode())
    assert 'aria-label="Menu"' in html
    links = re.findall(r'<li class="govuk-service-navigation__item[^"]*">.*?</li>', html, re.S)
    assert len(links) == 2
    assert "govuk-service-navigation__item--active" in links[0]
    assert 'aria-current="page"' in links[0] and "My work" in links[0]
    assert "Audit log" not in html and "Upload a return" not in html


# Forms ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_form_with_errors_has_a_summary_linking_to_each_field(client):
    client.force_login(person(Role.SOCIAL_WORKER))
    html = client.post(
        "/layout/form/",
        {"name": "", "held_day": "30", "held_month": "2", "held_year": "2024"},
    ).content.decode()
    page = Elements(html)

    assert "<title>Error: Example form – Permanence</title>" in html
    summary = html[html.index('class="govuk-error-summary"') : html.index("<h1")]
    assert 'data-module="govuk-error-summary"' in html
    assert "There is a problem" in summary
    assert re.search(r'<a href="#id_name">This field is required.</a>', summary)
    assert '<a href="#id_held_0">Date held must be a real date</a>' in summary
    assert '<a href="#id_plan_0">This field is required.</a>' in summary
    assert '<a href="#id_team">This field is required.</a>' in summary
    for target in ("id_name", "id_held_0", "id_plan_0", "id_team"):
        page.by_id(target)  # each link goes somewhere real

    assert {"govuk-input", "govuk-input--error"} <= page.classes("id_name")
    assert page.by_id("id_name")[1]["aria-describedby"] == "id_name_helptext id_name_error"
    assert "required" not in page.by_id("id_name")[1]
    assert page.classes("id_name_helptext") == {"govuk-hint"}
    assert page.classes("id_name_error") == {"govuk-error-message"}
    assert re.search(
        r'id="id_name_error" class="govuk-error-message">\s*<span class="govuk-visually-hidden">Error:</span> This field is required.',
        html,
    )
    assert {"govuk-select", "govuk-select--error"} <= page.classes("id_team")
    assert "govuk-form-group--error" in html
    assert '<label class="govuk-label" for="id_name">Full name</label>' in html


@pytest.mark.django_db
def test_a_valid_form_saves_without_errors(client):
    client.force_login(person(Role.SOCIAL_WORKER))
    html = client.post(
        "/layout/form/",
        {
            "name": "Sam",
            "held_day": "29",
            "held_month": "2",
            "held_year": "2024",
            "plan": "sgo",
            "team": "north",
        },
    ).content.decode()
    assert "govuk-error-summary" not in html
    assert "<title>Example form – Permanence</title>" in html
    assert "Saved" in html


def test_each_kind_of_field_renders_as_its_gov_uk_component():
    html = str(ExampleForm())
    page = Elements(html)
    assert page.classes("id_name") == {"govuk-input"}
    assert page.classes("id_notes") == {"govuk-textarea"}
    assert page.classes("id_team") == {"govuk-select"}
    assert page.classes("id_urgent") == {"govuk-checkboxes__input"}
    assert (
        '<label class="govuk-label govuk-checkboxes__label" for="id_urgent">This is urgent</label>'
        in html
    )
    # Radios and checkboxes: a fieldset with a legend, each option labelled.
    assert re.search(
        r'<fieldset class="govuk-fieldset">\s*<legend class="govuk-fieldset__legend">Permanence plan</legend>',
        html,
    )
    assert '<div class="govuk-radios" data-module="govuk-radios">' in html
    assert page.classes("id_plan_0") == {"govuk-radios__input"}
    assert (
        '<label class="govuk-label govuk-radios__label" for="id_plan_1">Special guardianship</label>'
        in html
    )
    assert '<div class="govuk-checkboxes" data-module="govuk-checkboxes">' in html
    assert page.classes("id_needs_1") == {"govuk-checkboxes__input"}
    assert (
        '<label class="govuk-label govuk-checkboxes__label" for="id_needs_1">Education</label>'
        in html
    )
    assert html.count('class="govuk-form-group"') >= 7
    assert "govuk-form-group--error" not in html


def test_classes_a_widget_already_has_are_kept():
    class WidthForm(forms.Form):
        code = forms.CharField(widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}))

    assert Elements(str(WidthForm())).classes("id_code") == {"govuk-input", "govuk-input--width-10"}


def test_the_renderer_is_the_gov_uk_one():
    assert isinstance(ExampleForm().renderer, GovukFormRenderer)


# The date input ------------------------------------------------------------------------


class HeldForm(forms.Form):
    held = DateField(label="Date held")


class OptionalForm(forms.Form):
    date_of_birth = DateField(required=False)


def held(day="", month="", year="") -> HeldForm:
    return HeldForm({"held_day": day, "held_month": month, "held_year": year})


def test_a_date_cleans_to_a_date():
    form = held("29", "2", "2024")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["held"] == datetime.date(2024, 2, 29)
    assert held(" 01 ", "Feb", "2024").is_valid()
    form = held("1", "february", "2024")
    assert form.is_valid() and form.cleaned_data["held"] == datetime.date(2024, 2, 1)


@pytest.mark.parametrize(
    ("day", "month", "year", "message", "wrong"),
    [
        ("30", "2", "2024", "Date held must be a real date", {"day", "month", "year"}),
        ("29", "2", "2023", "Date held must be a real date", {"day", "month", "year"}),
        ("1", "13", "2024", "Date held must be a real date", {"month"}),
        ("x", "2", "2024", "Date held must be a real date", {"day"}),
        ("32", "1", "2024", "Date held must be a real date", {"day"}),
        ("1", "2", "", "Date held must include a year", {"year"}),
        ("", "", "2024", "Date held must include a day and month", {"day", "month"}),
        ("1", "", "2024", "Date held must include a month", {"month"}),
        ("1", "2", "24", "Year must include 4 numbers", {"year"}),
        ("", "", "", "Enter date held", {"day", "month", "year"}),
    ],
)
def test_a_date_that_is_wrong_says_what_is_wrong(day, month, year, message, wrong):
    form = held(day, month, year)
    assert not form.is_valid()
    assert form.errors["held"] == [message]
    page = Elements(str(form))
    for index, part in enumerate(("day", "month", "year")):
        classes = page.classes(f"id_held_{index}")
        assert ("govuk-input--error" in classes) == (part in wrong), part
    first_wrong = ("day", "month", "year").index(
        next(p for p in ("day", "month", "year") if p in wrong)
    )
    assert form["held"].govuk_error_target == f"id_held_{first_wrong}"


def test_an_optional_date_left_empty_is_none_and_named_from_its_field():
    form = OptionalForm(
        {"date_of_birth_day": "", "date_of_birth_month": "", "date_of_birth_year": ""}
    )
    assert form.is_valid() and form.cleaned_data["date_of_birth"] is None
    form = OptionalForm(
        {"date_of_birth_day": "1", "date_of_birth_month": "", "date_of_birth_year": ""}
    )
    assert form.errors["date_of_birth"] == ["Date of birth must include a month and year"]


def test_the_date_parts_are_labelled_day_month_year_in_a_fieldset():
    html = str(HeldForm(initial={"held": datetime.date(2024, 2, 29)}))
    page = Elements(html)
    assert re.search(
        r'<fieldset class="govuk-fieldset" role="group">\s*<legend class="govuk-fieldset__legend">Date held</legend>',
        html,
    )
    assert '<div class="govuk-date-input" id="id_held">' in html
    for index, (label, width, value) in enumerate(
        [("Day", 2, "29"), ("Month", 2, "2"), ("Year", 4, "2024")]
    ):
        element_id = f"id_held_{index}"
        assert (
            f'<label class="govuk-label govuk-date-input__label" for="{element_id}">{label}</label>'
            in html
        )
        tag, attrs = page.by_id(element_id)
        assert attrs["inputmode"] == "numeric"
        assert attrs["value"] == value
        assert set(attrs["class"].split()) == {
            "govuk-input",
            "govuk-date-input__input",
            f"govuk-input--width-{width}",
        }
    assert [attrs["name"] for tag, attrs in page.tags if tag == "input"] == [
        "held_day",
        "held_month",
        "held_year",
    ]


def test_a_date_error_is_described_on_the_fieldset():
    html = str(held("1", "2", ""))
    assert re.search(
        r'<fieldset class="govuk-fieldset" role="group" aria-describedby="id_held_error">', html
    )
    assert Elements(html).classes("id_held_error") == {"govuk-error-message"}


# Small includes ------------------------------------------------------------------------


def render(source: str, context: dict, request=None) -> str:
    return engines["django"].from_string(source).render(context, request)


@pytest.mark.parametrize(
    ("status", "colour", "words"),
    [
        ("overdue", "govuk-tag--red", "Overdue"),
        ("upcoming", "govuk-tag--yellow", "Due soon"),
        ("met", "govuk-tag--green", "Done"),
        ("met_late", "govuk-tag--orange", "Done late"),
        ("not_applicable", "govuk-tag--grey", "Not applicable"),
        ("unknown", "govuk-tag--grey", "Not known"),
    ],
)
def test_a_status_is_a_coloured_tag(status, colour, words):
    from permanence.rules.engine import Status

    html = render('{% include "includes/status_tag.html" with status=s %}', {"s": Status(status)})
    assert html == f'<strong class="govuk-tag {colour}">{words}</strong>'


def test_pagination_keeps_the_query_and_elides_far_pages():
    request = RequestFactory().get("/children/", {"q": "smith", "page": "5"})
    page_obj = Paginator(range(200), 10).page(5)
    html = render('{% include "includes/pagination.html" %}', {"page_obj": page_obj}, request)
    assert '<nav class="govuk-pagination" aria-label="Pagination">' in html
    assert 'href="?q=smith&amp;page=4" rel="prev"' in html
    assert 'href="?q=smith&amp;page=6" rel="next"' in html
    shown = re.findall(r'aria-label="Page (\d+)"', html)
    assert shown == ["1", "4", "5", "6", "20"]
    assert html.count("govuk-pagination__item--ellipsis") == 2
    assert re.search(r'aria-label="Page 5" aria-current="page"', html)
    one_page = Paginator(range(5), 10).page(1)
    assert (
        render('{% include "includes/pagination.html" %}', {"page_obj": one_page}, request).strip()
        == ""
    )


# Error pages ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_error_pages_use_the_layout(client):
    client.force_login(person(Role.SOCIAL_WORKER))
    response = client.get("/layout/forbidden/")
    html = response.content.decode()
    assert response.status_code == 403
    assert "<title>You do not have permission to see this page – Permanence</title>" in html
    assert "Your role cannot open the audit log." in html
    assert "govuk-generic-header" in html

    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "<title>Page not found – Permanence</title>" in response.content.decode()

    client.raise_request_exception = False
    response = client.get("/layout/broken/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert "govuk-generic-header" in html
