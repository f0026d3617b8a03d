"""Demo seed of accounts: the demo logins (kinerja.accounts.demo_identities), idempotent.

Logins without an agency are made here; an Admin OPD needs their agency, which the layer above
creates, so organization's seed calls `demo_logins_ensure(agency_ids=...)` again for them.
Every login goes through `user_create`, so each is audited like any other new account.
"""

from __future__ import annotations

from collections.abc import Mapping

from kinerja.accounts.demo_identities import (
    DEMO_LOGINS,
    DEMO_PASSWORD,
    demo_email,
    demo_logins_text,
)
from kinerja.accounts.models import User
from kinerja.accounts.services import user_create
from kinerja.core.demo import DemoOptions


def demo_logins_ensure(*, agency_ids: Mapping[str, int] | None = None) -> int:
    """Create each missing demo login whose agency (if any) is known; return how many."""
    agency_ids = agency_ids or {}
    existing = set(User.objects.values_list("username", flat=True))
    created = 0
    for login in DEMO_LOGINS:
        if login.username in existing:
            continue
        agency_id = agency_ids.get(login.agency_code) if login.agency_code else None
        if login.agency_code and agency_id is None:
            continue
        user_create(
            actor=None,
            username=login.username,
            full_name=login.full_name,
            role=login.role,
            agency_id=agency_id,
            password=DEMO_PASSWORD,
            must_change_password=False,
            email=demo_email(login.username),
        )
        created += 1
    return created


def demo_seed(options: DemoOptions) -> list[str]:
    """The logins that need no agency; the printout lists every demo login."""
    demo_logins_ensure()
    return demo_logins_text()
