"""Scaffold: placeholder views with their final names; the pages are being written."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse


def calibration(request: HttpRequest, agency_id: Any) -> HttpResponse:
    return HttpResponse("Segera hadir.", status=501)


def calibration_move(request: HttpRequest, agency_id: Any) -> HttpResponse:
    return HttpResponse("Segera hadir.", status=501)


def calibration_lock(request: HttpRequest, agency_id: Any) -> HttpResponse:
    return HttpResponse("Segera hadir.", status=501)
