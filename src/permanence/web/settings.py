"""Settings: SQLite on a laptop by default, PostgreSQL when DATABASE_URL says so.

Secrets and hosts come from the environment in production (PERMANENCE_SECRET_KEY,
PERMANENCE_ALLOWED_HOSTS, PERMANENCE_DEBUG=0).
"""

from __future__ import annotations

import os
import warnings
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("PERMANENCE_DATA_DIR", Path.cwd() / "var"))

DEBUG = os.environ.get("PERMANENCE_DEBUG", "1") == "1"
SECRET_KEY = os.environ.get(
    "PERMANENCE_SECRET_KEY",
    "insecure-development-key-only-for-a-laptop-demo-never-in-production" if DEBUG else "",
)
if not DEBUG and not SECRET_KEY:
    raise ImproperlyConfigured(
        "PERMANENCE_SECRET_KEY is not set. With PERMANENCE_DEBUG=0 Permanence needs a secret "
        "key of its own: a random string of at least 50 characters, kept out of the code."
    )
ALLOWED_HOSTS = os.environ.get("PERMANENCE_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",  # Django's own widget templates, for the GOV.UK form renderer
    "simple_history",
    "axes",
    "permanence.web.audit",
    "permanence.web.accounts",
    "permanence.web.children",
    "permanence.web.returns",
    "permanence.web.panels",
    "permanence.web.approvals",
    "permanence.web.guidance",
    "permanence.web.reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the "try again later" page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "permanence.web.urls"
WSGI_APPLICATION = "permanence.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "permanence.web.context.navigation",
            ]
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'permanence.sqlite3'}", conn_max_age=60
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:sign-in"

# Repeated failed sign-ins (django-axes): 5 failures for one username from one address lock
# that pair out for 15 minutes; every attempt during the lockout, even with the right
# password, starts the 15 minutes again. A successful sign-in clears the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = True
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "permanence.web.accounts.views.locked_out"
AXES_HTTP_RESPONSE_CODE = 429
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Sessions end after 8 working hours, and when the browser closes.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
# GOV.UK Frontend compiled by frontend/build.sh into static/build/.
STATICFILES_DIRS = [BASE_DIR / "static"]
# WhiteNoise serves static files when DEBUG is off; with the finders it serves them
# straight from the package, so `collectstatic` is optional (and STATIC_ROOT may not
# exist, which WhiteNoise would otherwise warn about on every start; pytest resets this
# filter, so a test run needs its own).
WHITENOISE_USE_FINDERS = True
warnings.filterwarnings("ignore", message=f"No directory at: {STATIC_ROOT}")
# `{{ form }}` renders GOV.UK Design System markup (templates/govuk/).
FORM_RENDERER = "permanence.web.forms.GovukFormRenderer"
