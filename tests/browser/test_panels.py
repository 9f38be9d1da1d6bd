"""A Halton Permanency Review Panel from set-up to the action done, in a real browser:
the panel administrator sets it up, takes a child off with a reason, circulates it and
records a decision and an action; the social worker then finds the action on My work."""

from __future__ import annotations

import re

import pytest

from permanence.web.accounts.models import Role
from permanence.web.children import services as child_services
from permanence.web.panels.models import Action, Panel
from tests.browser.conftest import sign_in, url
from tests.browser.test_accessibility import AXE, Audit
from tests.web.factories import days_ago, looked_after, person, team_with_people, today


def words(locator) -> str:
    return " ".join(locator.inner_text().split())


def fill_date(group, d) -> None:
    group.get_by_label("Day").fill(str(d.day))
    group.get_by_label("Month").fill(str(d.month))
    group.get_by_label("Year").fill(str(d.year))


def with_plan(child, by):
    child_services.record_plan(
        child,
        by=by,
        based_on=0,
        agreed=days_ago(20),
        primary="adoption",
        contingency="long_term_fostering",
    )


def test_a_panel_from_set_up_to_the_social_worker_doing_the_action(page, live_server, shoot):
    if not AXE.is_file():
        pytest.fail(f"axe-core is missing ({AXE}): run frontend/build.sh", pytrace=False)
    axe = Audit(page, shoot)
    north, _, worker = team_with_people("North")
    south, _, south_worker = team_with_people("South")
    admin = person("panel.admin", Role.PANEL_ADMINISTRATOR)
    for child_id, team, sw in (
        ("H1", north, worker),
        ("H5", north, worker),
        ("H2", south, south_worker),
    ):
        with_plan(looked_after(child_id, team=team, social_worker=sw, profile="halton"), sw)
    sitting = today()  # an urgent sitting: circulated late, decided the same day

    # 1. Set up the panel: choose it, then when it sits.
    sign_in(page, live_server, admin)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Panels").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Panels"
    page.get_by_role("link", name="Set up a panel").click()
    page.get_by_label("Halton Borough Council: Permanency Review Panel", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Permanency Review Panel"
    page.get_by_role("radio", name="Another date").check()
    fill_date(page.get_by_role("group", name="The other date"), sitting)
    page.get_by_label("Start time").fill("10:00")
    shoot("1-set-up")
    page.get_by_role("button", name="Set up the panel").click()

    # 2. The proposed agenda, grouped by team manager, 15 minutes a child.
    panel = Panel.objects.get()
    page.wait_for_url(url(live_server, "panels:agenda", pk=panel.pk))
    groups = page.locator('[data-testid="agenda-group"]')
    assert groups.count() == 2
    assert words(groups.nth(0).locator("caption")) == "Team manager: Tm-North"
    assert re.search(r"10:00 H1 .*10:15 H5 ", words(groups.nth(0)))
    assert re.search(r"10:30 H2 ", words(groups.nth(1)))
    assert "halton.panel_every_plan" in words(groups.nth(0))
    shoot("2-agenda")

    # 3. Take H5 off, saying why.
    row = page.locator('tr[data-child="H5"]')
    row.get_by_text("Take off").click()
    row.get_by_label("Reason for taking child H5 off the agenda").fill(
        "Final hearing next week: to be heard next month"
    )
    row.get_by_role("button", name="Take child H5 off").click()
    page.wait_for_load_state("load")
    assert "Child H5 taken off the agenda" in words(page.locator(".govuk-notification-banner"))
    removed = page.locator('[data-testid="removed"]')
    assert "H5" in words(removed) and "Final hearing next week" in words(removed)
    assert re.search(r"10:15 H2 ", words(page.locator('[data-testid="agenda-group"]').nth(1)))
    axe.check("3-agenda-after-removal")

    # 4. Circulate: later than the 2 weeks' notice Halton asks, so it says so.
    page.get_by_role("button", name="Circulate the invitations and the list").click()
    page.wait_for_url(url(live_server, "panels:panel", pk=panel.pk))
    banners = words(page.locator("main"))
    assert "Invitations and the list circulated" in banners
    assert "Circulated later than the policy asks" in banners
    assert "Circulated" in words(page.locator('[data-testid="about"]'))
    axe.check("4-panel")

    # 5. Record the decision and an action for the social worker.
    page.get_by_role("link", name="Record decisions and actions").click()
    page.get_by_label("Decision (child H1)").fill("Adoption plan endorsed; return in 6 months")
    page.get_by_label("Action (child H1)").fill("Complete the sibling assessment")
    page.get_by_label("Who is to do it (child H1)").select_option(label="Sw-North (Social worker)")
    fill_date(page.get_by_role("group", name="Action due by (child H1)"), days_ago(-14))
    axe.check("5-outcomes")
    page.get_by_role("button", name="Save for child H1").click()
    page.wait_for_load_state("load")
    assert "Decision recorded for child H1" in words(page.locator(".govuk-notification-banner"))
    assert "Complete the sibling assessment" in words(page.locator('[data-testid="actions"]'))
    page.get_by_role("button", name="Mark the panel as held").click()
    page.wait_for_url(url(live_server, "panels:panel", pk=panel.pk))
    assert "Held" in words(page.locator('[data-testid="about"]'))
    assert "Adoption plan endorsed" in words(page.locator('tr[data-child="H1"]'))
    shoot("6-held")
    assert Action.objects.get().owner == worker

    # 6. The social worker finds the action on My work and marks it done.
    page.context.clear_cookies()
    sign_in(page, live_server, worker)
    assert page.url == url(live_server, "children:my-work")
    work = page.locator('[data-testid="panel-work"]')
    assert re.search(r"Complete the sibling assessment .*H1 .*Due soon", words(work))
    axe.check("7-my-work")
    work.get_by_role("button", name=re.compile("Mark done")).click()
    page.wait_for_url(url(live_server, "children:my-work"))
    assert "Action done for child H1" in words(page.locator(".govuk-notification-banner"))
    assert page.locator('[data-testid="panel-work"]').count() == 0
    shoot("8-done")
    assert Action.objects.get().done_by == worker
    axe.assert_clean()
