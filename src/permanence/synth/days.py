"""Day arithmetic on date ordinals, for the simulation (fast: no date objects in loops)."""

from __future__ import annotations

import bisect
from calendar import monthrange
from datetime import date


def add_years(day: date, years: int) -> date:
    """`day` moved by whole years; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 2, 28)


def birthday(dob: date, years: int) -> date:
    """The date a child born on `dob` turns `years`; a 29 February birthday falls on
    1 March (as `permanence.domain.model.Child.birthday`)."""
    try:
        return dob.replace(year=dob.year + years)
    except ValueError:
        return date(dob.year + years, 3, 1)


def add_months(ordinal: int, months: int) -> int:
    """`ordinal` + N calendar months; a day missing in the target month clamps to its
    last day (31 Jan + 1 month = 28/29 Feb), as POLICY-RULES counts months."""
    d = date.fromordinal(ordinal)
    m = d.month - 1 + months
    y = d.year + m // 12
    m = m % 12 + 1
    last = monthrange(y, m)[1]
    return date(y, m, min(d.day, last)).toordinal()


class WorkingDays:
    """Working days (Monday-Friday, not an England and Wales bank holiday) between two
    ordinals, for placing reviews. Bank holidays come from the `holidays` package."""

    __slots__ = ("days",)

    def __init__(self, first: int, last: int) -> None:
        import holidays  # a declared dependency; imported here to keep import time low

        y0 = date.fromordinal(first).year
        y1 = date.fromordinal(last).year
        hols = {
            d.toordinal()
            for d in holidays.country_holidays("GB", subdiv="ENG", years=range(y0, y1 + 1))
        }
        # date.fromordinal(1) is a Monday, so (ordinal - 1) % 7 is 0 on Mondays.
        self.days = [o for o in range(first, last + 1) if (o - 1) % 7 < 5 and o not in hols]

    def after(self, ordinal: int, n: int) -> int:
        """The Nth working day after `ordinal` (`ordinal` itself not counted)."""
        days = self.days
        i = bisect.bisect_right(days, ordinal) + n - 1
        return days[i] if i < len(days) else days[-1] + (i - len(days) + 1)

    def on_or_after(self, ordinal: int) -> int:
        days = self.days
        i = bisect.bisect_left(days, ordinal)
        return days[i] if i < len(days) else ordinal
