"""Paper survey import: upload, job progress with the row-level report, template."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse


def paper_import(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("paper_import: belum dibuat")


def paper_import_job(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("paper_import_job: belum dibuat")


def paper_template(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("paper_template: belum dibuat")
