"""Writing the audit log. Nothing else writes AuditEvent rows.

Changes to children's records are logged on their own (`receivers`): every model with
`HistoricalRecords` is covered. Views and exports are logged by the view that shows or
sends the data, with one call:

    from permanence.web.audit import services as audit
    audit.record_view(request.user, child, what="child page", request=request)
    audit.record_export(request.user, "team deadlines", rows=42, request=request)
"""

from __future__ import annotations

import ipaddress
from datetime import date, datetime
from typing import Any

from django.db import models

from permanence.web.audit.models import Action, AuditEvent


def client_ip(request) -> str | None:
    """The address the request came from, as django-axes saw it (so the two agree)."""
    if request is None:
        return None
    ip = getattr(request, "axes_ip_address", None) or request.META.get("REMOTE_ADDR")
    try:
        return str(ipaddress.ip_address(ip)) if ip else None
    except ValueError:
        return None


def _person(user) -> tuple[Any, str]:
    if user is None or not getattr(user, "is_authenticated", False):
        return None, ""
    return user, user.get_username()


def log(
    action: Action | str,
    *,
    user=None,
    username: str = "",
    child_id: str = "",
    record: str = "",
    record_id: str | int = "",
    summary: str = "",
    reason: str = "",
    request=None,
    ip: str | None = None,
) -> AuditEvent:
    """Append one event. `username` is taken from `user` unless given."""
    person, name = _person(user)
    return AuditEvent.objects.create(
        action=action,
        user=person,
        username=(username or name)[:150],
        child_id=(child_id or "")[:20],
        record=record[:100],
        record_id=str(record_id)[:64],
        summary=summary,
        reason=reason or "",
        ip=ip or client_ip(request),
    )


def _child_label(child) -> str:
    if child is None:
        return ""
    return child if isinstance(child, str) else child.child_id


def record_view(user, child, what: str = "child page", request=None) -> AuditEvent:
    """A person looked at a child's record. `child` is a children.Child or its CHILD id;
    `what` says what they saw ("child page", "plan history", ...)."""
    return log(
        Action.VIEWED,
        user=user,
        child_id=_child_label(child),
        record="children.Child" if child is not None else "",
        record_id=getattr(child, "pk", "") or "",
        summary=f"viewed {what}",
        request=request,
    )


def record_export(
    user,
    what: str,
    *,
    rows: int | None = None,
    child=None,
    detail: str = "",
    request=None,
) -> AuditEvent:
    """A person downloaded data: `what` names it ("audit log", "team deadlines"), `rows`
    how many rows went out, `detail` the filters or format used."""
    parts = [f"exported {what}"]
    if rows is not None:
        parts.append(f"{rows:,} row{'' if rows == 1 else 's'}")
    if detail:
        parts.append(detail)
    return log(
        Action.EXPORTED,
        user=user,
        child_id=_child_label(child),
        summary="; ".join(parts),
        request=request,
    )


def record_import(user, what: str, *, summary: str = "", request=None) -> AuditEvent:
    """A person imported a file (an SSDA903 return): one event for the whole import, beside
    the created/changed events of each record it touched."""
    return log(
        Action.IMPORTED,
        user=user,
        summary=f"imported {what}" + (f": {summary}" if summary else ""),
        reason="imported from an SSDA903 return",
        request=request,
    )


# --- Changes to records, from django-simple-history ---------------------------------------

HISTORY_ACTIONS = {"+": Action.CREATED, "~": Action.CHANGED, "-": Action.DELETED}


def child_id_of(instance: models.Model) -> str:
    """The CHILD id of the child a record belongs to ('' if it belongs to none)."""
    from permanence.web.children.models import Child

    if isinstance(instance, Child):
        return instance.child_id
    for field in instance._meta.concrete_fields:
        if field.many_to_one and field.related_model is Child:
            pk = getattr(instance, field.attname)
            if pk is None:
                return ""
            if field.is_cached(instance) and field.get_cached_value(instance) is not None:
                return field.get_cached_value(instance).child_id
            found = Child.objects.filter(pk=pk).values_list("child_id", flat=True).first()
            if found is None:  # the child is gone: its history still says who it was
                found = Child.history.filter(id=pk).values_list("child_id", flat=True).first()
            return found or ""
    return ""


def _shown(field: models.Field | None, value) -> str:
    if value is None or value == "":
        return "(blank)"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if field is not None and field.many_to_one and field.related_model is not None:
        related = field.related_model._base_manager.filter(pk=value).first()
        return f"{related} (#{value})" if related is not None else f"#{value}"
    return str(value)


def _field(model, name: str) -> models.Field | None:
    try:
        return model._meta.get_field(name)
    except Exception:
        return None


def describe_change(history_instance) -> str:
    """'code: PN1 → PN4; plan_ratified: (blank) → True', from simple-history's diff."""
    previous = history_instance.prev_record
    if previous is None:
        return "changed (no earlier version kept)"
    delta = history_instance.diff_against(previous)
    if not delta.changes:
        return "saved with no changes"
    model = history_instance.instance_type
    return "; ".join(
        f"{c.field}: {_shown(_field(model, c.field), c.old)} → {_shown(_field(model, c.field), c.new)}"
        for c in delta.changes
    )


def describe_new(instance: models.Model) -> str:
    """The values a new record was created with, blank ones left out."""
    parts = []
    for field in instance._meta.concrete_fields:
        if field.primary_key:
            continue
        value = getattr(instance, field.attname)
        if value is None or value == "" or value == []:
            continue
        if field.many_to_one and field.is_cached(instance):  # no query for what is at hand
            related = field.get_cached_value(instance)
            parts.append(f"{field.name}: {related} (#{value})")
            continue
        parts.append(f"{field.name}: {_shown(field, value)}")
    return "; ".join(parts)


def record_history(history_instance, instance, history_user, reason: str | None) -> AuditEvent:
    """One event for one new historical record (a created, changed or deleted record)."""
    from simple_history.models import HistoricalRecords

    action = HISTORY_ACTIONS.get(history_instance.history_type, Action.CHANGED)
    if action == Action.CREATED:
        summary = describe_new(instance)
    elif action == Action.CHANGED:
        summary = describe_change(history_instance)
    else:
        summary = "deleted"
    request = getattr(HistoricalRecords.context, "request", None)
    return log(
        action,
        user=history_user,
        child_id=child_id_of(instance),
        record=instance._meta.label,
        record_id=instance.pk if instance.pk is not None else history_instance.id,
        summary=summary,
        reason=reason or "",
        request=request,
    )
