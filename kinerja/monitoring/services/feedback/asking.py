"""Asking for feedback and what becomes of the request before it is answered:
`feedback_request_create` (not twice open to the same person on the same subject),
`feedback_request_decline` (by the person asked, with a reason kept in the request's
thread) and `feedback_request_withdraw` (by the employee). Answering a request is
`feedback_give` (giving).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import refuse
from kinerja.audit.services import audit_record
from kinerja.discussions.models import Comment
from kinerja.discussions.services import comment_add
from kinerja.monitoring.feedback_permissions import (
    NO_EMPLOYEE,
    feedback_request_answer_refusal,
    feedback_request_create_refusal,
    feedback_request_withdraw_refusal,
)
from kinerja.monitoring.models import FeedbackRequest, FeedbackRequestState
from kinerja.monitoring.services.feedback.cleaning import feedback_topic_clean
from kinerja.monitoring.services.feedback.common import (
    MESSAGE_MAX,
    REASON_MIN,
    _optional_text,
    _required_text,
)
from kinerja.notifications.models import NotificationKind
from kinerja.notifications.services import notify
from kinerja.people.holdings import employee_id_for_user
from kinerja.people.models import Employee
from kinerja.planning.models import PlannedResult


def feedback_request_create(
    *,
    actor: Actor,
    asked: Employee,
    subject: str,
    message: str = "",
    result: PlannedResult | None = None,
    core_value: str = "",
) -> FeedbackRequest:
    """Ask `asked` (a colleague of the agency or the appraiser) for feedback on a result of my
    plan, a core value or my work in general [feedback_request.created]; not twice open to the
    same person on the same subject. The person asked is notified (FEEDBACK_REQUESTED)."""
    refuse(feedback_request_create_refusal(actor, asked))
    employee_id = employee_id_for_user(actor)
    employee = Employee.objects.filter(pk=employee_id).first() if employee_id else None
    if employee is None:
        raise PermissionDenied(NO_EMPLOYEE)
    result, core_value = feedback_topic_clean(
        employee=employee, subject=subject, result=result, core_value=core_value
    )
    cleaned_message = _optional_text("message", "Pesan", message, maximum=MESSAGE_MAX)
    with transaction.atomic():
        # Lock my open requests to this person, so two clicks do not open two.
        open_same = (
            FeedbackRequest.objects.select_for_update()
            .filter(
                employee=employee,
                asked=asked,
                state=FeedbackRequestState.OPEN,
                subject=subject,
                result=result,
                core_value=core_value,
            )
            .exists()
        )
        if open_same:
            raise ValidationError(
                {
                    "asked": [
                        f"Anda sudah meminta umpan balik kepada {asked.full_name} tentang hal "
                        "yang sama dan permintaan itu masih menunggu."
                    ]
                }
            )
        request = FeedbackRequest.objects.create(
            employee=employee,
            asked=asked,
            subject=subject,
            result=result,
            core_value=core_value,
            message=cleaned_message,
        )
        audit_record(
            actor=actor,
            action="feedback_request.created",
            obj=request,
            after={
                "employee_id": employee.pk,
                "asked_id": asked.pk,
                "subject": subject,
                "result_id": result.pk if result is not None else None,
                "core_value": core_value,
                "message": cleaned_message,
            },
        )
        url = reverse("monitoring:feedback_give")
        notify(
            recipient_ids=[asked.user_id],
            kind=NotificationKind.FEEDBACK_REQUESTED,
            title=f"{employee.full_name} meminta umpan balik dari Anda",
            text=cleaned_message[:300],
            url=f"{url}?permintaan={request.pk}",
        )
    return request


def feedback_request_decline(*, actor: Actor, request: FeedbackRequest, reason: str) -> Comment:
    """The person asked declines `request` with a reason [feedback_request.declined]; the reason
    is kept as the first comment of the request's thread and the employee is told."""
    refuse(feedback_request_answer_refusal(actor, request))
    cleaned = _required_text(
        "reason", "Alasan menolak", reason, minimum=REASON_MIN, maximum=MESSAGE_MAX
    )
    with transaction.atomic():
        request = FeedbackRequest.objects.select_for_update().get(pk=request.pk)
        refuse(feedback_request_answer_refusal(actor, request))
        before = {"state": request.state}
        request.state = FeedbackRequestState.DECLINED
        request.answered_at = timezone.now()
        request.save(update_fields=["state", "answered_at", "updated_at"])
        comment = comment_add(actor=actor, subject=request, body=cleaned)
        audit_record(
            actor=actor,
            action="feedback_request.declined",
            obj=request,
            before=before,
            after={"state": request.state, "reason": cleaned},
        )
        asked = request.asked
        notify(
            recipient_ids=[request.employee.user_id],
            kind=NotificationKind.FEEDBACK_DECLINED,
            title=f"{asked.full_name} menolak permintaan umpan balik Anda",
            text=cleaned[:300],
            url=reverse("monitoring:feedback_index") + "?bagian=permintaan-saya",
        )
    return comment


def feedback_request_withdraw(*, actor: Actor, request: FeedbackRequest) -> FeedbackRequest:
    """The employee withdraws their open `request` [feedback_request.withdrawn]."""
    refuse(feedback_request_withdraw_refusal(actor, request))
    with transaction.atomic():
        request = FeedbackRequest.objects.select_for_update().get(pk=request.pk)
        refuse(feedback_request_withdraw_refusal(actor, request))
        before = {"state": request.state}
        request.state = FeedbackRequestState.WITHDRAWN
        request.save(update_fields=["state", "updated_at"])
        audit_record(
            actor=actor,
            action="feedback_request.withdrawn",
            obj=request,
            before=before,
            after={"state": request.state},
        )
    return request
