"""Performance dialogues: schedule, record (a scheduled one, or one that already took place),
update, cancel; agreed actions (add, done, reopen); the coaching feedback form.

Rights are asked of `kinerja.monitoring.dialogue_permissions`; every refusal names its field.
Each write is one transaction with its audit event and, where the employee must know, a
notification in the same transaction.

Cut along what they write: `schedule` (schedule, update, cancel), `record` (record a dialogue
with the actions agreed in it), `actions` (add, done, reopen an agreed action afterwards) and
`coaching` (the nine-item coaching feedback form); `common` holds the limits, `ActionDraft`,
`moment_id` and the checks and snapshots they share. Import from here.
"""

from kinerja.monitoring.services.dialogues.actions import (
    dialogue_action_add,
    dialogue_action_done,
    dialogue_action_reopen,
)
from kinerja.monitoring.services.dialogues.coaching import (
    ANSWER_LABELS,
    COACHING_STATEMENTS,
    coaching_answers_errors,
    coaching_feedback_submit,
)
from kinerja.monitoring.services.dialogues.common import (
    ACTION_MAX,
    ACTIONS_MAX,
    AGENDA_MAX,
    DAY_NAMES,
    NOTES_MAX,
    PLACE_MAX,
    ActionDraft,
    Errors,
    moment_id,
)
from kinerja.monitoring.services.dialogues.record import dialogue_record
from kinerja.monitoring.services.dialogues.schedule import (
    dialogue_cancel,
    dialogue_schedule,
    dialogue_update,
)

__all__ = [
    "ACTIONS_MAX",
    "ACTION_MAX",
    "AGENDA_MAX",
    "ANSWER_LABELS",
    "COACHING_STATEMENTS",
    "DAY_NAMES",
    "NOTES_MAX",
    "PLACE_MAX",
    "ActionDraft",
    "Errors",
    "coaching_answers_errors",
    "coaching_feedback_submit",
    "dialogue_action_add",
    "dialogue_action_done",
    "dialogue_action_reopen",
    "dialogue_cancel",
    "dialogue_record",
    "dialogue_schedule",
    "dialogue_update",
    "moment_id",
]
