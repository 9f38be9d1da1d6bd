"""load_return on small hand-written returns (tests/ssda903/fixtures)."""

import shutil
from dataclasses import replace
from datetime import date

import pytest

from permanence.ssda903 import Return, UnusableReturn, load_return

EPISODES = (
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"
)
HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"


def without_sources(child):
    """A child as data, less where each fact was read (which differs between files)."""

    def plain(items):
        return [replace(x, source=None) for x in items]

    return replace(
        child,
        episodes=plain(child.episodes),
        reviews=plain(child.reviews),
        adoption_decisions=plain(child.adoption_decisions),
        placed_for_adoption=plain(child.placed_for_adoption),
    )


def find(problems, **fields):
    return [p for p in problems if all(getattr(p, k) == v for k, v in fields.items())]


# --- one return, CSV and XML


def test_the_csv_return_loads_into_the_domain(fixtures):
    ret = load_return(fixtures / "return_csv")
    assert isinstance(ret, Return) and ret.problems == []
    assert set(ret.children) == {"T001", "T002", "T003", "T004"}
    t001 = ret.children["T001"]
    assert (t001.dob, t001.sex, t001.ethnicity) == (date(2015, 3, 31), "1", "WBRI")
    assert [(e.start, e.reason_new, e.placement, e.end) for e in t001.episodes] == [
        (date(2023, 12, 11), "S", "U6", date(2024, 2, 1)),
        (date(2024, 2, 1), "P", "U4", date(2024, 6, 3)),
        (date(2024, 6, 3), "L", "U4", None),
    ]
    assert t001.episodes[1].reason_place_change == "CREQB"
    assert t001.episodes[0].source.file.endswith("episodes.csv")
    assert t001.episodes[0].source.line == 2
    assert [r.date for r in t001.reviews] == [date(2024, 1, 5), date(2024, 4, 20)]
    t002 = ret.children["T002"]
    assert t002.uasc_ceased == date(2026, 7, 14)
    assert [(m.kind, m.start, m.end) for m in t002.missing] == [
        ("M", date(2023, 11, 1), date(2023, 11, 3)),
        ("A", date(2023, 12, 20), None),
    ]
    assert t002.previous_permanence.date_text == "zz/zz/2014"
    t003 = ret.children["T003"]
    assert t003.adoption_decisions[0].by_foster_carer is False
    assert t003.placed_for_adoption[0].decided == date(2023, 3, 1)
    assert t003.known == frozenset()
    t004 = ret.children["T004"]  # in the header only: kept
    assert t004.episodes == [] and t004.dob == date(2012, 2, 29)
    assert set(ret.tables) == {
        "header",
        "episodes",
        "reviews",
        "uasc",
        "missing",
        "previous_permanence",
        "ad1",
        "placed_for_adoption",
    }


def test_xml_and_csv_of_the_same_return_give_the_same_children(fixtures):
    from_csv = load_return(fixtures / "return_csv")
    from_xml = load_return(fixtures / "return.xml")
    assert from_xml.problems == []
    assert list(from_xml.children) == list(from_csv.children)
    for child_id, child in from_csv.children.items():
        assert without_sources(from_xml.children[child_id]) == without_sources(child)
    # and the XML's facts point at their own lines
    assert from_xml.children["T001"].episodes[0].source.line == 17


def test_a_folder_with_csv_and_xml_reads_the_csv_only(fixtures, tmp_path):
    shutil.copytree(fixtures / "return_csv", tmp_path / "both")
    shutil.copy(fixtures / "return.xml", tmp_path / "both")
    ret = load_return(tmp_path / "both")
    assert all(not files[0].endswith(".xml") for files in ret.tables.values())
    assert any("return.xml" in note and "Not read" in note for note in ret.reconciliation)
    assert ret.problems == []


# --- bad rows


def test_a_bad_date_is_reported_and_its_row_dropped_while_the_others_load(fixtures):
    ret = load_return(fixtures / "bad_rows")
    [bad] = find(ret.problems, field="DECOM")
    assert bad.file.endswith("bad_rows/episodes.csv")
    assert (bad.line, bad.value, bad.severity, bad.row_used) == (3, "31/02/2017", "error", False)
    assert str(bad).endswith(
        "episodes.csv line 3, DECOM '31/02/2017': not a real date "
        "(expected dd/mm/YYYY); row not used"
    )
    # B001's good row (line 2) is there, its bad row (line 3) is not
    assert [e.start for e in ret.children["B001"].episodes] == [date(2017, 4, 1)]


def test_a_bad_code_is_reported_and_its_row_kept(fixtures):
    ret = load_return(fixtures / "bad_rows")
    [bad] = find(ret.problems, field="PLACE")
    assert (bad.line, bad.value, bad.severity, bad.row_used) == (4, "XX", "error", True)
    assert ret.children["B002"].episodes[0].placement == "XX"


def test_other_bad_rows_of_the_fixture(fixtures):
    ret = load_return(fixtures / "bad_rows")
    [dec] = find(ret.problems, field="DEC", line=5)
    assert dec.row_used and ret.children["B003"].episodes[0].end is None
    [child] = find(ret.problems, field="CHILD", line=6)
    assert not child.row_used
    [rne] = find(ret.problems, field="RNE", line=7)
    assert rne.severity == "warning" and ret.children["B004"].episodes[0].reason_new == "S"
    [short] = find(ret.problems, line=8, file=dec.file)
    assert not short.row_used and "5 fields" in short.reason
    [dob] = find(ret.problems, field="DOB")
    assert ret.children["B002"].dob is None and dob.row_used  # the child is kept
    # nothing else went missing: every used row is in the children
    assert sum(len(c.episodes) for c in ret.children.values()) == 4


def test_problems_are_in_file_and_line_order(fixtures):
    ret = load_return(fixtures / "bad_rows")
    order = [(p.file, p.line or 0) for p in ret.problems]
    assert order == sorted(order)


# --- recognising tables


def test_tables_are_recognised_by_columns_not_file_names(fixtures):
    ret = load_return(fixtures / "odd_names")
    assert [f.rsplit("/", 1)[-1] for f in ret.tables["episodes"]] == ["zz_first.csv"]
    assert [f.rsplit("/", 1)[-1] for f in ret.tables["header"]] == ["a.csv"]
    q001 = ret.children["Q001"]  # BOM, shuffled, lower-case, spaced columns
    assert q001.dob == date(2011, 4, 3) and q001.sex == "2"
    assert [(e.start, e.placement, e.reason_new, e.end) for e in q001.episodes] == [
        (date(2019, 5, 1), "U1", "S", date(2019, 8, 1)),
        (date(2019, 8, 1), "U4", "P", None),
    ]
    [unknown] = ret.problems
    assert unknown.file.endswith("notes.csv") and unknown.severity == "warning"
    assert "not a recognised SSDA903 table" in unknown.reason
    assert any("readme.txt" in note for note in ret.reconciliation)


def test_no_episodes_table_is_unusable(fixtures):
    with pytest.raises(UnusableReturn) as caught:
        load_return(fixtures / "no_episodes")
    message = str(caught.value)
    assert "no episodes table" in message and "header, reviews" in message
    assert "\n" not in message


def test_a_missing_path_is_unusable(fixtures):
    with pytest.raises(UnusableReturn, match="no_such_folder: no such file or folder"):
        load_return([fixtures / "return_csv", fixtures / "no_such_folder"])
    with pytest.raises(UnusableReturn):
        load_return([])


# --- several returns


def test_two_yearly_returns_are_combined_later_replacing_earlier(fixtures):
    ret = load_return(fixtures / "two_years")
    y001 = ret.children["Y001"]
    # open in the 2019 return, closed in the 2020 one: appears once, closed
    assert [(e.start, e.end, e.reason_end) for e in y001.episodes] == [
        (date(2018, 6, 1), date(2019, 10, 10), "E4A")
    ]
    assert y001.episodes[0].source.file.endswith("2020-episodes.csv")
    assert y001.ethnicity == "WIRI"  # the 2020 header row
    assert [(r.date, r.code) for r in y001.reviews] == [
        (date(2018, 12, 1), "PN2"),
        (date(2019, 6, 1), "PN1"),
    ]
    # 2019's open episode is followed by a 2020 one: it ended when that one started
    y002 = ret.children["Y002"]
    assert [(e.start, e.end, e.reason_end) for e in y002.episodes] == [
        (date(2019, 1, 1), date(2019, 3, 1), "X1"),
        (date(2019, 3, 1), date(2019, 6, 1), "X1"),
        (date(2019, 6, 1), None, None),
    ]
    notes = "\n".join(ret.reconciliation)
    assert "1 episode appeared in more than one return: the later return's row was kept" in notes
    assert "1 review appeared in more than one return" in notes
    assert "2 header rows appeared in more than one return" in notes
    assert "1 episode from an earlier return was open" in notes
    assert ret.problems == []


def test_file_name_order_decides_not_the_order_given(fixtures):
    folder = fixtures / "two_years"
    files = sorted(folder.iterdir(), reverse=True)
    given_backwards = load_return(files)
    assert given_backwards.children["Y001"].episodes[0].end == date(2019, 10, 10)
    assert given_backwards.tables["episodes"][0].endswith("2019-episodes.csv")


def test_an_overlap_within_one_file_is_warned_about_and_cut(tmp_path):
    (tmp_path / "h.csv").write_text(f"{HEADER}\nC1,1,01/01/2010,WBRI,,,\n")
    (tmp_path / "e.csv").write_text(
        f"{EPISODES}\n"
        "C1,01/01/2020,S,C1,N1,U1,PR1,01/05/2020,X1,,,,\n"
        "C1,01/03/2020,P,C1,N1,U4,PR1,,,,,,\n"
    )
    ret = load_return(tmp_path)
    [warning] = ret.problems
    assert (warning.line, warning.field, warning.severity) == (2, "DEC", "warning")
    assert "ended on 01/03/2020" in warning.reason
    assert [e.end for e in ret.children["C1"].episodes] == [date(2020, 3, 1), None]


def test_an_earlier_return_episode_inside_a_later_one_is_not_used(tmp_path):
    (tmp_path / "1-h.csv").write_text(f"{HEADER}\nC1,1,01/01/2010,WBRI,,,\n")
    (tmp_path / "1-e.csv").write_text(f"{EPISODES}\nC1,10/01/2020,S,C1,N1,U1,PR1,,,,,,\n")
    (tmp_path / "2-e.csv").write_text(
        f"{EPISODES}\nC1,01/01/2020,S,C1,N1,U1,PR1,01/06/2020,E4A,,,,\n"
    )
    ret = load_return(tmp_path)
    assert [(e.start, e.end) for e in ret.children["C1"].episodes] == [
        (date(2020, 1, 1), date(2020, 6, 1))
    ]
    [warning] = ret.problems
    assert warning.file.endswith("1-e.csv") and warning.line == 2 and not warning.row_used


def test_children_without_a_header_row_are_kept_with_a_warning(tmp_path):
    (tmp_path / "h.csv").write_text(f"{HEADER}\nC1,1,01/01/2010,WBRI,,,\nC3,2,01/01/2011,WBRI,,,\n")
    (tmp_path / "e.csv").write_text(
        f"{EPISODES}\nC1,01/01/2020,S,C1,N1,U1,PR1,,,,,,\nC2,01/01/2020,S,C1,N1,U1,PR1,,,,,,\n"
    )
    ret = load_return(tmp_path)
    assert ret.children["C2"].dob is None and len(ret.children["C2"].episodes) == 1
    assert ret.children["C3"].episodes == []
    [warning] = ret.problems
    assert (warning.field, warning.value, warning.line, warning.severity) == (
        "CHILD",
        "C2",
        3,
        "warning",
    )


def test_a_repeated_row_in_one_file_is_warned_about(tmp_path):
    (tmp_path / "h.csv").write_text(f"{HEADER}\nC1,1,01/01/2010,WBRI,,,\n")
    (tmp_path / "e.csv").write_text(f"{EPISODES}\nC1,01/01/2020,S,C1,N1,U1,PR1,,,,,,\n")
    (tmp_path / "r.csv").write_text(
        "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,01/01/2010,01/02/2020,PN1\nC1,01/01/2010,01/02/2020,PN2\n"
    )
    ret = load_return(tmp_path)
    [warning] = ret.problems
    assert (warning.line, warning.field, warning.severity) == (3, "REVIEW", "warning")
    assert [r.code for r in ret.children["C1"].reviews] == ["PN2"]


# --- progress


def test_progress_bar_only_when_asked(fixtures, capsys):
    load_return(fixtures / "return_csv", progress=False)
    assert capsys.readouterr().err == ""
    load_return(fixtures / "return_csv", progress=True)
    assert "Reading SSDA903" in capsys.readouterr().err
    load_return(fixtures / "return_csv")  # small, and stderr is not a terminal here
    assert capsys.readouterr().err == ""
