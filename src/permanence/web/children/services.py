"""Writing children's records. Every write goes through here, so that it is attributed
to the person who made it and kept in the record's history."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from permanence.ssda903 import Return
from permanence.web.accounts.models import User
from permanence.web.children import models
from permanence.web.children.models import Origin


@dataclass
class ImportSummary:
    children_added: int = 0
    children_updated: int = 0
    episodes_added: int = 0
    episodes_updated: int = 0
    reviews_added: int = 0
    reviews_kept: int = 0  # recorded in the application: an import leaves them as they are
    notes: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{self.children_added:,} children added, {self.children_updated:,} updated; "
            f"{self.episodes_added:,} episodes added, {self.episodes_updated:,} updated; "
            f"{self.reviews_added:,} reviews added, {self.reviews_kept:,} recorded here kept"
        )


def _attribute(obj: models.models.Model, user: User | None, reason: str) -> None:
    obj._history_user = user  # type: ignore[attr-defined]
    obj._change_reason = reason  # type: ignore[attr-defined]


def _save_if_changed(obj, values: dict, user, reason) -> bool:
    changed = {k: v for k, v in values.items() if getattr(obj, k) != v}
    if not changed:
        return False
    for k, v in changed.items():
        setattr(obj, k, v)
    _attribute(obj, user, reason)
    obj.save(update_fields=list(changed))
    return True


@transaction.atomic
def import_return(
    ret: Return, *, user: User | None = None, profile: str | None = None
) -> ImportSummary:
    """Add or update each child of a return. Importing the same or a later return again
    changes only what changed; episodes and reviews are matched by date, and nothing
    recorded in the application is overwritten or removed."""
    summary = ImportSummary()
    reason = "imported from an SSDA903 return"
    existing = {c.child_id: c for c in models.Child.objects.all()}
    for child in ret.children.values():
        values = {
            "dob": child.dob,
            "sex": child.sex,
            "ethnicity": child.ethnicity,
            "uasc_ceased": child.uasc_ceased,
        }
        row = existing.get(child.id)
        if row is None:
            row = models.Child(child_id=child.id, profile=profile or "national", **values)
            _attribute(row, user, reason)
            row.save()
            summary.children_added += 1
        elif _save_if_changed(row, values, user, reason):
            summary.children_updated += 1
        _import_episodes(row, child, user, reason, summary)
        _import_reviews(row, child, user, reason, summary)
    return summary


def _import_episodes(row, child, user, reason, summary) -> None:
    have = {e.start: e for e in row.episodes.all()}
    for e in child.episodes:
        values = {
            "reason_new": e.reason_new,
            "legal_status": e.legal_status,
            "placement": e.placement,
            "end": e.end,
            "reason_end": e.reason_end or "",
            "cin": e.cin,
            "provider": e.provider,
            "reason_place_change": e.reason_place_change,
            "urn": e.urn,
            "source": f"{e.source.file} line {e.source.line}" if e.source else "",
        }
        old = have.get(e.start)
        if old is None:
            new = models.Episode(child=row, start=e.start, origin=Origin.RETURN, **values)
            _attribute(new, user, reason)
            new.save()
            summary.episodes_added += 1
        elif old.origin == Origin.RETURN and _save_if_changed(old, values, user, reason):
            summary.episodes_updated += 1


def _import_reviews(row, child, user, reason, summary) -> None:
    have = {r.date: r for r in row.reviews.all()}
    for r in child.reviews:
        old = have.get(r.date)
        if old is None:
            new = models.Review(child=row, date=r.date, code=r.code, origin=Origin.RETURN)
            _attribute(new, user, reason)
            new.save()
            summary.reviews_added += 1
        elif old.origin == Origin.APPLICATION:
            summary.reviews_kept += 1
        else:
            _save_if_changed(old, {"code": r.code}, user, reason)


@transaction.atomic
def record_review(
    child: models.Child,
    *,
    held: date,
    by: User,
    code: str = "",
    plan_ratified: bool | None = None,
) -> models.Review:
    """A review held, as the IRO or social worker records it."""
    review = models.Review.objects.filter(child=child, date=held).first()
    if review is None:
        review = models.Review(child=child, date=held)
    review.code, review.plan_ratified, review.origin = code, plan_ratified, Origin.APPLICATION
    if by.role == "iro":
        review.iro = by
    _attribute(review, by, "review recorded")
    review.save()
    return review
