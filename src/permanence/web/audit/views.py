"""The audit log's search page and its exports (administrators only)."""

from __future__ import annotations

import csv
import io

import xlsxwriter
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from permanence.web.audit import selectors, services
from permanence.web.audit.forms import AuditSearchForm
from permanence.web.audit.models import Action, AuditEvent
from permanence.web.permissions import Page, requires

PAGE_SIZE = 50
COLUMNS = (
    "Event",
    "When",
    "Username",
    "Action",
    "Child ID",
    "Record",
    "Record ID",
    "Summary",
    "Reason",
    "IP address",
)
ACTION_LABELS = dict(Action.choices)
FORMATS = {"csv", "xlsx"}


def _row(event: AuditEvent) -> list:
    return [
        event.pk,
        timezone.localtime(event.when).replace(tzinfo=None),
        event.username,
        ACTION_LABELS.get(event.action, event.action),
        event.child_id,
        event.record,
        event.record_id,
        event.summary,
        event.reason,
        event.ip or "",
    ]


@requires(Page.AUDIT)
def search(request: HttpRequest) -> HttpResponse:
    form = AuditSearchForm(request.GET)
    found = selectors.events(**form.filters()) if form.is_valid() else AuditEvent.objects.none()
    page_obj = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "audit/search.html",
        {"form": form, "page_obj": page_obj, "events": page_obj.object_list},
    )


@requires(Page.AUDIT)
def export(request: HttpRequest) -> HttpResponse:
    """Every event the filters match, as CSV (the default) or XLSX. The export is itself
    an audit event, made before the rows are read and never one of them."""
    form = AuditSearchForm(request.GET)
    fmt = request.GET.get("format", "csv").lower()
    if fmt not in FORMATS:
        return HttpResponse(
            "Choose format=csv or format=xlsx.", status=400, content_type="text/plain"
        )
    if not form.is_valid():
        return search(request)  # the search page, with what is wrong with the filters
    found = selectors.events(**form.filters())
    last = found.order_by("-pk").values_list("pk", flat=True).first()
    rows = found.filter(pk__lte=last) if last is not None else found.none()
    services.record_export(
        request.user,
        "audit log",
        rows=rows.count(),
        detail=f"{fmt.upper()}; {form.describe()}",
        request=request,
    )
    stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M")
    filename = f"audit-log-{stamp}.{fmt}"
    if fmt == "xlsx":
        response = HttpResponse(
            _xlsx(rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = StreamingHttpResponse(_csv_lines(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


class _Echo:
    def write(self, value: str) -> str:
        return value


def _safe(value) -> str:
    """Keep a spreadsheet from running text that looks like a formula (CSV injection)."""
    text = value.isoformat(sep=" ") if hasattr(value, "isoformat") else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv_lines(rows):
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(COLUMNS)  # the byte order mark makes Excel read UTF-8
    for event in rows.iterator(chunk_size=2000):
        yield writer.writerow([_safe(v) for v in _row(event)])


def _xlsx(rows) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("Audit log")
    bold = book.add_format({"bold": True})
    when = book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    for col, title in enumerate(COLUMNS):
        sheet.write_string(0, col, title, bold)
    sheet.set_column(1, 1, 20)
    sheet.set_column(7, 7, 60)
    for r, event in enumerate(rows.iterator(chunk_size=2000), start=1):
        values = _row(event)
        sheet.write_number(r, 0, values[0])
        sheet.write_datetime(r, 1, values[1], when)
        for col, value in enumerate(values[2:], start=2):
            sheet.write_string(r, col, str(value))
    sheet.freeze_panes(1, 0)
    book.close()
    return out.getvalue()
