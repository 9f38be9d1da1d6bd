"""Blackburn with Darwen approval checklists, from policies/002_7ce2db681111e704.txt.

Each test quotes what it checks. The children are synthetic.
"""

from permanence.approvals import checklists_for
from permanence.domain.model import Assessment, Decision, Meeting, PermanencePlan
from tests.approvals.helpers import case_of, checklist, item, missing, tick
from tests.builders import ChildBuilder
from tests.builders import d as D

LTM = "blackburn.long_term_match"
VIEWS = {"childs_views", "carers_views", "parents_views", "iro_ratified"}


def fostered(plan: str | None = "long_term_fostering", place: str = "U6"):
    """In care since 8 Jan 2024 in foster care; the plan agreed on 3 Jun 2024."""
    child = ChildBuilder("C1", dob="2014-05-01").enters("2024-01-08", place=place).build()
    if plan:
        child.recorded.plans.append(PermanencePlan(D("2024-06-03"), plan))
    return child


def ltm(child, as_of="2024-09-02", profile="blackburn"):
    return checklist(child, as_of, profile, LTM)


def all_in_place(child):
    rec = child.recorded
    rec.assessments.append(Assessment("child_and_family", D("2024-07-15")))
    rec.meetings.append(Meeting("care_planning", D("2024-07-22"), "team_manager"))
    rec.decisions.append(Decision("staying_put_discussed", D("2024-08-01"), "social_worker"))
    for key in VIEWS:
        tick(child, LTM, key, "2024-08-05")


# --- blackburn.long_term_match -------------------------------------------------------


def test_long_term_match_applies_to_a_fostered_child_whose_plan_is_long_term_fostering():
    # "Where the permanence plan for the child is long-term foster care ... The above plans
    # of permanence should be approved via Head of Service through a 'long-term matching panel'"
    got = ltm(fostered())
    assert got is not None
    assert "long-term fostering" in got.applies_because
    assert got.approver_roles == {"head_of_service", "assistant_director", "director"}
    assert got.decision_kind == "long_term_match"
    assert [i.key for i in got.items] == [
        "cf_assessment",
        "childs_views",
        "carers_views",
        "parents_views",
        "multi_agency_views",
        "iro_ratified",
        "staying_put",
    ]
    assert got.missing == got.items and got.approved is None


def test_long_term_match_applies_to_a_long_term_foster_placement_without_a_plan():
    got = ltm(fostered(plan=None, place="U4"))
    assert got is not None and "U4" in got.applies_because


def test_long_term_match_does_not_apply_to_short_term_fostering_another_plan_or_residential():
    assert ltm(fostered(plan=None)) is None
    assert ltm(fostered(plan="adoption")) is None
    # Not in foster care: a residential home is not long-term matched through this panel.
    assert ltm(fostered(place="K2")) is None


def test_long_term_match_is_a_blackburn_checklist_only():
    child = fostered()
    assert ltm(child, profile="bradford") is None
    assert ltm(child, profile="national") is None


def test_items_are_in_place_from_records_and_ticks():
    child = fostered()
    all_in_place(child)
    got = ltm(child)
    assert got.complete
    assert item(got, "cf_assessment").done == D("2024-07-15")
    assert (
        "child and family assessment completed 15 Jul 2024" in item(got, "cf_assessment").evidence
    )
    # The multi-agency care planning meeting shows the professionals' views.
    assert item(got, "multi_agency_views").done == D("2024-07-22")
    assert item(got, "multi_agency_views").ticked is None
    # "preliminary discussions about this option should be held with the foster carers
    # before ratifying a foster care home as permanent, regardless of the age of the child"
    assert item(got, "staying_put").done == D("2024-08-01")
    for key in VIEWS:
        assert item(got, key).ticked == D("2024-08-05") and item(got, key).tickable
    assert not item(got, "cf_assessment").tickable and not item(got, "staying_put").tickable


def test_what_is_missing_is_named():
    child = fostered()
    tick(child, LTM, "childs_views", "2024-07-01")
    got = ltm(child)
    assert missing(got) == {
        "cf_assessment",
        "carers_views",
        "parents_views",
        "multi_agency_views",
        "iro_ratified",
        "staying_put",
    }
    assert got.in_place == 1 and len(got.items) == 7


def test_assessment_and_views_from_before_the_child_moved_into_this_home_do_not_count():
    # "Child & Family assessment completed, which considers how each child or young
    # person's home is meeting their needs": the home they live in now.
    child = ChildBuilder("C1", dob="2014-05-01").enters("2024-01-08").moves("2024-05-01").build()
    child.recorded.plans.append(PermanencePlan(D("2024-06-03"), "long_term_fostering"))
    child.recorded.assessments.append(Assessment("child_and_family", D("2024-04-20")))
    tick(child, LTM, "carers_views", "2024-04-25")
    got = ltm(child)
    assert {"cf_assessment", "carers_views"} <= missing(got)


def test_a_tick_dated_after_the_as_of_date_does_not_count_yet():
    child = fostered()
    tick(child, LTM, "parents_views", "2024-09-03")
    assert "parents_views" in missing(ltm(child, "2024-09-02"))
    assert "parents_views" not in missing(ltm(child, "2024-09-03"))


def test_approval_by_a_team_manager_is_not_counted_and_says_who_may_approve():
    child = fostered()
    all_in_place(child)
    child.recorded.decisions.append(Decision("long_term_match", D("2024-08-20"), "team_manager"))
    got = ltm(child)
    assert got.approved is None
    assert len(got.not_counted) == 1
    assert "20 Aug 2024 by a team manager does not count" in got.not_counted[0]
    assert "Head of Service or above" in got.not_counted[0]


def test_approval_by_the_head_of_service_or_above_counts():
    child = fostered()
    all_in_place(child)
    child.recorded.decisions.append(Decision("long_term_match", D("2024-08-20"), "Head of Service"))
    got = ltm(child)
    assert got.approved == D("2024-08-20") and got.not_counted == ()
    child.recorded.decisions[-1] = Decision("long_term_match", D("2024-08-20"), "director")
    assert ltm(child).approved == D("2024-08-20")
    # A refusal is not an approval.
    child.recorded.decisions[-1] = Decision(
        "long_term_match", D("2024-08-20"), "head_of_service", "not_approved"
    )
    assert ltm(child).approved is None


def test_re_entry_to_care_nothing_from_the_earlier_period_counts():
    # A match, ticks and an assessment from the first period of care are about a home the
    # child has left: on coming back into care, the checklist starts again.
    child = (
        ChildBuilder("C1", dob="2014-05-01")
        .enters("2021-03-01", place="U4")
        .leaves("2022-09-01", rec="E4A")
        .enters("2024-01-08", place="U6")
        .build()
    )
    child.recorded.plans.append(PermanencePlan(D("2024-06-03"), "long_term_fostering"))
    child.recorded.assessments.append(Assessment("child_and_family", D("2022-05-10")))
    child.recorded.decisions.append(Decision("long_term_match", D("2022-06-01"), "head_of_service"))
    child.recorded.decisions.append(Decision("staying_put_discussed", D("2022-05-20")))
    for key in VIEWS:
        tick(child, LTM, key, "2022-05-15")
    got = ltm(child)
    assert got.approved is None
    assert missing(got) == {i.key for i in got.items}


# --- blackburn.residential -----------------------------------------------------------


def residential():
    child = ChildBuilder("C2", dob="2011-02-01").enters("2024-01-08", place="K2").build()
    child.recorded.plans.append(PermanencePlan(D("2024-06-03"), "residential"))
    return child


def test_residential_needs_head_of_service_approval_with_the_assessed_needs_and_plan():
    # "This option should be in exceptional circumstances, in line with the child's assessed
    # needs and care plan and with Head of Service approval."
    child = residential()
    got = checklist(child, "2024-09-02", "blackburn", "blackburn.residential")
    assert got.decision_kind == "residential_approved"
    assert item(got, "care_plan").done == D("2024-06-03")
    assert missing(got) == {"assessed_needs", "exceptional"}
    child.recorded.assessments.append(Assessment("child_and_family", D("2024-05-01")))
    tick(child, "blackburn.residential", "exceptional", "2024-06-01")
    child.recorded.decisions.append(
        Decision("residential_approved", D("2024-06-10"), "team_manager")
    )
    got = checklist(child, "2024-09-02", "blackburn", "blackburn.residential")
    assert got.complete and got.approved is None and got.not_counted
    child.recorded.decisions.append(
        Decision("residential_approved", D("2024-06-12"), "head_of_service")
    )
    assert checklist(child, "2024-09-02", "blackburn", "blackburn.residential").approved == D(
        "2024-06-12"
    )


def test_residential_approval_a_month_before_the_plan_counts_as_the_rule_does():
    # rules.common.PlanApproval: an approval up to 31 days before the plan counts.
    child = residential()
    child.recorded.decisions.append(
        Decision("residential_approved", D("2024-05-03"), "head_of_service")
    )
    assert checklist(child, "2024-09-02", "blackburn", "blackburn.residential").approved == D(
        "2024-05-03"
    )
    child.recorded.decisions[-1] = Decision(
        "residential_approved", D("2024-05-02"), "head_of_service"
    )
    assert checklist(child, "2024-09-02", "blackburn", "blackburn.residential").approved is None


def test_residential_does_not_apply_without_a_residential_plan():
    child = residential()
    child.recorded.plans[0] = PermanencePlan(D("2024-06-03"), "long_term_fostering")
    assert checklist(child, "2024-09-02", "blackburn", "blackburn.residential") is None


# --- blackburn.reunification ---------------------------------------------------------

REU = "blackburn.reunification"


def going_home(returned: str | None = None):
    child = ChildBuilder("C3", dob="2016-02-01").enters("2024-01-08")
    child = (child.leaves(returned, rec="E4A") if returned else child).build()
    child.recorded.plans.append(PermanencePlan(D("2024-04-02"), "home"))
    return child


def test_reunification_prerequisites_and_the_iro_ratifies_it_at_a_review():
    # "For any care plan of reunification an up to date assessment is required ... a care
    # planning meeting will be held and chaired by the Head of Service for Corporate
    # Parenting and Permanence ... formally ratified at a CLA review by the IRO prior to
    # the child or young person returning home."
    child = going_home()
    got = checklist(child, "2024-06-03", "blackburn", REU)
    assert got.approver_roles == {"iro"} and got.decision_kind == "reunification_ratified"
    assert missing(got) == {"assessment", "care_planning_meeting"}
    child.recorded.assessments.append(Assessment("parenting", D("2024-04-20")))
    child.recorded.meetings.append(Meeting("care_planning", D("2024-05-01"), "team_manager"))
    got = checklist(child, "2024-06-03", "blackburn", REU)
    assert missing(got) == {"care_planning_meeting"}
    assert "chaired by a team manager" in item(got, "care_planning_meeting").evidence
    child.recorded.meetings.append(Meeting("care_planning", D("2024-05-13"), "head_of_service"))
    child.recorded.decisions.append(Decision("reunification_ratified", D("2024-05-20"), "iro"))
    got = checklist(child, "2024-06-03", "blackburn", REU)
    assert got.complete and got.approved == D("2024-05-20")


def test_reunification_ratified_after_the_return_home_does_not_count():
    child = going_home(returned="2024-06-01")
    child.recorded.decisions.append(Decision("reunification_ratified", D("2024-06-05"), "iro"))
    got = checklist(child, "2024-07-01", "blackburn", REU)
    assert "Returned home as planned" in got.applies_because
    assert got.approved is None
    assert any("after the child returned home on 01 Jun 2024" in n for n in got.not_counted)


def test_reunification_ratified_by_someone_other_than_the_iro_does_not_count():
    child = going_home()
    child.recorded.decisions.append(
        Decision("reunification_ratified", D("2024-05-20"), "head_of_service")
    )
    got = checklist(child, "2024-06-03", "blackburn", REU)
    assert got.approved is None and "does not count" in got.not_counted[0]


def test_blackburn_lists_only_the_checklists_that_apply():
    child = fostered()
    ids = [c.id for c in checklists_for("blackburn", case_of(child, "2024-09-02", "blackburn"))]
    assert ids == [LTM]
