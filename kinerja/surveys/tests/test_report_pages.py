"""The SKM pages at /skm/: the index, the agency and unit reports, the population form."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kinerja.accounts.testing import TEST_PASSWORD
from kinerja.audit.models import AuditEvent
from kinerja.core.testing import chromium_page, headings, page_text
from kinerja.organization.models import ServiceUnit, Unit
from kinerja.people.testing import PERSONA_NAMES, Personas
from kinerja.surveys.models import ServicePopulation
from kinerja.surveys.testing import make_responses, make_service, make_service_unit

pytestmark = pytest.mark.django_db

THIS_YEAR = timezone.localdate().year
TODAY = timezone.localdate()

EVERYONE = PERSONA_NAMES
CITY_READERS = {"hr_admin", "leader", "auditor"}
UNIT_STAFF = {"employee", "supervisor", "appraiser_superior"}
UNIT_READERS = UNIT_STAFF | CITY_READERS | {"agency_admin"}
AGENCY_READERS = CITY_READERS | {"agency_admin"}
UNIT_MANAGERS = {"appraiser_superior", "agency_admin", "hr_admin"}


@pytest.fixture
def unit(personas: Personas) -> ServiceUnit:
    service_unit = make_service_unit(unit=personas.staff.unit, name="Loket Dukcapil Balai Kota")
    make_responses(service_unit=service_unit, answers=[[4, 3, 3, 4, 3, 3, 4, 2, 3]] * 3)
    return service_unit


# --- authorisation ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", EVERYONE)
def test_the_index_shows_each_persona_what_they_may_see(
    client: Client, personas: Personas, unit: ServiceUnit, name: str
) -> None:
    client.force_login(personas.all()[name])
    response = client.get("/skm/")
    if name not in UNIT_READERS:
        assert response.status_code == 403
        return
    assert response.status_code == 200
    text = page_text(response.content)
    assert "Loket Dukcapil Balai Kota" in text
    assert ("IKM Kota Surakarta" in text) is (name in CITY_READERS)
    assert ("Perangkat daerah" in headings(response.content)) is (name in AGENCY_READERS)
    agency_link = f'href="/skm/instansi/{personas.agency.pk}/'
    assert (agency_link in response.content.decode()) is (name in AGENCY_READERS)


def test_the_index_asks_anonymous_visitors_to_sign_in(client: Client, unit: ServiceUnit) -> None:
    response = client.get("/skm/")
    assert response.status_code == 302
    assert "/akun/" in response["Location"] or "login" in response["Location"]


@pytest.mark.parametrize("name", EVERYONE)
def test_the_unit_report_is_for_its_staff_its_agency_and_the_city(
    client: Client, personas: Personas, unit: ServiceUnit, name: str
) -> None:
    client.force_login(personas.all()[name])
    response = client.get(f"/skm/{unit.slug}/")
    assert response.status_code == (200 if name in UNIT_READERS else 403)
    if response.status_code == 200:
        text = page_text(response.content)
        assert "Loket Dukcapil Balai Kota" in headings(response.content)
        assert ("Populasi pengguna layanan" in text) is (name in UNIT_MANAGERS)
        assert ("Impor survei kertas" in text) is (
            name in UNIT_STAFF | {"agency_admin", "hr_admin"}
        )
        assert ("Kiriman ditolak" in text) is (name in UNIT_MANAGERS)


@pytest.mark.parametrize("name", EVERYONE)
def test_the_agency_report_is_for_the_agency_admin_and_the_city(
    client: Client, personas: Personas, unit: ServiceUnit, name: str
) -> None:
    client.force_login(personas.all()[name])
    response = client.get(f"/skm/instansi/{personas.agency.pk}/")
    assert response.status_code == (200 if name in AGENCY_READERS else 403)


@pytest.mark.parametrize("name", EVERYONE)
def test_the_population_form_is_for_the_unit_head_and_the_agency_admin(
    client: Client, personas: Personas, unit: ServiceUnit, name: str
) -> None:
    client.force_login(personas.all()[name])
    response = client.get(f"/skm/{unit.slug}/populasi/")
    assert response.status_code == (200 if name in UNIT_MANAGERS else 403)


def test_an_unknown_unit_or_agency_is_not_found(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    assert client.get("/skm/tidak-ada/").status_code == 404
    assert client.get("/skm/tidak-ada/populasi/").status_code == 404
    assert client.get("/skm/instansi/999999/").status_code == 404


# --- what the reports show -------------------------------------------------------------------


def test_the_unit_report_shows_ikm_elements_sample_and_convention(
    client: Client, personas: Personas, unit: ServiceUnit
) -> None:
    ServicePopulation.objects.create(service_unit=unit, year=THIS_YEAR, population=12000)
    client.force_login(personas.agency_admin)
    response = client.get(f"/skm/{unit.slug}/")
    text = page_text(response.content)
    assert "Bobot tiap unsur: 1/9 (tepat)" in text
    assert "3 dari sampel minimum 373 untuk populasi 12.000 — belum memadai." in text
    assert "U1 Persyaratan" in text
    assert "4,0000" in text  # NRR of U1
    assert "0,4444" in text  # weighted NRR of U1 (4/9)
    assert "100,00" in text  # interval value of U1
    assert "Unsur terlemah: U8" in text
    assert "Tren 12 bulan" in headings(response.content)
    assert "<svg" in response.content.decode()
    assert "Menurut jenis kelamin" in headings(response.content)


def test_the_unit_report_with_a_legacy_convention_says_so(
    client: Client, personas: Personas, unit: ServiceUnit
) -> None:
    client.force_login(personas.hr_admin)
    response = client.get(f"/skm/{unit.slug}/", {"bobot": "LEGACY_011", "tahun": str(THIS_YEAR)})
    assert response.status_code == 200
    text = page_text(response.content)
    assert "Bobot tiap unsur: 0,11 (laporan lama)" in text
    assert "hanya untuk mencocokkan laporan lama" in text


def test_a_report_without_answers_says_there_is_no_data(client: Client, personas: Personas) -> None:
    empty = make_service_unit(unit=personas.staff.unit)
    client.force_login(personas.hr_admin)
    text = page_text(client.get(f"/skm/{empty.slug}/").content)
    assert "Belum ada data" in text
    assert "populasi pengguna layanan tahun" in text


def test_the_agency_report_pools_its_units_and_links_to_them(
    client: Client, personas: Personas, unit: ServiceUnit
) -> None:
    second = make_service_unit(unit=personas.staff.unit, name="Loket Kecamatan Laweyan")
    make_responses(service_unit=second, answers=[[2] * 9])
    client.force_login(personas.agency_admin)
    response = client.get(f"/skm/instansi/{personas.agency.pk}/")
    text = page_text(response.content)
    assert "IKM gabungan dihitung dari seluruh jawaban semua unit layanan" in text
    assert "Menurut unit layanan" in headings(response.content)
    assert f'href="/skm/{second.slug}/?tahun={THIS_YEAR}"' in response.content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"bulan": "2026-13"}, "'2026-13' bukan bulan yang dikenal; tulis seperti 2026-10."),
        ({"triwulan": "x"}, "'x' bukan triwulan yang dikenal"),
        ({"tahun": "99999999999999999999"}, "bukan periode yang dikenal"),
        ({"bobot": "0.5"}, "Bobot '0.5' tidak dikenal; pilih EXACT (1/9 (tepat))"),
        ({"from": "kemarin"}, "'kemarin' bukan tanggal"),
    ],
)
@pytest.mark.parametrize("page", ["index", "unit", "agency"])
def test_a_bad_span_or_convention_is_explained_on_the_page(
    client: Client,
    personas: Personas,
    unit: ServiceUnit,
    params: dict[str, str],
    message: str,
    page: str,
) -> None:
    client.force_login(personas.hr_admin)
    url = {
        "index": "/skm/",
        "unit": f"/skm/{unit.slug}/",
        "agency": f"/skm/instansi/{personas.agency.pk}/",
    }[page]
    response = client.get(url, params)
    assert response.status_code == 400
    assert message in page_text(response.content)


def test_the_index_switches_to_a_month_and_keeps_the_convention_in_links(
    client: Client, personas: Personas, unit: ServiceUnit
) -> None:
    client.force_login(personas.hr_admin)
    month = f"{TODAY.year}-{TODAY.month:02d}"
    response = client.get("/skm/", {"bulan": month, "bobot": "LEGACY_0111"})
    assert response.status_code == 200
    body = response.content.decode()
    assert f"/skm/{unit.slug}/?bulan={month}&amp;bobot=LEGACY_0111" in body
    assert "0,111 (laporan lama)" in page_text(body)


# --- constant queries ------------------------------------------------------------------------


def _count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", ["hr_admin", "agency_admin", "employee"])
def test_the_pages_cost_the_same_queries_for_few_and_many_rows(
    client: Client, personas: Personas, unit: ServiceUnit, name: str
) -> None:
    client.force_login(personas.all()[name])
    urls = ["/skm/", f"/skm/{unit.slug}/"]
    if name != "employee":
        urls.append(f"/skm/instansi/{personas.agency.pk}/")
    few = [_count(client, url) for url in urls]
    for number in range(6):
        extra = make_service_unit(unit=personas.staff.unit)
        make_service(service_unit=unit)
        make_responses(service_unit=extra, answers=[[3] * 9] * 5)
        make_responses(
            service_unit=unit, answers=[[4] * 9] * 5, profile={"gender": "P", "age": 25 + number}
        )
    other_unit = Unit.objects.create(agency=personas.other_agency, code="u-x", name="Terminal")
    make_responses(service_unit=make_service_unit(unit=other_unit), answers=[[2] * 9] * 4)
    many = [_count(client, url) for url in urls]
    assert few == many


# --- population ------------------------------------------------------------------------------


def test_the_unit_head_sets_the_population_in_indonesian_numbers(
    client: Client, personas: Personas, unit: ServiceUnit
) -> None:
    client.force_login(personas.appraiser_superior)
    response = client.post(
        f"/skm/{unit.slug}/populasi/",
        {"year": THIS_YEAR, "population": "12.000", "note": "Register loket"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/skm/{unit.slug}/?tahun={THIS_YEAR}"
    row = ServicePopulation.objects.get(service_unit=unit, year=THIS_YEAR)
    assert (row.population, row.note) == (12000, "Register loket")
    assert AuditEvent.objects.filter(action="survey_population.set").count() == 1
    page = page_text(client.get(response["Location"]).content)
    assert "Populasi tahun" in page
    assert "sampel minimum 373 untuk populasi 12.000" in page


@pytest.mark.parametrize(
    ("population", "message"),
    [
        ("dua ribu", "Jumlah pengguna layanan: dua ribu bukan angka"),
        ("1.234,5", "Jumlah pengguna layanan: 1.234,5 tidak sah; isi bilangan bulat dari 1"),
        ("0", "Jumlah pengguna layanan: 0 tidak sah"),
        ("1e999999", "tidak sah; isi bilangan bulat dari 1 sampai 2.147.483.647"),
    ],
)
def test_a_bad_population_is_explained_and_the_other_input_kept(
    client: Client, personas: Personas, unit: ServiceUnit, population: str, message: str
) -> None:
    client.force_login(personas.agency_admin)
    response = client.post(
        f"/skm/{unit.slug}/populasi/",
        {"year": THIS_YEAR, "population": population, "note": "Register loket 2025"},
    )
    assert response.status_code == 400
    assert message in page_text(response.content)
    assert 'value="Register loket 2025"' in response.content.decode()
    assert not ServicePopulation.objects.exists()


def test_the_population_form_lists_the_years_already_set(
    client: Client, personas: Personas, unit: ServiceUnit
) -> None:
    ServicePopulation.objects.create(
        service_unit=unit, year=THIS_YEAR - 1, population=4500, note="BPS"
    )
    client.force_login(personas.agency_admin)
    text = page_text(client.get(f"/skm/{unit.slug}/populasi/").content)
    assert f"{THIS_YEAR - 1} 4.500 BPS" in text


def test_responses_outside_the_span_are_not_counted(
    client: Client, personas: Personas, unit: ServiceUnit
) -> None:
    make_responses(service_unit=unit, answers=[[1] * 9] * 7, day=date(THIS_YEAR - 1, 5, 5))
    client.force_login(personas.hr_admin)
    text = page_text(client.get(f"/skm/{unit.slug}/").content)
    assert "Responden 3" in text


# --- in Chromium -----------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [360, 1280])
def test_the_unit_report_fits_a_phone_and_a_desktop_without_sideways_scroll(
    live_server: Any, personas: Personas, browser: Any, tmp_path: Path, width: int
) -> None:
    unit = make_service_unit(unit=personas.staff.unit, name="Loket Dukcapil Balai Kota")
    service = make_service(service_unit=unit, name="Kartu Tanda Penduduk elektronik (KTP-el)")
    for month in range(1, 13):
        make_responses(
            service_unit=unit,
            service=service,
            answers=[[4, 3, 3, 4, 3, 3, 4, 2, 3], [3, 3, 2, 4, 3, 4, 4, 1, None]] * month,
            day=date(THIS_YEAR - 1, month, 10),
            profile={"gender": "P", "age": 20 + month * 3, "education": "S1"},
        )
    ServicePopulation.objects.create(service_unit=unit, year=THIS_YEAR - 1, population=12000)
    with chromium_page(browser, width=width, height=900) as page:
        page.goto(f"{live_server.url}/akun/masuk/?next=/skm/{unit.slug}/")
        page.get_by_label("NIP atau nama pengguna").fill(personas.agency_admin.username)
        page.get_by_label("Kata sandi").fill(TEST_PASSWORD)
        page.get_by_role("button", name="Masuk").click()
        page.wait_for_url(f"{live_server.url}/skm/{unit.slug}/")
        page.goto(f"{live_server.url}/skm/{unit.slug}/?tahun={THIS_YEAR - 1}")
        assert page.get_by_role("heading", name="Loket Dukcapil Balai Kota").is_visible()
        page.screenshot(path=str(tmp_path / f"laporan-unit-{width}.png"), full_page=True)
        if shots := os.environ.get("SKM_SCREENSHOTS"):
            page.screenshot(path=f"{shots}/laporan-unit-{width}.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
