"""Browser tests: real Chromium (Debian's, at /usr/bin/chromium) driven by Playwright
against pytest-django's live server.

Every test here is marked `browser` (`-m "not browser"` leaves them out). Without
Chromium the suite fails, saying how to install it (.ci/install-chromium.sh), unless
PERMANENCE_SKIP_BROWSER=1, when it skips. Screenshots go to var/screenshots/.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.urls import reverse

from tests.web.factories import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SCREENSHOTS = ROOT / "var" / "screenshots"
VIEWPORT = {"width": 1280, "height": 900}
TIMEOUT_MS = 10_000  # a page that takes longer than this is a failure, not a wait


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: drives a real browser against the live server (tests/browser)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="package")
def browser() -> Iterator[object]:
    """One headless Chromium for the tests of this folder, stopped when they are done:
    while Playwright runs, the environment says DJANGO_ALLOW_ASYNC_UNSAFE, which the
    rest of the suite must not inherit (`check --deploy` refuses it, rightly)."""
    if not CHROMIUM.exists():
        if os.environ.get("PERMANENCE_SKIP_BROWSER") == "1":
            pytest.skip("Chromium is missing and PERMANENCE_SKIP_BROWSER=1")
        pytest.fail("Chromium is missing: run .ci/install-chromium.sh", pytrace=False)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread; Django's ORM
    # refuses to run inside one unless told that this is safe (it is: the loop only
    # drives the browser, and the test's queries run between its steps).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


# The audit log is append-only in the database itself (triggers, audit migration 0002),
# so the flush that ends a transactional test, which empties every table, is refused.
# Around that flush only, the triggers are dropped, and made again straight after it.
_AUDIT_TRIGGERS = "permanence.web.audit.migrations.0002_append_only_triggers"
_RESTORE = pytest.StashKey[Callable[[], None]]()


class _Executor:
    """Just enough of a schema editor for the migration's trigger functions."""

    def __init__(self, connection) -> None:
        self.connection = connection

    def execute(self, sql: str) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(sql)


def _audit_triggers(action: str) -> None:
    from django.apps import apps
    from django.db import connection, transaction

    migration = importlib.import_module(_AUDIT_TRIGGERS)
    with transaction.atomic():
        getattr(migration, action)(apps, _Executor(connection))


@pytest.fixture
def _audit_log_flushable(request, transactional_db, django_db_blocker) -> Iterator[None]:
    yield
    _audit_triggers("drop_triggers")  # torn down just before transactional_db's flush

    def restore() -> None:
        from django.db import connection

        with django_db_blocker.unblock():
            _audit_triggers("create_triggers")
            # Closed again, as the flush left it: an open connection here would keep
            # PostgreSQL from dropping the test database at the end of the session.
            connection.close()

    request.node.stash[_RESTORE] = restore


def pytest_fixture_post_finalizer(fixturedef, request) -> None:
    """Straight after pytest-django's flush (`_django_db_helper` is torn down), while the
    test database is still there, put the audit log's triggers back."""
    if fixturedef.argname != "_django_db_helper":
        return
    restore = request.node.stash.get(_RESTORE, None)
    if restore is not None:
        del request.node.stash[_RESTORE]
        restore()


@pytest.fixture
def _fast_passwords(settings) -> None:
    """Argon2 takes over half a second a password here; the browser tests make several
    people each. MD5 first makes them quick; signing in still goes through the real
    form, django-axes and Django's authentication, as in production."""
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        *settings.PASSWORD_HASHERS,
    ]


@pytest.fixture
def page(
    browser,
    django_db_setup,
    live_server,
    transactional_db,
    _audit_log_flushable,
    _fast_passwords,
) -> Iterator[object]:
    """A fresh browser context (no cookies) and page for each test, 1280x900.

    Asks for `transactional_db`, so what a test puts in the database is committed and
    the live server's thread sees it. `django_db_setup` comes before `live_server` so
    that the test database is made before the server starts and removed after it stops
    (else PostgreSQL refuses to drop a database the server still has a connection to).
    """
    context = browser.new_context(viewport=VIEWPORT, base_url=live_server.url)
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()


def url(live_server, name: str, **kwargs) -> str:
    """The live server's full address of a named page."""
    return live_server.url + reverse(name, kwargs=kwargs or None)


def sign_in(page, live_server, user, password: str = PASSWORD) -> None:
    """Sign in through the real sign-in form, as a person would (django-axes sees it)."""
    page.goto(url(live_server, "accounts:sign-in"))
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password", exact=True).fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    if "/accounts/sign-in/" in page.url:
        text = page.locator("main").inner_text() if page.locator("main").count() else page.content()
        raise AssertionError(f"Signing in as {user.username} failed; the page says:\n{text}")


def screenshot(page, test_name: str, step: str) -> Path:
    """Save a full-page screenshot to var/screenshots/<test-name>-<step>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", f"{test_name}-{step}").strip("-")
    path = SCREENSHOTS / f"{safe}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture
def shoot(page, request) -> Callable[[str], Path]:
    """`shoot("2-child")` saves var/screenshots/<this test's name>-2-child.png."""
    return lambda step: screenshot(page, request.node.name, step)
