"""Deadlines for every child: the one service the command line and the application call."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from permanence.domain.model import Child
from permanence.profiles import Profile
from permanence.rules.engine import ChildResult, iter_results
from permanence.workingdays import ENGLAND_AND_WALES, WorkingDayCalendar


def deadlines(
    children: Iterable[Child],
    profile: Profile,
    as_of: date,
    calendar: WorkingDayCalendar = ENGLAND_AND_WALES,
) -> Iterator[ChildResult]:
    """Each child's obligations and alerts on `as_of` under `profile`, in the input order."""
    return iter_results(children, list(profile.rules), as_of, calendar, profile.params)
