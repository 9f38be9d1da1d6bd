"""Children and people in the database for page tests: made up, relative to today so that
what is overdue stays overdue whatever day the suite runs."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from permanence.web.accounts.models import Role, Team, User
from permanence.web.children import models

PASSWORD = "a long enough password for tests"


def today() -> date:
    return timezone.localdate()


def days_ago(n: int) -> date:
    return today() - timedelta(days=n)


def person(username: str, role: str, team: Team | None = None, **extra) -> User:
    return User.objects.create_user(
        username, role=role, team=team, password=PASSWORD, first_name=username.title(), **extra
    )


def looked_after(
    child_id: str,
    *,
    team: Team | None = None,
    began: date | None = None,
    placements: tuple[tuple[date, str], ...] = (),
    legal_status: str = "C2",
    reviews: tuple[date, ...] = (),
    social_worker: User | None = None,
    iro: User | None = None,
    profile: str = "national",
    dob: date | None = None,
) -> models.Child:
    """A child in care since `began` (default 100 days ago), in foster care (U6) unless
    `placements` gives (date, PLACE) moves after the start."""
    began = began or days_ago(100)
    child = models.Child.objects.create(
        child_id=child_id,
        dob=dob or date(today().year - 9, 3, 14),
        team=team,
        social_worker=social_worker,
        iro=iro,
        profile=profile,
    )
    starts = [(began, "S", "U6"), *((d, "P", place) for d, place in placements)]
    for k, (start, rne, place) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else None
        child.episodes.create(
            start=start,
            reason_new=rne,
            legal_status=legal_status,
            placement=place,
            end=end,
            reason_end="X1" if end else "",
            reason_place_change="CARPL" if end else "",
            cin="N1",
            provider="PR1",
        )
    for r in reviews:
        child.reviews.create(date=r, code="PN1")
    return child


def team_with_people(name: str) -> tuple[Team, User, User]:
    """A team, its manager and one social worker."""
    team = Team.objects.create(name=name)
    manager = person(f"tm-{name.lower()}", Role.TEAM_MANAGER, team)
    worker = person(f"sw-{name.lower()}", Role.SOCIAL_WORKER, team)
    team.manager = manager
    team.save()
    return team, manager, worker
