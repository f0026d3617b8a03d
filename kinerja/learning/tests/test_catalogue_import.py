"""Importing the training catalogue from XLSX (catalogue_import.py, tasks.py): a good file
creates and updates courses with their competencies in one audited step; a file with any bad
row saves nothing and names each error by row and column; only Admin BKPSDM imports."""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from kinerja.audit.models import AuditEvent
from kinerja.core.models import Job
from kinerja.core.testing import IMMEDIATE_TASKS
from kinerja.learning.catalogue_import import (
    HEADER,
    training_courses_template,
    training_courses_validate,
)
from kinerja.learning.models import Competency, TrainingCourse
from kinerja.learning.tasks import training_courses_import_start
from kinerja.learning.testing import make_competency, make_course
from kinerja.people.testing import Personas
from kinerja.scoring.spreadsheet import read_table

pytestmark = pytest.mark.django_db

TITLES = list(HEADER.values())


def xlsx(rows: Sequence[Sequence[Any]], header: Sequence[str] = TITLES) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(content: bytes, name: str = "katalog.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.fixture
def dictionary() -> tuple[Competency, Competency]:
    one = make_competency(name="Komunikasi efektif")
    two = make_competency(name="Orientasi pelayanan")
    Competency.objects.filter(pk=one.pk).update(code="komunikasi-efektif")
    Competency.objects.filter(pk=two.pk).update(code="orientasi-pelayanan")
    one.refresh_from_db()
    two.refresh_from_db()
    return one, two


def good_rows() -> list[list[Any]]:
    return [
        ["komunikasi-publik", "Pelatihan Komunikasi Publik", "Pelatihan klasikal", "Luring",
         "BKPSDM Kota Surakarta", 16, "Teknik komunikasi.",
         "komunikasi-efektif; orientasi-pelayanan"],
        ["pelayanan-prima", "E-learning Pelayanan Prima", "ELEARNING", "daring",
         "LAN RI", "2,5", "", "orientasi-pelayanan"],
    ]  # fmt: skip


def errors_of(personas: Personas, rows: Sequence[Sequence[Any]], **kwargs: Any) -> list[Any]:
    report = training_courses_validate(
        actor=personas.hr_admin, content=xlsx(rows, **kwargs), file_name="katalog.xlsx"
    )
    return [(e.row, e.column, e.reason) for e in report.errors]


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_a_good_file_creates_and_updates_courses_with_their_competencies(
    personas: Personas, dictionary: tuple[Competency, Competency]
) -> None:
    one, two = dictionary
    existing = make_course(title="Judul lama", competencies=[one])
    TrainingCourse.objects.filter(pk=existing.pk).update(code="komunikasi-publik")

    job = training_courses_import_start(actor=personas.hr_admin, file=upload(xlsx(good_rows())))

    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED
    assert job.message == "Tersimpan: 1 pelatihan baru dan 1 pelatihan diperbarui."
    assert job.result_url == f"/pengembangan/katalog/impor/{job.pk}/"
    updated = TrainingCourse.objects.get(code="komunikasi-publik")
    assert updated.pk == existing.pk
    assert updated.title == "Pelatihan Komunikasi Publik"
    assert set(updated.competencies.all()) == {one, two}
    created = TrainingCourse.objects.get(code="pelayanan-prima")
    assert (created.kind, created.mode, created.jp) == ("ELEARNING", "ONLINE", Decimal("2.5"))
    assert list(created.competencies.all()) == [two]
    event = AuditEvent.objects.get(action="training_courses.imported")
    after = event.after or {}
    assert after["created"] == ["pelayanan-prima"]
    assert after["updated"] == ["komunikasi-publik"]
    assert after["rows"] == 2
    assert job.result["clean"] is True


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_a_file_with_one_bad_row_saves_nothing(
    personas: Personas, dictionary: tuple[Competency, Competency]
) -> None:
    rows = [
        *good_rows(),
        ["baru", "Judul", "Seminar", "Luring", "BKPSDM", 8, "", "komunikasi-efektif"],
    ]

    job = training_courses_import_start(actor=personas.hr_admin, file=upload(xlsx(rows)))

    job.refresh_from_db()
    assert job.message == "Ditemukan 1 kesalahan pada 1 baris; tidak ada yang disimpan."
    assert job.result["errors"][0]["row"] == 4
    assert job.result["errors"][0]["column"] == "Jenis"
    assert not TrainingCourse.objects.exists()
    assert not AuditEvent.objects.filter(action="training_courses.imported").exists()


def test_each_bad_cell_is_named_by_row_and_column(
    personas: Personas, dictionary: tuple[Competency, Competency]
) -> None:
    rows: list[list[Any]] = [
        ["ada spasi", "", "Pelatihan klasikal", "Hibrida", "", "0,2", "", "komunikasi-efektif"],
        ["dua", "Judul", "Coaching", "Luring", "BKPSDM", "enam", "", ""],
        ["dua", "Judul", "Mentoring", "Luring", "BKPSDM", 300, "", "komunikasi-efektif"],
    ]
    found = errors_of(personas, rows)
    columns = [(row, column) for row, column, _ in found]

    assert columns == [
        (2, "Kode"), (2, "Moda"), (2, "Judul"), (2, "Penyelenggara"), (2, "JP"),
        (3, "JP"), (3, "Kompetensi"),
        (4, "Kode"), (4, "JP"),
    ]  # fmt: skip
    reasons = {(row, column): reason for row, column, reason in found}
    assert "tidak diterima" in reasons[(2, "Kode")]
    assert "“Hibrida” tidak dikenal" in reasons[(2, "Moda")]
    assert reasons[(2, "Judul")] == "Judul pelatihan wajib diisi."
    assert "0,2 tidak diterima: isi 0,5 sampai 200 JP" in reasons[(2, "JP")]
    assert "“enam” bukan angka" in reasons[(3, "JP")]
    assert "Kompetensi wajib diisi" in reasons[(3, "Kompetensi")]
    assert "sudah dipakai di baris 3" in reasons[(4, "Kode")]
    assert "300 tidak diterima" in reasons[(4, "JP")]


def test_an_unknown_competency_code_is_named(
    personas: Personas, dictionary: tuple[Competency, Competency]
) -> None:
    rows = [["kursus", "Judul", "COURSE", "OFFLINE", "BKPSDM", 8, "",
             "komunikasi-efektif;negosiasi"]]  # fmt: skip
    [(row, column, reason)] = errors_of(personas, rows)
    assert (row, column) == (2, "Kompetensi")
    assert "“negosiasi” tidak ada di kamus kompetensi" in reason


def test_a_missing_or_unknown_header_is_named(personas: Personas) -> None:
    header = [t for t in TITLES if t != "Moda"] + ["Harga"]
    found = errors_of(personas, [["x"] * len(header)], header=header)
    reasons = " ".join(reason for _, _, reason in found)
    assert "Kolom 'Harga' tidak dikenal" in reasons
    assert "Kolom wajib Moda tidak ada" in reasons


def test_an_empty_file_says_so(personas: Personas) -> None:
    [(_, column, reason)] = errors_of(personas, [])
    assert column == "Berkas"
    assert "tidak ada data" in reason


@pytest.mark.parametrize(
    "name", ["employee", "supervisor", "agency_admin", "leader", "auditor", "outsider"]
)
def test_only_bkpsdm_imports(personas: Personas, name: str) -> None:
    with pytest.raises(PermissionDenied):
        training_courses_import_start(actor=getattr(personas, name), file=upload(xlsx([])))
    assert not Job.objects.exists()


def test_a_file_of_the_wrong_kind_is_refused_before_it_is_kept(personas: Personas) -> None:
    with pytest.raises(ValidationError) as caught:
        training_courses_import_start(actor=personas.hr_admin, file=upload(b"abc", "katalog.pdf"))
    assert ".csv atau .xlsx" in caught.value.message_dict["file"][0]
    assert not Job.objects.exists()


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_the_template_has_the_header_and_one_example_row_and_imports_with_its_competencies(
    personas: Personas, dictionary: tuple[Competency, Competency]
) -> None:
    content = training_courses_template()
    table = read_table(content, file_name="templat.xlsx", max_rows=10, max_columns=20)
    assert [str(c) for c in table[0][1]] == TITLES
    assert len(table) == 2

    job = training_courses_import_start(actor=personas.hr_admin, file=upload(content))

    job.refresh_from_db()
    assert job.result["clean"] is True, job.result["errors"]
    assert TrainingCourse.objects.get().code == "komunikasi-pelayanan-publik"
