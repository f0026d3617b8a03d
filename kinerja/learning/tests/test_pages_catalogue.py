"""The catalogue (/pengembangan/katalog/), its forms and import, and the competency dictionary
(/pengembangan/kompetensi/): who sees them, what they show, the filters and their cost."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from openpyxl import load_workbook
from pytest_django import DjangoAssertNumQueries

from kinerja.core.testing import IMMEDIATE_TASKS, headings, page_text
from kinerja.learning.models import (
    Competency,
    CompetencyKind,
    CourseKind,
    CourseMode,
    TrainingCourse,
)
from kinerja.learning.testing import make_competency, make_course
from kinerja.people.testing import PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db

LIST = "/pengembangan/katalog/"
NEW = "/pengembangan/katalog/baru/"
IMPORT = "/pengembangan/katalog/impor/"
DICTIONARY = "/pengembangan/kompetensi/"
NEW_COMPETENCY = "/pengembangan/kompetensi/baru/"


def _catalogue() -> tuple[TrainingCourse, TrainingCourse]:
    talk = make_competency(name="Komunikasi efektif", feedback_tag="KOMUNIKASI")
    lead = make_competency(name="Kepemimpinan", kind=CompetencyKind.MANAGERIAL)
    course = make_course(title="Komunikasi Pelayanan Publik", competencies=[talk])
    other = make_course(
        title="Coaching Kepemimpinan", competencies=[lead], kind=CourseKind.COACHING, jp=Decimal(8)
    )
    return course, other


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_everyone_logged_in_reads_the_catalogue(
    client: Client, personas: Personas, name: str
) -> None:
    _catalogue()
    client.force_login(personas.all()[name])
    response = client.get(LIST)
    assert response.status_code == 200
    text = page_text(response.content)
    assert "Komunikasi Pelayanan Publik" in text
    assert ("Tambah pelatihan" in text) == (name == "hr_admin")


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_everyone_logged_in_reads_the_dictionary(
    client: Client, personas: Personas, name: str
) -> None:
    _catalogue()
    client.force_login(personas.all()[name])
    response = client.get(DICTIONARY)
    assert response.status_code == 200
    text = page_text(response.content)
    assert "Komunikasi efektif" in text
    assert ("Tambah kompetensi" in text) == (name == "hr_admin")


@pytest.mark.parametrize("name", PERSONA_NAMES)
@pytest.mark.parametrize("url", [NEW, IMPORT, NEW_COMPETENCY])
def test_only_bkpsdm_opens_the_forms_and_the_import(
    client: Client, personas: Personas, name: str, url: str
) -> None:
    client.force_login(personas.all()[name])
    response = client.get(url)
    assert response.status_code == (200 if name == "hr_admin" else 403)


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_only_bkpsdm_opens_a_course_form(client: Client, personas: Personas, name: str) -> None:
    course, _ = _catalogue()
    client.force_login(personas.all()[name])
    response = client.get(reverse("learning:course_edit", kwargs={"course_id": course.pk}))
    assert response.status_code == (200 if name == "hr_admin" else 403)


@pytest.mark.parametrize("url", [LIST, DICTIONARY, NEW, IMPORT])
def test_anonymous_is_sent_to_the_login(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL))


def test_the_catalogue_is_searched_by_title(client: Client, personas: Personas) -> None:
    _catalogue()
    client.force_login(personas.employee)
    text = page_text(client.get(LIST + "?q=kepemimpinan").content)
    assert "Coaching Kepemimpinan" in text
    assert "Komunikasi Pelayanan Publik" not in text


def test_the_catalogue_is_filtered_by_kind_mode_and_competency(
    client: Client, personas: Personas
) -> None:
    course, _ = _catalogue()
    client.force_login(personas.employee)
    text = page_text(client.get(LIST + f"?jenis={CourseKind.COACHING}").content)
    assert "Coaching Kepemimpinan" in text
    assert "Komunikasi Pelayanan Publik" not in text
    text = page_text(client.get(LIST + f"?moda={CourseMode.ONLINE}").content)
    assert "Tidak ada pelatihan yang cocok" in text
    talk = course.competencies.get()
    text = page_text(client.get(LIST + f"?kompetensi={talk.pk}").content)
    assert "Komunikasi Pelayanan Publik" in text
    assert "Coaching Kepemimpinan" not in text


def test_an_inactive_course_is_hidden_from_all_but_bkpsdm(
    client: Client, personas: Personas
) -> None:
    course, _ = _catalogue()
    TrainingCourse.objects.filter(pk=course.pk).update(is_active=False)
    client.force_login(personas.employee)
    assert "Komunikasi Pelayanan Publik" not in page_text(client.get(LIST).content)
    client.force_login(personas.hr_admin)
    text = page_text(client.get(LIST).content)
    assert "Komunikasi Pelayanan Publik" in text
    assert "Nonaktif" in text


def test_the_catalogue_shows_jp_the_indonesian_way(client: Client, personas: Personas) -> None:
    make_course(title="Pelatihan Singkat", jp=Decimal("2.5"), competencies=[make_competency()])
    client.force_login(personas.employee)
    assert "2,5" in page_text(client.get(LIST).content)


def _courses(n: int) -> None:
    talk = make_competency()
    lead = make_competency(name="Kepemimpinan")
    for i in range(n):
        make_course(title=f"Pelatihan {i}", competencies=[talk, lead])


def test_the_catalogue_costs_the_same_queries_for_2_and_20_courses(
    client: Client, personas: Personas, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    client.force_login(personas.employee)
    _courses(2)
    client.get(LIST)
    with django_assert_max_num_queries(12) as few:
        client.get(LIST)
    _courses(18)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(LIST)


def test_the_dictionary_costs_the_same_queries_for_2_and_20_entries(
    client: Client, personas: Personas, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    client.force_login(personas.employee)
    _courses(2)
    client.get(DICTIONARY)
    with django_assert_max_num_queries(12) as few:
        client.get(DICTIONARY)
    for i in range(18):
        make_course(title=f"Lain {i}", competencies=[make_competency(name=f"Kompetensi {i}")])
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(DICTIONARY)


def test_the_dictionary_is_grouped_by_kind_with_its_links(
    client: Client, personas: Personas
) -> None:
    make_course(
        competencies=[
            make_competency(
                name="Komunikasi efektif",
                feedback_tag="KOMUNIKASI",
                core_value="KOLABORATIF",
                position_kinds=["PENGAWAS"],
            )
        ]
    )
    make_competency(name="Analisis data", kind=CompetencyKind.TECHNICAL)
    client.force_login(personas.employee)
    response = client.get(DICTIONARY)
    assert "Kompetensi teknis" in headings(response.content)
    assert "Kompetensi sosial kultural" in headings(response.content)
    text = page_text(response.content)
    assert "Komunikasi" in text
    assert "Kolaboratif" in text
    assert "Pengawas" in text
    assert "1 pelatihan" in text
    assert "Belum ada" in text


# --- writing: forms and import (through services/catalogue.py and tasks.py) -------------------


def test_bkpsdm_adds_a_course_through_the_form(client: Client, personas: Personas) -> None:
    talk = make_competency(name="Komunikasi efektif")
    client.force_login(personas.hr_admin)
    response = client.post(
        NEW,
        {
            "code": "komunikasi-dasar",
            "title": "Komunikasi Dasar",
            "kind": CourseKind.ELEARNING,
            "mode": CourseMode.ONLINE,
            "provider": "BKPSDM Kota Surakarta",
            "jp": "4,5",
            "competency_ids": [talk.pk],
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    course = TrainingCourse.objects.get(code="komunikasi-dasar")
    assert course.jp == Decimal("4.5")
    assert list(course.competencies.all()) == [talk]


def test_a_refused_course_shows_the_sentence_on_its_field(
    client: Client, personas: Personas
) -> None:
    talk = make_competency()
    client.force_login(personas.hr_admin)
    response = client.post(
        NEW,
        {
            "code": "terlalu-lama",
            "title": "Terlalu lama",
            "kind": CourseKind.COURSE,
            "mode": CourseMode.OFFLINE,
            "provider": "BKPSDM",
            "jp": "500",
            "competency_ids": [talk.pk],
        },
    )
    assert response.status_code == 400
    assert "500" in page_text(response.content)
    assert not TrainingCourse.objects.filter(code="terlalu-lama").exists()


def test_bkpsdm_changes_a_course(client: Client, personas: Personas) -> None:
    course, _ = _catalogue()
    client.force_login(personas.hr_admin)
    url = reverse("learning:course_edit", kwargs={"course_id": course.pk})
    form = client.get(url)
    assert "Komunikasi Pelayanan Publik" in page_text(form.content)
    response = client.post(
        url,
        {
            "code": course.code,
            "title": "Komunikasi Pelayanan Prima",
            "kind": course.kind,
            "mode": course.mode,
            "provider": course.provider,
            "jp": "16",
            "competency_ids": [c.pk for c in course.competencies.all()],
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    course.refresh_from_db()
    assert course.title == "Komunikasi Pelayanan Prima"


def test_a_post_by_someone_else_changes_nothing(client: Client, personas: Personas) -> None:
    course, _ = _catalogue()
    client.force_login(personas.agency_admin)
    url = reverse("learning:course_edit", kwargs={"course_id": course.pk})
    assert client.post(url, {"title": "Diubah"}).status_code == 403
    course.refresh_from_db()
    assert course.title == "Komunikasi Pelayanan Publik"


def test_bkpsdm_adds_a_competency_with_its_links(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    response = client.post(
        NEW_COMPETENCY,
        {
            "code": "kerja-sama-tim",
            "name": "Kerja sama tim",
            "kind": CompetencyKind.SOCIOCULTURAL,
            "feedback_tag": "KERJA_SAMA",
            "core_value": "KOLABORATIF",
            "position_kinds": ["PELAKSANA", "PENGAWAS"],
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    text = page_text(client.get(DICTIONARY).content)
    assert "Kerja sama tim" in text
    assert "Kolaboratif" in text


def test_the_import_template_downloads_as_xlsx(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    response = client.get(IMPORT + "?templat=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content))["Data"]
    assert sheet["A1"].value == "Kode"


def _upload_template(client: Client) -> str:
    template = client.get(IMPORT + "?templat=xlsx").content
    response = client.post(IMPORT, {"berkas": SimpleUploadedFile("katalog.xlsx", template)})
    assert response.status_code == 302
    return str(response["Location"])


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_a_clean_file_is_saved_and_its_job_page_says_so(client: Client, personas: Personas) -> None:
    for code in ("komunikasi-efektif", "orientasi-pelayanan"):
        Competency.objects.filter(pk=make_competency().pk).update(code=code)
    client.force_login(personas.hr_admin)
    page = client.get(_upload_template(client))
    assert page.status_code == 200
    assert "Impor katalog pelatihan" in headings(page.content)
    assert "Tersimpan: 1 pelatihan baru dan 0 diperbarui" in page_text(page.content)
    assert TrainingCourse.objects.filter(code="komunikasi-pelayanan-publik").exists()


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_a_file_with_bad_rows_lists_each_and_saves_nothing(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.hr_admin)
    job_url = _upload_template(client)
    text = page_text(client.get(job_url).content)
    assert "Tidak ada yang disimpan" in text
    assert "komunikasi-efektif" in text
    assert not TrainingCourse.objects.exists()
    errors = client.get(job_url + "?kesalahan=csv")
    assert errors.status_code == 200
    assert "komunikasi-efektif" in errors.content.decode("utf-8-sig")


def test_the_job_page_is_only_for_bkpsdm(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    job_url = _upload_template(client)
    client.force_login(personas.leader)
    assert client.get(job_url).status_code == 403


def test_htmx_gets_only_the_table(client: Client, personas: Personas) -> None:
    _catalogue()
    client.force_login(personas.employee)
    response = client.get(LIST + "?q=komunikasi", headers={"HX-Request": "true"})
    text = page_text(response.content)
    assert "Komunikasi Pelayanan Publik" in text
    assert "Katalog pelatihan" not in headings(response.content)
