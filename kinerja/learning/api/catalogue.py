"""API of the training catalogue under /api/v1/training-courses/: the list with the page's
filters (search, kind, mode, competency) and one course. Everyone logged in reads the active
courses; the same selector as the page decides (an inactive course is 404 to all but BKPSDM)."""

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
from kinerja.core.params import IdSerializerField
from kinerja.learning.models import CourseKind, CourseMode
from kinerja.learning.selectors.catalogue import (
    CourseFilters,
    course_get_for_actor,
    course_list_for_actor,
)


class LearningCompetencyOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="pk")
    code = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")


class TrainingCourseOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="pk")
    code = serializers.CharField()
    title = serializers.CharField()
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    mode = serializers.CharField()
    mode_label = serializers.CharField(source="get_mode_display")
    provider = serializers.CharField()
    jp = serializers.DecimalField(max_digits=5, decimal_places=1)
    description = serializers.CharField()
    is_active = serializers.BooleanField()
    competencies = LearningCompetencyOutputSerializer(many=True, source="competencies.all")


def _choice_help(label: str, choices: list[tuple[str, Any]]) -> str:
    return f"{label}: " + ", ".join(f"{value} ({text})" for value, text in choices) + "."


class TrainingCourseListInputSerializer(serializers.Serializer[Any]):
    q = serializers.CharField(
        required=False, default="", allow_blank=True, max_length=100,
        help_text="Cari pada judul atau kode.",
    )  # fmt: skip
    kind = serializers.ChoiceField(
        choices=CourseKind.choices, required=False, allow_blank=True, default="",
        help_text=_choice_help("Jenis", list(CourseKind.choices)),
        error_messages={"invalid_choice": "Jenis {input!r} tidak dikenal; pilih "
                        + ", ".join(CourseKind.values) + "."},
    )  # fmt: skip
    mode = serializers.ChoiceField(
        choices=CourseMode.choices, required=False, allow_blank=True, default="",
        help_text=_choice_help("Moda", list(CourseMode.choices)),
        error_messages={"invalid_choice": "Moda {input!r} tidak dikenal; pilih "
                        + ", ".join(CourseMode.values) + "."},
    )  # fmt: skip
    competency = IdSerializerField(
        required=False, allow_null=True, default=None,
        help_text="Id kompetensi yang dikembangkan.",
    )  # fmt: skip


class TrainingCourseListApi(APIView):
    """The training catalogue by title (active courses; BKPSDM also sees inactive ones)."""

    @extend_schema(
        parameters=[TrainingCourseListInputSerializer],
        responses=TrainingCourseOutputSerializer(many=True),
        summary="Katalog pelatihan",
    )
    def get(self, request: Request) -> Response:
        params = TrainingCourseListInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        filters = CourseFilters(
            search=data["q"], kind=data["kind"], mode=data["mode"], competency_id=data["competency"]
        )
        rows = course_list_for_actor(actor=request_actor(request), filters=filters)
        return paginated_response(
            request, self, rows, lambda page: TrainingCourseOutputSerializer(page, many=True).data
        )


class TrainingCourseDetailApi(APIView):
    """One course of the catalogue with the competencies it develops."""

    @extend_schema(responses=TrainingCourseOutputSerializer, summary="Satu pelatihan")
    def get(self, request: Request, course_id: int) -> Response:
        course = course_get_for_actor(actor=request_actor(request), course_id=course_id)
        return Response(TrainingCourseOutputSerializer(course).data)


urlpatterns: list[URLPattern] = [
    path("training-courses/", TrainingCourseListApi.as_view(), name="learning-courses"),
    path(
        "training-courses/<id:course_id>/",
        TrainingCourseDetailApi.as_view(),
        name="learning-course",
    ),
]
