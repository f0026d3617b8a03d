"""The e-Kinerja/SIASN re-entry file of an agency's group as CSV or XLSX, every cell through
`csv_bytes` / `xlsx_append`, audited as "evaluation_export.downloaded"."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from kinerja.accounts.actors import Actor
from kinerja.audit.services import audit_record
from kinerja.core.exports import (
    CSV_CONTENT_TYPE,
    XLSX_CONTENT_TYPE,
    csv_bytes,
    xlsx_append,
    xlsx_bytes,
)
from kinerja.evaluation.permissions import NOT_AGENCY_MANAGER, can_export_agency
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.exports import EKINERJA_HEADER, ekinerja_rows, period_code
from kinerja.organization.models import Agency

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


def _xlsx(rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "e-Kinerja"
    xlsx_append(sheet, EKINERJA_HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        xlsx_append(sheet, row)
    for letter, width in {"A": 22, "B": 32, "C": 32, "G": 22, "I": 22, "K": 18}.items():
        sheet.column_dimensions[letter].width = width
    return xlsx_bytes(workbook)


def evaluation_export_download(
    *, actor: Actor, agency: Agency, scope: Scope, file_format: str
) -> ExportFile:
    """The agency's rated and acknowledged evaluations of the group in e-Kinerja's shape.
    PermissionDenied unless BKPSDM or the agency's Admin OPD; a trial period is refused."""
    if not can_export_agency(actor, agency.pk):
        raise PermissionDenied(NOT_AGENCY_MANAGER)
    rows = ekinerja_rows(agency=agency, scope=scope)
    name = f"ekinerja-{agency.code or agency.pk}-{period_code(scope)}.{file_format}"
    if file_format == "xlsx":
        content, content_type = _xlsx(rows), XLSX_CONTENT_TYPE
    else:
        content, content_type = csv_bytes([EKINERJA_HEADER, *rows]), CSV_CONTENT_TYPE
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="evaluation_export.downloaded",
            obj=agency,
            after={
                "agency_id": agency.pk,
                "period_id": scope.period.pk,
                "window_id": scope.window_id,
                "format": file_format,
                "rows": len(rows),
            },
        )
    return ExportFile(content=content, content_type=content_type, file_name=name, rows=len(rows))
