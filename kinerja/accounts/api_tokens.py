"""API tokens: issue, revoke, and authenticate requests that carry one.

A token is `Authorization: Token <key>`. Only the SHA-256 of the key is stored (the key has
256 random bits, so a fast hash is enough); the key is shown once, when issued. A token
expires after API_TOKEN_DAYS; it is revoked by its owner, when the password changes and when
the account is deactivated. A user holds at most API_TOKEN_MAX_ACTIVE active tokens: issuing
one more revokes the oldest. See docs/decisions/0002-own-login-guard-and-api-tokens.md.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from kinerja.accounts.models import ApiToken, RevokeReason, User
from kinerja.accounts.permissions import require
from kinerja.core.audit_hook import audit_record_via_hook

# A token's "last used" is written at most this often, not on every request.
LAST_USED_RESOLUTION = timedelta(minutes=5)


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    key: str  # shown to the owner once; never stored


def api_token_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def api_token_snapshot(token: ApiToken) -> dict[str, Any]:
    """What the audit trail keeps of a token: never the key or its hash."""
    return {
        "user_id": token.user_id,
        "name": token.name,
        "key_prefix": token.key_prefix,
        "expires_at": token.expires_at.isoformat(),
        "revoked_at": token.revoked_at.isoformat() if token.revoked_at else None,
        "revoked_reason": token.revoked_reason,
    }


def _revoke(*, actor: User | None, token: ApiToken, reason: str) -> None:
    before = api_token_snapshot(token)
    token.revoked_at = timezone.now()
    token.revoked_reason = reason
    token.save(update_fields=["revoked_at", "revoked_reason"])
    audit_record_via_hook(
        actor=actor,
        action="api_token.revoked",
        obj=token,
        before=before,
        after=api_token_snapshot(token),
    )


def api_token_issue(*, actor: User, name: str = "") -> IssuedToken:
    """Issue a token to the actor themself (after a password check by the caller)."""
    require(actor.is_active, "Akun tidak aktif tidak dapat menerima token API.")
    name = name.strip()
    if len(name) > 100:
        raise ValidationError(
            {"name": [f"Nama token paling panjang 100 karakter; diisi {len(name)} karakter."]}
        )
    key = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=actor,
            name=name,
            key_prefix=key[:8],
            key_hash=api_token_hash(key),
            created_at=now,
            expires_at=now + timedelta(days=settings.API_TOKEN_DAYS),
        )
        audit_record_via_hook(
            actor=actor, action="api_token.issued", obj=token, after=api_token_snapshot(token)
        )
        active = ApiToken.objects.filter(
            user=actor, revoked_at__isnull=True, expires_at__gt=now
        ).order_by("-created_at", "-id")
        for old in active[settings.API_TOKEN_MAX_ACTIVE :]:
            _revoke(actor=actor, token=old, reason=RevokeReason.REPLACED)
    return IssuedToken(token=token, key=key)


def api_token_revoke(*, actor: User, token: ApiToken) -> ApiToken:
    """The owner revokes one of their tokens."""
    require(token.user_id == actor.pk, "Token API hanya dapat dicabut oleh pemiliknya.")
    if token.revoked_at is not None:
        raise ValidationError(
            {"token": [f"Token {token.key_prefix}… sudah dicabut; tidak ada yang perlu dicabut."]}
        )
    with transaction.atomic():
        _revoke(actor=actor, token=token, reason=RevokeReason.OWNER)
    return token


def api_tokens_revoke_all(*, actor: User | None, user: User, reason: str) -> int:
    """Revoke every active token of `user`; runs inside the caller's service transaction."""
    now = timezone.now()
    tokens = list(ApiToken.objects.filter(user=user, revoked_at__isnull=True, expires_at__gt=now))
    for token in tokens:
        _revoke(actor=actor, token=token, reason=reason)
    return len(tokens)


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """`Authorization: Token <key>`; expired or revoked keys answer 401 in Indonesian."""

    keyword = "Token"

    def authenticate(self, request: Request) -> tuple[User, ApiToken] | None:
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                "Header Authorization harus berbentuk 'Token <kunci>' tanpa spasi di kunci."
            )
        try:
            key = header[1].decode()
        except UnicodeError as exc:
            raise exceptions.AuthenticationFailed(
                "Kunci token API berisi karakter yang tidak sah."
            ) from exc
        token = ApiToken.objects.select_related("user").filter(key_hash=api_token_hash(key)).first()
        if token is None:
            raise exceptions.AuthenticationFailed(
                "Token API tidak dikenal. Minta token baru lewat POST /api/v1/token/."
            )
        now = timezone.now()
        if token.revoked_at is not None:
            raise exceptions.AuthenticationFailed(
                f"Token API {token.key_prefix}… sudah dicabut "
                f"({token.get_revoked_reason_display()}). "
                "Minta token baru lewat POST /api/v1/token/."
            )
        if token.expires_at <= now:
            expired = date_format(timezone.localtime(token.expires_at), "j F Y H.i")
            raise exceptions.AuthenticationFailed(
                f"Token API {token.key_prefix}… kedaluwarsa pada {expired} WIB. "
                "Minta token baru lewat POST /api/v1/token/."
            )
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed("Akun pemilik token API tidak aktif.")
        if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return self.keyword


class ApiTokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    """Describes `Authorization: Token <key>` in the OpenAPI schema (/api/docs/)."""

    target_class = ApiTokenAuthentication
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return build_bearer_security_scheme_object(
            header_name="Authorization", token_prefix=ApiTokenAuthentication.keyword
        )
