"""The audit log: who did what to which child's record, when, from where. Append-only.

A row is only ever inserted. `AuditEvent.save` refuses to change a saved row and `delete`
refuses to remove one; below the application, database triggers (migration 0002) refuse
UPDATE and DELETE on the table in SQLite and PostgreSQL, so that not even raw SQL through
the application's connection can rewrite the log. The one update the triggers let through
is the database setting `user` to NULL when a person's account is removed: the row keeps
their username.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AppendOnlyError(Exception):
    """Raised on an attempt to change or remove an audit event."""


class Action(models.TextChoices):
    CREATED = "created", "Created"
    CHANGED = "changed", "Changed"
    DELETED = "deleted", "Deleted"
    VIEWED = "viewed", "Viewed"
    EXPORTED = "exported", "Exported"
    IMPORTED = "imported", "Imported"
    SIGNED_IN = "signed_in", "Signed in"
    SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        # The only update allowed: an account removed (ForeignKey on_delete=SET_NULL).
        if kwargs != {"user": None}:
            raise AppendOnlyError("The audit log is append-only: events cannot be changed.")
        return super().update(**kwargs)

    def delete(self):
        raise AppendOnlyError("The audit log is append-only: events cannot be removed.")

    delete.queryset_only = True  # type: ignore[attr-defined]


class AuditEvent(models.Model):
    when = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # A copy of the username, so that the event still says who after the account is removed.
    username = models.CharField(max_length=150, blank=True, db_index=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    child_id = models.CharField("child ID", max_length=20, blank=True, db_index=True)
    record = models.CharField(max_length=100, blank=True)  # model label, "children.Review"
    record_id = models.CharField("record ID", max_length=64, blank=True)
    summary = models.TextField(blank=True)
    reason = models.TextField(blank=True)
    ip = models.GenericIPAddressField("IP address", null=True, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-when", "-id"]
        verbose_name = "audit event"

    def __str__(self) -> str:
        who = self.username or "nobody signed in"
        what = f" {self.record} {self.record_id}".rstrip() if self.record else ""
        return f"{self.when:%Y-%m-%d %H:%M:%S} {who} {self.action}{what}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AppendOnlyError("The audit log is append-only: events cannot be changed.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("The audit log is append-only: events cannot be removed.")
