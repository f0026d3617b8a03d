"""The allowance (TPP) sheet of an agency's month: built under the scheme in force (the default
scheme created when there is none), written as XLSX through `xlsx_append`, and audited when
downloaded.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from kinerja.accounts.actors import Actor
from kinerja.audit.services import audit_record
from kinerja.core.exports import xlsx_append, xlsx_bytes
from kinerja.evaluation.models import AllowanceScheme
from kinerja.evaluation.selectors.allowance import (
    MONTH_PARAM,
    MULTIPLIER_FIELDS,
    AllowanceSheet,
    Month,
    allowance_sheet_build,
    scheme_description,
    scheme_for_month,
)
from kinerja.evaluation.services.allowance import (
    allowance_scheme_builtin,
    require_attendance_handler,
)
from kinerja.organization.models import Agency

SHEET_HEADER = (
    "NIP",
    "Nama",
    "Jabatan",
    "Kode Predikat",
    "Predikat",
    "Hari Kerja",
    "Hari Hadir",
    "Bagian Kinerja (%)",
    "Bagian Kehadiran (%)",
    "Jumlah TPP (%)",
    "Keterangan",
)


def allowance_sheet_prepare(*, actor: Actor, agency: Agency, month: Month) -> AllowanceSheet:
    """The sheet of the agency's month under the scheme in force (the built-in 2019 scheme
    while none is stored; reading writes nothing). PermissionDenied unless BKPSDM or the
    agency's Admin OPD; a ValidationError on `bulan` when no scheme was in force that month."""
    require_attendance_handler(actor, agency)
    scheme = scheme_for_month(month)
    if scheme is None and not AllowanceScheme.objects.exists():
        scheme = allowance_scheme_builtin()
    if scheme is None:
        raise ValidationError(
            {MONTH_PARAM: [f"Belum ada skema TPP yang berlaku pada {month.label}."]}
        )
    return allowance_sheet_build(agency=agency, month=month, scheme=scheme)


def allowance_sheet_xlsx(sheet: AllowanceSheet) -> bytes:
    """The sheet as XLSX: the rows, then a second sheet "Keterangan" with the scheme."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    rows_sheet = workbook.active
    assert rows_sheet is not None
    rows_sheet.title = "TPP"
    xlsx_append(rows_sheet, SHEET_HEADER)
    for cell in rows_sheet[1]:
        cell.font = Font(bold=True)
    for row in sheet.rows:
        xlsx_append(
            rows_sheet,
            [
                row.nip,
                row.name,
                row.position,
                row.predikat.value if row.predikat else "",
                row.predikat.label if row.predikat else "",
                row.working_days,
                row.present_days,
                row.performance,
                row.attendance,
                row.total,
                " ".join(row.notes),
            ],
        )
    for letter, width in {"A": 22, "B": 32, "C": 32, "E": 18, "K": 50}.items():
        rows_sheet.column_dimensions[letter].width = width
    notes = workbook.create_sheet("Keterangan")
    scheme = sheet.scheme
    for label, value in [
        ("Perangkat daerah", sheet.agency.name),
        ("Bulan", sheet.month.label),
        ("Skema", scheme_description(scheme)),
        ("Porsi kinerja (%)", scheme.performance_share),
        ("Porsi kehadiran (%)", scheme.attendance_share),
        *[(f"Pengali {p.label} (%)", getattr(scheme, f)) for p, f in MULTIPLIER_FIELDS.items()],
        ("Dasar", scheme.source),
        (
            "Uji coba",
            "Hasil periode uji coba tidak dipakai untuk TPP"
            + (f": {', '.join(sheet.trial_periods)}." if sheet.trial_periods else "."),
        ),
    ]:
        xlsx_append(notes, [label, value])
    notes.column_dimensions["A"].width = 28
    notes.column_dimensions["B"].width = 70
    return xlsx_bytes(workbook)


def allowance_sheet_download(*, actor: Actor, agency: Agency, month: Month) -> bytes:
    """The XLSX of the agency's month, audited as "allowance_sheet.downloaded"."""
    sheet = allowance_sheet_prepare(actor=actor, agency=agency, month=month)
    content = allowance_sheet_xlsx(sheet)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="allowance_sheet.downloaded",
            obj=agency,
            after={
                "agency_id": agency.pk,
                "month": month.param,
                "scheme": sheet.scheme.name,
                "rows": len(sheet.rows),
                "complete": sheet.complete_count,
            },
        )
    return content
