"""Bulk preparation of draft evaluations (services/bulk.py, bulk_tasks.py): who may start it,
what it creates, that running it twice changes nothing, and its one audit event."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings

from kinerja.audit.models import AuditEvent
from kinerja.core.jobs import Progress
from kinerja.core.models import Job
from kinerja.core.testing import IMMEDIATE_TASKS
from kinerja.evaluation.models import Evaluation, EvaluationKind, EvaluationState
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.services.bulk import (
    NOT_PREPARER,
    evaluations_prepare,
    evaluations_prepare_start,
)
from kinerja.evaluation.testing import make_achieved_plan, make_evaluation, make_org_rating
from kinerja.people.testing import PERSONA_NAMES, Personas
from kinerja.periods.models import EvaluationWindow, PeriodState
from kinerja.planning.models import PlanState
from kinerja.planning.testing import make_open_period, make_plan

pytestmark = pytest.mark.django_db


def _window(personas: Personas) -> Scope:
    period = make_open_period(state=PeriodState.EVALUATION)
    return Scope(period, EvaluationWindow.objects.get(period=period, number=1))


def test_the_city_gets_a_draft_with_suggestions_for_every_approved_plan(
    personas: Personas,
) -> None:
    scope = _window(personas)
    plan = make_achieved_plan(employee=personas.staff.employee, percents=["120", "95"])
    other = make_achieved_plan(employee=personas.staff.other_head, percents=["100"])
    make_plan(employee=personas.staff.supervisor, period=scope.period, state=PlanState.DRAFT)

    counts = evaluations_prepare(actor=personas.hr_admin, scope=scope, agency=None)

    assert (counts.plans, counts.created, counts.skipped) == (2, 2, 0)
    assert (counts.result_rows, counts.behavior_rows) == (3, 14)
    evaluation = Evaluation.objects.get(plan=plan)
    assert (evaluation.state, evaluation.kind) == (EvaluationState.DRAFT, EvaluationKind.PERIODIC)
    assert evaluation.window_id == scope.window_id
    assert evaluation.appraiser_id == plan.appraiser_id
    rows = list(evaluation.result_ratings.order_by("result__number"))
    assert [r.suggestion for r in rows] == ["ABOVE", "BELOW"]
    assert [str(r.mean_achievement) for r in rows] == ["120.00", "95.00"]
    assert all(r.suggestion_text for r in rows)
    assert evaluation.results_suggestion
    assert evaluation.results_suggestion_text
    assert evaluation.behavior_ratings.count() == 7
    assert Evaluation.objects.filter(plan=other).exists()


def test_a_head_of_agency_gets_the_organisation_predikat_as_results_suggestion(
    personas: Personas,
) -> None:
    scope = _window(personas)
    head = make_achieved_plan(employee=personas.staff.head, percents=["50"])
    make_org_rating(agency=personas.agency, scope=scope, predikat="ISTIMEWA")

    evaluations_prepare(actor=personas.hr_admin, scope=scope, agency=personas.agency)

    evaluation = Evaluation.objects.get(plan=head)
    assert evaluation.results_from_organization
    assert (evaluation.results_suggestion, evaluation.results_rating) == ("ABOVE", "ABOVE")


def test_running_it_again_creates_nothing_and_says_so_in_its_event(personas: Personas) -> None:
    scope = _window(personas)
    plan = make_achieved_plan(employee=personas.staff.employee)
    evaluations_prepare(actor=personas.hr_admin, scope=scope, agency=None)

    again = evaluations_prepare(actor=personas.hr_admin, scope=scope, agency=None)

    assert (again.plans, again.created) == (0, 0)
    assert Evaluation.objects.filter(plan=plan).count() == 1
    events = list(AuditEvent.objects.filter(action="evaluations.prepared").order_by("pk"))
    assert [e.after["created"] for e in events if e.after] == [1, 0]


def test_plans_that_already_have_an_evaluation_of_the_group_are_left_alone(
    personas: Personas,
) -> None:
    scope = _window(personas)
    rated = make_achieved_plan(employee=personas.staff.employee)
    existing = make_evaluation(plan=rated, window=scope.window, state=EvaluationState.RATED)
    fresh = make_achieved_plan(employee=personas.staff.supervisor)

    counts = evaluations_prepare(actor=personas.hr_admin, scope=scope, agency=None)

    assert (counts.plans, counts.created) == (1, 1)
    assert Evaluation.objects.get(plan=rated) == existing
    assert Evaluation.objects.filter(plan=fresh, window=scope.window).exists()


def test_the_year_is_a_group_of_its_own(personas: Personas) -> None:
    scope = _window(personas)
    plan = make_achieved_plan(employee=personas.staff.employee)
    evaluations_prepare(actor=personas.hr_admin, scope=scope, agency=None)

    counts = evaluations_prepare(
        actor=personas.hr_admin, scope=Scope(scope.period, None), agency=None
    )

    assert counts.created == 1
    annual = Evaluation.objects.get(plan=plan, window__isnull=True)
    assert annual.kind == EvaluationKind.ANNUAL


def test_small_batches_give_the_same_result_and_report_progress(personas: Personas) -> None:
    scope = _window(personas)
    for employee in (personas.staff.employee, personas.staff.supervisor, personas.staff.kabid):
        make_achieved_plan(employee=employee)
    reports: list[tuple[int, str]] = []

    counts = evaluations_prepare(
        actor=personas.hr_admin,
        scope=scope,
        agency=None,
        progress=Progress(lambda percent, message: reports.append((percent, message))),
        batch_size=2,
    )

    assert counts.created == 3
    assert reports[-1][1] == "3 dari 3 SKP disiapkan"
    assert AuditEvent.objects.filter(action="evaluations.prepared").count() == 1


def test_one_agency_only_prepares_its_own_posts(personas: Personas) -> None:
    scope = _window(personas)
    own = make_achieved_plan(employee=personas.staff.employee)
    foreign = make_achieved_plan(employee=personas.staff.other_head)

    counts = evaluations_prepare(actor=personas.agency_admin, scope=scope, agency=personas.agency)

    assert counts.created == 1
    assert Evaluation.objects.filter(plan=own).exists()
    assert not Evaluation.objects.filter(plan=foreign).exists()
    event = AuditEvent.objects.get(action="evaluations.prepared")
    assert event.after is not None
    assert event.after["agency_id"] == personas.agency.pk
    assert (event.after["plans"], event.after["created"]) == (1, 1)
    assert event.actor_id == personas.agency_admin.pk


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_only_bkpsdm_prepares_the_whole_city(personas: Personas, name: str) -> None:
    scope = _window(personas)
    make_achieved_plan(employee=personas.staff.employee)
    actor = personas.all()[name]
    if name == "hr_admin":
        assert evaluations_prepare(actor=actor, scope=scope, agency=None).created == 1
        return
    with pytest.raises(PermissionDenied, match="Admin BKPSDM"):
        evaluations_prepare(actor=actor, scope=scope, agency=None)
    assert not Evaluation.objects.exists()


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_an_agency_is_prepared_by_bkpsdm_or_its_own_admin_opd(
    personas: Personas, name: str
) -> None:
    scope = _window(personas)
    actor = personas.all()[name]
    if name in ("hr_admin", "agency_admin"):
        evaluations_prepare(actor=actor, scope=scope, agency=personas.agency)
        return
    with pytest.raises(PermissionDenied) as refused:
        evaluations_prepare(actor=actor, scope=scope, agency=personas.agency)
    assert str(refused.value) == NOT_PREPARER
    assert not AuditEvent.objects.filter(action="evaluations.prepared").exists()


def test_a_closed_period_is_refused_naming_the_period(personas: Personas) -> None:
    scope = _window(personas)
    scope.period.state = PeriodState.CLOSED
    scope.period.save(update_fields=["state"])
    with pytest.raises(ValidationError) as refused:
        evaluations_prepare_start(actor=personas.hr_admin, scope=scope, agency=None)
    assert "periode" in refused.value.message_dict
    assert "sudah ditutup" in refused.value.message_dict["periode"][0]
    assert not Job.objects.exists()


def test_starting_refuses_an_admin_opd_for_another_agency_before_any_job(
    personas: Personas,
) -> None:
    scope = _window(personas)
    with pytest.raises(PermissionDenied):
        evaluations_prepare_start(actor=personas.other_admin, scope=scope, agency=personas.agency)
    assert not Job.objects.exists()


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_the_job_runs_and_leaves_its_counts_and_sentence(personas: Personas) -> None:
    scope = _window(personas)
    make_achieved_plan(employee=personas.staff.employee)
    make_achieved_plan(employee=personas.staff.supervisor)

    job = evaluations_prepare_start(actor=personas.hr_admin, scope=scope, agency=None)

    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED, job.error
    assert job.message == "2 penilaian disiapkan dari 2 SKP yang belum punya penilaian."
    assert job.result["created"] == 2
    assert job.result["window_id"] == scope.window_id
    assert f"evaluasi={scope.window_id}" in job.result_url
    assert Evaluation.objects.count() == 2


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_a_job_with_nothing_to_do_says_so(personas: Personas) -> None:
    scope = _window(personas)
    job = evaluations_prepare_start(actor=personas.hr_admin, scope=scope, agency=None)
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED
    assert job.message.startswith("Tidak ada SKP yang perlu disiapkan")
