"""The options page, the balance sheet and the plan written for the child. Thin: the
child comes from the scoped selectors (404 otherwise), writes go through `services`."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from permanence.web.audit.services import record_view
from permanence.web.children import selectors as children
from permanence.web.children.access import children_changeable_by
from permanence.web.guidance import selectors, services
from permanence.web.guidance.forms import WELFARE_CHECKLIST, BalanceSheetForm
from permanence.web.guidance.my_plan import my_plan
from permanence.web.permissions import Page, requires


@requires(Page.CHILD_OPTIONS)
def options(request: HttpRequest, child_id: str) -> HttpResponse:
    row = children.child_for(request.user, child_id)
    summary = children.summarise(row, timezone.localdate())
    record_view(request.user, row, what="options for permanence", request=request)
    return render(
        request,
        "guidance/options.html",
        {
            "child": row,
            "summary": summary,
            "plan": summary.current_plan,
            "sections": selectors.guidance(summary),
            "sheets": selectors.balance_sheets(row),
            "other_assessments": len(selectors.balance_sheet_assessments(row))
            - row.balance_sheets.count(),
            "may_record": selectors.may_record_balance_sheet(request.user, row),
        },
    )


@requires(Page.RECORD_OPTIONS)
def balance_sheet(request: HttpRequest, child_id: str) -> HttpResponse:
    row = get_object_or_404(
        children_changeable_by(request.user, Page.RECORD_OPTIONS), child_id=child_id
    )
    if request.method == "POST":
        form = BalanceSheetForm(request.POST)
        if form.is_valid():
            sheet = services.record_balance_sheet(row, by=request.user, **form.service_arguments())
            messages.success(
                request,
                f"Balance sheet recorded: {sheet.get_recommended_display().lower()} recommended",
            )
            return redirect("guidance:options", child_id=row.child_id)
    else:
        form = BalanceSheetForm(
            initial=BalanceSheetForm.initial_from(selectors.latest_balance_sheet(row))
        )
    return render(
        request,
        "guidance/balance_sheet.html",
        {"child": row, "form": form, "welfare_checklist": WELFARE_CHECKLIST},
    )


@requires(Page.CHILD_PLAN)
def child_plan(request: HttpRequest, child_id: str) -> HttpResponse:
    row = children.child_for(request.user, child_id)
    summary = children.summarise(row, timezone.localdate())
    record_view(request.user, row, what="the plan written for the child", request=request)
    return render(
        request,
        "guidance/my_plan.html",
        {"child": row, "summary": summary, "my": my_plan(summary, summary.current_plan)},
    )
