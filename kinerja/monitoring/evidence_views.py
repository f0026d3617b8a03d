"""Pages of the evidence part (owned by its helper; these are placeholders)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse


def evidence_download(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("evidence_download")


def evidence_remove(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("evidence_remove")
