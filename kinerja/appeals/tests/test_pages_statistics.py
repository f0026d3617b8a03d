"""The statistics page (/keberatan/statistik/): who sees it, what it shows, the filters and
the export, and its cost."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.appeals.models import Objection, ObjectionState
from kinerja.appeals.testing import make_acknowledged_evaluation, make_objection
from kinerja.core.testing import headings, page_text
from kinerja.organization.testing import make_agency
from kinerja.people.testing import PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db

URL = "/keberatan/statistik/"
READERS = {"hr_admin", "leader"}


def _objections(personas: Personas) -> Objection:
    accepted = make_objection(
        evaluation=make_acknowledged_evaluation(personas=personas),
        state=ObjectionState.ACCEPTED,
        days_ago=10,
    )
    Objection.objects.filter(pk=accepted.pk).update(
        decided_at=accepted.filed_at + timedelta(days=3)
    )
    make_objection(
        evaluation=make_acknowledged_evaluation(
            personas=personas, employee=personas.staff.supervisor, appraiser=personas.staff.kabid
        ),
    )
    return accepted


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_only_bkpsdm_and_pimpinan_see_the_statistics(
    client: Client, personas: Personas, name: str
) -> None:
    _objections(personas)
    client.force_login(personas.all()[name])
    response = client.get(URL)
    assert response.status_code == (200 if name in READERS else 403)
    if name not in READERS:
        assert personas.agency.name not in page_text(response.content)


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_only_bkpsdm_and_pimpinan_download_the_export(
    client: Client, personas: Personas, name: str
) -> None:
    client.force_login(personas.all()[name])
    response = client.get(URL + "?format=csv")
    assert response.status_code == (200 if name in READERS else 403)


def test_anonymous_is_sent_to_the_login(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL))


def test_the_page_shows_each_agency_with_its_counts_and_median(
    client: Client, personas: Personas
) -> None:
    _objections(personas)
    client.force_login(personas.leader)
    response = client.get(URL)
    text = page_text(response.content)
    assert "Statistik keberatan" in headings(response.content)
    assert f"{personas.agency.name} 2 1 0 0 1 3" in text
    assert "Jumlah 2 1 0 0 1 3" in text
    assert "Pilih perangkat daerah di atas" in text
    assert 'class="table k-table' in response.content.decode()
    assert 'role="img"' in response.content.decode()


def test_choosing_an_agency_shows_its_units(client: Client, personas: Personas) -> None:
    _objections(personas)
    client.force_login(personas.hr_admin)
    response = client.get(f"{URL}?perangkat={personas.agency.pk}")
    text = page_text(response.content)
    assert f"Per unit kerja · {personas.agency.name}" in headings(response.content)
    assert f"{personas.staff.unit.name} 2 1 0 0 1" in text


def test_a_period_without_objections_shows_the_empty_state(
    client: Client, personas: Personas
) -> None:
    accepted = _objections(personas)
    period = accepted.evaluation.plan.period
    client.force_login(personas.hr_admin)
    assert "Jumlah 2" in page_text(client.get(f"{URL}?periode={period.pk}").content)
    Objection.objects.update(evaluation=accepted.evaluation, state=ObjectionState.WITHDRAWN)
    other = make_agency()
    text = page_text(client.get(f"{URL}?periode={period.pk}&perangkat={other.pk}").content)
    assert f"Belum ada keberatan di {other.name} pada {period.name}." in text


@pytest.mark.parametrize("query", ["?periode=abc", "?periode=999999", "?perangkat=-1"])
def test_a_bad_or_unknown_filter_is_404(client: Client, personas: Personas, query: str) -> None:
    client.force_login(personas.hr_admin)
    assert client.get(URL + query).status_code == 404


def test_the_csv_export_has_the_agency_rows_and_the_total(
    client: Client, personas: Personas
) -> None:
    _objections(personas)
    client.force_login(personas.hr_admin)
    response = client.get(URL + "?format=csv")
    assert response["Content-Disposition"] == 'attachment; filename="statistik-keberatan.csv"'
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Perangkat daerah;Diajukan;Diterima")
    assert lines[1] == f"{personas.agency.name};2;1;0;0;1;1;3"
    assert lines[2] == "Jumlah;2;1;0;0;1;1;3"


def test_the_xlsx_export_keeps_numbers_as_numbers(client: Client, personas: Personas) -> None:
    accepted = _objections(personas)
    period = accepted.evaluation.plan.period
    client.force_login(personas.leader)
    response = client.get(f"{URL}?periode={period.pk}&format=xlsx")
    assert response["Content-Disposition"].endswith(f'statistik-keberatan-{period.year}.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    assert [cell.value for cell in sheet[2]] == [personas.agency.name, 2, 1, 0, 0, 1, 1, 3]


def test_an_unknown_export_format_is_404(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    assert client.get(URL + "?format=pdf").status_code == 404


def _spread(objection: Objection, agencies: int) -> None:
    for _ in range(agencies):
        copy = Objection.objects.get(pk=objection.pk)
        copy.pk = None
        copy.state = ObjectionState.WITHDRAWN
        copy.agency = make_agency()
        copy.save()


def test_the_page_costs_the_same_for_2_or_30_agencies(client: Client, personas: Personas) -> None:
    accepted = _objections(personas)
    client.force_login(personas.hr_admin)
    _spread(accepted, 1)
    with CaptureQueriesContext(connection) as few:
        client.get(f"{URL}?perangkat={personas.agency.pk}")
    _spread(accepted, 28)
    with CaptureQueriesContext(connection) as many:
        response = client.get(f"{URL}?perangkat={personas.agency.pk}")
    assert page_text(response.content).count("Dinas Uji") >= 29
    assert len(many.captured_queries) == len(few.captured_queries)
