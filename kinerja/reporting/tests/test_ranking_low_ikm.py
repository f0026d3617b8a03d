"""Service units with the lowest IKM elements: element values as the surveys report gives them,
enough answers only, per scope, linked to the service unit's SKM report."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.core.testing import page_text
from kinerja.organization.testing import make_unit
from kinerja.planning.testing import make_open_period
from kinerja.reporting.models import Ranking
from kinerja.reporting.rankings import low_ikm
from kinerja.reporting.services import summary_refresh
from kinerja.surveys.testing import make_responses, make_service_unit

pytestmark = pytest.mark.django_db

ENOUGH = low_ikm.MIN_ANSWERS


@pytest.fixture
def setup(personas):  # type: ignore[no-untyped-def]
    period = make_open_period()
    day = date(period.year, 4, 1)
    office = make_service_unit(unit=personas.staff.unit, name="Loket Dukcapil", slug="loket-dc")
    # U3 the weakest (2), U1 next (3), the rest 4
    make_responses(service_unit=office, answers=[[3, 4, 2, 4, 4, 4, 4, 4, 4]] * ENOUGH, day=day)
    # too few answers: never ranked, however low
    few = make_service_unit(unit=personas.staff.unit, name="Loket Kecil")
    make_responses(service_unit=few, answers=[[1] * 9] * (ENOUGH - 1), day=day)
    # last year's answers do not count
    make_responses(service_unit=office, answers=[[1] * 9] * ENOUGH, day=date(period.year - 1, 6, 1))
    other_unit = make_unit(agency=personas.other_agency, name="Bidang Angkutan")
    other = make_service_unit(unit=other_unit, name="Loket Dishub")
    make_responses(service_unit=other, answers=[[4, 4, 4, 4, 1, 4, 4, 4, 4]] * ENOUGH, day=day)
    return period, office, other


def test_compute_ranks_elements_per_scope(personas, setup):  # type: ignore[no-untyped-def]
    period, office, other = setup
    rows = low_ikm.compute(period)
    city = [r for r in rows if r.agency_id is None]
    assert [r.position for r in city] == list(range(1, 11))
    assert (city[0].label, city[0].value, city[0].count) == (
        "Loket Dishub · U5 Produk Spesifikasi Jenis Pelayanan",
        Decimal("25.00"),
        ENOUGH,
    )
    assert city[0].target_id == other.pk
    assert city[0].detail == personas.other_agency.name
    assert city[1].label == "Loket Dukcapil · U3 Waktu Penyelesaian"
    assert city[1].value == Decimal("50.00")
    assert city[2].label == "Loket Dukcapil · U1 Persyaratan"
    assert all("Loket Kecil" not in r.label for r in rows)
    agency = [r for r in rows if r.agency_id == personas.agency.pk and r.unit_id is None]
    assert agency[0].label == "Loket Dukcapil · U3 Waktu Penyelesaian"
    assert all(r.target_id == office.pk for r in agency)
    unit = [r for r in rows if r.unit_id == personas.staff.unit.pk]
    assert [r.label for r in unit] == [r.label for r in agency]


def test_links_are_the_service_unit_reports_in_one_query(setup, django_assert_num_queries):  # type: ignore[no-untyped-def]
    _, office, _ = setup
    with django_assert_num_queries(1):
        links = low_ikm.links([office.pk, 999999])
    assert links == {office.pk: reverse("surveys:unit_report", args=["loket-dc"])}


def test_nothing_without_enough_answers(personas):  # type: ignore[no-untyped-def]
    period = make_open_period()
    office = make_service_unit(unit=personas.staff.unit)
    make_responses(service_unit=office, answers=[[2] * 9], day=date(period.year, 2, 1))
    assert low_ikm.compute(period) == []


def test_the_pages_show_the_list(client, personas, setup):  # type: ignore[no-untyped-def]
    period, _, _ = setup
    summary_refresh(actor=personas.hr_admin, period=period)
    client.force_login(personas.leader)
    for url in (
        reverse("reporting:city"),
        reverse("reporting:agency", args=[personas.agency.pk]),
    ):
        response = client.get(url)
        text = page_text(response.content)
        assert str(Ranking.LOW_IKM_ELEMENT.label) in text
        assert "Loket Dukcapil · U3 Waktu Penyelesaian" in text
        assert "Nilai unsur (25-100): 50,00" in text
        link = reverse("surveys:unit_report", args=["loket-dc"])
        assert f'href="{link}"' in response.content.decode()
