"""`employee_import_validate`: check a whole file at once; writes nothing."""

from __future__ import annotations

from contextlib import suppress
from datetime import date
from typing import Any

from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import require
from kinerja.core.jobs import Progress, progress_ignore
from kinerja.people.imports.access import IMPORT_REFUSED, can_import_employees
from kinerja.people.imports.columns import cell_text
from kinerja.people.imports.files import import_table_read
from kinerja.people.imports.plan import plan_build
from kinerja.people.imports.reference import reference_load
from kinerja.people.imports.report import ImportPlanCounts, ImportReport
from kinerja.people.imports.rows import ImportRow, Validator
from kinerja.scoring.nip import InvalidNip, nip_digits


def employee_import_validate(
    *,
    actor: Actor,
    content: bytes,
    file_name: str,
    progress: Progress = progress_ignore,
    today: date | None = None,
) -> ImportReport:
    """Check the whole file; every problem becomes a `RowError`. Writes nothing.

    Raises PermissionDenied for anyone but Admin BKPSDM and Admin OPD, and ImportFileError
    for a file that is not a readable table. A fixed handful of queries at any file size.
    """
    require(can_import_employees(actor), IMPORT_REFUSED)
    today = today or timezone.localdate()
    table = import_table_read(content=content, file_name=file_name)
    progress(10, "Berkas terbaca; memeriksa baris…")
    validator = Validator(actor=actor, today=today)
    if not table:
        validator.error(1, "Berkas", "Berkas tidak berisi baris judul maupun data.", "")
        return ImportReport(total_rows=0, errors=validator.errors, counts=ImportPlanCounts())
    (_, header), body = table[0], table[1:]
    columns = validator.columns(header)
    if not body:
        validator.error(1, "Berkas", "Berkas hanya berisi baris judul; tidak ada data.", "")
    if validator.errors:
        return ImportReport(
            total_rows=len(body), errors=validator.errors, counts=ImportPlanCounts()
        )

    def cell(cells: list[Any], key: str) -> str:
        index = columns.get(key)
        return cell_text(cells[index]) if index is not None and index < len(cells) else ""

    agency_codes = {cell(cells, "agency_code") for _, cells in body}
    nips: set[str] = set()
    for _, cells in body:
        with suppress(InvalidNip):  # the row check reports a bad NIP
            nips.add(nip_digits(cell(cells, "nip")))
    ref = reference_load(agency_codes=agency_codes, nips=nips)
    rows: list[ImportRow] = []
    for index, (number, cells) in enumerate(body, start=1):
        rows.append(validator.row(number, cells, columns, ref))
        if index % 1000 == 0:
            progress.count(index, len(body), "baris diperiksa", start=10, end=70)
    progress(75, "Memeriksa keterkaitan antarbaris…")
    plan, unchanged = plan_build(validator, rows, ref)
    progress(95, "Pemeriksaan selesai")
    if validator.errors:
        return ImportReport(
            total_rows=len(rows), errors=validator.errors, counts=ImportPlanCounts()
        )
    return ImportReport(total_rows=len(rows), errors=[], counts=plan.counts(unchanged), plan=plan)
