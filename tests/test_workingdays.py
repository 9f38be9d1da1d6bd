"""Tests for the England and Wales working-day calendar (POLICY-RULES Conventions).

Bank holiday dates are written out by hand from the published GOV.UK list
(https://www.gov.uk/bank-holidays, division england-and-wales), so these tests fail
if the ``holidays`` package ever disagrees with GOV.UK.
"""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from permanence.workingdays import (
    ENGLAND_AND_WALES,
    WorkingDayCalendar,
    add_months,
    add_weeks,
)

D = date.fromisoformat

# GOV.UK England and Wales bank holidays, 2018-2027, as published (substitute days
# listed on the substitute date; the weekend day they replace is not a bank holiday).
# fmt: off
GOV_UK_ENGLAND_AND_WALES = {
    2018: [
        "2018-01-01", "2018-03-30", "2018-04-02", "2018-05-07",
        "2018-05-28", "2018-08-27", "2018-12-25", "2018-12-26",
    ],
    2019: [
        "2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06",
        "2019-05-27", "2019-08-26", "2019-12-25", "2019-12-26",
    ],
    2020: [
        "2020-01-01", "2020-04-10", "2020-04-13",
        "2020-05-08",  # early May bank holiday moved from Mon 4 May to Fri 8 May (VE day)
        "2020-05-25", "2020-08-31", "2020-12-25",
        "2020-12-28",  # Boxing Day (substitute day)
    ],
    2021: [
        "2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03",
        "2021-05-31", "2021-08-30",
        "2021-12-27",  # Christmas Day (substitute day)
        "2021-12-28",  # Boxing Day (substitute day)
    ],
    2022: [
        "2022-01-03",  # New Year's Day (substitute day)
        "2022-04-15", "2022-04-18", "2022-05-02",
        "2022-06-02",  # spring bank holiday moved from 30 May
        "2022-06-03",  # Platinum Jubilee
        "2022-08-29",
        "2022-09-19",  # State Funeral of Queen Elizabeth II
        "2022-12-26",
        "2022-12-27",  # Christmas Day (substitute day)
    ],
    2023: [
        "2023-01-02",  # New Year's Day (substitute day)
        "2023-04-07", "2023-04-10", "2023-05-01",
        "2023-05-08",  # Coronation of King Charles III
        "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26",
    ],
    2024: [
        "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06",
        "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26",
    ],
    2025: [
        "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05",
        "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
    ],
    2026: [
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04",
        "2026-05-25", "2026-08-31", "2026-12-25",
        "2026-12-28",  # Boxing Day (substitute day)
    ],
    2027: [
        "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03",
        "2027-05-31", "2027-08-30",
        "2027-12-27",  # Christmas Day (substitute day)
        "2027-12-28",  # Boxing Day (substitute day)
    ],
}
# fmt: on


# -- bank holidays --------------------------------------------------------------------


@pytest.mark.parametrize("year", sorted(GOV_UK_ENGLAND_AND_WALES))
def test_bank_holidays_match_gov_uk(year):
    expected = {D(s) for s in GOV_UK_ENGLAND_AND_WALES[year]}
    assert set(ENGLAND_AND_WALES.bank_holidays(year)) == expected


@pytest.mark.parametrize("year", sorted(GOV_UK_ENGLAND_AND_WALES))
def test_working_days_of_year_are_weekdays_less_gov_uk_holidays(year):
    """The whole year agrees day by day, not just the holiday list."""
    holidays_ = {D(s) for s in GOV_UK_ENGLAND_AND_WALES[year]}
    d = date(year, 1, 1)
    while d.year == year:
        expected = d.weekday() < 5 and d not in holidays_
        assert ENGLAND_AND_WALES.is_working_day(d) is expected, d
        d += timedelta(days=1)


def test_one_off_days_are_named():
    h2022 = ENGLAND_AND_WALES.bank_holidays(2022)
    assert "Jubilee" in h2022[D("2022-06-03")]
    assert "Funeral" in h2022[D("2022-09-19")]
    assert "Coronation" in ENGLAND_AND_WALES.bank_holidays(2023)[D("2023-05-08")]


def test_weekend_day_replaced_by_substitute_is_not_listed():
    # Sat 26 Dec 2020: GOV.UK lists only Mon 28 Dec (substitute day).
    h = ENGLAND_AND_WALES.bank_holidays(2020)
    assert D("2020-12-26") not in h
    assert D("2020-12-28") in h


def test_bank_holidays_returns_a_copy():
    ENGLAND_AND_WALES.bank_holidays(2024).clear()
    assert len(ENGLAND_AND_WALES.bank_holidays(2024)) == 8


@pytest.mark.parametrize(
    "day",
    ["1995-05-08", "1999-12-31", "2002-06-03", "2002-06-04", "2011-04-29", "2012-06-05"],
)
def test_earlier_special_days_are_not_working_days(day):
    # VE day 50th (1995), Millennium, Golden Jubilee, royal wedding, Diamond Jubilee.
    assert not ENGLAND_AND_WALES.is_working_day(D(day))


@pytest.mark.parametrize("year", [1990, 2050, 2100])
def test_any_year_1990_to_2100_loads(year):
    cal = WorkingDayCalendar()
    assert cal.is_working_day(date(year, 1, 1)) is False  # New Year's Day
    assert cal.add_working_days(date(year, 6, 1), 1) > date(year, 6, 1)
    assert len(cal.bank_holidays(year)) >= 8


# -- worked examples: "within 20 working days of X" -------------------------------------


@pytest.mark.parametrize(
    ("start", "due"),
    [
        # Christmas/New Year 2022-23, from Mon 12 Dec 2022:
        # Dec 13-16 (1-4), 19-23 (5-9), [26, 27 bank hols] 28-30 (10-12),
        # [Jan 2 bank hol] Jan 3-6 (13-16), 9-12 (17-20) -> Thu 12 Jan 2023.
        ("2022-12-12", "2023-01-12"),
        # Christmas/New Year 2021-22, from Mon 20 Dec 2021:
        # Dec 21-24 (1-4), [27, 28] 29-31 (5-7), [Jan 3] Jan 4-7 (8-11),
        # 10-14 (12-16), 17-20 (17-20) -> Thu 20 Jan 2022.
        ("2021-12-20", "2022-01-20"),
        # From Sat 23 Dec 2023 (a weekend start; X itself never counts):
        # [Dec 25, 26] 27-29 (1-3), [Jan 1] Jan 2-5 (4-7), 8-12 (8-12),
        # 15-19 (13-17), 22-24 (18-20) -> Wed 24 Jan 2024.
        ("2023-12-23", "2024-01-24"),
        # Easter 2024, from Mon 25 Mar 2024:
        # Mar 26-28 (1-3), [29 Good Fri, Apr 1 Easter Mon] Apr 2-5 (4-7),
        # 8-12 (8-12), 15-19 (13-17), 22-24 (18-20) -> Wed 24 Apr 2024.
        ("2024-03-25", "2024-04-24"),
        # Easter and early May 2025, from Mon 14 Apr 2025:
        # Apr 15-17 (1-3), [18 Good Fri, 21 Easter Mon] 22-25 (4-7),
        # Apr 28-May 2 (8-12), [May 5 bank hol] 6-9 (13-16), 12-15 (17-20) -> Thu 15 May.
        ("2025-04-14", "2025-05-15"),
        # No holidays: Wed 1 Oct 2025 + 20 working days = four weeks on, Wed 29 Oct.
        ("2025-10-01", "2025-10-29"),
    ],
)
def test_twenty_working_days_worked_examples(start, due):
    assert ENGLAND_AND_WALES.add_working_days(D(start), 20) == D(due)
    assert ENGLAND_AND_WALES.working_days_between(D(start), D(due)) == 20
    assert ENGLAND_AND_WALES.working_days_between(D(due), D(start)) == -20


def test_small_counts_across_a_bank_holiday_weekend():
    # Thu 28 Mar 2024: 1 working day after is Tue 2 Apr (Good Fri, weekend, Easter Mon).
    assert ENGLAND_AND_WALES.add_working_days(D("2024-03-28"), 1) == D("2024-04-02")
    assert ENGLAND_AND_WALES.add_working_days(D("2024-04-02"), -1) == D("2024-03-28")
    assert ENGLAND_AND_WALES.working_days_between(D("2024-03-28"), D("2024-04-01")) == 0


def test_zero_returns_the_day_itself_even_if_not_a_working_day():
    assert ENGLAND_AND_WALES.add_working_days(D("2022-12-25"), 0) == D("2022-12-25")
    assert ENGLAND_AND_WALES.working_days_between(D("2022-12-25"), D("2022-12-25")) == 0


def test_negative_counts_back():
    # 20 working days before Wed 24 Jan 2024 is Fri 22 Dec 2023 (the example above
    # counted from Sat 23 Dec, whose previous working day is Fri 22 Dec).
    assert ENGLAND_AND_WALES.add_working_days(D("2024-01-24"), -20) == D("2023-12-22")


def test_long_count_spans_many_years():
    cal = WorkingDayCalendar()
    start = D("2000-01-04")
    end = cal.add_working_days(start, 10_000)  # ~40 years
    assert cal.working_days_between(start, end) == 10_000
    assert cal.add_working_days(end, -10_000) == start


# -- local closures ---------------------------------------------------------------------


def test_local_closure_shifts_due_date():
    # A council closed on Fri 24 Dec 2021: the 2021-22 example above loses day 4,
    # so the 20th working day moves from Thu 20 Jan to Fri 21 Jan 2022.
    council = WorkingDayCalendar(closures=[D("2021-12-24")])
    assert not council.is_working_day(D("2021-12-24"))
    assert ENGLAND_AND_WALES.is_working_day(D("2021-12-24"))
    assert council.add_working_days(D("2021-12-20"), 20) == D("2022-01-21")
    assert council.working_days_between(D("2021-12-20"), D("2022-01-21")) == 20
    assert ENGLAND_AND_WALES.add_working_days(D("2021-12-20"), 20) == D("2022-01-20")


def test_closures_do_not_change_bank_holiday_list():
    council = WorkingDayCalendar(closures=[D("2024-12-24")])
    assert D("2024-12-24") not in council.bank_holidays(2024)
    assert council.closures == frozenset({D("2024-12-24")})


def test_weekend_closure_changes_nothing():
    council = WorkingDayCalendar(closures=[D("2025-06-07")])  # a Saturday
    assert council.add_working_days(D("2025-06-02"), 10) == ENGLAND_AND_WALES.add_working_days(
        D("2025-06-02"), 10
    )


# -- calendar months and weeks ----------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        ("2023-01-31", 1, "2023-02-28"),
        ("2024-01-31", 1, "2024-02-29"),  # leap year
        ("2023-03-31", -1, "2023-02-28"),
        ("2024-03-31", -1, "2024-02-29"),
        ("2025-08-31", 1, "2025-09-30"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2024-02-29", 48, "2028-02-29"),
        ("2025-01-15", 6, "2025-07-15"),
        ("2025-11-30", 3, "2026-02-28"),  # across a year end
        ("2025-01-31", -2, "2024-11-30"),
        ("2025-05-31", 0, "2025-05-31"),
    ],
)
def test_add_months_clamps_to_month_end(start, n, expected):
    assert add_months(D(start), n) == D(expected)


def test_add_weeks():
    assert add_weeks(D("2025-12-29"), 1) == D("2026-01-05")
    assert add_weeks(D("2024-02-22"), 1) == D("2024-02-29")
    assert add_weeks(D("2025-03-10"), -2) == D("2025-02-24")
    assert add_weeks(D("2025-03-10"), 0) == D("2025-03-10")


# -- properties -------------------------------------------------------------------------

dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
counts = st.integers(min_value=1, max_value=1_000)


@given(dates, counts)
def test_result_is_a_working_day(d, n):
    assert ENGLAND_AND_WALES.is_working_day(ENGLAND_AND_WALES.add_working_days(d, n))


@given(dates, st.integers(min_value=0, max_value=1_000))
def test_between_inverts_add(d, n):
    assert ENGLAND_AND_WALES.working_days_between(d, ENGLAND_AND_WALES.add_working_days(d, n)) == n


@given(dates, st.integers(min_value=0, max_value=1_000))
def test_monotonic_in_n(d, n):
    cal = ENGLAND_AND_WALES
    assert cal.add_working_days(d, n) < cal.add_working_days(d, n + 1)
    assert cal.add_working_days(d, -n) > cal.add_working_days(d, -n - 1)


@given(dates, st.integers(0, 500), st.integers(0, 500))
def test_composition(d, a, b):
    cal = ENGLAND_AND_WALES
    assert cal.add_working_days(cal.add_working_days(d, a), b) == cal.add_working_days(d, a + b)


@given(dates, counts)
def test_negative_inverts_positive_on_working_days(d, n):
    cal = ENGLAND_AND_WALES
    if not cal.is_working_day(d):
        d = cal.add_working_days(d, 1)
    assert cal.add_working_days(cal.add_working_days(d, n), -n) == d
    assert cal.add_working_days(cal.add_working_days(d, -n), n) == d


@given(dates, counts)
def test_negative_result_is_a_working_day_before(d, n):
    back = ENGLAND_AND_WALES.add_working_days(d, -n)
    assert back < d
    assert ENGLAND_AND_WALES.is_working_day(back)


@given(dates, dates)
def test_between_is_antisymmetric_and_counts_days(a, b):
    cal = ENGLAND_AND_WALES
    assert cal.working_days_between(a, b) == -cal.working_days_between(b, a)
    if b - a <= timedelta(days=60) and a <= b:
        expected = sum(
            cal.is_working_day(a + timedelta(days=i)) for i in range(1, (b - a).days + 1)
        )
        assert cal.working_days_between(a, b) == expected


@given(dates, counts, st.sets(dates, max_size=20))
@settings(max_examples=50)
def test_closures_never_make_due_date_earlier(d, n, closed):
    council = WorkingDayCalendar(closures=closed)
    due = council.add_working_days(d, n)
    assert due >= ENGLAND_AND_WALES.add_working_days(d, n)
    assert due not in closed


@given(dates, st.integers(-1_500, 1_500))
def test_add_months_lands_in_the_right_month(d, n):
    r = add_months(d, n)
    assert (r.year * 12 + r.month) - (d.year * 12 + d.month) == n
    assert r.day == d.day or (r.day < d.day and (r + timedelta(days=1)).day == 1)


# -- speed and concurrency --------------------------------------------------------------


def test_concurrent_lazy_loading_agrees_with_single_thread():
    cal = WorkingDayCalendar(closures=[D("2030-12-24")])
    reference = WorkingDayCalendar(closures=[D("2030-12-24")])
    years = list(range(1990, 2101, 7))
    results: dict[int, list[date]] = {}
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(years))

    def work(year):
        try:
            barrier.wait()
            results[year] = [cal.add_working_days(date(year, 3, 1), k) for k in (-40, 1, 20, 300)]
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(y,)) for y in years]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for year in years:
        expected = [reference.add_working_days(date(year, 3, 1), k) for k in (-40, 1, 20, 300)]
        assert results[year] == expected
