"""The rules of evaluation that every entrance (page, API, calibration, job) asks.

- A group (`Scope`) is one period and either one window or the year (window None).
- A rating is set only after the window's realisations are closed, or with a written reason
  (`rating_early_refusal`).
- A rating that departs from its suggestion needs a written reason (`reason_errors`).
- A locked evaluation changes only through an objection decision; nothing changes once the
  period is closed (`evaluation_change_refusal`).
- Trial periods (uji coba) are marked everywhere and left out of exports and the allowance.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils import timezone

from kinerja.periods.models import EvaluationWindow, PerformancePeriod, PeriodState
from kinerja.periods.rules import window_close_date
from kinerja.scoring.formatting import format_date_id
from kinerja.scoring.ratings import Predikat, Rating, predikat

if TYPE_CHECKING:
    from kinerja.evaluation.models import Evaluation

TRIAL_LABEL = "uji coba"
REASON_MAX = 2000
ANNUAL_PARAM = "tahunan"
RATING_VALUES = frozenset(rating.value for rating in Rating)


@dataclass(frozen=True)
class Scope:
    """One evaluation group's time: a period and a window, or the whole year (window None)."""

    period: PerformancePeriod
    window: EvaluationWindow | None

    @property
    def is_annual(self) -> bool:
        return self.window is None

    @property
    def label(self) -> str:
        """ "Januari 2026" or "Tahunan 2026", with "(uji coba)" for a trial period."""
        name = self.window.name if self.window else "Tahunan"
        trial = f" ({TRIAL_LABEL})" if self.period.is_trial else ""
        return f"{name} {self.period.year}{trial}"

    @property
    def param(self) -> str:
        """The value of the `evaluasi` query parameter: a window id or "tahunan"."""
        return str(self.window.pk) if self.window else ANNUAL_PARAM

    @property
    def window_id(self) -> int | None:
        return self.window.pk if self.window else None

    def period_window_q(self) -> Q:
        """The rows of this group's time in a table keyed by period and window (window None
        being the year): organisation ratings, calibration sessions."""
        window = Q(window__isnull=True) if self.window is None else Q(window_id=self.window.pk)
        return Q(period_id=self.period.pk) & window


def scope_close_date(scope: Scope) -> date:
    """The day the realisations of the group close: the window's closing day, or for the year
    the closing day of the period's last window (the period's end when it has none)."""
    if scope.window is not None:
        return window_close_date(scope.window)
    last = scope.period.windows.order_by("-number").first()
    return window_close_date(last) if last else scope.period.end_date


def rating_early_refusal(scope: Scope, day: date, early_reason: str) -> str | None:
    """Why rating the group on `day` is refused: its realisations are still open and no reason
    for rating early was written. None when it may be rated."""
    closes = scope_close_date(scope)
    if day > closes or early_reason.strip():
        return None
    return (
        f"Realisasi {scope.label} masih dapat diisi sampai {format_date_id(closes)}; penilaian "
        "dapat ditetapkan setelah tanggal itu, atau isi alasan menilai lebih awal."
    )


def reason_errors(
    *, field: str, label: str, rating: str, suggestion: str, reason: str
) -> dict[str, list[str]]:
    """The refusal of a rating that departs from its suggestion without a reason, keyed by the
    reason's field: {} when the rating follows the suggestion, there is no suggestion, or a
    reason is written."""
    if not rating or not suggestion or rating == suggestion:
        return {}
    if len(reason) > REASON_MAX:
        return {field: [f"Alasan {label} paling banyak {REASON_MAX} karakter."]}
    if reason.strip():
        return {}
    return {
        field: [
            f"{label.capitalize()} {Rating(rating).label} berbeda dari saran "
            f"{Rating(suggestion).label}; tuliskan alasannya."
        ]
    }


def rating_errors(field: str, label: str, value: str, *, required: bool) -> dict[str, list[str]]:
    """A rating value that is not one of the three ratings (or missing when required)."""
    if not value:
        if not required:
            return {}
        return {field: [f"Pilih {label}: Di Atas, Sesuai, atau Di Bawah Ekspektasi."]}
    if value in RATING_VALUES:
        return {}
    return {
        field: [
            f"{label.capitalize()} {value[:20]!r} tidak dikenal; pilih ABOVE (Di Atas "
            "Ekspektasi), MEETS (Sesuai Ekspektasi) atau BELOW (Di Bawah Ekspektasi)."
        ]
    }


def predikat_for(results: str, behavior: str) -> Predikat | None:
    """The predikat of two stored ratings, or None while one of them is missing."""
    if not results or not behavior:
        return None
    return predikat(Rating(results), Rating(behavior))


def evaluation_change_refusal(evaluation: Evaluation) -> str | None:
    """Why the ratings of `evaluation` may not change now whoever asks: its period is closed,
    or calibration locked it (then only an objection decision changes it)."""
    period = evaluation.plan.period
    if period.state == PeriodState.CLOSED:
        return f"{period.name} sudah ditutup; hasil penilaian tidak dapat diubah lagi."
    if evaluation.locked_at is not None:
        return (
            f"Hasil penilaian ini dikunci pada {format_date_id(evaluation.locked_at.date())} "
            "setelah kalibrasi; perubahan hanya melalui keputusan keberatan."
        )
    return None


OBJECTION_DAYS = 14
"""Calendar days after the employee received the result in which an objection may be filed
(PP 30/2019 Pasal 59)."""


def objection_deadline(evaluation: Evaluation) -> date | None:
    """The last day an objection against `evaluation` may be filed: the day the employee
    acknowledged it (Asia/Jakarta) plus `OBJECTION_DAYS` calendar days (PP 30/2019 Pasal 59);
    None until it is acknowledged."""
    if evaluation.acknowledged_at is None:
        return None
    return timezone.localdate(evaluation.acknowledged_at) + timedelta(days=OBJECTION_DAYS)
