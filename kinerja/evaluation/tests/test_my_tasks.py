"""Home cards of evaluation (my_tasks.py): the appraiser's "Nilai kinerja tim" with a count,
the employee's "Terima hasil penilaian", and their constant cost."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.core.my_tasks import TaskItem
from kinerja.evaluation.models import EvaluationState
from kinerja.evaluation.my_tasks import evaluation_cards_for
from kinerja.evaluation.testing import make_evaluation, make_team_plans
from kinerja.monitoring.testing import make_running_plan, window_on
from kinerja.people.holdings import today
from kinerja.people.testing import PERSONA_NAMES, Personas
from kinerja.periods.models import EvaluationWindow, PeriodState
from kinerja.periods.rules import window_close_date
from kinerja.periods.testing import make_period
from kinerja.planning.models import PerformancePlan

pytestmark = pytest.mark.django_db


def titled(cards: list[TaskItem], start: str) -> list[TaskItem]:
    return [card for card in cards if card.title.startswith(start)]


def _latest_closed(plan: PerformancePlan) -> EvaluationWindow:
    day = today()
    closed = [
        w
        for w in EvaluationWindow.objects.filter(period=plan.period).order_by("number")
        if window_close_date(w) < day
    ]
    if not closed:
        pytest.skip("no window has closed this early in the year")
    return closed[-1]


def test_the_employee_is_asked_to_acknowledge_each_set_evaluation(personas: Personas) -> None:
    plan = make_running_plan(employee=personas.staff.employee)
    january = EvaluationWindow.objects.get(period=plan.period, number=1)
    february = EvaluationWindow.objects.get(period=plan.period, number=2)
    march = EvaluationWindow.objects.get(period=plan.period, number=3)
    rated = make_evaluation(plan=plan, window=january, results="ABOVE", behavior="ABOVE")
    make_evaluation(plan=plan, window=february, state=EvaluationState.DRAFT)
    make_evaluation(plan=plan, window=march, state=EvaluationState.ACKNOWLEDGED)

    [card] = titled(evaluation_cards_for(personas.employee), "Terima hasil penilaian")

    assert card.title == f"Terima hasil penilaian Januari {plan.period.year}"
    assert card.url == f"/penilaian/{rated.pk}/"
    assert "Sangat Baik" in card.description
    assert "14 hari" in card.description


def test_the_appraiser_sees_one_card_with_the_team_not_rated_for_the_closed_window(
    personas: Personas,
) -> None:
    plan = make_running_plan(employee=personas.staff.employee)
    window = _latest_closed(plan)
    staff = personas.staff
    others = make_team_plans(
        appraiser=staff.supervisor, appraiser_post=staff.kasi_post, period=plan.period, count=2
    )
    make_evaluation(plan=others[0], window=window)  # set: done
    make_evaluation(plan=others[1], window=window, state=EvaluationState.DRAFT)  # still to do

    [card] = titled(evaluation_cards_for(personas.supervisor), "Nilai kinerja tim")

    assert card.description.startswith(
        f"2 pegawai belum dinilai untuk {window.name} {plan.period.year}"
    )
    assert card.url == f"/penilaian/?periode={plan.period_id}&evaluasi={window.pk}"


def test_no_card_once_the_whole_team_is_rated(personas: Personas) -> None:
    plan = make_running_plan(employee=personas.staff.employee)
    make_evaluation(plan=plan, window=_latest_closed(plan), state=EvaluationState.ACKNOWLEDGED)
    assert not titled(evaluation_cards_for(personas.supervisor), "Nilai kinerja tim")


def test_a_past_year_asks_for_the_annual_evaluation(personas: Personas) -> None:
    year = today().year - 1
    period = make_period(year=year, state=PeriodState.EVALUATION)
    staff = personas.staff
    make_team_plans(
        appraiser=staff.supervisor, appraiser_post=staff.kasi_post, period=period, count=3
    )
    cards = titled(evaluation_cards_for(personas.supervisor), "Nilai kinerja tim")
    [card] = [c for c in cards if f"Tahunan {year}" in c.description]
    assert card.description.startswith(f"3 pegawai belum dinilai untuk Tahunan {year}")
    assert card.url.endswith("evaluasi=tahunan")


def test_a_closed_period_asks_nothing(personas: Personas) -> None:
    period = make_period(year=today().year - 1, state=PeriodState.CLOSED)
    staff = personas.staff
    make_team_plans(
        appraiser=staff.supervisor, appraiser_post=staff.kasi_post, period=period, count=1
    )
    assert not evaluation_cards_for(personas.supervisor)


@pytest.mark.parametrize("name", sorted(set(PERSONA_NAMES) - {"supervisor"}))
def test_nobody_else_is_asked_to_rate_the_team(personas: Personas, name: str) -> None:
    plan = make_running_plan(employee=personas.staff.employee)
    make_evaluation(plan=plan, window=window_on(plan))
    _latest_closed(plan)
    assert not titled(evaluation_cards_for(personas.all()[name]), "Nilai kinerja tim")


def _queries(user: Any) -> int:
    with CaptureQueriesContext(connection) as captured:
        evaluation_cards_for(user)
    return len(captured)


def test_the_cards_cost_the_same_queries_for_3_and_30_subordinates(personas: Personas) -> None:
    plan = make_running_plan(employee=personas.staff.employee)
    window = _latest_closed(plan)
    staff = personas.staff
    make_team_plans(
        appraiser=staff.supervisor, appraiser_post=staff.kasi_post, period=plan.period, count=2
    )
    few = _queries(personas.supervisor)
    more = make_team_plans(
        appraiser=staff.supervisor, appraiser_post=staff.kasi_post, period=plan.period, count=27
    )
    for other in more[:5]:
        make_evaluation(plan=other, window=window)
    assert _queries(personas.supervisor) == few
    make_evaluation(plan=plan, window=window)
    employee_few = _queries(personas.employee)
    make_evaluation(plan=plan, window=None)
    assert _queries(personas.employee) == employee_few
