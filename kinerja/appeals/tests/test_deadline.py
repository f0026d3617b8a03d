"""The objection deadline (PP 30/2019 Pasal 59): 14 calendar days from the day the employee
received (acknowledged) the result, that day included; filed on day 14 it is accepted, on day
15 refused with the rule and the date named; only the rated employee, only once acknowledged.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kinerja.appeals.models import ObjectionState
from kinerja.appeals.services.filing import objection_file
from kinerja.appeals.testing import STATEMENT, make_acknowledged_evaluation
from kinerja.evaluation.models import Evaluation, EvaluationState
from kinerja.people.testing import Personas
from kinerja.scoring.formatting import format_date_id

pytestmark = pytest.mark.django_db


def test_acknowledged_14_days_ago_the_objection_is_accepted(personas: Personas) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas, days_ago=14)

    objection = objection_file(
        actor=personas.employee, evaluation=evaluation, subject="RESULTS", statement=STATEMENT
    )

    assert objection.state == ObjectionState.FILED
    assert objection.deadline == timezone.localdate()


def test_acknowledged_15_days_ago_it_is_refused_naming_14_calendar_days_and_the_date(
    personas: Personas,
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas, days_ago=15)
    received = timezone.localdate() - timedelta(days=15)
    deadline = timezone.localdate() - timedelta(days=1)

    with pytest.raises(ValidationError) as caught:
        objection_file(
            actor=personas.employee, evaluation=evaluation, subject="RESULTS", statement=STATEMENT
        )

    [sentence] = caught.value.message_dict["evaluation"]
    assert "14 hari kalender" in sentence
    assert f"({format_date_id(received)})" in sentence
    assert f"sampai {format_date_id(deadline)}" in sentence
    assert "PP 30/2019 Pasal 59" in sentence


def test_an_evaluation_not_yet_acknowledged_is_refused(personas: Personas) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    Evaluation.objects.filter(pk=evaluation.pk).update(
        state=EvaluationState.RATED, acknowledged_at=None
    )
    evaluation.refresh_from_db()

    with pytest.raises(ValidationError) as caught:
        objection_file(
            actor=personas.employee, evaluation=evaluation, subject="RESULTS", statement=STATEMENT
        )

    assert "sudah Anda terima" in caught.value.message_dict["evaluation"][0]


def test_someone_else_is_refused_with_403(personas: Personas) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)

    with pytest.raises(PermissionDenied):
        objection_file(
            actor=personas.supervisor, evaluation=evaluation, subject="RESULTS", statement=STATEMENT
        )
