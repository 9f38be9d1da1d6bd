"""The Permanence Tracker (Bolton 11.2) and the quarterly report (Bolton 11.3): every child
looked after, their plan and its progress, what is due, and the cost of their care."""

from datetime import date

from permanence.domain.model import Decision, PermanencePlan
from permanence.profiles import load_profile
from permanence.reports import quarterly_report, tracker_row, tracker_rows
from permanence.reports.common import (
    last_complete_quarter,
    quarter_end,
    quarter_label,
    quarters_of,
)
from permanence.rules.engine import Case, evaluate_child
from permanence.workingdays import ENGLAND_AND_WALES
from tests.builders import ChildBuilder

D = date.fromisoformat


def row_for(child, as_of: str, costs, profile="national"):
    p = load_profile(profile)
    case = Case(child, D(as_of), ENGLAND_AND_WALES, p.params)
    return tracker_row(case, evaluate_child(p.rules, case), costs, profile=profile)


def test_a_row_gives_the_plan_its_progress_and_the_cost_of_care(costs):
    child = (
        ChildBuilder("C1", dob="2019-01-10")
        .enters("2024-01-08", ls="C1", place="U6")
        .moves("2024-06-03", place="K2", reason="STAND")
        .legal("2024-09-02", ls="E1")
        .knows("plans", "decisions", "meetings")
        .build()
    )
    child.recorded.plans.append(PermanencePlan(D("2024-04-15"), "adoption", "long_term_fostering"))
    child.recorded.decisions.append(Decision("adm_ratification", D("2024-05-20"), "adm"))
    row = row_for(child, "2024-10-01", costs)
    assert (row.child, row.age, row.legal_status, row.placement) == ("C1", 5, "E1", "K2")
    assert row.legal_status_label == "Placement order granted"
    assert row.placement_group == "Children's homes and residential"
    assert row.days_in_placement == (D("2024-10-01") - D("2024-06-03")).days
    assert (row.plan, row.plan_label) == ("adoption", "Adoption")
    assert (row.contingency, row.contingency_label) == (
        "long_term_fostering",
        "Long-term fostering",
    )
    assert row.progress == (
        "plan agreed 15 Apr 2024; plan ratified by the agency decision maker 20 May 2024;"
        " placement order made 02 Sep 2024"
    )
    # 8 Jan to 2 Jun: 147 days of foster care; 3 Jun to 1 Oct: 121 days in a home.
    assert row.weekly_cost == 4900
    assert row.cost_to_date == 147 * 100 + 121 * 700
    assert row.moves_12m == 1
    # The first review was due 20 working days after 8 January and none is recorded.
    first_due = ENGLAND_AND_WALES.add_working_days(D("2024-01-08"), 20)
    assert (row.next_due, row.next_due_date) == ("First looked-after review", first_due)
    assert row.overdue == len(row.overdue_items) >= 1
    assert row.overdue_items[0] == f"First looked-after review (due {first_due:%d %b %Y})"
    assert not any("Permanence plan" in item for item in row.overdue_items)  # agreed in time


def test_no_plan_is_said_plainly(costs):
    child = ChildBuilder("C2").enters("2024-01-08").knows("plans").build()
    row = row_for(child, "2024-02-01", costs)
    assert row.plan == "" and row.progress == "no plan recorded"
    from_return = row_for(ChildBuilder("C3").enters("2024-01-08").build(), "2024-02-01", costs)
    assert from_return.progress == "no plan recorded (not in the 903)"


def test_a_plan_from_an_earlier_period_of_care_does_not_carry_over(costs):
    child = (
        ChildBuilder("C4")
        .enters("2023-01-02")
        .leaves("2023-06-01", rec="E4A")
        .enters("2024-01-08")
        .knows("plans")
        .build()
    )
    child.recorded.plans.append(PermanencePlan(D("2023-03-01"), "home"))
    assert row_for(child, "2024-02-01", costs).plan == ""
    assert row_for(child, "2023-05-01", costs).plan == "home"


def test_only_children_looked_after_on_the_day_are_on_the_tracker():
    children = [
        ChildBuilder("IN").enters("2024-01-08").build(),
        ChildBuilder("LEFT").enters("2023-01-08").leaves("2024-03-01").build(),
        ChildBuilder("LATER").enters("2024-05-01").build(),
        ChildBuilder("BREAK").enters("2024-03-30", ls="V4", place="K2").build(),
    ]
    rows = tracker_rows(children, D("2024-04-01"), "bolton")
    assert [r.child for r in rows] == ["IN"]
    assert rows[0].profile == "bolton"
    assert rows[0].weekly_cost == load_profile("bolton").costs["Foster care"]


def test_quarters_are_financial_quarters():
    assert quarter_end(D("2024-04-01")) == D("2024-06-30")
    assert quarter_end(D("2024-03-31")) == D("2024-03-31")
    assert quarter_label(D("2024-06-30")) == "Q1 2024-25 (April to June 2024)"
    assert quarter_label(D("2025-03-31")) == "Q4 2024-25 (January to March 2025)"
    assert [e for _, e in quarters_of(D("2025-03-31"))] == [
        D("2024-06-30"),
        D("2024-09-30"),
        D("2024-12-31"),
        D("2025-03-31"),
    ]
    # On a quarter's last day it is still being worked: the last complete one is before.
    assert last_complete_quarter(D("2024-03-31")) == D("2023-12-31")
    assert last_complete_quarter(D("2024-04-01")) == D("2024-03-31")
    assert last_complete_quarter(D("2024-02-29")) == D("2023-12-31")


def test_quarterly_report_counts_children_looked_after_on_the_quarters_last_day():
    children = [
        # Care ended on 31 March: not looked after that day.
        ChildBuilder("ENDED31").enters("2023-10-02", place="U6").leaves("2024-03-31").build(),
        # Care ended on 1 April: still looked after on 31 March.
        ChildBuilder("ENDED01").enters("2023-10-02", place="U6").leaves("2024-04-01").build(),
        ChildBuilder("HOME").enters("2023-11-06", place="K2").build(),
        ChildBuilder("KIN").enters("2024-01-15", place="U3").build(),
        ChildBuilder("NEW").enters("2024-04-01", place="U6").build(),  # the next quarter
    ]
    end = D("2024-03-31")
    report = quarterly_report(tracker_rows(children, end), end)
    assert report.looked_after == 3
    assert [r.child for r in report.rows] == ["ENDED01", "HOME", "KIN"]
    assert report.by_group == [("Foster care", 2), ("Children's homes and residential", 1)]
    assert [(code, n) for code, _, n in report.by_placement] == [("K2", 1), ("U3", 1), ("U6", 1)]
    assert report.without_plan == ["ENDED01", "HOME", "KIN"]
    assert report.label == "Q4 2023-24 (January to March 2024)"
    # The next quarter: the child who left on 1 April is gone, the new one is in.
    q1 = D("2024-06-30")
    assert [r.child for r in quarterly_report(tracker_rows(children, q1), q1).rows] == [
        "HOME",
        "KIN",
        "NEW",
    ]
