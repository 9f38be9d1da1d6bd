"""Accessibility: axe-core (node_modules/axe-core, installed by frontend/build.sh) run in
the browser on each main page, against WCAG 2.0, 2.1 and 2.2 A and AA. A "serious" or
"critical" violation fails; lesser ones are printed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from permanence.web.accounts.models import Role
from tests.browser.conftest import ROOT, sign_in, url
from tests.web.factories import days_ago, looked_after, person, team_with_people

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
FAILING = {"serious", "critical"}
RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, count: v.nodes.length,
    targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
  }));
}"""


class Audit:
    """Runs axe on each page a test visits and keeps what fails, so that one test
    reports every page's problems at once."""

    def __init__(self, page, shoot) -> None:
        self.page, self.shoot, self.failures = page, shoot, []

    def check(self, name: str) -> None:
        self.page.wait_for_load_state("load")
        self.shoot(name)
        self.page.add_script_tag(path=str(AXE))
        violations = self.page.evaluate(RUN_AXE, TAGS)
        for v in violations:
            line = (
                f"{name} ({self.page.url}): {v['id']} [{v['impact']}] {v['help']} "
                f"- {v['count']} element(s), e.g. {v['targets']} - {v['helpUrl']}"
            )
            print(("FAIL " if v["impact"] in FAILING else "note ") + line)
            if v["impact"] in FAILING:
                self.failures.append(line)

    def assert_clean(self) -> None:
        assert not self.failures, "Serious or critical accessibility problems:\n" + "\n".join(
            self.failures
        )


def expect_errors_shown(page) -> None:
    """The GOV.UK error pattern: the summary shown and focused, "Error: " in the title."""
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    assert page.title().startswith("Error: "), page.title()


@pytest.fixture
def axe(page, shoot) -> Audit:
    if not AXE.is_file():
        pytest.fail(f"axe-core is missing ({AXE}): run frontend/build.sh", pytrace=False)
    return Audit(page, shoot)


def test_sign_in_page(page, live_server, axe):
    page.goto(url(live_server, "accounts:sign-in"))
    axe.check("sign-in")
    page.get_by_role("button", name="Sign in").click()  # empty: the errors are shown
    expect_errors_shown(page)
    axe.check("sign-in-errors")
    axe.assert_clean()


def test_social_worker_pages(page, live_server, axe):
    team, _, worker = team_with_people("North")
    person("iro.one", Role.IRO)
    moves = tuple((days_ago(d), "U6") for d in (80, 60, 40, 20))  # the stability alert
    looked_after("LATE1", team=team, social_worker=worker, placements=moves)
    looked_after("SOON1", team=team, social_worker=worker, began=days_ago(5))
    looked_after("HELD1", team=team, social_worker=worker, reviews=(days_ago(90),))

    sign_in(page, live_server, worker)
    assert page.url == url(live_server, "children:my-work")
    axe.check("my-work")

    page.get_by_role("link", name="LATE1", exact=True).click()
    assert page.locator('[data-testid="alert"]').count() >= 1
    axe.check("child")

    page.get_by_role("link", name="Record a review").click()
    axe.check("record-review")
    page.get_by_role("button", name="Save").click()  # nothing filled in
    expect_errors_shown(page)
    axe.check("record-review-errors")

    page.goto(url(live_server, "children:find") + "?q=1")
    assert page.locator("table tbody tr").count() == 3
    axe.check("find-a-child")
    axe.assert_clean()


def test_team_manager_pages(page, live_server, axe):
    north, manager, worker = team_with_people("North")
    looked_after("NLATE1", team=north, social_worker=worker)
    looked_after("NSOON1", team=north, began=days_ago(5))
    sign_in(page, live_server, manager)
    page.goto(url(live_server, "children:team"))
    axe.check("team")
    page.get_by_text("Filter this list").click()  # the filter form too
    page.get_by_label("Show children with").select_option(label="Something overdue")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**status=overdue**")
    axe.check("team-filtered")
    axe.assert_clean()


def test_administrator_pages(page, live_server, axe):
    team, _, worker = team_with_people("North")
    looked_after("LATE1", team=team, social_worker=worker, began=days_ago(100) - timedelta(1))
    admin = person("admin", Role.ADMINISTRATOR)
    sign_in(page, live_server, worker)  # a sign-in and a child's page, for the log
    page.goto(url(live_server, "children:child", child_id="LATE1"))
    page.context.clear_cookies()
    sign_in(page, live_server, admin)
    page.goto(url(live_server, "audit:search"))
    axe.check("audit-search")
    page.goto(url(live_server, "returns:upload"))
    axe.check("upload")
    page.get_by_role("button", name="Upload and import").click()  # no file chosen
    expect_errors_shown(page)
    axe.check("upload-errors")
    axe.assert_clean()
