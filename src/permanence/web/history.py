"""Who changed a record and why: django-simple-history reads both from the instance when
it saves, so every service sets them the same way before saving."""

from __future__ import annotations

from django.db import models


def attribute(obj: models.Model, user, reason: str) -> None:
    obj._history_user = user  # type: ignore[attr-defined]
    obj._change_reason = reason  # type: ignore[attr-defined]


def save_attributed(obj: models.Model, user, reason: str, **kwargs) -> None:
    attribute(obj, user, reason)
    obj.save(**kwargs)
