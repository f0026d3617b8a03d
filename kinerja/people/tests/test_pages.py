from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.core.testing import page_text
from kinerja.people.models import Employee
from kinerja.people.testing import SINCE, Personas, assign, bulk_staff, make_position

pytestmark = pytest.mark.django_db

EVERYONE = ["employee", "agency_admin", "other_admin", "hr_admin", "leader", "auditor", "outsider"]


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("employee", 403),
        ("agency_admin", 200),
        ("other_admin", 200),
        ("hr_admin", 200),
        ("leader", 200),
        ("auditor", 200),
        ("outsider", 403),
    ],
)
def test_employee_list_is_for_admins_leaders_and_auditors(
    client: Client, personas: Personas, name: str, status: int
) -> None:
    client.force_login(personas.all()[name])
    response = client.get("/pegawai/")
    assert response.status_code == status
    body = response.content.decode()
    sees_agency = name in {"agency_admin", "hr_admin", "leader", "auditor"}
    assert ("Sri Handayani" in body) is sees_agency


def test_other_admin_sees_only_own_agency_even_when_filtering_for_another(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.other_admin)
    body = client.get("/pegawai/", {"agency": personas.agency.pk}).content.decode()
    assert "Agus Wibowo" not in body
    assert "Joko Perhubungan" in body


@pytest.mark.parametrize("query", ["199001152015031002", "19900115 201503 1 002", "agus wib"])
def test_search_finds_by_nip_with_or_without_spaces_and_by_name(
    client: Client, personas: Personas, query: str
) -> None:
    client.force_login(personas.hr_admin)
    body = client.get("/pegawai/", {"q": query}).content.decode()
    assert "1 pegawai." in body
    assert "Agus Wibowo" in body


def test_filters_by_position_kind_grade_and_unit(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    body = client.get("/pegawai/", {"position_kind": "PENGAWAS"}).content.decode()
    assert "Sri Handayani" in body
    assert "Agus Wibowo" not in body
    body = client.get(
        "/pegawai/", {"unit": str(personas.staff.unit.pk), "grade": "III/a"}
    ).content.decode()
    assert "3 pegawai." in body


def test_htmx_request_gets_only_the_table(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    body = client.get("/pegawai/", HTTP_HX_REQUEST="true").content.decode()
    assert "<table" in body
    assert "<html" not in body


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("employee", 200),
        ("agency_admin", 200),
        ("other_admin", 404),
        ("hr_admin", 200),
        ("leader", 200),
        ("auditor", 200),
        ("outsider", 404),
    ],
)
def test_profile_is_for_self_own_admins_and_city_readers(
    client: Client, personas: Personas, name: str, status: int
) -> None:
    client.force_login(personas.all()[name])
    response = client.get(f"/pegawai/{personas.staff.employee.pk}/")
    assert response.status_code == status
    if status == 404:
        assert "Agus Wibowo" not in response.content.decode()


def test_my_profile_shows_the_chain_of_command(client: Client, personas: Personas) -> None:
    client.force_login(personas.employee)
    body = client.get("/pegawai/saya/").content.decode()
    assert "Profil saya: Agus Wibowo" in body
    assert "Atasan langsung" in body
    assert "Sri Handayani" in body
    assert "Dewi Kabid" in body  # the appraiser's superior


def test_head_of_agency_profile_names_the_wali_kota(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    text = page_text(client.get(f"/pegawai/{personas.staff.head.pk}/").content)
    for role in ["Atasan langsung", "Pejabat penilai kinerja", "Atasan pejabat penilai"]:
        assert f"{role} Wali Kota Surakarta" in text


def test_supervisor_sees_subordinates_on_own_profile(client: Client, personas: Personas) -> None:
    client.force_login(personas.supervisor)
    body = client.get("/pegawai/saya/").content.decode()
    assert "Bawahan (1)" in body
    assert "Agus Wibowo" in body


@pytest.mark.parametrize("name", [name for name in EVERYONE if name != "employee"])
def test_my_profile_without_employee_record_says_so(
    client: Client, personas: Personas, name: str
) -> None:
    client.force_login(personas.all()[name])
    response = client.get("/pegawai/saya/")
    assert response.status_code == 200
    assert "belum terhubung" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("employee", 404),
        ("agency_admin", 200),
        ("other_admin", 404),
        ("hr_admin", 200),
        ("leader", 200),
        ("auditor", 200),
        ("outsider", 404),
    ],
)
def test_org_chart_is_for_readers_of_the_agency(
    client: Client, personas: Personas, name: str, status: int
) -> None:
    client.force_login(personas.all()[name])
    response = client.get(f"/organisasi/{personas.agency.pk}/")
    assert response.status_code == status
    if status == 404:
        assert "Sri Handayani" not in response.content.decode()


def test_org_chart_shows_head_vacancy_and_acting_holder(client: Client, personas: Personas) -> None:
    vacant = make_position(
        agency=personas.agency, name="Kepala Seksi Pindah Datang", kind="PENGAWAS",
        supervisor=personas.staff.kabid_post, unit=personas.staff.unit,
    )  # fmt: skip
    make_position(
        agency=personas.agency, name="Kepala Seksi Kosong", kind="PENGAWAS",
        supervisor=personas.staff.kabid_post, unit=personas.staff.unit,
    )  # fmt: skip
    assign(personas.staff.supervisor, vacant, start=SINCE, acting=True)
    client.force_login(personas.hr_admin)
    body = client.get(f"/organisasi/{personas.agency.pk}/").content.decode()
    assert "Kepala perangkat daerah" in body
    assert "Bambang Kepala" in body
    assert "Lowong" in body
    assert "Plt" in body
    assert "2 lowong" in body
    assert "1 Plt" in body


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("employee", 403),
        ("agency_admin", 200),
        ("other_admin", 200),
        ("hr_admin", 200),
        ("leader", 403),
        ("auditor", 403),
        ("outsider", 403),
    ],
)
def test_add_employee_form_is_for_admins(
    client: Client, personas: Personas, name: str, status: int
) -> None:
    client.force_login(personas.all()[name])
    assert client.get("/pegawai/tambah/").status_code == status


def test_add_employee_form_shows_refusals_by_field(client: Client, personas: Personas) -> None:
    post = make_position(agency=personas.agency, supervisor=personas.staff.kasi_post)
    client.force_login(personas.agency_admin)
    data: dict[str, Any] = {
        "nip": "19950310 202001 2 004", "employment_type": "PNS", "name": "Ratna",
        "gender": "L", "birth_date": "1995-03-10", "grade": "III/a", "position": post.pk,
        "start_date": "2025-01-02",
    }  # fmt: skip
    body = client.post("/pegawai/tambah/", data).content.decode()
    assert "Jenis kelamin tidak cocok dengan NIP" in body
    response = client.post("/pegawai/tambah/", {**data, "gender": "P"})
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("employee", 403),  # may read their own profile, may not change it
        ("agency_admin", 200),
        ("other_admin", 404),
        ("hr_admin", 200),
        ("leader", 403),
        ("auditor", 403),
        ("outsider", 404),
    ],
)
def test_move_and_acting_forms_are_for_admins_of_the_agency(
    client: Client, personas: Personas, name: str, status: int
) -> None:
    client.force_login(personas.all()[name])
    assert client.get(f"/pegawai/{personas.staff.employee.pk}/mutasi/").status_code == status
    assert client.get(f"/pegawai/{personas.staff.employee.pk}/plt/").status_code == status


def test_move_form_moves_into_a_vacant_post(client: Client, personas: Personas) -> None:
    post = make_position(
        agency=personas.agency, name="Analis Data", supervisor=personas.staff.kabid_post
    )
    client.force_login(personas.agency_admin)
    data = {"position": post.pk, "start_date": "2025-07-01"}
    confirm = client.post(f"/pegawai/{personas.staff.employee.pk}/mutasi/", data)
    assert confirm.status_code == 200  # asks first, naming the post that ends
    assert "berakhir 30 Juni 2025" in confirm.content.decode()
    assert personas.staff.employee.assignments.filter(end_date__isnull=True).get().position != post
    response = client.post(
        f"/pegawai/{personas.staff.employee.pk}/mutasi/", {**data, "konfirmasi": "1"}
    )
    assert response.status_code == 302
    assert personas.staff.employee.assignments.filter(end_date__isnull=True).get().position == post


def test_ending_an_assignment_before_it_starts_shows_the_rule(
    client: Client, personas: Personas
) -> None:
    assignment = personas.staff.employee.assignments.get()
    client.force_login(personas.agency_admin)
    response = client.post(
        f"/pegawai/penugasan/{assignment.pk}/akhiri/", {"end_date": "2020-01-01"}, follow=True
    )
    assert "tidak boleh sebelum tanggal mulai" in response.content.decode()
    client.force_login(personas.other_admin)
    response = client.post(
        f"/pegawai/penugasan/{assignment.pk}/akhiri/", {"end_date": "2025-01-01"}
    )
    assert response.status_code == 404


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_list_and_chart_cost_the_same_queries_at_10_and_10000_employees(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.hr_admin)
    urls = [
        "/pegawai/",
        f"/pegawai/?agency={personas.agency.pk}",
        f"/organisasi/{personas.agency.pk}/",
    ]
    bulk_staff(
        agency=personas.agency,
        supervisor=personas.staff.kasi_post,
        unit=personas.staff.unit,
        count=5,
    )
    assert Employee.objects.count() <= 20
    small = [_queries(client, url) for url in urls]
    bulk_staff(
        agency=personas.agency,
        supervisor=personas.staff.kasi_post,
        unit=personas.staff.unit,
        count=9990,
    )
    assert Employee.objects.count() >= 10_000
    large = [_queries(client, url) for url in urls]
    assert small == large
