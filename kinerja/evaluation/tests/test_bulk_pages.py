"""The page /penilaian/siapkan/ (bulk_views.py): who may open it, starting the job, following
its progress, and someone else's job."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from kinerja.core.models import Job
from kinerja.core.testing import IMMEDIATE_TASKS, page_text
from kinerja.evaluation.models import Evaluation
from kinerja.evaluation.testing import make_achieved_plan
from kinerja.people.testing import PERSONA_NAMES, Personas
from kinerja.periods.models import PeriodState
from kinerja.planning.testing import make_open_period

pytestmark = pytest.mark.django_db

URL = "/penilaian/siapkan/"
PREPARERS = {"hr_admin", "agency_admin", "other_admin"}


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_page_opens_for_bkpsdm_and_admin_opd_only(
    client: Client, personas: Personas, name: str
) -> None:
    make_open_period(state=PeriodState.EVALUATION)
    client.force_login(personas.all()[name])
    response = client.get(URL)
    if name not in PREPARERS:
        assert response.status_code == 403
        return
    assert response.status_code == 200
    text = page_text(response.content)
    assert "Siapkan penilaian serentak" in text
    if name == "hr_admin":
        assert "Seluruh perangkat daerah" in text
    else:
        assert "Seluruh perangkat daerah" not in text
        other = personas.other_agency if name == "agency_admin" else personas.agency
        assert other.name not in text


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_an_admin_opd_prepares_their_agency_and_sees_the_counts(
    client: Client, personas: Personas
) -> None:
    period = make_open_period(state=PeriodState.EVALUATION)
    plan = make_achieved_plan(employee=personas.staff.employee, period=period)
    window = period.windows.get(number=1)
    client.force_login(personas.agency_admin)

    response = client.post(
        f"{URL}?periode={period.pk}",
        {"evaluasi": str(window.pk), "agency": str(personas.agency.pk)},
    )

    assert response.status_code == 302
    assert Evaluation.objects.filter(plan=plan, window=window).exists()
    page = client.get(response["Location"])
    text = page_text(page.content)
    assert "1 penilaian disiapkan dari 1 SKP yang belum punya penilaian." in text
    fragment = client.get(response["Location"], headers={"HX-Request": "true"})
    assert "1 penilaian disiapkan" in page_text(fragment.content)
    assert "Siapkan penilaian serentak" not in page_text(fragment.content)


def test_an_admin_opd_cannot_choose_another_agency_or_the_city(
    client: Client, personas: Personas
) -> None:
    period = make_open_period(state=PeriodState.EVALUATION)
    client.force_login(personas.agency_admin)
    for agency in (str(personas.other_agency.pk), "kota"):
        response = client.post(
            f"{URL}?periode={period.pk}", {"evaluasi": "tahunan", "agency": agency}
        )
        assert response.status_code == 400
        assert "Perangkat daerah" in page_text(response.content)
    assert not Job.objects.exists()


def test_someone_elses_job_is_404(client: Client, personas: Personas) -> None:
    make_open_period(state=PeriodState.EVALUATION)
    job = Job.objects.create(owner=personas.hr_admin, kind="evaluations.prepare", title="x")
    client.force_login(personas.agency_admin)
    assert client.get(f"{URL}?tugas={job.pk}").status_code == 404
    assert client.get(f"{URL}?tugas=bukan-uuid").status_code == 404
    client.force_login(personas.hr_admin)
    assert client.get(f"{URL}?tugas={job.pk}").status_code == 200
