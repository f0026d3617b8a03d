"""The coaching feedback endpoint: the employee's nine answers, once."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.accounts.actors import request_actor
from kinerja.monitoring.api.dialogues.common import _detail
from kinerja.monitoring.api.dialogues.serializers import (
    DialogueCoachingInputSerializer,
    DialogueDetailOutputSerializer,
)
from kinerja.monitoring.selectors.dialogues import dialogue_get_for_actor
from kinerja.monitoring.services import dialogues as services


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
