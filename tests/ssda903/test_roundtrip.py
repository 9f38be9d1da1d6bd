"""Any valid return written as CSV or as XML reads back as the same children."""

import tempfile
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from permanence.ssda903 import codes, load_return

EPISODE_COLUMNS = (
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"
)


def dmy(day):
    return day.strftime("%d/%m/%Y") if day else ""


def code(values):
    return st.sampled_from(sorted(values))


episode_spec = st.tuples(
    st.integers(1, 400),  # days the episode lasts
    code(codes.RNE),
    code(codes.LS),
    code(codes.CIN),
    code(codes.PLACE),
    code(codes.PLACE_PROVIDER),
    code(codes.REC - {"X1"}),
)
child_spec = st.tuples(
    st.dates(date(2000, 1, 1), date(2015, 12, 31)),
    code(codes.SEX),
    code(codes.ETHNIC),
    st.integers(0, 2000),  # days from birth to entering care
    st.lists(episode_spec, min_size=1, max_size=4),
    st.booleans(),  # is the last episode still open
    st.lists(st.integers(1, 900), max_size=3, unique=True),  # review days after entry
)


def build(spec):
    """The rows of a return holding these children: (header, episodes, reviews)."""
    header, episodes, reviews = [], [], []
    for n, (dob, sex, ethnic, wait, eps, still_open, review_days) in enumerate(spec):
        child = f"H{n:04d}"
        header.append((child, sex, dmy(dob), ethnic))
        start = dob + timedelta(days=wait)
        entered = start
        for i, (length, rne, ls, cin, place, provider, rec) in enumerate(eps):
            last = i == len(eps) - 1
            end = None if (last and still_open) else start + timedelta(days=length)
            reason = rec if last and end else ("X1" if end else "")
            episodes.append((child, dmy(start), rne, ls, cin, place, provider, dmy(end), reason))
            start = end
        for days in sorted(review_days):
            reviews.append((child, dmy(dob), dmy(entered + timedelta(days=days)), "PN1"))
    return header, episodes, reviews


def write_csv(folder, header, episodes, reviews):
    rows = [",".join(r) for r in header]
    (folder / "h.csv").write_text(
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n" + "".join(f"{r},,,\n" for r in rows)
    )
    (folder / "e.csv").write_text(
        EPISODE_COLUMNS + "\n" + "".join(",".join(e) + ",,,,\n" for e in episodes)
    )
    (folder / "r.csv").write_text(
        "CHILD,DOB,REVIEW,REVIEW_CODE\n" + "".join(",".join(r) + "\n" for r in reviews)
    )


def write_xml(path, header, episodes, reviews):
    out = ["<?xml version='1.0' encoding='utf-8'?>\n<EXPSSDA903>"]
    for child, sex, dob, ethnic in header:
        out.append(
            f"<CHILD><HEADER><CHILDID>{child}</CHILDID><SEX>{sex}</SEX><DOB>{dob}</DOB>"
            f"<ETHNIC>{ethnic}</ETHNIC><UASC />"
        )
        for r in reviews:
            if r[0] == child:
                out.append(
                    f"<AREVIEW><REVIEW>{r[2]}</REVIEW><REVIEW_CODE>{r[3]}</REVIEW_CODE></AREVIEW>"
                )
        out.append("</HEADER>")
        for e in episodes:
            if e[0] == child:
                out.append(
                    f"<EPISODE>\n<DECOM>{e[1]}</DECOM><RNE>{e[2]}</RNE><LS>{e[3]}</LS>"
                    f"<CIN>{e[4]}</CIN><PL>{e[5]}</PL><PLACE_PROVIDER>{e[6]}"
                    f"</PLACE_PROVIDER><DEC>{e[7]}</DEC><REC>{e[8]}</REC></EPISODE>"
                )
        out.append("</CHILD>\n")
    out.append("</EXPSSDA903>\n")
    path.write_text("".join(out))


def plain(child):
    return replace(
        child,
        episodes=[replace(e, source=None) for e in child.episodes],
        reviews=[replace(r, source=None) for r in child.reviews],
    )


@settings(max_examples=25, deadline=None)
@given(st.lists(child_spec, min_size=1, max_size=5))
def test_csv_and_xml_read_back_what_was_written(spec):
    header, episodes, reviews = build(spec)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "csv").mkdir()
        write_csv(folder / "csv", header, episodes, reviews)
        write_xml(folder / "r.xml", header, episodes, reviews)
        from_csv = load_return(folder / "csv", progress=False)
        from_xml = load_return(folder / "r.xml", progress=False)
    assert from_csv.problems == [] and from_xml.problems == []
    assert set(from_csv.children) == {h[0] for h in header}
    for child_id, child in from_csv.children.items():
        assert plain(child) == plain(from_xml.children[child_id])
        written = [e for e in episodes if e[0] == child_id]
        assert [
            (
                dmy(e.start),
                e.reason_new,
                e.legal_status,
                e.placement,
                dmy(e.end),
                e.reason_end or "",
            )
            for e in child.episodes
        ] == [(e[1], e[2], e[3], e[5], e[7], e[8]) for e in written]
        assert [dmy(r.date) for r in child.reviews] == [r[2] for r in reviews if r[0] == child_id]
