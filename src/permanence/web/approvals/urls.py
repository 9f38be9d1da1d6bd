"""Approval checklists for one child, mounted at children/<child_id>/approvals/."""

from django.urls import path

from permanence.web.approvals import views

app_name = "approvals"

urlpatterns = [
    path("", views.checklists, name="checklists"),
    path("<str:checklist_id>/approve/", views.approve, name="approve"),
]
