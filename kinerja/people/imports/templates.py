"""The downloadable templates (XLSX with an explanation sheet, CSV header line).

Examples in the template are real codes: the first agency the person may import for and one of
its units, so that a copied example works; the static examples stand in when there are none.
Both files are written through `kinerja.core.exports` (formula-safe cells).
"""

from __future__ import annotations

from typing import Any

from kinerja.accounts.actors import Actor
from kinerja.core.exports import csv_bytes, xlsx_append, xlsx_bytes, xlsx_guide_sheet
from kinerja.organization.selectors import agency_list_for_actor, unit_list_for_actor
from kinerja.people.imports.columns import COLUMNS, HEADER
from kinerja.people.imports.files import MAX_ROWS
from kinerja.scoring.formatting import format_decimal


def import_template_examples(*, actor: Actor) -> dict[str, str]:
    """Example per column key: the static ones, with agency and unit codes from the data."""
    examples = {column.key: column.example for column in COLUMNS}
    agency = agency_list_for_actor(actor=actor).first()
    if agency is not None:
        examples["agency_code"] = agency.code
        unit = unit_list_for_actor(actor=actor, agency_id=agency.pk).first()
        if unit is not None:
            examples["unit_code"] = unit.code
    return examples


def import_template_csv() -> bytes:
    """Header line only, semicolon-separated with a BOM: Indonesian Excel opens it as is."""
    return csv_bytes([list(HEADER.values())])


def import_template_xlsx(*, examples: dict[str, str]) -> bytes:
    """Sheet "Data" with the headers (NIP formatted as text); sheet "Petunjuk" explains them."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    data = workbook.active
    assert data is not None
    data.title = "Data"
    xlsx_append(data, HEADER.values())
    for cell in data[1]:
        cell.font = Font(bold=True)
    data.column_dimensions["A"].width = 24
    data.column_dimensions["A"].number_format = "@"
    for row in range(2, 1002):
        data.cell(row=row, column=1).number_format = "@"
    data.freeze_panes = "A2"

    notes = [
        "Satu baris untuk satu pegawai; NIP menjadi kunci. Urutan kolom bebas; huruf besar/kecil "
        "dan spasi pada judul kolom diabaikan.",
        "Seluruh berkas diperiksa dahulu; bila ada satu kesalahan, tidak ada data yang disimpan.",
        "Mengimpor berkas yang sama dua kali tidak mengubah apa pun.",
        "Jabatan yang sudah ada tidak diubah; jabatan baru dibuat dari baris pertama yang "
        "menyebutnya.",
        "Penugasan definitif baru menutup penugasan definitif pegawai sebelumnya sehari sebelum "
        "TMT Jabatan.",
        "Berkas CSV: UTF-8, pemisah titik koma (;) atau koma. Paling besar 10 MB dan "
        f"{format_decimal(MAX_ROWS, 0)} baris data.",
    ]
    xlsx_guide_sheet(
        workbook,
        columns=((c.header, c.required, c.help, examples.get(c.key, c.example)) for c in COLUMNS),
        notes=notes,
        widths={"A": 26, "B": 8, "C": 90, "D": 28},
    )
    return xlsx_bytes(workbook)


def import_errors_csv(*, errors: list[dict[str, Any]]) -> bytes:
    """The error report of a checked file, to fix the rows in a spreadsheet."""
    rows: list[list[Any]] = [["Baris", "Kolom", "Nilai", "Alasan"]]
    rows += [[e["row"], e["column"], e["value"], e["reason"]] for e in errors]
    return csv_bytes(rows)
