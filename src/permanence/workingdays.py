"""Working-day calendar for England and Wales, and calendar-month/week arithmetic.

Source of the rules: ``/work/shared/POLICY-RULES.md``, section "Conventions":

* A *working day* is Monday to Friday, except England and Wales bank holidays,
  including substitute days and one-off days (2022-06-03 Platinum Jubilee,
  2022-09-19 State Funeral, 2023-05-08 Coronation).  The official list is the
  GOV.UK bank-holidays feed, division ``england-and-wales``
  (https://www.gov.uk/bank-holidays.json); we take the dates from the ``holidays``
  package, ``holidays.country_holidays("GB", subdiv="ENG")``, which carries the same
  days and also works for years GOV.UK has not published yet.
* "within N working days of X" is due on the Nth working day after X, X itself not
  counted: ``cal.add_working_days(x, n)``.
* "within N weeks / months of X" is X + 7N days / X + N calendar months, a day that does
  not exist in the target month clamping to that month's last day: ``add_weeks``,
  ``add_months``.

Councils also close on local days (e.g. 24 December); pass them as ``closures``.

The rules engine calls ``add_working_days`` several times for each of ~100,000
children, so each calendar keeps a sorted list of working-day ordinals for a
contiguous range of years, loaded lazily (under a lock) when a date outside it is
asked about; every query is then a ``bisect`` on that list, O(log n), with no loop
over days.
"""

from __future__ import annotations

import calendar
import operator
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import MAXYEAR, MINYEAR, date, timedelta
from functools import cache
from typing import NamedTuple

import holidays

__all__ = [
    "ENGLAND_AND_WALES",
    "WorkingDayCalendar",
    "add_months",
    "add_weeks",
]

# Years loaded either side of the one asked about, so that nearby queries (a due
# date a few months on, a neighbouring child's dates) do not each trigger a reload.
_PAD_YEARS = 5
# A lower bound on working days in a year, used only to size an extension when a
# long count runs past the loaded range (the loop extends again if it was not enough).
_MIN_WORKING_DAYS_PER_YEAR = 200


@cache
def _package_holidays(year: int) -> tuple[tuple[date, str], ...]:
    """All England (and Wales) holidays the ``holidays`` package lists for ``year``.

    Cached across calendars: every calendar shares the national list and only
    differs by its local closures.  Includes the weekend "actual" days (e.g. Sat
    26 Dec 2020) that the package lists beside the substitute Monday.
    """
    table = holidays.country_holidays("GB", subdiv="ENG", years=year)
    return tuple(sorted((d, name) for d, name in table.items() if d.year == year))


class _Span(NamedTuple):
    """An immutable snapshot of the loaded years: readers use it without the lock."""

    first_year: int
    last_year: int
    days: list[int]  # ordinals of working days in [first_year, last_year], ascending


class WorkingDayCalendar:
    """Working days in England and Wales, less any local closure days.

    Immutable from the caller's view; lazy year loading is guarded by a lock and
    publishes a new snapshot, so concurrent readers are safe.
    """

    def __init__(self, closures: Iterable[date] = ()) -> None:
        self._closures: frozenset[date] = frozenset(_as_date(d) for d in closures)
        self._closure_ordinals = frozenset(d.toordinal() for d in self._closures)
        self._lock = threading.Lock()
        self._span: _Span | None = None

    def __repr__(self) -> str:
        shown = ", ".join(d.isoformat() for d in sorted(self._closures))
        return f"WorkingDayCalendar(closures=[{shown}])"

    @property
    def closures(self) -> frozenset[date]:
        """The local closure days this calendar adds to the bank holidays."""
        return self._closures

    # -- public queries -------------------------------------------------------------

    def is_working_day(self, d: date) -> bool:
        """True if ``d`` is Monday-Friday and neither a bank holiday nor a closure."""
        o = d.toordinal()
        days = self._ensure(d.year, d.year).days
        i = bisect_left(days, o)
        return i < len(days) and days[i] == o

    def add_working_days(self, d: date, n: int) -> date:
        """The nth working day after ``d`` (``d`` not counted), as the rules count
        "within n working days of d".

        ``n == 0`` gives ``d`` itself (even if ``d`` is not a working day); ``n < 0``
        gives the |n|th working day before ``d``.  Raises ``OverflowError`` if the
        answer would fall outside the years ``datetime.date`` can hold.
        """
        n = operator.index(n)
        if n == 0:
            return d
        o = d.toordinal()
        span = self._ensure(d.year, d.year)
        if n > 0:
            while True:
                days = span.days
                i = bisect_right(days, o) + n - 1
                if i < len(days):
                    return date.fromordinal(days[i])
                if span.last_year >= MAXYEAR:
                    raise OverflowError("working-day result is after the last date")
                short = i - len(days) + 1
                span = self._ensure(
                    span.first_year,
                    span.last_year + short // _MIN_WORKING_DAYS_PER_YEAR + 1,
                )
        while True:
            days = span.days
            i = bisect_left(days, o) + n
            if i >= 0:
                return date.fromordinal(days[i])
            if span.first_year <= MINYEAR:
                raise OverflowError("working-day result is before the first date")
            span = self._ensure(
                span.first_year - (-i) // _MIN_WORKING_DAYS_PER_YEAR - 1,
                span.last_year,
            )

    def working_days_between(self, a: date, b: date) -> int:
        """Working days in (a, b]: how many working days ``b`` is after ``a``.

        Negative (minus the working days in (b, a]) when ``b < a``, so that
        ``working_days_between(d, add_working_days(d, n)) == n`` for ``n >= 0``.
        """
        span = self._ensure(min(a.year, b.year), max(a.year, b.year))
        days = span.days
        return bisect_right(days, b.toordinal()) - bisect_right(days, a.toordinal())

    def bank_holidays(self, year: int) -> dict[date, str]:
        """England and Wales bank holidays in ``year``, as GOV.UK publishes them.

        Weekday dates only: GOV.UK lists the substitute day (Mon 28 Dec 2020) and not
        the weekend date it replaces (Sat 26 Dec 2020), which the ``holidays``
        package also lists.  Local closures are not included (see ``closures``).
        """
        return {d: name for d, name in _package_holidays(year) if d.weekday() < 5}

    # -- lazy loading ---------------------------------------------------------------

    def _ensure(self, first_year: int, last_year: int) -> _Span:
        """A snapshot covering at least ``first_year..last_year``, loading if needed."""
        span = self._span
        if span is not None and span.first_year <= first_year and last_year <= span.last_year:
            return span
        with self._lock:
            span = self._span  # another thread may have loaded it meanwhile
            if span is not None and span.first_year <= first_year and last_year <= span.last_year:
                return span
            lo = max(MINYEAR, first_year - _PAD_YEARS)
            hi = min(MAXYEAR, last_year + _PAD_YEARS)
            if span is None:
                new = _Span(lo, hi, self._build(lo, hi))
            else:
                lo = min(lo, span.first_year)
                hi = max(hi, span.last_year)
                before = self._build(lo, span.first_year - 1) if lo < span.first_year else []
                after = self._build(span.last_year + 1, hi) if hi > span.last_year else []
                new = _Span(lo, hi, before + span.days + after)
            self._span = new  # a single reference assignment: readers see old or new
            return new

    def _build(self, first_year: int, last_year: int) -> list[int]:
        """Working-day ordinals for whole years ``first_year..last_year``."""
        closed = set(self._closure_ordinals)
        for year in range(first_year, last_year + 1):
            closed.update(d.toordinal() for d, _ in _package_holidays(year))
        start = date(first_year, 1, 1).toordinal()
        stop = date(last_year, 12, 31).toordinal() + 1
        # date.toordinal() is 1 for Monday 0001-01-01, so (o - 1) % 7 is the weekday.
        return [o for o in range(start, stop) if (o - 1) % 7 < 5 and o not in closed]


def _as_date(d: date) -> date:
    """Drop any time part, so a datetime closure still matches its day."""
    return date(d.year, d.month, d.day)


_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def add_months(d: date, n: int) -> date:
    """``d`` plus ``n`` calendar months ("within n months of d"); ``n`` may be negative.

    A day missing from the target month clamps to its last day (31 Jan + 1 = 28/29
    Feb), per POLICY-RULES Conventions.
    """
    n = operator.index(n)
    year, month0 = divmod(d.year * 12 + (d.month - 1) + n, 12)
    if not MINYEAR <= year <= MAXYEAR:
        raise OverflowError("date value out of range")
    month = month0 + 1
    day = d.day
    if day > 28:
        last = _DAYS_IN_MONTH[month] if month != 2 else (29 if calendar.isleap(year) else 28)
        day = min(day, last)
    return date(year, month, day)


def add_weeks(d: date, n: int) -> date:
    """``d`` plus ``n`` weeks, i.e. 7n days ("within n weeks of d")."""
    return d + timedelta(days=7 * operator.index(n))


ENGLAND_AND_WALES = WorkingDayCalendar()
"""The default calendar: England and Wales bank holidays, no local closures."""
