"""Reading files: CSV quirks and the XML form."""

import pytest

from permanence.ssda903 import UnusableReturn, load_return

EPISODES = (
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"
)


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def about_rows(ret):
    """The problems, less the note that no header table was given (these tests have none)."""
    return [p for p in ret.problems if "no header table" not in p.reason]


def test_line_numbers_are_physical_lines_even_after_a_quoted_newline(tmp_path):
    write(
        tmp_path / "e.csv",
        f"{EPISODES}\n"
        'C1,01/01/2020,S,C1,N1,U1,PR1,01/02/2020,X1,,"XX1\n1AA",,\n'
        "C1,01/02/2020,P,C1,N1,QQ,PR1,,,,,,\n",
    )
    ret = load_return(tmp_path)
    [problem] = about_rows(ret)
    assert (problem.line, problem.field) == (4, "PLACE")


def test_blank_rows_are_skipped_and_counted(tmp_path):
    write(tmp_path / "e.csv", f"{EPISODES}\n\n,,,,,,,,,,,,\nC1,01/01/2020,S,C1,N1,U1,PR1,,,,,,\n")
    ret = load_return(tmp_path)
    assert about_rows(ret) == [] and len(ret.children["C1"].episodes) == 1
    assert any("2 blank rows skipped" in note for note in ret.reconciliation)


def test_a_row_with_the_wrong_number_of_fields_is_not_used(tmp_path):
    write(
        tmp_path / "e.csv",
        f"{EPISODES}\nC1,01/01/2020,S,C1,N1\nC2,01/01/2020,S,C1,N1,U1,PR1,,,,,,,,\n",
    )  # trailing empty fields are fine
    ret = load_return(tmp_path)
    [problem] = about_rows(ret)
    assert (problem.line, problem.row_used, problem.child) == (2, False, "C1")
    assert set(ret.children) == {"C2"}


def test_semicolon_separated_and_windows_1252_files(tmp_path):
    write(
        tmp_path / "e.csv",
        EPISODES.replace(",", ";") + "\nC1;01/01/2020;S;C1;N1;U1;PR1;;;;Caf\u00e9 Row;;\n",
        encoding="cp1252",
    )
    ret = load_return(tmp_path)
    assert len(ret.children["C1"].episodes) == 1
    [problem] = about_rows(ret)
    assert problem.severity == "warning" and "Windows-1252" in problem.reason
    assert any("fallback encoding" in note for note in ret.reconciliation)


def test_missing_and_extra_columns_are_warned_about(tmp_path):
    columns = EPISODES.replace(",URN", ",NOTES")
    write(tmp_path / "e.csv", f"{columns}\nC1,01/01/2020,S,C1,N1,U1,PR1,,,,,,hello\n")
    ret = load_return(tmp_path)
    assert {(p.line, p.field, p.severity) for p in about_rows(ret)} == {
        (1, "URN", "warning"),
        (1, "NOTES", "warning"),
    }
    assert ret.children["C1"].episodes[0].urn == ""


def test_an_empty_or_unrecognised_csv_is_a_warning_not_fatal(tmp_path):
    write(tmp_path / "e.csv", f"{EPISODES}\nC1,01/01/2020,S,C1,N1,U1,PR1,,,,,,\n")
    write(tmp_path / "empty.csv", "")
    write(tmp_path / "other.csv", "A,B\n1,2\n")
    ret = load_return(tmp_path)
    assert {(p.file.rsplit("/", 1)[-1], p.row_used) for p in about_rows(ret)} == {
        ("empty.csv", False),
        ("other.csv", False),
    }
    assert list(ret.tables) == ["episodes"]


XML = """<?xml version="1.0" encoding="utf-8"?>
<EXPSSDA903>
<CHILD><HEADER><CHILDID>X1</CHILDID><SEX>1</SEX><DOB>01/01/2015</DOB><ETHNIC>WBRI</ETHNIC>
<AREVIEW><REVIEW>01/02/2021</REVIEW><REVIEW_CODE>PN9</REVIEW_CODE></AREVIEW></HEADER>
<EPISODE><DECOM>01/01/2021</DECOM><RNE>S</RNE><LS>C1</LS><CIN>N1</CIN><PL>U1</PL></EPISODE>
<EPISODE><DECOM>31/02/2021</DECOM><RNE>P</RNE><LS>C1</LS><CIN>N1</CIN><PL>U4</PL></EPISODE>
</CHILD>
</EXPSSDA903>
"""


def test_xml_problems_carry_line_and_column(tmp_path):
    ret = load_return(write(tmp_path / "r.xml", XML))
    by_field = {p.field: p for p in about_rows(ret)}
    assert by_field["REVIEW_CODE"].line == 4 and by_field["REVIEW_CODE"].row_used
    decom = by_field["DECOM"]
    assert (decom.line, decom.column, decom.row_used, decom.child) == (6, 10, False, "X1")
    assert [e.placement for e in ret.children["X1"].episodes] == ["U1"]


def test_a_file_named_otherwise_is_still_read_as_xml(tmp_path):
    ret = load_return(write(tmp_path / "return.dat", XML))
    assert set(ret.children) == {"X1"}


def test_broken_xml_is_unusable_with_its_line(tmp_path):
    with pytest.raises(UnusableReturn, match=r"r.xml line 4, column \d+: not well-formed XML"):
        load_return(write(tmp_path / "r.xml", XML.replace("</HEADER>", "</HEADR>", 1)))


def test_xml_without_children_has_no_episodes(tmp_path):
    with pytest.raises(UnusableReturn, match="no episodes table"):
        load_return(write(tmp_path / "r.xml", "<?xml version='1.0'?><OTHER><A>1</A></OTHER>"))


def test_a_utf16_file_is_read(tmp_path):
    write(tmp_path / "e.csv", f"{EPISODES}\nC1,01/01/2020,S,C1,N1,U1,PR1,,,,,,\n", "utf-16")
    ret = load_return(tmp_path)
    assert about_rows(ret) == [] and len(ret.children["C1"].episodes) == 1


def test_a_csv_that_cannot_be_parsed_is_unusable_with_its_line(tmp_path):
    huge = "x" * 200_000  # over the csv module's field size limit
    write(tmp_path / "e.csv", f"{EPISODES}\nC1,01/01/2020,S,C1,N1,U1,PR1,,,,,,\nC2,{huge}\n")
    with pytest.raises(UnusableReturn, match=r"e.csv line 3: cannot be read as CSV"):
        load_return(tmp_path)


def test_an_unclosed_quote_is_reported_with_the_lines_it_swallowed(tmp_path):
    write(
        tmp_path / "e.csv",
        f"{EPISODES}\n"
        'C1,01/01/2020,S,C1,N1,U1,PR1,,,,"XX1,,\n'
        "C2,01/01/2020,S,C1,N1,U1,PR1,,,,,,\n"
        "C3,01/01/2020,S,C1,N1,U1,PR1,,,,,,\n",
    )
    ret = load_return(tmp_path)
    [problem] = about_rows(ret)
    assert problem.line == 2 and not problem.row_used
    assert "lines 2 to 4" in problem.reason


def test_an_xml_row_without_the_field_points_at_the_row(tmp_path):
    ret = load_return(write(tmp_path / "r.xml", XML.replace("<REVIEW_CODE>PN9</REVIEW_CODE>", "")))
    [problem] = [p for p in about_rows(ret) if p.field == "REVIEW_CODE"]
    assert (problem.line, problem.column, problem.value) == (4, 1, "")
