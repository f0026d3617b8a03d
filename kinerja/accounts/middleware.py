"""Everything needs a login unless marked public; a first login forces a new password."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse


class LoginRequiredExceptApiMiddleware(LoginRequiredMiddleware):
    """The API authenticates in DRF (session or token) and answers 401/403 in JSON itself."""

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: Any,
        view_kwargs: Any,
    ) -> HttpResponseBase | None:
        if request.path_info.startswith("/api/"):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class PasswordChangeRequiredMiddleware:
    """An imported account's first login goes to the password change page and nowhere else."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and getattr(user, "must_change_password", False)
        ):
            allowed = {reverse("accounts:password_change"), reverse("accounts:logout")}
            path = request.path_info
            if path not in allowed and not path.startswith(("/static/", "/healthz")):
                messages.info(request, "Silakan ganti kata sandi awal Anda sebelum melanjutkan.")
                return redirect("accounts:password_change")
        return self.get_response(request)
