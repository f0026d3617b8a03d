"""Who may see and change an SKP. Pages, the API and the services all ask here.

- view: the employee; the plan's appraiser; their supervisors (the employee is in the actor's
  team on the plan's start date or today); the appraiser's superior; an Admin OPD of the plan
  post's agency; Admin BKPSDM, Pimpinan, Inspektorat (they read every agency).
- edit (results, indicators, annex): the employee or the deciding side (the appraiser, or a
  Pimpinan user when the Wali Kota rates), while the plan is a draft or returned and its period
  is open for planning.
- submit: the employee; decide (approve, return): the deciding side, on a submitted plan;
  revise an approved plan: either side; comment: the employee, the deciding side and the
  appraiser's superior.

Each `*_refusal` returns the sentence that refuses (or None) so services raise exactly what the
pages hide; `can_*` is its boolean. `actor` None (the system) is granted nothing here; services
skip the check for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import can_read_agency, can_read_all_agencies, is_leader
from kinerja.people.holdings import employee_id_for_user, today
from kinerja.people.permissions import (
    is_appraiser_of,
    is_appraiser_superior_of,
    is_in_team_of,
    is_supervisor_of,
)
from kinerja.periods.rules import period_planning_refusal
from kinerja.planning.models import PlanState

if TYPE_CHECKING:
    from datetime import date

    from kinerja.people.models import Employee
    from kinerja.planning.models import PerformancePlan

EDITABLE_STATES = frozenset({PlanState.DRAFT, PlanState.RETURNED})

NOT_PARTICIPANT = "Hanya pegawai pemilik SKP dan pejabat penilainya yang dapat mengubah SKP ini."
NOT_OWNER = "Hanya pegawai pemilik SKP yang dapat mengajukan SKP ini."
NOT_DECIDER = (
    "Hanya pejabat penilai SKP ini (atau Pimpinan untuk SKP yang dinilai Wali Kota) yang dapat "
    "menyetujui atau mengembalikannya."
)
NOT_COMMENTER = (
    "Hanya pegawai pemilik SKP, pejabat penilai dan atasan pejabat penilai yang dapat menulis "
    "komentar pada SKP ini."
)
NOT_STARTER = (
    "SKP hanya dapat dimulai oleh pegawai itu sendiri atau atasan langsung/pejabat penilainya."
)


def is_plan_owner(actor: Actor, plan: PerformancePlan) -> bool:
    me = employee_id_for_user(actor)
    return me is not None and me == plan.employee_id


def is_plan_decider(actor: Actor, plan: PerformancePlan) -> bool:
    """The appraiser fixed on the plan; a Pimpinan user when the Wali Kota rates."""
    if plan.appraiser_is_mayor:
        return is_leader(actor)
    me = employee_id_for_user(actor)
    return me is not None and me == plan.appraiser_id


def plan_content_state_refusal(plan: PerformancePlan) -> str | None:
    if plan.state == PlanState.SUBMITTED:
        return (
            "SKP yang sudah diajukan tidak dapat diubah; tunggu keputusan pejabat penilai "
            "(disetujui atau dikembalikan)."
        )
    if plan.state == PlanState.APPROVED:
        return (
            "SKP yang sudah disetujui tidak dapat diubah; mulai revisi untuk menyusun versi "
            "baru yang disetujui lagi."
        )
    return None


def plan_state_refusal(plan: PerformancePlan) -> str | None:
    """Why the plan's content may not change now (its state or its period), or None."""
    return plan_content_state_refusal(plan) or period_planning_refusal(plan.period)


def can_view_plan(actor: Actor, plan: PerformancePlan) -> bool:
    if actor is None or not actor.is_active:
        return False
    if can_read_all_agencies(actor) or can_read_agency(actor, plan.position.agency_id):
        return True
    me = employee_id_for_user(actor)
    if me is None:
        return False
    if me in (plan.employee_id, plan.appraiser_id):
        return True
    days = {plan.start_date, today()}
    if any(is_in_team_of(actor, plan.employee_id, day=day) for day in sorted(days)):
        return True
    return is_appraiser_superior_of(actor, plan.employee_id, day=plan.start_date)


def plan_edit_refusal(actor: Actor, plan: PerformancePlan) -> str | None:
    """Why the actor may not change the plan's results, indicators or annex now, or None."""
    if not (is_plan_owner(actor, plan) or is_plan_decider(actor, plan)):
        return NOT_PARTICIPANT
    return plan_state_refusal(plan)


def can_edit_plan(actor: Actor, plan: PerformancePlan) -> bool:
    return plan_edit_refusal(actor, plan) is None


def can_submit_plan(actor: Actor, plan: PerformancePlan) -> bool:
    return is_plan_owner(actor, plan) and plan_state_refusal(plan) is None


def can_decide_plan(actor: Actor, plan: PerformancePlan) -> bool:
    """Approve or return: the deciding side, while the plan waits for a decision."""
    return plan.state == PlanState.SUBMITTED and is_plan_decider(actor, plan)


def can_revise_plan(actor: Actor, plan: PerformancePlan) -> bool:
    """Start a new version of an approved plan: either side, while the period is open."""
    return (
        plan.state == PlanState.APPROVED
        and (is_plan_owner(actor, plan) or is_plan_decider(actor, plan))
        and period_planning_refusal(plan.period) is None
    )


def can_set_expectation(actor: Actor, plan: PerformancePlan) -> bool:
    """Leader expectations are written by the deciding side on an editable plan."""
    return is_plan_decider(actor, plan) and plan_state_refusal(plan) is None


def can_comment_plan(actor: Actor, plan: PerformancePlan) -> bool:
    if is_plan_owner(actor, plan) or is_plan_decider(actor, plan):
        return True
    return employee_id_for_user(actor) is not None and is_appraiser_superior_of(
        actor, plan.employee_id, day=plan.start_date
    )


def can_start_plan(actor: Actor, employee: Employee | int, *, day: date) -> bool:
    """The employee themself, or whoever supervises or appraises them on `day`."""
    me = employee_id_for_user(actor)
    if me is None:
        return False
    employee_id = employee if isinstance(employee, int) else employee.pk
    if me == employee_id:
        return True
    return is_supervisor_of(actor, employee_id, day=day) or is_appraiser_of(
        actor, employee_id, day=day
    )
