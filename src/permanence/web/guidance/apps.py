from django.apps import AppConfig


class GuidanceConfig(AppConfig):
    name = "permanence.web.guidance"
