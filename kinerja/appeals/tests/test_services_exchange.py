"""The exchange: the appraiser explains once (FILED → EXPLAINED), the employee answers once;
who may, in which state, with what text; the audit events and who is told."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.appeals.models import Objection, ObjectionState
from kinerja.appeals.rules import NOT_APPRAISER, TEXT_MAX
from kinerja.appeals.services.exchange import objection_answer, objection_explain
from kinerja.appeals.testing import make_acknowledged_evaluation, make_objection
from kinerja.audit.models import AuditEvent
from kinerja.notifications.models import Notification, NotificationKind
from kinerja.notifications.testing import inbox_titles
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db

EXPLANATION = "Capaian RHK 1 dihitung dari realisasi yang diterima pada bulan itu: 83,33%."
ANSWER = "Notulen rapat bulan itu diterima terlambat oleh sistem, bukan oleh saya."


@pytest.fixture
def objection(personas: Personas) -> Objection:
    return make_objection(evaluation=make_acknowledged_evaluation(personas=personas, days_ago=2))


def explained(personas: Personas, objection: Objection) -> Objection:
    return objection_explain(
        actor=personas.supervisor, objection=objection, explanation=EXPLANATION
    )


def test_the_appraiser_explains_and_the_employee_and_the_decider_are_told(
    personas: Personas, objection: Objection
) -> None:
    result = objection_explain(
        actor=personas.supervisor, objection=objection, explanation=f" {EXPLANATION} "
    )

    result.refresh_from_db()
    assert result.state == ObjectionState.EXPLAINED
    assert result.explanation == EXPLANATION
    assert result.explained_by == personas.supervisor
    assert result.explained_at is not None
    event = AuditEvent.objects.get(action="objection.explained")
    assert event.object_id == str(objection.pk)
    assert (event.after or {})["explanation"] == EXPLANATION
    assert (event.before or {})["state"] == ObjectionState.FILED
    assert inbox_titles(personas.employee) == [
        "Pejabat penilai menjelaskan penilaian yang Anda ajukan keberatan"
    ]
    assert inbox_titles(personas.appraiser_superior) == [
        f"Keberatan {personas.staff.employee.name} sudah dijelaskan pejabat penilai"
    ]
    assert set(Notification.objects.values_list("kind", flat=True)) == {
        NotificationKind.OBJECTION_EXPLAINED
    }


@pytest.mark.parametrize(
    "persona", ["employee", "appraiser_superior", "hr_admin", "leader", "auditor", "outsider"]
)
def test_only_the_appraiser_explains(
    personas: Personas, objection: Objection, persona: str
) -> None:
    with pytest.raises(PermissionDenied, match=NOT_APPRAISER):
        objection_explain(
            actor=getattr(personas, persona), objection=objection, explanation=EXPLANATION
        )


def test_an_explanation_is_given_once(personas: Personas, objection: Objection) -> None:
    explained(personas, objection)

    with pytest.raises(ValidationError) as caught:
        explained(personas, objection)

    assert "berstatus Dijelaskan" in caught.value.message_dict["state"][0]
    assert AuditEvent.objects.filter(action="objection.explained").count() == 1


@pytest.mark.parametrize(
    "state", [ObjectionState.ACCEPTED, ObjectionState.REJECTED, ObjectionState.WITHDRAWN]
)
def test_no_explanation_after_a_decision_or_withdrawal(personas: Personas, state: str) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas, days_ago=2)
    objection = make_objection(evaluation=evaluation, state=state)

    with pytest.raises(ValidationError) as caught:
        explained(personas, objection)

    assert "tidak dapat diberi penjelasan" in caught.value.message_dict["state"][0]


@pytest.mark.parametrize(
    ("text", "expected"), [("  ", "wajib diisi"), ("x" * (TEXT_MAX + 1), "terlalu panjang")]
)
def test_an_empty_or_too_long_explanation_is_refused(
    personas: Personas, objection: Objection, text: str, expected: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        objection_explain(actor=personas.supervisor, objection=objection, explanation=text)

    assert expected in caught.value.message_dict["explanation"][0]
    objection.refresh_from_db()
    assert objection.state == ObjectionState.FILED


# --- the answer ---


def test_the_employee_answers_once_and_the_decider_is_told(
    personas: Personas, objection: Objection
) -> None:
    explained(personas, objection)

    result = objection_answer(actor=personas.employee, objection=objection, answer=ANSWER)

    result.refresh_from_db()
    assert result.answer == ANSWER
    assert result.answered_at is not None
    assert result.state == ObjectionState.EXPLAINED
    event = AuditEvent.objects.get(action="objection.answered")
    assert (event.after or {})["answer"] == ANSWER
    assert inbox_titles(personas.appraiser_superior)[0] == (
        f"{personas.staff.employee.name} menanggapi penjelasan pejabat penilai"
    )
    with pytest.raises(ValidationError) as caught:
        objection_answer(actor=personas.employee, objection=objection, answer=ANSWER)
    assert "hanya dapat diberikan sekali" in caught.value.message_dict["state"][0]


def test_no_answer_before_the_explanation(personas: Personas, objection: Objection) -> None:
    with pytest.raises(ValidationError) as caught:
        objection_answer(actor=personas.employee, objection=objection, answer=ANSWER)

    assert "berstatus Diajukan tidak dapat ditanggapi" in caught.value.message_dict["state"][0]


def test_no_answer_after_the_decision(personas: Personas) -> None:
    evaluation = make_acknowledged_evaluation(personas=personas, days_ago=2)
    objection = make_objection(evaluation=evaluation, state=ObjectionState.REJECTED)

    with pytest.raises(ValidationError) as caught:
        objection_answer(actor=personas.employee, objection=objection, answer=ANSWER)

    assert "berstatus Ditolak" in caught.value.message_dict["state"][0]


@pytest.mark.parametrize("persona", ["supervisor", "appraiser_superior", "hr_admin", "outsider"])
def test_only_the_employee_answers(personas: Personas, objection: Objection, persona: str) -> None:
    explained(personas, objection)

    with pytest.raises(PermissionDenied):
        objection_answer(actor=getattr(personas, persona), objection=objection, answer=ANSWER)


def test_an_empty_answer_is_refused(personas: Personas, objection: Objection) -> None:
    explained(personas, objection)

    with pytest.raises(ValidationError) as caught:
        objection_answer(actor=personas.employee, objection=objection, answer="")

    assert "Tanggapan pegawai wajib diisi." in caught.value.message_dict["answer"]
