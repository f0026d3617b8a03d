"""Small builders for tests of any app: users with a role, logged-in clients."""

from __future__ import annotations

import itertools
from datetime import timedelta
from typing import Any

from django.utils import timezone

from kinerja.accounts.models import LockScope, LoginLock, User

TEST_PASSWORD = "uji-kata-sandi-2026"  # noqa: S105 - test fixture only
_counter = itertools.count(1)


def make_user(
    *,
    username: str | None = None,
    full_name: str = "",
    role: str = "",
    agency: Any = None,
    password: str = TEST_PASSWORD,
    must_change_password: bool = False,
) -> User:
    n = next(_counter)
    return User.objects.create_user(
        username or f"pengguna{n}",
        password,
        full_name=full_name or f"Pengguna Uji {n}",
        role=role,
        agency=agency,
        must_change_password=must_change_password,
    )


def make_lock(
    *,
    user: User | None = None,
    login_name: str = "",
    address: str = "203.0.113.10",
    scope: str = LockScope.ACCOUNT_ADDRESS,
    minutes_left: int = 10,
) -> LoginLock:
    now = timezone.now()
    return LoginLock.objects.create(
        scope=scope,
        login_name=user.username if user else login_name,
        client_address=address,
        user=user,
        failures=5,
        locked_at=now,
        locked_until=now + timedelta(minutes=minutes_left),
    )
