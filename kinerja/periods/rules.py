"""Which stages of a period allow what. Every app asks here, never compares states itself."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings

from kinerja.periods.models import EvaluationWindow, PerformancePeriod, PeriodState
from kinerja.scoring.formatting import format_date_id

PLANNING_STATES = frozenset({PeriodState.PLANNING, PeriodState.EXECUTION})
"""Plans are written and changed while the period is in planning or execution: an employee
who moves mid-year writes a second plan during execution."""

STATE_ORDER = (
    PeriodState.PLANNING,
    PeriodState.EXECUTION,
    PeriodState.EVALUATION,
    PeriodState.CLOSED,
)
"""The stages in order (PermenPANRB 6/2022 Pasal 5: perencanaan, pelaksanaan, pemantauan and
pembinaan during execution, then penilaian and tindak lanjut)."""


def period_planning_refusal(period: PerformancePeriod) -> str | None:
    """The sentence that refuses a plan change in `period`, or None when plans may change."""
    if period.state in PLANNING_STATES:
        return None
    return (
        f"{period.name} sedang pada tahap {period.get_state_display()}; SKP hanya dapat dibuat "
        "atau diubah pada tahap Perencanaan atau Pelaksanaan."
    )


def period_agency_refusal(period: PerformancePeriod, agency_id: int | None) -> str | None:
    """The sentence refusing a plan in `period` for an employee whose home agency is
    `agency_id`, or None: a trial period of one agency (`trial_agency`) takes only that
    agency's employees; every other period takes everyone."""
    if period.trial_agency_id is None or period.trial_agency_id == agency_id:
        return None
    agency = period.trial_agency.name if period.trial_agency else "satu perangkat daerah"
    return (
        f"{period.name} adalah uji coba khusus {agency}; SKP di periode ini hanya untuk pegawai "
        "perangkat daerah tersebut."
    )


def period_state_refusal(period: PerformancePeriod, to_state: str) -> str | None:
    """The sentence refusing to move `period` to `to_state`, or None when it may move: one
    stage forward at a time; back only from Pelaksanaan to Perencanaan, never once evaluation
    has begun."""
    if to_state not in PeriodState.values:
        return (
            f"Tahap {to_state[:40]!r} tidak dikenal; pilih Perencanaan, Pelaksanaan, Evaluasi, "
            "atau Ditutup."
        )
    current = STATE_ORDER.index(PeriodState(period.state))
    target = STATE_ORDER.index(PeriodState(to_state))
    label = PeriodState(to_state).label
    if target == current:
        return f"{period.name} sudah pada tahap {label}."
    if target == current + 1:
        return None
    if target > current:
        step = STATE_ORDER[current + 1].label
        return (
            f"Tahap tidak dapat dilompati: {period.name} pada tahap "
            f"{period.get_state_display()} hanya dapat maju ke tahap {step}, bukan {label}."
        )
    if period.state == PeriodState.EXECUTION and to_state == PeriodState.PLANNING:
        return None
    return (
        f"{period.name} sudah memasuki tahap {period.get_state_display()}: tahap tidak dapat "
        "dikembalikan setelah evaluasi dimulai; yang dapat dikembalikan hanya Pelaksanaan ke "
        "Perencanaan."
    )


def period_moves(period: PerformancePeriod) -> list[PeriodState]:
    """The stages `period` may move to now (the next one, and Perencanaan from Pelaksanaan)."""
    return [state for state in STATE_ORDER if period_state_refusal(period, state) is None]


REALIZATION_STATES = frozenset({PeriodState.EXECUTION, PeriodState.EVALUATION})
"""Realisations are written while the period runs and while it is being evaluated (the last
windows' realisations are due after the period ends); never in Perencanaan or once Ditutup."""


def window_close_date(window: EvaluationWindow) -> date:
    """The last day realisations of `window` are accepted: its due date plus
    `settings.REALIZATION_LATE_DAYS` (a realisation after the due date is late, after this day
    refused). The period's stage may close it earlier (`window_realization_refusal`)."""
    return window.realization_due_date + timedelta(days=settings.REALIZATION_LATE_DAYS)


def window_realization_refusal(window: EvaluationWindow, day: date) -> str | None:
    """The sentence refusing a realisation for `window` on `day`, or None when it is open.

    Open from the window's first day until `window_close_date`, while the period is in
    Pelaksanaan or Evaluasi. Submitted after `realization_due_date` it is late but accepted."""
    period = window.period
    label = f"{window.name} {period.year}"
    if period.state not in REALIZATION_STATES:
        return (
            f"{period.name} sedang pada tahap {period.get_state_display()}; realisasi hanya "
            "dapat diisi pada tahap Pelaksanaan atau Evaluasi."
        )
    if day < window.start_date:
        return (
            f"Evaluasi periodik {label} belum dimulai; realisasinya dapat diisi mulai "
            f"{format_date_id(window.start_date)}."
        )
    closes = window_close_date(window)
    if day > closes:
        return (
            f"Evaluasi periodik {label} sudah ditutup pada {format_date_id(closes)} (batas "
            f"pengisian {format_date_id(window.realization_due_date)} ditambah "
            f"{settings.REALIZATION_LATE_DAYS} hari keterlambatan); realisasinya tidak dapat "
            "diisi atau diubah lagi."
        )
    return None
