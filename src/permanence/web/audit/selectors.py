"""Reading the audit log: the search page and the exports ask the same question."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from permanence.web.audit.models import AuditEvent


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def events(
    *,
    person: str = "",
    child_id: str = "",
    action: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[AuditEvent]:
    """Events newest first. `person` is a username (any case); dates are days in local
    time, both ends included."""
    found = AuditEvent.objects.all()
    if person:
        found = found.filter(username__iexact=person.strip())
    if child_id:
        found = found.filter(child_id=child_id.strip())
    if action:
        found = found.filter(action=action)
    if date_from:
        found = found.filter(when__gte=_start_of(date_from))
    if date_to:
        found = found.filter(when__lt=_start_of(date_to + timedelta(days=1)))
    return found.order_by("-when", "-id")
