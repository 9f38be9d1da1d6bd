"""The role x page matrix: written down in docs/permissions.md, and what each role really
gets when they open each page."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from permanence.web.accounts.models import Role
from permanence.web.permissions import MATRIX, Page, can
from tests.web.factories import looked_after, person, team_with_people

DOC = Path(__file__).resolve().parents[2] / "docs" / "permissions.md"

# Every page of the matrix, by its address(es). Record pages are per child.
URLS = {
    Page.MY_WORK: ["children:my-work"],
    Page.TEAM: ["children:team"],
    Page.IRO_REVIEWS: ["children:iro"],
    Page.CHILDREN: ["children:find"],
    Page.CHILD: ["children:child"],
    Page.RECORD_REVIEW: ["record:review"],
    Page.RECORD_PLAN: ["record:plan"],
    Page.RECORD_MEETING: ["record:meeting"],
    Page.RECORD_DECISION: ["record:decision"],
    Page.RECORD_FAMILY: [
        "record:family-time",
        "record:sibling",
        "record:life-story",
        "record:family-member",
        "record:assessment",
        "record:genogram",
    ],
    Page.CHILD_OPTIONS: ["guidance:options"],
    Page.CHILD_PLAN: ["guidance:child-plan"],
    Page.RECORD_OPTIONS: ["guidance:balance-sheet"],
    Page.RECORD_CHECKLIST: ["approvals:checklists"],
    Page.PANELS: ["panels:list", "panels:panel", "panels:pack", "panels:pack-pdf"],
    Page.PANEL_MANAGE: ["panels:new", "panels:agenda"],
    Page.PANEL_RECORD: ["panels:outcomes"],
    Page.REPORTS: [
        "reports:index",
        "reports:tracker",
        "reports:quarterly",
        "reports:annual",
        "reports:disruption",
        "reports:measures",
        "reports:measures-print",
    ],
    Page.UPLOAD: ["returns:upload"],
    Page.AUDIT: ["audit:search", "audit:export"],
    Page.ADMIN_SITE: ["admin:index"],
}


def documented() -> dict[str, set[str]]:
    """The matrix as docs/permissions.md gives it: page value -> roles marked yes."""
    lines = [line for line in DOC.read_text().splitlines() if line.startswith("| ")]
    header = [c.strip() for c in lines[0].strip("|").split("|")]
    out = {}
    for line in lines[1:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        found = re.search(r"\(`(\w+)`\)", cells[0])
        if found:
            out[found.group(1)] = {header[i] for i, c in enumerate(cells) if i and c == "yes"}
    return out


def test_the_documented_matrix_is_the_one_in_the_code():
    assert documented() == {p.value: {r.value for r in roles} for p, roles in MATRIX.items()}


def test_every_page_has_an_address_in_this_test():
    assert set(URLS) == set(Page)


PER_CHILD = ("record:", "children:child", "guidance:", "approvals:")
PER_PANEL = ("panels:panel", "panels:pack", "panels:pack-pdf", "panels:agenda", "panels:outcomes")


def address_of(name: str, world) -> dict:
    """The address arguments of a page: the child C1, or the world's panel."""
    if name.startswith(PER_CHILD):
        return {"child_id": "C1"}
    if name in PER_PANEL:
        return {"pk": world["panel"].pk}
    return {}


@pytest.fixture
def world(db):
    """A team whose social worker and manager hold child C1, reviewed by the IRO, and one
    person in each other role."""
    team, manager, worker = team_with_people("North")
    people = {Role.SOCIAL_WORKER: worker, Role.TEAM_MANAGER: manager}
    for role in Role:
        people.setdefault(role, person(role.value, role, is_staff=role == Role.ADMINISTRATOR))
    c1 = looked_after("C1", team=team, social_worker=worker, iro=people[Role.IRO])
    people["panel"] = panel_hearing(c1)
    return people


def panel_hearing(child):
    """A Halton panel sitting in two weeks with the child on its agenda."""
    from datetime import time, timedelta

    from permanence.web.panels.models import AgendaItem, Panel
    from tests.web.factories import today

    panel = Panel.objects.create(
        profile="halton",
        key="permanency_review",
        name="Permanency Review Panel",
        sitting=today() + timedelta(days=14),
        start=time(10),
    )
    AgendaItem.objects.create(panel=panel, child=child, position=1, slot_start=time(10))
    return panel


@pytest.mark.parametrize("role", list(Role))
def test_each_role_opens_exactly_the_pages_of_the_matrix(client, world, role):
    user = world[role]
    client.force_login(user)
    for page, names in URLS.items():
        for name in names:
            kwargs = address_of(name, world)
            response = client.get(reverse(name, kwargs=kwargs))
            if can(user, page):
                assert response.status_code == 200, (role, name, response.status_code)
            else:
                assert response.status_code in (302, 403), (role, name, response.status_code)
                if page is not Page.ADMIN_SITE:  # the admin sends others to its own sign-in
                    assert response.status_code == 403, (role, name)


def test_a_deactivated_account_opens_nothing(client, world):
    user = world[Role.ADMINISTRATOR]
    user.is_active = False
    user.save()
    assert not any(can(user, page) for page in Page)
