"""API of evaluations: the list of what the actor may see, one evaluation with its rows, and
the appraiser's and the employee's actions (start, save, set, acknowledge), through the same
selectors and services as the pages (same refusals; 404 for an evaluation the actor may not
see)."""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.accounts.actors import request_actor
from kinerja.core.api_pages import paginated_response
from kinerja.core.api_routing import api_operations
from kinerja.evaluation.api.evaluation_io import (
    EvaluationDetailOutputSerializer,
    EvaluationListInputSerializer,
    EvaluationOutputSerializer,
    EvaluationSaveInputSerializer,
    EvaluationStartInputSerializer,
    evaluation_detail_data,
)
from kinerja.evaluation.api.listing import evaluation_list_for_actor
from kinerja.evaluation.api.params import filters_of, scope_of
from kinerja.evaluation.models import Evaluation
from kinerja.evaluation.selectors.common import (
    PERIOD_PARAM,
    SCOPE_PARAM,
    evaluation_get_for_actor,
)
from kinerja.evaluation.services.evaluations import (
    BehaviorInput,
    ResultInput,
    evaluation_acknowledge,
    evaluation_save,
    evaluation_set,
    evaluation_start,
)
from kinerja.planning.selectors import core_values, plan_get_for_actor


def _detail(request: Request, evaluation_id: int) -> dict[str, Any]:
    """The evaluation as the actor may see it, read fresh (after a service changed it)."""
    evaluation = evaluation_get_for_actor(actor=request_actor(request), evaluation_id=evaluation_id)
    names = {value.code: value.name for value in core_values()}
    return evaluation_detail_data(evaluation, names)


def _evaluation(request: Request, evaluation_id: int) -> Evaluation:
    return evaluation_get_for_actor(actor=request_actor(request), evaluation_id=evaluation_id)


class EvaluationListApi(APIView):
    """The evaluations I may see: my own once rated, those I rate, and (once rated) those of
    the agencies I read; filtered by `periode`, `evaluasi` (window id or "tahunan"),
    `agency` and `state`."""

    @extend_schema(
        parameters=[EvaluationListInputSerializer],
        responses=EvaluationOutputSerializer(many=True),
        summary="Daftar penilaian kinerja",
        operation_id="v1_evaluations_list",
    )
    def get(self, request: Request) -> Response:
        params = EvaluationListInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        found = filters_of(request.query_params)
        rows = evaluation_list_for_actor(
            actor=request_actor(request),
            period=found.period,
            scope=found.scope,
            agency_id=data.get("agency"),
            state=data.get("state", ""),
        )
        return paginated_response(
            request, self, rows, lambda page: EvaluationOutputSerializer(page, many=True).data
        )


class EvaluationStartApi(APIView):
    """Start (or open the existing) evaluation of a plan for a window or the year: the
    plan's appraiser only."""

    @extend_schema(
        request=EvaluationStartInputSerializer,
        responses={201: EvaluationDetailOutputSerializer},
        summary="Mulai penilaian",
    )
    def post(self, request: Request) -> Response:
        actor = request_actor(request)
        params = EvaluationStartInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        plan = plan_get_for_actor(actor=actor, plan_id=data["plan"])
        scope = scope_of({PERIOD_PARAM: plan.period_id, SCOPE_PARAM: data["evaluasi"]})
        assert scope is not None  # the plan's period exists
        evaluation = evaluation_start(actor=actor, plan=plan, window=scope.window)
        return Response(_detail(request, evaluation.pk), status=status.HTTP_201_CREATED)


class EvaluationDetailApi(APIView):
    """One evaluation with its result and behaviour ratings (404 unless I may see it)."""

    @extend_schema(
        responses=EvaluationDetailOutputSerializer,
        summary="Penilaian kinerja dengan rating per RHK dan per nilai dasar",
    )
    def get(self, request: Request, evaluation_id: int) -> Response:
        return Response(_detail(request, evaluation_id))


def _save_inputs(
    evaluation: Evaluation, data: dict[str, Any]
) -> tuple[list[ResultInput], list[BehaviorInput]]:
    """Every stored row, with the given ones in their place (a PATCH changes what it names)."""
    given_r = {row["result_id"]: row for row in data.get("results", [])}
    results = [
        ResultInput(result_id=row.result_id, rating=row.rating, reason=row.reason)
        for row in evaluation.result_ratings.order_by("pk")
        if row.result_id not in given_r
    ]
    results += [
        ResultInput(result_id=key, rating=row["rating"], reason=row["reason"])
        for key, row in given_r.items()
    ]
    given_b = {row["core_value"]: row for row in data.get("behaviors", [])}
    behaviors = [
        BehaviorInput(core_value=row.core_value, rating=row.rating, note=row.note)
        for row in evaluation.behavior_ratings.order_by("pk")
        if row.core_value not in given_b
    ]
    behaviors += [
        BehaviorInput(core_value=key, rating=row["rating"], note=row["note"])
        for key, row in given_b.items()
    ]
    return results, behaviors


class EvaluationSaveApi(APIView):
    """Save the draft's ratings (the appraiser); what is left out keeps its value."""

    @extend_schema(
        request=EvaluationSaveInputSerializer,
        responses=EvaluationDetailOutputSerializer,
        summary="Simpan penilaian",
    )
    def patch(self, request: Request, evaluation_id: int) -> Response:
        actor = request_actor(request)
        evaluation = _evaluation(request, evaluation_id)
        params = EvaluationSaveInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        results, behaviors = _save_inputs(evaluation, data)
        evaluation_save(
            actor=actor,
            evaluation=evaluation,
            results=results,
            behaviors=behaviors,
            results_rating=data.get("results_rating", evaluation.results_rating),
            results_reason=data.get("results_reason", evaluation.results_reason),
            behavior_rating=data.get("behavior_rating", evaluation.behavior_rating),
            behavior_reason=data.get("behavior_reason", evaluation.behavior_reason),
            early_reason=data.get("early_reason", evaluation.early_reason),
        )
        return Response(_detail(request, evaluation_id))


class EvaluationSetApi(APIView):
    """Set (tetapkan) the draft: the appraiser; the employee is told."""

    @extend_schema(
        request=None, responses=EvaluationDetailOutputSerializer, summary="Tetapkan penilaian"
    )
    def post(self, request: Request, evaluation_id: int) -> Response:
        evaluation = _evaluation(request, evaluation_id)
        evaluation_set(actor=request_actor(request), evaluation=evaluation)
        return Response(_detail(request, evaluation_id))


class EvaluationAcknowledgeApi(APIView):
    """The employee acknowledges receipt of the result; the objection window starts."""

    @extend_schema(
        request=None,
        responses=EvaluationDetailOutputSerializer,
        summary="Nyatakan menerima hasil penilaian",
    )
    def post(self, request: Request, evaluation_id: int) -> Response:
        evaluation = _evaluation(request, evaluation_id)
        evaluation_acknowledge(actor=request_actor(request), evaluation=evaluation)
        return Response(_detail(request, evaluation_id))


urlpatterns: list[URLPattern] = [
    path(
        "evaluations/",
        api_operations(get=EvaluationListApi, post=EvaluationStartApi).as_view(),
        name="evaluations",
    ),
    path(
        "evaluations/<id:evaluation_id>/",
        api_operations(get=EvaluationDetailApi, patch=EvaluationSaveApi).as_view(),
        name="evaluation",
    ),
    path(
        "evaluations/<id:evaluation_id>/set/",
        EvaluationSetApi.as_view(),
        name="evaluation_set",
    ),
    path(
        "evaluations/<id:evaluation_id>/acknowledge/",
        EvaluationAcknowledgeApi.as_view(),
        name="evaluation_acknowledge",
    ),
]
