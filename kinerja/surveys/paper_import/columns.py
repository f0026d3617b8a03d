"""The columns of a paper survey file, in the order of the paper form (U9 before U8).

Element columns are found by `kinerja.scoring.survey_rows` (code, name or both: "U1",
"Persyaratan", "U9 Sarana dan Prasarana"), never by position; the other columns by heading
through the people import's `header_columns`. Only "Tanggal" is always required (and "Layanan"
when the unit has services): a paper form may leave the profile and the suggestion empty.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from kinerja.people.imports.columns import ImportColumn
from kinerja.scoring.formatting import format_decimal
from kinerja.scoring.ikm import Element
from kinerja.surveys.models import (
    AGE_MAX,
    AGE_MIN,
    SUGGESTION_MAX_CHARS,
    Education,
    Occupation,
    RespondentGender,
)
from kinerja.surveys.questions import question_for

PAPER_ORDER: tuple[Element, ...] = (
    Element.U1,
    Element.U2,
    Element.U3,
    Element.U4,
    Element.U5,
    Element.U6,
    Element.U7,
    Element.U9,
    Element.U8,
)
"""The elements in the order the common paper form asks them (reference/skm.json)."""

EXAMPLE_ANSWERS: dict[Element, str] = {
    Element.U1: "3",
    Element.U2: "3",
    Element.U3: "2",
    Element.U4: "4",
    Element.U5: "3",
    Element.U6: "3",
    Element.U7: "4",
    Element.U8: "3",
    Element.U9: "3",
}
DATE_FORMATS_TEXT = "HH/BB/TTTT, TTTT-BB-HH atau sel tanggal Excel"
YEARS_BACK = 2
"""A paper survey older than this many years is refused (it belongs to an old report)."""


def element_header(element: Element) -> str:
    """The template's heading of an element column: "U9 Sarana dan Prasarana"."""
    return f"{element.value} {element.label}"


def _labels(choices: Sequence[tuple[object, object]]) -> str:
    names = [str(name) for _, name in choices]
    return f"{', '.join(names[:-1])} atau {names[-1]}"


def _element_help(element: Element) -> str:
    labels = question_for(element).labels
    scale = ", ".join(f"{n} = {label}" for n, label in enumerate(labels, start=1))
    return f"Jawaban {scale}; kosong bila tidak dijawab."


def paper_columns(*, services: Sequence[str], today: date) -> tuple[ImportColumn, ...]:
    """Every column of the file for a unit with these active `services` (names)."""
    service_help = (
        "Jenis layanan yang diterima, ditulis seperti di daftar layanan unit: "
        f"{_labels([(name, name) for name in services])}."
        if services
        else "Unit ini belum punya daftar jenis layanan; biarkan kosong."
    )
    return (
        ImportColumn(
            "number",
            "No",
            False,
            "Nomor formulir kertas, untuk menemukan formulirnya bila ada kesalahan; tidak "
            "disimpan.",
            "1",
        ),
        ImportColumn(
            "survey_date",
            "Tanggal",
            True,
            f"Tanggal survei: {DATE_FORMATS_TEXT}; tidak di masa depan dan tidak lebih dari "
            f"{YEARS_BACK} tahun lalu.",
            today.strftime("%d/%m/%Y"),
        ),
        ImportColumn(
            "service", "Layanan", bool(services), service_help, services[0] if services else ""
        ),
        ImportColumn(
            "gender",
            "Jenis Kelamin",
            False,
            f"{_labels(RespondentGender.choices)} (atau L/P).",
            "P",
        ),
        ImportColumn(
            "age", "Usia", False, f"Tahun, bilangan bulat {AGE_MIN} sampai {AGE_MAX}.", "34"
        ),
        ImportColumn("education", "Pendidikan", False, f"{_labels(Education.choices)}.", "SMA/SMK"),
        ImportColumn(
            "occupation", "Pekerjaan", False, f"{_labels(Occupation.choices)}.", "Wirausaha"
        ),
        *(
            ImportColumn(
                element.value.lower(),
                element_header(element),
                True,
                _element_help(element),
                EXAMPLE_ANSWERS[element],
            )
            for element in PAPER_ORDER
        ),
        ImportColumn(
            "suggestion",
            "Saran",
            False,
            "Saran atau pengaduan responden, paling banyak "
            f"{format_decimal(SUGGESTION_MAX_CHARS, 0)} karakter.",
            "Mohon ruang tunggu ditambah kursinya.",
        ),
    )
