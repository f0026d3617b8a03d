"""API of guides and FAQ under /api/v1/guides/: the list (or the search with `q`, title hits
first, each with an excerpt) and one guide with its Markdown and its sanitised HTML. Everyone
logged in reads the published guides; the same selectors as the pages decide (an unpublished
guide is 404 to all but Admin BKPSDM)."""

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
from kinerja.engagement.selectors.guides import (
    SEARCH_MAX,
    GuideHit,
    guide_get_for_actor,
    guide_list_for_actor,
    guide_search,
)


class GuideOutputSerializer(serializers.Serializer[Any]):
    slug = serializers.CharField()
    title = serializers.CharField()
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    role = serializers.CharField()
    role_label = serializers.CharField(source="get_role_display")
    summary = serializers.CharField()
    pages = serializers.ListField(child=serializers.CharField(), source="page_names")
    is_published = serializers.BooleanField()
    updated_at = serializers.DateTimeField()


class GuideHitOutputSerializer(GuideOutputSerializer):
    excerpt = serializers.CharField()


class GuideDetailOutputSerializer(GuideOutputSerializer):
    body = serializers.CharField(help_text="Isi dalam Markdown, seperti ditulis.")
    html = serializers.SerializerMethodField(help_text="Isi sebagai HTML yang sudah dibersihkan.")

    def get_html(self, guide: Any) -> str:
        return str(markdown_to_html(guide.body))


class GuideListInputSerializer(serializers.Serializer[Any]):
    q = serializers.CharField(
        required=False, default="", allow_blank=True, max_length=SEARCH_MAX,
        help_text="Cari pada judul, ringkasan dan isi; hasil yang cocok judulnya lebih dulu.",
    )  # fmt: skip


def _hit_data(hits: list[GuideHit]) -> list[dict[str, Any]]:
    rows = []
    for hit in hits:
        row = dict(GuideOutputSerializer(hit.guide).data)
        row["excerpt"] = hit.excerpt
        rows.append(row)
    return rows


class GuideListApi(APIView):
    """Guides and FAQ in their order, or the search when `q` is given."""

    @extend_schema(
        parameters=[GuideListInputSerializer],
        responses=GuideHitOutputSerializer(many=True),
        summary="Panduan dan tanya jawab",
    )
    def get(self, request: Request) -> Response:
        params = GuideListInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        actor = request_actor(request)
        q = params.validated_data["q"].strip()
        if q:
            return paginated_response(request, self, guide_search(actor=actor, q=q), _hit_data)
        return paginated_response(
            request,
            self,
            guide_list_for_actor(actor=actor),
            lambda page: GuideOutputSerializer(page, many=True).data,
        )


class GuideDetailApi(APIView):
    """One guide: its Markdown and the sanitised HTML the page shows."""

    @extend_schema(responses=GuideDetailOutputSerializer, summary="Satu panduan")
    def get(self, request: Request, slug: str) -> Response:
        guide = guide_get_for_actor(actor=request_actor(request), slug=slug)
        return Response(GuideDetailOutputSerializer(guide).data)


urlpatterns: list[URLPattern] = [
    path("guides/", GuideListApi.as_view(), name="engagement-guides"),
    path("guides/<slug:slug>/", GuideDetailApi.as_view(), name="engagement-guide"),
]
