"""API of realisations: a plan's realisations in one window, save, submit, return and accept,
through the same selectors and services as the pages (same refusals, 404 for a plan the actor
may not see)."""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.accounts.actors import request_actor
from kinerja.core.api_routing import api_operations
from kinerja.core.params import DecimalSerializerField, IdSerializerField
from kinerja.monitoring.models import Realization
from kinerja.monitoring.selectors.realizations import (
    RealizationPage,
    realization_by_id_for_actor,
    realization_get_for_actor,
    realization_page_for_actor,
)
from kinerja.monitoring.services.realizations import (
    realization_accept,
    realization_return,
    realization_save,
    realization_submit,
)

# --- output ---------------------------------------------------------------------------------


class RealizationWindowOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="window.pk")
    name = serializers.CharField(source="label")
    start_date = serializers.DateField(source="window.start_date")
    end_date = serializers.DateField(source="window.end_date")
    realization_due_date = serializers.DateField(source="window.realization_due_date")
    started = serializers.BooleanField()
    open = serializers.BooleanField()
    summary = serializers.CharField()


class RealizationOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    plan_id = serializers.IntegerField()
    indicator_id = serializers.IntegerField()
    window_id = serializers.IntegerField()
    value = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    description = serializers.CharField()
    note = serializers.CharField()
    achievement = serializers.DecimalField(max_digits=8, decimal_places=2, allow_null=True)
    state = serializers.CharField()
    state_label = serializers.CharField(source="get_state_display")
    revision = serializers.IntegerField()
    submitted_at = serializers.DateTimeField(allow_null=True)
    decided_at = serializers.DateTimeField(allow_null=True)
    return_reason = serializers.CharField()


class RowOutputSerializer(serializers.Serializer[Any]):
    indicator_id = serializers.IntegerField(source="indicator.pk")
    indicator_text = serializers.CharField(source="indicator.text")
    target_text = serializers.CharField()
    self_filled = serializers.BooleanField()
    value = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    achievement = serializers.DecimalField(max_digits=8, decimal_places=2, allow_null=True)
    state = serializers.CharField()
    state_label = serializers.CharField()
    late = serializers.BooleanField()
    missing = serializers.BooleanField()
    evidence_count = serializers.IntegerField()
    realization = RealizationOutputSerializer(allow_null=True)


class PlanRealizationsOutputSerializer(serializers.Serializer[Any]):
    plan_id = serializers.IntegerField(source="plan.pk")
    window = RealizationWindowOutputSerializer(source="status", allow_null=True)
    windows = RealizationWindowOutputSerializer(many=True)
    rows = RowOutputSerializer(many=True)


# --- input ----------------------------------------------------------------------------------


class WindowInputSerializer(serializers.Serializer[Any]):
    window = IdSerializerField(required=False, allow_null=True, default=None)


class SaveInputSerializer(serializers.Serializer[Any]):
    indicator = IdSerializerField()
    window = IdSerializerField()
    value = DecimalSerializerField(
        max_digits=20, decimal_places=6, required=False, allow_null=True, default=None
    )
    description = serializers.CharField(
        required=False, default="", allow_blank=True, max_length=20000
    )
    note = serializers.CharField(required=False, default="", allow_blank=True, max_length=20000)


class ReasonInputSerializer(serializers.Serializer[Any]):
    reason = serializers.CharField(allow_blank=True, max_length=20000)


# --- views ----------------------------------------------------------------------------------


def _page(page: RealizationPage) -> dict[str, Any]:
    return dict(PlanRealizationsOutputSerializer(page).data)


class PlanRealizationsApi(APIView):
    """A plan's realisations in one window (default: the window containing today)."""

    @extend_schema(
        parameters=[WindowInputSerializer],
        responses=PlanRealizationsOutputSerializer,
        summary="Realisasi SKP per evaluasi periodik",
        operation_id="v1_plan_realizations_list",
    )
    def get(self, request: Request, plan_id: int) -> Response:
        params = WindowInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        page = realization_page_for_actor(
            actor=request_actor(request),
            plan_id=plan_id,
            window_id=params.validated_data["window"],
        )
        return Response(_page(page))


class RealizationSaveApi(APIView):
    """Save the employee's draft (or returned) realisation of an indicator in a window."""

    @extend_schema(
        request=SaveInputSerializer,
        responses=RealizationOutputSerializer,
        summary="Simpan realisasi",
    )
    def post(self, request: Request, plan_id: int) -> Response:
        actor = request_actor(request)
        params = SaveInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        detail = realization_get_for_actor(
            actor=actor, plan_id=plan_id, window_id=data["window"], indicator_id=data["indicator"]
        )
        realization = realization_save(
            actor=actor,
            plan=detail.plan,
            indicator=detail.indicator,
            window=detail.window,
            value=data["value"],
            description=data["description"],
            note=data["note"],
        )
        return Response(RealizationOutputSerializer(realization).data)


def _realization(request: Request, realization_id: int) -> Realization:
    return realization_by_id_for_actor(actor=request_actor(request), realization_id=realization_id)


class RealizationSubmitApi(APIView):
    @extend_schema(request=None, responses=RealizationOutputSerializer, summary="Ajukan realisasi")
    def post(self, request: Request, realization_id: int) -> Response:
        realization = _realization(request, realization_id)
        realization_submit(actor=request_actor(request), realization=realization)
        return Response(RealizationOutputSerializer(realization).data)


class RealizationReturnApi(APIView):
    @extend_schema(
        request=ReasonInputSerializer,
        responses=RealizationOutputSerializer,
        summary="Kembalikan realisasi dengan alasan",
    )
    def post(self, request: Request, realization_id: int) -> Response:
        realization = _realization(request, realization_id)
        params = ReasonInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        realization_return(
            actor=request_actor(request),
            realization=realization,
            reason=params.validated_data["reason"],
        )
        return Response(RealizationOutputSerializer(realization).data)


class RealizationAcceptApi(APIView):
    @extend_schema(request=None, responses=RealizationOutputSerializer, summary="Terima realisasi")
    def post(self, request: Request, realization_id: int) -> Response:
        realization = _realization(request, realization_id)
        realization_accept(actor=request_actor(request), realization=realization)
        return Response(RealizationOutputSerializer(realization).data)


urlpatterns: list[URLPattern] = [
    path(
        "plans/<id:plan_id>/realizations/",
        api_operations(get=PlanRealizationsApi, post=RealizationSaveApi).as_view(),
        name="plan_realizations",
    ),
    path(
        "realizations/<id:realization_id>/submit/",
        RealizationSubmitApi.as_view(),
        name="realization_submit",
    ),
    path(
        "realizations/<id:realization_id>/return/",
        RealizationReturnApi.as_view(),
        name="realization_return",
    ),
    path(
        "realizations/<id:realization_id>/accept/",
        RealizationAcceptApi.as_view(),
        name="realization_accept",
    ),
]
