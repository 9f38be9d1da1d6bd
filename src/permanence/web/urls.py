"""Every page's address. Each app owns its own urls; this file only mounts them."""

from django.contrib import admin
from django.urls import include, path

from permanence.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/", include("permanence.web.accounts.urls")),
    path("children/", include("permanence.web.children.urls")),
    path("children/<str:child_id>/record/", include("permanence.web.children.recording_urls")),
    path("children/<str:child_id>/approvals/", include("permanence.web.approvals.urls")),
    path("children/<str:child_id>/", include("permanence.web.guidance.urls")),
    path("panels/", include("permanence.web.panels.urls")),
    path("reports/", include("permanence.web.reports.urls")),
    path("returns/", include("permanence.web.returns.urls")),
    path("audit/", include("permanence.web.audit.urls")),
    path("admin/", admin.site.urls),
]
