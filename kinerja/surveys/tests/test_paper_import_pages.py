"""The paper import pages: who reaches the upload page, the template and a job page; what the
importer sees after a clean file and after a file with a bad row."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.utils import timezone
from openpyxl import load_workbook

from kinerja.core.exports import XLSX_CONTENT_TYPE
from kinerja.core.jobs import job_create, job_succeed
from kinerja.core.models import Job
from kinerja.core.testing import IMMEDIATE_TASKS, headings, page_text
from kinerja.organization.models import ServiceUnit
from kinerja.people.testing import Personas
from kinerja.surveys.models import SurveyResponse
from kinerja.surveys.paper_import import PAPER_IMPORT_KIND
from kinerja.surveys.testing import make_service, make_service_unit

pytestmark = pytest.mark.django_db

IMPORTERS = {"employee", "supervisor", "appraiser_superior", "agency_admin", "hr_admin"}
"""The unit's staff, the Admin OPD of its agency and Admin BKPSDM (permissions.can_import_paper)."""
PERSONAS = [
    "employee", "supervisor", "appraiser_superior", "agency_admin", "other_admin", "hr_admin",
    "leader", "auditor", "outsider",
]  # fmt: skip
DAY = timezone.localdate().strftime("%d/%m/%Y")
HEADER = "No;Tanggal;Layanan;Jenis Kelamin;U1;U2;U3;U4;U5;U6;U7;U9;U8;Saran"
GOOD = f"1;{DAY};Legalisasi;P;3;3;3;3;3;3;3;2;4;Ramah\n2;{DAY};Legalisasi;L;4;4;4;4;4;4;4;4;4;"


@pytest.fixture
def unit(personas: Personas) -> ServiceUnit:
    service_unit = make_service_unit(unit=personas.staff.unit, name="Loket Kelurahan Uji")
    make_service(service_unit=service_unit, name="Legalisasi")
    return service_unit


def _client(user: object) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)  # type: ignore[arg-type]
    return client


def _upload(client: Client, unit: ServiceUnit, content: str, name: str = "kertas.csv") -> object:
    upload = SimpleUploadedFile(name, content.encode(), content_type="text/csv")
    return client.post(f"/skm/{unit.slug}/impor/", {"berkas": upload})


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_upload_page_opens_only_for_who_may_import(
    personas: Personas, unit: ServiceUnit, persona: str
) -> None:
    response = _client(personas.all()[persona]).get(f"/skm/{unit.slug}/impor/")
    assert response.status_code == (200 if persona in IMPORTERS else 403)
    if persona in IMPORTERS:
        text = page_text(response.content)
        assert headings(response.content)[0] == "Impor survei kertas"
        assert "Loket Kelurahan Uji" in text
        assert "formulir kertas menanyakan U9 sebelum U8" in text
        assert "U9 Sarana dan Prasarana" in text


def test_an_anonymous_visitor_is_sent_to_the_login_page(unit: ServiceUnit) -> None:
    for path in ("", "templat.xlsx"):
        response = Client().get(f"/skm/{unit.slug}/impor/{path}")
        assert response.status_code == 302
        assert "/masuk" in response["Location"] or "login" in response["Location"]


def test_an_unknown_unit_is_not_found(personas: Personas) -> None:
    client = _client(personas.hr_admin)
    assert client.get("/skm/tidak-ada/impor/").status_code == 404
    assert client.get("/skm/tidak-ada/impor/templat.xlsx").status_code == 404


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_template_downloads_only_for_who_may_import(
    personas: Personas, unit: ServiceUnit, persona: str
) -> None:
    response = _client(personas.all()[persona]).get(f"/skm/{unit.slug}/impor/templat.xlsx")
    assert response.status_code == (200 if persona in IMPORTERS else 403)
    if persona in IMPORTERS:
        assert response["Content-Type"] == XLSX_CONTENT_TYPE
        assert f"templat-survei-kertas-{unit.slug}.xlsx" in response["Content-Disposition"]
        workbook = load_workbook(io.BytesIO(response.content))
        assert workbook["Data"]["C2"].value == "Legalisasi"


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_a_clean_upload_leads_to_its_job_page_which_says_what_was_saved(
    personas: Personas, unit: ServiceUnit
) -> None:
    client = _client(personas.employee)
    response = _upload(client, unit, f"{HEADER}\n{GOOD}")
    job = Job.objects.get(kind=PAPER_IMPORT_KIND)
    assert response.status_code == 302  # type: ignore[attr-defined]
    assert response["Location"] == f"/skm/{unit.slug}/impor/{job.pk}/"  # type: ignore[index]
    text = page_text(client.get(response["Location"]).content)  # type: ignore[index]
    assert "Tersimpan: 2 jawaban survei kertas dari 2 baris." in text
    assert SurveyResponse.objects.filter(service_unit=unit, channel="PAPER").count() == 2


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_a_file_with_a_bad_row_shows_every_error_and_saves_nothing(
    personas: Personas, unit: ServiceUnit
) -> None:
    client = _client(personas.agency_admin)
    bad = f"3;{DAY};Paspor;P;3;3;3;3;3;3;3;5;4;"
    response = _upload(client, unit, f"{HEADER}\n{GOOD}\n{bad}")
    page = client.get(response["Location"])  # type: ignore[index]
    text = page_text(page.content)
    assert "Ditemukan 2 kesalahan pada 1 baris dari 3. Tidak ada jawaban yang disimpan." in text
    assert "Layanan 'Paspor' tidak ada di unit layanan ini; pilih salah satu: Legalisasi." in text
    assert "Jawaban U9 (Sarana dan Prasarana) '5' di luar skala; isi 1, 2, 3 atau 4." in text
    assert not SurveyResponse.objects.exists()
    job = Job.objects.get(kind=PAPER_IMPORT_KIND)
    errors = client.get(f"/skm/{unit.slug}/impor/{job.pk}/kesalahan.csv")
    assert errors.status_code == 200
    assert "Sarana dan Prasarana" in errors.content.decode("utf-8-sig")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("kertas.pdf", HEADER, "Berkas harus berekstensi .csv atau .xlsx; ditemukan .pdf."),
        ("kertas.csv", "", "Berkas kosong"),
    ],
)
def test_a_refused_upload_says_why_on_the_page_and_starts_nothing(
    personas: Personas, unit: ServiceUnit, name: str, content: str, message: str
) -> None:
    response = _upload(_client(personas.employee), unit, content, name)
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert message in page_text(response.content)  # type: ignore[attr-defined]
    assert not Job.objects.exists()


def test_a_post_without_a_file_asks_for_one(personas: Personas, unit: ServiceUnit) -> None:
    response = _client(personas.employee).post(f"/skm/{unit.slug}/impor/", {})
    assert response.status_code == 400
    assert "Berkas wajib dipilih" in page_text(response.content)


def _finished_job(owner: object, unit: ServiceUnit) -> Job:
    job = job_create(owner=owner, kind=PAPER_IMPORT_KIND, title="Impor survei kertas")
    job_succeed(
        job_id=job.pk,
        message="Selesai",
        result={
            "clean": True, "total_rows": 2, "error_count": 0, "error_rows": 0, "errors": [],
            "errors_truncated": False, "service_unit_id": unit.pk,
            "counts": {"responses": 2},
            "file": {"file_name": "kertas.csv", "size": 200},
        },
    )  # fmt: skip
    return job


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_job_page_is_only_for_the_person_who_uploaded_the_file(
    personas: Personas, unit: ServiceUnit, persona: str
) -> None:
    job = _finished_job(personas.supervisor, unit)
    response = _client(personas.all()[persona]).get(f"/skm/{unit.slug}/impor/{job.pk}/")
    expected = 200 if persona == "supervisor" else 404 if persona in IMPORTERS else 403
    assert response.status_code == expected
    if expected == 200:
        assert "Tersimpan: 2 jawaban survei kertas dari 2 baris." in page_text(response.content)


def test_a_job_under_another_units_address_or_of_another_kind_is_not_found(
    personas: Personas, unit: ServiceUnit
) -> None:
    other = make_service_unit(unit=personas.staff.unit)
    job = _finished_job(personas.employee, unit)
    client = _client(personas.employee)
    assert client.get(f"/skm/{other.slug}/impor/{job.pk}/").status_code == 404
    assert client.get(f"/skm/{other.slug}/impor/{job.pk}/kesalahan.csv").status_code == 404
    foreign = job_create(owner=personas.employee, kind="goal_import.apply", title="Lain")
    assert client.get(f"/skm/{unit.slug}/impor/{foreign.pk}/").status_code == 404


def test_a_running_job_polls_its_fragment(personas: Personas, unit: ServiceUnit) -> None:
    job = job_create(owner=personas.employee, kind=PAPER_IMPORT_KIND, title="Impor")
    Job.objects.filter(pk=job.pk).update(result={"service_unit_id": unit.pk})
    client = _client(personas.employee)
    url = f"/skm/{unit.slug}/impor/{job.pk}/"
    page = client.get(url).content.decode()
    assert f'hx-get="{url}"' in page
    fragment = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert fragment.lstrip().startswith("<section")
    assert "Menunggu giliran di antrean" in page_text(fragment)


def test_an_upload_declared_too_large_is_refused_before_it_is_read(
    personas: Personas, unit: ServiceUnit
) -> None:
    response = _client(personas.employee).post(
        f"/skm/{unit.slug}/impor/", {}, CONTENT_LENGTH=str(30 * 1024 * 1024)
    )
    assert response.status_code == 400
    assert "Berkas terlalu besar (30,0 MB); paling besar 10 MB." in page_text(response.content)
    assert not Job.objects.exists()
