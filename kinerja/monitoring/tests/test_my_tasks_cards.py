"""Home cards of monitoring: what the employee must fill, correct or answer, what waits for
the appraiser, and what the appraiser must decide or is waiting for from the team."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from kinerja.core.my_tasks import CardKind, TaskItem
from kinerja.monitoring.models import (
    CoachingFeedback,
    DialogueKind,
    DialogueState,
    FeedbackRequestState,
    RealizationState,
)
from kinerja.monitoring.my_tasks import monitoring_cards_for
from kinerja.monitoring.testing import (
    make_action,
    make_dialogue,
    make_feedback_request,
    make_realization,
    make_running_plan,
    plan_indicators,
    window_on,
)
from kinerja.people.holdings import today
from kinerja.people.testing import Personas
from kinerja.periods.models import EvaluationWindow, PeriodState
from kinerja.planning.models import IndicatorSource, PerformancePlan, PlanState
from kinerja.planning.testing import make_open_period
from kinerja.scoring.formatting import format_date_id

pytestmark = pytest.mark.django_db


def titled(cards: list[TaskItem], start: str) -> list[TaskItem]:
    return [card for card in cards if card.title.startswith(start)]


def fill_title(window: EvaluationWindow) -> str:
    return f"Isi realisasi {window.name} {window.period.year}"


def test_an_employee_is_asked_to_fill_the_current_window_with_the_count_and_due_date(
    personas: Personas,
) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=3)
    window = window_on(plan)
    make_realization(plan=plan, window=window, state=RealizationState.SUBMITTED)
    make_realization(plan=plan, indicator=plan_indicators(plan)[1], window=window)  # a draft
    cards = monitoring_cards_for(personas.employee)
    [card] = [c for c in cards if c.title == fill_title(window)]
    assert card.kind == CardKind.TASK
    assert card.description.startswith("2 dari 3 indikator belum diajukan.")
    assert card.due == window.realization_due_date
    assert card.url == f"/skp/{plan.pk}/realisasi/"
    assert f"Batas pengisian {format_date_id(window.realization_due_date)}" in card.description


def test_a_window_past_its_due_date_but_still_open_is_urgent_and_says_it_is_late(
    personas: Personas,
) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=1)
    window = window_on(plan)
    window.realization_due_date = today() - timedelta(days=2)
    window.save()
    [card] = [c for c in monitoring_cards_for(personas.employee) if c.title == fill_title(window)]
    assert card.urgent
    assert card.due == today() - timedelta(days=2)
    assert "sudah lewat" in card.description


def test_a_window_whose_every_realisation_is_submitted_asks_nothing(
    personas: Personas,
) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=2)
    window = window_on(plan)
    for indicator in plan_indicators(plan):
        make_realization(
            plan=plan, indicator=indicator, window=window, state=RealizationState.ACCEPTED
        )
    assert not [c for c in monitoring_cards_for(personas.employee) if c.title == fill_title(window)]


def test_index_sourced_indicators_are_not_counted_as_to_fill(personas: Personas) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=2)
    window = window_on(plan)
    second = plan_indicators(plan)[1]
    second.source = IndicatorSource.SATISFACTION_INDEX
    second.save()
    [card] = [c for c in monitoring_cards_for(personas.employee) if c.title == fill_title(window)]
    assert card.description.startswith("1 dari 1 indikator")


def test_a_returned_realisation_is_an_urgent_task_leading_to_its_form(
    personas: Personas,
) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=2)
    window = window_on(plan)
    returned = make_realization(plan=plan, window=window, state=RealizationState.RETURNED)
    [card] = titled(monitoring_cards_for(personas.employee), "Perbaiki realisasi")
    assert card.urgent
    assert "Lengkapi bukti dukung." in card.description
    assert card.url == f"/skp/{plan.pk}/realisasi/{window.pk}/{returned.indicator_id}/"
    assert card.due is not None
    assert card.due > window.realization_due_date


def test_submitted_realisations_wait_for_the_appraiser_named(personas: Personas) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=2)
    make_realization(plan=plan, state=RealizationState.SUBMITTED)
    [card] = titled(
        monitoring_cards_for(personas.employee), f"Realisasi SKP {plan.period.year} diajukan"
    )
    assert card.kind == CardKind.WAITING
    assert "1 realisasi menunggu keputusan" in card.description
    assert personas.staff.supervisor.full_name in card.description
    personas.staff.supervisor.title_suffix = "S.E., M.M."
    personas.staff.supervisor.save()
    [card] = titled(monitoring_cards_for(personas.employee), f"Realisasi SKP {plan.period.year} d")
    assert card.description.endswith("S.E., M.M.")  # the title's period closes the sentence


@pytest.mark.parametrize(
    ("plan_state", "period_state"),
    [(PlanState.SUBMITTED, PeriodState.EXECUTION), (PlanState.APPROVED, PeriodState.PLANNING)],
)
def test_without_an_approved_plan_in_a_running_period_realisations_are_not_open(
    personas: Personas, plan_state: str, period_state: str
) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=1, state=plan_state)
    make_open_period(year=plan.period.year, state=period_state)
    cards = monitoring_cards_for(personas.employee)
    assert [(c.kind, c.title) for c in cards] == [(CardKind.NOT_OPEN, "Realisasi dan bukti dukung")]


def test_feedback_asked_of_me_is_a_task_and_my_own_request_waits(personas: Personas) -> None:
    asked_of_me = make_feedback_request(
        employee=personas.staff.supervisor, asked=personas.staff.employee
    )
    make_feedback_request(employee=personas.staff.employee, asked=personas.staff.kabid)
    answered = make_feedback_request(employee=personas.staff.kabid, asked=personas.staff.employee)
    answered.state = FeedbackRequestState.ANSWERED
    answered.save()
    cards = monitoring_cards_for(personas.employee)
    [give] = titled(cards, "Beri umpan balik")
    assert give.title == f"Beri umpan balik untuk {personas.staff.supervisor.full_name}"
    assert give.url == f"/umpan-balik/beri/?permintaan={asked_of_me.pk}"
    assert "Mohon masukan atas presentasi saya." in give.description
    [mine] = titled(cards, "Umpan balik dari")
    assert mine.kind == CardKind.WAITING
    assert personas.staff.kabid.full_name in mine.title


def test_past_five_requests_one_card_counts_the_others(personas: Personas) -> None:
    for _ in range(7):
        make_feedback_request(employee=personas.staff.supervisor, asked=personas.staff.employee)
    make_feedback_request(employee=personas.staff.employee, asked=personas.staff.kabid)
    cards = monitoring_cards_for(personas.employee)
    assert len(titled(cards, "Beri umpan balik untuk")) == 5
    [more] = titled(cards, "Permintaan umpan balik lainnya")
    assert more.description == "2 permintaan lain menunggu umpan balik Anda."
    assert more.url == "/umpan-balik/"
    assert len(titled(cards, "Umpan balik dari")) == 1
    assert not titled(cards, "Permintaan umpan balik Anda lainnya")


def test_a_coming_dialogue_shows_to_both_sides_with_its_date(personas: Personas) -> None:
    dialogue = make_dialogue(employee=personas.staff.employee, appraiser=personas.staff.supervisor)
    day = timezone.localtime(dialogue.scheduled_at).date()
    for user, other in [
        (personas.employee, personas.staff.supervisor),
        (personas.supervisor, personas.staff.employee),
    ]:
        [card] = titled(monitoring_cards_for(user), "Dialog kinerja dengan")
        assert card.title == f"Dialog kinerja dengan {other.full_name}"
        assert card.due == day
        assert card.url == f"/dialog/{dialogue.pk}/"


def test_a_past_dialogue_not_recorded_asks_the_appraiser_to_record_it(
    personas: Personas,
) -> None:
    when = timezone.make_aware(datetime.combine(today() - timedelta(days=3), time(10)))
    dialogue = make_dialogue(
        employee=personas.staff.employee, appraiser=personas.staff.supervisor, when=when
    )
    [card] = titled(monitoring_cards_for(personas.supervisor), "Catat hasil")
    assert card.urgent
    assert card.url == f"/dialog/{dialogue.pk}/catat/"
    assert not titled(monitoring_cards_for(personas.employee), "Dialog kinerja")


def test_open_actions_are_tasks_with_their_due_date_overdue_ones_urgent(
    personas: Personas,
) -> None:
    dialogue = make_dialogue(
        employee=personas.staff.employee,
        appraiser=personas.staff.supervisor,
        state=DialogueState.DONE,
    )
    late = make_action(dialogue=dialogue, due_date=today() - timedelta(days=1))
    make_action(dialogue=dialogue, due_date=today() + timedelta(days=20), text="Pelatihan arsip.")
    make_action(dialogue=dialogue, done=True, text="Sudah selesai.")
    cards = titled(monitoring_cards_for(personas.employee), "Tindak lanjut")
    assert [(c.description, c.due, c.urgent) for c in cards] == [
        (late.text, late.due_date, True),
        ("Pelatihan arsip.", today() + timedelta(days=20), False),
    ]
    assert cards[0].url == f"/dialog/{dialogue.pk}/"


def test_a_coaching_dialogue_done_asks_for_the_coaching_feedback_until_filled(
    personas: Personas,
) -> None:
    dialogue = make_dialogue(
        employee=personas.staff.employee,
        appraiser=personas.staff.supervisor,
        kind=DialogueKind.COACHING,
        state=DialogueState.DONE,
        when=timezone.now() - timedelta(days=1),
    )
    [card] = titled(monitoring_cards_for(personas.employee), "Isi umpan balik bimbingan")
    assert card.url == f"/dialog/{dialogue.pk}/umpan-balik-bimbingan/"
    assert not titled(monitoring_cards_for(personas.supervisor), "Isi umpan balik bimbingan")
    CoachingFeedback.objects.create(
        dialogue=dialogue, heard=5, appreciated=5, free_to_speak=4, accurate_data=4,
        positive=5, more_questions=4, found_solutions=4, knows_next=5, understands_purpose=5,
    )  # fmt: skip
    assert not titled(monitoring_cards_for(personas.employee), "Isi umpan balik bimbingan")


def test_the_appraiser_decides_submitted_realisations_counted_per_employee(
    personas: Personas,
) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=2)
    for indicator in plan_indicators(plan):
        make_realization(plan=plan, indicator=indicator, state=RealizationState.SUBMITTED)
    [card] = titled(monitoring_cards_for(personas.supervisor), "Putuskan realisasi tim")
    assert card.kind == CardKind.TASK
    assert f"2 realisasi menunggu keputusan Anda: {personas.staff.employee.full_name} (2)" in (
        card.description
    )
    assert card.url == "/skp/realisasi/tim/"
    assert not titled(monitoring_cards_for(personas.appraiser_superior), "Putuskan")


def test_the_appraiser_waits_for_the_team_realisations_not_submitted_yet(
    personas: Personas,
) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=3)
    window = window_on(plan)
    make_realization(plan=plan, window=window, state=RealizationState.ACCEPTED)
    title = f"Realisasi tim {window.name} {window.period.year}"
    [card] = [c for c in monitoring_cards_for(personas.supervisor) if c.title == title]
    assert card.kind == CardKind.WAITING
    assert card.description.startswith("2 dari 3 realisasi tim Anda belum diajukan.")
    window.realization_due_date = today() - timedelta(days=1)
    window.save()
    [card] = [c for c in monitoring_cards_for(personas.supervisor) if c.title == title]
    assert card.urgent
    assert "terlambat" in card.description


def test_the_leader_decides_the_realisations_of_plans_the_mayor_rates(
    personas: Personas,
) -> None:
    plan = make_running_plan(employee=personas.staff.head, results=1)
    assert PerformancePlan.objects.get(pk=plan.pk).appraiser_is_mayor
    make_realization(plan=plan, state=RealizationState.SUBMITTED)
    [card] = titled(monitoring_cards_for(personas.leader), "Putuskan realisasi tim")
    assert personas.staff.head.full_name in card.description


@pytest.mark.parametrize("name", ["hr_admin", "agency_admin", "auditor", "outsider"])
def test_accounts_without_an_employee_record_get_no_monitoring_cards(
    personas: Personas, name: str
) -> None:
    plan = make_running_plan(employee=personas.staff.employee, results=1)
    make_realization(plan=plan, state=RealizationState.SUBMITTED)
    assert monitoring_cards_for(personas.all()[name]) == []
