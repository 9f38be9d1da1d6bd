"""The written return: deterministic, readable without problems, XML = CSV, years split."""

from __future__ import annotations

import argparse
import csv
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from permanence.ssda903 import load_return
from permanence.synth import SIZES, TABLES, generate, write_return
from permanence.synth.cli import add_arguments, run

YEAR_END = date(2026, 3, 31)  # as in conftest.py
CSV_NAMES = [f"{name}.csv" for name in TABLES]


def _bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _csv_rows(path: Path) -> tuple[list[str], list[tuple[str, ...]]]:
    with open(path, newline="", encoding="ascii") as f:
        rows = list(csv.reader(f))
    return rows[0], [tuple(r) for r in rows[1:]]


def _episode_key(child) -> list[tuple]:
    return [
        (e.start, e.end, e.reason_new, e.legal_status, e.placement, e.reason_end,
         e.reason_place_change, e.cin, e.provider, e.urn)
        for e in child.episodes
    ]  # fmt: skip


def _child_key(child) -> tuple:
    return (
        child.dob,
        child.ethnicity,
        _episode_key(child),
        [(r.date, r.code) for r in child.reviews],
        [(m.kind, m.start, m.end) for m in child.missing],
        [(a.decided, a.matched, a.by_foster_carer) for a in child.adoption_decisions],
        [(p.decided, p.ceased, p.reason_ceased) for p in child.placed_for_adoption],
        child.uasc_ceased,
        child.previous_permanence,
    )


# ---------------------------------------------------------------- determinism


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path):
    args = {"n_children": 300, "seed": 3, "formats": ("csv", "xml")}
    write_return(tmp_path / "a", **args)
    write_return(tmp_path / "b", **args)
    a, b = _bytes(tmp_path / "a"), _bytes(tmp_path / "b")
    assert sorted(a) == sorted(CSV_NAMES + ["ssda903.xml"])
    assert a == b
    write_return(tmp_path / "c", **{**args, "seed": 4})
    c = _bytes(tmp_path / "c")
    assert c["episodes.csv"] != a["episodes.csv"] and c["ssda903.xml"] != a["ssda903.xml"]


def test_generate_is_deterministic_and_prefix_stable():
    first = list(generate(60, seed=9))
    assert first == list(generate(60, seed=9))
    assert first == list(generate(120, seed=9))[:60]
    assert first != list(generate(60, seed=10))


def test_sizes():
    assert SIZES["national"] == 100_000
    with pytest.raises(ValueError):
        write_return("unused", n_children=5, size="council")
    with pytest.raises(ValueError):
        write_return("unused")


# ---------------------------------------------------------------- validity


def test_council_loads_without_problems(council):
    out, summary = council
    ret = load_return(out)  # the CSV files (the XML beside them is left aside)
    assert ret.problems == []
    assert len(ret.children) == summary["children"] == SIZES["council"]
    xml = load_return(out / "ssda903.xml")
    assert xml.problems == []
    assert len(xml.children) == summary["children"]


def test_council_size(council):
    out, summary = council
    assert 600 <= summary["looked_after_at_year_end"] <= 800
    ret = load_return(out)
    looked_after = sum(
        any(e.covers(YEAR_END) for e in child.episodes) for child in ret.children.values()
    )
    assert looked_after == summary["looked_after_at_year_end"]


def test_council_size_other_seeds(tmp_path):
    for seed in (1, 2):
        summary = write_return(tmp_path / str(seed), size="council", seed=seed)
        assert 600 <= summary["looked_after_at_year_end"] <= 800


# ---------------------------------------------------------------- XML = CSV


def _xml_tables(path: Path) -> dict[str, list[tuple[str, ...]]]:
    """The XML form read into the CSV tables, independently of the project's reader."""
    out: dict[str, list[tuple[str, ...]]] = {name: [] for name in TABLES}
    rename = {"CHILDID": "CHILD", "PL": "PLACE"}
    for child in ET.parse(path).getroot():
        header = child.find("HEADER")
        flat = {rename.get(el.tag, el.tag): (el.text or "") for el in header if len(el) == 0}

        def row(table: str, values: dict[str, str]) -> tuple[str, ...]:
            return tuple(values.get(col, "") for col in TABLES[table])

        out["header"].append(row("header", flat))
        if flat.get("UASC") == "1":
            out["uasc"].append(row("uasc", flat))
        if flat.get("IN_TOUCH"):
            out["oc3"].append(row("oc3", flat))
        if flat.get("DATE_INT"):
            out["ad1"].append(row("ad1", flat))
        groups = {
            "AREVIEW": "reviews",
            "AMISSING": "missing",
            "OC2": "oc2",
            "PERMANENCE": "previous_permanence",
            "AD_PLACED": "placed_for_adoption",
        }
        for el in header:
            if el.tag in groups:
                values = {**flat, **{sub.tag: (sub.text or "") for sub in el}}
                out[groups[el.tag]].append(row(groups[el.tag], values))
        for ep in child.findall("EPISODE"):
            values = {**flat, **{rename.get(sub.tag, sub.tag): (sub.text or "") for sub in ep}}
            out["episodes"].append(row("episodes", values))
    return out


def test_xml_and_csv_forms_agree(council):
    out, _ = council
    xml = _xml_tables(out / "ssda903.xml")
    for name in TABLES:
        columns, rows = _csv_rows(out / f"{name}.csv")
        assert tuple(columns) == TABLES[name]
        assert Counter(rows) == Counter(xml[name]), name
        assert rows, name  # every table has rows in a council-sized return
    # and through the project's reader
    a = load_return(out).children
    b = load_return(out / "ssda903.xml").children
    assert a.keys() == b.keys()
    for cid in a:
        assert _child_key(a[cid]) == _child_key(b[cid]), cid


# ---------------------------------------------------------------- split years


def test_split_years_give_back_the_full_history(split):
    full, yearly, s_full, s_yearly = split
    years = [r["year"] for r in s_yearly["returns"]]
    assert years[-1] == 2026 and years == sorted(years)
    assert len(years) >= 6  # the window's 5 years, and earlier ones for long stayers
    for year in years:
        for name in TABLES:
            assert (yearly / f"{year}-{name}.csv").exists()
        assert (yearly / f"{year}-ssda903.xml").exists()
    # independently of the reader: merge the yearly episodes, the closed row winning
    _, full_eps = _csv_rows(full / "episodes.csv")
    merged: dict[tuple[str, str], tuple[str, ...]] = {}
    for year in years:
        _, rows = _csv_rows(yearly / f"{year}-episodes.csv")
        for r in rows:
            key = (r[0], r[1])
            if key not in merged or not merged[key][7]:
                merged[key] = r
    assert sorted(merged.values()) == sorted(full_eps)
    _, full_reviews = _csv_rows(full / "reviews.csv")
    yearly_reviews = []
    for year in years:
        yearly_reviews += _csv_rows(yearly / f"{year}-reviews.csv")[1]
    assert sorted(yearly_reviews) == sorted(full_reviews)  # each review in one year only
    # through the project's reader: the yearly returns read together = the full history
    a = load_return(yearly)
    b = load_return(full)
    assert a.problems == [] and b.problems == []
    assert a.children.keys() == b.children.keys()
    for cid, child in b.children.items():
        assert _episode_key(a.children[cid]) == _episode_key(child), cid
        assert _child_key(a.children[cid])[3:] == _child_key(child)[3:], cid


def test_each_yearly_return_holds_its_year(split):
    _, yearly, _, s_yearly = split
    for info in s_yearly["returns"]:
        start, end = date.fromisoformat(info["start"]), date.fromisoformat(info["end"])
        assert (end - start).days in (364, 365)
        _, rows = _csv_rows(yearly / f"{info['year']}-episodes.csv")
        assert len(rows) == info["episode_rows"]
        for r in rows:
            decom = date(int(r[1][6:]), int(r[1][3:5]), int(r[1][:2]))
            assert decom <= end
            if r[7]:
                dec = date(int(r[7][6:]), int(r[7][3:5]), int(r[7][:2]))
                assert start <= dec <= end
            else:
                assert r[8] == "" and r[9] == ""  # open at the year's end: no REC
        _, reviews = _csv_rows(yearly / f"{info['year']}-reviews.csv")
        for r in reviews:
            assert start <= date(int(r[2][6:]), int(r[2][3:5]), int(r[2][:2])) <= end
    last = s_yearly["returns"][-1]
    assert load_return(yearly / f"{last['year']}-ssda903.xml").problems == []


# ---------------------------------------------------------------- command line


def test_cli(tmp_path, capsys):
    parser = argparse.ArgumentParser(prog="permanence synth")
    add_arguments(parser)
    args = parser.parse_args(
        ["--out", str(tmp_path / "cli"), "--children", "80", "--seed", "2", "--format", "both",
         "--year-end", "2025-03-31", "--years", "3"]
    )  # fmt: skip
    assert run(args) == 0
    line = capsys.readouterr().out
    assert line.count("\n") == 1 and "80 synthetic children" in line
    assert (tmp_path / "cli" / "episodes.csv").exists()
    assert (tmp_path / "cli" / "ssda903.xml").exists()
    assert load_return(tmp_path / "cli").problems == []

    args = parser.parse_args(["--out", str(tmp_path / "split"), "--children", "40",
                              "--split-years", "--format", "xml"])  # fmt: skip
    assert run(args) == 0
    assert "yearly returns" in capsys.readouterr().out
    assert (tmp_path / "split" / "2026-ssda903.xml").exists()
    assert not list((tmp_path / "split").glob("*.csv"))
    with pytest.raises(SystemExit):
        parser.parse_args(["--out", "x", "--children", "5", "--size", "council"])
    with pytest.raises(SystemExit):
        parser.parse_args(["--children", "5"])  # --out is required
