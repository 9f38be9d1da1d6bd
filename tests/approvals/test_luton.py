"""Luton approval checklists, from policies/003_28739d47153ebcd7.txt: the ADM's
ratification of the plan, and when each route to permanence counts as achieved."""

from permanence.approvals import checklists_for, luton_achieved
from permanence.domain.model import (
    AdoptionDecision,
    Assessment,
    CourtOrder,
    Decision,
    Meeting,
    PermanencePlan,
)
from tests.approvals.helpers import case_of, checklist, item, missing, tick
from tests.builders import ChildBuilder
from tests.builders import d as D

ADM = "luton.adm_ratification"
ACHIEVED = "luton.achieved"


def achieved(child, as_of):
    return luton_achieved(case_of(child, as_of, "luton"))


def plan(child, agreed, primary):
    child.recorded.plans.append(PermanencePlan(D(agreed), primary))


# --- luton.adm_ratification ----------------------------------------------------------


def test_the_adm_ratifies_within_2_months_of_the_2nd_review_once_plan_and_review_are_in():
    # "The Agency Decision maker (Service Director) will ratify the child's care plan for
    # permanence within 2 months of the child 2nd looked after Children review taking place."
    child = ChildBuilder("C1").enters("2024-01-08").reviews("2024-02-02", "2024-04-30").build()
    plan(child, "2024-04-15", "adoption")
    got = checklist(child, "2024-05-10", "luton", ADM)
    assert got.complete
    assert item(got, "second_review").done == D("2024-04-30")
    assert got.due == D("2024-06-30") and "held 30 Apr 2024" in got.due_why
    assert got.approver_roles == {"adm"} and got.approved is None
    child.recorded.decisions.append(Decision("adm_ratification", D("2024-06-03"), "adm"))
    assert checklist(child, "2024-06-10", "luton", ADM).approved == D("2024-06-03")


def test_two_months_from_31_december_is_29_february_in_a_leap_year():
    child = ChildBuilder("C1").enters("2023-09-04").reviews("2023-09-29", "2023-12-31").build()
    plan(child, "2023-12-01", "long_term_fostering")
    assert checklist(child, "2024-01-15", "luton", ADM).due == D("2024-02-29")


def test_before_the_2nd_review_the_checklist_shows_it_missing():
    child = ChildBuilder("C1").enters("2024-01-08").reviews("2024-02-02").build()
    plan(child, "2024-02-20", "adoption")
    got = checklist(child, "2024-03-01", "luton", ADM)
    assert missing(got) == {"second_review"}
    assert "Not held yet (due 02 May 2024)" in item(got, "second_review").evidence
    assert got.due is None


def test_no_checklist_in_the_first_weeks_of_care_with_no_plan():
    child = ChildBuilder("C1").enters("2024-01-08").build()
    assert checklist(child, "2024-01-20", "luton", ADM) is None


def test_re_entry_to_care_an_earlier_period_s_review_and_ratification_do_not_count():
    child = (
        ChildBuilder("C1")
        .enters("2022-01-10")
        .reviews("2022-02-01", "2022-05-01")
        .leaves("2022-09-01", rec="E4A")
        .enters("2024-01-08")
        .build()
    )
    child.recorded.decisions.append(Decision("adm_ratification", D("2022-06-01"), "adm"))
    plan(child, "2022-04-01", "home")
    got = checklist(child, "2024-03-01", "luton", ADM)
    assert missing(got) == {"plan", "second_review"}
    assert got.approved is None


def test_ratification_by_someone_other_than_the_adm_is_not_counted():
    child = ChildBuilder("C1").enters("2024-01-08").reviews("2024-02-02", "2024-04-30").build()
    plan(child, "2024-04-15", "adoption")
    child.recorded.decisions.append(
        Decision("adm_ratification", D("2024-05-02"), "head_of_service")
    )
    got = checklist(child, "2024-05-10", "luton", ADM)
    assert got.approved is None
    assert "by a head of service does not count" in got.not_counted[0]


# --- luton.achieved: adoption and fostering to adopt ---------------------------------


def adoption_child():
    child = (
        ChildBuilder("C2", dob="2022-05-01")
        .enters("2023-03-01", ls="C1")
        .legal("2024-02-01", ls="E1")
        .moves("2024-06-03", place="A6")
        .build()
    )
    plan(child, "2023-08-01", "adoption")
    return child


def test_adoption_placement_order_panel_match_and_adm_endorsement():
    # "The child will be subject to a Placement Order ... This match will have been presented
    # to the Adoption Panel and will have been endorsed by the Agency Decision Maker"
    child = adoption_child()
    got = achieved(child, "2024-07-01")
    assert got.route == "adoption" and got.id == ACHIEVED
    assert item(got, "placement_order").done == D("2024-02-01")
    assert missing(got) == {"adoption_panel", "adm"}
    child.recorded.meetings.append(Meeting("adoption_panel", D("2024-05-14")))
    child.recorded.decisions.append(Decision("adm_ratification", D("2024-05-20"), "adm"))
    got = achieved(child, "2024-07-01")
    assert got.complete and got.approved == D("2024-05-20")


def test_an_adm_decision_before_the_panel_is_not_its_endorsement():
    child = adoption_child()
    tick(child, ACHIEVED, "adoption_panel", "2024-05-14")
    child.recorded.decisions.append(Decision("adm_ratification", D("2024-05-10"), "adm"))
    got = achieved(child, "2024-07-01")
    assert item(got, "adoption_panel").ticked == D("2024-05-14")
    assert missing(got) == {"adm"}


def test_the_903_match_date_shows_the_adm_s_match_decision():
    child = adoption_child()
    child.adoption_decisions.append(AdoptionDecision(D("2023-09-01"), D("2024-05-20"), False))
    tick(child, ACHIEVED, "adoption_panel", "2024-05-14")
    got = achieved(child, "2024-07-01")
    assert got.complete and "DATE_MATCH" in item(got, "adm").evidence


def test_fostering_to_adopt_is_not_achieved_until_the_placement_order():
    # "Permanency is only achieved once a Placement Order has been made and the placement
    # has been presented to Panel and endorsed by the Agency Decision Maker, despite the
    # child having already been placed with their permanent carers."
    child = (
        ChildBuilder("C3", dob="2023-12-01")
        .enters("2024-01-08", ls="C1", place="U5")
        .legal("2024-07-01", ls="E1")
        .build()
    )
    plan(child, "2024-03-01", "adoption")
    tick(child, ACHIEVED, "adoption_panel", "2024-04-01")
    child.recorded.decisions.append(Decision("adm_ratification", D("2024-04-10"), "adm"))
    got = achieved(child, "2024-06-01")  # before the placement order of 1 Jul 2024
    assert got.route == "fostering_to_adopt"
    assert not got.complete and missing(got) == {"placement_order"}
    got = achieved(child, "2024-08-01")
    assert got.complete and item(got, "placement_order").done == D("2024-07-01")


# --- luton.achieved: permanent fostering and connected persons -----------------------


def fostering_child(dob="2016-01-01"):
    child = (
        ChildBuilder("C4", dob=dob)
        .enters("2024-01-10", ls="C2")
        .moves("2024-09-02", place="U4")
        .reviews("2024-02-05", "2024-05-01")
        .build()
    )
    plan(child, "2024-04-20", "long_term_fostering")
    return child


def test_permanent_fostering_under_13_review_recommendation_fostering_panel_and_adm():
    # "A 'Looked After Children's' review will have made a recommendation that the placement
    # should be made permanent. This will have subsequently been presented to the Fostering
    # Panel and endorsed by the Agency Decision Maker ... undertaken for all children under 13"
    child = fostering_child()
    got = achieved(child, "2025-01-06")
    assert got.route == "permanent_fostering"
    assert missing(got) == {"carers_commitment", "review_recommendation", "fostering_panel", "adm"}
    assert item(got, "legal_basis").done == D("2024-01-10")
    tick(child, ACHIEVED, "carers_commitment", "2024-09-10")
    tick(child, ACHIEVED, "review_recommendation", "2024-09-12")
    child.recorded.meetings.append(Meeting("fostering_panel", D("2024-10-01")))
    child.recorded.decisions.append(Decision("adm_ratification", D("2024-10-05"), "adm"))
    assert achieved(child, "2025-01-06").complete


def test_permanent_fostering_at_13_the_panel_is_optional_and_the_iro_recommends_to_the_adm():
    # "Those above 12 years can be presented to panel if it is considered to be of benefit
    # to the young person, or the IRO can make recommendation to the ADM directly."
    child = fostering_child(dob="2011-09-02")  # 13 on the day of the long-term placement
    got = achieved(child, "2025-01-06")
    assert "fostering_panel" not in {i.key for i in got.items}
    assert "aged 13" in got.applies_because
    tick(child, ACHIEVED, "carers_commitment", "2024-09-10")
    tick(child, ACHIEVED, "review_recommendation", "2024-09-12")
    child.recorded.decisions.append(Decision("adm_ratification", D("2024-09-20"), "adm"))
    got = achieved(child, "2025-01-06")
    assert got.complete and "after the review's recommendation" in item(got, "adm").text


def test_an_endorsement_not_made_by_the_adm_is_not_counted():
    child = fostering_child()
    child.recorded.meetings.append(Meeting("fostering_panel", D("2024-10-01")))
    child.recorded.decisions.append(
        Decision("adm_ratification", D("2024-10-05"), "head_of_service")
    )
    got = achieved(child, "2025-01-06")
    assert "adm" in missing(got) and got.approved is None
    assert "by a head of service does not count" in got.not_counted[0]


def test_connected_persons_assessed_fostering_panel_and_adm():
    # "The carers will have been assessed as Family and Friends (Connected Persons) Foster
    # Carers, which will have been presented to the Fostering Panel with the recommendation
    # being endorsed by the Agency Decision Maker."
    child = ChildBuilder("C5", dob="2015-01-01").enters("2024-01-08", place="U3").build()
    plan(child, "2024-04-01", "long_term_fostering")
    got = achieved(child, "2024-06-03")
    assert got.route == "connected_persons"
    assert missing(got) == {"assessed", "fostering_panel", "adm"}
    child.recorded.assessments.append(Assessment("connected_person", D("2024-04-20")))
    child.recorded.meetings.append(Meeting("fostering_panel", D("2024-05-10")))
    child.recorded.decisions.append(Decision("connected_person_approved", D("2024-05-15"), "adm"))
    assert achieved(child, "2024-06-03").complete


# --- luton.achieved: orders and returning home ---------------------------------------


def test_special_guardianship_is_achieved_when_the_order_is_made():
    # "Special Guardianship - This Order will be awarded by the court"
    child = ChildBuilder("C6").enters("2023-01-09").leaves("2024-03-01", rec="E45").build()
    plan(child, "2023-06-01", "sgo")
    before = achieved(child, "2024-02-01")
    assert before.route == "sgo" and not before.complete
    assert before.approver_roles == frozenset()
    after = achieved(child, "2024-04-01")
    assert after.complete and item(after, "outcome").done == D("2024-03-01")


def test_an_order_recorded_in_the_application_counts_before_the_903_shows_care_ending():
    child = ChildBuilder("C6").enters("2023-01-09").build()
    plan(child, "2023-06-01", "kinship_order")
    child.recorded.orders.append(CourtOrder("cao", D("2024-01-15")))
    got = achieved(child, "2024-02-01")
    assert got.route == "kinship_order" and got.complete


def test_child_arrangements_order_from_how_care_ended_even_without_a_plan():
    child = ChildBuilder("C7").enters("2023-01-09").leaves("2024-03-01", rec="E41").build()
    got = achieved(child, "2024-04-01")
    assert got.route == "cao" and got.complete


def test_returning_home_needs_no_order_and_is_achieved_on_the_return():
    # "Returning Home - Does not require a legal order"
    child = ChildBuilder("C8").enters("2023-01-09").build()
    plan(child, "2023-06-01", "home")
    got = achieved(child, "2024-02-01")
    assert got.route == "home" and not got.complete
    child = ChildBuilder("C8").enters("2023-01-09").leaves("2024-03-01", rec="E4A").build()
    plan(child, "2023-06-01", "home")
    assert achieved(child, "2024-04-01").complete


def test_no_route_for_residential_care_or_short_term_fostering_without_a_plan():
    child = ChildBuilder("C9").enters("2023-01-09", place="K2").build()
    plan(child, "2023-06-01", "residential")
    assert achieved(child, "2024-02-01") is None
    assert achieved(ChildBuilder("C10").enters("2023-01-09").build(), "2024-02-01") is None
    assert achieved(ChildBuilder("C11").build(), "2024-02-01") is None


def test_luton_lists_both_checklists():
    child = fostering_child()
    ids = [c.id for c in checklists_for("luton", case_of(child, "2025-01-06", "luton"))]
    assert ids == [ADM, ACHIEVED]
    assert ACHIEVED not in [c.id for c in checklists_for("bolton", case_of(child, "2025-01-06"))]
