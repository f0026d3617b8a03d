"""The audit trail reads as Indonesian: actions, objects, and before/after field by field."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.audit.services import audit_record
from kinerja.people.services import assignment_end, employee_move, employee_update
from kinerja.people.testing import Personas, make_position

pytestmark = pytest.mark.django_db


def audit_page(client: Client, **params: str) -> str:
    response = client.get("/audit/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_a_move_reads_pegawai_dipindahkan_on_the_assignment_by_name(
    client: Client, personas: Personas
) -> None:
    post = make_position(
        agency=personas.agency, name="Analis Data", supervisor=personas.staff.kabid_post
    )
    employee_move(
        actor=personas.agency_admin, employee=personas.staff.employee, position=post,
        start_date=date(2025, 7, 1),
    )  # fmt: skip
    client.force_login(personas.auditor)
    body = audit_page(client)
    assert "<strong>Pegawai dipindahkan</strong>" in body
    assert "Penugasan Agus Wibowo — Analis Data" in body
    assert "<strong>Penugasan diakhiri</strong>" in body


def test_before_and_after_are_a_field_table_with_labels_and_formatted_values(
    client: Client, personas: Personas
) -> None:
    employee_update(actor=personas.agency_admin, employee=personas.staff.employee, grade="III/b")
    assignment = personas.staff.employee.assignments.get()
    assignment_end(actor=personas.agency_admin, assignment=assignment, end_date=date(2025, 6, 30))
    client.force_login(personas.auditor)
    body = audit_page(client)
    assert "Data pegawai diubah" in body
    assert "Golongan" in body
    assert '<td data-label="Sebelum">III/a</td>' in body
    assert "<strong>III/b</strong>" in body
    assert "(1 kolom berubah)" in body
    assert "Tanggal lahir" in body
    assert "15 Januari 1990" in body  # dates the Indonesian way
    assert ">Aktif<" in body  # a choice by its label, not ACTIVE
    assert ">Pengolah Data<" in body  # a referenced post by its name, not its id
    assert "30 Juni 2025" in body
    assert "employee.updated" in body  # the code stays available to the auditor


def test_unknown_actions_fall_back_to_readable_words(client: Client, personas: Personas) -> None:
    with transaction.atomic():
        audit_record(actor=None, action="api_token.revoked", after={"token_name": "sipd"})
        audit_record(actor=None, action="widget.frobnicated")
    client.force_login(personas.auditor)
    body = audit_page(client)
    assert "<strong>Token API dicabut</strong>" in body
    assert "<strong>Widget frobnicated</strong>" in body
    assert "Token name" in body


def test_filter_by_action_is_a_list_of_indonesian_labels(
    client: Client, personas: Personas
) -> None:
    employee_update(actor=personas.agency_admin, employee=personas.staff.employee, grade="III/b")
    employee_update(actor=personas.agency_admin, employee=personas.staff.employee, name="Agus W.")
    client.force_login(personas.auditor)
    body = audit_page(client)
    assert '<option value="employee.updated">Data pegawai diubah</option>' in body
    assert '<option value="employee.">Pegawai: semua tindakan</option>' in body
    assert '<option value="people.Employee">Pegawai</option>' in body
    assert "2 peristiwa" in audit_page(client, action="employee.updated")
    assert "2 peristiwa" in audit_page(client, action="employee.")
    body = audit_page(client, action="tidak.ada")
    assert "Tindakan tidak.ada tidak ada; pilih dari daftar." in body


def _queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/audit/").status_code == 200
    return len(ctx.captured_queries)


def test_readable_page_costs_the_same_queries_for_few_and_many_events(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.auditor)

    def move(i: int) -> None:
        post = make_position(agency=personas.agency, name=f"Analis {i}")
        employee_move(
            actor=personas.agency_admin, employee=personas.staff.employee, position=post,
            start_date=date(2025, 1, 1 + i),
        )  # fmt: skip

    move(0)
    few = _queries(client)
    for i in range(1, 25):
        move(i)
    assert _queries(client) == few


def test_a_snapshot_key_named_like_a_reverse_relation_reads_as_a_plain_value(
    client: Client, personas: Personas
) -> None:
    # Employee has the reverse relation "assignments"; a service may still store a count under it.
    with transaction.atomic():
        audit_record(
            actor=personas.hr_admin,
            action="employee.updated",
            obj=personas.staff.employee,
            after={"assignments": 3},
        )
    client.force_login(personas.auditor)
    body = audit_page(client)
    assert "Data pegawai diubah" in body
    assert ">3<" in body


def test_an_id_in_a_snapshot_reads_as_digits_and_a_count_with_a_thousands_dot(
    client: Client, personas: Personas
) -> None:
    with transaction.atomic():
        audit_record(
            actor=personas.hr_admin,
            action="employee.updated",
            obj=personas.staff.employee,
            after={"subject_id": 4321, "rows": 12345},
        )
    client.force_login(personas.auditor)
    body = audit_page(client)
    assert ">4321<" in body
    assert ">12.345<" in body
