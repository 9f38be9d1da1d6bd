from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from permanence.web.guidance import models


class OptionInline(admin.TabularInline):
    model = models.BalanceSheetOption
    extra = 0


@admin.register(models.BalanceSheet)
class BalanceSheetAdmin(SimpleHistoryAdmin):
    list_display = ("child", "completed", "recommended", "recorded_by", "recorded_at")
    list_filter = ("recommended",)
    search_fields = ("child__child_id",)
    inlines = [OptionInline]


admin.site.register(models.BalanceSheetOption, SimpleHistoryAdmin)
