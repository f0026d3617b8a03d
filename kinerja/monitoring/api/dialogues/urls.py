"""Routes of the dialogue API under /api/v1/ (`dialogues/…`, `dialogue-actions/…`)."""

from django.urls import path

from kinerja.core.api_routing import api_operations
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

urlpatterns = [
    path(
        "dialogues/",
        api_operations(get=DialogueListApi, post=DialogueCreateApi).as_view(),
        name="dialogue_list",
    ),
    path("dialogues/<id:dialogue_id>/", DialogueDetailApi.as_view(), name="dialogue_detail"),
    path("dialogues/<id:dialogue_id>/record/", DialogueRecordApi.as_view(), name="dialogue_record"),
    path("dialogues/<id:dialogue_id>/cancel/", DialogueCancelApi.as_view(), name="dialogue_cancel"),
    path(
        "dialogues/<id:dialogue_id>/actions/",
        DialogueActionAddApi.as_view(),
        name="dialogue_action_add",
    ),
    path(
        "dialogue-actions/<id:action_id>/done/",
        DialogueActionDoneApi.as_view(),
        name="dialogue_action_done",
    ),
    path(
        "dialogue-actions/<id:action_id>/reopen/",
        DialogueActionReopenApi.as_view(),
        name="dialogue_action_reopen",
    ),
    path(
        "dialogues/<id:dialogue_id>/coaching-feedback/",
        CoachingFeedbackApi.as_view(),
        name="dialogue_coaching_feedback",
    ),
]
