"""Login lockout and throttling, shared by the login page and the API token endpoint.

Policy (numbers are settings; kinerja/accounts/README.md explains them):
- 5 failures for one account from one client address lock that account from that address;
- 100 failures from one address, whatever the accounts, lock that address (an office shares
  one NAT address, so this limit is generous);
- 20 failures for one account from any addresses lock that account everywhere, so that a
  guesser must pay with at least four addresses before touching the owner;
- a lock lasts LOGIN_LOCK_MINUTES from the moment it is imposed; attempts during a lock are
  refused without being counted, so the lock never grows; Admin BKPSDM may lift it earlier.

Failures are counted in the cache (Redis when REDIS_URL, local memory otherwise) in windows
of LOGIN_LOCK_MINUTES; locks are rows, so that they can be listed, lifted and audited.
IPv6 clients are counted per /64 network, which is what one subscriber usually holds.
"""

from __future__ import annotations

import hashlib
import ipaddress
import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from kinerja.accounts.login_names import login_name_normalize
from kinerja.accounts.models import LockScope, LoginLock, User
from kinerja.accounts.permissions import is_hr_admin, require
from kinerja.core.audit_hook import audit_record_via_hook
from kinerja.core.request_context import request_context_get

logger = logging.getLogger("kinerja.accounts.login")

# How much of a mistyped or unknown login name the audit trail keeps (people sometimes type
# their password into the name field; a NIP is 18 digits).
AUDIT_LOGIN_NAME_CHARS = 20


@dataclass(frozen=True)
class UnauthenticatedCaller:
    """The actor of a failed login or of the lock it causes: nobody we know, yet not "Sistem"."""

    pk: None = None

    def __str__(self) -> str:
        return "Pengguna belum masuk"


UNAUTHENTICATED = UnauthenticatedCaller()


@dataclass(frozen=True)
class LoginOutcome:
    """The user on success; otherwise the lock that refused (or was imposed), if any."""

    user: User | None
    lock: LoginLock | None = None


def lock_duration() -> timedelta:
    return timedelta(minutes=settings.LOGIN_LOCK_MINUTES)


def failure_limits() -> dict[str, int]:
    return {
        LockScope.ACCOUNT_ADDRESS: settings.LOGIN_FAILURES_PER_ACCOUNT_ADDRESS,
        LockScope.ADDRESS: settings.LOGIN_FAILURES_PER_ADDRESS,
        LockScope.ACCOUNT: settings.LOGIN_FAILURES_PER_ACCOUNT,
    }


def client_address_key(ip: str | None) -> str:
    """The address failures are counted against: IPv4 as is, IPv6 as its /64 network."""
    if not ip:
        return ""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip[:64]
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def _counter_key(scope: str, login_name: str, address: str) -> str:
    name = login_name if scope != LockScope.ADDRESS else ""
    where = address if scope != LockScope.ACCOUNT else ""
    digest = hashlib.sha256(f"{name}\x00{where}".encode()).hexdigest()[:32]
    return f"login-failures:{scope}:{digest}"


def _counter_increment(key: str) -> int:
    window = int(lock_duration().total_seconds())
    cache.add(key, 0, timeout=window)
    try:
        return int(cache.incr(key))
    except ValueError:  # the window ended between add and incr
        cache.set(key, 1, timeout=window)
        return 1


def login_lock_active(*, login_name: str, client_address: str) -> LoginLock | None:
    """The lock that applies to this login name from this address now, if any (one query)."""
    now = timezone.now()
    applies = Q(scope=LockScope.ACCOUNT, login_name=login_name) | Q(
        scope=LockScope.ACCOUNT_ADDRESS, login_name=login_name, client_address=client_address
    )
    if client_address:
        applies |= Q(scope=LockScope.ADDRESS, client_address=client_address)
    return (
        LoginLock.objects.filter(applies, lifted_at__isnull=True, locked_until__gt=now)
        .order_by("-locked_until")
        .first()
    )


def _audit_login_name(login_name: str) -> str:
    return login_name[:AUDIT_LOGIN_NAME_CHARS]


def _failure_record(
    *, login_name: str, client_address: str, user: User | None, channel: str
) -> LoginLock | None:
    counts = {
        scope: _counter_increment(_counter_key(scope, login_name, client_address))
        for scope in (LockScope.ACCOUNT_ADDRESS, LockScope.ADDRESS, LockScope.ACCOUNT)
        if client_address or scope == LockScope.ACCOUNT
    }
    limits = failure_limits()
    reached = [scope for scope, count in counts.items() if count >= limits[scope]]
    now = timezone.now()
    imposed: list[LoginLock] = []
    with transaction.atomic():
        audit_record_via_hook(
            actor=UNAUTHENTICATED,
            action="login.failed",
            obj=user,
            after={
                "login_name": _audit_login_name(login_name),
                "known_account": user is not None,
                "channel": channel,
            },
        )
        for scope in reached:
            lock = LoginLock.objects.create(
                scope=scope,
                login_name=login_name[:64] if scope != LockScope.ADDRESS else "",
                client_address=client_address if scope != LockScope.ACCOUNT else "",
                user=user if scope != LockScope.ADDRESS else None,
                failures=counts[scope],
                locked_at=now,
                locked_until=now + lock_duration(),
            )
            audit_record_via_hook(
                actor=UNAUTHENTICATED,
                action="login_lock.imposed",
                obj=lock,
                after=login_lock_snapshot(lock),
            )
            imposed.append(lock)
    for lock in imposed:
        # The lock now does the refusing; after it a fresh window starts from zero.
        cache.delete(_counter_key(lock.scope, login_name, client_address))
        logger.warning("login lock imposed: %s after %s failures", lock.scope, lock.failures)
    return imposed[0] if imposed else None


def login_lock_snapshot(lock: LoginLock) -> dict[str, Any]:
    return {
        "scope": lock.scope,
        "login_name": _audit_login_name(lock.login_name),
        "client_address": lock.client_address,
        "failures": lock.failures,
        "locked_until": lock.locked_until.isoformat(),
        "lifted_at": lock.lifted_at.isoformat() if lock.lifted_at else None,
    }


def login_attempt(
    *, request: Any, login_name: str, password: str, channel: str = "web"
) -> LoginOutcome:
    """Check the locks, try the password, count a failure or audit the success.

    `channel` is "web" (login page) or "api" (token endpoint); both follow the same rules.
    """
    name = login_name_normalize(login_name)
    address = client_address_key(request_context_get().client_ip)
    lock = login_lock_active(login_name=name, client_address=address)
    if lock is not None:
        # Not counted and not audited: the lock itself is the record, and refusing must cost
        # the attacker a read, never a write.
        logger.warning("login refused during lock %s (%s)", lock.pk, channel)
        return LoginOutcome(user=None, lock=lock)
    user = authenticate(request, username=name, password=password)
    if not isinstance(user, User):
        target = User.objects.filter(username=name).first()
        imposed = _failure_record(
            login_name=name, client_address=address, user=target, channel=channel
        )
        return LoginOutcome(user=None, lock=imposed)
    cache.delete(_counter_key(LockScope.ACCOUNT_ADDRESS, name, address))
    with transaction.atomic():
        audit_record_via_hook(
            actor=user, action="login.succeeded", obj=user, after={"channel": channel}
        )
    return LoginOutcome(user=user)


def login_lock_lift(*, actor: User, lock: LoginLock) -> LoginLock:
    """Admin BKPSDM opens a lock before it runs out (the owner called the helpdesk)."""
    require(is_hr_admin(actor), "Hanya Admin BKPSDM yang dapat membuka kunci masuk.")
    if not lock.is_active():
        raise ValidationError(
            {"lock": [f"Kunci untuk {lock} sudah tidak berlaku; tidak ada yang perlu dibuka."]}
        )
    with transaction.atomic():
        before = login_lock_snapshot(lock)
        lock.lifted_at = timezone.now()
        lock.lifted_by = actor
        lock.save(update_fields=["lifted_at", "lifted_by"])
        audit_record_via_hook(
            actor=actor,
            action="login_lock.lifted",
            obj=lock,
            before=before,
            after=login_lock_snapshot(lock),
        )
    cache.delete(_counter_key(lock.scope, lock.login_name, lock.client_address))
    return lock
