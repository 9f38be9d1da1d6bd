"""Shared synthetic returns for the synth tests (made once per test session)."""

from __future__ import annotations

from datetime import date

import pytest

from permanence.synth import generate, write_return

YEAR_END = date(2026, 3, 31)
SAMPLE_SIZE = 4000


@pytest.fixture(scope="session")
def sample():
    """A few thousand children, as records."""
    return list(generate(SAMPLE_SIZE, seed=11, year_end=YEAR_END, years=5))


@pytest.fixture(scope="session")
def council(tmp_path_factory):
    """The council preset, in both forms: (folder, summary)."""
    out = tmp_path_factory.mktemp("council")
    summary = write_return(out, size="council", seed=5, formats=("csv", "xml"))
    return out, summary


@pytest.fixture(scope="session")
def split(tmp_path_factory):
    """The same children as full history and as yearly returns: (full, yearly, summaries)."""
    full = tmp_path_factory.mktemp("full")
    yearly = tmp_path_factory.mktemp("yearly")
    args = {"n_children": 1500, "seed": 21, "year_end": YEAR_END, "years": 5}
    s_full = write_return(full, **args)
    s_yearly = write_return(yearly, split_years=True, formats=("csv", "xml"), **args)
    return full, yearly, s_full, s_yearly
