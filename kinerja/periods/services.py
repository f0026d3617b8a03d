"""Writes about performance periods: opening one (with its evaluation windows), changing its
deadlines, and moving it through its stages. Only Admin BKPSDM (`can_manage_city`) or the
system (actor None) may; every write is audited.

A period lies inside one calendar year. Its windows are the months (or quarters) of that year
that the period covers, clipped to the period's dates; each window's realisation is due on
`realization_due_day` of the month after the window ends.

Stages move forward one at a time (Perencanaan → Pelaksanaan → Evaluasi → Ditutup); the only
step back is Pelaksanaan → Perencanaan, and none once evaluation has begun.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import can_manage_city, require
from kinerja.audit.services import audit_record
from kinerja.organization.models import Agency
from kinerja.periods.models import EvaluationWindow, PerformancePeriod, PeriodState, WindowKind
from kinerja.periods.rules import period_state_refusal
from kinerja.scoring.formatting import MONTH_NAMES

Errors = dict[str, list[str]]


class Unset:
    """The value of an argument not given (None means "no agency")."""


UNSET = Unset()

MANAGE_REFUSAL = "Hanya Admin BKPSDM yang dapat membuka dan mengelola periode penilaian."

QUARTER_NAMES = ("Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV")

MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_DUE_DAY = 28


def _require_manage(actor: Actor) -> None:
    if actor is not None:
        require(can_manage_city(actor), MANAGE_REFUSAL)


def _day(value: date) -> str:
    return value.strftime("%d-%m-%Y")


def period_snapshot(period: PerformancePeriod) -> dict[str, Any]:
    return {
        "year": period.year,
        "name": period.name,
        "start_date": period.start_date,
        "end_date": period.end_date,
        "state": period.state,
        "is_trial": period.is_trial,
        "trial_agency_id": period.trial_agency_id,
        "window_kind": period.window_kind,
        "plan_due_date": period.plan_due_date,
        "realization_due_day": period.realization_due_day,
        "evaluation_due_date": period.evaluation_due_date,
    }


# --- windows ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class WindowPlan:
    """One evaluation window as it will be stored."""

    number: int
    name: str
    start_date: date
    end_date: date
    realization_due_date: date


def _month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def _due_after(end: date, due_day: int) -> date:
    """`due_day` of the month after the month of `end`."""
    if end.month == 12:
        return date(end.year + 1, 1, due_day)
    return date(end.year, end.month + 1, due_day)


def windows_plan(
    *, start_date: date, end_date: date, window_kind: str, realization_due_day: int
) -> list[WindowPlan]:
    """The windows of a period within one calendar year: months ("Januari".."Desember", number
    = the month) or quarters ("Triwulan I".."Triwulan IV", number = the quarter) that overlap
    the period, clipped to its dates."""
    months_per_window = 3 if window_kind == WindowKind.QUARTERLY else 1
    names = QUARTER_NAMES if window_kind == WindowKind.QUARTERLY else MONTH_NAMES
    year = start_date.year
    plans = []
    for index, name in enumerate(names):
        first_month = index * months_per_window + 1
        window_start = date(year, first_month, 1)
        window_end = _month_end(year, first_month + months_per_window - 1)
        if window_end < start_date or window_start > end_date:
            continue
        clipped_end = min(window_end, end_date)
        plans.append(
            WindowPlan(
                number=index + 1,
                name=name,
                start_date=max(window_start, start_date),
                end_date=clipped_end,
                realization_due_date=_due_after(window_end, realization_due_day),
            )
        )
    return plans


def _windows_create(period: PerformancePeriod) -> None:
    EvaluationWindow.objects.bulk_create(
        EvaluationWindow(
            period=period,
            number=plan.number,
            name=plan.name,
            start_date=plan.start_date,
            end_date=plan.end_date,
            realization_due_date=plan.realization_due_date,
        )
        for plan in windows_plan(
            start_date=period.start_date,
            end_date=period.end_date,
            window_kind=period.window_kind,
            realization_due_day=period.realization_due_day,
        )
    )


def _windows_redate(period: PerformancePeriod) -> None:
    """Outside planning the windows stay (later records point at them); only their realisation
    due dates follow a changed `realization_due_day`."""
    windows = list(period.windows.all())
    for window in windows:
        window.realization_due_date = _due_after(window.end_date, period.realization_due_day)
    EvaluationWindow.objects.bulk_update(windows, ["realization_due_date"])


# --- validation ------------------------------------------------------------------------------


def period_errors(
    *,
    year: int,
    name: str,
    start_date: date,
    end_date: date,
    window_kind: str,
    plan_due_date: date,
    realization_due_day: int,
    evaluation_due_date: date,
) -> Errors:
    """What is wrong with a period's fields (every entrance asks here)."""
    errors: Errors = {}
    if not name.strip():
        errors["name"] = ['Nama periode wajib diisi, misalnya "Periode Penilaian 2026".']
    elif len(name.strip()) > 120:
        errors["name"] = [f"Nama periode {len(name.strip())} karakter; paling banyak 120 karakter."]
    if not MIN_YEAR <= year <= MAX_YEAR:
        errors["year"] = [
            f"Tahun {year} tidak diterima: isi tahun antara {MIN_YEAR} dan {MAX_YEAR}."
        ]
        return errors
    if start_date.year != year:
        errors["start_date"] = [
            f"Tanggal mulai {_day(start_date)} tidak diterima: harus di dalam tahun {year}."
        ]
    if end_date.year != year:
        errors["end_date"] = [
            f"Tanggal selesai {_day(end_date)} tidak diterima: harus di dalam tahun {year}."
        ]
    elif end_date <= start_date:
        errors["end_date"] = [
            f"Tanggal selesai {_day(end_date)} tidak diterima: harus sesudah tanggal mulai "
            f"{_day(start_date)}."
        ]
    if window_kind not in WindowKind.values:
        errors["window_kind"] = [
            f"Evaluasi periodik {window_kind!r} tidak dikenal; pilih Bulanan atau Triwulanan."
        ]
    if not 1 <= realization_due_day <= MAX_DUE_DAY:
        errors["realization_due_day"] = [
            f"Batas pengisian realisasi tanggal {realization_due_day} tidak diterima: isi tanggal "
            f"1 sampai {MAX_DUE_DAY} (berlaku di setiap bulan)."
        ]
    if errors:
        return errors
    if not start_date <= plan_due_date <= end_date:
        errors["plan_due_date"] = [
            f"Batas penetapan SKP {_day(plan_due_date)} tidak diterima: harus di dalam periode "
            f"({_day(start_date)} sampai {_day(end_date)})."
        ]
    if evaluation_due_date <= end_date:
        errors["evaluation_due_date"] = [
            f"Batas evaluasi tahunan {_day(evaluation_due_date)} tidak diterima: harus sesudah "
            f"periode berakhir ({_day(end_date)})."
        ]
    elif evaluation_due_date > date(year + 1, 12, 31):
        errors["evaluation_due_date"] = [
            f"Batas evaluasi tahunan {_day(evaluation_due_date)} tidak diterima: paling lambat "
            f"akhir tahun berikutnya (31-12-{year + 1})."
        ]
    return errors


TRIAL_AGENCY_REFUSAL = (
    "Perangkat daerah uji coba hanya dapat dipilih untuk periode uji coba; centang Uji coba "
    "atau kosongkan perangkat daerahnya."
)


def _trial_agency_errors(*, is_trial: bool, trial_agency: Agency | None) -> Errors:
    """A period is limited to one agency only when it is a trial."""
    if trial_agency is not None and not is_trial:
        return {"trial_agency": [f"{trial_agency.name}: {TRIAL_AGENCY_REFUSAL}"]}
    return {}


def _duplicate_error(year: int, *, exclude: int | None = None) -> Errors:
    clash = (
        PerformancePeriod.objects.filter(year=year, is_trial=False).exclude(pk=exclude or 0).first()
    )
    if clash is None:
        return {}
    return {
        "year": [
            f"Tahun {year} sudah memiliki periode penilaian ({clash.name}); satu tahun hanya "
            "satu periode yang sebenarnya. Buka sebagai uji coba bila perlu."
        ]
    }


# --- services --------------------------------------------------------------------------------


def period_open(
    *,
    actor: Actor,
    year: int,
    name: str,
    start_date: date,
    end_date: date,
    window_kind: str,
    plan_due_date: date,
    realization_due_day: int,
    evaluation_due_date: date,
    is_trial: bool = False,
    trial_agency: Agency | None = None,
) -> PerformancePeriod:
    """Open a period in Perencanaan with its evaluation windows [period.opened]. A trial may
    be limited to one agency (`trial_agency`): only its employees then write plans in it."""
    _require_manage(actor)
    errors = period_errors(
        year=year, name=name, start_date=start_date, end_date=end_date,
        window_kind=window_kind, plan_due_date=plan_due_date,
        realization_due_day=realization_due_day, evaluation_due_date=evaluation_due_date,
    )  # fmt: skip
    if not is_trial and "year" not in errors:
        errors.update(_duplicate_error(year))
    errors.update(_trial_agency_errors(is_trial=is_trial, trial_agency=trial_agency))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        period = PerformancePeriod.objects.create(
            year=year,
            name=name.strip(),
            start_date=start_date,
            end_date=end_date,
            window_kind=window_kind,
            plan_due_date=plan_due_date,
            realization_due_day=realization_due_day,
            evaluation_due_date=evaluation_due_date,
            is_trial=is_trial,
            trial_agency=trial_agency,
            state=PeriodState.PLANNING,
        )
        _windows_create(period)
        after = period_snapshot(period) | {"window_count": period.windows.count()}
        audit_record(actor=actor, action="period.opened", obj=period, after=after)
    return period


def period_update(
    *,
    actor: Actor,
    period: PerformancePeriod,
    plan_due_date: date,
    realization_due_day: int,
    evaluation_due_date: date,
    name: str | None = None,
    start_date: date | None = None,
    end_date: date | None = None,
    window_kind: str | None = None,
    trial_agency: Agency | Unset | None = UNSET,
) -> PerformancePeriod:
    """Change the deadlines (and, while in Perencanaan, the name, dates and window kind, whose
    windows are then regenerated) [period.updated]. A closed period does not change. A trial's
    agency (`trial_agency`, None for the whole city) changes when given."""
    _require_manage(actor)
    period = PerformancePeriod.objects.get(pk=period.pk)
    if period.state == PeriodState.CLOSED:
        raise ValidationError(
            {
                "state": [
                    f"{period.name} sudah Ditutup; batas waktu periode yang ditutup tidak "
                    "dapat diubah."
                ]
            }
        )
    shape = {"start_date": start_date, "end_date": end_date, "window_kind": window_kind}
    changed_shape = [
        key for key, value in shape.items() if value is not None and value != getattr(period, key)
    ]
    if changed_shape and period.state != PeriodState.PLANNING:
        raise ValidationError(
            {
                key: [
                    f"{period.name} sedang pada tahap {period.get_state_display()}; tanggal "
                    "periode dan jenis evaluasi periodik hanya dapat diubah pada tahap "
                    "Perencanaan."
                ]
                for key in changed_shape
            }
        )
    new_name = period.name if name is None else name
    new_start = start_date or period.start_date
    new_end = end_date or period.end_date
    new_kind = window_kind or period.window_kind
    errors = period_errors(
        year=period.year, name=new_name, start_date=new_start, end_date=new_end,
        window_kind=new_kind, plan_due_date=plan_due_date,
        realization_due_day=realization_due_day, evaluation_due_date=evaluation_due_date,
    )  # fmt: skip
    new_agency = period.trial_agency if isinstance(trial_agency, Unset) else trial_agency
    errors.update(_trial_agency_errors(is_trial=period.is_trial, trial_agency=new_agency))
    if errors:
        raise ValidationError(errors)
    before = period_snapshot(period)
    with transaction.atomic():
        period = PerformancePeriod.objects.select_for_update().get(pk=period.pk)
        period.name = new_name.strip()
        period.start_date, period.end_date, period.window_kind = new_start, new_end, new_kind
        period.plan_due_date = plan_due_date
        period.realization_due_day = realization_due_day
        period.evaluation_due_date = evaluation_due_date
        period.trial_agency = new_agency
        period.save()
        windows_changed = bool(changed_shape) or (
            before["realization_due_day"] != realization_due_day
        )
        if windows_changed and period.state == PeriodState.PLANNING:
            period.windows.all().delete()
            _windows_create(period)
        elif windows_changed:
            _windows_redate(period)
        audit_record(
            actor=actor, action="period.updated", obj=period, before=before,
            after=period_snapshot(period),
        )  # fmt: skip
    return period


def period_advance(*, actor: Actor, period: PerformancePeriod, to_state: str) -> PerformancePeriod:
    """Move the period one stage forward, or from Pelaksanaan back to Perencanaan
    [period.state_changed]."""
    _require_manage(actor)
    with transaction.atomic():
        period = PerformancePeriod.objects.select_for_update().get(pk=period.pk)
        refusal = period_state_refusal(period, to_state)
        if refusal:
            raise ValidationError({"to_state": [refusal]})
        before = {"state": period.state}
        period.state = to_state
        period.save(update_fields=["state", "updated_at"])
        audit_record(
            actor=actor, action="period.state_changed", obj=period, before=before,
            after={"state": period.state},
        )  # fmt: skip
    return period
