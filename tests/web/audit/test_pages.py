"""The audit log's search page and exports, as an administrator uses them."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from permanence.web.accounts.models import Role, User
from permanence.web.audit import services
from permanence.web.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db):
    return User.objects.create_user("admin1", role=Role.ADMINISTRATOR)


@pytest.fixture
def admin_client(client, admin):
    client.force_login(admin)
    return client


@pytest.fixture
def events(db):
    """Four views, by three people, of three children; oldest first."""
    made = []
    for username, child_id in [("sam", "S1"), ("alex", "S2"), ("sam", "S3"), ("kim", "S1")]:
        made.append(
            services.log(
                "viewed", username=username, child_id=child_id, summary="viewed child page"
            )
        )
    return made


def export_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_search_page_lists_events_newest_first(admin_client, events):
    page = admin_client.get(reverse("audit:search"))
    assert page.status_code == 200
    listed = [e.pk for e in page.context["events"] if e.username != "admin1"]
    assert listed == [e.pk for e in reversed(events)]
    assert "Audit log" in page.content.decode()


def test_search_by_child(admin_client, events):
    page = admin_client.get(reverse("audit:search"), {"child_id": "S1"})
    assert {(e.username, e.child_id) for e in page.context["events"]} == {
        ("sam", "S1"),
        ("kim", "S1"),
    }


def test_search_by_person_and_action(admin_client, events):
    page = admin_client.get(reverse("audit:search"), {"person": "SAM", "action": "viewed"})
    assert sorted(e.child_id for e in page.context["events"]) == ["S1", "S3"]
    page = admin_client.get(reverse("audit:search"), {"person": "sam", "action": "exported"})
    assert list(page.context["events"]) == []


def test_search_by_dates_includes_both_days(admin_client, events):
    today = timezone.localdate()
    both = {
        "date_from_day": today.day,
        "date_from_month": today.month,
        "date_from_year": today.year,
    }
    both |= {"date_to_day": today.day, "date_to_month": today.month, "date_to_year": today.year}
    page = admin_client.get(reverse("audit:search"), both | {"person": "sam"})
    assert len(page.context["events"]) == 2
    yesterday = today - timedelta(days=1)
    before = {"date_to_day": yesterday.day, "date_to_month": yesterday.month}
    page = admin_client.get(
        reverse("audit:search"), before | {"date_to_year": yesterday.year, "person": "sam"}
    )
    assert list(page.context["events"]) == []


def test_a_to_date_before_the_from_date_is_explained(admin_client, events):
    page = admin_client.get(
        reverse("audit:search"),
        {
            "date_from_day": 2,
            "date_from_month": 3,
            "date_from_year": 2025,
            "date_to_day": 1,
            "date_to_month": 3,
            "date_to_year": 2025,
        },
    )
    text = page.content.decode()
    assert "There is a problem" in text
    assert "must be the same as or after" in text
    assert list(page.context["events"]) == []


def test_the_search_pages_by_50(admin_client):
    for n in range(120):
        services.log("viewed", username="sam", child_id=f"C{n}")
    first = admin_client.get(reverse("audit:search"), {"person": "sam"})
    assert len(first.context["events"]) == 50
    assert first.context["page_obj"].paginator.count == 120
    third = admin_client.get(reverse("audit:search"), {"person": "sam", "page": 3})
    assert [e.child_id for e in third.context["events"]] == [f"C{n}" for n in range(19, -1, -1)]
    assert "person=sam" in third.content.decode()  # the pages keep the filter


def test_csv_export_has_exactly_the_filtered_rows_and_is_audited(admin_client, events):
    response = admin_client.get(reverse("audit:export"), {"child_id": "S1"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    header, *rows = export_rows(response)
    assert header[:4] == ["Event", "When", "Username", "Action"]
    assert [(r[0], r[2], r[4]) for r in rows] == [
        (str(events[3].pk), "kim", "S1"),
        (str(events[0].pk), "sam", "S1"),
    ]
    export = AuditEvent.objects.get(action="exported")
    assert export.username == "admin1" and export.ip == "127.0.0.1"
    assert "audit log" in export.summary and "2 rows" in export.summary
    assert "CSV" in export.summary and "child id S1" in export.summary


def test_xlsx_export_has_exactly_the_filtered_rows_and_is_audited(admin_client, events):
    response = admin_client.get(reverse("audit:export"), {"person": "sam", "format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    header, *rows = list(sheet.iter_rows(values_only=True))
    assert header[:3] == ("Event", "When", "Username")
    assert [(r[0], r[2], r[4]) for r in rows] == [
        (events[2].pk, "sam", "S3"),
        (events[0].pk, "sam", "S1"),
    ]
    assert rows[0][1].date() == timezone.localdate()
    export = AuditEvent.objects.get(action="exported")
    assert export.username == "admin1" and "XLSX" in export.summary and "2 rows" in export.summary


def test_an_export_never_contains_itself_but_the_next_one_shows_it(admin_client, events):
    first = export_rows(admin_client.get(reverse("audit:export"), {"person": "admin1"}))
    assert [r[3] for r in first[1:]] == ["Signed in"]
    second = export_rows(admin_client.get(reverse("audit:export"), {"person": "admin1"}))
    assert [r[3] for r in second[1:]] == ["Exported", "Signed in"]


def test_exported_text_cannot_run_as_a_spreadsheet_formula(admin_client):
    services.log("viewed", username="sam", summary='=HYPERLINK("http://x.example","click")')
    rows = export_rows(admin_client.get(reverse("audit:export"), {"person": "sam"}))
    assert rows[1][7] == '\'=HYPERLINK("http://x.example","click")'


@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.HEAD_OF_SERVICE, Role.ANALYST])
def test_only_administrators_open_the_audit_log(client, events, role):
    client.force_login(User.objects.create_user("someone", role=role))
    assert client.get(reverse("audit:search")).status_code == 403
    assert client.get(reverse("audit:export")).status_code == 403
    assert client.get(reverse("audit:export"), {"format": "xlsx"}).status_code == 403
    assert not AuditEvent.objects.filter(action="exported").exists()


def test_signed_out_people_are_sent_to_sign_in(client):
    response = client.get(reverse("audit:search"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))


def test_the_admin_site_shows_events_but_cannot_change_them(client, events):
    boss = User.objects.create_superuser("boss", role=Role.ADMINISTRATOR)
    client.force_login(boss)
    listing = client.get(reverse("admin:audit_auditevent_changelist"))
    assert listing.status_code == 200 and "kim" in listing.content.decode()
    assert client.get(reverse("admin:audit_auditevent_add")).status_code == 403
    change = reverse("admin:audit_auditevent_change", args=[events[0].pk])
    assert client.post(change, {"summary": "nothing"}).status_code == 403
    delete = reverse("admin:audit_auditevent_delete", args=[events[0].pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.get(pk=events[0].pk).summary == "viewed child page"
