"""What is logged without anyone asking: changes to records, sign-ins, failed sign-ins."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from simple_history.signals import post_create_historical_record

from permanence.web.audit import services
from permanence.web.audit.models import Action


@receiver(post_create_historical_record, dispatch_uid="audit.history")
def history_created(sender, instance, history_instance, history_user, **kwargs) -> None:
    services.record_history(
        history_instance, instance, history_user, kwargs.get("history_change_reason")
    )


@receiver(user_logged_in, dispatch_uid="audit.signed_in")
def signed_in(sender, request, user, **kwargs) -> None:
    services.log(Action.SIGNED_IN, user=user, request=request)


@receiver(user_login_failed, dispatch_uid="audit.sign_in_failed")
def sign_in_failed(sender, credentials, request=None, **kwargs) -> None:
    User = get_user_model()
    username = str((credentials or {}).get(User.USERNAME_FIELD) or "")[:150]
    user = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()
    locked = bool(getattr(request, "axes_locked_out", False))
    services.log(
        Action.SIGN_IN_FAILED,
        user=user,
        username=username,
        summary="locked out after too many failed attempts"
        if locked
        else "wrong username or password",
        request=request,
    )
