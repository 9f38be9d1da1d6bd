"""Bradford Children and Families Trust: Permanence Policy and Guidance,
policies/004_b99bb409667e0dca.txt.

Each test quotes the sentence of the policy it checks. Expected dates are worked by hand
from the policy and the calendar (GOV.UK England and Wales bank holidays); the
arithmetic is written beside them. N weeks is N x 7 calendar days (POLICY-RULES.md,
Conventions).
"""

import pytest

from permanence.domain.model import AdoptionDecision, Assessment, PermanencePlan
from permanence.rules.engine import Status
from tests.builders import NATIONAL, ChildBuilder, check_profile_holds, obligations, run
from tests.builders import d as D

PROFILE = "bradford"
PLAN = "bradford.plan_16_weeks"
SHEET = "bradford.adoption_balance_sheet"


# POLICY-RULES.md, "Council rules", Bradford.
BRADFORD = {
    "bradford.plan_16_weeks",
    "bradford.unregulated",
    "bradford.siblings_together_apart",
    "bradford.adoption_balance_sheet",
    "bradford.ltf_definition",
    "bradford.tracking_meetings",
    "bradford.options_checklist",
}


def obs(child, as_of, rule=PLAN):
    return obligations(child, as_of, rule, PROFILE)


def test_profile_holds_the_national_rules_and_bradford_s_own_and_no_other_council_s():
    p = check_profile_holds(PROFILE, BRADFORD)
    assert NATIONAL | {PLAN, SHEET} <= set(p.rule_ids)


# --- bradford.plan_16_weeks -------------------------------------------------------------
# 3: "When a child needs to be looked after, regulation requires that a Permanence Plan is
# in place for every child by the time of his/her second Child in Care review (i.e. within
# 16 weeks of coming into care)."
#
# Care starts Mon 4 Sep 2023. 16 weeks = 112 days: 30 to 4 Oct, 61 to 4 Nov, 91 to 4 Dec,
# 112 on Mon 25 Dec 2023 (Christmas Day: weeks are calendar days, no working-day shift).
# First review due 20 working days on: 5-8 Sep (4), 11-15 (9), 18-22 (14), 25-29 (19),
# Mon 2 Oct (20) -> 2 Oct 2023.


def _child(*reviews, plans=(), known=True):
    b = ChildBuilder().enters("2023-09-04").reviews(*reviews)
    if known:
        b.knows("plans")
    child = b.build()
    child.recorded.plans.extend(PermanencePlan(agreed=D(x), primary="sgo") for x in plans)
    return child


@pytest.mark.parametrize(
    "plan, status", [("2023-12-22", Status.MET), ("2024-01-02", Status.MET_LATE)]
)
def test_sixteen_weeks_comes_before_the_second_review(plan, status):
    # First review held 2 Oct 2023: second due 2 Jan 2024, after 16 weeks (25 Dec 2023).
    [o] = obs(_child("2023-10-02", plans=[plan]), "2024-01-15")
    assert (o.due, o.done, o.status) == (D("2023-12-25"), D(plan), status)
    assert "16 weeks" in o.why and "25 Dec 2023" in o.why and "02 Jan 2024" in o.why


@pytest.mark.parametrize(
    "as_of, status", [("2023-12-25", Status.UPCOMING), ("2023-12-27", Status.OVERDUE)]
)
def test_sixteen_weeks_not_yet_met_either_side_of_christmas_day(as_of, status):
    [o] = obs(_child("2023-10-02"), as_of)
    assert (o.due, o.done, o.status) == (D("2023-12-25"), None, status)


def test_second_review_held_early_comes_before_sixteen_weeks():
    # First review held early, 15 Sep 2023; second held 15 Dec 2023, before 25 Dec. A plan
    # agreed 20 Dec 2023 is within 16 weeks but after the second review: late.
    [o] = obs(_child("2023-09-15", "2023-12-15", plans=["2023-12-20"]), "2024-01-15")
    assert (o.due, o.done, o.status) == (D("2023-12-15"), D("2023-12-20"), Status.MET_LATE)
    assert "held 15 Dec 2023" in o.why


def test_stricter_than_the_national_permanence_plan():
    # Nationally the plan is due by the second review (due 2 Jan 2024): a plan on
    # 28 Dec 2023 is on time nationally, late for Bradford's 16 weeks.
    child = _child("2023-10-02", plans=["2023-12-28"])
    [national] = obs(child, "2024-01-15", "plan.permanence")
    [bradford] = obs(child, "2024-01-15")
    assert (national.due, national.status) == (D("2024-01-02"), Status.MET)
    assert (bradford.due, bradford.status) == (D("2023-12-25"), Status.MET_LATE)


def test_from_a_903_the_plan_is_unknown_with_its_due_date():
    [o] = obs(_child("2023-10-02", known=False), "2024-01-15")
    assert (o.due, o.status) == (D("2023-12-25"), Status.UNKNOWN)
    assert "plans" in o.reason and "SSDA903" in o.reason


def test_a_second_period_of_care_has_its_own_deadline():
    # Period 1: care 4 Sep 2023, first review 2 Oct, plan 1 Dec 2023 (met by 25 Dec),
    # home 29 Feb 2024. Period 2: care Mon 3 Jun 2024; 16 weeks: 27 to 30 Jun, 58 to
    # 31 Jul, 89 to 31 Aug, 112 on Mon 23 Sep 2024. First review 20 working days: 4-7 Jun
    # (4), 10-14 (9), 17-21 (14), 24-28 (19), Mon 1 Jul (20) -> held 1 Jul; second due
    # 1 Oct 2024, after 16 weeks. The December plan was for the first period.
    child = (
        ChildBuilder()
        .enters("2023-09-04")
        .reviews("2023-10-02")
        .leaves("2024-02-29", rec="E4A")
        .enters("2024-06-03")
        .reviews("2024-07-01")
        .knows("plans")
        .build()
    )
    child.recorded.plans.append(PermanencePlan(agreed=D("2023-12-01"), primary="home"))
    got = obs(child, "2024-09-24")
    assert [(o.period_start, o.due, o.done, o.status) for o in got] == [
        (D("2023-09-04"), D("2023-12-25"), D("2023-12-01"), Status.MET),
        (D("2024-06-03"), D("2024-09-23"), None, Status.OVERDUE),
    ]


def test_care_that_ended_before_sixteen_weeks_asks_for_nothing_overdue():
    # Care 4 Sep to 24 Nov 2023, before 16 weeks (25 Dec) and the second review (2 Jan).
    child = (
        ChildBuilder()
        .enters("2023-09-04")
        .reviews("2023-10-02")
        .leaves("2023-11-24", rec="E4A")
        .knows("plans")
        .build()
    )
    assert all(o.status is Status.NOT_APPLICABLE for o in obs(child, "2024-03-01"))


def test_care_that_ended_after_sixteen_weeks_still_owed_a_plan_by_then():
    # Care 4 Sep 2023; first review held late, 30 Oct 2023, so the second is due
    # 30 Jan 2024; home 10 Jan 2024. 16 weeks (25 Dec 2023) passed in care with no plan.
    child = (
        ChildBuilder()
        .enters("2023-09-04")
        .reviews("2023-10-30")
        .leaves("2024-01-10", rec="E4A")
        .knows("plans")
        .build()
    )
    assert [(o.due, o.status) for o in obs(child, "2024-03-01")] == [
        (D("2023-12-25"), Status.OVERDUE)
    ]


def test_short_breaks_give_no_bradford_obligations():
    child = (
        ChildBuilder()
        .enters("2023-09-04", ls="V3", place="R1")
        .leaves("2023-09-06", rec="E13")
        .enters("2023-10-02", ls="V4", place="R1")
        .knows("plans", "assessments")
        .build()
    )
    result = run(child, "2024-06-01", PROFILE)
    assert result.obligations == [] and result.alerts == []


# --- bradford.adoption_balance_sheet -------------------------------------------------------
# Adoption: "All care planning must be fully compliant with relevant case law and guidance
# including 'Re BS', with a balance sheet being provided in all instances."
#
# The Agency Decision Maker decided on 14 Mar 2024 that the child should be placed for
# adoption (903 ad1 DATE_INT): the balance sheet is due by then.


def _adoption_child(*sheets, known=True, decided="2024-03-14"):
    b = ChildBuilder().enters("2023-09-04", ls="C1", place="U6")
    if known:
        b.knows("assessments")
    child = b.build()
    child.adoption_decisions.append(AdoptionDecision(D(decided), None, None))
    child.recorded.assessments.extend(Assessment("balance_sheet", D(x)) for x in sheets)
    return child


@pytest.mark.parametrize(
    "sheet, status",
    [("2024-03-01", Status.MET), ("2024-03-20", Status.MET_LATE), (None, Status.OVERDUE)],
)
def test_balance_sheet_by_the_adoption_decision(sheet, status):
    child = _adoption_child(*([sheet] if sheet else []))
    [o] = obs(child, "2024-04-01", SHEET)
    assert (o.due, o.done, o.status) == (D("2024-03-14"), D(sheet) if sheet else None, status)
    assert "14 Mar 2024" in o.why


def test_balance_sheet_unknown_from_a_903():
    [o] = obs(_adoption_child(known=False), "2024-04-01", SHEET)
    assert (o.due, o.status) == (D("2024-03-14"), Status.UNKNOWN)
    assert "assessments" in o.reason


def test_balance_sheet_not_asked_before_any_adoption_decision():
    assert obs(_adoption_child(decided="2024-05-02"), "2024-04-01", SHEET) == []
    child = ChildBuilder().enters("2023-09-04").knows("assessments").build()
    assert obs(child, "2024-04-01", SHEET) == []
