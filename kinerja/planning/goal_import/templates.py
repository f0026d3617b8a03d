"""The downloadable XLSX template of the goal import: sheet "Data" with the headers and one
example goal, sheet "Petunjuk" explaining each column (cells written through
`kinerja.core.exports`, formula-safe)."""

from __future__ import annotations

from kinerja.core.exports import xlsx_append, xlsx_bytes, xlsx_guide_sheet
from kinerja.planning.goal_import.columns import COLUMNS, HEADER


def goal_import_template_xlsx() -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    data = workbook.active
    assert data is not None
    data.title = "Data"
    xlsx_append(data, HEADER.values())
    for cell in data[1]:
        cell.font = Font(bold=True)
    data.freeze_panes = "A2"

    notes = [
        "Satu baris untuk satu indikator kinerja utama (IKU); nomor, kalimat dan perspektif "
        "sasaran diulang pada setiap barisnya.",
        "Seluruh berkas diperiksa dahulu; bila ada satu kesalahan, tidak ada data yang disimpan.",
        "Nomor sasaran yang sudah tersimpan pada periode ini ditolak: ubah lewat halaman sasaran.",
        "Berkas CSV: UTF-8, pemisah titik koma (;) atau koma. Paling besar 10 MB.",
    ]
    xlsx_guide_sheet(
        workbook,
        columns=((c.header, c.required, c.help, c.example) for c in COLUMNS),
        notes=notes,
        widths={"A": 26, "C": 90, "D": 40},
    )
    return xlsx_bytes(workbook)
