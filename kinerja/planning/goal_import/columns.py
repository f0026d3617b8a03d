"""The columns of the goal import file and how a cell's text becomes a value."""

from __future__ import annotations

from kinerja.people.imports.columns import ImportColumn, header_key
from kinerja.planning.models import Perspective, TargetKind
from kinerja.scoring.achievement import Polarity

COLUMNS: tuple[ImportColumn, ...] = (
    ImportColumn(
        "number",
        "Nomor Sasaran",
        True,
        "Bilangan bulat 1 sampai 999; baris-baris satu sasaran memakai nomor yang sama.",
        "1",
    ),
    ImportColumn(
        "statement",
        "Sasaran Strategis",
        True,
        "Kalimat sasaran; sama persis pada setiap baris bernomor sama.",
        "Meningkatnya kualitas pelayanan administrasi kependudukan",
    ),
    ImportColumn(
        "perspective",
        "Perspektif",
        False,
        "Penerima Layanan, Proses Bisnis, Penguatan Internal, Anggaran, atau kosong.",
        "Penerima Layanan",
    ),
    ImportColumn(
        "text",
        "Indikator Kinerja Utama",
        True,
        "Satu indikator (IKU) per baris.",
        "Indeks kepuasan masyarakat",
    ),
    ImportColumn(
        "target_kind",
        "Jenis Target",
        False,
        "Angka, Rentang, atau Deskripsi; kosong = Angka.",
        "Angka",
    ),
    ImportColumn(
        "target_value",
        "Target",
        False,
        "Angka positif (koma atau titik desimal); untuk rentang: batas bawah.",
        "85",
    ),
    ImportColumn("target_max", "Target Maksimum", False, "Batas atas untuk target rentang.", ""),
    ImportColumn("target_unit", "Satuan", False, "mis. %, dokumen, hari.", "%"),
    ImportColumn(
        "target_description",
        "Uraian Target",
        False,
        "Wajib untuk target deskripsi (kualitatif).",
        "",
    ),
    ImportColumn(
        "polarity",
        "Polaritas",
        False,
        "Semakin tinggi semakin baik (kosong) atau Semakin rendah semakin baik.",
        "Semakin tinggi semakin baik",
    ),
)
HEADER = {column.key: column.header for column in COLUMNS}
COLUMN_ORDER = {column.header: i for i, column in enumerate(COLUMNS)}


def _by_text(pairs: list[tuple[str, object]]) -> dict[str, str]:
    return {header_key(str(label)): value for value, label in pairs} | {
        header_key(value): value for value, _ in pairs
    }


PERSPECTIVE_BY_TEXT = _by_text(list(Perspective.choices))
TARGET_KIND_BY_TEXT = _by_text(list(TargetKind.choices)) | {
    header_key("Deskripsi"): TargetKind.DESCRIBED.value,
    header_key("Kualitatif"): TargetKind.DESCRIBED.value,
}
POLARITY_BY_TEXT = _by_text([(p.value, p.label) for p in Polarity]) | {
    header_key("tinggi"): Polarity.HIGHER_IS_BETTER.value,
    header_key("rendah"): Polarity.LOWER_IS_BETTER.value,
}
