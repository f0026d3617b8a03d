"""Who may see and write performance dialogues, their agreed actions and the coaching feedback
form. Pages, the API and the services all ask here.

- lead (schedule, record a new dialogue): the employee's appraiser today
  (`kinerja.people.permissions.is_appraiser_of`) or their direct supervisor
  (`is_supervisor_of`); never oneself.
- see a dialogue: its two parties (the employee and the appraiser who led it), the appraiser's
  superior (of the employee today, or the supervisor of the dialogue's appraiser), Inspektorat
  (read-only); everyone else gets 404.
- change a dialogue (record a scheduled one, edit, cancel): the appraiser who leads it; a
  cancelled dialogue no longer changes, only a scheduled one is cancelled or recorded.
- add an agreed action: either party, on a dialogue that is not cancelled.
- mark an action done or reopen it: its owner or the dialogue's appraiser.
- coaching feedback: only the employee, once, after a coaching dialogue that took place; the
  answers are read by the two parties and Inspektorat (it is feedback for the coach); others
  who see the dialogue only see whether it was filled.

Each `*_refusal` returns the sentence that refuses (or None); `can_*` is its boolean.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import is_auditor
from kinerja.monitoring.models import DialogueKind, DialogueState
from kinerja.people.holdings import employee_id_for_user
from kinerja.people.permissions import (
    is_appraiser_of,
    is_appraiser_superior_of,
    is_supervisor_of,
)

if TYPE_CHECKING:
    from kinerja.monitoring.models import DialogueAction, PerformanceDialogue
    from kinerja.people.models import Employee

NOT_LEAD = (
    "Hanya pejabat penilai atau atasan langsung pegawai yang dapat menjadwalkan atau mencatat "
    "dialog kinerja dengannya."
)
NOT_SELF = (
    "Dialog kinerja dilakukan dengan bawahan; Anda tidak dapat berdialog dengan diri sendiri."
)
NOT_APPRAISER = "Hanya pejabat penilai yang memimpin dialog ini yang dapat mengubahnya."
NOT_PARTY = "Hanya pegawai dan pejabat penilai dalam dialog ini yang dapat menambah tindak lanjut."
NOT_ACTION_OWNER = (
    "Hanya penanggung jawab tindak lanjut atau pejabat penilai dalam dialog ini yang dapat "
    "menandainya selesai atau membukanya kembali."
)
NOT_COACHED = "Hanya pegawai yang dibimbing yang mengisi umpan balik bimbingan."


def _me(actor: Actor) -> int | None:
    return employee_id_for_user(actor)


def is_dialogue_party(actor: Actor, dialogue: PerformanceDialogue) -> bool:
    me = _me(actor)
    return me is not None and me in (dialogue.employee_id, dialogue.appraiser_id)


def is_dialogue_employee(actor: Actor, dialogue: PerformanceDialogue) -> bool:
    me = _me(actor)
    return me is not None and me == dialogue.employee_id


def is_dialogue_appraiser(actor: Actor, dialogue: PerformanceDialogue) -> bool:
    me = _me(actor)
    return me is not None and me == dialogue.appraiser_id


def can_view_dialogue(actor: Actor, dialogue: PerformanceDialogue) -> bool:
    if actor is None or not actor.is_active:
        return False
    if is_dialogue_party(actor, dialogue) or is_auditor(actor):
        return True
    if _me(actor) is None:
        return False
    return is_appraiser_superior_of(actor, dialogue.employee_id) or is_supervisor_of(
        actor, dialogue.appraiser_id
    )


def dialogue_lead_refusal(actor: Actor, employee: Employee | int) -> str | None:
    """Why the actor may not schedule or record a new dialogue with `employee`, or None."""
    me = _me(actor)
    employee_id = employee if isinstance(employee, int) else employee.pk
    if me is None:
        return NOT_LEAD
    if me == employee_id:
        return NOT_SELF
    if is_appraiser_of(actor, employee_id) or is_supervisor_of(actor, employee_id):
        return None
    return NOT_LEAD


def can_lead_dialogue(actor: Actor, employee: Employee | int) -> bool:
    return dialogue_lead_refusal(actor, employee) is None


def dialogue_change_refusal(actor: Actor, dialogue: PerformanceDialogue) -> str | None:
    """Why the actor may not edit this dialogue's agenda, place or notes, or None."""
    if not is_dialogue_appraiser(actor, dialogue):
        return NOT_APPRAISER
    if dialogue.state == DialogueState.CANCELLED:
        return "Dialog ini sudah dibatalkan dan tidak dapat diubah lagi."
    return None


def dialogue_scheduled_refusal(
    actor: Actor, dialogue: PerformanceDialogue, verb: str
) -> str | None:
    """Why the actor may not record or cancel (`verb`) this scheduled dialogue, or None."""
    if not is_dialogue_appraiser(actor, dialogue):
        return NOT_APPRAISER
    if dialogue.state != DialogueState.SCHEDULED:
        return (
            f"Dialog ini berstatus {dialogue.get_state_display()}; hanya dialog yang dijadwalkan "
            f"yang dapat {verb}."
        )
    return None


def can_change_dialogue(actor: Actor, dialogue: PerformanceDialogue) -> bool:
    return dialogue_change_refusal(actor, dialogue) is None


def can_record_dialogue(actor: Actor, dialogue: PerformanceDialogue) -> bool:
    return dialogue_scheduled_refusal(actor, dialogue, "dicatat") is None


def can_cancel_dialogue(actor: Actor, dialogue: PerformanceDialogue) -> bool:
    return dialogue_scheduled_refusal(actor, dialogue, "dibatalkan") is None


def dialogue_action_add_refusal(actor: Actor, dialogue: PerformanceDialogue) -> str | None:
    if not is_dialogue_party(actor, dialogue):
        return NOT_PARTY
    if dialogue.state == DialogueState.CANCELLED:
        return "Dialog ini sudah dibatalkan; tindak lanjut tidak dapat ditambahkan."
    return None


def can_add_dialogue_action(actor: Actor, dialogue: PerformanceDialogue) -> bool:
    return dialogue_action_add_refusal(actor, dialogue) is None


def dialogue_action_mark_refusal(actor: Actor, action: DialogueAction) -> str | None:
    """Why the actor may not mark this action done or reopen it (the state aside), or None."""
    me = _me(actor)
    if me is None or me not in (action.owner_id, action.dialogue.appraiser_id):
        return NOT_ACTION_OWNER
    return None


def can_mark_dialogue_action(actor: Actor, action: DialogueAction) -> bool:
    return dialogue_action_mark_refusal(actor, action) is None


def coaching_feedback_refusal(actor: Actor, dialogue: PerformanceDialogue) -> str | None:
    """Why the actor may not fill the coaching feedback form of this dialogue now, or None.
    Whether it was already filled is asked by the caller (one query it may already have)."""
    if not is_dialogue_employee(actor, dialogue):
        return NOT_COACHED
    if dialogue.kind != DialogueKind.COACHING:
        return (
            f"Umpan balik bimbingan hanya diisi setelah bimbingan kinerja; dialog ini berjenis "
            f"{dialogue.get_kind_display()}."
        )
    if dialogue.state != DialogueState.DONE:
        return (
            f"Dialog ini berstatus {dialogue.get_state_display()}; umpan balik bimbingan diisi "
            "setelah bimbingan dilaksanakan dan dicatat."
        )
    return None


def can_fill_coaching_feedback(actor: Actor, dialogue: PerformanceDialogue) -> bool:
    return coaching_feedback_refusal(actor, dialogue) is None


def can_read_coaching_answers(actor: Actor, dialogue: PerformanceDialogue) -> bool:
    """The answers are feedback for the coach: the two parties and Inspektorat read them."""
    return is_dialogue_party(actor, dialogue) or (actor is not None and is_auditor(actor))
