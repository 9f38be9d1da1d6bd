"""`permanence deadlines` output: the JSON contract of POLICY-RULES.md, and CSV, XLSX and
a readable table.

The JSON objects carry exactly the contract's keys (`rule`, `due`, `done`, `status`;
`rule`, `detail`); `explain=True` adds `title`, `why`, `reason` and `source` for people
and tools that want the reasons too.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import date
from typing import IO, Any

from permanence.profiles import Profile
from permanence.rules.engine import Alert, ChildResult, Obligation


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def obligation_json(o: Obligation, explain: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "rule": o.rule,
        "due": _iso(o.due),
        "done": _iso(o.done),
        "status": str(o.status),
    }
    if explain:
        out.update(title=o.title, why=o.why, reason=o.reason, source=o.source)
    return out


def alert_json(a: Alert, explain: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"rule": a.rule, "detail": a.detail}
    if explain:
        out.update(title=a.title, source=a.source)
    return out


def child_json(r: ChildResult, explain: bool = False) -> dict[str, Any]:
    return {
        "child": r.child.id,
        "obligations": [obligation_json(o, explain) for o in r.obligations],
        "alerts": [alert_json(a, explain) for a in r.alerts],
    }


def json_renderer(explain: bool = False):
    def render(r: ChildResult) -> str:
        return json.dumps(child_json(r, explain))

    return render


def write_json(items: Iterable[str], as_of: date, profile: Profile, out: IO[str]) -> int:
    """Stream the contract object from each child's JSON text, so memory stays flat."""
    head = json.dumps({"as_of": as_of.isoformat(), "profile": profile.name})[:-1]
    out.write(head + ', "children": [')
    n = 0
    for text in items:
        out.write(("," if n else "") + "\n  " + text)
        n += 1
    out.write("\n]}\n")
    return n


CSV_COLUMNS = ("child", "kind", "rule", "title", "due", "done", "status", "why", "reason", "source")


def rows_of(r: ChildResult) -> list[tuple[str, ...]]:
    out = [
        (
            r.child.id,
            "obligation",
            o.rule,
            o.title,
            _iso(o.due) or "",
            _iso(o.done) or "",
            str(o.status),
            o.why,
            o.reason,
            o.source,
        )
        for o in r.obligations
    ]
    out.extend(
        (r.child.id, "alert", a.rule, a.title, "", "", "alert", a.detail, "", a.source)
        for a in r.alerts
    )
    return out


def write_csv(items: Iterable[list[tuple[str, ...]]], out: IO[str]) -> int:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    n = 0
    for chunk in items:
        w.writerows(chunk)
        n += len(chunk)
    return n


def write_xlsx(
    items: Iterable[list[tuple[str, ...]]],
    as_of: date,
    profile: Profile,
    path: str,
    notes: Iterable[str] = (),
) -> int:
    """A workbook a team manager can filter: one row per obligation or alert."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(path, {"constant_memory": True})
    bold = wb.add_format({"bold": True})
    datef = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws = wb.add_worksheet("Deadlines")
    widths = (10, 10, 30, 40, 11, 11, 13, 60, 40, 50)
    for i, (name, width) in enumerate(zip(CSV_COLUMNS, widths, strict=True)):
        ws.write(0, i, name.capitalize(), bold)
        ws.set_column(i, i, width)
    n = 0
    for row in (row for chunk in items for row in chunk):
        n += 1
        for i, value in enumerate(row):
            if i in (4, 5) and value:
                ws.write_datetime(n, i, _to_datetime(value), datef)
            else:
                ws.write_string(n, i, value)
    ws.autofilter(0, 0, max(n, 1), len(CSV_COLUMNS) - 1)
    ws.freeze_panes(1, 1)
    about = wb.add_worksheet("About")
    lines = [
        ("Profile", f"{profile.title} ({profile.name})"),
        ("Policy", profile.policy),
        ("As of", as_of.strftime("%d/%m/%Y")),
        *(("Not assessed here", f"{rule}: {where}") for rule, where in profile.elsewhere.items()),
        *(("Note", note) for note in notes),
    ]
    for i, (k, v) in enumerate(lines):
        about.write_string(i, 0, k, bold)
        about.write_string(i, 1, v)
    about.set_column(0, 0, 20)
    about.set_column(1, 1, 100)
    wb.close()
    return n


def _to_datetime(iso: str):
    from datetime import datetime

    return datetime.strptime(iso, "%Y-%m-%d")


STATUS_WORDS = {
    "met": "met",
    "met_late": "met late",
    "upcoming": "upcoming",
    "overdue": "OVERDUE",
    "unknown": "not known",
    "not_applicable": "n/a",
}


def table_lines(r: ChildResult) -> str:
    """One child's lines of the readable table: child, rule, due, status, why."""
    lines = []
    for o in r.obligations:
        why = o.why + (f" [{o.reason}]" if o.reason else "")
        due = o.due.strftime("%d/%m/%Y") if o.due else "-"
        lines.append(
            f"{r.child.id:<10} {o.rule:<36} {due:<11} {STATUS_WORDS[o.status]:<10} {why}\n"
        )
    for a in r.alerts:
        lines.append(f"{r.child.id:<10} {a.rule:<36} {'':<11} {'ALERT':<10} {a.detail}\n")
    return "".join(lines)


TABLE_HEADING = f"{'Child':<10} {'Rule':<36} {'Due':<11} {'Status':<10} Why\n" + "-" * 120 + "\n"


def write_table(items: Iterable[str], out: IO[str]) -> int:
    out.write(TABLE_HEADING)
    n = 0
    for text in items:
        out.write(text)
        n += text.count("\n")
    return n
