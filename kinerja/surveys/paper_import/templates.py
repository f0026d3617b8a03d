"""The downloadable XLSX template of the paper import: sheet "Data" with the headings in the
paper form's order (U9 before U8) and one example row that imports cleanly, sheet "Pilihan"
with the accepted values, sheet "Petunjuk" explaining each column (every cell written through
`kinerja.core.exports`, formula-safe)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import zip_longest

from kinerja.core.exports import xlsx_append, xlsx_bytes, xlsx_guide_sheet
from kinerja.scoring.ikm import Element
from kinerja.surveys.models import AGE_MAX, AGE_MIN, Education, Occupation, RespondentGender
from kinerja.surveys.paper_import.columns import PAPER_ORDER, element_header, paper_columns
from kinerja.surveys.questions import question_for


def _accepted_values(services: Sequence[str]) -> list[tuple[str, list[str]]]:
    labels = question_for(Element.U1).labels  # the scale, with U1's words as its example
    return [
        ("Layanan", list(services) or ["(unit ini belum punya daftar jenis layanan)"]),
        ("Jenis Kelamin", [f"{name} ({code})" for code, name in RespondentGender.choices]),
        ("Usia", [f"{AGE_MIN} sampai {AGE_MAX} tahun"]),
        ("Pendidikan", [str(name) for _, name in Education.choices]),
        ("Pekerjaan", [str(name) for _, name in Occupation.choices]),
        ("Jawaban U1-U9", [f"{n} ({label}, untuk U1)" for n, label in enumerate(labels, 1)]),
    ]


def _example(key: str, example: str, today: date) -> object:
    """The example row's cell: a real date and real numbers, as a person would type them."""
    if key == "survey_date":
        return today
    return int(example) if example.isdigit() else example


def paper_import_template_xlsx(*, services: Sequence[str], today: date) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    columns = paper_columns(services=services, today=today)
    workbook = Workbook()
    data = workbook.active
    assert data is not None
    data.title = "Data"
    xlsx_append(data, [column.header for column in columns])
    xlsx_append(data, [_example(column.key, column.example, today) for column in columns])
    data["B2"].number_format = "DD/MM/YYYY"
    for cell in data[1]:
        cell.font = Font(bold=True)
    data.freeze_panes = "A2"
    for letter, width in {"B": 12, "C": 24, "F": 12, "G": 18}.items():
        data.column_dimensions[letter].width = width

    choices = workbook.create_sheet("Pilihan")
    accepted = _accepted_values(services)
    xlsx_append(choices, [heading for heading, _ in accepted])
    for cell in choices[1]:
        cell.font = Font(bold=True)
    for values in zip_longest(*(values for _, values in accepted), fillvalue=""):
        xlsx_append(choices, values)
    for letter in "ABCDEF":
        choices.column_dimensions[letter].width = 28

    order = ", ".join(element_header(element) for element in PAPER_ORDER[-2:])
    notes = [
        "Satu baris untuk satu formulir kertas. Kolom unsur dikenali dari kode atau namanya "
        f"(U1, Persyaratan atau U1 Persyaratan), bukan dari urutannya: formulir menanyakan "
        f"{order} dalam urutan itu, dan urutan kolom boleh berbeda.",
        "Kolom unsur wajib ada di baris judul; selnya boleh kosong bila pertanyaan tidak "
        "dijawab, asal paling sedikit satu unsur terisi.",
        "Seluruh berkas diperiksa dahulu; bila ada satu kesalahan, tidak ada jawaban yang "
        "disimpan.",
        "Berkas CSV: UTF-8, pemisah titik koma (;) atau koma. Paling besar 10 MB.",
    ]
    xlsx_guide_sheet(
        workbook,
        columns=((c.header, c.required, c.help, c.example) for c in columns),
        notes=notes,
        widths={"A": 40, "C": 90, "D": 30},
    )
    return xlsx_bytes(workbook)
