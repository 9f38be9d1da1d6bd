"""`permanence measures`: the contract of POLICY-RULES.md on the sample returns, several
years given together, and the formats for analysts."""

import csv
import io
import json

import pytest

from permanence.cli import main
from permanence.synth import write_return

GROUPS = {"adoption", "sgo", "cao", "planned_return_home", "unplanned_return_home", "other"}


def measures(capsys, *args):
    code = main(["measures", *map(str, args), "-q"])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def check_contract(doc):
    assert {"short_term_stability", "long_term_stability", "adoption", "outcomes"} <= set(doc)
    for key in ("short_term_stability", "long_term_stability"):
        r = doc[key]
        assert set(r) == {"numerator", "denominator", "percent"}
        assert 0 <= r["numerator"] <= r["denominator"]
        if r["denominator"]:
            assert r["percent"] == round(100 * r["numerator"] / r["denominator"], 1)
    assert set(doc["adoption"]) == {"a1_days", "a2_days", "a10_days", "children"}
    assert set(doc["outcomes"]) == GROUPS


@pytest.mark.parametrize(
    "sample, as_of",
    [
        ("validator-fake", "2018-03-31"),
        ("validator-fake/fake_903.xml", "2018-03-31"),
        ("demand-model-samples", "2020-03-31"),
    ],
)
def test_the_three_sample_returns_give_figures_and_the_children_behind_them(
    shared, capsys, sample, as_of
):
    path = shared / "data/ssda903" / sample
    doc = json.loads(
        measures(capsys, "--ssda903", path, "--as-of", as_of, "--format", "json", "--children")
    )
    check_contract(doc)
    assert doc["short_term_stability"]["denominator"] > 0
    behind = doc["children_behind"]
    assert len(behind["short_term_stability.numerator"]) == doc["short_term_stability"]["numerator"]
    assert set(behind["short_term_stability.numerator"]) <= set(
        behind["short_term_stability.denominator"]
    )
    assert len(behind["adoption.children"]) == doc["adoption"]["children"]
    for group in GROUPS:
        assert len(behind[f"outcomes.{group}"]) == doc["outcomes"][group]


def test_yearly_returns_given_together_give_the_figures_of_the_whole_history(tmp_path, capsys):
    whole, yearly = tmp_path / "whole", tmp_path / "yearly"
    write_return(whole, n_children=800, seed=4)
    summary = write_return(yearly, n_children=800, seed=4, split_years=True)
    years = sorted({p.name.split("-")[0] for p in yearly.glob("*-episodes.csv")})
    assert len(years) > 3, summary
    # Each yearly return as its own --ssda903 folder, as an analyst would give them.
    folders = []
    for year in years:
        folder = tmp_path / f"return-{year}"
        folder.mkdir()
        for f in yearly.glob(f"{year}-*.csv"):
            f.rename(folder / f.name)
        folders += ["--ssda903", folder]
    for as_of in ("2026-03-31", "2024-03-31"):
        one = json.loads(measures(capsys, "--ssda903", whole, "--as-of", as_of, "--format", "json"))
        many = json.loads(measures(capsys, *folders, "--as-of", as_of, "--format", "json"))
        assert one == many
        assert one["short_term_stability"]["denominator"] > 100


def test_csv_table_and_xlsx(shared, capsys, tmp_path):
    path = shared / "data/ssda903/demand-model-samples"
    doc = json.loads(
        measures(capsys, "--ssda903", path, "--as-of", "2020-03-31", "--format", "json")
    )
    rows = list(
        csv.DictReader(
            io.StringIO(
                measures(capsys, "--ssda903", path, "--as-of", "2020-03-31", "--format", "csv")
            )
        )
    )
    got = {(r["measure"], r["figure"]): r["value"] for r in rows}
    assert got[("short_term_stability", "numerator")] == str(
        doc["short_term_stability"]["numerator"]
    )
    assert got[("outcomes", "sgo")] == str(doc["outcomes"]["sgo"])
    table = measures(capsys, "--ssda903", path, "--as-of", "2020-03-31")
    st = doc["short_term_stability"]
    assert f"{st['numerator']:,} of {st['denominator']:,} children: {st['percent']}%" in table
    xlsx = tmp_path / "m.xlsx"
    measures(capsys, "--ssda903", path, "--as-of", "2020-03-31", "--format", "xlsx", "-o", xlsx)
    import openpyxl

    wb = openpyxl.load_workbook(xlsx, read_only=True)
    kids = [r for r in wb["Children"].iter_rows(min_row=2, values_only=True)]
    assert sum(1 for k, _ in kids if k == "short_term_stability.denominator") == st["denominator"]
