"""Published results, documents (PDF report, XLSX answers, QR poster), moderation, follow-up."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse


@login_not_required
def public_results(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("public_results: belum dibuat")


@login_not_required
def public_list(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("public_list: belum dibuat")


def report_pdf(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("report_pdf: belum dibuat")


def answers_xlsx(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("answers_xlsx: belum dibuat")


def poster_pdf(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("poster_pdf: belum dibuat")


def suggestion_list(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("suggestion_list: belum dibuat")


def suggestion_moderate(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("suggestion_moderate: belum dibuat")


def followup_list(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("followup_list: belum dibuat")


def followup_edit(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("followup_edit: belum dibuat")
