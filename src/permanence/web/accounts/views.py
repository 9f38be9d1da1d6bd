"""Signing in and out.

Repeated failed sign-ins are slowed by django-axes (settings.AXES_*): after
AXES_FAILURE_LIMIT failures for the same username from the same address, every attempt,
even with the right password, gets the "try again later" page until the cool-off has
passed; each attempt during a lockout starts the cool-off again.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password",
        "inactive": "Enter a correct username and password",
    }

    def __init__(self, request: HttpRequest | None = None, *args, **kwargs) -> None:
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = "Username"
        self.fields["username"].widget.attrs.update(
            {"autocomplete": "username", "spellcheck": "false", "autocapitalize": "none"}
        )
        self.fields["password"].label = "Password"
        self.fields["password"].widget = forms.PasswordInput(
            attrs={"autocomplete": "current-password"}
        )


class SignInView(LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.success(request, "You have signed out.")
    return redirect("accounts:sign-in")


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials=None
) -> HttpResponse:
    """django-axes' lockout response (settings.AXES_LOCKOUT_CALLABLE): a page that says
    when the person may try again, with status 429."""
    from axes.helpers import get_cool_off

    cool_off = get_cool_off(request)
    started = getattr(request, "axes_attempt_time", None) or timezone.now()
    try_again = timezone.localtime(started + cool_off)
    minutes = max(1, round(cool_off.total_seconds() / 60))
    return render(
        request,
        "accounts/locked_out.html",
        {"try_again": govuk_time(try_again), "minutes": minutes},
        status=429,
    )


def govuk_time(when) -> str:
    """'2:35pm on Monday 3 March 2025', as the GOV.UK style guide writes times."""
    hour = when.hour % 12 or 12
    return (
        f"{hour}:{when:%M}{'am' if when.hour < 12 else 'pm'} on {when:%A} {when.day} {when:%B %Y}"
    )
