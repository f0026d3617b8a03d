"""Placeholder views (scaffold); replaced by the helper that owns this module."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse


def results_matrix(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def alignment_tree(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def goal_list(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def completion(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404
