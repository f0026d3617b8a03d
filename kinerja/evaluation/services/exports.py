"""The e-Kinerja/SIASN re-entry file of an agency's group as CSV or XLSX, every cell through
`csv_bytes` / `xlsx_append`, audited as "evaluation_export.downloaded"."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from kinerja.accounts.actors import Actor
from kinerja.audit.services import audit_record
from kinerja.core.exports import ExportFile, table_file
from kinerja.evaluation.permissions import NOT_AGENCY_MANAGER, can_export_agency
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.exports import EKINERJA_HEADER, ekinerja_rows, period_code
from kinerja.organization.models import Agency


def evaluation_export_download(
    *, actor: Actor, agency: Agency, scope: Scope, file_format: str
) -> ExportFile:
    """The agency's rated and acknowledged evaluations of the group in e-Kinerja's shape.
    PermissionDenied unless BKPSDM or the agency's Admin OPD; a trial period is refused."""
    if not can_export_agency(actor, agency.pk):
        raise PermissionDenied(NOT_AGENCY_MANAGER)
    rows = ekinerja_rows(agency=agency, scope=scope)
    found = table_file(
        header=EKINERJA_HEADER,
        rows=rows,
        file_format=file_format,
        file_stem=f"ekinerja-{agency.code or agency.pk}-{period_code(scope)}",
        sheet_title="e-Kinerja",
        widths={"A": 22, "B": 32, "C": 32, "G": 22, "I": 22, "K": 18},
    )
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
    return found
