"""Writes of the allowance (TPP): the scheme (BKPSDM), the month's attendance entered on the
page or imported from a file (BKPSDM or the agency's Admin OPD), and the audited download of
the sheet. Each checks the right, validates with sentences naming the field, then writes and
audits in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.audit.services import audit_record
from kinerja.evaluation.models import AllowanceScheme, AttendanceRecord
from kinerja.evaluation.permissions import (
    NOT_AGENCY_MANAGER,
    NOT_SCHEME_MANAGER,
    can_export_agency,
    can_manage_allowance_scheme,
)
from kinerja.evaluation.selectors.allowance import (
    MONTH_PARAM,
    MULTIPLIER_FIELDS,
    Month,
    month_employees,
)
from kinerja.organization.models import Agency
from kinerja.scoring.allowance import (
    DEFAULT_MULTIPLIERS,
    SURAKARTA_2019_ATTENDANCE_SHARE,
    SURAKARTA_2019_PERFORMANCE_SHARE,
)
from kinerja.scoring.formatting import format_decimal

DEFAULT_SCHEME_NAME = "Skema TPP Surakarta 2019"
DEFAULT_VALID_FROM = date(2019, 1, 1)
DEFAULT_SOURCE = (
    "Skema TPP Kota Surakarta 2019: 80% kinerja, 20% kehadiran; pengali per predikat "
    "ditetapkan Kinerja (docs/scoring.md)"
)
MAX_DAYS = 31
SCHEME_FIELDS = (
    "name",
    "valid_from",
    "performance_share",
    "attendance_share",
    *MULTIPLIER_FIELDS.values(),
    "source",
)
PERCENT_LABELS = {
    "performance_share": "Porsi kinerja",
    "attendance_share": "Porsi kehadiran",
    **{field: f"Pengali {p.label}" for p, field in MULTIPLIER_FIELDS.items()},
}


def scheme_snapshot(scheme: AllowanceScheme) -> dict[str, Any]:
    return {name: getattr(scheme, name) for name in SCHEME_FIELDS}


# --- the scheme ---------------------------------------------------------------------------


def allowance_scheme_builtin() -> AllowanceScheme:
    """The 2019 Surakarta scheme (80% performance, 20% attendance, `DEFAULT_MULTIPLIERS`),
    unsaved: what applies while BKPSDM has stored no scheme at all."""
    return AllowanceScheme(
        name=DEFAULT_SCHEME_NAME,
        valid_from=DEFAULT_VALID_FROM,
        performance_share=Decimal(SURAKARTA_2019_PERFORMANCE_SHARE),
        attendance_share=Decimal(SURAKARTA_2019_ATTENDANCE_SHARE),
        source=DEFAULT_SOURCE,
        **{
            field: Decimal(DEFAULT_MULTIPLIERS[predikat])
            for predikat, field in MULTIPLIER_FIELDS.items()
        },
    )


def allowance_scheme_default(*, actor: Actor = None) -> AllowanceScheme:
    """The scheme in force, storing the built-in 2019 scheme when there is none at all;
    audited when stored."""
    with transaction.atomic():
        existing = AllowanceScheme.objects.select_for_update().order_by("-valid_from").first()
        if existing is not None:
            return existing
        scheme = allowance_scheme_builtin()
        scheme.save()
        audit_record(
            actor=actor, action="allowance_scheme.saved", obj=scheme, after=scheme_snapshot(scheme)
        )
    return scheme


def _percent_errors(values: dict[str, Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for field, label in PERCENT_LABELS.items():
        value = values.get(field)
        if value is None:
            errors[field] = [f"{label} wajib diisi: isi angka 0 sampai 100."]
            continue
        try:
            number = Decimal(value)
        except (InvalidOperation, TypeError, ValueError):
            errors[field] = [f"{label} {str(value)[:20]!r} bukan angka; isi angka 0 sampai 100."]
            continue
        if not number.is_finite() or number < 0 or number > 100:
            errors[field] = [f"{label} {number}% tidak sah; isi angka 0 sampai 100."]
        elif number != number.quantize(Decimal("0.01"), rounding="ROUND_DOWN"):
            errors[field] = [
                f"{label} {number}% tidak sah; isi angka dengan paling banyak 2 desimal."
            ]
    return errors


def allowance_scheme_save(
    *,
    actor: Actor,
    scheme: AllowanceScheme | None = None,
    name: str,
    valid_from: date | None,
    performance_share: Decimal | None,
    attendance_share: Decimal | None,
    multiplier_sangat_baik: Decimal | None,
    multiplier_baik: Decimal | None,
    multiplier_butuh_perbaikan: Decimal | None,
    multiplier_kurang: Decimal | None,
    multiplier_sangat_kurang: Decimal | None,
    source: str = "",
) -> AllowanceScheme:
    """Create a scheme (`scheme` None) or change one. BKPSDM only. Each percentage 0-100 with
    at most 2 decimals, the two shares summing to 100, one scheme per `valid_from`."""
    if not can_manage_allowance_scheme(actor):
        raise PermissionDenied(NOT_SCHEME_MANAGER)
    values: dict[str, Any] = {
        "name": (name or "").strip(),
        "valid_from": valid_from,
        "performance_share": performance_share,
        "attendance_share": attendance_share,
        "multiplier_sangat_baik": multiplier_sangat_baik,
        "multiplier_baik": multiplier_baik,
        "multiplier_butuh_perbaikan": multiplier_butuh_perbaikan,
        "multiplier_kurang": multiplier_kurang,
        "multiplier_sangat_kurang": multiplier_sangat_kurang,
        "source": (source or "").strip()[:200],
    }
    errors = _percent_errors(values)
    if not values["name"]:
        errors["name"] = ["Nama skema wajib diisi, mis. Skema TPP 2026."]
    elif len(values["name"]) > 200:
        errors["name"] = [f"Nama skema {len(values['name'])} karakter; paling banyak 200."]
    if valid_from is None:
        errors["valid_from"] = ["Tanggal berlaku sejak wajib diisi, mis. 01-01-2026."]
    elif (
        AllowanceScheme.objects.filter(valid_from=valid_from)
        .exclude(pk=scheme.pk if scheme else 0)
        .exists()
    ):
        errors["valid_from"] = [
            f"Sudah ada skema yang berlaku sejak {valid_from:%d-%m-%Y}; pilih tanggal lain atau "
            "ubah skema itu."
        ]
    if "performance_share" not in errors and "attendance_share" not in errors:
        total = Decimal(performance_share or 0) + Decimal(attendance_share or 0)
        if total != 100:
            errors["attendance_share"] = [
                f"Porsi kinerja {format_decimal(Decimal(performance_share or 0))}% dan porsi "
                f"kehadiran {format_decimal(Decimal(attendance_share or 0))}% berjumlah "
                f"{format_decimal(total)}%; jumlahnya harus 100%."
            ]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        before = scheme_snapshot(scheme) if scheme else None
        target = scheme or AllowanceScheme()
        for key, value in values.items():
            setattr(target, key, Decimal(value) if key in PERCENT_LABELS else value)
        target.save()
        audit_record(
            actor=actor,
            action="allowance_scheme.saved",
            obj=target,
            before=before,
            after=scheme_snapshot(target),
        )
    return target


# --- attendance ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceEntry:
    employee_id: int
    working_days: int | None
    present_days: int | None


def require_attendance_handler(actor: Actor, agency: Agency) -> None:
    if not can_export_agency(actor, agency.pk):
        raise PermissionDenied(NOT_AGENCY_MANAGER)


def attendance_month_refusal(month: Month) -> str | None:
    if month.first_day > timezone.localdate():
        return f"Bulan {month.label} belum dimulai; kehadiran dicatat setelah bulan berjalan."
    return None


@dataclass(frozen=True)
class DaysProblem:
    field: str
    sentence: str


def attendance_days_check(
    working: int | None, present: int | None
) -> tuple[int, int] | DaysProblem:
    """The row's (working, present) days, or the first problem with its field. The page and the
    import ask the same rule."""
    problem = _days_problem(working, present)
    if problem is not None or working is None or present is None:
        return DaysProblem(*(problem or ("working_days", "")))
    return working, present


def _days_problem(working: int | None, present: int | None) -> tuple[str, str] | None:
    if working is None:
        return "working_days", "Hari kerja wajib diisi: isi bilangan bulat 1 sampai 31."
    if not 1 <= working <= MAX_DAYS:
        return "working_days", f"Hari kerja {working} tidak sah; isi bilangan bulat 1 sampai 31."
    if present is None:
        return "present_days", "Hari hadir wajib diisi: isi bilangan bulat 0 sampai hari kerja."
    if present < 0:
        return "present_days", f"Hari hadir {present} tidak sah; isi bilangan bulat 0 atau lebih."
    if present > working:
        return (
            "present_days",
            f"Hari hadir {present} melebihi hari kerja {working}; paling banyak sama dengan "
            "hari kerja.",
        )
    return None


def save_month(*, actor: Actor, month: Month, rows: dict[int, tuple[int, int]]) -> tuple[int, int]:
    """Create or update the month's records of `rows` (employee id → days); (created, changed)."""
    existing = {
        record.employee_id: record
        for record in AttendanceRecord.objects.filter(
            employee_id__in=list(rows), year=month.year, month=month.month
        )
    }
    new, changed = [], []
    for employee_id, (working, present) in rows.items():
        record = existing.get(employee_id)
        if record is None:
            new.append(
                AttendanceRecord(
                    employee_id=employee_id,
                    year=month.year,
                    month=month.month,
                    working_days=working,
                    present_days=present,
                    recorded_by=actor,
                )
            )
        elif (record.working_days, record.present_days) != (working, present):
            record.working_days, record.present_days, record.recorded_by = working, present, actor
            changed.append(record)
    AttendanceRecord.objects.bulk_create(new)
    AttendanceRecord.objects.bulk_update(
        changed, ["working_days", "present_days", "recorded_by", "updated_at"]
    )
    return len(new), len(changed)


def attendance_record(
    *, actor: Actor, agency: Agency, month: Month, entries: Sequence[AttendanceEntry]
) -> int:
    """Save the month's attendance of several employees of the agency at once; an entry with
    both days empty is skipped. Errors are keyed `working_days_<employee id>` /
    `present_days_<employee id>`; nothing is saved if any entry is wrong. Returns how many
    rows were given."""
    require_attendance_handler(actor, agency)
    refusal = attendance_month_refusal(month)
    if refusal:
        raise ValidationError({MONTH_PARAM: [refusal]})
    names = {p.employee_id: p.name for p in month_employees(agency_id=agency.pk, month=month)}
    errors: dict[str, list[str]] = {}
    rows: dict[int, tuple[int, int]] = {}
    for entry in entries:
        if entry.working_days is None and entry.present_days is None:
            continue
        if entry.employee_id not in names:
            errors[f"working_days_{entry.employee_id}"] = [
                f"Pegawai {entry.employee_id} tidak menjabat di {agency.name} pada {month.label}."
            ]
            continue
        days = attendance_days_check(entry.working_days, entry.present_days)
        if isinstance(days, DaysProblem):
            errors[f"{days.field}_{entry.employee_id}"] = [
                f"{names[entry.employee_id]}: {days.sentence}"
            ]
            continue
        rows[entry.employee_id] = days
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        created, changed = save_month(actor=actor, month=month, rows=rows)
        audit_record(
            actor=actor,
            action="attendance.recorded",
            obj=agency,
            after={
                "agency_id": agency.pk,
                "month": month.param,
                "rows": len(rows),
                "created": created,
                "changed": changed,
            },
        )
    return len(rows)
