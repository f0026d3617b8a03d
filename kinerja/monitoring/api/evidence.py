"""API of evidence (bukti dukung) under /api/v1/: the metadata of a realisation's evidence with
download addresses, attaching a file (multipart `file`, `title`) or a link (JSON `link`,
`title`), one item's metadata and its removal. The same selectors and services as the pages:
404 for anyone who may not see the plan, the same refusal sentences. The bytes themselves are
downloaded from the page address (`download_url`), which checks the same right.
"""

from __future__ import annotations

from typing import Any

from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.accounts.actors import request_actor
from kinerja.core.api_routing import api_operations
from kinerja.monitoring.selectors.evidence import (
    EvidenceItem,
    evidence_get_for_actor,
    evidence_item_get_for_actor,
    evidence_items,
    evidence_list_for_realization,
    evidence_realization_get_for_actor,
)
from kinerja.monitoring.services import evidence as services

# --- output ---------------------------------------------------------------------------------


class EvidenceOutputSerializer(serializers.Serializer[Any]):
    token = serializers.CharField(source="evidence.token")
    realization_id = serializers.IntegerField(source="evidence.realization_id")
    kind = serializers.CharField(source="evidence.kind")
    title = serializers.CharField(source="evidence.title")
    original_name = serializers.CharField(source="evidence.original_name")
    content_type = serializers.CharField(source="evidence.content_type")
    type_label = serializers.CharField()
    size = serializers.IntegerField(source="evidence.size")
    size_text = serializers.CharField()
    sha256 = serializers.CharField(source="evidence.sha256")
    link = serializers.CharField(source="evidence.link")
    download_url = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField(source="evidence.created_at")
    checked_at = serializers.DateTimeField(source="evidence.checked_at", allow_null=True)
    altered_at = serializers.DateTimeField(source="evidence.altered_at", allow_null=True)
    altered_sha256 = serializers.CharField(allow_null=True)
    integrity_text = serializers.CharField()

    def get_download_url(self, item: EvidenceItem) -> str:
        request = self.context.get("request")
        url = item.download_url
        if item.is_file and request is not None:
            return str(request.build_absolute_uri(url))
        return url


# --- input ----------------------------------------------------------------------------------


class EvidenceAddInputSerializer(serializers.Serializer[Any]):
    # Lengths beyond the rules' own, so that the service's sentence refuses them.
    file = serializers.FileField(required=False, allow_empty_file=True)
    link = serializers.CharField(required=False, allow_blank=True, max_length=4000)
    title = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        has_file = attrs.get("file") is not None
        has_link = bool(str(attrs.get("link") or "").strip())
        if has_file == has_link:
            raise serializers.ValidationError(
                {"file": ["Kirim salah satu: berkas (`file`, multipart) atau tautan (`link`)."]}
            )
        return attrs


def _data(items: list[EvidenceItem], request: Request) -> Any:
    return EvidenceOutputSerializer(items, many=True, context={"request": request}).data


# --- views ----------------------------------------------------------------------------------


class EvidenceListApi(APIView):
    @extend_schema(
        responses=EvidenceOutputSerializer(many=True),
        summary="Bukti dukung sebuah realisasi (metadata dan alamat unduh)",
        operation_id="v1_realization_evidence_list",
    )
    def get(self, request: Request, realization_id: int) -> Response:
        actor = request_actor(request)
        realization = evidence_realization_get_for_actor(actor=actor, realization_id=realization_id)
        items = evidence_list_for_realization(actor=actor, realization=realization)
        return Response(_data(items, request))


class EvidenceAddApi(APIView):
    @extend_schema(
        request={
            "multipart/form-data": EvidenceAddInputSerializer,
            "application/json": EvidenceAddInputSerializer,
        },
        responses={201: EvidenceOutputSerializer},
        summary="Tambah bukti dukung: berkas (multipart) atau tautan (JSON)",
        operation_id="v1_realization_evidence_create",
    )
    def post(self, request: Request, realization_id: int) -> Response:
        actor = request_actor(request)
        realization = evidence_realization_get_for_actor(actor=actor, realization_id=realization_id)
        params = EvidenceAddInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        if data.get("file") is not None:
            added = services.evidence_add_file(
                actor=actor, realization=realization, upload=data["file"], title=data["title"]
            )
        else:
            added = services.evidence_add_link(
                actor=actor, realization=realization, link=data["link"], title=data["title"]
            )
        item = evidence_items([added])[0]
        body = EvidenceOutputSerializer(item, context={"request": request}).data
        return Response(body, status=status.HTTP_201_CREATED)


class EvidenceDetailApi(APIView):
    @extend_schema(
        responses=EvidenceOutputSerializer,
        summary="Metadata sebuah bukti dukung",
        operation_id="v1_evidence_retrieve",
    )
    def get(self, request: Request, token: str) -> Response:
        item = evidence_item_get_for_actor(actor=request_actor(request), token=token)
        return Response(EvidenceOutputSerializer(item, context={"request": request}).data)


class EvidenceRemoveApi(APIView):
    @extend_schema(
        responses={204: None},
        summary="Hapus bukti dukung (selama realisasinya masih dapat diubah)",
        operation_id="v1_evidence_destroy",
    )
    def delete(self, request: Request, token: str) -> Response:
        actor = request_actor(request)
        evidence = evidence_get_for_actor(actor=actor, token=token)
        services.evidence_remove(actor=actor, evidence=evidence)
        return Response(status=status.HTTP_204_NO_CONTENT)


urlpatterns = [
    path(
        "realizations/<id:realization_id>/evidence/",
        api_operations(get=EvidenceListApi, post=EvidenceAddApi).as_view(),
        name="realization_evidence",
    ),
    path(
        "evidence/<str:token>/",
        api_operations(get=EvidenceDetailApi, delete=EvidenceRemoveApi).as_view(),
        name="evidence_detail",
    ),
]
