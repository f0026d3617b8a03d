"""API of the employee's own aggregates: GET /api/v1/360/results/ and
/api/v1/360/results/<cycle_id>/.

Only the actor's own results, always through `summary.py`: per core value and relation the
figure as the page shows it (a group under k has `shown` false, `count`, `mean` null and no
comments). No endpoint is about another employee, and none returns a raw answer."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.urls import URLPattern, path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.accounts.actors import request_actor
from kinerja.assessment.selectors.results import (
    NOT_FOUND,
    my_summaries_for_actor,
    result_page_for_actor,
)
from kinerja.assessment.summary import RelationFigure, Summary360
from kinerja.people.holdings import employee_id_for_user


class FeedbackFigureOutputSerializer(serializers.Serializer[Any]):
    relation = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    shown = serializers.BooleanField()
    count = serializers.IntegerField(allow_null=True)
    mean = serializers.CharField(allow_null=True, help_text="rata-rata 2 desimal, mis. 4.33")
    text = serializers.CharField()
    comments = serializers.ListField(child=serializers.CharField())
    rater_name = serializers.CharField(help_text="hanya untuk atasan dan diri sendiri")


class FeedbackValueOutputSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    name = serializers.CharField()
    figures = FeedbackFigureOutputSerializer(many=True)


class FeedbackResultOutputSerializer(serializers.Serializer[Any]):
    cycle_id = serializers.IntegerField()
    cycle_name = serializers.CharField()
    due_date = serializers.DateField()
    available = serializers.BooleanField()
    values = FeedbackValueOutputSerializer(many=True)


def _figure(figure: RelationFigure) -> dict[str, Any]:
    return {
        "relation": figure.relation.value,
        "label": figure.label,
        "shown": figure.shown,
        "count": figure.count,
        "mean": None if figure.mean is None else f"{figure.mean:.2f}",
        "text": figure.text,
        "comments": list(figure.comments),
        "rater_name": figure.rater_name,
    }


def result_data(summary: Summary360) -> dict[str, Any]:
    return {
        "cycle_id": summary.cycle.pk,
        "cycle_name": summary.cycle.name,
        "due_date": summary.cycle.due_date,
        "available": summary.available,
        "values": [
            {
                "code": value.value.code,
                "name": value.value.name,
                "figures": [_figure(figure) for figure in value.figures],
            }
            for value in summary.values
        ],
    }


class ResultListApi(APIView):
    """My own 360° results, one per closed round I was rated in, newest first."""

    @extend_schema(
        responses=FeedbackResultOutputSerializer(many=True),
        summary="Hasil umpan balik 360 saya",
        operation_id="v1_360_results_list",
    )
    def get(self, request: Request) -> Response:
        found = my_summaries_for_actor(actor=request_actor(request))
        return Response(
            FeedbackResultOutputSerializer([result_data(s) for s in found], many=True).data
        )


class ResultDetailApi(APIView):
    """My own 360° results in one round; 404 if I was not rated in it."""

    @extend_schema(
        responses=FeedbackResultOutputSerializer,
        summary="Hasil umpan balik 360 saya dalam satu putaran",
        operation_id="v1_360_results_retrieve",
    )
    def get(self, request: Request, cycle_id: int) -> Response:
        actor = request_actor(request)
        me = employee_id_for_user(actor)
        if me is None:
            raise Http404(NOT_FOUND)
        page = result_page_for_actor(actor=actor, cycle_id=cycle_id, employee_id=me)
        return Response(FeedbackResultOutputSerializer(result_data(page.summary)).data)


urlpatterns: list[URLPattern] = [
    path("360/results/", ResultListApi.as_view(), name="assessment-results"),
    path("360/results/<id:cycle_id>/", ResultDetailApi.as_view(), name="assessment-result"),
]
