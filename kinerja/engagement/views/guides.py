"""Guides pages (placeholders until built)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse


def hub(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def guide_index(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def help_for_page(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def guide_edit(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def guide_detail(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def tour(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def tour_skip(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def tour_finish(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404
