"""Agreed-action endpoints: add an action to a dialogue, mark it done, reopen it."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.accounts.actors import request_actor
from kinerja.monitoring.api.dialogues.serializers import (
    DialogueActionInputSerializer,
    DialogueActionNoteInputSerializer,
    DialogueActionOutputSerializer,
)
from kinerja.monitoring.selectors.dialogues import (
    dialogue_action_get_for_actor,
    dialogue_get_for_actor,
)
from kinerja.monitoring.services import dialogues as services


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
