"""Login (with the lockout page), logout, password change, own API tokens, login locks."""

from __future__ import annotations

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

from kinerja.accounts.api_tokens import api_token_revoke
from kinerja.accounts.forms import KinerjaPasswordChangeForm, LoginForm
from kinerja.accounts.login_guard import login_lock_lift
from kinerja.accounts.models import LockScope, LoginLock, User
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
    user = request.user
    assert isinstance(user, User)
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


def login_lock_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    locks = list(login_locks_list_for_hr_admin(actor=user))
    return render(request, "accounts/lock_list.html", {"locks": locks})


@require_POST
def login_lock_unlock(request: HttpRequest, lock_id: int) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    lock = login_lock_get_for_actor(actor=user, lock_id=lock_id)
    try:
        login_lock_lift(actor=user, lock=lock)
    except ValidationError as exc:
        messages.warning(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Kunci masuk {lock} dibuka.")
    return redirect("accounts:lock_list")


def api_token_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    tokens = api_tokens_list_for_owner(actor=user)
    return render(
        request,
        "accounts/token_list.html",
        {"tokens": tokens, "now": timezone.now(), "token_days": settings.API_TOKEN_DAYS},
    )


@require_POST
def api_token_revoke_view(request: HttpRequest, token_id: int) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    token = api_token_get_for_actor(actor=user, token_id=token_id)
    try:
        api_token_revoke(actor=user, token=token)
    except ValidationError as exc:
        messages.warning(request, " ".join(exc.messages))
    else:
        messages.success(
            request, f"Token {token.key_prefix}… dicabut dan tidak dapat dipakai lagi."
        )
    return redirect("accounts:token_list")
