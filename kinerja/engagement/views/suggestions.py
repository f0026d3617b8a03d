"""Suggestions pages (placeholders until built)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse


def suggestion_list(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def suggestion_mine(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def suggestion_manage(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def suggestion_detail(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def suggestion_answer(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404
