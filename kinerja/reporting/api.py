"""Dashboard figures in the API (/api/v1/dashboards/…), with the pages' permissions: the city
for Pimpinan, Admin BKPSDM and Inspektorat; an agency and its units for those and the agency's
own Admin OPD (403 otherwise, 404 for an unknown scope or period). Query `period` (an id;
default: the newest real period). Each panel as its table (label, cells with text and number,
total), then the top-and-bottom lists."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.urls import URLPattern, path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.accounts.actors import request_actor
from kinerja.core.params import id_param
from kinerja.reporting.panels.base import Row
from kinerja.reporting.selectors.dashboard import Dashboard, dashboard_for_actor

PERIOD = "period"
PERIOD_PARAMETER = OpenApiParameter(
    PERIOD, OpenApiTypes.INT, description="Id periode (bawaan: periode resmi terbaru)."
)


class DashboardCellOutputSerializer(serializers.Serializer[Any]):
    text = serializers.CharField(help_text="Seperti di halaman (format Indonesia).")
    value = serializers.DecimalField(
        max_digits=20, decimal_places=4, allow_null=True, coerce_to_string=False
    )


class DashboardRowOutputSerializer(serializers.Serializer[Any]):
    label = serializers.CharField()  # type: ignore[assignment]
    url = serializers.CharField()
    cells = DashboardCellOutputSerializer(many=True)


class DashboardPanelOutputSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    title = serializers.CharField()
    columns = serializers.ListField(child=serializers.CharField())
    rows = DashboardRowOutputSerializer(many=True)
    total = DashboardRowOutputSerializer(allow_null=True)


class DashboardRankedLineOutputSerializer(serializers.Serializer[Any]):
    position = serializers.IntegerField()
    label = serializers.CharField()  # type: ignore[assignment]
    detail = serializers.CharField()
    value = serializers.DecimalField(max_digits=20, decimal_places=4, coerce_to_string=False)
    count = serializers.IntegerField()
    url = serializers.CharField()


class DashboardRankingOutputSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(source="spec.ranking")
    title = serializers.CharField()
    lines = DashboardRankedLineOutputSerializer(many=True)


class DashboardScopeOutputSerializer(serializers.Serializer[Any]):
    level = serializers.CharField()
    title = serializers.CharField()
    agency_id = serializers.IntegerField(allow_null=True)
    unit_id = serializers.IntegerField(allow_null=True)


class DashboardPeriodOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="pk")
    name = serializers.CharField()
    year = serializers.IntegerField()


class DashboardOutputSerializer(serializers.Serializer[Any]):
    scope = DashboardScopeOutputSerializer()
    period = DashboardPeriodOutputSerializer(allow_null=True)
    refreshed_at = serializers.DateTimeField(source="refreshed.refreshed_at", allow_null=True)
    panels = DashboardPanelOutputSerializer(many=True)
    rankings = DashboardRankingOutputSerializer(many=True)


def _period_id(request: Request) -> int | None:
    try:
        return id_param(request.query_params.get(PERIOD, ""), label="Periode")
    except ValidationError as error:
        raise ValidationError({PERIOD: error.messages}) from error


def _row(row: Row | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {
        "label": row.label,
        "url": row.url,
        "cells": [{"text": c.text, "value": c.value} for c in row.cells],
    }


def _data(dashboard: Dashboard) -> dict[str, Any]:
    return dict(
        DashboardOutputSerializer(
            {
                "scope": dashboard.scope,
                "period": dashboard.period,
                "refreshed": dashboard.refreshed,
                "panels": [
                    {
                        "code": view.code,
                        "title": view.title,
                        "columns": list(view.columns),
                        "rows": [_row(row) for row in view.rows],
                        "total": _row(view.total),
                    }
                    for view in dashboard.panels
                ],
                "rankings": dashboard.rankings,
            }
        ).data
    )


class CityDashboardApi(APIView):
    """The city's dashboard figures (Pimpinan, Admin BKPSDM, Inspektorat)."""

    @extend_schema(
        parameters=[PERIOD_PARAMETER], responses=DashboardOutputSerializer, summary="Dasbor kota"
    )
    def get(self, request: Request) -> Response:
        dashboard = dashboard_for_actor(actor=request_actor(request), period_id=_period_id(request))
        return Response(_data(dashboard))


class AgencyDashboardApi(APIView):
    """One agency's dashboard figures, per top unit."""

    @extend_schema(
        parameters=[PERIOD_PARAMETER],
        responses=DashboardOutputSerializer,
        summary="Dasbor perangkat daerah",
    )
    def get(self, request: Request, agency_id: int) -> Response:
        dashboard = dashboard_for_actor(
            actor=request_actor(request), period_id=_period_id(request), agency_id=agency_id
        )
        return Response(_data(dashboard))


class UnitDashboardApi(APIView):
    """One unit's dashboard figures, per sub-unit."""

    @extend_schema(
        parameters=[PERIOD_PARAMETER], responses=DashboardOutputSerializer, summary="Dasbor unit"
    )
    def get(self, request: Request, unit_id: int) -> Response:
        dashboard = dashboard_for_actor(
            actor=request_actor(request), period_id=_period_id(request), unit_id=unit_id
        )
        return Response(_data(dashboard))


urlpatterns: list[URLPattern] = [
    path("dashboards/city/", CityDashboardApi.as_view(), name="reporting-dashboard-city"),
    path(
        "dashboards/agencies/<id:agency_id>/",
        AgencyDashboardApi.as_view(),
        name="reporting-dashboard-agency",
    ),
    path(
        "dashboards/units/<id:unit_id>/",
        UnitDashboardApi.as_view(),
        name="reporting-dashboard-unit",
    ),
]
