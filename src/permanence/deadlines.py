"""Deadlines for every child: the one service the command line and the application call."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import Any, TypeVar

from permanence.domain.model import Child
from permanence.profiles import Profile
from permanence.rules.engine import ChildResult, iter_results
from permanence.workingdays import ENGLAND_AND_WALES, WorkingDayCalendar

T = TypeVar("T")

# Below this many children a second process costs more than it saves.
PARALLEL_FROM = 5_000
CHUNK = 500


def deadlines(
    children: Iterable[Child],
    profile: Profile,
    as_of: date,
    calendar: WorkingDayCalendar = ENGLAND_AND_WALES,
) -> Iterator[ChildResult]:
    """Each child's obligations and alerts on `as_of` under `profile`, in the input order."""
    return iter_results(children, list(profile.rules), as_of, calendar, profile.params)


_JOB: tuple[Any, ...] = ()


def _work(bounds: tuple[int, int]) -> list[Any]:
    children, profile, as_of, calendar, render = _JOB
    part = children[bounds[0] : bounds[1]]
    return [render(r) for r in deadlines(part, profile, as_of, calendar)]


def rendered(
    children: Sequence[Child],
    profile: Profile,
    as_of: date,
    render: Callable[[ChildResult], T],
    calendar: WorkingDayCalendar = ENGLAND_AND_WALES,
    workers: int | None = None,
) -> Iterator[T]:
    """`render(result)` for every child, in order, over all cores for a large return.

    Worker processes are forked after the return is loaded, so they share it without
    copying or pickling; only the rendered results (text or rows) come back.
    """
    workers = workers or os.cpu_count() or 1
    if (
        workers < 2
        or len(children) < PARALLEL_FROM
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        for r in deadlines(children, profile, as_of, calendar):
            yield render(r)
        return
    global _JOB
    _JOB = (children, profile, as_of, calendar, render)
    bounds = [(i, min(i + CHUNK, len(children))) for i in range(0, len(children), CHUNK)]
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for chunk in pool.imap(_work, bounds):
                yield from chunk
    finally:
        _JOB = ()
