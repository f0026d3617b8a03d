"""The uploaded file: bounded reading through the import, early refusal of an oversized upload,
and uploads that do not pile up (issue 8.9).

Personas (conftest.py): hr_admin and agency_admin import.
"""

from __future__ import annotations

import io
import os
import time
import zipfile
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client, override_settings

from kinerja.core.models import Job
from kinerja.core.testing import IMMEDIATE_TASKS
from kinerja.people.imports import (
    employee_import_validate,
    import_file_store,
    import_storage_dir,
    import_uploads_purge,
)
from kinerja.people.imports import files as import_files
from kinerja.people.imports.tasks import VALIDATE_KIND, import_uploads_purge_task
from kinerja.people.imports.testing import employee_rows, to_csv, to_xlsx
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def forged(content: bytes) -> bytes:
    """The same workbook claiming the largest sheet Excel allows, with a far-away cell."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            part = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                text = part.decode()
                text = text.replace("<dimension ref=", '<dimension ref="A1:XFD1048576" old=', 1)
                text = text.replace(
                    "</row>", '<c r="XFD1" t="inlineStr"><is><t>jauh</t></is></c></row>', 1
                )
                part = text.encode()
            target.writestr(name, part)
    return buffer.getvalue()


def test_an_xlsx_with_a_forged_sheet_dimension_imports_like_the_honest_one(
    personas: Personas,
) -> None:
    content = forged(to_xlsx(employee_rows(5, personas.agency)))
    report = employee_import_validate(actor=personas.hr_admin, content=content, file_name="a.xlsx")
    assert report.errors == []
    assert report.counts.employees_created == 5


def test_a_file_over_the_row_limit_is_reported_as_one_clear_error(
    personas: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_files, "MAX_ROWS", 4)
    with pytest.raises(import_files.ImportFileError, match="lebih dari 4 baris data"):
        employee_import_validate(
            actor=personas.hr_admin,
            content=to_csv(employee_rows(5, personas.agency)),
            file_name="a.csv",
        )


def test_the_upload_page_states_the_row_limit(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    assert "paling banyak 50.000 baris data" in client.get("/pegawai/impor/").content.decode()


def test_an_oversized_upload_is_refused_on_its_declared_size_before_reading_it(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.hr_admin)
    response = client.post(
        "/pegawai/impor/",
        {"berkas": SimpleUploadedFile("a.csv", b"NIP\n")},
        CONTENT_LENGTH=str(50 * 1024 * 1024),
    )
    assert response.status_code == 400
    assert "Berkas terlalu besar (50,0 MB); paling besar 10 MB" in response.content.decode()
    assert not Job.objects.exists()


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_a_file_with_errors_is_deleted_once_checked(client: Client, personas: Personas) -> None:
    rows = employee_rows(3, personas.agency)
    rows[1]["Golongan"] = "Z"
    client.force_login(personas.hr_admin)
    client.post("/pegawai/impor/", {"berkas": SimpleUploadedFile("a.csv", to_csv(rows))})
    assert Job.objects.get(kind=VALIDATE_KIND).result["clean"] is False
    assert list(import_storage_dir().iterdir()) == []


def test_uploads_older_than_the_retention_period_are_purged(settings: Any) -> None:
    settings.IMPORT_RETENTION_HOURS = 24
    old = import_file_store(chunks=[b"NIP\n"], file_name="lama.csv", stored_name="lama")
    new = import_file_store(chunks=[b"NIP\n"], file_name="baru.csv", stored_name="baru")
    two_days_ago = time.time() - 48 * 3600
    os.utime(old.path, (two_days_ago, two_days_ago))

    assert import_uploads_purge() == 1
    assert not old.path.exists()
    assert new.path.exists()


def test_the_purge_task_runs_without_arguments_and_is_scheduled_hourly() -> None:
    old = import_file_store(chunks=[b"NIP\n"], file_name="lama.csv", stored_name="lama")
    os.utime(old.path, (0, 0))
    assert import_uploads_purge_task.call() == 1
    path = "kinerja.people.imports.tasks.import_uploads_purge_task"
    assert django_settings.PERIODIC_TASKS[path] == 3600
    assert import_uploads_purge_task.module_path == path


def test_the_purge_command_reports_how_many_files_it_deleted() -> None:
    old = import_file_store(chunks=[b"NIP\n"], file_name="lama.csv", stored_name="lama")
    os.utime(old.path, (0, 0))
    out = io.StringIO()
    call_command("import_uploads_purge", stdout=out)
    assert "1 berkas impor dihapus" in out.getvalue()
