from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "permanence.web.audit"
    label = "audit"
    verbose_name = "Audit log"

    def ready(self) -> None:
        # Every change to a record with HistoricalRecords, every sign-in and failed sign-in.
        from permanence.web.audit import receivers  # noqa: F401
