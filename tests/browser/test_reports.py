"""A team manager's reports in a real browser: the downloads open as spreadsheets holding
every child of the team, the national measures show their charts, the printable report
prints, and the pages pass axe."""

from __future__ import annotations

import re

from openpyxl import load_workbook
from playwright.sync_api import expect

from permanence.web.children import models
from tests.browser.conftest import sign_in, url
from tests.browser.test_accessibility import AXE, Audit
from tests.web.factories import days_ago, looked_after, team_with_people


def saved(download, folder):
    """The downloaded file under the name the server gave it (openpyxl reads by extension)."""
    path = folder / download.suggested_filename
    download.save_as(path)
    return path


def children_in(path, sheet: str) -> list[str]:
    ws = load_workbook(path)[sheet]
    rows = list(ws.iter_rows(values_only=True))
    return sorted(r[rows[0].index("Child")] for r in rows[1:])


def test_a_team_manager_downloads_the_tracker_and_quarterly_report(
    page, live_server, shoot, tmp_path
):
    assert AXE.is_file(), "axe-core is missing: run frontend/build.sh"
    axe = Audit(page, shoot)
    north, manager, worker = team_with_people("North")
    south, _, south_worker = team_with_people("South")
    n1 = looked_after(
        "N1",
        team=north,
        social_worker=worker,
        began=days_ago(500),
        placements=((days_ago(420), "K2"), (days_ago(200), "U4")),
    )
    models.PermanencePlan.objects.create(
        child=n1, agreed=days_ago(450), primary="long_term_fostering", contingency="sgo"
    )
    looked_after("N2", team=north, social_worker=worker, began=days_ago(400))
    # Moved two years ago and went home over a year ago: the measures have two years.
    gone = looked_after("N3", team=north, began=days_ago(900), placements=((days_ago(700), "U6"),))
    gone.episodes.filter(end__isnull=True).update(end=days_ago(380), reason_end="E4A")
    # Adopted: placed with the adopters after 100 days in care.
    adopted = looked_after(
        "N4",
        team=north,
        began=days_ago(620),
        legal_status="E1",
        placements=((days_ago(520), "A4"),),
    )
    adopted.episodes.filter(end__isnull=True).update(end=days_ago(420), reason_end="E11")
    looked_after("S1", team=south, social_worker=south_worker, began=days_ago(400))

    sign_in(page, live_server, manager)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Reports").click()
    assert page.url == url(live_server, "reports:index")
    assert page.get_by_role("heading", level=1).inner_text() == "Reports"
    axe.check("1-reports")

    # The tracker: every child of the team looked after today, and no one else.
    page.get_by_role("link", name="Permanence tracker").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Permanence tracker"
    axe.check("2-tracker")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download the tracker (XLSX)").click()
    download = info.value
    assert re.fullmatch(r"permanence-tracker-\d{4}-\d\d-\d\d\.xlsx", download.suggested_filename)
    tracker = saved(download, tmp_path)
    assert children_in(tracker, "Tracker") == ["N1", "N2"]
    plan = load_workbook(tracker)["Tracker"]
    header = [c.value for c in plan[1]]
    n1_row = next(r for r in plan.iter_rows(min_row=2, values_only=True) if r[0] == "N1")
    assert n1_row[header.index("Permanence plan")] == "Long-term fostering"
    assert n1_row[header.index("Contingency plan")] == "Special guardianship order"
    assert n1_row[header.index("Cost to date (£)")] > 0

    # The quarterly report, for the last complete quarter.
    page.get_by_role("link", name="Back to reports").click()
    page.get_by_role("link", name="Quarterly report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quarterly report")
    axe.check("3-quarterly")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download the quarterly report (XLSX)").click()
    assert children_in(saved(info.value, tmp_path), "Children") == ["N1", "N2"]

    # The national measures: the charts and the figures they show.
    page.get_by_role("link", name="Back to reports").click()
    page.get_by_role("link", name="National measures over the years").click()
    charts = page.locator("svg.app-chart")
    expect(charts).to_have_count(2)
    expect(charts.first).to_be_visible()
    expect(page.get_by_role("img", name="Placement stability")).to_be_visible()
    box = charts.first.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 150
    years = page.locator('[data-testid="trend-table"] tbody tr')
    expect(years).to_have_count(2)
    expect(page.get_by_role("img", name="Adoption timeliness")).to_be_visible()
    axe.check("4-measures")

    # The printable report, as it prints on A4: the report alone, charts and table.
    page.get_by_role("link", name="Printable report for the corporate parenting board").click()
    expect(page.locator('[data-testid="print-report"] svg.app-chart')).to_have_count(2)
    axe.check("5-measures-print")
    page.emulate_media(media="print")
    expect(page.locator("header.govuk-template__header")).to_be_hidden()
    expect(page.get_by_role("button", name="Print this report")).to_be_hidden()
    expect(page.locator("svg.app-chart").first).to_be_visible()
    shoot("6-measures-print-media")
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    axe.assert_clean()
