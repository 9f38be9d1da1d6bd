"""Bolton approval checklists, from policies/000_4cd377d27a90ef23.txt (Appendix A and B)."""

from permanence.domain.model import Assessment, Decision, Meeting, PermanencePlan
from tests.approvals.helpers import checklist, item, missing
from tests.builders import ChildBuilder
from tests.builders import d as D

UNDER_5 = "bolton.ltf_under_5"
RESIDENTIAL = "bolton.residential_endorsed"


def placed_long_term(on: str, dob: str = "2019-07-10"):
    """In short-term foster care from 8 Jan 2024, then long-term foster care from `on`."""
    return ChildBuilder("C1", dob=dob).enters("2024-01-08").moves(on, place="U4").build()


def under_5(child, as_of="2024-08-01"):
    return checklist(child, as_of, "bolton", UNDER_5)


# --- bolton.ltf_under_5 --------------------------------------------------------------


def test_long_term_fostering_for_a_child_of_four_needs_head_of_service_approval():
    # Appendix B: "Long Term Fostering (needs Head of Service approval if child is under five)"
    got = under_5(placed_long_term("2024-07-09"))
    assert got is not None
    assert "aged 4" in got.applies_because
    assert got.approver_roles == {"head_of_service", "assistant_director", "director"}
    assert got.approved is None
    # No plan recorded: the placement shows the route, the plan is still to record.
    assert missing(got) == {"plan"}


def test_a_child_who_turns_five_on_the_day_of_the_placement_needs_no_approval():
    # 10 Jul 2019 + 5 years = 10 Jul 2024: five on the day they are placed long term.
    assert under_5(placed_long_term("2024-07-10")) is None


def test_a_child_born_on_29_february_is_under_five_until_1_march():
    # Born 29 Feb 2020: in 2025 there is no 29 February; the fifth birthday is 1 Mar 2025.
    child = placed_long_term("2025-02-28", dob="2020-02-29")
    assert under_5(child, "2025-04-01") is not None
    child = placed_long_term("2025-03-01", dob="2020-02-29")
    assert under_5(child, "2025-04-01") is None


def test_a_long_term_fostering_plan_for_a_child_under_five_needs_it_before_the_placement():
    # "before the long-term placement is confirmed": the plan shows it is coming.
    child = ChildBuilder("C1", dob="2020-03-01").enters("2024-01-08").build()
    child.recorded.plans.append(PermanencePlan(D("2024-05-01"), "long_term_fostering"))
    got = under_5(child, "2024-08-01")
    assert got is not None and got.complete
    assert item(got, "plan").done == D("2024-05-01")
    # On the fifth birthday, still not placed long term: no longer under five.
    assert under_5(child, "2025-03-01") is None


def test_approval_by_a_team_manager_does_not_count_by_a_head_of_service_does():
    child = placed_long_term("2024-07-09")
    child.recorded.plans.append(PermanencePlan(D("2024-06-01"), "long_term_fostering"))
    child.recorded.decisions.append(Decision("ltf_under_5", D("2024-07-01"), "team_manager"))
    got = under_5(child)
    assert got.complete and got.approved is None
    assert "by a team manager does not count" in got.not_counted[0]
    child.recorded.decisions.append(Decision("ltf_under_5", D("2024-07-02"), "head_of_service"))
    assert under_5(child).approved == D("2024-07-02")


def test_ltf_under_5_is_bolton_s_only():
    assert checklist(placed_long_term("2024-07-09"), "2024-08-01", "blackburn", UNDER_5) is None


# --- bolton.residential_endorsed -----------------------------------------------------


def residential():
    child = ChildBuilder("C2", dob="2010-01-01").enters("2024-01-08", place="K2").build()
    child.recorded.plans.append(PermanencePlan(D("2024-05-01"), "residential"))
    return child


def test_residential_plan_endorsed_by_the_assistant_director_at_the_panel():
    # Appendix A: "Childs case to be reviewed by Gateway and Permanence Panel. C&F required
    # to determine if residential is the long-term permanence plan for the child - to be
    # endorsed by AD at Gateway and Permanence Panel"
    child = residential()
    got = checklist(child, "2024-08-01", "bolton", RESIDENTIAL)
    assert missing(got) == {"cf_assessment", "panel"}
    assert got.approver_roles == {"assistant_director", "director"}
    child.recorded.assessments.append(Assessment("child_and_family", D("2024-04-10")))
    child.recorded.meetings.append(Meeting("permanence_panel", D("2024-05-07")))
    child.recorded.decisions.append(
        Decision("residential_endorsed", D("2024-05-07"), "head_of_service")
    )
    got = checklist(child, "2024-08-01", "bolton", RESIDENTIAL)
    assert got.complete and got.approved is None
    assert "by a head of service does not count" in got.not_counted[0]
    child.recorded.decisions.append(
        Decision("residential_endorsed", D("2024-05-07"), "assistant_director")
    )
    assert checklist(child, "2024-08-01", "bolton", RESIDENTIAL).approved == D("2024-05-07")


def test_residential_placement_without_a_residential_plan_has_no_endorsement_checklist():
    child = residential()
    child.recorded.plans.clear()
    assert checklist(child, "2024-08-01", "bolton", RESIDENTIAL) is None
