"""Blackburn with Darwen: Permanence policy, policies/002_7ce2db681111e704.txt.

Each test quotes the sentence of the policy it checks. Expected dates are worked by hand
from the policy and the calendar (GOV.UK England and Wales bank holidays); the
arithmetic is written beside them. "within N working days of X" is the Nth working day
after X, X not counted; N weeks is N x 7 days; N months clamps to the month's last day
(POLICY-RULES.md, Conventions).
"""

import pytest

from permanence.domain.model import Assessment, Decision, Meeting, PermanencePlan, Proceedings
from permanence.rules.engine import Status
from tests.builders import (
    NATIONAL,
    ChildBuilder,
    alerts,
    check_profile_holds,
    obligations,
    run,
    triples,
)
from tests.builders import d as D

PROFILE = "blackburn"
CPM = "blackburn.care_planning_6_weeks"


# POLICY-RULES.md, "Council rules", Blackburn with Darwen.
BLACKBURN = {
    "blackburn.entering_care",
    "blackburn.legal_gateway_panel",
    "blackburn.pre_proceedings",
    "blackburn.final_care_planning",
    "blackburn.care_planning_6_weeks",
    "blackburn.cf_assessment_12_months",
    "blackburn.long_term_match",
    "blackburn.reduced_reviews",
    "blackburn.stability_meeting",
    "blackburn.reunification",
    "blackburn.residential",
}


def obs(child, as_of, rule):
    return obligations(child, as_of, rule, PROFILE)


def test_profile_holds_the_national_rules_and_blackburn_s_own_and_no_other_council_s():
    p = check_profile_holds(PROFILE, BLACKBURN)
    assert NATIONAL | {
        "blackburn.entering_care",
        "blackburn.pre_proceedings",
        "blackburn.care_planning_6_weeks",
        "blackburn.cf_assessment_12_months",
        "blackburn.reunification",
    } <= set(p.rule_ids)


# --- blackburn.care_planning_6_weeks ----------------------------------------------------
# 6, Multi-Agency Care Planning Meetings: "Multi agency Care Planning Meeting for children
# and young people in our care should be held at a frequency of at least every 6 weeks.
# The only exception to this, is when the home has been ratified as a permanent lasting
# home and there is an approved management position, agreed via the CLA review process,
# that frequency can be reduced."
#
# Care starts Mon 8 Jan 2024. First meeting 6 weeks (42 days) on: 23 days to 31 Jan,
# 19 Feb is day 42 -> Mon 19 Feb 2024. Held Thu 15 Feb: next 42 days later: 14 days to
# 29 Feb (leap year), 28 Mar day 42 -> Thu 28 Mar 2024. Held 4 Apr (late): next 26 days
# to 30 Apr, 16 May day 42 -> Thu 16 May 2024.


def _cpm_child(*meetings, known=True):
    b = ChildBuilder().enters("2024-01-08")
    if known:
        b.knows("meetings", "decisions")
    child = b.build()
    child.recorded.meetings.extend(Meeting("care_planning", D(x)) for x in meetings)
    return child


@pytest.mark.parametrize(
    "as_of, status", [("2024-05-16", Status.UPCOMING), ("2024-05-17", Status.OVERDUE)]
)
def test_six_weekly_chain_runs_from_each_meeting_held(as_of, status):
    got = obs(_cpm_child("2024-02-15", "2024-04-04"), as_of, CPM)
    assert triples(got) == [
        (D("2024-02-19"), D("2024-02-15"), Status.MET),
        (D("2024-03-28"), D("2024-04-04"), Status.MET_LATE),
        (D("2024-05-16"), None, status),
    ]
    assert "6 weeks after care began on 08 Jan 2024" in got[0].why
    assert "04 Apr 2024" in got[2].why


def test_six_weekly_meeting_none_held_is_overdue_once_then_waits():
    # No meeting since care began: the first is overdue from 20 Feb; the next depends on
    # when it is held, so only one is given.
    got = obs(_cpm_child(), "2024-04-30", CPM)
    assert triples(got) == [(D("2024-02-19"), None, Status.OVERDUE)]


def test_six_weekly_from_a_903_gives_the_first_meeting_as_unknown():
    got = obs(_cpm_child(known=False), "2024-04-30", CPM)
    assert [(o.due, o.status) for o in got] == [(D("2024-02-19"), Status.UNKNOWN)]
    assert "meetings" in got[0].reason and "SSDA903" in got[0].reason


def test_six_weekly_next_meeting_is_shown_after_one_held_early():
    # Held 15 Feb, four days before it was due (19 Feb); on 16 Feb the next is due
    # 15 Feb + 42 days = 28 Mar 2024.
    got = obs(_cpm_child("2024-02-15"), "2024-02-16", CPM)
    assert triples(got) == [
        (D("2024-02-19"), D("2024-02-15"), Status.MET),
        (D("2024-03-28"), None, Status.UPCOMING),
    ]


def test_six_weekly_a_planned_meeting_not_yet_held_does_not_set_the_next_due_date():
    # Held 15 Feb (met); the next was due 28 Mar and is still not held on 1 Apr: overdue.
    # The meeting booked for 5 Apr has not happened yet, so nothing runs from it.
    got = obs(_cpm_child("2024-02-15", "2024-04-05"), "2024-04-01", CPM)
    assert triples(got) == [
        (D("2024-02-19"), D("2024-02-15"), Status.MET),
        (D("2024-03-28"), None, Status.OVERDUE),
    ]


def test_six_weekly_stops_at_an_approved_reduced_frequency():
    # The lasting home's reduced frequency approved 1 May 2024: the meeting that would be
    # due 16 May 2024 is no longer asked for at 6 weeks.
    child = _cpm_child("2024-02-15", "2024-04-04")
    child.recorded.decisions.append(Decision("reduced_care_planning", D("2024-05-01")))
    assert triples(obs(child, "2024-06-01", CPM)) == [
        (D("2024-02-19"), D("2024-02-15"), Status.MET),
        (D("2024-03-28"), D("2024-04-04"), Status.MET_LATE),
    ]


def test_six_weekly_a_new_period_of_care_starts_a_new_chain():
    # Home 1 Mar 2024; back in care Mon 3 Jun 2024: first meeting 3 Jun + 42 days
    # (27 to 30 Jun, 15 Jul day 42) -> Mon 15 Jul 2024. Meetings of the first period do
    # not count.
    child = (
        ChildBuilder()
        .enters("2024-01-08")
        .leaves("2024-03-01", rec="E4A")
        .enters("2024-06-03")
        .knows("meetings")
        .build()
    )
    child.recorded.meetings.append(Meeting("care_planning", D("2024-02-15")))
    got = obs(child, "2024-07-16", CPM)
    assert [(o.period_start, o.due, o.done, o.status) for o in got] == [
        (D("2024-06-03"), D("2024-07-15"), None, Status.OVERDUE)
    ]


def test_six_weekly_not_asked_once_care_has_ended():
    # Meeting held 15 Feb 2024; the next would be due 28 Mar, but the child went home on
    # 1 Mar 2024.
    child = (
        ChildBuilder().enters("2024-01-08").leaves("2024-03-01", rec="E4A").knows("meetings")
    ).build()
    child.recorded.meetings.append(Meeting("care_planning", D("2024-02-15")))
    got = obs(child, "2024-06-01", CPM)
    assert not [o for o in got if o.status in (Status.UPCOMING, Status.OVERDUE)]


def test_short_breaks_give_no_blackburn_obligations():
    child = (
        ChildBuilder()
        .enters("2024-01-08", ls="V3", place="R1")
        .leaves("2024-01-10", rec="E13")
        .enters("2024-02-05", ls="V4", place="R1")
        .knows("meetings", "decisions", "assessments")
        .build()
    )
    result = run(child, "2024-09-01", PROFILE)
    assert result.obligations == [] and result.alerts == []


# --- blackburn.pre_proceedings -----------------------------------------------------------
# 6, Pre-Proceedings meetings: "Once pre-proceedings has been agreed, parents/carers will
# be provided with the pre-proceedings letter within 5 working days of LGP and the first
# PLO meeting should take place within 10 working days of the LGP decision." ...
# "formally reviewed at Legal Gateway Panel 14 weeks after the decision to enter
# pre-proceedings."


def _plo_child(decided, letter=None, plo=None, panel=None):
    child = ChildBuilder().knows("decisions", "meetings").build()  # not yet looked after
    child.recorded.decisions.append(Decision("pre_proceedings", D(decided), role="head_of_service"))
    if letter:
        child.recorded.decisions.append(Decision("pre_proceedings_letter", D(letter)))
    if plo:
        child.recorded.meetings.append(Meeting("plo", D(plo)))
    if panel:
        child.recorded.meetings.append(Meeting("legal_gateway_panel", D(panel)))
    return child


def test_pre_proceedings_over_christmas():
    # Decision Wed 20 Dec 2023.
    # Letter, 5 working days: 21 (1), 22 (2); 25, 26 Dec bank holidays; 27 (3), 28 (4),
    # 29 (5) -> Fri 29 Dec 2023. Sent 2 Jan 2024: late.
    # First PLO meeting, 10 working days: 1 Jan bank holiday; 2 (6), 3 (7), 4 (8), 5 (9),
    # Mon 8 Jan (10) -> 8 Jan 2024. Held that day: on time.
    # Review at the panel, 14 weeks (98 days): 11 days to 31 Dec, Jan 42, Feb 71 (leap),
    # 27 Mar day 98 -> Wed 27 Mar 2024.
    child = _plo_child("2023-12-20", letter="2024-01-02", plo="2024-01-08", panel="2024-03-27")
    got = obs(child, "2024-04-01", "blackburn.pre_proceedings")
    assert sorted(triples(got)) == [
        (D("2023-12-29"), D("2024-01-02"), Status.MET_LATE),
        (D("2024-01-08"), D("2024-01-08"), Status.MET),
        (D("2024-03-27"), D("2024-03-27"), Status.MET),
    ]
    assert all("20 Dec 2023" in o.why for o in got)


@pytest.mark.parametrize(
    "as_of, status", [("2024-04-08", Status.UPCOMING), ("2024-04-09", Status.OVERDUE)]
)
def test_pre_proceedings_letter_over_easter(as_of, status):
    # Decision Thu 28 Mar 2024: Good Friday 29 Mar, Easter Monday 1 Apr; 2 (1), 3 (2),
    # 4 (3), 5 (4), Mon 8 Apr (5) -> 8 Apr 2024. First PLO meeting: 9 (6), 10 (7), 11 (8),
    # 12 (9), Mon 15 Apr (10) -> 15 Apr 2024: upcoming either way.
    got = obs(_plo_child("2024-03-28"), as_of, "blackburn.pre_proceedings")
    by_due = {o.due: o.status for o in got}
    assert by_due[D("2024-04-08")] is status
    assert by_due[D("2024-04-15")] is Status.UPCOMING
    # 28 Mar + 98 days: 3 to 31 Mar, Apr 33, May 64, Jun 94, 4 Jul day 98.
    assert by_due[D("2024-07-04")] is Status.UPCOMING


def test_pre_proceedings_not_assessed_from_a_903():
    child = ChildBuilder().enters("2024-01-08").build()
    assert obs(child, "2024-04-01", "blackburn.pre_proceedings") == []


# --- blackburn.final_care_planning -------------------------------------------------------
# 6, Final Evidence Care Planning: "A Final Care Planning Meeting must take place in all
# cases where a child is subject to care proceedings and reaching final hearing. This
# meeting will be scheduled two weeks prior to filing of final evidence."
#
# Final evidence to be filed Fri 1 Mar 2024: the meeting 14 days before, Fri 16 Feb 2024.


def _final_child(*meetings):
    child = ChildBuilder().enters("2024-01-08", ls="C1").knows("proceedings", "meetings").build()
    child.recorded.proceedings.append(
        Proceedings(issued=D("2024-01-05"), final_evidence=D("2024-03-01"))
    )
    child.recorded.meetings.extend(
        Meeting("final_care_planning", D(x), chair_role="head_of_service") for x in meetings
    )
    return child


@pytest.mark.parametrize(
    "held, as_of, status",
    [
        ("2024-02-16", "2024-03-01", Status.MET),
        ("2024-02-20", "2024-03-01", Status.MET_LATE),
        (None, "2024-02-16", Status.UPCOMING),
        (None, "2024-02-17", Status.OVERDUE),
    ],
)
def test_final_care_planning_two_weeks_before_final_evidence(held, as_of, status):
    child = _final_child(*([held] if held else []))
    [o] = obs(child, as_of, "blackburn.final_care_planning")
    assert (o.due, o.done, o.status) == (D("2024-02-16"), D(held) if held else None, status)
    assert "01 Mar 2024" in o.why


# --- blackburn.cf_assessment_12_months ----------------------------------------------------
# 6, Reviewing, and monitoring: "As a minimum, a Child & Family assessment should be
# completed when a child has lived in their current home for twelve months"
#
# Moved to the current home on Thu 29 Feb 2024: 12 months on, 29 Feb 2025 does not
# exist -> Fri 28 Feb 2025.


def _cf_child(*done, known=True):
    b = ChildBuilder().enters("2023-11-06", place="U6").moves("2024-02-29", place="U6")
    if known:
        b.knows("assessments")
    child = b.build()
    child.recorded.assessments.extend(Assessment("child_and_family", D(x)) for x in done)
    return child


@pytest.mark.parametrize(
    "done, as_of, status",
    [
        ("2025-02-20", "2025-03-15", Status.MET),
        ("2025-03-03", "2025-03-15", Status.MET_LATE),
        (None, "2025-02-28", Status.UPCOMING),
        (None, "2025-03-01", Status.OVERDUE),
    ],
)
def test_child_and_family_assessment_at_twelve_months_in_the_home(done, as_of, status):
    child = _cf_child(*([done] if done else []))
    [o] = obs(child, as_of, "blackburn.cf_assessment_12_months")
    assert (o.due, o.done, o.status) == (D("2025-02-28"), D(done) if done else None, status)
    assert "29 Feb 2024" in o.why


def test_child_and_family_assessment_before_the_current_home_does_not_count():
    # The assessment of 15 Jan 2024 was in the previous home.
    [o] = obs(_cf_child("2024-01-15"), "2025-03-01", "blackburn.cf_assessment_12_months")
    assert (o.done, o.status) == (None, Status.OVERDUE)


def test_child_and_family_assessment_unknown_from_a_903():
    [o] = obs(_cf_child(known=False), "2025-03-01", "blackburn.cf_assessment_12_months")
    assert (o.due, o.status) == (D("2025-02-28"), Status.UNKNOWN)
    assert "assessments" in o.reason


# --- blackburn.entering_care ------------------------------------------------------------
# 6, Becoming Looked After: "The decision for a child to enter the care of the Local
# Authority must be made by a Head of Service or above."


def _entering_child(made=None, role="head_of_service", known=True):
    b = ChildBuilder().enters("2024-01-08", ls="V2")
    if known:
        b.knows("decisions")
    child = b.build()
    if made:
        child.recorded.decisions.append(Decision("entering_care", D(made), role=role))
    return child


@pytest.mark.parametrize(
    "made, status", [("2024-01-04", Status.MET), ("2024-01-10", Status.MET_LATE)]
)
def test_entering_care_decision_before_care_begins(made, status):
    [o] = obs(_entering_child(made), "2024-02-01", "blackburn.entering_care")
    assert (o.due, o.done, o.status) == (D("2024-01-08"), D(made), status)
    assert "08 Jan 2024" in o.why


def test_entering_care_decision_unknown_from_a_903_and_overdue_when_missing():
    [o] = obs(_entering_child(known=False), "2024-02-01", "blackburn.entering_care")
    assert (o.due, o.status) == (D("2024-01-08"), Status.UNKNOWN)
    assert "decisions" in o.reason
    [o] = obs(_entering_child(), "2024-02-01", "blackburn.entering_care")
    assert o.status is Status.OVERDUE


def test_entering_care_again_needs_its_own_decision():
    # Home on 1 Mar 2024, back in care on 6 May: the decision of 4 Jan was for the first
    # time in care; the return needs a Head of Service decision of its own.
    child = (
        ChildBuilder()
        .enters("2024-01-08", ls="V2")
        .leaves("2024-03-01")
        .enters("2024-05-06", ls="V2")
        .knows("decisions")
        .build()
    )
    child.recorded.decisions.append(
        Decision("entering_care", D("2024-01-04"), role="head_of_service")
    )
    first, again = obs(child, "2024-06-03", "blackburn.entering_care")
    assert (first.done, first.status) == (D("2024-01-04"), Status.MET)
    assert (again.due, again.done, again.status) == (D("2024-05-06"), None, Status.OVERDUE)


def test_entering_care_decided_below_head_of_service_does_not_count():
    child = _entering_child("2024-01-04", role="team_manager")
    [o] = obs(child, "2024-02-01", "blackburn.entering_care")
    assert o.status is not Status.MET


# --- blackburn.stability_meeting ----------------------------------------------------------
# 8, Stability and Unplanned Ending Meetings: "In the event of a placement ending
# unplanned or disrupting, an Unplanned Ending and Disruption Meeting should take
# place." ... "Unplanned Endings and Disruption meetings will be facilitated and chaired
# by Independent Reviewing Officers"


def _disrupted(reason="CREQB", known=False):
    b = ChildBuilder().enters("2024-01-08", place="U6").moves("2024-05-01", reason=reason)
    if known:
        b.knows("meetings")
    return b.build()


def test_unplanned_ending_alerts_for_a_disruption_meeting():
    [a] = alerts(_disrupted(), "2024-06-01", "blackburn.stability_meeting", PROFILE)
    assert "CREQB" in a.detail and "01 May 2024" in a.detail and "IRO" in a.detail


def test_unplanned_ending_with_its_disruption_meeting_held_raises_no_alert():
    child = _disrupted(known=True)
    child.recorded.meetings.append(Meeting("disruption", D("2024-05-10"), chair_role="iro"))
    assert alerts(child, "2024-06-01", "blackburn.stability_meeting", PROFILE) == []


def test_planned_move_raises_no_disruption_alert():
    assert alerts(_disrupted("CARPL"), "2024-06-01", "blackburn.stability_meeting", PROFILE) == []


# --- blackburn.reunification --------------------------------------------------------------
# 9, Plans of Reunification: "This care plan will need to be formally ratified at a CLA
# review by the IRO prior to the child or young person returning home."


def _home_child(ratified=None, known=True):
    b = ChildBuilder().enters("2024-01-08").leaves("2024-06-28", rec="E4A")
    if known:
        b.knows("decisions")
    child = b.build()
    if ratified:
        child.recorded.decisions.append(Decision("reunification_ratified", D(ratified), role="iro"))
    return child


def test_reunification_ratified_before_the_return_home():
    [o] = obs(_home_child("2024-06-20"), "2024-07-15", "blackburn.reunification")
    assert (o.due, o.done, o.status) == (D("2024-06-28"), D("2024-06-20"), Status.MET)
    assert "28 Jun 2024" in o.why


def test_reunification_not_ratified_is_overdue_and_unknown_from_a_903():
    [o] = obs(_home_child(), "2024-07-15", "blackburn.reunification")
    assert (o.due, o.status) == (D("2024-06-28"), Status.OVERDUE)
    [o] = obs(_home_child(known=False), "2024-07-15", "blackburn.reunification")
    assert (o.due, o.status) == (D("2024-06-28"), Status.UNKNOWN)


# --- blackburn.residential ----------------------------------------------------------------
# 4, Long Term Residential Care: "This option should be in exceptional circumstances, in
# line with the child's assessed needs and care plan and with Head of Service approval."


@pytest.mark.parametrize("approved, status", [("2024-03-01", Status.MET), (None, Status.OVERDUE)])
def test_long_term_residential_needs_head_of_service_approval(approved, status):
    child = ChildBuilder().enters("2023-09-04", place="K2").knows("plans", "decisions").build()
    child.recorded.plans.append(PermanencePlan(agreed=D("2024-03-01"), primary="residential"))
    if approved:
        child.recorded.decisions.append(
            Decision("residential_approved", D(approved), role="head_of_service")
        )
    [o] = obs(child, "2024-04-01", "blackburn.residential")
    assert (o.due, o.status) == (D("2024-03-01"), status)
