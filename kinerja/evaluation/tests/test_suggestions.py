"""Suggestions computed from realisations for one plan or many (suggestions.py)."""

from decimal import Decimal
from typing import Any

import pytest

from kinerja.evaluation.rules import Scope
from kinerja.evaluation.services.rows import evaluation_rows_build, evaluation_rows_save
from kinerja.evaluation.suggestions import (
    indicator_accumulates,
    plan_suggestions,
    results_suggestion,
)
from kinerja.monitoring.models import RealizationState
from kinerja.monitoring.testing import make_realization, make_running_plan, plan_indicators
from kinerja.people.testing import Personas
from kinerja.periods.models import EvaluationWindow
from kinerja.planning.models import Indicator, PerformancePlan
from kinerja.scoring.ratings import OrganizationPredikat, Rating

pytestmark = pytest.mark.django_db


def _achieved(
    plan: PerformancePlan,
    indicator: Indicator,
    window: EvaluationWindow,
    percent: str,
    state: str = RealizationState.ACCEPTED,
    unit: str = "%",
) -> None:
    Indicator.objects.filter(pk=indicator.pk).update(target_unit=unit)
    realization = make_realization(plan=plan, indicator=indicator, window=window, state=state)
    realization.achievement = Decimal(percent)
    realization.save(update_fields=["achievement"])


def test_a_window_suggests_from_its_submitted_and_accepted_realisations(personas: Personas) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=3)
    first, second, third = plan_indicators(plan)
    window = EvaluationWindow.objects.get(period=plan.period, number=1)
    _achieved(plan, first, window, "115")
    _achieved(plan, second, window, "95", state=RealizationState.SUBMITTED)
    _achieved(plan, third, window, "150", state=RealizationState.DRAFT)

    found = plan_suggestions(plan_ids=[plan.pk], scope=Scope(plan.period, window))[plan.pk]

    ratings = [row.suggestion.rating if row.suggestion else None for row in found.results]
    assert ratings == [Rating.ABOVE, Rating.BELOW, None]
    assert found.results[0].mean_achievement == Decimal("115.00")


def test_the_year_takes_each_indicators_latest_window(personas: Personas) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=1)
    (indicator,) = plan_indicators(plan)
    january = EvaluationWindow.objects.get(period=plan.period, number=1)
    march = EvaluationWindow.objects.get(period=plan.period, number=3)
    _achieved(plan, indicator, march, "101")
    _achieved(plan, indicator, january, "40")

    found = plan_suggestions(plan_ids=[plan.pk], scope=Scope(plan.period, None))[plan.pk]

    assert found.results[0].suggestion is not None
    assert found.results[0].suggestion.rating is Rating.MEETS


def test_many_plans_cost_two_queries(personas: Personas, django_assert_num_queries: Any) -> None:
    plans = [make_running_plan(employee=personas.staff.employee, results=2)]
    with django_assert_num_queries(2):
        plan_suggestions(plan_ids=[p.pk for p in plans], scope=Scope(plans[0].period, None))


def test_results_overall_and_head_of_agency() -> None:
    found = results_suggestion([("UTAMA", "ABOVE"), ("UTAMA", "ABOVE"), ("TAMBAHAN", "")])
    assert found is not None
    assert found.rating is Rating.ABOVE
    assert results_suggestion([("UTAMA", "")]) is None
    head = results_suggestion([], organization=OrganizationPredikat.BAIK, head_of_agency=True)
    assert head is not None
    assert head.rating is Rating.MEETS
    assert results_suggestion([], head_of_agency=True) is None


def test_fresh_rows_carry_the_suggestions_and_save_in_bulk(personas: Personas) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=2)
    first, _second = plan_indicators(plan)
    window = EvaluationWindow.objects.get(period=plan.period, number=1)
    _achieved(plan, first, window, "120")
    scope = Scope(plan.period, window)
    found = plan_suggestions(plan_ids=[plan.pk], scope=scope)[plan.pk]

    rows = evaluation_rows_build(
        plan=plan, scope=scope, suggestions=found, organization=None, is_head_of_agency=False
    )
    (saved,) = evaluation_rows_save([rows])

    assert saved.results_suggestion == "ABOVE"
    assert [r.suggestion for r in saved.result_ratings.order_by("result__number")] == ["ABOVE", ""]
    assert saved.behavior_ratings.count() == 7


def test_in_a_window_a_quantity_is_compared_with_the_part_of_its_target_due(
    personas: Personas,
) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=1)
    (indicator,) = plan_indicators(plan)
    march = EvaluationWindow.objects.get(period=plan.period, number=3)
    # 20 of 100 reports by the end of March: 20% of the year's target, 81% of the 90 days' due.
    _achieved(plan, indicator, march, "20", unit="laporan")

    found = plan_suggestions(plan_ids=[plan.pk], scope=Scope(plan.period, march))[plan.pk]

    row = found.results[0]
    assert row.suggestion is not None
    assert row.suggestion.rating is Rating.BELOW
    assert row.mean_achievement == Decimal("81.11")
    expected = "jumlah kumulatif dibandingkan dengan 24,66% target tahunan yang diharapkan"
    assert f"{expected} s.d. akhir Maret" in row.suggestion.explanation


@pytest.mark.parametrize(
    ("kind", "unit", "polarity", "expected"),
    [
        ("NUMBER", "dokumen", "HIGHER_IS_BETTER", True),
        ("NUMBER", "bulan", "HIGHER_IS_BETTER", True),
        ("NUMBER", "%", "HIGHER_IS_BETTER", False),
        ("NUMBER", " Persen ", "HIGHER_IS_BETTER", False),
        ("NUMBER", "hari", "LOWER_IS_BETTER", False),
        ("RANGE", "dokumen", "HIGHER_IS_BETTER", False),
        ("DESCRIBED", "", "HIGHER_IS_BETTER", False),
    ],
)
def test_counts_accumulate_and_levels_do_not(
    kind: str, unit: str, polarity: str, expected: bool
) -> None:
    assert indicator_accumulates(target_kind=kind, target_unit=unit, polarity=polarity) is expected
