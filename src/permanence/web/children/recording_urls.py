"""Recording pages for one child, mounted at children/<child_id>/record/."""

from django.urls import path

from permanence.web.children import recording_views as views

app_name = "record"

urlpatterns = [
    path("plan/", views.plan, name="plan"),
    path("review/", views.review, name="review"),
    path("meeting/", views.meeting, name="meeting"),
    path("decision/", views.decision, name="decision"),
    path("assessment/", views.assessment, name="assessment"),
    path("family-time/", views.family_time, name="family-time"),
    path("sibling/", views.sibling, name="sibling"),
    path("life-story/", views.life_story, name="life-story"),
    path("family-member/", views.family_member, name="family-member"),
    path("genogram/", views.genogram, name="genogram"),
]
