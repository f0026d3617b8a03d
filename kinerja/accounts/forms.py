"""Login and password forms, in Indonesian, with the NIP typed as people type it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from kinerja.accounts.login_guard import login_attempt
from kinerja.accounts.login_names import login_name_normalize
from kinerja.accounts.models import LoginLock


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("NIP atau nama pengguna"),
        max_length=64,
        help_text=_("Pegawai: NIP 18 digit, boleh dengan spasi (contoh 19860926 201505 1 001)."),
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("Kata sandi"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    error_messages = {
        "invalid_login": _(
            "NIP/nama pengguna atau kata sandi salah. Periksa kembali; setelah %(limit)s kali "
            "gagal akun dikunci sementara selama %(minutes)s menit."
        ),
        "inactive": _("Akun ini tidak aktif. Hubungi admin OPD Anda."),
    }

    # Set when the attempt was refused by a lock (or imposed one): the view shows the lock page.
    lock: LoginLock | None = None

    def clean_username(self) -> str:
        return login_name_normalize(self.cleaned_data.get("username") or "")

    def clean(self) -> dict[str, Any]:
        """Authenticate through the login guard instead of calling authenticate() directly."""
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username and password:
            outcome = login_attempt(
                request=self.request, login_name=username, password=password, channel="web"
            )
            if outcome.lock is not None:
                self.lock = outcome.lock
                until = date_format(timezone.localtime(outcome.lock.locked_until), "j F Y H.i")
                raise ValidationError(
                    f"Akun dikunci sementara karena terlalu banyak percobaan gagal; coba lagi "
                    f"setelah {until} WIB.",
                    code="locked",
                )
            if outcome.user is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(outcome.user)
            self.user_cache = outcome.user
        return self.cleaned_data

    def get_invalid_login_error(self) -> ValidationError:
        return ValidationError(
            self.error_messages["invalid_login"],
            code="invalid_login",
            params={
                "limit": settings.LOGIN_FAILURES_PER_ACCOUNT_ADDRESS,
                "minutes": settings.LOGIN_LOCK_MINUTES,
            },
        )


class AdminLoginForm(LoginForm):
    """The Django admin's login goes through the same guard; only staff accounts get in."""

    required_css_class = "required"

    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)
        if not user.is_staff:
            raise ValidationError(
                "Akun ini tidak memiliki akses admin Django; masuk lewat halaman utama Kinerja.",
                code="invalid_login",
            )


class KinerjaPasswordChangeForm(PasswordChangeForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Kata sandi lama")
        self.fields["new_password1"].label = _("Kata sandi baru")
        self.fields["new_password2"].label = _("Ulangi kata sandi baru")
