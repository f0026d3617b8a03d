"""What the dialogue services share: the length limits, `ActionDraft`, `moment_id`, the
checks that raise (refusal, field errors), the audit snapshots, the plan a dialogue hangs on, and
adding one agreed action (checked by `_action_errors`, written by `_action_create`), which both
recording a dialogue and adding an action afterwards do."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import refuse
from kinerja.audit.services import audit_record
from kinerja.core.templatetags.kinerja_ui import datetime_id
from kinerja.monitoring.dialogue_permissions import dialogue_lead_refusal
from kinerja.monitoring.models import DialogueAction, DialogueKind, PerformanceDialogue
from kinerja.people.holdings import employee_id_for_user, today
from kinerja.people.models import Employee
from kinerja.periods.selectors import period_current
from kinerja.planning.models import PerformancePlan
from kinerja.scoring.formatting import format_date_id

Errors = dict[str, list[str]]

AGENDA_MAX = 4000
NOTES_MAX = 10000
PLACE_MAX = 200
ACTION_MAX = 500
ACTIONS_MAX = 20
DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


@dataclass(frozen=True)
class ActionDraft:
    """An action agreed while recording a dialogue: text, owner (one of the parties), due date."""

    text: str
    owner: Employee | int
    due_date: date


def moment_id(value: datetime) -> str:
    """`Senin, 7 Desember 2026 pukul 09.00 WIB` (Asia/Jakarta, the project's time zone)."""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{DAY_NAMES[local.weekday()]}, {datetime_id(local)} WIB"


def _aware(value: datetime) -> datetime:
    return value if timezone.is_aware(value) else timezone.make_aware(value)


def _raise(errors: Errors) -> None:
    if errors:
        raise ValidationError(errors)


def _text_errors(
    value: str, *, field: str, label: str, max_length: int, required: bool = False
) -> Errors:
    text = value.strip()
    if required and not text:
        return {field: [f"{label} kosong tidak diterima: tuliskan {label.lower()}."]}
    if len(text) > max_length:
        return {
            field: [
                f"{label} sepanjang {len(text)} karakter tidak diterima: paling banyak "
                f"{max_length} karakter."
            ]
        }
    return {}


def _kind_errors(kind: str) -> Errors:
    if kind in DialogueKind.values:
        return {}
    accepted = ", ".join(f"{value} ({label})" for value, label in DialogueKind.choices)
    return {"kind": [f"Jenis dialog “{kind}” tidak dikenal; pilih salah satu: {accepted}."]}


def _snapshot(dialogue: PerformanceDialogue) -> dict[str, Any]:
    return {
        "employee_id": dialogue.employee_id,
        "kind": dialogue.kind,
        "state": dialogue.state,
        "scheduled_at": dialogue.scheduled_at.isoformat() if dialogue.scheduled_at else None,
        "held_at": dialogue.held_at.isoformat() if dialogue.held_at else None,
        "place": dialogue.place,
        "agenda": dialogue.agenda,
        "notes": dialogue.notes,
    }


def _action_snapshot(action: DialogueAction) -> dict[str, Any]:
    return {
        "text": action.text,
        "owner_id": action.owner_id,
        "due_date": action.due_date.isoformat(),
        "done_at": action.done_at.isoformat() if action.done_at else None,
        "done_note": action.done_note,
    }


def _plan_for(employee_id: int, day: date) -> PerformancePlan | None:
    """The employee's plan of the period covering `day` (the latest post's), if any."""
    period = period_current(day=day)
    if period is None:
        return None
    return (
        PerformancePlan.objects.filter(employee_id=employee_id, period=period)
        .order_by("-start_date", "-pk")
        .first()
    )


def _lead(actor: Actor, employee: Employee) -> int:
    """The actor's employee id once they may lead a dialogue with `employee` (403 otherwise)."""
    refuse(dialogue_lead_refusal(actor, employee))
    me = employee_id_for_user(actor)
    assert me is not None  # the refusal above is NOT_LEAD without an employee record
    return me


def _detail_url(dialogue: PerformanceDialogue) -> str:
    return reverse("monitoring:dialogue_detail", kwargs={"dialogue_id": dialogue.pk})


def _names(*employee_ids: int) -> dict[int, str]:
    return {e.pk: e.full_name for e in Employee.objects.filter(pk__in=employee_ids)}


def _action_errors(
    text: str, owner: Employee | int, due_date: date, party_ids: tuple[int, int]
) -> Errors:
    errors = _text_errors(
        text, field="text", label="Tindak lanjut", max_length=ACTION_MAX, required=True
    )
    owner_id = owner if isinstance(owner, int) else owner.pk
    if owner_id not in party_ids:
        names = _names(*party_ids)
        errors["owner"] = [
            f"Penanggung jawab (pegawai id {owner_id}) bukan pihak dialog ini; pilih pegawai "
            f"({names.get(party_ids[0], '')}) atau pejabat penilai ({names.get(party_ids[1], '')})."
        ]
    if due_date < today():
        errors["due_date"] = [
            f"Batas waktu {format_date_id(due_date)} sudah lewat; isi hari ini "
            f"({format_date_id(today())}) atau sesudahnya."
        ]
    return errors


def _action_create(
    actor: Actor, dialogue: PerformanceDialogue, draft: ActionDraft
) -> DialogueAction:
    action = DialogueAction.objects.create(
        dialogue=dialogue,
        text=draft.text.strip(),
        owner_id=draft.owner if isinstance(draft.owner, int) else draft.owner.pk,
        due_date=draft.due_date,
    )
    audit_record(
        actor=actor, action="dialogue_action.added", obj=action, after=_action_snapshot(action)
    )
    return action
