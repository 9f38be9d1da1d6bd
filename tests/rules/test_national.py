"""National rules, each from its source (POLICY-RULES.md "National rules").

Expected dates are worked by hand; the working-day counts are written out beside them,
against the GOV.UK England and Wales bank holidays.
"""

from datetime import date

import pytest

from permanence.domain.model import (
    Child,
    CourtOrder,
    Decision,
    Episode,
    PermanencePlan,
    Proceedings,
    Review,
)
from permanence.rules.engine import Status, status_of
from permanence.workingdays import WorkingDayCalendar
from tests.builders import ChildBuilder, alerts, obligations, run


def D(s):
    return date.fromisoformat(s)


# --- Conventions: status of an obligation ---------------------------------------------


@pytest.mark.parametrize(
    "due, done, status",
    [
        ("2024-03-01", "2024-03-01", Status.MET),  # done on the due date is on time
        ("2024-03-01", "2024-03-02", Status.MET_LATE),
        ("2024-03-01", None, Status.OVERDUE),  # as-of is 2024-03-04
        ("2024-03-04", None, Status.UPCOMING),  # due on the as-of date: not yet overdue
    ],
)
def test_status_on_the_as_of_date(due, done, status):
    assert status_of(D(due), D(done) if done else None, D("2024-03-04")) is status


# --- review.first: 20 working days (CPPCR reg 33(2)(a)) ---------------------------------


def test_first_review_over_christmas_and_new_year():
    # Care starts Mon 12 Dec 2022. Working days: 13-16 Dec (4), 19-23 (9); 26 and 27 Dec
    # are bank holidays (Boxing Day, Christmas substitute); 28-30 (12); 2 Jan is the New
    # Year substitute; 3-6 Jan (16); 9, 10, 11, 12 Jan (20) -> due Thu 12 Jan 2023.
    child = ChildBuilder().enters("2022-12-12").reviews("2023-01-12").build()
    [first] = obligations(child, "2023-02-01", "review.first")
    assert (first.due, first.done, first.status) == (D("2023-01-12"), D("2023-01-12"), Status.MET)
    assert "20 working days after care began on 12 Dec 2022" in first.why


def test_first_review_over_easter_held_a_day_late():
    # Care starts Mon 25 Mar 2024: 26-28 Mar (3); Good Friday 29 Mar and Easter Monday
    # 1 Apr; 2-5 Apr (7), 8-12 (12), 15-19 (17), 22-24 (20) -> due Wed 24 Apr 2024.
    child = ChildBuilder().enters("2024-03-25").reviews("2024-04-25").build()
    [first] = obligations(child, "2024-05-01", "review.first")
    assert (first.due, first.status) == (D("2024-04-24"), Status.MET_LATE)


def test_a_local_closure_day_moves_the_first_review():
    # Care starts Mon 20 Dec 2021: 21-24 Dec (4); 27, 28 Dec substitutes; 29-31 (7);
    # 3 Jan substitute; 4-7 (11), 10-14 (16), 17-20 (20) -> 20 Jan 2022. Closing on
    # Fri 24 Dec as well pushes it to 21 Jan.
    child = ChildBuilder().enters("2021-12-20").build()
    [plain] = obligations(child, "2022-01-03", "review.first")
    closed = WorkingDayCalendar(closures=[D("2021-12-24")])
    [local] = obligations(child, "2022-01-03", "review.first", calendar=closed)
    assert (plain.due, local.due) == (D("2022-01-20"), D("2022-01-21"))
    assert plain.status is Status.UPCOMING


# --- review.second and review.subsequent (reg 33(2)(b), (c)) ----------------------------


def test_second_review_is_three_months_after_the_first_held_with_month_end_clamping():
    # First review held 30 Nov 2023 -> second due 29 Feb 2024 (leap year; no 30 Feb).
    child = ChildBuilder().enters("2023-11-06").reviews("2023-11-30").build()
    [second] = obligations(child, "2024-03-01", "review.second")
    assert (second.due, second.status) == (D("2024-02-29"), Status.OVERDUE)
    assert "held 30 Nov 2023" in second.why


def test_missed_first_review_runs_the_second_from_its_due_date():
    # Care 3 Jul 2023; first due 31 Jul 2023 (20 working days, no holidays) and not held
    # until... never: the second is due 3 months after 31 Jul = 31 Oct 2023.
    child = ChildBuilder().enters("2023-07-03").build()
    [first] = obligations(child, "2023-11-15", "review.first")
    [second] = obligations(child, "2023-11-15", "review.second")
    assert (first.due, first.status) == (D("2023-07-31"), Status.OVERDUE)
    assert (second.due, second.status) == (D("2023-10-31"), Status.OVERDUE)
    assert "due 31 Jul 2023" in second.why


def test_subsequent_reviews_every_six_months_from_the_previous_and_next_one_upcoming():
    # 2nd held 31 Aug 2023 -> 3rd due 29 Feb 2024, held 20 Feb -> 4th due 20 Aug 2024.
    child = (
        ChildBuilder()
        .enters("2023-05-02")
        .reviews("2023-05-30", "2023-08-31", "2024-02-20")
        .build()
    )
    later = obligations(child, "2024-06-01", "review.subsequent")
    assert [(o.due, o.done, o.status) for o in later] == [
        (D("2024-02-29"), D("2024-02-20"), Status.MET),
        (D("2024-08-20"), None, Status.UPCOMING),
    ]


def test_a_second_period_of_care_gets_its_own_first_review():
    child = (
        ChildBuilder()
        .enters("2022-01-04")
        .reviews("2022-01-31")
        .leaves("2022-03-01", rec="E4A")
        .enters("2023-09-04")
        .build()
    )
    firsts = obligations(child, "2023-10-20", "review.first")
    # 4 Sep 2023 + 20 working days (no holidays) = 2 Oct 2023, not held by 20 Oct.
    assert [(o.period_start, o.due, o.status) for o in firsts] == [
        (D("2022-01-04"), D("2022-02-01"), Status.MET),
        (D("2023-09-04"), D("2023-10-02"), Status.OVERDUE),
    ]
    # The first period ended on 1 Mar 2022, before its second review was due (1 Apr 2022);
    # the new period's second runs from the missed first's due date: 2 Oct + 3 months.
    seconds = obligations(child, "2023-10-20", "review.second")
    assert [(o.period_start, o.due) for o in seconds] == [(D("2023-09-04"), D("2024-01-02"))]


def test_care_that_ended_leaves_no_review_due_after_it():
    child = ChildBuilder().enters("2023-01-03").reviews("2023-01-30").leaves("2023-06-30").build()
    result = run(child, "2024-06-01")
    reviews = [o for o in result.obligations if o.rule.startswith("review.")]
    # Second due 30 Apr 2023, missed while in care: overdue; nothing after 30 Jun 2023.
    assert [(o.rule, o.due, o.status) for o in reviews] == [
        ("review.first", D("2023-01-31"), Status.MET),
        ("review.second", D("2023-04-30"), Status.OVERDUE),
    ]


def test_short_breaks_get_no_reviews_or_permanence_plan():
    child = (
        ChildBuilder()
        .enters("2023-02-06", ls="V3", place="R1")
        .leaves("2023-02-08", rec="E13")
        .enters("2023-03-06", ls="V4", place="R1")
        .leaves("2023-03-09", rec="E13")
        .build()
    )
    result = run(child, "2023-12-01")
    assert result.obligations == []


def test_a_return_that_starts_mid_care_invents_no_first_or_second_review():
    child = Child(
        "Y1",
        dob=D("2012-01-01"),
        episodes=[Episode(D("2019-05-01"), "P", "C2", "U4")],
        reviews=[Review(D("2021-04-10")), Review(D("2021-10-01"))],
    )
    result = run(child, "2022-06-01")
    ids = [(o.rule, o.due, o.status) for o in result.obligations if o.rule.startswith("review.")]
    # 1 Oct 2021 is within 6 months of 10 Apr 2021: met. Next due 1 Apr 2022, missed;
    # the one after runs from that due date: 1 Oct 2022, upcoming on 1 Jun 2022.
    assert ids == [
        ("review.subsequent", D("2021-10-10"), Status.MET),
        ("review.subsequent", D("2022-04-01"), Status.OVERDUE),
        ("review.subsequent", D("2022-10-01"), Status.UPCOMING),
    ]
    [perm] = obligations(child, "2022-06-01", "plan.permanence")
    assert perm.status is Status.UNKNOWN and "before the data starts" in perm.reason


def test_mid_care_with_no_review_in_the_data_is_unknown_not_overdue():
    child = Child("Y2", episodes=[Episode(D("2019-05-01"), "P", "C2", "U4")])
    [o] = obligations(child, "2022-06-01", "review.subsequent")
    assert o.status is Status.UNKNOWN and o.due is None
    assert "no review is in the data" in o.reason


# --- plans ----------------------------------------------------------------------------


def test_permanence_plan_is_due_by_the_second_review_and_unknown_from_a_903():
    child = ChildBuilder().enters("2023-11-06").reviews("2023-11-30", "2024-02-20").build()
    [o] = obligations(child, "2024-03-01", "plan.permanence")
    assert (o.due, o.status) == (D("2024-02-20"), Status.UNKNOWN)
    assert "plans" in o.reason and "SSDA903" in o.reason


def test_permanence_plan_recorded_in_the_application_is_met_or_overdue():
    b = ChildBuilder().enters("2023-11-06").reviews("2023-11-30", "2024-02-20").knows("plans")
    child = b.build()
    [o] = obligations(child, "2024-03-01", "plan.permanence")
    assert o.status is Status.OVERDUE
    child.recorded.plans.append(PermanencePlan(agreed=D("2024-02-12"), primary="adoption"))
    [o] = obligations(child, "2024-03-01", "plan.permanence")
    assert (o.done, o.status) == (D("2024-02-12"), Status.MET)


def test_care_plan_within_ten_working_days_of_the_first_placement():
    # 27 Mar 2024 + 10 working days: 28 Mar (1); Good Friday, Easter Monday; 2-5 Apr (5);
    # 8-12 Apr (10) -> 12 Apr 2024.
    child = ChildBuilder().enters("2024-03-27").knows("care_plans").build()
    child.recorded.care_plans.append(D("2024-04-15"))
    [o] = obligations(child, "2024-05-01", "plan.care_plan")
    assert (o.due, o.done, o.status) == (D("2024-04-12"), D("2024-04-15"), Status.MET_LATE)


def test_each_placement_has_a_placement_plan_within_five_working_days():
    child = ChildBuilder().enters("2023-12-20").moves("2024-05-24", place="U4").build()
    due = [o.due for o in obligations(child, "2024-06-30", "plan.placement_plan")]
    # 20 Dec 2023: 21, 22 (2); 25, 26 Dec holidays; 27, 28, 29 (5) -> 29 Dec 2023.
    # 24 May 2024 (Fri): 27 May is Spring bank holiday; 28-31 May (4), 3 Jun (5).
    assert due == [D("2023-12-29"), D("2024-06-03")]


# --- visits and health -----------------------------------------------------------------


def test_social_worker_visits_in_the_first_year_every_six_weeks():
    child = ChildBuilder().enters("2024-01-08").knows("visits").build()
    child.recorded.visits.extend([D("2024-01-12"), D("2024-03-01")])
    got = [
        (o.due, o.done, o.status) for o in obligations(child, "2024-05-01", "visits.social_worker")
    ]
    # 1 week after 8 Jan = 15 Jan (met 12 Jan); 6 weeks after 12 Jan = 23 Feb (met late on
    # 1 Mar); 6 weeks after 1 Mar = 12 Apr: overdue on 1 May.
    assert got == [
        (D("2024-01-15"), D("2024-01-12"), Status.MET),
        (D("2024-02-23"), D("2024-03-01"), Status.MET_LATE),
        (D("2024-04-12"), None, Status.OVERDUE),
    ]


def test_visits_every_three_months_after_a_year_in_a_long_term_placement():
    child = ChildBuilder().enters("2022-01-10", place="U4").knows("visits").build()
    child.recorded.visits.extend([D("2022-01-14"), D("2023-02-01")])
    last = obligations(child, "2023-03-01", "visits.social_worker")[-1]
    assert (last.due, last.status) == (D("2023-05-01"), Status.UPCOMING)  # 1 Feb + 3 months


def test_health_assessment_before_the_first_review_then_six_monthly_under_five():
    child = ChildBuilder(dob="2021-05-01").enters("2023-07-03").knows("health_assessments").build()
    child.recorded.health_assessments.append(D("2023-07-20"))
    got = obligations(child, "2023-12-01", "health.assessment")
    # First review due 31 Jul 2023 -> assessment by 30 Jul; then 6 months (aged 2): 20 Jan 2024.
    assert [(o.due, o.status) for o in got] == [
        (D("2023-07-30"), Status.MET),
        (D("2024-01-20"), Status.UPCOMING),
    ]


# --- proceedings and orders ------------------------------------------------------------


def test_proceedings_26_weeks_from_the_interim_care_order():
    child = ChildBuilder().enters("2023-01-09", ls="C1").legal("2023-07-20", "C2").build()
    [o] = obligations(child, "2023-12-01", "proceedings.26_weeks")
    # 9 Jan 2023 + 26 weeks = 10 Jul 2023; concluded (C2) 20 Jul: late.
    assert (o.due, o.done, o.status) == (D("2023-07-10"), D("2023-07-20"), Status.MET_LATE)
    assert "standing in for the issue date" in o.why


def test_recorded_proceedings_with_an_extension():
    child = ChildBuilder().enters("2023-01-09", ls="C1").knows("proceedings").build()
    child.recorded.proceedings.append(
        Proceedings(issued=D("2023-01-05"), extensions=((8, "expert assessment"),))
    )
    [o] = obligations(child, "2023-07-10", "proceedings.26_weeks")
    assert (o.due, o.status) == (D("2023-08-31"), Status.UPCOMING)  # 5 Jan + 34 weeks
    assert "expert assessment" in o.why


def test_emergency_protection_order_of_more_than_fifteen_days_is_alerted():
    child = ChildBuilder().enters("2024-02-01", ls="L2").legal("2024-02-20", "C1").build()
    [o] = obligations(child, "2024-03-01", "order.epo")
    assert (o.due, o.status) == (D("2024-02-16"), Status.MET_LATE)  # 1 Feb + 15 days
    [a] = alerts(child, "2024-03-01", "order.epo")
    assert "19 days" in a.detail


def test_supervision_order_cannot_run_past_the_eighteenth_birthday():
    child = ChildBuilder(dob="2007-03-01").knows("orders").build()
    child.recorded.orders.append(
        CourtOrder("supervision", made=D("2024-06-01"), ends=D("2026-06-01"))
    )
    [o] = obligations(child, "2024-07-01", "order.supervision")
    assert o.due == D("2025-03-01")  # the 18th birthday comes before 3 years
    [a] = alerts(child, "2024-07-01", "order.supervision")
    assert "01 Mar 2025" in a.detail


def test_supervision_and_cao_rules_are_not_assessed_from_a_903():
    child = ChildBuilder().enters("2023-01-09").build()
    result = run(child, "2024-01-01")
    assert not {"order.supervision", "order.cao_duration"} & {o.rule for o in result.obligations}


def test_child_arrangements_order_to_16_or_to_18():
    child = ChildBuilder(dob="2012-04-30").knows("orders").build()
    child.recorded.orders.append(CourtOrder("cao", made=D("2020-01-01")))
    child.recorded.orders.append(CourtOrder("cao", made=D("2021-01-01"), to_18=True))
    assert [o.due for o in obligations(child, "2024-01-01", "order.cao_duration")] == [
        D("2028-04-30"),
        D("2030-04-30"),
    ]


# --- kinship, SGO, leaving care, Staying Put --------------------------------------------


def approval(child, as_of):
    [o] = [o for o in obligations(child, as_of, "kinship.reg24") if "weeks after" in o.why]
    return o


def test_connected_person_temporary_approval_16_weeks_or_24_with_reg_25():
    child = ChildBuilder().enters("2024-01-05", place="U3").knows("decisions").build()
    o = approval(child, "2024-05-01")
    assert (o.due, o.status) == (D("2024-04-26"), Status.OVERDUE)  # 5 Jan + 16 weeks
    child.recorded.decisions.append(
        Decision("reg25_extension", D("2024-04-20"), role="nominated officer")
    )
    o = approval(child, "2024-05-01")
    assert (o.due, o.status) == (D("2024-06-21"), Status.UPCOMING)  # + 24 weeks
    assert "reg 25" in o.why


def test_head_of_service_agrees_a_kinship_placement_before_the_child_is_placed():
    # Bradford: "The Head of Service is required to agree these placements before the
    # child is placed." A team manager's agreement does not count; the Head of Service's
    # on the day after placement is late.
    child = ChildBuilder().enters("2024-01-05", place="U3").knows("decisions").build()
    child.recorded.decisions.append(
        Decision("reg24_placement_agreed", D("2024-01-04"), role="team_manager")
    )

    def agreement():
        got = obligations(child, "2024-02-01", "kinship.reg24")
        [o] = [o for o in got if "agreement" in o.why]
        return o

    assert (agreement().due, agreement().status) == (D("2024-01-05"), Status.OVERDUE)
    child.recorded.decisions.append(
        Decision("reg24_placement_agreed", D("2024-01-06"), role="Head of Service")
    )
    assert (agreement().done, agreement().status) == (D("2024-01-06"), Status.MET_LATE)


def test_staying_put_discussed_before_a_long_term_match_is_ratified_at_any_age():
    # Bradford: "discussed as part of the matching and Panel process regardless of the age
    # of the child"; Blackburn with Darwen: before ratifying a foster home as permanent.
    child = (
        ChildBuilder(dob="2016-05-01").enters("2023-03-06", place="U4").knows("decisions").build()
    )
    child.recorded.decisions.append(
        Decision("long_term_match", D("2024-02-01"), role="head_of_service")
    )
    [o] = obligations(child, "2024-03-01", "staying_put.discussion")
    assert (o.due, o.status) == (D("2024-02-01"), Status.OVERDUE)
    child.recorded.decisions.append(Decision("staying_put_discussed", D("2024-01-20")))
    [o] = obligations(child, "2024-03-01", "staying_put.discussion")
    assert (o.done, o.status) == (D("2024-01-20"), Status.MET)


def test_foster_carer_may_apply_for_sgo_after_a_year():
    child = ChildBuilder().enters("2023-01-31", place="U6").build()
    assert alerts(child, "2024-01-30", "sgo.eligibility") == []
    [a] = alerts(child, "2024-01-31", "sgo.eligibility")
    assert "31 Jan 2024" in a.detail


def test_pathway_plan_three_months_after_sixteen_for_a_child_in_care_since_fourteen():
    child = ChildBuilder(dob="2008-05-31").enters("2022-09-01").build()
    [o] = obligations(child, "2024-06-15", "leaving_care.pathway")
    assert o.due == D("2024-08-31")  # 16 on 31 May 2024, + 3 months
    newcomer = ChildBuilder(dob="2008-05-31").enters("2024-05-01").build()  # 4 weeks before 16
    assert obligations(newcomer, "2024-06-15", "leaving_care.pathway") == []


def test_staying_put_at_the_first_review_after_sixteen_in_foster_care():
    child = (
        ChildBuilder(dob="2007-10-10")
        .enters("2023-03-06", place="U4")
        .reviews("2023-04-03", "2023-07-01", "2023-12-20")
        .build()
    )
    [o] = obligations(child, "2024-01-10", "staying_put.discussion")
    assert (o.due, o.status) == (D("2023-12-20"), Status.UNKNOWN)  # 16 on 10 Oct 2023
    residential = (
        ChildBuilder(dob="2007-10-10").enters("2023-03-06", place="K2").reviews("2023-12-20")
    )
    assert obligations(residential.build(), "2024-01-10", "staying_put.discussion") == []


# --- stability ------------------------------------------------------------------------


def _moves(n, start="2023-02-06"):
    b = ChildBuilder().enters(start)
    for i in range(n):
        b.moves(date(2023, 3 + 2 * i, 1).isoformat())
    return b.build()


def test_three_moves_in_twelve_months_is_not_an_alert_four_is():
    assert alerts(_moves(3), "2024-01-31", "stability.moves_12m") == []
    [a] = alerts(_moves(4), "2024-01-31", "stability.moves_12m")
    assert a.detail.startswith("4 placement moves in the 12 months to 31 Jan 2024")


def test_moves_older_than_twelve_months_drop_out():
    # Moves on 1 Mar, 1 May, 1 Jul, 1 Sep 2023: by 2 Mar 2024 the March move is out.
    assert alerts(_moves(4), "2024-03-02", "stability.moves_12m") == []


def test_permanence_plan_shows_from_the_start_of_care_projected_from_the_first_review():
    # Care from 3 Jul 2023: first review due 31 Jul 2023 (20 working days), not yet held on
    # 10 Jul; the second review is then due 3 months later, 31 Oct 2023.
    child = ChildBuilder().enters("2023-07-03").build()
    [o] = obligations(child, "2023-07-10", "plan.permanence")
    assert (o.due, o.status) == (D("2023-10-31"), Status.UNKNOWN)
    assert "3 months after the first, due 31 Jul 2023" in o.why


def test_health_assessments_recorded_for_care_that_began_before_the_data():
    # No first review in the data to run from; the assessments recorded are the anchor:
    # 12 months after the one on 10 Jan 2022 (the child is 10), due 10 Jan 2023.
    child = Child(
        "Y3",
        dob=D("2012-01-01"),
        episodes=[Episode(D("2019-05-01"), "P", "C2", "U4")],
        known=frozenset({"health_assessments"}),
    )
    child.recorded.health_assessments.append(D("2022-01-10"))
    got = obligations(child, "2022-06-01", "health.assessment")
    assert [(o.due, o.status) for o in got] == [(D("2023-01-10"), Status.UPCOMING)]
    assert run(child, "2022-06-01").obligations
