"""Who may see and do what in competency development. Pages, the API, tasks and services ask here.

- the competency dictionary and the catalogue: everyone logged in reads; Admin BKPSDM edits and
  imports.
- a development plan: the employee (write while DRAFT or RETURNED; propose; record completion),
  the plan's appraiser (agree, return, add items, confirm completion), the appraiser's superior
  and supervisors (read), the Admin OPD of the plan's agency, BKPSDM, Pimpinan, Inspektorat
  (read). Others 404.
- the training-needs analysis of an agency: BKPSDM (any agency), the Admin OPD of that agency,
  Pimpinan (read).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import (
    can_manage_agency,
    can_manage_city,
    can_read_agency,
    is_leader,
)
from kinerja.people.holdings import employee_id_for_user
from kinerja.people.permissions import is_appraiser_superior_of, is_supervisor_of

if TYPE_CHECKING:
    from kinerja.learning.models import DevelopmentPlan

NOT_OWNER = "Hanya pegawai pemilik rencana pengembangan yang dapat melakukan ini."
NOT_APPRAISER = "Hanya pejabat penilai pegawai ini yang dapat menyepakati atau mengonfirmasi."
NOT_CATALOGUE_MANAGER = "Hanya Admin BKPSDM yang dapat mengubah kamus kompetensi dan katalog."


def can_manage_catalogue(actor: Actor) -> bool:
    return can_manage_city(actor)


def is_plan_employee(actor: Actor, plan: DevelopmentPlan) -> bool:
    me = employee_id_for_user(actor)
    return me is not None and me == plan.employee_id


def is_plan_appraiser(actor: Actor, plan: DevelopmentPlan) -> bool:
    """The plan's appraiser; a Pimpinan user when the Wali Kota rates (no appraiser)."""
    if plan.appraiser_id is None:
        return is_leader(actor)
    me = employee_id_for_user(actor)
    return me is not None and me == plan.appraiser_id


def can_view_development_plan(actor: Actor, plan: DevelopmentPlan) -> bool:
    if actor is None or not actor.is_active:
        return False
    if is_plan_employee(actor, plan) or is_plan_appraiser(actor, plan):
        return True
    if can_read_agency(actor, plan.agency_id):
        return True
    if employee_id_for_user(actor) is None:
        return False
    return is_supervisor_of(actor, plan.employee_id) or is_appraiser_superior_of(
        actor, plan.employee_id
    )


def can_read_needs(actor: Actor, agency_id: int) -> bool:
    return can_manage_agency(actor, agency_id) or is_leader(actor)
