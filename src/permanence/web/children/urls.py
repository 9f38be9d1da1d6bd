from django.urls import path

from permanence.web.children import views

app_name = "children"

urlpatterns = [
    path("", views.find, name="find"),
    path("my-work/", views.my_work, name="my-work"),
    path("team/", views.team, name="team"),
    path("reviews/", views.iro, name="iro"),
    path("<str:child_id>/", views.child, name="child"),
]
