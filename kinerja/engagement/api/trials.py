"""API of trial periods for Admin BKPSDM under /api/v1/trial-periods/: the list with counts,
clearing one trial period's results and switching it to real, through the same selectors and
services as the pages. Others get 403; a period that is not a trial is 404."""

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
from kinerja.engagement.selectors.trial import (
    agency_label,
    trial_get_for_actor,
    trial_list_for_actor,
)
from kinerja.engagement.services.trial import trial_period_clear, trial_period_promote


class TrialPeriodOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="pk")
    year = serializers.IntegerField()
    name = serializers.CharField()
    state = serializers.CharField()
    state_label = serializers.CharField(source="get_state_display")
    is_trial = serializers.BooleanField()
    trial_agency_id = serializers.IntegerField(allow_null=True)
    agency_label = serializers.SerializerMethodField()
    plan_count = serializers.IntegerField()
    evaluation_count = serializers.IntegerField()

    def get_agency_label(self, period: Any) -> str:
        return agency_label(period)


class TrialPeriodStateOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="pk")
    name = serializers.CharField()
    state = serializers.CharField()
    is_trial = serializers.BooleanField()
    trial_agency_id = serializers.IntegerField(allow_null=True)


class TrialClearOutputSerializer(serializers.Serializer[Any]):
    period = TrialPeriodStateOutputSerializer()
    cleared = serializers.DictField(child=serializers.IntegerField())


class TrialPeriodListApi(APIView):
    @extend_schema(
        responses=TrialPeriodOutputSerializer(many=True), summary="Daftar periode uji coba"
    )
    def get(self, request: Request) -> Response:
        periods = trial_list_for_actor(actor=request_actor(request))
        return paginated_response(
            request, self, periods, lambda page: TrialPeriodOutputSerializer(page, many=True).data
        )


class TrialPeriodClearApi(APIView):
    @extend_schema(
        request=None,
        responses=TrialClearOutputSerializer,
        summary="Kosongkan hasil periode uji coba",
    )
    def post(self, request: Request, period_id: int) -> Response:
        actor = request_actor(request)
        period = trial_get_for_actor(actor=actor, period_id=period_id)
        cleared = trial_period_clear(actor=actor, period=period)
        period.refresh_from_db()
        return Response(TrialClearOutputSerializer({"period": period, "cleared": cleared}).data)


class TrialPeriodPromoteApi(APIView):
    @extend_schema(
        request=None,
        responses=TrialPeriodStateOutputSerializer,
        summary="Jadikan periode uji coba resmi",
    )
    def post(self, request: Request, period_id: int) -> Response:
        actor = request_actor(request)
        period = trial_get_for_actor(actor=actor, period_id=period_id)
        period = trial_period_promote(actor=actor, period=period)
        return Response(TrialPeriodStateOutputSerializer(period).data)


urlpatterns: list[URLPattern] = [
    path("trial-periods/", TrialPeriodListApi.as_view(), name="trial_period_list"),
    path(
        "trial-periods/<id:period_id>/clear/",
        TrialPeriodClearApi.as_view(),
        name="trial_period_clear",
    ),
    path(
        "trial-periods/<id:period_id>/promote/",
        TrialPeriodPromoteApi.as_view(),
        name="trial_period_promote",
    ),
]
