"""Pages of the realization part (owned by its helper; these are placeholders)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse


def realization_team(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("realization_team")


def realizations(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("realizations")


def realization_edit(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("realization_edit")


def realization_decide(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return HttpResponse("realization_decide")
