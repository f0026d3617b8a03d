"""Reading and validating the 18-digit employee number (NIP of a PNS, NI of a PPPK).

Source: the NIP structure as summarised in /work/shared/reference/REGULATIONS.md §4 [V2].

PNS: birth date YYYYMMDD (digits 1-8), first appointment YYYYMM (9-14), gender 1 male /
2 female (15), sequence 001-999 (16-18). PPPK: birth date (1-8), appointment year YYYY
(9-12), a two-digit code that is not a month (13-14), gender (15), sequence (16-18). There is
no checksum, so validation checks what can be checked: digits, length, a real birth date, a
month, gender, sequence, an appointment after birth and not in the future.

People type NIPs with spaces or dots ("19860926 201505 1 001", "19860926.201505.1.001");
both are accepted. The stored form is the 18 digits; the printed form comes from `format_nip`.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from kinerja.scoring.choices import LabelledEnum
from kinerja.scoring.formatting import format_date_id, month_name

NIP_LENGTH = 18
SEPARATORS = frozenset(" .\t\u00a0")
"""Characters people type between the groups of a NIP and that are dropped."""


class EmploymentType(LabelledEnum):
    """PNS (permanent civil servant) or PPPK (contract civil servant)."""

    PNS = "PNS"
    PPPK = "PPPK"

    @classmethod
    def label_table(cls) -> Mapping[str, str]:
        return {"PNS": "PNS", "PPPK": "PPPK"}


class Gender(LabelledEnum):
    """Gender as coded in digit 15 of the NIP: 1 male (L), 2 female (P)."""

    L = "L"
    P = "P"

    @classmethod
    def label_table(cls) -> Mapping[str, str]:
        return {"L": "Laki-laki", "P": "Perempuan"}


class InvalidNip(ValueError):
    """A NIP that cannot be right; `code` says which check failed, the message says why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class NipInfo:
    """What a valid NIP says about its holder."""

    nip: str
    employment_type: EmploymentType
    employment_type_inferred: bool
    birth_date: date
    appointment_year: int
    appointment_month: int | None
    pppk_code: str | None
    gender: Gender
    sequence: int


def nip_digits(text: str) -> str:
    """The 18 digits of a typed NIP, without spaces or dots; raises `InvalidNip` otherwise."""
    digits = "".join(char for char in text.strip() if char not in SEPARATORS)
    wrong = [char for char in digits if not ("0" <= char <= "9")]
    if wrong:
        raise InvalidNip(
            "not_digits",
            f"NIP {text.strip()} hanya boleh berisi angka (spasi dan titik boleh); "
            f"ditemukan {wrong[0]!r}",
        )
    if len(digits) != NIP_LENGTH:
        raise InvalidNip(
            "length", f"NIP {digits} harus {NIP_LENGTH} digit; ditemukan {len(digits)}"
        )
    return digits


def infer_employment_type(digits: str) -> EmploymentType:
    """PNS when digits 13-14 are a month 01-12 (the appointment month), PPPK otherwise."""
    return EmploymentType.PNS if _is_month(digits[12:14]) else EmploymentType.PPPK


def parse_nip(
    text: str, employment_type: str | None = None, *, today: date | None = None
) -> NipInfo:
    """Validate a typed NIP and say what it encodes (REGULATIONS.md §4, [V2]).

    `employment_type` is "PNS" or "PPPK"; when None it is inferred from digits 13-14 and
    `employment_type_inferred` is True. `today` (default: the current date) is the day against
    which "not in the future" is checked.

    An appointment must come after birth: for a PNS the appointment month must be later than
    the birth month, for a PPPK the appointment year later than the birth year. A realistic
    minimum age at appointment (about 18) is not enforced: the regulation does not state one.
    """
    digits = nip_digits(text)
    birth = _birth_date(digits)
    kind, inferred = _employment_type(digits, employment_type)
    if kind is EmploymentType.PNS:
        month: int | None = _appointment_month(digits)
        code = None
    else:
        month = None
        code = _pppk_code(digits)
    gender = _gender(digits)
    sequence = _sequence(digits)
    year = int(digits[8:12])
    _check_appointment(digits, birth, year, month, today or date.today())
    return NipInfo(
        nip=digits,
        employment_type=kind,
        employment_type_inferred=inferred,
        birth_date=birth,
        appointment_year=year,
        appointment_month=month,
        pppk_code=code,
        gender=gender,
        sequence=sequence,
    )


def format_nip(nip: str, employment_type: str | None = None) -> str:
    """The printed form of a NIP, groups separated by spaces.

    PNS: "19860926 201505 1 001" (birth, appointment month, gender, sequence), as on SK and
    ID cards [V2]. PPPK: "19860926 2021 13 1 001" (birth, appointment year, code, gender,
    sequence): our choice [I], so that the code is not read as a month. Only the shape is
    checked here (18 digits); use `parse_nip` to validate.
    """
    digits = nip_digits(nip)
    if employment_type is None:
        kind = infer_employment_type(digits)
    else:
        kind = _known_employment_type(digits, employment_type)
    if kind is EmploymentType.PNS:
        return " ".join((digits[:8], digits[8:14], digits[14], digits[15:]))
    return " ".join((digits[:8], digits[8:12], digits[12:14], digits[14], digits[15:]))


def _is_month(two_digits: str) -> bool:
    return 1 <= int(two_digits) <= 12


def _known_employment_type(digits: str, employment_type: str) -> EmploymentType:
    try:
        return EmploymentType(employment_type.strip().upper())
    except ValueError:
        raise InvalidNip(
            "employment_type",
            f"Jenis pegawai {employment_type!r} untuk NIP {digits} tidak dikenal; "
            "pilih PNS atau PPPK",
        ) from None


def _employment_type(digits: str, employment_type: str | None) -> tuple[EmploymentType, bool]:
    if employment_type is None:
        return infer_employment_type(digits), True
    kind = _known_employment_type(digits, employment_type)
    if kind is EmploymentType.PPPK and _is_month(digits[12:14]):
        raise InvalidNip(
            "employment_type",
            f"NIP {digits} bukan nomor PPPK: digit 13-14 ({digits[12:14]}) adalah bulan, "
            "seperti pada NIP PNS; kode PPPK tidak boleh 01-12",
        )
    return kind, False


def _birth_date(digits: str) -> date:
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise InvalidNip(
            "birth_date",
            f"Tanggal lahir {digits[:8]} pada NIP {digits} bukan tanggal yang ada; "
            "digit 1-8 harus tanggal lahir TTTTBBHH, misalnya 19860926",
        ) from None


def _appointment_month(digits: str) -> int:
    if not _is_month(digits[12:14]):
        raise InvalidNip(
            "appointment_month",
            f"Bulan pengangkatan {digits[12:14]} pada NIP {digits} tidak ada; "
            "digit 13-14 NIP PNS harus bulan 01-12",
        )
    return int(digits[12:14])


def _pppk_code(digits: str) -> str:
    return digits[12:14]


def _gender(digits: str) -> Gender:
    codes = {"1": Gender.L, "2": Gender.P}
    if digits[14] not in codes:
        raise InvalidNip(
            "gender",
            f"Kode jenis kelamin {digits[14]} pada NIP {digits} tidak dikenal; "
            "digit 15 harus 1 (laki-laki) atau 2 (perempuan)",
        )
    return codes[digits[14]]


def _sequence(digits: str) -> int:
    sequence = int(digits[15:])
    if sequence == 0:
        raise InvalidNip(
            "sequence",
            f"Nomor urut 000 pada NIP {digits} tidak ada; digit 16-18 harus 001-999",
        )
    return sequence


def _check_appointment(digits: str, birth: date, year: int, month: int | None, today: date) -> None:
    if month is None:  # PPPK: the number carries the appointment year only
        after_birth = year > birth.year
        not_in_future = year <= today.year
    else:
        after_birth = (year, month) > (birth.year, birth.month)
        not_in_future = (year, month) <= (today.year, today.month)
    appointed = _describe_appointment(year, month)
    if not after_birth:
        raise InvalidNip(
            "appointment_before_birth",
            f"Pengangkatan {appointed} pada NIP {digits} tidak setelah kelahiran "
            f"{format_date_id(birth)}; pengangkatan harus setelah tanggal lahir",
        )
    if not not_in_future:
        raise InvalidNip(
            "appointment_in_future",
            f"Pengangkatan {appointed} pada NIP {digits} ada di masa depan "
            f"(hari ini {format_date_id(today)}); pengangkatan tidak boleh setelah hari ini",
        )


def _describe_appointment(year: int, month: int | None) -> str:
    return f"{month_name(month)} {year}" if month else f"tahun {year}"
