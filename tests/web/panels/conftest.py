"""A Halton world for panel tests: two teams, each with a manager and a social worker,
made-up children with and without permanence plans, and a panel administrator."""

from __future__ import annotations

from datetime import time, timedelta
from types import SimpleNamespace

import pytest

from permanence.web.accounts.models import Role
from permanence.web.children import services as child_services
from permanence.web.panels import services
from tests.web.factories import days_ago, looked_after, person, team_with_people, today

TEN = time(10, 0)


def with_plan(child, by, agreed=None, primary="adoption", contingency="long_term_fostering"):
    child_services.record_plan(
        child,
        by=by,
        based_on=0,
        agreed=agreed or days_ago(20),
        primary=primary,
        contingency=contingency,
        contingency_plan="Long-term fostering with the current carers",
    )
    return child


@pytest.fixture(autouse=True)
def _fast_passwords(settings) -> None:
    """Argon2 takes half a second a person and these tests make several; nothing here
    is about passwords."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db):
    north, tm_north, sw_north = team_with_people("North")
    south, tm_south, sw_south = team_with_people("South")
    admin = person("panel.admin", Role.PANEL_ADMINISTRATOR)
    iro = person("iro.one", Role.IRO)

    def halton(child_id, team, worker, **kw):
        return looked_after(
            child_id, team=team, social_worker=worker, profile="halton", iro=iro, **kw
        )

    w = SimpleNamespace(
        north=north,
        south=south,
        tm_north=tm_north,
        sw_north=sw_north,
        tm_south=tm_south,
        sw_south=sw_south,
        admin=admin,
        iro=iro,
    )
    # With a plan, not yet heard: "The permanence plan for every child must be presented".
    w.h1 = with_plan(halton("H1", north, sw_north), sw_north)
    w.h5 = with_plan(halton("H5", north, sw_north), sw_north)
    w.h2 = with_plan(halton("H2", south, sw_south), sw_south)
    # In care 10 days, no plan yet and none due: not for this panel.
    w.h3 = halton("H3", north, sw_north, began=days_ago(10))
    # Placed for adoption (A5) after the plan: settled, no longer reviewed by the panel.
    w.h4 = with_plan(
        halton("H4", north, sw_north, placements=((days_ago(30), "A5"),), legal_status="E1"),
        sw_north,
        agreed=days_ago(60),
    )
    # Another council's child with a plan: never on a Halton agenda.
    w.n1 = with_plan(looked_after("N1", team=north, social_worker=sw_north), sw_north)
    return w


@pytest.fixture
def make_panel(world):
    def make(sitting=None, start=TEN, key="permanency_review"):
        return services.create_panel(
            "halton", key, sitting or today() + timedelta(days=21), start, world.admin
        )

    return make


def agenda_of(panel):
    """[(child id, slot "HH:MM", group)] of the children on the agenda, in order."""
    return [
        (i.child.child_id, i.slot_start.strftime("%H:%M"), i.group)
        for i in panel.items.filter(removed=False).order_by("position")
    ]
