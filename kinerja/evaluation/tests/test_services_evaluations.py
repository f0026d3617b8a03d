"""Services of the rating itself (services/evaluations.py): the appraiser starts, saves and sets
an evaluation; the employee acknowledges it. Happy paths, every refusal, the audit events and
the notifications."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kinerja.accounts.testing import make_user
from kinerja.audit.models import AuditEvent
from kinerja.evaluation.models import Evaluation, EvaluationState
from kinerja.evaluation.rules import OBJECTION_DAYS, Scope, objection_deadline
from kinerja.evaluation.services.evaluations import (
    BehaviorInput,
    ResultInput,
    evaluation_acknowledge,
    evaluation_save,
    evaluation_set,
    evaluation_start,
)
from kinerja.evaluation.testing import make_achievement, make_evaluation, make_org_rating
from kinerja.monitoring.testing import make_running_plan, plan_indicators, window_on
from kinerja.notifications.models import Notification, NotificationKind
from kinerja.people.holdings import today
from kinerja.people.testing import Personas
from kinerja.periods.models import EvaluationWindow, PerformancePeriod, PeriodState
from kinerja.periods.rules import window_close_date
from kinerja.periods.testing import make_period
from kinerja.planning.models import PerformancePlan, PlanState
from kinerja.planning.selectors import core_values

pytestmark = pytest.mark.django_db

CODES = [value.code for value in core_values()]


def _plan(personas: Personas, results: int = 2) -> PerformancePlan:
    return make_running_plan(employee=personas.staff.employee, results=results)


def _closed_window(plan: PerformancePlan) -> EvaluationWindow:
    """The latest window of the plan whose realisations have closed (none in early January)."""
    day = today()
    closed = [
        w
        for w in EvaluationWindow.objects.filter(period=plan.period).order_by("number")
        if window_close_date(w) < day
    ]
    if not closed:
        pytest.skip("no window has closed this early in the year")
    return closed[-1]


def _started(personas: Personas, results: int = 2) -> Evaluation:
    plan = _plan(personas, results)
    window = _closed_window(plan)
    for indicator in plan_indicators(plan):
        make_achievement(plan=plan, indicator=indicator, window=window, percent="100")
    return evaluation_start(actor=personas.supervisor, plan=plan, window=window)


def _save(
    personas: Personas,
    evaluation: Evaluation,
    *,
    rating: str = "MEETS",
    behavior: str = "MEETS",
    reasons: dict[int, str] | None = None,
    **overall: str,
) -> Evaluation:
    reasons = reasons or {}
    rows = list(evaluation.result_ratings.all())
    return evaluation_save(
        actor=personas.supervisor,
        evaluation=evaluation,
        results=[
            ResultInput(row.result_id, rating, reasons.get(row.result_id, "")) for row in rows
        ],
        behaviors=[BehaviorInput(code, behavior) for code in CODES],
        results_rating=overall.get("results_rating", rating),
        results_reason=overall.get("results_reason", ""),
        behavior_rating=overall.get("behavior_rating", behavior),
        behavior_reason=overall.get("behavior_reason", ""),
        early_reason=overall.get("early_reason", ""),
    )


def _events(evaluation: Evaluation, action: str) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(
            action=action, object_type="evaluation.Evaluation", object_id=str(evaluation.pk)
        )
    )


# --- start ---------------------------------------------------------------------------------


def test_the_appraiser_starts_a_draft_with_a_row_per_result_and_core_value(
    personas: Personas,
) -> None:
    evaluation = _started(personas)

    assert evaluation.state == EvaluationState.DRAFT
    assert evaluation.kind == "PERIODIC"
    assert evaluation.appraiser_id == personas.staff.supervisor.pk
    assert [r.suggestion for r in evaluation.result_ratings.all()] == ["MEETS", "MEETS"]
    assert evaluation.results_suggestion == "MEETS"
    assert sorted(b.core_value for b in evaluation.behavior_ratings.all()) == sorted(CODES)
    [event] = _events(evaluation, "evaluation.started")
    assert event.actor_id == personas.supervisor.pk
    assert event.after is not None
    assert event.after["state"] == "DRAFT"


def test_starting_twice_returns_the_same_evaluation_without_a_second_event(
    personas: Personas,
) -> None:
    evaluation = _started(personas)
    again = evaluation_start(
        actor=personas.supervisor, plan=evaluation.plan, window=evaluation.window
    )
    assert again.pk == evaluation.pk
    assert len(_events(evaluation, "evaluation.started")) == 1


def test_the_year_is_started_as_an_annual_evaluation(personas: Personas) -> None:
    plan = _plan(personas)
    evaluation = evaluation_start(actor=personas.supervisor, plan=plan, window=None)
    assert evaluation.kind == "ANNUAL"
    assert evaluation.window is None


@pytest.mark.parametrize("name", ["employee", "appraiser_superior", "hr_admin", "leader"])
def test_only_the_deciding_side_starts_an_evaluation(personas: Personas, name: str) -> None:
    plan = _plan(personas)
    with pytest.raises(PermissionDenied, match="Hanya pejabat penilai"):
        evaluation_start(actor=personas.all()[name], plan=plan, window=window_on(plan))
    assert not Evaluation.objects.exists()


def test_a_plan_not_approved_is_refused(personas: Personas) -> None:
    plan = make_running_plan(employee=personas.staff.employee, state=PlanState.SUBMITTED)
    with pytest.raises(ValidationError) as error:
        evaluation_start(actor=personas.supervisor, plan=plan, window=window_on(plan))
    assert "sudah disetujui" in error.value.message_dict["plan"][0]


@pytest.mark.parametrize("state", [PeriodState.PLANNING, PeriodState.CLOSED])
def test_a_period_in_planning_or_closed_is_refused(personas: Personas, state: str) -> None:
    plan = _plan(personas)
    PerformancePeriod.objects.filter(pk=plan.period_id).update(state=state)
    plan.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        evaluation_start(actor=personas.supervisor, plan=plan, window=window_on(plan))
    assert "Pelaksanaan atau Evaluasi" in error.value.message_dict["plan"][0]


def test_a_window_of_another_period_is_refused(personas: Personas) -> None:
    plan = _plan(personas)
    window = make_period(year=plan.period.year - 1).windows.get(number=1)
    with pytest.raises(ValidationError) as error:
        evaluation_start(actor=personas.supervisor, plan=plan, window=window)
    assert "bukan evaluasi periodik" in error.value.message_dict["window"][0]


# --- save ----------------------------------------------------------------------------------


def test_saving_stores_ratings_recomputes_suggestions_and_the_predikat(
    personas: Personas,
) -> None:
    evaluation = _started(personas)
    first, second = [r.result_id for r in evaluation.result_ratings.order_by("result__number")]

    _save(
        personas,
        evaluation,
        rating="ABOVE",
        behavior="ABOVE",
        reasons={first: "Melampaui target", second: "Melampaui target"},
    )

    evaluation.refresh_from_db()
    assert evaluation.results_rating == "ABOVE"
    assert evaluation.results_suggestion == "ABOVE"  # from the chosen ratings, not the saran
    assert evaluation.behavior_suggestion == "ABOVE"
    assert "7 dari 7 nilai dasar" in evaluation.behavior_suggestion_text
    assert evaluation.predikat == "SANGAT_BAIK"
    [event] = _events(evaluation, "evaluation.saved")
    assert event.before is not None
    assert event.after is not None
    assert event.before["results_rating"] == ""
    assert event.after["results_rating"] == "ABOVE"
    assert event.after["result_ratings"][str(first)] == {
        "rating": "ABOVE",
        "reason": "Melampaui target",
    }


def test_a_draft_may_be_saved_with_ratings_missing(personas: Personas) -> None:
    evaluation = _started(personas)
    _save(personas, evaluation, rating="", behavior="", results_rating="", behavior_rating="")
    evaluation.refresh_from_db()
    assert evaluation.predikat == ""
    assert evaluation.state == EvaluationState.DRAFT


def test_an_unknown_rating_value_is_refused_under_its_field(personas: Personas) -> None:
    evaluation = _started(personas)
    with pytest.raises(ValidationError) as error:
        _save(personas, evaluation, rating="GOOD")
    errors = error.value.message_dict
    first = evaluation.result_ratings.order_by("result__number").first()
    assert first is not None
    assert "'GOOD' tidak dikenal" in errors[f"result_{first.result_id}"][0]
    assert "Rating hasil kerja" in errors["results_rating"][0]
    assert not _events(evaluation, "evaluation.saved")


def test_unknown_results_and_core_values_are_refused_by_name(personas: Personas) -> None:
    evaluation = _started(personas)
    with pytest.raises(ValidationError) as error:
        evaluation_save(
            actor=personas.supervisor,
            evaluation=evaluation,
            results=[ResultInput(999999, "MEETS")],
            behaviors=[BehaviorInput("JUJUR", "MEETS")],
            results_rating="",
            results_reason="",
            behavior_rating="",
            behavior_reason="",
        )
    errors = error.value.message_dict
    assert "RHK 999999 bukan" in errors["results"][0]
    assert "Nilai dasar JUJUR tidak dikenal" in errors["behaviors"][0]


def test_a_reason_longer_than_the_limit_is_refused(personas: Personas) -> None:
    evaluation = _started(personas)
    with pytest.raises(ValidationError) as error:
        _save(personas, evaluation, results_reason="x" * 2001)
    assert "paling banyak 2000 karakter" in error.value.message_dict["results_reason"][0]


@pytest.mark.parametrize("name", ["employee", "appraiser_superior", "hr_admin", "leader"])
def test_only_the_appraiser_saves(personas: Personas, name: str) -> None:
    evaluation = _started(personas)
    with pytest.raises(PermissionDenied):
        evaluation_save(
            actor=personas.all()[name],
            evaluation=evaluation,
            results=[],
            behaviors=[],
            results_rating="MEETS",
            results_reason="",
            behavior_rating="",
            behavior_reason="",
        )


def test_a_set_evaluation_is_not_saved_again(personas: Personas) -> None:
    plan = _plan(personas)
    evaluation = make_evaluation(plan=plan, window=window_on(plan))
    with pytest.raises(PermissionDenied, match="sudah ditetapkan"):
        _save(personas, evaluation)


def test_a_locked_or_closed_evaluation_is_refused(personas: Personas) -> None:
    evaluation = _started(personas)
    Evaluation.objects.filter(pk=evaluation.pk).update(locked_at=timezone.now())
    evaluation.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        _save(personas, evaluation)
    assert "keputusan keberatan" in error.value.message_dict["state"][0]
    Evaluation.objects.filter(pk=evaluation.pk).update(locked_at=None)
    PerformancePeriod.objects.filter(pk=evaluation.plan.period_id).update(state=PeriodState.CLOSED)
    evaluation = Evaluation.objects.select_related("plan__period").get(pk=evaluation.pk)
    with pytest.raises(ValidationError) as error:
        _save(personas, evaluation)
    assert "sudah ditutup" in error.value.message_dict["state"][0]


# --- set -----------------------------------------------------------------------------------


def test_setting_rates_tells_the_employee_and_is_audited(personas: Personas) -> None:
    evaluation = _started(personas)
    _save(personas, evaluation)

    evaluation_set(actor=personas.supervisor, evaluation=evaluation)

    evaluation.refresh_from_db()
    assert evaluation.state == EvaluationState.RATED
    assert evaluation.rated_by_id == personas.supervisor.pk
    assert evaluation.rated_at is not None
    assert evaluation.appraiser_id == personas.staff.supervisor.pk
    assert evaluation.predikat == "BAIK"
    [note] = Notification.objects.filter(recipient=personas.employee)
    assert note.kind == NotificationKind.EVALUATION_RATED
    assert note.url == f"/penilaian/{evaluation.pk}/"
    assert "Baik" in note.text
    [event] = _events(evaluation, "evaluation.rated")
    assert event.after is not None
    assert event.after["state"] == "RATED"


def test_setting_needs_every_rating(personas: Personas) -> None:
    evaluation = _started(personas)
    with pytest.raises(ValidationError) as error:
        evaluation_set(actor=personas.supervisor, evaluation=evaluation)
    errors = error.value.message_dict
    assert (
        "Pilih rating hasil kerja utama 1"
        in errors[f"result_{evaluation.result_ratings.order_by('result__number')[0].result_id}"][0]
    )
    assert f"behavior_{CODES[0]}" in errors
    assert "behavior_rating" in errors
    assert Evaluation.objects.get(pk=evaluation.pk).state == EvaluationState.DRAFT
    assert not _events(evaluation, "evaluation.rated")


def test_departing_from_a_suggestion_needs_a_reason(personas: Personas) -> None:
    evaluation = _started(personas)  # every result suggested Sesuai Ekspektasi
    first = evaluation.result_ratings.order_by("result__number")[0].result_id
    _save(personas, evaluation, rating="ABOVE", results_rating="MEETS", behavior="MEETS")

    with pytest.raises(ValidationError) as error:
        evaluation_set(actor=personas.supervisor, evaluation=evaluation)

    errors = error.value.message_dict
    assert errors[f"result_reason_{first}"] == [
        "Rating hasil kerja utama 1 Di Atas Ekspektasi berbeda dari saran Sesuai Ekspektasi; "
        "tuliskan alasannya."
    ]
    # the overall suggestion follows the chosen ratings (both above): Sesuai departs from it
    assert (
        "Rating hasil kerja Sesuai Ekspektasi berbeda dari saran Di Atas"
        in (errors["results_reason"][0])
    )


def test_with_every_reason_written_the_override_is_set(personas: Personas) -> None:
    evaluation = _started(personas)
    first, second = [r.result_id for r in evaluation.result_ratings.order_by("result__number")]
    _save(
        personas,
        evaluation,
        rating="ABOVE",
        reasons={first: "Dua laporan tambahan", second: "Selesai lebih cepat"},
        behavior="MEETS",
        behavior_rating="ABOVE",
        behavior_reason="Menjadi teladan tim",
    )
    evaluation_set(actor=personas.supervisor, evaluation=evaluation)
    evaluation.refresh_from_db()
    assert evaluation.predikat == "SANGAT_BAIK"


def test_rating_before_the_realisations_close_needs_an_early_reason(personas: Personas) -> None:
    plan = _plan(personas)
    evaluation = evaluation_start(actor=personas.supervisor, plan=plan, window=window_on(plan))
    _save(personas, evaluation)

    with pytest.raises(ValidationError) as error:
        evaluation_set(actor=personas.supervisor, evaluation=evaluation)
    assert "atau isi alasan menilai lebih awal" in error.value.message_dict["early_reason"][0]

    _save(personas, evaluation, early_reason="Pegawai pindah tugas akhir bulan ini.")
    evaluation_set(actor=personas.supervisor, evaluation=evaluation)
    assert Evaluation.objects.get(pk=evaluation.pk).state == EvaluationState.RATED


def test_a_head_of_agency_follows_the_organisation_predikat(personas: Personas) -> None:
    plan = make_running_plan(employee=personas.staff.head, results=1)
    assert plan.appraiser_is_mayor
    assert plan.position.is_head_of_agency
    window = _closed_window(plan)
    evaluation = evaluation_start(actor=personas.leader, plan=plan, window=window)
    assert evaluation.results_from_organization
    evaluation_save(
        actor=personas.leader,
        evaluation=evaluation,
        results=[ResultInput(r.result_id, "MEETS") for r in evaluation.result_ratings.all()],
        behaviors=[BehaviorInput(code, "MEETS") for code in CODES],
        results_rating="ABOVE",  # ignored: it follows the organisation
        results_reason="",
        behavior_rating="MEETS",
        behavior_reason="",
    )
    evaluation.refresh_from_db()
    assert evaluation.results_rating == ""

    with pytest.raises(ValidationError) as error:
        evaluation_set(actor=personas.leader, evaluation=evaluation)
    assert "belum ditetapkan Pimpinan" in error.value.message_dict["results_rating"][0]

    make_org_rating(agency=personas.agency, scope=Scope(plan.period, window), predikat="ISTIMEWA")
    evaluation_set(actor=personas.leader, evaluation=evaluation)
    evaluation.refresh_from_db()
    assert evaluation.results_rating == "ABOVE"
    assert evaluation.predikat == "BAIK"
    assert "Istimewa" in evaluation.results_suggestion_text


def test_only_the_appraiser_sets(personas: Personas) -> None:
    evaluation = _started(personas)
    _save(personas, evaluation)
    with pytest.raises(PermissionDenied):
        evaluation_set(actor=personas.employee, evaluation=evaluation)


# --- acknowledge ---------------------------------------------------------------------------


def test_the_employee_acknowledges_and_the_appraiser_is_told(personas: Personas) -> None:
    plan = _plan(personas)
    evaluation = make_evaluation(plan=plan, window=window_on(plan))

    evaluation_acknowledge(actor=personas.employee, evaluation=evaluation)

    evaluation.refresh_from_db()
    assert evaluation.state == EvaluationState.ACKNOWLEDGED
    assert evaluation.acknowledged_at is not None
    deadline = objection_deadline(evaluation)
    assert deadline == timezone.localdate(evaluation.acknowledged_at) + timedelta(
        days=OBJECTION_DAYS
    )
    [note] = Notification.objects.filter(recipient=personas.supervisor)
    assert note.kind == NotificationKind.EVALUATION_ACKNOWLEDGED
    assert _events(evaluation, "evaluation.acknowledged")


def test_only_the_employee_acknowledges(personas: Personas) -> None:
    plan = _plan(personas)
    evaluation = make_evaluation(plan=plan, window=window_on(plan))
    with pytest.raises(PermissionDenied, match="Hanya pegawai yang dinilai"):
        evaluation_acknowledge(actor=personas.supervisor, evaluation=evaluation)


@pytest.mark.parametrize("state", [EvaluationState.DRAFT, EvaluationState.ACKNOWLEDGED])
def test_a_draft_or_an_acknowledged_evaluation_is_not_acknowledged(
    personas: Personas, state: str
) -> None:
    plan = _plan(personas)
    evaluation = make_evaluation(plan=plan, window=window_on(plan), state=state)
    with pytest.raises(ValidationError) as error:
        evaluation_acknowledge(actor=personas.employee, evaluation=evaluation)
    assert error.value.message_dict["state"]


def test_acknowledging_a_plan_the_mayor_rates_tells_nobody(personas: Personas) -> None:
    head = personas.staff.head
    head.user = make_user(full_name=head.name)
    head.save(update_fields=["user"])
    plan = make_running_plan(employee=head, results=1)
    evaluation = make_evaluation(plan=plan, window=window_on(plan))
    assert objection_deadline(evaluation) is None

    evaluation_acknowledge(actor=head.user, evaluation=evaluation)

    assert Evaluation.objects.get(pk=evaluation.pk).state == EvaluationState.ACKNOWLEDGED
    assert not Notification.objects.exists()
