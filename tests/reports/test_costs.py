"""The cost of a child's care on the Permanence Tracker (Bolton 11.2: "the cost to the Local
Authority of their care"), worked by hand: 700 a week is 100 a day in foster care, 4,900 a
week is 700 a day in a children's home."""

from datetime import date

import pytest

from permanence import profiles
from permanence.profiles import PROFILE_NAMES, load_profile
from permanence.reports.costs import cost_to_date, days_to_18, projected_to_18, weekly_cost
from permanence.rules.engine import Case
from permanence.ssda903.labels import PLACEMENT_GROUPS
from permanence.workingdays import ENGLAND_AND_WALES
from tests.builders import ChildBuilder


def case(child, as_of: str) -> Case:
    return Case(child, date.fromisoformat(as_of), ENGLAND_AND_WALES)


def in_and_out_of_care():
    """Foster care for 4 weeks, a children's home for 6 weeks, home; back in foster care."""
    return (
        ChildBuilder("C1", dob="2012-05-01")
        .enters("2023-04-03", ls="C2", place="U6")
        .moves("2023-05-01", place="K2", reason="CREQB")  # 28 days in U6
        .legal("2023-05-15", ls="C2")  # a legal status change does not start a placement
        .leaves("2023-06-12", rec="E4A")  # 42 days in K2; care ends
        .enters("2024-01-08", ls="V2", place="U6")  # re-entry
        .build()
    )


def test_cost_to_date_is_every_placement_of_every_period_of_care_at_its_own_type(costs):
    child = in_and_out_of_care()
    # 8 to 21 January: 14 days in foster care, both days counted.
    assert cost_to_date(case(child, "2024-01-21"), costs) == 28 * 100 + 42 * 700 + 14 * 100
    assert cost_to_date(case(child, "2024-01-21"), costs) == 33_600


def test_while_out_of_care_nothing_is_added_and_the_day_care_ends_is_not_costed(costs):
    child = in_and_out_of_care()
    assert cost_to_date(case(child, "2023-06-11"), costs) == 28 * 100 + 42 * 700  # last day
    assert cost_to_date(case(child, "2023-12-31"), costs) == 32_200
    assert cost_to_date(case(child, "2024-01-08"), costs) == 32_200 + 100  # the first day back


def test_part_weeks_are_pro_rata_by_days(costs):
    child = ChildBuilder("C2").enters("2024-03-01", place="R1").build()
    # 1 to 10 March: ten days in residential care at 4,900 a week.
    assert cost_to_date(case(child, "2024-03-10"), costs) == 7_000


def test_short_breaks_are_not_costed_as_care(costs):
    child = (
        ChildBuilder("C3")
        .enters("2024-01-01", ls="V3", place="K2")
        .leaves("2024-01-04", rec="E13")
        .enters("2024-02-01", ls="C2", place="U6")
        .build()
    )
    assert cost_to_date(case(child, "2024-02-07"), costs) == 700  # 7 days of foster care only


def test_projected_cost_to_18_for_a_29_february_birthday(costs):
    # Born 29 February 2008: 18 on 1 March 2026 (2026 has no 29 February), so the last
    # day of care is 28 February. From 2 to 28 February: 27 days at 100.
    child = ChildBuilder("C4", dob="2008-02-29").enters("2025-06-01", place="U4").build()
    assert days_to_18(case(child, "2026-02-01")) == 27
    assert projected_to_18(case(child, "2026-02-01"), costs) == 2_700
    # Four weeks from 31 January: exactly four weekly payments.
    assert projected_to_18(case(child, "2026-01-31"), costs) == 2_800
    # On the last day of care nothing is left to pay.
    assert projected_to_18(case(child, "2026-02-28"), costs) == 0


def test_projected_cost_runs_at_the_current_placements_weekly_figure(costs):
    child = (
        ChildBuilder("C5", dob="2010-06-15")
        .enters("2023-01-01", place="U6")
        .moves("2025-06-01", place="K2")
        .build()
    )
    # 15 June 2028 is the 18th birthday; from 15 June 2025 to 14 June 2028 is 1,096 days.
    got = projected_to_18(case(child, "2025-06-14"), costs)
    assert got == round(4900 * 1096 / 7, 2)


def test_no_projection_without_a_date_of_birth_or_when_not_looked_after(costs):
    child = ChildBuilder("C6", dob=None).enters("2024-01-01").build()
    assert projected_to_18(case(child, "2024-02-01"), costs) is None
    left = ChildBuilder("C7").enters("2024-01-01").leaves("2024-01-20").build()
    assert projected_to_18(case(left, "2024-02-01"), costs) is None


def test_the_national_profile_has_a_weekly_figure_for_every_placement_group():
    costs = load_profile("national").costs
    assert set(costs) == set(PLACEMENT_GROUPS)
    assert all(v > 0 for v in costs.values())
    for profile in PROFILE_NAMES:  # the councils' profiles inherit them
        assert set(load_profile(profile).costs) >= set(PLACEMENT_GROUPS)
    assert weekly_cost(costs, "K2") == costs["Children's homes and residential"]
    assert weekly_cost(costs, "Z14") == costs["Other"]


@pytest.fixture
def testshire(monkeypatch):
    """A council profile with its own weekly figure for foster care."""
    real = profiles._read

    def fake(name):
        if name == "testshire":
            return {
                "title": "Testshire",
                "policy": "test",
                "extends": "national",
                "rules": [],
                "costs": {"Foster care": 612},
            }
        return real(name)

    monkeypatch.setattr(profiles, "_read", fake)
    monkeypatch.setattr(profiles, "PROFILE_NAMES", (*PROFILE_NAMES, "testshire"))
    load_profile.cache_clear()
    yield
    load_profile.cache_clear()


def test_a_councils_own_figure_replaces_the_national_one(testshire):
    national = load_profile("national").costs
    council = load_profile("testshire").costs
    assert council["Foster care"] == 612 != national["Foster care"]
    # Groups the council does not set keep the national figure.
    for group in PLACEMENT_GROUPS:
        if group != "Foster care":
            assert council[group] == national[group]
    child = ChildBuilder("C8").enters("2024-01-01", place="U6").build()
    assert cost_to_date(case(child, "2024-01-07"), council) == 612
