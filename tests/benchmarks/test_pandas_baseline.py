"""The benchmark compares like with like: the pandas baselines give the product's figures."""

import sys
from datetime import date
from pathlib import Path

import pytest

from permanence.measures import measure
from permanence.ssda903 import load_return
from permanence.synth import write_return

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import pandas_baseline  # noqa: E402


@pytest.mark.parametrize("as_of", [date(2026, 3, 31), date(2025, 3, 31)])
def test_pandas_baselines_agree_with_the_product_on_a_synthetic_return(tmp_path, as_of):
    write_return(tmp_path, n_children=600, seed=11)
    ours = measure(load_return(tmp_path, progress=False).children.values(), as_of).short_term
    expected = (len(ours.numerator), len(ours.denominator))
    assert expected[1] > 100 and expected[0] > 0
    assert pandas_baseline.notebook(tmp_path, as_of) == expected
    assert pandas_baseline.vectorised(tmp_path, as_of) == expected
