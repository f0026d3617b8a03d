"""Reminders of objection steps: the appraiser the day before the explanation is due and once
more when overdue, the decider two days before the decision is due and once more when overdue
(the Wali Kota's office: every Pimpinan but the one who set the evaluation); each sent once."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from kinerja.accounts.models import Role
from kinerja.accounts.testing import make_user
from kinerja.appeals.models import Objection, ObjectionState
from kinerja.appeals.reminders import appeals_reminders
from kinerja.appeals.rules import DECISION_DAYS, EXPLANATION_DAYS, local_day
from kinerja.appeals.testing import make_acknowledged_evaluation, make_objection
from kinerja.evaluation.models import Evaluation
from kinerja.notifications.models import Notification, NotificationKind
from kinerja.notifications.reminders import reminders_send
from kinerja.people.testing import Personas, assign, make_employee, make_position
from kinerja.scoring.formatting import format_date_id

pytestmark = pytest.mark.django_db


def objection_of(personas: Personas, state: str = ObjectionState.FILED) -> Objection:
    evaluation = make_acknowledged_evaluation(personas=personas, days_ago=1)
    return make_objection(evaluation=evaluation, state=state)


def due_titles(user: Any) -> list[str]:
    return list(
        Notification.objects.filter(recipient=user, kind=NotificationKind.OBJECTION_DUE)
        .order_by("pk")
        .values_list("title", flat=True)
    )


def filed_day(objection: Objection) -> date:
    return local_day(objection.filed_at)


def test_nothing_is_reminded_while_no_step_is_near(personas: Personas) -> None:
    objection = objection_of(personas)

    assert list(appeals_reminders(filed_day(objection))) == []
    assert list(appeals_reminders(filed_day(objection) + timedelta(days=5))) == []


def test_the_appraiser_is_reminded_the_day_before_and_once_more_when_overdue(
    personas: Personas,
) -> None:
    objection = objection_of(personas)
    due = filed_day(objection) + timedelta(days=EXPLANATION_DAYS)
    name = personas.staff.employee.name

    reminders_send(day=due - timedelta(days=1))
    reminders_send(day=due - timedelta(days=1))
    reminders_send(day=due)
    reminders_send(day=due + timedelta(days=1))
    reminders_send(day=due + timedelta(days=2))

    titles = due_titles(personas.supervisor)
    assert len(titles) == 2
    assert titles[0].startswith(f"Penjelasan keberatan {name} jatuh tempo ")
    assert titles[1].startswith(f"Penjelasan keberatan {name} terlambat (batas ")
    keys = set(
        Notification.objects.filter(
            recipient=personas.supervisor, kind=NotificationKind.OBJECTION_DUE
        ).values_list("key", flat=True)
    )
    assert keys == {
        f"objection_explain_due:{objection.pk}",
        f"objection_explain_overdue:{objection.pk}",
    }


def test_an_explained_objection_reminds_no_explanation(personas: Personas) -> None:
    objection = objection_of(personas, ObjectionState.EXPLAINED)
    late = filed_day(objection) + timedelta(days=EXPLANATION_DAYS + 3)

    assert list(appeals_reminders(late)) == []


def test_the_decider_is_reminded_two_days_before_and_once_more_when_overdue(
    personas: Personas,
) -> None:
    objection = objection_of(personas, ObjectionState.EXPLAINED)
    due = filed_day(objection) + timedelta(days=DECISION_DAYS)

    assert list(appeals_reminders(due - timedelta(days=3))) == []
    reminders_send(day=due - timedelta(days=2))
    reminders_send(day=due)
    reminders_send(day=due + timedelta(days=1))
    reminders_send(day=due + timedelta(days=9))

    titles = due_titles(personas.appraiser_superior)
    name = personas.staff.employee.name
    assert titles == [
        f"Keputusan keberatan {name} jatuh tempo {format_date_id(due)}",
        f"Keputusan keberatan {name} terlambat (batas {format_date_id(due)})",
    ]


@pytest.mark.parametrize(
    "state", [ObjectionState.ACCEPTED, ObjectionState.REJECTED, ObjectionState.WITHDRAWN]
)
def test_a_closed_objection_reminds_nobody(personas: Personas, state: str) -> None:
    objection = objection_of(personas, state)

    assert list(appeals_reminders(filed_day(objection) + timedelta(days=40))) == []


def test_the_wali_kotas_office_is_reminded_except_the_pimpinan_who_rated(
    personas: Personas,
) -> None:
    staff = personas.staff
    evaluation = make_acknowledged_evaluation(
        personas=personas, employee=staff.kabid, appraiser=staff.head
    )
    Evaluation.objects.filter(pk=evaluation.pk).update(rated_by=personas.leader)
    objection = make_objection(evaluation=evaluation, state=ObjectionState.EXPLAINED)
    other = make_user(role=Role.PIMPINAN)

    reminders_send(day=filed_day(objection) + timedelta(days=DECISION_DAYS))

    assert len(due_titles(other)) == 1
    assert due_titles(personas.leader) == []


def colleague_objection(personas: Personas) -> Objection:
    """An objection of another pelaksana under the same Kasi (the same appraiser and decider)."""
    staff = personas.staff
    colleague = make_employee()
    assign(colleague, make_position(agency=personas.agency, supervisor=staff.kasi_post))
    evaluation = make_acknowledged_evaluation(personas=personas, employee=colleague, days_ago=1)
    return make_objection(evaluation=evaluation)


def test_reminders_cost_the_same_queries_for_one_and_for_many(
    personas: Personas, django_assert_max_num_queries: Any
) -> None:
    first = objection_of(personas)
    day = filed_day(first) + timedelta(days=DECISION_DAYS)
    with django_assert_max_num_queries(3):
        assert len(list(appeals_reminders(day))) == 2
    for _ in range(4):
        colleague_objection(personas)

    with django_assert_max_num_queries(3):
        assert len(list(appeals_reminders(day))) == 10
