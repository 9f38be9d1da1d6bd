"""Writing children's records. Every write goes through here, so that it is attributed
to the person who made it and kept in the record's history."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from permanence.ssda903 import Return
from permanence.web.accounts.models import User
from permanence.web.children import models
from permanence.web.children.models import Origin
from permanence.web.history import attribute


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


def _save_if_changed(obj, values: dict, user, reason) -> bool:
    changed = {k: v for k, v in values.items() if getattr(obj, k) != v}
    if not changed:
        return False
    for k, v in changed.items():
        setattr(obj, k, v)
    attribute(obj, user, reason)
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
            row = models.Child(
                child_id=child.id,
                profile=profile or "national",
                recording_since=timezone.localdate(),
                **values,
            )
            attribute(row, user, reason)
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
            attribute(new, user, reason)
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
            attribute(new, user, reason)
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
    iro: User | None = None,
) -> models.Review:
    """A review held, as the IRO or social worker records it. The IRO who chaired it is
    `iro`, or the person recording it if they are an IRO. A review on the same day is
    the same review: recording it again changes it."""
    review = models.Review.objects.filter(child=child, date=held).first()
    if review is None:
        review = models.Review(child=child, date=held)
    review.code, review.plan_ratified, review.origin = code, plan_ratified, Origin.APPLICATION
    if iro is not None:
        review.iro = iro
    elif by.role == "iro":
        review.iro = by
    attribute(review, by, "review recorded")
    review.save()
    return review


# Permanence plans: versioned, with optimistic locking.

PLAN_FIELDS = ("agreed", "primary", "contingency", *models.PLAN_ELEMENTS)
PLAN_LABELS = {
    "agreed": "Date agreed",
    "primary": "Plan for permanence",
    "contingency": "Contingency (parallel) plan",
    **{name: label for name, (_, label) in models.PLAN_ELEMENTS.items()},
}


@dataclass(frozen=True)
class PlanDifference:
    """One field on which the saved plan and the one someone tried to save differ."""

    field: str
    label: str
    theirs: str
    yours: str
    you_changed: bool  # from the version you started from
    they_changed: bool


class PlanConflict(Exception):
    """Someone saved a newer version of the plan after the one a change was based on.

    Nothing is saved; `differences` shows field by field the saved version against the
    change, and `merged` is the change re-applied to the saved version: yours where you
    changed a field, theirs elsewhere."""

    def __init__(
        self, theirs: models.PermanencePlan, base: models.PermanencePlan | None, yours: dict
    ):
        self.theirs, self.base, self.yours = theirs, base, yours
        super().__init__(
            f"plan of {theirs.child} changed: version {theirs.version} saved since"
            f" version {base.version if base else 0}"
        )

    def _base(self, name: str) -> Any:
        return getattr(self.base, name) if self.base is not None else _blank(name)

    @property
    def differences(self) -> list[PlanDifference]:
        out = []
        for name in PLAN_FIELDS:
            theirs, yours, base = getattr(self.theirs, name), self.yours.get(name), self._base(name)
            if theirs == yours:
                continue
            out.append(
                PlanDifference(
                    name,
                    PLAN_LABELS[name],
                    _shown(name, theirs),
                    _shown(name, yours),
                    you_changed=yours != base,
                    they_changed=theirs != base,
                )
            )
        return out

    def merged(self) -> dict[str, Any]:
        out = {}
        for name in PLAN_FIELDS:
            yours, base = self.yours.get(name), self._base(name)
            out[name] = yours if yours != base else getattr(self.theirs, name)
        out["based_on"] = self.theirs.version
        return out


def _blank(name: str) -> Any:
    return None if name == "agreed" else ""


def _shown(name: str, value: Any) -> str:
    if value in (None, ""):
        return "Not given"
    if name == "agreed":
        return f"{value.day} {value:%B %Y}"
    if name in ("primary", "contingency"):
        return models.PlanKind(value).label
    return str(value)


def current_plan(child: models.Child) -> models.PermanencePlan | None:
    """The child's plan as it stands: the latest version."""
    return child.plans.order_by("-version").first()


@transaction.atomic
def record_plan(
    child: models.Child, *, by: User, based_on: int, **values: Any
) -> models.PermanencePlan:
    """Save a new version of the child's plan, changed from version `based_on` (0 for the
    first plan). If someone saved a newer version meanwhile, raise PlanConflict and save
    nothing. `values` are the plan's fields (PLAN_FIELDS); texts left out are blank."""
    unknown = set(values) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"not plan fields: {', '.join(sorted(unknown))}")
    values = {name: values.get(name, _blank(name)) for name in PLAN_FIELDS}
    for name in models.PLAN_ELEMENTS:
        values[name] = (values[name] or "").strip()
    values["contingency"] = values["contingency"] or ""
    if values["agreed"] is None or not values["primary"]:
        raise ValueError("a plan needs the date it was agreed and the plan for permanence")
    # Whoever saves first wins: the child's row is locked while the version is chosen.
    models.Child.objects.select_for_update().filter(pk=child.pk).first()
    latest = current_plan(child)
    if (latest.version if latest else 0) != based_on:
        base = child.plans.filter(version=based_on).first()
        raise PlanConflict(latest, base, values)
    plan = models.PermanencePlan(
        child=child, version=based_on + 1, recorded_by=by, recorded_at=timezone.now(), **values
    )
    plan.elements = plan.derived_elements()
    attribute(plan, by, f"permanence plan version {plan.version}")
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError:
        latest = current_plan(child)
        if latest is None or latest.version <= based_on:
            raise
        # Saved by someone else in the same instant.
        raise PlanConflict(latest, child.plans.filter(version=based_on).first(), values) from None
    return plan


# Meetings, decisions and assessments.


@transaction.atomic
def record_meeting(
    child: models.Child,
    *,
    by: User,
    kind: str,
    held: date,
    chair_role: str = "",
    note: str = "",
    return_by: date | None = None,
) -> models.Meeting:
    """A meeting held; `return_by`: a panel asked to see the child again by then."""
    meeting = models.Meeting(
        child=child,
        kind=kind,
        held=held,
        chair_role=chair_role,
        note=note,
        return_by=return_by,
        recorded_by=by,
    )
    attribute(meeting, by, "meeting recorded")
    meeting.save()
    return meeting


@transaction.atomic
def record_decision(
    child: models.Child,
    *,
    by: User,
    kind: str,
    made: date,
    role: str,
    outcome: str = models.Decision.Outcome.APPROVED,
) -> models.Decision:
    """A decision or approval: `role` is the role the decider made it in (it decides
    whether the decision counts for a rule); the person recording it is `made_by`."""
    decision = models.Decision(
        child=child, kind=kind, made=made, role=role, outcome=outcome, made_by=by
    )
    attribute(decision, by, "decision recorded")
    decision.save()
    return decision


@transaction.atomic
def record_assessment(
    child: models.Child, *, by: User, kind: str, completed: date, note: str = ""
) -> models.Assessment:
    assessment = models.Assessment(
        child=child, kind=kind, completed=completed, note=note, recorded_by=by
    )
    attribute(assessment, by, "assessment recorded")
    assessment.save()
    return assessment


# Family: family time, brothers and sisters, life story work, the family network.


@transaction.atomic
def record_family_time(
    child: models.Child,
    *,
    by: User,
    with_whom: str,
    contact: str,
    supervision: str,
    frequency: str,
    starts: date,
    ends: date | None = None,
) -> models.FamilyTime:
    arrangement = models.FamilyTime(
        child=child,
        with_whom=with_whom,
        contact=contact,
        supervision=supervision,
        frequency=frequency,
        starts=starts,
        ends=ends,
        recorded_by=by,
    )
    attribute(arrangement, by, "family time recorded")
    arrangement.save()
    return arrangement


@transaction.atomic
def record_sibling(
    child: models.Child,
    *,
    by: User,
    name: str = "",
    sibling_child_id: str = "",
    same_group: bool = True,
    placed: str = models.Sibling.Placed.NOT_KNOWN,
    assessment_completed: date | None = None,
) -> models.Sibling:
    """A brother or sister. A together-or-apart assessment completed counts as the
    child's sibling assessment."""
    if not (name or sibling_child_id):
        raise ValueError("a brother or sister needs a name or a CHILD id")
    sibling = models.Sibling(
        child=child,
        name=name,
        sibling_child_id=sibling_child_id,
        same_group=same_group,
        placed=placed,
        assessment_completed=assessment_completed,
        recorded_by=by,
    )
    attribute(sibling, by, "brother or sister recorded")
    sibling.save()
    return sibling


@transaction.atomic
def record_life_story(
    child: models.Child,
    *,
    by: User,
    started: date | None = None,
    book_given: date | None = None,
    later_life_letter: date | None = None,
) -> models.LifeStoryWork:
    """The child's life story work as it stands: one record a child, changed in place
    (its history keeps the earlier dates)."""
    work = models.LifeStoryWork.objects.filter(child=child).first() or models.LifeStoryWork(
        child=child
    )
    work.started, work.book_given, work.later_life_letter = started, book_given, later_life_letter
    work.recorded_by = by
    attribute(work, by, "life story work recorded")
    work.save()
    return work


@transaction.atomic
def record_family_member(
    child: models.Child,
    *,
    by: User,
    name: str,
    relationship: str,
    viability_completed: date | None = None,
    viability_outcome: str = "",
) -> models.FamilyMember:
    """Someone in the family network; a viability assessment completed counts as an
    assessment of kind "viability"."""
    member = models.FamilyMember(
        child=child,
        name=name,
        relationship=relationship,
        viability_completed=viability_completed,
        viability_outcome=viability_outcome,
        recorded_by=by,
    )
    attribute(member, by, "family member recorded")
    member.save()
    return member


@transaction.atomic
def record_genogram(child: models.Child, *, by: User, completed: date | None) -> models.Child:
    """The date the child's genogram was completed (None: not done after all)."""
    child.genogram_completed = completed
    attribute(child, by, "genogram recorded")
    child.save(update_fields=["genogram_completed"])
    return child
