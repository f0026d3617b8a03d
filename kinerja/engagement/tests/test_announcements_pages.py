"""Announcement pages: who opens each (a test per persona), the form and its refusals,
publishing, the receipt from the home page, and lists that cost the same for 2 and 20 rows."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from pytest_django import DjangoAssertNumQueries

from kinerja.audit.models import AuditEvent
from kinerja.core.testing import headings, page_text
from kinerja.engagement.models import Announcement, AnnouncementRead, Audience
from kinerja.engagement.testing import make_announcement, make_read
from kinerja.people.testing import PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db

MANAGERS = {"hr_admin", "agency_admin", "other_admin"}


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_everyone_signed_in_opens_their_announcements(
    client: Client, personas: Personas, name: str
) -> None:
    make_announcement(title="Untuk semua")
    client.force_login(personas.all()[name])
    response = client.get("/pengumuman/")
    assert response.status_code == 200
    assert "Untuk semua" in page_text(response.content)
    assert "Belum dibaca" in page_text(response.content)


def test_anonymous_visitors_are_sent_to_the_login(client: Client) -> None:
    assert client.get("/pengumuman/").status_code == 302


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_only_bkpsdm_and_agency_admins_open_the_manage_page_and_the_form(
    client: Client, personas: Personas, name: str
) -> None:
    client.force_login(personas.all()[name])
    expected = 200 if name in MANAGERS else 403
    assert client.get("/pengumuman/kelola/").status_code == expected
    assert client.get("/pengumuman/baru/").status_code == expected


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_an_agency_announcement_opens_for_its_people_and_bkpsdm_only(
    client: Client, personas: Personas, name: str
) -> None:
    item = make_announcement(audience=Audience.AGENCY, agency=personas.agency)
    client.force_login(personas.all()[name])
    readers = {"employee", "supervisor", "appraiser_superior", "agency_admin", "hr_admin"}
    response = client.get(f"/pengumuman/{item.pk}/")
    assert response.status_code == (200 if name in readers else 404)


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_read_rates_open_for_bkpsdm_pimpinan_and_the_agencys_admin(
    client: Client, personas: Personas, name: str
) -> None:
    item = make_announcement()
    client.force_login(personas.all()[name])
    expected = 200 if name in {"hr_admin", "leader", "agency_admin", "other_admin"} else 403
    assert client.get(f"/pengumuman/{item.pk}/tingkat-baca/").status_code == expected


def test_the_read_rates_page_shows_each_agency_a_total_and_a_chart(
    client: Client, personas: Personas
) -> None:
    item = make_announcement()
    make_read(item, personas.employee)
    client.force_login(personas.hr_admin)
    response = client.get(f"/pengumuman/{item.pk}/tingkat-baca/")
    text = page_text(response.content)
    assert "Dinas Perhubungan" in text
    assert "Jumlah" in text
    assert b"<svg" in response.content
    assert "Tingkat baca pengumuman" in headings(response.content)


def test_opening_an_announcement_marks_it_read(client: Client, personas: Personas) -> None:
    item = make_announcement(body="Ada **rapat** <script>alert(1)</script>")
    client.force_login(personas.employee)
    response = client.get(f"/pengumuman/{item.pk}/")
    assert b"<strong>rapat</strong>" in response.content
    assert b"<script>alert" not in response.content
    assert AnnouncementRead.objects.filter(announcement=item, user=personas.employee).exists()


def test_marking_read_from_the_home_page_goes_back_home(client: Client, personas: Personas) -> None:
    item = make_announcement(title="Penting")
    client.force_login(personas.employee)
    home = client.get("/")
    assert "Penting" in page_text(home.content)
    response = client.post(f"/pengumuman/{item.pk}/baca/")
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert AnnouncementRead.objects.filter(announcement=item, user=personas.employee).exists()
    assert "Pengumuman: Penting" not in page_text(client.get("/").content)


def test_the_receipt_is_refused_outside_the_audience(client: Client, personas: Personas) -> None:
    item = make_announcement(audience=Audience.AGENCY, agency=personas.agency)
    client.force_login(personas.other_admin)
    assert client.post(f"/pengumuman/{item.pk}/baca/").status_code == 404


def _form(**fields: Any) -> dict[str, Any]:
    values = {"title": "Rapat", "body": "Isi", "audience": Audience.AGENCY, "agency": "",
              "unit": "", "role": "", "expires_on": ""}  # fmt: skip
    values.update(fields)
    return values


def test_an_agency_admin_writes_and_publishes_an_announcement_to_their_agency(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.agency_admin)
    response = client.post("/pengumuman/baru/", _form(agency=personas.agency.pk))
    item = Announcement.objects.get()
    assert response.status_code == 302
    assert item.published_at is None
    client.post(f"/pengumuman/{item.pk}/terbitkan/")
    assert Announcement.objects.get(pk=item.pk).published_at is not None
    assert AuditEvent.objects.filter(action="announcement.published").count() == 1


def test_the_form_refuses_the_city_to_an_agency_admin_and_names_the_field(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.agency_admin)
    response = client.post("/pengumuman/baru/", _form(audience=Audience.CITY))
    assert response.status_code == 400
    response = client.post("/pengumuman/baru/", _form())
    assert response.status_code == 400
    assert "harus menyebut perangkat daerahnya" in page_text(response.content)
    assert not Announcement.objects.exists()


def test_another_agencys_admin_cannot_edit_or_publish(client: Client, personas: Personas) -> None:
    item = make_announcement(audience=Audience.AGENCY, agency=personas.agency, published=False)
    client.force_login(personas.other_admin)
    assert client.get(f"/pengumuman/{item.pk}/ubah/").status_code == 404
    assert client.post(f"/pengumuman/{item.pk}/terbitkan/").status_code == 404


def test_bkpsdm_edits_a_published_announcement(client: Client, personas: Personas) -> None:
    item = make_announcement(title="Lama")
    client.force_login(personas.hr_admin)
    response = client.post(
        f"/pengumuman/{item.pk}/ubah/", _form(title="Baru", audience=Audience.CITY)
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Baru"


def test_the_manage_page_shows_state_audience_and_read_rate(
    client: Client, personas: Personas
) -> None:
    item = make_announcement(title="Terbit", audience=Audience.AGENCY, agency=personas.agency)
    make_read(item, personas.employee)
    make_announcement(title="Masih draf", published=False)
    client.force_login(personas.hr_admin)
    text = page_text(client.get("/pengumuman/kelola/").content)
    assert "Masih draf" in text
    assert "Draf" in text
    assert "1 dari 4 (25,0%)" in text
    client.force_login(personas.other_admin)
    assert "Terbit" not in page_text(client.get("/pengumuman/kelola/").content)


def test_my_list_costs_the_same_queries_for_2_and_20_announcements(
    client: Client, personas: Personas, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    client.force_login(personas.employee)
    for i in range(2):
        make_announcement(title=f"A{i}")
    client.get("/pengumuman/")
    with django_assert_max_num_queries(20) as few:
        client.get("/pengumuman/")
    for i in range(18):
        make_read(make_announcement(title=f"B{i}"), personas.employee)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/pengumuman/")


def test_the_manage_page_costs_the_same_queries_for_2_and_20_announcements(
    client: Client, personas: Personas, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    client.force_login(personas.agency_admin)
    for i in range(2):
        make_announcement(title=f"A{i}", audience=Audience.AGENCY, agency=personas.agency)
    client.get("/pengumuman/kelola/")
    with django_assert_max_num_queries(20) as few:
        client.get("/pengumuman/kelola/")
    for i in range(18):
        make_announcement(title=f"B{i}", audience=Audience.AGENCY, agency=personas.agency)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/pengumuman/kelola/")
