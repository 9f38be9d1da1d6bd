"""Bolton's annual indicators (11.3 "Measuring impact for the child"), for the year
1 April 2024 to 31 March 2025, each with the children behind it, set beside 2023-24."""

from datetime import date

import pytest

from permanence.domain.model import CourtOrder, Decision
from permanence.reports import annual_report
from tests.builders import ChildBuilder

YEAR_END = date(2025, 3, 31)


def children():
    ltf_decision = ChildBuilder("L2").enters("2023-01-09", ls="C2", place="U6").build()
    ltf_decision.recorded.decisions.append(
        Decision("long_term_match", date(2024, 8, 1), "head_of_service")
    )
    ltf_decision.known = frozenset({"decisions"})
    return [
        # With family and friends carers on 31 March both years.
        ChildBuilder("H1").enters("2023-05-10", ls="C2", place="U3").build(),
        # Moved to live with parents during the year, still looked after.
        ChildBuilder("H2")
        .enters("2023-02-01", ls="C2", place="U6")
        .moves("2024-09-01", place="P1")
        .build(),
        # Went home (E4A) from foster care.
        ChildBuilder("R1").enters("2023-06-01", ls="C2", place="U6").leaves("2024-10-10").build(),
        # Placed with parents in 2023-24; the care order ended there in 2024-25.
        ChildBuilder("D1")
        .enters("2022-04-01", ls="C2", place="U6")
        .moves("2023-08-01", place="P1")
        .leaves("2024-11-01", rec="E4A")
        .build(),
        # Care order to a special guardianship order.
        ChildBuilder("S1")
        .enters("2021-01-04", ls="C2", place="U4")
        .leaves("2025-01-15", rec="E45")
        .build(),
        # Accommodated under section 20 (no care order) to a special guardianship order.
        ChildBuilder("S2")
        .enters("2023-03-01", ls="V2", place="U6")
        .leaves("2025-02-01", rec="E45")
        .build(),
        # Matched with long-term foster carers.
        ChildBuilder("L1")
        .enters("2023-09-01", ls="C2", place="U6")
        .moves("2024-06-01", place="U4")
        .build(),
        ltf_decision,
        # Three moves in the year; the start of care is not a move.
        ChildBuilder("M1")
        .enters("2024-04-15", ls="V2", place="U6")
        .moves("2024-06-03")
        .moves("2024-09-02", reason="CREQB")
        .moves("2025-01-10", reason="CHILD")
        .build(),
        ChildBuilder("M2")
        .enters("2023-04-03", ls="V2", place="U6")
        .moves("2024-05-01")
        .moves("2024-12-02")
        .build(),
        # Went home in 2023-24: only in the year before.
        ChildBuilder("P0").enters("2022-05-03", ls="C2", place="U6").leaves("2023-07-03").build(),
    ]


@pytest.fixture
def report():
    return annual_report(children(), YEAR_END)


def indicator(report, key):
    return next(i for i in report.indicators if i.key == key)


def behind(report, key):
    return [b.child for b in indicator(report, key).children]


def test_seven_indicators_in_the_policys_order_each_with_definition_and_source(report):
    assert [i.key for i in report.indicators] == [
        "at_home_or_family",
        "rehabilitated",
        "orders_discharged",
        "ltf_matched",
        "three_moves",
        "siblings_together",
        "step_up",
    ]
    for ind in report.indicators:
        assert ind.definition and "Bolton Permanence policy, 11.3" in ind.source, ind.key
        if ind.value is not None:
            assert ind.value == len(ind.children), ind.key
    assert report.label == "2024-25" and report.previous_label == "2023-24"


def test_children_at_home_or_with_family_and_connected_carers(report):
    assert behind(report, "at_home_or_family") == ["H1", "H2"]
    ind = indicator(report, "at_home_or_family")
    assert ind.children[0].detail.startswith("U3:")
    assert ind.note == "of 6 children looked after on 31 Mar 2025"


def test_children_rehabilitated_to_their_parents(report):
    assert behind(report, "rehabilitated") == ["H2", "R1", "D1"]
    details = {b.child: b.detail for b in indicator(report, "rehabilitated").children}
    assert details["H2"] == "placed with parents 01 Sep 2024 (P1)"
    assert details["R1"] == "returned home 10 Oct 2024 (REC E4A)"


def test_care_orders_discharged_to_parents_or_a_lesser_order(report):
    # S2 left to a special guardianship order but had no care order to discharge.
    assert behind(report, "orders_discharged") == ["D1", "S1"]
    details = {b.child: b.detail for b in indicator(report, "orders_discharged").children}
    assert "special guardianship order to former foster carers (REC E45)" in details["S1"]
    assert "living with parents" in details["D1"]


def test_a_supervision_order_recorded_in_the_year_counts_as_a_lesser_order():
    child = ChildBuilder("SO").enters("2023-01-09", ls="C2", place="P1").build()
    child.recorded.orders.append(CourtOrder("supervision", date(2025, 2, 3)))
    report = annual_report([child], YEAR_END, compare=False)
    ind = indicator(report, "orders_discharged")
    assert [(b.child, b.detail) for b in ind.children] == [
        ("SO", "supervision order made 03 Feb 2025")
    ]


def test_children_matched_in_long_term_foster_care(report):
    assert behind(report, "ltf_matched") == ["L1", "L2"]
    details = {b.child: b.detail for b in indicator(report, "ltf_matched").children}
    assert details["L1"] == "long-term foster placement from 01 Jun 2024 (U4)"
    assert details["L2"] == "long-term match ratified 01 Aug 2024"


def test_children_with_three_or_more_moves_and_fewer_is_better(report):
    ind = indicator(report, "three_moves")
    assert behind(report, "three_moves") == ["M1"]
    assert ind.children[0].detail == "3 moves: 03 Jun 2024, 02 Sep 2024, 10 Jan 2025"
    assert ind.better == "down"
    assert ind.note == "of 10 children looked after at some time in the year"


def test_siblings_need_recording_when_none_are_recorded(report):
    ind = indicator(report, "siblings_together")
    assert ind.value is None and ind.children == []
    assert ind.note.startswith("Needs recording")


def test_siblings_placed_together_from_what_is_recorded():
    recorded = {"H1": ["together", "apart"], "L1": ["apart"], "R1": ["together"]}
    report = annual_report(children(), YEAR_END, recorded)
    ind = indicator(report, "siblings_together")
    # R1 left care in the year: only children looked after on 31 March are counted.
    assert [(b.child, b.detail) for b in ind.children] == [
        ("H1", "lives with 1 of 2 brothers or sisters recorded")
    ]
    assert ind.value == 1
    assert ind.note == (
        "of 2 children looked after with brothers or sisters recorded;"
        " 2 live apart from at least one"
    )
    assert ind.previous is None  # recorded as things are now: no year before


def test_stepping_up_is_not_in_the_903_and_has_no_number(report):
    ind = indicator(report, "step_up")
    assert ind.value is None and ind.previous is None and not ind.children
    assert "Not in the SSDA903 return" in ind.note


def test_compared_with_the_year_before_when_the_data_hold_it(report):
    assert report.compared
    got = {i.key: (i.previous, i.value, i.direction) for i in report.indicators}
    assert got["at_home_or_family"] == (2, 2, "no change")  # H1 and D1 on 31 March 2024
    assert got["rehabilitated"] == (2, 3, "better")  # D1 placed with parents, P0 home
    assert got["orders_discharged"] == (0, 2, "better")
    assert got["ltf_matched"] == (0, 2, "better")
    assert got["three_moves"] == (0, 1, "worse")


def test_not_compared_when_the_data_do_not_hold_the_year_before():
    only_this_year = [c for c in children() if c.id != "P0"]
    # Without P0, D1's move to parents in August 2023 is the only ending in 2023-24:
    # still a year with an ended episode, so drop D1 too.
    only_this_year = [c for c in only_this_year if c.id != "D1"]
    report = annual_report(only_this_year, YEAR_END)
    assert not report.compared
    assert all(i.previous is None and i.direction == "" for i in report.indicators)
