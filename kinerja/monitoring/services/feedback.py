"""Continuous feedback: giving it, asking for it, declining or withdrawing a request, and the
reply thread under a feedback (`kinerja.discussions`). Who may do what is in
`kinerja.monitoring.feedback_permissions`; each service checks it, validates, then writes, audits
and notifies in one transaction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.audit.services import audit_record
from kinerja.discussions.models import Comment
from kinerja.discussions.services import comment_add
from kinerja.monitoring.feedback_permissions import (
    NO_EMPLOYEE,
    feedback_give_refusal,
    feedback_reply_refusal,
    feedback_request_answer_refusal,
    feedback_request_create_refusal,
    feedback_request_withdraw_refusal,
)
from kinerja.monitoring.models import (
    Competency,
    Feedback,
    FeedbackRequest,
    FeedbackRequestState,
    FeedbackSubject,
    FeedbackTag,
)
from kinerja.notifications.models import NotificationKind
from kinerja.notifications.services import notify
from kinerja.people.holdings import employee_id_for_user
from kinerja.people.models import Employee
from kinerja.periods.selectors import period_current
from kinerja.planning.models import PlannedResult
from kinerja.planning.selectors import core_value_codes, core_values

TEXT_MIN = 20
"""The shortest feedback accepted, in characters (after surrounding spaces are removed)."""
TEXT_MAX = 4000
MESSAGE_MAX = 2000
REASON_MIN = 10

RATING_WORDS = frozenset(
    {
        "bagus",
        "baik",
        "oke",
        "ok",
        "mantap",
        "hebat",
        "keren",
        "sip",
        "top",
        "jelek",
        "buruk",
        "kurang",
        "cukup",
        "lumayan",
        "memuaskan",
        "luar",
        "biasa",
        "sangat",
        "sekali",
        "amat",
        "banget",
        "sudah",
        "kerja",
        "pekerjaan",
        "anda",
        "kamu",
        "good",
        "great",
        "nice",
        "bad",
        "excellent",
        "istimewa",
        "sempurna",
        "parah",
        "payah",
        "lemah",
        "tidak",
        "terlalu",
        "lebih",
        "dan",
        "the",
        "job",
    }
)
"""Words that rate without describing: a feedback made only of these says nothing to act on."""


def _required_text(field: str, label: str, value: str, *, minimum: int, maximum: int) -> str:
    text = value.strip()
    if len(text) < minimum:
        raise ValidationError(
            {
                field: [
                    f"{label} {len(text)} karakter terlalu pendek: tulis paling sedikit "
                    f"{minimum} karakter."
                ]
            }
        )
    if len(text) > maximum:
        raise ValidationError(
            {field: [f"{label} {len(text)} karakter terlalu panjang: paling banyak {maximum}."]}
        )
    return text


def _optional_text(field: str, label: str, value: str, *, maximum: int = TEXT_MAX) -> str:
    text = value.strip()
    if len(text) > maximum:
        raise ValidationError(
            {field: [f"{label} {len(text)} karakter terlalu panjang: paling banyak {maximum}."]}
        )
    return text


def feedback_text_clean(text: str) -> str:
    """The feedback text, refused when too short or when it only rates ("bagus sekali")."""
    cleaned = _required_text("text", "Umpan balik", text, minimum=TEXT_MIN, maximum=TEXT_MAX)
    words = re.findall(r"[a-z]+", cleaned.lower())
    if all(word in RATING_WORDS for word in words):
        raise ValidationError(
            {
                "text": [
                    f"Umpan balik “{cleaned[:60]}” hanya berisi penilaian: jelaskan apa yang "
                    "dilakukan pegawai, kapan, dan apa dampaknya."
                ]
            }
        )
    return cleaned


def feedback_topic_clean(
    *,
    employee: Employee,
    subject: str,
    result: PlannedResult | None,
    core_value: str,
) -> tuple[PlannedResult | None, str]:
    """What the feedback or request is about: a result of the employee's plan in the current
    period, a BerAKHLAK core value, or work in general. Returns (result, core value code)."""
    if subject not in FeedbackSubject.values:
        accepted = ", ".join(FeedbackSubject.values)
        raise ValidationError({"subject": [f"Topik “{subject}” tidak dikenal; pilih {accepted}."]})
    if subject == FeedbackSubject.RESULT:
        period = period_current()
        if result is None:
            raise ValidationError(
                {"result": ["Hasil kerja (RHK) belum dipilih: pilih RHK yang dimaksud."]}
            )
        plan = result.plan
        if plan.employee_id != employee.pk or period is None or plan.period_id != period.pk:
            raise ValidationError(
                {
                    "result": [
                        f"Hasil kerja (RHK) “{result.text[:80]}” bukan hasil kerja SKP "
                        f"{employee.full_name} "
                        "pada periode berjalan."
                    ]
                }
            )
        return result, ""
    if subject == FeedbackSubject.CORE_VALUE:
        if core_value not in core_value_codes():
            accepted = ", ".join(v.name for v in core_values())
            raise ValidationError(
                {"core_value": [f"Nilai dasar “{core_value}” tidak dikenal; pilih {accepted}."]}
            )
        return None, core_value
    return None, ""


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


def _require(refusal: str | None) -> None:
    if refusal:
        raise PermissionDenied(refusal)


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
    _require(feedback_give_refusal(actor, employee, request))
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
            _require(feedback_request_answer_refusal(actor, request))
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
    _require(feedback_request_create_refusal(actor, asked))
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
    _require(feedback_request_answer_refusal(actor, request))
    cleaned = _required_text(
        "reason", "Alasan menolak", reason, minimum=REASON_MIN, maximum=MESSAGE_MAX
    )
    with transaction.atomic():
        request = FeedbackRequest.objects.select_for_update().get(pk=request.pk)
        _require(feedback_request_answer_refusal(actor, request))
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
    _require(feedback_request_withdraw_refusal(actor, request))
    with transaction.atomic():
        request = FeedbackRequest.objects.select_for_update().get(pk=request.pk)
        _require(feedback_request_withdraw_refusal(actor, request))
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


def feedback_reply(*, actor: Actor, feedback: Feedback, text: str) -> Comment:
    """The employee or the author writes in the feedback's thread [feedback.replied]; the other
    side is notified (FEEDBACK_REPLIED)."""
    _require(feedback_reply_refusal(actor, feedback))
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
