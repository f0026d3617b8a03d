"""Small builders for tests of any app: users with a role, logged-in clients."""

from __future__ import annotations

import itertools
from typing import Any

from kinerja.accounts.models import User

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
