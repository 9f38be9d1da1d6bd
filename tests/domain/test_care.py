"""Periods of care, placements and moves, as POLICY-RULES.md "Conventions" defines them."""

from datetime import date

from permanence.domain.care import clip_to, legal_status_spans, moves_between, periods_of_care
from permanence.domain.model import Child, Episode
from tests.builders import ChildBuilder


def test_contiguous_episodes_are_one_period_and_a_gap_starts_another():
    child = (
        ChildBuilder()
        .enters("2020-01-06", ls="V2", place="U6")
        .moves("2020-03-02", place="U4")
        .leaves("2020-09-01", rec="E4A")
        .enters("2021-02-01", ls="C1", place="U6")
        .build()
    )
    periods = periods_of_care(child.episodes)
    assert [(p.start, p.end, p.end_reason) for p in periods] == [
        (date(2020, 1, 6), date(2020, 9, 1), "E4A"),
        (date(2021, 2, 1), None, None),
    ]
    assert not periods[0].began_before_data and not periods[1].began_before_data


def test_a_return_that_starts_mid_care_is_flagged_and_its_first_placement_change_is_a_move():
    child = Child("Y", episodes=[Episode(date(2019, 5, 1), "P", "C2", "U4", end=date(2020, 1, 1))])
    [period] = periods_of_care(child.episodes)
    assert period.began_before_data
    [placement] = period.placements()
    assert placement.is_move  # RNE P: the placement changed on 1 May 2019, inside an earlier period


def test_legal_status_changes_do_not_start_a_placement_or_count_as_moves():
    child = (
        ChildBuilder()
        .enters("2022-01-10", ls="C1", place="U6")
        .legal("2022-04-01", ls="C2")
        .legal("2022-08-01", ls="E1")
        .moves("2022-09-05", place="A4")
        .build()
    )
    [period] = periods_of_care(child.episodes)
    places = period.placements()
    assert [(p.start, p.placement, p.is_move) for p in places] == [
        (date(2022, 1, 10), "U6", False),
        (date(2022, 9, 5), "A4", True),
    ]
    assert places[0].end == date(2022, 9, 5)
    assert [(s.status, s.start, s.end) for s in legal_status_spans(period.episodes)] == [
        ("C1", date(2022, 1, 10), date(2022, 4, 1)),
        ("C2", date(2022, 4, 1), date(2022, 8, 1)),
        ("E1", date(2022, 8, 1), None),
    ]


def test_moves_are_counted_in_the_window_and_the_start_of_care_is_not_a_move():
    b = ChildBuilder().enters("2023-01-09", ls="C2", place="U6")
    for day in ("2023-03-01", "2023-06-01", "2023-09-01", "2024-01-02"):
        b.moves(day)
    periods = periods_of_care(b.build().episodes)
    in_year = moves_between(periods, date(2023, 1, 31), date(2024, 1, 31))
    assert [m.start for m in in_year] == [
        date(2023, 3, 1),
        date(2023, 6, 1),
        date(2023, 9, 1),
        date(2024, 1, 2),
    ]
    assert moves_between(periods, date(2023, 3, 1), date(2024, 1, 31))[0].start == date(2023, 6, 1)


def test_short_break_periods_are_left_out_of_moves():
    child = (
        ChildBuilder()
        .enters("2023-01-09", ls="V3", place="R1")
        .moves("2023-01-11", place="U6")
        .leaves("2023-01-13", rec="E13")
        .build()
    )
    periods = periods_of_care(child.episodes)
    assert periods[0].short_breaks_only
    assert moves_between(periods, date(2022, 1, 1), date(2024, 1, 1)) == []


def test_clipping_to_the_as_of_date_forgets_what_happened_later():
    child = (
        ChildBuilder()
        .enters("2023-01-09", ls="C1", place="U6")
        .moves("2023-06-01", place="U4")
        .leaves("2023-12-01", rec="E11")
        .build()
    )
    seen = clip_to(child, date(2023, 7, 1))
    assert [(e.start, e.end, e.reason_end) for e in seen] == [
        (date(2023, 1, 9), date(2023, 6, 1), "X1"),
        (date(2023, 6, 1), None, None),
    ]


def test_birthdays_and_ages_with_a_leap_day_birth():
    child = Child("L", dob=date(2008, 2, 29))
    assert child.birthday(16) == date(2024, 2, 29)
    assert child.birthday(18) == date(2026, 3, 1)
    assert child.age_on(date(2026, 2, 28)) == 17
    assert child.age_on(date(2026, 3, 1)) == 18
