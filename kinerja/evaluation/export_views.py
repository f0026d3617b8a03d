"""Scaffold: placeholder views with their final names; the pages are being written."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse


def export_index(request: HttpRequest, agency_id: Any) -> HttpResponse:
    return HttpResponse("Segera hadir.", status=501)


def export_ekinerja(request: HttpRequest, agency_id: Any) -> HttpResponse:
    return HttpResponse("Segera hadir.", status=501)
