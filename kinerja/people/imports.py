"""Importing employees, positions and assignments from a CSV or XLSX file, keyed by NIP.

Three steps, each usable on its own (the tasks in `kinerja.people.tasks` chain them):

1. `import_table_read` turns the uploaded bytes into rows (CSV: UTF-8 with or without BOM,
   separator sniffed from the header; XLSX: the first worksheet, Excel date cells welcome).
2. `employee_import_validate` checks the whole file at once and returns an `ImportReport`:
   every bad row with its row number (as the spreadsheet shows it, header = row 1), column,
   value and an Indonesian reason; and, for a clean file, the plan of what applying would
   change. It issues a fixed handful of queries whatever the size of the file (agencies,
   units, positions, existing employees and assignments are fetched in bulk up front).
3. `employee_import_apply` re-validates inside one transaction, refuses if anything is wrong
   now, and writes the plan with bulk queries. Importing the same file again changes nothing.

Rules that are ours, not the regulation's:
- Existing positions are matched by name within the agency (case and spacing ignored) and are
  never changed by an import; only missing positions are created, with the kind, level, unit,
  head flag and supervising position of the first row that names them.
- An assignment is identified by (employee, position, TMT, acting). A new definitive
  (non-acting) assignment closes the employee's other open definitive one on the day before.
- One summary audit event per applied import, also when nothing changed (the auditor sees that
  an import happened). It lists the created and updated NIPs, at most `MAX_AUDITED_NIPS` each;
  beyond that it says how many were left out (the counts are always complete).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kinerja.accounts.permissions import can_manage_agency, is_agency_admin, is_hr_admin, require
from kinerja.audit.services import audit_record
from kinerja.organization.models import Agency, Position, PositionKind, Unit
from kinerja.organization.selectors import grade_codes, position_levels
from kinerja.people.models import Assignment, Employee, EmployeeStatus, EmploymentType, Gender
from kinerja.scoring.nip import InvalidNip, nip_digits, parse_nip

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
"""Largest accepted upload (10 MB is about 60,000 rows of CSV)."""
MAX_STORED_ERRORS = 1000
"""Errors kept in a report for the preview page; the total count is always exact."""
MAX_AUDITED_NIPS = 2000
"""NIPs listed per kind (created, updated) in the audit event; the counts are exact."""
ALLOWED_SUFFIXES = (".csv", ".xlsx")
_CHUNK = 5000

ProgressCallback = Callable[[int, str], None]


# --- columns ---------------------------------------------------------------------------------


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
        "Nama jabatan di perangkat daerah itu; dibuat bila belum ada. Kosong = tanpa penugasan.",
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


def _header_key(text: str) -> str:
    return re.sub(r"[\s_]+", "", str(text).strip().casefold())


_KEY_BY_HEADER = {_header_key(column.header): column.key for column in COLUMNS}


def can_import_employees(user: Any) -> bool:
    """Admin BKPSDM imports for any agency, Admin OPD for their own (rows are checked)."""
    return is_hr_admin(user) or is_agency_admin(user)


# --- reference data ----------------------------------------------------------------------------


def _normalize_grade(text: str) -> str:
    compact = re.sub(r"\s+", "", text).replace("-", "/")
    roman, slash, letter = compact.partition("/")
    return f"{roman.upper()}/{letter.lower()}" if slash else roman.upper()


_KIND_BY_TEXT: dict[str, str] = {}
for _kind in PositionKind:
    _KIND_BY_TEXT[_kind.value.casefold().replace("_", " ")] = _kind.value
    _KIND_BY_TEXT[str(_kind.label).casefold()] = _kind.value

_STATUS_BY_TEXT = {
    "aktif": EmployeeStatus.ACTIVE,
    "pensiun": EmployeeStatus.RETIRED,
    "pindah": EmployeeStatus.TRANSFERRED,
    "pindah keluar": EmployeeStatus.TRANSFERRED,
}
_YES = {"ya", "y", "yes", "1", "true"}
_NO = {"", "tidak", "t", "no", "0", "false"}


def _position_name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


# --- reading the file --------------------------------------------------------------------------


class ImportFileError(ValueError):
    """A file that cannot be read as a table; the message says why, in Indonesian."""


@dataclass(frozen=True)
class ImportFile:
    """An uploaded file as the tasks pass it around: kept privately under MEDIA_ROOT/imports."""

    file_name: str
    stored_name: str
    sha256: str
    size: int

    @property
    def path(self) -> Path:
        return import_storage_dir() / self.stored_name

    def read_bytes(self) -> bytes:
        return self.path.read_bytes()


def import_storage_dir() -> Path:
    """Private folder for uploads: under MEDIA_ROOT, which this project never serves."""
    folder = Path(settings.MEDIA_ROOT) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def import_file_store(*, content: bytes, file_name: str, stored_name: str) -> ImportFile:
    suffix = Path(file_name).suffix.lower()
    stored = f"{stored_name}{suffix}"
    (import_storage_dir() / stored).write_bytes(content)
    return ImportFile(
        file_name=Path(file_name).name[:200],
        stored_name=stored,
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
    )


def import_file_problem(*, file_name: str, size: int) -> str:
    """Why an upload is refused before reading it, or "" when its name and size are fine."""
    suffix = Path(file_name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        found = suffix or "tanpa ekstensi"
        return f"Berkas harus berekstensi .csv atau .xlsx; ditemukan {found}."
    if size == 0:
        return "Berkas kosong; unggah berkas .csv atau .xlsx yang berisi baris judul dan data."
    if size > MAX_UPLOAD_BYTES:
        megabytes = size / (1024 * 1024)
        return (
            f"Berkas terlalu besar ({megabytes:.1f} MB); paling besar 10 MB. "
            "Bagi menjadi beberapa berkas."
        )
    return ""


def import_table_read(*, content: bytes, file_name: str) -> list[tuple[int, list[Any]]]:
    """Rows as (spreadsheet row number, cells), header first; blank rows dropped."""
    suffix = Path(file_name).suffix.lower()
    if suffix == ".xlsx":
        rows = _xlsx_rows(content)
    elif suffix == ".csv":
        rows = _csv_rows(content)
    else:
        raise ImportFileError("Berkas harus berekstensi .csv atau .xlsx.")
    return [
        (number, cells)
        for number, cells in rows
        if any(cell is not None and str(cell).strip() for cell in cells)
    ]


def _csv_rows(content: bytes) -> list[tuple[int, list[Any]]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older Excel versions save "CSV" in the Windows code page.
        text = content.decode("cp1252", errors="replace")
    header = text.split("\n", 1)[0]
    # Indonesian Excel writes semicolons; pick the separator the header line uses most.
    delimiter = max(";,\t", key=header.count) if any(m in header for m in ";,\t") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [(reader.line_num, list(row)) for row in reader]


def _xlsx_rows(content: bytes) -> list[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ImportFileError(
            f"Berkas XLSX tidak dapat dibaca ({type(error).__name__}); simpan ulang dari "
            "Excel/LibreOffice sebagai .xlsx."
        ) from error
    try:
        sheet = workbook.worksheets[0]
        return [
            (number, list(cells))
            for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        workbook.close()


# --- the report ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    value: str
    reason: str


@dataclass
class ImportPlanCounts:
    employees_created: int = 0
    employees_updated: int = 0
    employees_unchanged: int = 0
    positions_created: int = 0
    assignments_created: int = 0
    assignments_updated: int = 0
    assignments_closed: int = 0

    @property
    def changes(self) -> int:
        return (
            self.employees_created
            + self.employees_updated
            + self.positions_created
            + self.assignments_created
            + self.assignments_updated
            + self.assignments_closed
        )


@dataclass
class _NewPosition:
    key: tuple[int, str]
    row: int
    agency_id: int
    unit_id: int | None
    name: str
    kind: str
    level: str
    is_head: bool
    supervisor_key: tuple[int, str] | None


@dataclass
class _Plan:
    employees_create: list[Employee] = field(default_factory=list)
    employees_update: list[tuple[Employee, list[str]]] = field(default_factory=list)
    positions_create: list[_NewPosition] = field(default_factory=list)
    assignments_create: list[dict[str, Any]] = field(default_factory=list)
    assignments_change: dict[int, dict[str, Any]] = field(default_factory=dict)
    closed_ids: set[int] = field(default_factory=set)
    position_ids: dict[tuple[int, str], int] = field(default_factory=dict)

    def counts(self, unchanged: int) -> ImportPlanCounts:
        return ImportPlanCounts(
            employees_created=len(self.employees_create),
            employees_updated=len(self.employees_update),
            employees_unchanged=unchanged,
            positions_created=len(self.positions_create),
            assignments_created=len(self.assignments_create),
            assignments_updated=len(set(self.assignments_change) - self.closed_ids),
            assignments_closed=len(self.closed_ids),
        )


@dataclass
class ImportReport:
    """What validation found: the errors (all of them) and, when clean, what would change."""

    total_rows: int
    errors: list[RowError]
    counts: ImportPlanCounts
    plan: _Plan | None = None

    @property
    def is_clean(self) -> bool:
        return not self.errors

    def as_result(self, *, file: ImportFile | None = None) -> dict[str, Any]:
        """The JSON stored in Job.result for the preview page (errors capped)."""
        errors = sorted(self.errors, key=lambda e: (e.row, _COLUMN_ORDER.get(e.column, 99)))
        return {
            "file": asdict(file) if file else None,
            "total_rows": self.total_rows,
            "clean": self.is_clean,
            "error_count": len(errors),
            "error_rows": len({e.row for e in errors}),
            "errors": [asdict(e) for e in errors[:MAX_STORED_ERRORS]],
            "errors_truncated": len(errors) > MAX_STORED_ERRORS,
            "counts": asdict(self.counts),
        }


_COLUMN_ORDER = {column.header: i for i, column in enumerate(COLUMNS)}


class ImportRejected(Exception):
    """Apply refused: the file (or the data it meets) is not clean now."""

    def __init__(self, report: ImportReport, message: str) -> None:
        super().__init__(message)
        self.report = report
        self.message = message


@dataclass(frozen=True)
class ImportOutcome:
    counts: ImportPlanCounts
    total_rows: int


# --- validation ----------------------------------------------------------------------------


@dataclass
class _Row:
    """One data row after its own checks; None where the cell was missing or wrong."""

    number: int
    raw: dict[str, Any]
    ok: bool = True
    nip: str | None = None
    employment_type: str | None = None
    name: str = ""
    title_prefix: str = ""
    title_suffix: str = ""
    gender: str | None = None
    birth_date: date | None = None
    grade: str | None = None
    status: str = EmployeeStatus.ACTIVE
    agency: Agency | None = None
    unit_id: int | None = None
    position_name: str = ""
    position_kind: str = ""
    level: str = ""
    supervisor_name: str = ""
    is_head: bool = False
    start_date: date | None = None
    end_date: date | None = None
    acting_kind: str = ""

    @property
    def position_key(self) -> tuple[int, str] | None:
        if self.agency is None or not self.position_name:
            return None
        return (self.agency.pk, _position_name_key(self.position_name))

    @property
    def supervisor_key(self) -> tuple[int, str] | None:
        if self.agency is None or not self.supervisor_name:
            return None
        return (self.agency.pk, _position_name_key(self.supervisor_name))


def _text(value: Any) -> str:
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


def _parse_date(value: Any) -> date | None:
    """A date from an Excel cell or text; None when it is not one of the accepted forms."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 100_000:
        return date(1899, 12, 30) + timedelta(days=int(value))  # an Excel serial number
    text = _text(value)
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


class _Validator:
    """Runs every check over the whole file; see the module docstring for the rules."""

    def __init__(self, *, actor: Any, today: date) -> None:
        self.actor = actor
        self.today = today
        self.errors: list[RowError] = []
        self.scope_agency_id = actor.agency_id if is_agency_admin(actor) else None

    def error(self, row: _Row | int, key: str, reason: str, value: Any = None) -> None:
        number = row if isinstance(row, int) else row.number
        if value is None and not isinstance(row, int):
            value = row.raw.get(key)
        self.errors.append(
            RowError(row=number, column=HEADER.get(key, key), value=_text(value), reason=reason)
        )
        if not isinstance(row, int):
            row.ok = False

    # The header --------------------------------------------------------------------------

    def columns(self, header: list[Any]) -> dict[str, int]:
        found: dict[str, int] = {}
        for index, cell in enumerate(header):
            text = _text(cell)
            if not text:
                continue
            key = _KEY_BY_HEADER.get(_header_key(text))
            if key is None:
                known = ", ".join(column.header for column in COLUMNS)
                self.error(
                    1, text, f"Kolom {text!r} tidak dikenal; kolom yang dikenal: {known}.", text
                )
            elif key in found:
                self.error(1, key, f"Kolom {HEADER[key]} muncul dua kali; hapus salah satunya.")
            else:
                found[key] = index
        for column in COLUMNS:
            if column.required and column.key not in found:
                self.error(1, column.key, f"Kolom wajib {column.header} tidak ada di baris judul.")
        return found

    # One row -----------------------------------------------------------------------------

    def row(self, number: int, cells: list[Any], columns: dict[str, int], ref: _Reference) -> _Row:
        raw = {key: (cells[i] if i < len(cells) else None) for key, i in columns.items()}
        row = _Row(number=number, raw=raw)
        self._employee_fields(row)
        self._placement_fields(row, ref)
        return row

    def _employee_fields(self, row: _Row) -> None:
        raw = row.raw
        kind_text = _text(raw.get("employment_type")).upper()
        if kind_text and kind_text not in EmploymentType.values:
            self.error(row, "employment_type", "Jenis Kepegawaian harus PNS atau PPPK.")
            kind_text = ""
        self._nip(row, kind_text or None)

        row.name = _text(raw.get("name"))
        if not row.name:
            self.error(row, "name", "Nama wajib diisi (tanpa gelar).")
        elif len(row.name) > 200:
            self.error(row, "name", f"Nama paling panjang 200 huruf; ditemukan {len(row.name)}.")
        row.title_prefix = _text(raw.get("title_prefix"))
        row.title_suffix = _text(raw.get("title_suffix"))
        if len(row.title_prefix) > 50:
            self.error(row, "title_prefix", "Gelar Depan paling panjang 50 huruf.")
        if len(row.title_suffix) > 80:
            self.error(row, "title_suffix", "Gelar Belakang paling panjang 80 huruf.")

        gender_text = _text(raw.get("gender")).upper()
        gender = {"LAKI-LAKI": "L", "PEREMPUAN": "P"}.get(gender_text, gender_text)
        if gender and gender not in Gender.values:
            self.error(row, "gender", "Jenis Kelamin harus L (laki-laki) atau P (perempuan).")
        elif gender and row.gender and gender != row.gender:
            self.error(
                row,
                "gender",
                f"Jenis Kelamin {gender} tidak cocok dengan NIP {row.nip}: digit 15 NIP "
                f"menyatakan {row.gender}.",
            )

        birth_raw = raw.get("birth_date")
        if _text(birth_raw):
            birth = _parse_date(birth_raw)
            if birth is None:
                self.error(
                    row,
                    "birth_date",
                    "Tanggal Lahir harus berbentuk TTTT-BB-HH atau HH-BB-TTTT, atau sel tanggal.",
                )
            elif row.birth_date and birth != row.birth_date:
                self.error(
                    row,
                    "birth_date",
                    f"Tanggal Lahir {birth:%d-%m-%Y} tidak cocok dengan NIP {row.nip}: digit 1-8 "
                    f"NIP menyatakan {row.birth_date:%d-%m-%Y}.",
                )

        grade_text = _text(raw.get("grade"))
        if not grade_text:
            self.error(row, "grade", "Golongan wajib diisi (PNS: III/a …; PPPK: I … XVII).")
        elif row.employment_type:
            grade = _normalize_grade(grade_text)
            if grade in grade_codes(row.employment_type):
                row.grade = grade
            else:
                is_pns = row.employment_type == EmploymentType.PNS
                accepted = "I/a … IV/e" if is_pns else "I … XVII"
                self.error(
                    row,
                    "grade",
                    f"Golongan {grade_text} tidak dikenal untuk {row.employment_type}; "
                    f"yang diterima: {accepted}.",
                )

        status_text = _text(raw.get("status")).casefold()
        if status_text:
            status = _STATUS_BY_TEXT.get(status_text)
            if status is None:
                self.error(row, "status", "Status harus Aktif, Pensiun atau Pindah.")
            else:
                row.status = status

    def _nip(self, row: _Row, employment_type: str | None) -> None:
        nip_raw = row.raw.get("nip")
        if isinstance(nip_raw, float):
            self.error(
                row,
                "nip",
                "NIP tersimpan sebagai angka sehingga Excel mengubah digit terakhirnya; format "
                "kolom NIP sebagai Teks lalu ketik ulang.",
            )
            return
        text = _text(nip_raw)
        if not text:
            self.error(row, "nip", "NIP wajib diisi (18 digit).")
            return
        try:
            info = parse_nip(text, employment_type, today=self.today)
        except InvalidNip as invalid:
            if employment_type is not None:
                try:
                    inferred = parse_nip(text, None, today=self.today)
                except InvalidNip:
                    inferred = None
                if inferred is not None and inferred.employment_type != employment_type:
                    self.error(
                        row,
                        "employment_type",
                        f"Jenis Kepegawaian {employment_type} tidak cocok dengan NIP "
                        f"{inferred.nip}, yang berbentuk nomor {inferred.employment_type}.",
                    )
                    return
            key = "employment_type" if invalid.code == "employment_type" else "nip"
            self.error(row, key, f"{invalid.message}.")
            return
        row.nip = info.nip
        row.employment_type = str(info.employment_type)
        row.gender = str(info.gender)
        row.birth_date = info.birth_date

    def _placement_fields(self, row: _Row, ref: _Reference) -> None:
        raw = row.raw
        code = _text(raw.get("agency_code"))
        if not code:
            self.error(row, "agency_code", "Kode Perangkat Daerah wajib diisi.")
        elif code not in ref.agencies:
            self.error(
                row,
                "agency_code",
                f"Kode Perangkat Daerah {code} tidak dikenal; lihat kode di halaman "
                "Perangkat daerah.",
            )
        else:
            agency = ref.agencies[code]
            if not can_manage_agency(self.actor, agency.pk):
                self.error(
                    row, "agency_code", "Anda hanya boleh mengimpor pegawai Perangkat Daerah Anda."
                )
            else:
                row.agency = agency

        unit_code = _text(raw.get("unit_code"))
        if unit_code and row.agency is not None:
            row.unit_id = ref.units.get((row.agency.pk, unit_code))
            if row.unit_id is None:
                self.error(
                    row,
                    "unit_code",
                    f"Kode Unit {unit_code} tidak ada di {row.agency.name}; isi kode unit kerja "
                    "perangkat daerah itu atau kosongkan.",
                )

        row.position_name = _text(raw.get("position"))
        if len(row.position_name) > 250:
            self.error(row, "position", "Jabatan paling panjang 250 huruf.")
        kind_text = _text(raw.get("position_kind"))
        if kind_text:
            kind = _KIND_BY_TEXT.get(kind_text.casefold().replace("_", " "))
            if kind is None:
                self.error(
                    row,
                    "position_kind",
                    f"Jenis Jabatan {kind_text} tidak dikenal; yang diterima: JPT, "
                    "Administrator, Pengawas, Pelaksana, Fungsional Keahlian, "
                    "Fungsional Keterampilan.",
                )
            else:
                row.position_kind = kind
        row.level = _text(raw.get("level"))
        levels = position_levels(row.position_kind)
        if row.level and levels:
            match = [name for name in levels if name.casefold() == row.level.casefold()]
            if match:
                row.level = match[0]
            else:
                self.error(
                    row,
                    "level",
                    f"Jenjang {row.level} tidak dikenal untuk {row.position_kind}; yang "
                    f"diterima: {', '.join(levels)}.",
                )
        row.supervisor_name = _text(raw.get("supervisor"))
        head_text = _text(raw.get("is_head")).casefold()
        if head_text in _YES:
            row.is_head = True
        elif head_text not in _NO:
            self.error(row, "is_head", "Kepala Perangkat Daerah harus Ya atau Tidak.")

        acting = _text(raw.get("acting")).upper()
        if acting in {"PLT", "PLH"}:
            row.acting_kind = acting
        elif acting:
            self.error(row, "acting", "Plt/Plh harus kosong (definitif), Plt atau Plh.")

        for key in ("start_date", "end_date"):
            value = raw.get(key)
            if not _text(value):
                continue
            parsed = _parse_date(value)
            if parsed is None:
                self.error(row, key, f"{HEADER[key]} harus berbentuk TTTT-BB-HH atau HH-BB-TTTT.")
            else:
                setattr(row, key, parsed)
        if row.position_name and row.start_date is None and not _text(raw.get("start_date")):
            self.error(row, "start_date", "TMT Jabatan wajib diisi bila Jabatan diisi.")
        if row.start_date and row.end_date and row.end_date < row.start_date:
            self.error(
                row,
                "end_date",
                f"Tanggal Selesai {row.end_date:%d-%m-%Y} tidak boleh sebelum TMT Jabatan "
                f"{row.start_date:%d-%m-%Y}.",
            )
        if not row.position_name:
            for key in ("position_kind", "supervisor", "start_date", "acting", "end_date"):
                if _text(raw.get(key)):
                    self.error(row, key, f"{HEADER[key]} diisi tetapi Jabatan kosong; isi Jabatan.")
                    break


@dataclass
class _Reference:
    """Everything validation compares against, fetched in bulk before looking at any row."""

    agencies: dict[str, Agency]
    units: dict[tuple[int, str], int] = field(default_factory=dict)
    positions: dict[tuple[int, str], list[dict[str, Any]]] = field(default_factory=dict)
    employees: dict[str, Employee] = field(default_factory=dict)
    assignments: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    holders: dict[int, list[dict[str, Any]]] = field(default_factory=dict)


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _load_reference(agency_codes: set[str], nips: set[str]) -> _Reference:
    ref = _Reference(agencies={a.code: a for a in Agency.objects.filter(code__in=agency_codes)})
    agency_ids = [a.pk for a in ref.agencies.values()]
    for unit in Unit.objects.filter(agency_id__in=agency_ids).values("id", "agency_id", "code"):
        ref.units[(unit["agency_id"], unit["code"])] = unit["id"]
    for position in Position.objects.filter(agency_id__in=agency_ids).values(
        "id", "agency_id", "name", "kind"
    ):
        key = (position["agency_id"], _position_name_key(position["name"]))
        ref.positions.setdefault(key, []).append(dict(position))
    nip_list = sorted(nips)
    for chunk in _chunks(nip_list):
        for employee in Employee.objects.filter(nip__in=chunk):
            ref.employees[employee.nip] = employee
    for chunk in _chunks(nip_list):
        for assignment in Assignment.objects.filter(employee__nip__in=chunk).values(
            "id",
            "employee_id",
            "position_id",
            "position__agency_id",
            "start_date",
            "end_date",
            "is_acting",
            "acting_kind",
        ):
            ref.assignments.setdefault(assignment["employee_id"], []).append(dict(assignment))
    for holder in Assignment.objects.filter(
        position__agency_id__in=agency_ids, end_date__isnull=True, is_acting=False
    ).values("id", "position_id", "employee_id", "employee__nip", "start_date"):
        ref.holders.setdefault(holder["position_id"], []).append(dict(holder))
    return ref


def employee_import_validate(
    *,
    actor: Any,
    content: bytes,
    file_name: str,
    progress: ProgressCallback | None = None,
    today: date | None = None,
) -> ImportReport:
    """Check the whole file; every problem becomes a `RowError`. Writes nothing.

    Raises PermissionDenied for anyone but Admin BKPSDM and Admin OPD, and ImportFileError
    for a file that is not a readable table.
    """
    require(
        can_import_employees(actor),
        "Hanya Admin BKPSDM dan Admin OPD yang dapat mengimpor pegawai.",
    )
    report_progress = progress or (lambda percent, message: None)
    today = today or timezone.localdate()
    table = import_table_read(content=content, file_name=file_name)
    report_progress(10, "Berkas terbaca; memeriksa baris…")
    validator = _Validator(actor=actor, today=today)
    if not table:
        validator.error(1, "Berkas", "Berkas tidak berisi baris judul maupun data.", "")
        return ImportReport(total_rows=0, errors=validator.errors, counts=ImportPlanCounts())
    (_, header), body = table[0], table[1:]
    columns = validator.columns(header)
    if not body:
        validator.error(1, "Berkas", "Berkas hanya berisi baris judul; tidak ada data.", "")
    if validator.errors:
        return ImportReport(
            total_rows=len(body), errors=validator.errors, counts=ImportPlanCounts()
        )

    def cell(cells: list[Any], key: str) -> str:
        index = columns.get(key)
        return _text(cells[index]) if index is not None and index < len(cells) else ""

    agency_codes = {cell(cells, "agency_code") for _, cells in body}
    nips: set[str] = set()
    for _, cells in body:
        with suppress(InvalidNip):  # the row check reports a bad NIP
            nips.add(nip_digits(cell(cells, "nip")))
    ref = _load_reference(agency_codes, nips)
    rows: list[_Row] = []
    for index, (number, cells) in enumerate(body, start=1):
        rows.append(validator.row(number, cells, columns, ref))
        if index % 1000 == 0:
            report_progress(10 + int(60 * index / len(body)), f"{index:,} baris diperiksa")
    report_progress(75, "Memeriksa keterkaitan antarbaris…")
    plan, unchanged = _cross_checks(validator, rows, ref)
    report_progress(95, "Pemeriksaan selesai")
    if validator.errors:
        return ImportReport(
            total_rows=len(rows), errors=validator.errors, counts=ImportPlanCounts()
        )
    return ImportReport(total_rows=len(rows), errors=[], counts=plan.counts(unchanged), plan=plan)


def _describe(row: _Row) -> str:
    return f"NIP {row.nip} (baris {row.number})"


def _cross_checks(validator: _Validator, rows: list[_Row], ref: _Reference) -> tuple[_Plan, int]:
    """Checks that look at more than one row or at the database, and the plan they imply."""
    plan = _Plan()
    first_row_of_nip: dict[str, _Row] = {}
    unique_rows: list[_Row] = []
    for row in rows:
        if row.nip is None:
            continue
        first = first_row_of_nip.get(row.nip)
        if first is not None:
            validator.error(
                row,
                "nip",
                f"NIP {row.nip} sudah ada di baris {first.number}; satu pegawai satu baris.",
            )
            continue
        first_row_of_nip[row.nip] = row
        unique_rows.append(row)

    _check_other_agency_employees(validator, unique_rows, ref)
    # Positions come from every row, so that one bad NIP does not orphan its subordinates.
    new_positions = _resolve_positions(validator, rows, ref, plan)
    _check_supervision_loops(validator, new_positions)
    _plan_assignments(validator, unique_rows, ref, plan)
    unchanged = _plan_employees(unique_rows, ref, plan)
    return plan, unchanged


def _check_other_agency_employees(validator: _Validator, rows: list[_Row], ref: _Reference) -> None:
    """An Admin OPD may not change an employee who currently works in another agency."""
    scope = validator.scope_agency_id
    if scope is None:
        return
    for row in rows:
        employee = ref.employees.get(row.nip or "")
        if employee is None:
            continue
        elsewhere = [
            a
            for a in ref.assignments.get(employee.pk, [])
            if a["end_date"] is None and a["position__agency_id"] != scope
        ]
        if elsewhere:
            validator.error(
                row,
                "nip",
                f"Pegawai NIP {row.nip} saat ini bertugas di Perangkat Daerah lain; Anda hanya "
                "boleh mengimpor pegawai Perangkat Daerah Anda.",
            )


def _resolve_positions(
    validator: _Validator, rows: list[_Row], ref: _Reference, plan: _Plan
) -> dict[tuple[int, str], _NewPosition]:
    new: dict[tuple[int, str], _NewPosition] = {}
    for row in rows:
        key = row.position_key
        if key is None or row.agency is None:
            continue
        existing = ref.positions.get(key, [])
        if len(existing) > 1:
            validator.error(
                row,
                "position",
                f"Nama jabatan {row.position_name} dipakai {len(existing)} jabatan di "
                f"{row.agency.name}; bedakan namanya di halaman struktur sebelum mengimpor.",
            )
        elif existing:
            plan.position_ids[key] = existing[0]["id"]
        elif key in new:
            first = new[key]
            if row.position_kind and row.position_kind != first.kind:
                validator.error(
                    row,
                    "position_kind",
                    f"Jenis Jabatan berbeda dengan baris {first.row} untuk jabatan baru "
                    f"{row.position_name}; samakan.",
                )
        elif not row.position_kind:
            if not _text(row.raw.get("position_kind")):
                validator.error(
                    row,
                    "position_kind",
                    f"Jabatan {row.position_name} belum ada di {row.agency.name}; isi Jenis "
                    "Jabatan agar jabatan itu dibuat.",
                )
        else:
            new[key] = _NewPosition(
                key=key,
                row=row.number,
                agency_id=row.agency.pk,
                unit_id=row.unit_id,
                name=row.position_name,
                kind=row.position_kind,
                level=row.level,
                is_head=row.is_head,
                supervisor_key=row.supervisor_key,
            )
    known = set(ref.positions) | set(new)
    for row in rows:
        supervisor_key = row.supervisor_key
        if supervisor_key is None or row.agency is None or row.position_key is None:
            continue
        if supervisor_key not in known:
            validator.error(
                row,
                "supervisor",
                f"Jabatan Atasan {row.supervisor_name} tidak ditemukan di {row.agency.name}, "
                "baik di berkas maupun di data; isi nama jabatan atasan yang ada atau kosongkan "
                "untuk kepala.",
            )
        elif supervisor_key == row.position_key:
            validator.error(
                row, "supervisor", "Jabatan Atasan tidak boleh sama dengan Jabatan itu sendiri."
            )
        elif supervisor_key not in new:
            existing = ref.positions[supervisor_key]
            if len(existing) > 1:
                validator.error(
                    row,
                    "supervisor",
                    f"Nama jabatan atasan {row.supervisor_name} dipakai {len(existing)} jabatan "
                    f"di {row.agency.name}; bedakan namanya sebelum mengimpor.",
                )
            else:
                plan.position_ids[supervisor_key] = existing[0]["id"]
    plan.positions_create = list(new.values())
    return new


def _check_supervision_loops(
    validator: _Validator, new: dict[tuple[int, str], _NewPosition]
) -> None:
    """Only new positions can form a loop: existing ones never point at a new one.

    Each loop is reported once, on the row that first names one of its positions.
    """
    reported: set[frozenset[tuple[int, str]]] = set()
    for position in new.values():
        if position.supervisor_key == position.key:
            continue  # reported as its own error by _resolve_positions
        seen = [position.key]
        current = position.supervisor_key
        while current is not None and current in new:
            if current in seen:
                cycle = seen[seen.index(current) :]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    first = min((new[key] for key in cycle), key=lambda p: p.row)
                    start = cycle.index(first.key)
                    ordered = [*cycle[start:], *cycle[:start], first.key]
                    names = " → ".join(new[key].name for key in ordered)
                    supervisor = new[first.supervisor_key] if first.supervisor_key else None
                    validator.error(
                        first.row,
                        "supervisor",
                        f"Jabatan Atasan membentuk lingkaran: {names}; setiap rantai atasan "
                        "harus berakhir pada kepala perangkat daerah.",
                        supervisor.name if supervisor else "",
                    )
                break
            seen.append(current)
            current = new[current].supervisor_key


def _overlaps(a_start: date, a_end: date | None, b_start: date, b_end: date | None) -> bool:
    return (a_end is None or a_end >= b_start) and (b_end is None or b_end >= a_start)


def _plan_assignments(
    validator: _Validator, rows: list[_Row], ref: _Reference, plan: _Plan
) -> None:
    release: dict[int, date] = {}
    placed = [r for r in rows if r.position_key is not None and r.start_date is not None]
    for row in placed:
        assert row.start_date is not None
        assert row.position_key is not None
        employee = ref.employees.get(row.nip or "")
        current = ref.assignments.get(employee.pk, []) if employee else []
        position_id = plan.position_ids.get(row.position_key)
        is_acting = bool(row.acting_kind)
        match = next(
            (
                a
                for a in current
                if position_id is not None
                and a["position_id"] == position_id
                and a["start_date"] == row.start_date
                and a["is_acting"] == is_acting
            ),
            None,
        )
        if match is not None:
            if match["end_date"] != row.end_date or match["acting_kind"] != row.acting_kind:
                plan.assignments_change.setdefault(match["id"], {}).update(
                    end_date=row.end_date, acting_kind=row.acting_kind
                )
            continue
        if not is_acting:
            for other in current:
                if other["is_acting"] or other["end_date"] is not None:
                    continue
                if other["start_date"] < row.start_date:
                    day_before = row.start_date - timedelta(days=1)
                    release[other["id"]] = day_before
                    plan.assignments_change.setdefault(other["id"], {})["end_date"] = day_before
                    plan.closed_ids.add(other["id"])
                elif row.end_date is None or row.end_date >= other["start_date"]:
                    validator.error(
                        row,
                        "start_date",
                        f"TMT Jabatan {row.start_date:%d-%m-%Y} tidak setelah mulai jabatan "
                        f"definitif pegawai ini sekarang ({other['start_date']:%d-%m-%Y}); "
                        "isi TMT yang lebih baru, atau Tanggal Selesai sebelum tanggal itu.",
                    )
        plan.assignments_create.append(
            {
                "nip": row.nip,
                "position_key": row.position_key,
                "start_date": row.start_date,
                "end_date": row.end_date,
                "is_acting": is_acting,
                "acting_kind": row.acting_kind,
            }
        )

    # A post has one definitive holder at a time: within the file …
    by_position: dict[tuple[int, str], list[_Row]] = defaultdict(list)
    for row in placed:
        if not row.acting_kind and row.position_key is not None:
            by_position[row.position_key].append(row)
    for same in by_position.values():
        for i, row in enumerate(same):
            assert row.start_date is not None
            for earlier in same[:i]:
                assert earlier.start_date is not None
                if _overlaps(row.start_date, row.end_date, earlier.start_date, earlier.end_date):
                    validator.error(
                        row,
                        "position",
                        f"Jabatan {row.position_name} dipegang definitif dua kali: juga oleh "
                        f"{_describe(earlier)} pada rentang tanggal yang sama; tandai salah "
                        "satu sebagai Plt/Plh atau isi Tanggal Selesai.",
                    )
                    break
    # … and against the holders in the database who are someone else.
    for row in placed:
        position_id = plan.position_ids.get(row.position_key) if row.position_key else None
        if row.acting_kind or position_id is None or row.start_date is None:
            continue
        for holder in ref.holders.get(position_id, []):
            if holder["employee__nip"] == row.nip:
                continue
            released = release.get(holder["id"])
            if (row.end_date is None or row.end_date >= holder["start_date"]) and (
                released is None or row.start_date <= released
            ):
                validator.error(
                    row,
                    "position",
                    f"Jabatan {row.position_name} sudah dipegang definitif oleh NIP "
                    f"{holder['employee__nip']} sejak {holder['start_date']:%d-%m-%Y}; "
                    "gunakan Plt/Plh, atau impor juga perpindahan pejabat itu dengan TMT "
                    "sebelum TMT ini.",
                )
                break


_EMPLOYEE_FIELDS = (
    "employment_type",
    "name",
    "title_prefix",
    "title_suffix",
    "gender",
    "birth_date",
    "grade",
    "status",
)


def _plan_employees(rows: list[_Row], ref: _Reference, plan: _Plan) -> int:
    unchanged = 0
    for row in rows:
        if not row.ok or row.nip is None:
            continue
        values = {name: getattr(row, name) for name in _EMPLOYEE_FIELDS}
        employee = ref.employees.get(row.nip)
        if employee is None:
            plan.employees_create.append(Employee(nip=row.nip, **values))
            continue
        changed = [name for name, value in values.items() if getattr(employee, name) != value]
        if changed:
            for name in changed:
                setattr(employee, name, values[name])
            plan.employees_update.append((employee, changed))
        else:
            unchanged += 1
    return unchanged


# --- applying ------------------------------------------------------------------------------


def employee_import_apply(
    *,
    actor: Any,
    content: bytes,
    file_name: str,
    expected_sha256: str | None = None,
    job: Any = None,
    progress: ProgressCallback | None = None,
) -> ImportOutcome:
    """Validate again and, when clean, write everything in one transaction with one audit event.

    Raises ImportRejected when the file has errors now (the data may have changed since the
    preview) or is not the file that was previewed. Progress is reported before the
    transaction only: reports written inside it would be invisible until it commits.
    """
    sha256 = hashlib.sha256(content).hexdigest()
    report_progress = progress or (lambda percent, message: None)
    with transaction.atomic():
        report = employee_import_validate(
            actor=actor, content=content, file_name=file_name, progress=report_progress
        )
        if expected_sha256 is not None and expected_sha256 != sha256:
            raise ImportRejected(report, "Berkas berbeda dengan yang divalidasi; unggah ulang.")
        if not report.is_clean or report.plan is None:
            raise ImportRejected(
                report,
                f"Berkas kini berisi {len(report.errors)} kesalahan (data mungkin berubah sejak "
                "pratinjau); tidak ada yang disimpan. Unggah ulang untuk melihat rinciannya.",
            )
        plan = report.plan
        created_nips, updated_nips = _write_employees(plan)
        _write_positions(plan)
        _write_assignments(plan)
        counts = report.counts
        audit_record(
            actor=actor,
            action="employee_import.applied",
            obj=job,
            after={
                "file_name": file_name,
                "sha256": sha256,
                "rows": report.total_rows,
                **asdict(counts),
                "created_nips": created_nips[:MAX_AUDITED_NIPS],
                "updated_nips": updated_nips[:MAX_AUDITED_NIPS],
                "nips_left_out": max(0, len(created_nips) - MAX_AUDITED_NIPS)
                + max(0, len(updated_nips) - MAX_AUDITED_NIPS),
            },
        )
    return ImportOutcome(counts=counts, total_rows=report.total_rows)


def _write_employees(plan: _Plan) -> tuple[list[str], list[str]]:
    now = timezone.now()
    Employee.objects.bulk_create(plan.employees_create, batch_size=1000)
    groups: dict[tuple[str, ...], list[Employee]] = defaultdict(list)
    for employee, changed in plan.employees_update:
        employee.updated_at = now
        groups[tuple(sorted(changed))].append(employee)
    for fields, employees in groups.items():
        Employee.objects.bulk_update(employees, [*fields, "updated_at"], batch_size=1000)
    return (
        [e.nip for e in plan.employees_create],
        [e.nip for e, _ in plan.employees_update],
    )


def _write_positions(plan: _Plan) -> None:
    """Create new positions supervisors first, so each row carries its supervisor at insert.

    Loops were refused by validation, so every round places at least one position. Both
    supported databases (SQLite ≥ 3.35, PostgreSQL) return primary keys from bulk_create.
    """
    pending = list(plan.positions_create)
    while pending:
        ready = [
            new
            for new in pending
            if new.supervisor_key is None or new.supervisor_key in plan.position_ids
        ]
        if not ready:
            raise RuntimeError("supervision loop among new positions passed validation")
        created = Position.objects.bulk_create(
            [
                Position(
                    agency_id=new.agency_id,
                    unit_id=new.unit_id,
                    name=new.name,
                    kind=new.kind,
                    level=new.level,
                    is_head_of_agency=new.is_head,
                    supervisor_id=(
                        plan.position_ids[new.supervisor_key] if new.supervisor_key else None
                    ),
                )
                for new in ready
            ],
            batch_size=1000,
        )
        for new, position in zip(ready, created, strict=True):
            assert position.pk is not None
            plan.position_ids[new.key] = position.pk
        placed = {new.key for new in ready}
        pending = [new for new in pending if new.key not in placed]


def _write_assignments(plan: _Plan) -> None:
    if plan.assignments_change:
        # Closing first: the "one open definitive holder" constraint must hold after each query.
        changes = []
        for pk, values in plan.assignments_change.items():
            assignment = Assignment(pk=pk, **values)
            changes.append((assignment, tuple(sorted(values))))
        groups: dict[tuple[str, ...], list[Assignment]] = defaultdict(list)
        for assignment, fields in changes:
            groups[fields].append(assignment)
        for fields, assignments in groups.items():
            Assignment.objects.bulk_update(assignments, list(fields), batch_size=1000)
    if not plan.assignments_create:
        return
    nips = [spec["nip"] for spec in plan.assignments_create]
    employee_ids: dict[str, int] = {}
    for chunk in _chunks(nips):
        employee_ids.update(Employee.objects.filter(nip__in=chunk).values_list("nip", "id"))
    Assignment.objects.bulk_create(
        [
            Assignment(
                employee_id=employee_ids[spec["nip"]],
                position_id=plan.position_ids[spec["position_key"]],
                start_date=spec["start_date"],
                end_date=spec["end_date"],
                is_acting=spec["is_acting"],
                acting_kind=spec["acting_kind"],
            )
            for spec in plan.assignments_create
        ],
        batch_size=1000,
    )


# --- the template --------------------------------------------------------------------------


def import_template_csv() -> bytes:
    """Header line only, semicolon-separated with a BOM: Indonesian Excel opens it as is."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerow(HEADER.values())
    return buffer.getvalue().encode("utf-8-sig")


def import_template_xlsx() -> bytes:
    """Sheet "Data" with the headers (NIP formatted as text); sheet "Petunjuk" explains them."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    data = workbook.active
    assert data is not None
    data.title = "Data"
    data.append(list(HEADER.values()))
    for cell in data[1]:
        cell.font = Font(bold=True)
    data.column_dimensions["A"].width = 24
    data.column_dimensions["A"].number_format = "@"
    for row in range(2, 1002):
        data.cell(row=row, column=1).number_format = "@"
    data.freeze_panes = "A2"

    guide = workbook.create_sheet("Petunjuk")
    guide.append(["Kolom", "Wajib", "Keterangan", "Contoh"])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for column in COLUMNS:
        guide.append(
            [column.header, "Ya" if column.required else "Tidak", column.help, column.example]
        )
    guide.append([])
    notes = [
        "Satu baris untuk satu pegawai; NIP menjadi kunci. Urutan kolom bebas; huruf besar/kecil "
        "dan spasi pada judul kolom diabaikan.",
        "Seluruh berkas diperiksa dahulu; bila ada satu kesalahan, tidak ada data yang disimpan.",
        "Mengimpor berkas yang sama dua kali tidak mengubah apa pun.",
        "Jabatan yang sudah ada tidak diubah; jabatan baru dibuat dari baris pertama yang "
        "menyebutnya.",
        "Penugasan definitif baru menutup penugasan definitif pegawai sebelumnya sehari sebelum "
        "TMT Jabatan.",
        "Berkas CSV: UTF-8, pemisah titik koma (;) atau koma. Paling besar 10 MB.",
    ]
    for note in notes:
        guide.append([note])
    guide.column_dimensions["A"].width = 26
    guide.column_dimensions["B"].width = 8
    guide.column_dimensions["C"].width = 90
    guide.column_dimensions["D"].width = 28
    for row in guide.iter_rows(min_row=2):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
