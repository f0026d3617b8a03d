"""API: performance periods (list, detail with windows; open, change deadlines and change
stage for Admin BKPSDM), using the same selectors and services as the pages."""

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
from kinerja.core.params import ModelCharField
from kinerja.organization.models import Agency
from kinerja.periods.models import PerformancePeriod
from kinerja.periods.selectors import period_get_for_actor, period_list_for_actor
from kinerja.periods.services import period_advance, period_open, period_update


class WindowOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    number = serializers.IntegerField()
    name = serializers.CharField()
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    realization_due_date = serializers.DateField()


class PeriodOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    year = serializers.IntegerField()
    name = serializers.CharField()
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    state = serializers.CharField()
    state_label = serializers.CharField(source="get_state_display")
    is_trial = serializers.BooleanField()
    trial_agency_id = serializers.IntegerField(allow_null=True)
    window_kind = serializers.CharField()
    plan_due_date = serializers.DateField()
    realization_due_day = serializers.IntegerField()
    evaluation_due_date = serializers.DateField()


class PeriodDetailOutputSerializer(PeriodOutputSerializer):
    windows = WindowOutputSerializer(many=True, source="windows.all")


class PeriodOpenInputSerializer(serializers.Serializer[Any]):
    # Bounds only keep the database integer safe; the service says what is accepted.
    year = serializers.IntegerField(min_value=0, max_value=32767)
    name = serializers.CharField(max_length=1000)
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    window_kind = ModelCharField(PerformancePeriod, "window_kind")
    plan_due_date = serializers.DateField()
    realization_due_day = serializers.IntegerField(min_value=-32768, max_value=32767)
    evaluation_due_date = serializers.DateField()
    is_trial = serializers.BooleanField(required=False, default=False)
    trial_agency = serializers.PrimaryKeyRelatedField(
        queryset=Agency.objects.all(), required=False, allow_null=True, default=None
    )


class PeriodUpdateInputSerializer(serializers.Serializer[Any]):
    """Deadlines always (but when Ditutup); name, dates and window kind only in Perencanaan."""

    plan_due_date = serializers.DateField()
    realization_due_day = serializers.IntegerField(min_value=-32768, max_value=32767)
    evaluation_due_date = serializers.DateField()
    name = serializers.CharField(max_length=1000, required=False)
    start_date = serializers.DateField(required=False)
    end_date = serializers.DateField(required=False)
    window_kind = ModelCharField(PerformancePeriod, "window_kind", required=False)
    trial_agency = serializers.PrimaryKeyRelatedField(
        queryset=Agency.objects.all(), required=False, allow_null=True
    )


class PeriodStageInputSerializer(serializers.Serializer[Any]):
    to_state = ModelCharField(PerformancePeriod, "state")


class PeriodListApi(APIView):
    """List periods, newest first, each with its deadlines: every signed-in user."""

    @extend_schema(responses=PeriodOutputSerializer(many=True), summary="Daftar periode penilaian")
    def get(self, request: Request) -> Response:
        periods = period_list_for_actor(actor=request_actor(request))
        return paginated_response(
            request, self, periods, lambda page: PeriodOutputSerializer(page, many=True).data
        )


class PeriodOpenApi(APIView):
    """Open a period in Perencanaan with its evaluation windows: Admin BKPSDM only."""

    @extend_schema(
        request=PeriodOpenInputSerializer,
        responses={201: PeriodDetailOutputSerializer},
        summary="Buka periode penilaian",
    )
    def post(self, request: Request) -> Response:
        params = PeriodOpenInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        period = period_open(actor=request_actor(request), **params.validated_data)
        period = period_get_for_actor(actor=request_actor(request), period_id=period.pk)
        return Response(PeriodDetailOutputSerializer(period).data, status=status.HTTP_201_CREATED)


class PeriodDetailApi(APIView):
    @extend_schema(
        responses=PeriodDetailOutputSerializer, summary="Periode penilaian dan evaluasi periodiknya"
    )
    def get(self, request: Request, period_id: int) -> Response:
        period = period_get_for_actor(actor=request_actor(request), period_id=period_id)
        return Response(PeriodDetailOutputSerializer(period).data)


class PeriodUpdateApi(APIView):
    """Change the deadlines of a period (and, in Perencanaan, its dates): Admin BKPSDM only."""

    @extend_schema(
        request=PeriodUpdateInputSerializer,
        responses=PeriodDetailOutputSerializer,
        summary="Ubah batas waktu periode penilaian",
    )
    def patch(self, request: Request, period_id: int) -> Response:
        actor = request_actor(request)
        period = period_get_for_actor(actor=actor, period_id=period_id)
        params = PeriodUpdateInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        period = period_update(actor=actor, period=period, **params.validated_data)
        period = period_get_for_actor(actor=actor, period_id=period.pk)
        return Response(PeriodDetailOutputSerializer(period).data)


class PeriodStageApi(APIView):
    @extend_schema(
        request=PeriodStageInputSerializer,
        responses=PeriodOutputSerializer,
        summary="Pindahkan tahap periode penilaian",
    )
    def post(self, request: Request, period_id: int) -> Response:
        actor = request_actor(request)
        period = period_get_for_actor(actor=actor, period_id=period_id)
        params = PeriodStageInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        period = period_advance(
            actor=actor, period=period, to_state=params.validated_data["to_state"]
        )
        return Response(PeriodOutputSerializer(period).data)


urlpatterns = [
    path(
        "periods/",
        api_operations(get=PeriodListApi, post=PeriodOpenApi).as_view(),
        name="period_list",
    ),
    path(
        "periods/<id:period_id>/",
        api_operations(get=PeriodDetailApi, patch=PeriodUpdateApi).as_view(),
        name="period_detail",
    ),
    path("periods/<id:period_id>/state/", PeriodStageApi.as_view(), name="period_state"),
]
