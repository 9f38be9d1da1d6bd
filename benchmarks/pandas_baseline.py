"""Short-term placement stability in pandas: the baselines the benchmark compares against.

Two versions, both reading only the episodes table:
- `notebook`: the straightforward way, as analysts write it in notebooks: read the CSV,
  group episodes by child and apply a Python function to each child;
- `vectorised`: the same measure in whole-column operations, for reference.

Both follow POLICY-RULES.md, "National measures": children looked after on D whose
episodes in the year are not all short breaks; numerator = 3 or more placements in the
12 months ending D (placement starts in the window, plus the one in force on its first
day). Neither reconciles overlapping or repeated episodes as the product's reader does.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

PLACEMENT_RNE = ["S", "P", "B", "T", "U"]
SHORT_BREAKS = ["V3", "V4"]


def window(as_of: date) -> pd.Timestamp:
    try:
        first = as_of.replace(year=as_of.year - 1) + timedelta(days=1)
    except ValueError:  # 29 February
        first = date(as_of.year - 1, 3, 1)
    return pd.Timestamp(first)


def read_episodes(folder: Path) -> pd.DataFrame:
    eps = pd.read_csv(Path(folder) / "episodes.csv", dtype=str, keep_default_na=False)
    eps["DECOM"] = pd.to_datetime(eps["DECOM"], format="%d/%m/%Y", errors="coerce")
    eps["DEC"] = pd.to_datetime(eps["DEC"].replace("", None), format="%d/%m/%Y", errors="coerce")
    return eps


def notebook(folder: Path, as_of: date) -> tuple[int, int]:
    eps = read_episodes(folder)
    d, start = pd.Timestamp(as_of), window(as_of)

    def one_child(g: pd.DataFrame):
        on_d = ((g["DECOM"] <= d) & (g["DEC"].isna() | (g["DEC"] > d))).any()
        year = g[(g["DECOM"] <= d) & (g["DEC"].isna() | (g["DEC"] > start))]
        year = year[~year["LS"].isin(SHORT_BREAKS)]
        if not on_d or year.empty:
            return None
        starts = (year["RNE"].isin(PLACEMENT_RNE) & (year["DECOM"] >= start)).sum()
        in_force = ((year["DECOM"] < start) & (year["DEC"].isna() | (year["DEC"] > start))).any()
        return int(starts + in_force) >= 3

    flags = eps.groupby("CHILD").apply(one_child).dropna()
    return int(flags.sum()), len(flags)


def vectorised(folder: Path, as_of: date) -> tuple[int, int]:
    eps = read_episodes(folder)
    d, start = pd.Timestamp(as_of), window(as_of)
    open_on = lambda day: (eps["DECOM"] <= day) & (eps["DEC"].isna() | (eps["DEC"] > day))  # noqa: E731
    looked_after = set(eps.loc[open_on(d), "CHILD"])
    year = eps[(eps["DECOM"] <= d) & (eps["DEC"].isna() | (eps["DEC"] > start))]
    year = year[~year["LS"].isin(SHORT_BREAKS) & year["CHILD"].isin(looked_after)]
    starts = (
        (year["RNE"].isin(PLACEMENT_RNE) & (year["DECOM"] >= start)).groupby(year["CHILD"]).sum()
    )
    in_force = (year["DECOM"] < start).groupby(year["CHILD"]).any()
    total = starts.add(in_force.astype(int), fill_value=0)
    return int((total >= 3).sum()), len(total)


if __name__ == "__main__":
    folder, as_of = Path(sys.argv[1]), date.fromisoformat(sys.argv[2])
    print("notebook", notebook(folder, as_of))
    print("vectorised", vectorised(folder, as_of))
