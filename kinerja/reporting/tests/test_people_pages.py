"""A unit's people (/dasbor/unit/<id>/pegawai/): who is listed, what each row shows, search,
the authorisation of the unit dashboard and constant queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.appeals.testing import make_objection
from kinerja.core.testing import page_text
from kinerja.evaluation.testing import make_evaluation
from kinerja.organization.testing import make_unit
from kinerja.people.testing import bulk_staff
from kinerja.planning.models import PlanState
from kinerja.planning.testing import make_open_period, make_plan
from kinerja.reporting.testing import unit_people_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def period(personas):  # type: ignore[no-untyped-def]
    period = make_open_period()
    plan = make_plan(employee=personas.staff.employee, period=period, state=PlanState.APPROVED)
    evaluation = make_evaluation(plan=plan, detail=False)
    make_objection(evaluation=evaluation)
    return period


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("leader", 200),
        ("hr_admin", 200),
        ("auditor", 200),
        ("agency_admin", 200),
        ("other_admin", 403),
        ("employee", 403),
        ("supervisor", 403),
        ("outsider", 403),
    ],
)
def test_unit_people_per_persona(client, personas, period, persona, status):  # type: ignore[no-untyped-def]
    client.force_login(getattr(personas, persona))
    assert client.get(unit_people_url(personas.staff.unit, period)).status_code == status


def test_rows_show_post_plan_predikat_objections_and_link_to_the_person(client, personas, period):  # type: ignore[no-untyped-def]
    client.force_login(personas.leader)
    response = client.get(unit_people_url(personas.staff.unit, period))
    text = page_text(response.content)
    employee = personas.staff.employee
    assert employee.name in text
    assert "Pengolah Data" in text
    assert "Disetujui" in text
    assert "Baik" in text  # the predikat of MEETS/MEETS
    assert "Belum ada SKP" in text  # the supervisor has none
    person = reverse("reporting:person", args=[employee.pk])
    assert f'href="{person}?periode={period.pk}"' in response.content.decode()
    # the NIP grouped as on ID cards
    assert employee.nip[:8] + " " + employee.nip[8:14] in text
    # the head of the agency is not in the unit
    assert personas.staff.head.name not in text
    assert "Pegawai unit ini" in text
    assert personas.agency.name in text  # the trail back to the agency


def test_sub_units_are_included_and_search_by_name_or_nip(client, personas, period):  # type: ignore[no-untyped-def]
    sub = make_unit(agency=personas.agency, name="Seksi Baru")
    sub.parent = personas.staff.unit
    sub.save()
    bulk_staff(agency=personas.agency, supervisor=personas.staff.kasi_post, unit=sub, count=2)
    client.force_login(personas.agency_admin)
    text = page_text(client.get(unit_people_url(personas.staff.unit, period)).content)
    assert text.count("Staf ") >= 2
    url = unit_people_url(personas.staff.unit, period)
    found = page_text(client.get(f"{url}&q=Sri").content)
    assert personas.staff.supervisor.name in found
    assert personas.staff.employee.name not in found
    nip = personas.staff.employee.nip
    by_nip = page_text(client.get(f"{url}&q={nip[:8]}%20{nip[8:14]}").content)
    assert personas.staff.employee.name in by_nip


def test_the_unit_dashboard_links_to_its_people(client, personas, period):  # type: ignore[no-untyped-def]
    client.force_login(personas.leader)
    response = client.get(reverse("reporting:unit", args=[personas.staff.unit.pk]))
    assert (
        reverse("reporting:unit_people", args=[personas.staff.unit.pk]) in response.content.decode()
    )


def test_queries_are_the_same_for_10_and_60_people(client, personas, period):  # type: ignore[no-untyped-def]
    unit = personas.staff.unit
    client.force_login(personas.leader)
    bulk_staff(agency=personas.agency, supervisor=personas.staff.kasi_post, unit=unit, count=6)
    client.get(unit_people_url(unit, period))
    with CaptureQueriesContext(connection) as small:
        response = client.get(unit_people_url(unit, period))
    assert response.status_code == 200
    bulk_staff(agency=personas.agency, supervisor=personas.staff.kasi_post, unit=unit, count=56)
    with CaptureQueriesContext(connection) as large:
        response = client.get(unit_people_url(unit, period))
    assert "Halaman 1 dari 2" in page_text(response.content)
    assert len(large) == len(small)
