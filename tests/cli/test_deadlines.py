"""`permanence deadlines`: the JSON contract of POLICY-RULES.md and the formats for people."""

import csv
import io
import json
from datetime import date

import pytest

from permanence.cli import main
from permanence.domain.care import clip_to
from permanence.profiles import PROFILE_NAMES
from permanence.ssda903 import load_return

STATUSES = {"met", "met_late", "upcoming", "overdue", "unknown", "not_applicable"}


def run_cli(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def validator(shared):
    return shared / "data/ssda903/validator-fake"


@pytest.fixture(scope="module")
def demand(shared):
    return shared / "data/ssda903/demand-model-samples"


def check_contract(doc, as_of, profile):
    assert set(doc) == {"as_of", "profile", "children"}
    assert doc["as_of"] == as_of and doc["profile"] == profile
    for c in doc["children"]:
        assert set(c) == {"child", "obligations", "alerts"} and isinstance(c["child"], str)
        for o in c["obligations"]:
            assert set(o) == {"rule", "due", "done", "status"}
            assert o["status"] in STATUSES
            for key in ("due", "done"):
                assert o[key] is None or date.fromisoformat(o[key])
        for a in c["alerts"]:
            assert set(a) == {"rule", "detail"} and a["detail"]


def children_in_care(path, as_of):
    """Children with an episode that is not a short break, on or before the as-of date."""
    ret = load_return(path, progress=False)
    return {
        c.id for c in ret.children.values() if any(not e.is_short_break for e in clip_to(c, as_of))
    }, set(ret.children)


@pytest.mark.parametrize("profile", PROFILE_NAMES)
@pytest.mark.parametrize(
    "sample, as_of", [("validator-fake", "2018-03-31"), ("demand-model-samples", "2021-03-31")]
)
def test_both_samples_give_deadlines_for_every_child_in_every_profile(
    shared, capsys, sample, as_of, profile
):
    path = shared / "data/ssda903" / sample
    code, out, err = run_cli(
        capsys,
        "deadlines",
        "--ssda903",
        path,
        "--as-of",
        as_of,
        "--profile",
        profile,
        "--format",
        "json",
    )
    assert code == 0, err
    doc = json.loads(out)
    check_contract(doc, as_of, profile)
    in_care, everyone = children_in_care(path, date.fromisoformat(as_of))
    listed = {c["child"] for c in doc["children"]}
    assert listed == everyone
    with_deadlines = {c["child"] for c in doc["children"] if c["obligations"]}
    assert in_care <= with_deadlines
    rules = {o["rule"] for c in doc["children"] for o in c["obligations"]}
    assert {"review.first", "review.second", "review.subsequent", "plan.permanence"} <= rules
    if profile != "national":
        assert any(r.startswith(profile + ".") for r in rules), f"no {profile} rule gave a deadline"


def test_an_xml_return_gives_deadlines_too(validator, capsys):
    # fake_903.xml is its own random return (other children than the CSV files); the
    # reader's tests check that one return as CSV and as XML reads the same.
    xml = validator / "fake_903.xml"
    code, out, _ = run_cli(
        capsys, "deadlines", "--ssda903", xml, "--as-of", "2018-03-31", "--format", "json", "-q"
    )
    doc = json.loads(out)
    check_contract(doc, "2018-03-31", "national")
    in_care, everyone = children_in_care(xml, date(2018, 3, 31))
    assert code == 0 and {c["child"] for c in doc["children"]} == everyone
    assert in_care <= {c["child"] for c in doc["children"] if c["obligations"]}


def test_one_child_with_reasons(demand, capsys):
    ret = load_return(demand, progress=False)
    child = next(c for c in ret.children.values() if c.reviews and c.episodes[0].reason_new == "S")
    code, out, _ = run_cli(
        capsys,
        "deadlines",
        "--ssda903",
        demand,
        "--as-of",
        "2021-03-31",
        "--child",
        child.id,
        "--format",
        "json",
        "--explain",
        "--quiet",
    )
    doc = json.loads(out)
    assert code == 0 and [c["child"] for c in doc["children"]] == [child.id]
    first = next(o for o in doc["children"][0]["obligations"] if o["rule"] == "review.first")
    assert "20 working days after care began" in first["why"]
    assert first["source"].startswith("CPPCR reg 33(2)(a)")


def test_table_csv_and_xlsx_hold_the_same_rows(demand, capsys, tmp_path):
    base = ("deadlines", "--ssda903", demand, "--as-of", "2021-03-31", "--profile", "luton", "-q")
    _, table, _ = run_cli(capsys, *base)
    _, text, _ = run_cli(capsys, *base, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {"OVERDUE", "upcoming", "met"} <= set(table.split())
    assert len(table.splitlines()) >= len(rows)  # one line per row, plus the heading
    xlsx = tmp_path / "deadlines.xlsx"
    assert run_cli(capsys, *base, "--format", "xlsx", "--output", xlsx)[0] == 0
    import openpyxl

    ws = openpyxl.load_workbook(xlsx, read_only=True)["Deadlines"]
    sheet = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(sheet) == len(rows)
    assert {r[0] for r in sheet} == {r["child"] for r in rows}


def test_only_overdue(demand, capsys):
    _, text, _ = run_cli(
        capsys,
        "deadlines",
        "--ssda903",
        demand,
        "--as-of",
        "2021-03-31",
        "--format",
        "csv",
        "--status",
        "overdue",
        "-q",
    )
    statuses = {r["status"] for r in csv.DictReader(io.StringIO(text)) if r["kind"] == "obligation"}
    assert statuses == {"overdue"}


@pytest.mark.parametrize(
    "args, message",
    [
        (("--ssda903", "/no/such/folder"), "/no/such/folder"),
        (("--ssda903", "{empty}"), "episodes"),
        (("--ssda903", "{validator}", "--as-of", "31/03/2018"), "YYYY-MM-DD"),
        (("--ssda903", "{validator}", "--profile", "wigan"), "unknown profile"),
        (("--ssda903", "{validator}", "--child", "NOBODY"), "NOBODY"),
    ],
)
def test_unusable_input_is_one_line_and_exit_2(capsys, tmp_path, validator, args, message):
    (tmp_path / "notes.csv").write_text("A,B\n1,2\n")
    args = [a.format(empty=tmp_path, validator=validator) for a in args]
    try:
        code = main(["deadlines", *args, "-q"])
    except SystemExit as exc:  # argparse's own errors
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1, err


def test_a_row_with_several_problems_counts_once_as_not_used(tmp_path, capsys):
    (tmp_path / "episodes.csv").write_text(
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
        "101,05/01/2024,S,C2,N1,U6,PR1,,,,,,\n"
        ",31/02/2024,Q,C2,N1,U6,PR1,,,,,,\n"  # no CHILD and no real date: one row, not used
    )
    problems = tmp_path / "problems.csv"
    code = main(
        [
            "deadlines",
            "--ssda903",
            str(tmp_path),
            "--as-of",
            "2024-03-01",
            "--problems",
            str(problems),
        ]
    )
    err = capsys.readouterr().err
    assert code == 0
    listed = list(csv.DictReader(problems.open()))
    assert len(listed) >= 2 and {r["line"] for r in listed if r["row_used"] == "False"} == {"3"}
    assert "1 row not used" in err
