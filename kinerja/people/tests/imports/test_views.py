"""The import pages follow the one job pattern: the core progress fragment, one poll per page,
a page that refreshes itself without JavaScript; the result links to the people it touched.

Personas (conftest.py): hr_admin imports.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from kinerja.core.jobs import job_create
from kinerja.core.testing import IMMEDIATE_TASKS
from kinerja.people.imports.tasks import APPLY_KIND, VALIDATE_KIND
from kinerja.people.imports.testing import employee_rows, to_csv
from kinerja.people.models import Employee
from kinerja.people.testing import Personas, make_employee

pytestmark = pytest.mark.django_db

NO_SCRIPT_REFRESH = '<noscript><meta http-equiv="refresh" content="2">'


@pytest.mark.parametrize(
    ("kind", "url", "target"),
    [
        (VALIDATE_KIND, "/pegawai/impor/{}/", "#pratinjau-impor"),
        (APPLY_KIND, "/pegawai/impor/hasil/{}/", "#hasil-impor"),
    ],
)
def test_a_running_import_page_polls_once_and_refreshes_without_javascript(
    client: Client, personas: Personas, kind: str, url: str, target: str
) -> None:
    job = job_create(owner=personas.hr_admin, kind=kind, title="Impor uji")
    client.force_login(personas.hr_admin)
    page = client.get(url.format(job.pk)).content.decode()
    assert page.count('hx-trigger="every 1s"') == 1
    assert f'hx-get="{url.format(job.pk)}"' in page
    assert f'hx-target="{target}"' in page
    assert NO_SCRIPT_REFRESH in page
    fragment = client.get(url.format(job.pk), HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in fragment
    assert fragment.count("hx-get=") == 1


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_a_finished_import_page_stops_polling(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    upload = SimpleUploadedFile("a.csv", to_csv(employee_rows(3, personas.agency)))
    preview = client.get(client.post("/pegawai/impor/", {"berkas": upload})["Location"])
    body = preview.content.decode()
    assert 'hx-trigger="every' not in body
    assert NO_SCRIPT_REFRESH not in body


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_the_result_page_links_to_the_people_created_and_changed(
    client: Client, personas: Personas
) -> None:
    rows = employee_rows(4, personas.agency)
    changed = make_employee(nip=rows[1]["NIP"].replace(" ", ""), name="Nama Lama")
    client.force_login(personas.hr_admin)
    upload = SimpleUploadedFile("a.csv", to_csv(rows))
    preview_url = client.post("/pegawai/impor/", {"berkas": upload})["Location"]
    result = client.get(client.post(f"{preview_url}simpan/")["Location"]).content.decode()
    assert f'href="/pegawai/{changed.pk}/"' in result
    assert "diperbarui" in result
    from_file = {row["NIP"].replace(" ", "") for row in rows}
    for employee in Employee.objects.filter(nip__in=from_file).exclude(pk=changed.pk):
        assert f'href="/pegawai/{employee.pk}/">{employee.full_name}</a>' in result
