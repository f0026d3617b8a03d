"""Trials pages (placeholders until built)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse


def trial_list(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def trial_detail(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def trial_clear(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def trial_promote(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404
