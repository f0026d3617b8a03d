"""Who may see and do what in evaluation. Pages, the API, jobs and services all ask here.

- see an evaluation: the deciding side of the plan (the appraiser; Pimpinan when the Wali Kota
  rates) always; the employee once it is rated (never a draft); whoever else may see the plan
  (supervisors, the appraiser's superior, the Admin OPD of the post's agency, BKPSDM,
  Pimpinan, Inspektorat) once it is rated.
- rate (start, save, set): only the deciding side of the plan.
- acknowledge receipt: only the plan's employee, once it is rated.
- see an agency's group (curve, calibration grid, documents batch): whoever reads the agency
  (`can_read_agency`: BKPSDM, Pimpinan, Inspektorat, the Admin OPD of that agency).
- calibrate (open, move, lock; finalise the curve): BKPSDM and Pimpinan.
- set the organisation predikat: Pimpinan.
- exports and the allowance sheet, attendance: whoever manages the agency (BKPSDM, its Admin
  OPD); the allowance scheme: BKPSDM.

Each `*_refusal` returns the refusing sentence (or None); `can_*` is its boolean.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import (
    can_manage_agency,
    can_manage_city,
    can_read_agency,
    is_hr_admin,
    is_leader,
)
from kinerja.evaluation.models import EvaluationState
from kinerja.planning.permissions import can_view_plan, is_plan_decider, is_plan_owner

if TYPE_CHECKING:
    from kinerja.evaluation.models import Evaluation
    from kinerja.planning.models import PerformancePlan

NOT_APPRAISER = (
    "Hanya pejabat penilai SKP ini (atau Pimpinan untuk SKP yang dinilai Wali Kota) yang dapat "
    "menilai."
)
NOT_OWNER = "Hanya pegawai yang dinilai yang dapat menyatakan menerima hasil penilaian."
NOT_CALIBRATOR = "Hanya Admin BKPSDM dan Pimpinan yang dapat melakukan kalibrasi."
NOT_ORG_RATER = "Hanya Pimpinan yang dapat menetapkan predikat kinerja organisasi."
NOT_AGENCY_READER = "Anda tidak berwenang melihat penilaian perangkat daerah ini."
NOT_AGENCY_MANAGER = "Hanya Admin BKPSDM dan Admin OPD perangkat daerah ini yang dapat mengunduh."
NOT_SCHEME_MANAGER = "Hanya Admin BKPSDM yang dapat mengatur skema TPP."


def can_rate_plan(actor: Actor, plan: PerformancePlan) -> bool:
    return is_plan_decider(actor, plan)


def can_view_evaluation(actor: Actor, evaluation: Evaluation) -> bool:
    plan = evaluation.plan
    if is_plan_decider(actor, plan):
        return True
    if evaluation.state == EvaluationState.DRAFT:
        return False
    return can_view_plan(actor, plan)


def evaluation_rate_refusal(actor: Actor, evaluation: Evaluation) -> str | None:
    """Why the actor may not change the ratings of this evaluation as its appraiser, or None
    (the state and period rules are `rules.evaluation_change_refusal`, asked by the service)."""
    if not is_plan_decider(actor, evaluation.plan):
        return NOT_APPRAISER
    if evaluation.state != EvaluationState.DRAFT:
        return (
            "Hasil penilaian ini sudah ditetapkan; perubahan berikutnya hanya melalui kalibrasi "
            "atau keputusan keberatan."
        )
    return None


def evaluation_acknowledge_refusal(actor: Actor, evaluation: Evaluation) -> str | None:
    if not is_plan_owner(actor, evaluation.plan):
        return NOT_OWNER
    if evaluation.state == EvaluationState.DRAFT:
        return "Hasil penilaian ini belum ditetapkan pejabat penilai."
    if evaluation.state == EvaluationState.ACKNOWLEDGED:
        return "Anda sudah menyatakan menerima hasil penilaian ini."
    return None


def can_acknowledge_evaluation(actor: Actor, evaluation: Evaluation) -> bool:
    return evaluation_acknowledge_refusal(actor, evaluation) is None


def can_view_agency_group(actor: Actor, agency_id: int) -> bool:
    return can_read_agency(actor, agency_id)


def can_calibrate(actor: Actor) -> bool:
    return is_hr_admin(actor) or is_leader(actor)


def can_set_organization_rating(actor: Actor) -> bool:
    return is_leader(actor)


def can_export_agency(actor: Actor, agency_id: int) -> bool:
    return can_manage_agency(actor, agency_id)


def can_manage_allowance_scheme(actor: Actor) -> bool:
    return can_manage_city(actor)
