"""Who may import what: admins only, each in their own agency; a preview is its owner's.

Personas (conftest.py): hr_admin imports for any agency; agency_admin only for `agency`;
employee, leader, auditor and outsider may not open the import pages at all.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from kinerja.core.jobs import job_create
from kinerja.core.models import Job
from kinerja.core.testing import IMMEDIATE_TASKS, page_text
from kinerja.people.imports.tasks import VALIDATE_KIND, employee_import_validation_start
from kinerja.people.imports.testing import (
    employee_rows,
    file_employees,
    only_error,
    to_csv,
    validate,
)
from kinerja.people.testing import Personas, assign, make_employee, make_position

# --- who may import what --------------------------------------------------------------------


@pytest.mark.django_db
def test_an_agency_admin_gets_a_row_error_for_each_row_of_another_agency(
    personas: Personas,
) -> None:
    rows = employee_rows(6, personas.agency)
    rows[4]["Kode Perangkat Daerah"] = personas.other_agency.code
    rows[4]["Jabatan Atasan"] = ""
    report = validate(personas.agency_admin, rows)
    assert [(e.row, e.column, e.reason) for e in report.errors] == [
        (6, "Kode Perangkat Daerah", "Anda hanya boleh mengimpor pegawai Perangkat Daerah Anda.")
    ]
    rows[4]["Kode Perangkat Daerah"] = personas.agency.code
    assert validate(personas.agency_admin, rows).errors == []


@pytest.mark.django_db
def test_an_agency_admin_may_not_change_an_employee_of_another_agency(
    personas: Personas,
) -> None:
    post = make_position(agency=personas.other_agency, name="Analis Lalu Lintas")
    rows = employee_rows(3, personas.agency)
    employee = make_employee(nip=rows[2]["NIP"].replace(" ", ""))
    assign(employee, post, start=date(2019, 1, 1))
    got_row, column, reason = only_error(validate(personas.agency_admin, rows))
    assert (got_row, column) == (4, "NIP")
    assert "Perangkat Daerah lain" in reason


PAGES = ["/pegawai/impor/", "/pegawai/impor/templat.xlsx", "/pegawai/impor/templat.csv"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["employee", "leader", "auditor", "outsider"])
@pytest.mark.parametrize("url", PAGES)
def test_the_import_pages_are_forbidden_to_everyone_but_admins(
    client: Client, personas: Personas, name: str, url: str
) -> None:
    client.force_login(personas.all()[name])
    response = client.get(url)
    assert response.status_code == 403
    # The refusal page, not a template file with its NIP header.
    assert response["Content-Type"].startswith("text/html")
    assert not response.has_header("Content-Disposition")
    assert "Akses ditolak" in page_text(response.content)
    response = client.post("/pegawai/impor/", {"berkas": SimpleUploadedFile("a.csv", b"NIP\n")})
    assert response.status_code == 403
    assert not Job.objects.exists()


@pytest.mark.django_db
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_someone_elses_preview_does_not_exist(client: Client, personas: Personas) -> None:
    job = employee_import_validation_start(
        actor=personas.agency_admin,
        content=to_csv(employee_rows(3, personas.agency)),
        file_name="rahasia.csv",
    )
    for name in ("hr_admin", "other_admin"):
        client.force_login(personas.all()[name])
        response = client.get(f"/pegawai/impor/{job.pk}/")
        assert response.status_code == 404
        assert b"rahasia.csv" not in response.content
        response = client.post(f"/pegawai/impor/{job.pk}/simpan/")
        assert response.status_code == 404
    assert file_employees() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["employee", "leader", "auditor", "outsider"])
def test_the_error_report_and_result_of_a_job_are_forbidden_to_everyone_but_admins(
    client: Client, personas: Personas, name: str
) -> None:
    job = job_create(owner=personas.all()[name], kind=VALIDATE_KIND, title="Impor")
    client.force_login(personas.all()[name])
    for url in (
        f"/pegawai/impor/{job.pk}/",
        f"/pegawai/impor/{job.pk}/kesalahan.csv",
        f"/pegawai/impor/hasil/{job.pk}/",
    ):
        assert client.get(url).status_code == 403
