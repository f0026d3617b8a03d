"""SKM index and reports for signed-in users: city, agency, service unit; population."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse


def survey_index(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("survey_index: belum dibuat")


def agency_report(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("agency_report: belum dibuat")


def unit_report(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("unit_report: belum dibuat")


def population_edit(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("population_edit: belum dibuat")
