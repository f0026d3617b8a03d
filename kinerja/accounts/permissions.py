"""The one place that says what each stored role may do. Every app asks here.

Rules:
- Admin BKPSDM reads and writes everything the city holds.
- Admin OPD reads and writes only within their own agency.
- Pimpinan reads everything; writes only the decisions later issues give them.
- Inspektorat reads everything and writes nothing (except starting audit verification).
- Everybody else is a plain user: their own records, and what positions make them see.

Selectors and services call `require(...)` with one of these predicates; a refusal raises
PermissionDenied (403). Where the mere existence of an object is private, selectors raise
Http404 instead, so that the body of the answer reveals nothing.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from kinerja.accounts.models import Role


def _role(user: Any) -> str:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return ""
    return str(getattr(user, "role", "") or "")


def is_hr_admin(user: Any) -> bool:
    return _role(user) == Role.ADMIN_BKPSDM


def is_agency_admin(user: Any) -> bool:
    return _role(user) == Role.ADMIN_OPD


def is_leader(user: Any) -> bool:
    return _role(user) == Role.PIMPINAN


def is_auditor(user: Any) -> bool:
    return _role(user) == Role.INSPEKTORAT


def can_read_all_agencies(user: Any) -> bool:
    return _role(user) in {Role.ADMIN_BKPSDM, Role.PIMPINAN, Role.INSPEKTORAT}


def can_read_agency(user: Any, agency_id: int | None) -> bool:
    if can_read_all_agencies(user):
        return True
    return is_agency_admin(user) and agency_id is not None and user.agency_id == agency_id


def can_manage_agency(user: Any, agency_id: int | None) -> bool:
    """Change people and structure of an agency: BKPSDM anywhere, Admin OPD in their own."""
    if is_hr_admin(user):
        return True
    return is_agency_admin(user) and agency_id is not None and user.agency_id == agency_id


def can_manage_city(user: Any) -> bool:
    """City-wide reference data (periods, agencies, grades): BKPSDM only."""
    return is_hr_admin(user)


def can_read_audit_trail(user: Any) -> bool:
    return is_auditor(user)


def managed_agency_id(user: Any) -> int | None:
    """The single agency an Admin OPD is scoped to; None for everyone else."""
    return user.agency_id if is_agency_admin(user) else None


def require(allowed: bool, message: str = "Anda tidak berwenang melakukan tindakan ini.") -> None:
    if not allowed:
        raise PermissionDenied(message)


def refuse(refusal: str | None) -> None:
    """Raise PermissionDenied with a `*_refusal` rule's sentence, when it gives one: the rule is
    asked once, not once for `can_*` and again for the message."""
    if refusal:
        raise PermissionDenied(refusal)
