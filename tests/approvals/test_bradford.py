"""Bradford: when a foster placement counts as long-term foster care, from
policies/004_b99bb409667e0dca.txt, "Long Term Foster Care"."""

from permanence.domain.model import PermanencePlan
from tests.approvals.helpers import checklist, item, missing, tick
from tests.builders import ChildBuilder
from tests.builders import d as D

LTF = "bradford.ltf_definition"
TICKED = ("carer_agreed", "confirmed_to_carer", "confirmed_to_child", "confirmed_to_parents")


def fostered(place="U6", plan="long_term_fostering"):
    child = ChildBuilder("C1", dob="2012-04-01").enters("2024-01-08", place=place).build()
    if plan:
        child.recorded.plans.append(PermanencePlan(D("2024-04-15"), plan))
    return child


def ltf(child, as_of="2024-09-02"):
    return checklist(child, as_of, "bradford", LTF)


def test_the_three_conditions_of_the_definition():
    # "The child's plan for permanence is foster care; The foster carer has agreed to look
    # after the child until they cease to be in care; and The child's responsible authority
    # has confirmed the arrangement to the foster carer, the child, and their birth parents."
    child = fostered()
    got = ltf(child)
    assert item(got, "plan_is_foster_care").done == D("2024-04-15")
    assert missing(got) == set(TICKED)
    for key in TICKED[:-1]:
        tick(child, LTF, key, "2024-05-01")
    got = ltf(child)
    assert not got.complete and missing(got) == {"confirmed_to_parents"}
    tick(child, LTF, "confirmed_to_parents", "2024-05-02")
    assert ltf(child).complete


def test_it_is_a_definition_nobody_approves():
    got = ltf(fostered())
    assert got.approver_roles == frozenset() and got.decision_kind == ""
    assert not got.needs_approval


def test_a_long_term_placement_without_a_foster_care_plan_is_not_yet_long_term_foster_care():
    child = fostered(place="U4", plan=None)
    for key in TICKED:
        tick(child, LTF, key, "2024-05-01")
    got = ltf(child)
    assert not got.complete and missing(got) == {"plan_is_foster_care"}


def test_ticks_from_an_earlier_home_do_not_count_after_a_move():
    child = ChildBuilder("C1", dob="2012-04-01").enters("2024-01-08").moves("2024-06-01").build()
    child.recorded.plans.append(PermanencePlan(D("2024-04-15"), "long_term_fostering"))
    tick(child, LTF, "carer_agreed", "2024-05-01")
    assert "carer_agreed" in missing(ltf(child))
    tick(child, LTF, "carer_agreed", "2024-06-03")
    assert "carer_agreed" not in missing(ltf(child))


def test_does_not_apply_outside_foster_care_or_without_a_long_term_route():
    assert ltf(fostered(plan="adoption")) is None
    assert ltf(fostered(place="K2")) is None
    assert checklist(fostered(), "2024-09-02", "blackburn", LTF) is None
