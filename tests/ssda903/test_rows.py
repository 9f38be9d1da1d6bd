"""The row checks, one row at a time (the same code checks CSV and XML rows)."""

from datetime import date

from permanence.domain.model import SourceRef
from permanence.ssda903 import tables as T
from permanence.ssda903.dates import DateCache
from permanence.ssda903.rows import CONVERTERS, FileContext


def convert(table, **fields):
    ctx = FileContext("t.csv", 0, DateCache())
    values = tuple(fields.get(c, "") for c in T.BY_NAME[table].columns)
    return CONVERTERS[table](values, ctx, 7, None), ctx.problems


EPISODE = dict(
    CHILD="C1",
    DECOM="01/04/2020",
    RNE="S",
    LS="C2",
    CIN="N1",
    PLACE="U1",
    PLACE_PROVIDER="PR1",
    DEC="01/06/2020",
    REC="X1",
    URN="SC1",
)


def test_a_good_episode():
    converted, problems = convert("episodes", **EPISODE)
    child, key, episode = converted
    assert problems == []
    assert (child, key) == ("C1", date(2020, 4, 1))
    assert (episode.start, episode.end, episode.reason_end) == (
        date(2020, 4, 1),
        date(2020, 6, 1),
        "X1",
    )
    assert (episode.legal_status, episode.placement, episode.provider, episode.urn) == (
        "C2",
        "U1",
        "PR1",
        "SC1",
    )
    assert episode.source == SourceRef("t.csv", 7)


def test_an_episode_without_a_usable_start_is_not_used():
    converted, problems = convert("episodes", **{**EPISODE, "DECOM": ""})
    assert converted is None
    assert [(p.field, p.row_used, p.severity) for p in problems] == [("DECOM", False, "error")]


def test_every_problem_of_a_dropped_row_is_reported():
    converted, problems = convert("episodes", **{**EPISODE, "CHILD": " ", "PLACE": "Q9"})
    assert converted is None
    assert {p.field for p in problems} == {"CHILD", "PLACE"}
    assert not any(p.row_used for p in problems)


def test_a_bad_code_is_kept_as_given_and_reported():
    (_, _, episode), problems = convert("episodes", **{**EPISODE, "LS": " Z9 "})
    assert episode.legal_status == "Z9"
    assert [(p.field, p.value, p.row_used) for p in problems] == [("LS", " Z9 ", True)]


def test_a_lower_case_code_is_read_upper_case_with_a_warning():
    (_, _, episode), problems = convert("episodes", **{**EPISODE, "PLACE": "u4"})
    assert episode.placement == "U4"
    assert [(p.field, p.severity) for p in problems] == [("PLACE", "warning")]


def test_a_bad_end_date_becomes_blank():
    for dec in ("32/01/2020", "2020-06-01", "01/03/2020"):  # the last is before DECOM
        (_, _, episode), problems = convert("episodes", **{**EPISODE, "DEC": dec})
        assert episode.end is None, dec
        assert [(p.field, p.severity, p.row_used) for p in problems] == [("DEC", "error", True)]


def test_dec_and_rec_go_together():
    (_, _, closed), problems = convert("episodes", **{**EPISODE, "REC": ""})
    assert closed.reason_end is None and [p.field for p in problems] == ["REC"]
    (_, _, open_), problems = convert("episodes", **{**EPISODE, "DEC": ""})
    assert open_.end is None and [(p.field, p.severity) for p in problems] == [("REC", "warning")]


def test_review():
    (child, key, review), problems = convert(
        "reviews", CHILD="C1", REVIEW="10/10/2020", REVIEW_CODE="PN1"
    )
    assert (child, key, review.date, review.code, problems) == (
        "C1",
        date(2020, 10, 10),
        date(2020, 10, 10),
        "PN1",
        [],
    )
    converted, problems = convert("reviews", CHILD="C1", REVIEW="10/13/2020", REVIEW_CODE="PN1")
    assert converted is None and problems[0].field == "REVIEW" and not problems[0].row_used
    (_, _, review), problems = convert("reviews", CHILD="C1", REVIEW="10/10/2020")
    assert review.code == "" and problems[0].field == "REVIEW_CODE" and problems[0].row_used


def test_header_with_a_bad_date_of_birth_keeps_the_child():
    (child, _, (dob, sex, ethnic)), problems = convert(
        "header", CHILD="C1", SEX="2", DOB="31/09/2015", ETHNIC="WBRI"
    )
    assert (child, dob, sex, ethnic) == ("C1", None, "2", "WBRI")
    assert problems[0].field == "DOB" and "date of birth unknown" in problems[0].reason


def test_adoption_decision():
    (_, _, ad), problems = convert(
        "ad1",
        CHILD="C1",
        DATE_INT="01/02/2021",
        DATE_MATCH="01/05/2021",
        FOSTER_CARE="1",
        NB_ADOPTR="2",
        SEX_ADOPTR="MF",
        LS_ADOPTR="L3",
    )
    assert problems == []
    assert (
        ad.decided,
        ad.matched,
        ad.by_foster_carer,
        ad.adopters,
        ad.adopters_sex,
        ad.adopters_legal_status,
    ) == (date(2021, 2, 1), date(2021, 5, 1), True, "2", "MF", "L3")
    for given, expected in (("0", False), ("", None), ("Y", None)):
        (_, _, ad), _ = convert("ad1", CHILD="C1", DATE_INT="01/02/2021", FOSTER_CARE=given)
        assert ad.by_foster_carer is expected


def test_placed_for_adoption_missing_uasc_and_previous_permanence():
    (_, _, pfa), problems = convert(
        "placed_for_adoption",
        CHILD="C1",
        DATE_PLACED="01/02/2021",
        DATE_PLACED_CEASED="01/03/2021",
        REASON_PLACED_CEASED="XXX",
    )
    assert (pfa.decided, pfa.ceased, pfa.reason_ceased) == (
        date(2021, 2, 1),
        date(2021, 3, 1),
        "XXX",
    )
    assert [p.field for p in problems] == ["REASON_PLACED_CEASED"]
    (_, _, missing), problems = convert(
        "missing", CHILD="C1", MISSING="A", MIS_START="01/02/2021", MIS_END=""
    )
    assert (missing.kind, missing.start, missing.end, problems) == ("A", date(2021, 2, 1), None, [])
    (_, _, duc), _ = convert("uasc", CHILD="C1", DUC="01/02/2030")
    assert duc == date(2030, 2, 1)
    (_, _, prev), problems = convert(
        "previous_permanence", CHILD="C1", PREV_PERM="P1", LA_PERM="XXX", DATE_PERM="zz/05/2014"
    )
    assert (prev.kind, prev.authority, prev.date_text, problems) == ("P1", "XXX", "zz/05/2014", [])
    _, problems = convert("previous_permanence", CHILD="C1", PREV_PERM="Z1", DATE_PERM="2014")
    assert [p.field for p in problems] == ["DATE_PERM"]
