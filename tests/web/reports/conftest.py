import pytest


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Argon2 takes over half a second a password; these tests make a person per role."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
