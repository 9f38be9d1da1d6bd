from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from permanence.web.approvals import models


@admin.register(models.ChecklistTick)
class ChecklistTickAdmin(SimpleHistoryAdmin):
    list_display = ("child", "checklist", "item", "ticked", "recorded_by")
    list_filter = ("checklist",)
    search_fields = ("child__child_id",)


@admin.register(models.ChecklistApproval)
class ChecklistApprovalAdmin(SimpleHistoryAdmin):
    list_display = ("child", "checklist", "decision", "recorded_by")
    list_filter = ("checklist",)
    search_fields = ("child__child_id",)
