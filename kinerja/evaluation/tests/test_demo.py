"""The evaluation demo: last year finished and calibrated, this year part way (demo*.py)."""

from __future__ import annotations

import pytest
from django.test import Client

from kinerja.accounts.demo_identities import DEMO_EMPLOYEE, DEMO_LEADER, DUKCAPIL_CODE
from kinerja.accounts.models import User
from kinerja.audit.models import AuditEvent
from kinerja.core.demo import DemoOptions, demo_seeds_run
from kinerja.core.testing import page_text
from kinerja.evaluation.models import (
    CalibrationMove,
    CalibrationSession,
    CalibrationState,
    Evaluation,
    EvaluationState,
)
from kinerja.evaluation.selectors.common import default_scope
from kinerja.organization.models import Agency
from kinerja.people.holdings import today
from kinerja.periods.models import PerformancePeriod

pytestmark = pytest.mark.django_db


def test_last_year_is_rated_acknowledged_calibrated_and_locked_and_this_years_curve_asks(
    client: Client,
) -> None:
    demo_seeds_run(DemoOptions(employees=400, seed=3))

    last = PerformancePeriod.objects.get(year=today().year - 1, is_trial=False)
    session = CalibrationSession.objects.get(period=last, window__isnull=True)
    assert session.state == CalibrationState.LOCKED
    move = CalibrationMove.objects.get(session=session)
    assert move.reason
    assert AuditEvent.objects.filter(
        action="calibration.moved", object_id=str(move.evaluation_id)
    ).exists()
    annual = Evaluation.objects.filter(plan__period=last, window__isnull=True)
    assert annual.count() > 5
    assert not annual.exclude(state=EvaluationState.ACKNOWLEDGED).exists()
    assert not annual.filter(locked_at__isnull=True).exists()

    current = PerformancePeriod.objects.get(year=today().year, is_trial=False)
    if default_scope(current, today()).window is None:
        pytest.skip("no window of this year has closed yet")
    # His latest window (the appeals demo rates the earlier ones and objects to them).
    mine = (
        Evaluation.objects.filter(plan__employee__nip=DEMO_EMPLOYEE.username, plan__period=current)
        .order_by("-window__end_date")
        .first()
    )
    assert mine is not None
    assert mine.state == EvaluationState.RATED
    assert mine.results_reason or any(r.reason for r in mine.result_ratings.all())
    agency = Agency.objects.get(code=DUKCAPIL_CODE)
    client.force_login(User.objects.get(username=DEMO_LEADER.username))
    text = page_text(client.get(f"/kurva/{agency.pk}/").content)
    assert "paling sedikit 1 pegawai harus Butuh Perbaikan atau Kurang/Misconduct" in text
    assert "Justifikasi (wajib)" in text

    again = demo_seeds_run(DemoOptions(employees=400, seed=3))
    assert any("Penilaian demo" in line and "sudah ada" in line for line in again)
