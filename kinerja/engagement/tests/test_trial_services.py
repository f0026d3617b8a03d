"""Trial period services: clearing every record of a trial period (in a safe order, one
transaction, files after commit) and switching it to real, with their refusals and audit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.appeals.models import Objection
from kinerja.assessment.models import ReviewCycle
from kinerja.audit.models import AuditEvent
from kinerja.discussions.models import DocumentVersion, Thread
from kinerja.engagement.models import PerceptionRound
from kinerja.engagement.services.trial import trial_period_clear, trial_period_promote
from kinerja.engagement.testing import make_trial_period, make_trial_results
from kinerja.evaluation.models import CalibrationSession, Evaluation, OrganizationRating
from kinerja.learning.models import DevelopmentPlan
from kinerja.monitoring.evidence.testing import (
    evidence_storage_at,
    make_file_evidence,
    stored_files,
)
from kinerja.monitoring.models import Evidence, Feedback, Realization
from kinerja.people.testing import PERSONA_NAMES, Personas
from kinerja.periods.models import PeriodState
from kinerja.periods.testing import make_period
from kinerja.planning.models import PerformancePlan, PlannedResult
from kinerja.planning.testing import make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def store(tmp_path: Path) -> Iterator[Path]:
    with evidence_storage_at(tmp_path / "bukti") as path:
        yield path


def test_clearing_deletes_every_record_of_the_trial_and_puts_it_back_in_planning(
    personas: Personas, django_capture_on_commit_callbacks: object, store: Path
) -> None:
    built = make_trial_results(personas)
    period = built.period
    realization = Realization.objects.filter(plan__period=period).first()
    assert realization is not None
    make_file_evidence(realization=realization)
    assert len(stored_files(store)) == 1
    Thread.objects.create(
        subject_type="planning.PerformancePlan", subject_id=built.evaluation.plan_id
    )
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        cleared = trial_period_clear(actor=personas.hr_admin, period=period)
    for model in (
        PerformancePlan, PlannedResult, Realization, Evidence, Feedback, Evaluation, Objection,
        CalibrationSession, OrganizationRating, ReviewCycle, DevelopmentPlan,
    ):  # fmt: skip
        assert not model.objects.exists(), model
    assert not PerceptionRound.objects.filter(period=period).exists()
    assert not Thread.objects.exists()
    assert not DocumentVersion.objects.filter(subject_type="planning.PerformancePlan").exists()
    assert stored_files(store) == []
    period.refresh_from_db()
    assert period.state == PeriodState.PLANNING
    assert period.is_trial
    assert period.windows.count() == 12
    assert cleared["planning.PerformancePlan"] == 1
    assert cleared["evaluation.Evaluation"] == 1
    assert cleared["appeals.Objection"] == 1
    event = AuditEvent.objects.get(action="trial_period.cleared")
    assert (event.after or {})["cleared"]["planning.PerformancePlan"] == 1
    assert (event.after or {})["files"] == 1
    assert (event.before or {})["state"] == PeriodState.EXECUTION


def test_clearing_leaves_the_real_period_untouched(personas: Personas) -> None:
    real = make_period(year=2031, state=PeriodState.EXECUTION)
    real_plan = make_plan(employee=personas.staff.employee, period=real, results=1)
    built = make_trial_results(personas)
    trial_period_clear(actor=personas.hr_admin, period=built.period)
    assert PerformancePlan.objects.filter(pk=real_plan.pk).exists()
    assert PlannedResult.objects.filter(plan=real_plan).count() == 1


def test_clearing_an_empty_trial_still_records_the_event(personas: Personas) -> None:
    period = make_trial_period()
    assert trial_period_clear(actor=personas.hr_admin, period=period) == {}
    assert (AuditEvent.objects.get(action="trial_period.cleared").after or {})["cleared"] == {}


def test_clearing_a_real_period_is_refused_naming_it(personas: Personas) -> None:
    period = make_period(state=PeriodState.EXECUTION)
    make_plan(employee=personas.staff.employee, period=period)
    with pytest.raises(ValidationError) as caught:
        trial_period_clear(actor=personas.hr_admin, period=period)
    assert caught.value.message_dict["period"] == [
        f"{period.name} bukan periode uji coba; hanya hasil periode uji coba yang dapat "
        "dikosongkan atau dijadikan resmi."
    ]
    assert PerformancePlan.objects.count() == 1
    assert not AuditEvent.objects.filter(action="trial_period.cleared").exists()


@pytest.mark.parametrize("name", [n for n in PERSONA_NAMES if n != "hr_admin"])
def test_only_admin_bkpsdm_clears_or_promotes(personas: Personas, name: str) -> None:
    period = make_trial_period()
    actor = personas.all()[name]
    with pytest.raises(PermissionDenied, match="Hanya Admin BKPSDM"):
        trial_period_clear(actor=actor, period=period)
    with pytest.raises(PermissionDenied, match="Hanya Admin BKPSDM"):
        trial_period_promote(actor=actor, period=period)
    assert not AuditEvent.objects.filter(action__startswith="trial_period.").exists()


def test_promoting_makes_the_period_real_for_the_whole_city_in_one_audited_step(
    personas: Personas,
) -> None:
    period = make_trial_period(year=2032, agency=personas.agency)
    promoted = trial_period_promote(actor=personas.hr_admin, period=period)
    assert (promoted.is_trial, promoted.trial_agency_id) == (False, None)
    event = AuditEvent.objects.get(action="trial_period.promoted")
    assert (event.before or {})["is_trial"] is True
    assert (event.before or {})["trial_agency_id"] == personas.agency.pk
    assert (event.after or {})["is_trial"] is False
    assert (event.after or {})["trial_agency_id"] is None


def test_promoting_when_the_year_has_a_real_period_is_refused_naming_it(
    personas: Personas,
) -> None:
    real = make_period(year=2033)
    period = make_trial_period(year=2033)
    with pytest.raises(ValidationError) as caught:
        trial_period_promote(actor=personas.hr_admin, period=period)
    assert caught.value.message_dict["period"] == [
        f"Tahun 2033 sudah memiliki periode penilaian resmi ({real.name}); satu tahun hanya "
        f"satu periode resmi, jadi {period.name} tidak dapat dijadikan resmi."
    ]
    period.refresh_from_db()
    assert period.is_trial
    assert not AuditEvent.objects.filter(action="trial_period.promoted").exists()


def test_promoting_a_real_period_is_refused(personas: Personas) -> None:
    period = make_period(year=2034)
    with pytest.raises(ValidationError, match="bukan periode uji coba"):
        trial_period_promote(actor=personas.hr_admin, period=period)
