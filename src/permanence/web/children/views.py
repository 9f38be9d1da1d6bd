"""Pages about children: the work lists and the child's page. Thin: they read through
`selectors` (which scope every query to what the person may see) and render."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from permanence.rules.engine import Status
from permanence.web.accounts.models import Role
from permanence.web.audit.services import record_view
from permanence.web.children import selectors
from permanence.web.children.filters import WorkFilterForm
from permanence.web.permissions import Page, can, requires

PER_PAGE = 50


def _today():
    return timezone.localdate()


def _work_page(
    request, children, *, title, teams=None, template="children/work_list.html", extra=None
):
    form = WorkFilterForm(request.GET or None, teams=teams)
    filters = form.filters()
    rows = selectors.work_list(children, _today(), filters)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("sort", None)
    return render(
        request,
        template,
        {
            "title": title,
            "form": form,
            "filters": filters,
            "page_obj": page,
            "rows": page.object_list,
            "total": len(rows),
            "overdue_children": sum(1 for r in rows if r.overdue),
            "query": query.urlencode(),
            "today": _today(),
            **(extra or {}),
        },
    )


@requires(Page.MY_WORK)
def my_work(request: HttpRequest) -> HttpResponse:
    title = {
        Role.SOCIAL_WORKER: "My caseload",
        Role.TEAM_MANAGER: "My team's children",
        Role.IRO: "Children I review",
    }[request.user.role]
    from permanence.web.panels.selectors import work_for

    return _work_page(
        request,
        selectors.held_by(request.user),
        title=title,
        extra={"panel_work": work_for(request.user, _today())},
    )


@requires(Page.TEAM)
def team(request: HttpRequest) -> HttpResponse:
    teams = selectors.teams_visible_to(request.user)
    return _work_page(
        request,
        selectors.children_visible_to(request.user).filter(team__in=teams),
        title="Team view",
        teams=teams,
        extra={"team_view": True},
    )


@requires(Page.IRO_REVIEWS)
def iro(request: HttpRequest) -> HttpResponse:
    return _work_page(
        request,
        selectors.held_by(request.user),
        title="Reviews: the children I review",
        template="children/iro_list.html",
    )


@requires(Page.CHILDREN)
def find(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()
    children = selectors.children_visible_to(request.user).select_related("team", "social_worker")
    if q:
        children = children.filter(child_id__icontains=q)
    page = Paginator(children, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request, "children/find.html", {"q": q, "page_obj": page, "rows": page.object_list}
    )


@requires(Page.CHILD)
def child(request: HttpRequest, child_id: str) -> HttpResponse:
    row = selectors.child_for(request.user, child_id)
    summary = selectors.summarise(row, _today())
    record_view(request.user, row, what="child page", request=request)
    obligations = summary.result.obligations
    groups = [
        ("Overdue", [o for o in obligations if o.status is Status.OVERDUE]),
        ("Due in the next 4 weeks", summary.due_soon),
        (
            "Coming up later",
            [o for o in obligations if o.status is Status.UPCOMING and o not in summary.due_soon],
        ),
        ("Not known", [o for o in obligations if o.status is Status.UNKNOWN]),
        ("Done", [o for o in obligations if o.status in (Status.MET, Status.MET_LATE)]),
    ]
    return render(
        request,
        "children/child.html",
        {
            "child": row,
            "summary": summary,
            "groups": groups,
            "alerts": summary.result.alerts,
            "plan": summary.current_plan,
            "timeline": selectors.timeline(summary),
            "today": _today(),
            "may": {page.value: can(request.user, page) for page in Page},
            "may_change": selectors.may_change(request.user, row),
        },
    )
