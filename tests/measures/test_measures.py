"""National measures, worked by hand (POLICY-RULES.md "National measures").

The year is 1 April 2020 to 31 March 2021 throughout.
"""

from datetime import date

from permanence.domain.model import AdoptionDecision
from permanence.measures import measure
from tests.builders import ChildBuilder

AS_OF = date(2021, 3, 31)


def ids(ratio):
    return sorted(ratio.numerator), sorted(ratio.denominator)


# --- short-term stability ---------------------------------------------------------------


def test_short_term_stability_counts_placements_in_the_year_plus_the_one_in_force():
    entered_three = (  # entered in the year; three placement starts: in the numerator
        ChildBuilder("NEW3").enters("2020-05-01").moves("2020-08-01").moves("2020-12-01").build()
    )
    entered_two = ChildBuilder("NEW2").enters("2020-05-01").moves("2020-08-01").build()
    long_stay = (  # in force on 1 April 2020 (1) plus two moves in the year (3)
        ChildBuilder("OLD3").enters("2018-01-10").moves("2020-06-01").moves("2021-01-04").build()
    )
    legal_only = (  # RNE L changes the legal status only: 1 placement
        ChildBuilder("LEGAL")
        .enters("2019-01-10", ls="C1")
        .legal("2020-06-01", "C2")
        .legal("2020-09-01", "E1")
        .build()
    )
    m = measure([entered_three, entered_two, long_stay, legal_only], AS_OF)
    assert ids(m.short_term) == (["NEW3", "OLD3"], ["LEGAL", "NEW2", "NEW3", "OLD3"])
    assert m.as_json()["short_term_stability"] == {
        "numerator": 2,
        "denominator": 4,
        "percent": 50.0,
    }


def test_a_placement_starting_on_the_first_day_is_not_counted_twice():
    child = (
        ChildBuilder("APR1").enters("2019-06-03").moves("2020-04-01").moves("2020-10-01").build()
    )
    # In force on 1 April: the placement that started that day, counted once as a start;
    # with the October move that is 2 placements, not 3.
    assert ids(measure([child], AS_OF).short_term) == ([], ["APR1"])


def test_a_legal_change_on_the_first_day_keeps_the_placement_in_force():
    child = (
        ChildBuilder("L0401")
        .enters("2019-06-03", ls="C1")
        .legal("2020-04-01", "C2")
        .moves("2020-07-01")
        .moves("2020-10-01")
        .build()
    )
    assert ids(measure([child], AS_OF).short_term) == (["L0401"], ["L0401"])


def test_short_breaks_are_left_out():
    only_breaks = (
        ChildBuilder("BREAKS")
        .enters("2020-04-06", ls="V3", place="R1")
        .leaves("2020-04-08", rec="E13")
        .enters("2021-03-29", ls="V3", place="R1")
        .build()
    )
    assert ids(measure([only_breaks], AS_OF).short_term) == ([], [])


def test_a_child_who_left_and_came_back_counts_both_periods():
    child = (
        ChildBuilder("BACK")
        .enters("2019-09-02")  # in force on 1 April 2020: 1
        .leaves("2020-06-30", rec="E4B")
        .enters("2020-10-05")  # back in care: 2
        .moves("2021-02-01")  # 3
        .build()
    )
    m = measure([child], AS_OF)
    assert ids(m.short_term) == (["BACK"], ["BACK"])
    assert m.outcomes["unplanned_return_home"] == ["BACK"]


# --- long-term stability ----------------------------------------------------------------


def test_long_term_stability():
    settled = (
        ChildBuilder("SETTLED", dob="2010-01-01").enters("2018-06-01").moves("2019-03-01").build()
    )
    moved = ChildBuilder("MOVED", dob="2010-01-01").enters("2018-06-01").moves("2020-01-06").build()
    too_old = (
        ChildBuilder("SIXTEEN", dob="2005-03-31").enters("2017-01-01").build()
    )  # 16 on 31 Mar 2021
    too_new = ChildBuilder("NEWISH", dob="2010-01-01").enters("2018-10-01").build()  # < 2.5 years
    adopted_route = (  # foster 1 Jan 2019 - 1 Oct 2020, then placed for adoption: 2 years together
        ChildBuilder("ADOPT", dob="2017-01-01")
        .enters("2018-09-03", ls="C1")
        .moves("2019-01-01")
        .moves("2020-10-01", place="A4")
        .build()
    )
    m = measure([settled, moved, too_old, too_new, adopted_route], AS_OF)
    # Continuously since 30 Sep 2018 or earlier (2.5 years), same placement since 31 Mar 2019.
    assert ids(m.long_term) == (["ADOPT", "SETTLED"], ["ADOPT", "MOVED", "SETTLED"])


# --- adoption timeliness ---------------------------------------------------------------


def adopted_by_strangers():
    child = (
        ChildBuilder("A1")
        .enters("2019-01-10", ls="C1")
        .legal("2020-03-01", "E1")
        .moves("2020-06-01", place="A3")
        .leaves("2021-01-15", rec="E11")
        .build()
    )
    child.adoption_decisions.append(AdoptionDecision(date(2019, 12, 1), date(2020, 5, 1), False))
    return child


def adopted_by_foster_carers():
    child = (
        ChildBuilder("A2")
        .enters("2019-01-10", ls="C1")
        .moves("2019-04-01", place="U6")
        .legal("2020-03-01", "E1")
        .moves("2020-09-01", place="A4")
        .leaves("2021-02-01", rec="E12")
        .build()
    )
    # Matched on 1 Feb 2020, before the placement order of 1 Mar 2020: A2 counts 0.
    child.adoption_decisions.append(AdoptionDecision(date(2019, 11, 1), date(2020, 2, 1), True))
    return child


def test_adoption_timeliness_a1_a2_a10():
    m = measure([adopted_by_strangers(), adopted_by_foster_carers()], AS_OF)
    by_child = {a.child: (a.a1, a.a2, a.a10) for a in m.adoptions}
    # A1: 10 Jan 2019 -> 1 Jun 2020 = 365 + 31 + 29 + 31 + 30 + 22 = 508 days; A2: 1 Mar ->
    # 1 May 2020 = 61. By foster carers: A1 10 Jan 2019 -> 1 Sep 2020 = 365 + 235 = 600;
    # A10 stops the clock when they fostered, 1 Apr 2019: 22 + 28 + 31 = 81.
    assert by_child == {"A1": (508, 61, 508), "A2": (600, 0, 81)}
    assert m.as_json()["adoption"] == {
        "a1_days": 554.0,
        "a2_days": 30.5,
        "a10_days": 294.5,
        "children": 2,
    }


def test_adoptions_before_the_year_are_not_counted():
    child = adopted_by_strangers()
    assert measure([child], date(2020, 3, 31)).adoptions == []


# --- outcomes ---------------------------------------------------------------------------


def test_outcomes_on_leaving_care_by_group():
    leavers = [
        ChildBuilder("SGO").enters("2019-01-10").leaves("2020-07-01", rec="E45").build(),
        ChildBuilder("CAO").enters("2019-01-10").leaves("2020-07-01", rec="E41").build(),
        ChildBuilder("HOME").enters("2019-01-10").leaves("2020-07-01", rec="E4A").build(),
        ChildBuilder("PUT").enters("2019-01-10").leaves("2020-07-01", rec="E17").build(),
        ChildBuilder("EARLY").enters("2019-01-10").leaves("2020-03-31", rec="E4A").build(),
        adopted_by_strangers(),
    ]
    got = measure(leavers, AS_OF).as_json()["outcomes"]
    assert got == {
        "adoption": 1,
        "sgo": 1,
        "cao": 1,
        "planned_return_home": 1,
        "unplanned_return_home": 0,
        "other": 1,
    }
