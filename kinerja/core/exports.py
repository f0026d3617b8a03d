"""Writing spreadsheets (CSV, XLSX) that are safe to open: the one way every export writes.

A cell whose text starts with "=", "+", "-" or "@" (or a tab or carriage return, which some
programs skip before reading a formula) is read by Excel and LibreOffice as a formula, which
can run commands or leak data when a colleague opens the file ("CSV injection", OWASP). Every
value therefore passes through `spreadsheet_safe`, which puts an apostrophe in front of such
text, the usual way to say "this is text". Numbers, dates and booleans pass unchanged.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"


def spreadsheet_safe(value: Any) -> Any:
    """The value as a spreadsheet must store it: text that would start a formula escaped."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def spreadsheet_row(values: Iterable[Any]) -> list[Any]:
    return [spreadsheet_safe(value) for value in values]


def csv_bytes(rows: Iterable[Sequence[Any]], *, delimiter: str = ";") -> bytes:
    """CSV with a byte-order mark, semicolons and CRLF: Indonesian Excel opens it as is."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(spreadsheet_row(row))
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_append(sheet: Any, values: Iterable[Any]) -> None:
    """Append one row to an openpyxl worksheet, every text cell stored as text."""
    sheet.append(spreadsheet_row(values))


def xlsx_guide_sheet(
    workbook: Any,
    *,
    columns: Iterable[Sequence[Any]],
    notes: Iterable[str],
    widths: dict[str, int],
) -> None:
    """The "Petunjuk" sheet of an import template: one row per column (header, "Ya"/"Tidak"
    for required, help, example) under a bold heading, then the notes; the help wraps."""
    from openpyxl.styles import Alignment, Font

    guide = workbook.create_sheet("Petunjuk")
    xlsx_append(guide, ["Kolom", "Wajib", "Keterangan", "Contoh"])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for header, required, help_text, example in columns:
        xlsx_append(guide, [header, "Ya" if required else "Tidak", help_text, example])
    guide.append([])
    for note in notes:
        xlsx_append(guide, [note])
    for letter, width in widths.items():
        guide.column_dimensions[letter].width = width
    for row in guide.iter_rows(min_row=2):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")


def xlsx_bytes(workbook: Any) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- a table downloaded as CSV or XLSX ---------------------------------------------------------

FORMAT_PARAM = "format"
FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    content_type: str
    file_name: str
    rows: int


def export_format(raw: str | None) -> str:
    """The `format` parameter: csv (default) or xlsx; a ValidationError naming it otherwise."""
    value = (raw or "csv").strip().lower()
    if value not in FORMATS:
        raise ValidationError(
            {FORMAT_PARAM: [f"Format {value[:20]!r} tidak dikenal; pilih csv atau xlsx."]}
        )
    return value


def table_file(
    *,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    file_format: str,
    file_stem: str,
    sheet_title: str,
    widths: dict[str, int] | None = None,
) -> ExportFile:
    """One table as a CSV (";"-separated) or an XLSX sheet with a bold header row, every cell
    formula-safe; named `<file_stem>.<file_format>`."""
    if file_format == "xlsx":
        from openpyxl import Workbook
        from openpyxl.styles import Font

        workbook = Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.title = sheet_title
        xlsx_append(sheet, header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            xlsx_append(sheet, row)
        for letter, width in (widths or {}).items():
            sheet.column_dimensions[letter].width = width
        content, content_type = xlsx_bytes(workbook), XLSX_CONTENT_TYPE
    else:
        content, content_type = csv_bytes([header, *rows]), CSV_CONTENT_TYPE
    return ExportFile(
        content=content,
        content_type=content_type,
        file_name=f"{file_stem}.{file_format}",
        rows=len(rows),
    )
