"""Login and password forms, in Indonesian, with the NIP typed as people type it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.utils.translation import gettext_lazy as _

from kinerja.accounts.login_names import login_name_normalize


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
            "NIP/nama pengguna atau kata sandi salah. Periksa kembali; setelah 5 kali gagal "
            "akun dikunci sementara selama 15 menit."
        ),
        "inactive": _("Akun ini tidak aktif. Hubungi admin OPD Anda."),
    }

    def clean_username(self) -> str:
        return login_name_normalize(self.cleaned_data.get("username") or "")


class KinerjaPasswordChangeForm(PasswordChangeForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Kata sandi lama")
        self.fields["new_password1"].label = _("Kata sandi baru")
        self.fields["new_password2"].label = _("Ulangi kata sandi baru")
