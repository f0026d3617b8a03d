"""Scaffold: placeholder views with their final names; the pages are being written."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse


def evaluation_pdf(request: HttpRequest, evaluation_id: Any) -> HttpResponse:
    return HttpResponse("Segera hadir.", status=501)


def document_batch(request: HttpRequest, agency_id: Any) -> HttpResponse:
    return HttpResponse("Segera hadir.", status=501)


def document_batch_download(request: HttpRequest, job_id: Any) -> HttpResponse:
    return HttpResponse("Segera hadir.", status=501)
