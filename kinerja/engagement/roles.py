"""Which guide, tour and role announcement a user gets: their roles, the main one first.

A stored account role (Admin BKPSDM, Admin OPD, Pimpinan, Inspektorat) comes first; an account
linked to an employee is also PEGAWAI, and ATASAN when one of the posts they hold today
supervises another post. One query at most (none for an account without an employee).
"""

from __future__ import annotations

from datetime import date

from kinerja.accounts.actors import Actor
from kinerja.accounts.models import Role
from kinerja.engagement.models import AudienceRole
from kinerja.organization.models import Position
from kinerja.people.holdings import covering, employee_id_for_user, today
from kinerja.people.models import Assignment

STORED_ROLES: dict[AudienceRole, str] = {
    AudienceRole.ADMIN_BKPSDM: Role.ADMIN_BKPSDM,
    AudienceRole.ADMIN_OPD: Role.ADMIN_OPD,
    AudienceRole.PIMPINAN: Role.PIMPINAN,
    AudienceRole.INSPEKTORAT: Role.INSPEKTORAT,
}
"""The audience roles that are stored account roles, with the account role's code."""

_BY_ACCOUNT_ROLE = {code: role for role, code in STORED_ROLES.items()}


def supervises_today(*, employee_id: int, day: date | None = None) -> bool:
    """The employee holds, on the day, a post that is another post's supervisor."""
    day = day or today()
    held = Assignment.objects.filter(covering(day), employee_id=employee_id).values("position_id")
    return Position.objects.filter(supervisor_id__in=held).exists()


def audience_roles_of(actor: Actor, *, day: date | None = None) -> list[AudienceRole]:
    if actor is None or not getattr(actor, "is_authenticated", False) or not actor.is_active:
        return []
    roles: list[AudienceRole] = []
    stored = _BY_ACCOUNT_ROLE.get(str(getattr(actor, "role", "") or ""))
    if stored is not None:
        roles.append(stored)
    employee_id = employee_id_for_user(actor)
    if employee_id is not None:
        if supervises_today(employee_id=employee_id, day=day):
            roles.append(AudienceRole.ATASAN)
        roles.append(AudienceRole.PEGAWAI)
    return roles


def main_role_of(actor: Actor, *, day: date | None = None) -> AudienceRole | None:
    roles = audience_roles_of(actor, day=day)
    return roles[0] if roles else None
