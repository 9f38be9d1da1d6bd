from django.urls import path

from permanence.web.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("tracker/", views.tracker, name="tracker"),
    path("quarterly/", views.quarterly, name="quarterly"),
    path("annual/", views.annual, name="annual"),
    path("disruption/", views.disruption, name="disruption"),
    path("measures/", views.measures, name="measures"),
    path("measures/print/", views.measures_print, name="measures-print"),
]
