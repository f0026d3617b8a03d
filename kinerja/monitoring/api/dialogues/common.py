"""What the dialogue endpoints share: the dialogue as its page shows it, the body most of them
answer with."""

from __future__ import annotations

from typing import Any

from kinerja.accounts.actors import Actor
from kinerja.monitoring.api.dialogues.serializers import DialogueDetailOutputSerializer
from kinerja.monitoring.dialogue_permissions import (
    can_fill_coaching_feedback,
    can_read_coaching_answers,
)
from kinerja.monitoring.models import COACHING_ITEMS, DialogueKind
from kinerja.monitoring.selectors.dialogues import (
    coaching_feedback_of,
    dialogue_actions,
    dialogue_get_for_actor,
)


def _detail(actor: Actor, dialogue_id: int) -> dict[str, Any]:
    """The dialogue as its page shows it: answers only for the parties and Inspektorat."""
    dialogue = dialogue_get_for_actor(actor=actor, dialogue_id=dialogue_id)
    coaching = None
    if dialogue.kind == DialogueKind.COACHING:
        feedback = coaching_feedback_of(dialogue=dialogue)
        readable = feedback is not None and can_read_coaching_answers(actor, dialogue)
        coaching = {
            "submitted": feedback is not None,
            "submitted_at": feedback.submitted_at if feedback else None,
            "may_fill": feedback is None and can_fill_coaching_feedback(actor, dialogue),
            "answers": {item: getattr(feedback, item) for item in COACHING_ITEMS}
            if readable
            else None,
            "comment": feedback.comment if readable and feedback else None,
        }
    body = {
        "dialogue": dialogue,
        "actions": dialogue_actions(dialogue=dialogue),
        "coaching_feedback": coaching,
    }
    return dict(DialogueDetailOutputSerializer(body).data)
