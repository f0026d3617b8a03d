"""Builders for tests of appeals (and the apps above it): an acknowledged evaluation of the
personas' employee, objections at any state.

They write rows directly (fast, no audit, no notification); the services are tested through
themselves.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from kinerja.appeals.decider import objection_decider_for
from kinerja.appeals.models import Objection, ObjectionState, ObjectionSubject
from kinerja.evaluation.models import Evaluation, EvaluationState
from kinerja.evaluation.rules import objection_deadline, predikat_for
from kinerja.evaluation.testing import make_documented_evaluation
from kinerja.people.models import Employee
from kinerja.people.testing import Personas
from kinerja.scoring.ratings import Rating

STATEMENT = (
    "Realisasi RHK 1 sudah 100% dengan bukti notulen, tetapi dinilai sesuai ekspektasi tanpa "
    "penjelasan."
)


def make_acknowledged_evaluation(
    *,
    personas: Personas,
    days_ago: int = 0,
    employee: Employee | None = None,
    appraiser: Employee | None = None,
) -> Evaluation:
    """A rated periodic evaluation of the employee persona (or `employee`), with documented
    results and evidence (`make_documented_evaluation`), rated by the supervisor persona and
    acknowledged `days_ago` days ago (set and acknowledged at the same moment)."""
    employee = employee or personas.staff.employee
    appraiser = appraiser or personas.staff.supervisor
    evaluation = make_documented_evaluation(employee=employee, appraiser=appraiser)
    moment = timezone.now() - timedelta(days=days_ago)
    Evaluation.objects.filter(pk=evaluation.pk).update(
        state=EvaluationState.ACKNOWLEDGED,
        rated_at=moment,
        rated_by=appraiser.user,
        acknowledged_at=moment,
        appraiser=appraiser,
    )
    evaluation.refresh_from_db()
    return evaluation


def make_objection(
    *,
    evaluation: Evaluation,
    state: str = ObjectionState.FILED,
    subject: str = ObjectionSubject.RESULTS,
    statement: str = STATEMENT,
    days_ago: int = 0,
) -> Objection:
    """An objection of the evaluation's employee at `state`, filed `days_ago` days ago, with
    the decider of `decider.objection_decider_for`; EXPLAINED and later have an explanation,
    ACCEPTED raises the results rating to ABOVE (the evaluation changed and locked), REJECTED
    locks the evaluation as it is. Written directly: no audit, no notification."""
    evaluation = Evaluation.objects.select_related("plan__position", "plan__employee").get(
        pk=evaluation.pk
    )
    plan = evaluation.plan
    decider = objection_decider_for(evaluation)
    filed = timezone.now() - timedelta(days=days_ago)
    deadline = objection_deadline(evaluation) or timezone.localdate()
    objection = Objection.objects.create(
        evaluation=evaluation,
        employee_id=plan.employee_id,
        agency_id=plan.position.agency_id,
        unit_id=plan.position.unit_id,
        subject=subject,
        statement=statement,
        state=state,
        filed_at=filed,
        deadline=deadline,
        appraiser_id=evaluation.appraiser_id,
        decider_id=decider.employee_id,
        decider_is_mayor=decider.is_mayor,
        decider_note=decider.note,
        results_before=evaluation.results_rating,
        behavior_before=evaluation.behavior_rating,
        predikat_before=evaluation.predikat,
    )
    if state == ObjectionState.FILED:
        return objection
    if state != ObjectionState.WITHDRAWN or days_ago > 0:
        objection.explanation = "Capaian RHK 1 dihitung dari realisasi yang diterima: 83,33%."
        objection.explained_at = filed + timedelta(hours=1)
        objection.explained_by = evaluation.rated_by
    if state == ObjectionState.WITHDRAWN:
        objection.withdrawn_at = filed + timedelta(hours=2)
        objection.withdrawn_reason = "Sudah dijelaskan."
    if state in (ObjectionState.ACCEPTED, ObjectionState.REJECTED):
        objection.decided_at = filed + timedelta(hours=3)
        objection.decision_reason = "Bukti notulen menunjukkan capaian penuh."
        if decider.employee_id is not None:
            objection.decided_by = Employee.objects.get(pk=decider.employee_id).user
        accepted = state == ObjectionState.ACCEPTED
        results = Rating.ABOVE.value if accepted else evaluation.results_rating
        found = predikat_for(results, evaluation.behavior_rating)
        objection.results_after = results
        objection.behavior_after = evaluation.behavior_rating
        objection.predikat_after = found.value if found else ""
        Evaluation.objects.filter(pk=evaluation.pk).update(
            results_rating=results,
            predikat=objection.predikat_after,
            locked_at=objection.decided_at,
        )
    objection.save()
    return objection
