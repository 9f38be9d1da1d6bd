"""The approval checklist pages: tick what is in place, and approve.

Thin: each looks the child up among the children the person may change on that page
(404 otherwise), parses the form, calls the service that saves and attributes the
change, and goes back.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from permanence.web.accounts.models import User
from permanence.web.approvals import selectors, services
from permanence.web.approvals.forms import ApproveForm, TickForm
from permanence.web.children.models import DeciderRole
from permanence.web.children.selectors import summarise
from permanence.web.permissions import Page, requires


@requires(Page.RECORD_CHECKLIST)
def checklists(request: HttpRequest, child_id: str) -> HttpResponse:
    child = selectors.child_to_change(request.user, child_id, Page.RECORD_CHECKLIST)
    summary = summarise(child, timezone.localdate())
    views = selectors.views_of(request.user, summary)
    posted = request.POST.get("checklist") if request.method == "POST" else None
    forms = {}
    for view in views:
        data = request.POST if posted == view.result.id else None
        forms[view.result.id] = TickForm(
            data, result=view.result, initial={"ticked": timezone.localdate()}
        )
    if posted is not None:
        form = forms.get(posted)
        if form is None:
            raise Http404("That checklist does not apply to this child")
        if form.is_valid():
            changed = _save_ticks(request.user, child, posted, form)
            messages.success(request, f"Checklist saved: {changed}")
            url = reverse("approvals:checklists", kwargs={"child_id": child.child_id})
            return redirect(f"{url}#{selectors.anchor_of(posted)}")
    return render(
        request,
        "approvals/checklists.html",
        {
            "child": child,
            "summary": summary,
            "rows": [(view, forms[view.result.id]) for view in views],
            "form": next((f for f in forms.values() if f.is_bound and f.errors), None),
        },
    )


def _save_ticks(user: User, child, checklist_id: str, form: TickForm) -> str:
    data = form.cleaned_data
    for item in form.to_tick:
        services.tick(child, checklist_id, item, by=user, ticked=data["ticked"], note=data["note"])
    for item in form.to_untick:
        services.untick(child, checklist_id, item, by=user)
    ticked, unticked = len(form.to_tick), len(form.to_untick)
    if not ticked and not unticked:
        return "nothing changed"
    return ", ".join(
        part
        for part in (
            f"{ticked} ticked as in place" if ticked else "",
            f"{unticked} tick{'s' if unticked > 1 else ''} taken off" if unticked else "",
        )
        if part
    )


@requires(Page.RECORD_DECISION)
def approve(request: HttpRequest, child_id: str, checklist_id: str) -> HttpResponse:
    child = selectors.child_to_change(request.user, child_id, Page.RECORD_DECISION)
    summary = summarise(child, timezone.localdate())
    view = next(
        (v for v in selectors.views_of(request.user, summary) if v.result.id == checklist_id), None
    )
    if view is None or not view.result.needs_approval:
        raise Http404("That checklist does not apply to this child, or nobody approves it")
    initial = {"made": timezone.localdate()}
    if request.user.role in DeciderRole.values:
        initial["decider_role"] = request.user.role
    form = ApproveForm(
        request.POST if request.method == "POST" else None, result=view.result, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.approve(
                child,
                checklist_id,
                by=request.user,
                made=data["made"],
                decider_role=data["decider_role"],
                note=data["note"],
                reason=data.get("reason", ""),
            )
        except services.ApprovalRefused as refused:
            field = refused.field if refused.field in form.fields else None
            form.add_error(field, str(refused))
        else:
            messages.success(request, f"Approved: {view.result.title}")
            return redirect("children:child", child_id=child.child_id)
    return render(
        request,
        "approvals/approve.html",
        {"child": child, "summary": summary, "view": view, "form": form},
    )
