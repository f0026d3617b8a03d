"""The suggestions beside an evaluation's ratings, computed for one plan or ten thousand in the
same few queries: every entrance (starting one evaluation, the bulk preparation job, the API)
calls `plan_suggestions`, so they all suggest the same thing.

- A result's suggestion comes from its indicators' achievements in the group's window (for
  the year: each indicator's latest window), counting realisations that were submitted or
  accepted (`COUNTED_STATES`); in a window a count (`indicator_accumulates`) is compared with
  the part of its annual target due by then; `scoring.suggestions.suggest_result_rating`
  decides.
- The results suggestion overall is `suggest_results_rating` over the results' ratings (the
  appraiser's where given, else the suggestions); a head of agency's follows the organisation's
  predikat (`results_rating_for_organization`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from kinerja.evaluation.rules import Scope
from kinerja.monitoring.models import Realization, RealizationState
from kinerja.planning.models import Indicator, TargetKind
from kinerja.scoring.achievement import Polarity, ResultItem, ResultKind, suggest_results_rating
from kinerja.scoring.formatting import format_percent
from kinerja.scoring.ratings import OrganizationPredikat, Rating
from kinerja.scoring.suggestions import (
    Suggestion,
    expected_share,
    mean_achievement,
    prorated_achievement,
    results_rating_for_organization,
    suggest_result_rating,
)

PERCENT_UNITS = frozenset({"%", "persen", "persentase"})


def indicator_accumulates(*, target_kind: str, target_unit: str, polarity: str) -> bool:
    """Whether an indicator's realisation accumulates over the year towards its annual target
    [I]: a count — a number target in any unit but a percentage, higher is better (documents,
    months on time, rupiah absorbed). A percentage, a range, a ceiling (lower is better) or a
    description is a level reached at any time, compared as it is."""
    return (
        target_kind == TargetKind.NUMBER
        and polarity == Polarity.HIGHER_IS_BETTER.value
        and target_unit.strip().lower() not in PERCENT_UNITS
    )


COUNTED_STATES = (RealizationState.SUBMITTED, RealizationState.ACCEPTED)
"""Realisations that count for a suggestion: submitted (waiting for the appraiser) or accepted;
drafts and returned ones are the employee's work in progress."""


@dataclass(frozen=True)
class ResultSuggestion:
    """One result's suggestion: the mean of its indicators' achievements and the rating."""

    result_id: int
    kind: str
    achievements: tuple[Decimal | None, ...]
    suggestion: Suggestion | None

    @property
    def mean_achievement(self) -> Decimal | None:
        return mean_achievement(self.achievements)


@dataclass
class PlanSuggestions:
    """The suggestions of one plan's results, in result order."""

    plan_id: int
    results: list[ResultSuggestion] = field(default_factory=list)

    def by_result(self) -> dict[int, ResultSuggestion]:
        return {row.result_id: row for row in self.results}


def plan_suggestions(*, plan_ids: Iterable[int], scope: Scope) -> dict[int, PlanSuggestions]:
    """Each plan's result suggestions for the group's time, in two queries (indicators,
    realisations) whatever the number of plans.

    Counts are cumulative against an annual target, so in a window their achievement is
    compared with the part of the target due by the window's end (`indicator_accumulates`,
    `kinerja.scoring.suggestions.expected_share`); levels are compared as they are."""
    ids = list(plan_ids)
    indicators = (
        Indicator.objects.filter(result__plan_id__in=ids)
        .order_by("result__plan_id", "result__kind", "result__number", "result_id", "number")
        .values_list(
            "id",
            "result_id",
            "result__plan_id",
            "result__kind",
            "target_kind",
            "target_unit",
            "polarity",
            "result__plan__start_date",
            "result__plan__end_date",
        )
    )
    realizations = Realization.objects.filter(plan_id__in=ids, state__in=COUNTED_STATES)
    if scope.window is not None:
        realizations = realizations.filter(window_id=scope.window.pk)
    else:
        realizations = realizations.filter(window__period_id=scope.period.pk)
    latest: dict[int, tuple[int, Decimal | None]] = {}
    for indicator_id, number, achievement in realizations.values_list(
        "indicator_id", "window__number", "achievement"
    ):
        if indicator_id not in latest or latest[indicator_id][0] < number:
            latest[indicator_id] = (number, achievement)
    by_result: dict[int, list[Decimal | None]] = defaultdict(list)
    prorated: dict[int, Fraction] = {}
    order: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for (
        indicator_id,
        result_id,
        plan_id,
        kind,
        target_kind,
        unit,
        polarity,
        start,
        end,
    ) in indicators:
        if result_id not in by_result:
            order[plan_id].append((result_id, kind))
        value = latest.get(indicator_id, (0, None))[1]
        share = Fraction(1)
        accumulates = indicator_accumulates(
            target_kind=target_kind, target_unit=unit, polarity=polarity
        )
        if scope.window is not None and accumulates:
            share = expected_share(start, end, scope.window.end_date)
        if value is not None and share < 1:
            value = prorated_achievement(value, share)
            prorated[result_id] = share
        by_result[result_id].append(value)
    plans = {plan_id: PlanSuggestions(plan_id) for plan_id in ids}
    for plan_id, results in order.items():
        for result_id, kind in results:
            achievements = tuple(by_result[result_id])
            suggestion = suggest_result_rating(achievements)
            if suggestion is not None and result_id in prorated and scope.window is not None:
                suggestion = Suggestion(
                    suggestion.rating,
                    suggestion.rule,
                    f"{suggestion.explanation} (jumlah kumulatif dibandingkan dengan "
                    f"{format_percent(prorated[result_id])} target tahunan yang diharapkan "
                    f"s.d. akhir {scope.window.name})",
                )
            plans[plan_id].results.append(
                ResultSuggestion(result_id, kind, achievements, suggestion)
            )
    return plans


def results_suggestion(
    results: Iterable[tuple[str, str]],
    *,
    organization: OrganizationPredikat | None = None,
    head_of_agency: bool = False,
) -> Suggestion | None:
    """The suggested results rating overall from (kind, rating) of each result (the
    appraiser's rating, else the suggestion; results with neither are left out). A head of
    agency's follows the organisation's predikat, and has none while it is not set."""
    if head_of_agency:
        return results_rating_for_organization(organization) if organization else None
    items = [ResultItem(kind=ResultKind(kind), rating=Rating(r)) for kind, r in results if r]
    if not items:
        return None
    found = suggest_results_rating(items)
    return Suggestion(found.rating, found.rule, found.explanation)


def suggestion_texts(suggestions: Mapping[int, ResultSuggestion]) -> dict[int, str]:
    """Each result's suggestion sentence ("" when there is none), for pages and documents."""
    return {
        result_id: row.suggestion.explanation if row.suggestion else "Belum ada capaian"
        for result_id, row in suggestions.items()
    }
