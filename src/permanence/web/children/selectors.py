"""Reading children's records: what a person may see, and what is due for a child.

Every query for children starts from `children_visible_to(user)`: no view looks a child
up by a raw id outside it.
"""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from permanence.profiles import load_profile
from permanence.rules.engine import Case, ChildResult, evaluate_child
from permanence.web.accounts.models import Role, User
from permanence.web.children import models
from permanence.web.children.domain import domain_child
from permanence.workingdays import ENGLAND_AND_WALES

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


def deadlines_for(child: models.Child, as_of: date) -> ChildResult:
    """What is due for the child on `as_of` under the child's profile."""
    profile = load_profile(child.profile)
    return evaluate_child(
        profile.rules, Case(domain_child(child), as_of, ENGLAND_AND_WALES, profile.params)
    )
