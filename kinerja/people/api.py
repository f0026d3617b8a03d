"""API: employees (list, detail with chain of command, create, move), using the same
selectors and services as the pages."""

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
from kinerja.core.params import IdSerializerField, ModelCharField
from kinerja.organization.models import Position
from kinerja.people.identity import IDENTITY_FIELDS, identity_check
from kinerja.people.models import Assignment, Employee
from kinerja.people.selectors import (
    EmployeeFilters,
    chain_of_command_view,
    employee_get_for_actor,
    employee_list_for_actor,
)
from kinerja.people.services import employee_create, employee_move
from kinerja.scoring.nip import SEPARATORS


class CurrentAssignmentOutputSerializer(serializers.Serializer[Any]):
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
    current_assignments = CurrentAssignmentOutputSerializer(many=True, required=False)


class OfficialOutputSerializer(serializers.Serializer[Any]):
    is_wali_kota = serializers.BooleanField()
    employee_id = serializers.IntegerField(source="employee.pk", allow_null=True, default=None)
    name = serializers.CharField(source="employee.full_name", default="Wali Kota Surakarta")
    position_id = serializers.IntegerField(source="position.pk", allow_null=True, default=None)
    is_acting = serializers.BooleanField()


class ChainOutputSerializer(serializers.Serializer[Any]):
    day = serializers.DateField()
    supervisor = OfficialOutputSerializer(allow_null=True)
    appraiser = OfficialOutputSerializer(allow_null=True)
    appraiser_superior = OfficialOutputSerializer(allow_null=True)


class NipField(ModelCharField):
    """A NIP as people type it (spaces and dots allowed), limited to the 18 stored digits."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(Employee, "nip", **kwargs)

    def to_internal_value(self, data: Any) -> str:
        text = "".join(char for char in str(data) if char not in SEPARATORS)
        return super().to_internal_value(text)


class EmployeeListInputSerializer(serializers.Serializer[Any]):
    q = serializers.CharField(required=False, default="", allow_blank=True, max_length=100)
    agency = IdSerializerField(required=False, allow_null=True, default=None)
    unit = IdSerializerField(required=False, allow_null=True, default=None)
    grade = ModelCharField(Employee, "grade", required=False, default="", allow_blank=True)
    position_kind = ModelCharField(Position, "kind", required=False, default="", allow_blank=True)
    status = ModelCharField(Employee, "status", required=False, default="", allow_blank=True)


class EmployeeCreateInputSerializer(serializers.Serializer[Any]):
    nip = NipField()
    employment_type = ModelCharField(Employee, "employment_type")
    name = ModelCharField(Employee, "name")
    title_prefix = ModelCharField(
        Employee, "title_prefix", required=False, default="", allow_blank=True
    )
    title_suffix = ModelCharField(
        Employee, "title_suffix", required=False, default="", allow_blank=True
    )
    gender = ModelCharField(Employee, "gender")
    birth_date = serializers.DateField()
    grade = ModelCharField(Employee, "grade")
    position_id = IdSerializerField(required=False, allow_null=True, default=None)
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
    position_id = IdSerializerField()
    start_date = serializers.DateField()
    note = ModelCharField(Assignment, "note", required=False, default="", allow_blank=True)


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


class EmployeeListApi(APIView):
    """List employees: BKPSDM, Pimpinan and Inspektorat all; an Admin OPD their agency."""

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
        rows = employee_list_for_actor(actor=request_actor(request), filters=filters)
        return paginated_response(
            request, self, rows, lambda page: EmployeeOutputSerializer(page, many=True).data
        )


class EmployeeCreateApi(APIView):
    """Add an employee: Admin BKPSDM anywhere, an Admin OPD into a post of their agency."""

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
        employee = employee_create(actor=request_actor(request), position=position, **data)
        return Response(EmployeeOutputSerializer(employee).data, status=status.HTTP_201_CREATED)


class EmployeeDetailApi(APIView):
    @extend_schema(responses=EmployeeOutputSerializer, summary="Pegawai dan rantai atasannya")
    def get(self, request: Request, employee_id: int) -> Response:
        employee = employee_get_for_actor(actor=request_actor(request), employee_id=employee_id)
        chain = chain_of_command_view(employee=employee)
        body = dict(EmployeeOutputSerializer(employee).data)
        body["chain_of_command"] = ChainOutputSerializer(chain).data
        return Response(body)


class EmployeeMoveApi(APIView):
    @extend_schema(
        request=EmployeeMoveInputSerializer,
        responses={201: EmployeeMoveOutputSerializer},
        summary="Mutasi pegawai",
    )
    def post(self, request: Request, employee_id: int) -> Response:
        employee: Employee = employee_get_for_actor(
            actor=request_actor(request), employee_id=employee_id
        )
        params = EmployeeMoveInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        position = _position(data["position_id"])
        assert position is not None  # position_id is required
        assignment = employee_move(
            actor=request_actor(request),
            employee=employee,
            position=position,
            start_date=data["start_date"],
            note=data["note"],
        )
        body = {"assignment_id": assignment.pk, "position_id": position.pk}
        return Response(EmployeeMoveOutputSerializer(body).data, status=status.HTTP_201_CREATED)


urlpatterns = [
    path(
        "employees/",
        api_operations(get=EmployeeListApi, post=EmployeeCreateApi).as_view(),
        name="employee_list",
    ),
    path("employees/<id:employee_id>/", EmployeeDetailApi.as_view(), name="employee_detail"),
    path("employees/<id:employee_id>/move/", EmployeeMoveApi.as_view(), name="employee_move"),
]
