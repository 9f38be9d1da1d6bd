"""The service reports as the people who use them would check them: the pages open for the
roles that may see reports, and each download holds exactly the children the person may
see, with the right plan and costs."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from permanence.profiles import load_profile
from permanence.reports.common import financial_year_end, last_complete_quarter, quarter_label
from permanence.web.accounts.models import Role
from permanence.web.audit.models import Action, AuditEvent
from permanence.web.children import models
from permanence.web.reports import selectors
from tests.web.factories import days_ago, looked_after, person, team_with_people, today

pytestmark = pytest.mark.django_db

PAGES = [
    "reports:index",
    "reports:tracker",
    "reports:quarterly",
    "reports:annual",
    "reports:disruption",
    "reports:measures",
    "reports:measures-print",
]
ALLOWED = [Role.TEAM_MANAGER, Role.PANEL_ADMINISTRATOR, Role.HEAD_OF_SERVICE, Role.ANALYST]
REFUSED = [Role.SOCIAL_WORKER, Role.IRO, Role.ADMINISTRATOR]
LONG_AGO = 500  # days: in care before the last complete quarter and the last 31 March


@pytest.fixture
def world(db):
    north, manager, worker = team_with_people("North")
    south, _, south_worker = team_with_people("South")
    people = {Role.TEAM_MANAGER: manager, Role.SOCIAL_WORKER: worker}
    for role in Role:
        people.setdefault(role, person(role.value, role))
    # North: a child with a plan, one who moved twice (Bolton profile), one who left care,
    # one who came into care today (after any quarter's end), one who was adopted.
    n1 = looked_after("N1", team=north, social_worker=worker, began=days_ago(LONG_AGO))
    models.PermanencePlan.objects.create(
        child=n1, agreed=days_ago(LONG_AGO - 30), primary="adoption", contingency="sgo"
    )
    looked_after(
        "N2",
        team=north,
        began=days_ago(LONG_AGO),
        placements=((days_ago(420), "K2"), (days_ago(300), "U6")),
        profile="bolton",
    )
    left = looked_after("NLEFT", team=north, began=days_ago(LONG_AGO))
    left.episodes.update(end=days_ago(200), reason_end="E4A")
    looked_after("NNEW", team=north, began=today())
    looked_after("S1", team=south, social_worker=south_worker, began=days_ago(LONG_AGO))
    adopted(north)
    return people


def adopted(team):
    """A child adopted 420 days ago, placed with the adopters after 100 days in care."""
    child = looked_after(
        "NADOPT",
        team=team,
        began=days_ago(620),
        legal_status="E1",
        placements=((days_ago(520), "A4"),),
    )
    child.episodes.filter(end__isnull=True).update(end=days_ago(420), reason_end="E11")
    return child


def sheet(response, name: str) -> list[dict]:
    wb = load_workbook(io.BytesIO(response.content))
    rows = list(wb[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


@pytest.mark.parametrize("role", ALLOWED)
def test_every_report_page_opens_for_the_roles_that_see_reports(client, world, role):
    client.force_login(world[role])
    for name in PAGES:
        response = client.get(reverse(name))
        assert response.status_code == 200, (role, name)


@pytest.mark.parametrize("role", REFUSED)
def test_other_roles_are_refused(client, world, role):
    client.force_login(world[role])
    for name in PAGES:
        assert client.get(reverse(name)).status_code == 403, (role, name)


def test_the_index_links_every_report(client, world):
    client.force_login(world[Role.TEAM_MANAGER])
    page = client.get(reverse("reports:index")).content.decode()
    for name in PAGES[1:-1]:
        assert f'href="{reverse(name)}"' in page


def test_tracker_download_has_one_row_per_child_of_the_team_looked_after_today(client, world):
    manager = world[Role.TEAM_MANAGER]
    client.force_login(manager)
    page = client.get(reverse("reports:tracker"))
    assert "Download the tracker (XLSX)" in page.content.decode()
    response = client.get(reverse("reports:tracker"), {"format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="permanence-tracker-')
    rows = {r["Child"]: r for r in sheet(response, "Tracker")}
    assert sorted(rows) == ["N1", "N2", "NNEW"]  # not the child who left, not South's
    n1, n2 = rows["N1"], rows["N2"]
    assert (n1["Permanence plan"], n1["Contingency plan"]) == (
        "Adoption",
        "Special guardianship order",
    )
    assert n1["Social worker"] == str(world[Role.SOCIAL_WORKER]) and n1["Team"] == "North"
    foster = load_profile("national").costs["Foster care"]
    # In foster care since 500 days ago, today included: 501 days.
    assert n1["Weekly cost (£)"] == foster
    assert n1["Cost to date (£)"] == round(foster * (LONG_AGO + 1) / 7, 2)
    assert (n2["Permanence plan"], n2["Profile"]) == ("None recorded", "bolton")
    # 80 days in foster care, 120 in a children's home, then foster care again (301 days).
    homes = load_profile("bolton").costs["Children's homes and residential"]
    assert n2["Cost to date (£)"] == round((80 * foster + 120 * homes + 301 * foster) / 7, 2)
    used = sheet(response, "Costs used")
    assert {u["Profile"] for u in used} == {"national", "bolton"}
    event = AuditEvent.objects.get(action=Action.EXPORTED)
    assert event.username == manager.username
    assert event.summary.startswith("exported permanence tracker; 3 rows; XLSX")


def test_a_head_of_service_downloads_every_child_looked_after(client, world):
    client.force_login(world[Role.HEAD_OF_SERVICE])
    response = client.get(reverse("reports:tracker"), {"format": "xlsx"})
    assert sorted(r["Child"] for r in sheet(response, "Tracker")) == ["N1", "N2", "NNEW", "S1"]


def test_quarterly_download_defaults_to_the_last_complete_quarter(client, world):
    client.force_login(world[Role.TEAM_MANAGER])
    end = last_complete_quarter(today())
    page = client.get(reverse("reports:quarterly"))
    assert quarter_label(end) in page.content.decode()
    response = client.get(reverse("reports:quarterly"), {"format": "xlsx"})
    summary = sheet(response, "Summary")
    # The child who came in today was not looked after at the quarter end.
    assert summary[0]["Children"] == 2
    kids = {k["Child"]: k for k in sheet(response, "Children")}
    assert sorted(kids) == ["N1", "N2"]
    assert kids["N1"]["Permanence plan"] == "Adoption"
    assert kids["N1"]["Contingency plan"] == "Special guardianship order"
    assert kids["N1"]["Progress"].startswith("plan agreed")


def test_quarterly_report_for_one_profile_and_an_earlier_quarter(client, world):
    client.force_login(world[Role.HEAD_OF_SERVICE])
    end = last_complete_quarter(today())
    earlier = last_complete_quarter(end)
    response = client.get(
        reverse("reports:quarterly"),
        {"quarter": earlier.isoformat(), "profile": "bolton", "format": "xlsx"},
    )
    assert [k["Child"] for k in sheet(response, "Children")] == ["N2"]
    assert sheet(response, "Summary")[0]["Which"] == f"on {earlier:%d %b %Y}"


def test_annual_page_gives_each_indicator_with_the_children_behind_it(client, world):
    n1 = models.Child.objects.get(child_id="N1")
    n1.siblings.create(name="Sam", placed=models.Sibling.Placed.TOGETHER)
    client.force_login(world[Role.TEAM_MANAGER])
    response = client.get(reverse("reports:annual"))
    report = response.context["report"]
    siblings = next(i for i in report.indicators if i.key == "siblings_together")
    assert (siblings.value, [b.child for b in siblings.children]) == (1, ["N1"])
    step_up = next(i for i in report.indicators if i.key == "step_up")
    assert step_up.value is None
    page = response.content.decode()
    assert 'data-testid="indicator-step_up"' in page and "No number" in page
    assert "Not in the SSDA903 return" in page
    workbook = client.get(reverse("reports:annual"), {"format": "xlsx"})
    assert len(sheet(workbook, "Indicators")) == 7


def test_disruption_page_lists_an_unplanned_ending_and_its_meeting(client, world):
    team = world[Role.TEAM_MANAGER].team
    child = looked_after("D1", team=team, began=days_ago(60), placements=((days_ago(20), "U6"),))
    child.episodes.filter(end__isnull=False).update(reason_place_change="CREQB")
    child.meetings.create(kind="disruption", held=days_ago(15))
    client.force_login(world[Role.TEAM_MANAGER])
    year = financial_year_end(days_ago(20)).isoformat()
    response = client.get(reverse("reports:disruption"), {"year": year})
    endings = response.context["report"].year.endings
    assert [(e.child, e.ended, e.days_to_meeting) for e in endings] == [("D1", days_ago(20), 5)]
    assert "Held" in response.content.decode()
    workbook = client.get(reverse("reports:disruption"), {"year": year, "format": "xlsx"})
    assert [e["Child"] for e in sheet(workbook, "Endings")] == ["D1"]


def test_measures_page_has_the_charts_and_the_figures_table(client, world):
    client.force_login(world[Role.HEAD_OF_SERVICE])
    response = client.get(reverse("reports:measures"))
    page = response.content.decode()
    rows = response.context["rows"]
    assert rows, "the data hold at least the last complete year"
    assert page.count('<svg class="app-chart" role="img"') == 2
    assert '<title id="chart-stability-title">Placement stability</title>' in page
    assert 'data-testid="trend-table"' in page
    last = rows[-1]
    assert f'data-year="{last.label}"' in page
    assert f"{last.short_term[0]} of {last.short_term[1]}" in page
    adoption = next(r for r in rows if r.adopted)
    assert (adoption.adopted, adoption.a1) == (1, 100.0)  # care began to the adoptive placement
    assert f'data-year="{adoption.label}"' in page


def test_no_adoption_chart_without_adoptions(client, world):
    models.Child.objects.filter(child_id="NADOPT").delete()
    client.force_login(world[Role.HEAD_OF_SERVICE])
    page = client.get(reverse("reports:measures")).content.decode()
    assert page.count('<svg class="app-chart" role="img"') == 1
    assert "No child was adopted in these years" in page


def test_printable_report_has_the_charts_and_print_styles(client, world):
    client.force_login(world[Role.ANALYST])
    page = client.get(reverse("reports:measures-print")).content.decode()
    assert page.count('<svg class="app-chart" role="img"') == 2
    assert 'data-testid="trend-table"' in page
    assert 'media="print"' in page and "reports/print.css" in page
    assert "corporate parenting board" in page


def test_an_unknown_format_is_refused(client, world):
    client.force_login(world[Role.ANALYST])
    assert client.get(reverse("reports:tracker"), {"format": "csv"}).status_code == 400


def test_the_tracker_reads_the_children_with_a_fixed_number_of_queries(world):
    manager = world[Role.HEAD_OF_SERVICE]

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            selectors.tracker_rows(manager, today())
        return len(ctx.captured_queries)

    before = queries()
    team = world[Role.TEAM_MANAGER].team
    for k in range(6):
        child = looked_after(f"EXTRA{k}", team=team, began=days_ago(40 + k))
        models.PermanencePlan.objects.create(child=child, agreed=days_ago(10), primary="home")
    assert queries() == before
    assert len(selectors.tracker_rows(manager, today())) == 10
