"""The workbooks, read back as a manager's spreadsheet would read them (openpyxl)."""

import io
from datetime import date, datetime

import openpyxl

from permanence.domain.model import PermanencePlan
from permanence.profiles import load_profile
from permanence.reports import (
    annual_report,
    disruption_report,
    quarterly_report,
    tracker_rows,
    trends,
    xlsx,
)
from permanence.ssda903.labels import PLACEMENT_GROUPS
from tests.builders import ChildBuilder

AS_OF = date(2024, 3, 31)


def children():
    planned = ChildBuilder("P1", dob="2016-02-29").enters("2023-06-05", place="U4").build()
    planned.recorded.plans.append(PermanencePlan(date(2023, 9, 1), "long_term_fostering", "sgo"))
    planned.known = frozenset({"plans"})
    return [
        planned,
        ChildBuilder("K1")
        .enters("2023-04-03", place="U6")
        .moves("2023-10-02", place="K2", reason="CREQB")
        .build(),
        ChildBuilder("GONE").enters("2023-04-03").leaves("2023-12-01").build(),
    ]


def read(write) -> openpyxl.Workbook:
    out = io.BytesIO()
    write(out)
    return openpyxl.load_workbook(io.BytesIO(out.getvalue()))


def records(ws) -> list[dict]:
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_tracker_workbook_one_row_per_child_with_dates_costs_and_the_costs_used():
    costs = load_profile("national").costs
    rows = tracker_rows(children(), AS_OF)
    wb = read(lambda out: xlsx.write_tracker(rows, AS_OF, {"national": costs}, out))
    assert wb.sheetnames == ["Tracker", "Costs used", "About"]
    ws = wb["Tracker"]
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref
    got = {r["Child"]: r for r in records(ws)}
    assert set(got) == {"P1", "K1"}
    p1 = got["P1"]
    assert p1["Permanence plan"] == "Long-term fostering"
    assert p1["Contingency plan"] == "Special guardianship order"
    assert p1["Plan agreed"] == datetime(2023, 9, 1)  # a date, not text
    assert p1["Weekly cost (£)"] == costs["Foster care"]
    # 5 June 2023 to 31 March 2024: 301 days at the weekly foster care figure.
    assert p1["Cost to date (£)"] == round(costs["Foster care"] * 301 / 7, 2)
    assert got["K1"]["Permanence plan"] == "None recorded"
    assert got["K1"]["Placement group"] == "Children's homes and residential"
    assert ws["V2"].number_format == "£#,##0"
    used = records(wb["Costs used"])
    assert {(u["Placement group"], u["Weekly cost (£)"]) for u in used} == set(costs.items())
    assert len(used) == len(PLACEMENT_GROUPS)


def test_quarterly_workbook_summary_and_children():
    report = quarterly_report(tracker_rows(children(), AS_OF), AS_OF)
    wb = read(lambda out: xlsx.write_quarterly(report, out))
    summary = records(wb["Summary"])
    assert summary[0] == {"Count of": "Looked after", "Which": "on 31 Mar 2024", "Children": 2}
    assert {"Count of": "Placement group", "Which": "Foster care", "Children": 1} in summary
    kids = records(wb["Children"])
    assert [k["Child"] for k in kids] == ["K1", "P1"]
    assert kids[1]["Progress"] == "in a long-term foster home 05 Jun 2023; plan agreed 01 Sep 2023"


def test_annual_and_disruption_workbooks_hold_the_children_behind():
    annual = annual_report(children(), AS_OF)
    wb = read(lambda out: xlsx.write_annual(annual, out))
    indicators = records(wb["Indicators"])
    assert len(indicators) == 7
    assert indicators[-1]["2023-24"] is None  # stepping up: no number
    assert "Not in the SSDA903" in indicators[-1]["Note"]
    behind = records(wb["Children"])
    assert all(b["Child"] for b in behind)
    assert {b["Child"] for b in behind} >= {"P1"}  # long-term foster placement from June

    disruption = disruption_report(children(), AS_OF)
    wb = read(lambda out: xlsx.write_disruption(disruption, out))
    endings = records(wb["Endings"])
    assert [(e["Child"], e["Ended"], e["Reason"]) for e in endings] == [
        ("K1", datetime(2023, 10, 2), "CREQB")
    ]
    assert records(wb["Summary"])[-1]["Unplanned endings"] == 1


def test_trends_workbook(tmp_path):
    path = tmp_path / "trends.xlsx"
    rows = trends(children(), date(2024, 6, 1))
    assert xlsx.write_trends(rows, str(path)) == len(rows) >= 1
    got = records(openpyxl.load_workbook(path)["Trends"])
    assert got[-1]["Year to 31 March"] == datetime(2024, 3, 31)
