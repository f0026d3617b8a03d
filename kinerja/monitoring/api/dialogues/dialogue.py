"""Dialogue endpoints: my dialogues, schedule or record one, a dialogue with its actions, record
or cancel a scheduled one."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.accounts.actors import request_actor
from kinerja.monitoring.api.dialogues.common import _detail
from kinerja.monitoring.api.dialogues.serializers import (
    DialogueCancelInputSerializer,
    DialogueCreateInputSerializer,
    DialogueDetailOutputSerializer,
    DialogueListInputSerializer,
    DialogueListOutputSerializer,
    DialogueRecordInputSerializer,
)
from kinerja.monitoring.selectors.dialogues import dialogue_get_for_actor, dialogue_list_for_actor
from kinerja.monitoring.services import dialogues as services
from kinerja.people.models import Employee


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
