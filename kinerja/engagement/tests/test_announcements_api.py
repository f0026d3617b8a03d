"""The announcements API (/api/v1/announcements/): mine with `is_read`, one, the receipt, the
read rates; the same 404 and 403 as the pages; token authentication."""

from __future__ import annotations

import pytest
from django.test import Client
from pytest_django import DjangoAssertNumQueries

from kinerja.accounts.testing import TEST_PASSWORD
from kinerja.engagement.models import AnnouncementRead, Audience
from kinerja.engagement.testing import make_announcement, make_read
from kinerja.people.testing import PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db

URL = "/api/v1/announcements/"


def test_anonymous_gets_401_or_403(client: Client) -> None:
    assert client.get(URL).status_code in (401, 403)


def test_a_token_reads_my_announcements_with_their_receipt(
    client: Client, personas: Personas
) -> None:
    read = make_announcement(title="Sudah")
    make_announcement(title="Belum", is_important=True)
    make_read(read, personas.employee)
    token = client.post(
        "/api/v1/token/", {"username": personas.employee.username, "password": TEST_PASSWORD}
    ).json()["token"]
    body = Client().get(URL, HTTP_AUTHORIZATION=f"Token {token}").json()
    assert body["count"] == 2
    assert {row["title"]: row["is_read"] for row in body["results"]} == {
        "Sudah": True,
        "Belum": False,
    }
    assert body["results"][0]["audience_label"] == "Seluruh pegawai Pemerintah Kota"


def test_one_announcement_carries_its_sanitised_html(client: Client, personas: Personas) -> None:
    item = make_announcement(body="**Tebal** [x](javascript:alert(1))")
    client.force_login(personas.employee)
    body = client.get(f"{URL}{item.pk}/").json()
    assert "<strong>Tebal</strong>" in body["body_html"]
    assert "javascript" not in body["body_html"]
    assert not AnnouncementRead.objects.exists()  # reading over the API marks nothing


def test_posting_the_receipt_is_idempotent(client: Client, personas: Personas) -> None:
    item = make_announcement()
    client.force_login(personas.employee)
    first = client.post(f"{URL}{item.pk}/read/")
    second = client.post(f"{URL}{item.pk}/read/")
    assert first.status_code == 200
    assert second.json()["is_read"] is True
    assert AnnouncementRead.objects.filter(announcement=item).count() == 1


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_an_agency_announcement_is_404_outside_its_agency(
    client: Client, personas: Personas, name: str
) -> None:
    item = make_announcement(audience=Audience.AGENCY, agency=personas.agency)
    client.force_login(personas.all()[name])
    readers = {"employee", "supervisor", "appraiser_superior", "agency_admin", "hr_admin"}
    expected = 200 if name in readers else 404
    assert client.get(f"{URL}{item.pk}/").status_code == expected
    assert client.post(f"{URL}{item.pk}/read/").status_code == expected


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_read_rates_for_bkpsdm_pimpinan_and_admin_opd_only(
    client: Client, personas: Personas, name: str
) -> None:
    item = make_announcement()
    make_read(item, personas.employee)
    client.force_login(personas.all()[name])
    response = client.get(f"{URL}{item.pk}/read-rates/")
    if name in {"hr_admin", "leader"}:
        assert response.status_code == 200
        assert response.json()["total"]["read"] == 1
    elif name in {"agency_admin", "other_admin"}:
        rows = response.json()["rows"]
        assert [row["agency_id"] for row in rows] == [personas.all()[name].agency_id]
    else:
        assert response.status_code == 403
        assert "Tingkat baca" in response.json()["detail"]


def test_the_list_costs_the_same_queries_for_2_and_20_announcements(
    client: Client, personas: Personas, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    client.force_login(personas.supervisor)
    for i in range(2):
        make_announcement(title=f"A{i}")
    with django_assert_max_num_queries(12) as few:
        client.get(URL)
    for i in range(18):
        make_announcement(title=f"B{i}", audience=Audience.UNIT, unit=personas.staff.unit)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(URL).json()["count"] == 20
