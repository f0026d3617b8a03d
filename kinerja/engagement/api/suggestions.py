"""API of the suggestion box under /api/v1/suggestions/: the public answered suggestions (never
the author), sending one, and mine with their state."""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.accounts.actors import request_actor
from kinerja.core.api_pages import paginated_response
from kinerja.engagement.selectors.suggestions import suggestion_list_mine, suggestion_public_list
from kinerja.engagement.services.suggestions import suggestion_submit


class SuggestionOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="pk")
    title = serializers.CharField()
    body = serializers.CharField()
    page = serializers.CharField()
    state = serializers.CharField()
    state_label = serializers.CharField(source="get_state_display")
    answer = serializers.CharField()
    answered_at = serializers.DateTimeField()
    created_at = serializers.DateTimeField()


class SuggestionInputSerializer(serializers.Serializer[Any]):
    title = serializers.CharField(
        max_length=150, help_text="Judul, 1 sampai 150 karakter.",
        error_messages={"max_length": "Judul paling banyak 150 karakter.",
                        "blank": "Judul wajib diisi.", "required": "Judul wajib diisi."},
    )  # fmt: skip
    body = serializers.CharField(
        max_length=4000, help_text="Saran, 1 sampai 4.000 karakter.",
        error_messages={"max_length": "Saran paling banyak 4.000 karakter.",
                        "blank": "Saran wajib diisi.", "required": "Saran wajib diisi."},
    )  # fmt: skip
    page = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default="",
        help_text="Halaman terkait (tidak wajib).",
        error_messages={"max_length": "Halaman terkait paling banyak 200 karakter."},
    )  # fmt: skip


class SuggestionListApi(APIView):
    """GET: the answered suggestions, newest answer first, without the author. POST: send a
    suggestion (201 with it)."""

    @extend_schema(
        responses=SuggestionOutputSerializer(many=True), summary="Saran yang sudah dijawab"
    )
    def get(self, request: Request) -> Response:
        rows = suggestion_public_list(actor=request_actor(request))
        return paginated_response(
            request, self, rows, lambda page: SuggestionOutputSerializer(page, many=True).data
        )

    @extend_schema(
        request=SuggestionInputSerializer,
        responses={201: SuggestionOutputSerializer},
        summary="Kirim saran",
    )
    def post(self, request: Request) -> Response:
        params = SuggestionInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        item = suggestion_submit(
            actor=request_actor(request), title=data["title"], body=data["body"], page=data["page"]
        )
        return Response(SuggestionOutputSerializer(item).data, status=status.HTTP_201_CREATED)


class SuggestionMineApi(APIView):
    """The suggestions I sent, newest first, with their state and answer."""

    @extend_schema(responses=SuggestionOutputSerializer(many=True), summary="Saran saya")
    def get(self, request: Request) -> Response:
        rows = suggestion_list_mine(actor=request_actor(request))
        return paginated_response(
            request, self, rows, lambda page: SuggestionOutputSerializer(page, many=True).data
        )


urlpatterns: list[URLPattern] = [
    path("suggestions/", SuggestionListApi.as_view(), name="engagement-suggestions"),
    path("suggestions/mine/", SuggestionMineApi.as_view(), name="engagement-suggestions-mine"),
]
