"""Panel pages: the list, setting one up, the agenda, decisions and actions, the pack.

Thin: panels are read through `selectors` (scoped to what the person may see), changed
through `services` (attributed), and children are looked up among those the person
may see.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotAllowed,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from permanence.panels import panel_definition
from permanence.web.audit.services import record_export, record_view
from permanence.web.children.selectors import children_visible_to
from permanence.web.panels import forms, selectors, services
from permanence.web.panels.models import AgendaItem, Panel
from permanence.web.permissions import Page, can, requires


def _today():
    return timezone.localdate()


def _to_panel(panel: Panel, name: str = "panels:panel") -> HttpResponse:
    return redirect(name, pk=panel.pk)


@requires(Page.PANELS)
def panel_list(request: HttpRequest) -> HttpResponse:
    upcoming, past = selectors.panel_list(request.user, _today())
    return render(
        request,
        "panels/list.html",
        {
            "upcoming": upcoming,
            "past": past,
            "may_manage": can(request.user, Page.PANEL_MANAGE),
        },
    )


@requires(Page.PANEL_MANAGE)
def new(request: HttpRequest) -> HttpResponse:
    """Two steps on one address: choose the panel, then when it sits."""
    chosen = request.GET.get("panel") or request.POST.get("panel")
    if not chosen or chosen not in dict(forms.panel_choices()):
        form = forms.ChoosePanelForm(request.GET if "step" in request.GET else None)
        return render(request, "panels/new.html", {"form": form, "step": 1})
    profile, key = chosen.split(":", 1)
    definition = panel_definition(profile, key)
    data = request.POST if request.method == "POST" else None
    form = forms.SittingForm(data, definition=definition, today=_today())
    if data is not None and form.is_valid():
        d = form.cleaned_data
        panel = services.create_panel(
            profile, key, d["day"], d["start"], request.user, chair=d["chair"], note=d["note"]
        )
        messages.success(
            request, f"Panel set up with {panel.items.count()} children proposed for the agenda"
        )
        return _to_panel(panel, "panels:agenda")
    return render(
        request,
        "panels/new.html",
        {"form": form, "step": 2, "chosen": chosen, "definition": definition},
    )


@requires(Page.PANELS)
def panel(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.panel_for(request.user, pk)
    return render(
        request,
        "panels/panel.html",
        {
            "panel": found,
            "agenda": selectors.agenda(request.user, found),
            "may": {p.value: can(request.user, p) for p in Page},
            "today": _today(),
        },
    )


def _remove_form(item: AgendaItem, data=None) -> forms.RemoveForm:
    return forms.RemoveForm(data, prefix=f"remove-{item.pk}", child_id=item.child.child_id)


def _agenda_page(request, found: Panel, add_form=None, remove_form=None) -> HttpResponse:
    """The agenda with its forms; `add_form` or `remove_form` is the one that was
    posted with something wrong (its errors are summarised at the top)."""
    agenda_ = selectors.agenda(request.user, found)
    for item in agenda_.items:
        posted = remove_form is not None and remove_form.prefix == f"remove-{item.pk}"
        item.remove_form = remove_form if posted else _remove_form(item)
    reasons = selectors.manual_reason_choices(found)
    return render(
        request,
        "panels/agenda.html",
        {
            "panel": found,
            "agenda": agenda_,
            "add_form": add_form or forms.AddChildForm(reasons=reasons),
            "form": add_form or remove_form,
            "today": _today(),
        },
    )


@requires(Page.PANEL_MANAGE)
def agenda(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.panel_for(request.user, pk)
    if request.method != "POST":
        return _agenda_page(request, found)
    what = request.POST.get("do", "")
    try:
        if what == "add":
            form = forms.AddChildForm(request.POST, reasons=selectors.manual_reason_choices(found))
            if not form.is_valid():
                return _agenda_page(request, found, add_form=form)
            child = get_object_or_404(
                children_visible_to(request.user), child_id=form.cleaned_data["child_id"].strip()
            )
            services.add_child(found, child, form.cleaned_data["chosen"], request.user)
            messages.success(request, f"Child {child.child_id} added to the agenda")
        elif what in ("remove", "up", "down"):
            item = _item(request, found)
            if what == "remove":
                form = _remove_form(item, request.POST)
                if not form.is_valid():
                    return _agenda_page(request, found, remove_form=form)
                services.remove_item(item, form.cleaned_data["reason"], request.user)
                messages.success(request, f"Child {item.child.child_id} taken off the agenda")
            else:
                services.move_item(item, what, request.user)
                messages.success(request, f"Child {item.child.child_id} moved {what}")
        elif what == "refresh":
            done = services.refresh(found, request.user)
            added = ", ".join(done.added) or "none"
            dropped = ", ".join(done.dropped) or "none"
            messages.success(request, f"Agenda refreshed. Added: {added}. Taken off: {dropped}")
        elif what == "circulate":
            warnings = services.circulate(found, request.user, _today())
            messages.success(request, "Invitations and the list circulated")
            for warning in warnings:
                messages.warning(request, warning)
            return _to_panel(found)
        else:
            return HttpResponseBadRequest("Unknown change to the agenda")
    except services.PanelError as error:
        messages.error(request, str(error))
    return _to_panel(found, "panels:agenda")


def _item(request, found: Panel) -> AgendaItem:
    """An agenda item of this panel, for a child the person may see."""
    return get_object_or_404(
        found.items.filter(child__in=children_visible_to(request.user)).select_related("child"),
        pk=request.POST.get("item"),
    )


@requires(Page.PANEL_RECORD)
def outcomes(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.panel_for(request.user, pk)
    today = _today()
    posted = None
    if request.method == "POST" and request.POST.get("do") == "held":
        try:
            services.mark_held(found, request.user, today)
            messages.success(request, "The panel is marked as held")
            return _to_panel(found)
        except services.PanelError as error:
            messages.error(request, str(error))
            return _to_panel(found, "panels:outcomes")
    if request.method == "POST":
        posted = _item(request, found)
    rows = []
    error_form = None
    for item in selectors.visible_items(request.user, found):
        outcome = getattr(item, "outcome", None)
        initial = {"decision": outcome.decision, "return_by": outcome.return_by} if outcome else {}
        data = request.POST if posted is not None and posted.pk == item.pk else None
        form = forms.OutcomeForm(
            data,
            prefix=f"item-{item.pk}",
            initial=initial,
            child=item.child,
            sitting=found.sitting,
        )
        if data is not None:
            if form.is_valid():
                saved = _save_outcome(request, item, form)
                if saved:
                    return redirect(
                        f"{reverse('panels:outcomes', kwargs={'pk': found.pk})}#item-{item.pk}"
                    )
            error_form = form
        rows.append((item, form))
    return render(
        request,
        "panels/outcomes.html",
        {
            "panel": found,
            "rows": rows,
            "form": error_form,
            "today": today,
            "may_hold": found.status != Panel.Status.HELD and found.sitting <= today,
        },
    )


def _save_outcome(request, item: AgendaItem, form) -> bool:
    d = form.cleaned_data
    try:
        services.record_outcome(item, d["decision"], d["return_by"], request.user)
        if d["action"]:
            services.add_action(item, d["action"], d["owner"], d["due"], request.user)
    except services.PanelError as error:
        form.add_error(None, str(error))
        return False
    messages.success(request, f"Decision recorded for child {item.child.child_id}")
    return True


def _pack_context(request, found: Panel) -> dict:
    agenda_ = selectors.agenda(request.user, found)
    return {
        "panel": found,
        "agenda": agenda_,
        "papers": selectors.papers(agenda_.items),
        "today": _today(),
    }


@requires(Page.PANELS)
def pack(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.panel_for(request.user, pk)
    context = _pack_context(request, found)
    record_view(request.user, None, what=f"panel pack of {found}", request=request)
    return render(request, "panels/pack.html", context)


@requires(Page.PANELS)
def pack_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    import weasyprint

    found = selectors.panel_for(request.user, pk)
    context = _pack_context(request, found)
    html = render_to_string("panels/pack_pdf.html", context, request=request)
    pdf = weasyprint.HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    record_export(
        request.user,
        f"panel pack of {found}",
        rows=len(context["agenda"].items),
        detail="PDF",
        request=request,
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"panel-pack-{found.profile}-{found.key}-{found.sitting.isoformat()}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@requires(Page.PANELS)
def action_done(request: HttpRequest, pk: int) -> HttpResponse:
    """The owner (or a manager) marks an action done."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    action = get_object_or_404(selectors.actions_visible_to(request.user), pk=pk)
    if not selectors.may_complete(request.user, action):
        raise PermissionDenied("Only the person the action is for, or a manager, may mark it done.")
    form = forms.DoneForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        services.complete_action(action, request.user, note)
        messages.success(request, f"Action done for child {action.child.child_id}: {action.what}")
    except services.PanelError as error:
        messages.error(request, str(error))
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        return redirect(back)
    if action.agenda_item_id:
        return redirect("panels:panel", pk=action.agenda_item.panel_id)
    return redirect("home")
