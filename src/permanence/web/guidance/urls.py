from django.urls import path

from permanence.web.guidance import views

app_name = "guidance"

urlpatterns = [
    path("options/", views.options, name="options"),
    path("options/balance-sheet/", views.balance_sheet, name="balance-sheet"),
    path("my-plan/", views.child_plan, name="child-plan"),
]
