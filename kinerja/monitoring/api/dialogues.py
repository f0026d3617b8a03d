"""API of performance dialogues under /api/v1/: my dialogues, schedule or record one, a
dialogue with its actions, record/cancel a scheduled one, add an action, mark it done or reopen
it, and the coaching feedback form; through the same selectors and services as the pages, so a
refusal reads the same sentence everywhere."""

from __future__ import annotations

from typing import Any

from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.accounts.actors import Actor, request_actor
from kinerja.core.api_routing import api_operations
from kinerja.core.params import IdSerializerField, ModelCharField
from kinerja.monitoring.dialogue_permissions import (
    can_fill_coaching_feedback,
    can_read_coaching_answers,
)
from kinerja.monitoring.models import (
    COACHING_ITEMS,
    DialogueAction,
    DialogueKind,
    PerformanceDialogue,
)
from kinerja.monitoring.selectors.dialogues import (
    ROLES,
    coaching_feedback_of,
    dialogue_action_get_for_actor,
    dialogue_actions,
    dialogue_get_for_actor,
    dialogue_list_for_actor,
    is_overdue,
)
from kinerja.monitoring.services import dialogues as services
from kinerja.people.models import Employee

# --- output ---------------------------------------------------------------------------------


class DialogueOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    employee_id = serializers.IntegerField()
    employee_name = serializers.CharField(source="employee.full_name")
    appraiser_id = serializers.IntegerField()
    appraiser_name = serializers.CharField(source="appraiser.full_name")
    plan_id = serializers.IntegerField(allow_null=True)
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    state = serializers.CharField()
    state_label = serializers.CharField(source="get_state_display")
    scheduled_at = serializers.DateTimeField()
    held_at = serializers.DateTimeField(allow_null=True)
    place = serializers.CharField()
    agenda = serializers.CharField()
    notes = serializers.CharField()
    has_coaching_feedback = serializers.BooleanField(source="has_feedback", default=False)


class DialogueActionOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    dialogue_id = serializers.IntegerField()
    text = serializers.CharField()
    owner_id = serializers.IntegerField()
    owner_name = serializers.CharField(source="owner.full_name")
    due_date = serializers.DateField()
    done_at = serializers.DateTimeField(allow_null=True)
    done_note = serializers.CharField()
    overdue = serializers.SerializerMethodField()

    def get_overdue(self, action: DialogueAction) -> bool:
        return is_overdue(action)


class DialogueListOutputSerializer(serializers.Serializer[Any]):
    upcoming = DialogueOutputSerializer(many=True)
    recent = DialogueOutputSerializer(many=True)
    open_actions = DialogueActionOutputSerializer(many=True)


class DialogueCoachingOutputSerializer(serializers.Serializer[Any]):
    submitted = serializers.BooleanField()
    submitted_at = serializers.DateTimeField(allow_null=True)
    may_fill = serializers.BooleanField()
    answers = serializers.DictField(child=serializers.IntegerField(), allow_null=True)
    comment = serializers.CharField(allow_null=True)


class DialogueDetailOutputSerializer(serializers.Serializer[Any]):
    dialogue = DialogueOutputSerializer()
    actions = DialogueActionOutputSerializer(many=True)
    coaching_feedback = DialogueCoachingOutputSerializer(allow_null=True)


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


# --- input ----------------------------------------------------------------------------------


class DialogueListInputSerializer(serializers.Serializer[Any]):
    peran = serializers.ChoiceField(
        choices=ROLES,
        required=False,
        allow_blank=True,
        default="",
        error_messages={
            "invalid_choice": "Peran “{input}” tidak dikenal; isi pegawai atau penilai."
        },
    )


class DialogueActionInputSerializer(serializers.Serializer[Any]):
    text = serializers.CharField(allow_blank=True, max_length=2000)
    owner_id = IdSerializerField()
    due_date = serializers.DateField()


class DialogueRecordInputSerializer(serializers.Serializer[Any]):
    held_at = serializers.DateTimeField()
    notes = serializers.CharField(allow_blank=True, max_length=20000)
    agenda = serializers.CharField(required=False, default="", allow_blank=True, max_length=8000)
    place = ModelCharField(
        PerformanceDialogue, "place", required=False, default="", allow_blank=True
    )
    actions = DialogueActionInputSerializer(many=True, required=False, default=list)


class DialogueCreateInputSerializer(serializers.Serializer[Any]):
    """Schedule (`scheduled_at`) or record one that took place (`held_at` and `notes`)."""

    employee_id = IdSerializerField()
    kind = ModelCharField(PerformanceDialogue, "kind", required=False, default="CHECK_IN")
    scheduled_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    held_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    notes = serializers.CharField(required=False, default="", allow_blank=True, max_length=20000)
    agenda = serializers.CharField(required=False, default="", allow_blank=True, max_length=8000)
    place = ModelCharField(
        PerformanceDialogue, "place", required=False, default="", allow_blank=True
    )
    actions = DialogueActionInputSerializer(many=True, required=False, default=list)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if (attrs["scheduled_at"] is None) == (attrs["held_at"] is None):
            raise serializers.ValidationError(
                {
                    "scheduled_at": [
                        "Isi scheduled_at untuk menjadwalkan dialog, atau held_at (dengan notes) "
                        "untuk mencatat dialog yang sudah dilaksanakan; tidak keduanya."
                    ]
                }
            )
        return attrs


class DialogueCancelInputSerializer(serializers.Serializer[Any]):
    reason = serializers.CharField(allow_blank=True, max_length=8000)


class DialogueActionNoteInputSerializer(serializers.Serializer[Any]):
    note = serializers.CharField(required=False, default="", allow_blank=True, max_length=8000)


class DialogueCoachingInputSerializer(serializers.Serializer[Any]):
    answers = serializers.DictField(child=serializers.IntegerField())
    comment = serializers.CharField(required=False, default="", allow_blank=True, max_length=8000)


def _drafts(rows: list[dict[str, Any]]) -> list[services.ActionDraft]:
    return [
        services.ActionDraft(text=r["text"], owner=r["owner_id"], due_date=r["due_date"])
        for r in rows
    ]


def _employee(employee_id: int) -> Employee:
    employee = Employee.objects.filter(pk=employee_id).first()
    if employee is None:
        raise serializers.ValidationError(
            {"employee_id": [f"Pegawai dengan id {employee_id} tidak ada."]}
        )
    return employee


# --- views ----------------------------------------------------------------------------------


class DialogueListApi(APIView):
    """My dialogues as the employee and the appraiser (`peran=pegawai|penilai` for one side)."""

    @extend_schema(
        parameters=[DialogueListInputSerializer],
        responses=DialogueListOutputSerializer,
        summary="Dialog kinerja saya",
        operation_id="v1_dialogues_list",
    )
    def get(self, request: Request) -> Response:
        params = DialogueListInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        overview = dialogue_list_for_actor(
            actor=request_actor(request),
            role=params.validated_data["peran"] or None,
            with_team=False,
        )
        return Response(DialogueListOutputSerializer(overview).data)


class DialogueCreateApi(APIView):
    """Schedule a dialogue (`scheduled_at`) or record one that took place (`held_at`, `notes`,
    `actions`): the employee's appraiser or direct supervisor."""

    @extend_schema(
        request=DialogueCreateInputSerializer,
        responses={201: DialogueDetailOutputSerializer},
        summary="Jadwalkan atau catat dialog kinerja",
    )
    def post(self, request: Request) -> Response:
        actor = request_actor(request)
        params = DialogueCreateInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        employee = _employee(data["employee_id"])
        if data["scheduled_at"] is not None:
            dialogue = services.dialogue_schedule(
                actor=actor,
                employee=employee,
                kind=data["kind"],
                scheduled_at=data["scheduled_at"],
                place=data["place"],
                agenda=data["agenda"],
            )
        else:
            dialogue = services.dialogue_record(
                actor=actor,
                employee=employee,
                kind=data["kind"],
                held_at=data["held_at"],
                notes=data["notes"],
                agenda=data["agenda"],
                place=data["place"],
                actions=_drafts(data["actions"]),
            )
        return Response(_detail(actor, dialogue.pk), status=status.HTTP_201_CREATED)


class DialogueDetailApi(APIView):
    @extend_schema(
        responses=DialogueDetailOutputSerializer,
        summary="Dialog kinerja dengan tindak lanjut dan umpan balik bimbingan",
    )
    def get(self, request: Request, dialogue_id: int) -> Response:
        return Response(_detail(request_actor(request), dialogue_id))


class DialogueRecordApi(APIView):
    @extend_schema(
        request=DialogueRecordInputSerializer,
        responses=DialogueDetailOutputSerializer,
        summary="Catat hasil dialog yang dijadwalkan",
    )
    def post(self, request: Request, dialogue_id: int) -> Response:
        actor = request_actor(request)
        dialogue = dialogue_get_for_actor(actor=actor, dialogue_id=dialogue_id)
        params = DialogueRecordInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        services.dialogue_record(
            actor=actor,
            dialogue=dialogue,
            held_at=data["held_at"],
            notes=data["notes"],
            agenda=data["agenda"],
            place=data["place"],
            actions=_drafts(data["actions"]),
        )
        return Response(_detail(actor, dialogue.pk))


class DialogueCancelApi(APIView):
    @extend_schema(
        request=DialogueCancelInputSerializer,
        responses=DialogueDetailOutputSerializer,
        summary="Batalkan dialog yang dijadwalkan",
    )
    def post(self, request: Request, dialogue_id: int) -> Response:
        actor = request_actor(request)
        dialogue = dialogue_get_for_actor(actor=actor, dialogue_id=dialogue_id)
        params = DialogueCancelInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        services.dialogue_cancel(
            actor=actor, dialogue=dialogue, reason=params.validated_data["reason"]
        )
        return Response(_detail(actor, dialogue.pk))


class DialogueActionAddApi(APIView):
    @extend_schema(
        request=DialogueActionInputSerializer,
        responses={201: DialogueActionOutputSerializer},
        summary="Tambah tindak lanjut dialog",
    )
    def post(self, request: Request, dialogue_id: int) -> Response:
        actor = request_actor(request)
        dialogue = dialogue_get_for_actor(actor=actor, dialogue_id=dialogue_id)
        params = DialogueActionInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        action = services.dialogue_action_add(
            actor=actor,
            dialogue=dialogue,
            text=data["text"],
            owner=data["owner_id"],
            due_date=data["due_date"],
        )
        action = dialogue_action_get_for_actor(actor=actor, action_id=action.pk)
        return Response(DialogueActionOutputSerializer(action).data, status=status.HTTP_201_CREATED)


class DialogueActionDoneApi(APIView):
    @extend_schema(
        request=DialogueActionNoteInputSerializer,
        responses=DialogueActionOutputSerializer,
        summary="Tandai tindak lanjut selesai",
    )
    def post(self, request: Request, action_id: int) -> Response:
        actor = request_actor(request)
        action = dialogue_action_get_for_actor(actor=actor, action_id=action_id)
        params = DialogueActionNoteInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        services.dialogue_action_done(
            actor=actor, action=action, note=params.validated_data["note"]
        )
        action = dialogue_action_get_for_actor(actor=actor, action_id=action_id)
        return Response(DialogueActionOutputSerializer(action).data)


class DialogueActionReopenApi(APIView):
    @extend_schema(request=None, responses=DialogueActionOutputSerializer, summary="Buka kembali")
    def post(self, request: Request, action_id: int) -> Response:
        actor = request_actor(request)
        action = dialogue_action_get_for_actor(actor=actor, action_id=action_id)
        services.dialogue_action_reopen(actor=actor, action=action)
        action = dialogue_action_get_for_actor(actor=actor, action_id=action_id)
        return Response(DialogueActionOutputSerializer(action).data)


class CoachingFeedbackApi(APIView):
    """The employee's nine answers (each 1..5, keys as in `COACHING_ITEMS`), once."""

    @extend_schema(
        request=DialogueCoachingInputSerializer,
        responses={201: DialogueDetailOutputSerializer},
        summary="Isi umpan balik bimbingan",
    )
    def post(self, request: Request, dialogue_id: int) -> Response:
        actor = request_actor(request)
        dialogue = dialogue_get_for_actor(actor=actor, dialogue_id=dialogue_id)
        params = DialogueCoachingInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        services.coaching_feedback_submit(
            actor=actor,
            dialogue=dialogue,
            answers=params.validated_data["answers"],
            comment=params.validated_data["comment"],
        )
        return Response(_detail(actor, dialogue.pk), status=status.HTTP_201_CREATED)


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
