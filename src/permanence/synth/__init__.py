"""Synthetic SSDA903 returns at any scale (`permanence synth`).

    from permanence.synth import generate, write_return, SIZES

    children = generate(2000, seed=7)             # an iterator of SynthChild records
    summary = write_return("out/", size="council", formats=("csv", "xml"))

Every child is synthetic: made up by a seeded simulation shaped like an English council's
children looked after (see `model`), never drawn from real records. The same seed and
arguments give byte-identical files.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from os import PathLike
from pathlib import Path

from .days import add_years
from .model import generate_children
from .records import (
    SynthAdoption,
    SynthCareLeaver,
    SynthChild,
    SynthEpisode,
    SynthHealth,
    SynthMissing,
    SynthPeriod,
    SynthPlacedForAdoption,
    SynthPreviousPermanence,
    SynthReview,
)
from .writer import TABLES, Return, full_view, year_view

__all__ = [
    "DEFAULT_YEAR_END",
    "SIZES",
    "SynthAdoption",
    "SynthCareLeaver",
    "SynthChild",
    "SynthEpisode",
    "SynthHealth",
    "SynthMissing",
    "SynthPeriod",
    "SynthPlacedForAdoption",
    "SynthPreviousPermanence",
    "SynthReview",
    "TABLES",
    "children_for_size",
    "generate",
    "write_return",
]

DEFAULT_YEAR_END = date(2026, 3, 31)

# Number of children in the file for each named size, for the default 5-year window.
# "council": a council with about 700 children looked after on year_end, plus everyone
# who left during the window (and short-break children). "national": 100,000 children.
SIZES: dict[str, int] = {"council": 2050, "national": 100_000}

# The council preset keeps ~700 looked after on year_end whatever the window: the file
# holds those plus the children who left in the window, about this many per year.
_COUNCIL_LOOKED_AFTER = 700
_COUNCIL_PER_YEAR = (SIZES["council"] - _COUNCIL_LOOKED_AFTER) / 5


def children_for_size(size: str, years: int = 5) -> int:
    """Children in the file for a named size and window (`years`)."""
    if size not in SIZES:
        raise ValueError(f"unknown size {size!r}; choose from {', '.join(SIZES)}")
    if size == "council":
        return round(_COUNCIL_LOOKED_AFTER + _COUNCIL_PER_YEAR * years)
    return SIZES[size]


def generate(
    n_children: int,
    *,
    seed: int = 1,
    year_end: date = DEFAULT_YEAR_END,
    years: int = 5,
) -> Iterator[SynthChild]:
    """`n_children` synthetic children, each with a care history overlapping the `years`
    up to `year_end` (full histories: a child long in care has episodes from before).

    Deterministic for a given seed (one `random.Random(seed)`, no global state); the
    first N children are the same whatever `n_children` is.
    """
    if n_children < 0:
        raise ValueError("n_children must not be negative")
    return generate_children(n_children, seed, year_end, years)


def write_return(
    out_dir: str | PathLike[str],
    *,
    n_children: int | None = None,
    size: str | None = None,
    seed: int = 1,
    year_end: date = DEFAULT_YEAR_END,
    years: int = 5,
    formats: Iterable[str] = ("csv",),
    split_years: bool = False,
) -> dict:
    """Write a synthetic return into `out_dir` (created if need be) and say what was
    written.

    Give `n_children` or a `size` from SIZES. `formats`: "csv" (header.csv, episodes.csv,
    reviews.csv, uasc.csv, oc2.csv, oc3.csv, missing.csv, previous_permanence.csv,
    ad1.csv, placed_for_adoption.csv) and/or "xml" (ssda903.xml). With `split_years`,
    one return per collection year (the year to each anniversary of `year_end`, from the
    oldest year holding an episode), its files prefixed with the year it ends in
    ("2024-episodes.csv", "2024-ssda903.xml").
    """
    if (n_children is None) == (size is None):
        raise ValueError("give either n_children or size")
    n = n_children if n_children is not None else children_for_size(size, years)
    formats = tuple(formats)
    if not formats or set(formats) - {"csv", "xml"}:
        raise ValueError("formats must be one or both of 'csv' and 'xml'")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    looked_after = episodes = reviews = 0
    returns: dict[date, Return] = {}
    if split_years:
        # Every collection year a history can reach (18 years of childhood + window).
        windows = []
        for k in range(years + 20):
            end = add_years(year_end, -k)
            windows.append((add_years(year_end, -k - 1) + timedelta(days=1), end))
        windows.reverse()
    else:
        returns[year_end] = Return(out, "", formats)
    try:
        for c in generate(n, seed=seed, year_end=year_end, years=years):
            if c.looked_after_on(year_end):
                looked_after += 1
            episodes += len(c.episodes)
            reviews += len(c.reviews)
            if not split_years:
                returns[year_end].write(full_view(c, year_end))
                continue
            first = c.episodes[0].start
            for start, end in windows:
                if end < first:
                    continue
                v = year_view(c, start, end)
                if v is None:
                    continue
                r = returns.get(end)
                if r is None:
                    r = returns[end] = Return(out, f"{end.year}-", formats)
                r.write(v)
    finally:
        for r in returns.values():
            r.close()
    files = [str(p) for end in sorted(returns) for p in returns[end].paths()]
    summary = {
        "out_dir": str(out),
        "files": files,
        "children": n,
        "episodes": episodes,
        "reviews": reviews,
        "looked_after_at_year_end": looked_after,
        "year_end": year_end.isoformat(),
        "years": years,
        "seed": seed,
        "formats": list(formats),
        "split_years": split_years,
        "seconds": round(time.perf_counter() - started, 3),
    }
    if split_years:
        summary["returns"] = [
            {
                "year": end.year,
                "start": r_start.isoformat(),
                "end": end.isoformat(),
                "children": returns[end].children,
                "episode_rows": returns[end].episodes,
            }
            for r_start, end in windows
            if end in returns
        ]
    return summary
