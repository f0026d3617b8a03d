"""`paper_import_validate`: check a whole file of paper answers at once; writes nothing.

Every row goes through `kinerja.surveys.rules.response_clean(..., require_all_answers=False)`,
the rule of the public form, the kiosk and the API, so a row gets the sentence the form gives
for the same value; the survey date, which only the paper form has, is checked here. Two
queries whatever the size of the file (the unit's services, nothing else).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import require
from kinerja.core.jobs import Progress, progress_ignore
from kinerja.organization.models import ServiceUnit
from kinerja.people.imports import ImportFile, RowError, import_table_read
from kinerja.people.imports.columns import ImportColumn, cell_text, header_columns, parse_date
from kinerja.people.imports.report import rows_checked_result
from kinerja.scoring.formatting import format_date_id
from kinerja.scoring.survey_rows import SurveyTableError, element_columns, element_for_heading
from kinerja.surveys.models import ELEMENT_FIELDS, Service
from kinerja.surveys.paper_import.columns import (
    DATE_FORMATS_TEXT,
    YEARS_BACK,
    paper_columns,
)
from kinerja.surveys.permissions import can_import_paper
from kinerja.surveys.rules import CleanResponse, response_clean

PAPER_IMPORT_REFUSED = "Anda tidak berwenang mengimpor survei kertas unit layanan ini."
ELEMENTS_COLUMN = "Unsur pelayanan"
"""The column named in a report about the element columns as a whole (missing, repeated)."""
VALUE_SHOWN_CHARS = 80
"""A cell's value in the error report is cut to this length (a long suggestion, say)."""
_RESPONSE_KEYS = (
    *ELEMENT_FIELDS,
    "gender",
    "age",
    "education",
    "occupation",
    "service",
    "suggestion",
)


@dataclass(frozen=True)
class PlannedResponse:
    row: int
    survey_date: date
    clean: CleanResponse


@dataclass
class PaperImportReport:
    total_rows: int
    errors: list[RowError]
    responses: list[PlannedResponse]
    order: dict[str, int]

    @property
    def is_clean(self) -> bool:
        return not self.errors

    def as_result(self, *, file: ImportFile, service_unit_id: int) -> dict[str, Any]:
        """The JSON stored in Job.result for the job page: the keys every import shares (so
        the one error table shows it) and the unit."""
        return {
            **rows_checked_result(
                file=file, total_rows=self.total_rows, errors=self.errors, order=self.order
            ),
            "service_unit_id": service_unit_id,
            "counts": {"responses": len(self.responses) if self.is_clean else 0},
        }


def earliest_survey_date(today: date) -> date:
    """The same day `YEARS_BACK` years ago (28 February for 29 February)."""
    try:
        return today.replace(year=today.year - YEARS_BACK)
    except ValueError:
        return today.replace(year=today.year - YEARS_BACK, day=28)


def survey_date_parse(value: Any, *, today: date) -> date:
    """The survey date of a cell; ValueError with the sentence naming value and what is
    accepted."""
    text = cell_text(value)
    if not text:
        raise ValueError(f"Tanggal survei wajib diisi: {DATE_FORMATS_TEXT}.")
    day = parse_date(value)
    if day is None:
        raise ValueError(
            f"Tanggal '{text[:30]}' tidak dikenali; tulis {DATE_FORMATS_TEXT} "
            f"(mis. {today.strftime('%d/%m/%Y')})."
        )
    if day > today:
        raise ValueError(
            f"Tanggal {format_date_id(day)} ada di masa depan; tanggal survei paling lambat "
            f"hari ini ({format_date_id(today)})."
        )
    earliest = earliest_survey_date(today)
    if day < earliest:
        raise ValueError(
            f"Tanggal {format_date_id(day)} lebih dari {YEARS_BACK} tahun lalu; tanggal survei "
            f"paling awal {format_date_id(earliest)}."
        )
    return day


def _shown(text: str) -> str:
    return text if len(text) <= VALUE_SHOWN_CHARS else f"{text[:VALUE_SHOWN_CHARS]}…"


class _Checker:
    def __init__(self, columns: tuple[ImportColumn, ...], header_row: int) -> None:
        self.header = {column.key: column.header for column in columns}
        self.header_row = header_row
        self.errors: list[RowError] = []

    def error(self, row: int, key: str, reason: str, value: Any = "") -> None:
        self.errors.append(
            RowError(
                row=row,
                column=self.header.get(key, key),
                value=_shown(cell_text(value)),
                reason=reason,
            )
        )


def _header_positions(
    checker: _Checker, header: list[Any], columns: tuple[ImportColumn, ...]
) -> dict[str, int]:
    """Position of every column found: the elements by code or name (survey_rows), the others
    by heading (the people import's header_columns); each problem reported on the header row."""
    texts = [cell_text(cell) for cell in header]
    positions: dict[str, int] = {}
    try:
        positions = {
            element.value.lower(): index for element, index in element_columns(texts).items()
        }
    except SurveyTableError as error:
        for problem in error.problems:
            checker.error(checker.header_row, ELEMENTS_COLUMN, f"{problem}.")
    others = tuple(column for column in columns if column.key not in ELEMENT_FIELDS)
    known = ", ".join(column.header for column in others)

    def header_error(_row: int, key: str, reason: str, value: Any) -> None:
        if value is not None:  # an unknown heading
            reason = (
                f"Kolom '{key[:60]}' tidak dikenal; kolom yang dikenal: {known}, dan kolom unsur "
                "U1-U9 (kode atau nama unsur, mis. U1, Persyaratan atau U1 Persyaratan)."
            )
        checker.error(checker.header_row, key, reason, value or "")

    blanked = ["" if element_for_heading(text) else text for text in texts]
    positions.update(header_columns(blanked, others, header_error))
    return positions


def paper_import_validate(
    *,
    actor: Actor,
    service_unit: ServiceUnit,
    content: bytes,
    file_name: str,
    today: date | None = None,
    progress: Progress = progress_ignore,
) -> PaperImportReport:
    """Check the whole file; every problem becomes a `RowError`. Writes nothing.

    Raises PermissionDenied for anyone who may not import the unit's paper surveys, and
    ImportFileError for a file that is not a readable table (or has too many rows)."""
    require(can_import_paper(actor, service_unit), PAPER_IMPORT_REFUSED)
    today = today or timezone.localdate()
    services = dict(
        Service.objects.filter(service_unit=service_unit, is_active=True)
        .order_by("position", "name")
        .values_list("pk", "name")
    )
    columns = paper_columns(services=list(services.values()), today=today)
    order = {column.header: index for index, column in enumerate(columns)}
    order[ELEMENTS_COLUMN] = next(i for i, c in enumerate(columns) if c.key in ELEMENT_FIELDS)
    table = import_table_read(content=content, file_name=file_name)
    progress(10, "Berkas terbaca; memeriksa baris…")
    if not table:
        checker = _Checker(columns, 1)
        checker.error(1, "Berkas", "Berkas tidak berisi baris judul maupun data.")
        return PaperImportReport(0, checker.errors, [], order)
    (header_row, header), body = table[0], table[1:]
    checker = _Checker(columns, header_row)
    positions = _header_positions(checker, header, columns)
    if not body:
        checker.error(header_row, "Berkas", "Berkas hanya berisi baris judul; tidak ada data.")
    if checker.errors:
        return PaperImportReport(len(body), checker.errors, [], order)

    planned: list[PlannedResponse] = []
    for done, (row, cells) in enumerate(body, start=1):

        def cell(key: str, cells: list[Any] = cells) -> Any:
            index = positions.get(key)
            return cells[index] if index is not None and index < len(cells) else ""

        before = len(checker.errors)
        survey_date: date | None = None
        try:
            survey_date = survey_date_parse(cell("survey_date"), today=today)
        except ValueError as error:
            checker.error(row, "survey_date", str(error), cell("survey_date"))
        raw = {key: cell(key) for key in _RESPONSE_KEYS}
        try:
            clean = response_clean(raw, services=services, require_all_answers=False)
        except ValidationError as error:
            for key, messages in error.message_dict.items():
                for message in messages:
                    checker.error(row, key, message, cell(key))
        else:
            if survey_date is not None and len(checker.errors) == before:
                planned.append(PlannedResponse(row=row, survey_date=survey_date, clean=clean))
        if done % 500 == 0:
            progress.count(done, len(body), "baris diperiksa", start=10, end=80)
    return PaperImportReport(
        total_rows=len(body),
        errors=checker.errors,
        responses=planned if not checker.errors else [],
        order=order,
    )
