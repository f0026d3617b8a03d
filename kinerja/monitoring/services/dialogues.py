"""Performance dialogues: schedule, record (a scheduled one, or one that already took place),
update, cancel; agreed actions (add, done, reopen); the coaching feedback form.

Rights are asked of `kinerja.monitoring.dialogue_permissions`; every refusal names its field.
Each write is one transaction with its audit event and, where the employee must know, a
notification in the same transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.audit.services import audit_record
from kinerja.monitoring.dialogue_permissions import (
    coaching_feedback_refusal,
    dialogue_action_add_refusal,
    dialogue_action_mark_refusal,
    dialogue_change_refusal,
    dialogue_lead_refusal,
    dialogue_scheduled_refusal,
)
from kinerja.monitoring.models import (
    COACHING_ITEMS,
    CoachingFeedback,
    DialogueAction,
    DialogueKind,
    DialogueState,
    PerformanceDialogue,
)
from kinerja.notifications.models import NotificationKind
from kinerja.notifications.services import notify
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
ANSWER_LABELS = {
    1: "Sangat tidak setuju",
    2: "Tidak setuju",
    3: "Ragu-ragu",
    4: "Setuju",
    5: "Sangat setuju",
}
"""The five answers of every coaching feedback item, value first."""
COACHING_STATEMENTS = {
    "heard": "Saya merasa didengarkan selama bimbingan.",
    "appreciated": "Tindakan dan usaha saya dihargai.",
    "free_to_speak": "Saya bebas menyampaikan pendapat.",
    "accurate_data": "Pandangan atasan didasarkan pada data yang akurat.",
    "positive": "Pandangan atasan disampaikan secara positif.",
    "more_questions": "Atasan lebih banyak bertanya daripada menggurui.",
    "found_solutions": "Saya dibantu menemukan solusi.",
    "knows_next": "Saya tahu apa yang harus saya lakukan selanjutnya.",
    "understands_purpose": "Saya memahami tujuan bimbingan ini.",
}
"""The nine statements of the coaching feedback form (REGULATIONS.md), in `COACHING_ITEMS`
order; the employee answers each from 1 (sangat tidak setuju) to 5 (sangat setuju)."""


@dataclass(frozen=True)
class ActionDraft:
    """An action agreed while recording a dialogue: text, owner (one of the parties), due date."""

    text: str
    owner: Employee | int
    due_date: date


def moment_id(value: datetime) -> str:
    """`Senin, 7 Desember 2026 pukul 09.00 WIB` (Asia/Jakarta, the project's time zone)."""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{DAY_NAMES[local.weekday()]}, {format_date_id(local.date())} pukul {local:%H.%M} WIB"


def _aware(value: datetime) -> datetime:
    return value if timezone.is_aware(value) else timezone.make_aware(value)


def _raise(errors: Errors) -> None:
    if errors:
        raise ValidationError(errors)


def _require(refusal: str | None) -> None:
    if refusal:
        raise PermissionDenied(refusal)


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
    _require(dialogue_lead_refusal(actor, employee))
    me = employee_id_for_user(actor)
    assert me is not None  # the refusal above is NOT_LEAD without an employee record
    return me


def _detail_url(dialogue: PerformanceDialogue) -> str:
    return reverse("monitoring:dialogue_detail", kwargs={"dialogue_id": dialogue.pk})


def _names(*employee_ids: int) -> dict[int, str]:
    return {e.pk: e.full_name for e in Employee.objects.filter(pk__in=employee_ids)}


# --- schedule, record, update, cancel -----------------------------------------------------


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
        _require(dialogue_scheduled_refusal(actor, dialogue, "dicatat"))
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
            _require(dialogue_scheduled_refusal(actor, dialogue, "dicatat"))
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
    _require(dialogue_change_refusal(actor, dialogue))
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
        _require(dialogue_change_refusal(actor, dialogue))
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
    _require(dialogue_scheduled_refusal(actor, dialogue, "dibatalkan"))
    _raise(
        _text_errors(reason, field="reason", label="Alasan", max_length=AGENDA_MAX, required=True)
    )
    with transaction.atomic():
        dialogue = PerformanceDialogue.objects.select_for_update().get(pk=dialogue.pk)
        _require(dialogue_scheduled_refusal(actor, dialogue, "dibatalkan"))
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


# --- agreed actions -----------------------------------------------------------------------


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
    _require(dialogue_action_add_refusal(actor, dialogue))
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
    _require(dialogue_action_mark_refusal(actor, action))
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
    _require(dialogue_action_mark_refusal(actor, action))
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


# --- coaching feedback --------------------------------------------------------------------


def coaching_answers_errors(answers: Mapping[str, object]) -> Errors:
    """Every one of the nine items answered 1..5, nothing else; errors under each item's name
    (unknown names under `answers`)."""
    errors: Errors = {}
    accepted = "1 (Sangat tidak setuju) sampai 5 (Sangat setuju)"
    for item in COACHING_ITEMS:
        value = answers.get(item)
        statement = COACHING_STATEMENTS[item].rstrip(".")
        if value is None or value == "":
            errors[item] = [f"Butir “{statement}” belum dijawab; pilih {accepted}."]
        elif isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            errors[item] = [
                f"Jawaban “{value}” untuk butir “{statement}” tidak diterima; pilih {accepted}."
            ]
    unknown = sorted(set(answers) - set(COACHING_ITEMS))
    if unknown:
        errors["answers"] = [
            f"Butir {', '.join(unknown)} tidak ada pada formulir; butir yang dikenal: "
            f"{', '.join(COACHING_ITEMS)}."
        ]
    return errors


def coaching_feedback_submit(
    *,
    actor: Actor,
    dialogue: PerformanceDialogue,
    answers: Mapping[str, int],
    comment: str = "",
) -> CoachingFeedback:
    """The employee's 9-item feedback on a coaching dialogue that took place, once
    [coaching_feedback.submitted]."""
    _require(coaching_feedback_refusal(actor, dialogue))
    errors = coaching_answers_errors(answers)
    errors |= _text_errors(comment, field="comment", label="Komentar", max_length=AGENDA_MAX)
    _raise(errors)
    with transaction.atomic():
        PerformanceDialogue.objects.select_for_update().filter(pk=dialogue.pk).first()
        if CoachingFeedback.objects.filter(dialogue_id=dialogue.pk).exists():
            raise ValidationError(
                {"dialogue": ["Umpan balik bimbingan untuk dialog ini sudah diisi; hanya sekali."]}
            )
        feedback = CoachingFeedback.objects.create(
            dialogue=dialogue,
            comment=comment.strip(),
            **{item: int(answers[item]) for item in COACHING_ITEMS},
        )
        audit_record(
            actor=actor,
            action="coaching_feedback.submitted",
            obj=feedback,
            after={item: getattr(feedback, item) for item in COACHING_ITEMS}
            | {"comment": feedback.comment},
        )
    return feedback
