"""Placeholder views (scaffold); replaced by the helper that owns this module."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse


def period_list(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404
