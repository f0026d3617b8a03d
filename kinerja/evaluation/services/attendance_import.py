"""`attendance_import`: a month's attendance of an agency from a CSV or XLSX file (NIP, Hari
Kerja, Hari Hadir), read by the employee import's reader and header check; every bad row named
with its row number and column, nothing saved if any row is bad, one summary audit event.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from kinerja.accounts.actors import Actor
from kinerja.audit.services import audit_record
from kinerja.evaluation.selectors.allowance import MONTH_PARAM, Month, month_employees
from kinerja.evaluation.services.allowance import (
    DaysProblem,
    attendance_days_check,
    attendance_month_refusal,
    require_attendance_handler,
    save_month,
)
from kinerja.organization.models import Agency
from kinerja.people.imports import RowError, import_table_read
from kinerja.people.imports.columns import ImportColumn, cell_text, header_columns
from kinerja.people.imports.files import ImportFileError
from kinerja.scoring.nip import InvalidNip, parse_nip

IMPORT_COLUMNS: tuple[ImportColumn, ...] = (
    ImportColumn("nip", "NIP", True, "18 digit; spasi dan titik boleh.", "19860926 201505 1 001"),
    ImportColumn("working_days", "Hari Kerja", True, "Bilangan bulat 1 sampai 31.", "21"),
    ImportColumn("present_days", "Hari Hadir", True, "Bilangan bulat 0 sampai hari kerja.", "20"),
)
IMPORT_HEADER = {column.key: column.header for column in IMPORT_COLUMNS}


class AttendanceImportRejected(ValidationError):
    """A file with bad rows: `row_errors` holds every one of them; nothing was saved."""

    def __init__(self, row_errors: list[RowError]) -> None:
        self.row_errors = row_errors
        super().__init__(
            {
                "berkas": [
                    f"Baris {e.row}, kolom {e.column} ({e.value!r}): {e.reason}" for e in row_errors
                ]
            }
        )


def _whole_number(text: str) -> int | None:
    cleaned = text.strip()
    if cleaned.endswith(".0"):
        cleaned = cleaned[:-2]
    return int(cleaned) if cleaned.isdigit() else None


def attendance_import(
    *, actor: Actor, agency: Agency, month: Month, content: bytes, file_name: str
) -> int:
    """Import the month's attendance of the agency from a CSV or XLSX file with the columns NIP,
    Hari Kerja, Hari Hadir. Every bad row is named with its row number and column
    (`AttendanceImportRejected`) and nothing is saved if any row is bad; only employees of the
    agency in that month. One summary audit event. Returns the number of rows saved."""
    require_attendance_handler(actor, agency)
    refusal = attendance_month_refusal(month)
    if refusal:
        raise ValidationError({MONTH_PARAM: [refusal]})
    try:
        table = import_table_read(content=content, file_name=file_name)
    except ImportFileError as error:
        raise ValidationError({"berkas": [str(error)]}) from None
    errors: list[RowError] = []

    def header_error(row: int, column: str, reason: str, value: Any) -> None:
        errors.append(RowError(row, IMPORT_HEADER.get(column, column), cell_text(value), reason))

    if not table:
        raise AttendanceImportRejected(
            [RowError(1, "Berkas", "", "Berkas tidak berisi baris judul maupun data.")]
        )
    (_, header), body = table[0], table[1:]
    columns = header_columns(header, IMPORT_COLUMNS, header_error)
    if not body and not errors:
        errors.append(RowError(1, "Berkas", "", "Berkas hanya berisi baris judul; tidak ada data."))
    if errors:
        raise AttendanceImportRejected(errors)
    people = {p.nip: p for p in month_employees(agency_id=agency.pk, month=month)}
    rows: dict[int, tuple[int, int]] = {}
    seen: dict[str, int] = {}
    for number, cells in body:

        def cell(key: str, cells: list[Any] = cells) -> str:
            index = columns.get(key)
            return cell_text(cells[index]) if index is not None and index < len(cells) else ""

        nip_text = cell("nip")
        try:
            nip = parse_nip(nip_text).nip
        except InvalidNip as error:
            errors.append(RowError(number, "NIP", nip_text, str(error)))
            continue
        person = people.get(nip)
        if person is None:
            errors.append(
                RowError(
                    number,
                    "NIP",
                    nip_text,
                    f"NIP {nip} bukan pegawai {agency.name} pada {month.label}.",
                )
            )
            continue
        if nip in seen:
            errors.append(
                RowError(number, "NIP", nip_text, f"NIP {nip} sudah ada di baris {seen[nip]}.")
            )
            continue
        seen[nip] = number
        working_text, present_text = cell("working_days"), cell("present_days")
        working, present = _whole_number(working_text), _whole_number(present_text)
        if working is None and working_text:
            errors.append(
                RowError(
                    number,
                    "Hari Kerja",
                    working_text,
                    f"Hari kerja {working_text[:20]!r} bukan bilangan bulat; isi 1 sampai 31.",
                )
            )
            continue
        if present is None and present_text:
            errors.append(
                RowError(
                    number,
                    "Hari Hadir",
                    present_text,
                    f"Hari hadir {present_text[:20]!r} bukan bilangan bulat; isi 0 sampai hari "
                    "kerja.",
                )
            )
            continue
        days = attendance_days_check(working, present)
        if isinstance(days, DaysProblem):
            raw = working_text if days.field == "working_days" else present_text
            errors.append(RowError(number, IMPORT_HEADER[days.field], raw, days.sentence))
            continue
        rows[person.employee_id] = days
    if errors:
        raise AttendanceImportRejected(errors)
    with transaction.atomic():
        created, changed = save_month(actor=actor, month=month, rows=rows)
        audit_record(
            actor=actor,
            action="attendance.imported",
            obj=agency,
            after={
                "agency_id": agency.pk,
                "month": month.param,
                "file_name": file_name[:200],
                "rows": len(rows),
                "created": created,
                "changed": changed,
            },
        )
    return len(rows)
