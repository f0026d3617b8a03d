"""API: IKM of a service unit for signed-in readers (`/api/v1/service-units/<slug>/ikm/`).

The same report (`reports.report_build`) and the same authorisation
(`selectors.service_unit_get_for_actor`) as the unit's report page; the span from `from`/`to`
dates or `bulan`/`triwulan`/`tahun` (default: the current year), the convention from `bobot`.
"""

from __future__ import annotations

from typing import Any

from django.urls import path
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.accounts.actors import request_actor
from kinerja.surveys.reports import convention_from_param, report_build
from kinerja.surveys.selectors import service_unit_get_for_actor
from kinerja.surveys.spans import span_from_params, year_span

SPAN_PARAMS = ("from", "to", "bulan", "triwulan", "tahun")


class IkmInputSerializer(serializers.Serializer[Any]):
    from_ = serializers.CharField(
        required=False, allow_blank=True, max_length=40, help_text="Tanggal awal, TTTT-BB-HH."
    )
    to = serializers.CharField(
        required=False, allow_blank=True, max_length=40, help_text="Tanggal akhir, TTTT-BB-HH."
    )
    bulan = serializers.CharField(
        required=False, allow_blank=True, max_length=40, help_text="Bulan, mis. 2026-10."
    )
    triwulan = serializers.CharField(
        required=False, allow_blank=True, max_length=40, help_text="Triwulan, mis. 2026-4."
    )
    tahun = serializers.CharField(
        required=False, allow_blank=True, max_length=40, help_text="Tahun, mis. 2026."
    )
    bobot = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=40,
        help_text="Konvensi bobot unsur: EXACT (1/9, bawaan), LEGACY_0111 atau LEGACY_011.",
    )

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        fields = super().get_fields()
        fields["from"] = fields.pop("from_")  # `from` is a Python keyword
        return fields


class SpanOutputSerializer(serializers.Serializer[Any]):
    kind = serializers.CharField()
    start = serializers.DateField()
    end = serializers.DateField()
    label = serializers.CharField()  # type: ignore[assignment]


class ElementOutputSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    name = serializers.CharField()
    respondents = serializers.IntegerField()
    mean = serializers.DecimalField(max_digits=6, decimal_places=4, allow_null=True)
    weighted = serializers.DecimalField(max_digits=6, decimal_places=4, allow_null=True)
    interval = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    grade = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]


class IkmOutputSerializer(serializers.Serializer[Any]):
    service_unit = serializers.CharField(help_text="Alamat singkat unit layanan.")
    name = serializers.CharField()
    span = SpanOutputSerializer()
    convention = serializers.CharField()
    convention_label = serializers.CharField()
    respondents = serializers.IntegerField()
    ikm = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    index = serializers.DecimalField(max_digits=6, decimal_places=4, allow_null=True)
    grade = serializers.CharField(help_text="A, B, C atau D; kosong tanpa data.")
    label = serializers.CharField()  # type: ignore[assignment]
    elements = ElementOutputSerializer(many=True)
    population = serializers.IntegerField(allow_null=True)
    required_sample = serializers.IntegerField(allow_null=True)
    sample_adequate = serializers.BooleanField(allow_null=True)


class ServiceUnitIkmApi(APIView):
    """IKM of a service unit for a span: its staff, the Admin OPD of its agency, BKPSDM,
    Pimpinan and Inspektorat (as the unit's report page)."""

    @extend_schema(
        parameters=[IkmInputSerializer],
        responses=IkmOutputSerializer,
        summary="IKM unit layanan",
    )
    def get(self, request: Request, slug: str) -> Response:
        unit = service_unit_get_for_actor(actor=request_actor(request), slug=slug)
        params = IkmInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        span = span_from_params(
            {name: data[name] for name in SPAN_PARAMS if name in data},
            default=year_span(timezone.localdate().year),
        )
        convention = convention_from_param(data.get("bobot", ""))
        report = report_build(span=span, convention=convention, service_unit=unit)
        result = report.result
        body = {
            "service_unit": unit.slug,
            "name": unit.name,
            "span": {
                "kind": span.kind,
                "start": span.start,
                "end": span.end,
                "label": span.label,
            },
            "convention": convention.value,
            "convention_label": convention.label,
            "respondents": report.respondents,
            "ikm": result.value if result else None,
            "index": result.index if result else None,
            "grade": result.grade if result else "",
            "label": result.label if result else "",
            "elements": report.elements,
            "population": report.population,
            "required_sample": report.required_sample,
            "sample_adequate": report.sample_adequate,
        }
        return Response(IkmOutputSerializer(body).data)


urlpatterns = [
    path("service-units/<slug:slug>/ikm/", ServiceUnitIkmApi.as_view(), name="service_unit_ikm"),
]
