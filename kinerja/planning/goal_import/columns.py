"""The columns of the goal import file and how a cell's text becomes a value."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kinerja.core.form_fields import parse_decimal_id
from kinerja.planning.models import Perspective, TargetKind
from kinerja.scoring.achievement import Polarity


@dataclass(frozen=True)
class GoalColumn:
    key: str
    header: str
    required: bool
    help: str
    example: str


COLUMNS: tuple[GoalColumn, ...] = (
    GoalColumn(
        "number",
        "Nomor Sasaran",
        True,
        "Bilangan bulat 1 sampai 999; baris-baris satu sasaran memakai nomor yang sama.",
        "1",
    ),
    GoalColumn(
        "statement",
        "Sasaran Strategis",
        True,
        "Kalimat sasaran; sama persis pada setiap baris bernomor sama.",
        "Meningkatnya kualitas pelayanan administrasi kependudukan",
    ),
    GoalColumn(
        "perspective",
        "Perspektif",
        False,
        "Penerima Layanan, Proses Bisnis, Penguatan Internal, Anggaran, atau kosong.",
        "Penerima Layanan",
    ),
    GoalColumn(
        "text",
        "Indikator Kinerja Utama",
        True,
        "Satu indikator (IKU) per baris.",
        "Indeks kepuasan masyarakat",
    ),
    GoalColumn(
        "target_kind",
        "Jenis Target",
        False,
        "Angka, Rentang, atau Deskripsi; kosong = Angka.",
        "Angka",
    ),
    GoalColumn(
        "target_value",
        "Target",
        False,
        "Angka positif (koma atau titik desimal); untuk rentang: batas bawah.",
        "85",
    ),
    GoalColumn("target_max", "Target Maksimum", False, "Batas atas untuk target rentang.", ""),
    GoalColumn("target_unit", "Satuan", False, "mis. %, dokumen, hari.", "%"),
    GoalColumn(
        "target_description",
        "Uraian Target",
        False,
        "Wajib untuk target deskripsi (kualitatif).",
        "",
    ),
    GoalColumn(
        "polarity",
        "Polaritas",
        False,
        "Semakin tinggi semakin baik (kosong) atau Semakin rendah semakin baik.",
        "Semakin tinggi semakin baik",
    ),
)
HEADER = {column.key: column.header for column in COLUMNS}
COLUMN_ORDER = {column.header: i for i, column in enumerate(COLUMNS)}
MAX_COLUMNS = len(COLUMNS) + 20


def header_key(text: str) -> str:
    return re.sub(r"[\s_]+", "", str(text).strip().casefold())


KEY_BY_HEADER = {header_key(column.header): column.key for column in COLUMNS}


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


def parse_decimal(text: str) -> Decimal | None:
    """ "85", "85,5", "1.234,5", "85.5" → Decimal; None when it is not a number (the one rule
    of every entrance: `kinerja.core.form_fields.parse_decimal_id`)."""
    return parse_decimal_id(text)
