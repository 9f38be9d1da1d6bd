from django.urls import path

from permanence.web.returns import views

app_name = "returns"

urlpatterns = [path("upload/", views.upload, name="upload")]
