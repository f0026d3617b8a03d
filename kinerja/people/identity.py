"""Identity rules of an employee and the wording of every refusal, in one place.

The employee form, the services, the API and the import all call `identity_check`, so the same
bad value gets the same Indonesian sentence at every entrance. Pure: no queries (the grades and
position levels come from the reference data in `kinerja.organization.selectors`).

What is checked (NIP rules: `kinerja.scoring.nip`, REGULATIONS.md §4):
- the NIP itself (18 digits, a real birth date, a month or PPPK code, gender digit, sequence);
- the employment type against the shape of the NIP (digits 13-14: a month for PNS, a code for
  PPPK); when the type is not given it is read from the NIP;
- gender against digit 15 and birth date against digits 1-8 (when given);
- the grade against the employment type (PNS "III/a", PPPK "I" … "XVII");
- a position kind and its level (jenjang), through `position_kind_refusal` and
  `position_level_refusal` of the organization app.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kinerja.organization.selectors import (
    grade_codes,
    position_kind_refusal,
    position_level_refusal,
)
from kinerja.people.models import EmploymentType, Gender
from kinerja.scoring.formatting import format_date_id
from kinerja.scoring.nip import InvalidNip, NipInfo, format_nip, parse_nip

__all__ = [
    "IDENTITY_FIELDS",
    "IdentityCheck",
    "grade_refusal",
    "identity_check",
    "position_kind_refusal",
    "position_level_refusal",
]

IDENTITY_FIELDS = ("nip", "employment_type", "gender", "birth_date", "grade")
_EMPLOYMENT_TYPES = frozenset(EmploymentType.values)
_GENDERS = frozenset(Gender.values)


@dataclass(frozen=True)
class IdentityCheck:
    """What `identity_check` found: one refusal per field, and the NIP's content when valid."""

    errors: dict[str, str] = field(default_factory=dict)
    info: NipInfo | None = None

    @property
    def employment_type(self) -> str | None:
        return str(self.info.employment_type) if self.info else None


def employment_type_refusal(employment_type: str) -> str | None:
    if employment_type in _EMPLOYMENT_TYPES:
        return None
    return f"Jenis kepegawaian {employment_type!r} tidak dikenal; yang diterima: PNS atau PPPK."


def gender_refusal(gender: str) -> str | None:
    if gender in _GENDERS:
        return None
    return (
        f"Jenis kelamin {gender!r} tidak dikenal; yang diterima: L (laki-laki) atau P (perempuan)."
    )


def grade_refusal(grade: str, employment_type: str) -> str | None:
    """Why `grade` does not fit `employment_type`, or None when it does."""
    accepted = grade_codes(employment_type)
    if grade in accepted:
        return None
    span = f"{accepted[0]} … {accepted[-1]}" if accepted else "-"
    return (
        f"Golongan {grade!r} tidak berlaku untuk {employment_type}; yang diterima {span}: "
        f"{', '.join(accepted)}."
    )


def _nip_refusal(
    text: str, employment_type: str | None, today: date | None
) -> tuple[str, str] | tuple[None, NipInfo]:
    """(field, refusal) for a NIP that does not fit, else (None, what it encodes)."""
    try:
        return None, parse_nip(text, employment_type, today=today)
    except InvalidNip as invalid:
        if employment_type is not None:
            try:
                inferred = parse_nip(text, None, today=today)
            except InvalidNip:
                inferred = None
            if inferred is not None and inferred.employment_type != employment_type:
                return (
                    "employment_type",
                    f"Jenis kepegawaian {employment_type} tidak cocok dengan NIP "
                    f"{format_nip(inferred.nip)}: NIP ini bukan nomor {employment_type}, "
                    f"melainkan berbentuk nomor {inferred.employment_type} (digit 13-14).",
                )
        key = "employment_type" if invalid.code == "employment_type" else "nip"
        return key, f"{invalid.message}."


def identity_check(
    *,
    nip: str,
    employment_type: str | None,
    gender: str | None,
    birth_date: date | None,
    grade: str | None,
    today: date | None = None,
) -> IdentityCheck:
    """Check an identity; `None` means "not given" (the import reads it from the NIP then)."""
    errors: dict[str, str] = {}
    if employment_type is not None:
        refusal = employment_type_refusal(employment_type)
        if refusal:
            errors["employment_type"] = refusal
            employment_type = None
    if gender is not None and (refusal := gender_refusal(gender)):
        errors["gender"] = refusal
        gender = None
    key, outcome = _nip_refusal(nip, employment_type, today)
    info = outcome if isinstance(outcome, NipInfo) else None
    if key is not None and isinstance(outcome, str):
        errors[key] = outcome
    if info is not None:
        if gender is not None and gender != info.gender.value:
            errors["gender"] = (
                f"Jenis kelamin tidak cocok dengan NIP {format_nip(info.nip)}: digit ke-15 "
                f"menyatakan {info.gender.label}, bukan {Gender(gender).label}."
            )
        if birth_date is not None and birth_date != info.birth_date:
            errors["birth_date"] = (
                f"Tanggal lahir {format_date_id(birth_date)} tidak cocok dengan NIP "
                f"{format_nip(info.nip)}: "
                f"digit 1-8 menyatakan {format_date_id(info.birth_date)}."
            )
    # Without a valid NIP the employment type is uncertain, so the grade is not judged.
    if info is not None and grade is not None:
        refusal = grade_refusal(grade, str(info.employment_type))
        if refusal:
            errors["grade"] = refusal
    return IdentityCheck(errors=errors, info=info)
