"""Perception pages (placeholders until built)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse


def perception_index(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def perception_results(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def perception_rounds(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def perception_round_close(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404
