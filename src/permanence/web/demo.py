"""A synthetic council to try Permanence with: children, teams, and one person per role.

Everything here is made up by `permanence.synth`; no real child is involved. The demo
refuses to run with production settings (PERMANENCE_DEBUG=0), because it prints passwords.
"""

from __future__ import annotations

import random
import secrets
import tempfile
from dataclasses import dataclass
from datetime import date, time, timedelta
from itertools import cycle

from django.conf import settings
from django.db import transaction
from simple_history.utils import bulk_update_with_history

from permanence.panels import panels_of
from permanence.profiles import PROFILE_NAMES
from permanence.ssda903 import load_return
from permanence.synth import write_return
from permanence.web.accounts.models import Role, Team, User
from permanence.web.children import models
from permanence.web.children.services import (
    import_return,
    record_genogram,
    record_meeting,
    record_plan,
)
from permanence.web.panels import services as panel_services

DEMO_CHILDREN = 400
SEED = 2026

# One team per policy profile, so that every profile can be seen at work.
TEAMS = {profile: f"{profile.capitalize()} demo team" for profile in PROFILE_NAMES}

# The people printed for signing in: one per role.
PEOPLE = {
    Role.SOCIAL_WORKER: ("sam.social-worker", "Sam", "Okafor"),
    Role.TEAM_MANAGER: ("tara.team-manager", "Tara", "Hughes"),
    Role.IRO: ("ines.iro", "Ines", "Patel"),
    Role.PANEL_ADMINISTRATOR: ("pat.panel-admin", "Pat", "Lewis"),
    Role.HEAD_OF_SERVICE: ("harriet.head-of-service", "Harriet", "Green"),
    Role.ANALYST: ("ash.analyst", "Ash", "Kowalski"),
    Role.ADMINISTRATOR: ("ade.administrator", "Ade", "Mensah"),
}
CASELOAD = 15  # children per social worker
IRO_CASELOAD = 60
# The demo council began recording in Permanence this many days ago: what fell due before
# then and is not recorded shows as "not known", what fell due since as overdue.
RECORDING_DAYS = 90


@dataclass
class DemoLogin:
    role: str
    username: str
    password: str


class DemoRefused(Exception):
    pass


def set_up(
    *, children: int = DEMO_CHILDREN, today: date, seed: int = SEED, years: int = 5
) -> list[DemoLogin]:
    """Load a synthetic council once (later runs keep it), and give each demo person a
    fresh password, returned to be printed."""
    if not settings.DEBUG:
        raise DemoRefused("the demo prints passwords: it runs only with PERMANENCE_DEBUG=1")
    if not models.Child.objects.exists():
        _load_council(children, today, seed, years)
    return _reset_passwords()


@transaction.atomic
def _load_council(n: int, today: date, seed: int, years: int) -> None:
    with tempfile.TemporaryDirectory(prefix="permanence-demo-") as tmp:
        write_return(tmp, n_children=n, seed=seed, year_end=today, years=years)
        ret = load_return(tmp, progress=False)
    import_return(ret)
    teams = {p: Team.objects.create(name=name) for p, name in TEAMS.items()}
    people = {role: _person(role, *names) for role, names in PEOPLE.items()}
    lead_team = teams["bolton"]
    for role in (Role.SOCIAL_WORKER, Role.TEAM_MANAGER):
        people[role].team = lead_team
        people[role].save()
    lead_team.manager = people[Role.TEAM_MANAGER]
    lead_team.save()

    children = list(models.Child.objects.order_by("child_id"))
    looked_after = set(
        models.Episode.objects.filter(end__isnull=True).values_list("child_id", flat=True)
    )
    by_team: dict[str, list[models.Child]] = {p: [] for p in PROFILE_NAMES}
    began = today - timedelta(days=RECORDING_DAYS)
    for child, profile in zip(children, cycle(PROFILE_NAMES)):
        child.profile, child.team, child.recording_since = profile, teams[profile], began
        if child.pk in looked_after:
            by_team[profile].append(child)
    # Children still looked after get a social worker of their team and an IRO; those who
    # have left care stay with their team, their cases closed.
    for profile, held in by_team.items():
        for k in range(0, len(held), CASELOAD):
            if profile == "bolton" and k == 0:
                worker = people[Role.SOCIAL_WORKER]
            else:
                number = k // CASELOAD + 1
                worker = _person(
                    Role.SOCIAL_WORKER,
                    f"sw{number}.{profile}",
                    "Social worker",
                    f"{number} ({profile})",
                    teams[profile],
                )
            for child in held[k : k + CASELOAD]:
                child.social_worker = worker
    reviewed = [c for c in children if c.pk in looked_after]
    for k in range(0, len(reviewed), IRO_CASELOAD):
        number = k // IRO_CASELOAD + 1
        iro = people[Role.IRO] if k == 0 else _person(Role.IRO, f"iro{number}", "IRO", str(number))
        for child in reviewed[k : k + IRO_CASELOAD]:
            child.iro = iro
    bulk_update_with_history(
        children,
        models.Child,
        ["profile", "team", "social_worker", "iro", "recording_since"],
        default_change_reason="demo council: children allocated",
    )
    _record_practice(
        [c for c in children if c.pk in looked_after], people[Role.SOCIAL_WORKER], today, seed
    )
    _set_up_panels(people[Role.PANEL_ADMINISTRATOR], today)


def _set_up_panels(admin: User, today: date) -> None:
    """Each council's next panel, proposed and circulated; and Bolton's last permanence
    panel, held, with a decision and an action on the child's social worker."""
    for profile in PROFILE_NAMES:
        regular = [d for d in panels_of(profile) if d.frequency != "as_arranged"]
        if not regular:
            continue
        first = regular[0]
        upcoming = first.sittings(today + timedelta(days=1), today + timedelta(days=62))
        if upcoming:
            panel = panel_services.create_panel(profile, first.key, upcoming[0], time(10), admin)
            if panel.items.exists():
                panel_services.circulate(panel, admin, today)
    held = next(d for d in panels_of("bolton") if d.key == "permanence")
    past = held.sittings(today - timedelta(days=62), today - timedelta(days=1))
    if not past:
        return
    panel = panel_services.create_panel("bolton", held.key, past[-1], time(10), admin)
    item = panel.items.filter(child__social_worker__isnull=False).order_by("position").first()
    if item is not None:
        panel_services.record_outcome(
            item,
            "Plan endorsed. The social worker to bring the plan back with the carers' views.",
            past[-1] + timedelta(days=91),
            admin,
        )
        panel_services.add_action(
            item,
            "Update the permanence plan with the panel's advice",
            item.child.social_worker,
            today + timedelta(days=14),
            admin,
        )
    panel_services.mark_held(panel, admin, today)


# The plan a worker would most likely have made, from where the child lives now.
PLAN_FROM_PLACEMENT = {
    "A": "adoption",
    "U1": "long_term_fostering",
    "U4": "long_term_fostering",
    "U2": "adoption",
    "U5": "adoption",
    "U3": "sgo",
    "P1": "home",
    "K2": "residential",
    "R1": "residential",
}
CONTINGENCY = {
    "adoption": "long_term_fostering",
    "long_term_fostering": "sgo",
    "sgo": "long_term_fostering",
    "home": "sgo",
    "residential": "long_term_fostering",
}
PLAN_TEXTS = {
    "objectives_and_tasks": "Family finding; life story work; court timetable followed.",
    "timescales": "Within the court timetable; reviewed at each looked-after review.",
    "responsible": "Social worker, team manager, family finder.",
    "success_criteria": "Settled in a home that lasts; family time as agreed.",
    "contingency_plan": "If the plan cannot be achieved, the contingency is taken forward.",
    "childs_voice": "Wants to stay where they are and see their brother.",
}


def _record_practice(held: list[models.Child], worker: User, today: date, seed: int) -> None:
    """What a council would have recorded since it began using Permanence: most children
    have a plan (some without all six elements), a genogram, and a recent planning
    meeting, so that the demo shows a mix of done, due and overdue."""
    rng = random.Random(seed)
    began = today - timedelta(days=RECORDING_DAYS)
    current = {
        e.child_id: e for e in models.Episode.objects.filter(child__in=held, end__isnull=True)
    }
    for child in held:
        episode = current.get(child.pk)
        if episode is None:
            continue
        if rng.random() < 0.8:
            code = episode.placement
            primary = PLAN_FROM_PLACEMENT.get(code, PLAN_FROM_PLACEMENT.get(code[:1])) or (
                rng.choice(["home", "sgo", "adoption", "long_term_fostering"])
            )
            texts = PLAN_TEXTS if rng.random() < 0.7 else dict(list(PLAN_TEXTS.items())[:3])
            record_plan(
                child,
                by=worker,
                based_on=0,
                agreed=max(began, min(today, episode.start + timedelta(days=100))),
                primary=primary,
                contingency=CONTINGENCY[primary],
                **texts,
            )
        if rng.random() < 0.7:
            record_genogram(child, by=worker, completed=began + timedelta(days=rng.randrange(60)))
        if rng.random() < 0.6:
            record_meeting(
                child,
                by=worker,
                kind=models.Meeting.Kind.PERMANENCE_PLANNING,
                held=today - timedelta(days=rng.randrange(5, 40)),
                chair_role="team_manager",
                note="Demo: permanence planning meeting.",
            )


def _person(role: str, username: str, first: str, last: str, team: Team | None = None) -> User:
    user = User.objects.create_user(
        username,
        first_name=first,
        last_name=last,
        role=role,
        team=team,
        is_staff=role == Role.ADMINISTRATOR,
        is_superuser=role == Role.ADMINISTRATOR,
    )
    user.set_unusable_password()
    user.save()
    return user


def _reset_passwords() -> list[DemoLogin]:
    logins = []
    for role, (username, *_names) in PEOPLE.items():
        user = User.objects.get(username=username)
        password = f"demo-{secrets.token_urlsafe(9)}"
        user.set_password(password)
        user.save(update_fields=["password"])
        logins.append(DemoLogin(Role(role).label, username, password))
    return logins
