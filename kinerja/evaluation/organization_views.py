"""Scaffold: placeholder views with their final names; the pages are being written."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse


def organization_rating_list(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Segera hadir.", status=501)


def organization_rating_set(request: HttpRequest, agency_id: Any) -> HttpResponse:
    return HttpResponse("Segera hadir.", status=501)
