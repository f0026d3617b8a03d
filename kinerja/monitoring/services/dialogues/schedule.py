"""Schedule a dialogue at a future time, edit a dialogue (moving a scheduled one to another
time) and cancel a scheduled one with a reason; the employee is told of each."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import refuse
from kinerja.audit.services import audit_record
from kinerja.monitoring.dialogue_permissions import (
    dialogue_change_refusal,
    dialogue_scheduled_refusal,
)
from kinerja.monitoring.models import DialogueState, PerformanceDialogue
from kinerja.monitoring.services.dialogues.common import (
    AGENDA_MAX,
    NOTES_MAX,
    PLACE_MAX,
    Errors,
    _aware,
    _detail_url,
    _kind_errors,
    _lead,
    _names,
    _plan_for,
    _raise,
    _snapshot,
    _text_errors,
    moment_id,
)
from kinerja.notifications.models import NotificationKind
from kinerja.notifications.services import notify
from kinerja.people.models import Employee


def dialogue_schedule(
    *,
    actor: Actor,
    employee: Employee,
    kind: str,
    scheduled_at: datetime,
    place: str = "",
    agenda: str = "",
) -> PerformanceDialogue:
    """Schedule a dialogue with `employee` at a future time [dialogue.scheduled]: their
    appraiser or direct supervisor only. The employee is notified with the day and the time."""
    appraiser_id = _lead(actor, employee)
    scheduled_at = _aware(scheduled_at)
    errors: Errors = {
        **_kind_errors(kind),
        **_text_errors(place, field="place", label="Tempat", max_length=PLACE_MAX),
        **_text_errors(agenda, field="agenda", label="Agenda", max_length=AGENDA_MAX),
    }
    if scheduled_at <= timezone.now():
        errors["scheduled_at"] = [
            f"Waktu dialog {moment_id(scheduled_at)} sudah lewat; jadwalkan pada waktu yang akan "
            "datang, atau catat dialog yang sudah dilaksanakan."
        ]
    _raise(errors)
    with transaction.atomic():
        dialogue = PerformanceDialogue.objects.create(
            employee=employee,
            appraiser_id=appraiser_id,
            plan=_plan_for(employee.pk, timezone.localtime(scheduled_at).date()),
            kind=kind,
            state=DialogueState.SCHEDULED,
            scheduled_at=scheduled_at,
            place=place.strip(),
            agenda=agenda.strip(),
            created_by=actor,
        )
        audit_record(
            actor=actor, action="dialogue.scheduled", obj=dialogue, after=_snapshot(dialogue)
        )
        lines = [
            f"{_names(appraiser_id)[appraiser_id]} mengajak Anda berdialog pada "
            f"{moment_id(scheduled_at)}."
        ]
        if dialogue.place:
            lines.append(f"Tempat: {dialogue.place}.")
        if dialogue.agenda:
            lines.append(f"Agenda: {dialogue.agenda}")
        notify(
            recipient_ids=[employee.user_id],
            kind=NotificationKind.DIALOGUE_SCHEDULED,
            title=f"{dialogue.get_kind_display()} dijadwalkan {moment_id(scheduled_at)}",
            text="\n".join(lines),
            url=_detail_url(dialogue),
        )
    return dialogue


def dialogue_update(
    *,
    actor: Actor,
    dialogue: PerformanceDialogue,
    agenda: str,
    place: str,
    notes: str = "",
    scheduled_at: datetime | None = None,
) -> PerformanceDialogue:
    """Edit a dialogue's agenda, place and notes [dialogue.updated]: its appraiser, unless
    cancelled. A scheduled one may move to another future time (`scheduled_at`); a recorded
    one keeps its notes required."""
    refuse(dialogue_change_refusal(actor, dialogue))
    errors = {
        **_text_errors(agenda, field="agenda", label="Agenda", max_length=AGENDA_MAX),
        **_text_errors(place, field="place", label="Tempat", max_length=PLACE_MAX),
        **_text_errors(
            notes,
            field="notes",
            label="Catatan",
            max_length=NOTES_MAX,
            required=dialogue.state == DialogueState.DONE,
        ),
    }
    if scheduled_at is not None:
        scheduled_at = _aware(scheduled_at)
        if dialogue.state != DialogueState.SCHEDULED:
            if scheduled_at != dialogue.scheduled_at:
                errors["scheduled_at"] = [
                    "Waktu dialog yang sudah dicatat tidak dapat dipindah; ubah catatannya saja."
                ]
        elif scheduled_at <= timezone.now():
            errors["scheduled_at"] = [
                f"Waktu dialog {moment_id(scheduled_at)} sudah lewat; pilih waktu yang akan datang."
            ]
    _raise(errors)
    with transaction.atomic():
        dialogue = PerformanceDialogue.objects.select_for_update().get(pk=dialogue.pk)
        refuse(dialogue_change_refusal(actor, dialogue))
        before = _snapshot(dialogue)
        moved = (
            scheduled_at is not None
            and dialogue.state == DialogueState.SCHEDULED
            and scheduled_at != dialogue.scheduled_at
        )
        dialogue.agenda = agenda.strip()
        dialogue.place = place.strip()
        dialogue.notes = notes.strip()
        if moved:
            assert scheduled_at is not None
            dialogue.scheduled_at = scheduled_at
        dialogue.save()
        audit_record(
            actor=actor,
            action="dialogue.updated",
            obj=dialogue,
            before=before,
            after=_snapshot(dialogue),
        )
        if moved:
            notify(
                recipient_ids=[dialogue.employee.user_id],
                kind=NotificationKind.DIALOGUE_SCHEDULED,
                title=f"{dialogue.get_kind_display()} dipindah ke "
                f"{moment_id(dialogue.scheduled_at)}",
                text=f"Dialog dijadwalkan ulang pada {moment_id(dialogue.scheduled_at)}.",
                url=_detail_url(dialogue),
            )
    return dialogue


def dialogue_cancel(
    *, actor: Actor, dialogue: PerformanceDialogue, reason: str
) -> PerformanceDialogue:
    """Cancel a scheduled dialogue with a reason [dialogue.cancelled]: its appraiser only. The
    reason is kept in the dialogue's notes (a cancelled dialogue has no other notes) and sent to
    the employee."""
    refuse(dialogue_scheduled_refusal(actor, dialogue, "dibatalkan"))
    _raise(
        _text_errors(reason, field="reason", label="Alasan", max_length=AGENDA_MAX, required=True)
    )
    with transaction.atomic():
        dialogue = PerformanceDialogue.objects.select_for_update().get(pk=dialogue.pk)
        refuse(dialogue_scheduled_refusal(actor, dialogue, "dibatalkan"))
        before = _snapshot(dialogue)
        dialogue.state = DialogueState.CANCELLED
        dialogue.notes = reason.strip()
        dialogue.save(update_fields=["state", "notes", "updated_at"])
        audit_record(
            actor=actor,
            action="dialogue.cancelled",
            obj=dialogue,
            before=before,
            after=_snapshot(dialogue) | {"reason": reason.strip()},
        )
        notify(
            recipient_ids=[dialogue.employee.user_id],
            kind=NotificationKind.DIALOGUE_CANCELLED,
            title=f"{dialogue.get_kind_display()} {moment_id(dialogue.scheduled_at)} dibatalkan",
            text=f"Alasan: {reason.strip()}",
            url=_detail_url(dialogue),
        )
    return dialogue
