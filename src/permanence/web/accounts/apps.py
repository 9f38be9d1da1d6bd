from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "permanence.web.accounts"
    label = "accounts"
    verbose_name = "People and teams"
