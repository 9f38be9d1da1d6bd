"""The disruption analysis (Blackburn with Darwen 8, "Stability and Unplanned Ending
Meetings"): placements that ended unplanned, quarter by quarter of the financial year,
and whether an Unplanned Ending and Disruption Meeting was held."""

from datetime import date

from permanence.domain.model import Meeting
from permanence.reports import disruption_report
from permanence.reports.common import REASON_PLACE_CHANGE_WORDS
from permanence.rules.blackburn import UNPLANNED_ENDINGS
from tests.builders import ChildBuilder

D = date.fromisoformat


def with_meetings(child, *meetings: tuple[str, str]):
    child.known = child.known | {"meetings"}
    child.recorded.meetings.extend(Meeting(kind, D(held)) for kind, held in meetings)
    return child


def children():
    return [
        # Q1: the carer asked for the placement to end; a stability meeting while it was at
        # risk, and a disruption meeting 10 days after the move.
        with_meetings(
            ChildBuilder("A")
            .enters("2024-01-10", place="U6")
            .moves("2024-05-20", place="U6", reason="CREQB")
            .build(),
            ("stability", "2024-05-10"),
            ("disruption", "2024-05-30"),
        ),
        # Q4 of 2023-24 (31 March) and Q4 of 2024-25 (31 March); meetings recorded, none held.
        with_meetings(
            ChildBuilder("B")
            .enters("2024-02-01", place="K2")
            .moves("2024-03-31", place="U6", reason="ALLEG")
            .moves("2025-03-31", place="U4", reason="STAND")
            .build()
        ),
        # Q1 (1 April), from a return: whether a meeting was held is not known.
        ChildBuilder("C")
        .enters("2024-01-08", place="U5")
        .moves("2024-04-01", place="U6", reason="CHILD")
        .build(),
        # A planned move (change to the care plan): not a disruption.
        with_meetings(
            ChildBuilder("D").enters("2024-01-08").moves("2024-08-01", reason="CARPL").build()
        ),
        # Q3: the provider closed; the disruption meeting the same day.
        with_meetings(
            ChildBuilder("E")
            .enters("2024-06-03", place="R1")
            .moves("2024-10-01", place="U6", reason="CLOSE")
            .build(),
            ("disruption", "2024-10-01"),
        ),
    ]


def test_unplanned_endings_counted_by_quarter_with_and_without_a_meeting():
    report = disruption_report(children(), D("2025-03-31"))
    counts = [
        (s.count, s.with_meeting, s.without_meeting, s.meeting_not_known) for s in report.quarters
    ]
    assert counts == [(2, 1, 0, 1), (0, 0, 0, 0), (1, 1, 0, 0), (1, 0, 1, 0)]
    assert [s.children for s in report.quarters] == [["A", "C"], [], ["E"], ["B"]]
    year = report.year
    assert (year.count, year.with_meeting, year.without_meeting, year.meeting_not_known) == (
        4,
        2,
        1,
        1,
    )
    assert year.mean_days_to_meeting == 5.0  # 10 days and 0 days
    assert year.stability_before == 1


def test_an_ending_on_31_march_is_in_that_years_last_quarter_and_1_april_in_the_next():
    earlier = disruption_report(children(), D("2024-03-31"))
    assert [(e.child, e.ended) for e in earlier.year.endings] == [("B", D("2024-03-31"))]
    assert earlier.quarters[-1].label == "Q4 2023-24 (January to March 2024)"
    assert earlier.quarters[-1].count == 1
    later = disruption_report(children(), D("2025-03-31"))
    first = later.quarters[0]
    assert [(e.child, e.ended) for e in first.endings] == [
        ("C", D("2024-04-01")),
        ("A", D("2024-05-20")),
    ]
    assert later.quarters[-1].endings[0].ended == D("2025-03-31")


def test_each_ending_says_what_ended_why_and_what_meeting_followed():
    report = disruption_report(children(), D("2025-03-31"))
    a = next(e for e in report.year.endings if e.child == "A")
    assert (a.placement, a.started, a.reason) == ("U6", D("2024-01-10"), "CREQB")
    assert a.reason_label == REASON_PLACE_CHANGE_WORDS["CREQB"]
    assert (a.meeting, a.days_to_meeting, a.stability) == (D("2024-05-30"), 10, D("2024-05-10"))
    assert a.meeting_words == "held 30 May 2024 (10 days after)"
    b = next(e for e in report.year.endings if e.child == "B")
    assert (b.placement, b.meeting, b.meeting_words) == ("U6", None, "none recorded")
    c = next(e for e in report.year.endings if e.child == "C")
    assert c.meeting_words == "not known (not in the 903)"
    q1 = report.quarters[0]
    assert q1.by_reason == [
        ("CHILD", REASON_PLACE_CHANGE_WORDS["CHILD"], 1),
        ("CREQB", REASON_PLACE_CHANGE_WORDS["CREQB"], 1),
    ]
    assert [(code, n) for code, _, n in q1.by_placement] == [("U5", 1), ("U6", 1)]


def test_a_year_in_progress_shows_the_quarters_so_far():
    report = disruption_report(children(), D("2025-03-31"), as_of=D("2024-10-15"))
    assert [s.count for s in report.quarters] == [2, 0, 1]  # Q4 has not begun
    assert report.year.count == 3 and report.year.end == D("2024-10-15")


def test_every_unplanned_reason_has_its_meaning():
    assert set(UNPLANNED_ENDINGS) <= set(REASON_PLACE_CHANGE_WORDS)
