"""Agreed actions of a dialogue after it was recorded: add one, mark it done, reopen it."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import refuse
from kinerja.audit.services import audit_record
from kinerja.monitoring.dialogue_permissions import (
    dialogue_action_add_refusal,
    dialogue_action_mark_refusal,
)
from kinerja.monitoring.models import DialogueAction, PerformanceDialogue
from kinerja.monitoring.services.dialogues.common import (
    AGENDA_MAX,
    ActionDraft,
    _action_create,
    _action_errors,
    _action_snapshot,
    _raise,
    _text_errors,
)
from kinerja.people.models import Employee
from kinerja.scoring.formatting import format_date_id


def dialogue_action_add(
    *,
    actor: Actor,
    dialogue: PerformanceDialogue,
    text: str,
    owner: Employee | int,
    due_date: date,
) -> DialogueAction:
    """Add an agreed action [dialogue_action.added]: either party, on a dialogue not cancelled;
    the owner is one of the parties, the due date not in the past."""
    refuse(dialogue_action_add_refusal(actor, dialogue))
    _raise(_action_errors(text, owner, due_date, (dialogue.employee_id, dialogue.appraiser_id)))
    with transaction.atomic():
        return _action_create(
            actor, dialogue, ActionDraft(text=text, owner=owner, due_date=due_date)
        )


def _locked_action(action: DialogueAction) -> DialogueAction:
    return (
        DialogueAction.objects.select_for_update(of=("self",))
        .select_related("dialogue")
        .get(pk=action.pk)
    )


def dialogue_action_done(*, actor: Actor, action: DialogueAction, note: str = "") -> DialogueAction:
    """Mark an open action done, with an optional note [dialogue_action.done]: its owner or the
    dialogue's appraiser."""
    refuse(dialogue_action_mark_refusal(actor, action))
    _raise(_text_errors(note, field="note", label="Catatan", max_length=AGENDA_MAX))
    with transaction.atomic():
        action = _locked_action(action)
        if action.done_at is not None:
            raise ValidationError(
                {
                    "state": [
                        "Tindak lanjut ini sudah selesai sejak "
                        f"{format_date_id(timezone.localtime(action.done_at).date())}."
                    ]
                }
            )
        before = _action_snapshot(action)
        action.done_at = timezone.now()
        action.done_note = note.strip()
        action.save(update_fields=["done_at", "done_note", "updated_at"])
        audit_record(
            actor=actor,
            action="dialogue_action.done",
            obj=action,
            before=before,
            after=_action_snapshot(action),
        )
    return action


def dialogue_action_reopen(*, actor: Actor, action: DialogueAction) -> DialogueAction:
    """Reopen an action marked done [dialogue_action.reopened]: its owner or the dialogue's
    appraiser. The due date stays; an action past it shows as overdue again."""
    refuse(dialogue_action_mark_refusal(actor, action))
    with transaction.atomic():
        action = _locked_action(action)
        if action.done_at is None:
            raise ValidationError(
                {"state": ["Tindak lanjut ini belum selesai; tidak ada yang dibuka kembali."]}
            )
        before = _action_snapshot(action)
        action.done_at = None
        action.done_note = ""
        action.save(update_fields=["done_at", "done_note", "updated_at"])
        audit_record(
            actor=actor,
            action="dialogue_action.reopened",
            obj=action,
            before=before,
            after=_action_snapshot(action),
        )
    return action
