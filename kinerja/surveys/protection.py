"""Protections of the citizens' survey against ballot stuffing, without collecting identity.

Applied in one place, `kinerja.surveys.services.responses.response_submit`, by every entrance
(the form, the kiosk, the public API). Each check answers with a `RefusalReason`:

- a signed one-time form token (`django.core.signing`, salt "surveys.form") holding the service
  unit, a random nonce and the issue time: TOKEN_INVALID (bad signature or another unit's),
  TOKEN_EXPIRED (older than SKM_TOKEN_MAX_AGE_SECONDS), TOO_FAST (sent sooner than
  SKM_MIN_FILL_SECONDS after issue), TOKEN_REUSED (its nonce is already stored in
  `SurveyResponse.form_nonce`, which is unique);
- a honeypot field `website` that people never see and bots fill: HONEYPOT;
- a rate limit per client address per unit, counted in the shared cache: RATE_LIMIT;
- the same answers from the same client to the same unit within 24 hours: DUPLICATE.

A client address is never stored: `client_hash` is an HMAC-SHA256 of the address (IPv6 per
/64) with the salt of the day (`DailySalt`); salts older than yesterday are deleted, so an old
hash can no longer be linked to an address.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.crypto import salted_hmac

from kinerja.accounts.login_guard import client_address_key
from kinerja.surveys.models import DailySalt, RefusalReason, SubmissionRefusal

FORM_SALT = "surveys.form"
KIOSK_SALT = "surveys.kiosk"
KIOSK_COOKIE = "skm_kios"
KIOSK_COOKIE_MAX_AGE = 5 * 365 * 24 * 3600
HONEYPOT_FIELD = "website"
DUPLICATE_WINDOW = timedelta(hours=24)

RELOAD_MESSAGE = (
    "Formulir perlu dimuat ulang: formulir ini sudah terlalu lama dibuka, sudah pernah dikirim, "
    "atau dikirim terlalu cepat. Jawaban Anda masih ada di bawah; periksa lalu kirim lagi."
)
"""What the page says for every token refusal (the citizen need not know which one)."""


def refusal_message(reason: str) -> str:
    """The sentence for a refusal, precise enough for the developer of an API client."""
    max_minutes = settings.SKM_TOKEN_MAX_AGE_SECONDS // 60
    messages: dict[str, str] = {
        RefusalReason.TOKEN_INVALID: (
            "Token formulir tidak sah atau milik unit layanan lain; ambil formulir baru."
        ),
        RefusalReason.TOKEN_EXPIRED: (
            f"Token formulir sudah kedaluwarsa (berlaku {max_minutes} menit); ambil formulir baru."
        ),
        RefusalReason.TOKEN_REUSED: (
            "Token formulir ini sudah dipakai untuk satu kiriman; ambil formulir baru."
        ),
        RefusalReason.TOO_FAST: (
            f"Formulir dikirim terlalu cepat; kirim paling cepat {settings.SKM_MIN_FILL_SECONDS} "
            "detik setelah formulir dibuka."
        ),
        RefusalReason.RATE_LIMIT: (
            "Terlalu banyak kiriman dari alamat jaringan Anda untuk unit ini. Silakan coba lagi "
            "beberapa menit lagi."
        ),
        RefusalReason.DUPLICATE: (
            "Jawaban yang sama sudah kami terima dari Anda dalam 24 jam terakhir; tidak perlu "
            "dikirim lagi. Terima kasih."
        ),
    }
    return messages.get(reason, "Kiriman tidak dapat diterima.")


TOKEN_REASONS = frozenset(
    {
        RefusalReason.TOKEN_INVALID,
        RefusalReason.TOKEN_EXPIRED,
        RefusalReason.TOKEN_REUSED,
        RefusalReason.TOO_FAST,
    }
)


class SubmissionRefused(Exception):
    """A submission refused by a protection; `message` is what the citizen reads.
    `response_submit` counts it (SubmissionRefusal) before it reaches a view."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        self.message = refusal_message(reason)
        super().__init__(self.message)


# --- the one-time form token --------------------------------------------------------------------


@dataclass(frozen=True)
class FormToken:
    service_unit_id: int
    nonce: str
    issued_at: float  # seconds since the epoch


def form_token_issue(*, service_unit_id: int, issued_at: float | None = None) -> str:
    """A fresh signed token for one unit's form (`issued_at` is for tests: an older token)."""
    payload = {
        "u": service_unit_id,
        "n": secrets.token_urlsafe(18),
        "t": int((time.time() if issued_at is None else issued_at) * 1000),  # ms, floored
    }
    return signing.dumps(payload, salt=FORM_SALT, compress=False)


def form_token_check(token: Any, *, service_unit_id: int, now: float | None = None) -> FormToken:
    """The token's contents; SubmissionRefused when it is not for this unit, too old or sent
    too soon (whether it was used already is known only to the database)."""
    text = token if isinstance(token, str) else ""
    try:
        payload = signing.loads(text[:500], salt=FORM_SALT) if text else None
    except signing.BadSignature:
        payload = None
    if (
        not isinstance(payload, dict)
        or payload.get("u") != service_unit_id
        or not isinstance(payload.get("n"), str)
        or not isinstance(payload.get("t"), int)
    ):
        raise SubmissionRefused(RefusalReason.TOKEN_INVALID)
    found = FormToken(
        service_unit_id=payload["u"], nonce=payload["n"], issued_at=payload["t"] / 1000
    )
    age = (time.time() if now is None else now) - found.issued_at
    if age > settings.SKM_TOKEN_MAX_AGE_SECONDS:
        raise SubmissionRefused(RefusalReason.TOKEN_EXPIRED)
    if age < settings.SKM_MIN_FILL_SECONDS:
        raise SubmissionRefused(RefusalReason.TOO_FAST)
    return found


# --- the kiosk device cookie -------------------------------------------------------------------


def kiosk_cookie_value(*, service_unit_id: int) -> str:
    """The signed value of the cookie that marks a registered kiosk tablet of one unit."""
    return signing.dumps({"u": service_unit_id}, salt=KIOSK_SALT)


def kiosk_cookie_valid(value: str | None, *, service_unit_id: int) -> bool:
    if not value:
        return False
    try:
        payload = signing.loads(value[:500], salt=KIOSK_SALT, max_age=KIOSK_COOKIE_MAX_AGE)
    except signing.BadSignature:
        return False
    return isinstance(payload, dict) and payload.get("u") == service_unit_id


# --- rate limit ---------------------------------------------------------------------------------


def _address_digest(address: str) -> str:
    """The address as a rate-limit counter names it: keyed with the server's secret, so the
    cache never holds an address, nor a plain hash one could reverse by trying every IPv4."""
    return salted_hmac("surveys.rate-limit", address).hexdigest()[:32]


def rate_limit_exceeded(*, service_unit_id: int, client_address: str, kiosk: bool) -> bool:
    """Count one submission of this address to this unit; True when past the limit of the
    window (SKM_RATE_LIMIT, or SKM_RATE_LIMIT_KIOSK for a registered kiosk tablet). The
    counter lives in the shared cache: `incr` (atomic in Redis); the first submission of a
    window creates it with `add`, which sets the window's timeout once."""
    limit = settings.SKM_RATE_LIMIT_KIOSK if kiosk else settings.SKM_RATE_LIMIT
    window = settings.SKM_RATE_WINDOW_SECONDS
    kind = "kiosk" if kiosk else "client"
    key = f"skm-rate:{kind}:{service_unit_id}:{_address_digest(client_address)}"
    try:
        used = int(cache.incr(key))
    except ValueError:  # no counter: the first submission of a window
        if cache.add(key, 1, timeout=window):
            used = 1
        else:  # another request created it meanwhile
            try:
                used = int(cache.incr(key))
            except ValueError:  # …and its window has ended already
                cache.set(key, 1, timeout=window)
                used = 1
    return used > limit


# --- client hash and the salt of the day --------------------------------------------------------


NO_SALT = "-"
"""Cached for a day that has no salt (`existing_salt`); never a salt (those are 64 hex)."""
NO_SALT_SECONDS = 60


def daily_salt(day: date) -> str:
    """The salt of `day`, created on first use (safe when two requests race to create it);
    creating it deletes the salts older than yesterday."""
    key = f"skm-salt:{day.isoformat()}"
    salt = cache.get(key)
    if salt and salt != NO_SALT:
        return str(salt)
    salt = DailySalt.objects.filter(day=day).values_list("salt", flat=True).first()
    if salt is None:
        try:
            with transaction.atomic():
                salt = DailySalt.objects.create(day=day, salt=secrets.token_hex(32)).salt
                DailySalt.objects.filter(day__lt=day - timedelta(days=1)).delete()
        except IntegrityError:
            salt = DailySalt.objects.get(day=day).salt
    cache.set(key, salt, timeout=2 * 24 * 3600)
    return salt


def existing_salt(day: date) -> str | None:
    """The salt of `day` if it exists (yesterday's, to find duplicates across midnight)."""
    key = f"skm-salt:{day.isoformat()}"
    salt = cache.get(key)
    if salt:
        return None if salt == NO_SALT else str(salt)
    salt = DailySalt.objects.filter(day=day).values_list("salt", flat=True).first()
    if salt is None:
        # Remember the absence briefly: a day's salt is created during that day, so once the
        # day is over only a request still running at midnight could still create it.
        cache.set(key, NO_SALT, timeout=NO_SALT_SECONDS)
    return salt


def client_hash(client_address: str, salt: str) -> str:
    """HMAC-SHA256 of the client's address (IPv6 per /64) with a day's salt; "" without one."""
    if not client_address:
        return ""
    return hmac.new(salt.encode(), client_address.encode(), hashlib.sha256).hexdigest()


def client_hashes(client_ip: str | None, *, day: date) -> tuple[str, list[str]]:
    """The hash to store today, and every hash the same client may have stored within the
    duplicate window (today's and, if its salt still exists, yesterday's)."""
    address = client_address_key(client_ip)
    today_hash = client_hash(address, daily_salt(day))
    hashes = [today_hash] if today_hash else []
    yesterday = existing_salt(day - timedelta(days=1))
    if address and yesterday:
        hashes.append(client_hash(address, yesterday))
    return today_hash, hashes


def answers_key(fields: Mapping[str, Any]) -> str:
    """sha256 of what a citizen sent (answers, service, profile, suggestion), to spot the same
    submission sent twice."""
    canonical = json.dumps(fields, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


# --- refusal counts -----------------------------------------------------------------------------


def refusal_count(*, service_unit_id: int, reason: str, day: date) -> None:
    """Add one refused submission to the day's count for this unit and reason (an F() update;
    the row is created on the first refusal, safe under races)."""
    rows = SubmissionRefusal.objects.filter(service_unit_id=service_unit_id, day=day, reason=reason)
    if rows.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            SubmissionRefusal.objects.create(
                service_unit_id=service_unit_id, day=day, reason=reason, count=1
            )
    except IntegrityError:
        rows.update(count=F("count") + 1)
