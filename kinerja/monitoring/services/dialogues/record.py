"""Record a dialogue that took place, a scheduled one or a new one, with the actions agreed
in it; the employee is notified with those actions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import refuse
from kinerja.audit.services import audit_record
from kinerja.monitoring.dialogue_permissions import dialogue_scheduled_refusal
from kinerja.monitoring.models import (
    DialogueAction,
    DialogueKind,
    DialogueState,
    PerformanceDialogue,
)
from kinerja.monitoring.services.dialogues.common import (
    ACTIONS_MAX,
    AGENDA_MAX,
    NOTES_MAX,
    PLACE_MAX,
    ActionDraft,
    Errors,
    _action_create,
    _action_errors,
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
from kinerja.scoring.formatting import format_date_id


def _actions_errors(
    drafts: Sequence[ActionDraft], party_ids: tuple[int, int], *, field: str = "actions"
) -> Errors:
    errors: Errors = {}
    if len(drafts) > ACTIONS_MAX:
        return {
            field: [f"{len(drafts)} tindak lanjut terlalu banyak; paling banyak {ACTIONS_MAX}."]
        }
    for number, draft in enumerate(drafts, start=1):
        found = _action_errors(draft.text, draft.owner, draft.due_date, party_ids)
        for messages in found.values():
            errors.setdefault(field, []).extend(f"Tindak lanjut {number}: {m}" for m in messages)
    return errors


def _held_errors(held_at: datetime, notes: str) -> Errors:
    errors = _text_errors(
        notes, field="notes", label="Catatan", max_length=NOTES_MAX, required=True
    )
    if held_at > timezone.now():
        errors["held_at"] = [
            f"Waktu pelaksanaan {moment_id(held_at)} belum tiba; dialog dicatat setelah "
            "dilaksanakan (untuk waktu yang akan datang, jadwalkan dialog)."
        ]
    return errors


def dialogue_record(
    *,
    actor: Actor,
    held_at: datetime,
    notes: str,
    dialogue: PerformanceDialogue | None = None,
    employee: Employee | None = None,
    kind: str = DialogueKind.CHECK_IN,
    agenda: str = "",
    place: str = "",
    actions: Sequence[ActionDraft] = (),
) -> PerformanceDialogue:
    """Record a dialogue that took place [dialogue.recorded], with the actions agreed in it
    [dialogue_action.added each]: either a scheduled `dialogue` (its appraiser only; `kind`,
    `agenda` and `place` are kept unless given) or a new one with `employee` (their appraiser
    or direct supervisor). `held_at` not in the future, notes required. The employee is
    notified with the agreed actions."""
    if (dialogue is None) == (employee is None):
        raise ValueError("dialogue_record: give either dialogue or employee, not both.")
    held_at = _aware(held_at)
    before: dict[str, Any] | None = None
    if dialogue is not None:
        refuse(dialogue_scheduled_refusal(actor, dialogue, "dicatat"))
        employee_id, appraiser_id = dialogue.employee_id, dialogue.appraiser_id
        errors = _held_errors(held_at, notes)
        errors |= _text_errors(agenda, field="agenda", label="Agenda", max_length=AGENDA_MAX)
        errors |= _text_errors(place, field="place", label="Tempat", max_length=PLACE_MAX)
    else:
        assert employee is not None
        appraiser_id = _lead(actor, employee)
        employee_id = employee.pk
        errors = {
            **_kind_errors(kind),
            **_held_errors(held_at, notes),
            **_text_errors(agenda, field="agenda", label="Agenda", max_length=AGENDA_MAX),
            **_text_errors(place, field="place", label="Tempat", max_length=PLACE_MAX),
        }
    errors |= _actions_errors(actions, (employee_id, appraiser_id))
    _raise(errors)
    with transaction.atomic():
        if dialogue is not None:
            dialogue = PerformanceDialogue.objects.select_for_update().get(pk=dialogue.pk)
            refuse(dialogue_scheduled_refusal(actor, dialogue, "dicatat"))
            before = _snapshot(dialogue)
            if agenda.strip():
                dialogue.agenda = agenda.strip()
            if place.strip():
                dialogue.place = place.strip()
            if dialogue.plan_id is None:
                dialogue.plan = _plan_for(employee_id, timezone.localtime(held_at).date())
        else:
            dialogue = PerformanceDialogue(
                employee_id=employee_id,
                appraiser_id=appraiser_id,
                plan=_plan_for(employee_id, timezone.localtime(held_at).date()),
                kind=kind,
                scheduled_at=held_at,
                agenda=agenda.strip(),
                place=place.strip(),
                created_by=actor,
            )
        dialogue.state = DialogueState.DONE
        dialogue.held_at = held_at
        dialogue.notes = notes.strip()
        dialogue.save()
        audit_record(
            actor=actor,
            action="dialogue.recorded",
            obj=dialogue,
            before=before,
            after=_snapshot(dialogue),
        )
        added = [_action_create(actor, dialogue, draft) for draft in actions]
        _notify_recorded(dialogue, added)
    return dialogue


def _notify_recorded(dialogue: PerformanceDialogue, actions: list[DialogueAction]) -> None:
    names = _names(dialogue.employee_id, dialogue.appraiser_id)
    held = dialogue.held_at or dialogue.scheduled_at
    lines = [
        f"{names.get(dialogue.appraiser_id, '')} mencatat {dialogue.get_kind_display().lower()} "
        f"pada {moment_id(held)}."
    ]
    if actions:
        lines.append("Tindak lanjut yang disepakati:")
        lines += [
            f"- {a.text} (penanggung jawab: {names.get(a.owner_id, '')}; batas waktu "
            f"{format_date_id(a.due_date)})"
            for a in actions
        ]
    else:
        lines.append("Belum ada tindak lanjut yang dicatat.")
    if dialogue.kind == DialogueKind.COACHING:
        lines.append("Mohon isi umpan balik bimbingan pada halaman dialog.")
    employee_user = Employee.objects.filter(pk=dialogue.employee_id).values_list(
        "user_id", flat=True
    )[0]
    notify(
        recipient_ids=[employee_user],
        kind=NotificationKind.DIALOGUE_RECORDED,
        title=f"{dialogue.get_kind_display()} {format_date_id(timezone.localtime(held).date())} "
        "dicatat",
        text="\n".join(lines),
        url=_detail_url(dialogue),
    )
