"""Scaffold: placeholder views with their final names; the pages are being written."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse


def allowance_index(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Segera hadir.", status=501)


def scheme_edit(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Segera hadir.", status=501)


def attendance(request: HttpRequest, agency_id: Any) -> HttpResponse:
    return HttpResponse("Segera hadir.", status=501)


def attendance_import(request: HttpRequest, agency_id: Any) -> HttpResponse:
    return HttpResponse("Segera hadir.", status=501)


def allowance_sheet(request: HttpRequest, agency_id: Any) -> HttpResponse:
    return HttpResponse("Segera hadir.", status=501)
