from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from permanence.web.children import models


@admin.register(models.Child)
class ChildAdmin(SimpleHistoryAdmin):
    list_display = ("child_id", "dob", "profile", "team", "social_worker", "iro")
    list_filter = ("profile", "team")
    search_fields = ("child_id",)


for model in (
    models.Episode,
    models.Review,
    models.Meeting,
    models.Decision,
    models.PermanencePlan,
):
    admin.site.register(model, SimpleHistoryAdmin)
