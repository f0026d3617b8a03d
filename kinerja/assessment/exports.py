"""The export of a closed round's aggregates (CSV or XLSX): one row per employee and core
value, every figure through `summaries_build` (a group under k reads "kurang dari 3
penilai", never a number, and its comments are withheld), every cell through `csv_bytes` /
`xlsx_append`. BKPSDM exports the whole round, an Admin OPD their agency's employees only.
Audited as "assessment_export.downloaded"."""

from __future__ import annotations

from collections.abc import Iterator

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.assessment.models import CycleState, ReviewCycle, ReviewerList
from kinerja.assessment.permissions import can_export_results
from kinerja.assessment.summary import RELATIONS, summaries_build
from kinerja.audit.services import audit_record
from kinerja.core.exports import ExportFile, table_file
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


def export_cycle_get_for_actor(*, actor: Actor, cycle_id: int) -> ReviewCycle:
    """The round to export: Admin BKPSDM only (`permissions.can_export_results`); 404
    otherwise. An Admin OPD does not read employees' 360° results (see permissions.py)."""
    cycle = (
        ReviewCycle.objects.select_related("period", "window", "agency").filter(pk=cycle_id).first()
    )
    if cycle is None:
        raise Http404(NOT_FOUND)
    if not can_export_results(actor):
        raise Http404(NOT_FOUND)
    return cycle


def closed_refusal(cycle: ReviewCycle) -> str | None:
    """Why the round cannot be exported yet; None once closed."""
    if cycle.state != CycleState.CLOSED:
        return "Hasil umpan balik 360 dapat diekspor setelah putaran selesai."
    return None


def _lists(actor: Actor, cycle: ReviewCycle) -> list[tuple[int, str, str, str]]:
    rows = ReviewerList.objects.filter(cycle_id=cycle.pk)
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


def assessment_export_download(*, actor: Actor, cycle: ReviewCycle, file_format: str) -> ExportFile:
    """The round's aggregates as the actor may export them (see the module docstring). The
    caller fetched `cycle` through `export_cycle_get_for_actor`; a round not closed is
    refused with a ValidationError."""
    refusal = closed_refusal(cycle)
    if refusal:
        raise ValidationError({"state": [refusal]})
    rows = list(export_rows(actor=actor, cycle=cycle))
    found = table_file(
        header=HEADER,
        rows=rows,
        file_format=file_format,
        file_stem=f"hasil-360-{cycle.pk}",
        sheet_title="Hasil 360",
        widths={"A": 22, "B": 30, "C": 30, "D": 18},
    )
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="assessment_export.downloaded",
            obj=cycle,
            after={
                "cycle_id": cycle.pk,
                "format": file_format,
                "rows": len(rows),
            },
        )
    return found
