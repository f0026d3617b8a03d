"""An agency trial period: opened and changed through the periods service, page and API (the
agency only with a trial), and every entrance that opens a plan in it (page, API, service,
cascade) refuses an employee of another agency with the same sentence."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from kinerja.audit.models import AuditEvent
from kinerja.core.testing import page_text
from kinerja.engagement.testing import make_trial_period
from kinerja.people.testing import Personas
from kinerja.periods.models import PerformancePeriod, PeriodState, WindowKind
from kinerja.periods.services import period_open, period_update
from kinerja.periods.testing import make_period
from kinerja.planning.models import PerformancePlan
from kinerja.planning.services import plan_start, result_cascade
from kinerja.planning.testing import make_plan, make_result

pytestmark = pytest.mark.django_db

REFUSAL = (
    "Perangkat daerah uji coba hanya dapat dipilih untuk periode uji coba; centang Uji coba "
    "atau kosongkan perangkat daerahnya."
)
OPEN_FORM = {
    "year": "2030",
    "name": "Uji coba Dinas 2030",
    "start_date": "01-01-2030",
    "end_date": "31-12-2030",
    "window_kind": "QUARTERLY",
    "plan_due_date": "31-01-2030",
    "realization_due_day": "7",
    "evaluation_due_date": "31-01-2031",
}
OPEN_API = {
    "year": 2030,
    "name": "Uji coba Dinas 2030",
    "start_date": "2030-01-01",
    "end_date": "2030-12-31",
    "window_kind": "QUARTERLY",
    "plan_due_date": "2030-01-31",
    "realization_due_day": 7,
    "evaluation_due_date": "2031-01-31",
}


def _open(**extra: object) -> PerformancePeriod:
    return period_open(
        actor=None, year=2030, name="Uji coba Dinas 2030", start_date=date(2030, 1, 1),
        end_date=date(2030, 12, 31), window_kind=WindowKind.QUARTERLY,
        plan_due_date=date(2030, 1, 31), realization_due_day=7,
        evaluation_due_date=date(2031, 1, 31), **extra,  # type: ignore[arg-type]
    )  # fmt: skip


def test_a_trial_opens_for_one_agency_and_the_event_names_it(personas: Personas) -> None:
    period = _open(is_trial=True, trial_agency=personas.agency)
    assert period.trial_agency == personas.agency
    event = AuditEvent.objects.get(action="period.opened")
    assert (event.after or {})["trial_agency_id"] == personas.agency.pk


def test_an_agency_without_a_trial_is_refused_on_every_entrance(
    client: Client, personas: Personas
) -> None:
    expected = f"{personas.agency.name}: {REFUSAL}"
    with pytest.raises(ValidationError) as caught:
        _open(trial_agency=personas.agency)
    assert caught.value.message_dict["trial_agency"] == [expected]
    client.force_login(personas.hr_admin)
    page = client.post("/periode/buka/", {**OPEN_FORM, "trial_agency": personas.agency.pk})
    assert page.status_code == 200
    assert expected in page_text(page.content)
    api = client.post(
        "/api/v1/periods/", {**OPEN_API, "trial_agency": personas.agency.pk},
        content_type="application/json",
    )  # fmt: skip
    assert api.status_code == 400
    assert expected in api.content.decode()
    assert not PerformancePeriod.objects.exists()


def test_the_api_and_the_page_open_an_agency_trial(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    body = {**OPEN_API, "is_trial": True, "trial_agency": personas.agency.pk}
    response = client.post("/api/v1/periods/", body, content_type="application/json")
    assert response.status_code == 201
    assert response.json()["trial_agency_id"] == personas.agency.pk
    form = {**OPEN_FORM, "name": "Uji coba kota 2030", "is_trial": "on", "trial_agency": ""}
    response = client.post("/periode/buka/", form, follow=True)
    assert "Seluruh kota." in page_text(response.content)
    assert PerformancePeriod.objects.get(name="Uji coba kota 2030").trial_agency is None


def test_an_update_changes_a_trials_agency_and_refuses_one_on_a_real_period(
    client: Client, personas: Personas
) -> None:
    trial = make_trial_period(year=2030, state=PeriodState.PLANNING)
    deadlines: dict[str, Any] = {
        "plan_due_date": trial.plan_due_date, "realization_due_day": 5,
        "evaluation_due_date": trial.evaluation_due_date,
    }  # fmt: skip
    changed = period_update(actor=None, period=trial, trial_agency=personas.agency, **deadlines)
    assert changed.trial_agency == personas.agency
    real = make_period(year=2030)
    with pytest.raises(ValidationError) as caught:
        period_update(actor=None, period=real, trial_agency=personas.agency, **deadlines)
    assert caught.value.message_dict["trial_agency"] == [f"{personas.agency.name}: {REFUSAL}"]
    client.force_login(personas.hr_admin)
    response = client.patch(
        f"/api/v1/periods/{trial.pk}/",
        {"plan_due_date": "2030-01-31", "realization_due_day": 5,
         "evaluation_due_date": "2031-01-31", "trial_agency": None},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 200
    assert response.json()["trial_agency_id"] is None


def _sentence(period: PerformancePeriod, personas: Personas) -> str:
    return (
        f"{period.name} adalah uji coba khusus {personas.other_agency.name}; SKP di periode ini "
        "hanya untuk pegawai perangkat daerah tersebut."
    )


def test_a_plan_in_another_agencys_trial_is_refused_by_service_page_and_api(
    client: Client, personas: Personas
) -> None:
    period = make_trial_period(agency=personas.other_agency)
    expected = _sentence(period, personas)
    with pytest.raises(ValidationError) as caught:
        plan_start(actor=personas.employee, employee=personas.staff.employee, period=period)
    assert caught.value.message_dict["period"] == [expected]
    client.force_login(personas.employee)
    page = client.post("/skp/mulai/", {"periode": period.pk}, follow=True)
    assert expected in page_text(page.content)
    api = client.post("/api/v1/plans/", {"period_id": period.pk}, content_type="application/json")
    assert api.status_code == 400
    assert expected in api.content.decode()
    assert not PerformancePlan.objects.exists()


def test_an_employee_of_the_trial_agency_starts_a_plan(personas: Personas) -> None:
    period = make_trial_period(agency=personas.agency)
    plan = plan_start(actor=personas.employee, employee=personas.staff.employee, period=period)
    assert plan.period == period


def test_a_cascade_skips_a_subordinate_outside_the_trial_agency(personas: Personas) -> None:
    period = make_trial_period(agency=personas.other_agency)
    result = make_result(plan=make_plan(employee=personas.staff.supervisor, period=period))
    report = result_cascade(
        actor=personas.supervisor, result=result, employees=[personas.staff.employee]
    )
    assert report.skipped == [(personas.staff.employee, "di luar perangkat daerah uji coba")]
    assert report.started == []
