from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "permanence.web.reports"
