"""Who may see and write realisations and their evidence. Pages, the API and the services all
ask here (feedback: `feedback_permissions.py`; dialogues: `dialogue_permissions.py`).

- see a plan's realisations and evidence: whoever may see the plan
  (`kinerja.planning.permissions.can_view_plan`: the employee, the appraiser, supervisors, the
  appraiser's superior, the Admin OPD of the post's agency, BKPSDM, Pimpinan, Inspektorat).
- write (save, attach evidence, submit): the plan's employee, on a plan that has an approved
  version, for a window of the plan's period that overlaps the plan and is open
  (`kinerja.periods.rules.window_realization_refusal`), while the realisation is a draft or
  returned.
- decide (accept, return): the plan's deciding side (the appraiser; Pimpinan when the Wali Kota
  rates), on a submitted realisation, while the period is not closed.

Each `*_refusal` returns the sentence that refuses (or None); `can_*` is its boolean.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kinerja.accounts.actors import Actor
from kinerja.monitoring.models import RealizationState
from kinerja.people.holdings import today
from kinerja.periods.models import PeriodState
from kinerja.periods.rules import window_realization_refusal
from kinerja.planning.permissions import can_view_plan, is_plan_decider, is_plan_owner
from kinerja.scoring.formatting import format_date_id

if TYPE_CHECKING:
    from kinerja.monitoring.models import Realization
    from kinerja.periods.models import EvaluationWindow
    from kinerja.planning.models import PerformancePlan

WRITABLE_STATES = frozenset({RealizationState.DRAFT, RealizationState.RETURNED})

NOT_OWNER = "Hanya pegawai pemilik SKP yang dapat mengisi dan mengajukan realisasinya."
NOT_DECIDER = (
    "Hanya pejabat penilai SKP ini (atau Pimpinan untuk SKP yang dinilai Wali Kota) yang dapat "
    "menerima atau mengembalikan realisasi."
)
NOT_APPROVED = "Realisasi hanya dapat diisi untuk SKP yang sudah disetujui."


def can_view_realizations(actor: Actor, plan: PerformancePlan) -> bool:
    return can_view_plan(actor, plan)


def window_of_plan_refusal(plan: PerformancePlan, window: EvaluationWindow) -> str | None:
    """Why `window` is not a window of `plan` (another period, or outside the plan's dates)."""
    if window.period_id != plan.period_id:
        return f"{window} bukan evaluasi periodik dari periode SKP ini ({plan.period.name})."
    if window.end_date < plan.start_date or window.start_date > plan.end_date:
        return (
            f"{window} berada di luar masa berlaku SKP ini; SKP berlaku "
            f"{format_date_id(plan.start_date)} s.d. {format_date_id(plan.end_date)}."
        )
    return None


def realization_state_problem(
    plan: PerformancePlan,
    window: EvaluationWindow,
    realization: Realization | None = None,
) -> tuple[str, str] | None:
    """Why this realisation may not be written now whoever asks, as (field, sentence): the
    plan is not approved ("plan"), the window is not the plan's or not open ("window"), the
    realisation waits for a decision or was accepted ("state"). None when it may."""
    if plan.approved_version is None:
        return "plan", NOT_APPROVED
    refusal = window_of_plan_refusal(plan, window) or window_realization_refusal(window, today())
    if refusal:
        return "window", refusal
    if realization is not None and realization.state not in WRITABLE_STATES:
        if realization.state == RealizationState.SUBMITTED:
            return "state", "Realisasi ini sudah diajukan; tunggu keputusan pejabat penilai."
        return "state", "Realisasi ini sudah diterima pejabat penilai dan tidak dapat diubah lagi."
    return None


def realization_write_refusal(
    actor: Actor,
    plan: PerformancePlan,
    window: EvaluationWindow,
    realization: Realization | None = None,
) -> str | None:
    """Why the actor may not save, attach evidence to or submit this realisation now, or
    None. `realization` None is a realisation not written yet."""
    if not is_plan_owner(actor, plan):
        return NOT_OWNER
    problem = realization_state_problem(plan, window, realization)
    return problem[1] if problem else None


def realization_decide_problem(realization: Realization) -> str | None:
    """Why this realisation may not be decided now whoever asks (its state, its period)."""
    plan = realization.plan
    if realization.state != RealizationState.SUBMITTED:
        return (
            f"Realisasi ini berstatus {realization.get_state_display()}; hanya realisasi yang "
            "diajukan yang dapat diterima atau dikembalikan."
        )
    if plan.period.state == PeriodState.CLOSED:
        return f"{plan.period.name} sudah ditutup; realisasi tidak dapat diputuskan lagi."
    return None


def realization_decide_refusal(actor: Actor, realization: Realization) -> str | None:
    """Why the actor may not accept or return this realisation now, or None."""
    if not is_plan_decider(actor, realization.plan):
        return NOT_DECIDER
    return realization_decide_problem(realization)


def can_write_realization(
    actor: Actor,
    plan: PerformancePlan,
    window: EvaluationWindow,
    realization: Realization | None = None,
) -> bool:
    return realization_write_refusal(actor, plan, window, realization) is None


def can_decide_realization(actor: Actor, realization: Realization) -> bool:
    return realization_decide_refusal(actor, realization) is None
