"""Admin flows without dead ends: a new post on the spot, confirmations, the agency list."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.organization.models import Unit
from kinerja.organization.testing import make_agency
from kinerja.people.models import Employee
from kinerja.people.testing import Personas, make_position

pytestmark = pytest.mark.django_db

RATNA: dict[str, Any] = {
    "nip": "19950310 202001 2 004", "employment_type": "PNS", "name": "Ratna Lestari",
    "gender": "P", "birth_date": "1995-03-10", "grade": "III/a", "start_date": "2025-01-02",
}  # fmt: skip


def test_add_form_without_vacancy_offers_a_new_post_under_the_agency_tree(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.agency_admin)
    body = client.get("/pegawai/tambah/").content.decode()
    assert "Belum ada jabatan lowong" in body
    assert "Buat jabatan baru di sini" in body
    assert "Kepala Seksi Identitas — Sri Handayani" in body
    assert "Kepala Dinas Perhubungan" not in body  # another agency's tree is not offered


def test_admin_opd_adds_an_employee_into_a_new_post_in_one_submit(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.agency_admin)
    response = client.post(
        "/pegawai/tambah/",
        {**RATNA, "new_post_name": "Analis Data", "new_post_kind": "PELAKSANA",
         "new_post_supervisor": personas.staff.kasi_post.pk},
    )  # fmt: skip
    assert response.status_code == 302
    post = Employee.objects.get(name="Ratna Lestari").assignments.get().position
    assert (post.name, post.supervisor, post.unit) == (
        "Analis Data",
        personas.staff.kasi_post,
        personas.staff.unit,
    )


@pytest.mark.parametrize(
    ("extra", "says"),
    [
        ({}, "Jabatan wajib dipilih. Pilih jabatan lowong, atau isi nama jabatan baru"),
        ({"new_post_name": "Analis Data", "new_post_kind": "PELAKSANA"},
         "Jabatan atasan wajib dipilih untuk jabatan baru."),
    ],
)  # fmt: skip
def test_add_form_says_what_is_missing_for_the_post(
    client: Client, personas: Personas, extra: dict[str, str], says: str
) -> None:
    client.force_login(personas.agency_admin)
    response = client.post("/pegawai/tambah/", {**RATNA, **extra})
    assert response.status_code == 200
    assert says in response.content.decode()
    assert not Employee.objects.filter(name="Ratna Lestari").exists()


def test_move_form_shows_the_current_post_and_offers_a_new_post(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.agency_admin)
    body = client.get(f"/pegawai/{personas.staff.employee.pk}/mutasi/").content.decode()
    assert "Jabatan sekarang: <strong>Pengolah Data</strong>, Bidang Pelayanan" in body
    assert "sejak 2 Januari 2024" in body
    assert "Buat jabatan baru di sini" in body


def test_moving_into_a_new_post_asks_first_then_moves(client: Client, personas: Personas) -> None:
    client.force_login(personas.agency_admin)
    url = f"/pegawai/{personas.staff.employee.pk}/mutasi/"
    data = {
        "new_post_name": "Analis Kebijakan",
        "new_post_kind": "PELAKSANA",
        "new_post_supervisor": personas.staff.kabid_post.pk,
        "start_date": "2025-07-01",
    }
    body = client.post(url, data).content.decode()
    assert "Konfirmasi mutasi Agus Wibowo" in body
    assert "Analis Kebijakan" in body
    assert "jabatan baru" in body
    assert "berakhir 30 Juni 2025" in body
    assert not personas.staff.employee.assignments.filter(
        position__name="Analis Kebijakan"
    ).exists()
    assert client.post(url, {**data, "ubah": "1"}).status_code == 200  # back to the form
    assert client.post(url, {**data, "konfirmasi": "1"}).status_code == 302
    current = personas.staff.employee.assignments.get(end_date__isnull=True)
    assert current.position.name == "Analis Kebijakan"


@pytest.mark.parametrize(
    ("name", "status"),
    [("employee", 404), ("agency_admin", 200), ("other_admin", 404), ("hr_admin", 200),
     ("leader", 404), ("auditor", 404), ("outsider", 404)],
)  # fmt: skip
def test_ending_an_assignment_asks_first_naming_the_post_for_its_admins_only(
    client: Client, personas: Personas, name: str, status: int
) -> None:
    assignment = personas.staff.employee.assignments.get()
    client.force_login(personas.all()[name])
    response = client.get(f"/pegawai/penugasan/{assignment.pk}/akhiri/")
    assert response.status_code == status
    body = response.content.decode()
    if status == 200:
        assert "Akhiri penugasan?" in body
        assert "Pengolah Data, Bidang Pelayanan" in body
        assert "2 Januari 2024" in body
        assert "Ya, akhiri penugasan" in body
    else:
        assert "Pengolah Data" not in body
    assignment.refresh_from_db()
    assert assignment.end_date is None


def test_confirmed_end_closes_the_assignment(client: Client, personas: Personas) -> None:
    assignment = personas.staff.employee.assignments.get()
    client.force_login(personas.agency_admin)
    profile = client.get(f"/pegawai/{personas.staff.employee.pk}/").content.decode()
    assert f'href="/pegawai/penugasan/{assignment.pk}/akhiri/"' in profile
    response = client.post(
        f"/pegawai/penugasan/{assignment.pk}/akhiri/", {"end_date": "2025-12-31"}
    )
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert str(assignment.end_date) == "2025-12-31"


# --- agency list --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "status", "sees_agency", "sees_other"),
    [
        ("employee", 403, False, False),
        ("agency_admin", 200, True, False),
        ("other_admin", 200, False, True),
        ("hr_admin", 200, True, True),
        ("leader", 200, True, True),
        ("auditor", 200, True, True),
        ("outsider", 403, False, False),
    ],
)
def test_agency_list_is_for_admins_leaders_and_auditors(
    client: Client,
    personas: Personas,
    name: str,
    status: int,
    sees_agency: bool,
    sees_other: bool,
) -> None:
    client.force_login(personas.all()[name])
    response = client.get("/organisasi/")
    assert response.status_code == status
    body = response.content.decode()
    assert ("Dinas Kependudukan dan Pencatatan Sipil" in body) is sees_agency
    assert ("Dinas Perhubungan" in body) is sees_other


def test_agency_list_shows_code_units_and_employees(client: Client, personas: Personas) -> None:
    client.force_login(personas.agency_admin)
    body = client.get("/organisasi/").content.decode()
    assert personas.agency.code in body
    assert '<td class="k-num" data-label="Unit kerja">1</td>' in body  # Bidang Pelayanan
    assert ">4</a>" in body  # four employees hold a post there today
    assert f'href="/organisasi/{personas.agency.pk}/"' in body
    assert f'href="/pegawai/?agency={personas.agency.pk}"' in body


def test_agency_list_searches_names_and_codes(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    for query, found, not_found in [
        ("kependudukan", "Dinas Kependudukan", "Dinas Perhubungan"),
        ("PERHUB", "Dinas Perhubungan", "Dinas Kependudukan"),
        (personas.other_agency.code, "Dinas Perhubungan", "Dinas Kependudukan"),
    ]:
        body = client.get("/organisasi/", {"q": query}, HTTP_HX_REQUEST="true").content.decode()
        assert "<html" not in body
        assert "1 perangkat daerah" in body
        assert found in body
        assert not_found not in body


def test_agency_search_without_match_says_what_to_try(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    body = client.get("/organisasi/", {"q": "zzz"}).content.decode()
    assert "Tidak ada perangkat daerah yang cocok" in body
    assert "Coba sebagian nama" in body


def _queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/organisasi/").status_code == 200
    return len(ctx.captured_queries)


def test_agency_list_costs_the_same_queries_for_2_and_40_agencies(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.hr_admin)
    small = _queries(client)
    for _ in range(38):
        agency = make_agency()
        Unit.objects.create(agency=agency, code="sekretariat", name="Sekretariat")
        make_position(agency=agency)
    assert _queries(client) == small
