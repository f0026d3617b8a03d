"""The import pages: upload, preview, confirm, result, templates.

Personas (conftest.py): hr_admin imports for any agency; agency_admin only for `agency`;
employee, leader, auditor and outsider may not open the import pages at all.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from openpyxl import load_workbook

from kinerja.core.models import Job
from kinerja.core.testing import IMMEDIATE_TASKS
from kinerja.people.imports import (
    HEADER,
)
from kinerja.people.imports.tasks import VALIDATE_KIND
from kinerja.people.imports.testing import employee_rows, file_employees, to_csv, to_xlsx
from kinerja.people.testing import Personas

# --- the pages ------------------------------------------------------------------------------


@pytest.mark.django_db
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_an_admin_uploads_sees_every_bad_row_and_cannot_confirm(
    client: Client, personas: Personas
) -> None:
    rows = employee_rows(30, personas.agency)
    rows[3]["Golongan"] = "III/z"
    rows[20]["NIP"] = "abc"
    client.force_login(personas.hr_admin)
    response = client.post(
        "/pegawai/impor/", {"berkas": SimpleUploadedFile("pegawai.csv", to_csv(rows))}
    )
    assert response.status_code == 302
    body = client.get(response["Location"]).content.decode()
    assert 'data-row="5"' in body
    assert 'data-row="22"' in body
    assert "Ditemukan 2 kesalahan pada 2 baris dari 30" in body
    assert "simpan/" not in body
    assert file_employees() == 0


@pytest.mark.django_db
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_an_admin_confirms_a_clean_file_and_sees_what_changed(
    client: Client, personas: Personas, settings: Any
) -> None:
    client.force_login(personas.agency_admin)
    content = to_xlsx(employee_rows(12, personas.agency))
    response = client.post("/pegawai/impor/", {"berkas": SimpleUploadedFile("p.xlsx", content)})
    preview_url = response["Location"]
    body = client.get(preview_url).content.decode()
    assert "Berkas bersih: 12 baris" in body
    assert file_employees() == 0
    job = Job.objects.get(kind=VALIDATE_KIND)
    kept = list((Path(settings.MEDIA_ROOT) / "imports").iterdir())
    assert [path.name for path in kept] == [f"{job.pk}.xlsx"]  # our name, never the user's
    response = client.post(f"{preview_url}simpan/")
    assert response.status_code == 302
    body = client.get(response["Location"]).content.decode()
    assert "Tersimpan: 12 pegawai baru" in body
    assert file_employees() == 12
    # Once imported, the upload is deleted: nothing is kept that no job needs.
    assert list((Path(settings.MEDIA_ROOT) / "imports").iterdir()) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "phrase"),
    [
        ("kosong.csv", b"", "Berkas kosong"),
        ("pegawai.pdf", b"%PDF-1.4", "Berkas harus berekstensi .csv atau .xlsx; ditemukan .pdf"),
        ("besar.csv", b"x" * (10 * 1024 * 1024 + 1), "Berkas terlalu besar"),
    ],
)
def test_an_unusable_upload_gets_a_form_error_naming_the_file_field(
    client: Client, personas: Personas, name: str, content: bytes, phrase: str
) -> None:
    client.force_login(personas.hr_admin)
    response = client.post("/pegawai/impor/", {"berkas": SimpleUploadedFile(name, content)})
    assert response.status_code == 400
    assert phrase in response.content.decode()
    assert not Job.objects.exists()


@pytest.mark.django_db
def test_the_xlsx_template_has_the_headers_and_an_explanation_sheet(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.agency_admin)
    response = client.get("/pegawai/impor/templat.xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Data", "Petunjuk"]
    headers = [cell.value for cell in workbook["Data"][1]]
    assert headers == list(HEADER.values())
    explained = [row[0] for row in workbook["Petunjuk"].iter_rows(min_row=2, values_only=True)]
    assert set(HEADER.values()) <= set(explained)


@pytest.mark.django_db
def test_the_csv_template_is_one_header_line(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    response = client.get("/pegawai/impor/templat.csv")
    text = response.content.decode("utf-8-sig")
    assert text.splitlines() == [";".join(HEADER.values())]
