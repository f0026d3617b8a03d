"""Reads about performance periods. Every signed-in user may read periods (they are the city's
calendar of performance management); the system (actor None) is granted nothing here."""

from __future__ import annotations

from datetime import date

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import require
from kinerja.people.holdings import today
from kinerja.periods.models import EvaluationWindow, PerformancePeriod
from kinerja.periods.rules import PLANNING_STATES

SIGNED_IN_REFUSAL = "Silakan masuk terlebih dahulu untuk melihat periode penilaian."


def can_read_periods(actor: Actor) -> bool:
    return actor is not None and actor.is_authenticated and actor.is_active


def _with_windows(periods: QuerySet[PerformancePeriod]) -> QuerySet[PerformancePeriod]:
    return periods.select_related("trial_agency").prefetch_related(
        Prefetch("windows", queryset=EvaluationWindow.objects.order_by("number"))
    )


def period_list_for_actor(*, actor: Actor) -> QuerySet[PerformancePeriod]:
    """Every period, newest year first, real before trial, each with its windows (two queries
    at any count)."""
    require(can_read_periods(actor), SIGNED_IN_REFUSAL)
    return _with_windows(PerformancePeriod.objects.all())


def period_get_for_actor(*, actor: Actor, period_id: int) -> PerformancePeriod:
    """One period with its windows; 404 when it does not exist or the actor may not read."""
    if not can_read_periods(actor):
        raise Http404("Periode penilaian tidak ditemukan.")
    period = _with_windows(PerformancePeriod.objects.filter(pk=period_id)).first()
    if period is None:
        raise Http404("Periode penilaian tidak ditemukan.")
    return period


def period_current(*, day: date | None = None) -> PerformancePeriod | None:
    """The period whose dates cover `day` (default today): the real one if any, otherwise a
    trial one, otherwise None."""
    day = day or today()
    return (
        PerformancePeriod.objects.filter(start_date__lte=day, end_date__gte=day)
        .order_by("is_trial", "-start_date", "pk")
        .first()
    )


def window_current(
    *, period: PerformancePeriod, day: date | None = None
) -> EvaluationWindow | None:
    """The evaluation window of `period` that covers `day` (default today), or None."""
    day = day or today()
    return (
        EvaluationWindow.objects.filter(period=period, start_date__lte=day, end_date__gte=day)
        .order_by("number")
        .first()
    )


def period_previous(*, period: PerformancePeriod) -> PerformancePeriod | None:
    """The real period of the year before `period` (the source of "copy from last year")."""
    return PerformancePeriod.objects.filter(year=period.year - 1, is_trial=False).first()


def period_list_open_for_planning() -> QuerySet[PerformancePeriod]:
    """Periods in which plans may be written now (Perencanaan or Pelaksanaan), newest first."""
    return PerformancePeriod.objects.filter(state__in=PLANNING_STATES)
