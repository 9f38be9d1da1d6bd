"""Reading panels: which panels a person may see, the agenda as the policy groups it,
the papers for the pack, and what each person must do because of a panel.

A panel is seen whole by panel administrators and heads of service; anyone else sees a
panel only if a child they may see is on its agenda, and then only those children.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import groupby

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from permanence.panels import PanelDefinition, manual_reasons, panel_definition
from permanence.web.accounts.models import Role, User
from permanence.web.children import models as children
from permanence.web.children.domain import plans_in_force
from permanence.web.children.selectors import DUE_SOON_DAYS, SEES_EVERY_CHILD, children_visible_to
from permanence.web.panels.models import Action, AgendaItem, Panel

SEES_EVERY_PANEL = frozenset({Role.PANEL_ADMINISTRATOR, Role.HEAD_OF_SERVICE})
# Who may be given an action: the people who hold work (not analysts or administrators).
ACTION_ROLES = (
    Role.SOCIAL_WORKER,
    Role.TEAM_MANAGER,
    Role.IRO,
    Role.PANEL_ADMINISTRATOR,
    Role.HEAD_OF_SERVICE,
)


def sees_every_panel(user: User) -> bool:
    return user.is_superuser or user.role in SEES_EVERY_PANEL


def panels_visible_to(user: User) -> QuerySet[Panel]:
    panels = Panel.objects.select_related("chair")
    if not user.is_authenticated or not user.is_active:
        return panels.none()
    if sees_every_panel(user):
        return panels
    visible = children_visible_to(user).values("pk")
    return panels.filter(items__child__in=visible, items__removed=False).distinct()


def panel_for(user: User, pk: int) -> Panel:
    """One panel, only if the person may see it (404 otherwise)."""
    return get_object_or_404(panels_visible_to(user), pk=pk)


def definition(panel: Panel) -> PanelDefinition | None:
    """The panel as the council's profile defines it; None if the profile no longer
    has it (the sitting is still shown, from what was saved)."""
    try:
        return panel_definition(panel.profile, panel.key)
    except (KeyError, ValueError):
        return None


@dataclass(frozen=True)
class PanelRow:
    panel: Panel
    children: int


def panel_list(
    user: User, today: date
) -> tuple[list[tuple[str, list[PanelRow]]], list[tuple[str, list[PanelRow]]]]:
    """Upcoming (soonest first) and past (latest first) panels the person may see, each
    as (council, rows) by council."""
    upcoming: dict[str, list[PanelRow]] = {}
    past: dict[str, list[PanelRow]] = {}
    for panel in panels_visible_to(user).order_by("profile", "sitting", "start"):
        row = PanelRow(panel, len(visible_items(user, panel)))
        later = panel.sitting >= today and panel.status != Panel.Status.HELD
        (upcoming if later else past).setdefault(panel.profile_title, []).append(row)
    return (
        sorted(upcoming.items()),
        sorted((council, rows[::-1]) for council, rows in past.items()),
    )


def visible_items(user: User, panel: Panel, *, removed: bool = False) -> list[AgendaItem]:
    """The agenda items of children the person may see, in agenda order; with
    `removed`, the children taken off instead."""
    items = (
        panel.items.filter(removed=removed)
        .select_related("child__team__manager", "child__social_worker", "child__iro", "outcome")
        .prefetch_related("actions__owner", "actions__done_by")
        .order_by("position", "child__child_id")
    )
    if not sees_every_panel(user):
        items = items.filter(child__in=children_visible_to(user))
    return list(items)


@dataclass
class AgendaGroup:
    label: str
    items: list[AgendaItem]


@dataclass
class Agenda:
    panel: Panel
    definition: PanelDefinition | None
    groups: list[AgendaGroup]
    removed: list[AgendaItem]
    hidden: int  # children on the agenda the person may not see
    invite_by: date | None
    papers_by: date | None

    @property
    def items(self) -> list[AgendaItem]:
        return [i for g in self.groups for i in g.items]

    @property
    def ends(self) -> time | None:
        """When the last slot ends."""
        items = self.items
        if self.definition is None or not items or items[-1].slot_start is None:
            return None
        last = datetime.combine(self.panel.sitting, items[-1].slot_start)
        return (last + timedelta(minutes=self.definition.slot_minutes)).time()


def agenda(user: User, panel: Panel) -> Agenda:
    """The agenda grouped as the policy lists it (each group in slot order)."""
    items = visible_items(user, panel)
    groups = [
        AgendaGroup(label, list(members))
        for label, members in groupby(
            sorted(items, key=lambda i: (i.position, i.group)), key=lambda i: i.group
        )
    ]
    total = panel.items.filter(removed=False).count()
    d = definition(panel)
    return Agenda(
        panel=panel,
        definition=d,
        groups=groups,
        removed=visible_items(user, panel, removed=True),
        hidden=total - len(items),
        invite_by=d.invite_by(panel.sitting) if d else None,
        papers_by=d.papers_by(panel.sitting) if d else None,
    )


def manual_reason_choices(panel: Panel):
    """The criteria an administrator may pick when adding a child by hand."""
    d = definition(panel)
    return manual_reasons(d) if d is not None else ()


def people_who_may_see(child: children.Child) -> QuerySet[User]:
    """Who may be given an action for the child: people holding work who can see them
    (the same people `children_visible_to` shows the child to)."""
    sees = Q(role__in=SEES_EVERY_CHILD) | Q(is_superuser=True) | Q(pk=child.iro_id, role=Role.IRO)
    if child.team_id is not None:
        sees |= Q(role__in=(Role.SOCIAL_WORKER, Role.TEAM_MANAGER), team_id=child.team_id)
    return User.objects.filter(sees, is_active=True, role__in=ACTION_ROLES).order_by(
        "first_name", "last_name", "username"
    )


def actions_visible_to(user: User) -> QuerySet[Action]:
    return Action.objects.filter(child__in=children_visible_to(user)).select_related(
        "child", "owner", "agenda_item__panel"
    )


def may_complete(user: User, action: Action) -> bool:
    """The owner, the manager of the child's team, or a panel administrator or head of
    service may mark an action done."""
    if action.owner_id == user.pk or sees_every_panel(user):
        return True
    team = action.child.team
    return user.role == Role.TEAM_MANAGER and team is not None and team.manager_id == user.pk


# The pack: for each child, the papers the panel reads.


@dataclass
class Papers:
    item: AgendaItem
    plan: children.PermanencePlan | None
    last_review: date | None
    assessments: list[children.Assessment]
    missing: list[str] = field(default_factory=list)


def papers(items: list[AgendaItem]) -> list[Papers]:
    """The papers for each child: the permanence plan and its contingency (Halton: "the
    proposed plan and timescale and the contingency plan"), the last review, and the
    latest assessment of each kind; and what is missing."""
    ids = [i.child_id for i in items]
    plans: dict[int, list] = {}
    for plan in children.PermanencePlan.objects.filter(child_id__in=ids):
        plans.setdefault(plan.child_id, []).append(plan)
    reviews: dict[int, date] = {}
    for child_id, held in children.Review.objects.filter(child_id__in=ids).values_list(
        "child_id", "date"
    ):
        reviews[child_id] = max(held, reviews.get(child_id, held))
    assessments: dict[int, dict[str, children.Assessment]] = {}
    for a in children.Assessment.objects.filter(child_id__in=ids).order_by("completed"):
        assessments.setdefault(a.child_id, {})[a.kind] = a
    out = []
    for item in items:
        kept = plans_in_force(plans.get(item.child_id, []))
        plan = kept[-1] if kept else None
        latest = sorted(
            assessments.get(item.child_id, {}).values(), key=lambda a: a.completed, reverse=True
        )
        missing = []
        if plan is None:
            missing.append("No permanence plan recorded")
        elif not plan.contingency:
            missing.append("The plan names no contingency plan")
        if item.child_id not in reviews:
            missing.append("No review recorded")
        out.append(Papers(item, plan, reviews.get(item.child_id), latest, missing))
    return out


# Obligations on the people concerned: invitations, papers deadlines, actions.


@dataclass(frozen=True)
class Work:
    """One thing a person must do because of a panel."""

    what: str
    child: children.Child
    due: date
    status: str  # "overdue", "due_soon" or "upcoming"
    panel: Panel | None = None
    action: Action | None = None

    @property
    def overdue(self) -> bool:
        return self.status == "overdue"


def _status(due: date, today: date) -> str:
    if due < today:
        return "overdue"
    if due <= today + timedelta(days=DUE_SOON_DAYS):
        return "due_soon"
    return "upcoming"


def _slot(t: time | None) -> str:
    return t.strftime("%H:%M") if t is not None else "a time to be set"


def work_for(user: User, today: date) -> list[Work]:
    """A person's panel obligations, soonest first: for each circulated panel not yet
    held, the children they hold on its agenda (their social worker; their team's
    manager is copied, as Halton copies the practice lead) to attend for and to have
    the records up to date by the papers deadline; and their open actions."""
    out: list[Work] = []
    visible = children_visible_to(user)
    items = (
        AgendaItem.objects.filter(
            removed=False,
            panel__status=Panel.Status.CIRCULATED,
            panel__sitting__gte=today,
            child__in=visible,
        )
        .filter(Q(child__social_worker=user) | Q(child__team__manager=user))
        .select_related("panel", "child__team")
        .order_by("panel__sitting", "slot_start")
    )
    for item in items:
        panel, child = item.panel, item.child
        d = definition(panel)
        copied = ""
        if child.social_worker_id != user.pk:
            lead = d is not None and any("practice lead" in w.lower() for w in d.invited)
            copied = " (copied, as practice lead)" if lead else " (copied, as team manager)"
        sitting = f"{panel.sitting.day} {panel.sitting:%B %Y}"
        out.append(
            Work(
                f"Attend {panel.name} on {sitting} at {_slot(item.slot_start)} "
                f"for child {child.child_id}{copied}",
                child,
                panel.sitting,
                _status(panel.sitting, today),
                panel=panel,
            )
        )
        if d is not None:
            by = d.papers_by(panel.sitting)
            out.append(
                Work(
                    f"Records up to date for {panel.name} by {by.day} {by:%B %Y} "
                    f"(child {child.child_id})",
                    child,
                    by,
                    _status(by, today),
                    panel=panel,
                )
            )
    actions = actions_visible_to(user).filter(owner=user, done_on__isnull=True)
    for action in actions:
        out.append(
            Work(
                action.what,
                action.child,
                action.due,
                _status(action.due, today),
                panel=action.agenda_item.panel if action.agenda_item else None,
                action=action,
            )
        )
    out.sort(key=lambda w: (w.due, w.child.child_id, w.what))
    return out
