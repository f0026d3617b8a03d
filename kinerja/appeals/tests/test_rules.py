"""The rules of objections: the filing refusal, the steps with their due dates and overdue
marks, when a decision may be taken, the text limits."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from kinerja.appeals.models import Objection, ObjectionState
from kinerja.appeals.rules import (
    ANSWER_DAYS,
    DECISION_DAYS,
    EXPLANATION_DAYS,
    decision_ready_refusal,
    local_day,
    objection_file_refusal,
    objection_steps,
    text_errors,
)
from kinerja.appeals.testing import make_acknowledged_evaluation, make_objection
from kinerja.evaluation.models import Evaluation
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db

SHORT = "Alasan sepanjang 3 karakter terlalu singkat; tuliskan paling sedikit 5 karakter."
LONG = "Alasan sepanjang 11 karakter terlalu panjang; paling banyak 10 karakter."


def filed(personas: Personas, *, state: str = ObjectionState.FILED, days_ago: int = 0) -> Objection:
    evaluation = make_acknowledged_evaluation(personas=personas, days_ago=days_ago + 1)
    return make_objection(evaluation=evaluation, state=state, days_ago=days_ago)


def test_a_filed_objection_awaits_the_explanation_and_the_decision(personas: Personas) -> None:
    objection = filed(personas)
    day = local_day(objection.filed_at)

    steps = objection_steps(objection, day=day)

    assert [s.code for s in steps] == ["explanation", "decision"]
    assert steps[0].due == day + timedelta(days=EXPLANATION_DAYS)
    assert steps[1].due == day + timedelta(days=DECISION_DAYS)
    assert not any(s.overdue for s in steps)


def test_the_explanation_is_overdue_the_day_after_its_due_date(personas: Personas) -> None:
    objection = filed(personas)
    due = local_day(objection.filed_at) + timedelta(days=EXPLANATION_DAYS)

    assert not objection_steps(objection, day=due)[0].overdue
    assert objection_steps(objection, day=due + timedelta(days=1))[0].overdue


def test_an_explained_objection_shows_the_optional_answer_never_overdue(
    personas: Personas,
) -> None:
    objection = filed(personas, state=ObjectionState.EXPLAINED)
    late = local_day(objection.filed_at) + timedelta(days=DECISION_DAYS + 1)

    steps = objection_steps(objection, day=late)

    assert [s.code for s in steps] == ["explanation", "answer", "decision"]
    assert steps[1].due == local_day(objection.explained_at) + timedelta(days=ANSWER_DAYS)
    assert [s.overdue for s in steps] == [False, False, True]


def test_a_decided_objection_is_never_overdue(personas: Personas) -> None:
    objection = filed(personas, state=ObjectionState.ACCEPTED)
    late = local_day(objection.filed_at) + timedelta(days=DECISION_DAYS + 30)

    assert not any(s.overdue for s in objection_steps(objection, day=late))


def test_without_an_appraiser_there_is_no_explanation_step(personas: Personas) -> None:
    objection = filed(personas)
    Objection.objects.filter(pk=objection.pk).update(appraiser=None)
    objection.refresh_from_db()

    steps = objection_steps(objection, day=timezone.localdate())

    assert [s.code for s in steps] == ["decision"]
    assert decision_ready_refusal(objection, day=timezone.localdate()) is None


def test_a_decision_waits_for_the_explanation_until_it_is_overdue(personas: Personas) -> None:
    objection = filed(personas)
    due = local_day(objection.filed_at) + timedelta(days=EXPLANATION_DAYS)

    assert "belum memberi penjelasan" in (decision_ready_refusal(objection, day=due) or "")
    assert decision_ready_refusal(objection, day=due + timedelta(days=1)) is None


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (ObjectionState.EXPLAINED, None),
        (ObjectionState.ACCEPTED, "sudah diputus"),
        (ObjectionState.REJECTED, "sudah diputus"),
        (ObjectionState.WITHDRAWN, "sudah dicabut"),
    ],
)
def test_decision_ready_by_state(personas: Personas, state: str, expected: str | None) -> None:
    objection = filed(personas, state=state, days_ago=1)

    refusal = decision_ready_refusal(objection, day=timezone.localdate())

    assert refusal is None if expected is None else expected in (refusal or "")


def test_filing_is_refused_once_objected(personas: Personas) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    day = timezone.localdate()

    assert objection_file_refusal(evaluation, day=day, has_objection=False) is None
    assert "sudah diajukan" in (
        objection_file_refusal(evaluation, day=day, has_objection=True) or ""
    )


def test_the_deadline_day_itself_is_included(personas: Personas) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas)
    received = local_day(Evaluation.objects.get(pk=evaluation.pk).acknowledged_at)

    on_day_14 = objection_file_refusal(
        evaluation, day=received + timedelta(days=14), has_objection=False
    )
    on_day_15 = objection_file_refusal(
        evaluation, day=received + timedelta(days=15), has_objection=False
    )

    assert on_day_14 is None
    assert "14 hari kalender" in (on_day_15 or "")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", {"f": ["Alasan wajib diisi."]}),
        ("abc", {"f": [SHORT]}),
        ("abcdefghijk", {"f": [LONG]}),
        ("  abcde  ", {}),
    ],
)  # fmt: skip
def test_text_limits_name_the_length_and_the_limit(
    value: str, expected: dict[str, list[str]]
) -> None:
    assert text_errors("f", "alasan", value, minimum=5, maximum=10) == expected
