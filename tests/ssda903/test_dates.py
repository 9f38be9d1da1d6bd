from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from permanence.ssda903.dates import DateCache, parse_date, why_not_a_date


def test_reads_dd_mm_yyyy():
    assert parse_date("05/01/2017") == date(2017, 1, 5)  # day first, not month
    assert parse_date(" 29/02/2016 ") == date(2016, 2, 29)


def test_one_digit_day_and_month_as_the_dfe_validator_accepts():
    assert parse_date("5/1/2017") == date(2017, 1, 5)


def test_refuses_impossible_and_other_formats():
    for text in (
        "31/02/2017",
        "29/02/2017",
        "00/01/2017",
        "2017-01-05",
        "05/01/17",
        "",
        "05-01-2017",
        "05/01/2017 00:00",
        "zz/zz/2014",
        "01/01/0001",
    ):
        assert parse_date(text) is None, text


def test_says_why_a_date_was_refused():
    assert why_not_a_date("31/02/2017") == "not a real date (expected dd/mm/YYYY)"
    assert why_not_a_date("2017-01-05") == "not a date (expected dd/mm/YYYY)"
    assert why_not_a_date("  ") == "blank"
    assert "year 1066" in why_not_a_date("14/10/1066")


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_every_date_round_trips(day):
    assert parse_date(day.strftime("%d/%m/%Y")) == day


@given(st.text(alphabet="0123456789/ -", max_size=12))
def test_agrees_with_strptime_on_any_text(text):
    try:
        expected = datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError:
        expected = None
    if expected is not None and not 1900 <= expected.year <= 2100:
        expected = None
    assert parse_date(text) == expected


def test_cache_parses_each_string_once_and_keeps_bad_ones_as_none():
    cache = DateCache()
    first = cache["01/04/2020"]
    assert first == date(2020, 4, 1) and cache["01/04/2020"] is first
    assert cache["31/04/2020"] is None and "31/04/2020" in cache
    assert cache[""] is None
