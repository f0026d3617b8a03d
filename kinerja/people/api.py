"""API: employees (list, detail with chain of command, create, move), using the same
selectors and services as the pages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.organization.models import Position
from kinerja.people.identity import IDENTITY_FIELDS, identity_check
from kinerja.people.models import Employee
from kinerja.people.selectors import (
    EmployeeFilters,
    chain_of_command_view,
    employee_get_for_actor,
    employee_list_for_actor,
)
from kinerja.people.services import employee_create, employee_move


class CurrentAssignmentSerializer(serializers.Serializer[Any]):
    position_id = serializers.IntegerField()
    position_name = serializers.CharField(source="position.name")
    agency_id = serializers.IntegerField(source="position.agency_id")
    start_date = serializers.DateField()
    is_acting = serializers.BooleanField()


class EmployeeOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    nip = serializers.CharField()
    employment_type = serializers.CharField()
    name = serializers.CharField()
    full_name = serializers.CharField()
    gender = serializers.CharField()
    grade = serializers.CharField()
    status = serializers.CharField()
    current_assignments = CurrentAssignmentSerializer(many=True, required=False)


class OfficialSerializer(serializers.Serializer[Any]):
    is_wali_kota = serializers.BooleanField()
    employee_id = serializers.IntegerField(source="employee.pk", allow_null=True, default=None)
    name = serializers.CharField(source="employee.full_name", default="Wali Kota Surakarta")
    position_id = serializers.IntegerField(source="position.pk", allow_null=True, default=None)
    is_acting = serializers.BooleanField()


class ChainSerializer(serializers.Serializer[Any]):
    day = serializers.DateField()
    supervisor = OfficialSerializer(allow_null=True)
    appraiser = OfficialSerializer(allow_null=True)
    appraiser_superior = OfficialSerializer(allow_null=True)


class EmployeeListInputSerializer(serializers.Serializer[Any]):
    q = serializers.CharField(required=False, default="", allow_blank=True)
    agency = serializers.IntegerField(required=False, allow_null=True, default=None)
    unit = serializers.IntegerField(required=False, allow_null=True, default=None)
    grade = serializers.CharField(required=False, default="", allow_blank=True)
    position_kind = serializers.CharField(required=False, default="", allow_blank=True)
    status = serializers.CharField(required=False, default="", allow_blank=True)


class EmployeeCreateInputSerializer(serializers.Serializer[Any]):
    nip = serializers.CharField()
    employment_type = serializers.CharField()
    name = serializers.CharField()
    title_prefix = serializers.CharField(required=False, default="", allow_blank=True)
    title_suffix = serializers.CharField(required=False, default="", allow_blank=True)
    gender = serializers.CharField()
    birth_date = serializers.DateField()
    grade = serializers.CharField()
    position_id = serializers.IntegerField(required=False, allow_null=True, default=None)
    start_date = serializers.DateField(required=False, allow_null=True, default=None)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """The identity rules (people/identity.py), worded as at every other entrance."""
        checked = identity_check(**{name: attrs[name] for name in IDENTITY_FIELDS})
        if checked.errors:
            raise serializers.ValidationError(
                {name: [reason] for name, reason in checked.errors.items()}
            )
        return attrs


class EmployeeMoveInputSerializer(serializers.Serializer[Any]):
    position_id = serializers.IntegerField()
    start_date = serializers.DateField()
    note = serializers.CharField(required=False, default="", allow_blank=True)


class EmployeeMoveOutputSerializer(serializers.Serializer[Any]):
    assignment_id = serializers.IntegerField()
    position_id = serializers.IntegerField()


def _position(position_id: int | None) -> Position | None:
    if position_id is None:
        return None
    position = Position.objects.select_related("agency").filter(pk=position_id).first()
    if position is None:
        raise serializers.ValidationError(
            {"position_id": [f"Jabatan dengan id {position_id} tidak ada."]}
        )
    return position


def _refusal(error: ValidationError) -> Response:
    return Response(error.message_dict, status=status.HTTP_400_BAD_REQUEST)


class EmployeeListApi(APIView):
    @extend_schema(
        parameters=[EmployeeListInputSerializer],
        responses=EmployeeOutputSerializer(many=True),
        summary="Daftar pegawai",
    )
    def get(self, request: Request) -> Response:
        params = EmployeeListInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        filters = EmployeeFilters(
            query=data["q"],
            agency_id=data["agency"],
            unit_id=data["unit"],
            grade=data["grade"],
            position_kind=data["position_kind"],
            status=data["status"],
        )
        rows = employee_list_for_actor(actor=request.user, filters=filters)
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(rows, request, view=self)
        return paginator.get_paginated_response(EmployeeOutputSerializer(page, many=True).data)

    @extend_schema(
        request=EmployeeCreateInputSerializer,
        responses={201: EmployeeOutputSerializer},
        summary="Tambah pegawai",
    )
    def post(self, request: Request) -> Response:
        params = EmployeeCreateInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        data = dict(params.validated_data)
        position = _position(data.pop("position_id"))
        try:
            employee = employee_create(actor=request.user, position=position, **data)
        except ValidationError as error:
            return _refusal(error)
        return Response(EmployeeOutputSerializer(employee).data, status=status.HTTP_201_CREATED)


class EmployeeDetailApi(APIView):
    @extend_schema(responses=EmployeeOutputSerializer, summary="Pegawai dan rantai atasannya")
    def get(self, request: Request, employee_id: int) -> Response:
        employee = employee_get_for_actor(actor=request.user, employee_id=employee_id)
        chain = chain_of_command_view(employee=employee)
        body = dict(EmployeeOutputSerializer(employee).data)
        body["chain_of_command"] = ChainSerializer(chain).data
        return Response(body)


class EmployeeMoveApi(APIView):
    @extend_schema(
        request=EmployeeMoveInputSerializer,
        responses={201: EmployeeMoveOutputSerializer},
        summary="Mutasi pegawai",
    )
    def post(self, request: Request, employee_id: int) -> Response:
        employee: Employee = employee_get_for_actor(actor=request.user, employee_id=employee_id)
        params = EmployeeMoveInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        position = _position(data["position_id"])
        if position is None:  # pragma: no cover - position_id is required
            raise Http404
        try:
            assignment = employee_move(
                actor=request.user,
                employee=employee,
                position=position,
                start_date=data["start_date"],
                note=data["note"],
            )
        except ValidationError as error:
            return _refusal(error)
        body = {"assignment_id": assignment.pk, "position_id": position.pk}
        return Response(EmployeeMoveOutputSerializer(body).data, status=status.HTTP_201_CREATED)


urlpatterns = [
    path("employees/", EmployeeListApi.as_view(), name="employee_list"),
    path("employees/<int:employee_id>/", EmployeeDetailApi.as_view(), name="employee_detail"),
    path("employees/<int:employee_id>/move/", EmployeeMoveApi.as_view(), name="employee_move"),
]
