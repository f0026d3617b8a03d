"""The raw answers of a unit for a span as XLSX: one row per response (date, channel, service,
U1-U9, profile, suggestion; a hidden suggestion reads "[disembunyikan]").

Written with openpyxl's write-only workbook into a temporary file and read with a chunked
iterator, so 100,000 answers take a few megabytes of memory, not a copy of every row; every cell
goes through `xlsx_append` (formulas neutralised). Two queries whatever the number of rows.
"""

from __future__ import annotations

import tempfile
from typing import IO, Any

from openpyxl import Workbook

from kinerja.core.exports import xlsx_append
from kinerja.organization.models import ServiceUnit
from kinerja.scoring.ikm import Element
from kinerja.surveys.models import (
    ELEMENT_FIELDS,
    Channel,
    Education,
    Occupation,
    RespondentGender,
    SurveyResponse,
)
from kinerja.surveys.spans import Span

CHUNK_SIZE = 2000
HIDDEN = "[disembunyikan]"
HEADERS = (
    "Tanggal survei",
    "Saluran",
    "Jenis layanan",
    *(f"{element.value} {element.label}" for element in Element),
    "Jenis kelamin",
    "Usia",
    "Pendidikan",
    "Pekerjaan",
    "Saran atau pengaduan",
)
COLUMNS = (
    "survey_date", "channel", "service__name", *ELEMENT_FIELDS, "gender", "age", "education",
    "occupation", "suggestion", "suggestion_hidden",
)  # fmt: skip

_LABELS: dict[str, dict[str, str]] = {
    name: {value: str(label) for value, label in choices.choices}
    for name, choices in (
        ("channel", Channel),
        ("gender", RespondentGender),
        ("education", Education),
        ("occupation", Occupation),
    )
}


def answers_xlsx_name(*, service_unit: ServiceUnit, span: Span) -> str:
    period = "-".join(span.param.values())
    return f"jawaban-skm-{service_unit.slug}-{period}.xlsx"


def _row(values: tuple[Any, ...]) -> list[Any]:
    row = dict(zip(COLUMNS, values, strict=True))
    suggestion = HIDDEN if row["suggestion_hidden"] and row["suggestion"] else row["suggestion"]
    return [
        row["survey_date"],
        _LABELS["channel"].get(row["channel"], row["channel"]),
        row["service__name"] or "",
        *(row[field] for field in ELEMENT_FIELDS),
        _LABELS["gender"].get(row["gender"], ""),
        row["age"],
        _LABELS["education"].get(row["education"], ""),
        _LABELS["occupation"].get(row["occupation"], ""),
        suggestion,
    ]


def answers_xlsx_file(*, service_unit: ServiceUnit, span: Span) -> IO[bytes]:
    """A temporary file holding the workbook, positioned at its start (the caller streams it
    and closes it)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Jawaban")
    xlsx_append(sheet, HEADERS)
    rows = (
        SurveyResponse.objects.filter(
            service_unit=service_unit, survey_date__range=(span.start, span.end)
        )
        .order_by("survey_date", "pk")
        .values_list(*COLUMNS)
    )
    for values in rows.iterator(chunk_size=CHUNK_SIZE):
        xlsx_append(sheet, _row(values))
    target = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 (FileResponse closes it)
    workbook.save(target)
    target.seek(0)
    return target
