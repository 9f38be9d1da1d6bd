from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from permanence.web.children import models


@admin.register(models.Child)
class ChildAdmin(SimpleHistoryAdmin):
    list_display = ("child_id", "dob", "profile", "team", "social_worker", "iro")
    list_filter = ("profile", "team")
    search_fields = ("child_id",)


@admin.register(models.PermanencePlan)
class PermanencePlanAdmin(SimpleHistoryAdmin):
    list_display = ("child", "version", "agreed", "primary", "contingency", "recorded_by")
    search_fields = ("child__child_id",)
    readonly_fields = ("elements",)


for model in (
    models.Episode,
    models.Review,
    models.Meeting,
    models.Decision,
    models.Assessment,
    models.FamilyTime,
    models.Sibling,
    models.LifeStoryWork,
    models.FamilyMember,
):
    admin.site.register(model, SimpleHistoryAdmin)
