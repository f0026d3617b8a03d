"""The downloadable templates and the error report: real codes as examples (issue 9.6) and
formula-safe cells (issue 8.10).

Personas (conftest.py): agency_admin imports for `agency`; hr_admin for every agency.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from openpyxl import load_workbook

from kinerja.accounts.models import Role
from kinerja.accounts.testing import make_user
from kinerja.core.models import Job
from kinerja.core.testing import IMMEDIATE_TASKS
from kinerja.organization.models import Unit
from kinerja.people.imports import COLUMNS, import_template_xlsx
from kinerja.people.imports.tasks import VALIDATE_KIND
from kinerja.people.imports.testing import employee_rows, to_csv
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def examples_in(content: bytes) -> dict[str, Any]:
    guide = load_workbook(io.BytesIO(content))["Petunjuk"]
    return {str(row[0]): row[3] for row in guide.iter_rows(min_row=2, values_only=True) if row[0]}


def test_the_template_examples_are_the_admins_own_agency_and_unit_codes(
    client: Client, personas: Personas
) -> None:
    Unit.objects.create(agency=personas.agency, code="bidang-data", name="Bidang Data")
    client.force_login(personas.agency_admin)
    examples = examples_in(client.get("/pegawai/impor/templat.xlsx").content)
    assert examples["Kode Perangkat Daerah"] == personas.agency.code
    assert examples["Kode Unit"] == "bidang-data"


def test_without_agencies_the_template_keeps_the_static_examples(client: Client) -> None:
    client.force_login(make_user(username="admin.kosong", role=Role.ADMIN_BKPSDM))
    examples = examples_in(client.get("/pegawai/impor/templat.xlsx").content)
    assert examples["Kode Perangkat Daerah"] == "dinas-kependudukan"
    assert examples["Kode Unit"] == "bidang-pelayanan"


def test_the_xlsx_template_escapes_an_example_that_looks_like_a_formula() -> None:
    content = import_template_xlsx(
        examples={column.key: column.example for column in COLUMNS} | {"unit_code": "=1+1"}
    )
    assert examples_in(content)["Kode Unit"] == "'=1+1"


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_the_error_report_lists_every_bad_row_with_formulas_escaped(
    client: Client, personas: Personas
) -> None:
    rows = employee_rows(4, personas.agency)
    rows[1]["Golongan"] = "=HYPERLINK(1)"
    rows[2]["NIP"] = "@123"
    client.force_login(personas.hr_admin)
    client.post("/pegawai/impor/", {"berkas": SimpleUploadedFile("a.csv", to_csv(rows))})
    job = Job.objects.get(kind=VALIDATE_KIND)
    response = client.get(f"/pegawai/impor/{job.pk}/kesalahan.csv")
    assert response["Content-Disposition"] == 'attachment; filename="kesalahan-impor.csv"'
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Baris;Kolom;Nilai;Alasan"
    assert lines[1].startswith("3;Golongan;'=HYPERLINK(1);")
    assert lines[2].startswith("4;NIP;'@123;")
    client.force_login(personas.other_admin)
    assert client.get(f"/pegawai/impor/{job.pk}/kesalahan.csv").status_code == 404
