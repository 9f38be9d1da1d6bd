"""Who may open which page: the role x page matrix, in one place.

docs/permissions.md shows the same table for people; a test keeps the two the same and
another signs in as every role and opens every page. A page being open to a role is only
half of it: which children a person sees or may change is decided by
`permanence.web.children.selectors` (their team, the children they review, or all).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from permanence.web.accounts.models import Role

SW, TM, IRO = Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.IRO
PANEL, HOS, ANALYST, ADMIN = (
    Role.PANEL_ADMINISTRATOR,
    Role.HEAD_OF_SERVICE,
    Role.ANALYST,
    Role.ADMINISTRATOR,
)
EVERYONE = frozenset(Role)


class Page(StrEnum):
    MY_WORK = "my_work"
    TEAM = "team"
    IRO_REVIEWS = "iro_reviews"
    CHILDREN = "children"
    CHILD = "child"
    RECORD_REVIEW = "record_review"
    RECORD_PLAN = "record_plan"
    RECORD_MEETING = "record_meeting"
    RECORD_DECISION = "record_decision"
    RECORD_FAMILY = "record_family"
    CHILD_OPTIONS = "child_options"
    CHILD_PLAN = "child_plan"
    RECORD_OPTIONS = "record_options"
    RECORD_CHECKLIST = "record_checklist"
    PANELS = "panels"
    PANEL_MANAGE = "panel_manage"
    PANEL_RECORD = "panel_record"
    REPORTS = "reports"
    UPLOAD = "upload"
    AUDIT = "audit"
    ADMIN_SITE = "admin_site"


# What each page is for, as the matrix in docs/permissions.md shows it.
TITLES: dict[Page, str] = {
    Page.MY_WORK: "My work: the children I hold, overdue and due in 4 weeks",
    Page.TEAM: "Team view: every child of a team, overdue and due",
    Page.IRO_REVIEWS: "IRO view: the children I review",
    Page.CHILDREN: "Find a child",
    Page.CHILD: "A child's page: timeline, plan, obligations, alerts",
    Page.RECORD_REVIEW: "Record a review",
    Page.RECORD_PLAN: "Record or change the permanence plan",
    Page.RECORD_MEETING: "Record a meeting",
    Page.RECORD_DECISION: "Record a decision or approval",
    Page.RECORD_FAMILY: "Record family time, brothers and sisters, life story work, family network",
    Page.CHILD_OPTIONS: "Options for permanence: the council's guidance and the balance sheet",
    Page.CHILD_PLAN: "The plan written for the child to read (printable)",
    Page.RECORD_OPTIONS: "Record a balance sheet of the realistic options (Re B-S)",
    Page.RECORD_CHECKLIST: "Tick what is in place on an approval checklist",
    Page.PANELS: "Panels and tracking meetings: agendas, packs, decisions and actions",
    Page.PANEL_MANAGE: "Set up a panel, change its agenda and circulate it",
    Page.PANEL_RECORD: "Record a panel's decisions and actions",
    Page.REPORTS: "Service reports: tracker, quarterly and annual, disruptions, national measures",
    Page.UPLOAD: "Upload an SSDA903 return",
    Page.AUDIT: "Search and export the audit log",
    Page.ADMIN_SITE: "Manage users and teams (Django admin)",
}

MATRIX: dict[Page, frozenset[Role]] = {
    Page.MY_WORK: frozenset({SW, TM, IRO}),
    Page.TEAM: frozenset({TM, HOS}),
    Page.IRO_REVIEWS: frozenset({IRO}),
    Page.CHILDREN: EVERYONE,
    Page.CHILD: EVERYONE,
    Page.RECORD_REVIEW: frozenset({SW, TM, IRO}),
    Page.RECORD_PLAN: frozenset({SW, TM}),
    Page.RECORD_MEETING: frozenset({SW, TM, IRO, PANEL}),
    Page.RECORD_DECISION: frozenset({TM, HOS}),
    Page.RECORD_FAMILY: frozenset({SW, TM}),
    Page.CHILD_OPTIONS: EVERYONE,
    Page.CHILD_PLAN: frozenset({SW, TM, IRO, HOS}),
    Page.RECORD_OPTIONS: frozenset({SW, TM}),
    Page.RECORD_CHECKLIST: frozenset({SW, TM, IRO}),
    Page.PANELS: frozenset({SW, TM, IRO, PANEL, HOS}),
    Page.PANEL_MANAGE: frozenset({PANEL, HOS}),
    Page.PANEL_RECORD: frozenset({PANEL, HOS}),
    Page.REPORTS: frozenset({TM, PANEL, HOS, ANALYST}),
    Page.UPLOAD: frozenset({ADMIN}),
    Page.AUDIT: frozenset({ADMIN}),
    Page.ADMIN_SITE: frozenset({ADMIN}),
}

# Pages that change a child's record: they also need the child to be one the person may
# change (`selectors.children_changeable_by`).
RECORDING = frozenset(
    {
        Page.RECORD_REVIEW,
        Page.RECORD_PLAN,
        Page.RECORD_MEETING,
        Page.RECORD_DECISION,
        Page.RECORD_FAMILY,
        Page.RECORD_OPTIONS,
        Page.RECORD_CHECKLIST,
    }
)


def can(user, page: Page) -> bool:
    """Whether the signed-in person's role opens `page`. A deactivated account opens none."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.role in MATRIX[page]


def home_page(user) -> Page:
    """Where a person lands after signing in: their own work if they hold children."""
    for page in (Page.MY_WORK, Page.TEAM, Page.CHILDREN):
        if can(user, page):
            return page
    return Page.CHILDREN


def requires(page: Page) -> Callable:
    """A view decorator: sign in first, then the role must open `page` (403 otherwise)."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not can(request.user, page):
                raise PermissionDenied(f"Your role cannot open {TITLES[page].lower()}.")
            return view(request, *args, **kwargs)

        wrapped.page = page  # type: ignore[attr-defined]
        return wrapped

    return decorate
