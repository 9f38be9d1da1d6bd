"""`permanence measures`: the national measures as JSON, CSV, XLSX or a readable table."""

from __future__ import annotations

import argparse
import csv
import json
from datetime import date

from permanence.measures import OUTCOME_ORDER, TABLES, Measures, measure

TITLES = {
    "short_term_stability": "Short-term placement stability: 3 or more placements in the year",
    "long_term_stability": "Long-term placement stability: same placement for 2 years",
}


def add_arguments(p: argparse.ArgumentParser) -> None:
    from permanence.cli import iso_date

    p.add_argument(
        "--as-of",
        type=iso_date,
        default=_last_31_march(date.today()),
        help="last day of the 12-month period, normally 31 March (default: the latest)",
    )
    p.add_argument("--format", choices=("table", "json", "csv", "xlsx"), default="table")
    p.add_argument("--output", "-o", help="file to write (default standard output)")
    p.add_argument("--children", action="store_true", help="list the children behind each number")
    p.add_argument("--quiet", "-q", action="store_true")


def _last_31_march(today: date) -> date:
    year = today.year if (today.month, today.day) >= (3, 31) else today.year - 1
    return date(year, 3, 31)


def run(args: argparse.Namespace) -> int:
    from permanence.cli import CommandError, _load, _open_out, _report_problems

    ret = _load(args.ssda903, args.progress, TABLES)
    _report_problems(ret, None, args.quiet)
    m = measure(ret.children.values(), args.as_of)
    if args.format == "xlsx":
        if not args.output or args.output == "-":
            raise CommandError("--format xlsx needs --output FILE.xlsx")
        write_xlsx(m, args.output)
        return 0
    out, close = _open_out(args.output)
    try:
        if args.format == "json":
            doc = m.as_json()
            if args.children:
                doc["children_behind"] = m.children_behind()
            json.dump(doc, out, indent=2)
            out.write("\n")
        elif args.format == "csv":
            write_csv(m, out)
        else:
            write_table(m, out, args.children)
    finally:
        if close:
            out.close()
    return 0


def figures(m: Measures) -> list[tuple[str, str, object]]:
    """(measure, figure, value) rows: one shape for CSV, XLSX and the table."""
    doc = m.as_json()
    rows: list[tuple[str, str, object]] = []
    for key in ("short_term_stability", "long_term_stability"):
        for fig in ("numerator", "denominator", "percent"):
            rows.append((key, fig, doc[key][fig]))
    for fig in ("a1_days", "a2_days", "a10_days", "children"):
        rows.append(("adoption", fig, doc["adoption"][fig]))
    for group in OUTCOME_ORDER:
        rows.append(("outcomes", group, doc["outcomes"][group]))
    return rows


def write_csv(m: Measures, out) -> None:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["as_of", "measure", "figure", "value"])
    for row in figures(m):
        w.writerow([m.as_of.isoformat(), *("" if v is None else v for v in row)])


def write_table(m: Measures, out, with_children: bool) -> None:
    doc = m.as_json()
    out.write(
        f"National measures for the 12 months {m.period_start:%d/%m/%Y} to {m.as_of:%d/%m/%Y}\n\n"
    )
    for key, title in TITLES.items():
        r = doc[key]
        pct = "-" if r["percent"] is None else f"{r['percent']}%"
        out.write(f"{title}\n  {r['numerator']:,} of {r['denominator']:,} children: {pct}\n")
    a = doc["adoption"]

    def days(v):
        return "-" if v is None else f"{v:,} days"

    out.write(
        f"Adoption timeliness ({a['children']:,} children adopted)\n"
        f"  A1  entering care to moving in with the adoptive family: {days(a['a1_days'])}\n"
        f"  A2  court authority to place to the match:               {days(a['a2_days'])}\n"
        f"  A10 as A1, the clock stopped when fostered by the adopters: {days(a['a10_days'])}\n"
        "Leaving care, by outcome\n"
    )
    for group, n in doc["outcomes"].items():
        out.write(f"  {group.replace('_', ' '):<24} {n:>6,}\n")
    if with_children:
        out.write("\nChildren behind each number\n")
        for key, ids in m.children_behind().items():
            out.write(f"  {key}: {', '.join(ids) or '-'}\n")


def write_xlsx(m: Measures, path: str) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(path)
    bold = wb.add_format({"bold": True})
    ws = wb.add_worksheet("Measures")
    ws.write_row(0, 0, ["As of", "Measure", "Figure", "Value"], bold)
    for i, row in enumerate(figures(m), start=1):
        ws.write(i, 0, m.as_of.isoformat())
        ws.write_row(i, 1, ["" if v is None else v for v in row])
    ws.set_column(0, 2, 24)
    kids = wb.add_worksheet("Children")
    kids.write_row(0, 0, ["Number", "Child"], bold)
    r = 1
    for key, ids in m.children_behind().items():
        for cid in ids:
            kids.write_string(r, 0, key)
            kids.write_string(r, 1, cid)
            r += 1
    kids.set_column(0, 0, 36)
    wb.close()
