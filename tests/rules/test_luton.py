"""Luton Council: Permanence Planning Guidance, policies/003_28739d47153ebcd7.txt.

Each test quotes the sentence of the policy it checks. Expected dates are worked by hand
from the policy and the calendar (GOV.UK England and Wales bank holidays); the
arithmetic is written beside them. N weeks is N x 7 days; N months clamps to the month's
last day: 31 Dec + 2 months = 28 Feb (POLICY-RULES.md, Conventions).
"""

import pytest

from permanence.domain.model import Decision, Meeting
from permanence.rules.engine import Status
from tests.builders import NATIONAL, ChildBuilder, check_profile_holds, obligations, run, triples
from tests.builders import d as D

PROFILE = "luton"
PPM = "luton.ppm"
ADM = "luton.adm_ratification"
PANEL = "luton.fostering_panel"


# POLICY-RULES.md, "Council rules", Luton.
LUTON = {
    "luton.ppm",
    "luton.tracking_meeting",
    "luton.adm_ratification",
    "luton.fostering_panel",
    "luton.achieved",
    "luton.parallel_plans",
}


def obs(child, as_of, rule):
    return obligations(child, as_of, rule, PROFILE)


def test_profile_holds_the_national_rules_and_luton_s_own_and_no_other_council_s():
    p = check_profile_holds(PROFILE, LUTON)
    assert NATIONAL | {PPM, ADM, PANEL} <= set(p.rule_ids)


# --- luton.ppm -----------------------------------------------------------------------------
# "There is an expectation that a child's case is considered at a Permanency Planning
# Meeting within 4 weeks of them entering Local Authority Care and then reviewed at 4
# weekly intervals (unless otherwise required by care plan for the child and court
# timescale) until such time as the child's permanent placement is secured."
#
# Care starts Tue 2 Jan 2024. First meeting within 28 days: 30 Jan 2024. Held Mon 29 Jan:
# next 28 days on, Mon 26 Feb 2024. Held Fri 1 Mar (late): next 28 days on, Fri 29 Mar
# 2024 (Good Friday; weeks are calendar days).


def _ppm_child(*meetings, move=None, known=True):
    b = ChildBuilder().enters("2024-01-02", ls="C1", place="U6")
    if move:
        b.moves(move[0], place=move[1])
    if known:
        b.knows("meetings")
    child = b.build()
    child.recorded.meetings.extend(Meeting("permanence_planning", D(x)) for x in meetings)
    return child


@pytest.mark.parametrize(
    "as_of, status", [("2024-03-29", Status.UPCOMING), ("2024-04-02", Status.OVERDUE)]
)
def test_ppm_within_four_weeks_then_four_weekly(as_of, status):
    got = obs(_ppm_child("2024-01-29", "2024-03-01"), as_of, PPM)
    assert triples(got) == [
        (D("2024-01-30"), D("2024-01-29"), Status.MET),
        (D("2024-02-26"), D("2024-03-01"), Status.MET_LATE),
        (D("2024-03-29"), None, status),
    ]
    assert "4 weeks after entering care on 02 Jan 2024" in got[0].why
    assert "01 Mar 2024" in got[2].why


@pytest.mark.parametrize("place", ["U4", "U1", "A3"])
def test_ppm_stops_once_a_long_term_or_adoptive_placement_starts(place):
    # Placed long term (U1/U4) or for adoption (A3) on 20 Mar 2024: the meeting that would
    # be due 29 Mar is not asked for.
    child = _ppm_child("2024-01-29", "2024-03-01", move=("2024-03-20", place))
    assert triples(obs(child, "2024-04-02", PPM)) == [
        (D("2024-01-30"), D("2024-01-29"), Status.MET),
        (D("2024-02-26"), D("2024-03-01"), Status.MET_LATE),
    ]


def test_ppm_continues_in_a_fostering_for_adoption_placement():
    # "Fostering to Adopt/Concurrency ... Permanency is only achieved once a Placement
    # Order has been made and the placement has been presented to Panel and endorsed by
    # the Agency Decision Maker, despite the child having already been placed with their
    # permanent carers." A foster-for-adoption placement (U5) does not stop the meetings.
    child = _ppm_child("2024-01-29", "2024-03-01", move=("2024-03-20", "U5"))
    got = obs(child, "2024-04-02", PPM)
    assert triples(got)[-1] == (D("2024-03-29"), None, Status.OVERDUE)


def test_ppm_from_a_903_gives_the_first_meeting_as_unknown():
    got = obs(_ppm_child(known=False), "2024-04-02", PPM)
    assert [(o.due, o.status) for o in got] == [(D("2024-01-30"), Status.UNKNOWN)]
    assert "meetings" in got[0].reason and "SSDA903" in got[0].reason


def test_ppm_next_meeting_is_shown_after_one_held_early():
    # Held 29 Jan, a day before it was due (30 Jan). On 29 Jan the next is due 26 Feb.
    got = obs(_ppm_child("2024-01-29"), "2024-01-29", PPM)
    assert triples(got) == [
        (D("2024-01-30"), D("2024-01-29"), Status.MET),
        (D("2024-02-26"), None, Status.UPCOMING),
    ]


def test_ppm_a_new_period_of_care_starts_a_new_chain():
    # Home 1 Mar 2024, back in care Mon 3 Jun 2024: first meeting 3 Jun + 28 days =
    # Mon 1 Jul 2024. The meetings of the first period do not count.
    child = (
        ChildBuilder()
        .enters("2024-01-02")
        .leaves("2024-03-01", rec="E4A")
        .enters("2024-06-03")
        .knows("meetings")
        .build()
    )
    child.recorded.meetings.append(Meeting("permanence_planning", D("2024-01-29")))
    got = obs(child, "2024-07-02", PPM)
    assert [(o.period_start, o.due, o.done, o.status) for o in got] == [
        (D("2024-06-03"), D("2024-07-01"), None, Status.OVERDUE)
    ]


def test_short_breaks_give_no_luton_obligations():
    child = (
        ChildBuilder()
        .enters("2024-01-02", ls="V3", place="R1")
        .leaves("2024-01-05", rec="E13")
        .enters("2024-02-05", ls="V4", place="R1")
        .knows("meetings", "decisions")
        .build()
    )
    result = run(child, "2024-09-01", PROFILE)
    assert result.obligations == [] and result.alerts == []


# --- luton.adm_ratification ----------------------------------------------------------------
# "The Agency Decision maker (Service Director) will ratify the child's care plan for
# permanence within 2 months of the child 2nd looked after Children review taking place."
#
# Care starts Tue 1 Oct 2024. First review, 20 working days (no bank holidays in
# October): 2-4 Oct (3), 7-11 (8), 14-18 (13), 21-25 (18), 28 (19), Tue 29 Oct (20) ->
# 29 Oct 2024, held. Second review due 29 Jan 2025, held early on Tue 31 Dec 2024.
# Ratification: 31 Dec 2024 + 2 months; 31 Feb 2025 does not exist -> Fri 28 Feb 2025.


def _adm_child(*second, ratified=None, known=True):
    b = ChildBuilder().enters("2024-10-01").reviews("2024-10-29", *second)
    if known:
        b.knows("decisions")
    child = b.build()
    if ratified:
        child.recorded.decisions.append(Decision("adm_ratification", D(ratified), role="adm"))
    return child


@pytest.mark.parametrize(
    "ratified, status", [("2025-02-28", Status.MET), ("2025-03-03", Status.MET_LATE)]
)
def test_adm_ratifies_within_two_months_of_a_second_review_on_31_december(ratified, status):
    child = _adm_child("2024-12-31", ratified=ratified)
    [o] = obs(child, "2025-03-15", ADM)
    assert (o.due, o.done, o.status) == (D("2025-02-28"), D(ratified), status)
    assert "second review" in o.why and "31 Dec 2024" in o.why


@pytest.mark.parametrize(
    "as_of, status", [("2025-02-28", Status.UPCOMING), ("2025-03-01", Status.OVERDUE)]
)
def test_adm_not_yet_ratified_either_side_of_28_february(as_of, status):
    [o] = obs(_adm_child("2024-12-31"), as_of, ADM)
    assert (o.due, o.done, o.status) == (D("2025-02-28"), None, status)


def test_adm_ratification_unknown_from_a_903():
    [o] = obs(_adm_child("2024-12-31", known=False), "2025-03-15", ADM)
    assert (o.due, o.status) == (D("2025-02-28"), Status.UNKNOWN)
    assert "decisions" in o.reason and "SSDA903" in o.reason


def test_adm_second_review_missed_runs_from_its_due_date():
    # Second review due 29 Jan 2025 and not held: ratification by 29 Mar 2025.
    [o] = obs(_adm_child(), "2025-02-03", ADM)
    assert (o.due, o.status) == (D("2025-03-29"), Status.UPCOMING)
    assert "not held" in o.why and "29 Jan 2025" in o.why


def test_adm_not_asked_before_the_second_review_is_due():
    # On 20 Jan 2025 the second review (due 29 Jan) has not yet happened.
    assert obs(_adm_child(), "2025-01-20", ADM) == []


def test_adm_not_applicable_when_care_ended_before_it_was_due():
    # Second review 31 Dec 2024, home 31 Jan 2025, before the ratification was due.
    child = (
        ChildBuilder()
        .enters("2024-10-01")
        .reviews("2024-10-29", "2024-12-31")
        .leaves("2025-01-31", rec="E4A")
        .knows("decisions")
        .build()
    )
    [o] = obs(child, "2025-04-01", ADM)
    assert (o.due, o.status) == (D("2025-02-28"), Status.NOT_APPLICABLE)
    assert "31 Jan 2025" in o.reason


def test_adm_a_second_period_of_care_needs_its_own_ratification():
    # Period 1: care 1 Oct 2024, reviews 29 Oct and 31 Dec 2024, ratified 10 Feb 2025,
    # home 31 Mar 2025. Period 2: care Mon 2 Jun 2025; first review 20 working days:
    # 3-6 Jun (4), 9-13 (9), 16-20 (14), 23-27 (19), Mon 30 Jun (20) -> 30 Jun 2025, held;
    # second held 30 Sep 2025; ratification by 30 Nov 2025. The February one was for the
    # first period.
    child = (
        ChildBuilder()
        .enters("2024-10-01")
        .reviews("2024-10-29", "2024-12-31")
        .leaves("2025-03-31", rec="E4A")
        .enters("2025-06-02")
        .reviews("2025-06-30", "2025-09-30")
        .knows("decisions")
        .build()
    )
    child.recorded.decisions.append(Decision("adm_ratification", D("2025-02-10"), role="adm"))
    got = obs(child, "2025-12-01", ADM)
    assert [(o.period_start, o.due, o.done, o.status) for o in got] == [
        (D("2024-10-01"), D("2025-02-28"), D("2025-02-10"), Status.MET),
        (D("2025-06-02"), D("2025-11-30"), None, Status.OVERDUE),
    ]


# --- luton.fostering_panel ------------------------------------------------------------------
# Permanent Fostering: "Whilst presenting to panel is not a statutory requirement, it is
# considered good practice and should be undertaken for all children under 13 years
# unless there are specific reasons as to why this is not appropriate for the child."
#
# In foster care from Mon 8 Jan 2024; moved to a long-term foster placement (U4) on
# Tue 19 Mar 2024.


def _panel_child(dob, *panels, known=True):
    b = ChildBuilder(dob=dob).enters("2024-01-08", place="U6").moves("2024-03-19", place="U4")
    if known:
        b.knows("meetings")
    child = b.build()
    child.recorded.meetings.extend(Meeting("fostering_panel", D(x)) for x in panels)
    return child


@pytest.mark.parametrize(
    "panel, status",
    [("2024-03-14", Status.MET), ("2024-04-10", Status.MET_LATE), (None, Status.OVERDUE)],
)
def test_fostering_panel_for_a_child_of_12(panel, status):
    # Born 20 Mar 2011: 12 on 19 Mar 2024 (13 the next day).
    child = _panel_child("2011-03-20", *([panel] if panel else []))
    [o] = obs(child, "2024-05-01", PANEL)
    assert (o.due, o.done, o.status) == (D("2024-03-19"), D(panel) if panel else None, status)
    assert "age 12" in o.why and "19 Mar 2024" in o.why


def test_fostering_panel_not_required_from_the_thirteenth_birthday():
    # Born 19 Mar 2011: 13 on the day of the long-term placement.
    assert obs(_panel_child("2011-03-19"), "2024-05-01", PANEL) == []


def test_fostering_panel_unknown_from_a_903():
    [o] = obs(_panel_child("2015-06-15", known=False), "2024-05-01", PANEL)
    assert (o.due, o.status) == (D("2024-03-19"), Status.UNKNOWN)
    assert "meetings" in o.reason
