"""Reads about trial periods for Admin BKPSDM: the list with counts, one trial period, and
what clearing it would delete."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import require
from kinerja.appeals.models import Objection
from kinerja.assessment.models import ReviewCycle
from kinerja.engagement.models import PerceptionRound
from kinerja.engagement.permissions import can_manage_trials
from kinerja.engagement.services.trial import MANAGE_REFUSAL
from kinerja.evaluation.models import CalibrationSession, Evaluation
from kinerja.learning.models import DevelopmentPlan
from kinerja.monitoring.models import Evidence, Feedback, Realization
from kinerja.periods.models import PerformancePeriod
from kinerja.planning.models import PerformancePlan

CITY_LABEL = "Seluruh kota"


def _count_of(queryset: QuerySet[Any], group: str) -> Coalesce:
    """A correlated count (one query for the whole list, at any length)."""
    counted = queryset.order_by().values(group).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def trial_list_for_actor(*, actor: Actor) -> QuerySet[PerformancePeriod]:
    """Every trial period, newest first, with its agency and `plan_count` and
    `evaluation_count` (one query at any count)."""
    require(actor is not None and can_manage_trials(actor), MANAGE_REFUSAL)
    plans = PerformancePlan.objects.filter(period=OuterRef("pk"))
    evaluations = Evaluation.objects.filter(plan__period=OuterRef("pk"))
    return (
        PerformancePeriod.objects.filter(is_trial=True)
        .select_related("trial_agency")
        .annotate(
            plan_count=_count_of(plans, "period"),
            evaluation_count=_count_of(evaluations, "plan__period"),
        )
        .order_by("-year", "-start_date", "pk")
    )


def trial_get_for_actor(*, actor: Actor, period_id: int) -> PerformancePeriod:
    """One trial period (403 to anyone but Admin BKPSDM; 404 when it is not a trial)."""
    require(actor is not None and can_manage_trials(actor), MANAGE_REFUSAL)
    period = (
        PerformancePeriod.objects.filter(pk=period_id, is_trial=True)
        .select_related("trial_agency")
        .first()
    )
    if period is None:
        raise Http404("Periode uji coba tidak ditemukan.")
    return period


@dataclass(frozen=True)
class ClearCount:
    label: str
    count: int


def trial_clear_preview(period: PerformancePeriod) -> list[ClearCount]:
    """What clearing `period` would delete, by kind, in words of the glossary."""
    plans = PerformancePlan.objects.filter(period=period)
    evaluations = Evaluation.objects.filter(plan__period=period)
    rows = [
        ("SKP", plans.count()),
        ("Realisasi", Realization.objects.filter(plan__period=period).count()),
        ("Bukti dukung", Evidence.objects.filter(plan__period=period).count()),
        ("Umpan balik", Feedback.objects.filter(plan__period=period).count()),
        ("Penilaian", evaluations.count()),
        ("Sesi kalibrasi", CalibrationSession.objects.filter(period=period).count()),
        ("Keberatan", Objection.objects.filter(evaluation__in=evaluations).count()),
        ("Putaran penilaian 360", ReviewCycle.objects.filter(period=period).count()),
        ("Rencana pengembangan", DevelopmentPlan.objects.filter(period=period).count()),
        ("Putaran survei persepsi", PerceptionRound.objects.filter(period=period).count()),
    ]
    return [ClearCount(label, count) for label, count in rows]


def agency_label(period: PerformancePeriod) -> str:
    return period.trial_agency.name if period.trial_agency else CITY_LABEL
