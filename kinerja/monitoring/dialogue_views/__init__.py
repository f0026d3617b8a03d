"""Dialogue pages: my dialogues (`/dialog/`), schedule, record, edit, cancel, the dialogue page,
agreed actions (add, done, reopen) and the coaching feedback form. Each fetches through the
`_get_for_actor` selectors (404 for those who may not know the dialogue), asks
`dialogue_permissions` before showing a form (403 with the reason) and lets the services
decide; every form is a plain POST that works without JavaScript.

Cut along the pages: `index` (my dialogues), `record` (schedule one, record a scheduled one or
one that took place, and the page to pick the employee), `detail` (one dialogue, edit, cancel),
`actions` (add, done, reopen an agreed action) and `coaching` (the coaching feedback form);
`common` holds the state tones, the action row and the redirects they share. `dialogue_urls`
imports the views from here.
"""

from kinerja.monitoring.dialogue_views.actions import (
    dialogue_action_add,
    dialogue_action_done,
    dialogue_action_reopen,
)
from kinerja.monitoring.dialogue_views.coaching import coaching_feedback
from kinerja.monitoring.dialogue_views.common import STATE_TONES, ActionRow
from kinerja.monitoring.dialogue_views.detail import dialogue_cancel, dialogue_detail, dialogue_edit
from kinerja.monitoring.dialogue_views.index import DialogueRow, dialogue_index
from kinerja.monitoring.dialogue_views.record import (
    dialogue_record,
    dialogue_record_new,
    dialogue_schedule,
)

__all__ = [
    "STATE_TONES",
    "ActionRow",
    "DialogueRow",
    "coaching_feedback",
    "dialogue_action_add",
    "dialogue_action_done",
    "dialogue_action_reopen",
    "dialogue_cancel",
    "dialogue_detail",
    "dialogue_edit",
    "dialogue_index",
    "dialogue_record",
    "dialogue_record_new",
    "dialogue_schedule",
]
