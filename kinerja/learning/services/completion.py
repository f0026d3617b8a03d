"""Completion of an activity: the employee records it with a certificate and JP; the appraiser
confirms (the JP count) or refuses with a reason.

A certificate goes through monitoring's evidence rules: checked by content
(`evidence_file_check`), stored under an unguessable name in the "evidence" storage (named
under the development plan's id), its SHA-256 recorded; nothing is stored before the checks
pass, and a stored file is deleted if its transaction does not commit."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.audit.services import audit_record
from kinerja.learning.models import DevelopmentItem, ItemSource, ItemState, PlanState
from kinerja.learning.permissions import (
    NOT_APPRAISER,
    NOT_OWNER,
    can_view_development_plan,
    is_plan_appraiser,
    is_plan_employee,
)
from kinerja.learning.rules import (
    JP_MIN,
    PROOF_BY_DIALOGUE,
    TEXT_MAX,
    jp_errors,
    text_errors,
)
from kinerja.learning.services.common import (
    Errors,
    appraiser_user_ids,
    item_locked,
    item_snapshot,
    plan_notify,
    raise_errors,
)
from kinerja.learning.services.plans import jp_text
from kinerja.monitoring.evidence.content import evidence_file_check
from kinerja.monitoring.evidence.storage import (
    stored_file_delete,
    stored_file_open,
    stored_file_save,
)
from kinerja.notifications.models import NotificationKind
from kinerja.people.holdings import employee_user_ids
from kinerja.scoring.formatting import format_date_id

NOT_VIEWER = "Anda tidak berwenang melihat rencana pengembangan ini."


def plan_certificate_bytes(plan_id: int) -> int:
    """What the plan's certificates take in storage."""
    total = DevelopmentItem.objects.filter(plan_id=plan_id).aggregate(
        total=Sum("certificate_size")
    )["total"]
    return int(total or 0)


def _item_state_refusal(item: DevelopmentItem, allowed: tuple[str, ...], doing: str) -> None:
    if item.state not in allowed:
        names = " atau ".join(str(ItemState(s).label) for s in allowed)
        raise ValidationError(
            {
                "item": [
                    f"“{item.title}” berstatus {item.get_state_display()}; {doing} hanya dapat "
                    f"dilakukan ketika berstatus {names}."
                ]
            }
        )


def _complete_refusals(item: DevelopmentItem) -> None:
    if item.plan.state != PlanState.AGREED:
        raise ValidationError(
            {
                "plan": [
                    f"Rencana pengembangan berstatus {item.plan.get_state_display()}; penyelesaian "
                    "kegiatan dicatat setelah rencana Disepakati."
                ]
            }
        )
    _item_state_refusal(item, (ItemState.PLANNED, ItemState.REJECTED), "pencatatan selesai")


def development_item_complete(
    *,
    actor: Actor,
    item: DevelopmentItem,
    completed_on: date,
    jp_earned: Decimal,
    certificate: UploadedFile | None,
) -> DevelopmentItem:
    """The employee records completion PLANNED/REJECTED → COMPLETED [development_item.completed]
    of an item of an AGREED plan, with a certificate file through monitoring's evidence rules
    (`kinerja.monitoring.evidence.content.evidence_file_check`, stored by
    `kinerja.monitoring.evidence.storage`; required except for COACHING/MENTORING items, whose
    dialogue is the proof) and the JP earned (0,5 to `JP_MAX`); completed_on not in the future.
    The appraiser is told (DEVELOPMENT_ITEM_COMPLETED)."""
    plan = item.plan
    if not is_plan_employee(actor, plan):
        raise PermissionDenied(NOT_OWNER)
    _complete_refusals(item)
    minimum = Decimal(0) if item.source == ItemSource.COACHING else JP_MIN
    errors: Errors = dict(jp_errors("jp_earned", "JP diperoleh", jp_earned, minimum=minimum))
    today = timezone.localdate()
    if completed_on > today:
        errors["completed_on"] = [
            f"Tanggal selesai {format_date_id(completed_on)} belum terjadi; isi tanggal hari ini "
            "atau sebelumnya."
        ]
    check = None
    if certificate is None:
        if item.kind not in PROOF_BY_DIALOGUE:
            errors["certificate"] = [
                f"Unggah sertifikat atau bukti penyelesaian “{item.title}” (PDF atau gambar); "
                "hanya coaching dan mentoring yang dibuktikan dengan dialognya."
            ]
    else:
        check = evidence_file_check(
            file=certificate,
            name=certificate.name or "",
            plan_used_bytes=plan_certificate_bytes(plan.pk),
            max_file_bytes=settings.EVIDENCE_MAX_FILE_BYTES,
            max_plan_bytes=settings.EVIDENCE_MAX_PLAN_BYTES,
        )
        if check.errors:
            errors["certificate"] = check.errors
    raise_errors(errors)
    stored_name = stored_file_save(plan_id=plan.pk, file=certificate) if certificate else ""
    try:
        with transaction.atomic():
            item = item_locked(item)
            _complete_refusals(item)
            before = item_snapshot(item)
            replaced = item.certificate_name if check is not None else ""
            item.state = ItemState.COMPLETED
            item.completed_on = completed_on
            item.jp_earned = jp_earned
            item.reject_reason = ""
            if check is not None:
                item.certificate_name = stored_name
                item.certificate_original_name = check.name[:150]
                item.certificate_content_type = check.content_type
                item.certificate_size = check.reading.size
                item.certificate_sha256 = check.reading.sha256
            item.save()
            audit_record(
                actor=actor,
                action="development_item.completed",
                obj=item,
                before=before,
                after=item_snapshot(item),
            )
            plan_notify(
                item.plan,
                recipient_ids=appraiser_user_ids(item.plan),
                kind=NotificationKind.DEVELOPMENT_ITEM_COMPLETED,
                title=f"{item.plan.employee.full_name} menyelesaikan “{item.title}”",
                text=(
                    f"Selesai {format_date_id(completed_on)}, {jp_text(jp_earned)} JP. "
                    "Konfirmasi agar JP-nya terhitung, atau tolak dengan alasan."
                ),
            )
            if replaced:
                transaction.on_commit(lambda: stored_file_delete(replaced))
    except BaseException:
        stored_file_delete(stored_name)
        raise
    return item


def _require_appraiser(actor: Actor, item: DevelopmentItem) -> None:
    if not is_plan_appraiser(actor, item.plan):
        raise PermissionDenied(NOT_APPRAISER)


def development_item_confirm(*, actor: Actor, item: DevelopmentItem) -> DevelopmentItem:
    """The appraiser confirms COMPLETED → CONFIRMED [development_item.confirmed]: the JP count
    toward the year of `completed_on`. The employee is told."""
    _require_appraiser(actor, item)
    with transaction.atomic():
        item = item_locked(item)
        _item_state_refusal(item, (ItemState.COMPLETED,), "konfirmasi")
        before = item_snapshot(item)
        item.state = ItemState.CONFIRMED
        item.confirmed_at = timezone.now()
        item.confirmed_by = actor
        item.save(update_fields=["state", "confirmed_at", "confirmed_by", "updated_at"])
        audit_record(
            actor=actor,
            action="development_item.confirmed",
            obj=item,
            before=before,
            after=item_snapshot(item),
        )
        assert item.completed_on is not None
        assert item.jp_earned is not None
        plan_notify(
            item.plan,
            recipient_ids=employee_user_ids([item.plan.employee_id]),
            kind=NotificationKind.DEVELOPMENT_ITEM_CONFIRMED,
            title=f"“{item.title}” dikonfirmasi",
            text=(f"{jp_text(item.jp_earned)} JP terhitung untuk tahun {item.completed_on.year}."),
        )
    return item


def development_item_reject(*, actor: Actor, item: DevelopmentItem, reason: str) -> DevelopmentItem:
    """The appraiser refuses the completion COMPLETED → REJECTED with a reason
    [development_item.rejected]; the employee is told and may record again."""
    _require_appraiser(actor, item)
    raise_errors(text_errors("reason", "Alasan penolakan", reason, max_length=TEXT_MAX))
    with transaction.atomic():
        item = item_locked(item)
        _item_state_refusal(item, (ItemState.COMPLETED,), "penolakan konfirmasi")
        before = item_snapshot(item)
        item.state = ItemState.REJECTED
        item.reject_reason = reason.strip()
        item.save(update_fields=["state", "reject_reason", "updated_at"])
        audit_record(
            actor=actor,
            action="development_item.rejected",
            obj=item,
            before=before,
            after=item_snapshot(item),
        )
        plan_notify(
            item.plan,
            recipient_ids=employee_user_ids([item.plan.employee_id]),
            kind=NotificationKind.DEVELOPMENT_ITEM_REJECTED,
            title=f"Konfirmasi “{item.title}” ditolak",
            text=f"Alasan pejabat penilai: {item.reject_reason} Catat ulang penyelesaiannya.",
        )
    return item


def development_certificate_open(*, actor: Actor, item: DevelopmentItem) -> File[bytes]:
    """The stored certificate for whoever may see the plan [development_certificate.downloaded]
    (403 unless `permissions.can_view_development_plan`; the selector has answered 404 before).
    An item without a certificate, or a stored file that is gone, raises `FileNotFoundError`
    (the view answers 404) and is not audited. The caller closes the file."""
    if actor is None or not can_view_development_plan(actor, item.plan):
        raise PermissionDenied(NOT_VIEWER)
    if not item.certificate_name:
        raise FileNotFoundError(f"“{item.title}” tidak memiliki sertifikat.")
    stored = stored_file_open(item.certificate_name)
    try:
        with transaction.atomic():
            audit_record(
                actor=actor,
                action="development_certificate.downloaded",
                obj=item,
                after={
                    "plan_id": item.plan_id,
                    "original_name": item.certificate_original_name,
                    "size": item.certificate_size,
                    "sha256": item.certificate_sha256,
                },
            )
    except BaseException:
        stored.close()
        raise
    return stored
