"""The exchange between the parties: the appraiser's explanation and the employee's answer."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.appeals.models import Objection, ObjectionState
from kinerja.appeals.permissions import is_objection_appraiser, is_objection_employee
from kinerja.appeals.rules import NOT_APPRAISER, answer_due, decision_due, text_errors
from kinerja.appeals.services.common import (
    decider_user_ids,
    objection_locked,
    objection_notify,
    objection_snapshot,
)
from kinerja.audit.services import audit_record
from kinerja.notifications.models import NotificationKind
from kinerja.people.holdings import employee_user_ids
from kinerja.scoring.formatting import format_date_id

NOT_EMPLOYEE_ANSWER = (
    "Hanya pegawai yang mengajukan keberatan ini yang dapat menanggapi penjelasan."
)


def objection_explain(*, actor: Actor, objection: Objection, explanation: str) -> Objection:
    """The appraiser explains the rating [objection.explained]: FILED → EXPLAINED, the employee
    and the decider are told (OBJECTION_EXPLAINED). Refused: 403 unless
    `permissions.is_objection_appraiser`; `state` unless FILED (explained once; not after a
    decision or withdrawal); `explanation` empty or longer than `TEXT_MAX`."""
    if actor is None or not is_objection_appraiser(actor, objection):
        raise PermissionDenied(NOT_APPRAISER)
    errors = text_errors("explanation", "penjelasan pejabat penilai", explanation)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = objection_locked(objection)
        if locked.state != ObjectionState.FILED:
            raise ValidationError(
                {
                    "state": [
                        f"Keberatan berstatus {locked.get_state_display()} tidak dapat diberi "
                        "penjelasan; penjelasan diberikan sekali, selagi keberatan berstatus "
                        "Diajukan."
                    ]
                }
            )
        before = objection_snapshot(locked)
        locked.state = ObjectionState.EXPLAINED
        locked.explanation = explanation.strip()
        locked.explained_at = timezone.now()
        locked.explained_by = actor
        locked.save(
            update_fields=["state", "explanation", "explained_at", "explained_by", "updated_at"]
        )
        audit_record(
            actor=actor,
            action="objection.explained",
            obj=locked,
            before=before,
            after=objection_snapshot(locked),
        )
        name = locked.employee.name
        answer = answer_due(locked)
        assert answer is not None  # explained just now
        objection_notify(
            objection=locked,
            recipient_ids=employee_user_ids([locked.employee_id]),
            kind=NotificationKind.OBJECTION_EXPLAINED,
            title="Pejabat penilai menjelaskan penilaian yang Anda ajukan keberatan",
            text=(
                "Baca penjelasan pejabat penilai. Anda dapat menanggapinya sekali (tidak wajib) "
                f"sampai {format_date_id(answer)}."
            ),
        )
        objection_notify(
            objection=locked,
            recipient_ids=decider_user_ids(locked),
            kind=NotificationKind.OBJECTION_EXPLAINED,
            title=f"Keberatan {name} sudah dijelaskan pejabat penilai",
            text=(
                "Keberatan ini dapat Anda putus sekarang; batas keputusan "
                f"{format_date_id(decision_due(locked))}."
            ),
        )
    return locked


def objection_answer(*, actor: Actor, objection: Objection, answer: str) -> Objection:
    """The employee answers the explanation, once [objection.answered]; the decider is told
    (OBJECTION_ANSWERED). Refused: 403 unless the objection's employee; `state` unless
    EXPLAINED and not yet answered; `answer` empty or longer than `TEXT_MAX`."""
    if actor is None or not is_objection_employee(actor, objection):
        raise PermissionDenied(NOT_EMPLOYEE_ANSWER)
    errors = text_errors("answer", "tanggapan pegawai", answer)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = objection_locked(objection)
        if locked.state != ObjectionState.EXPLAINED or locked.answered_at is not None:
            sentence = (
                f"Keberatan berstatus {locked.get_state_display()} tidak dapat ditanggapi; "
                "tanggapan diberikan setelah pejabat penilai menjelaskan dan sebelum keberatan "
                "diputus."
                if locked.state != ObjectionState.EXPLAINED
                else "Penjelasan ini sudah Anda tanggapi; tanggapan hanya dapat diberikan sekali."
            )
            raise ValidationError({"state": [sentence]})
        before = objection_snapshot(locked)
        locked.answer = answer.strip()
        locked.answered_at = timezone.now()
        locked.save(update_fields=["answer", "answered_at", "updated_at"])
        audit_record(
            actor=actor,
            action="objection.answered",
            obj=locked,
            before=before,
            after=objection_snapshot(locked),
        )
        objection_notify(
            objection=locked,
            recipient_ids=decider_user_ids(locked),
            kind=NotificationKind.OBJECTION_ANSWERED,
            title=f"{locked.employee.name} menanggapi penjelasan pejabat penilai",
            text=(
                "Tanggapan pegawai sudah masuk; keberatan menunggu keputusan Anda sampai "
                f"{format_date_id(decision_due(locked))}."
            ),
        )
    return locked
