"""`permanence report`: the service reports from the sample returns, as workbooks and as
readable summaries."""

import json

import openpyxl
import pytest

from permanence.cli import main
from permanence.rules.engine import Case
from permanence.ssda903 import load_return
from permanence.workingdays import ENGLAND_AND_WALES

SAMPLE = "data/ssda903/demand-model-samples"


def report(capsys, *args):
    code = main(["report", *map(str, args), "-q"])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def records(ws) -> list[dict]:
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


@pytest.fixture(scope="module")
def looked_after_31_march_2020(shared):
    """The children looked after on 31 March 2020, worked out from the return directly."""
    from datetime import date

    ret = load_return([str(shared / SAMPLE)])
    day = date(2020, 3, 31)
    return {c.id for c in ret.children.values() if Case(c, day, ENGLAND_AND_WALES).current_period}


def test_tracker_workbook_has_every_child_looked_after(
    shared, capsys, tmp_path, looked_after_31_march_2020
):
    out = tmp_path / "tracker.xlsx"
    args = ["tracker", "--ssda903", shared / SAMPLE, "--as-of", "2020-03-31"]
    report(capsys, *args, "--profile", "bolton", "--xlsx", out)
    wb = openpyxl.load_workbook(out)
    rows = records(wb["Tracker"])
    assert {r["Child"] for r in rows} == looked_after_31_march_2020
    assert len(rows) == len(looked_after_31_march_2020)
    assert all(r["Profile"] == "bolton" for r in rows)
    assert all(r["Cost to date (£)"] > 0 for r in rows)
    assert [r["Profile"] for r in records(wb["Costs used"])][:1] == ["bolton"]


def test_quarterly_report_is_for_the_quarter_ending_on_or_before_the_date(
    shared, capsys, tmp_path, looked_after_31_march_2020
):
    out = tmp_path / "quarterly.xlsx"
    args = ["quarterly", "--ssda903", shared / SAMPLE, "--as-of", "2020-05-15", "--xlsx", out]
    report(capsys, *args)
    wb = openpyxl.load_workbook(out)
    summary = records(wb["Summary"])
    n = len(looked_after_31_march_2020)
    assert summary[0] == {"Count of": "Looked after", "Which": "on 31 Mar 2020", "Children": n}
    groups = [s["Children"] for s in summary if s["Count of"] == "Placement group"]
    types = [s["Children"] for s in summary if s["Count of"] == "Placement type"]
    assert sum(groups) == sum(types) == n
    assert len(records(wb["Children"])) == n
    text = report(capsys, "quarterly", "--ssda903", shared / SAMPLE, "--as-of", "2020-03-31")
    assert text.startswith("Quarterly report, Q4 2019-20 (January to March 2020)")
    assert f"Children looked after on 31 Mar 2020: {n:,}" in text


def test_trends_agree_with_the_measures_command_at_each_31_march(shared, capsys, tmp_path):
    out = tmp_path / "trends.xlsx"
    report(capsys, "trends", "--ssda903", shared / SAMPLE, "--as-of", "2021-06-01", "--xlsx", out)
    rows = records(openpyxl.load_workbook(out)["Trends"])
    assert len(rows) >= 3
    for row in rows:
        as_of = row["Year to 31 March"].date().isoformat()
        code = main(
            ["measures", "--ssda903", str(shared / SAMPLE), "--as-of", as_of, "--format", "json"]
            + ["-q"]
        )
        doc = json.loads(capsys.readouterr().out)
        assert code == 0
        st = doc["short_term_stability"]
        assert (row["Short-term: 3+ placements"], row["Short-term: children"]) == (
            st["numerator"],
            st["denominator"],
        )
        assert row["Children adopted"] == doc["adoption"]["children"]


def test_annual_and_disruption_summaries(shared, capsys, tmp_path):
    text = report(capsys, "annual", "--ssda903", shared / SAMPLE, "--as-of", "2020-06-30")
    assert text.startswith("Annual indicators, 2019-20 (Bolton 11.3)")
    assert "Cases stepping up to children's social care\n  no number" in text
    assert "(2018-19: " in text  # the sample holds the year before
    out = tmp_path / "disruption.xlsx"
    args = ["disruption", "--ssda903", shared / SAMPLE, "--as-of", "2020-03-31", "--xlsx", out]
    report(capsys, *args)
    wb = openpyxl.load_workbook(out)
    summary = records(wb["Summary"])
    assert [s["Period"] for s in summary][-1] == "Year 2019-20"
    endings = records(wb["Endings"])
    assert summary[-1]["Unplanned endings"] == len(endings) > 0
    assert sum(s["Unplanned endings"] for s in summary[:4]) == len(endings)
    # From a return, whether a disruption meeting was held is not known.
    assert summary[-1]["Meeting not known (903 only)"] == len(endings)


def test_an_unknown_profile_is_one_line(shared, capsys):
    code = main(["report", "tracker", "--ssda903", str(shared / SAMPLE), "--profile", "wigan"])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("permanence: unknown profile 'wigan'")
