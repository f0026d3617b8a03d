"""Checking the header and each row on its own; every problem becomes a `RowError`.

The identity of a row (NIP, employment type, gender, birth date, grade, kind and level of a
post) is checked by `kinerja.people.identity`, so a row gets the sentence the employee form
and the API give for the same value. Checks that need more than one row are in `plan`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import can_manage_agency, managed_agency_id
from kinerja.organization.models import Agency
from kinerja.organization.selectors import (
    position_kind_parse,
    position_kind_unknown,
    position_level_parse,
)
from kinerja.people.identity import identity_check, position_level_refusal
from kinerja.people.imports.columns import (
    COLUMNS,
    HEADER,
    NO,
    STATUS_BY_TEXT,
    YES,
    cell_text,
    header_columns,
    is_stored_number,
    normalize_grade,
    parse_date,
    position_name_key,
)
from kinerja.people.imports.report import RowError
from kinerja.people.models import EmployeeStatus

if TYPE_CHECKING:
    from kinerja.people.imports.reference import Reference

_GENDER_WORDS = {"LAKI-LAKI": "L", "PEREMPUAN": "P"}


@dataclass
class ImportRow:
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
        return (self.agency.pk, position_name_key(self.position_name))

    @property
    def supervisor_key(self) -> tuple[int, str] | None:
        if self.agency is None or not self.supervisor_name:
            return None
        return (self.agency.pk, position_name_key(self.supervisor_name))

    def describe(self) -> str:
        return f"NIP {self.nip} (baris {self.number})"


class Validator:
    """Collects every error of a file; runs the header and per-row checks."""

    def __init__(self, *, actor: Actor, today: date) -> None:
        self.actor = actor
        self.today = today
        self.errors: list[RowError] = []
        self.scope_agency_id = managed_agency_id(actor)

    def error(self, row: ImportRow | int, key: str, reason: str, value: Any = None) -> None:
        number = row if isinstance(row, int) else row.number
        if value is None and not isinstance(row, int):
            value = row.raw.get(key)
        self.errors.append(
            RowError(row=number, column=HEADER.get(key, key), value=cell_text(value), reason=reason)
        )
        if not isinstance(row, int):
            row.ok = False

    def columns(self, header: list[Any]) -> dict[str, int]:
        return header_columns(header, COLUMNS, self.error)

    def row(
        self, number: int, cells: list[Any], columns: dict[str, int], ref: Reference
    ) -> ImportRow:
        raw = {key: (cells[i] if i < len(cells) else None) for key, i in columns.items()}
        row = ImportRow(number=number, raw=raw)
        self._identity(row)
        self._names_and_status(row)
        self._placement(row, ref)
        self._post(row)
        self._dates(row)
        return row

    def _identity(self, row: ImportRow) -> None:
        raw = row.raw
        if is_stored_number(raw.get("nip")):
            self.error(
                row,
                "nip",
                "NIP tersimpan sebagai angka sehingga Excel mengubah digit terakhirnya; format "
                "kolom NIP sebagai Teks lalu ketik ulang.",
            )
            return
        nip = cell_text(raw.get("nip"))
        if not nip:
            self.error(row, "nip", "NIP wajib diisi (18 digit).")
            return
        gender_text = cell_text(raw.get("gender")).upper()
        birth_text = cell_text(raw.get("birth_date"))
        birth = parse_date(raw.get("birth_date")) if birth_text else None
        if birth_text and birth is None:
            self.error(
                row,
                "birth_date",
                "Tanggal Lahir harus berbentuk TTTT-BB-HH atau HH-BB-TTTT, atau sel tanggal.",
            )
        grade_text = cell_text(raw.get("grade"))
        if not grade_text:
            self.error(row, "grade", "Golongan wajib diisi (PNS: III/a …; PPPK: I … XVII).")
        checked = identity_check(
            nip=nip,
            employment_type=cell_text(raw.get("employment_type")).upper() or None,
            gender=_GENDER_WORDS.get(gender_text, gender_text) or None,
            birth_date=birth,
            grade=normalize_grade(grade_text) if grade_text else None,
            today=self.today,
        )
        for key, reason in checked.errors.items():
            self.error(row, key, reason)
        if checked.info is None:
            return
        row.nip = checked.info.nip
        row.employment_type = checked.employment_type
        row.gender = checked.info.gender.value
        row.birth_date = checked.info.birth_date
        if grade_text and "grade" not in checked.errors:
            row.grade = normalize_grade(grade_text)

    def _names_and_status(self, row: ImportRow) -> None:
        raw = row.raw
        row.name = cell_text(raw.get("name"))
        if not row.name:
            self.error(row, "name", "Nama wajib diisi (tanpa gelar).")
        elif len(row.name) > 200:
            self.error(row, "name", f"Nama paling panjang 200 huruf; ditemukan {len(row.name)}.")
        row.title_prefix = cell_text(raw.get("title_prefix"))
        row.title_suffix = cell_text(raw.get("title_suffix"))
        if len(row.title_prefix) > 50:
            self.error(row, "title_prefix", "Gelar Depan paling panjang 50 huruf.")
        if len(row.title_suffix) > 80:
            self.error(row, "title_suffix", "Gelar Belakang paling panjang 80 huruf.")
        status_text = cell_text(raw.get("status")).casefold()
        if status_text:
            status = STATUS_BY_TEXT.get(status_text)
            if status is None:
                self.error(row, "status", "Status harus Aktif, Pensiun atau Pindah.")
            else:
                row.status = status

    def _placement(self, row: ImportRow, ref: Reference) -> None:
        code = cell_text(row.raw.get("agency_code"))
        if not code:
            self.error(row, "agency_code", "Kode Perangkat Daerah wajib diisi.")
        elif code not in ref.agencies:
            self.error(
                row,
                "agency_code",
                f"Kode Perangkat Daerah {code} tidak dikenal; lihat kode di halaman "
                "Perangkat daerah.",
            )
        elif not can_manage_agency(self.actor, ref.agencies[code].pk):
            self.error(
                row, "agency_code", "Anda hanya boleh mengimpor pegawai Perangkat Daerah Anda."
            )
        else:
            row.agency = ref.agencies[code]
        unit_code = cell_text(row.raw.get("unit_code"))
        if unit_code and row.agency is not None:
            row.unit_id = ref.units.get((row.agency.pk, unit_code))
            if row.unit_id is None:
                self.error(
                    row,
                    "unit_code",
                    f"Kode Unit {unit_code} tidak ada di {row.agency.name}; isi kode unit kerja "
                    "perangkat daerah itu atau kosongkan.",
                )

    def _post(self, row: ImportRow) -> None:
        raw = row.raw
        row.position_name = cell_text(raw.get("position"))
        if len(row.position_name) > 250:
            self.error(row, "position", "Jabatan paling panjang 250 huruf.")
        kind_text = cell_text(raw.get("position_kind"))
        if kind_text:
            kind = position_kind_parse(kind_text)
            if kind is None:
                self.error(row, "position_kind", position_kind_unknown(kind_text))
            else:
                row.position_kind = kind
        row.level = cell_text(raw.get("level"))
        if row.level and row.position_kind:
            row.level = position_level_parse(row.position_kind, row.level) or row.level
            refusal = position_level_refusal(row.position_kind, row.level)
            if refusal:
                self.error(row, "level", refusal)
        row.supervisor_name = cell_text(raw.get("supervisor"))
        head_text = cell_text(raw.get("is_head")).casefold()
        if head_text in YES:
            row.is_head = True
        elif head_text not in NO:
            self.error(row, "is_head", "Kepala Perangkat Daerah harus Ya atau Tidak.")
        acting = cell_text(raw.get("acting")).upper()
        if acting in {"PLT", "PLH"}:
            row.acting_kind = acting
        elif acting:
            self.error(row, "acting", "Plt/Plh harus kosong (definitif), Plt atau Plh.")

    def _dates(self, row: ImportRow) -> None:
        raw = row.raw
        for key in ("start_date", "end_date"):
            value = raw.get(key)
            if not cell_text(value):
                continue
            parsed = parse_date(value)
            if parsed is None:
                self.error(row, key, f"{HEADER[key]} harus berbentuk TTTT-BB-HH atau HH-BB-TTTT.")
            else:
                setattr(row, key, parsed)
        if row.position_name and row.start_date is None and not cell_text(raw.get("start_date")):
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
                if cell_text(raw.get(key)):
                    self.error(row, key, f"{HEADER[key]} diisi tetapi Jabatan kosong; isi Jabatan.")
                    break
