"""Recording pages: a plan, a review, a meeting, a decision, the child's family.

Thin: each looks the child up among the children the person may change on that page
(`access.children_changeable_by`, 404 otherwise), parses its form, calls the service
that saves and attributes the change, and goes back to the child's page.
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms as django_forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from permanence.web.children import forms, models, services
from permanence.web.children.access import children_changeable_by
from permanence.web.permissions import Page, requires


def _child(request: HttpRequest, child_id: str, page: Page) -> models.Child:
    return get_object_or_404(children_changeable_by(request.user, page), child_id=child_id)


def _data(request: HttpRequest):
    """The form data of a POST (even an empty one), None for a GET."""
    return request.POST if request.method == "POST" else None


def _page(request, child, template: str, form, title: str, **extra) -> HttpResponse:
    context = {"child": child, "form": form, "title": title, **extra}
    return render(request, f"children/record/{template}.html", context)


def _saved(request, child, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("children:child", child_id=child.child_id)


def _record(
    request: HttpRequest,
    child: models.Child,
    form: django_forms.Form,
    save: Callable[..., object],
    *,
    template: str,
    title: str,
    message: str,
    **extra,
) -> HttpResponse:
    """The common page: on a valid POST save through the service and go back to the
    child; else show the form (with its errors)."""
    if request.method == "POST" and form.is_valid():
        save(child, by=request.user, **form.cleaned_data)
        return _saved(request, child, message)
    return _page(request, child, template, form, title, **extra)


@requires(Page.RECORD_PLAN)
def plan(request: HttpRequest, child_id: str) -> HttpResponse:
    child = _child(request, child_id, Page.RECORD_PLAN)
    current = services.current_plan(child)
    title = "Change the permanence plan" if current else "Record the permanence plan"
    if request.method != "POST":
        initial = {"based_on": current.version if current else 0}
        if current is not None:
            initial |= {name: getattr(current, name) for name in services.PLAN_FIELDS}
        form = forms.PlanForm(initial=initial)
        return _page(request, child, "plan", form, title, current=current)
    form = forms.PlanForm(request.POST)
    if not form.is_valid():
        return _page(request, child, "plan", form, title, current=current)
    data = dict(form.cleaned_data)
    try:
        saved = services.record_plan(child, by=request.user, based_on=data.pop("based_on"), **data)
    except services.PlanConflict as conflict:
        form = forms.PlanForm(initial=conflict.merged())
        return _page(
            request, child, "plan", form, title, current=conflict.theirs, conflict=conflict
        )
    return _saved(request, child, f"Permanence plan saved (version {saved.version})")


@requires(Page.RECORD_REVIEW)
def review(request: HttpRequest, child_id: str) -> HttpResponse:
    child = _child(request, child_id, Page.RECORD_REVIEW)
    form = forms.ReviewForm(_data(request), child=child)
    return _record(
        request,
        child,
        form,
        services.record_review,
        template="review",
        title="Record a review",
        message="Review recorded",
    )


@requires(Page.RECORD_MEETING)
def meeting(request: HttpRequest, child_id: str) -> HttpResponse:
    child = _child(request, child_id, Page.RECORD_MEETING)
    return _record(
        request,
        child,
        forms.MeetingForm(_data(request)),
        services.record_meeting,
        template="meeting",
        title="Record a meeting",
        message="Meeting recorded",
    )


@requires(Page.RECORD_DECISION)
def decision(request: HttpRequest, child_id: str) -> HttpResponse:
    child = _child(request, child_id, Page.RECORD_DECISION)
    return _record(
        request,
        child,
        forms.DecisionForm(_data(request)),
        services.record_decision,
        template="decision",
        title="Record a decision or approval",
        message="Decision recorded",
    )


@requires(Page.RECORD_FAMILY)
def assessment(request: HttpRequest, child_id: str) -> HttpResponse:
    child = _child(request, child_id, Page.RECORD_FAMILY)
    return _record(
        request,
        child,
        forms.AssessmentForm(_data(request)),
        services.record_assessment,
        template="assessment",
        title="Record an assessment",
        message="Assessment recorded",
        records=child.assessments.all(),
    )


@requires(Page.RECORD_FAMILY)
def family_time(request: HttpRequest, child_id: str) -> HttpResponse:
    child = _child(request, child_id, Page.RECORD_FAMILY)
    return _record(
        request,
        child,
        forms.FamilyTimeForm(_data(request)),
        services.record_family_time,
        template="family_time",
        title="Record family time",
        message="Family time recorded",
        records=child.family_time.all(),
    )


@requires(Page.RECORD_FAMILY)
def sibling(request: HttpRequest, child_id: str) -> HttpResponse:
    child = _child(request, child_id, Page.RECORD_FAMILY)
    return _record(
        request,
        child,
        forms.SiblingForm(_data(request)),
        services.record_sibling,
        template="sibling",
        title="Record a brother or sister",
        message="Brother or sister recorded",
        records=child.siblings.all(),
    )


@requires(Page.RECORD_FAMILY)
def life_story(request: HttpRequest, child_id: str) -> HttpResponse:
    child = _child(request, child_id, Page.RECORD_FAMILY)
    work = models.LifeStoryWork.objects.filter(child=child).first()
    initial = (
        {name: getattr(work, name) for name in ("started", "book_given", "later_life_letter")}
        if work
        else None
    )
    return _record(
        request,
        child,
        forms.LifeStoryForm(_data(request), initial=initial),
        services.record_life_story,
        template="life_story",
        title="Life story work",
        message="Life story work recorded",
    )


@requires(Page.RECORD_FAMILY)
def family_member(request: HttpRequest, child_id: str) -> HttpResponse:
    child = _child(request, child_id, Page.RECORD_FAMILY)
    return _record(
        request,
        child,
        forms.FamilyMemberForm(_data(request)),
        services.record_family_member,
        template="family_member",
        title="Add someone to the family network",
        message="Family member recorded",
        records=child.family_members.all(),
    )


@requires(Page.RECORD_FAMILY)
def genogram(request: HttpRequest, child_id: str) -> HttpResponse:
    child = _child(request, child_id, Page.RECORD_FAMILY)
    initial = {"completed": child.genogram_completed} if child.genogram_completed else None
    return _record(
        request,
        child,
        forms.GenogramForm(_data(request), initial=initial),
        services.record_genogram,
        template="genogram",
        title="Genogram",
        message="Genogram recorded",
    )
