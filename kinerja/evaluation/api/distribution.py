"""API of an agency's distribution report: the organisation predikat, the count and share of
each employee predikat for the agency and each of its units, the guidance broken in words,
how many approved plans still wait for a predikat, and whether the group is locked
(`selectors.distribution.group_distribution`, the curve page's reading). Readers of the
agency only (`can_view_agency_group`); 404 for everyone else."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from django.http import Http404
from django.urls import URLPattern, path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.accounts.actors import request_actor
from kinerja.evaluation.api.params import ScopeInputSerializer, scope_of
from kinerja.evaluation.permissions import can_view_agency_group
from kinerja.evaluation.selectors.distribution import GroupDistribution, group_distribution
from kinerja.organization.models import Agency
from kinerja.scoring.distribution import DistributionReport
from kinerja.scoring.ratings import Predikat
from kinerja.scoring.rounding import quantize


class PredikatCountOutputSerializer(serializers.Serializer[Any]):
    predikat = serializers.CharField()
    predikat_label = serializers.CharField()
    count = serializers.IntegerField()
    share = serializers.DecimalField(max_digits=6, decimal_places=4)


class UnitDistributionOutputSerializer(serializers.Serializer[Any]):
    unit_id = serializers.IntegerField(allow_null=True)
    unit_name = serializers.CharField()
    total = serializers.IntegerField()
    counts = PredikatCountOutputSerializer(many=True)
    too_small = serializers.BooleanField()
    violations = serializers.ListField(child=serializers.CharField())


class DistributionOutputSerializer(serializers.Serializer[Any]):
    agency_id = serializers.IntegerField()
    agency_name = serializers.CharField()
    period_id = serializers.IntegerField()
    window_id = serializers.IntegerField(allow_null=True)
    scope = serializers.CharField()
    organization_predikat = serializers.CharField(allow_null=True)
    organization_predikat_label = serializers.CharField(allow_null=True)
    total = serializers.IntegerField()
    plans = serializers.IntegerField()
    pending = serializers.IntegerField()
    locked = serializers.BooleanField()
    counts = PredikatCountOutputSerializer(many=True)
    too_small = serializers.BooleanField()
    violations = serializers.ListField(
        child=serializers.CharField(),
        help_text="Every guidance sentence broken, the agency's first, then each unit's.",
    )
    units = UnitDistributionOutputSerializer(many=True)


def _counts(counts: Mapping[Predikat, int]) -> list[dict[str, Any]]:
    total = sum(counts.values())
    return [
        {
            "predikat": predikat.value,
            "predikat_label": predikat.label,
            "count": counts.get(predikat, 0),
            "share": quantize(Fraction(counts.get(predikat, 0), total) if total else 0, 4),
        }
        for predikat in Predikat
    ]


def _too_small(report: DistributionReport | None) -> bool:
    return bool(report and report.too_small)


def distribution_data(group: GroupDistribution) -> dict[str, Any]:
    rating = group.organization_rating
    return {
        "agency_id": group.agency.pk,
        "agency_name": group.agency.name,
        "period_id": group.scope.period.pk,
        "window_id": group.scope.window_id,
        "scope": group.scope.label,
        "organization_predikat": rating.predikat if rating else None,
        "organization_predikat_label": rating.get_predikat_display() if rating else None,
        "total": group.total,
        "plans": group.plans,
        "pending": group.pending,
        "locked": group.is_locked,
        "counts": _counts(group.counts),
        "too_small": _too_small(group.report),
        "violations": group.violations,
        "units": [
            {
                "unit_id": unit.unit_id,
                "unit_name": unit.unit_name,
                "total": unit.total,
                "counts": _counts(unit.counts),
                "too_small": _too_small(unit.report),
                "violations": [v.message for v in unit.report.violations] if unit.report else [],
            }
            for unit in group.units
        ],
    }


class DistributionApi(APIView):
    """The spread of predikat of an agency's group (`periode`, `evaluasi`: a window id or
    "tahunan"; by default the current period's latest ended window) against the guidance for
    its organisation predikat."""

    @extend_schema(
        parameters=[ScopeInputSerializer],
        responses=DistributionOutputSerializer,
        summary="Pola distribusi predikat perangkat daerah",
    )
    def get(self, request: Request, agency_id: int) -> Response:
        params = ScopeInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        actor = request_actor(request)
        agency = Agency.objects.filter(pk=agency_id).first()
        if agency is None or not can_view_agency_group(actor, agency.pk):
            raise Http404
        scope = scope_of(request.query_params, required=True)
        assert scope is not None  # required
        group = group_distribution(agency=agency, scope=scope)
        return Response(DistributionOutputSerializer(distribution_data(group)).data)


urlpatterns: list[URLPattern] = [
    path("distribution/<id:agency_id>/", DistributionApi.as_view(), name="distribution"),
]
