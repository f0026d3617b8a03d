"""Pages of the feedback part (owned by its helper; these are placeholders)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse


def feedback_index(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("feedback_index")


def feedback_give(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("feedback_give")


def feedback_request(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("feedback_request")


def feedback_detail(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("feedback_detail")


def feedback_request_decline(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("feedback_request_decline")
