"""Reading children's records: what a person may see, and what is due for a child.

Every query for children starts from `children_visible_to(user)`: no view looks a child
up by a raw id outside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404

from permanence.domain import model as domain
from permanence.profiles import load_profile
from permanence.rules.engine import Case, ChildResult, Obligation, Status, evaluate_child
from permanence.ssda903 import labels
from permanence.web.accounts.models import Role, Team, User
from permanence.web.children import models
from permanence.web.children.access import children_changeable_by
from permanence.web.children.domain import RELATED, domain_child
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
    return summarise(child, as_of).result


DUE_SOON_DAYS = 28  # "due in the next 4 weeks"


@dataclass
class ChildSummary:
    """One line of a work list: the child, what is overdue and due soon, where they live."""

    child: models.Child
    result: ChildResult
    case: Case
    as_of: date
    overdue: list[Obligation] = field(default_factory=list)
    due_soon: list[Obligation] = field(default_factory=list)

    def __post_init__(self) -> None:
        soon = self.as_of + timedelta(days=DUE_SOON_DAYS)
        for o in self.result.obligations:
            if o.status is Status.OVERDUE:
                self.overdue.append(o)
            elif o.status is Status.UPCOMING and o.due is not None and o.due <= soon:
                self.due_soon.append(o)

    @property
    def age(self) -> int | None:
        dob = self.child.dob
        if dob is None:
            return None
        return (
            self.as_of.year - dob.year - ((self.as_of.month, self.as_of.day) < (dob.month, dob.day))
        )

    @property
    def looked_after(self) -> bool:
        return self.case.current_period is not None

    @property
    def episode(self) -> domain.Episode | None:
        """The episode open on the as-of date, if the child is looked after."""
        period = self.case.current_period
        return period.episodes[-1] if period is not None else None

    @property
    def legal_status(self) -> str:
        return self.episode.legal_status if self.episode else ""

    @property
    def placement(self) -> str:
        return self.episode.placement if self.episode else ""

    @property
    def current_plan(self) -> models.PermanencePlan | None:
        """The latest version of the permanence plan (plans are prefetched in date order)."""
        plans = list(self.child.plans.all())
        return plans[-1] if plans else None

    @property
    def last_review(self) -> date | None:
        return self.case.reviews[-1].date if self.case.reviews else None

    @property
    def next_review(self) -> Obligation | None:
        """The statutory review still to hold: the earliest review obligation not done."""
        return next(
            (
                o
                for o in self.result.obligations
                if o.rule.startswith("review.") and o.status in (Status.OVERDUE, Status.UPCOMING)
            ),
            None,
        )

    @property
    def legal_status_label(self) -> str:
        return labels.legal_status(self.legal_status)

    @property
    def placement_label(self) -> str:
        return labels.placement(self.placement)

    @property
    def next_due(self) -> Obligation | None:
        """The earliest obligation still to do: overdue first, then the next upcoming."""
        todo = self.overdue or self.due_soon
        if todo:
            return todo[0]
        return next((o for o in self.result.obligations if o.status is Status.UPCOMING), None)


def summarise(child: models.Child, as_of: date) -> ChildSummary:
    profile = load_profile(child.profile)
    case = Case(domain_child(child), as_of, ENGLAND_AND_WALES, profile.params)
    return ChildSummary(child, evaluate_child(profile.rules, case), case, as_of)


@dataclass(frozen=True)
class WorkFilters:
    """What a person narrowed a work list to; empty means everything."""

    team: int | None = None
    profile: str = ""
    status: str = ""  # "overdue", "due_soon", or "" for all
    legal_status: str = ""
    placement: str = ""  # a group of PLACEMENT_GROUPS
    include_left_care: bool = False
    sort: str = "overdue"


SORTS = {
    "overdue": lambda s: (-len(s.overdue), s.next_due.due if s.next_due else date.max),
    "next_due": lambda s: s.next_due.due if s.next_due and s.next_due.due else date.max,
    "child": lambda s: s.child.child_id,
    "legal_status": lambda s: (s.legal_status or "~", s.child.child_id),
    "placement": lambda s: (s.placement or "~", s.child.child_id),
}


def in_care_on(children: QuerySet[models.Child], day: date) -> QuerySet[models.Child]:
    """Only children with an episode open on `day`: a cheap narrowing in the database;
    the exact check (short breaks, episodes starting later) is the core's, on each child."""
    return children.filter(
        Exists(
            models.Episode.objects.filter(child=OuterRef("pk"), start__lte=day).filter(
                Q(end__isnull=True) | Q(end__gt=day)
            )
        )
    )


def work_list(
    children: QuerySet[models.Child], as_of: date, filters: WorkFilters
) -> list[ChildSummary]:
    """Each child of `children` with what is due, filtered and sorted as asked.

    `children` must come from `children_visible_to` (or a narrowing of it)."""
    if filters.team is not None:
        children = children.filter(team_id=filters.team)
    if filters.profile:
        children = children.filter(profile=filters.profile)
    if not filters.include_left_care:
        # Only children with care open on the day can be looked after; the exact check
        # (short breaks, episodes starting later) is made below on each one.
        children = in_care_on(children, as_of)
    children = children.select_related("team", "social_worker", "iro").prefetch_related(*RELATED)
    out = []
    for child in children:
        s = summarise(child, as_of)
        if not filters.include_left_care and not s.looked_after:
            continue
        if filters.status == "overdue" and not s.overdue:
            continue
        if filters.status == "due_soon" and not s.due_soon:
            continue
        if filters.legal_status and s.legal_status != filters.legal_status:
            continue
        if filters.placement and labels.placement_group(s.placement) != filters.placement:
            continue
        out.append(s)
    out.sort(key=SORTS.get(filters.sort, SORTS["overdue"]))
    return out


def held_by(user: User) -> QuerySet[models.Child]:
    """The children on a person's own list: a social worker's caseload, a team manager's
    team, the children an IRO reviews."""
    children = children_visible_to(user)
    if user.role == Role.SOCIAL_WORKER:
        return children.filter(social_worker=user)
    if user.role == Role.TEAM_MANAGER:
        return children.filter(team_id=user.team_id)
    if user.role == Role.IRO:
        return children.filter(iro=user)
    return children.none()


def teams_visible_to(user: User) -> QuerySet[Team]:
    """The teams whose lists a person may open: their own, or all for a head of service."""
    if user.role == Role.TEAM_MANAGER:
        return Team.objects.filter(pk=user.team_id)
    if user.role in SEES_EVERY_CHILD or user.is_superuser:
        return Team.objects.all()
    return Team.objects.none()


def child_for(user: User, child_id: str) -> models.Child:
    """One child by their CHILD id, only if the person may see them (404 otherwise)."""
    return get_object_or_404(
        children_visible_to(user)
        .select_related("team", "social_worker", "iro")
        .prefetch_related(*RELATED, "family_time"),
        child_id=child_id,
    )


@dataclass(frozen=True)
class TimelineEvent:
    when: date
    kind: str  # care, legal, placement, review, meeting, decision, plan
    title: str
    detail: str = ""


def timeline(summary: ChildSummary) -> list[TimelineEvent]:
    """The child's story, newest first: periods of care, legal status, placements,
    reviews, and what people recorded (meetings, decisions, plan versions)."""
    events: list[TimelineEvent] = []
    for period in summary.case.periods:
        short = " (short breaks)" if period.short_breaks_only else ""
        began = "Care began before this data" if period.began_before_data else "Became looked after"
        events.append(TimelineEvent(period.start, "care", began + short))
        if period.end is not None:
            events.append(
                TimelineEvent(period.end, "care", "Left care", f"Reason: {period.end_reason}")
            )
        for span in period.legal_statuses():
            events.append(
                TimelineEvent(
                    span.start,
                    "legal",
                    f"Legal status {span.status}",
                    labels.legal_status(span.status),
                )
            )
        for p in period.placements():
            moved = f"Moved ({p.reason_place_change or 'reason not given'}): " if p.is_move else ""
            events.append(
                TimelineEvent(
                    p.start,
                    "placement",
                    f"Placement {p.placement}",
                    moved + labels.placement(p.placement),
                )
            )
    child = summary.child
    for r in child.reviews.all():
        ratified = {True: "plan ratified", False: "plan not ratified"}.get(r.plan_ratified, "")
        chair = f"chaired by {r.iro}" if r.iro_id else ""
        detail = ", ".join(filter(None, [r.code, ratified, chair]))
        events.append(TimelineEvent(r.date, "review", "Review held", detail))
    for m in child.meetings.all():
        events.append(
            TimelineEvent(m.held, "meeting", m.get_kind_display(), m.get_chair_role_display())
        )
    for d in child.decisions.all():
        events.append(
            TimelineEvent(
                d.made,
                "decision",
                d.get_kind_display(),
                f"{d.get_outcome_display()}, by the {d.get_role_display().lower()}",
            )
        )
    for plan in child.plans.all():
        contingency = f"; contingency: {plan.get_contingency_display()}" if plan.contingency else ""
        events.append(
            TimelineEvent(
                plan.agreed,
                "plan",
                f"Permanence plan agreed (version {plan.version})",
                f"{plan.get_primary_display()}{contingency}",
            )
        )
    for a in child.assessments.all():
        events.append(TimelineEvent(a.completed, "assessment", a.get_kind_display(), a.note))
    for sib in child.siblings.all():
        if sib.assessment_completed:
            who = sib.name or sib.sibling_child_id
            events.append(
                TimelineEvent(
                    sib.assessment_completed, "assessment", "Together or apart assessment", who
                )
            )
    for member in child.family_members.all():
        if member.viability_completed:
            events.append(
                TimelineEvent(
                    member.viability_completed,
                    "assessment",
                    "Viability assessment",
                    f"{member.name} ({member.relationship}): {member.get_viability_outcome_display() or 'outcome not recorded'}",
                )
            )
    if child.genogram_completed:
        events.append(TimelineEvent(child.genogram_completed, "family", "Genogram completed"))
    life_story = getattr(child, "life_story", None)
    if life_story is not None and life_story.book_given:
        events.append(TimelineEvent(life_story.book_given, "family", "Life story book given"))
    events.sort(key=lambda e: e.when, reverse=True)
    return events


def may_change(user: User, child: models.Child) -> bool:
    """Whether the person may record anything for this child (their team's, or one they
    review, or any child for a head of service or panel administrator)."""
    return children_changeable_by(user).filter(pk=child.pk).exists()
