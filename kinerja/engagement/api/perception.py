"""API of the perception survey under /api/v1/perception-rounds/: the rounds (everyone logged
in), a round's results (the same readers and the same suppression as the page: a group under
5 respondents has neither `n` nor figures), and answering an open round (an employee, once)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.urls import URLPattern, path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.accounts.actors import request_actor
from kinerja.core.api_pages import paginated_response
from kinerja.core.params import IdSerializerField
from kinerja.engagement.perception_figures import GroupFigures
from kinerja.engagement.perception_items import REMARK_MAX
from kinerja.engagement.selectors.perception import (
    PerceptionResults,
    perception_results_for_actor,
    round_get_for_actor,
    round_list_for_actor,
)
from kinerja.engagement.services.perception import perception_response_submit


class PerceptionRoundOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="pk")
    title = serializers.CharField()
    period_id = serializers.IntegerField()
    period_name = serializers.CharField(source="period.name")
    opens_on = serializers.DateField()
    closes_on = serializers.DateField()
    state = serializers.CharField()
    state_label = serializers.CharField(source="get_state_display")


class PerceptionResultsInputSerializer(serializers.Serializer[Any]):
    agency = IdSerializerField(
        required=False, allow_null=True, default=None,
        help_text="Id perangkat daerah (Admin OPD: hanya perangkat daerahnya sendiri).",
    )  # fmt: skip


class PerceptionResponseInputSerializer(serializers.Serializer[Any]):
    answers = serializers.DictField(
        child=serializers.IntegerField(),
        help_text="Jawaban per butir P01..P15, masing-masing 1 (sangat tidak setuju) .. 5.",
    )
    remark = serializers.CharField(
        required=False, default="", allow_blank=True, max_length=REMARK_MAX,
        help_text=f"Saran dan tanggapan, paling banyak {REMARK_MAX} karakter.",
    )  # fmt: skip


def _number(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def figures_data(figures: GroupFigures | None) -> dict[str, Any] | None:
    """A group's figures; a suppressed group says so and carries no count and no figure."""
    if figures is None:
        return None
    if figures.suppressed:
        return {"suppressed": True, "n": None, "indices": None, "overall": None}
    return {
        "suppressed": False,
        "n": figures.n,
        "indices": {code: _number(value) for code, value in figures.indices.items()},
        "overall": _number(figures.overall),
    }


def results_data(results: PerceptionResults) -> dict[str, Any]:
    data: dict[str, Any] = {
        "round": PerceptionRoundOutputSerializer(results.round).data,
        "closed": results.closed,
        "responses": results.responses,
        "rate": None if results.rate is None else str(round(results.rate, 4)),
    }
    if not results.closed:
        return data
    scope = results.scope_agency
    return data | {
        "city": figures_data(results.city),
        "agency": None
        if scope is None
        else {"id": scope.pk, "name": scope.name} | (figures_data(results.agency) or {}),
        "agencies": [
            {"id": row.agency_id, "name": row.name, "low_acceptance": row.low_acceptance}
            | (figures_data(row.figures) or {})
            for row in results.agencies
        ],
        "appraisers": figures_data(results.appraisers),
        "non_appraisers": figures_data(results.others),
        "trend": [
            {"round_id": p.round_id, "title": p.title} | (figures_data(p.figures) or {})
            for p in results.trend
        ],
        "themes": [
            {
                "code": t.code,
                "label": t.label,
                "city": t.city,
                "agency": t.agency,
                "samples": t.samples,
            }
            for t in results.themes
        ],
    }


class PerceptionRoundListApi(APIView):
    """The rounds of the perception survey, newest first."""

    @extend_schema(
        responses=PerceptionRoundOutputSerializer(many=True), summary="Putaran survei persepsi"
    )
    def get(self, request: Request) -> Response:
        rows = round_list_for_actor(actor=request_actor(request))
        return paginated_response(
            request, self, rows, lambda page: PerceptionRoundOutputSerializer(page, many=True).data
        )


class PerceptionResultsApi(APIView):
    """A round's results (closed rounds; an open round gives only its response count)."""

    @extend_schema(
        parameters=[PerceptionResultsInputSerializer],
        responses={200: dict},
        summary="Hasil survei persepsi",
    )
    def get(self, request: Request, round_id: int) -> Response:
        actor = request_actor(request)
        params = PerceptionResultsInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        perception_round = round_get_for_actor(actor=actor, round_id=round_id)
        results = perception_results_for_actor(
            actor=actor,
            perception_round=perception_round,
            agency_id=params.validated_data["agency"],
        )
        return Response(results_data(results))


class PerceptionResponseApi(APIView):
    """Answer an open round, once (anonymous: the answer is not linked to the account)."""

    @extend_schema(
        request=PerceptionResponseInputSerializer,
        responses={201: dict},
        summary="Isi survei persepsi",
    )
    def post(self, request: Request, round_id: int) -> Response:
        actor = request_actor(request)
        params = PerceptionResponseInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        perception_round = round_get_for_actor(actor=actor, round_id=round_id)
        perception_response_submit(
            actor=actor,
            round=perception_round,
            answers=params.validated_data["answers"],
            remark=params.validated_data["remark"],
        )
        return Response(
            {"detail": "Terima kasih, jawaban Anda tersimpan tanpa nama Anda."},
            status=status.HTTP_201_CREATED,
        )


urlpatterns: list[URLPattern] = [
    path("perception-rounds/", PerceptionRoundListApi.as_view(), name="perception-rounds"),
    path(
        "perception-rounds/<id:round_id>/results/",
        PerceptionResultsApi.as_view(),
        name="perception-results",
    ),
    path(
        "perception-rounds/<id:round_id>/responses/",
        PerceptionResponseApi.as_view(),
        name="perception-responses",
    ),
]
