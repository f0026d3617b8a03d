"""Importing the training catalogue from an XLSX (or CSV) file, keyed by the course code.

Columns: kode, judul, jenis, moda, penyelenggara, jp, uraian, kompetensi (dictionary codes
separated by ";"). `training_courses_validate` checks the whole file at once, each row through
the same rule as the catalogue form (`services.catalogue.course_errors`), so a row gets the
sentence the form gives for the same value; across rows a code used twice; against the
dictionary an unknown competency code. `training_courses_apply` validates again inside one
transaction and, for a clean file only, updates the courses whose code exists and creates the
others, with one audit event [training_courses.imported]: all or nothing. The background job
(`tasks.training_courses_import_start`) runs them; `training_courses_template` is the download.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import require
from kinerja.audit.services import audit_record
from kinerja.core.exports import xlsx_append, xlsx_bytes, xlsx_guide_sheet
from kinerja.core.form_fields import parse_decimal_id
from kinerja.core.jobs import Progress, progress_ignore
from kinerja.learning.models import Competency, CourseKind, CourseMode, TrainingCourse
from kinerja.learning.permissions import NOT_CATALOGUE_MANAGER, can_manage_catalogue
from kinerja.learning.services.catalogue import code_format_errors, course_errors
from kinerja.people.imports import ImportFile, RowError, import_table_read
from kinerja.people.imports.columns import ImportColumn, cell_text, header_columns, header_key
from kinerja.people.imports.report import rows_checked_result

COLUMNS: tuple[ImportColumn, ...] = (
    ImportColumn(
        "code",
        "Kode",
        True,
        "Kode pelatihan: huruf, angka, tanda hubung atau garis bawah, tanpa spasi; kode yang "
        "sudah ada di katalog diperbarui, kode baru ditambahkan.",
        "komunikasi-pelayanan-publik",
    ),
    ImportColumn("title", "Judul", True, "Judul pelatihan, paling banyak 200 karakter.",
                 "Pelatihan Komunikasi Pelayanan Publik"),
    ImportColumn(
        "kind",
        "Jenis",
        True,
        "Pelatihan klasikal, E-learning, Coaching, Mentoring, atau Rotasi/magang jabatan.",
        "Pelatihan klasikal",
    ),
    ImportColumn("mode", "Moda", True, "Luring, Daring, atau Campuran.", "Luring"),
    ImportColumn("provider", "Penyelenggara", True, "Lembaga penyelenggara.",
                 "BKPSDM Kota Surakarta"),
    ImportColumn("jp", "JP", True, "Jam pelajaran: 0,5 sampai 200 (koma desimal boleh).", "16"),
    ImportColumn("description", "Uraian", False, "Uraian singkat, paling banyak 2000 karakter.",
                 "Teknik komunikasi lisan dan tertulis dalam melayani masyarakat."),
    ImportColumn(
        "competencies",
        "Kompetensi",
        True,
        "Kode kompetensi dari kamus kompetensi yang dikembangkan; lebih dari satu dipisah titik "
        "koma (;).",
        "komunikasi-efektif; orientasi-pelayanan",
    ),
)  # fmt: skip
HEADER = {column.key: column.header for column in COLUMNS}
COLUMN_ORDER = {column.header: i for i, column in enumerate(COLUMNS)}
_SERVICE_COLUMN = {"competency_ids": "competencies"}


def _by_text(choices: list[tuple[str, Any]]) -> dict[str, str]:
    return {header_key(str(label)): value for value, label in choices} | {
        header_key(value): value for value, _ in choices
    }


KIND_BY_TEXT = _by_text(list(CourseKind.choices)) | {
    header_key("Pelatihan"): CourseKind.COURSE.value,
    header_key("Klasikal"): CourseKind.COURSE.value,
    header_key("Rotasi"): CourseKind.ROTATION.value,
    header_key("Magang"): CourseKind.ROTATION.value,
}
MODE_BY_TEXT = _by_text(list(CourseMode.choices))


@dataclass
class PlannedCourse:
    row: int
    code: str
    title: str
    kind: str
    mode: str
    provider: str
    jp: Decimal
    description: str
    competency_ids: list[int] = field(default_factory=list)


@dataclass
class CourseImportReport:
    total_rows: int
    errors: list[RowError]
    courses: list[PlannedCourse]
    existing_codes: set[str] = field(default_factory=set)

    @property
    def is_clean(self) -> bool:
        return not self.errors

    @property
    def counts(self) -> dict[str, int]:
        updated = sum(1 for c in self.courses if c.code in self.existing_codes)
        return {"created": len(self.courses) - updated, "updated": updated}

    def as_result(self, *, file: ImportFile) -> dict[str, Any]:
        """The JSON kept in Job.result: the keys every import shares, and the counts."""
        return {
            **rows_checked_result(
                file=file, total_rows=self.total_rows, errors=self.errors, order=COLUMN_ORDER
            ),
            "counts": self.counts,
        }


class CourseImportRejected(Exception):
    """The file is not clean (now); nothing was saved."""

    def __init__(self, report: CourseImportReport) -> None:
        super().__init__("Berkas berisi kesalahan; tidak ada yang disimpan.")
        self.report = report


class _Checker:
    def __init__(self) -> None:
        self.errors: list[RowError] = []

    def error(self, row: int, key: str, reason: str, value: Any = "") -> None:
        self.errors.append(
            RowError(row=row, column=HEADER.get(key, key), value=cell_text(value), reason=reason)
        )


def _choice(checker: _Checker, row: int, key: str, text: str, table: dict[str, str]) -> str:
    value = table.get(header_key(text)) if text else None
    if value is None:
        accepted = {
            "kind": "Pelatihan klasikal, E-learning, Coaching, Mentoring, Rotasi/magang jabatan",
            "mode": "Luring, Daring, Campuran",
        }[key]
        shown = f"“{text}” tidak dikenal" if text else "wajib diisi"
        checker.error(row, key, f"{HEADER[key]} {shown}; isi salah satu: {accepted}.", text)
        return ""
    return value


def training_courses_validate(
    *, actor: Actor, content: bytes, file_name: str, progress: Progress = progress_ignore
) -> CourseImportReport:
    """Check the whole file; every problem becomes a `RowError` (row as the spreadsheet shows
    it, header = 1; column; value; reason). Writes nothing; three queries whatever its size.
    PermissionDenied unless Admin BKPSDM; ImportFileError for a file that is not a table."""
    require(can_manage_catalogue(actor), NOT_CATALOGUE_MANAGER)
    table = import_table_read(content=content, file_name=file_name)
    progress(10, "Berkas terbaca; memeriksa baris…")
    checker = _Checker()
    if not table:
        checker.error(1, "Berkas", "Berkas tidak berisi baris judul maupun data.")
        return CourseImportReport(total_rows=0, errors=checker.errors, courses=[])
    (_, header), body = table[0], table[1:]
    columns = header_columns(header, COLUMNS, checker.error)
    if not body:
        checker.error(1, "Berkas", "Berkas hanya berisi baris judul; tidak ada data.")
    if checker.errors:
        return CourseImportReport(total_rows=len(body), errors=checker.errors, courses=[])

    competency_ids = dict(Competency.objects.values_list("code", "pk"))
    known_ids = set(competency_ids.values())
    existing = set(TrainingCourse.objects.values_list("code", flat=True))
    seen: dict[str, int] = {}
    courses: list[PlannedCourse] = []
    for done, (row, cells) in enumerate(body, start=1):

        def cell(key: str, cells: list[Any] = cells) -> str:
            index = columns.get(key)
            return cell_text(cells[index]) if index is not None and index < len(cells) else ""

        planned = _course_of_row(checker, row, cell, competency_ids, known_ids, seen)
        if planned is not None:
            courses.append(planned)
        if done % 500 == 0:
            progress.count(done, len(body), "baris diperiksa", start=10, end=95)
    return CourseImportReport(
        total_rows=len(body), errors=checker.errors, courses=courses, existing_codes=existing
    )


def _course_of_row(
    checker: _Checker,
    row: int,
    cell: Any,
    competency_ids: dict[str, int],
    known_ids: set[int],
    seen: dict[str, int],
) -> PlannedCourse | None:
    before = len(checker.errors)
    code = cell("code")
    for message in code_format_errors(code, what="pelatihan").get("code", []):
        checker.error(row, "code", message, code)
    if code and code in seen:
        checker.error(
            row,
            "code",
            f"Kode “{code}” sudah dipakai di baris {seen[code]}; satu kode untuk satu pelatihan.",
            code,
        )
    elif code:
        seen[code] = row
    kind = _choice(checker, row, "kind", cell("kind"), KIND_BY_TEXT)
    mode = _choice(checker, row, "mode", cell("mode"), MODE_BY_TEXT)
    jp_text = cell("jp")
    jp = parse_decimal_id(jp_text) if jp_text else None
    if jp_text and jp is None:
        checker.error(row, "jp", f"JP “{jp_text}” bukan angka; tulis mis. 16 atau 2,5.", jp_text)
    codes = [c.strip() for c in cell("competencies").split(";") if c.strip()]
    ids: list[int] = []
    for code_text in dict.fromkeys(codes):
        pk = competency_ids.get(code_text)
        if pk is None:
            checker.error(
                row,
                "competencies",
                f"Kode kompetensi “{code_text}” tidak ada di kamus kompetensi; tulis kode seperti "
                "di halaman Kamus kompetensi, dipisah titik koma (;).",
                code_text,
            )
        else:
            ids.append(pk)
    title, provider, description = cell("title"), cell("provider"), cell("description")
    errors = course_errors(
        title=title,
        kind=kind or CourseKind.COURSE.value,  # an unknown kind is already named
        mode=mode or CourseMode.OFFLINE.value,
        provider=provider,
        jp=jp,
        description=description,
        competency_ids=ids,
        known_competency_ids=known_ids,
    )
    if not codes:
        errors["competency_ids"] = [
            "Kompetensi wajib diisi: kode kompetensi dari kamus, lebih dari satu dipisah titik "
            "koma (;)."
        ]
    elif not ids:
        errors.pop("competency_ids", None)  # the unknown codes are already named
    if jp_text and jp is None:
        errors.pop("jp", None)
    for key, messages in errors.items():
        column = _SERVICE_COLUMN.get(key, key)
        for message in messages:
            checker.error(row, column, message, cell(column))
    if len(checker.errors) > before:
        return None
    assert jp is not None
    return PlannedCourse(
        row=row,
        code=code,
        title=" ".join(title.split()),
        kind=kind,
        mode=mode,
        provider=provider.strip(),
        jp=jp,
        description=description.strip(),
        competency_ids=ids,
    )


MAX_AUDITED_CODES = 500


def training_courses_apply(
    *, actor: Actor, content: bytes, file_name: str, sha256: str = ""
) -> CourseImportReport:
    """Validate again inside one transaction and save a clean file: existing codes updated, new
    ones created, their competencies replaced by the file's, one audit event
    [training_courses.imported]. A file with any error raises CourseImportRejected."""
    with transaction.atomic():
        report = training_courses_validate(actor=actor, content=content, file_name=file_name)
        if not report.is_clean:
            raise CourseImportRejected(report)
        stored = {
            course.code: course
            for course in TrainingCourse.objects.select_for_update().filter(
                code__in=[planned.code for planned in report.courses]
            )
        }
        fresh: list[TrainingCourse] = []
        now = timezone.now()
        for planned in report.courses:
            course = stored.get(planned.code) or TrainingCourse(code=planned.code)
            course.title = planned.title
            course.kind = planned.kind
            course.mode = planned.mode
            course.provider = planned.provider
            course.jp = planned.jp
            course.description = planned.description
            course.is_active = True
            course.updated_at = now
            if planned.code not in stored:
                fresh.append(course)
        fields = ["title", "kind", "mode", "provider", "jp", "description", "is_active"]
        TrainingCourse.objects.bulk_update(list(stored.values()), [*fields, "updated_at"])
        TrainingCourse.objects.bulk_create(fresh)
        by_code = {c.code: c for c in [*stored.values(), *fresh]}
        if any(c.pk is None for c in fresh):  # backends that return no keys on bulk insert
            by_code |= {
                c.code: c for c in TrainingCourse.objects.filter(code__in=[c.code for c in fresh])
            }
        links = TrainingCourse.competencies.through
        links.objects.filter(trainingcourse__code__in=list(by_code)).delete()
        links.objects.bulk_create(
            links(trainingcourse_id=by_code[planned.code].pk, competency_id=pk)
            for planned in report.courses
            for pk in planned.competency_ids
        )
        counts = report.counts
        audit_record(
            actor=actor,
            action="training_courses.imported",
            after={
                "file_name": file_name,
                "sha256": sha256,
                "rows": report.total_rows,
                "created": [c.code for c in fresh][:MAX_AUDITED_CODES],
                "updated": sorted(stored)[:MAX_AUDITED_CODES],
                "counts": counts,
            },
        )
    return report


def training_courses_template() -> bytes:
    """The downloadable XLSX: sheet "Data" with the header and one example row, sheet
    "Petunjuk" explaining each column (cells written formula-safe by `kinerja.core.exports`)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    data = workbook.active
    assert data is not None
    data.title = "Data"
    xlsx_append(data, HEADER.values())
    for cell in data[1]:
        cell.font = Font(bold=True)
    xlsx_append(data, [column.example for column in COLUMNS])
    data.freeze_panes = "A2"
    notes = [
        "Satu baris untuk satu pelatihan; baris contoh di bawah judul boleh diganti atau dihapus.",
        "Kode yang sudah ada di katalog diperbarui (kompetensinya diganti dengan isi berkas); "
        "kode baru ditambahkan.",
        "Seluruh berkas diperiksa dahulu; bila ada satu kesalahan, tidak ada data yang disimpan.",
        "Berkas CSV: UTF-8, pemisah titik koma (;) atau koma. Paling besar 10 MB.",
    ]
    xlsx_guide_sheet(
        workbook,
        columns=((c.header, c.required, c.help, c.example) for c in COLUMNS),
        notes=notes,
        widths={"A": 18, "C": 90, "D": 40},
    )
    return xlsx_bytes(workbook)
