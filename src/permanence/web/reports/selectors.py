"""Reading the children a report covers: always those the person may see
(`children_visible_to`: a team manager their team, a head of service or analyst every
child), fetched with one prefetch, and handed to the core reports (`permanence.reports`)
as the rules engine sees them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from permanence import reports
from permanence.domain.model import Child as DomainChild
from permanence.profiles import load_profile
from permanence.reports.tracker import TrackerRow
from permanence.web.accounts.models import User
from permanence.web.children import models
from permanence.web.children.domain import RELATED, domain_child
from permanence.web.children.selectors import children_visible_to, in_care_on, summarise


def children_for(user: User, profile: str = "") -> QuerySet[models.Child]:
    """The children a person's reports cover, with everything the core reads prefetched."""
    children = children_visible_to(user)
    if profile:
        children = children.filter(profile=profile)
    return children.select_related("team", "social_worker").prefetch_related(*RELATED)


def tracker_rows(user: User, as_of: date, profile: str = "") -> list[TrackerRow]:
    """The tracker's rows: each child the person may see who is looked after on `as_of`,
    under the child's own profile (its rules and its costs)."""
    rows = []
    for child in in_care_on(children_for(user, profile), as_of):
        summary = summarise(child, as_of)
        row = reports.tracker_row(
            summary.case,
            summary.result,
            load_profile(child.profile).costs,
            profile=child.profile,
            team=str(child.team) if child.team else "Not allocated",
            social_worker=str(child.social_worker) if child.social_worker else "Not allocated",
        )
        if row is not None:
            rows.append(row)
    rows.sort(key=lambda r: r.child)
    return rows


def costs_used(rows: list[TrackerRow]) -> dict[str, dict[str, float]]:
    """The weekly figures of each profile the rows were costed under."""
    return {p: load_profile(p).costs for p in sorted({r.profile for r in rows})}


@dataclass
class Population:
    """Every child a person may see, as the core reads them, and their recorded brothers
    and sisters by how they are placed."""

    children: list[DomainChild]
    siblings: dict[str, list[str]]


def population(user: User, profile: str = "") -> Population:
    children, siblings = [], {}
    for child in children_for(user, profile):
        children.append(domain_child(child))
        placed = [s.placed for s in child.siblings.all()]
        if placed:
            siblings[child.child_id] = placed
    return Population(children, siblings)
