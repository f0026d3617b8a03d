"""API: read the city's structure (agencies, units, positions), scoped like the pages."""

from __future__ import annotations

from typing import Any

from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.accounts.actors import request_actor
from kinerja.core.api_pages import paginated_response
from kinerja.organization.selectors import (
    agency_list_for_actor,
    position_list_for_actor,
    unit_list_for_actor,
)


class AgencyOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.CharField()
    parent_id = serializers.IntegerField(allow_null=True)
    valid_from = serializers.DateField(allow_null=True)
    valid_to = serializers.DateField(allow_null=True)


class UnitOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    agency_id = serializers.IntegerField()
    parent_id = serializers.IntegerField(allow_null=True)
    code = serializers.CharField()
    name = serializers.CharField()


class PositionOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    agency_id = serializers.IntegerField()
    unit_id = serializers.IntegerField(allow_null=True)
    name = serializers.CharField()
    kind = serializers.CharField()
    level = serializers.CharField()
    supervisor_id = serializers.IntegerField(allow_null=True)
    is_head_of_agency = serializers.BooleanField()


def paginated(request: Request, view: APIView, rows: Any, serializer: type[Any]) -> Response:
    return paginated_response(request, view, rows, lambda page: serializer(page, many=True).data)


class AgencyListApi(APIView):
    @extend_schema(responses=AgencyOutputSerializer(many=True), summary="Perangkat daerah")
    def get(self, request: Request) -> Response:
        rows = agency_list_for_actor(actor=request_actor(request))
        return paginated(request, self, rows, AgencyOutputSerializer)


class UnitListApi(APIView):
    @extend_schema(responses=UnitOutputSerializer(many=True), summary="Unit kerja")
    def get(self, request: Request, agency_id: int) -> Response:
        rows = unit_list_for_actor(actor=request_actor(request), agency_id=agency_id)
        return paginated(request, self, rows, UnitOutputSerializer)


class PositionListApi(APIView):
    @extend_schema(responses=PositionOutputSerializer(many=True), summary="Jabatan")
    def get(self, request: Request, agency_id: int) -> Response:
        rows = position_list_for_actor(actor=request_actor(request), agency_id=agency_id)
        return paginated(request, self, rows, PositionOutputSerializer)


urlpatterns = [
    path("agencies/", AgencyListApi.as_view(), name="agency_list"),
    path("agencies/<id:agency_id>/units/", UnitListApi.as_view(), name="unit_list"),
    path("agencies/<id:agency_id>/positions/", PositionListApi.as_view(), name="position_list"),
]
