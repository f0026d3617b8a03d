"""Service standards: the public approved version and the staff workspace; services."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse


@login_not_required
def standard_public(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("standard_public: belum dibuat")


def standard_workspace(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("standard_workspace: belum dibuat")


def service_list(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("service_list: belum dibuat")
