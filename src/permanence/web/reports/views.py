"""The service reports' pages and downloads. Thin: the children come from `selectors`
(scoped to what the person may see), the figures from the core (`permanence.reports`),
and every download is written to the audit log."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from permanence import reports
from permanence.reports import charts, xlsx
from permanence.reports.common import last_year_end, pounds, reason_words
from permanence.reports.disruption import UNPLANNED_ENDINGS
from permanence.reports.tracker import TrackerRow
from permanence.ssda903.labels import PLACEMENT_GROUPS
from permanence.web.audit.services import record_export
from permanence.web.permissions import Page, requires
from permanence.web.reports import selectors
from permanence.web.reports.forms import QuarterForm, YearForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# The reports, as the index lists them: url name, title, what it holds.
REPORTS = (
    (
        "reports:tracker",
        "Permanence tracker",
        "Every child looked after today: their permanence plan and contingency, progress,"
        " what is due and overdue, and the cost of their care (Bolton 11.2).",
    ),
    (
        "reports:quarterly",
        "Quarterly report",
        "The number looked after at the quarter end, the number in each placement type,"
        " and each child's plan and progress (Bolton 11.3).",
    ),
    (
        "reports:annual",
        "Annual indicators",
        "The seven indicators of the impact of permanence planning, with the children"
        " behind each number and the year before (Bolton 11.3).",
    ),
    (
        "reports:disruption",
        "Unplanned endings and disruption meetings",
        "Placements that ended unplanned, quarter by quarter, and whether a disruption"
        " meeting was held (Blackburn with Darwen 8).",
    ),
    (
        "reports:measures",
        "National measures over the years",
        "Placement stability and adoption timeliness at each 31 March, as a table and"
        " charts, with a printable report for the corporate parenting board.",
    ),
)


def _today() -> date:
    return timezone.localdate()


def _wants_xlsx(request: HttpRequest) -> bool | None:
    """True for ?format=xlsx, False for the page, None for a format we do not make."""
    fmt = request.GET.get("format", "")
    if fmt in ("", "html"):
        return False
    return True if fmt == "xlsx" else None


def _bad_format() -> HttpResponse:
    return HttpResponse("Choose format=xlsx.", status=400, content_type="text/plain")


def _download(
    request: HttpRequest, what: str, filename: str, write: Callable[[io.BytesIO], int], detail: str
) -> HttpResponse:
    out = io.BytesIO()
    rows = write(out)
    record_export(request.user, what, rows=rows, detail=f"XLSX; {detail}", request=request)
    response = HttpResponse(out.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def _by_group(rows: list[TrackerRow]) -> list[dict]:
    groups: dict[str, dict] = {}
    for r in rows:
        g = groups.setdefault(r.placement_group, {"group": r.placement_group, "children": 0})
        g["children"] += 1
        g["weekly"] = g.get("weekly", 0) + (r.weekly_cost or 0)
    order = list(PLACEMENT_GROUPS)
    return [
        {**g, "weekly": pounds(g["weekly"])}
        for g in sorted(groups.values(), key=lambda g: order.index(g["group"]))
    ]


@requires(Page.REPORTS)
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/index.html", {"reports": REPORTS})


@requires(Page.REPORTS)
def tracker(request: HttpRequest) -> HttpResponse:
    wants = _wants_xlsx(request)
    if wants is None:
        return _bad_format()
    as_of = _today()
    rows = selectors.tracker_rows(request.user, as_of)
    if wants:
        return _download(
            request,
            "permanence tracker",
            f"permanence-tracker-{as_of.isoformat()}.xlsx",
            lambda out: xlsx.write_tracker(rows, as_of, selectors.costs_used(rows), out),
            f"as of {as_of.isoformat()}",
        )
    return render(
        request,
        "reports/tracker.html",
        {
            "as_of": as_of,
            "rows": rows,
            "groups": _by_group(rows),
            "weekly": pounds(sum(r.weekly_cost or 0 for r in rows)),
            "costs": selectors.costs_used(rows),
        },
    )


@requires(Page.REPORTS)
def quarterly(request: HttpRequest) -> HttpResponse:
    wants = _wants_xlsx(request)
    if wants is None:
        return _bad_format()
    form = QuarterForm(request.GET or None, today=_today())
    end, profile = form.quarter_end, form.profile_chosen
    report = reports.quarterly_report(
        selectors.tracker_rows(request.user, end, profile), end, profile
    )
    if wants:
        return _download(
            request,
            "quarterly report",
            f"quarterly-report-{end.isoformat()}.xlsx",
            lambda out: xlsx.write_quarterly(report, out),
            f"quarter ending {end.isoformat()}; profile {profile or 'all'}",
        )
    return render(request, "reports/quarterly.html", {"form": form, "report": report})


@requires(Page.REPORTS)
def annual(request: HttpRequest) -> HttpResponse:
    wants = _wants_xlsx(request)
    if wants is None:
        return _bad_format()
    form = YearForm(request.GET or None, today=_today())
    year_end, profile = form.year_end, form.profile_chosen
    people = selectors.population(request.user, profile)
    report = reports.annual_report(people.children, year_end, people.siblings)
    if wants:
        return _download(
            request,
            "annual indicators",
            f"annual-indicators-{report.label}.xlsx",
            lambda out: xlsx.write_annual(report, out),
            f"year {report.label}; profile {profile or 'all'}",
        )
    return render(request, "reports/annual.html", {"form": form, "report": report})


@requires(Page.REPORTS)
def disruption(request: HttpRequest) -> HttpResponse:
    wants = _wants_xlsx(request)
    if wants is None:
        return _bad_format()
    form = YearForm(request.GET or None, today=_today(), in_progress=True)
    profile = form.profile_chosen
    people = selectors.population(request.user, profile)
    report = reports.disruption_report(people.children, form.year_end, form.up_to)
    if wants:
        return _download(
            request,
            "disruption analysis",
            f"disruption-analysis-{report.label}.xlsx",
            lambda out: xlsx.write_disruption(report, out),
            f"year {report.label} to {report.as_of.isoformat()}; profile {profile or 'all'}",
        )
    return render(
        request,
        "reports/disruption.html",
        {
            "form": form,
            "report": report,
            "periods": [*report.quarters, report.year],
            "reasons": [(c, reason_words(c)) for c in sorted(UNPLANNED_ENDINGS)],
        },
    )


def _measures(request: HttpRequest) -> dict:
    today = _today()
    rows = reports.trends(selectors.population(request.user).children, today)
    return {
        "rows": rows,
        "today": today,
        "last_year_end": last_year_end(today),
        "stability_chart": charts.stability_chart(rows) if rows else "",
        "adoption_chart": charts.adoption_chart(rows) if any(r.adopted for r in rows) else "",
    }


@requires(Page.REPORTS)
def measures(request: HttpRequest) -> HttpResponse:
    wants = _wants_xlsx(request)
    if wants is None:
        return _bad_format()
    context = _measures(request)
    if wants:
        return _download(
            request,
            "national measures over the years",
            f"national-measures-{context['today'].isoformat()}.xlsx",
            lambda out: xlsx.write_trends(context["rows"], out),
            f"years to {context['last_year_end'].isoformat()}",
        )
    return render(request, "reports/measures.html", context)


@requires(Page.REPORTS)
def measures_print(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/measures_print.html", _measures(request))
