"""Who may do what with a service unit's survey and standard. Asked only here.

- The unit's staff are the holders (on a date) of the posts in the service unit's work unit or
  in the units below it; its head holds the unit's highest post (one whose supervising post is
  outside the unit, or none).
- Reports of a unit: its staff, the Admin OPD of its agency, Admin BKPSDM, Pimpinan,
  Inspektorat. Agency and city figures: whoever reads that agency / every agency.
- Moderating suggestions, follow-up actions, populations, services and kiosk devices: the head
  of the unit or the Admin OPD of its agency (and Admin BKPSDM).
- Paper imports: the unit's staff or the Admin OPD of its agency.
- Service standard: staff edit the draft, comment, endorse and propose; the head approves and
  decides proposals. The Admin OPD may edit the draft (e.g. to start it) but not approve.
"""

from __future__ import annotations

from datetime import date

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import can_manage_agency, can_read_agency
from kinerja.organization.models import Position, ServiceUnit, Unit
from kinerja.people.holdings import covering, employee_id_for_user, today
from kinerja.people.models import Assignment


def units_served_by(employee_id: int) -> tuple[set[int], set[int]]:
    """(units whose head post the employee holds today, every unit at or above their posts):
    the employee serves in the service units of the second set. One query for the posts, one
    for the units of their agencies."""
    posts = list(
        Assignment.objects.filter(covering(today()), employee_id=employee_id)
        .filter(position__unit__isnull=False)
        .values_list(
            "position__unit_id", "position__unit__agency_id", "position__supervisor__unit_id"
        )
    )
    if not posts:
        return set(), set()
    headed = {unit for unit, _, above in posts if above != unit}
    parents = dict(
        Unit.objects.filter(agency_id__in={agency for _, agency, _ in posts}).values_list(
            "pk", "parent_id"
        )
    )
    within: set[int] = set()
    for unit, _, _ in posts:
        current: int | None = unit
        while current is not None and current not in within:
            within.add(current)
            current = parents.get(current)
    return headed, within


def _agency_id(service_unit: ServiceUnit) -> int:
    return service_unit.unit.agency_id


def unit_head_ids(service_unit: ServiceUnit, *, day: date | None = None) -> set[int]:
    """Employee ids holding the unit's highest post(s) on `day` (acting holders included)."""
    heads = Position.objects.filter(unit_id=service_unit.unit_id).exclude(
        supervisor__unit_id=service_unit.unit_id
    )
    return set(
        Assignment.objects.filter(covering(day or today()), position__in=heads).values_list(
            "employee_id", flat=True
        )
    )


def is_unit_staff(actor: Actor, service_unit: ServiceUnit) -> bool:
    employee_id = employee_id_for_user(actor)
    return employee_id is not None and service_unit.unit_id in units_served_by(employee_id)[1]


def is_unit_head(actor: Actor, service_unit: ServiceUnit) -> bool:
    employee_id = employee_id_for_user(actor)
    return employee_id is not None and service_unit.unit_id in units_served_by(employee_id)[0]


def can_view_unit_reports(actor: Actor, service_unit: ServiceUnit) -> bool:
    return can_read_agency(actor, _agency_id(service_unit)) or is_unit_staff(actor, service_unit)


def can_manage_unit_survey(actor: Actor, service_unit: ServiceUnit) -> bool:
    """Moderation, follow-up actions, population, services, kiosk devices."""
    return can_manage_agency(actor, _agency_id(service_unit)) or is_unit_head(actor, service_unit)


def can_import_paper(actor: Actor, service_unit: ServiceUnit) -> bool:
    return can_manage_agency(actor, _agency_id(service_unit)) or is_unit_staff(actor, service_unit)


def can_view_standard_workspace(actor: Actor, service_unit: ServiceUnit) -> bool:
    return can_view_unit_reports(actor, service_unit)


def can_edit_standard(actor: Actor, service_unit: ServiceUnit) -> bool:
    return can_manage_agency(actor, _agency_id(service_unit)) or is_unit_staff(actor, service_unit)


def can_take_part_in_standard(actor: Actor, service_unit: ServiceUnit) -> bool:
    """Comment, endorse, propose a change: the unit's staff."""
    return is_unit_staff(actor, service_unit)


def can_approve_standard(actor: Actor, service_unit: ServiceUnit) -> bool:
    return is_unit_head(actor, service_unit)


def can_view_agency_reports(actor: Actor, agency_id: int) -> bool:
    return can_read_agency(actor, agency_id)
