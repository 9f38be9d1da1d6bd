"""Journeys through the pages in a real browser, checked the way the person would check
them: by what the page says, not by what the view handed the template."""

from __future__ import annotations

import re
from datetime import timedelta

from permanence.rules.national import FirstReview, SecondReview
from permanence.web.accounts.models import Role, User
from permanence.workingdays import add_months
from tests.browser.conftest import sign_in, url
from tests.web.factories import PASSWORD, days_ago, looked_after, team_with_people


def day(d) -> str:
    """A date as the pages write it in tables ("j M Y": 5 Mar 2025)."""
    return f"{d.day} {d:%b %Y}"


def listed(page) -> list[str]:
    """The children a work list shows, by CHILD id, in order."""
    return page.locator('[data-testid="work-list"] tbody th[scope="row"] a').all_inner_texts()


def expect_text(locator, *expected: str) -> None:
    text = " ".join(locator.inner_text().split())
    for e in expected:
        assert e in text, f"expected {e!r} in: {text}"


def test_a_social_worker_records_the_overdue_first_review(page, live_server, shoot):
    team, _, worker = team_with_people("North")
    iro = User.objects.create_user(
        "iro.patel", role=Role.IRO, password=PASSWORD, first_name="Priya", last_name="Patel"
    )
    began = days_ago(100)
    # In care 100 days and no review: the first review (20 working days) is overdue.
    looked_after("LATE1", team=team, social_worker=worker, began=began)
    looked_after("SOON1", team=team, social_worker=worker, began=days_ago(5))

    # 1. My work: the child with something overdue, the first review named.
    sign_in(page, live_server, worker)
    assert page.url == url(live_server, "children:my-work")
    assert page.get_by_role("heading", level=1).inner_text() == "My caseload"
    assert listed(page) == ["LATE1", "SOON1"]  # most overdue first
    late_row = page.locator('[data-testid="work-list"] tbody tr').filter(has_text="LATE1")
    expect_text(late_row, "1 overdue", FirstReview.title)
    shoot("1-my-work")

    # 2. The child's page: the overdue first review, with its rule and source.
    page.get_by_role("link", name="LATE1", exact=True).click()
    assert page.url == url(live_server, "children:child", child_id="LATE1")
    assert page.get_by_role("heading", level=1).inner_text() == "Child LATE1"
    overdue = page.locator("table").filter(
        has=page.locator("caption", has_text=re.compile(r"^Overdue"))
    )
    first = overdue.locator('tr[data-rule="review.first"]')
    expect_text(first, FirstReview.title, "Overdue", "review.first", FirstReview.source)
    shoot("2-child-overdue")

    # 3. Record the review: held 10 days after care began (in time), chaired by the IRO.
    page.get_by_role("link", name="Record a review").click()
    assert page.url == url(live_server, "record:review", child_id="LATE1")
    assert page.get_by_role("heading", level=1).inner_text() == "Record a review"
    held = began + timedelta(days=10)
    date = page.get_by_role("group", name="Date of the review")
    date.get_by_label("Day").fill(str(held.day))
    date.get_by_label("Month").fill(str(held.month))
    date.get_by_label("Year").fill(str(held.year))
    page.get_by_label("Independent reviewing officer who chaired it").select_option(label=str(iro))
    page.get_by_role("group", name="Was the permanence plan ratified at the review?").get_by_label(
        "Yes", exact=True
    ).check()
    shoot("3-record-review")
    page.get_by_role("button", name="Save").click()

    # 4. Back on the child's page: saved, the first review done, the second now due.
    page.wait_for_url(url(live_server, "children:child", child_id="LATE1"))
    banner = page.locator(".govuk-notification-banner--success")
    expect_text(banner, "Success", "Review recorded")
    done = page.locator("table").filter(has=page.locator("caption", has_text=re.compile(r"^Done")))
    first = done.locator('tr[data-rule="review.first"]')
    expect_text(first, FirstReview.title, f"done {day(held)}", "review.first")
    assert first.locator(".govuk-tag").inner_text().strip() == "Done"
    assert page.locator('tr[data-rule="review.first"]').count() == 1  # no longer overdue
    second = page.locator('tr[data-rule="review.second"]')
    assert second.count() == 1, "the second review should now be listed"
    expect_text(second, SecondReview.title, day(add_months(held, 3)), "review.second")
    # The review is on the timeline too.
    expect_text(page.locator('[data-testid="timeline"]'), day(held))
    shoot("4-child-after-review")


def test_a_team_manager_sees_the_teams_overdue_list(page, live_server, shoot):
    north, manager, worker = team_with_people("North")
    south, _, south_worker = team_with_people("South")
    looked_after("NLATE1", team=north, social_worker=worker)  # overdue
    looked_after("NLATE2", team=north)  # overdue, not yet allocated a social worker
    looked_after("NSOON1", team=north, social_worker=worker, began=days_ago(5))  # nothing overdue
    looked_after("SLATE1", team=south, social_worker=south_worker)  # overdue, another team

    sign_in(page, live_server, manager)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Team").click()
    assert page.url == url(live_server, "children:team")
    assert page.get_by_role("heading", level=1).inner_text() == "Team view"
    assert sorted(listed(page)) == ["NLATE1", "NLATE2", "NSOON1"]
    shoot("1-team")

    page.get_by_text("Filter this list").click()
    page.get_by_label("Show children with").select_option(label="Something overdue")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"[?&]status=overdue"))
    assert sorted(listed(page)) == ["NLATE1", "NLATE2"]
    expect_text(page.locator('[data-testid="counts"]'), "2 children", "2 with something overdue")
    for row in page.locator('[data-testid="work-list"] tbody tr').all():
        expect_text(row, "overdue", "North")
    main = page.locator("main").inner_text()
    assert "SLATE1" not in main and "NSOON1" not in main
    shoot("2-team-overdue")


def test_a_social_worker_cannot_open_another_teams_child(page, live_server, shoot):
    _, _, worker = team_with_people("North")
    south, _, south_worker = team_with_people("South")
    looked_after("SOUTH7731", team=south, social_worker=south_worker)

    sign_in(page, live_server, worker)
    for name in ("children:child", "record:review"):
        response = page.goto(url(live_server, name, child_id="SOUTH7731"))
        assert response.status == 404, f"{name}: {response.status}"
        assert "not found" in page.get_by_role("heading", level=1).inner_text().lower()
        # The page says nothing of whether the child exists: not even their id.
        assert "SOUTH7731" not in page.content()
        assert "SOUTH7731" not in page.title()
    shoot("1-not-found")
