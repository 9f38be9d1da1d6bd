"""Halton Borough Council: Permanence for Children in Care, policies/001_0c08b7872b73c330.txt.

Each test quotes the sentence of the policy it checks. Expected dates are worked by hand
from the policy and the calendar (GOV.UK England and Wales bank holidays); the
arithmetic is written beside them. "N months after X" clamps to the month's last day
(POLICY-RULES.md, Conventions): 31 Oct + 4 months = 28 or 29 February.
"""

import pytest

from permanence.domain.model import Assessment, Meeting, PermanencePlan
from permanence.rules.engine import Status
from tests.builders import NATIONAL, ChildBuilder, alerts, check_profile_holds, obligations, run
from tests.builders import d as D

PROFILE = "halton"
PLAN = "halton.plan_by_second_review"


# POLICY-RULES.md, "Council rules", Halton.
HALTON = {
    "halton.plan_by_second_review",
    "halton.plan_elements",
    "halton.panel_every_plan",
    "halton.panel_logistics",
    "halton.thematic_panels",
    "halton.hierarchy",
    "halton.siblings_first",
}

ALL_ELEMENTS = frozenset(
    {"objectives", "timescales", "responsible", "success_criteria", "contingency", "childs_voice"}
)


def obs(child, as_of, rule=PLAN):
    return obligations(child, as_of, rule, PROFILE)


def test_profile_holds_the_national_rules_and_halton_s_own_and_no_other_council_s():
    p = check_profile_holds(PROFILE, HALTON)
    assert NATIONAL | {PLAN, "halton.plan_elements", "halton.panel_every_plan"} <= set(p.rule_ids)


# --- halton.plan_by_second_review ------------------------------------------------------
# 4. The Process: "All children in care in the authority must have a permanence plan in
# place by the time of their second review or when they have been looked after for 4
# months."
#
# Care starts Tue 31 Oct 2023. 4 months: 31 Feb 2024 does not exist -> 29 Feb 2024 (leap
# year). First review, 20 working days (no bank holidays in November): 1-3 Nov (3),
# 6-10 (8), 13-17 (13), 20-24 (18), 27, 28 (20) -> due Tue 28 Nov 2023.


def _child(*reviews, plans=(), known=True, start="2023-10-31"):
    b = ChildBuilder().enters(start).reviews(*reviews)
    if known:
        b.knows("plans")
    child = b.build()
    child.recorded.plans.extend(
        PermanencePlan(agreed=D(x), primary="adoption", elements=ALL_ELEMENTS) for x in plans
    )
    return child


@pytest.mark.parametrize(
    "plan, status",
    [("2024-02-29", Status.MET), ("2024-03-01", Status.MET_LATE)],
)
def test_four_months_comes_first_on_29_february(plan, status):
    # First review held late, 5 Dec 2023: second due 5 Mar 2024. 4 months (29 Feb 2024)
    # is earlier, so it is the deadline.
    child = _child("2023-12-05", plans=[plan])
    [o] = obs(child, "2024-03-15")
    assert (o.due, o.done, o.status) == (D("2024-02-29"), D(plan), status)
    assert "4 months" in o.why and "29 Feb 2024" in o.why and "05 Mar 2024" in o.why


@pytest.mark.parametrize(
    "as_of, status", [("2024-02-29", Status.UPCOMING), ("2024-03-01", Status.OVERDUE)]
)
def test_four_months_not_yet_met_either_side_of_the_deadline(as_of, status):
    [o] = obs(_child("2023-12-05"), as_of)
    assert (o.due, o.done, o.status) == (D("2024-02-29"), None, status)


def test_four_months_from_31_october_is_28_february_in_a_common_year():
    # Care Mon 31 Oct 2022; 4 months -> 28 Feb 2023. First review held 12 Dec 2022, so the
    # second is due 12 Mar 2023: 4 months is earlier.
    child = _child("2022-12-12", start="2022-10-31")
    [o] = obs(child, "2023-03-15")
    assert (o.due, o.status) == (D("2023-02-28"), Status.OVERDUE)


def test_second_review_due_a_day_before_four_months_is_the_deadline():
    # First review held on its due date, 28 Nov 2023: second due 28 Feb 2024, one day
    # before 4 months (29 Feb 2024).
    [o] = obs(_child("2023-11-28"), "2024-03-01")
    assert (o.due, o.status) == (D("2024-02-28"), Status.OVERDUE)
    assert "second review" in o.why and "28 Feb 2024" in o.why


def test_second_review_held_early_comes_first():
    # Second review held 15 Feb 2024, before 4 months (29 Feb): a plan agreed on 20 Feb
    # is within 4 months but after the second review, so it is late.
    child = _child("2023-11-28", "2024-02-15", plans=["2024-02-20"])
    [o] = obs(child, "2024-03-15")
    assert (o.due, o.done, o.status) == (D("2024-02-15"), D("2024-02-20"), Status.MET_LATE)
    assert "held 15 Feb 2024" in o.why


def test_stricter_than_the_national_permanence_plan():
    # The national rule asks for the plan by the second review (due 5 Mar 2024); Halton by
    # 29 Feb 2024. A plan on 4 Mar 2024 is on time nationally, late for Halton.
    child = _child("2023-12-05", plans=["2024-03-04"])
    [national] = obs(child, "2024-03-15", "plan.permanence")
    [halton] = obs(child, "2024-03-15")
    assert (national.due, national.status) == (D("2024-03-05"), Status.MET)
    assert (halton.due, halton.status) == (D("2024-02-29"), Status.MET_LATE)


def test_from_a_903_return_the_plan_is_unknown_with_its_due_date():
    [o] = obs(_child("2023-12-05", known=False), "2024-03-15")
    assert (o.due, o.status) == (D("2024-02-29"), Status.UNKNOWN)
    assert "plans" in o.reason and "SSDA903" in o.reason


def test_a_second_period_of_care_has_its_own_deadline():
    # Period 1: care Mon 9 Jan 2023; first review 10-13 Jan (4), 16-20 (9), 23-27 (14),
    # 30 Jan-3 Feb (19), Mon 6 Feb (20) -> 6 Feb 2023, held; second due 6 May 2023;
    # 4 months 9 May 2023 -> due 6 May; plan agreed 2 May: met. Home 30 Jun 2023.
    # Period 2: care Mon 4 Sep 2023; 4 months -> 4 Jan 2024; first review held late,
    # 16 Oct 2023, so the second is due 16 Jan 2024: due 4 Jan 2024, and the plan of
    # May 2023 belongs to the first period.
    child = (
        ChildBuilder()
        .enters("2023-01-09")
        .reviews("2023-02-06")
        .leaves("2023-06-30", rec="E4A")
        .enters("2023-09-04")
        .reviews("2023-10-16")
        .knows("plans")
        .build()
    )
    child.recorded.plans.append(PermanencePlan(agreed=D("2023-05-02"), primary="home"))
    got = obs(child, "2024-01-10")
    assert [(o.period_start, o.due, o.done, o.status) for o in got] == [
        (D("2023-01-09"), D("2023-05-06"), D("2023-05-02"), Status.MET),
        (D("2023-09-04"), D("2024-01-04"), None, Status.OVERDUE),
    ]


def test_care_that_ended_before_either_deadline_asks_for_nothing_overdue():
    # Care 31 Oct 2023 to 31 Jan 2024: 4 months (29 Feb) and the second review (due
    # 28 Feb) both fall after care ended.
    child = (
        ChildBuilder()
        .enters("2023-10-31")
        .reviews("2023-11-28")
        .leaves("2024-01-31", rec="E4A")
        .knows("plans")
        .build()
    )
    got = obs(child, "2024-04-01")
    assert all(o.status is Status.NOT_APPLICABLE for o in got)


def test_care_that_ended_after_four_months_still_owed_a_plan_by_four_months():
    # Care 31 Oct 2023; first review held 5 Dec 2023 (second due 5 Mar 2024); returned
    # home 4 Mar 2024. Looked after for 4 months on 29 Feb 2024 with no plan: overdue.
    child = (
        ChildBuilder()
        .enters("2023-10-31")
        .reviews("2023-12-05")
        .leaves("2024-03-04", rec="E4A")
        .knows("plans")
        .build()
    )
    got = obs(child, "2024-04-01")
    assert [(o.due, o.status) for o in got] == [(D("2024-02-29"), Status.OVERDUE)]


def test_short_breaks_give_no_halton_obligations():
    child = (
        ChildBuilder()
        .enters("2023-10-31", ls="V3", place="R1")
        .leaves("2023-11-02", rec="E13")
        .enters("2023-12-04", ls="V4", place="R1")
        .knows("plans", "meetings")
        .build()
    )
    result = run(child, "2024-06-01", PROFILE)
    assert result.obligations == [] and result.alerts == []


# --- halton.plan_elements --------------------------------------------------------------
# 4. The Process: "The permanence plan will set out clearly: The objectives of the plan
# and key tasks. The timescales for achieving the plan. Those responsible for
# implementing the plan ... The criteria that will be used to evaluate the success of the
# plan. The contingency should the plan need to change. The child's voice and views about
# the plan."


def _plan_child(*plans):
    child = ChildBuilder().enters("2023-10-31").knows("plans").build()
    child.recorded.plans.extend(plans)
    return child


def test_plan_with_all_six_elements_raises_no_alert():
    child = _plan_child(PermanencePlan(D("2024-02-20"), "adoption", elements=ALL_ELEMENTS))
    assert alerts(child, "2024-03-01", "halton.plan_elements", PROFILE) == []


def test_plan_missing_the_contingency_and_the_child_s_voice_names_them():
    elements = ALL_ELEMENTS - {"contingency", "childs_voice"}
    child = _plan_child(PermanencePlan(D("2024-02-20"), "adoption", elements=elements))
    [a] = alerts(child, "2024-03-01", "halton.plan_elements", PROFILE)
    assert "20 Feb 2024" in a.detail
    assert "contingency" in a.detail and "child's voice" in a.detail
    assert "timescales" not in a.detail and "objectives" not in a.detail


def test_only_the_latest_plan_counts():
    child = _plan_child(
        PermanencePlan(D("2024-01-10"), "adoption", elements=frozenset({"objectives"})),
        PermanencePlan(D("2024-02-20"), "adoption", elements=ALL_ELEMENTS),
    )
    assert alerts(child, "2024-03-01", "halton.plan_elements", PROFILE) == []
    # Before the complete plan was agreed, the January one was the plan: five missing.
    [a] = alerts(child, "2024-02-01", "halton.plan_elements", PROFILE)
    assert "10 Jan 2024" in a.detail and "success criteria" in a.detail


# --- halton.panel_every_plan ------------------------------------------------------------
# 4. The Process: "The permanence plan for every child must be presented at the
# Permanence Panel for review" ... "The Panel will review all children with a permanence
# plan until they are placed in a suitably approved long term placement."
# Terms of Reference: "... will actively review children's care plans at a panel in line
# with the placement hierarchy, at least annually."
#
# Care 31 Oct 2023, first review held 5 Dec 2023: the plan is due 29 Feb 2024 (4 months,
# before the second review on 5 Mar), so the first panel is due then.


def _panel_child(*panels, move=None, known=True):
    b = ChildBuilder().enters("2023-10-31", place="U6").reviews("2023-12-05")
    if move:
        b.moves(move, place="U4")
    if known:
        b.knows("meetings")
    child = b.build()
    child.recorded.meetings.extend(Meeting("permanency_review_panel", D(x)) for x in panels)
    return child


def test_panel_then_at_least_annually():
    # Panel 20 Mar 2024 (after 29 Feb): late; next within 12 months: 20 Mar 2025.
    got = obs(_panel_child("2024-03-20"), "2025-04-01", "halton.panel_every_plan")
    assert [(o.due, o.done, o.status) for o in got] == [
        (D("2024-02-29"), D("2024-03-20"), Status.MET_LATE),
        (D("2025-03-20"), None, Status.OVERDUE),
    ]
    assert "20 Mar 2024" in got[1].why


def test_panel_no_longer_needed_once_placed_long_term():
    child = _panel_child("2024-03-20", move="2025-01-06")
    assert obs(child, "2025-04-01", "halton.panel_every_plan") == []


def test_panel_from_a_903_is_unknown_for_the_first_presentation():
    got = obs(_panel_child(known=False), "2024-06-01", "halton.panel_every_plan")
    assert [(o.due, o.status) for o in got] == [(D("2024-02-29"), Status.UNKNOWN)]
    assert "meetings" in got[0].reason


# --- halton.siblings_first ------------------------------------------------------------
# "Sibling assessments should take place before the plan for permanence is agreed"


def test_sibling_assessment_before_the_plan_is_agreed():
    child = ChildBuilder().enters("2024-01-08").knows("plans", "assessments").build()
    child.recorded.plans.append(PermanencePlan(agreed=D("2024-04-10"), primary="sgo"))
    [o] = obs(child, "2024-05-01", "halton.siblings_first")
    assert (o.due, o.status) == (D("2024-04-10"), Status.OVERDUE)
    child.recorded.assessments.append(Assessment("sibling", D("2024-04-02")))
    [o] = obs(child, "2024-05-01", "halton.siblings_first")
    assert (o.done, o.status) == (D("2024-04-02"), Status.MET)


def test_sibling_assessment_is_not_asked_from_a_903():
    child = ChildBuilder().enters("2024-01-08").build()
    assert obs(child, "2024-05-01", "halton.siblings_first") == []
