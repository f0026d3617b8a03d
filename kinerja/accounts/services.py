"""Writes to users: create, change role, change password, (de)activate. Each audited in its
transaction. Changing the password or deactivating revokes the user's API tokens."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from kinerja.accounts.api_tokens import api_tokens_revoke_all
from kinerja.accounts.login_names import login_name_normalize
from kinerja.accounts.models import RevokeReason, Role, User
from kinerja.accounts.permissions import can_manage_agency, is_hr_admin, require
from kinerja.core.audit_hook import audit_record_via_hook


def user_snapshot(user: User) -> dict[str, Any]:
    """What the audit trail keeps of a user: never the password hash."""
    return {
        "username": user.username,
        "full_name": user.full_name,
        "role": user.role,
        "agency_id": user.agency_id,
        "is_active": user.is_active,
        "must_change_password": user.must_change_password,
    }


def user_create(
    *,
    actor: User | None,
    username: str,
    full_name: str,
    role: str = "",
    agency_id: int | None = None,
    password: str | None = None,
    must_change_password: bool = True,
    email: str = "",
) -> User:
    """Create a login. `actor` None means the system (demo data, imports run by a command)."""
    if actor is not None:
        require(
            is_hr_admin(actor) or (not role and can_manage_agency(actor, agency_id)),
            "Hanya Admin BKPSDM yang dapat membuat akun berperan; Admin OPD hanya akun pegawai "
            "di perangkat daerahnya.",
        )
    name = login_name_normalize(username)
    errors: dict[str, list[str]] = {}
    if not name:
        errors["username"] = ["NIP atau nama pengguna wajib diisi."]
    elif User.objects.filter(username=name).exists():
        errors["username"] = [f"NIP/nama pengguna {name} sudah dipakai akun lain."]
    if not full_name.strip():
        errors["full_name"] = ["Nama lengkap wajib diisi."]
    if role and role not in Role.values:
        errors["role"] = [f"Peran {role!r} tidak dikenal; pilihan: {', '.join(Role.values)}."]
    if role == Role.ADMIN_OPD and agency_id is None:
        errors["agency"] = ["Admin OPD wajib terikat pada satu perangkat daerah."]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        user = User.objects.create_user(
            name,
            password,
            full_name=full_name.strip(),
            role=role,
            agency_id=agency_id,
            must_change_password=must_change_password,
            email=email,
        )
        audit_record_via_hook(
            actor=actor, action="user.created", obj=user, after=user_snapshot(user)
        )
    return user


def user_password_change(*, actor: User, user: User, new_password: str) -> None:
    """A user changes their own password; clears the first-login obligation.

    Every API token of the user is revoked: whoever held the old password may hold a token.
    """
    require(actor.pk == user.pk, "Kata sandi hanya dapat diganti oleh pemilik akun.")
    try:
        validate_password(new_password, user)
    except ValidationError as exc:
        raise ValidationError({"new_password1": exc.messages}) from exc
    with transaction.atomic():
        before = user_snapshot(user)
        user.set_password(new_password)
        user.must_change_password = False
        user.save(update_fields=["password", "must_change_password"])
        audit_record_via_hook(
            actor=actor,
            action="user.password_changed",
            obj=user,
            before=before,
            after=user_snapshot(user),
        )
        api_tokens_revoke_all(actor=actor, user=user, reason=RevokeReason.PASSWORD_CHANGED)


def user_role_set(*, actor: User, user: User, role: str, agency_id: int | None) -> User:
    require(is_hr_admin(actor), "Hanya Admin BKPSDM yang dapat mengubah peran.")
    if role and role not in Role.values:
        raise ValidationError({"role": [f"Peran {role!r} tidak dikenal."]})
    if role == Role.ADMIN_OPD and agency_id is None:
        raise ValidationError({"agency": ["Admin OPD wajib terikat pada satu perangkat daerah."]})
    with transaction.atomic():
        before = user_snapshot(user)
        user.role = role
        user.agency_id = agency_id if role == Role.ADMIN_OPD else None
        user.save(update_fields=["role", "agency"])
        audit_record_via_hook(
            actor=actor,
            action="user.role_changed",
            obj=user,
            before=before,
            after=user_snapshot(user),
        )
    return user


def user_active_set(*, actor: User, user: User, is_active: bool) -> User:
    """Admin BKPSDM deactivates a login (the person left) or activates it again.

    Deactivating revokes every API token of the user in the same transaction.
    """
    require(
        is_hr_admin(actor), "Hanya Admin BKPSDM yang dapat mengaktifkan atau menonaktifkan akun."
    )
    if actor.pk == user.pk and not is_active:
        raise ValidationError(
            {"is_active": ["Anda tidak dapat menonaktifkan akun Anda sendiri; minta Admin lain."]}
        )
    if user.is_active == is_active:
        state = "aktif" if is_active else "tidak aktif"
        raise ValidationError({"is_active": [f"Akun {user.username} sudah {state}."]})
    with transaction.atomic():
        before = user_snapshot(user)
        user.is_active = is_active
        user.save(update_fields=["is_active"])
        audit_record_via_hook(
            actor=actor,
            action="user.activated" if is_active else "user.deactivated",
            obj=user,
            before=before,
            after=user_snapshot(user),
        )
        if not is_active:
            api_tokens_revoke_all(actor=actor, user=user, reason=RevokeReason.DEACTIVATED)
    return user
