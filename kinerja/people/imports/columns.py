"""The columns of the import file, and how a cell's text becomes a value (dates, yes/no…)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from kinerja.people.models import EmployeeStatus
from kinerja.scoring.spreadsheet import NumberText


@dataclass(frozen=True)
class ImportColumn:
    key: str
    header: str
    required: bool
    help: str
    example: str


COLUMNS: tuple[ImportColumn, ...] = (
    ImportColumn("nip", "NIP", True, "18 digit; spasi dan titik boleh.", "19860926 201505 1 001"),
    ImportColumn(
        "employment_type",
        "Jenis Kepegawaian",
        False,
        "PNS atau PPPK; bila kosong ditentukan dari NIP (digit 13-14 bulan = PNS).",
        "PNS",
    ),
    ImportColumn("name", "Nama", True, "Nama tanpa gelar.", "Ani Lestari"),
    ImportColumn("title_prefix", "Gelar Depan", False, "mis. Dr., Ir.", "Dr."),
    ImportColumn("title_suffix", "Gelar Belakang", False, "mis. S.E., M.M.", "S.E., M.M."),
    ImportColumn(
        "gender",
        "Jenis Kelamin",
        False,
        "L atau P; bila kosong diambil dari NIP (digit 15). Harus cocok dengan NIP.",
        "P",
    ),
    ImportColumn(
        "birth_date",
        "Tanggal Lahir",
        False,
        "TTTT-BB-HH, HH-BB-TTTT atau sel tanggal Excel; bila kosong diambil dari NIP. "
        "Harus cocok dengan digit 1-8 NIP.",
        "1986-09-26",
    ),
    ImportColumn(
        "grade",
        "Golongan",
        True,
        "PNS: I/a … IV/e; PPPK: I … XVII.",
        "III/c",
    ),
    ImportColumn("status", "Status", False, "Aktif, Pensiun atau Pindah; kosong = Aktif.", "Aktif"),
    ImportColumn(
        "agency_code",
        "Kode Perangkat Daerah",
        True,
        "Kode perangkat daerah seperti tercantum di halaman Perangkat daerah.",
        "dinas-kependudukan",
    ),
    ImportColumn(
        "unit_code",
        "Kode Unit",
        False,
        "Kode unit kerja di perangkat daerah itu; dipakai untuk jabatan baru.",
        "bidang-pelayanan",
    ),
    ImportColumn(
        "position",
        "Jabatan",
        False,
        "Nama jabatan di perangkat daerah itu; dibuat bila belum ada. Kosong = tanpa penugasan "
        "(hanya Admin BKPSDM; Admin OPD wajib menempatkan pegawai baru).",
        "Analis Kebijakan Ahli Muda",
    ),
    ImportColumn(
        "position_kind",
        "Jenis Jabatan",
        False,
        "Wajib untuk jabatan baru: JPT, Administrator, Pengawas, Pelaksana, "
        "Fungsional Keahlian, Fungsional Keterampilan.",
        "Fungsional Keahlian",
    ),
    ImportColumn("level", "Jenjang", False, "mis. Pratama, Ahli Muda, Terampil.", "Ahli Muda"),
    ImportColumn(
        "supervisor",
        "Jabatan Atasan",
        False,
        "Nama jabatan atasan langsung di perangkat daerah yang sama; kosong untuk kepala.",
        "Kepala Bidang Pelayanan",
    ),
    ImportColumn("is_head", "Kepala Perangkat Daerah", False, "Ya atau Tidak; kosong = Tidak.", ""),
    ImportColumn(
        "start_date",
        "TMT Jabatan",
        False,
        "Tanggal mulai menjabat; wajib bila Jabatan diisi.",
        "2021-01-04",
    ),
    ImportColumn(
        "acting",
        "Plt/Plh",
        False,
        "Kosong untuk pejabat definitif; Plt atau Plh untuk pelaksana tugas/harian.",
        "",
    ),
    ImportColumn(
        "end_date", "Tanggal Selesai", False, "Kosong bila masih menjabat; tidak sebelum TMT.", ""
    ),
)
HEADER = {column.key: column.header for column in COLUMNS}
COLUMN_ORDER = {column.header: i for i, column in enumerate(COLUMNS)}
UNKNOWN_COLUMNS_MARGIN = 20
"""Columns read beyond the template's, so that unknown headers are reported, not ignored."""
MAX_COLUMNS = len(COLUMNS) + UNKNOWN_COLUMNS_MARGIN


def header_key(text: str) -> str:
    return re.sub(r"[\s_]+", "", str(text).strip().casefold())


HeaderError = Callable[[int, str, str, Any], None]
"""Report a problem of the header row: (row 1, column key or text, reason, value)."""


def header_columns(
    header: list[Any], columns: tuple[ImportColumn, ...], error: HeaderError
) -> dict[str, int]:
    """Where each known column is in the header row. Unknown, repeated and missing required
    columns are reported through `error`; every spreadsheet import reads its header here."""
    headers = {column.key: column.header for column in columns}
    key_by_header = {header_key(column.header): column.key for column in columns}
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        text = cell_text(cell)
        if not text:
            continue
        key = key_by_header.get(header_key(text))
        if key is None:
            known = ", ".join(column.header for column in columns)
            error(1, text, f"Kolom {text!r} tidak dikenal; kolom yang dikenal: {known}.", text)
        elif key in found:
            error(1, key, f"Kolom {headers[key]} muncul dua kali; hapus salah satunya.", None)
        else:
            found[key] = index
    for column in columns:
        if column.required and column.key not in found:
            error(1, column.key, f"Kolom wajib {column.header} tidak ada di baris judul.", None)
    return found


STATUS_BY_TEXT = {
    "aktif": EmployeeStatus.ACTIVE,
    "pensiun": EmployeeStatus.RETIRED,
    "pindah": EmployeeStatus.TRANSFERRED,
    "pindah keluar": EmployeeStatus.TRANSFERRED,
}
YES = {"ya", "y", "yes", "1", "true"}
NO = {"", "tidak", "t", "no", "0", "false"}


def normalize_grade(text: str) -> str:
    """ "iii/c", "III - c", "III c"… as the reference writes it: "III/c"."""
    compact = re.sub(r"\s+", "", text).replace("-", "/")
    roman, slash, letter = compact.partition("/")
    return f"{roman.upper()}/{letter.lower()}" if slash else roman.upper()


def position_name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def is_stored_number(value: Any) -> bool:
    """True for a cell Excel stored as a floating-point number (it may have lost digits)."""
    if isinstance(value, float):
        return True
    return isinstance(value, NumberText) and any(mark in value for mark in ".eE")


def cell_text(value: Any) -> str:
    """A cell as trimmed text with single spaces; whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y/%m/%d", "%d.%m.%Y")
_EXCEL_EPOCH = date(1899, 12, 30)


def parse_date(value: Any) -> date | None:
    """A date from an Excel cell or text; None when it is not one of the accepted forms."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    serial: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        serial = float(value)
    elif isinstance(value, NumberText):
        try:
            serial = float(value)
        except ValueError:
            serial = None
    if serial is not None and 1 <= serial < 100_000:
        return _EXCEL_EPOCH + timedelta(days=int(serial))  # an Excel serial number
    text = cell_text(value)
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None
