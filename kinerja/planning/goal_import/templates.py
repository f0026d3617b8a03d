"""The downloadable XLSX template of the goal import: sheet "Data" with the headers and one
example goal, sheet "Petunjuk" explaining each column (cells written through
`kinerja.core.exports`, formula-safe)."""

from __future__ import annotations

import io

from kinerja.core.exports import xlsx_append
from kinerja.planning.goal_import.columns import COLUMNS, HEADER


def goal_import_template_xlsx() -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    data = workbook.active
    assert data is not None
    data.title = "Data"
    xlsx_append(data, HEADER.values())
    for cell in data[1]:
        cell.font = Font(bold=True)
    data.freeze_panes = "A2"

    guide = workbook.create_sheet("Petunjuk")
    xlsx_append(guide, ["Kolom", "Wajib", "Keterangan", "Contoh"])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for column in COLUMNS:
        xlsx_append(
            guide,
            [column.header, "Ya" if column.required else "Tidak", column.help, column.example],
        )
    guide.append([])
    for note in [
        "Satu baris untuk satu indikator kinerja utama (IKU); nomor, kalimat dan perspektif "
        "sasaran diulang pada setiap barisnya.",
        "Seluruh berkas diperiksa dahulu; bila ada satu kesalahan, tidak ada data yang disimpan.",
        "Nomor sasaran yang sudah tersimpan pada periode ini ditolak: ubah lewat halaman sasaran.",
        "Berkas CSV: UTF-8, pemisah titik koma (;) atau koma. Paling besar 10 MB.",
    ]:
        xlsx_append(guide, [note])
    guide.column_dimensions["A"].width = 26
    guide.column_dimensions["C"].width = 90
    guide.column_dimensions["D"].width = 40
    for row in guide.iter_rows(min_row=2):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
