"""Cards on "Tugas saya": the appraiser's objections to explain, the decider's to decide (with
overdue counts), the employee's open objection with its next step; constant queries."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from kinerja.accounts.models import Role
from kinerja.accounts.testing import make_user
from kinerja.appeals.models import Objection, ObjectionState
from kinerja.appeals.my_tasks import appeals_cards_for
from kinerja.appeals.rules import DECISION_DAYS, EXPLANATION_DAYS, local_day
from kinerja.appeals.testing import make_acknowledged_evaluation, make_objection
from kinerja.core.my_tasks import CardKind
from kinerja.evaluation.models import Evaluation
from kinerja.people.testing import Personas, assign, make_employee, make_position

pytestmark = pytest.mark.django_db


def objection_of(
    personas: Personas, *, state: str = ObjectionState.FILED, days_ago: int = 0
) -> Objection:
    evaluation = make_acknowledged_evaluation(personas=personas, days_ago=days_ago + 1)
    return make_objection(evaluation=evaluation, state=state, days_ago=days_ago)


def colleague_objection(personas: Personas, *, days_ago: int = 0) -> Objection:
    colleague = make_employee()
    assign(colleague, make_position(agency=personas.agency, supervisor=personas.staff.kasi_post))
    evaluation = make_acknowledged_evaluation(
        personas=personas, employee=colleague, days_ago=days_ago + 1
    )
    return make_objection(evaluation=evaluation, days_ago=days_ago)


def titles(user: Any) -> list[str]:
    return [card.title for card in appeals_cards_for(user)]


def test_nobody_has_a_card_without_objections(personas: Personas) -> None:
    for user in personas.all().values():
        assert appeals_cards_for(user) == []


def test_the_appraiser_is_asked_to_explain_with_the_overdue_count(personas: Personas) -> None:
    objection_of(personas, days_ago=EXPLANATION_DAYS + 1)
    recent = colleague_objection(personas)

    [card] = appeals_cards_for(personas.supervisor)

    assert card.title == "Beri penjelasan keberatan"
    assert card.description.startswith("2 keberatan")
    assert "1 di antaranya terlambat" in card.description
    assert card.urgent
    assert card.url == "/keberatan/"
    assert card.due is not None
    assert card.due < local_day(recent.filed_at)


def test_the_decider_is_asked_to_decide(personas: Personas) -> None:
    objection = objection_of(personas, state=ObjectionState.EXPLAINED)

    [card] = appeals_cards_for(personas.appraiser_superior)

    assert card.title == "Putuskan keberatan"
    assert card.description.startswith("1 keberatan")
    assert not card.urgent
    assert card.due == local_day(objection.filed_at) + timedelta(days=DECISION_DAYS)


def test_an_overdue_decision_is_urgent(personas: Personas) -> None:
    objection_of(personas, state=ObjectionState.EXPLAINED, days_ago=DECISION_DAYS + 1)

    [card] = appeals_cards_for(personas.appraiser_superior)

    assert card.urgent
    assert "1 di antaranya terlambat" in card.description


def test_the_employee_sees_the_next_step_of_their_objection(personas: Personas) -> None:
    objection = objection_of(personas)

    [card] = appeals_cards_for(personas.employee)
    assert card.kind == CardKind.WAITING
    assert card.description.startswith("Menunggu penjelasan pejabat penilai")
    assert card.url == f"/keberatan/{objection.pk}/"

    Objection.objects.filter(pk=objection.pk).update(
        state=ObjectionState.EXPLAINED, explained_at=objection.filed_at
    )
    [card] = appeals_cards_for(personas.employee)
    assert card.title == "Tanggapi penjelasan pejabat penilai"
    assert card.kind == CardKind.TASK

    Objection.objects.filter(pk=objection.pk).update(answered_at=objection.filed_at)
    [card] = appeals_cards_for(personas.employee)
    assert card.kind == CardKind.WAITING
    assert card.description.startswith("Menunggu keputusan atasan pejabat penilai")


@pytest.mark.parametrize(
    "state", [ObjectionState.ACCEPTED, ObjectionState.REJECTED, ObjectionState.WITHDRAWN]
)
def test_a_closed_objection_leaves_no_card(personas: Personas, state: str) -> None:
    objection_of(personas, state=state)

    assert titles(personas.employee) == []
    assert titles(personas.supervisor) == []
    assert titles(personas.appraiser_superior) == []


def test_the_wali_kotas_office_sees_it_except_the_pimpinan_who_rated(personas: Personas) -> None:
    staff = personas.staff
    evaluation = make_acknowledged_evaluation(
        personas=personas, employee=staff.kabid, appraiser=staff.head
    )
    Evaluation.objects.filter(pk=evaluation.pk).update(rated_by=personas.leader)
    make_objection(evaluation=evaluation)

    assert titles(make_user(role=Role.PIMPINAN)) == ["Putuskan keberatan"]
    assert titles(personas.leader) == []
    assert titles(personas.hr_admin) == []


def test_cards_cost_the_same_queries_for_one_and_for_many(
    personas: Personas, django_assert_max_num_queries: Any
) -> None:
    objection_of(personas)
    counts = []
    for user in (personas.supervisor, personas.appraiser_superior, personas.employee):
        with django_assert_max_num_queries(4) as captured:
            appeals_cards_for(user)
        counts.append(len(captured.captured_queries))
    for _ in range(5):
        colleague_objection(personas)

    for user, count in zip(
        (personas.supervisor, personas.appraiser_superior, personas.employee), counts, strict=True
    ):
        with django_assert_max_num_queries(count):
            appeals_cards_for(user)
