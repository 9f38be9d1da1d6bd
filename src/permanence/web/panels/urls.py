from django.urls import path

from permanence.web.panels import views

app_name = "panels"

urlpatterns = [
    path("", views.panel_list, name="list"),
    path("new/", views.new, name="new"),
    path("<int:pk>/", views.panel, name="panel"),
    path("<int:pk>/agenda/", views.agenda, name="agenda"),
    path("<int:pk>/outcomes/", views.outcomes, name="outcomes"),
    path("<int:pk>/pack/", views.pack, name="pack"),
    path("<int:pk>/pack.pdf", views.pack_pdf, name="pack-pdf"),
    path("actions/<int:pk>/done/", views.action_done, name="action-done"),
]
