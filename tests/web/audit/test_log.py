"""What the audit log records on its own and when asked: an auditor's questions."""

from datetime import date

import pytest
from django.test import RequestFactory

from permanence.web.accounts.models import Role, User
from permanence.web.audit import services
from permanence.web.audit.models import AuditEvent
from permanence.web.children import models
from permanence.web.children import services as children
from tests.web.children.test_services import write_return

pytestmark = pytest.mark.django_db


@pytest.fixture
def iro(db):
    return User.objects.create_user("iro1", role=Role.IRO, password="a long enough password")


@pytest.fixture
def admin(db):
    return User.objects.create_user(
        "admin1", role=Role.ADMINISTRATOR, password="a long enough password"
    )


@pytest.fixture
def child(db):
    return models.Child.objects.create(child_id="S1", dob=date(2015, 6, 1))


def review_events():
    return AuditEvent.objects.filter(record="children.Review").order_by("id")


def test_recording_and_then_changing_a_review_is_logged_with_who_and_what(child, iro):
    review = children.record_review(child, held=date(2024, 2, 5), by=iro, code="PN1")
    children.record_review(child, held=date(2024, 2, 5), by=iro, code="PN4", plan_ratified=True)

    created, changed = review_events()
    assert [created.action, changed.action] == ["created", "changed"]
    for event in (created, changed):
        assert (event.user, event.username, event.child_id) == (iro, "iro1", "S1")
        assert event.record_id == str(review.pk)
        assert event.reason == "review recorded"
    assert "date: 2024-02-05" in created.summary and "code: PN1" in created.summary
    assert "code: PN1 → PN4" in changed.summary
    assert "plan_ratified: (blank) → True" in changed.summary
    assert "date" not in changed.summary  # only what changed


def test_deleting_a_record_is_logged_with_the_child(child, iro):
    review = children.record_review(child, held=date(2024, 2, 5), by=iro, code="PN1")
    review._history_user = iro
    review.delete()
    event = review_events().last()
    assert (event.action, event.child_id, event.username) == ("deleted", "S1", "iro1")


def test_a_child_record_itself_is_logged_under_its_own_id(iro):
    c = models.Child(child_id="X9")
    c._history_user = iro
    c.save()
    event = AuditEvent.objects.get(record="children.Child")
    assert (event.action, event.child_id, event.username) == ("created", "X9", "iro1")


def test_an_import_is_logged_record_by_record_and_attributed(tmp_path, admin):
    ret = write_return(tmp_path / "2024", ["S1,08/01/2024,S,C1,N1,U6,PR1,,,,,,"], ["02/02/2024"])
    summary = children.import_return(ret, user=admin)
    events = AuditEvent.objects.filter(action="created")
    assert sorted(events.values_list("record", flat=True)) == [
        "children.Child",
        "children.Episode",
        "children.Review",
    ]
    assert summary.children_added == summary.episodes_added == summary.reviews_added == 1
    assert set(events.values_list("username", "child_id", "reason")) == {
        ("admin1", "S1", "imported from an SSDA903 return")
    }

    later = write_return(
        tmp_path / "2025", ["S1,08/01/2024,S,C1,N1,U6,PR1,01/07/2024,X1,CARPL,,,"], []
    )
    children.import_return(later, user=admin)
    change = AuditEvent.objects.get(action="changed", record="children.Episode")
    assert "end: (blank) → 2024-07-01" in change.summary
    assert "reason_end: (blank) → X1" in change.summary
    assert (change.username, change.reason) == ("admin1", "imported from an SSDA903 return")


def test_a_view_and_an_export_are_logged_with_the_address(child, admin):
    request = RequestFactory().get("/children/S1/", REMOTE_ADDR="192.0.2.44")
    request.user = admin
    services.record_view(admin, child, request=request)
    services.record_export(admin, "team deadlines", rows=3, request=request)
    viewed = AuditEvent.objects.get(action="viewed")
    assert (viewed.username, viewed.child_id, viewed.ip) == ("admin1", "S1", "192.0.2.44")
    assert viewed.summary == "viewed child page"
    exported = AuditEvent.objects.get(action="exported")
    assert exported.summary == "exported team deadlines; 3 rows"
    assert exported.ip == "192.0.2.44"


def test_events_outlive_the_person_who_made_them(child, iro):
    children.record_review(child, held=date(2024, 2, 5), by=iro, code="PN1")
    iro.delete()
    event = review_events().get()
    assert (event.user, event.username, event.child_id) == (None, "iro1", "S1")
