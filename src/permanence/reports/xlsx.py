"""The reports as XLSX workbooks a manager can filter and sort (XlsxWriter).

The house style of `permanence.output.deadlines`: a bold header row, frozen, with filters;
dates written as dates (dd/mm/yyyy), money as numbers in pounds, text as text (never read
as a formula); an "About" sheet saying what the workbook holds and where it comes from.
`out` is a file name or a binary file object (`io.BytesIO`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import IO, Any

from permanence.reports.annual import POLICY as ANNUAL_POLICY
from permanence.reports.annual import AnnualReport
from permanence.reports.common import fmt, quarter_label
from permanence.reports.disruption import RULE as DISRUPTION_RULE
from permanence.reports.disruption import SOURCE as DISRUPTION_SOURCE
from permanence.reports.disruption import UNPLANNED_ENDINGS, DisruptionReport, Summary
from permanence.reports.quarterly import SOURCE as QUARTERLY_SOURCE
from permanence.reports.quarterly import QuarterlyReport
from permanence.reports.tracker import RULE as TRACKER_RULE
from permanence.reports.tracker import SOURCE as TRACKER_SOURCE
from permanence.reports.tracker import TrackerRow
from permanence.reports.trends import SOURCE as TRENDS_SOURCE
from permanence.reports.trends import TrendRow
from permanence.ssda903.labels import PLACEMENT_GROUPS

Out = str | IO[bytes]
# A column: heading, kind (text, int, number, money, date), width, value of a row.
Column = tuple[str, str, int, Callable[[Any], Any]]


class _Book:
    def __init__(self, out: Out) -> None:
        import xlsxwriter

        self.wb = xlsxwriter.Workbook(out, {"in_memory": True})
        self.formats = {
            "head": self.wb.add_format({"bold": True, "text_wrap": True, "valign": "top"}),
            "date": self.wb.add_format({"num_format": "dd/mm/yyyy"}),
            "money": self.wb.add_format({"num_format": "£#,##0"}),
            "number": self.wb.add_format({"num_format": "0.0"}),
            "wrap": self.wb.add_format({"text_wrap": True, "valign": "top"}),
            "bold": self.wb.add_format({"bold": True}),
        }

    def table(self, name: str, columns: Sequence[Column], rows: Iterable[Any]) -> int:
        """A sheet with a frozen, filterable header row and one row per item; the count."""
        ws = self.wb.add_worksheet(name)
        for c, (heading, _, width, _) in enumerate(columns):
            ws.write_string(0, c, heading, self.formats["head"])
            ws.set_column(c, c, width)
        n = 0
        for n, item in enumerate(rows, start=1):
            for c, (_, kind, _, get) in enumerate(columns):
                self._cell(ws, n, c, kind, get(item))
        ws.freeze_panes(1, 1 if len(columns) > 3 else 0)
        ws.autofilter(0, 0, max(n, 1), len(columns) - 1)
        return n

    def _cell(self, ws, r: int, c: int, kind: str, value: Any) -> None:
        if value is None or value == "":
            ws.write_blank(r, c, None)
        elif kind == "date":
            ws.write_datetime(
                r, c, datetime(value.year, value.month, value.day), self.formats["date"]
            )
        elif kind == "money":
            ws.write_number(r, c, value, self.formats["money"])
        elif kind == "number":
            ws.write_number(r, c, value, self.formats["number"])
        elif kind == "int":
            ws.write_number(r, c, value)
        else:
            ws.write_string(r, c, str(value))

    def about(self, lines: Sequence[tuple[str, str]]) -> None:
        ws = self.wb.add_worksheet("About")
        for i, (k, v) in enumerate(lines):
            ws.write_string(i, 0, k, self.formats["bold"])
            ws.write_string(i, 1, v, self.formats["wrap"])
        ws.set_column(0, 0, 22)
        ws.set_column(1, 1, 110)

    def close(self) -> None:
        self.wb.close()


TRACKER_COLUMNS: tuple[Column, ...] = (
    ("Child", "text", 12, lambda r: r.child),
    ("Profile", "text", 11, lambda r: r.profile),
    ("Team", "text", 16, lambda r: r.team),
    ("Social worker", "text", 20, lambda r: r.social_worker),
    ("Age", "int", 6, lambda r: r.age),
    ("Legal status", "text", 8, lambda r: r.legal_status),
    ("Legal status (meaning)", "text", 30, lambda r: r.legal_status_label),
    ("Placement", "text", 10, lambda r: r.placement),
    ("Placement (meaning)", "text", 40, lambda r: r.placement_label),
    ("Placement group", "text", 24, lambda r: r.placement_group),
    ("In care since", "date", 12, lambda r: r.care_start),
    ("Placement since", "date", 12, lambda r: r.placement_start),
    ("Days in current placement", "int", 11, lambda r: r.days_in_placement),
    ("Permanence plan", "text", 26, lambda r: r.plan_label or "None recorded"),
    ("Contingency plan", "text", 26, lambda r: r.contingency_label),
    ("Plan agreed", "date", 12, lambda r: r.plan_agreed),
    ("Progress", "text", 50, lambda r: r.progress),
    ("Next due", "text", 36, lambda r: r.next_due),
    ("Next due date", "date", 12, lambda r: r.next_due_date),
    ("Overdue", "int", 9, lambda r: r.overdue),
    ("Overdue items", "text", 60, lambda r: "; ".join(r.overdue_items)),
    ("Weekly cost (£)", "money", 12, lambda r: r.weekly_cost),
    ("Cost to date (£)", "money", 14, lambda r: r.cost_to_date),
    ("Projected cost to 18 (£)", "money", 14, lambda r: r.projected_to_18),
    ("Moves in 12 months", "int", 10, lambda r: r.moves_12m),
)

COST_NOTE = (
    "Weekly figures by placement group from each profile's [costs] table: the national"
    " figures are illustrative product defaults, which each council replaces with its own"
    " (docs/reports.md). Part weeks are pro rata by days."
)


def write_tracker(
    rows: Sequence[TrackerRow],
    as_of: date,
    costs: Mapping[str, Mapping[str, float]],
    out: Out,
    *,
    who: str = "",
) -> int:
    """The Permanence Tracker: one row per child, and the weekly figures used (`costs`:
    profile name -> placement group -> weekly figure)."""
    book = _Book(out)
    n = book.table("Tracker", TRACKER_COLUMNS, rows)
    used = [
        (profile, group, figures.get(group), ", ".join(PLACEMENT_GROUPS[group]))
        for profile, figures in sorted(costs.items())
        for group in PLACEMENT_GROUPS
    ]
    book.table(
        "Costs used",
        (
            ("Profile", "text", 12, lambda u: u[0]),
            ("Placement group", "text", 32, lambda u: u[1]),
            ("Weekly cost (£)", "money", 14, lambda u: u[2]),
            ("Placement codes", "text", 50, lambda u: u[3]),
        ),
        used,
    )
    book.about(
        [
            ("Report", "Permanence Tracker: every child looked after, their plan and its cost"),
            ("Rule", f"{TRACKER_RULE}: {TRACKER_SOURCE}"),
            ("As of", fmt(as_of)),
            ("Children", f"{n:,} looked after on {fmt(as_of)}" + (f" ({who})" if who else "")),
            ("Costs", COST_NOTE),
            (
                "Cost to date",
                "Every placement of every period of care (short breaks left out), each at its"
                " own placement group's weekly figure, to the as-of date (that day included).",
            ),
            (
                "Projected cost to 18",
                "The current weekly cost from the day after the as-of date to the day before"
                " the 18th birthday (a 29 February birthday falls on 1 March).",
            ),
        ]
    )
    book.close()
    return n


# The quarterly report's rows are tracker rows: the same columns, fewer of them.
QUARTER_CHILD_COLUMNS: tuple[Column, ...] = tuple(
    c
    for c in TRACKER_COLUMNS
    if c[0]
    in {
        "Child",
        "Profile",
        "Team",
        "Social worker",
        "Age",
        "Legal status",
        "Placement",
        "Placement (meaning)",
        "Placement group",
        "Permanence plan",
        "Contingency plan",
        "Plan agreed",
        "Progress",
        "Overdue",
    }
)


def write_quarterly(report: QuarterlyReport, out: Out) -> int:
    """A summary sheet (the numbers) and one row per child looked after at the quarter end."""
    book = _Book(out)
    summary: list[tuple[str, str, int]] = [
        ("Looked after", f"on {fmt(report.end)}", report.looked_after),
        *(("Placement group", g, n) for g, n in report.by_group),
        *(("Placement type", f"{c}: {words}", n) for c, words, n in report.by_placement),
        ("No plan recorded", "children", len(report.without_plan)),
    ]
    book.table(
        "Summary",
        (
            ("Count of", "text", 20, lambda s: s[0]),
            ("Which", "text", 60, lambda s: s[1]),
            ("Children", "int", 10, lambda s: s[2]),
        ),
        summary,
    )
    n = book.table("Children", QUARTER_CHILD_COLUMNS, report.rows)
    book.about(
        [
            ("Report", f"Quarterly report: {report.label}"),
            ("Rule", f"bolton.reports: {QUARTERLY_SOURCE}"),
            ("Quarter", f"{fmt(report.start)} to {fmt(report.end)}"),
            ("Profile", report.profile or "all profiles"),
            (
                "Counted",
                "Children looked after on the quarter's last day (an episode that began on or"
                " before it and had not ended by it).",
            ),
        ]
    )
    book.close()
    return n


def write_annual(report: AnnualReport, out: Out) -> int:
    """The seven indicators with definitions and sources, and the children behind each."""
    book = _Book(out)
    compared = report.compared
    book.table(
        "Indicators",
        (
            ("Indicator", "text", 50, lambda i: i.title),
            (report.label, "int", 10, lambda i: i.value),
            (report.previous_label if compared else "Year before", "int", 10, lambda i: i.previous),
            ("Change", "int", 9, lambda i: i.change),
            ("Against the year before", "text", 14, lambda i: i.direction),
            ("Better if", "text", 10, lambda i: {"up": "higher", "down": "lower"}[i.better]),
            ("Note", "text", 60, lambda i: i.note),
            ("Definition", "text", 80, lambda i: i.definition),
            ("Source", "text", 50, lambda i: i.source),
        ),
        report.indicators,
    )
    behind = [(i.title, b.child, b.detail) for i in report.indicators for b in i.children]
    n = book.table(
        "Children",
        (
            ("Indicator", "text", 50, lambda b: b[0]),
            ("Child", "text", 12, lambda b: b[1]),
            ("What the record shows", "text", 80, lambda b: b[2]),
        ),
        behind,
    )
    book.about(
        [
            ("Report", f"Annual indicators {report.label}"),
            ("Rule", f"bolton.reports: {ANNUAL_POLICY}"),
            ("Year", f"{fmt(report.year_start)} to {fmt(report.year_end)}"),
            (
                "Compared",
                f"with {report.previous_label}"
                if compared
                else "not compared: the data do not hold the year before",
            ),
        ]
    )
    book.close()
    return n


def write_disruption(report: DisruptionReport, out: Out) -> int:
    """The quarters and the year, by placement type and by reason, and every ending."""
    book = _Book(out)
    periods: list[Summary] = [*report.quarters, report.year]
    book.table(
        "Summary",
        (
            ("Period", "text", 40, lambda s: s.label),
            ("Unplanned endings", "int", 11, lambda s: s.count),
            ("Children", "int", 10, lambda s: len(s.children)),
            ("Disruption meeting held", "int", 12, lambda s: s.with_meeting),
            ("No disruption meeting recorded", "int", 14, lambda s: s.without_meeting),
            ("Meeting not known (903 only)", "int", 14, lambda s: s.meeting_not_known),
            ("Mean days to the meeting", "number", 12, lambda s: s.mean_days_to_meeting),
            ("Stability meeting before", "int", 12, lambda s: s.stability_before),
        ),
        periods,
    )
    book.table(
        "By placement type",
        (
            ("Period", "text", 40, lambda x: x[0]),
            ("Placement that ended", "text", 10, lambda x: x[1]),
            ("Meaning", "text", 50, lambda x: x[2]),
            ("Endings", "int", 10, lambda x: x[3]),
        ),
        [(s.label, *row) for s in periods for row in s.by_placement],
    )
    book.table(
        "By reason",
        (
            ("Period", "text", 40, lambda x: x[0]),
            ("Reason", "text", 10, lambda x: x[1]),
            ("Meaning", "text", 60, lambda x: x[2]),
            ("Endings", "int", 10, lambda x: x[3]),
        ),
        [(s.label, *row) for s in periods for row in s.by_reason],
    )
    n = book.table(
        "Endings",
        (
            ("Child", "text", 12, lambda e: e.child),
            ("Ended", "date", 12, lambda e: e.ended),
            ("Quarter", "text", 36, lambda e: quarter_label(e.quarter)),
            ("Placement that ended", "text", 10, lambda e: e.placement),
            ("Placement (meaning)", "text", 40, lambda e: e.placement_label),
            ("Placement began", "date", 12, lambda e: e.started),
            ("Reason", "text", 9, lambda e: e.reason),
            ("Reason (meaning)", "text", 50, lambda e: e.reason_label),
            ("Disruption meeting", "date", 12, lambda e: e.meeting),
            ("Days after", "int", 9, lambda e: e.days_to_meeting),
            ("Disruption meeting (words)", "text", 30, lambda e: e.meeting_words),
            ("Stability meeting before", "date", 12, lambda e: e.stability),
        ),
        report.year.endings,
    )
    book.about(
        [
            ("Report", f"Disruption analysis {report.label}"),
            ("Rule", f"{DISRUPTION_RULE}: {DISRUPTION_SOURCE}"),
            ("Endings up to", fmt(report.as_of)),
            (
                "Unplanned",
                "A move whose REASON_PLACE_CHANGE is "
                + ", ".join(sorted(UNPLANNED_ENDINGS))
                + "; dated by the day the child moved.",
            ),
        ]
    )
    book.close()
    return n


def write_trends(rows: Sequence[TrendRow], out: Out) -> int:
    book = _Book(out)
    n = book.table(
        "Trends",
        (
            ("Year to 31 March", "date", 14, lambda r: r.as_of),
            ("Short-term: 3+ placements", "int", 12, lambda r: r.short_term[0]),
            ("Short-term: children", "int", 12, lambda r: r.short_term[1]),
            ("Short-term %", "number", 10, lambda r: r.short_term[2]),
            ("Long-term: same placement 2 years", "int", 14, lambda r: r.long_term[0]),
            ("Long-term: children", "int", 12, lambda r: r.long_term[1]),
            ("Long-term %", "number", 10, lambda r: r.long_term[2]),
            ("A1 mean days", "number", 10, lambda r: r.a1),
            ("A2 mean days", "number", 10, lambda r: r.a2),
            ("A10 mean days", "number", 10, lambda r: r.a10),
            ("Children adopted", "int", 10, lambda r: r.adopted),
        ),
        rows,
    )
    book.about([("Report", "National measures over the years"), ("Source", TRENDS_SOURCE)])
    book.close()
    return n
