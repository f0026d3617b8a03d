"""Who may see and do what with objections. Pages, the API, tasks and services all ask here.

- file, withdraw, answer the explanation: the rated employee (the plan's employee).
- explain: the appraiser on the evaluation (its `appraiser`; nobody when the Wali Kota rated).
- decide: the designated decider (`Objection.decider`); for the Wali Kota's office any
  Pimpinan user except the one who set the evaluation. Never the appraiser.
- see an objection: the employee, the appraiser, the decider (Pimpinan for the Wali Kota's
  office), Admin BKPSDM and Inspektorat (the full record); others 404.
- statistics per agency: Admin BKPSDM and Pimpinan (every agency).
- the explanation page and the timeline of an evaluation: whoever may see the evaluation
  (`kinerja.evaluation.permissions.can_view_evaluation`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import is_auditor, is_hr_admin, is_leader
from kinerja.people.holdings import employee_id_for_user

if TYPE_CHECKING:
    from kinerja.appeals.models import Objection
    from kinerja.evaluation.models import Evaluation


def is_rated_employee(actor: Actor, evaluation: Evaluation) -> bool:
    me = employee_id_for_user(actor)
    return me is not None and me == evaluation.plan.employee_id


def is_objection_employee(actor: Actor, objection: Objection) -> bool:
    me = employee_id_for_user(actor)
    return me is not None and me == objection.employee_id


def is_objection_appraiser(actor: Actor, objection: Objection) -> bool:
    me = employee_id_for_user(actor)
    return me is not None and objection.appraiser_id is not None and me == objection.appraiser_id


def is_objection_decider(actor: Actor, objection: Objection) -> bool:
    """The designated decider; for the Wali Kota's office a Pimpinan user who did not set the
    evaluation. Never the appraiser."""
    if actor is None or not actor.is_active or is_objection_appraiser(actor, objection):
        return False
    if objection.decider_is_mayor:
        return is_leader(actor) and actor.pk != objection.evaluation.rated_by_id
    me = employee_id_for_user(actor)
    return me is not None and me == objection.decider_id


def can_view_objection(actor: Actor, objection: Objection) -> bool:
    if actor is None or not actor.is_active:
        return False
    if is_hr_admin(actor) or is_auditor(actor):
        return True
    if objection.decider_is_mayor and is_leader(actor):
        return True
    return (
        is_objection_employee(actor, objection)
        or is_objection_appraiser(actor, objection)
        or is_objection_decider(actor, objection)
    )


def can_see_full_record(actor: Actor) -> bool:
    """The record with the chain check of each event: Inspektorat (and BKPSDM)."""
    return is_auditor(actor) or is_hr_admin(actor)


def can_see_statistics(actor: Actor) -> bool:
    return is_hr_admin(actor) or is_leader(actor)
