"""Signing in and out, and slowing down someone guessing passwords."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from permanence.web.accounts.models import Role, User
from permanence.web.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

PASSWORD = "a long enough password"
WRONG = "not the password at all"


@pytest.fixture
def sam(db):
    return User.objects.create_user("sam", password=PASSWORD, role=Role.SOCIAL_WORKER)


@pytest.fixture
def alex(db):
    return User.objects.create_user("alex", password=PASSWORD, role=Role.TEAM_MANAGER)


def sign_in(client, username, password, **extra):
    return client.post(
        reverse("accounts:sign-in"), {"username": username, "password": password}, **extra
    )


def signed_in_as(client):
    return client.session.get("_auth_user_id")


def locked_for(minutes: int) -> None:
    """Pretend the lockout began `minutes` ago."""
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= timedelta(minutes=minutes)
        attempt.save()


def test_the_sign_in_page_asks_for_username_and_password(client):
    page = client.get(reverse("accounts:sign-in"))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="username"' in html and 'name="password"' in html
    assert 'type="password"' in html
    assert "Sign in</button>" in html


def test_signing_in_lands_on_home_and_is_logged(client, sam):
    response = sign_in(client, "sam", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert signed_in_as(client) == str(sam.pk)
    event = AuditEvent.objects.get(action="signed_in")
    assert (event.user, event.username, event.ip) == (sam, "sam", "127.0.0.1")


@pytest.mark.parametrize(
    ("role", "lands_on"),
    [
        (Role.SOCIAL_WORKER, "children:my-work"),
        (Role.IRO, "children:my-work"),
        (Role.HEAD_OF_SERVICE, "children:team"),
        (Role.ADMINISTRATOR, "children:find"),
    ],
)
def test_home_sends_each_role_to_where_their_work_starts(client, role, lands_on):
    User.objects.create_user("pat", password=PASSWORD, role=role)
    assert sign_in(client, "pat", PASSWORD)["Location"] == reverse("home")
    assert client.get(reverse("home"))["Location"] == reverse(lands_on)


def test_signing_in_goes_back_to_the_page_asked_for_but_never_off_site(client, sam):
    asked = reverse("audit:search")
    response = client.post(
        reverse("accounts:sign-in") + f"?next={asked}",
        {"username": "sam", "password": PASSWORD, "next": asked},
    )
    assert response["Location"] == asked
    client.post(reverse("accounts:sign-out"))
    response = client.post(
        reverse("accounts:sign-in"),
        {"username": "sam", "password": PASSWORD, "next": "https://evil.example.com/"},
    )
    assert response["Location"] == reverse("home")


def test_a_wrong_password_shows_the_error_and_is_logged(client, sam):
    response = sign_in(client, "sam", WRONG)
    assert response.status_code == 200
    assert "Enter a correct username and password" in response.content.decode()
    assert signed_in_as(client) is None
    event = AuditEvent.objects.get(action="sign_in_failed")
    assert (event.username, event.user, event.ip) == ("sam", sam, "127.0.0.1")


def test_an_unknown_username_gets_the_same_error(client, sam):
    response = sign_in(client, "nobody", PASSWORD)
    assert "Enter a correct username and password" in response.content.decode()
    event = AuditEvent.objects.get(action="sign_in_failed")
    assert (event.username, event.user) == ("nobody", None)


def test_five_wrong_passwords_lock_the_username_out_even_with_the_right_one(client, sam):
    for _ in range(4):
        assert sign_in(client, "sam", WRONG).status_code == 200
    fifth = sign_in(client, "sam", WRONG)
    assert fifth.status_code == 429

    refused = sign_in(client, "sam", PASSWORD)
    assert refused.status_code == 429
    assert signed_in_as(client) is None
    text = refused.content.decode()
    assert "You cannot sign in yet" in text
    assert "try again after" in text and "in 15 minutes" in text
    assert AuditEvent.objects.filter(action="sign_in_failed", username="sam").count() == 6
    assert not AuditEvent.objects.filter(action="signed_in").exists()


def test_a_lockout_lasts_15_minutes_from_the_last_attempt(client, sam):
    for _ in range(5):
        sign_in(client, "sam", WRONG)
    locked_for(14)
    assert sign_in(client, "sam", PASSWORD).status_code == 429  # and starts the 15 again
    locked_for(14)
    assert sign_in(client, "sam", PASSWORD).status_code == 429
    locked_for(16)
    response = sign_in(client, "sam", PASSWORD)
    assert response.status_code == 302 and signed_in_as(client) == str(sam.pk)


def test_a_lockout_does_not_stop_anyone_else(client, sam, alex):
    for _ in range(5):
        sign_in(client, "sam", WRONG)
    assert sign_in(client, "sam", PASSWORD).status_code == 429
    response = sign_in(client, "alex", PASSWORD)
    assert response.status_code == 302 and signed_in_as(client) == str(alex.pk)


def test_a_lockout_is_for_the_username_from_that_address_only(client, sam):
    for _ in range(5):
        sign_in(client, "sam", WRONG, REMOTE_ADDR="203.0.113.9")
    assert sign_in(client, "sam", PASSWORD, REMOTE_ADDR="203.0.113.9").status_code == 429
    response = sign_in(client, "sam", PASSWORD, REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 302 and signed_in_as(client) == str(sam.pk)


def test_signing_in_clears_earlier_failures(client, sam):
    for _ in range(4):
        sign_in(client, "sam", WRONG)
    assert sign_in(client, "sam", PASSWORD).status_code == 302
    client.post(reverse("accounts:sign-out"))
    for _ in range(4):
        assert sign_in(client, "sam", WRONG).status_code == 200
    assert sign_in(client, "sam", PASSWORD).status_code == 302


def test_signing_out_is_by_post_only(client, sam):
    sign_in(client, "sam", PASSWORD)
    assert client.get(reverse("accounts:sign-out")).status_code == 405
    assert signed_in_as(client) == str(sam.pk)
    response = client.post(reverse("accounts:sign-out"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:sign-in")
    assert signed_in_as(client) is None
    assert client.get(reverse("audit:search")).status_code == 302  # back to sign in
