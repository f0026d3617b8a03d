"""Cards on "Tugas saya" for development plans: the employee's plan and coaching, the
appraiser's plans to agree, completions to confirm and coaching to schedule; constant queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from kinerja.core.testing import page_text
from kinerja.evaluation.services.evaluations import (
    BehaviorInput,
    ResultInput,
    evaluation_save,
    evaluation_set,
    evaluation_start,
)
from kinerja.evaluation.testing import make_achievement
from kinerja.learning.models import DevelopmentItem, ItemSource, ItemState, PlanState
from kinerja.learning.my_tasks import learning_cards_for
from kinerja.learning.testing import make_development_plan, make_item
from kinerja.monitoring.testing import make_running_plan, plan_indicators
from kinerja.people.holdings import today
from kinerja.people.testing import Personas, assign, make_employee, make_position
from kinerja.periods.models import EvaluationWindow
from kinerja.periods.rules import window_close_date
from kinerja.planning.selectors import core_values
from kinerja.planning.testing import make_open_period
from kinerja.scoring.ratings import Rating

pytestmark = pytest.mark.django_db


def titles(user: Any) -> list[str]:
    return [card.title for card in learning_cards_for(user)]


def coaching_plan(personas: Personas) -> None:
    plan = make_development_plan(
        employee=personas.staff.employee, period=make_open_period(), state=PlanState.AGREED,
        is_coaching=True,
    )  # fmt: skip
    item = make_item(plan=plan, jp=0)  # type: ignore[arg-type]
    DevelopmentItem.objects.filter(pk=item.pk).update(
        source=ItemSource.COACHING, title="Bimbingan kinerja", kind="COACHING"
    )


def test_nobody_has_a_card_without_plans(personas: Personas) -> None:
    make_open_period()
    for user in personas.all().values():
        assert learning_cards_for(user) == []


def test_a_coaching_plan_shows_on_both_home_pages(client: Client, personas: Personas) -> None:
    coaching_plan(personas)

    client.force_login(personas.employee)
    employee_home = page_text(client.get("/").content)
    client.force_login(personas.supervisor)
    appraiser_home = page_text(client.get("/").content)

    assert "Bimbingan kinerja wajib" in employee_home
    assert "Jadwalkan bimbingan kinerja" in appraiser_home
    assert "1 pegawai yang Anda nilai wajib mendapat bimbingan kinerja" in appraiser_home


def test_a_proposed_plan_asks_the_appraiser_and_waits_for_the_employee(personas: Personas) -> None:
    make_development_plan(
        employee=personas.staff.employee, period=make_open_period(), state=PlanState.PROPOSED
    )
    assert titles(personas.supervisor) == ["Sepakati rencana pengembangan"]
    cards = learning_cards_for(personas.employee)
    assert [card.title for card in cards if card.kind.value == "waiting"] == [
        "Rencana pengembangan kompetensi diajukan"
    ]
    assert titles(personas.appraiser_superior) == []


def test_a_returned_plan_is_urgent_for_the_employee(personas: Personas) -> None:
    plan = make_development_plan(
        employee=personas.staff.employee, period=make_open_period(), state=PlanState.RETURNED
    )
    plan.return_reason = "Tambahkan pelatihan teknis."
    plan.save()
    (card,) = [c for c in learning_cards_for(personas.employee) if "Perbaiki" in c.title]
    assert card.urgent
    assert "Tambahkan pelatihan teknis." in card.description


def test_a_completion_asks_the_appraiser_to_confirm(personas: Personas) -> None:
    plan = make_development_plan(
        employee=personas.staff.employee, period=make_open_period(), state=PlanState.AGREED
    )
    make_item(plan=plan, state=ItemState.COMPLETED)
    assert "Konfirmasi penyelesaian pengembangan" in titles(personas.supervisor)


def test_cards_cost_the_same_queries_for_one_and_for_many(
    personas: Personas, django_assert_max_num_queries: Any
) -> None:
    period = make_open_period()
    staff = personas.staff

    def add(count: int) -> None:
        for _ in range(count):
            member = make_employee()
            assign(member, make_position(agency=personas.agency, supervisor=staff.kasi_post))
            plan = make_development_plan(employee=member, period=period, state=PlanState.PROPOSED)
            make_item(plan=plan, state=ItemState.COMPLETED)

    add(1)
    with django_assert_max_num_queries(10) as few:
        learning_cards_for(personas.supervisor)
    add(12)
    with django_assert_max_num_queries(len(few.captured_queries)):
        cards = learning_cards_for(personas.supervisor)
    assert "13 rencana pengembangan kompetensi menunggu kesepakatan Anda." in [
        card.description for card in cards
    ]


def test_rating_someone_below_expectation_shows_the_coaching_plan_on_both_home_pages(
    client: Client, personas: Personas
) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=1)
    closed = [
        w
        for w in EvaluationWindow.objects.filter(period=plan.period).order_by("number")
        if window_close_date(w) < today()
    ]
    if not closed:
        pytest.skip("no window has closed this early in the year")
    window = closed[-1]
    for indicator in plan_indicators(plan):
        make_achievement(plan=plan, indicator=indicator, window=window, percent="100")
    evaluation = evaluation_start(actor=personas.supervisor, plan=plan, window=window)
    below = Rating.BELOW.value
    evaluation_save(
        actor=personas.supervisor,
        evaluation=evaluation,
        results=[
            ResultInput(r.result_id, below, "Laporan terlambat dua bulan.")
            for r in evaluation.result_ratings.all()
        ],
        behaviors=[BehaviorInput(v.code, below, "") for v in core_values()],
        results_rating=below,
        results_reason="Laporan terlambat dua bulan.",
        behavior_rating=below,
        behavior_reason="Beberapa kali tidak hadir rapat koordinasi.",
        early_reason="",
    )
    evaluation_set(actor=personas.supervisor, evaluation=evaluation)

    client.force_login(personas.employee)
    employee_home = page_text(client.get("/").content)
    client.force_login(personas.supervisor)
    appraiser_home = page_text(client.get("/").content)

    assert "Bimbingan kinerja wajib" in employee_home
    assert "Bimbingan kinerja wajib" in appraiser_home
    assert "1 pegawai yang Anda nilai menjalani bimbingan kinerja wajib." in appraiser_home
