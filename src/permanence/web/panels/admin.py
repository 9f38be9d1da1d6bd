from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from permanence.web.panels import models


@admin.register(models.Panel)
class PanelAdmin(SimpleHistoryAdmin):
    list_display = ("name", "profile", "sitting", "start", "status", "chair")
    list_filter = ("profile", "status")


@admin.register(models.AgendaItem)
class AgendaItemAdmin(SimpleHistoryAdmin):
    list_display = ("panel", "child", "position", "slot_start", "group", "removed")
    list_filter = ("removed", "added_by_hand")
    search_fields = ("child__child_id",)


@admin.register(models.Outcome)
class OutcomeAdmin(SimpleHistoryAdmin):
    list_display = ("item", "return_by", "recorded_by", "recorded_at")


@admin.register(models.Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ("child", "what", "owner", "due", "done_on")
    list_filter = ("done_on",)
    search_fields = ("child__child_id",)
