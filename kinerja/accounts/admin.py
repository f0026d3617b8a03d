"""The Django admin (/admin-django/) for staff accounts, held to the same rules as the pages.

A change that matters for security goes through its service, as everywhere else: the role and
agency through `user_role_set`, active/inactive through `user_active_set` (audited, and
deactivating revokes the API tokens). A refused change is not saved and the reason is shown.
The password is not editable here at all: only its owner changes it, at /akun/kata-sandi/
(`user_password_change`, which revokes their API tokens); the hash is never displayed.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import ModelForm
from django.http import HttpRequest
from django.urls import reverse

from kinerja.accounts.actors import request_actor
from kinerja.accounts.forms import AdminLoginForm
from kinerja.accounts.models import User
from kinerja.accounts.services import user_active_set, user_role_set

# The admin login follows the same lockout and audit as the login page.
admin.site.login_form = AdminLoginForm

ROLE_FIELDS = ("role", "agency")
SERVICE_FIELDS = (*ROLE_FIELDS, "is_active")


@admin.register(User)
class UserAdmin(admin.ModelAdmin[User]):
    list_display = ["username", "full_name", "role", "agency", "is_active"]
    list_filter = ["role", "is_active"]
    search_fields = ["username", "full_name"]
    exclude = ["password"]
    readonly_fields = ["password_note", "last_login", "date_joined"]

    @admin.display(description="Kata sandi")
    def password_note(self, obj: User | None) -> str:
        return (
            "Tidak dapat diubah di sini: hanya pemilik akun yang mengganti kata sandinya, di "
            f"halaman {reverse('accounts:password_change')} (token API-nya ikut dicabut)."
        )

    def save_model(
        self, request: HttpRequest, obj: User, form: ModelForm[User], change: bool
    ) -> None:
        changed = set(form.changed_data) & set(SERVICE_FIELDS)
        if not change or not changed:
            super().save_model(request, obj, form, change)
            return
        role, agency_id, is_active = obj.role, obj.agency_id, obj.is_active
        stored = User.objects.get(pk=obj.pk)
        obj.role, obj.agency_id, obj.is_active = stored.role, stored.agency_id, stored.is_active
        super().save_model(request, obj, form, change)  # every other field, as the admin does
        try:
            actor = request_actor(request)
            if changed & set(ROLE_FIELDS):
                user_role_set(actor=actor, user=obj, role=role, agency_id=agency_id)
            if "is_active" in changed:
                user_active_set(actor=actor, user=obj, is_active=is_active)
        except (PermissionDenied, ValidationError) as exc:
            refused = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
            request._kinerja_refused = True  # type: ignore[attr-defined]
            self.message_user(
                request,
                f"Perubahan peran/status aktif akun {obj.username} tidak disimpan: "
                + " ".join(refused),
                level=messages.ERROR,
            )

    def message_user(self, request: HttpRequest, message: Any, *args: Any, **kwargs: Any) -> None:
        """No "berhasil diubah" after a refused change."""
        level = kwargs.get("level", args[0] if args else messages.INFO)
        if getattr(request, "_kinerja_refused", False) and level == messages.SUCCESS:
            return
        super().message_user(request, message, *args, **kwargs)
