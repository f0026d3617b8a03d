"""Continuous feedback services: giving, asking, declining, withdrawing, replying; each refusal
changes nothing; each write is audited and notifies the other side."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.accounts.models import User
from kinerja.accounts.testing import make_user
from kinerja.audit.models import AuditEvent
from kinerja.discussions.models import Comment
from kinerja.monitoring.models import (
    Competency,
    Feedback,
    FeedbackRequest,
    FeedbackRequestState,
    FeedbackSubject,
)
from kinerja.monitoring.services.feedback import (
    feedback_give,
    feedback_reply,
    feedback_request_create,
    feedback_request_decline,
    feedback_request_withdraw,
)
from kinerja.monitoring.testing import make_feedback, make_feedback_request, make_running_plan
from kinerja.notifications.models import Notification, NotificationKind
from kinerja.people.models import Employee
from kinerja.people.testing import Personas, assign, make_employee, make_position

pytestmark = pytest.mark.django_db

GOOD = "Saat rapat koordinasi 12 November, paparan Anda runtut dan datanya lengkap."


@pytest.fixture
def colleague(personas: Personas) -> tuple[User, Employee]:
    """A colleague of the employee (same unit, under the same supervisor) with a login."""
    user = make_user(full_name="Rina Rekan")
    peer = make_employee(name="Rina Rekan", user=user)
    post = make_position(
        agency=personas.agency,
        name="Analis Data",
        supervisor=personas.staff.kasi_post,
        unit=personas.staff.unit,
    )
    assign(peer, post)
    return user, peer


def snapshot() -> tuple[int, int, int, int, int]:
    return (
        Feedback.objects.count(),
        FeedbackRequest.objects.exclude(state=FeedbackRequestState.OPEN).count(),
        Comment.objects.count(),
        Notification.objects.count(),
        AuditEvent.objects.filter(action__startswith="feedback").count(),
    )


# --- giving ---------------------------------------------------------------------------------


def test_the_appraiser_gives_feedback_tagged_with_competencies(personas: Personas) -> None:
    employee = personas.staff.employee
    feedback = feedback_give(
        actor=personas.supervisor,
        employee=employee,
        subject=FeedbackSubject.GENERAL,
        text=GOOD,
        example="Rapat koordinasi 12 November.",
        suggestion="Bagikan ringkasan sebelum rapat.",
        competencies=[Competency.COMMUNICATION, Competency.COMMUNICATION, Competency.TEAMWORK],
    )
    assert feedback.author == personas.staff.supervisor
    assert feedback.author_is_appraiser
    assert sorted(feedback.tags.values_list("competency", flat=True)) == [
        "KERJA_SAMA",
        "KOMUNIKASI",
    ]
    event = AuditEvent.objects.get(action="feedback.given")
    assert (event.after or {})["competencies"] == ["KOMUNIKASI", "KERJA_SAMA"]
    note = Notification.objects.get(recipient=personas.employee)
    assert note.kind == NotificationKind.FEEDBACK_RECEIVED
    assert note.url == f"/umpan-balik/{feedback.pk}/"


def test_feedback_on_a_result_of_the_current_plan_keeps_the_plan(personas: Personas) -> None:
    plan = make_running_plan(employee=personas.staff.employee)
    result = plan.results.order_by("number").first()
    feedback = feedback_give(
        actor=personas.supervisor,
        employee=personas.staff.employee,
        subject=FeedbackSubject.RESULT,
        result=result,
        text=GOOD,
        competencies=[Competency.TECHNICAL],
    )
    assert feedback.result == result
    assert feedback.plan == plan


def test_feedback_on_a_core_value_needs_a_known_code(personas: Personas) -> None:
    feedback = feedback_give(
        actor=personas.supervisor,
        employee=personas.staff.employee,
        subject=FeedbackSubject.CORE_VALUE,
        core_value="BERORIENTASI_PELAYANAN",
        text=GOOD,
        competencies=[Competency.SERVICE],
    )
    assert feedback.core_value == "BERORIENTASI_PELAYANAN"
    before = snapshot()
    with pytest.raises(ValidationError) as refused:
        feedback_give(
            actor=personas.supervisor,
            employee=personas.staff.employee,
            subject=FeedbackSubject.CORE_VALUE,
            core_value="RAJIN",
            text=GOOD,
            competencies=[Competency.SERVICE],
        )
    assert "Nilai dasar “RAJIN” tidak dikenal" in refused.value.message_dict["core_value"][0]
    assert snapshot() == before


@pytest.mark.parametrize(
    ("field", "kwargs", "words"),
    [
        ("text", {"text": "Bagus."}, "terlalu pendek"),
        ("text", {"text": "Kerja anda sangat bagus sekali, mantap!"}, "hanya berisi penilaian"),
        ("competencies", {"competencies": []}, "paling sedikit satu"),
        ("competencies", {"competencies": ["RAJIN"]}, "tidak dikenal"),
        ("result", {"subject": FeedbackSubject.RESULT}, "belum dipilih"),
        ("subject", {"subject": "LAIN"}, "tidak dikenal"),
    ],
)
def test_bad_feedback_is_refused_naming_the_field_and_nothing_changes(
    personas: Personas, field: str, kwargs: dict[str, object], words: str
) -> None:
    before = snapshot()
    arguments: dict[str, object] = {
        "subject": FeedbackSubject.GENERAL,
        "text": GOOD,
        "competencies": [Competency.COMMUNICATION],
        **kwargs,
    }
    with pytest.raises(ValidationError) as refused:
        feedback_give(actor=personas.supervisor, employee=personas.staff.employee, **arguments)  # type: ignore[arg-type]
    assert words in " ".join(refused.value.message_dict[field])
    assert snapshot() == before


def test_a_result_of_someone_elses_plan_is_refused(personas: Personas) -> None:
    other = make_running_plan(employee=personas.staff.supervisor)
    with pytest.raises(ValidationError) as refused:
        feedback_give(
            actor=personas.supervisor,
            employee=personas.staff.employee,
            subject=FeedbackSubject.RESULT,
            result=other.results.first(),
            text=GOOD,
            competencies=[Competency.TECHNICAL],
        )
    assert "bukan hasil kerja SKP Agus Wibowo" in refused.value.message_dict["result"][0]


@pytest.mark.parametrize("name", ["appraiser_superior", "hr_admin", "auditor", "outsider"])
def test_only_the_appraiser_gives_feedback_unasked(personas: Personas, name: str) -> None:
    before = snapshot()
    with pytest.raises(PermissionDenied):
        feedback_give(
            actor=getattr(personas, name),
            employee=personas.staff.employee,
            subject=FeedbackSubject.GENERAL,
            text=GOOD,
            competencies=[Competency.COMMUNICATION],
        )
    assert snapshot() == before


def test_a_peer_gives_feedback_only_in_answer_to_an_open_request(
    personas: Personas, colleague: tuple[User, Employee]
) -> None:
    peer_user, peer = colleague
    arguments = {
        "employee": personas.staff.employee,
        "subject": FeedbackSubject.GENERAL,
        "text": GOOD,
        "competencies": [Competency.TEAMWORK],
    }
    with pytest.raises(PermissionDenied, match="pejabat penilai"):
        feedback_give(actor=peer_user, **arguments)  # type: ignore[arg-type]
    request = make_feedback_request(employee=personas.staff.employee, asked=peer)
    feedback = feedback_give(actor=peer_user, request=request, **arguments)  # type: ignore[arg-type]
    request.refresh_from_db()
    assert request.state == FeedbackRequestState.ANSWERED
    assert request.answered_at is not None
    assert feedback.request == request
    assert not feedback.author_is_appraiser
    with pytest.raises(PermissionDenied, match="berstatus Dijawab"):
        feedback_give(actor=peer_user, request=request, **arguments)  # type: ignore[arg-type]
    assert Feedback.objects.count() == 1


# --- asking ---------------------------------------------------------------------------------


def test_the_employee_asks_a_colleague_who_is_notified(
    personas: Personas, colleague: tuple[User, Employee]
) -> None:
    peer_user, peer = colleague
    request = feedback_request_create(
        actor=personas.employee,
        asked=peer,
        subject=FeedbackSubject.CORE_VALUE,
        core_value="KOLABORATIF",
        message="Bagaimana kerja sama saya dalam tim pelayanan?",
    )
    assert request.employee == personas.staff.employee
    assert request.state == FeedbackRequestState.OPEN
    assert AuditEvent.objects.filter(action="feedback_request.created").count() == 1
    note = Notification.objects.get(recipient=peer_user)
    assert note.kind == NotificationKind.FEEDBACK_REQUESTED
    assert note.url == f"/umpan-balik/beri/?permintaan={request.pk}"


def test_the_employee_may_ask_their_appraiser(personas: Personas) -> None:
    request = feedback_request_create(
        actor=personas.employee, asked=personas.staff.supervisor, subject=FeedbackSubject.GENERAL
    )
    assert request.asked == personas.staff.supervisor


def test_asking_twice_the_same_person_on_the_same_subject_is_refused(
    personas: Personas, colleague: tuple[User, Employee]
) -> None:
    _, peer = colleague
    feedback_request_create(actor=personas.employee, asked=peer, subject=FeedbackSubject.GENERAL)
    with pytest.raises(ValidationError) as refused:
        feedback_request_create(
            actor=personas.employee, asked=peer, subject=FeedbackSubject.GENERAL
        )
    assert "masih menunggu" in refused.value.message_dict["asked"][0]
    assert FeedbackRequest.objects.count() == 1
    # Another subject is a new question.
    feedback_request_create(
        actor=personas.employee,
        asked=peer,
        subject=FeedbackSubject.CORE_VALUE,
        core_value="KOMPETEN",
    )
    assert FeedbackRequest.objects.count() == 2


def test_asking_oneself_or_someone_of_another_agency_is_refused(personas: Personas) -> None:
    with pytest.raises(PermissionDenied, match="diri sendiri"):
        feedback_request_create(
            actor=personas.employee, asked=personas.staff.employee, subject="GENERAL"
        )
    with pytest.raises(PermissionDenied, match="bukan rekan kerja"):
        feedback_request_create(
            actor=personas.employee, asked=personas.staff.other_head, subject="GENERAL"
        )
    with pytest.raises(PermissionDenied, match="tidak terhubung"):
        feedback_request_create(
            actor=personas.hr_admin, asked=personas.staff.employee, subject="GENERAL"
        )
    assert not FeedbackRequest.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="feedback").exists()


def test_the_person_asked_declines_with_a_reason_the_employee_reads(
    personas: Personas, colleague: tuple[User, Employee]
) -> None:
    peer_user, peer = colleague
    request = make_feedback_request(employee=personas.staff.employee, asked=peer)
    with pytest.raises(ValidationError) as refused:
        feedback_request_decline(actor=peer_user, request=request, reason="Tidak.")
    assert "terlalu pendek" in refused.value.message_dict["reason"][0]
    with pytest.raises(PermissionDenied):
        feedback_request_decline(
            actor=personas.employee, request=request, reason="Saya menolak permintaan saya."
        )
    request.refresh_from_db()
    assert request.state == FeedbackRequestState.OPEN
    comment = feedback_request_decline(
        actor=peer_user, request=request, reason="Saya belum pernah bekerja dengan Anda."
    )
    request.refresh_from_db()
    assert request.state == FeedbackRequestState.DECLINED
    assert comment.body == "Saya belum pernah bekerja dengan Anda."
    event = AuditEvent.objects.get(action="feedback_request.declined")
    assert (event.after or {})["reason"] == comment.body
    [notification] = Notification.objects.filter(recipient=personas.employee)
    assert notification.kind == NotificationKind.FEEDBACK_DECLINED


def test_the_employee_withdraws_an_open_request_only(
    personas: Personas, colleague: tuple[User, Employee]
) -> None:
    peer_user, peer = colleague
    request = make_feedback_request(employee=personas.staff.employee, asked=peer)
    with pytest.raises(PermissionDenied, match="yang meminta"):
        feedback_request_withdraw(actor=peer_user, request=request)
    feedback_request_withdraw(actor=personas.employee, request=request)
    request.refresh_from_db()
    assert request.state == FeedbackRequestState.WITHDRAWN
    assert AuditEvent.objects.filter(action="feedback_request.withdrawn").count() == 1
    with pytest.raises(PermissionDenied, match="berstatus Dibatalkan"):
        feedback_request_withdraw(actor=personas.employee, request=request)
    with pytest.raises(PermissionDenied, match="berstatus Dibatalkan"):
        feedback_request_decline(actor=peer_user, request=request, reason="Sudah dibatalkan.")


# --- replying -------------------------------------------------------------------------------


def test_employee_and_author_reply_in_one_thread_each_notifying_the_other(
    personas: Personas,
) -> None:
    feedback = make_feedback(
        employee=personas.staff.employee, author=personas.staff.supervisor, author_is_appraiser=True
    )
    feedback_reply(actor=personas.employee, feedback=feedback, text="Terima kasih, akan saya coba.")
    feedback_reply(actor=personas.supervisor, feedback=feedback, text="Baik, kita bahas Jumat.")
    assert list(Comment.objects.order_by("pk").values_list("body", flat=True)) == [
        "Terima kasih, akan saya coba.",
        "Baik, kita bahas Jumat.",
    ]
    assert AuditEvent.objects.filter(action="feedback.replied").count() == 2
    assert Notification.objects.get(recipient=personas.supervisor).kind == (
        NotificationKind.FEEDBACK_REPLIED
    )
    assert Notification.objects.get(recipient=personas.employee).kind == (
        NotificationKind.FEEDBACK_REPLIED
    )


@pytest.mark.parametrize("name", ["appraiser_superior", "auditor", "hr_admin", "outsider"])
def test_nobody_else_replies(personas: Personas, name: str) -> None:
    feedback = make_feedback(employee=personas.staff.employee, author=personas.staff.supervisor)
    with pytest.raises(PermissionDenied):
        feedback_reply(actor=getattr(personas, name), feedback=feedback, text="Catatan saya.")
    assert not Comment.objects.exists()


def test_an_empty_reply_is_refused(personas: Personas) -> None:
    feedback = make_feedback(employee=personas.staff.employee, author=personas.staff.supervisor)
    with pytest.raises(ValidationError) as refused:
        feedback_reply(actor=personas.employee, feedback=feedback, text="   ")
    assert "kosong" in refused.value.message_dict["body"][0]
    assert not Notification.objects.exists()
    assert not AuditEvent.objects.filter(action="feedback.replied").exists()
