"""The decision: only the designated decider (never the appraiser; the Wali Kota's office is a
Pimpinan other than the one who set the evaluation), once the explanation is in or overdue;
accepting changes the overall ratings and the predikat through the matrix and locks the
evaluation (even one calibration had locked, even in a closed period); rejecting locks it as it
is; a decision is final."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kinerja.accounts.models import Role
from kinerja.accounts.testing import make_user
from kinerja.appeals.models import Objection, ObjectionState
from kinerja.appeals.rules import NOT_DECIDER
from kinerja.appeals.services.decision import objection_decide
from kinerja.appeals.testing import make_acknowledged_evaluation, make_objection
from kinerja.audit.models import AuditEvent
from kinerja.evaluation.models import Evaluation, ResultRating
from kinerja.evaluation.rules import evaluation_change_refusal
from kinerja.notifications.models import Notification, NotificationKind
from kinerja.notifications.testing import inbox_titles
from kinerja.people.testing import Personas
from kinerja.periods.models import PerformancePeriod, PeriodState

pytestmark = pytest.mark.django_db

REASON = "Notulen rapat menunjukkan realisasi RHK 1 tercapai penuh pada bulan itu."


@pytest.fixture
def objection(personas: Personas) -> Objection:
    evaluation = make_acknowledged_evaluation(personas=personas, days_ago=3)
    return make_objection(evaluation=evaluation, state=ObjectionState.EXPLAINED, days_ago=1)


def decide(actor: Any, objection: Objection, **kwargs: Any) -> Objection:
    values: dict[str, Any] = {"accepted": True, "reason": REASON, "results_rating": "ABOVE"}
    values.update(kwargs)
    return objection_decide(actor=actor, objection=objection, **values)


def refused(actor: Any, objection: Objection, **kwargs: Any) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        decide(actor, objection, **kwargs)
    return caught.value.message_dict


def test_accepting_changes_the_ratings_and_the_predikat_through_the_matrix_and_locks(
    personas: Personas, objection: Objection
) -> None:
    rows_before = list(
        ResultRating.objects.filter(evaluation=objection.evaluation).values_list("rating")
    )

    decided = decide(
        personas.appraiser_superior, objection, results_rating="ABOVE", behavior_rating="ABOVE"
    )

    evaluation = Evaluation.objects.get(pk=objection.evaluation_id)
    assert (evaluation.results_rating, evaluation.behavior_rating) == ("ABOVE", "ABOVE")
    assert evaluation.predikat == "SANGAT_BAIK"
    assert evaluation.locked_at is not None
    decided.refresh_from_db()
    assert decided.state == ObjectionState.ACCEPTED
    assert decided.decision_reason == REASON
    assert decided.decided_by == personas.appraiser_superior
    assert (decided.results_before, decided.behavior_before, decided.predikat_before) == (
        "MEETS",
        "MEETS",
        "BAIK",
    )
    assert (decided.results_after, decided.behavior_after, decided.predikat_after) == (
        "ABOVE",
        "ABOVE",
        "SANGAT_BAIK",
    )
    # The per-result rows keep the appraiser's judgement.
    assert (
        list(ResultRating.objects.filter(evaluation=evaluation).values_list("rating"))
        == rows_before
    )


def test_accepting_records_the_change_on_the_evaluation_and_the_decision_on_the_objection(
    personas: Personas, objection: Objection
) -> None:
    decide(personas.appraiser_superior, objection)

    change = AuditEvent.objects.get(action="evaluation.changed_by_objection")
    assert change.object_id == str(objection.evaluation_id)
    assert (change.before or {})["predikat"] == "BAIK"
    assert (change.after or {})["results_rating"] == "ABOVE"
    assert (change.after or {})["objection_id"] == objection.pk
    decision = AuditEvent.objects.get(action="objection.decided")
    assert decision.object_id == str(objection.pk)
    assert (decision.after or {})["state"] == ObjectionState.ACCEPTED
    assert (decision.after or {})["results_after"] == "ABOVE"
    assert (decision.after or {})["decision_reason"] == REASON


def test_the_employee_and_the_appraiser_are_told_the_decision(
    personas: Personas, objection: Objection
) -> None:
    decide(personas.appraiser_superior, objection, results_rating="BELOW")

    decided = Notification.objects.filter(kind=NotificationKind.OBJECTION_DECIDED)
    assert list(decided.filter(recipient=personas.employee).values_list("title", flat=True)) == [
        "Keberatan Anda diterima"
    ]
    assert list(decided.filter(recipient=personas.supervisor).values_list("title", flat=True)) == [
        f"Keberatan {personas.staff.employee.name} diterima"
    ]
    [text] = decided.filter(recipient=personas.employee).values_list("text", flat=True)
    assert "Butuh Perbaikan" in text
    # Butuh Perbaikan makes coaching mandatory (learning's predikat hook): that is told too.
    assert set(Notification.objects.values_list("kind", flat=True)) == {
        NotificationKind.OBJECTION_DECIDED,
        NotificationKind.DEVELOPMENT_COACHING_REQUIRED,
    }


def test_rejecting_locks_the_evaluation_as_it_is(personas: Personas, objection: Objection) -> None:
    decided = decide(personas.appraiser_superior, objection, accepted=False, results_rating="")

    evaluation = Evaluation.objects.get(pk=objection.evaluation_id)
    assert (evaluation.results_rating, evaluation.predikat) == ("MEETS", "BAIK")
    assert evaluation.locked_at is not None
    assert decided.state == ObjectionState.REJECTED
    assert decided.predikat_after == decided.predikat_before == "BAIK"
    assert not AuditEvent.objects.filter(action="evaluation.changed_by_objection").exists()
    lock = AuditEvent.objects.get(action="evaluation.locked_by_objection")
    assert lock.object_id == str(objection.evaluation_id)
    assert (lock.after or {})["predikat"] == "BAIK"
    assert (lock.after or {})["objection_id"] == objection.pk
    assert inbox_titles(personas.employee) == ["Keberatan Anda ditolak"]


def test_a_calibration_locked_evaluation_of_a_closed_period_is_changed_by_acceptance(
    personas: Personas, objection: Objection
) -> None:
    locked = timezone.now() - timedelta(days=2)
    Evaluation.objects.filter(pk=objection.evaluation_id).update(locked_at=locked)
    evaluation = Evaluation.objects.get(pk=objection.evaluation_id)
    PerformancePeriod.objects.filter(pk=evaluation.plan.period_id).update(state=PeriodState.CLOSED)
    evaluation.refresh_from_db()
    assert evaluation_change_refusal(evaluation) is not None

    decide(personas.appraiser_superior, objection, results_rating="ABOVE", behavior_rating="ABOVE")

    evaluation.refresh_from_db()
    assert evaluation.predikat == "SANGAT_BAIK"
    assert evaluation.locked_at is not None
    assert evaluation.locked_at > locked
    change = AuditEvent.objects.get(action="evaluation.changed_by_objection")
    assert (change.before or {})["locked_at"] == locked.isoformat()


@pytest.mark.parametrize("state", [ObjectionState.ACCEPTED, ObjectionState.REJECTED])
def test_a_decided_objection_cannot_be_decided_again(personas: Personas, state: str) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas, days_ago=3)
    objection = make_objection(evaluation=evaluation, state=state)

    errors = refused(personas.appraiser_superior, objection, accepted=False)

    assert "sudah diputus" in errors["state"][0]
    assert "final" in errors["state"][0]


def test_a_withdrawn_objection_cannot_be_decided(personas: Personas) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas, days_ago=3)
    objection = make_objection(evaluation=evaluation, state=ObjectionState.WITHDRAWN)

    errors = refused(personas.appraiser_superior, objection)

    assert "sudah dicabut" in errors["state"][0]


@pytest.mark.parametrize(
    "persona",
    ["employee", "supervisor", "agency_admin", "hr_admin", "leader", "auditor", "outsider"],
)
def test_only_the_designated_decider_decides_never_the_appraiser(
    personas: Personas, objection: Objection, persona: str
) -> None:
    with pytest.raises(PermissionDenied, match=NOT_DECIDER):
        decide(getattr(personas, persona), objection)

    objection.refresh_from_db()
    assert objection.state == ObjectionState.EXPLAINED


def test_while_the_explanation_is_awaited_and_not_overdue_it_cannot_be_decided(
    personas: Personas,
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas, days_ago=3)
    objection = make_objection(evaluation=evaluation, days_ago=2)

    errors = refused(personas.appraiser_superior, objection)

    assert "Pejabat penilai belum memberi penjelasan" in errors["state"][0]


def test_once_the_explanation_is_overdue_it_can_be_decided_without_it(
    personas: Personas,
) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas, days_ago=10)
    objection = make_objection(evaluation=evaluation, days_ago=8)

    decided = decide(personas.appraiser_superior, objection)

    assert decided.state == ObjectionState.ACCEPTED
    assert decided.explained_at is None


@pytest.mark.parametrize(
    ("kwargs", "field", "expected"),
    [
        ({"reason": " "}, "decision_reason", "Pertimbangan keputusan wajib diisi."),
        ({"results_rating": "TINGGI"}, "results_rating", "'TINGGI' tidak dikenal"),
        ({"behavior_rating": "X"}, "behavior_rating", "tidak dikenal"),
        ({"results_rating": "MEETS"}, "results_rating", "atau tolak keberatan"),
        ({"results_rating": ""}, "results_rating", "atau tolak keberatan"),
    ],
)
def test_bad_decisions_are_refused_naming_the_field(
    personas: Personas,
    objection: Objection,
    kwargs: dict[str, str],
    field: str,
    expected: str,
) -> None:
    errors = refused(personas.appraiser_superior, objection, **kwargs)

    assert expected in errors[field][0]
    objection.refresh_from_db()
    assert objection.state == ObjectionState.EXPLAINED
    assert Evaluation.objects.get(pk=objection.evaluation_id).locked_at is None
    assert not AuditEvent.objects.filter(action="objection.decided").exists()


# --- the Wali Kota's office ---


@pytest.fixture
def mayor_objection(personas: Personas) -> Objection:
    """The Kabid objects to the head of agency's rating, set by the Pimpinan persona."""
    staff = personas.staff
    evaluation = make_acknowledged_evaluation(
        personas=personas, days_ago=3, employee=staff.kabid, appraiser=staff.head
    )
    Evaluation.objects.filter(pk=evaluation.pk).update(rated_by=personas.leader)
    return make_objection(evaluation=evaluation, state=ObjectionState.EXPLAINED)


def test_a_pimpinan_other_than_the_one_who_rated_decides_for_the_wali_kota(
    personas: Personas, mayor_objection: Objection
) -> None:
    assert mayor_objection.decider_is_mayor
    other = make_user(role=Role.PIMPINAN)

    decided = decide(other, mayor_objection)

    assert decided.state == ObjectionState.ACCEPTED
    assert decided.decided_by == other


def test_the_pimpinan_who_rated_is_refused(personas: Personas, mayor_objection: Objection) -> None:
    with pytest.raises(PermissionDenied, match=NOT_DECIDER):
        decide(personas.leader, mayor_objection)


def test_without_an_appraiser_to_ask_it_can_be_decided_at_once(personas: Personas) -> None:
    staff = personas.staff
    evaluation = make_acknowledged_evaluation(
        personas=personas, employee=staff.kabid, appraiser=staff.head
    )
    Evaluation.objects.filter(pk=evaluation.pk).update(appraiser=None, rated_by=personas.leader)
    objection = make_objection(evaluation=evaluation)
    assert objection.appraiser_id is None

    decided = decide(make_user(role=Role.PIMPINAN), objection, accepted=False)

    assert decided.state == ObjectionState.REJECTED
