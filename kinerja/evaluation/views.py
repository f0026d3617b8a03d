"""Scaffold: placeholder views with their final names; the pages are being written."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse


def evaluation_list(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Segera hadir.", status=501)


def evaluation_start(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Segera hadir.", status=501)


def evaluation_detail(request: HttpRequest, evaluation_id: Any) -> HttpResponse:
    return HttpResponse("Segera hadir.", status=501)


def evaluation_save(request: HttpRequest, evaluation_id: Any) -> HttpResponse:
    return HttpResponse("Segera hadir.", status=501)


def evaluation_acknowledge(request: HttpRequest, evaluation_id: Any) -> HttpResponse:
    return HttpResponse("Segera hadir.", status=501)
