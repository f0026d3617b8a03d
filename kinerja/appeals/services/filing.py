"""Filing and withdrawing an objection.

Order of a filing: the right (403), then every input at once (the evaluation's refusal, the
subject, the texts, the files: count, each file's size and type by content, the total), then
the files are stored, then one transaction locks the evaluation, asks the refusal again (two
submits at once file one objection; the partial unique constraint catches the rest), writes
the objection, its attachments and the audit event, and notifies. A refusal at any step leaves
nothing behind: nothing is stored before the checks pass, and stored files are deleted if the
transaction does not commit.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.appeals.decider import objection_decider_for
from kinerja.appeals.models import (
    OPEN_STATES,
    Objection,
    ObjectionAttachment,
    ObjectionState,
    ObjectionSubject,
)
from kinerja.appeals.permissions import is_objection_employee, is_rated_employee
from kinerja.appeals.rules import (
    ATTACHMENT_MAX_BYTES,
    ATTACHMENTS_MAX,
    ATTACHMENTS_MAX_BYTES,
    NOT_EMPLOYEE,
    STATEMENT_MIN,
    TEXT_MAX,
    explanation_due,
    objection_file_refusal,
    text_errors,
)
from kinerja.appeals.services.common import (
    decider_user_ids,
    objection_locked,
    objection_notify,
    objection_snapshot,
)
from kinerja.audit.services import audit_record
from kinerja.evaluation.models import Evaluation
from kinerja.evaluation.rules import objection_deadline
from kinerja.monitoring.evidence.content import FileCheck, evidence_file_check, size_text
from kinerja.monitoring.evidence.storage import stored_file_delete, stored_file_save
from kinerja.notifications.models import NotificationKind
from kinerja.people.holdings import employee_user_ids, today
from kinerja.scoring.formatting import format_date_id

NOT_OBJECTION_EMPLOYEE = "Hanya pegawai yang mengajukan keberatan ini yang dapat mencabutnya."


def has_objection(evaluation_id: int) -> bool:
    """Whether the evaluation has an objection that counts (any but a withdrawn one)."""
    return (
        Objection.objects.filter(evaluation_id=evaluation_id)
        .exclude(state=ObjectionState.WITHDRAWN)
        .exists()
    )


def subject_errors(subject: str) -> dict[str, list[str]]:
    if subject in ObjectionSubject.values:
        return {}
    accepted = ", ".join(f"{value} ({label})" for value, label in ObjectionSubject.choices)
    return {
        "subject": [
            f"Yang diajukan keberatan {subject[:20]!r} tidak dikenal; pilih salah satu dari "
            f"{accepted}."
        ]
    }


def requested_errors(requested: str) -> dict[str, list[str]]:
    length = len(requested.strip())
    if length <= TEXT_MAX:
        return {}
    return {
        "requested": [
            f"Hasil yang diminta sepanjang {length} karakter terlalu panjang; paling banyak "
            f"{TEXT_MAX} karakter."
        ]
    }


def files_check(files: Sequence[UploadedFile]) -> tuple[list[FileCheck], list[str]]:
    """Every attachment checked (count, each file by `evidence_file_check`, then the total of
    all); returns the accepted checks and the sentences refusing them (empty when accepted)."""
    if len(files) > ATTACHMENTS_MAX:
        return [], [
            f"{len(files)} berkas dilampirkan; paling banyak {ATTACHMENTS_MAX} berkas per "
            "keberatan."
        ]
    checks: list[FileCheck] = []
    errors: list[str] = []
    for upload in files:
        check = evidence_file_check(
            file=upload,
            name=upload.name or "",
            plan_used_bytes=0,
            max_file_bytes=ATTACHMENT_MAX_BYTES,
            max_plan_bytes=ATTACHMENTS_MAX_BYTES,
        )
        errors += check.errors
        checks.append(check)
    if not errors:
        total = sum(check.reading.size for check in checks)
        if total > ATTACHMENTS_MAX_BYTES:
            errors.append(
                f"Lampiran seluruhnya berukuran {size_text(total)}; paling besar "
                f"{size_text(ATTACHMENTS_MAX_BYTES)} untuk semua lampiran satu keberatan."
            )
    return checks, errors


def objection_file(
    *,
    actor: Actor,
    evaluation: Evaluation,
    subject: str,
    statement: str,
    requested: str = "",
    files: Sequence[UploadedFile] = (),
) -> Objection:
    """The rated employee objects to an acknowledged evaluation [objection.filed].

    Refusals: 403 (`PermissionDenied(rules.NOT_EMPLOYEE)`) for anyone but the plan's employee;
    `ValidationError` keyed `evaluation` with `rules.objection_file_refusal` (not acknowledged,
    past the deadline, already objected); `subject` not one of `ObjectionSubject`; `statement`
    shorter than `STATEMENT_MIN` or longer than `TEXT_MAX`; `requested` longer than `TEXT_MAX`;
    `files`: more than `ATTACHMENTS_MAX`, each through
    `monitoring.evidence.content.evidence_file_check` (per file `ATTACHMENT_MAX_BYTES`, all
    together `ATTACHMENTS_MAX_BYTES`). Nothing is stored before every check passes; stored files
    are deleted if the transaction does not commit.

    In one transaction: the evaluation locked (`select_for_update`) and the checks asked again,
    the decider fixed (`decider.objection_decider_for`), the deadline stored, the attachments
    written, the audit event on the objection (subject, statement, requested, deadline,
    decider, attachments' names and SHA-256), and notifications: the appraiser asked for an
    explanation (OBJECTION_FILED) and the decider told (OBJECTION_FILED; every Pimpinan user
    but the one who set the evaluation for the Wali Kota's office).
    """
    if actor is None or not is_rated_employee(actor, evaluation):
        raise PermissionDenied(NOT_EMPLOYEE)
    errors: dict[str, list[str]] = {}
    refusal = objection_file_refusal(
        evaluation, day=today(), has_objection=has_objection(evaluation.pk)
    )
    if refusal:
        errors["evaluation"] = [refusal]
    errors |= subject_errors(subject)
    errors |= text_errors("statement", "alasan keberatan", statement, minimum=STATEMENT_MIN)
    errors |= requested_errors(requested)
    checks, file_errors = files_check(files)
    if file_errors:
        errors["files"] = file_errors
    if errors:
        raise ValidationError(errors)

    stored: list[str] = []
    try:
        for upload in files:
            stored.append(stored_file_save(plan_id=evaluation.plan_id, file=upload))
        with transaction.atomic():
            objection = _file_locked(
                actor=actor,
                evaluation_id=evaluation.pk,
                subject=subject,
                statement=statement.strip(),
                requested=requested.strip(),
                attachments=list(zip(checks, stored, strict=True)),
            )
    except IntegrityError as error:  # another submit filed one since the check
        for name in stored:
            stored_file_delete(name)
        refusal = objection_file_refusal(evaluation, day=today(), has_objection=True)
        raise ValidationError({"evaluation": [refusal or ""]}) from error
    except BaseException:
        for name in stored:
            stored_file_delete(name)
        raise
    return objection


def _file_locked(
    *,
    actor: Actor,
    evaluation_id: int,
    subject: str,
    statement: str,
    requested: str,
    attachments: list[tuple[FileCheck, str]],
) -> Objection:
    """The writing half of `objection_file`, inside its transaction."""
    evaluation = (
        Evaluation.objects.select_for_update(of=("self",))
        .select_related("plan__position", "plan__employee")
        .get(pk=evaluation_id)
    )
    refusal = objection_file_refusal(
        evaluation, day=today(), has_objection=has_objection(evaluation.pk)
    )
    if refusal:
        raise ValidationError({"evaluation": [refusal]})
    plan = evaluation.plan
    decider = objection_decider_for(evaluation)
    deadline = objection_deadline(evaluation)
    assert deadline is not None  # acknowledged, asked above
    objection = Objection.objects.create(
        evaluation=evaluation,
        employee_id=plan.employee_id,
        agency_id=plan.position.agency_id,
        unit_id=plan.position.unit_id,
        subject=subject,
        statement=statement,
        requested=requested,
        state=ObjectionState.FILED,
        filed_at=timezone.now(),
        deadline=deadline,
        appraiser_id=evaluation.appraiser_id,
        decider_id=decider.employee_id,
        decider_is_mayor=decider.is_mayor,
        decider_note=decider.note,
        results_before=evaluation.results_rating,
        behavior_before=evaluation.behavior_rating,
        predikat_before=evaluation.predikat,
    )
    rows = ObjectionAttachment.objects.bulk_create(
        ObjectionAttachment(
            objection=objection,
            stored_name=name,
            original_name=check.name[:150],
            content_type=check.content_type,
            size=check.reading.size,
            sha256=check.reading.sha256,
        )
        for check, name in attachments
    )
    audit_record(
        actor=actor,
        action="objection.filed",
        obj=objection,
        after={
            "evaluation_id": evaluation.pk,
            "subject": subject,
            "statement": statement,
            "requested": requested,
            "deadline": deadline.isoformat(),
            "appraiser_id": evaluation.appraiser_id,
            "decider_id": decider.employee_id,
            "decider_is_mayor": decider.is_mayor,
            "decider_note": decider.note,
            "attachments": [
                {"name": row.original_name, "size": row.size, "sha256": row.sha256} for row in rows
            ],
        },
    )
    name = plan.employee.name
    due = format_date_id(explanation_due(objection))
    subject_label = ObjectionSubject(subject).label.lower()
    if evaluation.appraiser_id is not None:
        objection_notify(
            objection=objection,
            recipient_ids=employee_user_ids([evaluation.appraiser_id]),
            kind=NotificationKind.OBJECTION_FILED,
            title=f"Keberatan {name}: penjelasan Anda diminta",
            text=(
                f"{name} mengajukan keberatan atas {subject_label} yang Anda tetapkan. Sebagai "
                f"pejabat penilai, berikan penjelasan paling lambat {due}."
            ),
        )
    objection_notify(
        objection=objection,
        recipient_ids=decider_user_ids(objection),
        kind=NotificationKind.OBJECTION_FILED,
        title=f"Keberatan {name} menunggu keputusan Anda",
        text=(
            f"{name} mengajukan keberatan atas {subject_label}. Anda atasan pejabat penilai "
            "yang memutus keberatan ini; keputusan dapat diambil setelah pejabat penilai "
            "memberi penjelasan atau batas penjelasan terlewati."
        ),
    )
    return objection


def objection_withdraw(*, actor: Actor, objection: Objection, reason: str = "") -> Objection:
    """The employee withdraws an open objection [objection.withdrawn]; the appraiser and the
    decider are told (OBJECTION_WITHDRAWN). Refused (403) to anyone else; `ValidationError`
    keyed `state` once decided or withdrawn; `reason` (optional) longer than `TEXT_MAX` keyed
    `reason`. A withdrawn objection frees the evaluation for a new one within the deadline."""
    if actor is None or not is_objection_employee(actor, objection):
        raise PermissionDenied(NOT_OBJECTION_EMPLOYEE)
    clean = reason.strip()
    if len(clean) > TEXT_MAX:
        raise ValidationError(
            {
                "reason": [
                    f"Alasan pencabutan sepanjang {len(clean)} karakter terlalu panjang; paling "
                    f"banyak {TEXT_MAX} karakter."
                ]
            }
        )
    with transaction.atomic():
        locked = objection_locked(objection)
        if locked.state not in OPEN_STATES:
            raise ValidationError(
                {
                    "state": [
                        f"Keberatan berstatus {locked.get_state_display()} tidak dapat dicabut; "
                        "pencabutan hanya sebelum keberatan diputus."
                    ]
                }
            )
        before = objection_snapshot(locked)
        locked.state = ObjectionState.WITHDRAWN
        locked.withdrawn_at = timezone.now()
        locked.withdrawn_reason = clean
        locked.save(update_fields=["state", "withdrawn_at", "withdrawn_reason", "updated_at"])
        audit_record(
            actor=actor,
            action="objection.withdrawn",
            obj=locked,
            before=before,
            after=objection_snapshot(locked),
        )
        name = locked.employee.name
        objection_notify(
            objection=locked,
            recipient_ids=[*employee_user_ids([locked.appraiser_id]), *decider_user_ids(locked)],
            kind=NotificationKind.OBJECTION_WITHDRAWN,
            title=f"Keberatan {name} dicabut",
            text=(
                f"{name} mencabut keberatannya"
                f"{f' dengan alasan: {clean}' if clean else ''}. Tidak ada yang perlu "
                "dilakukan lagi."
            ),
        )
    return locked
