"""Giving feedback (`feedback_give`, as the appraiser or answering a request, with its
competency tags) and replying in the thread under a feedback (`feedback_reply`); each
checks, writes, audits and notifies in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import refuse
from kinerja.audit.services import audit_record
from kinerja.discussions.models import Comment
from kinerja.discussions.services import comment_add
from kinerja.monitoring.feedback_permissions import (
    feedback_give_refusal,
    feedback_reply_refusal,
    feedback_request_answer_refusal,
)
from kinerja.monitoring.models import (
    Competency,
    Feedback,
    FeedbackRequest,
    FeedbackRequestState,
    FeedbackTag,
)
from kinerja.monitoring.services.feedback.cleaning import feedback_text_clean, feedback_topic_clean
from kinerja.monitoring.services.feedback.common import _optional_text
from kinerja.notifications.models import NotificationKind
from kinerja.notifications.services import notify
from kinerja.people.holdings import employee_id_for_user
from kinerja.people.models import Employee
from kinerja.planning.models import PlannedResult


def _competencies_clean(competencies: Iterable[str]) -> list[str]:
    codes = list(dict.fromkeys(competencies))
    unknown = [code for code in codes if code not in Competency.values]
    if unknown:
        accepted = ", ".join(str(label) for label in Competency.labels)
        raise ValidationError(
            {
                "competencies": [
                    f"Kompetensi “{', '.join(unknown)}” tidak dikenal; pilih dari {accepted}."
                ]
            }
        )
    if not codes:
        raise ValidationError(
            {"competencies": ["Pilih paling sedikit satu kompetensi yang dibahas umpan balik ini."]}
        )
    return codes


def _detail_url(feedback: Feedback) -> str:
    return reverse("monitoring:feedback_detail", kwargs={"feedback_id": feedback.pk})


def feedback_give(
    *,
    actor: Actor,
    employee: Employee,
    subject: str,
    text: str,
    example: str = "",
    suggestion: str = "",
    result: PlannedResult | None = None,
    core_value: str = "",
    competencies: Iterable[str] = (),
    request: FeedbackRequest | None = None,
) -> Feedback:
    """Give feedback to `employee` [feedback.given]: as their appraiser, or answering `request`
    (which becomes ANSWERED). The employee is notified (FEEDBACK_RECEIVED)."""
    refuse(feedback_give_refusal(actor, employee, request))
    author_id = employee_id_for_user(actor)
    assert author_id is not None  # the refusal above
    cleaned_text = feedback_text_clean(text)
    cleaned_example = _optional_text("example", "Contoh", example)
    cleaned_suggestion = _optional_text("suggestion", "Saran", suggestion)
    result, core_value = feedback_topic_clean(
        employee=employee, subject=subject, result=result, core_value=core_value
    )
    codes = _competencies_clean(competencies)
    with transaction.atomic():
        if request is not None:
            request = FeedbackRequest.objects.select_for_update().get(pk=request.pk)
            refuse(feedback_request_answer_refusal(actor, request))
        author = Employee.objects.get(pk=author_id)
        feedback = Feedback.objects.create(
            employee=employee,
            author=author,
            author_is_appraiser=request is None or feedback_give_refusal(actor, employee) is None,
            request=request,
            plan=result.plan if result is not None else None,
            subject=subject,
            result=result,
            core_value=core_value,
            text=cleaned_text,
            example=cleaned_example,
            suggestion=cleaned_suggestion,
        )
        FeedbackTag.objects.bulk_create(
            FeedbackTag(feedback=feedback, competency=code) for code in codes
        )
        if request is not None:
            request.state = FeedbackRequestState.ANSWERED
            request.answered_at = timezone.now()
            request.save(update_fields=["state", "answered_at", "updated_at"])
        audit_record(
            actor=actor,
            action="feedback.given",
            obj=feedback,
            after={
                "employee_id": employee.pk,
                "author_id": author.pk,
                "subject": subject,
                "result_id": result.pk if result is not None else None,
                "core_value": core_value,
                "competencies": codes,
                "request_id": request.pk if request is not None else None,
                "text": cleaned_text,
            },
        )
        notify(
            recipient_ids=[employee.user_id],
            kind=NotificationKind.FEEDBACK_RECEIVED,
            title=f"Umpan balik dari {author.full_name}",
            text=cleaned_text[:300],
            url=_detail_url(feedback),
        )
    return feedback


def feedback_reply(*, actor: Actor, feedback: Feedback, text: str) -> Comment:
    """The employee or the author writes in the feedback's thread [feedback.replied]; the other
    side is notified (FEEDBACK_REPLIED)."""
    refuse(feedback_reply_refusal(actor, feedback))
    me = employee_id_for_user(actor)
    with transaction.atomic():
        comment = comment_add(actor=actor, subject=feedback, body=text)
        audit_record(
            actor=actor,
            action="feedback.replied",
            obj=feedback,
            after={"comment_id": comment.pk, "body": comment.body},
        )
        other = feedback.author if me == feedback.employee_id else feedback.employee
        notify(
            recipient_ids=[other.user_id],
            kind=NotificationKind.FEEDBACK_REPLIED,
            title=f"{comment.author_name} menanggapi umpan balik",
            text=comment.body[:300],
            url=_detail_url(feedback) + "#tanggapan",
        )
    return comment
