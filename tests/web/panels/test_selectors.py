"""What each person sees of panels, and what panels ask of them: Halton's "You will be
invited to panel no less than 2 weeks in advance ... their Practice Lead will be copied
in" and "up to date on the electronic records no later than one week prior to panel"."""

from datetime import timedelta

import pytest

from permanence.web.accounts.models import Role, User
from permanence.web.children.selectors import children_visible_to
from permanence.web.panels import selectors, services
from permanence.web.panels.models import AgendaItem
from tests.web.factories import days_ago, person, today

pytestmark = pytest.mark.django_db


def day(d):
    return f"{d.day} {d:%B %Y}"


def test_a_circulated_panel_asks_the_social_worker_to_attend_and_have_records_ready(
    world, make_panel
):
    sitting = today() + timedelta(days=10)
    panel = make_panel(sitting=sitting)
    assert selectors.work_for(world.sw_north, today()) == []  # a draft asks nothing yet
    services.circulate(panel, world.admin)
    papers_by = sitting - timedelta(days=7)
    work = selectors.work_for(world.sw_north, today())
    assert [(w.what, w.due, w.status) for w in work] == [
        (
            f"Records up to date for Permanency Review Panel by {day(papers_by)} (child H1)",
            papers_by,
            "due_soon",
        ),
        (
            f"Records up to date for Permanency Review Panel by {day(papers_by)} (child H5)",
            papers_by,
            "due_soon",
        ),
        (
            f"Attend Permanency Review Panel on {day(sitting)} at 10:00 for child H1",
            sitting,
            "due_soon",
        ),
        (
            f"Attend Permanency Review Panel on {day(sitting)} at 10:15 for child H5",
            sitting,
            "due_soon",
        ),
    ]
    # The team manager is copied, as Halton copies the practice lead; South's people
    # only for South's child.
    manager = [w.what for w in selectors.work_for(world.tm_north, today())]
    assert (
        f"Attend Permanency Review Panel on {day(sitting)} at 10:00 for child H1 (copied, as practice lead)"
        in manager
    )
    assert all("H2" not in what for what in manager)
    assert [w.child.child_id for w in selectors.work_for(world.sw_south, today())] == ["H2", "H2"]


def test_records_past_the_papers_deadline_are_overdue_and_a_held_panel_asks_nothing(
    world, make_panel
):
    sitting = today() + timedelta(days=3)  # papers were due 4 days ago
    panel = make_panel(sitting=sitting)
    services.circulate(panel, world.admin)
    statuses = {w.what.split(" ")[0]: w.status for w in selectors.work_for(world.sw_south, today())}
    assert statuses == {"Records": "overdue", "Attend": "due_soon"}
    item = panel.items.get(child=world.h2)
    services.remove_item(item, "Moved to next month", world.admin)
    assert selectors.work_for(world.sw_south, today()) == []


def test_an_overdue_action_is_overdue_on_the_owners_list(world, make_panel):
    panel = make_panel(sitting=today())
    item = panel.items.get(child=world.h2)
    services.add_action(
        item, "Book the sibling assessment", world.tm_south, days_ago(1), world.admin
    )
    (work,) = selectors.work_for(world.tm_south, today())
    assert (work.what, work.status, work.action.owner) == (
        "Book the sibling assessment",
        "overdue",
        world.tm_south,
    )
    assert selectors.work_for(world.sw_south, today()) == []  # not theirs


def test_a_social_worker_sees_only_panels_with_their_teams_children(world, make_panel):
    panel = make_panel()  # H1, H5 (North) and H2 (South)
    north_only = make_panel(sitting=today() + timedelta(days=50))
    services.remove_item(north_only.items.get(child=world.h2), "Heard last month", world.admin)
    assert set(selectors.panels_visible_to(world.sw_north)) == {panel, north_only}
    assert set(selectors.panels_visible_to(world.sw_south)) == {panel}
    assert set(selectors.panels_visible_to(world.admin)) == {panel, north_only}
    # Of a panel they see, the rest of the agenda is counted, not shown.
    agenda = selectors.agenda(world.sw_south, panel)
    assert [i.child.child_id for i in agenda.items] == ["H2"]
    assert agenda.hidden == 2
    full = selectors.agenda(world.admin, panel)
    assert [g.label for g in full.groups] == ["Team manager: Tm-North", "Team manager: Tm-South"]
    assert full.hidden == 0 and full.ends.strftime("%H:%M") == "10:45"
    assert (full.invite_by, full.papers_by) == (
        panel.sitting - timedelta(days=14),
        panel.sitting - timedelta(days=7),
    )
    unallocated = person("new.starter", Role.SOCIAL_WORKER)  # in no team yet
    assert not selectors.panels_visible_to(unallocated).exists()


def test_actions_may_go_only_to_people_who_may_see_the_child(world):
    person("hos", Role.HEAD_OF_SERVICE)
    person("gone", Role.SOCIAL_WORKER, world.north, is_active=False)
    person("analyst", Role.ANALYST)
    for child in (world.h1, world.h2):
        offered = set(selectors.people_who_may_see(child))
        for user in User.objects.all():
            sees = children_visible_to(user).filter(pk=child.pk).exists()
            if user in offered:
                assert sees, (user, child)
            elif sees:  # seeing the child but holding no work: analysts and administrators
                assert user.role in (Role.ANALYST, Role.ADMINISTRATOR), (user, child)
    assert world.sw_south not in selectors.people_who_may_see(world.h1)
    assert world.iro in selectors.people_who_may_see(world.h1)


def test_the_papers_say_what_is_missing(world, make_panel):
    panel = make_panel()
    world.h1.reviews.create(date=days_ago(40), code="PN1")
    items = list(AgendaItem.objects.filter(panel=panel).order_by("position"))
    papers = {p.item.child.child_id: p for p in selectors.papers(items)}
    assert papers["H1"].last_review == days_ago(40)
    assert papers["H1"].plan.get_primary_display() == "Adoption"
    assert papers["H1"].missing == []
    assert papers["H5"].missing == ["No review recorded"]
