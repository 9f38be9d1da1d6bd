from django.apps import AppConfig


class ApprovalsConfig(AppConfig):
    name = "permanence.web.approvals"
