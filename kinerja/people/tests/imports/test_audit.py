"""Audit of imports (issue 8.5): the applied import records, per changed employee, the values
before and after, who confirmed it and from which address, also when a worker applies it.

Personas (conftest.py): hr_admin imports; auditor reads the audit trail.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from kinerja.audit.models import AuditEvent
from kinerja.core.jobs import job_create
from kinerja.core.testing import IMMEDIATE_TASKS
from kinerja.people.imports import employee_import_apply, import_file_store
from kinerja.people.imports.tasks import APPLY_KIND, employee_import_apply_task
from kinerja.people.imports.testing import employee_rows, to_csv
from kinerja.people.testing import Personas

OFFICE = "203.0.113.7"


def applied_event() -> AuditEvent:
    return AuditEvent.objects.filter(action="employee_import.applied").latest("id")


@pytest.mark.django_db
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_an_import_that_renames_an_employee_shows_old_and_new_name_who_and_from_where(
    client: Client, personas: Personas
) -> None:
    rows = employee_rows(5, personas.agency)
    employee_import_apply(actor=personas.hr_admin, content=to_csv(rows), file_name="a.csv")
    nip = rows[3]["NIP"].replace(" ", "")
    old_name = rows[3]["Nama"]
    rows[3]["Nama"] = "Sekar Ayu Nirmala"

    client.force_login(personas.hr_admin)
    upload = SimpleUploadedFile("ganti-nama.csv", to_csv(rows))
    response = client.post("/pegawai/impor/", {"berkas": upload}, REMOTE_ADDR=OFFICE)
    client.post(f"{response['Location']}simpan/", REMOTE_ADDR=OFFICE)

    event = applied_event()
    before: dict[str, Any] = event.before or {}
    after: dict[str, Any] = event.after or {}
    assert before["employees"] == {nip: {"name": old_name}}
    assert after["employees"] == {nip: {"name": "Sekar Ayu Nirmala"}}
    assert after["updated_nips"] == [nip]
    assert event.actor_id == personas.hr_admin.pk
    assert event.client_ip == OFFICE

    client.force_login(personas.auditor)
    trail = client.get("/audit/", {"action": "employee_import.applied"}).content.decode()
    assert old_name in trail
    assert "Sekar Ayu Nirmala" in trail
    assert OFFICE in trail


@pytest.mark.django_db
def test_a_worker_applying_the_import_records_the_address_of_whoever_confirmed_it(
    personas: Personas,
) -> None:
    content = to_csv(employee_rows(3, personas.agency))
    job = job_create(owner=personas.hr_admin, kind=APPLY_KIND, title="Impor")
    stored = import_file_store(chunks=[content], file_name="a.csv", stored_name=str(job.pk))
    # Outside any request, as in the worker: only the origin the job carries knows the address.
    employee_import_apply_task.call(
        job_id=str(job.pk),
        origin={"request_id": "permintaan-uji-1", "client_ip": OFFICE},
        actor_id=personas.hr_admin.pk,
        file=asdict(stored),
        validation_job_id=str(job.pk),
    )
    event = applied_event()
    assert event.client_ip == OFFICE
    assert event.request_id == "permintaan-uji-1"
    assert len((event.after or {})["created_nips"]) == 3
