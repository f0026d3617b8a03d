"""Reads a user triggers on accounts: login locks (Admin BKPSDM) and one's own API tokens."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from kinerja.accounts.models import ApiToken, LoginLock, Role, User
from kinerja.accounts.permissions import is_hr_admin, require

# The token page shows the most recent ones; older revoked and expired ones stay in the table.
TOKENS_SHOWN = 50


def login_locks_list_for_hr_admin(*, actor: User) -> QuerySet[LoginLock]:
    """Locks in force now, the one that lifts last first."""
    require(is_hr_admin(actor), "Hanya Admin BKPSDM yang dapat melihat kunci masuk.")
    return (
        LoginLock.objects.filter(lifted_at__isnull=True, locked_until__gt=timezone.now())
        .select_related("user")
        .order_by("-locked_until", "-id")
    )


def login_lock_get_for_actor(*, actor: User, lock_id: int) -> LoginLock:
    require(is_hr_admin(actor), "Hanya Admin BKPSDM yang dapat membuka kunci masuk.")
    lock = LoginLock.objects.filter(pk=lock_id).first()
    if lock is None:
        raise Http404("Kunci masuk tidak ditemukan.")
    return lock


def api_tokens_list_for_owner(*, actor: User) -> list[ApiToken]:
    return list(ApiToken.objects.filter(user=actor).order_by("-created_at", "-id")[:TOKENS_SHOWN])


def api_token_get_for_actor(*, actor: User, token_id: int) -> ApiToken:
    """Only the owner's own token; someone else's answers 404, revealing nothing."""
    token = ApiToken.objects.filter(pk=token_id, user=actor).first()
    if token is None:
        raise Http404("Token API tidak ditemukan.")
    return token


def leader_user_ids(*, exclude: int | None = None) -> list[int]:
    """The active Pimpinan users (the Wali Kota's office: who acts when the Wali Kota rates or
    decides), optionally without one of them; for notifications."""
    users = User.objects.filter(role=Role.PIMPINAN, is_active=True)
    if exclude is not None:
        users = users.exclude(pk=exclude)
    return list(users.order_by("pk").values_list("pk", flat=True))
