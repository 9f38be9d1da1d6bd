"""`permanence report {tracker,quarterly,annual,disruption,trends}`: the service reports
from SSDA903 returns, as an XLSX workbook (--xlsx) or a readable summary.

The as-of date picks the period: the tracker is as on that day; the quarterly report is
for the quarter ending on or before it; the annual indicators for the financial year
ending on the last 31 March on or before it; the disruption analysis for the financial
year holding it, up to that day; the trends for every 31 March up to it.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from functools import partial
from typing import TextIO

from permanence.reports import xlsx
from permanence.reports.annual import AnnualReport, annual_report
from permanence.reports.common import (
    financial_year_end,
    fmt,
    last_complete_quarter,
    last_year_end,
    pounds,
)
from permanence.reports.disruption import DisruptionReport, disruption_report
from permanence.reports.quarterly import QuarterlyReport, quarterly_report
from permanence.reports.tracker import TrackerRow, tracker_rows
from permanence.reports.trends import TrendRow, trends

KINDS = ("tracker", "quarterly", "annual", "disruption", "trends")


def add_arguments(p: argparse.ArgumentParser) -> None:
    from permanence.cli import iso_date
    from permanence.profiles import PROFILE_NAMES

    p.add_argument("kind", choices=KINDS, help="which report")
    p.add_argument(
        "--profile",
        default="national",
        help=f"rules and costs to use, one of {', '.join(PROFILE_NAMES)} (default national)",
    )
    p.add_argument(
        "--as-of", type=iso_date, default=date.today(), help="YYYY-MM-DD (default today)"
    )
    p.add_argument("--xlsx", metavar="OUT", help="write the report to this XLSX file")
    p.add_argument("--quiet", "-q", action="store_true")


def run(args: argparse.Namespace) -> int:
    from permanence.cli import CommandError, _load, _report_problems
    from permanence.measures import TABLES
    from permanence.profiles import UnknownProfile, load_profile

    try:
        profile = load_profile(args.profile)
    except UnknownProfile as exc:
        raise CommandError(str(exc)) from None
    ret = _load(args.ssda903, args.progress, TABLES if args.kind == "trends" else None)
    _report_problems(ret, None, args.quiet)
    children = list(ret.children.values())
    as_of: date = args.as_of
    if args.kind == "tracker":
        rows = tracker_rows(children, as_of, profile.name)
        costs = {profile.name: profile.costs}
        to_xlsx = partial(xlsx.write_tracker, rows, as_of, costs)
        to_text = partial(write_tracker_text, rows, as_of)
    elif args.kind == "quarterly":
        end = last_complete_quarter(as_of + timedelta(days=1))
        report = quarterly_report(tracker_rows(children, end, profile.name), end, profile.name)
        to_xlsx = partial(xlsx.write_quarterly, report)
        to_text = partial(write_quarterly_text, report)
    elif args.kind == "annual":
        annual = annual_report(children, last_year_end(as_of))
        to_xlsx = partial(xlsx.write_annual, annual)
        to_text = partial(write_annual_text, annual)
    elif args.kind == "disruption":
        disruption = disruption_report(children, financial_year_end(as_of), as_of)
        to_xlsx = partial(xlsx.write_disruption, disruption)
        to_text = partial(write_disruption_text, disruption)
    else:
        years = trends(children, as_of)
        to_xlsx = partial(xlsx.write_trends, years)
        to_text = partial(write_trends_text, years)
    if not args.xlsx:
        to_text(sys.stdout)
        return 0
    n = to_xlsx(args.xlsx)
    if not args.quiet:
        print(f"wrote {n:,} rows to {args.xlsx}", file=sys.stderr)
    return 0


def write_tracker_text(rows: list[TrackerRow], as_of: date, out: TextIO) -> int:
    out.write(f"Permanence tracker: {len(rows):,} children looked after on {fmt(as_of)}\n\n")
    out.write(
        f"{'Child':<10} {'LS':<3} {'Place':<5} {'Plan':<28} {'Overdue':>7} "
        f"{'Weekly':>9} {'To date':>11} {'To 18':>11}\n"
    )
    for r in rows:
        out.write(
            f"{r.child:<10} {r.legal_status:<3} {r.placement:<5} "
            f"{(r.plan_label or 'none recorded')[:28]:<28} {r.overdue:>7} "
            f"{pounds(r.weekly_cost):>9} {pounds(r.cost_to_date):>11} "
            f"{pounds(r.projected_to_18):>11}\n"
        )
    return len(rows)


def write_quarterly_text(report: QuarterlyReport, out: TextIO) -> int:
    out.write(f"Quarterly report, {report.label}\n\n")
    out.write(f"Children looked after on {fmt(report.end)}: {report.looked_after:,}\n")
    for group, n in report.by_group:
        out.write(f"  {group:<36} {n:>6,}\n")
    out.write("By placement type\n")
    for code, words, n in report.by_placement:
        out.write(f"  {code:<4} {words[:60]:<60} {n:>6,}\n")
    out.write(f"No permanence plan recorded: {len(report.without_plan):,}\n")
    return report.looked_after


def write_annual_text(report: AnnualReport, out: TextIO) -> int:
    out.write(f"Annual indicators, {report.label} (Bolton 11.3)\n\n")
    for ind in report.indicators:
        value = "no number" if ind.value is None else f"{ind.value:,}"
        previous = ""
        if ind.previous is not None:
            previous = f" ({report.previous_label}: {ind.previous:,}, {ind.direction})"
        out.write(f"{ind.title}\n  {value}{previous}\n")
        if ind.note:
            out.write(f"  {ind.note}\n")
    return len(report.indicators)


def write_disruption_text(report: DisruptionReport, out: TextIO) -> int:
    out.write(f"Unplanned endings, {report.label}, up to {fmt(report.as_of)}\n\n")
    for s in [*report.quarters, report.year]:
        out.write(
            f"{s.label}\n  {s.count:,} endings, {len(s.children):,} children;"
            f" disruption meeting held {s.with_meeting:,}, none recorded {s.without_meeting:,},"
            f" not known {s.meeting_not_known:,}\n"
        )
    return report.year.count


def write_trends_text(rows: list[TrendRow], out: TextIO) -> int:
    out.write(
        f"{'Year':<8} {'Short-term %':>12} {'Long-term %':>12} {'A1':>8} {'A2':>8} {'A10':>8}\n"
    )

    def v(x) -> str:
        return "-" if x is None else f"{x:g}"

    for r in rows:
        out.write(
            f"{r.label:<8} {v(r.short_term[2]):>12} {v(r.long_term[2]):>12}"
            f" {v(r.a1):>8} {v(r.a2):>8} {v(r.a10):>8}\n"
        )
    return len(rows)
