"""Login (with the lockout page), logout, password change, own API tokens, login locks."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST

from kinerja.accounts.actors import request_actor
from kinerja.accounts.api_tokens import api_token_revoke
from kinerja.accounts.forms import KinerjaPasswordChangeForm, LoginForm
from kinerja.accounts.login_guard import login_lock_lift
from kinerja.accounts.models import LockScope, LoginLock
from kinerja.accounts.selectors import (
    api_token_get_for_actor,
    api_tokens_list_for_owner,
    login_lock_get_for_actor,
    login_locks_list_for_hr_admin,
)
from kinerja.accounts.services import user_password_change


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_invalid(self, form: LoginForm) -> HttpResponse:  # type: ignore[override]
        if form.lock is not None:
            return lockout_response(self.request, form.lock)
        return super().form_invalid(form)


class LogoutView(auth_views.LogoutView):
    pass


def password_change(request: HttpRequest) -> HttpResponse:
    user = request_actor(request)
    form = KinerjaPasswordChangeForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user_password_change(
                actor=user, user=user, new_password=form.cleaned_data["new_password1"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            update_session_auth_hash(request, user)
            messages.success(request, "Kata sandi berhasil diganti.")
            return redirect(settings.LOGIN_REDIRECT_URL)
    return render(
        request,
        "accounts/password_change.html",
        {"form": form, "forced": user.must_change_password},
    )


def lockout_response(request: HttpRequest, lock: LoginLock) -> HttpResponse:
    """The page a locked login sees: why, and at what time to try again (429)."""
    seconds = max(1, int((lock.locked_until - timezone.now()).total_seconds()))
    response = render(
        request,
        "accounts/lockout.html",
        {
            "lock": lock,
            "unlock_at": timezone.localtime(lock.locked_until),
            "minutes": settings.LOGIN_LOCK_MINUTES,
            "whole_address": lock.scope == LockScope.ADDRESS,
        },
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response


def _button_action(
    request: HttpRequest, act: Callable[[], object], *, done: str, back: str
) -> HttpResponse:
    """A one-button POST on a list page: run the service, say what happened (its refusal as a
    warning), and return to the list."""
    try:
        act()
    except ValidationError as exc:
        messages.warning(request, " ".join(exc.messages))
    else:
        messages.success(request, done)
    return redirect(back)


def login_lock_list(request: HttpRequest) -> HttpResponse:
    user = request_actor(request)
    locks = list(login_locks_list_for_hr_admin(actor=user))
    return render(request, "accounts/lock_list.html", {"locks": locks})


@require_POST
def login_lock_unlock(request: HttpRequest, lock_id: int) -> HttpResponse:
    user = request_actor(request)
    lock = login_lock_get_for_actor(actor=user, lock_id=lock_id)
    return _button_action(
        request,
        lambda: login_lock_lift(actor=user, lock=lock),
        done=f"Kunci masuk {lock} dibuka.",
        back="accounts:lock_list",
    )


def api_token_list(request: HttpRequest) -> HttpResponse:
    user = request_actor(request)
    tokens = api_tokens_list_for_owner(actor=user)
    return render(
        request,
        "accounts/token_list.html",
        {"tokens": tokens, "now": timezone.now(), "token_days": settings.API_TOKEN_DAYS},
    )


@require_POST
def api_token_revoke_view(request: HttpRequest, token_id: int) -> HttpResponse:
    user = request_actor(request)
    token = api_token_get_for_actor(actor=user, token_id=token_id)
    return _button_action(
        request,
        lambda: api_token_revoke(actor=user, token=token),
        done=f"Token {token.key_prefix}… dicabut dan tidak dapat dipakai lagi.",
        back="accounts:token_list",
    )
