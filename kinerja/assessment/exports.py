"""The export of a closed round's aggregates (CSV or XLSX): one row per employee and core
value, every figure through `summaries_build` (a group under k reads "kurang dari 3
penilai", never a number, and its comments are withheld), every cell through `csv_bytes` /
`xlsx_append`. BKPSDM exports the whole round, an Admin OPD their agency's employees only.
Audited as "assessment_export.downloaded"."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import is_agency_admin, is_hr_admin, managed_agency_id
from kinerja.assessment.models import CycleState, ReviewCycle, ReviewerList
from kinerja.assessment.summary import RELATIONS, summaries_build
from kinerja.audit.services import audit_record
from kinerja.core.exports import (
    CSV_CONTENT_TYPE,
    XLSX_CONTENT_TYPE,
    csv_bytes,
    xlsx_append,
    xlsx_bytes,
)
from kinerja.scoring.behavior import Relation

NOT_FOUND = "Ekspor hasil umpan balik 360 tidak ditemukan."
FORMAT_PARAM = "format"
FORMATS = ("csv", "xlsx")
CHUNK = 500
COMMENT_SEPARATOR = " | "

HEADER: tuple[str, ...] = (
    "NIP",
    "Nama",
    "Unit kerja",
    "Nilai dasar",
    *(
        heading
        for relation in RELATIONS
        for heading in (
            Relation.label_table()[relation.value],
            f"Komentar {Relation.label_table()[relation.value].lower()}",
        )
    ),
)


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


def export_cycle_get_for_actor(*, actor: Actor, cycle_id: int) -> ReviewCycle:
    """The round to export: BKPSDM any, an Admin OPD a round of their agency or the city;
    404 otherwise."""
    cycle = (
        ReviewCycle.objects.select_related("period", "window", "agency").filter(pk=cycle_id).first()
    )
    if cycle is None:
        raise Http404(NOT_FOUND)
    if is_hr_admin(actor):
        return cycle
    if is_agency_admin(actor) and cycle.agency_id in (None, managed_agency_id(actor)):
        return cycle
    raise Http404(NOT_FOUND)


def closed_refusal(cycle: ReviewCycle) -> str | None:
    """Why the round cannot be exported yet; None once closed."""
    if cycle.state != CycleState.CLOSED:
        return "Hasil umpan balik 360 dapat diekspor setelah putaran selesai."
    return None


def _lists(actor: Actor, cycle: ReviewCycle) -> list[tuple[int, str, str, str]]:
    rows = ReviewerList.objects.filter(cycle_id=cycle.pk)
    if not is_hr_admin(actor):
        agency_id = managed_agency_id(actor)
        rows = rows.filter(agency_id=agency_id) if agency_id is not None else rows.none()
    return list(
        rows.order_by("agency__name", "unit__name", "employee__name", "employee_id").values_list(
            "employee_id", "employee__nip", "employee__name", "unit__name"
        )
    )


def export_rows(*, actor: Actor, cycle: ReviewCycle) -> Iterator[list[str]]:
    """One row per employee and core value, in chunks of `CHUNK` employees."""
    lists = _lists(actor, cycle)
    for start in range(0, len(lists), CHUNK):
        chunk = lists[start : start + CHUNK]
        summaries = summaries_build(cycle=cycle, employee_ids=[row[0] for row in chunk])
        for employee_id, nip, name, unit_name in chunk:
            for value in summaries[employee_id].values:
                row = [nip, name, unit_name or "", value.value.name]
                for figure in value.figures:
                    row += [figure.text, COMMENT_SEPARATOR.join(figure.comments)]
                yield row


def _xlsx(rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Hasil 360"
    xlsx_append(sheet, HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        xlsx_append(sheet, row)
    for letter, width in {"A": 22, "B": 30, "C": 30, "D": 18}.items():
        sheet.column_dimensions[letter].width = width
    return xlsx_bytes(workbook)


def assessment_export_download(*, actor: Actor, cycle: ReviewCycle, file_format: str) -> ExportFile:
    """The round's aggregates as the actor may export them (see the module docstring). The
    caller fetched `cycle` through `export_cycle_get_for_actor`; a round not closed is
    refused with a ValidationError."""
    refusal = closed_refusal(cycle)
    if refusal:
        raise ValidationError({"state": [refusal]})
    rows = list(export_rows(actor=actor, cycle=cycle))
    name = f"hasil-360-{cycle.pk}.{file_format}"
    if file_format == "xlsx":
        content, content_type = _xlsx(rows), XLSX_CONTENT_TYPE
    else:
        content, content_type = csv_bytes([HEADER, *rows]), CSV_CONTENT_TYPE
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="assessment_export.downloaded",
            obj=cycle,
            after={
                "cycle_id": cycle.pk,
                "agency_id": None if is_hr_admin(actor) else managed_agency_id(actor),
                "format": file_format,
                "rows": len(rows),
            },
        )
    return ExportFile(content=content, content_type=content_type, file_name=name, rows=len(rows))
