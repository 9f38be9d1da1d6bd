"""The councils' options guidance for one child, checked against the policy text: the right
age band and kinship column (Bolton Appendix B), where the plan sits in Halton's order,
Luton's advantages and disadvantages, Bradford's Appendix 1, Blackburn with Darwen's
reduced reviews."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from permanence.domain.model import Assessment, Decision, PermanencePlan
from permanence.guidance import bolton, bradford, guidance_for, halton, luton
from permanence.profiles import UnknownProfile
from permanence.rules import ELSEWHERE, GUIDANCE
from permanence.rules.engine import Case
from permanence.workingdays import ENGLAND_AND_WALES
from tests.builders import ChildBuilder, d

POLICY_FILES = {
    "bolton": "000_4cd377d27a90ef23.txt",
    "halton": "001_0c08b7872b73c330.txt",
    "blackburn": "002_7ce2db681111e704.txt",
    "luton": "003_28739d47153ebcd7.txt",
    "bradford": "004_b99bb409667e0dca.txt",
}


def case(child, as_of) -> Case:
    return Case(child, d(as_of), ENGLAND_AND_WALES)


def section(profile, child, as_of, rule, **kw):
    found = [s for s in guidance_for(profile, case(child, as_of), **kw) if s.rule == rule]
    return found[0] if found else None


def with_plan(builder: ChildBuilder, primary, contingency="", agreed="2024-03-01"):
    child = builder.build()
    child.recorded.plans.append(PermanencePlan(d(agreed), primary, contingency))
    return child


def squash(text: str) -> str:
    """Letters and digits only: the policies' line breaks split words and lose hyphens."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def texts(s) -> list[str]:
    out = [s.quote, *s.notes]
    for g in s.groups:
        for part in (g, *g.parts):
            out.extend(e.text for e in part.entries)
    return [t for t in out if t]


# Bolton Appendix B: the age band, birthday on the day.

BORN = "2015-03-01"


@pytest.mark.parametrize(
    ("as_of", "age", "band"),
    [
        ("2022-02-28", 6, "under_7"),  # the day before the 7th birthday
        ("2022-03-01", 7, "7_to_10"),  # the 7th birthday
        ("2026-02-28", 10, "7_to_10"),
        ("2026-03-01", 11, "11_to_15"),
        ("2031-02-28", 15, "11_to_15"),
        ("2031-03-01", 16, "16_plus"),
    ],
)
def test_bolton_marks_the_childs_age_band_from_the_birthday(as_of, age, band):
    child = ChildBuilder("C1", dob=BORN).enters("2021-06-01", place="U6").build()
    s = section("bolton", child, as_of, "bolton.options_by_age")
    marked = [g for g in s.groups if g.current]
    assert [g.key for g in marked] == [band]
    assert marked[0].mark == f"The child's age band (age {age})"
    assert f"Age {age} on" in s.summary
    assert [g.key for g in s.groups] == ["under_7", "7_to_10", "11_to_15", "16_plus"]


def test_a_leap_day_birthday_moves_band_on_1_march():
    child = ChildBuilder("C1", dob="2016-02-29").enters("2021-06-01").build()
    before = section("bolton", child, "2023-02-28", "bolton.options_by_age")
    on = section("bolton", child, "2023-03-01", "bolton.options_by_age")
    assert [g.key for g in before.groups if g.current] == ["under_7"]
    assert [g.key for g in on.groups if g.current] == ["7_to_10"]


def test_without_a_date_of_birth_no_band_is_marked():
    child = ChildBuilder("C1", dob=None).enters("2021-06-01").build()
    s = section("bolton", child, "2024-01-01", "bolton.options_by_age")
    assert not s.marked and "Date of birth not known" in s.summary


def test_bolton_bands_hold_the_options_of_appendix_b():
    child = ChildBuilder("C1", dob="2019-05-10").enters("2024-01-08").build()
    s = section("bolton", child, "2024-06-01", "bolton.options_by_age")
    no_kin = [e.text for e in s.group("under_7.no_kinship").entries]
    assert no_kin == [
        "Adoption",
        "Long Term Fostering (needs Head of Service approval if child is under five)",
    ]
    assert "Adoption" not in [e.text for e in s.group("11_to_15.no_kinship").entries]
    assert [e.text for e in s.group("11_to_15.kinship").entries][0] == "Special Guardianship Order"
    sixteen = s.group("16_plus")
    assert not sixteen.parts  # one column, whatever the family network
    assert "Pathway Plan" in sixteen.entries[0].text
    assert "Long term Fostering (staying put)" in [e.text for e in sixteen.entries]
    assert s.group("under_7").entries[0].text == "Family Group Conference to be offered"


# Kinship available, or not known.


def test_kinship_is_not_known_without_an_assessment_or_a_connected_person():
    child = ChildBuilder("C1", dob="2019-05-10").enters("2024-01-08", place="U6").build()
    s = section("bolton", child, "2024-06-01", "bolton.options_by_age")
    assert [g.key for g in s.marked] == ["under_7"]  # the band; neither column
    assert "not known" in s.summary and "read both columns" in s.summary


def test_kinship_is_available_with_a_connected_person_assessment_done_by_then():
    child = ChildBuilder("C1", dob="2019-05-10").enters("2024-01-08", place="U6").build()
    child.recorded.assessments.append(Assessment("connected_person", d("2024-04-02")))
    s = section("bolton", child, "2024-06-01", "bolton.options_by_age")
    assert [g.key for g in s.marked] == ["under_7", "under_7.kinship"]
    assert "connected person assessment completed 02 Apr 2024" in s.summary
    # Not yet completed on an earlier day: not known then.
    earlier = section("bolton", child, "2024-04-01", "bolton.options_by_age")
    assert [g.key for g in earlier.marked] == ["under_7"]


def test_kinship_is_available_when_placed_with_a_connected_person():
    child = (
        ChildBuilder("C1", dob="2012-05-10")
        .enters("2024-01-08", place="U6")
        .moves("2024-03-04", place="U3")
        .build()
    )
    s = section("bolton", child, "2024-06-01", "bolton.options_by_age")
    assert [g.key for g in s.marked] == ["11_to_15", "11_to_15.kinship"]
    assert "placed with a connected person since 04 Mar 2024" in s.summary
    # The foster placement before it was not with a connected person.
    before = section("bolton", child, "2024-03-01", "bolton.options_by_age")
    assert [g.key for g in before.marked] == ["11_to_15"]


def test_kinship_is_available_with_a_positive_viability_assessment():
    child = ChildBuilder("C1", dob="2016-05-10").enters("2024-01-08", place="U6").build()
    s = section(
        "bolton",
        child,
        "2024-06-01",
        "bolton.options_by_age",
        positive_viability=("grandmother, 12 Feb 2024",),
    )
    assert [g.key for g in s.marked] == ["7_to_10", "7_to_10.kinship"]
    assert "positive viability assessment: grandmother, 12 Feb 2024" in s.summary


@pytest.mark.parametrize(
    ("as_of", "shown"), [("2021-05-09", True), ("2024-05-09", True), ("2024-05-10", False)]
)
def test_the_0_3_note_is_given_until_the_4th_birthday(as_of, shown):
    child = ChildBuilder("C1", dob="2020-05-10").enters("2021-01-04", place="U3").build()
    s = section("bolton", child, as_of, "bolton.kinship_0_3")
    assert (s is not None) is shown
    if shown:
        assert "adoption route must be followed" in s.summary
        assert "kinship care available" in s.summary


# Halton: where the plan sits in the hierarchy.


@pytest.mark.parametrize(
    ("primary", "place", "provider", "number", "nth", "step"),
    [
        ("home", "P1", "PR0", 1, "1st", "Children stay with or return home"),
        ("kinship_order", "U3", "PR1", 2, "2nd", "Children live with relatives"),
        ("cao", "U3", "PR1", 2, "2nd", "Children live with relatives"),
        ("sgo", "U1", "PR1", 2, "2nd", "Children live with relatives"),
        ("sgo", "U4", "PR1", 4, "4th", "Long-term fostering with a view to an SGO"),
        ("adoption", "U5", "PR1", 3, "3rd", "Adoption"),
        ("long_term_fostering", "U4", "PR1", 5, "5th", "Long-term fostering with a Halton"),
        ("long_term_fostering", "U1", "PR4", 5, "5th", "Long-term fostering with a Halton"),
        ("long_term_fostering", "U4", "PR4", 6, "6th", "Long-term fostering with an IFA"),
        ("long_term_fostering", "U4", "PR5", 6, "6th", "Long-term fostering with an IFA"),
        ("residential", "K2", "PR4", 7, "7th", "Residential (short term only)"),
    ],
)
def test_halton_marks_where_the_current_plan_sits(primary, place, provider, number, nth, step):
    builder = ChildBuilder("C1", dob="2014-01-01").enters("2024-01-08", place=place)
    child = with_plan(builder, primary)
    child.episodes[0] = replace(child.episodes[0], provider=provider)
    s = section("halton", child, "2024-06-01", "halton.hierarchy")
    marked = [e for g in s.groups for e in g.entries if e.current]
    assert [(e.number, e.mark) for e in marked] == [(number, "The current plan")]
    assert marked[0].text.startswith(step)
    assert f"is {nth} of 7 in Halton's order" in s.summary


def test_halton_long_term_fostering_with_a_carer_of_unknown_agency_sits_at_5_or_6():
    assert halton.position("long_term_fostering", "U4", "PR2") == (5, 6)
    child = with_plan(ChildBuilder("C1").enters("2024-01-08", place="U4"), "long_term_fostering")
    s = section("halton", child, "2024-06-01", "halton.hierarchy")
    assert [e.number for g in s.groups for e in g.entries if e.current] == [5, 6]
    assert "5th or 6th" in s.summary and "not recorded" in s.summary


def test_halton_marks_the_contingency_and_the_plan_in_force_on_the_day():
    builder = ChildBuilder("C1").enters("2024-01-08", place="U6")
    child = with_plan(builder, "home", "adoption", agreed="2024-03-01")
    child.recorded.plans.append(PermanencePlan(d("2024-09-02"), "adoption"))
    s = section("halton", child, "2024-06-01", "halton.hierarchy")
    marks = {e.number: e.mark for g in s.groups for e in g.entries if e.current}
    assert marks == {1: "The current plan", 3: "The contingency plan"}
    later = section("halton", child, "2024-09-02", "halton.hierarchy")
    assert {e.number for g in later.groups for e in g.entries if e.current} == {3}


def test_halton_with_no_plan_marks_nothing():
    child = ChildBuilder("C1").enters("2024-01-08").build()
    s = section("halton", child, "2024-06-01", "halton.hierarchy")
    assert not any(e.current for g in s.groups for e in g.entries)
    assert "No permanence plan" in s.summary
    assert [len(g.entries) for g in s.groups] == [2, 5]


# Luton: advantages and disadvantages of each route.


@pytest.mark.parametrize(
    ("primary", "route", "advantages", "disadvantages"),
    [
        ("kinship_order", "connected_person", 1, 2),
        ("adoption", "adoption", 6, 3),
        ("long_term_fostering", "permanent_fostering", 5, 5),
        ("sgo", "sgo", 4, 5),
        ("cao", "cao", 5, 3),
    ],
)
def test_luton_lists_each_routes_advantages_and_disadvantages(
    primary, route, advantages, disadvantages
):
    child = with_plan(ChildBuilder("C1").enters("2024-01-08"), primary)
    s = section("luton", child, "2024-06-01", "luton.route_advantages")
    assert [g.key for g in s.groups if g.current] == [route]
    assert len(s.group(f"{route}.advantages").entries) == advantages
    assert len(s.group(f"{route}.disadvantages").entries) == disadvantages
    assert len(s.groups) == 5  # every route is there to weigh, the plan's marked


def test_luton_says_when_the_plan_has_no_list():
    child = with_plan(ChildBuilder("C1").enters("2024-01-08"), "home", "sgo")
    s = section("luton", child, "2024-06-01", "luton.route_advantages")
    assert [(g.key, g.mark) for g in s.groups if g.current] == [("sgo", "The contingency plan")]
    assert "lists no advantages" in s.summary


def test_luton_adoption_disadvantages_are_the_policys():
    adoption = luton.route_for("adoption")
    assert adoption.disadvantages[1] == "There is no review process;"
    assert adoption.advantages[2].startswith("There can be no future legal challenge")


# Bradford Appendix 1.


def test_bradford_checklist_has_three_columns_of_four_with_the_plans_marked():
    child = with_plan(ChildBuilder("C1").enters("2024-01-08"), "adoption", "long_term_fostering")
    s = section("bradford", child, "2024-06-01", "bradford.options_checklist")
    assert [g.heading for g in s.groups] == [
        "Child Arrangements Orders/Special Guardianship",
        "Adoption",
        "Long Term Fostering",
    ]
    assert [len(g.entries) for g in s.groups] == [4, 4, 4]
    assert {g.key: g.mark for g in s.groups if g.current} == {
        "adoption": "The current plan",
        "long_term_fostering": "The contingency plan",
    }
    assert "Child expresses a wish to be adopted." in [e.text for e in s.group("adoption").entries]
    assert "not hierarchical" in s.quote


def test_bradford_checklist_puts_an_sgo_in_the_first_column():
    assert bradford.column_for("sgo") == bradford.column_for("cao") == "cao_sgo"
    assert bradford.column_for("residential") is None


# Blackburn with Darwen: reduced reviews once a ratified home has lasted over a year.


def lasting(ratified="2023-05-02"):
    child = (
        ChildBuilder("C1").enters("2022-01-10", place="U6").moves("2023-03-31", place="U4").build()
    )
    if ratified:
        child.recorded.decisions.append(Decision("long_term_match", d(ratified), "head_of_service"))
    return child


def test_blackburn_reduced_reviews_applies_over_a_year_after_the_move_with_ratification():
    s = section("blackburn", lasting(), "2024-04-01", "blackburn.reduced_reviews")
    assert s is not None
    assert "since 31 Mar 2023" in s.summary and "ratified as permanent on 02 May 2023" in s.summary
    assert "led by the child's wishes and feelings" in s.quote


def test_blackburn_reduced_reviews_not_on_the_first_anniversary_itself():
    assert section("blackburn", lasting(), "2024-03-31", "blackburn.reduced_reviews") is None


def test_blackburn_reduced_reviews_needs_the_home_ratified():
    assert section("blackburn", lasting(None), "2024-06-01", "blackburn.reduced_reviews") is None
    # A match ratified for the home before this one does not count.
    earlier = lasting("2022-06-01")
    assert section("blackburn", earlier, "2024-06-01", "blackburn.reduced_reviews") is None


def test_blackburn_reduced_reviews_not_after_leaving_the_foster_home():
    child = lasting()
    child.episodes[-1] = replace(child.episodes[-1], end=d("2024-05-01"), reason_end="E4A")
    assert section("blackburn", child, "2024-06-01", "blackburn.reduced_reviews") is None


# Every section: its rule id, its source, and the policy's own words.


def every_section():
    child = with_plan(
        ChildBuilder("C1", dob="2021-01-05")
        .enters("2022-01-10", place="U6")
        .moves("2023-03-31", place="U4"),
        "long_term_fostering",
        "sgo",
    )
    child.recorded.decisions.append(Decision("long_term_match", d("2023-05-02"), "head_of_service"))
    as_of = case(child, "2024-06-03")
    return [s for p in POLICY_FILES for s in guidance_for(p, as_of)]


def test_each_council_gives_its_own_sections_with_rule_id_and_source():
    got = {(s.profile, s.rule) for s in every_section()}
    assert got == {
        ("bolton", "bolton.options_by_age"),
        ("bolton", "bolton.kinship_0_3"),
        ("halton", "halton.hierarchy"),
        ("blackburn", "blackburn.reduced_reviews"),
        ("luton", "luton.route_advantages"),
        ("bradford", "bradford.options_checklist"),
    }
    for s in every_section():
        assert s.rule.startswith(s.profile + ".") and s.title and s.summary
        words = {"blackburn": "Blackburn with Darwen"}.get(s.profile, s.profile.capitalize())
        assert words in s.source, s.rule
        if s.rule in ELSEWHERE:
            assert ELSEWHERE[s.rule] == GUIDANCE


def test_the_catalogued_guidance_ids_are_all_given():
    catalogued = {rule for rule, where in ELSEWHERE.items() if where == GUIDANCE}
    assert catalogued <= {s.rule for s in every_section()}


def test_every_quoted_line_is_in_the_councils_policy(shared):
    for s in every_section():
        policy = squash((shared / "policies" / POLICY_FILES[s.profile]).read_text("utf-8"))
        for text in texts(s):
            assert squash(text) in policy, (s.rule, text)


def test_the_data_holds_every_line_of_the_policies_lists(shared):
    """Every band, step, route and column is there, whatever the child's plan."""
    assert len(bolton.BANDS) == 4 and len(halton.STEPS) == 7 and len(luton.ROUTES) == 5
    bolton_text = squash((shared / "policies" / POLICY_FILES["bolton"]).read_text("utf-8"))
    for band in bolton.BANDS:
        assert squash(band.heading) in bolton_text
        for text in (*band.kinship, *band.no_kinship, *band.options):
            assert squash(text) in bolton_text, text


def test_national_has_no_council_guidance_and_an_unknown_profile_is_an_error():
    child = ChildBuilder("C1").enters("2024-01-08").build()
    assert guidance_for("national", case(child, "2024-06-01")) == []
    with pytest.raises(UnknownProfile, match="choose one of"):
        guidance_for("wigan", case(child, "2024-06-01"))


def test_the_plan_date_is_read_from_the_record():
    child = with_plan(ChildBuilder("C1").enters("2024-01-08"), "adoption", agreed="2024-03-01")
    s = section("bradford", child, "2024-06-01", "bradford.options_checklist")
    assert "agreed 01 Mar 2024" in s.summary
    before = section("bradford", child, date(2024, 2, 29), "bradford.options_checklist")
    assert "No permanence plan" in before.summary
