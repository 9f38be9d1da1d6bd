"""Bolton Council: Permanence Strategy ("Forever Planning"), policies/000_4cd377d27a90ef23.txt.

Each test quotes the sentence of the policy it checks. Expected dates are worked by hand
from the policy and the calendar (GOV.UK England and Wales bank holidays); the
arithmetic is written beside them. "within N working days of X" is the Nth working day
after X, X not counted; "N months after X" clamps to the month's last day
(POLICY-RULES.md, Conventions).
"""

import pytest

from permanence.domain.model import Decision, Meeting, PermanencePlan
from permanence.rules.engine import Status
from tests.builders import NATIONAL, ChildBuilder, alerts, check_profile_holds, obligations, run
from tests.builders import d as D

PROFILE = "bolton"


# POLICY-RULES.md, "Council rules", Bolton.
BOLTON = {
    "bolton.gateway_panel",
    "bolton.ppm_before_second_review",
    "bolton.permanence_panel",
    "bolton.ltf_match_before_third_review",
    "bolton.residential_endorsed",
    "bolton.ltf_under_5",
    "bolton.kinship_0_3",
    "bolton.fgc",
    "bolton.options_by_age",
    "bolton.genogram",
    "bolton.life_story_book",
    "bolton.delay_cpm",
    "bolton.reports",
}


def obs(child, as_of, rule):
    return obligations(child, as_of, rule, PROFILE)


def panel(child, as_of):
    return alerts(child, as_of, "bolton.permanence_panel", PROFILE)


# --- the profile -----------------------------------------------------------------------


def test_profile_holds_the_national_rules_and_bolton_s_own_and_no_other_council_s():
    p = check_profile_holds(PROFILE, BOLTON)
    # The deadlines and alerts for one child are evaluated, not left elsewhere.
    assert set(p.rule_ids) >= NATIONAL
    assert {
        "bolton.gateway_panel",
        "bolton.ppm_before_second_review",
        "bolton.permanence_panel",
        "bolton.ltf_match_before_third_review",
        "bolton.ltf_under_5",
        "bolton.genogram",
        "bolton.life_story_book",
    } <= set(p.rule_ids)


# --- bolton.ppm_before_second_review ---------------------------------------------------
# 3.2: "A 'Permanence Planning Meeting' will be convened and chaired by the allocated Team
# Manager prior to the child's second review."
#
# Care starts Mon 4 Sep 2023. First review, 20 working days (no bank holiday between the
# summer one on 28 Aug and Christmas): 5-8 Sep (4), 11-15 (9), 18-22 (14), 25-29 (19),
# Mon 2 Oct (20) -> due 2 Oct 2023; held that day. Second review due 3 months later:
# 2 Jan 2024.


def _ppm_child(*reviews, meetings=(), known=True):
    b = ChildBuilder().enters("2023-09-04").reviews("2023-10-02", *reviews)
    if known:
        b.knows("meetings")
    child = b.build()
    child.recorded.meetings.extend(
        Meeting("permanence_planning", D(x), chair_role="team_manager") for x in meetings
    )
    return child


def test_ppm_before_the_second_review_held_is_met():
    # Second review held 20 Dec 2023: the meeting is due by the day before, 19 Dec 2023.
    child = _ppm_child("2023-12-20", meetings=["2023-12-12"])
    [o] = obs(child, "2024-01-15", "bolton.ppm_before_second_review")
    assert (o.due, o.done, o.status) == (D("2023-12-19"), D("2023-12-12"), Status.MET)
    assert "second review" in o.why and "20 Dec 2023" in o.why


def test_ppm_on_the_day_of_the_second_review_is_late():
    # "prior to the child's second review": on the review day itself is not prior.
    child = _ppm_child("2023-12-20", meetings=["2023-12-20"])
    [o] = obs(child, "2024-01-15", "bolton.ppm_before_second_review")
    assert (o.due, o.done, o.status) == (D("2023-12-19"), D("2023-12-20"), Status.MET_LATE)


@pytest.mark.parametrize(
    "as_of, status",
    [
        ("2024-01-01", Status.UPCOMING),  # due 1 Jan 2024, the day before 2 Jan: not yet late
        ("2024-01-02", Status.OVERDUE),
    ],
)
def test_ppm_not_held_is_upcoming_then_overdue_by_the_second_review_due_date(as_of, status):
    # Second review not held: it is due 2 Jan 2024, so the meeting is due 1 Jan 2024.
    child = _ppm_child()
    [o] = obs(child, as_of, "bolton.ppm_before_second_review")
    assert (o.due, o.done, o.status) == (D("2024-01-01"), None, status)
    assert "due 02 Jan 2024" in o.why


def test_ppm_from_a_903_return_is_unknown_with_its_due_date_and_reason():
    child = _ppm_child(known=False)
    [o] = obs(child, "2024-01-15", "bolton.ppm_before_second_review")
    assert (o.due, o.status) == (D("2024-01-01"), Status.UNKNOWN)
    assert "meetings" in o.reason and "SSDA903" in o.reason


def test_ppm_a_second_period_of_care_has_its_own_meeting():
    # First period 4 Sep - 1 Dec 2023 (return home): its second review would be due
    # 2 Jan 2024, after care ended, so it asks for no meeting. Re-entry Mon 8 Jan 2024:
    # first review 9-12 Jan (4), 15-19 (9), 22-26 (14), 29 Jan-2 Feb (19), Mon 5 Feb (20)
    # -> 5 Feb 2024, held; second due 5 May 2024; the meeting by 4 May 2024. The meeting
    # held in the first period (30 Oct 2023) does not count for the second.
    child = (
        ChildBuilder()
        .enters("2023-09-04")
        .reviews("2023-10-02")
        .leaves("2023-12-01", rec="E4A")
        .enters("2024-01-08")
        .reviews("2024-02-05")
        .knows("meetings")
        .build()
    )
    child.recorded.meetings.append(Meeting("permanence_planning", D("2023-10-30")))
    got = obs(child, "2024-05-10", "bolton.ppm_before_second_review")
    assert [(o.period_start, o.due, o.done, o.status) for o in got] == [
        (D("2024-01-08"), D("2024-05-04"), None, Status.OVERDUE)
    ]


def test_short_breaks_give_no_bolton_obligations_or_alerts():
    # Respite (LS V3, V4) is not a period of care for review or permanence rules.
    child = (
        ChildBuilder()
        .enters("2023-02-06", ls="V3", place="R1")
        .leaves("2023-02-08", rec="E13")
        .enters("2023-03-06", ls="V4", place="R1")
        .leaves("2023-03-09", rec="E13")
        .enters("2023-06-05", ls="V3", place="R1")
        .knows("meetings", "plans", "decisions", "genogram")
        .build()
    )
    result = run(child, "2023-12-01", PROFILE)
    assert result.obligations == []
    assert result.alerts == []


# --- bolton.permanence_panel -----------------------------------------------------------
# 5: "When a child's case meets the following criteria, their case will be required to be
# presented to the permanence element of the 'Gateway and Permanency Panel'. ...
# a. The child is subject to court proceedings and permanence is not expected to be
#    achieved within the 26-week court timescale.
# b. The child has had more than three moves in 12 months ...
# d. The child is in residential care"


def _moves(*days, start="2023-02-06"):
    b = ChildBuilder().enters(start, place="U6")
    for x in days:
        b.moves(x, place="U6")
    return b.build()


def test_panel_exactly_three_moves_in_twelve_months_is_not_more_than_three():
    child = _moves("2023-03-01", "2023-05-01", "2023-07-01")
    assert panel(child, "2024-01-31") == []


def test_panel_four_moves_in_twelve_months_names_criterion_b():
    child = _moves("2023-03-01", "2023-05-01", "2023-07-01", "2023-09-01")
    [a] = panel(child, "2024-01-31")
    assert "(b) 4 placement moves" in a.detail
    assert "(a)" not in a.detail and "(d)" not in a.detail


def test_panel_a_move_twelve_months_before_drops_out_of_the_window():
    # Moves 31 Jan, 1 Mar, 1 May, 1 Jul 2023. The 12 months to 30 Jan 2024 run from
    # 31 Jan 2023: four moves. The 12 months to 31 Jan 2024 run from 1 Feb 2023: three.
    child = _moves("2023-01-31", "2023-03-01", "2023-05-01", "2023-07-01", start="2023-01-03")
    [a] = panel(child, "2024-01-30")
    assert "(b) 4 placement moves" in a.detail
    assert panel(child, "2024-01-31") == []


def test_panel_residential_care_names_criterion_d():
    child = ChildBuilder().enters("2023-06-05", place="K2").build()
    [a] = panel(child, "2023-09-01")
    assert "(d)" in a.detail and "K2" in a.detail and "05 Jun 2023" in a.detail


def test_panel_no_criterion_once_the_child_has_left_residential_care():
    child = ChildBuilder().enters("2023-06-05", place="K2").moves("2023-08-01", place="U6").build()
    assert panel(child, "2023-09-01") == []


def test_panel_proceedings_beyond_26_weeks_names_criterion_a():
    # Interim care order (C1) from 9 Jan 2023, standing in for the issue date.
    # 9 Jan + 26 weeks (182 days): to 31 Jan 22, Feb 50, Mar 81, Apr 111, May 142,
    # Jun 172, 10 Jul 182 -> 10 Jul 2023.
    child = ChildBuilder().enters("2023-01-09", ls="C1", place="U6").build()
    assert panel(child, "2023-07-07") == []  # three days short of 26 weeks
    [a] = panel(child, "2023-07-12")
    assert "(a)" in a.detail and "09 Jan 2023" in a.detail and "10 Jul 2023" in a.detail


def test_panel_no_criterion_a_once_proceedings_have_ended_in_a_care_order():
    child = ChildBuilder().enters("2023-01-09", ls="C1").legal("2023-06-20", "C2").build()
    assert panel(child, "2023-07-12") == []


def test_panel_names_every_criterion_met():
    # In residential care, on an interim care order since 9 Jan 2023 (26 weeks on
    # 10 Jul 2023), with four moves since: (a), (b) and (d).
    child = (
        ChildBuilder()
        .enters("2023-01-09", ls="C1", place="U6")
        .moves("2023-02-01", place="U6")
        .moves("2023-03-01", place="U6")
        .moves("2023-05-01", place="U6")
        .moves("2023-07-03", place="R1")
        .build()
    )
    [a] = panel(child, "2023-08-01")
    assert all(c in a.detail for c in ("(a)", "(b) 4 placement moves", "(d)"))


def test_panel_no_alert_after_care_has_ended():
    child = ChildBuilder().enters("2023-06-05", place="K2").leaves("2023-08-01").build()
    assert panel(child, "2023-09-01") == []


# --- bolton.ltf_under_5 -----------------------------------------------------------------
# Appendix B: "Long Term Fostering (needs Head of Service approval if child is under five)"
#
# Child born 15 Jun 2019, in foster care from 6 Feb 2023, moves to a long-term foster
# placement (U4) on 3 Jul 2023, aged 4: approval due by that day.


def _ltf_child(dob="2019-06-15", known=True):
    b = ChildBuilder(dob=dob).enters("2023-02-06", place="U6").moves("2023-07-03", place="U4")
    if known:
        b.knows("decisions")
    return b.build()


@pytest.mark.parametrize(
    "approved, status",
    [("2023-06-26", Status.MET), ("2023-07-03", Status.MET), ("2023-07-10", Status.MET_LATE)],
)
def test_ltf_under_5_head_of_service_approval(approved, status):
    child = _ltf_child()
    child.recorded.decisions.append(Decision("ltf_under_5", D(approved), role="head_of_service"))
    [o] = obs(child, "2023-08-01", "bolton.ltf_under_5")
    assert (o.due, o.done, o.status) == (D("2023-07-03"), D(approved), status)
    assert "aged 4" in o.why and "03 Jul 2023" in o.why


def test_ltf_under_5_without_approval_is_overdue_and_unknown_from_a_903():
    [o] = obs(_ltf_child(), "2023-08-01", "bolton.ltf_under_5")
    assert (o.due, o.status) == (D("2023-07-03"), Status.OVERDUE)
    [o] = obs(_ltf_child(known=False), "2023-08-01", "bolton.ltf_under_5")
    assert (o.due, o.status) == (D("2023-07-03"), Status.UNKNOWN)
    assert "decisions" in o.reason and "SSDA903" in o.reason


def test_ltf_under_5_not_asked_from_the_fifth_birthday():
    # Born 3 Jul 2018: five on the day of the long-term placement, so no approval needed;
    # born 4 Jul 2018: still four that day.
    assert obs(_ltf_child(dob="2018-07-03"), "2023-08-01", "bolton.ltf_under_5") == []
    [o] = obs(_ltf_child(dob="2018-07-04"), "2023-08-01", "bolton.ltf_under_5")
    assert "aged 4" in o.why


def test_ltf_under_5_not_asked_for_short_term_fostering():
    child = ChildBuilder(dob="2019-06-15").enters("2023-02-06", place="U6").knows("decisions")
    assert obs(child.build(), "2023-08-01", "bolton.ltf_under_5") == []


# --- bolton.ltf_match_before_third_review ------------------------------------------------
# Appendix A, Long term Foster Care: "Care Planning Meeting prior to 3rd statutory review
# to confirm placement to be matched long term"
#
# Care 4 Sep 2023; first review held 2 Oct 2023; second held 20 Dec 2023; the third is
# due 6 months later, 20 Jun 2024; the meeting by the day before, 19 Jun 2024. The child
# moved to a long-term foster placement (U4) on 1 Mar 2024.


def _match_child(*reviews, place="U4", meetings=()):
    child = (
        ChildBuilder()
        .enters("2023-09-04", place="U6")
        .moves("2024-03-01", place=place)
        .reviews("2023-10-02", "2023-12-20", *reviews)
        .knows("meetings")
        .build()
    )
    child.recorded.meetings.extend(Meeting("care_planning", D(x)) for x in meetings)
    return child


def test_ltf_match_meeting_before_the_third_review_is_met():
    child = _match_child(meetings=["2024-06-10"])
    [o] = obs(child, "2024-07-01", "bolton.ltf_match_before_third_review")
    assert (o.due, o.done, o.status) == (D("2024-06-19"), D("2024-06-10"), Status.MET)
    assert "third review" in o.why and "20 Jun 2024" in o.why


@pytest.mark.parametrize(
    "as_of, status", [("2024-06-19", Status.UPCOMING), ("2024-06-20", Status.OVERDUE)]
)
def test_ltf_match_meeting_not_held(as_of, status):
    [o] = obs(_match_child(), as_of, "bolton.ltf_match_before_third_review")
    assert (o.due, o.done, o.status) == (D("2024-06-19"), None, status)


def test_ltf_match_due_moves_with_a_third_review_held_early():
    # Third review held 7 Jun 2024: the meeting had to be by 6 Jun; held 10 Jun was after
    # the review, so it did not come before it.
    child = _match_child("2024-06-07", meetings=["2024-05-20"])
    [o] = obs(child, "2024-07-01", "bolton.ltf_match_before_third_review")
    assert (o.due, o.done, o.status) == (D("2024-06-06"), D("2024-05-20"), Status.MET)


def test_ltf_match_meeting_held_after_the_third_review_is_met_late():
    child = _match_child(meetings=["2024-06-25"])
    [o] = obs(child, "2024-07-01", "bolton.ltf_match_before_third_review")
    assert (o.due, o.done, o.status) == (D("2024-06-19"), D("2024-06-25"), Status.MET_LATE)


def test_ltf_match_not_asked_without_a_long_term_fostering_plan_or_placement():
    child = _match_child(place="U6")
    assert obs(child, "2024-07-01", "bolton.ltf_match_before_third_review") == []


def test_ltf_match_asked_for_a_recorded_long_term_fostering_plan():
    child = _match_child(place="U6")
    child.known = child.known | {"plans"}
    child.recorded.plans.append(
        PermanencePlan(agreed=D("2023-12-20"), primary="long_term_fostering")
    )
    [o] = obs(child, "2024-07-01", "bolton.ltf_match_before_third_review")
    assert (o.due, o.status) == (D("2024-06-19"), Status.OVERDUE)


# --- bolton.gateway_panel ---------------------------------------------------------------
# 2.4: "Children who are identified under the following criteria will be required to be
# presented to the 'Gateway' element of the 'Gateway and Permanence Panel'; ...
# b) there is a plan for a child to become looked after ...
# c) a child has become looked after in an emergency"


def test_gateway_emergency_over_christmas_next_panel_within_five_working_days():
    # Looked after in an emergency (EPO, L2) on Fri 22 Dec 2023. The policy sets no
    # timescale; the profile allows 5 working days: 25, 26 Dec bank holidays; 27 (1),
    # 28 (2), 29 (3); 1 Jan bank holiday; 2 (4), 3 (5) -> Wed 3 Jan 2024.
    child = ChildBuilder().enters("2023-12-22", ls="L2", place="U6").knows("meetings").build()
    child.recorded.meetings.append(Meeting("gateway_panel", D("2024-01-04")))
    [o] = obs(child, "2024-02-01", "bolton.gateway_panel")
    assert (o.due, o.done, o.status) == (D("2024-01-03"), D("2024-01-04"), Status.MET_LATE)
    assert "(c)" in o.why and "L2" in o.why and "22 Dec 2023" in o.why


def test_gateway_planned_entry_is_presented_before_care_begins():
    child = ChildBuilder().enters("2023-06-05", ls="C2").knows("meetings").build()
    child.recorded.meetings.append(Meeting("gateway_panel", D("2023-05-25")))
    [o] = obs(child, "2023-07-01", "bolton.gateway_panel")
    assert (o.due, o.done, o.status) == (D("2023-06-05"), D("2023-05-25"), Status.MET)
    assert "(b)" in o.why


def test_gateway_on_re_entry_needs_a_hearing_of_its_own():
    # Back in care on 1 Mar 2024 after going home on 8 Jan: the gateway hearing of 25 Oct
    # 2023 was about the first time in care, so the return has not been presented.
    child = (
        ChildBuilder()
        .enters("2023-11-01", ls="V2")
        .leaves("2024-01-08")
        .enters("2024-03-01", ls="V2")
        .knows("meetings")
        .build()
    )
    child.recorded.meetings.append(Meeting("gateway_panel", D("2023-10-25")))
    first, second = obs(child, "2024-04-01", "bolton.gateway_panel")
    assert (first.done, first.status) == (D("2023-10-25"), Status.MET)
    assert (second.due, second.done, second.status) == (D("2024-03-01"), None, Status.OVERDUE)


def test_gateway_from_a_903_is_unknown():
    child = ChildBuilder().enters("2023-06-05", ls="V2").build()
    [o] = obs(child, "2023-07-01", "bolton.gateway_panel")
    assert (o.due, o.status) == (D("2023-06-05"), Status.UNKNOWN)
    assert "meetings" in o.reason


# --- bolton.fgc ------------------------------------------------------------------------
# Appendix A, Return to parents: "Family Group Conference to take place prior to return"


def _return_child(rec="E4A"):
    return (
        ChildBuilder()
        .enters("2023-09-04")
        .reviews("2023-10-02")
        .leaves("2023-12-01", rec=rec)
        .knows("meetings")
        .build()
    )


def test_fgc_before_a_planned_return_home():
    child = _return_child()
    child.recorded.meetings.append(Meeting("family_group_conference", D("2023-11-20")))
    [o] = obs(child, "2024-01-05", "bolton.fgc")
    assert (o.due, o.done, o.status) == (D("2023-12-01"), D("2023-11-20"), Status.MET)
    assert "01 Dec 2023" in o.why


def test_fgc_missing_before_a_planned_return_home_is_overdue():
    [o] = obs(_return_child(), "2024-01-05", "bolton.fgc")
    assert (o.due, o.done, o.status) == (D("2023-12-01"), None, Status.OVERDUE)


def test_fgc_not_asked_when_care_ended_another_way():
    # E4B: an unplanned return home; only a planned return (E4A) can be prepared for
    assert obs(_return_child(rec="E4B"), "2024-01-05", "bolton.fgc") == []


# --- bolton.genogram and bolton.life_story_book ------------------------------------------
# 2.2: "Every child should have a 'genogram' which details this information."
# 7: "For adoption placements every child should have a 'Life Story Book'"


def test_genogram_unknown_from_a_903_and_met_when_recorded():
    b = ChildBuilder().enters("2023-09-04")
    [o] = obs(b.build(), "2023-10-01", "bolton.genogram")
    assert (o.due, o.status) == (D("2023-09-04"), Status.UNKNOWN)
    assert "genogram" in o.reason
    child = b.knows("genogram").build()
    [o] = obs(child, "2023-10-01", "bolton.genogram")
    assert o.status is Status.OVERDUE
    child.recorded.genogram = D("2023-08-15")  # drawn during pre-proceedings
    [o] = obs(child, "2023-10-01", "bolton.genogram")
    assert (o.done, o.status) == (D("2023-08-15"), Status.MET)


def test_life_story_book_from_the_adoptive_placement():
    b = ChildBuilder().enters("2023-02-06", ls="C2", place="U6").moves("2023-10-02", place="A3")
    [o] = obs(b.build(), "2023-12-01", "bolton.life_story_book")
    assert (o.due, o.status) == (D("2023-10-02"), Status.UNKNOWN)
    child = b.knows("life_story_book").build()
    child.recorded.life_story_book = D("2023-11-01")
    [o] = obs(child, "2023-12-01", "bolton.life_story_book")
    assert (o.due, o.done, o.status) == (D("2023-10-02"), D("2023-11-01"), Status.MET_LATE)
    assert "adoptive placement" in o.why and "02 Oct 2023" in o.why


def test_no_life_story_book_asked_without_an_adoptive_placement():
    child = ChildBuilder().enters("2023-02-06", place="U6").knows("life_story_book").build()
    assert obs(child, "2023-12-01", "bolton.life_story_book") == []


# --- bolton.delay_cpm ------------------------------------------------------------------
# 5: "When there is delay to permanence being achieved for a child or young person the
# Social Worker is to convene a 'Care Planning Meeting'"
#
# Care Mon 4 Dec 2023. First review, 20 working days: 5-8 Dec (4), 11-15 (9), 18-22 (14);
# 25, 26 Dec bank holidays; 27-29 (17); 1 Jan bank holiday; 2, 3, 4 Jan (20) -> Thu
# 4 Jan 2024, held. Second review held early, Thu 28 Mar 2024, with no permanence plan.
# The policy sets no timescale; the profile gives 10 working days: Good Friday 29 Mar,
# Easter Monday 1 Apr; 2-5 Apr (4), 8-12 (9), Mon 15 Apr (10) -> 15 Apr 2024.


def _delay_child(plan=None):
    child = (
        ChildBuilder()
        .enters("2023-12-04")
        .reviews("2024-01-04", "2024-03-28")
        .knows("plans", "meetings")
        .build()
    )
    if plan:
        child.recorded.plans.append(PermanencePlan(agreed=D(plan), primary="adoption"))
    return child


@pytest.mark.parametrize(
    "as_of, status", [("2024-04-15", Status.UPCOMING), ("2024-04-16", Status.OVERDUE)]
)
def test_delay_care_planning_meeting_after_easter(as_of, status):
    [o] = obs(_delay_child(), as_of, "bolton.delay_cpm")
    assert (o.due, o.done, o.status) == (D("2024-04-15"), None, status)
    assert "28 Mar 2024" in o.why


def test_delay_care_planning_meeting_held_on_the_last_day():
    child = _delay_child()
    child.recorded.meetings.append(Meeting("care_planning", D("2024-04-15")))
    [o] = obs(child, "2024-05-01", "bolton.delay_cpm")
    assert (o.done, o.status) == (D("2024-04-15"), Status.MET)


def test_no_delay_meeting_when_the_plan_was_made_by_the_second_review():
    assert obs(_delay_child(plan="2024-03-20"), "2024-05-01", "bolton.delay_cpm") == []


# --- bolton.residential_endorsed -------------------------------------------------------
# Appendix A, Residential: "C&F required to determine if residential is the long-term
# permanence plan for the child - to be endorsed by AD at Gateway and Permanence Panel"


@pytest.mark.parametrize(
    "endorsed, status", [("2024-02-20", Status.MET), ("2024-03-14", Status.MET_LATE)]
)
def test_residential_plan_endorsed_by_the_assistant_director(endorsed, status):
    child = ChildBuilder().enters("2023-09-04", place="K2").knows("plans", "decisions").build()
    child.recorded.plans.append(PermanencePlan(agreed=D("2024-03-01"), primary="residential"))
    child.recorded.decisions.append(
        Decision("residential_endorsed", D(endorsed), role="assistant_director")
    )
    [o] = obs(child, "2024-04-01", "bolton.residential_endorsed")
    assert (o.due, o.done, o.status) == (D("2024-03-01"), D(endorsed), status)
