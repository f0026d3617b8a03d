"""API of the rater's own tasks: GET /api/v1/360/tasks/, GET/PUT /api/v1/360/tasks/<id>/.

The same selectors, rule and service as the questionnaire page: a task is the actor's own
review (404 for anyone else's id, admins included); PUT merges the given scores and comments
into the rater's own sheet and, with `submit`, sends it (`services.answers.answers_save`)."""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.accounts.actors import request_actor
from kinerja.assessment.models import BehaviorReview
from kinerja.assessment.rules import answer_refusal
from kinerja.assessment.selectors.tasks import (
    ReviewTask,
    own_sheet,
    review_get_for_rater,
    review_tasks_for_actor,
)
from kinerja.assessment.services.answers import answers_save
from kinerja.core.api_pages import paginated_response
from kinerja.core.api_routing import api_operations
from kinerja.people.holdings import today

# --- output ---------------------------------------------------------------------------------


class TaskOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="review.pk")
    cycle_id = serializers.IntegerField(source="cycle.pk")
    cycle_name = serializers.CharField(source="cycle.name")
    ratee_name = serializers.CharField()
    relation = serializers.CharField(source="review.relation")
    relation_label = serializers.CharField()
    due_date = serializers.DateField()
    sent = serializers.BooleanField()
    may_answer = serializers.BooleanField()


class TaskDetailOutputSerializer(TaskOutputSerializer):
    submitted_on = serializers.DateField(source="review.submitted_on", allow_null=True)
    refusal = serializers.CharField(allow_null=True)
    scores = serializers.DictField(child=serializers.IntegerField(allow_null=True))
    comments = serializers.DictField(child=serializers.CharField())


# --- input ----------------------------------------------------------------------------------

SCORES_HELP = (
    'Skor per kode perilaku, mis. {"AKUNTABEL.1": 4, "AKUNTABEL.2": null}: bilangan bulat '
    "1-5, atau null untuk “Tidak dapat menilai”. Kode yang tidak disebut tetap seperti tersimpan."
)
COMMENTS_HELP = (
    'Komentar per kode nilai dasar, mis. {"AKUNTABEL": "…"}; teks kosong menghapusnya. '
    "Kode yang tidak disebut tetap seperti tersimpan."
)


def _dict_field(name: str, help_text: str) -> serializers.DictField:
    # The values pass unchanged: the rule (rules.answer_errors) names a wrong one in the same
    # sentence as the page.
    return serializers.DictField(
        required=False,
        default=dict,
        help_text=help_text,
        error_messages={
            "not_a_dict": (
                f"Isian “{name}” harus berupa objek {{{{kode: nilai}}}}; diterima {{input_type}}."
            ),
        },
    )


class TaskSaveInputSerializer(serializers.Serializer[Any]):
    scores = _dict_field("scores", SCORES_HELP)
    comments = _dict_field("comments", COMMENTS_HELP)
    submit = serializers.BooleanField(
        required=False,
        default=False,
        help_text="true: kirim jawaban (semua perilaku wajib dijawab); false: simpan draf.",
        error_messages={"invalid": "Isian “submit” harus true atau false."},
    )


# --- views ----------------------------------------------------------------------------------


def _task(review: BehaviorReview) -> ReviewTask:
    cycle = review.reviewer_list.cycle
    return ReviewTask(
        review=review,
        ratee_name=review.reviewer_list.employee.full_name,
        relation_label=review.get_relation_display(),
        cycle=cycle,
        due_date=cycle.due_date,
        sent=review.submitted_on is not None,
        may_answer=answer_refusal(cycle, today()) is None,
    )


def _detail(request: Request, review_id: int) -> dict[str, Any]:
    review = review_get_for_rater(actor=request_actor(request), review_id=review_id)
    sheet = own_sheet(review=review)
    task = _task(review)
    return {
        **TaskOutputSerializer(task).data,
        "submitted_on": review.submitted_on,
        "refusal": answer_refusal(task.cycle, today()),
        "scores": dict(sheet.scores) if sheet is not None else {},
        "comments": dict(sheet.comments) if sheet is not None else {},
    }


class TaskListApi(APIView):
    """My own 360° tasks as a rater (rounds in Pengisian or Selesai), self first then by name."""

    @extend_schema(
        responses=TaskOutputSerializer(many=True),
        summary="Tugas umpan balik 360 saya",
        operation_id="v1_360_tasks_list",
    )
    def get(self, request: Request) -> Response:
        tasks = review_tasks_for_actor(actor=request_actor(request))
        return paginated_response(
            request, self, tasks, lambda page: TaskOutputSerializer(page, many=True).data
        )


class TaskDetailApi(APIView):
    """One of my own tasks with my own answers (404 for anyone else's)."""

    @extend_schema(
        responses=TaskDetailOutputSerializer, summary="Tugas umpan balik 360 dengan jawaban saya"
    )
    def get(self, request: Request, review_id: int) -> Response:
        return Response(_detail(request, review_id))


class TaskSaveApi(APIView):
    """Save my answers (what is left out keeps its saved value) and, with `submit`, send them;
    editable until the due date."""

    @extend_schema(
        request=TaskSaveInputSerializer,
        responses=TaskDetailOutputSerializer,
        summary="Simpan atau kirim jawaban umpan balik 360 saya",
    )
    def put(self, request: Request, review_id: int) -> Response:
        actor = request_actor(request)
        review = review_get_for_rater(actor=actor, review_id=review_id)
        params = TaskSaveInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        answers_save(
            actor=actor,
            review=review,
            scores=data["scores"],
            comments=data["comments"],
            submit=data["submit"],
        )
        return Response(_detail(request, review_id))


urlpatterns: list[URLPattern] = [
    path("360/tasks/", TaskListApi.as_view(), name="assessment-tasks"),
    path(
        "360/tasks/<id:review_id>/",
        api_operations(get=TaskDetailApi, put=TaskSaveApi).as_view(),
        name="assessment-task",
    ),
]
