"""Which children a person may change, and on which recording page.

Seeing a child (`selectors.children_visible_to`) is not changing it. Social workers and
team managers change their team's children; an IRO records reviews and meetings, and ticks
approval checklists (the IRO's view and ratification), for the children they review; a head of service records decisions for any child; a panel
administrator records meetings for any child. Analysts and administrators change nothing.
Every recording view looks its child up through `children_changeable_by(user, page)`.
"""

from __future__ import annotations

from django.db.models import QuerySet

from permanence.web.accounts.models import Role, User
from permanence.web.children import models
from permanence.web.permissions import RECORDING, Page

# Roles that record only some things, for children beyond (or other than) their team's.
IRO_PAGES = frozenset({Page.RECORD_REVIEW, Page.RECORD_MEETING, Page.RECORD_CHECKLIST})
ANY_CHILD = {
    Role.HEAD_OF_SERVICE: frozenset({Page.RECORD_DECISION}),
    Role.PANEL_ADMINISTRATOR: frozenset({Page.RECORD_MEETING}),
}


def children_changeable_by(user: User, page: Page | None = None) -> QuerySet[models.Child]:
    """The children `user` may change on recording page `page`; with no page, on any."""
    children = models.Child.objects.all()
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return children.none()
    pages = RECORDING if page is None else frozenset({page})
    if user.role in (Role.SOCIAL_WORKER, Role.TEAM_MANAGER):
        if user.team_id is None:
            return children.none()
        return children.filter(team_id=user.team_id)
    if user.role == Role.IRO and pages & IRO_PAGES:
        return children.filter(iro=user)
    if pages & ANY_CHILD.get(user.role, frozenset()):
        return children
    return children.none()
