from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.accounts.services import user_create
from kinerja.core.testing import page_text
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def add_events(personas: Personas, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        user_create(actor=personas.hr_admin, username=f"pegawai.{i}", full_name=f"Pegawai {i}")


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("auditor", 200),
        ("hr_admin", 403),
        ("leader", 403),
        ("agency_admin", 403),
        ("employee", 403),
        ("outsider", 403),
    ],
)
def test_audit_page_is_for_the_inspektorat_only(
    client: Client, personas: Personas, name: str, status: int
) -> None:
    add_events(personas, 2)
    client.force_login(personas.all()[name])
    response = client.get("/audit/")
    assert response.status_code == status
    if status == 403:
        text = page_text(response.content)
        assert "Akses ditolak" in text
        assert "Pegawai 0" not in text
        assert "Pegawai 1" not in text


def test_audit_page_filters_by_actor_action_object_and_dates(
    client: Client, personas: Personas
) -> None:
    add_events(personas, 3)
    client.force_login(personas.auditor)
    body = client.get(
        "/audit/", {"action": "user.created", "actor": "admin.bkpsdm"}
    ).content.decode()
    assert "3 peristiwa" in body
    body = client.get(
        "/audit/", {"object_type": "accounts.User", "object_id": "999999"}
    ).content.decode()
    assert "Tidak ada peristiwa" in body
    body = client.get(
        "/audit/", {"date_from": "2000-01-01", "date_to": "2000-01-02"}
    ).content.decode()
    assert "0 peristiwa" in body


def test_bad_date_filter_says_what_is_accepted(client: Client, personas: Personas) -> None:
    client.force_login(personas.auditor)
    body = client.get("/audit/", {"date_from": "kemarin"}).content.decode()
    assert "Dari tanggal: kemarin bukan tanggal yang dikenal" in body
    assert "HH-BB-TTTT" in body
    body = client.get(
        "/audit/", {"date_from": "2026-11-10", "date_to": "2026-11-01"}
    ).content.decode()
    assert "tidak boleh sebelum" in body


def test_audit_page_has_a_chart_without_scripts(client: Client, personas: Personas) -> None:
    client.force_login(personas.auditor)
    body = client.get("/audit/").content.decode()
    assert "<svg" in body
    assert "Peristiwa audit per hari" in body


def test_htmx_request_gets_only_the_table_fragment(client: Client, personas: Personas) -> None:
    add_events(personas, 1)
    client.force_login(personas.auditor)
    body = client.get("/audit/", HTTP_HX_REQUEST="true").content.decode()
    assert "<table" in body
    assert "<html" not in body


def queries_for_audit_page(client: Client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/audit/").status_code == 200
    return len(ctx.captured_queries)


def test_audit_page_costs_the_same_queries_for_10_and_120_events(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.auditor)
    add_events(personas, 10)
    small = queries_for_audit_page(client)
    add_events(personas, 110, start=10)
    assert queries_for_audit_page(client) == small
