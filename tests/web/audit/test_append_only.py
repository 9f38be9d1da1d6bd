"""Nothing can change or remove an audit event: not the application, not raw SQL."""

import pytest
from django.db import DatabaseError, connection, transaction

from permanence.web.audit import services
from permanence.web.audit.models import AppendOnlyError, AuditEvent

pytestmark = pytest.mark.django_db

TABLE = AuditEvent._meta.db_table


@pytest.fixture
def event(db):
    return services.log("viewed", username="someone", child_id="S1", summary="viewed child page")


def unchanged(event) -> bool:
    row = AuditEvent.objects.filter(pk=event.pk).values("summary", "child_id", "username")
    return list(row) == [{"summary": "viewed child page", "child_id": "S1", "username": "someone"}]


def test_the_database_refuses_an_update(event):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(f"UPDATE {TABLE} SET summary = %s WHERE id = %s", ["nothing", event.pk])
    assert unchanged(event)


def test_the_database_refuses_to_clear_the_user_and_change_something_else(event):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(
            f"UPDATE {TABLE} SET user_id = NULL, child_id = %s WHERE id = %s", ["S2", event.pk]
        )
    assert unchanged(event)


def test_the_database_refuses_a_delete(event):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(f"DELETE FROM {TABLE} WHERE id = %s", [event.pk])
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(f"DELETE FROM {TABLE}")
    assert unchanged(event)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="TRUNCATE is PostgreSQL's")
def test_postgresql_refuses_a_truncate(event):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no deferred checks left pending
        cursor.execute(f"TRUNCATE {TABLE}")
    assert unchanged(event)


def test_the_application_refuses_to_change_or_remove_an_event(event):
    event.summary = "nothing"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(summary="nothing")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    assert unchanged(event)


def test_the_orm_going_around_the_model_still_hits_the_database_refusal(event):
    # _base_manager is a plain manager, without the model's own refusals.
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent._base_manager.filter(pk=event.pk).update(summary="nothing")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent._base_manager.filter(pk=event.pk)._raw_delete(connection.alias)
    assert unchanged(event)
