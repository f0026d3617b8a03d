"""Announcements pages (placeholders until built)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse


def announcement_list(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def announcement_manage(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def announcement_edit(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def announcement_detail(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def announcement_read(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def announcement_publish(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def announcement_rates(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404
