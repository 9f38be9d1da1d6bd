from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "permanence.web.returns"
    verbose_name = "SSDA903 returns"
