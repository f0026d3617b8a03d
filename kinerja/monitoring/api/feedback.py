"""API of continuous feedback under /api/v1/: my feedback received or given, one feedback with
its replies, giving feedback, replying; my requests and those waiting for me, asking, declining,
withdrawing. Same selectors, services and refusals as the pages (`feedback_views/`)."""

from __future__ import annotations

from typing import Any

from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.accounts.actors import request_actor
from kinerja.core.api_pages import paginated_response
from kinerja.core.api_routing import api_operations
from kinerja.core.params import IdSerializerField
from kinerja.discussions.selectors import comments_for
from kinerja.discussions.subjects import subject_label
from kinerja.monitoring.models import (
    Competency,
    Feedback,
    FeedbackRequest,
    FeedbackRequestState,
    FeedbackSubject,
)
from kinerja.monitoring.selectors.feedback import (
    Direction,
    RequestDirection,
    feedback_get_for_actor,
    feedback_list_for_actor,
    feedback_request_get_for_actor,
    feedback_request_list_for_actor,
)
from kinerja.monitoring.services.feedback import (
    feedback_give,
    feedback_reply,
    feedback_request_create,
    feedback_request_decline,
    feedback_request_withdraw,
)
from kinerja.people.models import Employee
from kinerja.planning.models import PlannedResult

# --- output ---------------------------------------------------------------------------------


class ReplyOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    author_name = serializers.CharField()
    body = serializers.CharField()
    created_at = serializers.DateTimeField()


class FeedbackOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    employee_id = serializers.IntegerField()
    employee_name = serializers.CharField(source="employee.full_name")
    author_id = serializers.IntegerField()
    author_name = serializers.CharField(source="author.full_name")
    author_is_appraiser = serializers.BooleanField()
    request_id = serializers.IntegerField(allow_null=True)
    subject = serializers.CharField()
    subject_label = serializers.CharField(source="get_subject_display")
    result_id = serializers.IntegerField(allow_null=True)
    core_value = serializers.CharField()
    text = serializers.CharField()
    example = serializers.CharField()
    suggestion = serializers.CharField()
    competencies = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()

    def get_competencies(self, obj: Feedback) -> list[str]:
        return [tag.competency for tag in obj.tags.all()]


class FeedbackDetailOutputSerializer(FeedbackOutputSerializer):
    replies = ReplyOutputSerializer(many=True)


class FeedbackRequestOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    employee_id = serializers.IntegerField()
    employee_name = serializers.CharField(source="employee.full_name")
    asked_id = serializers.IntegerField()
    asked_name = serializers.CharField(source="asked.full_name")
    subject = serializers.CharField()
    result_id = serializers.IntegerField(allow_null=True)
    core_value = serializers.CharField()
    message = serializers.CharField()
    state = serializers.CharField()
    state_label = serializers.CharField(source="get_state_display")
    created_at = serializers.DateTimeField()
    answered_at = serializers.DateTimeField(allow_null=True)
    decline_reason = serializers.SerializerMethodField()

    def get_decline_reason(self, obj: FeedbackRequest) -> str:
        """The reason given when the request was declined (the first comment of its thread)."""
        reasons: dict[int, str] = self.context.get("reasons", {})
        return reasons.get(obj.pk, "")


def _requests_data(requests: list[FeedbackRequest]) -> Any:
    """Requests as output, the reasons of the declined ones read in one query."""
    declined = [r for r in requests if r.state == FeedbackRequestState.DECLINED]
    threads = comments_for(declined) if declined else {}
    reasons = {
        r.pk: comments[0].body for r in declined if (comments := threads.get(subject_label(r)))
    }
    return FeedbackRequestOutputSerializer(requests, many=True, context={"reasons": reasons}).data


# --- input ----------------------------------------------------------------------------------


class FeedbackListInputSerializer(serializers.Serializer[Any]):
    arah = serializers.ChoiceField(
        choices=[("diterima", "diterima"), ("diberikan", "diberikan")],
        required=False,
        default="diterima",
    )


class RequestListInputSerializer(serializers.Serializer[Any]):
    arah = serializers.ChoiceField(
        choices=[("masuk", "masuk"), ("keluar", "keluar")], required=False, default="masuk"
    )


class TopicInputSerializer(serializers.Serializer[Any]):
    subject = serializers.ChoiceField(
        choices=FeedbackSubject.choices, required=False, default=FeedbackSubject.GENERAL
    )
    result_id = IdSerializerField(required=False, allow_null=True, default=None)
    core_value = serializers.CharField(required=False, default="", allow_blank=True, max_length=30)


class FeedbackInputSerializer(TopicInputSerializer):
    employee_id = IdSerializerField(required=False, allow_null=True, default=None)
    request_id = IdSerializerField(required=False, allow_null=True, default=None)
    text = serializers.CharField(max_length=4000, allow_blank=True)
    example = serializers.CharField(required=False, default="", allow_blank=True, max_length=4000)
    suggestion = serializers.CharField(
        required=False, default="", allow_blank=True, max_length=4000
    )
    competencies = serializers.ListField(
        child=serializers.ChoiceField(choices=Competency.choices), max_length=10
    )


class RequestInputSerializer(TopicInputSerializer):
    asked_id = IdSerializerField()
    message = serializers.CharField(required=False, default="", allow_blank=True, max_length=2000)


class ReplyInputSerializer(serializers.Serializer[Any]):
    body = serializers.CharField(max_length=4000, allow_blank=True)


class DeclineInputSerializer(serializers.Serializer[Any]):
    reason = serializers.CharField(max_length=2000, allow_blank=True)


def _by_id(model: Any, field: str, value: int | None, label: str) -> Any:
    if value is None:
        return None
    found = model.objects.filter(pk=value).first()
    if found is None:
        raise serializers.ValidationError({field: [f"{label} dengan id {value} tidak ada."]})
    return found


def _feedback_detail(feedback: Feedback) -> dict[str, Any]:
    data = FeedbackOutputSerializer(feedback).data
    replies = comments_for([feedback]).get(subject_label(feedback), [])
    return {**data, "replies": ReplyOutputSerializer(replies, many=True).data}


# --- views ----------------------------------------------------------------------------------


class FeedbackListApi(APIView):
    """Feedback I received (`arah=diterima`, default) or gave (`arah=diberikan`), newest first."""

    @extend_schema(
        parameters=[FeedbackListInputSerializer],
        responses=FeedbackOutputSerializer(many=True),
        summary="Daftar umpan balik saya",
        operation_id="v1_feedback_list",
    )
    def get(self, request: Request) -> Response:
        params = FeedbackListInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        direction: Direction = (
            "received" if params.validated_data["arah"] == "diterima" else "given"
        )
        rows = feedback_list_for_actor(actor=request_actor(request), direction=direction)
        return paginated_response(
            request, self, rows, lambda page: FeedbackOutputSerializer(page, many=True).data
        )


class FeedbackGiveApi(APIView):
    """Give feedback: to `employee_id` as their appraiser, or answering `request_id`."""

    @extend_schema(
        request=FeedbackInputSerializer,
        responses={201: FeedbackDetailOutputSerializer},
        summary="Beri umpan balik",
    )
    def post(self, request: Request) -> Response:
        actor = request_actor(request)
        params = FeedbackInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        feedback_request = None
        if data["request_id"] is not None:
            feedback_request = feedback_request_get_for_actor(
                actor=actor, request_id=data["request_id"]
            )
            employee = feedback_request.employee
        else:
            employee = _by_id(Employee, "employee_id", data["employee_id"], "Pegawai")
            if employee is None:
                raise serializers.ValidationError(
                    {"employee_id": ["Isi employee_id (pegawai) atau request_id (permintaan)."]}
                )
        feedback = feedback_give(
            actor=actor,
            employee=employee,
            request=feedback_request,
            subject=data["subject"],
            result=_by_id(PlannedResult, "result_id", data["result_id"], "RHK"),
            core_value=data["core_value"],
            text=data["text"],
            example=data["example"],
            suggestion=data["suggestion"],
            competencies=data["competencies"],
        )
        feedback = feedback_get_for_actor(actor=actor, feedback_id=feedback.pk)
        return Response(_feedback_detail(feedback), status=status.HTTP_201_CREATED)


class FeedbackDetailApi(APIView):
    @extend_schema(
        responses=FeedbackDetailOutputSerializer, summary="Umpan balik dengan tanggapannya"
    )
    def get(self, request: Request, feedback_id: int) -> Response:
        feedback = feedback_get_for_actor(actor=request_actor(request), feedback_id=feedback_id)
        return Response(_feedback_detail(feedback))


class FeedbackReplyApi(APIView):
    @extend_schema(
        request=ReplyInputSerializer,
        responses={201: ReplyOutputSerializer},
        summary="Tanggapi umpan balik",
    )
    def post(self, request: Request, feedback_id: int) -> Response:
        actor = request_actor(request)
        feedback = feedback_get_for_actor(actor=actor, feedback_id=feedback_id)
        params = ReplyInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        comment = feedback_reply(actor=actor, feedback=feedback, text=params.validated_data["body"])
        return Response(ReplyOutputSerializer(comment).data, status=status.HTTP_201_CREATED)


class RequestListApi(APIView):
    """Requests waiting for my answer (`arah=masuk`, default) or those I made (`arah=keluar`)."""

    @extend_schema(
        parameters=[RequestListInputSerializer],
        responses=FeedbackRequestOutputSerializer(many=True),
        summary="Daftar permintaan umpan balik",
        operation_id="v1_feedback_requests_list",
    )
    def get(self, request: Request) -> Response:
        params = RequestListInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        direction: RequestDirection = (
            "waiting" if params.validated_data["arah"] == "masuk" else "mine"
        )
        rows = feedback_request_list_for_actor(actor=request_actor(request), direction=direction)
        return paginated_response(request, self, rows, _requests_data)


class RequestCreateApi(APIView):
    @extend_schema(
        request=RequestInputSerializer,
        responses={201: FeedbackRequestOutputSerializer},
        summary="Minta umpan balik",
    )
    def post(self, request: Request) -> Response:
        actor = request_actor(request)
        params = RequestInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        created = feedback_request_create(
            actor=actor,
            asked=_by_id(Employee, "asked_id", data["asked_id"], "Pegawai"),
            subject=data["subject"],
            result=_by_id(PlannedResult, "result_id", data["result_id"], "RHK"),
            core_value=data["core_value"],
            message=data["message"],
        )
        created = feedback_request_get_for_actor(actor=actor, request_id=created.pk)
        return Response(_requests_data([created])[0], status=status.HTTP_201_CREATED)


class RequestDeclineApi(APIView):
    @extend_schema(
        request=DeclineInputSerializer,
        responses=FeedbackRequestOutputSerializer,
        summary="Tolak permintaan umpan balik",
    )
    def post(self, request: Request, request_id: int) -> Response:
        actor = request_actor(request)
        feedback_request = feedback_request_get_for_actor(actor=actor, request_id=request_id)
        params = DeclineInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        feedback_request_decline(
            actor=actor, request=feedback_request, reason=params.validated_data["reason"]
        )
        feedback_request = feedback_request_get_for_actor(actor=actor, request_id=request_id)
        return Response(_requests_data([feedback_request])[0])


class RequestWithdrawApi(APIView):
    @extend_schema(
        request=None,
        responses=FeedbackRequestOutputSerializer,
        summary="Batalkan permintaan umpan balik",
    )
    def post(self, request: Request, request_id: int) -> Response:
        actor = request_actor(request)
        feedback_request = feedback_request_get_for_actor(actor=actor, request_id=request_id)
        feedback_request_withdraw(actor=actor, request=feedback_request)
        feedback_request = feedback_request_get_for_actor(actor=actor, request_id=request_id)
        return Response(_requests_data([feedback_request])[0])


urlpatterns = [
    path(
        "feedback/",
        api_operations(get=FeedbackListApi, post=FeedbackGiveApi).as_view(),
        name="feedback_list",
    ),
    path("feedback/<id:feedback_id>/", FeedbackDetailApi.as_view(), name="feedback_detail"),
    path("feedback/<id:feedback_id>/replies/", FeedbackReplyApi.as_view(), name="feedback_reply"),
    path(
        "feedback-requests/",
        api_operations(get=RequestListApi, post=RequestCreateApi).as_view(),
        name="feedback_request_list",
    ),
    path(
        "feedback-requests/<id:request_id>/decline/",
        RequestDeclineApi.as_view(),
        name="feedback_request_decline",
    ),
    path(
        "feedback-requests/<id:request_id>/withdraw/",
        RequestWithdrawApi.as_view(),
        name="feedback_request_withdraw",
    ),
]
