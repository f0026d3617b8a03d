"""The periodic refresh: every period not closed (and any never summarised) is summarised,
after the stored home agencies are re-derived; the on-demand job reports its figures."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from kinerja.core.jobs import job_create
from kinerja.core.models import Job
from kinerja.people.models import Employee
from kinerja.periods.models import PeriodState
from kinerja.planning.testing import make_open_period
from kinerja.reporting.models import SummaryRefresh
from kinerja.reporting.services import REFRESH_KIND, periods_to_refresh
from kinerja.reporting.tasks import summaries_refresh_task, summary_refresh_task

pytestmark = pytest.mark.django_db


def test_the_periodic_refresh_summarises_open_periods_and_repairs_homes(personas: Any) -> None:
    period = make_open_period()
    closed = make_open_period(year=period.year - 1, state=PeriodState.CLOSED)
    make_open_period(year=period.year, is_trial=True)
    Employee.objects.filter(pk=personas.staff.employee.pk).update(home_agency=None)

    done = summaries_refresh_task.call()

    assert set(done) == {period.pk, closed.pk}
    assert Employee.objects.get(pk=personas.staff.employee.pk).home_agency_id == personas.agency.pk
    assert [p.pk for p in periods_to_refresh()] == [period.pk]


def test_the_on_demand_job_ends_with_its_figures(personas: Any) -> None:
    period = make_open_period()
    job = job_create(owner=personas.hr_admin, kind=REFRESH_KIND, title="uji")
    summary_refresh_task.call(
        job_id=str(job.pk), origin={}, actor_id=personas.hr_admin.pk, period_id=period.pk
    )
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED
    assert "diperbarui" in job.message
    assert SummaryRefresh.objects.filter(period=period).exists()


def test_a_refused_job_fails_with_the_reason(personas: Any) -> None:
    period = make_open_period()
    job = job_create(owner=personas.agency_admin, kind=REFRESH_KIND, title="uji")
    with pytest.raises(PermissionDenied):
        summary_refresh_task.call(
            job_id=str(job.pk), origin={}, actor_id=personas.agency_admin.pk, period_id=period.pk
        )
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert "Admin BKPSDM dan Pimpinan" in job.error
