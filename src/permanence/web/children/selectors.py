"""Reading children's records: what a person may see, and what is due for a child.

Every query for children starts from `children_visible_to(user)`: no view looks a child
up by a raw id outside it.
"""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from permanence.domain import model as domain
from permanence.profiles import load_profile
from permanence.rules.engine import Case, ChildResult, evaluate_child
from permanence.web.accounts.models import Role, User
from permanence.web.children import models
from permanence.workingdays import ENGLAND_AND_WALES

# The kinds of fact the application records today (domain.model.FACT_KINDS); the rules
# give met or overdue for these, and "unknown" for the rest, as from a return.
KNOWN = frozenset({"meetings", "decisions", "plans"})

SEES_EVERY_CHILD = {
    Role.HEAD_OF_SERVICE,
    Role.ANALYST,
    Role.ADMINISTRATOR,
    Role.PANEL_ADMINISTRATOR,
}


def children_visible_to(user: User) -> QuerySet[models.Child]:
    """Social workers and team managers see their team's children; an IRO the children
    they review; heads of service, analysts, panel administrators and administrators
    every child. Nobody else sees any."""
    children = models.Child.objects.all()
    if not user.is_authenticated or not user.is_active:
        return children.none()
    if user.role in SEES_EVERY_CHILD or user.is_superuser:
        return children
    if user.role == Role.IRO:
        return children.filter(iro=user)
    if user.role in (Role.SOCIAL_WORKER, Role.TEAM_MANAGER) and user.team_id is not None:
        return children.filter(team_id=user.team_id)
    return children.none()


def domain_child(child: models.Child) -> domain.Child:
    """The record as the rules engine sees it: the same `Child` a return would give."""
    out = domain.Child(
        child.child_id,
        dob=child.dob,
        sex=child.sex,
        ethnicity=child.ethnicity,
        uasc_ceased=child.uasc_ceased,
        known=KNOWN,
    )
    out.episodes = [
        domain.Episode(
            e.start,
            e.reason_new,
            e.legal_status,
            e.placement,
            e.end,
            e.reason_end or None,
            e.cin,
            e.provider,
            e.reason_place_change,
            e.urn,
        )
        for e in child.episodes.all()
    ]
    out.reviews = [domain.Review(r.date, r.code) for r in child.reviews.all()]
    out.adoption_decisions = [
        domain.AdoptionDecision(a.decided, a.matched, a.by_foster_carer)
        for a in child.adoption_decisions.all()
    ]
    out.placed_for_adoption = [
        domain.PlacedForAdoption(p.decided, p.ceased, p.reason_ceased)
        for p in child.placed_for_adoption.all()
    ]
    rec = out.recorded
    rec.meetings = [
        domain.Meeting(m.kind, m.held, m.chair_role, m.note) for m in child.meetings.all()
    ]
    rec.decisions = [
        domain.Decision(d.kind, d.made, d.role, d.outcome) for d in child.decisions.all()
    ]
    rec.plans = [
        domain.PermanencePlan(p.agreed, p.primary, p.contingency, frozenset(p.elements))
        for p in child.plans.all()
    ]
    return out.sort()


def deadlines_for(child: models.Child, as_of: date) -> ChildResult:
    """What is due for the child on `as_of` under the child's profile."""
    profile = load_profile(child.profile)
    return evaluate_child(
        profile.rules, Case(domain_child(child), as_of, ENGLAND_AND_WALES, profile.params)
    )
