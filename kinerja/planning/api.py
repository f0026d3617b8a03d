"""API: plans (SKP) with their results, indicators and comment threads, and the actions of
the plan page (submit, return, approve, add a result or an indicator, comment), through the
same selectors and services as the pages, so a refusal reads the same sentence everywhere."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.accounts.actors import Actor, request_actor
from kinerja.core.api_routing import api_operations
from kinerja.core.params import DecimalSerializerField, IdSerializerField, ModelCharField
from kinerja.discussions.selectors import comments_for, versions_for
from kinerja.discussions.subjects import subject_label
from kinerja.organization.models import ServiceUnit
from kinerja.people.models import Employee
from kinerja.people.selectors import employee_for_user
from kinerja.periods.models import PerformancePeriod
from kinerja.planning.models import (
    Indicator,
    OrganizationGoal,
    PerformancePlan,
    PlannedResult,
)
from kinerja.planning.selectors import (
    indicator_target_text,
    plan_document_build,
    plan_get_for_actor,
    plan_list_for_actor,
    plan_team_list_for_actor,
)
from kinerja.planning.services import (
    indicator_add,
    indicator_comment_add,
    plan_approve,
    plan_comment_add,
    plan_return,
    plan_revise,
    plan_start,
    plan_submit,
    result_add,
    result_comment_add,
)

# --- output ---------------------------------------------------------------------------------


class PlanSummaryOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    period_id = serializers.IntegerField()
    period_name = serializers.CharField(source="period.name")
    year = serializers.IntegerField(source="period.year")
    employee_id = serializers.IntegerField()
    employee_name = serializers.CharField(source="employee.full_name")
    position_name = serializers.CharField(source="position.name")
    state = serializers.CharField()
    state_label = serializers.CharField(source="get_state_display")
    version = serializers.IntegerField()
    approved_version = serializers.IntegerField(allow_null=True)
    start_date = serializers.DateField()
    end_date = serializers.DateField()


class TeamRowOutputSerializer(serializers.Serializer[Any]):
    employee_id = serializers.IntegerField(source="employee.pk")
    employee_name = serializers.CharField(source="employee.full_name")
    plan = PlanSummaryOutputSerializer(allow_null=True)


class PlanListOutputSerializer(serializers.Serializer[Any]):
    mine = PlanSummaryOutputSerializer(many=True)
    team = TeamRowOutputSerializer(many=True)


class CommentOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    author_name = serializers.CharField()
    body = serializers.CharField()
    created_at = serializers.DateTimeField()


class IndicatorOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    number = serializers.IntegerField()
    aspect = serializers.CharField()
    text = serializers.CharField()
    target_kind = serializers.CharField()
    target_value = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    target_max = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    target_unit = serializers.CharField()
    target_description = serializers.CharField()
    target_text = serializers.CharField()
    polarity = serializers.CharField()
    source = serializers.CharField()  # type: ignore[assignment]
    service_unit_id = serializers.IntegerField(allow_null=True)
    evidence_required = serializers.BooleanField()
    comments = CommentOutputSerializer(many=True)


class ResultOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    number = serializers.IntegerField()
    text = serializers.CharField()
    parent_id = serializers.IntegerField(allow_null=True)
    parent_text = serializers.CharField()
    goal_id = serializers.IntegerField(allow_null=True)
    perspective = serializers.CharField()
    indicators = IndicatorOutputSerializer(many=True)
    comments = CommentOutputSerializer(many=True)


class ExpectationOutputSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    name = serializers.CharField()
    text = serializers.CharField()


class VersionOutputSerializer(serializers.Serializer[Any]):
    number = serializers.IntegerField()
    note = serializers.CharField()
    created_by_name = serializers.CharField()
    created_at = serializers.DateTimeField()
    lines = serializers.ListField(child=serializers.CharField())


class PlanDetailOutputSerializer(serializers.Serializer[Any]):
    plan = PlanSummaryOutputSerializer()
    appraiser_name = serializers.CharField()
    appraiser_is_mayor = serializers.BooleanField()
    approach = serializers.CharField()
    resource_support = serializers.CharField()
    accountability_scheme = serializers.CharField()
    consequences = serializers.CharField()
    results = ResultOutputSerializer(many=True)
    expectations = ExpectationOutputSerializer(many=True)
    comments = CommentOutputSerializer(many=True)
    versions = VersionOutputSerializer(many=True)


INDICATOR_FIELDS = (
    "id", "number", "aspect", "text", "target_kind", "target_value", "target_max",
    "target_unit", "target_description", "polarity", "source", "service_unit_id",
    "evidence_required",
)  # fmt: skip


def _plan_detail(plan: PerformancePlan) -> dict[str, Any]:
    """The plan as the page shows it, in one constant set of queries."""
    document = plan_document_build(plan=plan)
    views = [*document.main, *document.additional]
    subjects = [plan, *(v.result for v in views), *(i for v in views for i in v.indicators)]
    comments = comments_for(subjects)

    def thread(obj: Any) -> list[Any]:
        return comments.get(subject_label(obj), [])

    body = {
        "plan": plan,
        "appraiser_name": document.appraiser_name,
        "appraiser_is_mayor": plan.appraiser_is_mayor,
        "approach": plan.approach,
        "resource_support": plan.resource_support,
        "accountability_scheme": plan.accountability_scheme,
        "consequences": plan.consequences,
        "results": [
            {
                "id": v.result.pk,
                "kind": v.result.kind,
                "number": v.result.number,
                "text": v.result.text,
                "parent_id": v.result.parent_id,
                "parent_text": v.parent_text,
                "goal_id": v.result.goal_id,
                "perspective": v.result.perspective,
                "indicators": [
                    {
                        **{f: getattr(i, f) for f in INDICATOR_FIELDS},
                        "target_text": indicator_target_text(i),
                        "comments": thread(i),
                    }
                    for i in v.indicators
                ],
                "comments": thread(v.result),
            }
            for v in views
        ],
        "expectations": [
            {"code": e.code, "name": e.name, "text": e.text} for e in document.expectations
        ],
        "comments": thread(plan),
        "versions": versions_for(plan),
    }
    return dict(PlanDetailOutputSerializer(body).data)


# --- input ----------------------------------------------------------------------------------


class PlanListInputSerializer(serializers.Serializer[Any]):
    period = IdSerializerField(required=False, allow_null=True, default=None)


class NoteInputSerializer(serializers.Serializer[Any]):
    note = serializers.CharField(required=False, default="", allow_blank=True, max_length=4000)


class ReturnInputSerializer(serializers.Serializer[Any]):
    note = serializers.CharField(allow_blank=True, max_length=4000)


class PlanStartInputSerializer(serializers.Serializer[Any]):
    period_id = IdSerializerField()
    employee_id = IdSerializerField(required=False, allow_null=True, default=None)


class ReviseInputSerializer(serializers.Serializer[Any]):
    reason = serializers.CharField(allow_blank=True, max_length=4000)


class CommentInputSerializer(serializers.Serializer[Any]):
    # Longer than the comment rule, so that the service's own sentence refuses 4.001 characters.
    body = serializers.CharField(allow_blank=True, trim_whitespace=False, max_length=20000)


class ResultInputSerializer(serializers.Serializer[Any]):
    kind = ModelCharField(PlannedResult, "kind")
    text = serializers.CharField(allow_blank=True, max_length=500)
    parent_id = IdSerializerField(required=False, allow_null=True, default=None)
    goal_id = IdSerializerField(required=False, allow_null=True, default=None)
    perspective = ModelCharField(
        PlannedResult, "perspective", required=False, default="", allow_blank=True
    )


class IndicatorInputSerializer(serializers.Serializer[Any]):
    aspect = ModelCharField(Indicator, "aspect")
    text = serializers.CharField(allow_blank=True, max_length=500)
    target_kind = ModelCharField(Indicator, "target_kind")
    target_value = DecimalSerializerField(
        max_digits=16, decimal_places=2, required=False, allow_null=True, default=None
    )
    target_max = DecimalSerializerField(
        max_digits=16, decimal_places=2, required=False, allow_null=True, default=None
    )
    target_unit = ModelCharField(
        Indicator, "target_unit", required=False, default="", allow_blank=True
    )
    target_description = serializers.CharField(
        required=False, default="", allow_blank=True, max_length=4000
    )
    polarity = ModelCharField(Indicator, "polarity", required=False, default="HIGHER_IS_BETTER")
    source = ModelCharField(Indicator, "source", required=False, default="MANUAL")  # type: ignore[assignment]
    service_unit_id = IdSerializerField(required=False, allow_null=True, default=None)
    evidence_required = serializers.BooleanField(required=False, default=True)


def _by_id(model: Any, field: str, value: int | None, label: str) -> Any:
    if value is None:
        return None
    found = model.objects.filter(pk=value).first()
    if found is None:
        raise serializers.ValidationError({field: [f"{label} dengan id {value} tidak ada."]})
    return found


# --- views ----------------------------------------------------------------------------------


class PlanListApi(APIView):
    """My plans (every period), and my team's plans in a period (the current one unless given)."""

    @extend_schema(
        parameters=[PlanListInputSerializer],
        responses=PlanListOutputSerializer,
        summary="Daftar SKP saya dan tim saya",
        operation_id="v1_plans_list",
    )
    def get(self, request: Request) -> Response:
        params = PlanListInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        actor = request_actor(request)
        period_id = params.validated_data["period"]
        mine = plan_list_for_actor(actor=actor, period_id=period_id)
        team = plan_team_list_for_actor(actor=actor, period_id=period_id)
        return Response(PlanListOutputSerializer({"mine": mine, "team": team.rows}).data)


class PlanStartApi(APIView):
    """Start a draft: for myself, or (`employee_id`) for a subordinate, as on the page."""

    @extend_schema(
        request=PlanStartInputSerializer,
        responses={201: PlanDetailOutputSerializer},
        summary="Mulai SKP",
    )
    def post(self, request: Request) -> Response:
        actor = request_actor(request)
        params = PlanStartInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        period = _by_id(PerformancePeriod, "period_id", data["period_id"], "Periode")
        employee = (
            _by_id(Employee, "employee_id", data["employee_id"], "Pegawai")
            if data["employee_id"] is not None
            else employee_for_user(user=actor)
        )
        if employee is None:
            raise serializers.ValidationError(
                {"employee_id": ["Akun Anda tidak terhubung dengan data pegawai; isi employee_id."]}
            )
        plan = plan_start(actor=actor, employee=employee, period=period)
        plan = plan_get_for_actor(actor=actor, plan_id=plan.pk)
        return Response(_plan_detail(plan), status=status.HTTP_201_CREATED)


def _decide(
    request: Request,
    plan_id: int,
    serializer: type[serializers.Serializer[Any]],
    field: str,
    act: Callable[[Actor, PerformancePlan, str], object],
) -> Response:
    """A decision on a plan (submit, return, approve, revise): the plan for the actor, the
    note or reason from the body, the service, and the plan as it is now."""
    actor = request_actor(request)
    plan = plan_get_for_actor(actor=actor, plan_id=plan_id)
    params = serializer(data=request.data)
    params.is_valid(raise_exception=True)
    act(actor, plan, params.validated_data[field])
    return Response(_plan_detail(plan))


def _result_on(plan: PerformancePlan, result_id: int) -> PlannedResult:
    result = plan.results.filter(pk=result_id).first()
    if result is None:
        raise serializers.ValidationError(
            {"result_id": [f"RHK dengan id {result_id} tidak ada pada SKP ini."]}
        )
    return result


class PlanDetailApi(APIView):
    @extend_schema(
        responses=PlanDetailOutputSerializer,
        summary="SKP dengan RHK, indikator, diskusi dan versinya",
    )
    def get(self, request: Request, plan_id: int) -> Response:
        plan = plan_get_for_actor(actor=request_actor(request), plan_id=plan_id)
        return Response(_plan_detail(plan))


class PlanSubmitApi(APIView):
    @extend_schema(
        request=NoteInputSerializer, responses=PlanDetailOutputSerializer, summary="Ajukan SKP"
    )
    def post(self, request: Request, plan_id: int) -> Response:
        return _decide(
            request,
            plan_id,
            NoteInputSerializer,
            "note",
            lambda actor, plan, text: plan_submit(actor=actor, plan=plan, note=text),
        )


class PlanReturnApi(APIView):
    @extend_schema(
        request=ReturnInputSerializer,
        responses=PlanDetailOutputSerializer,
        summary="Kembalikan SKP dengan catatan",
    )
    def post(self, request: Request, plan_id: int) -> Response:
        return _decide(
            request,
            plan_id,
            ReturnInputSerializer,
            "note",
            lambda actor, plan, text: plan_return(actor=actor, plan=plan, note=text),
        )


class PlanApproveApi(APIView):
    @extend_schema(
        request=NoteInputSerializer, responses=PlanDetailOutputSerializer, summary="Setujui SKP"
    )
    def post(self, request: Request, plan_id: int) -> Response:
        return _decide(
            request,
            plan_id,
            NoteInputSerializer,
            "note",
            lambda actor, plan, text: plan_approve(actor=actor, plan=plan, note=text),
        )


class PlanReviseApi(APIView):
    @extend_schema(
        request=ReviseInputSerializer,
        responses=PlanDetailOutputSerializer,
        summary="Mulai revisi SKP yang sudah disetujui",
    )
    def post(self, request: Request, plan_id: int) -> Response:
        return _decide(
            request,
            plan_id,
            ReviseInputSerializer,
            "reason",
            lambda actor, plan, text: plan_revise(actor=actor, plan=plan, reason=text),
        )


class ResultAddApi(APIView):
    @extend_schema(
        request=ResultInputSerializer,
        responses={201: PlanDetailOutputSerializer},
        summary="Tambah RHK",
    )
    def post(self, request: Request, plan_id: int) -> Response:
        plan = plan_get_for_actor(actor=request_actor(request), plan_id=plan_id)
        params = ResultInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        result_add(
            actor=request_actor(request),
            plan=plan,
            kind=data["kind"],
            text=data["text"],
            parent=_by_id(PlannedResult, "parent_id", data["parent_id"], "RHK atasan"),
            goal=_by_id(OrganizationGoal, "goal_id", data["goal_id"], "Sasaran strategis"),
            perspective=data["perspective"],
        )
        return Response(_plan_detail(plan), status=status.HTTP_201_CREATED)


class IndicatorAddApi(APIView):
    @extend_schema(
        request=IndicatorInputSerializer,
        responses={201: PlanDetailOutputSerializer},
        summary="Tambah indikator pada RHK",
    )
    def post(self, request: Request, plan_id: int, result_id: int) -> Response:
        plan = plan_get_for_actor(actor=request_actor(request), plan_id=plan_id)
        result = _result_on(plan, result_id)
        params = IndicatorInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        data = dict(params.validated_data)
        service_unit = _by_id(
            ServiceUnit, "service_unit_id", data.pop("service_unit_id"), "Unit layanan"
        )
        indicator_add(
            actor=request_actor(request), result=result, service_unit=service_unit, **data
        )
        return Response(_plan_detail(plan), status=status.HTTP_201_CREATED)


class PlanCommentApi(APIView):
    """A comment on the plan, on one of its results (`result_id`) or indicators (`indicator_id`)."""

    @extend_schema(
        request=CommentInputSerializer,
        responses={201: CommentOutputSerializer},
        summary="Tulis komentar pada SKP, RHK atau indikator",
    )
    def post(
        self,
        request: Request,
        plan_id: int,
        result_id: int | None = None,
        indicator_id: int | None = None,
    ) -> Response:
        actor = request_actor(request)
        plan = plan_get_for_actor(actor=actor, plan_id=plan_id)
        params = CommentInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        body = params.validated_data["body"]
        if result_id is not None:
            result = _result_on(plan, result_id)
            comment = result_comment_add(actor=actor, result=result, body=body)
        elif indicator_id is not None:
            indicator = Indicator.objects.filter(pk=indicator_id, result__plan=plan).first()
            if indicator is None:
                raise serializers.ValidationError(
                    {
                        "indicator_id": [
                            f"Indikator dengan id {indicator_id} tidak ada pada SKP ini."
                        ]
                    }
                )
            comment = indicator_comment_add(actor=actor, indicator=indicator, body=body)
        else:
            comment = plan_comment_add(actor=actor, plan=plan, body=body)
        return Response(CommentOutputSerializer(comment).data, status=status.HTTP_201_CREATED)


urlpatterns = [
    path("plans/", api_operations(get=PlanListApi, post=PlanStartApi).as_view(), name="plan_list"),
    path("plans/<id:plan_id>/", PlanDetailApi.as_view(), name="plan_detail"),
    path("plans/<id:plan_id>/submit/", PlanSubmitApi.as_view(), name="plan_submit"),
    path("plans/<id:plan_id>/return/", PlanReturnApi.as_view(), name="plan_return"),
    path("plans/<id:plan_id>/approve/", PlanApproveApi.as_view(), name="plan_approve"),
    path("plans/<id:plan_id>/revise/", PlanReviseApi.as_view(), name="plan_revise"),
    path("plans/<id:plan_id>/results/", ResultAddApi.as_view(), name="plan_result_add"),
    path(
        "plans/<id:plan_id>/results/<id:result_id>/indicators/",
        IndicatorAddApi.as_view(),
        name="plan_indicator_add",
    ),
    path("plans/<id:plan_id>/comments/", PlanCommentApi.as_view(), name="plan_comment"),
    path(
        "plans/<id:plan_id>/results/<id:result_id>/comments/",
        PlanCommentApi.as_view(),
        name="plan_result_comment",
    ),
    path(
        "plans/<id:plan_id>/indicators/<id:indicator_id>/comments/",
        PlanCommentApi.as_view(),
        name="plan_indicator_comment",
    ),
]
