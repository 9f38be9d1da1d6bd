"""Production settings pass Django's deployment checklist, and refuse to start unsafe."""

import os
import secrets
import string
import subprocess
import sys

import pytest

CHECK = [sys.executable, "-m", "permanence.web", "check", "--deploy", "--fail-level", "WARNING"]


def production_env(**overrides) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PERMANENCE_")}
    env.update(
        PERMANENCE_DEBUG="0",
        PERMANENCE_SECRET_KEY="".join(
            secrets.choice(string.ascii_letters + string.digits + "!@#%^&*(-_=+)")
            for _ in range(60)
        ),
        PERMANENCE_ALLOWED_HOSTS="permanence.example.org",
        DJANGO_SETTINGS_MODULE="permanence.web.settings",
    )
    env.update(overrides)
    return {k: v for k, v in env.items() if v is not None}


def run(env) -> subprocess.CompletedProcess:
    return subprocess.run(CHECK, env=env, capture_output=True, text=True, timeout=120)


def test_production_settings_pass_check_deploy():
    result = run(production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_without_a_secret_key_refuses_to_start():
    result = run(production_env(PERMANENCE_SECRET_KEY=None))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "PERMANENCE_SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize("debug", ["1", None])
def test_a_laptop_starts_without_a_secret_key_but_fails_the_checklist(debug):
    # The development default needs no secret; the deployment check rightly refuses it.
    result = run(production_env(PERMANENCE_DEBUG=debug, PERMANENCE_SECRET_KEY=None))
    assert "ImproperlyConfigured" not in result.stderr
    assert result.returncode != 0
    assert "security.W018" in result.stderr  # DEBUG on
