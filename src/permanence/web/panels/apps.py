from django.apps import AppConfig


class PanelsConfig(AppConfig):
    name = "permanence.web.panels"
