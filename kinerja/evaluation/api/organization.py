"""API of organisation ratings: the list of the agencies I read, and setting an agency's
predikat for a window or the year (Pimpinan, through `organization_rating_set`)."""

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
from kinerja.core.api_routing import api_operations
from kinerja.core.params import IdSerializerField
from kinerja.evaluation.api.listing import organization_rating_list_for_actor
from kinerja.evaluation.api.params import (
    SCOPE_HELP,
    ScopeInputSerializer,
    agency_of,
    filters_of,
    scope_of,
)
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.services.organization import organization_rating_set
from kinerja.scoring.ratings import OrganizationPredikat

NOTE_MAX = 4000
PREDIKAT_MESSAGE = (
    "Predikat {input!r} tidak dikenal; pilih ISTIMEWA, BAIK, BUTUH_PERBAIKAN, KURANG atau "
    "SANGAT_KURANG."
)


class OrganizationRatingOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    agency_id = serializers.IntegerField()
    agency_name = serializers.CharField(source="agency.name")
    period_id = serializers.IntegerField()
    year = serializers.IntegerField(source="period.year")
    window_id = serializers.IntegerField(allow_null=True)
    scope = serializers.SerializerMethodField()
    predikat = serializers.CharField()
    predikat_label = serializers.CharField(source="get_predikat_display")
    planning_note = serializers.CharField()
    hr_note = serializers.CharField()
    audit_note = serializers.CharField()
    set_by = serializers.CharField(source="set_by.get_full_name", allow_null=True, default=None)
    updated_at = serializers.DateTimeField()

    def get_scope(self, rating: Any) -> str:
        return Scope(rating.period, rating.window).label


class OrganizationRatingListInputSerializer(ScopeInputSerializer):
    agency = IdSerializerField(required=False, help_text="ID perangkat daerah.")


class OrganizationRatingSetInputSerializer(serializers.Serializer[Any]):
    agency = IdSerializerField(help_text="ID perangkat daerah.")
    periode = IdSerializerField(help_text="ID periode penilaian.")
    evaluasi = serializers.CharField(max_length=20, help_text=SCOPE_HELP)
    predikat = serializers.ChoiceField(
        choices=[p.value for p in OrganizationPredikat],
        error_messages={"invalid_choice": PREDIKAT_MESSAGE},
    )
    planning_note = serializers.CharField(
        required=False, default="", allow_blank=True, max_length=NOTE_MAX
    )
    hr_note = serializers.CharField(
        required=False, default="", allow_blank=True, max_length=NOTE_MAX
    )
    audit_note = serializers.CharField(
        required=False, default="", allow_blank=True, max_length=NOTE_MAX
    )


class OrganizationRatingListApi(APIView):
    """The organisation ratings of the agencies I read, filtered by `periode`, `evaluasi`
    (window id or "tahunan") and `agency`."""

    @extend_schema(
        parameters=[OrganizationRatingListInputSerializer],
        responses=OrganizationRatingOutputSerializer(many=True),
        summary="Daftar predikat kinerja organisasi",
        operation_id="v1_organization_ratings_list",
    )
    def get(self, request: Request) -> Response:
        params = OrganizationRatingListInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        found = filters_of(request.query_params)
        rows = organization_rating_list_for_actor(
            actor=request_actor(request),
            period=found.period,
            scope=found.scope,
            agency_id=params.validated_data.get("agency"),
        )
        return paginated_response(
            request,
            self,
            rows,
            lambda page: OrganizationRatingOutputSerializer(page, many=True).data,
        )


class OrganizationRatingSetApi(APIView):
    """Set an agency's predikat for a window or the year, with the recommendations of the
    planning, HR and audit units (Pimpinan)."""

    @extend_schema(
        request=OrganizationRatingSetInputSerializer,
        responses=OrganizationRatingOutputSerializer,
        summary="Tetapkan predikat kinerja organisasi",
    )
    def put(self, request: Request) -> Response:
        params = OrganizationRatingSetInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        agency = agency_of(data["agency"])
        assert agency is not None  # the field is required
        scope = scope_of({"periode": data["periode"], "evaluasi": data["evaluasi"]})
        assert scope is not None  # the period was named
        rating = organization_rating_set(
            actor=request_actor(request),
            agency=agency,
            scope=scope,
            predikat=data["predikat"],
            planning_note=data["planning_note"],
            hr_note=data["hr_note"],
            audit_note=data["audit_note"],
        )
        return Response(OrganizationRatingOutputSerializer(rating).data)


urlpatterns: list[URLPattern] = [
    path(
        "organization-ratings/",
        api_operations(get=OrganizationRatingListApi, put=OrganizationRatingSetApi).as_view(),
        name="organization_ratings",
    ),
]
