"""Builders for tests of evaluation and the apps above it: evaluations at any state, an
agency group with a chosen spread of predikat, organisation ratings.

They write rows directly (fast, no audit, no notification); the services are tested through
themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.utils import timezone

from kinerja.evaluation.models import (
    BehaviorRating,
    Evaluation,
    EvaluationKind,
    EvaluationState,
    OrganizationRating,
    ResultRating,
)
from kinerja.evaluation.rules import Scope, predikat_for
from kinerja.monitoring.models import Realization, RealizationState
from kinerja.monitoring.testing import make_realization
from kinerja.organization.models import Agency, Position, Unit
from kinerja.people.models import Employee
from kinerja.people.testing import assign, make_employee, make_position
from kinerja.periods.models import EvaluationWindow, PerformancePeriod
from kinerja.planning.models import Indicator, PerformancePlan, PlannedResult, PlanState
from kinerja.planning.selectors import core_values
from kinerja.planning.testing import make_result
from kinerja.scoring.ratings import OrganizationPredikat, Predikat, Rating

# A (results, behaviour) pair that gives each predikat through the matrix.
PAIR_FOR: dict[Predikat, tuple[Rating, Rating]] = {
    Predikat.SANGAT_BAIK: (Rating.ABOVE, Rating.ABOVE),
    Predikat.BAIK: (Rating.MEETS, Rating.MEETS),
    Predikat.BUTUH_PERBAIKAN: (Rating.BELOW, Rating.MEETS),
    Predikat.KURANG: (Rating.MEETS, Rating.BELOW),
    Predikat.SANGAT_KURANG: (Rating.BELOW, Rating.BELOW),
}


def make_evaluation(
    *,
    plan: PerformancePlan,
    window: EvaluationWindow | None = None,
    results: str = Rating.MEETS.value,
    behavior: str = Rating.MEETS.value,
    state: str = EvaluationState.RATED,
    detail: bool = True,
) -> Evaluation:
    """An evaluation of `plan` for `window` (None: the annual one) with both ratings and their
    predikat; `detail` also writes a rating per result and per core value (the same ratings,
    suggestions equal to them). A rated evaluation has `rated_at` now; an acknowledged one
    `acknowledged_at` too."""
    now = timezone.now()
    rated = state != EvaluationState.DRAFT
    found = predikat_for(results, behavior)
    evaluation = Evaluation.objects.create(
        plan=plan,
        window=window,
        kind=EvaluationKind.PERIODIC if window else EvaluationKind.ANNUAL,
        state=state,
        results_rating=results,
        results_suggestion=results,
        behavior_rating=behavior,
        behavior_suggestion=behavior,
        predikat=found.value if found else "",
        appraiser_id=plan.appraiser_id,
        rated_at=now if rated else None,
        acknowledged_at=now if state == EvaluationState.ACKNOWLEDGED else None,
    )
    if detail:
        ResultRating.objects.bulk_create(
            ResultRating(evaluation=evaluation, result=r, suggestion=results, rating=results)
            for r in PlannedResult.objects.filter(plan=plan)
        )
        BehaviorRating.objects.bulk_create(
            BehaviorRating(evaluation=evaluation, core_value=v.code, rating=behavior)
            for v in core_values()
        )
    return evaluation


def make_org_rating(
    *, agency: Agency, scope: Scope, predikat: str = OrganizationPredikat.BAIK.value
) -> OrganizationRating:
    return OrganizationRating.objects.create(
        agency=agency, period=scope.period, window=scope.window, predikat=predikat
    )


def make_group(
    *,
    agency: Agency,
    scope: Scope,
    predikats: Iterable[Predikat],
    supervisor: Position | None = None,
    unit: Unit | None = None,
    state: str = EvaluationState.RATED,
) -> list[Evaluation]:
    """One new employee per predikat in `predikats`, each with a post in `agency` (under
    `supervisor`, in `unit`), an approved plan with one result for the scope's period and an
    evaluation of the scope giving that predikat."""
    period: PerformancePeriod = scope.period
    evaluations = []
    for value in predikats:
        employee = make_employee()
        position = make_position(agency=agency, supervisor=supervisor, unit=unit)
        assign(employee, position, start=period.start_date)
        plan = PerformancePlan.objects.create(
            period=period,
            employee=employee,
            position=position,
            start_date=period.start_date,
            end_date=period.end_date,
            appraiser_is_mayor=supervisor is None,
            state=PlanState.APPROVED,
            version=1,
            approved_version=1,
        )
        make_result(plan=plan)
        results, behavior = PAIR_FOR[Predikat(value)]
        evaluations.append(
            make_evaluation(
                plan=plan,
                window=scope.window,
                results=results.value,
                behavior=behavior.value,
                state=state,
            )
        )
    return evaluations


# --- ev-rate ---


def make_team_plans(
    *,
    appraiser: Employee,
    appraiser_post: Position,
    period: PerformancePeriod,
    count: int,
    results: int = 1,
) -> list[PerformancePlan]:
    """`count` new employees, each with a post under `appraiser_post` and an approved plan for
    the whole of `period` rated by `appraiser`, with `results` main results (one indicator
    each)."""
    plans = []
    for _ in range(count):
        employee = make_employee()
        position = make_position(
            agency=appraiser_post.agency, supervisor=appraiser_post, unit=appraiser_post.unit
        )
        assign(employee, position, start=period.start_date)
        plan = PerformancePlan.objects.create(
            period=period,
            employee=employee,
            position=position,
            start_date=period.start_date,
            end_date=period.end_date,
            appraiser=appraiser,
            appraiser_position=appraiser_post,
            state=PlanState.APPROVED,
            version=1,
            approved_version=1,
        )
        for _result in range(results):
            make_result(plan=plan)
        plans.append(plan)
    return plans


def make_achievement(
    *,
    plan: PerformancePlan,
    indicator: Indicator,
    window: EvaluationWindow,
    percent: str,
    state: str = RealizationState.ACCEPTED,
) -> Realization:
    """A realisation of `indicator` in `window` with the achievement `percent` (a string such
    as "115"), accepted unless told."""
    realization = make_realization(plan=plan, indicator=indicator, window=window, state=state)
    realization.achievement = Decimal(percent)
    realization.save(update_fields=["achievement"])
    return realization
