"""The rows of a new evaluation, built in memory from its plan and suggestions: the one place
that decides what a fresh evaluation holds, used by `evaluation_start` (one plan) and by the
bulk preparation job (thousands, with bulk_create)."""

from __future__ import annotations

from dataclasses import dataclass

from kinerja.evaluation.models import (
    BehaviorRating,
    Evaluation,
    EvaluationKind,
    EvaluationState,
    ResultRating,
)
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.suggestions import PlanSuggestions, results_suggestion
from kinerja.planning.models import PerformancePlan
from kinerja.planning.selectors import core_values
from kinerja.scoring.ratings import OrganizationPredikat


@dataclass
class EvaluationRows:
    """An unsaved evaluation with its unsaved result and behaviour rows (their `evaluation`
    is set when saved: `evaluation_rows_save`)."""

    evaluation: Evaluation
    results: list[ResultRating]
    behaviors: list[BehaviorRating]


def evaluation_rows_build(
    *,
    plan: PerformancePlan,
    scope: Scope,
    suggestions: PlanSuggestions,
    organization: OrganizationPredikat | None,
    is_head_of_agency: bool,
) -> EvaluationRows:
    """A draft evaluation of `plan` for the scope with a row per result (its suggestion) and
    per core value; the results suggestion overall from the results' suggestions (a head of
    agency's: the organisation predikat, when set)."""
    overall = results_suggestion(
        [
            (row.kind, row.suggestion.rating.value if row.suggestion else "")
            for row in suggestions.results
        ],
        organization=organization,
        head_of_agency=is_head_of_agency,
    )
    evaluation = Evaluation(
        plan=plan,
        window=scope.window,
        kind=EvaluationKind.ANNUAL if scope.window is None else EvaluationKind.PERIODIC,
        state=EvaluationState.DRAFT,
        results_suggestion=overall.rating.value if overall else "",
        results_suggestion_text=overall.explanation if overall else "",
        results_from_organization=is_head_of_agency,
        results_rating=overall.rating.value if overall and is_head_of_agency else "",
        appraiser_id=plan.appraiser_id,
    )
    results = [
        ResultRating(
            result_id=row.result_id,
            mean_achievement=row.mean_achievement,
            suggestion=row.suggestion.rating.value if row.suggestion else "",
            suggestion_text=row.suggestion.explanation if row.suggestion else "",
        )
        for row in suggestions.results
    ]
    behaviors = [BehaviorRating(core_value=value.code) for value in core_values()]
    return EvaluationRows(evaluation, results, behaviors)


def evaluation_rows_save(rows: list[EvaluationRows]) -> list[Evaluation]:
    """Insert the evaluations and their rows with three bulk inserts."""
    evaluations = Evaluation.objects.bulk_create([row.evaluation for row in rows])
    children_r: list[ResultRating] = []
    children_b: list[BehaviorRating] = []
    for row, saved in zip(rows, evaluations, strict=True):
        for result in row.results:
            result.evaluation = saved
            children_r.append(result)
        for behavior in row.behaviors:
            behavior.evaluation = saved
            children_b.append(behavior)
    ResultRating.objects.bulk_create(children_r)
    BehaviorRating.objects.bulk_create(children_b)
    return evaluations
