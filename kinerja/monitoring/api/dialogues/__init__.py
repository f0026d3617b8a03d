"""API of performance dialogues under /api/v1/: my dialogues, schedule or record one, a
dialogue with its actions, record/cancel a scheduled one, add an action, mark it done or reopen
it, and the coaching feedback form; through the same selectors and services as the pages, so a
refusal reads the same sentence everywhere.

Cut along what each piece does: `serializers` (what goes in and out), `dialogue` (the dialogue
endpoints), `actions` (the agreed-action endpoints), `coaching` (the coaching feedback
endpoint), `urls` (their routes, `urlpatterns`); `common` builds the dialogue body they answer
with. Import from here.
"""

from kinerja.monitoring.api.dialogues.actions import (
    DialogueActionAddApi,
    DialogueActionDoneApi,
    DialogueActionReopenApi,
)
from kinerja.monitoring.api.dialogues.coaching import CoachingFeedbackApi
from kinerja.monitoring.api.dialogues.dialogue import (
    DialogueCancelApi,
    DialogueCreateApi,
    DialogueDetailApi,
    DialogueListApi,
    DialogueRecordApi,
)
from kinerja.monitoring.api.dialogues.serializers import (
    DialogueActionInputSerializer,
    DialogueActionNoteInputSerializer,
    DialogueActionOutputSerializer,
    DialogueCancelInputSerializer,
    DialogueCoachingInputSerializer,
    DialogueCoachingOutputSerializer,
    DialogueCreateInputSerializer,
    DialogueDetailOutputSerializer,
    DialogueListInputSerializer,
    DialogueListOutputSerializer,
    DialogueOutputSerializer,
    DialogueRecordInputSerializer,
)
from kinerja.monitoring.api.dialogues.urls import urlpatterns

__all__ = [
    "CoachingFeedbackApi",
    "DialogueActionAddApi",
    "DialogueActionDoneApi",
    "DialogueActionInputSerializer",
    "DialogueActionNoteInputSerializer",
    "DialogueActionOutputSerializer",
    "DialogueActionReopenApi",
    "DialogueCancelApi",
    "DialogueCancelInputSerializer",
    "DialogueCoachingInputSerializer",
    "DialogueCoachingOutputSerializer",
    "DialogueCreateApi",
    "DialogueCreateInputSerializer",
    "DialogueDetailApi",
    "DialogueDetailOutputSerializer",
    "DialogueListApi",
    "DialogueListInputSerializer",
    "DialogueListOutputSerializer",
    "DialogueOutputSerializer",
    "DialogueRecordApi",
    "DialogueRecordInputSerializer",
    "urlpatterns",
]
