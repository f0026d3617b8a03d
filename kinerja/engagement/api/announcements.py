"""API of announcements under /api/v1/announcements/: mine (with `is_read`), one, its receipt
and its read rates per agency. The same selectors as the pages decide (404 outside the
audience; rates for BKPSDM, Pimpinan and an Admin OPD's own agency)."""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.accounts.actors import request_actor
from kinerja.core.api_pages import paginated_response
from kinerja.engagement.markdown import markdown_to_html
from kinerja.engagement.selectors.announcements import (
    announcement_get_for_actor,
    announcement_list_for_actor,
    audience_words,
    read_rates_for_actor,
)
from kinerja.engagement.services.announcements import announcement_mark_read


class AnnouncementOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="pk")
    title = serializers.CharField()
    audience = serializers.CharField()
    audience_label = serializers.SerializerMethodField()
    is_important = serializers.BooleanField()
    published_at = serializers.DateTimeField()
    expires_on = serializers.DateField()
    is_read = serializers.BooleanField()

    def get_audience_label(self, obj: Any) -> str:
        return audience_words(obj)


class AnnouncementDetailOutputSerializer(AnnouncementOutputSerializer):
    body = serializers.CharField(help_text="Markdown seperti ditulis.")
    body_html = serializers.SerializerMethodField(help_text="HTML yang sudah dibersihkan.")

    def get_body_html(self, obj: Any) -> str:
        return str(markdown_to_html(obj.body))


class ReadRateOutputSerializer(serializers.Serializer[Any]):
    agency_id = serializers.IntegerField(allow_null=True)
    agency_name = serializers.CharField()
    audience = serializers.IntegerField()
    read = serializers.IntegerField()
    rate = serializers.DecimalField(max_digits=7, decimal_places=4, help_text="0 sampai 1.")


class ReadRatesOutputSerializer(serializers.Serializer[Any]):
    rows = ReadRateOutputSerializer(many=True)
    total = ReadRateOutputSerializer()


class AnnouncementListApi(APIView):
    """Announcements addressed to me, newest first; `is_read` says whether I have read each."""

    @extend_schema(responses=AnnouncementOutputSerializer(many=True), summary="Pengumuman saya")
    def get(self, request: Request) -> Response:
        rows = announcement_list_for_actor(actor=request_actor(request)).select_related(
            "agency", "unit"
        )
        return paginated_response(
            request, self, rows, lambda page: AnnouncementOutputSerializer(page, many=True).data
        )


class AnnouncementDetailApi(APIView):
    """One announcement addressed to me (404 otherwise). Reading it here does not mark it read:
    POST …/read/ does."""

    @extend_schema(responses=AnnouncementDetailOutputSerializer, summary="Satu pengumuman")
    def get(self, request: Request, announcement_id: int) -> Response:
        item = announcement_get_for_actor(
            actor=request_actor(request), announcement_id=announcement_id
        )
        return Response(AnnouncementDetailOutputSerializer(item).data)


class AnnouncementReadApi(APIView):
    """Mark an announcement as read (idempotent)."""

    @extend_schema(
        request=None, responses=AnnouncementOutputSerializer, summary="Tandai sudah dibaca"
    )
    def post(self, request: Request, announcement_id: int) -> Response:
        actor = request_actor(request)
        item = announcement_get_for_actor(actor=actor, announcement_id=announcement_id)
        announcement_mark_read(actor=actor, announcement=item)
        # A published announcement now has the receipt; a draft (seen by its manager) has none.
        data = AnnouncementOutputSerializer(item).data
        return Response({**data, "is_read": item.published_at is not None})


class AnnouncementReadRatesApi(APIView):
    """Audience size, readers and rate per agency, lowest rate first, and the total."""

    @extend_schema(responses=ReadRatesOutputSerializer, summary="Tingkat baca pengumuman")
    def get(self, request: Request, announcement_id: int) -> Response:
        actor = request_actor(request)
        item = announcement_get_for_actor(actor=actor, announcement_id=announcement_id)
        rates = read_rates_for_actor(actor=actor, announcement=item)
        return Response(ReadRatesOutputSerializer(rates).data)


urlpatterns: list[URLPattern] = [
    path("announcements/", AnnouncementListApi.as_view(), name="engagement-announcements"),
    path(
        "announcements/<id:announcement_id>/",
        AnnouncementDetailApi.as_view(),
        name="engagement-announcement",
    ),
    path(
        "announcements/<id:announcement_id>/read/",
        AnnouncementReadApi.as_view(),
        name="engagement-announcement-read",
    ),
    path(
        "announcements/<id:announcement_id>/read-rates/",
        AnnouncementReadRatesApi.as_view(),
        name="engagement-announcement-read-rates",
    ),
]
