"""The home page ("Tugas saya") tells each role what the system holds for them today."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from kinerja.people.testing import Personas, assign, make_employee, make_position

pytestmark = pytest.mark.django_db


def home(client: Client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_employee_home_says_plans_are_not_open_instead_of_nothing_to_do(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.employee)
    body = home(client)
    assert "Tidak ada tugas yang menunggu" not in body
    assert "alert-success" not in body
    assert "Belum dibuka pada periode ini" in body
    assert "Penyusunan SKP belum dibuka" in body
    assert "Pengolah Data, Bidang Pelayanan" in body  # what the system holds: their post


@pytest.mark.parametrize(
    ("name", "sees", "does_not_see"),
    [
        ("leader", ["Predikat kinerja organisasi", "Perangkat daerah", "pegawai aktif"],
         ["Periksa jejak audit", "Pemantauan kelengkapan SKP"]),
        ("auditor", ["Periksa jejak audit", "Pemeriksaan hasil evaluasi", "Perangkat daerah"],
         ["Predikat kinerja organisasi"]),
        ("hr_admin", ["Periode penilaian", "jabatan lowong", "Perangkat daerah"],
         ["Periksa jejak audit"]),
        ("agency_admin", ["Struktur organisasi", "Dinas Kependudukan", "jabatan lowong",
                          "Pemantauan kelengkapan SKP"], ["Predikat kinerja organisasi"]),
        ("outsider", ["Akun belum terhubung ke data pegawai"],
         ["Perangkat daerah", "Profil saya", "Periksa jejak audit"]),
    ],
)  # fmt: skip
def test_each_role_sees_the_home_cards_of_its_role(
    client: Client,
    personas: Personas,
    name: str,
    sees: list[str],
    does_not_see: list[str],
) -> None:
    client.force_login(personas.all()[name])
    body = home(client)
    for text in sees:
        assert text in body, text
    for text in does_not_see:
        assert text not in body, text


@pytest.mark.parametrize(
    ("name", "linked"),
    [("employee", True), ("agency_admin", False), ("hr_admin", False), ("leader", False),
     ("auditor", False), ("outsider", False)],
)  # fmt: skip
def test_my_profile_is_offered_only_to_accounts_linked_to_an_employee(
    client: Client, personas: Personas, name: str, linked: bool
) -> None:
    client.force_login(personas.all()[name])
    body = home(client)
    assert ('href="/pegawai/saya/"' in body) is linked


def test_supervisor_home_offers_my_team_with_its_size(client: Client, personas: Personas) -> None:
    client.force_login(personas.supervisor)
    body = home(client)
    assert "Tim saya" in body
    assert "1 bawahan per hari ini" in body
    assert 'href="/pegawai/tim-saya/"' in body
    assert "Persetujuan SKP bawahan" in body


def test_employee_without_subordinates_gets_no_team_card(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.employee)
    body = home(client)
    assert "/pegawai/tim-saya/" not in body
    assert "Persetujuan SKP bawahan" not in body


def test_employee_whose_post_starts_later_reads_the_start_date(
    client: Client, personas: Personas
) -> None:
    post = make_position(agency=personas.agency, name="Analis Kebijakan")
    employee = make_employee(name="Rina Baru", user=personas.outsider)
    assign(employee, post, start=date(2099, 1, 2))
    client.force_login(personas.outsider)
    body = home(client)
    assert "Analis Kebijakan — Dinas Kependudukan" in body
    assert "mulai 2 Januari 2099" in body


def test_employee_list_says_when_a_future_post_starts_instead_of_a_dash(
    client: Client, personas: Personas
) -> None:
    post = make_position(agency=personas.agency, name="Analis Kebijakan")
    assign(make_employee(name="Rina Baru"), post, start=date(2027, 1, 2))
    client.force_login(personas.agency_admin)
    body = client.get("/pegawai/").content.decode()
    assert "Rina Baru" in body
    assert "mulai 2 Jan 2027" in body
