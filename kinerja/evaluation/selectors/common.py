"""What every evaluation page, API and job reads the same way: the group's time (`Scope`) from
a query string, the evaluation queryset, one evaluation for an actor, a group's evaluations."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.core.params import id_param
from kinerja.evaluation.models import Evaluation
from kinerja.evaluation.permissions import can_view_evaluation
from kinerja.evaluation.rules import ANNUAL_PARAM, Scope
from kinerja.people.holdings import today
from kinerja.periods.models import EvaluationWindow, PerformancePeriod
from kinerja.periods.rules import window_close_date
from kinerja.periods.selectors import period_current

NOT_FOUND = "Penilaian tidak ditemukan."
PERIOD_PARAM = "periode"
SCOPE_PARAM = "evaluasi"


def evaluation_queryset() -> QuerySet[Evaluation]:
    """Evaluations with everything a row or a page shows of their plan, in one query."""
    return Evaluation.objects.select_related(
        "plan__period",
        "plan__employee",
        "plan__position__agency",
        "plan__position__unit",
        "plan__appraiser",
        "plan__appraiser_position",
        "window",
        "appraiser",
    )


def evaluation_get_for_actor(*, actor: Actor, evaluation_id: int) -> Evaluation:
    """One evaluation; 404 unless the actor may see it (an outsider learns nothing)."""
    evaluation = evaluation_queryset().filter(pk=evaluation_id).first()
    if evaluation is None or not can_view_evaluation(actor, evaluation):
        raise Http404(NOT_FOUND)
    return evaluation


def default_scope(period: PerformancePeriod, day: date) -> Scope:
    """The group a page opens on: the latest window whose realisations have closed by `day`
    (the latest that can be rated without a reason), the year once the period's last window
    has closed, or the first window before any has."""
    windows = list(period.windows.order_by("number"))
    for window in windows:
        window.period = period
    closed = [w for w in windows if window_close_date(w) < day]
    if windows and len(closed) == len(windows):
        return Scope(period, None)
    if closed:
        return Scope(period, closed[-1])
    return Scope(period, windows[0] if windows else None)


def scope_from_query(query: Mapping[str, str], *, day: date | None = None) -> Scope | None:
    """The group named by `?periode=<id>&evaluasi=<window id|tahunan>`; by default the current
    period and its latest ended window. None when there is no period at all. A value that is
    not a number, or names no period or no window of the period, is a ValidationError naming
    the parameter and what is accepted."""
    day = day or today()
    period_id = id_param(query.get(PERIOD_PARAM), label="Periode")
    if period_id is not None:
        period = PerformancePeriod.objects.filter(pk=period_id).first()
        if period is None:
            raise ValidationError(
                f"Periode {period_id} tidak ada; pilih salah satu periode penilaian."
            )
    else:
        period = period_current(day=day) or PerformancePeriod.objects.order_by("-year").first()
        if period is None:
            return None
    raw = (query.get(SCOPE_PARAM) or "").strip()
    if not raw:
        return default_scope(period, day)
    if raw == ANNUAL_PARAM:
        return Scope(period, None)
    if not raw.isdigit() or len(raw) > 19:
        raise ValidationError(
            f"Evaluasi “{raw[:20]}” tidak sah; isi nomor evaluasi periodik {period.name} atau "
            f"“{ANNUAL_PARAM}” untuk penilaian tahunan."
        )
    window_id = id_param(raw, label="Evaluasi")
    window = (
        EvaluationWindow.objects.filter(pk=window_id, period=period).first() if window_id else None
    )
    if window is None:
        raise ValidationError(
            f"Evaluasi {raw[:20]!r} bukan evaluasi periodik {period.name}; isi nomor evaluasi "
            f"periodik periode itu atau {ANNUAL_PARAM!r}."
        )
    window.period = period
    return Scope(period, window)


def scope_choices(period: PerformancePeriod) -> list[tuple[str, str]]:
    """(param, label) for every window of `period` and the year, for a select box."""
    choices = [(str(w.pk), f"{w.name} {period.year}") for w in period.windows.order_by("number")]
    return [*choices, (ANNUAL_PARAM, f"Tahunan {period.year}")]


def scope_filter(scope: Scope, prefix: str = "") -> Q:
    """Evaluations of the group's time (the window, or the annual evaluations of the period)."""
    if scope.window is None:
        return Q(**{f"{prefix}plan__period_id": scope.period.pk, f"{prefix}window__isnull": True})
    return Q(**{f"{prefix}window_id": scope.window.pk})


def group_evaluations(*, agency_id: int, scope: Scope) -> QuerySet[Evaluation]:
    """The evaluations of an agency's group (posts of the agency), one query."""
    return evaluation_queryset().filter(scope_filter(scope), plan__position__agency_id=agency_id)
